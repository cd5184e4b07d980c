module seed/subslice/fixed

go 1.19
