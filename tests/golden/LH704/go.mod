module golden/lh704

go 1.19
