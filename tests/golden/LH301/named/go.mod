module golden/named

go 1.19
