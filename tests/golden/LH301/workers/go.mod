module golden/workers

go 1.19
