package benchmark

import (
	"errors"
	"math"
	"math/big"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

func TestRequired(t *testing.T) {
	tests := []struct {
		name   string
		goal   float64
		ratios []float64
		want   []int64
	}{
		// DESIGN §2: 14 deals at 10%, 35%, 50%, 40% → 2000, 200, 70, 35, 14.
		// 70/0.35 computes as 200.00000000000003 in float64.
		{"design example", 14, []float64{0.10, 0.35, 0.50, 0.40}, []int64{2000, 200, 70, 35, 14}},
		{"fractional goal rounds up", 10.2, []float64{0.5}, []int64{22, 11}},
		{"no ratios", 3.5, nil, []int64{4}},
		{"zero goal", 0, []float64{0.2, 0.5}, []int64{0, 0, 0}},
		{"ratio one", 7, []float64{1, 1}, []int64{7, 7, 7}},
		// Hand-checked: ⌈7/0.3⌉ = ⌈23.33⌉ = 24; ⌈24/0.07⌉ = ⌈342.86⌉ = 343.
		{"genuine rounding", 7, []float64{0.07, 0.3}, []int64{343, 24, 7}},
		// The goal is rounded up as it is, with no allowance for noise: the
		// contract says the last count is ⌈goal⌉.
		{"goal just below a whole number", 6.999999999999999, nil, []int64{7}},
		{"goal just above a whole number", 11.000000000000002, nil, []int64{12}},
		{"goal a hair above 14", 14.00000000000001, nil, []int64{15}},
		// 30000000000003 ÷ 0.7 = 42857142857147.14…: the old 64-ulp allowance
		// (≈ 0.5 at this size) took 42857142857147, whose × 0.7 is
		// 30000000000002.9, short of the goal.
		{"large count not snapped", 30000000000003, []float64{0.7}, []int64{42857142857148, 30000000000003}},
		// 1696334617386 ÷ 0.045 rounds to the whole float64 37696324830800,
		// but the float64 0.045 is below 0.045 and the exact quotient is
		// 37696324830800.0014: a plain ceiling of the rounded quotient
		// undercounts, the exact ceiling does not.
		{"rounded quotient is whole", 1696334617386, []float64{0.045}, []int64{37696324830801, 1696334617386}},
		{"largest count", 1 << 53, []float64{1}, []int64{1 << 53, 1 << 53}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Required(tt.goal, tt.ratios)
			if err != nil {
				t.Fatalf("Required(%v, %v) error: %v", tt.goal, tt.ratios, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Required(%v, %v) mismatch (-want +got):\n%s", tt.goal, tt.ratios, diff)
			}
		})
	}
}

// Every count below 5,000 and every ratio with two or three decimals, against
// exact integer arithmetic: ⌈c ÷ (p/10ᵈ)⌉ = ⌈c·10ᵈ/p⌉. This is where
// floating-point noise would add one.
func TestRequiredExhaustiveDecimals(t *testing.T) {
	for _, scale := range []int64{100, 1000} {
		for p := int64(1); p <= scale; p++ {
			ratio := float64(p) / float64(scale)
			for c := int64(0); c < 5000; c++ {
				got, err := Required(float64(c), []float64{ratio})
				if err != nil {
					t.Fatalf("Required(%d, [%v]) error: %v", c, ratio, err)
				}
				want := (c*scale + p - 1) / p
				if got[0] != want {
					t.Fatalf("Required(%d, [%v]) = %v, want %d", c, ratio, got, want)
				}
			}
		}
	}
}

func TestRequiredErrors(t *testing.T) {
	tests := []struct {
		name   string
		goal   float64
		ratios []float64
		want   error
	}{
		{"NaN goal", math.NaN(), nil, ErrNotFinite},
		{"Inf goal", math.Inf(1), nil, ErrNotFinite},
		{"negative goal", -1, nil, ErrNegative},
		{"zero ratio", 10, []float64{0.5, 0}, ErrOutOfRange},
		{"ratio above one", 10, []float64{1.5}, ErrOutOfRange},
		{"negative ratio", 10, []float64{-0.5}, ErrOutOfRange},
		{"NaN ratio", 10, []float64{math.NaN()}, ErrNotFinite},
		{"overflow", 1e18, []float64{0.01}, ErrOverflow},
		{"huge goal", 1e300, nil, ErrOverflow},
		// Counts above 2⁵³ are refused, not rounded silently.
		{"goal above 2⁵³", 1<<53 + 2, nil, ErrOverflow},
		{"count above 2⁵³", 1e15, []float64{0.1}, ErrOverflow},
		{"count just above 2⁵³", 1<<52 + 1, []float64{0.5}, ErrOverflow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := Required(tt.goal, tt.ratios); !errors.Is(err, tt.want) {
				t.Errorf("Required(%v, %v) = %v, %v; want error %v", tt.goal, tt.ratios, got, err, tt.want)
			}
		})
	}
}

// Required reads whole-percent ratios as decimals: each count reaches the
// stage below, exactly in decimal, and while the quotient is below 10⁹
// one fewer would not. Above 10⁹ the decimal's float64 can put the exact
// quotient more than 10⁻⁶ past a whole number, and the count may be one
// more than the minimum, never less (see Required). Counts above 2⁵³ are
// an ErrOverflow. The checks are exact integer arithmetic.
func TestRequiredMinimal(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		goal := rapid.Int64Range(0, 100_000).Draw(t, "goal")
		pcts := rapid.SliceOfN(rapid.Int64Range(1, 100), 0, 6).Draw(t, "pcts")
		ratios := make([]float64, len(pcts))
		for i, p := range pcts {
			ratios[i] = float64(p) / 100
		}
		got, err := Required(float64(goal), ratios)
		if err != nil {
			// The counts can only be larger than the decimal minimum, so
			// the decimal chain must come close to 2⁵³ (or pass it).
			c := big.NewInt(goal)
			for i := len(pcts) - 1; i >= 0; i-- {
				c.Mul(c, big.NewInt(100)).Add(c, big.NewInt(pcts[i]-1)).Quo(c, big.NewInt(pcts[i]))
			}
			if !errors.Is(err, ErrOverflow) || c.Cmp(big.NewInt(1<<53-1<<10)) < 0 {
				t.Fatalf("Required(%d, %v) = %v; the decimal top count is %v", goal, ratios, err, c)
			}
			return
		}
		if got[len(got)-1] != goal {
			t.Fatalf("last count %d, want the goal %d", got[len(got)-1], goal)
		}
		for i, p := range pcts {
			above, below := got[i], got[i+1]
			if above*p < below*100 {
				t.Fatalf("stage %d: %d at %d%% does not reach %d", i, above, p, below)
			}
			fewer := above - 1
			if below*100/p >= 1e9 {
				fewer = above - 2
			}
			if fewer >= 0 && fewer*p >= below*100 {
				t.Fatalf("stage %d: %d is not minimal (%d at %d%% reaches %d)", i, above, fewer, p, below)
			}
		}
	})
}

func TestRequiredForRevenue(t *testing.T) {
	// $140,000 at an average deal of $10,000 is 14 deals: the design example.
	got, err := RequiredForRevenue(140_000, 10_000, []float64{0.10, 0.35, 0.50, 0.40})
	if err != nil || !cmp.Equal(got, []int64{2000, 200, 70, 35, 14}) {
		t.Errorf("RequiredForRevenue = %v, %v", got, err)
	}
	// The division revenue ÷ averageDeal is rounded like Required's:
	// 0.3/0.1 = 2.9999999999999996 and 1.1/0.1 = 11.000000000000002 in
	// float64, three and eleven deals, not a noisy ceiling.
	for _, tt := range []struct {
		rev, avg float64
		want     int64
	}{{0.3, 0.1, 3}, {1.1, 0.1, 11}, {140_000.01, 10_000, 15}, {0, 10, 0}} {
		if got, err := RequiredForRevenue(tt.rev, tt.avg, nil); err != nil || !cmp.Equal(got, []int64{tt.want}) {
			t.Errorf("RequiredForRevenue(%v, %v) = %v, %v; want [%d]", tt.rev, tt.avg, got, err, tt.want)
		}
	}
	for _, tt := range []struct {
		rev, avg float64
		want     error
	}{
		{-1, 10, ErrNegative}, {10, 0, ErrOutOfRange}, {10, math.NaN(), ErrNotFinite},
		{1e308, 1e-308, ErrOverflow}, {1e16, 1, ErrOverflow},
	} {
		if _, err := RequiredForRevenue(tt.rev, tt.avg, nil); !errors.Is(err, tt.want) {
			t.Errorf("RequiredForRevenue(%v, %v) error = %v, want %v", tt.rev, tt.avg, err, tt.want)
		}
	}
}

func TestFunnel(t *testing.T) {
	f := Funnel{{"calls", 2000}, {"conversations", 200}, {"appointments", 70}, {"proposals", 35}, {"deals", 14}}
	rates, err := f.Rates()
	if err != nil {
		t.Fatal(err)
	}
	want := []Rate{{200, 2000}, {70, 200}, {35, 70}, {14, 35}}
	if diff := cmp.Diff(want, rates); diff != "" {
		t.Errorf("Rates mismatch (-want +got):\n%s", diff)
	}
	if o, err := f.Overall(); err != nil || o != (Rate{14, 2000}) {
		t.Errorf("Overall = %v, %v; want 14/2000", o, err)
	}
	if r, err := (Funnel{{"only", 5}}).Rates(); err != nil || len(r) != 0 {
		t.Errorf("one-stage Rates = %v, %v", r, err)
	}
}

func TestFunnelValidate(t *testing.T) {
	tests := []struct {
		name string
		f    Funnel
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"unnamed", Funnel{{"a", 3}, {" ", 2}}, ErrEmpty},
		{"duplicate", Funnel{{"a", 3}, {"a", 2}}, ErrDuplicate},
		{"negative", Funnel{{"a", -3}}, ErrNegative},
		{"grows", Funnel{{"calls", 10}, {"meetings", 11}}, ErrFunnelGrows},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.f.Validate(); !errors.Is(err, tt.want) {
				t.Errorf("%v.Validate() = %v, want %v", tt.f, err, tt.want)
			}
			if _, err := tt.f.Rates(); !errors.Is(err, tt.want) {
				t.Errorf("%v.Rates() error = %v, want %v", tt.f, err, tt.want)
			}
			if _, err := tt.f.Overall(); !errors.Is(err, tt.want) {
				t.Errorf("%v.Overall() error = %v, want %v", tt.f, err, tt.want)
			}
		})
	}
	err := Funnel{{"calls", 10}, {"meetings", 11}}.Validate()
	want := `benchmark: Funnel.Validate: stage "meetings" count = 11 > "calls" count = 10: count grows down the funnel`
	if err == nil || err.Error() != want {
		t.Errorf("Validate error text = %q, want %q", err, want)
	}
}
