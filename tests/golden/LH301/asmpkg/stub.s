// func bootstrap() is called from the entry point.
