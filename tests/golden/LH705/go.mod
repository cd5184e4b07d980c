module golden/lh705

go 1.19
