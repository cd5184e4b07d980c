module golden/lh202rt2/nogoline
