module golden/lh402go120

go 1.20
