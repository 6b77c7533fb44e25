package enum

import (
	"testing"

	"pgregory.net/rapid"
)

type color uint8

var colorNames = []string{"", "red", "green"}

func TestString(t *testing.T) {
	tests := []struct {
		v    color
		want string
	}{
		{0, "%!color(0)"}, // the unnamed zero value
		{1, "red"},
		{2, "green"},
		{3, "%!color(3)"},
		{255, "%!color(255)"},
	}
	for _, tt := range tests {
		if got := String("color", colorNames, tt.v); got != tt.want {
			t.Errorf("String(%d) = %q, want %q", tt.v, got, tt.want)
		}
		if got, want := Named(colorNames, tt.v), tt.want[0] != '%'; got != want {
			t.Errorf("Named(%d) = %v, want %v", tt.v, got, want)
		}
	}
	if got := String("n", []string{"a"}, -1); got != "%!n(-1)" {
		t.Errorf("String(-1) = %q", got)
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		text string
		want color
		ok   bool
	}{
		{"red", 1, true},
		{"GREEN", 2, true},
		{"Green", 2, true},
		{"", 0, false}, // the empty name never matches
		{"blue", 0, false},
		{"red ", 0, false},
	}
	for _, tt := range tests {
		got, ok := Parse[color](colorNames, []byte(tt.text))
		if got != tt.want || ok != tt.ok {
			t.Errorf("Parse(%q) = %d, %v; want %d, %v", tt.text, got, ok, tt.want, tt.ok)
		}
	}
}

// Every named value round-trips through its name, in any case.
func TestRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		v := color(rapid.IntRange(0, 255).Draw(t, "v"))
		s := String("color", colorNames, v)
		back, ok := Parse[color](colorNames, []byte(s))
		if ok != Named(colorNames, v) || ok && back != v {
			t.Fatalf("Parse(String(%d) = %q) = %d, %v", v, s, back, ok)
		}
	})
}
