package grid

import (
	"encoding"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

func TestEnumStrings(t *testing.T) {
	tests := []struct {
		name string
		v    interface{ String() string }
		want string
	}{
		{"leadership", Leadership, "leadership"},
		{"management", Management, "management"},
		{"coaching", Coaching, "coaching"},
		{"zero mode", Mode(0), "%!Mode(0)"},
		{"large mode", Mode(99), "%!Mode(99)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.v.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestEnumMarshalInvalid(t *testing.T) {
	for _, v := range []encoding.TextMarshaler{Mode(0), Mode(-1), Mode(4), Quadrant(5)} {
		if _, err := v.MarshalText(); !errors.Is(err, ErrInvalidEnum) {
			t.Errorf("%v.MarshalText() error = %v, want ErrInvalidEnum", v, err)
		}
	}
}

func TestEnumJSON(t *testing.T) {
	type doc struct {
		M Mode     `json:"m"`
		Q Quadrant `json:"q"`
	}
	in := doc{Management, Independent}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"m":"management","q":"independent"}`; got != want {
		t.Errorf("json.Marshal = %s, want %s", got, want)
	}
	var out doc
	if err := json.Unmarshal([]byte(`{"m":"COACHING","q":"Striver"}`), &out); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(doc{Coaching, Striver}, out); diff != "" {
		t.Errorf("json.Unmarshal (-want +got):\n%s", diff)
	}
	if err := json.Unmarshal([]byte(`{"m":"drive"}`), &out); !errors.Is(err, ErrInvalidEnum) {
		t.Errorf("json.Unmarshal(drive) error = %v, want ErrInvalidEnum", err)
	}
}

// Modes survive MarshalText → UnmarshalText in any case.
func TestEnumTextRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := Mode(rapid.IntRange(int(Leadership), int(Coaching)).Draw(t, "m"))
		upper := rapid.Bool().Draw(t, "upper")
		text := func(v encoding.TextMarshaler) []byte {
			b, err := v.MarshalText()
			if err != nil {
				t.Fatalf("%v.MarshalText() error = %v", v, err)
			}
			if upper {
				b = []byte(strings.ToUpper(string(b)))
			}
			return b
		}
		var m2 Mode
		if err := m2.UnmarshalText(text(m)); err != nil || m2 != m {
			t.Fatalf("Mode round trip of %v = %v, %v", m, m2, err)
		}
	})
}

// FuzzEnumText: the Mode decoder never panics, leaves the value alone on
// error, and what it accepts marshals back to the same text up to case.
func FuzzEnumText(f *testing.F) {
	// Seed corpus: every name, case variants, near misses (the measures'
	// names are not modes).
	for _, s := range []string{"desire", "PRODUCTIVITY", "Competency", "leadership", "management", "coaching", "", "managing", "%!Mode(0)", "desire "} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		m := Coaching
		if err := m.UnmarshalText(text); err != nil {
			if !errors.Is(err, ErrInvalidEnum) || m != Coaching {
				t.Fatalf("Mode.UnmarshalText(%q) = %v, %v", text, m, err)
			}
		} else if back, err := m.MarshalText(); err != nil || !strings.EqualFold(string(back), string(text)) {
			t.Fatalf("Mode.UnmarshalText(%q) = %v, which marshals to %q, %v", text, m, back, err)
		}
	})
}
