module golden/lh204

go 1.19
