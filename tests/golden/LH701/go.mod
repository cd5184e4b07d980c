module golden/lh701

go 1.19
