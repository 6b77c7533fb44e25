package grid

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"
)

func TestAllocate(t *testing.T) {
	a, err := Assess(team(), nil) // 2 strivers, 1 achiever, 1 independent, 1 detractor
	if err != nil {
		t.Fatal(err)
	}
	// Hand-derived with the default weights 4, 2, 1, 1: the team weighs
	// 4+4+2+1+1 = 12, so 24 hours give a Striver 24×4/12 = 8, the Achiever
	// 4, the Independent and the Detractor 2 each (short of 3). Everyone
	// gets 3 once the lightest gets 3: 3 × 12/1 = 36 hours.
	got, err := Allocate(24, a, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := Allocation{Hours: 24, Needed: 36, Short: 2, Shares: []Share{
		{"cai", Striver, 8, false},
		{"eve", Striver, 8, false},
		{"ana", Achiever, 4, false},
		{"dee", Independent, 2, true},
		{"ben", Detractor, 2, true},
	}}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(1e-12, 0)); diff != "" {
		t.Errorf("Allocate(24) (-want +got):\n%s", diff)
	}

	// Overridden: Detractors get no coaching time (they are on a
	// performance plan), the others equal time. 12 hours over four
	// weighted reps: 3 each, exactly the minimum, which is not short.
	w := Weights{Striver: 1, Achiever: 1, Independent: 1}
	got, err = Allocate(12, a, &w)
	if err != nil {
		t.Fatal(err)
	}
	want = Allocation{Hours: 12, Needed: 12, Short: 1, Shares: []Share{
		{"cai", Striver, 3, false},
		{"eve", Striver, 3, false},
		{"ana", Achiever, 3, false},
		{"dee", Independent, 3, false},
		{"ben", Detractor, 0, true},
	}}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(1e-12, 0)); diff != "" {
		t.Errorf("Allocate(12, no time for detractors) (-want +got):\n%s", diff)
	}
}

func TestAllocateErrors(t *testing.T) {
	a, err := Assess(team(), nil)
	if err != nil {
		t.Fatal(err)
	}
	onlyDetractors, err := Assess([]Rep{{ID: "x"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		hours float64
		a     Assessment
		w     *Weights
		err   error
	}{
		{"negative hours", -1, a, nil, ErrOutOfRange},
		{"NaN hours", nan, a, nil, ErrNotFinite},
		{"infinite hours", inf, a, nil, ErrNotFinite},
		{"negative weight", 10, a, &Weights{Striver: -1}, ErrOutOfRange},
		{"NaN weight", 10, a, &Weights{Achiever: nan}, ErrNotFinite},
		{"no reps", 10, Assessment{}, nil, ErrEmpty},
		{"unplaced rep", 10, Assessment{Reps: []Placement{{Rep: "x"}}}, nil, ErrInvalidEnum},
		{"no weight in the team", 10, onlyDetractors, &Weights{Striver: 1}, ErrOutOfRange},
		{"weights too far apart", 10, a, &Weights{Striver: math.MaxFloat64, Achiever: math.SmallestNonzeroFloat64}, ErrOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Allocate(tt.hours, tt.a, tt.w); !errors.Is(err, tt.err) {
				t.Errorf("Allocate(%v, …, %+v) error = %v, want %v", tt.hours, tt.w, err, tt.err)
			}
		})
	}
	if err := DefaultWeights().Validate(); err != nil {
		t.Errorf("DefaultWeights().Validate() = %v", err)
	}
}

// The shares add up to the hours given; a rep is flagged exactly when the
// share is below the minimum; a heavier quadrant never gets less per rep;
// and at Needed hours nobody with a weight is short.
func TestAllocateProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 40).Draw(t, "n")
		reps := make([]Rep, n)
		for i := range reps {
			reps[i] = Rep{ID: string(rune('A' + i)), Measures: validMeasures().Draw(t, "m")}
		}
		a, err := Assess(reps, nil)
		if err != nil {
			t.Fatal(err)
		}
		var w *Weights
		if rapid.Bool().Draw(t, "custom weights") {
			g := rapid.Float64Range(0, 10)
			w = &Weights{g.Draw(t, "ws"), g.Draw(t, "wa"), g.Draw(t, "wi"), g.Draw(t, "wd")}
		}
		hours := rapid.Float64Range(0, 200).Draw(t, "hours")
		al, err := Allocate(hours, a, w)
		if err != nil {
			weights := DefaultWeights()
			if w != nil {
				weights = *w
			}
			total, lightest := 0.0, math.Inf(1)
			for _, p := range a.Reps {
				wq := weights.Of(p.Quadrant)
				total += wq
				if wq > 0 {
					lightest = min(lightest, wq)
				}
			}
			if errors.Is(err, ErrOutOfRange) && (total == 0 || math.IsInf(MinCoachingHours*(total/lightest), 1)) {
				return // nowhere to put the hours, or Needed overflows: the documented errors
			}
			t.Fatal(err)
		}
		var sum float64
		short := 0
		for _, s := range al.Shares {
			sum += s.Hours
			if s.BelowMinimum != (s.Hours < MinCoachingHours-1e-9) {
				t.Fatalf("%+v: flagged %v", s, s.BelowMinimum)
			}
			if s.BelowMinimum {
				short++
			}
			if s.Hours < 0 || math.IsNaN(s.Hours) {
				t.Fatalf("%+v: hours out of range", s)
			}
		}
		if math.Abs(sum-hours) > 1e-9*max(1, hours) {
			t.Fatalf("shares add up to %v, want %v", sum, hours)
		}
		weights := DefaultWeights()
		if w != nil {
			weights = *w
		}
		for _, x := range al.Shares {
			for _, y := range al.Shares {
				if weights.Of(x.Quadrant) > weights.Of(y.Quadrant) && x.Hours < y.Hours {
					t.Fatalf("%+v weighs more than %+v but gets less", x, y)
				}
			}
		}
		if short != al.Short {
			t.Fatalf("Short = %d, but %d shares are flagged", al.Short, short)
		}
		at, err := Allocate(al.Needed, a, w)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range at.Shares {
			if weights.Of(s.Quadrant) > 0 && s.BelowMinimum {
				t.Fatalf("at Needed = %v hours, %+v is still short", al.Needed, s)
			}
		}
	})
}

// TestMinCoachingHoursIsTMCCadence checks the documented promise that
// MinCoachingHours is the same figure as tmc.CoachingCadence. grid may not
// import tmc, not even in tests, so the test reads tmc's source instead.
func TestMinCoachingHoursIsTMCCadence(t *testing.T) {
	dir := filepath.Join("..", "tmc")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	found := false
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			vs, ok := n.(*ast.ValueSpec)
			if !ok {
				return true
			}
			for i, id := range vs.Names {
				if id.Name != "CoachingCadence" || i >= len(vs.Values) {
					continue
				}
				found = true
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok {
					t.Fatalf("tmc.CoachingCadence is not a literal: %T", vs.Values[i])
				}
				v, err := strconv.ParseFloat(lit.Value, 64)
				if err != nil || v != MinCoachingHours {
					t.Errorf("tmc.CoachingCadence = %s, want MinCoachingHours = %v", lit.Value, MinCoachingHours)
				}
			}
			return true
		})
	}
	if !found {
		t.Fatal("tmc.CoachingCadence not found in ../tmc")
	}
}
