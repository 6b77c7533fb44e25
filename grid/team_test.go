package grid

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// team is a small team with every quadrant, given out of coaching order.
func team() []Rep {
	return []Rep{
		{"ana", Measures{Desire: 0.9, Productivity: 1.2, Competency: 0.8}},  // achiever
		{"ben", Measures{Desire: 0.2, Productivity: 0.6, Competency: 0.4}},  // detractor
		{"cai", Measures{Desire: 0.8, Productivity: 0.85, Competency: 0.6}}, // striver
		{"dee", Measures{Desire: 0.3, Productivity: 1.1, Competency: 0.9}},  // independent
		{"eve", Measures{Desire: 0.6, Productivity: 0.7, Competency: 0.5}},  // striver
	}
}

func TestAssess(t *testing.T) {
	a, err := Assess(team(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range a.Reps {
		got = append(got, p.Rep+" "+p.Quadrant.String())
	}
	// Coaching priority; the two Strivers keep their input order.
	want := []string{"cai striver", "eve striver", "ana achiever", "dee independent", "ben detractor"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Assess order (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(Counts{Striver: 2, Achiever: 1, Independent: 1, Detractor: 1}, a.Counts); diff != "" {
		t.Errorf("Assess counts (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(Cutoffs{Desire: 0.5, Productivity: 1}, a.Cutoffs); diff != "" {
		t.Errorf("Assess cutoffs (-want +got):\n%s", diff)
	}
	if p, ok := a.Lookup("dee"); !ok || p.Quadrant != Independent || p.Measures.Competency != 0.9 {
		t.Errorf("Lookup(dee) = %+v, %v, want dee as an independent", p, ok)
	}
	if _, ok := a.Lookup("zed"); ok {
		t.Errorf("Lookup(zed) found a rep who is not in the team")
	}
	if got := len(a.In(Striver)); got != 2 {
		t.Errorf("len(In(Striver)) = %d, want 2", got)
	}
	if got := a.In(Unplaced); got != nil {
		t.Errorf("In(Unplaced) = %v, want none", got)
	}
	for q := range Quadrants() {
		if a.Counts.Of(q) != len(a.In(q)) {
			t.Errorf("Counts.Of(%v) = %d, but In(%v) has %d reps", q, a.Counts.Of(q), q, len(a.In(q)))
		}
	}
	if a.Counts.Of(Unplaced) != 0 || total(a.Counts) != 5 {
		t.Errorf("Counts.Of(Unplaced), total = %d, %d, want 0, 5", a.Counts.Of(Unplaced), total(a.Counts))
	}
}

func TestAssessEmpty(t *testing.T) {
	a, err := Assess(nil, nil)
	if err != nil || len(a.Reps) != 0 || total(a.Counts) != 0 {
		t.Errorf("Assess(nil) = %+v, %v, want an empty assessment", a, err)
	}
	b, err := json.Marshal(a)
	if err != nil || !strings.Contains(string(b), `"reps":[]`) {
		t.Errorf("json.Marshal(empty assessment) = %s, %v, want reps as []", b, err)
	}
}

func TestAssessErrors(t *testing.T) {
	tests := []struct {
		name string
		reps []Rep
		c    *Cutoffs
		err  error
		msg  string
	}{
		{"blank ID", []Rep{{Rep: " "}}, nil, ErrEmpty, "reps[0].rep"},
		{"duplicate ID", []Rep{{Rep: "a"}, {Rep: "b"}, {Rep: "a"}}, nil, ErrDuplicate, `reps[2].rep = "a"`},
		{"bad measure", []Rep{{Rep: "a"}, {Rep: "b", Measures: Measures{Desire: 2}}}, nil, ErrOutOfRange, `rep "b": desire = 2`},
		{"bad cutoffs", []Rep{{Rep: "a"}}, &Cutoffs{Desire: 5}, ErrOutOfRange, "cutoffs.desire"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Assess(tt.reps, tt.c)
			if !errors.Is(err, tt.err) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("Assess error = %v, want %v mentioning %q", err, tt.err, tt.msg)
			}
		})
	}
}

func TestMovements(t *testing.T) {
	before, err := Assess(team(), nil)
	if err != nil {
		t.Fatal(err)
	}
	now := []Rep{
		{"ana", Measures{Desire: 0.9, Productivity: 0.9, Competency: 0.8}},  // achiever → striver
		{"ben", Measures{Desire: 0.2, Productivity: 0.6, Competency: 0.4}},  // stays a detractor
		{"cai", Measures{Desire: 0.8, Productivity: 1.05, Competency: 0.7}}, // striver → achiever
		{"dee", Measures{Desire: 0.3, Productivity: 0.8, Competency: 0.9}},  // independent → detractor
		{"fay", Measures{Desire: 0.7, Productivity: 0.2, Competency: 0.3}},  // joined: striver
		// eve left
	}
	after, err := Assess(now, nil)
	if err != nil {
		t.Fatal(err)
	}
	moves, err := Movements(before, after)
	if err != nil {
		t.Fatal(err)
	}
	want := []Move{
		{"ana", Achiever, Striver},
		{"fay", Unplaced, Striver},
		{"cai", Striver, Achiever},
		{"dee", Independent, Detractor},
		{"eve", Striver, Unplaced},
	}
	if diff := cmp.Diff(want, moves); diff != "" {
		t.Errorf("Movements (-want +got):\n%s", diff)
	}
}

func TestMoveDirection(t *testing.T) {
	tests := []struct {
		from, to      Quadrant
		improved, sid bool
	}{
		{Striver, Achiever, true, false},
		{Detractor, Striver, true, false},
		{Detractor, Independent, true, false},
		{Detractor, Achiever, true, false},
		{Independent, Achiever, true, false},
		{Achiever, Striver, false, true},
		{Achiever, Detractor, false, true},
		{Striver, Detractor, false, true},
		{Independent, Detractor, false, true},
		{Striver, Independent, false, false}, // results up, desire down
		{Independent, Striver, false, false},
		{Unplaced, Striver, false, false},  // joined
		{Achiever, Unplaced, false, false}, // left
		{Achiever, Achiever, false, false},
	}
	for _, tt := range tests {
		m := Move{"r", tt.from, tt.to}
		if m.Improved() != tt.improved || m.Slid() != tt.sid {
			t.Errorf("%v: Improved, Slid = %v, %v, want %v, %v", m, m.Improved(), m.Slid(), tt.improved, tt.sid)
		}
	}
	if got, want := (Move{"ana", Striver, Achiever}).String(), "ana: striver → achiever"; got != want {
		t.Errorf("Move.String() = %q, want %q", got, want)
	}
}

func TestMovementsDuplicates(t *testing.T) {
	dup := Assessment{Reps: []Placement{{Rep: "a", Quadrant: Striver}, {Rep: "a", Quadrant: Achiever}}}
	if _, err := Movements(dup, Assessment{}); !errors.Is(err, ErrDuplicate) {
		t.Errorf("Movements(duplicate before) error = %v, want ErrDuplicate", err)
	}
	if _, err := Movements(Assessment{}, dup); !errors.Is(err, ErrDuplicate) {
		t.Errorf("Movements(duplicate after) error = %v, want ErrDuplicate", err)
	}
}

// Movements lists exactly the reps whose quadrant differs between the two
// assessments, once each; an assessment compared with itself has none.
func TestMovementsProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ids := []string{"a", "b", "c", "d", "e", "f"}
		draw := func(label string) Assessment {
			var reps []Rep
			for _, id := range ids {
				if rapid.Bool().Draw(t, label+" has "+id) {
					reps = append(reps, Rep{Rep: id, Measures: validMeasures().Draw(t, label+" "+id)})
				}
			}
			a, err := Assess(reps, nil)
			if err != nil {
				t.Fatal(err)
			}
			return a
		}
		before, after := draw("before"), draw("after")
		moves, err := Movements(before, after)
		if err != nil {
			t.Fatal(err)
		}
		got := make(map[string]Move)
		for _, m := range moves {
			if _, dup := got[m.Rep]; dup {
				t.Fatalf("Movements lists %s twice: %v", m.Rep, moves)
			}
			got[m.Rep] = m
		}
		for _, id := range ids {
			b, _ := before.Lookup(id)
			a, _ := after.Lookup(id)
			m, moved := got[id]
			if moved != (b.Quadrant != a.Quadrant) || (moved && (m.From != b.Quadrant || m.To != a.Quadrant)) {
				t.Fatalf("rep %s: %v → %v, but Movements gives %v (listed %v)", id, b.Quadrant, a.Quadrant, m, moved)
			}
		}
		if self, _ := Movements(after, after); len(self) != 0 {
			t.Fatalf("Movements(after, after) = %v, want none", self)
		}
	})
}

// total is the number of reps c counts.
func total(c Counts) int { return c.Striver + c.Achiever + c.Independent + c.Detractor }
