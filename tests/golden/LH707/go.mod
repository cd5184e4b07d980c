module golden/lh707

go 1.19
