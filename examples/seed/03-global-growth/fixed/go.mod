module seed/global-growth/fixed

go 1.19
