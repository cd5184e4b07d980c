module golden/clear121

go 1.21
