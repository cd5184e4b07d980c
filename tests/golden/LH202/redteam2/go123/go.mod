module golden/lh202rt2/go123

go 1.23
