module golden/lh205

go 1.19
