module golden/lh703

go 1.19
