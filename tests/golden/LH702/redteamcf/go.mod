module golden/lh702rtcf

go 1.19
