package lh301

// Registration: filled by the start-up code of other packages.
type Codec interface{ Name() string }

var codecs = map[string]Codec{}

func RegisterCodec(c Codec) {
	codecs[c.Name()] = c
}

// A function only called from init runs once.
var aliases = map[string]string{}

func addAlias(a, b string) { aliases[a] = b }

func init() {
	addAlias("yml", "yaml")
	addAlias("htm", "html")
}
