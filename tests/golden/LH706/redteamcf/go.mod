module golden/lh706rtcf

go 1.19
