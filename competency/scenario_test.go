package competency

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/salesdev/salesdev/benchmark"
	"pgregory.net/rapid"
)

// twoElements returns a competency with scenarios a and b in one element
// and c in another; b carries its own target of 40%.
func twoElements() Competency {
	r := []Routine{{Name: "r", Steps: []string{"do it"}}}
	return Competency{ID: "x", Name: "x", From: "s0", To: "s1", Elements: []Element{
		{Name: "e1", Scenarios: []Scenario{{Name: "a", Routines: r}, {Name: "b", Target: 0.4, Routines: r}}},
		{Name: "e2", Scenarios: []Scenario{{Name: "c", Routines: r}}},
	}}
}

func TestWeakest(t *testing.T) {
	rate := func(h, n int64) benchmark.Rate { return benchmark.Rate{Hits: h, Trials: n} }
	tests := []struct {
		name   string
		rates  map[string]benchmark.Rate
		target float64
		want   string // "" for none
	}{
		{"none measured", nil, 0.2, ""},
		{"no trials", map[string]benchmark.Rate{"a": {}, "c": {}}, 0.2, ""},
		{"one measured", map[string]benchmark.Rate{"c": rate(1, 10)}, 0.2, "c"},
		// a: 0.10/0.20 = 0.5; c: 0.15/0.20 = 0.75.
		{"lowest attainment", map[string]benchmark.Rate{"a": rate(1, 10), "c": rate(3, 20)}, 0.2, "a"},
		// b has the highest rate, and without its own target would be the
		// strongest; against its 40% it attains 0.30/0.40 = 0.75, against
		// a's 0.20/0.20 = 1 and c's 0.25/0.20 = 1.25.
		{"scenario target", map[string]benchmark.Rate{"a": rate(2, 10), "b": rate(3, 10), "c": rate(5, 20)}, 0.2, "b"},
		{"ties go to model order", map[string]benchmark.Rate{"a": rate(1, 10), "c": rate(2, 20)}, 0.2, "a"},
		{"ties across elements", map[string]benchmark.Rate{"c": rate(0, 20), "a": rate(0, 5)}, 0.2, "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok, err := twoElements().Weakest(tt.rates, tt.target)
			if err != nil {
				t.Fatalf("Weakest(%v, %v) error = %v", tt.rates, tt.target, err)
			}
			if ok != (tt.want != "") || s.Name != tt.want {
				t.Errorf("Weakest(%v, %v) = %q, %v, want %q", tt.rates, tt.target, s.Name, ok, tt.want)
			}
		})
	}
}

func TestWeakestErrors(t *testing.T) {
	dup := twoElements()
	dup.Elements[1].Scenarios[0].Name = "a"
	badTarget := twoElements()
	badTarget.Elements[0].Scenarios[1].Target = math.NaN()
	ok := map[string]benchmark.Rate{"a": {Hits: 1, Trials: 2}}
	tests := []struct {
		name   string
		c      Competency
		rates  map[string]benchmark.Rate
		target float64
		want   error
	}{
		{"unknown scenario", twoElements(), map[string]benchmark.Rate{"z": {Hits: 1, Trials: 2}}, 0.2, ErrUnknownScenario},
		{"ambiguous name", dup, ok, 0.2, ErrDuplicate},
		{"invalid rate", twoElements(), map[string]benchmark.Rate{"a": {Hits: 3, Trials: 2}}, 0.2, ErrInvalidRate},
		{"target zero", twoElements(), ok, 0, ErrOutOfRange},
		{"target above 1", twoElements(), ok, 1.5, ErrOutOfRange},
		{"target NaN", twoElements(), ok, math.NaN(), ErrNotFinite},
		{"scenario target NaN", badTarget, map[string]benchmark.Rate{"b": {Hits: 1, Trials: 2}}, 0.2, ErrNotFinite},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, found, err := tt.c.Weakest(tt.rates, tt.target)
			var ie *InputError
			if !errors.Is(err, tt.want) || !errors.As(err, &ie) || ie.Func != "Competency.Weakest" || found || s.Name != "" {
				t.Errorf("Weakest() = %q, %v, %v, want an *InputError wrapping %v", s.Name, found, err, tt.want)
			}
		})
	}
}

func TestValidateScenarioTarget(t *testing.T) {
	for _, tt := range []struct {
		target float64
		want   error
	}{{0, nil}, {MinTarget, nil}, {1, nil}, {0.3, nil}, {1.01, ErrOutOfRange}, {-0.2, ErrOutOfRange}, {1e-10, ErrOutOfRange}, {math.NaN(), ErrNotFinite}, {math.Inf(1), ErrNotFinite}} {
		m := Model{Competencies: []Competency{twoElements()}}
		m.Competencies[0].Elements[0].Scenarios[0].Target = tt.target
		ps := problems(t, m.Validate())
		switch {
		case tt.want == nil && ps != nil:
			t.Errorf("Validate() with scenario target %v = %v, want nil", tt.target, ps)
		case tt.want != nil && (len(ps) != 1 || ps[0].Err != tt.want || ps[0].Path != "competencies[0].elements[0].scenarios[0].target"):
			t.Errorf("Validate() with scenario target %v = %v, want one %v at the target", tt.target, ps, tt.want)
		}
	}
}

// The weakest scenario's attainment is at most every other measured
// scenario's.
func TestWeakestProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := twoElements()
		rates := map[string]benchmark.Rate{}
		for _, name := range []string{"a", "b", "c"} {
			if rapid.Bool().Draw(t, "measured "+name) {
				n := rapid.Int64Range(0, 1000).Draw(t, "trials")
				rates[name] = benchmark.Rate{Hits: rapid.Int64Range(0, n).Draw(t, "hits"), Trials: n}
			}
		}
		target := rapid.Float64Range(MinTarget, 1).Draw(t, "target")
		w, ok, err := c.Weakest(rates, target)
		if err != nil {
			t.Fatalf("Weakest(%v, %v) error = %v", rates, target, err)
		}
		att := func(s Scenario) float64 {
			if s.Target != 0 {
				return rates[s.Name].Value() / s.Target
			}
			return rates[s.Name].Value() / target
		}
		measured := false
		for _, s := range c.Scenarios() {
			if rates[s.Name].Trials == 0 {
				continue
			}
			measured = true
			if ok && att(s) < att(w) {
				t.Fatalf("Weakest(%v, %v) = %q, but %q is weaker", rates, target, w.Name, s.Name)
			}
		}
		if ok != measured {
			t.Fatalf("Weakest(%v, %v) found = %v, want %v", rates, target, ok, measured)
		}
	})
}

// FuzzWeakest checks that any rates and targets give an error or a
// scenario of the competency that marshals to JSON.
func FuzzWeakest(f *testing.F) {
	// Seeds: a scenario target beating a higher rate, no evidence,
	// invalid counts, and targets at and beyond their range.
	f.Add(int64(2), int64(10), int64(3), int64(10), 0.2, 0.4)
	f.Add(int64(0), int64(0), int64(0), int64(0), 0.2, 0.0)
	f.Add(int64(5), int64(3), int64(1), int64(2), 0.2, 0.4)
	f.Add(int64(1), int64(2), int64(1), int64(2), 1e-9, 1.0)
	f.Add(int64(1), int64(math.MaxInt64), int64(1), int64(2), math.NaN(), math.Inf(1))
	f.Fuzz(func(t *testing.T, h1, n1, h2, n2 int64, target, scenarioTarget float64) {
		c := twoElements()
		c.Elements[0].Scenarios[1].Target = scenarioTarget
		rates := map[string]benchmark.Rate{"a": {Hits: h1, Trials: n1}, "b": {Hits: h2, Trials: n2}}
		s, ok, err := c.Weakest(rates, target)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) || ok {
				t.Fatalf("Weakest() = %v, %v, error %v (%T) is not an *InputError", s, ok, err, err)
			}
			return
		}
		if ok && s.Name != "a" && s.Name != "b" {
			t.Fatalf("Weakest() = %q, not a measured scenario", s.Name)
		}
		if ok != (n1 > 0 || n2 > 0) {
			t.Fatalf("Weakest() found = %v with trials %d, %d", ok, n1, n2)
		}
		if _, err := json.Marshal(s); err != nil {
			t.Fatalf("json.Marshal(%+v) error = %v", s, err)
		}
	})
}
