module seed/timer/leak

go 1.19
