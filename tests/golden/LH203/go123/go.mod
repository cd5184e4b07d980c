module golden/go123

go 1.23
