module golden/lh201/go123

go 1.23
