package competency

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/salesdev/salesdev/benchmark"
)

// tiny returns a minimal valid model: one competency, one of everything.
func tiny(id, from, to string) Competency {
	return Competency{ID: id, Name: id, From: from, To: to, Elements: []Element{{
		Name: "e", Scenarios: []Scenario{{Name: "s", Routines: []Routine{{Name: "r", Steps: []string{"do it"}}}}},
	}}}
}

// problem is one expected validation problem.
type problem struct {
	Path string
	Err  error
}

// problems lists the *ModelError values in err: err itself when it is
// one problem, the joined errors when there are several. A single problem
// joined on its own fails the test, as the documentation promises a bare
// *ModelError.
func problems(t *testing.T, err error) []problem {
	t.Helper()
	if err == nil {
		return nil
	}
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
		if len(errs) < 2 {
			t.Fatalf("error %v (%T) joins %d problem(s), want a bare *ModelError for one", err, err, len(errs))
		}
	} else {
		errs = []error{err}
	}
	var ps []problem
	for _, e := range errs {
		me, ok := e.(*ModelError)
		if !ok {
			t.Fatalf("error %v (%T) is not a *ModelError", e, e)
		}
		if !strings.HasPrefix(me.Error(), "competency: ") {
			t.Errorf("error %q does not start with the package name", me.Error())
		}
		ps = append(ps, problem{me.Path, me.Err})
	}
	return ps
}

func TestModelValidate(t *testing.T) {
	tests := []struct {
		name string
		edit func(m *Model)
		want []problem
	}{
		{"default is valid", func(*Model) {}, nil},
		{"empty model", func(m *Model) { m.Competencies = nil }, []problem{{"competencies", ErrEmpty}}},
		{"empty id", func(m *Model) { m.Competencies[1].ID = " " }, []problem{{"competencies[1].id", ErrEmpty}}},
		{"duplicate id", func(m *Model) { m.Competencies[2].ID = "gateway" }, []problem{{"competencies[2].id", ErrDuplicate}}},
		{"empty name", func(m *Model) { m.Competencies[0].Name = "" }, []problem{{"competencies[0].name", ErrEmpty}}},
		{"empty stages", func(m *Model) { m.Competencies[2].From, m.Competencies[2].To = "", "" },
			[]problem{{"competencies[2].from", ErrEmpty}, {"competencies[2].to", ErrEmpty}}},
		{"same stage", func(m *Model) { m.Competencies[2].To = "gateway" }, []problem{{"competencies[2]", ErrFunnelOrder}}},
		{"back up the funnel", func(m *Model) { m.Competencies[2].To = "appointment" }, []problem{{"competencies[2]", ErrFunnelOrder}}},
		{"overlapping", func(m *Model) { m.Competencies[2].From = "appointment" }, []problem{{"competencies[2]", ErrFunnelOrder}}},
		{"out of order", func(m *Model) { m.Competencies[0], m.Competencies[2] = m.Competencies[2], m.Competencies[0] },
			[]problem{{"competencies[1]", ErrFunnelOrder}}}, // close, then gateway → (gateway is already in the funnel)
		{"no elements", func(m *Model) { m.Competencies[0].Elements = nil }, []problem{{"competencies[0]", ErrEmpty}}},
		{"no scenarios", func(m *Model) { m.Competencies[1].Elements[1].Scenarios = []Scenario{} },
			[]problem{{"competencies[1].elements[1]", ErrEmpty}}},
		{"no routines", func(m *Model) { m.Competencies[1].Elements[0].Scenarios[2-1].Routines = nil },
			[]problem{{"competencies[1].elements[0].scenarios[1]", ErrEmpty}}},
		{"no steps", func(m *Model) { m.Competencies[0].Elements[0].Scenarios[0].Routines[0].Steps = nil },
			[]problem{{"competencies[0].elements[0].scenarios[0].routines[0]", ErrEmpty}}},
		{"empty step", func(m *Model) { m.Competencies[0].Elements[0].Scenarios[0].Routines[0].Steps[1] = "\t" },
			[]problem{{"competencies[0].elements[0].scenarios[0].routines[0].steps[1]", ErrEmpty}}},
		{"duplicate element", func(m *Model) { m.Competencies[0].Elements[2].Name = m.Competencies[0].Elements[0].Name },
			[]problem{{"competencies[0].elements[2].name", ErrDuplicate}}},
		{"duplicate scenario", func(m *Model) {
			e := &m.Competencies[2].Elements[1]
			e.Scenarios[1].Name = e.Scenarios[0].Name
		}, []problem{{"competencies[2].elements[1].scenarios[1].name", ErrDuplicate}}},
		{"duplicate routine", func(m *Model) {
			s := &m.Competencies[2].Elements[1].Scenarios[0]
			s.Routines = append(s.Routines, s.Routines[0])
		}, []problem{{"competencies[2].elements[1].scenarios[0].routines[1].name", ErrDuplicate}}},
		{"same names in different parents are fine", func(m *Model) {
			m.Competencies[1].Elements[0].Name = m.Competencies[0].Elements[0].Name
		}, nil},
		{"empty element, scenario and routine names", func(m *Model) {
			e := &m.Competencies[0].Elements[0]
			e.Name, e.Scenarios[0].Name, e.Scenarios[0].Routines[0].Name = "", "", ""
		}, []problem{
			{"competencies[0].elements[0].name", ErrEmpty},
			{"competencies[0].elements[0].scenarios[0].name", ErrEmpty},
			{"competencies[0].elements[0].scenarios[0].routines[0].name", ErrEmpty},
		}},
		{"every problem, in model order", func(m *Model) {
			m.Competencies[0].ID = ""
			m.Competencies[1].Elements[0].Scenarios[1].Routines = nil
			m.Competencies[2].ID = "gateway"
		}, []problem{
			{"competencies[0].id", ErrEmpty},
			{"competencies[1].elements[0].scenarios[1]", ErrEmpty},
			{"competencies[2].id", ErrDuplicate},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Default()
			tt.edit(&m)
			got := problems(t, m.Validate())
			if diff := cmp.Diff(tt.want, got, cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
				t.Errorf("Validate() problems mismatch (-want +got):\n%s", diff)
			}
			for _, p := range tt.want {
				if err := m.Validate(); !errors.Is(err, p.Err) {
					t.Errorf("errors.Is(Validate(), %v) = false, want true", p.Err)
				}
			}
		})
	}
}

// TestValidateSingleProblem checks that one problem comes back as a bare
// *ModelError, from Validate and from Parse, so that a type assertion
// works; several come joined, and errors.As finds the first.
func TestValidateSingleProblem(t *testing.T) {
	m := Default()
	m.Competencies[1].Elements[0].Scenarios[1].Routines = nil
	me, ok := m.Validate().(*ModelError)
	if !ok || me.Path != "competencies[1].elements[0].scenarios[1]" || me.Err != ErrEmpty {
		t.Errorf("Validate() = %v (%T), want a bare *ModelError for the one problem", m.Validate(), m.Validate())
	}
	b, err := json.Marshal(m) // Marshal refuses an invalid model: encode it plainly
	if err != nil {
		t.Fatal(err)
	}
	_, err = Parse(b)
	if me, ok := err.(*ModelError); !ok || me.Err != ErrEmpty {
		t.Errorf("Parse(one problem) error = %v (%T), want a bare *ModelError", err, err)
	}

	m.Competencies[0].ID = ""
	err = m.Validate()
	if _, ok := err.(*ModelError); ok {
		t.Errorf("Validate() with two problems = %v, a bare *ModelError; want them joined", err)
	}
	if !errors.As(err, &me) || me.Path != "competencies[0].id" {
		t.Errorf("errors.As(Validate(), *ModelError) = %v, want the first problem, competencies[0].id", me)
	}
}

func TestValidateMessage(t *testing.T) {
	m := Default()
	m.Competencies[1].Elements[0].Scenarios[1].Routines = nil
	got := m.Validate().Error()
	want := "competency: competencies[1].elements[0].scenarios[1]: no routines"
	if got != want {
		t.Errorf("Validate() = %q, want %q", got, want)
	}
}

func TestStages(t *testing.T) {
	tests := []struct {
		name string
		m    Model
		want []string
	}{
		{"default", Default(), []string{"conversation", "appointment", "gateway", "close"}},
		{"gap between competencies", Model{Competencies: []Competency{tiny("a", "call", "conversation"), tiny("b", "proposal", "won")}},
			[]string{"call", "conversation", "proposal", "won"}},
		{"empty", Model{}, nil},
		{"invalid competency left out", Model{Competencies: []Competency{tiny("a", "x", "y"), tiny("b", "y", "x"), tiny("c", "y", "z")}},
			[]string{"x", "y", "z"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.m.Stages()); diff != "" {
				t.Errorf("Stages() mismatch (-want +got):\n%s", diff)
			}
		})
	}
	gap := Model{Competencies: []Competency{tiny("a", "call", "conversation"), tiny("b", "proposal", "won")}}
	if err := gap.Validate(); err != nil {
		t.Errorf("Validate() of a model with a gap between stages = %v, want nil", err)
	}
}

func TestLookup(t *testing.T) {
	m := Default()
	for _, tt := range []struct {
		name, id string
		ok       bool
	}{{"first", "new-opportunities", true}, {"last", "close", true}, {"unknown", "closing", false}, {"empty", "", false}} {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := m.Lookup(tt.id)
			if ok != tt.ok || (ok && c.ID != tt.id) {
				t.Errorf("Lookup(%q) = %q, %v, want %q, %v", tt.id, c.ID, ok, tt.id, tt.ok)
			}
		})
	}
}

func TestIterators(t *testing.T) {
	m := Default()
	var ids []string
	for _, c := range m.Competencies {
		ids = append(ids, c.ID)
	}
	if want := []string{"new-opportunities", "gateway", "close"}; !slices.Equal(ids, want) {
		t.Errorf("Competencies = %q, want %q", ids, want)
	}
	// Stopping early must not panic, and must stop.
	n := 0
	for range m.Scenarios() {
		n++
		break
	}
	c, _ := m.Lookup("close")
	for range c.Routines() {
		n++
		break
	}
	for range c.Scenarios() {
		n++
		break
	}
	if n != 3 {
		t.Errorf("early break visited %d items, want 3", n)
	}
	// Scenarios and Routines visit everything, in order.
	var scen, rout int
	for c, s := range m.Scenarios() {
		if len(s.Routines) == 0 || c.ID == "" {
			t.Errorf("Scenarios() yielded %q / %q", c.ID, s.Name)
		}
		scen++
	}
	for _, c := range m.Competencies {
		var want []string
		for _, e := range c.Elements {
			for _, s := range e.Scenarios {
				for _, r := range s.Routines {
					want = append(want, r.Name)
				}
			}
		}
		var got []string
		for r := range c.Routines() {
			got = append(got, r.Name)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s.Routines() = %q, want %q", c.ID, got, want)
		}
		rout += len(got)
	}
	if scen != 14 || rout != 14 {
		t.Errorf("default model has %d scenarios and %d routines, want 14 and 14", scen, rout)
	}
}

func TestDefaultIsFresh(t *testing.T) {
	a := Default()
	a.Competencies[0].Elements[0].Scenarios[0].Routines[0].Steps[0] = "changed"
	if b := Default(); b.Competencies[0].Elements[0].Scenarios[0].Routines[0].Steps[0] == "changed" {
		t.Error("Default() shares memory between calls")
	}
	// The sources' anchors are in the model.
	var kings bool
	for _, s := range Default().Scenarios() {
		kings = kings || strings.HasPrefix(s.Name, "All the King's Men")
	}
	if !kings {
		t.Error(`Default() has no "All the King's Men" scenario`)
	}
}

func TestRates(t *testing.T) {
	funnel := benchmark.Funnel{{Name: "call", Count: 900}, {Name: "conversation", Count: 90}, {Name: "appointment", Count: 7},
		{Name: "gateway", Count: 5}, {Name: "close", Count: 2}}
	tests := []struct {
		name    string
		m       Model
		f       benchmark.Funnel
		want    map[string]benchmark.Rate
		wantErr error
	}{
		{"default", Default(), funnel, map[string]benchmark.Rate{
			"new-opportunities": {Hits: 7, Trials: 90}, "gateway": {Hits: 5, Trials: 7}, "close": {Hits: 2, Trials: 5}}, nil},
		{"skips stages between", Model{Competencies: []Competency{tiny("x", "call", "gateway")}}, funnel,
			map[string]benchmark.Rate{"x": {Hits: 5, Trials: 900}}, nil},
		{"unknown from", Model{Competencies: []Competency{tiny("x", "lead", "call")}}, funnel, nil, ErrUnknownStage},
		{"unknown to", Model{Competencies: []Competency{tiny("x", "call", "won")}}, funnel, nil, ErrUnknownStage},
		{"reversed in funnel", Model{Competencies: []Competency{tiny("x", "close", "call")}}, funnel, nil, ErrFunnelOrder},
		{"invalid model", Model{}, funnel, nil, ErrEmpty},
		{"invalid funnel", Default(), benchmark.Funnel{{Name: "conversation", Count: 1}, {Name: "appointment", Count: 2}}, nil, benchmark.ErrFunnelGrows},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.m.Rates(tt.f)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Rates() error = %v, want %v", err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Rates() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
