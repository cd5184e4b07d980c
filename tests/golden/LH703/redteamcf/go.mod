module golden/lh703rtcf

go 1.19
