module golden/lh701rtcf

go 1.19
