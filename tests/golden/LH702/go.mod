module golden/lh702

go 1.19
