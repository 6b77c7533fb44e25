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
	Name  string `json:"name"`
	Count int64  `json:"count"`
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
// Each count is the smallest that still reaches the stage below. The
// division is rounded honestly: the float64 nearest 0.35 is not 0.35, and
// 70 ÷ 0.35 computes as 200.00000000000003, which a plain ceiling would
// turn into 201. Required takes a quotient within 64 units in the last
// place of a whole number as that whole number (a relative 1.4×10⁻¹⁴), the
// size of the error that representing a decimal ratio and dividing can
// introduce. A ratio written with d decimals can only be misread when the
// count below times 10ᵈ exceeds about 10¹³.
//
// Required returns an [*InputError] wrapping [ErrNotFinite] for a NaN or
// ±Inf goal or ratio, [ErrNegative] for a negative goal, [ErrOutOfRange]
// for a ratio outside (0, 1], and [ErrOverflow] when a count exceeds int64.
// It does not modify ratios. A goal of 0 needs 0 at every stage.
func Required(goal float64, ratios []float64) ([]int64, error) {
	const fn = "Required"
	if err := checkFinite(fn, "goal", goal); err != nil {
		return nil, err
	}
	if goal < 0 {
		return nil, inputErr(fn, fmt.Sprintf("goal = %v", goal), ErrNegative)
	}
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
	c, err := honestCeil(goal)
	if err != nil {
		return nil, inputErr(fn, fmt.Sprintf("goal = %v", goal), err)
	}
	counts[len(ratios)] = c
	for i := len(ratios) - 1; i >= 0; i-- {
		c, err = honestCeil(float64(counts[i+1]) / ratios[i])
		if err != nil {
			return nil, inputErr(fn, fmt.Sprintf("stage %d", i), err)
		}
		counts[i] = c
	}
	return counts, nil
}

// RequiredForRevenue is [Required] for a revenue goal: the goal is first
// divided by the average deal size (rounded as honestly as Required's
// divisions), then worked back through the funnel. The last count is the
// number of deals to close. averageDeal must be finite and positive.
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
	deals := revenue / averageDeal
	if math.IsInf(deals, 0) {
		return nil, inputErr(fn, "revenue / averageDeal", ErrOverflow)
	}
	counts, err := Required(deals, ratios)
	if err != nil {
		return nil, inputErr(fn, errArg(err), errUnwrap(err))
	}
	return counts, nil
}

// noiseULPs is how far, in units in the last place, a quotient may sit
// from a whole number and still be taken as that number by honestCeil.
const noiseULPs = 64

// honestCeil returns ⌈x⌉ for x ≥ 0, except that an x within noiseULPs ulps
// of a whole number is taken as that number: floating-point noise must not
// add one.
func honestCeil(x float64) (int64, error) {
	n := math.Round(x)
	if math.Abs(x-n) > noiseULPs*ulp(x) {
		n = math.Ceil(x)
	}
	if n >= 1<<63 {
		return 0, ErrOverflow
	}
	return int64(n), nil
}

// ulp returns the distance from |x| to the next larger float64.
func ulp(x float64) float64 {
	x = math.Abs(x)
	return math.Nextafter(x, math.Inf(1)) - x
}
