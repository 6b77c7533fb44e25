package tmc

import (
	"strconv"

	"github.com/salesdev/salesdev/internal/enum"
)

// enumString returns names[v], or a diagnostic such as "%!Help(9)" when v
// is out of range, the way time.Month prints.
func enumString(typ string, names []string, v int) string { return enum.String(typ, names, v) }

// enumMarshal returns the text of v, or an error for an unknown value
// rather than text that cannot be read back.
func enumMarshal(typ string, names []string, v int) ([]byte, error) {
	if !enum.Named(names, v) {
		return nil, inputErr(typ+".MarshalText", enumString(typ, names, v), ErrInvalidEnum)
	}
	return []byte(names[v]), nil
}

// enumParse returns the index of text among names, ignoring case.
func enumParse(typ string, names []string, text []byte) (int, error) {
	if i, ok := enum.Parse[int](names, text); ok {
		return i, nil
	}
	return 0, inputErr(typ+".UnmarshalText", quote(string(text)), ErrInvalidEnum)
}

func quote(s string) string { return strconv.Quote(s) }
