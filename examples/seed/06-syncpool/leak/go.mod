module seed/syncpool/leak

go 1.19
