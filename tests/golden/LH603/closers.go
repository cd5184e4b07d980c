package lh603

import (
	"bytes"
	"database/sql"
	"net"
	"os"
	"sync"
)

// Connections kept in a sync.Pool: dropped at GC without Close.
var connPool = sync.Pool{
	New: func() any {
		c, err := net.Dial("tcp", "127.0.0.1:9000")
		if err != nil {
			return nil
		}
		return c
	},
}

func send(p []byte) error {
	c, ok := connPool.Get().(net.Conn)
	if !ok || c == nil {
		return os.ErrInvalid
	}
	_, err := c.Write(p)
	connPool.Put(c) // want LH603 "connPool holds values that must be closed"
	return err
}

// Files.
var files sync.Pool

func appendLine(name, line string) error {
	f, ok := files.Get().(*os.File)
	if !ok {
		var err error
		f, err = os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			return err
		}
	}
	_, err := f.WriteString(line)
	files.Put(f) // want LH603
	return err
}

// Database handles.
type Repo struct {
	dbs sync.Pool
}

func (r *Repo) Ping(dsn string) error {
	db, _ := r.dbs.Get().(*sql.DB)
	if db == nil {
		var err error
		db, err = sql.Open("driver", dsn)
		if err != nil {
			return err
		}
	}
	err := db.Ping()
	r.dbs.Put(db) // want LH603
	return err
}

// Plain buffers: nothing to close.
type buf struct{ b bytes.Buffer }

var bufPool = sync.Pool{New: func() any { return new(buf) }}

func use() int {
	b := bufPool.Get().(*buf)
	n := b.b.Len()
	bufPool.Put(b)
	return n
}

// A channel-based pool closes what it drops.
type ConnPool struct {
	idle chan net.Conn
}

func (p *ConnPool) Put(c net.Conn) {
	select {
	case p.idle <- c:
	default:
		c.Close()
	}
}

func release(p *ConnPool, c net.Conn) { p.Put(c) }

// Pointers to structs that only hold data.
type session struct{ user string }

var sessions = sync.Pool{New: func() any { return &session{} }}

func reset() {
	s := sessions.Get().(*session)
	s.user = ""
	sessions.Put(s)
}

// A Get without Put: the pool is not used as storage.
var lookup = sync.Pool{New: func() any { f, _ := os.Open("/dev/null"); return f }}

func peek() *os.File {
	return lookup.Get().(*os.File)
}
