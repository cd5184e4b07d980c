module seed/closure/leak

go 1.19
