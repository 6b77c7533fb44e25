package benchmark

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/exp/stats"
	"pgregory.net/rapid"
)

var (
	closeRate   = Metric{Name: "close rate", Unit: "%", Direction: HigherIsBetter}
	daysToClose = Metric{Name: "days to close", Unit: "days", Direction: LowerIsBetter}
)

func TestEvaluate(t *testing.T) {
	tests := []struct {
		name string
		b    Benchmark
		v    float64
		want Result
	}{
		{"below", Benchmark{closeRate, 0.32}, 0.24, Result{Value: 0.24, Target: 0.32, Attainment: 0.75, Gap: 0.08}},
		{"at target is met", Benchmark{closeRate, 0.32}, 0.32, Result{Value: 0.32, Target: 0.32, Attainment: 1, Met: true}},
		{"above", Benchmark{closeRate, 0.32}, 0.40, Result{Value: 0.40, Target: 0.32, Attainment: 1.25, Met: true}},
		{"zero value", Benchmark{closeRate, 0.32}, 0, Result{Target: 0.32, Gap: 0.32}},
		{"lower is better, slow", Benchmark{daysToClose, 45}, 60, Result{Value: 60, Target: 45, Attainment: 0.75, Gap: 15}},
		{"lower is better, at", Benchmark{daysToClose, 45}, 45, Result{Value: 45, Target: 45, Attainment: 1, Met: true}},
		{"lower is better, fast", Benchmark{daysToClose, 45}, 30, Result{Value: 30, Target: 45, Attainment: 1.5, Met: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.b.Evaluate(tt.v)
			if err != nil {
				t.Fatalf("%v.Evaluate(%v) error: %v", tt.b, tt.v, err)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
				t.Errorf("%v.Evaluate(%v) mismatch (-want +got):\n%s", tt.b, tt.v, diff)
			}
		})
	}
}

func TestEvaluateErrors(t *testing.T) {
	tests := []struct {
		name string
		b    Benchmark
		v    float64
		want error
	}{
		{"NaN value", Benchmark{closeRate, 0.3}, math.NaN(), ErrNotFinite},
		{"Inf value", Benchmark{closeRate, 0.3}, math.Inf(1), ErrNotFinite},
		{"negative value", Benchmark{closeRate, 0.3}, -1, ErrNegative},
		{"zero target", Benchmark{closeRate, 0}, 0.3, ErrOutOfRange},
		{"NaN target", Benchmark{closeRate, math.NaN()}, 0.3, ErrNotFinite},
		{"no metric name", Benchmark{Metric{}, 0.3}, 0.3, ErrEmpty},
		{"bad direction", Benchmark{Metric{Name: "x", Direction: 9}, 0.3}, 0.3, ErrInvalidEnum},
		{"zero days", Benchmark{daysToClose, 45}, 0, ErrOutOfRange},
		{"huge attainment", Benchmark{closeRate, 5e-324}, 1e300, ErrOverflow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := tt.b.Evaluate(tt.v); !errors.Is(err, tt.want) {
				t.Errorf("%v.Evaluate(%v) error = %v, want %v", tt.b, tt.v, err, tt.want)
			}
		})
	}
}

func TestFromTeam(t *testing.T) {
	// Reference quantiles: numpy 1.24 np.quantile(x, q, method="linear")
	// on x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]:
	// q 0, .1, .25, .5, .75, .9, 1 → 1, 1, 2.5, 4, 5, 6, 9.
	x := []float64{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5}
	tests := []struct {
		name string
		m    Metric
		q    float64
		want float64
	}{
		{"median", closeRate, 0.5, 4},
		{"top quartile", closeRate, 0.75, 5},
		{"p90", closeRate, 0.9, 6},
		{"max", closeRate, 1, 9},
		{"lower is better, top quartile", daysToClose, 0.75, 2.5},
		{"lower is better, p90", daysToClose, 0.9, 1},
		{"lower is better, median", daysToClose, 0.5, 4},
		{"lower is better, best", daysToClose, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := FromTeam(tt.m, x, tt.q)
			if err != nil {
				t.Fatalf("FromTeam(%v, x, %v) error: %v", tt.m, tt.q, err)
			}
			if math.Abs(b.Target-tt.want) > 1e-12 || b.Metric != tt.m {
				t.Errorf("FromTeam(%v, x, %v) = %v, want target %v", tt.m, tt.q, b, tt.want)
			}
		})
	}
	// numpy: np.quantile([12.5, 40, 33.3, 18, 27], 0.9) = 37.32.
	if b, _ := FromTeam(closeRate, []float64{12.5, 40, 33.3, 18, 27}, 0.9); math.Abs(b.Target-37.32) > 1e-12 {
		t.Errorf("FromTeam p90 = %v, want 37.32", b.Target)
	}
	orig := append([]float64(nil), x...)
	if _, err := FromTeam(closeRate, x, 0.3); err != nil || !cmp.Equal(orig, x) {
		t.Errorf("FromTeam modified its input: %v", x)
	}
}

func TestFromTeamErrors(t *testing.T) {
	tests := []struct {
		name   string
		m      Metric
		values []float64
		q      float64
		want   error
	}{
		{"empty", closeRate, nil, 0.5, ErrEmpty},
		{"NaN value", closeRate, []float64{1, math.NaN()}, 0.5, ErrNotFinite},
		{"Inf value", closeRate, []float64{math.Inf(-1)}, 0.5, ErrNotFinite},
		{"q above 1", closeRate, []float64{1}, 1.5, ErrOutOfRange},
		{"q below 0", closeRate, []float64{1}, -0.1, ErrOutOfRange},
		{"q NaN", closeRate, []float64{1}, math.NaN(), ErrNotFinite},
		{"bad metric", Metric{Name: "x", Direction: -1}, []float64{1}, 0.5, ErrInvalidEnum},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := FromTeam(tt.m, tt.values, tt.q); !errors.Is(err, tt.want) {
				t.Errorf("FromTeam error = %v, want %v", err, tt.want)
			}
			var tb TeamBenchmarks
			dst := []Benchmark{{closeRate, 1}}
			got, err := tb.FromTeam(dst, tt.m, tt.values, 0.5, tt.q)
			if !errors.Is(err, tt.want) || len(got) != 1 {
				t.Errorf("TeamBenchmarks.FromTeam = %v, %v; want dst unchanged and %v", got, err, tt.want)
			}
		})
	}
}

// TeamBenchmarks must give bit-identical results to x/exp/stats.Quantiles.
func TestTeamBenchmarksMatchesStats(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		values := rapid.SliceOfN(rapid.Float64Range(-1e6, 1e6), 1, 200).Draw(t, "values")
		qs := rapid.SliceOfN(rapid.Float64Range(0, 1), 1, 5).Draw(t, "qs")
		dir := Direction(rapid.IntRange(0, 1).Draw(t, "dir"))
		m := Metric{Name: "m", Direction: dir}
		var tb TeamBenchmarks
		got, err := tb.FromTeam(nil, m, values, qs...)
		if err != nil {
			t.Fatal(err)
		}
		for i, q := range qs {
			eq := q
			if dir == LowerIsBetter {
				eq = 1 - q
			}
			want := stats.Quantiles(values, eq)[0]
			if got[i].Target != want {
				t.Fatalf("TeamBenchmarks q=%v: %v, stats.Quantiles: %v", q, got[i].Target, want)
			}
			single, err := FromTeam(m, values, q)
			if err != nil || single != got[i] {
				t.Fatalf("FromTeam q=%v = %v, %v; TeamBenchmarks gave %v", q, single, err, got[i])
			}
		}
	})
}

func TestDirectionText(t *testing.T) {
	for _, d := range []Direction{HigherIsBetter, LowerIsBetter} {
		text, err := d.MarshalText()
		if err != nil {
			t.Fatalf("%v.MarshalText: %v", d, err)
		}
		var back Direction
		if err := back.UnmarshalText(text); err != nil || back != d {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", text, back, err, d)
		}
	}
	var d Direction
	if err := d.UnmarshalText([]byte("LOWER-IS-BETTER")); err != nil || d != LowerIsBetter {
		t.Errorf(`UnmarshalText("LOWER-IS-BETTER") = %v, %v`, d, err)
	}
	if err := d.UnmarshalText([]byte("sideways")); !errors.Is(err, ErrInvalidEnum) {
		t.Errorf(`UnmarshalText("sideways") error = %v, want ErrInvalidEnum`, err)
	}
	if got := Direction(7).String(); got != "%!Direction(7)" {
		t.Errorf("Direction(7).String() = %q", got)
	}
	if _, err := Direction(7).MarshalText(); !errors.Is(err, ErrInvalidEnum) {
		t.Errorf("Direction(7).MarshalText error = %v, want ErrInvalidEnum", err)
	}
	b, err := json.Marshal(Benchmark{daysToClose, 45})
	if err != nil || string(b) != `{"metric":{"name":"days to close","unit":"days","direction":"lower-is-better"},"target":45}` {
		t.Errorf("json.Marshal(Benchmark) = %s, %v", b, err)
	}
	var back Benchmark
	if err := json.Unmarshal(b, &back); err != nil || back != (Benchmark{daysToClose, 45}) {
		t.Errorf("json round trip = %v, %v", back, err)
	}
}

func TestDirectionTextProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := Direction(rapid.IntRange(-3, 5).Draw(t, "d"))
		text, err := d.MarshalText()
		if !d.Valid() {
			if err == nil {
				t.Fatalf("%v.MarshalText() succeeded for an invalid direction", d)
			}
			return
		}
		var back Direction
		if err := back.UnmarshalText(text); err != nil || back != d {
			t.Fatalf("round trip of %v = %v, %v", d, back, err)
		}
	})
}

// teamGroups returns groups×size deterministic team values, as a CRM would
// give per team and metric.
func teamGroups(groups, size int) [][]float64 {
	rng := rand.New(rand.NewPCG(1, 2))
	out := make([][]float64, groups)
	for g := range out {
		out[g] = make([]float64, size)
		for i := range out[g] {
			out[g][i] = rng.NormFloat64()*0.1 + 0.3
		}
	}
	return out
}

// BenchmarkFromTeam sets benchmarks at three quantiles for 4,000 groups of
// 50 values (DESIGN §7), against calling x/exp/stats.Quantiles per group.
func BenchmarkFromTeam(b *testing.B) {
	groups := teamGroups(4000, 50)
	qs := []float64{0.5, 0.75, 0.9}
	b.Run("TeamBenchmarks", func(b *testing.B) {
		b.ReportAllocs()
		var tb TeamBenchmarks
		dst := make([]Benchmark, 0, len(qs))
		for b.Loop() {
			for _, g := range groups {
				var err error
				dst, err = tb.FromTeam(dst[:0], closeRate, g, qs...)
				if err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(len(groups))*float64(b.N)/b.Elapsed().Seconds(), "groups/s")
	})
	b.Run("stats.Quantiles", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, g := range groups {
				_ = stats.Quantiles(g, qs...)
			}
		}
		b.ReportMetric(float64(len(groups))*float64(b.N)/b.Elapsed().Seconds(), "groups/s")
	})
}
