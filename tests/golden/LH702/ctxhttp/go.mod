module golden

go 1.19

require golang.org/x/net v0.0.0

replace golang.org/x/net => ./xnet
