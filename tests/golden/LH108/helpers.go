package golden

func work(i int) int { return i * i }
func serveConn()     {}
