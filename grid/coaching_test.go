package grid

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/salesdev/salesdev/competency"
	"pgregory.net/rapid"
)

func TestAllocate(t *testing.T) {
	a, err := Assess(team(), nil) // 2 strivers, 1 achiever, 1 independent, 1 detractor
	if err != nil {
		t.Fatal(err)
	}
	// Hand-derived with the default weights 2, 1, 1, 1: the team weighs
	// 2+2+1+1+1 = 7, so 14 hours give a Striver 14×2/7 = 4, the Achiever,
	// the Independent and the Detractor 2 each (short of the three hours of
	// competency.CoachingCadence). Everyone gets 3 once the lightest gets
	// 3: 3 × 7/1 = 21 hours.
	got, err := Allocate(14, a, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := Allocation{Hours: 14, MinHours: 3, Needed: 21, Short: 3, Shares: []Share{
		{"cai", Striver, 4, false},
		{"eve", Striver, 4, false},
		{"ana", Achiever, 2, true},
		{"dee", Independent, 2, true},
		{"ben", Detractor, 2, true},
	}}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(1e-12, 0)); diff != "" {
		t.Errorf("Allocate(14) (-want +got):\n%s", diff)
	}

	// The minimum is the caller's to change: against two hours a month,
	// nobody is short at 14 hours, and 14 are exactly what is needed.
	two := DefaultWeights()
	two.MinHours = 2
	got, err = Allocate(14, a, &two)
	if err != nil {
		t.Fatal(err)
	}
	if got.MinHours != 2 || got.Short != 0 || math.Abs(got.Needed-14) > 1e-12 {
		t.Errorf("Allocate(14, MinHours 2) = %+v, want MinHours 2, nobody short, 14 needed", got)
	}

	// Overridden: Detractors get no coaching time (a choice the weights
	// allow, though no quadrant's strategy advises it), the others equal
	// time. 12 hours over four weighted reps: 3 each, exactly the minimum,
	// which is not short.
	w := Weights{Striver: 1, Achiever: 1, Independent: 1}
	got, err = Allocate(12, a, &w)
	if err != nil {
		t.Fatal(err)
	}
	want = Allocation{Hours: 12, MinHours: 3, Needed: 12, Short: 1, Shares: []Share{
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
	onlyDetractors, err := Assess([]Rep{{Rep: "x"}}, nil)
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
		{"negative minimum", 10, a, &Weights{Striver: 1, MinHours: -3}, ErrOutOfRange},
		{"infinite minimum", 10, a, &Weights{Striver: 1, MinHours: inf}, ErrNotFinite},
		{"minimum too large for Needed", 10, a, &Weights{Striver: 4, Achiever: 1, MinHours: math.MaxFloat64}, ErrOutOfRange},
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
			reps[i] = Rep{Rep: string(rune('A' + i)), Measures: validMeasures().Draw(t, "m")}
		}
		a, err := Assess(reps, nil)
		if err != nil {
			t.Fatal(err)
		}
		var w *Weights
		if rapid.Bool().Draw(t, "custom weights") {
			g := rapid.Float64Range(0, 10)
			w = &Weights{g.Draw(t, "ws"), g.Draw(t, "wa"), g.Draw(t, "wi"), g.Draw(t, "wd"), g.Draw(t, "min")}
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
			if errors.Is(err, ErrOutOfRange) && (total == 0 || math.IsInf(weights.minHours()*(total/lightest), 1)) {
				return // nowhere to put the hours, or Needed overflows: the documented errors
			}
			t.Fatal(err)
		}
		minimum := competency.CoachingCadence
		if w != nil && w.MinHours != 0 {
			minimum = w.MinHours
		}
		if al.MinHours != minimum {
			t.Fatalf("MinHours = %v, want %v", al.MinHours, minimum)
		}
		var sum float64
		short := 0
		for _, s := range al.Shares {
			sum += s.Hours
			if s.BelowMinimum != (s.Hours < minimum-1e-9) {
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
