module golden/lh303tool

go 1.19
