module seed/resource/fixed

go 1.19
