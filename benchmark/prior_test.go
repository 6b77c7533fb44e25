package benchmark

import (
	"errors"
	"math"
	"testing"

	"pgregory.net/rapid"
)

func TestFitPrior(t *testing.T) {
	tests := []struct {
		name        string
		rates       []Rate
		alpha, beta float64
	}{
		// Hand-derived: m = 15/30 = 0.5, S = Σnᵢ(pᵢ−m)² = 10(0.09+0+0.09) = 1.8,
		// ρ = (1.8/0.25 − 2)/(30 − 300/30 − 2) = 5.2/18 = 13/45, strength =
		// 45/13 − 1 = 32/13, α = β = 16/13.
		{"three reps", []Rate{{2, 10}, {5, 10}, {8, 10}}, 16.0 / 13, 16.0 / 13},
		// Zero-trial rates carry no evidence and change nothing.
		{"with empty reps", []Rate{{}, {2, 10}, {}, {5, 10}, {8, 10}}, 16.0 / 13, 16.0 / 13},
		// All equal rates: no spread beyond chance, strength N = 40.
		{"all equal", []Rate{{3, 10}, {3, 10}, {6, 20}}, 0.3 * 40, 0.7 * 40},
		// A team of one: nothing between reps to learn from; strength N.
		{"team of one", []Rate{{7, 20}}, 7, 13},
		// Reps with one trial each: spread cannot be told from noise.
		{"one trial each", []Rate{{1, 1}, {0, 1}, {1, 1}, {0, 1}}, 2, 2},
		// Nobody won: mean (0+½)/(10+1), strength 10.
		{"none won", []Rate{{0, 4}, {0, 6}}, 0.5 / 11 * 10, 10.5 / 11 * 10},
		// Everybody won: mean (10+½)/(10+1), strength 10.
		{"all won", []Rate{{4, 4}, {6, 6}}, 10.5 / 11 * 10, 0.5 / 11 * 10},
		// Reps far apart: ρ near 1, strength floored at one trial.
		{"far apart", []Rate{{0, 100}, {100, 100}}, 0.5, 0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := FitPrior(tt.rates)
			if err != nil {
				t.Fatalf("FitPrior(%v) error: %v", tt.rates, err)
			}
			if math.Abs(p.Alpha-tt.alpha) > 1e-9 || math.Abs(p.Beta-tt.beta) > 1e-9 {
				t.Errorf("FitPrior(%v) = %v, want Beta(%v, %v)", tt.rates, p, tt.alpha, tt.beta)
			}
			if err := p.Validate(); err != nil {
				t.Errorf("fitted prior %v does not validate: %v", p, err)
			}
		})
	}
}

func TestFitPriorErrors(t *testing.T) {
	tests := []struct {
		name  string
		rates []Rate
		want  error
	}{
		{"nil", nil, ErrEmpty},
		{"no trials", []Rate{{}, {}}, ErrEmpty},
		{"invalid", []Rate{{2, 10}, {3, 2}}, ErrHitsExceedTrials},
		{"negative", []Rate{{-1, 10}}, ErrNegative},
		{"overflow", []Rate{{1, math.MaxInt64}, {1, 1}}, ErrOverflow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := FitPrior(tt.rates); !errors.Is(err, tt.want) {
				t.Errorf("FitPrior(%v) error = %v, want %v", tt.rates, err, tt.want)
			}
		})
	}
}

func TestPriorValidate(t *testing.T) {
	tests := []struct {
		name string
		p    Prior
		want error // nil for a valid prior
	}{
		{"fitted", Prior{Alpha: 3, Beta: 7}, nil},
		{"large but finite strength", Prior{Alpha: 1e307, Beta: 1e307}, nil},
		{"zero", Prior{}, ErrOutOfRange},
		{"negative beta", Prior{Alpha: 1, Beta: -1}, ErrOutOfRange},
		{"NaN alpha", Prior{Alpha: math.NaN(), Beta: 1}, ErrNotFinite},
		{"Inf beta", Prior{Alpha: 1, Beta: math.Inf(1)}, ErrNotFinite},
		// 1e308 + 1e308 is +Inf: Alpha+Beta would be +Inf and Mean 0.
		{"strength overflows", Prior{Alpha: 1e308, Beta: 1e308}, ErrOverflow},
		{"strength overflows, uneven", Prior{Alpha: math.MaxFloat64, Beta: 1e292}, ErrOverflow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.p.Validate()
			if (tt.want == nil) != (err == nil) || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Fatalf("%v.Validate() = %v, want %v", tt.p, err, tt.want)
			}
			if err != nil {
				var ie *InputError
				if !errors.As(err, &ie) {
					t.Errorf("%v.Validate() = %T, want *InputError", tt.p, err)
				}
				if m := tt.p.Mean(); m != 0 {
					t.Errorf("invalid %v: Mean() = %v, want 0", tt.p, m)
				}
				return
			}
			if m := tt.p.Mean(); !(m > 0 && m < 1) {
				t.Errorf("%v.Mean() = %v", tt.p, m)
			}
		})
	}
}

func TestShrink(t *testing.T) {
	p := Prior{Alpha: 3, Beta: 7} // team mean 30%, worth 10 trials
	tests := []struct {
		name string
		p    Prior
		r    Rate
		want float64
	}{
		{"two of two", p, Rate{2, 2}, 5.0 / 12},
		{"no trials", p, Rate{}, 0.3},
		{"much evidence", p, Rate{900, 1000}, 903.0 / 1010},
		{"zero prior", Prior{}, Rate{2, 2}, 1},
		{"zero prior no trials", Prior{}, Rate{}, 0},
		{"invalid prior", Prior{Alpha: math.NaN(), Beta: 1}, Rate{1, 4}, 0.25},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.Shrink(tt.r); math.Abs(got-tt.want) > 1e-12 {
				t.Errorf("%v.Shrink(%v) = %v, want %v", tt.p, tt.r, got, tt.want)
			}
		})
	}
}

func TestShrinkProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		team := rapid.SliceOfN(rapid.Custom(func(t *rapid.T) Rate { return genRate(t, "rep") }), 1, 20).Draw(t, "team")
		p, err := FitPrior(team)
		if err != nil {
			if errors.Is(err, ErrEmpty) {
				return // a team with no trials at all
			}
			t.Fatalf("FitPrior(%v): %v", team, err)
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("FitPrior(%v) = %v, invalid: %v", team, p, err)
		}
		r := genRate(t, "r")
		s := p.Shrink(r)
		lo, hi := min(r.Value(), p.Mean()), max(r.Value(), p.Mean())
		if r.Trials == 0 {
			lo, hi = p.Mean(), p.Mean()
		}
		if s < lo-1e-12 || s > hi+1e-12 {
			t.Fatalf("%v.Shrink(%v) = %v, not between raw %v and prior mean %v", p, r, s, r.Value(), p.Mean())
		}
	})
}
