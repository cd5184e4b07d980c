module golden/lh201

go 1.19
