module golden/handler

go 1.19
