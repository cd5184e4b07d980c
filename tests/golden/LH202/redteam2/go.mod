module golden/lh202rt2

go 1.19
