module seed/goroutine/leak

go 1.19
