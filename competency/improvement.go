package competency

import (
	"fmt"
	"math"

	"github.com/salesdev/salesdev/benchmark"
)

// A Change is the measured effect of training on one ratio: the rate
// before and after, and whether the difference is more than chance.
//
// Delta is after − before in rate units (0.05 is five percentage points).
// Relative is Delta ÷ the before rate (0.5 is half as good again); when
// the before rate is 0 there is nothing to be relative to and Relative is
// defined as 0: read Delta. Z and P are the pooled two-proportion z-test,
// two-sided, without continuity correction (the same as R's
// prop.test(x, n, correct = FALSE), whose X-squared is Z²): Z > 0 means
// the rate went up, and P is the chance of a change at least this large,
// either way, if training had no effect. When the pooled rate is 0 or 1
// (no conversions, or nothing but conversions, on both sides) the rates
// are equal and have no variance: Z is 0 and P is 1. The change is
// significant at level alpha when P < alpha; use [DefaultAlpha] (0.05, a
// library default) unless the team has agreed on another.
//
// No field is ever NaN or ±Inf.
type Change struct {
	// Before is the rate before training.
	Before benchmark.Rate `json:"before"`
	// After is the rate after training.
	After benchmark.Rate `json:"after"`
	// Delta is After's rate minus Before's, in rate units.
	Delta float64 `json:"delta"`
	// Relative is Delta ÷ Before's rate; 0 when Before's rate is 0.
	Relative float64 `json:"relative"`
	// Z is the pooled two-proportion z statistic; positive when the rate
	// went up.
	Z float64 `json:"z"`
	// P is the test's two-sided p-value: the chance of a change at least
	// this large, either way, if training had no effect.
	P float64 `json:"p"`
}

// Improvement measures the degree of improvement from before to after: a
// training campaign's effect as a number with its significance. See
// [Change] for the test and its edge cases.
//
// Improvement returns an [*InputError] wrapping [ErrInvalidRate] for an
// invalid rate and [ErrNoTrials] when either side has no trials.
func Improvement(before, after benchmark.Rate) (Change, error) {
	const fn = "Improvement"
	if err := checkRate(fn, "before", before); err != nil {
		return Change{}, err
	}
	if err := checkRate(fn, "after", after); err != nil {
		return Change{}, err
	}
	if before.Trials == 0 {
		return Change{}, inputErr(fn, "before = 0/0", ErrNoTrials)
	}
	if after.Trials == 0 {
		return Change{}, inputErr(fn, "after = 0/0", ErrNoTrials)
	}
	// Counts are summed in float64: two int64 trial counts can overflow
	// when added, and the test needs only about 15 significant digits.
	n1, n2 := float64(before.Trials), float64(after.Trials)
	p1, p2 := before.Value(), after.Value()
	c := Change{Before: before, After: after, Delta: p2 - p1, P: 1}
	if p1 > 0 {
		c.Relative = c.Delta / p1
	}
	pool := (float64(before.Hits) + float64(after.Hits)) / (n1 + n2)
	if v := pool * (1 - pool) * (1/n1 + 1/n2); v > 0 {
		c.Z = c.Delta / math.Sqrt(v)
		c.P = math.Erfc(math.Abs(c.Z) / math.Sqrt2)
	}
	return c, nil
}

// String formats c as "12/100 (12.0%) → 30/120 (25.0%): +13.0 points
// (+108%), z = 2.44, p = 0.0146". The relative change in parentheses is
// printed only when the before rate is above 0; from a rate of 0 there is
// nothing to be relative to, and String reads "0/100 (0.0%) → 30/120
// (25.0%): +25.0 points, z = 5.38, p = 7.44e-08".
func (c Change) String() string {
	rel := ""
	if c.Before.Value() > 0 {
		rel = fmt.Sprintf(" (%+.0f%%)", 100*c.Relative)
	}
	return fmt.Sprintf("%v → %v: %+.1f points%s, z = %.2f, p = %.3g",
		c.Before, c.After, 100*c.Delta, rel, c.Z, c.P)
}
