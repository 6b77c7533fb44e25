package benchmark

import (
	"fmt"
	"math"
	"strings"
)

// A Stage is one step of a sales funnel with the number of items that
// reached it: 2,000 calls, 200 conversations, 70 appointments, 35
// proposals, 14 deals.
type Stage struct {
	// Name is the stage's name, unique within its funnel: "calls",
	// "appointments".
	Name string `json:"name"`
	// Count is the number of items that reached the stage; never negative
	// in a valid funnel.
	Count int64 `json:"count"`
}

// A Funnel is a sales process's stages, top first, with their counts. Items
// only fall out on the way down, so a valid funnel's counts never grow; see
// [Funnel.Validate]. Each pair of adjacent stages is a conversion [Rate],
// the ratios a leader runs instead of chasing quota.
type Funnel []Stage

// Validate reports whether f has at least one stage, non-empty unique
// names, non-negative counts, and counts that never grow down the funnel.
// The error is an [*InputError] wrapping [ErrEmpty], [ErrDuplicate],
// [ErrNegative] or [ErrFunnelGrows], naming the stage.
func (f Funnel) Validate() error {
	const fn = "Funnel.Validate"
	if len(f) == 0 {
		return inputErr(fn, "stages", ErrEmpty)
	}
	seen := make(map[string]bool, len(f))
	for i, s := range f {
		name := strings.TrimSpace(s.Name)
		switch {
		case name == "":
			return inputErr(fn, fmt.Sprintf("stage %d name", i), ErrEmpty)
		case seen[name]:
			return inputErr(fn, fmt.Sprintf("stage %d %q", i, s.Name), ErrDuplicate)
		case s.Count < 0:
			return inputErr(fn, fmt.Sprintf("stage %q count = %d", s.Name, s.Count), ErrNegative)
		case i > 0 && s.Count > f[i-1].Count:
			return inputErr(fn, fmt.Sprintf("stage %q count = %d > %q count = %d", s.Name, s.Count, f[i-1].Name, f[i-1].Count), ErrFunnelGrows)
		}
		seen[name] = true
	}
	return nil
}

// Rates returns the stage-to-stage conversions: rates[i] is stage i+1's
// count out of stage i's. A one-stage funnel has no rates. Rates returns
// Validate's error for an invalid funnel.
func (f Funnel) Rates() ([]Rate, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	rates := make([]Rate, len(f)-1)
	for i := range rates {
		rates[i] = Rate{Hits: f[i+1].Count, Trials: f[i].Count}
	}
	return rates, nil
}

// Overall returns the conversion from the top of the funnel to the bottom:
// the last stage's count out of the first's. It returns Validate's error
// for an invalid funnel.
func (f Funnel) Overall() (Rate, error) {
	if err := f.Validate(); err != nil {
		return Rate{}, err
	}
	return Rate{Hits: f[len(f)-1].Count, Trials: f[0].Count}, nil
}

// Required works the funnel backwards from a goal: how many items each
// stage needs so that the last stage reaches goal. ratios[i] is the
// expected conversion from stage i to stage i+1, in (0, 1]. The result has
// len(ratios)+1 counts, top first; the last is ⌈goal⌉ and each count above
// is ⌈count below ÷ ratio⌉, computed from the rounded count below, because
// you cannot close 10.2 deals. So 14 deals at 10%, 35%, 50% and 40% need
// 2,000 calls, 200 conversations, 70 appointments, 35 proposals and the 14
// deals.
//
// Each count n is the smallest whole number with n × ratio ≥ the count
// below, worked out exactly from the float64 ratio, with one allowance for
// ratios written as decimals. The float64 nearest 0.35 is a little less
// than 0.35, so 70 ÷ 0.35 is exactly 200.0000000000000127 and its ceiling
// 201, though a funnel at 35% needs 200. So when the exact quotient
// exceeds a whole number m by no more than 64 units in the last place of
// m (a relative 1.4×10⁻¹⁴) and by no more than 10⁻⁶, Required takes m:
// n × ratio then falls short of the count below by at most 10⁻⁶ × ratio,
// less than a millionth of an item. A ratio with a few decimals is read as that
// decimal as long as the quotient is below 10⁹; above, the allowance is
// too small for the float64 ratio's error, and a count can come out one
// more than the decimal reading, never less. The goal itself is not
// rounded this way: 14.00000000000001 deals need 15.
//
// Required returns an [*InputError] wrapping [ErrNotFinite] for a NaN or
// ±Inf goal or ratio, [ErrNegative] for a negative goal, [ErrOutOfRange]
// for a ratio outside (0, 1], and [ErrOverflow] when a count exceeds 2⁵³
// (about 9×10¹⁵), beyond which float64 cannot tell one item from the next.
// It does not modify ratios. A goal of 0 needs 0 at every stage.
func Required(goal float64, ratios []float64) ([]int64, error) {
	const fn = "Required"
	if err := checkFinite(fn, "goal", goal); err != nil {
		return nil, err
	}
	if goal < 0 {
		return nil, inputErr(fn, fmt.Sprintf("goal = %v", goal), ErrNegative)
	}
	c := math.Ceil(goal)
	if c > maxCount {
		return nil, inputErr(fn, fmt.Sprintf("goal = %v", goal), fmt.Errorf("%w: more than 2⁵³", ErrOverflow))
	}
	return required(fn, int64(c), ratios)
}

// required is Required for a whole, checked goal.
func required(fn string, goal int64, ratios []float64) ([]int64, error) {
	for i, r := range ratios {
		arg := fmt.Sprintf("ratios[%d]", i)
		if err := checkFinite(fn, arg, r); err != nil {
			return nil, err
		}
		if !(r > 0 && r <= 1) {
			return nil, inputErr(fn, fmt.Sprintf("%s = %v", arg, r), fmt.Errorf("%w: a conversion ratio must be in (0, 1]", ErrOutOfRange))
		}
	}
	counts := make([]int64, len(ratios)+1)
	counts[len(ratios)] = goal
	for i := len(ratios) - 1; i >= 0; i-- {
		c, ok := ceilQuotient(float64(counts[i+1]), ratios[i])
		if !ok {
			return nil, inputErr(fn, fmt.Sprintf("stage %d", i), fmt.Errorf("%w: more than 2⁵³", ErrOverflow))
		}
		counts[i] = c
	}
	return counts, nil
}

// RequiredForRevenue is [Required] for a revenue goal: the number of deals
// is ⌈revenue ÷ averageDeal⌉, computed and rounded as Required computes
// each stage from the stage below (so 0.3 ÷ 0.1 is 3 deals and 1.1 ÷ 0.1
// is 11), and is then worked back through the funnel. The last count is
// the number of deals to close. It returns an [*InputError] wrapping
// [ErrNotFinite] for a NaN or ±Inf revenue or averageDeal, [ErrNegative]
// for a negative revenue, [ErrOutOfRange] for an averageDeal that is not
// positive, [ErrOverflow] when the number of deals exceeds 2⁵³, and
// otherwise Required's errors.
func RequiredForRevenue(revenue, averageDeal float64, ratios []float64) ([]int64, error) {
	const fn = "RequiredForRevenue"
	if err := checkFinite(fn, "revenue", revenue); err != nil {
		return nil, err
	}
	if err := checkFinite(fn, "averageDeal", averageDeal); err != nil {
		return nil, err
	}
	if revenue < 0 {
		return nil, inputErr(fn, fmt.Sprintf("revenue = %v", revenue), ErrNegative)
	}
	if averageDeal <= 0 {
		return nil, inputErr(fn, fmt.Sprintf("averageDeal = %v", averageDeal), fmt.Errorf("%w: must be positive", ErrOutOfRange))
	}
	deals, ok := ceilQuotient(revenue, averageDeal)
	if !ok {
		return nil, inputErr(fn, "revenue / averageDeal", fmt.Errorf("%w: more than 2⁵³ deals", ErrOverflow))
	}
	return required(fn, deals, ratios)
}

// maxCount is the largest count Required returns: every whole number up
// to 2⁵³ is a float64, so the quotients and products below are exact.
const maxCount = 1 << 53

// Decimal noise: a quotient that exceeds a whole number by at most
// noiseULPs units in its last place and at most noiseAbs is taken as that
// number. The relative bound covers the error of a decimal ratio's float64
// (half an ulp, 1.1×10⁻¹⁶ relative); the absolute one keeps a count from
// falling short by more than a millionth of an item where an ulp is large.
const (
	noiseULPs = 64
	noiseAbs  = 1e-6
)

// ceilQuotient returns ⌈num ÷ den⌉ for num ≥ 0 and den > 0, taken exactly
// (not from the rounded float64 quotient), less the decimal noise allowed
// by noiseULPs and noiseAbs. It reports false when the result would exceed
// maxCount.
func ceilQuotient(num, den float64) (int64, bool) {
	x := num / den
	if !(x <= maxCount) { // +Inf included
		return 0, false
	}
	// x is num/den rounded, so ⌈x⌉ can be one off the exact ceiling either
	// way. math.FMA(n, den, −num) is n·den − num rounded once: its sign is
	// exact, so it says whether n items at den reach num.
	n := math.Ceil(x)
	for n > 0 && math.FMA(n-1, den, -num) >= 0 {
		n--
	}
	for math.FMA(n, den, -num) < 0 {
		if noise(n, num, den) {
			return int64(n), true
		}
		if n >= maxCount {
			return 0, false
		}
		n++
	}
	// Now n−1 < num/den ≤ n exactly.
	if n > 0 && noise(n-1, num, den) {
		n--
	}
	return int64(n), true
}

// noise reports whether num/den exceeds the whole number m by no more than
// the decimal noise allowed, num/den ≥ m. The excess (num − m·den)/den is
// computed to within two roundings.
func noise(m, num, den float64) bool {
	return -math.FMA(m, den, -num)/den <= min(noiseULPs*ulp(m), noiseAbs)
}

// ulp returns the distance from |x| to the next larger float64.
func ulp(x float64) float64 {
	x = math.Abs(x)
	return math.Nextafter(x, math.Inf(1)) - x
}
