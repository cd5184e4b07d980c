module seed/subslice/leak

go 1.19
