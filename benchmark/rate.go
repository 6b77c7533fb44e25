package benchmark

import (
	"fmt"
	"math"
)

// A Rate is a conversion ratio counted from events: of Trials items that
// reached one stage, Hits reached the next (conversations that became
// appointments, closed deals that were won). Keeping the counts rather than
// the fraction keeps the evidence: 2 of 2 and 200 of 200 are both 100%, but
// only one of them is a standard to train to.
//
// The zero Rate has no trials. A valid Rate has 0 ≤ Hits ≤ Trials; see
// [Rate.Validate]. Rate is a small comparable value, safe to copy.
type Rate struct {
	// Hits is the number of items that reached the next stage.
	Hits int64 `json:"hits"`
	// Trials is the number of items that reached the stage the rate
	// converts from.
	Trials int64 `json:"trials"`
}

// Value returns Hits/Trials, or 0 when there are no trials: check Trials
// (or use [Prior.Shrink]) before reading a zero as "never converts". Value
// of an invalid Rate is clamped to [0, 1].
func (r Rate) Value() float64 {
	if r.Trials <= 0 {
		return 0
	}
	return clamp01(float64(r.Hits) / float64(r.Trials))
}

// Validate returns nil when 0 ≤ Hits ≤ Trials, and otherwise an
// [*InputError] wrapping [ErrNegative] or [ErrHitsExceedTrials].
func (r Rate) Validate() error {
	switch {
	case r.Hits < 0 || r.Trials < 0:
		return inputErr("Rate.Validate", r.String(), ErrNegative)
	case r.Hits > r.Trials:
		return inputErr("Rate.Validate", r.String(), ErrHitsExceedTrials)
	}
	return nil
}

// Add returns the rate that pools r and o: hits and trials added. Add is
// associative and commutative. Like + on int64 it does not check for
// overflow; use [Sum] where counts may approach 2⁶³.
func (r Rate) Add(o Rate) Rate {
	return Rate{Hits: r.Hits + o.Hits, Trials: r.Trials + o.Trials}
}

// Sum pools rates like repeated [Rate.Add], but validates each one and
// returns an error wrapping [ErrOverflow] rather than a wrapped-around sum.
// Sum of no rates is the zero Rate.
func Sum(rates ...Rate) (Rate, error) {
	var s Rate
	for i, r := range rates {
		if err := r.Validate(); err != nil {
			return Rate{}, inputErr("Sum", fmt.Sprintf("rates[%d] = %v", i, r), errUnwrap(err))
		}
		if r.Trials > math.MaxInt64-s.Trials {
			return Rate{}, inputErr("Sum", fmt.Sprintf("rates[%d]", i), ErrOverflow)
		}
		s.Hits += r.Hits
		s.Trials += r.Trials
	}
	return s, nil
}

// Interval returns the Wilson score interval for the true rate at the
// given confidence level, with z = Φ⁻¹((1+level)/2), the two-sided
// standard normal quantile (1.959964 for 0.95). Unlike the textbook
// p ± z·√(p(1−p)/n), it stays inside [0, 1], is never zero-width at 0 of n
// or n of n, and has close to its nominal coverage on the small samples a
// single rep produces.
//
// With no trials, an invalid Rate, or a level outside (0, 1), Interval
// returns the uninformative (0, 1). The interval always contains
// [Rate.Value].
//
// Reference: E. B. Wilson, "Probable inference, the law of succession, and
// statistical inference", JASA 22 (1927) 209–212.
func (r Rate) Interval(level float64) (lo, hi float64) {
	if r.Trials <= 0 || r.Validate() != nil || !(level > 0 && level < 1) {
		return 0, 1
	}
	return wilson(r.Hits, r.Trials, zFor(level))
}

// zFor returns the two-sided standard normal quantile for a confidence
// level: Φ⁻¹((1+level)/2) = √2·erf⁻¹(level).
func zFor(level float64) float64 { return math.Sqrt2 * math.Erfinv(level) }

// wilson is the Wilson score interval for hits of n trials, n > 0.
func wilson(hits, n int64, z float64) (lo, hi float64) {
	nf := float64(n)
	p := float64(hits) / nf
	z2 := z * z
	denom := 1 + z2/nf
	center := (p + z2/(2*nf)) / denom
	half := z / denom * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf))
	lo, hi = center-half, center+half
	// Rounding can push the bounds a hair past the estimate or [0, 1];
	// the exact interval contains p, and is closed at 0 and 1 when hits
	// are 0 or n.
	if hits == 0 {
		lo = 0
	}
	if hits == n {
		hi = 1
	}
	lo = math.Min(clamp01(lo), p)
	hi = math.Max(clamp01(hi), p)
	return lo, hi
}

// String formats r as "hits/trials (pct%)", or "0/0" with no trials.
func (r Rate) String() string {
	if r.Trials == 0 && r.Hits == 0 {
		return "0/0"
	}
	if r.Trials <= 0 || r.Hits < 0 || r.Hits > r.Trials {
		return fmt.Sprintf("%d/%d (invalid)", r.Hits, r.Trials)
	}
	return fmt.Sprintf("%d/%d (%.1f%%)", r.Hits, r.Trials, 100*r.Value())
}

func clamp01(x float64) float64 {
	switch {
	case x < 0:
		return 0
	case x > 1:
		return 1
	}
	return x
}

// errUnwrap returns the sentinel inside one of this package's errors, so a
// caller-facing error names the outer function without nesting messages.
func errUnwrap(err error) error {
	if ie, ok := err.(*InputError); ok {
		return ie.Err
	}
	return err
}

// checkFinite returns an [*InputError] wrapping [ErrNotFinite] when x is NaN
// or ±Inf.
func checkFinite(fn, arg string, x float64) error {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return inputErr(fn, fmt.Sprintf("%s = %v", arg, x), ErrNotFinite)
	}
	return nil
}
