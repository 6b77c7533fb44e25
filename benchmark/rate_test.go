package benchmark

import (
	"errors"
	"math"
	"testing"

	"pgregory.net/rapid"
)

// Wilson score intervals without continuity correction. Reference values:
// R. G. Newcombe, "Two-sided confidence intervals for the single
// proportion: comparison of seven methods", Statistics in Medicine 17
// (1998) 857–872, Table II, method 3 (81/263, 15/148, 0/20, 1/29, to four
// decimals); all cases recomputed to ten decimals with scipy 1.10
// (scipy.stats.binomtest(k, n).proportion_ci(0.95, method="wilson")).
func TestRateInterval(t *testing.T) {
	tests := []struct {
		name   string
		r      Rate
		level  float64
		lo, hi float64
	}{
		{"newcombe 81/263", Rate{81, 263}, 0.95, 0.2552885199, 0.3662095770},
		{"newcombe 15/148", Rate{15, 148}, 0.95, 0.0623863995, 0.1604872417},
		{"newcombe 0/20", Rate{0, 20}, 0.95, 0, 0.1611251581},
		{"newcombe 1/29", Rate{1, 29}, 0.95, 0.0061132143, 0.1717552188},
		{"two of two", Rate{2, 2}, 0.95, 0.3423802275, 1},
		{"all won", Rate{29, 29}, 0.95, 0.8830302015, 1},
		{"7/20", Rate{7, 20}, 0.95, 0.1811918241, 0.5671457233},
		{"7/20 at 90%", Rate{7, 20}, 0.90, 0.2022600401, 0.5334873112},
		{"no trials", Rate{}, 0.95, 0, 1},
		{"invalid rate", Rate{5, 3}, 0.95, 0, 1},
		{"level 1", Rate{7, 20}, 1, 0, 1},
		{"level NaN", Rate{7, 20}, math.NaN(), 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, hi := tt.r.Interval(tt.level)
			if math.Abs(lo-tt.lo) > 1e-9 || math.Abs(hi-tt.hi) > 1e-9 {
				t.Errorf("%v.Interval(%v) = (%.10f, %.10f), want (%.10f, %.10f)", tt.r, tt.level, lo, hi, tt.lo, tt.hi)
			}
		})
	}
}

func TestZFor(t *testing.T) {
	// scipy.stats.norm.ppf(0.975) = 1.959963984540054.
	if z := zFor(0.95); math.Abs(z-1.959963984540054) > 1e-12 {
		t.Errorf("zFor(0.95) = %v, want 1.959963984540054", z)
	}
}

func TestRateValidate(t *testing.T) {
	tests := []struct {
		name string
		r    Rate
		want error
	}{
		{"zero", Rate{}, nil},
		{"valid", Rate{3, 10}, nil},
		{"all", Rate{10, 10}, nil},
		{"negative hits", Rate{-1, 10}, ErrNegative},
		{"negative trials", Rate{0, -1}, ErrNegative},
		{"hits exceed trials", Rate{11, 10}, ErrHitsExceedTrials},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.r.Validate()
			if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Errorf("%#v.Validate() = %v, want %v", tt.r, err, tt.want)
			}
		})
	}
}

func TestRateValueAndString(t *testing.T) {
	tests := []struct {
		r     Rate
		value float64
		str   string
	}{
		{Rate{}, 0, "0/0"},
		{Rate{7, 20}, 0.35, "7/20 (35.0%)"},
		{Rate{2, 2}, 1, "2/2 (100.0%)"},
		{Rate{3, 2}, 1, "3/2 (invalid)"},
	}
	for _, tt := range tests {
		if got := tt.r.Value(); math.Abs(got-tt.value) > 1e-15 {
			t.Errorf("%#v.Value() = %v, want %v", tt.r, got, tt.value)
		}
		if got := tt.r.String(); got != tt.str {
			t.Errorf("%#v.String() = %q, want %q", tt.r, got, tt.str)
		}
	}
}

func TestSum(t *testing.T) {
	got, err := Sum(Rate{1, 2}, Rate{3, 4}, Rate{})
	if err != nil || got != (Rate{4, 6}) {
		t.Errorf("Sum = %v, %v; want 4/6, nil", got, err)
	}
	if _, err := Sum(Rate{1, math.MaxInt64}, Rate{1, 1}); !errors.Is(err, ErrOverflow) {
		t.Errorf("Sum near MaxInt64: err = %v, want ErrOverflow", err)
	}
	if _, err := Sum(Rate{1, 2}, Rate{3, 2}); !errors.Is(err, ErrHitsExceedTrials) {
		t.Errorf("Sum with invalid rate: err = %v, want ErrHitsExceedTrials", err)
	}
	var ie *InputError
	if _, err := Sum(Rate{-1, 2}); !errors.As(err, &ie) || ie.Func != "Sum" {
		t.Errorf("Sum error = %#v, want *InputError from Sum", err)
	}
}

func genRate(t *rapid.T, label string) Rate {
	n := rapid.Int64Range(0, 1_000_000).Draw(t, label+".trials")
	h := rapid.Int64Range(0, n).Draw(t, label+".hits")
	return Rate{Hits: h, Trials: n}
}

func TestIntervalProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := genRate(t, "r")
		level := rapid.Float64Range(0.01, 0.999).Draw(t, "level")
		lo, hi := r.Interval(level)
		p := r.Value()
		if !(0 <= lo && lo <= hi && hi <= 1) {
			t.Fatalf("%v.Interval(%v) = (%v, %v), not ordered inside [0, 1]", r, level, lo, hi)
		}
		if r.Trials > 0 && !(lo <= p && p <= hi) {
			t.Fatalf("%v.Interval(%v) = (%v, %v) does not contain %v", r, level, lo, hi, p)
		}
		// More trials at the same ratio give a narrower interval.
		if r.Trials > 0 {
			k := rapid.Int64Range(2, 100).Draw(t, "k")
			lo2, hi2 := Rate{r.Hits * k, r.Trials * k}.Interval(level)
			if hi2-lo2 >= hi-lo {
				t.Fatalf("width at %d× trials = %v, not narrower than %v", k, hi2-lo2, hi-lo)
			}
		}
		// A higher level gives a wider interval.
		if r.Trials > 0 {
			lo3, hi3 := r.Interval(min(level+0.0005, 0.9999))
			if lo3 > lo || hi3 < hi {
				t.Fatalf("interval at a higher level (%v, %v) is not wider than (%v, %v)", lo3, hi3, lo, hi)
			}
		}
	})
}

func TestAddProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, b, c := genRate(t, "a"), genRate(t, "b"), genRate(t, "c")
		if a.Add(b) != b.Add(a) {
			t.Fatalf("Add not commutative: %v + %v", a, b)
		}
		if a.Add(b).Add(c) != a.Add(b.Add(c)) {
			t.Fatalf("Add not associative: %v, %v, %v", a, b, c)
		}
		if a.Add(Rate{}) != a {
			t.Fatalf("zero Rate is not the identity of Add")
		}
		s, err := Sum(a, b, c)
		if err != nil || s != a.Add(b).Add(c) {
			t.Fatalf("Sum(%v, %v, %v) = %v, %v; want %v", a, b, c, s, err, a.Add(b).Add(c))
		}
	})
}
