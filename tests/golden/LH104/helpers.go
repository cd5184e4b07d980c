package golden

func refresh()          {}
func handle(v int)      {}
func busy() bool        { return false }
func readMsg() (int, error) { return 0, nil }
