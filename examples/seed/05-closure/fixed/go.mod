module seed/closure/fixed

go 1.19
