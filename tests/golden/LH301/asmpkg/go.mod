module golden/asmpkg

go 1.19
