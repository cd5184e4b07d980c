module golden/lh205rt2

go 1.19
