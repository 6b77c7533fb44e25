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

func TestDimensionMode(t *testing.T) {
	// ASLAN: "Desire equates to Leadership, Productivity equates to
	// Managing, Competencies equates to Coaching".
	tests := []struct {
		d    Dimension
		want Mode
	}{
		{Desire, Leadership},
		{Productivity, Management},
		{Competency, Coaching},
		{Dimension(0), Mode(0)},
		{Dimension(4), Mode(0)},
		{Dimension(-1), Mode(0)},
	}
	for _, tt := range tests {
		if got := tt.d.Mode(); got != tt.want {
			t.Errorf("%v.Mode() = %v, want %v", tt.d, got, tt.want)
		}
		if tt.d.Valid() {
			if back := tt.want.Dimension(); back != tt.d {
				t.Errorf("%v.Dimension() = %v, want %v", tt.want, back, tt.d)
			}
		}
	}
	if got := Mode(7).Dimension(); got != 0 {
		t.Errorf("Mode(7).Dimension() = %v, want the zero Dimension", got)
	}
}

func TestEnumStrings(t *testing.T) {
	tests := []struct {
		name string
		v    interface{ String() string }
		want string
	}{
		{"desire", Desire, "desire"},
		{"productivity", Productivity, "productivity"},
		{"competency", Competency, "competency"},
		{"zero dimension", Dimension(0), "%!Dimension(0)"},
		{"negative dimension", Dimension(-3), "%!Dimension(-3)"},
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
	for _, v := range []encoding.TextMarshaler{Dimension(0), Dimension(9), Mode(0), Mode(-1), Quadrant(5)} {
		if _, err := v.MarshalText(); !errors.Is(err, ErrInvalidEnum) {
			t.Errorf("%v.MarshalText() error = %v, want ErrInvalidEnum", v, err)
		}
	}
}

func TestEnumJSON(t *testing.T) {
	type doc struct {
		D Dimension `json:"d"`
		M Mode      `json:"m"`
		Q Quadrant  `json:"q"`
	}
	in := doc{Productivity, Management, Independent}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"d":"productivity","m":"management","q":"independent"}`; got != want {
		t.Errorf("json.Marshal = %s, want %s", got, want)
	}
	var out doc
	if err := json.Unmarshal([]byte(`{"d":"Desire","m":"COACHING","q":"Striver"}`), &out); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(doc{Desire, Coaching, Striver}, out); diff != "" {
		t.Errorf("json.Unmarshal (-want +got):\n%s", diff)
	}
	if err := json.Unmarshal([]byte(`{"d":"drive"}`), &out); !errors.Is(err, ErrInvalidEnum) {
		t.Errorf("json.Unmarshal(drive) error = %v, want ErrInvalidEnum", err)
	}
}

// Dimensions and modes survive MarshalText → UnmarshalText in any case.
func TestEnumTextRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := Dimension(rapid.IntRange(int(Desire), int(Competency)).Draw(t, "d"))
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
		var d2 Dimension
		if err := d2.UnmarshalText(text(d)); err != nil || d2 != d {
			t.Fatalf("Dimension round trip of %v = %v, %v", d, d2, err)
		}
		var m2 Mode
		if err := m2.UnmarshalText(text(m)); err != nil || m2 != m {
			t.Fatalf("Mode round trip of %v = %v, %v", m, m2, err)
		}
	})
}

// FuzzEnumText: the Dimension and Mode decoders never panic, leave the
// value alone on error, and what they accept marshals back to the same
// text up to case.
func FuzzEnumText(f *testing.F) {
	// Seed corpus: every name, case variants, near misses.
	for _, s := range []string{"desire", "PRODUCTIVITY", "Competency", "leadership", "management", "coaching", "", "managing", "%!Mode(0)", "desire "} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		d := Competency
		if err := d.UnmarshalText(text); err != nil {
			if !errors.Is(err, ErrInvalidEnum) || d != Competency {
				t.Fatalf("Dimension.UnmarshalText(%q) = %v, %v", text, d, err)
			}
		} else if back, err := d.MarshalText(); err != nil || !strings.EqualFold(string(back), string(text)) {
			t.Fatalf("Dimension.UnmarshalText(%q) = %v, which marshals to %q, %v", text, d, back, err)
		}
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
