package competency

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
)

// A Gain is what training one competency to its benchmark is worth.
//
// In the library's model (not an article's), revenue is activity × the
// product of the funnel's stage ratios × the average deal, so raising one
// ratio from Current to Target, everything else equal, multiplies revenue
// by Target/Current: that factor is Multiplier, and the revenue gained on
// top of a current revenue R is R×(Multiplier−1). A competency at or above
// its target gains nothing and has Multiplier 1; Multiplier is never below
// 1, and never above 2/[MinTarget] (see [Prioritize] for how rates near
// zero are read).
type Gain struct {
	// Competency is the competency's ID.
	Competency string `json:"competency"`
	// Current is the shrunk rate, [Score.Shrunk].
	Current float64 `json:"current"`
	// Target is the benchmark, [Score.Target].
	Target float64 `json:"target"`
	// Multiplier is the revenue multiplier if this ratio alone reached
	// Target; finite, ≥ 1.
	Multiplier float64 `json:"multiplier"`
}

// String formats g as "new-opportunities ×1.67 (9.0% → 15.0%)".
func (g Gain) String() string {
	return fmt.Sprintf("%s ×%.2f (%.1f%% → %.1f%%)", g.Competency, g.Multiplier, 100*g.Current, 100*g.Target)
}

// Prioritize ranks the scorecard's competencies by the revenue gained if
// that ratio alone reached its benchmark: the largest Multiplier first,
// and the first Gain is the competency to train now. Train one competency
// at a time, in this order.
//
// The order, precisely:
//   - Competencies with evidence (Rate.Trials > 0) come first, by
//     Multiplier, largest first.
//   - Those at or above their target (Multiplier 1) come next; they gain
//     nothing.
//   - Ungraded competencies, with no evidence, come last: the multiplier
//     is then worked out from the prior (Shrunk is the prior mean), which
//     says nothing about this rep.
//   - Ties keep the scorecard's order, which is funnel order.
//
// Current is the shrunk rate. When it is 0 (no hits and no prior to
// shrink toward), revenue through that stage is zero and any improvement
// multiplies it without bound. For the Multiplier, Prioritize then reads
// the rate as half a hit, ½/(Trials+1) (the estimate under Jeffreys'
// prior), but never as more than half the target, so that the Multiplier
// never rises as evidence of a zero rate thins and is at least 2: a ratio
// at zero is always worth training. With a fitted [benchmark.Prior] the
// shrunk rate is never 0.
//
// Whatever the evidence, the Multiplier reads a rate below MinTarget/2
// (half a conversion in a billion, which can come from a prior of almost
// nothing, or from half a hit on billions of trials) as MinTarget/2, so
// the Multiplier is always finite: at most Target ÷ (MinTarget/2), and so
// at most 2×10⁹. Current itself is always the shrunk rate, unchanged.
//
// Prioritize works for a team as for a rep: give it a team's scorecard.
// It returns an [*InputError] wrapping [ErrEmpty] for a scorecard with no
// scores, [ErrDuplicate] for a competency scored twice, [ErrInvalidRate]
// for an invalid rate, and [ErrOutOfRange] or [ErrNotFinite] for a target
// outside [MinTarget, 1] or a shrunk rate outside [0, 1]. It does not
// modify s.
func Prioritize(s Scorecard) ([]Gain, error) {
	const fn = "Prioritize"
	if len(s.Scores) == 0 {
		return nil, inputErr(fn, "scorecard "+strconv.Quote(s.Rep), fmt.Errorf("%w: no scores", ErrEmpty))
	}
	seen := make(map[string]bool, len(s.Scores))
	for i, sc := range s.Scores {
		if seen[sc.Competency] {
			return nil, inputErr(fn, fmt.Sprintf("scores[%d] ", i)+strconv.Quote(sc.Competency), ErrDuplicate)
		}
		seen[sc.Competency] = true
		// The score is named only when it is refused: a team's plan
		// ranks every rep's scorecard.
		err := checkRate(fn, "rate", sc.Rate)
		if err == nil {
			err = checkTarget(fn, "target", sc.Target)
		}
		if err == nil {
			err = checkUnit(fn, "shrunk", sc.Shrunk)
		}
		if err != nil {
			return nil, under(fmt.Sprintf("scores[%d].", i), err)
		}
	}
	// Competencies with evidence first, then the others, each part by
	// Multiplier; a stable sort keeps ties in the scorecard's order.
	gains := make([]Gain, 0, len(s.Scores))
	for _, evidence := range []bool{true, false} {
		part := len(gains)
		for _, sc := range s.Scores {
			if (sc.Rate.Trials > 0) == evidence {
				gains = append(gains, Gain{Competency: sc.Competency, Current: sc.Shrunk, Target: sc.Target, Multiplier: multiplier(sc)})
			}
		}
		slices.SortStableFunc(gains[part:], func(a, b Gain) int { return cmp.Compare(b.Multiplier, a.Multiplier) })
	}
	return gains, nil
}

// multiplier returns Target/Current, at least 1, reading a zero rate as
// half a hit but at most half the target, and any rate as at least
// MinTarget/2. Since the target is at least MinTarget, the floor is below
// half of it, and a zero rate still gains at least 2.
func multiplier(s Score) float64 {
	cur := s.Shrunk
	if cur >= s.Target {
		return 1
	}
	if cur <= 0 {
		cur = min(0.5/(float64(s.Rate.Trials)+1), s.Target/2)
	}
	cur = max(cur, MinTarget/2)
	return max(s.Target/cur, 1)
}

// checkUnit validates a number in [0, 1].
func checkUnit(fn, arg string, x float64) error {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return inputErr(fn, fmt.Sprintf("%s = %v", arg, x), ErrNotFinite)
	case x < 0 || x > 1:
		return inputErr(fn, fmt.Sprintf("%s = %v", arg, x), ErrOutOfRange)
	}
	return nil
}
