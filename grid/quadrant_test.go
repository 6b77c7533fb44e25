package grid

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"unicode"

	"pgregory.net/rapid"
)

var (
	nan  = math.NaN()
	inf  = math.Inf(1)
	ninf = math.Inf(-1)
	nzro = math.Copysign(0, -1)
)

func TestPlace(t *testing.T) {
	// Every want below is read off the grid by hand: results (productivity)
	// against the productivity cutoff, desire against the desire cutoff,
	// at the line counting as above.
	tests := []struct {
		name string
		m    Measures
		c    *Cutoffs
		want Quadrant
		err  error
	}{
		{"achiever", Measures{Desire: 0.9, Productivity: 1.2, Competency: 0.8}, nil, Achiever, nil},
		{"striver", Measures{Desire: 0.8, Productivity: 0.85, Competency: 0.6}, nil, Striver, nil},
		{"independent", Measures{Desire: 0.3, Productivity: 1.1, Competency: 0.9}, nil, Independent, nil},
		{"detractor", Measures{Desire: 0.2, Productivity: 0.6, Competency: 0.4}, nil, Detractor, nil},
		{"zero measures", Measures{}, nil, Detractor, nil},
		{"both lines exactly", Measures{Desire: 0.5, Productivity: 1}, nil, Achiever, nil},
		{"results line exactly", Measures{Desire: 0.1, Productivity: 1}, nil, Independent, nil},
		{"desire line exactly", Measures{Desire: 0.5, Productivity: 0.999}, nil, Striver, nil},
		{"just below both", Measures{Desire: math.Nextafter(0.5, 0), Productivity: math.Nextafter(1, 0)}, nil, Detractor, nil},
		{"top corner", Measures{Desire: 1, Productivity: math.MaxFloat64, Competency: 1}, nil, Achiever, nil},
		{"negative zero", Measures{Desire: nzro, Productivity: nzro, Competency: nzro}, nil, Detractor, nil},
		{"zero cutoffs are the defaults", Measures{Desire: 0.5, Productivity: 0.99}, &Cutoffs{}, Striver, nil},
		{"custom cutoffs", Measures{Desire: 0.6, Productivity: 1.1}, &Cutoffs{Desire: 0.7, Productivity: 1.2}, Detractor, nil},
		{"custom cutoffs, on the lines", Measures{Desire: 0.7, Productivity: 1.2}, &Cutoffs{Desire: 0.7, Productivity: 1.2}, Achiever, nil},
		{"custom desire, default results", Measures{Desire: 0.6, Productivity: 1}, &Cutoffs{Desire: 0.7}, Independent, nil},
		{"desire cutoff 1", Measures{Desire: 1, Productivity: 0}, &Cutoffs{Desire: 1}, Striver, nil},
		{"small results cutoff", Measures{Desire: 0.6, Productivity: 0.01}, &Cutoffs{Productivity: 0.01}, Achiever, nil},

		{"desire NaN", Measures{Desire: nan, Productivity: 1}, nil, Unplaced, ErrNotFinite},
		{"desire above 1", Measures{Desire: 1.5, Productivity: 1}, nil, Unplaced, ErrOutOfRange},
		{"desire negative", Measures{Desire: -0.1, Productivity: 1}, nil, Unplaced, ErrOutOfRange},
		{"desire +Inf", Measures{Desire: inf}, nil, Unplaced, ErrNotFinite},
		{"productivity negative", Measures{Desire: 0.5, Productivity: -0.01}, nil, Unplaced, ErrOutOfRange},
		{"productivity NaN", Measures{Desire: 0.5, Productivity: nan}, nil, Unplaced, ErrNotFinite},
		{"productivity +Inf", Measures{Desire: 0.5, Productivity: inf}, nil, Unplaced, ErrNotFinite},
		{"productivity -Inf", Measures{Desire: 0.5, Productivity: ninf}, nil, Unplaced, ErrNotFinite},
		{"competency above 1", Measures{Desire: 0.5, Productivity: 1, Competency: 1.0000001}, nil, Unplaced, ErrOutOfRange},
		{"competency NaN", Measures{Desire: 0.5, Productivity: 1, Competency: nan}, nil, Unplaced, ErrNotFinite},
		{"competency negative", Measures{Competency: -1}, nil, Unplaced, ErrOutOfRange},
		{"desire cutoff above 1", Measures{}, &Cutoffs{Desire: 1.1}, Unplaced, ErrOutOfRange},
		{"desire cutoff negative", Measures{}, &Cutoffs{Desire: -0.5}, Unplaced, ErrOutOfRange},
		{"desire cutoff NaN", Measures{}, &Cutoffs{Desire: nan}, Unplaced, ErrNotFinite},
		{"results cutoff negative", Measures{}, &Cutoffs{Productivity: -1}, Unplaced, ErrOutOfRange},
		{"results cutoff +Inf", Measures{}, &Cutoffs{Productivity: inf}, Unplaced, ErrNotFinite},
		{"results cutoff NaN", Measures{}, &Cutoffs{Productivity: nan}, Unplaced, ErrNotFinite},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Place(tt.m, tt.c)
			if !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
				t.Fatalf("Place(%+v, %+v) error = %v, want %v", tt.m, tt.c, err, tt.err)
			}
			if got != tt.want {
				t.Errorf("Place(%+v, %+v) = %v, want %v", tt.m, tt.c, got, tt.want)
			}
			if err != nil {
				var ie *InputError
				if !errors.As(err, &ie) || ie.Func != "Place" || strings.HasPrefix(ie.Arg, "ms[") {
					t.Errorf("Place(%+v) error = %#v, want an *InputError from Place naming no batch index", tt.m, err)
				}
			}
		})
	}
}

func TestPlaceErrorMessage(t *testing.T) {
	_, err := Place(Measures{Desire: 1.5, Productivity: 1}, nil)
	if got, want := err.Error(), "grid: Place: desire = 1.5: out of range"; got != want {
		t.Errorf("Place(desire 1.5) error = %q, want %q", got, want)
	}
}

func TestMeasuresValidate(t *testing.T) {
	if err := (Measures{Desire: 1, Productivity: 3, Competency: 0}).Validate(); err != nil {
		t.Errorf("Validate() = %v, want nil", err)
	}
	err := Measures{Desire: 0.5, Productivity: 1, Competency: 2}.Validate()
	if !errors.Is(err, ErrOutOfRange) {
		t.Errorf("Validate(competency 2) = %v, want ErrOutOfRange", err)
	}
}

func TestCutoffsValidate(t *testing.T) {
	tests := []struct {
		name string
		c    Cutoffs
		err  error
	}{
		{"zero is the default", Cutoffs{}, nil},
		{"negative zero is the default", Cutoffs{Desire: nzro, Productivity: nzro}, nil},
		{"desire 1", Cutoffs{Desire: 1, Productivity: 2}, nil},
		{"desire above 1", Cutoffs{Desire: 2}, ErrOutOfRange},
		{"productivity +Inf", Cutoffs{Productivity: inf}, ErrNotFinite},
		{"productivity negative", Cutoffs{Productivity: -2}, ErrOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.c.Validate(); !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
				t.Errorf("%+v.Validate() = %v, want %v", tt.c, err, tt.err)
			}
		})
	}
}

func TestQuadrantString(t *testing.T) {
	tests := []struct {
		q    Quadrant
		want string
	}{
		{Unplaced, "unplaced"},
		{Achiever, "achiever"},
		{Striver, "striver"},
		{Independent, "independent"},
		{Detractor, "detractor"},
		{Quadrant(9), "%!Quadrant(9)"},
		{Quadrant(255), "%!Quadrant(255)"},
	}
	for _, tt := range tests {
		if got := tt.q.String(); got != tt.want {
			t.Errorf("Quadrant(%d).String() = %q, want %q", uint8(tt.q), got, tt.want)
		}
	}
}

func TestQuadrantText(t *testing.T) {
	for _, text := range []string{"STRIVER", "Achiever", "independent", "dEtRaCtOr", "Unplaced"} {
		var q Quadrant
		if err := q.UnmarshalText([]byte(text)); err != nil {
			t.Errorf("UnmarshalText(%q) = %v, want nil", text, err)
		}
	}
	for _, text := range []string{"", "strivers", "achiever ", "A", "%!Quadrant(9)"} {
		q := Striver
		err := q.UnmarshalText([]byte(text))
		if !errors.Is(err, ErrInvalidEnum) || q != Striver {
			t.Errorf("UnmarshalText(%q) = %v and %v, want ErrInvalidEnum and the quadrant unchanged", text, err, q)
		}
	}
	if _, err := Quadrant(5).MarshalText(); !errors.Is(err, ErrInvalidEnum) {
		t.Errorf("Quadrant(5).MarshalText() error = %v, want ErrInvalidEnum", err)
	}
	// JSON uses the text form, as a value and as a map key.
	b, err := json.Marshal(map[Quadrant]int{Striver: 2, Achiever: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"achiever":1,"striver":2}`; got != want {
		t.Errorf("json.Marshal = %s, want %s", got, want)
	}
}

// Every declared quadrant survives MarshalText → UnmarshalText, whatever
// the case the text arrives in.
func TestQuadrantTextRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		q := Quadrant(rapid.IntRange(0, int(Detractor)).Draw(t, "q"))
		text, err := q.MarshalText()
		if err != nil {
			t.Fatalf("%v.MarshalText() error = %v", q, err)
		}
		for i := range text { // change the case of some letters
			if rapid.Bool().Draw(t, "upper") {
				text[i] = byte(unicode.ToUpper(rune(text[i])))
			}
		}
		var got Quadrant
		if err := got.UnmarshalText(text); err != nil || got != q {
			t.Fatalf("UnmarshalText(%q) = %v, %v, want %v", text, got, err, q)
		}
	})
}

// anyFloat draws floats of every kind: ordinary values around the grid's
// ranges, the special values, and arbitrary bit patterns.
func anyFloat() *rapid.Generator[float64] {
	return rapid.OneOf(
		rapid.Float64Range(-0.5, 2.5),
		rapid.SampledFrom([]float64{0, nzro, 0.5, 1, math.Nextafter(1, 2), math.MaxFloat64, math.SmallestNonzeroFloat64, nan, inf, ninf, -1}),
		rapid.Map(rapid.Uint64(), math.Float64frombits),
	)
}

// validMeasures draws measures within their ranges.
func validMeasures() *rapid.Generator[Measures] {
	return rapid.Custom(func(t *rapid.T) Measures {
		return Measures{
			Desire:       rapid.Float64Range(0, 1).Draw(t, "desire"),
			Productivity: rapid.Float64Range(0, 3).Draw(t, "productivity"),
			Competency:   rapid.Float64Range(0, 1).Draw(t, "competency"),
		}
	})
}

// validCutoffs draws a nil or an in-range *Cutoffs.
func validCutoffs() *rapid.Generator[*Cutoffs] {
	return rapid.Ptr(rapid.Custom(func(t *rapid.T) Cutoffs {
		return Cutoffs{
			Desire:       rapid.Float64Range(0, 1).Draw(t, "cut desire"),
			Productivity: rapid.Float64Range(0, 3).Draw(t, "cut productivity"),
		}
	}), true)
}

// Place is total: for any input, exactly one of a placed quadrant and an
// error; and an error exactly when a measure or cutoff is out of range.
func TestPlaceTotal(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := Measures{anyFloat().Draw(t, "d"), anyFloat().Draw(t, "p"), anyFloat().Draw(t, "c")}
		var c *Cutoffs
		if rapid.Bool().Draw(t, "cutoffs") {
			c = &Cutoffs{anyFloat().Draw(t, "cd"), anyFloat().Draw(t, "cp")}
		}
		q, err := Place(m, c)
		valid := inUnit(m.Desire) && inUnit(m.Competency) && m.Productivity >= 0 && !math.IsInf(m.Productivity, 1)
		if c != nil {
			valid = valid && (c.Desire == 0 || (c.Desire > 0 && c.Desire <= 1)) &&
				(c.Productivity == 0 || (c.Productivity > 0 && !math.IsInf(c.Productivity, 1)))
		}
		if valid != (err == nil) {
			t.Fatalf("Place(%+v, %+v) error = %v, want error: %v", m, c, err, !valid)
		}
		if (err == nil) != q.placed() {
			t.Fatalf("Place(%+v, %+v) = %v, %v: want a placed quadrant or an error", m, c, q, err)
		}
	})
}

func inUnit(v float64) bool { return v >= 0 && v <= 1 }

// Monotone: raising results never moves a rep below the results line, and
// raising desire never moves a rep left of the desire line (nor moves the
// rep across the other line).
func TestPlaceMonotone(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := validMeasures().Draw(t, "m")
		c := validCutoffs().Draw(t, "c")
		q, err := Place(m, c)
		if err != nil {
			t.Fatal(err)
		}
		up := m
		up.Productivity = rapid.Float64Range(m.Productivity, 4).Draw(t, "higher productivity")
		up.Desire = rapid.Float64Range(m.Desire, 1).Draw(t, "higher desire")
		q2, err := Place(up, c)
		if err != nil {
			t.Fatal(err)
		}
		if q.meetsResults() && !q2.meetsResults() {
			t.Fatalf("Place(%+v) = %v but Place(%+v) = %v: more results moved the rep below the line", m, q, up, q2)
		}
		if q.hasDesire() && !q2.hasDesire() {
			t.Fatalf("Place(%+v) = %v but Place(%+v) = %v: more desire moved the rep left", m, q, up, q2)
		}
	})
}

// FuzzPlace: no panic, and either an error with Unplaced or a placed
// quadrant that agrees with the definition.
func FuzzPlace(f *testing.F) {
	// Seed corpus: desire, productivity, competency, desire cutoff,
	// productivity cutoff.
	f.Add(0.8, 0.85, 0.6, 0.0, 0.0)    // a Striver, default cutoffs
	f.Add(0.5, 1.0, 0.0, 0.0, 0.0)     // on both lines
	f.Add(0.7, 1.2, 1.0, 0.7, 1.2)     // on custom lines
	f.Add(nan, 1.0, 0.5, 0.0, 0.0)     // NaN desire
	f.Add(0.5, -1.0, 0.5, 0.0, 0.0)    // negative productivity
	f.Add(0.5, 1.0, 0.5, 1.5, inf)     // cutoffs out of range
	f.Add(nzro, nzro, nzro, nzro, 0.0) // negative zeros
	f.Fuzz(func(t *testing.T, d, p, c, cd, cp float64) {
		m, cut := Measures{d, p, c}, &Cutoffs{cd, cp}
		q, err := Place(m, cut)
		if err != nil {
			if q != Unplaced {
				t.Fatalf("Place(%+v, %+v) = %v with error %v, want Unplaced", m, cut, q, err)
			}
			return
		}
		r, _ := cut.resolve("test")
		want := Detractor
		switch {
		case p >= r.Productivity && d >= r.Desire:
			want = Achiever
		case d >= r.Desire:
			want = Striver
		case p >= r.Productivity:
			want = Independent
		}
		if q != want {
			t.Fatalf("Place(%+v, %+v) = %v, want %v", m, cut, q, want)
		}
	})
}

// FuzzQuadrantText: UnmarshalText never panics, accepts exactly the names,
// and what it accepts marshals back to the same text up to case.
func FuzzQuadrantText(f *testing.F) {
	// Seed corpus: every name, a case variant, near misses.
	for _, s := range []string{"unplaced", "achiever", "striver", "independent", "detractor", "STRIVER", "strive", "", "%!Quadrant(9)", "achiever\x00"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		var q Quadrant
		if err := q.UnmarshalText(text); err != nil {
			if !errors.Is(err, ErrInvalidEnum) {
				t.Fatalf("UnmarshalText(%q) error = %v, want ErrInvalidEnum", text, err)
			}
			return
		}
		back, err := q.MarshalText()
		if err != nil {
			t.Fatalf("MarshalText(%v) error = %v", q, err)
		}
		if !strings.EqualFold(string(back), string(text)) {
			t.Fatalf("UnmarshalText(%q) = %v, which marshals to %q", text, q, back)
		}
	})
}
