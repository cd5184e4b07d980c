module seed/syncpool/fixed

go 1.19
