// Package enum is the text form the library's enums share: one name per
// value, a diagnostic for a value without one (as time.Month prints
// "%!Month(13)"), and parsing that ignores case, so that String,
// MarshalText and UnmarshalText round-trip the same way in every package.
// Each package still wraps a refusal in its own error type.
package enum

import (
	"strconv"
	"strings"
)

// Integer is the underlying type of an enum.
type Integer interface {
	~int | ~uint8
}

// String returns names[v], or a diagnostic such as "%!Quadrant(9)" when v
// has no name: out of range, or an empty entry (a deliberately unnamed
// zero value).
func String[T Integer](typ string, names []string, v T) string {
	if i := int(v); i >= 0 && i < len(names) && names[i] != "" {
		return names[i]
	}
	return "%!" + typ + "(" + strconv.Itoa(int(v)) + ")"
}

// Named reports whether v has a name in names.
func Named[T Integer](names []string, v T) bool {
	i := int(v)
	return i >= 0 && i < len(names) && names[i] != ""
}

// Parse returns the value whose name is text, ignoring case, and whether
// there is one. Empty names never match.
func Parse[T Integer](names []string, text []byte) (T, bool) {
	for i, name := range names {
		if name != "" && strings.EqualFold(string(text), name) {
			return T(i), true
		}
	}
	return 0, false
}
