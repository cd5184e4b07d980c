module golden/lh204rt2

go 1.19
