module seed/timer/fixed

go 1.19
