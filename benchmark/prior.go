package benchmark

import (
	"fmt"
	"math"
)

// A Prior is a beta distribution Beta(Alpha, Beta) over a team's true
// conversion rates, fitted from the team's own record by [FitPrior]. It
// is used to read one rep's small sample in the light of the team: see
// [Prior.Shrink].
//
// The zero Prior carries no information: Shrink returns the raw rate. A
// fitted Prior has Alpha > 0 and Beta > 0; its mean Alpha/(Alpha+Beta) is
// the team's pooled rate and its strength Alpha+Beta is what the team's
// evidence is worth, in trials, against one rep's: a rep with Alpha+Beta
// trials of their own is read as half their own rate, half the team's.
type Prior struct {
	// Alpha is the beta distribution's first shape parameter: the prior's
	// weight of hits, in trials.
	Alpha float64 `json:"alpha"`
	// Beta is the beta distribution's second shape parameter: the prior's
	// weight of misses, in trials.
	Beta float64 `json:"beta"`
}

// FitPrior fits a beta prior to a team's rates by empirical Bayes, using
// the method of moments for the beta-binomial model.
//
// How the fit works: the prior mean m is the pooled rate ΣHits/ΣTrials.
// Each rep's observed rate varies around m for two reasons: binomial noise,
// which shrinks with the rep's trials, and true differences between reps.
// FitPrior estimates the second part, the intraclass correlation
// ρ = 1/(Alpha+Beta+1), from the trial-weighted spread of the reps' rates,
//
//	S = Σ nᵢ(pᵢ − m)²,   ρ = (S/(m(1−m)) − (k−1)) / (N − Σnᵢ²/N − (k−1)),
//
// with k reps and N trials in all (this is the unbiased moment equation
// E[S] = m(1−m)((k−1) + ρ(N − Σnᵢ²/N − (k−1)))). The strength Alpha+Beta is
// then 1/ρ − 1, kept within [1, N]: never weaker than one trial, never worth
// more than the whole team's evidence. Alpha = m·strength and
// Beta = (1−m)·strength.
//
// Edge cases, chosen so that a small sample is never read as more than it
// is:
//   - Rates with no trials carry no evidence and are ignored.
//   - No trials at all: an error wrapping [ErrEmpty]; there is nothing to
//     fit. Use the zero Prior (no shrinking) or one of your own.
//   - A team of one, reps with one trial each, or reps no further apart
//     than chance (all-equal rates included): the data show no real
//     difference between reps, so the strength is N and each rep is read as
//     mostly the team.
//   - A team that won all or none of its trials: the mean is taken as
//     (H + ½)/(N + 1) so that both Alpha and Beta stay positive, with
//     strength N.
//
// FitPrior returns an [*InputError] wrapping [ErrNegative] or
// [ErrHitsExceedTrials] for an invalid rate and [ErrOverflow] when the
// counts do not add up within int64. It does not modify rates.
func FitPrior(rates []Rate) (Prior, error) {
	const fn = "FitPrior"
	var k int
	var hits, trials int64
	for i, r := range rates {
		if err := r.Validate(); err != nil {
			return Prior{}, inputErr(fn, fmt.Sprintf("rates[%d] = %v", i, r), errUnwrap(err))
		}
		if r.Trials == 0 {
			continue
		}
		if r.Trials > math.MaxInt64-trials {
			return Prior{}, inputErr(fn, fmt.Sprintf("rates[%d]", i), ErrOverflow)
		}
		k++
		hits += r.Hits
		trials += r.Trials
	}
	if k == 0 {
		return Prior{}, inputErr(fn, "rates", fmt.Errorf("%w: no trials", ErrEmpty))
	}
	n := float64(trials)
	if hits == 0 || hits == trials {
		m := (float64(hits) + 0.5) / (n + 1)
		return Prior{Alpha: m * n, Beta: (1 - m) * n}, nil
	}
	m := float64(hits) / n
	var s, sumSq float64
	for _, r := range rates {
		if r.Trials == 0 {
			continue
		}
		ni := float64(r.Trials)
		d := float64(r.Hits)/ni - m
		s += ni * d * d
		sumSq += ni * ni
	}
	strength := n
	denom := n - sumSq/n - float64(k-1)
	if rho := (s/(m*(1-m)) - float64(k-1)) / denom; denom > 0 && rho > 0 {
		strength = min(max(1/rho-1, 1), n)
	}
	return Prior{Alpha: m * strength, Beta: (1 - m) * strength}, nil
}

// Validate returns nil when Alpha and Beta are finite and positive and
// their sum, the strength, is finite too, as a fitted prior's are. It
// otherwise returns an [*InputError] wrapping [ErrNotFinite] for a NaN or
// ±Inf parameter, [ErrOutOfRange] for one that is zero or negative, and
// [ErrOverflow] when Alpha+Beta is +Inf (Prior{1e308, 1e308}).
func (p Prior) Validate() error {
	if err := checkFinite("Prior.Validate", "alpha", p.Alpha); err != nil {
		return err
	}
	if err := checkFinite("Prior.Validate", "beta", p.Beta); err != nil {
		return err
	}
	if p.Alpha <= 0 || p.Beta <= 0 {
		return inputErr("Prior.Validate", fmt.Sprintf("alpha = %v, beta = %v", p.Alpha, p.Beta), fmt.Errorf("%w: both must be positive", ErrOutOfRange))
	}
	if math.IsInf(p.Alpha+p.Beta, 0) {
		return inputErr("Prior.Validate", fmt.Sprintf("alpha + beta = %v + %v", p.Alpha, p.Beta), ErrOverflow)
	}
	return nil
}

// Mean returns Alpha/(Alpha+Beta), the team rate a rep with no evidence is
// expected to have; 0 for the zero Prior or an invalid one.
func (p Prior) Mean() float64 {
	if p.Validate() != nil {
		return 0
	}
	return p.Alpha / (p.Alpha + p.Beta)
}

// Shrink returns the posterior mean of r's true rate under the prior,
// (Hits+Alpha)/(Trials+Alpha+Beta): a weighted average of the raw rate
// (weight Trials) and the prior mean (weight Alpha+Beta). It always lies
// between the two, so a rep who won 2 of 2 is read as a little above the
// team, not as a 100% closer, while 200 of 200 stays close to 100%.
//
// With no trials Shrink returns the prior mean. The zero Prior (or an
// invalid one) does no shrinking: Shrink returns [Rate.Value]. Shrink does
// not validate r; an invalid r is clamped into [0, 1].
func (p Prior) Shrink(r Rate) float64 {
	if p.Validate() != nil {
		return r.Value()
	}
	if r.Trials <= 0 {
		return p.Mean()
	}
	h := min(max(float64(r.Hits), 0), float64(r.Trials))
	return clamp01((h + p.Alpha) / (float64(r.Trials) + p.Alpha + p.Beta))
}

// String formats p as "Beta(3.20, 4.10)".
func (p Prior) String() string { return fmt.Sprintf("Beta(%.2f, %.2f)", p.Alpha, p.Beta) }
