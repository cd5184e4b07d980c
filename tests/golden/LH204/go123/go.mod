module golden/lh204/go123

go 1.23
