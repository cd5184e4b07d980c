module seed/resource/leak

go 1.19
