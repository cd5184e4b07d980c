module golden/lh302tool

go 1.19
