module seed/global-growth/leak

go 1.19
