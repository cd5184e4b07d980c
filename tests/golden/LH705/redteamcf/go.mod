module golden/lh705rtcf

go 1.19
