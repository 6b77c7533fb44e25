package competency

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/salesdev/salesdev/benchmark"
	"pgregory.net/rapid"
)

// Reference values from an independent oracle: Python 3.11 with SciPy
// 1.10.1, computing the pooled two-proportion z-test by hand,
//
//	p = (h1+h2)/(n1+n2); z = (h2/n2 − h1/n1)/sqrt(p(1−p)(1/n1+1/n2))
//	P = 2·scipy.stats.norm.sf(|z|)
//
// and cross-checked with scipy.stats.chi2_contingency(correction=False),
// whose χ² equals z² and whose p-value equals P to 1e-12 on every row
// (the same test as R's prop.test(correct = FALSE)).
func TestImprovementReference(t *testing.T) {
	tests := []struct {
		name                 string
		h1, n1, h2, n2       int64
		delta, rel, z, p     float64
		relTol, pTol, absTol float64
	}{
		{name: "training works", h1: 12, n1: 100, h2: 30, n2: 120, delta: 0.13, rel: 1.0833333333333335, z: 2.4429280118882053, p: 0.014568642978021875},
		{name: "not yet significant", h1: 45, n1: 500, h2: 60, n2: 480, delta: 0.035, rel: 0.38888888888888895, z: 1.7708754896942929, p: 0.07658140903566986},
		{name: "from zero: relative defined as 0", h1: 0, n1: 10, h2: 3, n2: 10, delta: 0.3, rel: 0, z: 1.8786728732554483, p: 0.060289173990602164},
		{name: "from all", h1: 50, n1: 50, h2: 49, n2: 50, delta: -0.020000000000000018, rel: -0.020000000000000018, z: -1.0050378152592125, p: 0.31487864133641963},
		{name: "no change", h1: 5, n1: 20, h2: 5, n2: 20, delta: 0, rel: 0, z: 0, p: 1},
		{name: "large counts", h1: 1000000, n1: 10000000, h2: 1003000, n2: 10000000, delta: 0.0002999999999999947, rel: 0.002999999999999947, z: 2.2345790335227815, p: 0.025444998580471397},
		{name: "worse", h1: 30, n1: 100, h2: 20, n2: 100, delta: -0.09999999999999998, rel: -0.33333333333333326, z: -1.6329931618554518, p: 0.10247043485974941},
		{name: "Dana's campaign", h1: 7, n1: 90, h2: 26, n2: 150, delta: 0.09555555555555556, rel: 1.2285714285714286, z: 2.081068158103133, p: 0.03742766788496615},
		{name: "tiny samples", h1: 1, n1: 3, h2: 2, n2: 3, delta: 0.3333333333333333, rel: 1, z: 0.816496580927726, p: 0.4142161782425252},
		{name: "far tail", h1: 10, n1: 1000, h2: 200, n2: 1000, delta: 0.19, rel: 19, z: 13.859017269277249, p: 1.1219984658744885e-43},
		{name: "farther tail", h1: 100, n1: 10000, h2: 500, n2: 10000, delta: 0.04, rel: 4, z: 16.580533445793563, p: 9.636957204176486e-62},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, after := benchmark.Rate{Hits: tt.h1, Trials: tt.n1}, benchmark.Rate{Hits: tt.h2, Trials: tt.n2}
			got, err := Improvement(before, after)
			if err != nil {
				t.Fatalf("Improvement(%v, %v) error = %v", before, after, err)
			}
			want := Change{Before: before, After: after, Delta: tt.delta, Relative: tt.rel, Z: tt.z, P: tt.p}
			// Relative 1e-9: the large-count row loses digits to
			// cancellation in h/n differences, in SciPy as here.
			if diff := cmp.Diff(want, got, cmpopts.EquateApprox(1e-9, 1e-15)); diff != "" {
				t.Errorf("Improvement(%v, %v) mismatch (-want +got):\n%s", before, after, diff)
			}
		})
	}
}

func TestImprovementEdges(t *testing.T) {
	tests := []struct {
		name          string
		before, after benchmark.Rate
		want          Change
	}{
		// Pooled rate 0 or 1: no variance, so no evidence of change.
		{"nothing converts", benchmark.Rate{Hits: 0, Trials: 40}, benchmark.Rate{Hits: 0, Trials: 60},
			Change{Delta: 0, Relative: 0, Z: 0, P: 1}},
		{"everything converts", benchmark.Rate{Hits: 40, Trials: 40}, benchmark.Rate{Hits: 1, Trials: 1},
			Change{Delta: 0, Relative: 0, Z: 0, P: 1}},
		{"one trial each", benchmark.Rate{Hits: 0, Trials: 1}, benchmark.Rate{Hits: 1, Trials: 1},
			// p = ½, z = 1/√(¼·2) = √2, P = erfc(1) (hand-derived).
			Change{Delta: 1, Relative: 0, Z: math.Sqrt2, P: math.Erfc(1)}},
		{"counts near the int64 limit", benchmark.Rate{Hits: math.MaxInt64 / 2, Trials: math.MaxInt64}, benchmark.Rate{Hits: math.MaxInt64 / 2, Trials: math.MaxInt64},
			Change{Delta: 0, Relative: 0, Z: 0, P: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Improvement(tt.before, tt.after)
			if err != nil {
				t.Fatalf("Improvement(%v, %v) error = %v", tt.before, tt.after, err)
			}
			tt.want.Before, tt.want.After = tt.before, tt.after
			if diff := cmp.Diff(tt.want, got, approx); diff != "" {
				t.Errorf("Improvement(%v, %v) mismatch (-want +got):\n%s", tt.before, tt.after, diff)
			}
		})
	}
}

func TestImprovementErrors(t *testing.T) {
	ok := benchmark.Rate{Hits: 1, Trials: 10}
	tests := []struct {
		name          string
		before, after benchmark.Rate
		want          []error
	}{
		{"no trials before", benchmark.Rate{}, ok, []error{ErrNoTrials}},
		{"no trials after", ok, benchmark.Rate{}, []error{ErrNoTrials}},
		{"hits exceed trials", benchmark.Rate{Hits: 11, Trials: 10}, ok, []error{ErrInvalidRate, benchmark.ErrHitsExceedTrials}},
		{"negative after", ok, benchmark.Rate{Hits: -1, Trials: 10}, []error{ErrInvalidRate, benchmark.ErrNegative}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Improvement(tt.before, tt.after)
			for _, want := range tt.want {
				if !errors.Is(err, want) {
					t.Errorf("Improvement(%v, %v) = %v, %v, want error %v", tt.before, tt.after, got, err, want)
				}
			}
			if err != nil && err.Error()[:len("competency: Improvement: ")] != "competency: Improvement: " {
				t.Errorf("Improvement error = %q, want the prefix %q", err, "competency: Improvement: ")
			}
		})
	}
}

func TestChangeString(t *testing.T) {
	c, _ := Improvement(benchmark.Rate{Hits: 12, Trials: 100}, benchmark.Rate{Hits: 30, Trials: 120})
	want := "12/100 (12.0%) → 30/120 (25.0%): +13.0 points (+108%), z = 2.44, p = 0.0146"
	if got := c.String(); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if !(c.P >= 0.01 && c.P < 0.05) {
		t.Errorf("P = %v, want significant at 5%% but not at 1%%", c.P)
	}
	if _, err := json.Marshal(c); err != nil {
		t.Errorf("json.Marshal(%v) error = %v", c, err)
	}

	// From a rate of 0 there is nothing to be relative to: no "(+0%)".
	c, _ = Improvement(benchmark.Rate{Hits: 0, Trials: 100}, benchmark.Rate{Hits: 30, Trials: 120})
	want = "0/100 (0.0%) → 30/120 (25.0%): +25.0 points, z = 5.38, p = 7.44e-08" // z and p by hand, as in TestImprovement
	if got := c.String(); got != want {
		t.Errorf("String() from a zero rate = %q, want %q", got, want)
	}
}

func genRate(t *rapid.T, label string) benchmark.Rate {
	n := rapid.Int64Range(1, 1_000_000).Draw(t, label+" trials")
	return benchmark.Rate{Hits: rapid.Int64Range(0, n).Draw(t, label+" hits"), Trials: n}
}

// Swapping before and after negates the change and keeps its
// significance; more evidence of the same change never lowers it.
func TestImprovementProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		before, after := genRate(t, "before"), genRate(t, "after")
		c, err := Improvement(before, after)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range []float64{c.Delta, c.Relative, c.Z, c.P} {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				t.Fatalf("Improvement(%v, %v) = %+v: not finite", before, after, c)
			}
		}
		if c.P < 0 || c.P > 1 || (c.Z > 0) != (c.Delta > 0) {
			t.Fatalf("Improvement(%v, %v) = %+v: P outside [0, 1] or Z against Delta", before, after, c)
		}
		r, err := Improvement(after, before)
		if err != nil {
			t.Fatal(err)
		}
		if !cmp.Equal([]float64{r.Z, r.P, r.Delta}, []float64{-c.Z, c.P, -c.Delta}, cmpopts.EquateApprox(1e-9, 1e-300)) {
			t.Fatalf("Improvement(%v, %v) = %+v, reversed %+v: not symmetric", before, after, c, r)
		}
		k := rapid.Int64Range(2, 100).Draw(t, "k")
		big, err := Improvement(benchmark.Rate{Hits: before.Hits * k, Trials: before.Trials * k}, benchmark.Rate{Hits: after.Hits * k, Trials: after.Trials * k})
		if err != nil {
			t.Fatal(err)
		}
		if big.P > c.P*(1+1e-9) {
			t.Fatalf("p rose from %v to %v with %d× the evidence of %v → %v", c.P, big.P, k, before, after)
		}
	})
}

// FuzzImprovement checks that any counts give an error or a finite change.
func FuzzImprovement(f *testing.F) {
	// Seeds: the reference rows' shapes, no variance, zero and negative
	// trials, hits over trials, and counts at the int64 limit.
	f.Add(int64(12), int64(100), int64(30), int64(120))
	f.Add(int64(0), int64(10), int64(0), int64(10))
	f.Add(int64(10), int64(10), int64(10), int64(10))
	f.Add(int64(0), int64(0), int64(1), int64(1))
	f.Add(int64(-1), int64(-1), int64(1), int64(1))
	f.Add(int64(5), int64(3), int64(1), int64(1))
	f.Add(int64(math.MaxInt64), int64(math.MaxInt64), int64(0), int64(math.MaxInt64))
	f.Fuzz(func(t *testing.T, h1, n1, h2, n2 int64) {
		before, after := benchmark.Rate{Hits: h1, Trials: n1}, benchmark.Rate{Hits: h2, Trials: n2}
		c, err := Improvement(before, after)
		if err != nil {
			if !errors.Is(err, ErrNoTrials) && !errors.Is(err, ErrInvalidRate) {
				t.Fatalf("Improvement(%v, %v) error %v wraps no documented sentinel", before, after, err)
			}
			return
		}
		for _, x := range []float64{c.Delta, c.Relative, c.Z, c.P} {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				t.Fatalf("Improvement(%v, %v) = %+v: not finite", before, after, c)
			}
		}
		if c.P < 0 || c.P > 1 || c.Delta < -1 || c.Delta > 1 {
			t.Fatalf("Improvement(%v, %v) = %+v: out of range", before, after, c)
		}
	})
}

func BenchmarkImprovement(b *testing.B) {
	before, after := benchmark.Rate{Hits: 7, Trials: 90}, benchmark.Rate{Hits: 26, Trials: 150}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Improvement(before, after); err != nil {
			b.Fatal(err)
		}
	}
}
