package benchmark

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
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
	// (The lower-is-better cases and TestFromTeamLowerIsBetterNumpy check
	// the targets exactly.)
	if b, _ := FromTeam(closeRate, []float64{12.5, 40, 33.3, 18, 27}, 0.9); math.Abs(b.Target-37.32) > 1e-12 {
		t.Errorf("FromTeam p90 = %v, want 37.32", b.Target)
	}
	orig := append([]float64(nil), x...)
	if _, err := FromTeam(closeRate, x, 0.3); err != nil || !cmp.Equal(orig, x) {
		t.Errorf("FromTeam modified its input: %v", x)
	}
}

// TestFromTeamLowerIsBetterNumpy pins lower-is-better targets, exactly, to
// numpy 1.24's np.quantile(x, p) with p the decimal complement of q (0.1
// for q = 0.9, 0.2 for q = 0.8). The float64 1−q (0.09999999999999998,
// 0.19999999999999996) put h a hair below a whole number and gave
// 1.9999999999999998 for the values 1…11 at q = 0.9, so a rep at 2 days
// was not Met. The cases are ones where numpy's interpolation agrees with
// x/exp/stats bit for bit; numpy computes b − (b−a)(1−t) when t ≥ 0.5 and
// can differ from R-7 as x/exp computes it in the last bit, and x/exp is
// the contract (TestTeamBenchmarksMatchesStats).
func TestFromTeamLowerIsBetterNumpy(t *testing.T) {
	oneToEleven := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}
	seventeen := []float64{76, 6, 51, 3, 39, 39, 81, 30, 11, 75, 68, 110, 97, 20, 85, 115, 92}
	tests := []struct {
		name   string
		values []float64
		q      float64
		want   float64 // np.quantile(values, 1-q as a decimal)
	}{
		{"1..11 q=0.9", oneToEleven, 0.9, 2},                             // np.quantile(x, 0.1) = 2.0
		{"1..11 q=0.8", oneToEleven, 0.8, 3},                             // np.quantile(x, 0.2) = 3.0
		{"1..11 q=0.75", oneToEleven, 0.75, 3.5},                         // np.quantile(x, 0.25) = 3.5
		{"1..11 q=0.5", oneToEleven, 0.5, 6},                             // np.quantile(x, 0.5) = 6.0
		{"pi q=0.9", []float64{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5}, 0.9, 1}, // np.quantile(x, 0.1) = 1.0
		{"pi q=0.8", []float64{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5}, 0.8, 2}, // np.quantile(x, 0.2) = 2.0
		// h−1 = 16·0.2 = 3.2: interpolated, and still a whole number.
		{"seventeen q=0.8", seventeen, 0.8, 22},                      // np.quantile(x, 0.2) = 22.0
		{"seventeen q=0.9", seventeen, 0.9, 9},                       // np.quantile(x, 0.1) = 9.0
		{"five q=0.9", []float64{12.5, 40, 33.3, 18, 27}, 0.9, 14.7}, // np.quantile(x, 0.1)
		{"five q=0.8", []float64{12.5, 40, 33.3, 18, 27}, 0.8, 16.9}, // np.quantile(x, 0.2)
		{"1..100 q=0.9", seq(1, 100), 0.9, 10.9},                     // np.quantile(x, 0.1)
		{"1..100 q=0.8", seq(1, 100), 0.8, 20.8},                     // np.quantile(x, 0.2)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := FromTeam(daysToClose, tt.values, tt.q)
			if err != nil || b.Target != tt.want {
				t.Errorf("FromTeam(days, %v, %v) = %v, %v; want target %v exactly", tt.values, tt.q, b.Target, err, tt.want)
			}
			var tb TeamBenchmarks
			bs, err := tb.FromTeam(nil, daysToClose, tt.values, tt.q)
			if err != nil || bs[0].Target != tt.want {
				t.Errorf("TeamBenchmarks.FromTeam(days, %v, %v) = %v, %v; want target %v exactly", tt.values, tt.q, bs, err, tt.want)
			}
		})
	}
	// The boundary is met: the rep at the benchmark reaches it.
	b, _ := FromTeam(daysToClose, oneToEleven, 0.9)
	if r, err := b.Evaluate(2); err != nil || !r.Met {
		t.Errorf("%v.Evaluate(2) = %+v, %v; want Met", b, r, err)
	}
}

// TeamBenchmarks reads lower-is-better quantiles from its cache of decimal
// complements: after the first group, no allocation, as for higher-is-better.
func TestTeamBenchmarksAllocs(t *testing.T) {
	groups := teamGroups(8, 50)
	qs := []float64{0.5, 0.75, 0.9}
	var tb TeamBenchmarks
	dst := make([]Benchmark, 0, len(qs))
	for _, m := range []Metric{closeRate, daysToClose} {
		if _, err := tb.FromTeam(dst, m, groups[0], qs...); err != nil {
			t.Fatal(err)
		}
		allocs := testing.AllocsPerRun(10, func() {
			for _, g := range groups {
				if _, err := tb.FromTeam(dst[:0], m, g, qs...); err != nil {
					t.Fatal(err)
				}
			}
		})
		if allocs != 0 {
			t.Errorf("TeamBenchmarks.FromTeam(%v) allocates %v times per run, want 0", m, allocs)
		}
	}
}

func seq(lo, hi int) []float64 {
	var s []float64
	for i := lo; i <= hi; i++ {
		s = append(s, float64(i))
	}
	return s
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
		// vhi−vlo is +Inf for values more than MaxFloat64 apart.
		{"overflow", closeRate, []float64{-math.MaxFloat64, math.MaxFloat64}, 0.5, ErrOverflow},
		{"overflow, lower is better", daysToClose, []float64{math.MaxFloat64, -math.MaxFloat64}, 0.3, ErrOverflow},
		{"overflow, negative", closeRate, []float64{1e308, -1e308}, 0.1, ErrOverflow},
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

// testComplement is FromTeam's 1−q for lower-is-better metrics, computed
// independently of decimalComplement: q's shortest decimal, in positional
// notation ("0.9"), is subtracted from 1 digit by digit and parsed back.
func testComplement(q float64) float64 {
	s := strconv.FormatFloat(q, 'f', -1, 64)
	switch s {
	case "0":
		return 1
	case "1":
		return 0
	}
	frac := []byte(strings.TrimPrefix(s, "0."))
	// 1 − 0.d₁…dₖ = 0.e₁…eₖ with eₖ = 10 − dₖ for the last non-zero
	// digit, 9 − dᵢ before it and the trailing zeros kept.
	last := bytes.LastIndexFunc(frac, func(r rune) bool { return r != '0' })
	out := make([]byte, len(frac))
	for i, d := range frac {
		switch {
		case i < last:
			out[i] = '9' - d + '0'
		case i == last:
			out[i] = '0' + 10 - (d - '0')
		default:
			out[i] = '0'
		}
	}
	p, err := strconv.ParseFloat("0."+string(out), 64)
	if err != nil {
		panic(err)
	}
	return p
}

func TestDecimalComplement(t *testing.T) {
	tests := []struct{ q, want float64 }{
		{0, 1}, {1, 0}, {0.5, 0.5}, {0.75, 0.25}, {0.8, 0.2}, {0.9, 0.1}, {0.95, 0.05},
		{0.99, 0.01}, {0.1, 0.9}, {0.05, 0.95}, {0.123, 0.877},
		{0.9999999999999999, 1e-16}, {5e-324, 1},
	}
	for _, tt := range tests {
		if got := decimalComplement(tt.q); got != tt.want {
			t.Errorf("decimalComplement(%v) = %v, want %v", tt.q, got, tt.want)
		}
		if got := testComplement(tt.q); got != tt.want {
			t.Errorf("testComplement(%v) = %v, want %v", tt.q, got, tt.want)
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		q := rapid.Float64Range(0, 1).Draw(t, "q")
		if got, want := decimalComplement(q), testComplement(q); got != want {
			t.Fatalf("decimalComplement(%v) = %v, digit by digit %v", q, got, want)
		}
	})
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
				eq = testComplement(q)
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
