module golden/redteam123

go 1.23
