module golden/lh204rt2/maindebug

go 1.23
