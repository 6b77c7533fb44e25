package tmc

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

func TestPlan(t *testing.T) {
	custom := RampRules{Complex: RampRule{TrainingDays: 120, MinMentoringDays: 100, MinRampDays: 365}}
	zeroMentoring := RampRules{Transactional: RampRule{TrainingDays: 10, MinMentoringDays: 0, MinRampDays: 0}}
	tests := []struct {
		name    string
		c       Complexity
		cycle   int
		rules   *RampRules
		want    Ramp
		wantErr error
	}{
		// Hand-derived from DefaultRampRules: mentoring = max(cycle, min),
		// ramp = max(training + mentoring, min ramp).
		{"transactional, short cycle: the 3-month floor", Transactional, 14, nil, Ramp{Transactional, 14, 30, 30, 90}, nil},
		{"transactional, unknown cycle", Transactional, 0, nil, Ramp{Transactional, 0, 30, 30, 90}, nil},
		{"transactional, long cycle", Transactional, 75, nil, Ramp{Transactional, 75, 30, 75, 105}, nil},
		{"moderate, 90-day cycle: the 5-month floor", Moderate, 90, nil, Ramp{Moderate, 90, 45, 90, 150}, nil},
		{"moderate, 120-day cycle: training plus one cycle", Moderate, 120, nil, Ramp{Moderate, 120, 45, 120, 165}, nil},
		{"complex, 6-month cycle: the 9-month floor", Complex, 180, nil, Ramp{Complex, 180, 90, 180, 270}, nil},
		{"complex, 15-month cycle: 18 months", Complex, 450, nil, Ramp{Complex, 450, 90, 450, 540}, nil},
		{"override one complexity", Complex, 30, &custom, Ramp{Complex, 30, 120, 100, 365}, nil},
		{"a zero rule keeps its default", Moderate, 90, &custom, Ramp{Moderate, 90, 45, 90, 150}, nil},
		{"override to no mentoring floor", Transactional, 0, &zeroMentoring, Ramp{Transactional, 0, 10, 0, 10}, nil},
		{"cycle at the bound", Transactional, MaxDays - 30, nil, Ramp{Transactional, MaxDays - 30, 30, MaxDays - 30, MaxDays}, nil},
		{"negative cycle", Moderate, -1, nil, Ramp{}, ErrNegative},
		{"cycle above the bound", Moderate, MaxDays + 1, nil, Ramp{}, ErrOutOfRange},
		{"ramp above the bound", Moderate, MaxDays, nil, Ramp{}, ErrOutOfRange},
		{"unknown complexity", UnknownComplexity, 30, nil, Ramp{}, ErrInvalidEnum},
		{"undeclared complexity", Complexity(7), 30, nil, Ramp{}, ErrInvalidEnum},
		{"negative override", Moderate, 30, &RampRules{Moderate: RampRule{TrainingDays: -5}}, Ramp{}, ErrNegative},
		{"override above the bound", Moderate, 30, &RampRules{Moderate: RampRule{MinRampDays: MaxDays + 1}}, Ramp{}, ErrOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Plan(tt.c, tt.cycle, tt.rules)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Plan(%v, %d) error = %v, want %v", tt.c, tt.cycle, err, tt.wantErr)
			}
			if err != nil {
				var ie *InputError
				if !errors.As(err, &ie) {
					t.Errorf("Plan(%v, %d) error type %T, want *InputError", tt.c, tt.cycle, err)
				}
				return
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Plan(%v, %d) mismatch (-want +got):\n%s", tt.c, tt.cycle, diff)
			}
			if err := got.Validate(); err != nil {
				t.Errorf("Plan(%v, %d).Validate() = %v", tt.c, tt.cycle, err)
			}
		})
	}
}

func TestPlanProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := Complexity(rapid.IntRange(1, 3).Draw(t, "complexity"))
		cycle := rapid.IntRange(0, 1500).Draw(t, "cycle")
		more := rapid.IntRange(0, 500).Draw(t, "more")
		r, err := Plan(c, cycle, nil)
		if err != nil {
			t.Fatalf("Plan(%v, %d) error %v", c, cycle, err)
		}
		def := DefaultRampRules().rule(c)
		if r.RampDays < r.TrainingDays+r.MentoringDays || r.RampDays < def.MinRampDays || r.MentoringDays < cycle {
			t.Fatalf("Plan(%v, %d) = %+v breaks ramp ≥ training + max(cycle, min mentoring), ramp ≥ min ramp", c, cycle, r)
		}
		r2, _ := Plan(c, cycle+more, nil)
		if r2.RampDays < r.RampDays {
			t.Fatalf("Plan(%v, %d).RampDays = %d < Plan(%v, %d).RampDays = %d: a longer cycle shortened the ramp", c, cycle+more, r2.RampDays, c, cycle, r.RampDays)
		}
		start := time.Date(2024, time.February, 29, 12, 0, 0, 0, time.UTC)
		if !(start.Before(r.TrainingEnds(start)) && !r.MentoringEnds(start).Before(r.TrainingEnds(start)) && !r.FullProductivity(start).Before(r.MentoringEnds(start))) {
			t.Fatalf("ramp %+v: dates out of order", r)
		}
	})
}

// Complexity orders the published ramps: a harder sale never ramps faster
// on the same cycle.
func TestPlanComplexityOrder(t *testing.T) {
	for _, cycle := range []int{0, 14, 60, 90, 180, 365, 700} {
		prev := 0
		for _, c := range []Complexity{Transactional, Moderate, Complex} {
			r, err := Plan(c, cycle, nil)
			if err != nil {
				t.Fatal(err)
			}
			if r.RampDays < prev {
				t.Errorf("Plan(%v, %d).RampDays = %d, below the simpler complexity's %d", c, cycle, r.RampDays, prev)
			}
			prev = r.RampDays
		}
	}
}

func TestRampValidate(t *testing.T) {
	tests := []struct {
		name string
		r    Ramp
		want error
	}{
		{"zero ramp", Ramp{}, nil},
		{"hand-written", Ramp{TrainingDays: 10, MentoringDays: 20, RampDays: 60}, nil},
		{"ramp shorter than its stages", Ramp{TrainingDays: 10, MentoringDays: 20, RampDays: 29}, ErrOutOfRange},
		{"negative training", Ramp{TrainingDays: -1}, ErrNegative},
		{"negative cycle", Ramp{SalesCycleDays: -1}, ErrNegative},
		{"huge ramp", Ramp{RampDays: MaxDays + 1}, ErrOutOfRange},
		{"bad complexity", Ramp{Complexity: 8}, ErrInvalidEnum},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.r.Validate(); !errors.Is(err, tt.want) {
				t.Errorf("Validate(%+v) = %v, want %v", tt.r, err, tt.want)
			}
		})
	}
}

func TestRampDates(t *testing.T) {
	// Calendar days in the start's location: across the March DST change
	// in New York a day is 23 hours, and the dates stay at midnight.
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	start := time.Date(2025, time.March, 1, 0, 0, 0, 0, ny)
	r := Ramp{TrainingDays: 14, MentoringDays: 30, RampDays: 90}
	tests := []struct {
		name string
		got  time.Time
		want time.Time
	}{
		{"training ends", r.TrainingEnds(start), time.Date(2025, time.March, 15, 0, 0, 0, 0, ny)},
		{"mentoring ends", r.MentoringEnds(start), time.Date(2025, time.April, 14, 0, 0, 0, 0, ny)},
		{"full productivity", r.FullProductivity(start), time.Date(2025, time.May, 30, 0, 0, 0, 0, ny)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !tt.got.Equal(tt.want) {
				t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
			}
		})
	}
}
