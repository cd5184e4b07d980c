module golden/go120

go 1.20
