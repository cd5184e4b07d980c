module golden/redteam

go 1.19
