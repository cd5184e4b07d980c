module golden/lh204rt2/go123

go 1.23
