package golden

type Server struct{ addr string }

// A library method parks its caller forever.
func (s *Server) Serve() {
	go serveConn()
	select {} // want LH108 "blocks Server.Serve forever"
}
