module golden/lexer

go 1.19
