module golden/lh302daemon

go 1.19
