module seed/goroutine/fixed

go 1.19
