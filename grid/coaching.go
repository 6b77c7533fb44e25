package grid

import (
	"math"
	"strconv"
)

// MinCoachingHours is the monthly coaching time below which a rep is
// flagged: in the Sales Executive Council's study of sales coaching, reps
// who received three hours or more of coaching a month reached 107% of
// quota, against 88% for those who received less.
//
// It is the same figure, with the same value, as
// [github.com/salesdev/salesdev/tmc.CoachingCadence]: each package
// defines it because grid and tmc do not import each other.
const MinCoachingHours = 3.0

// Weights are the relative shares of a manager's coaching time that one
// rep in each quadrant receives: with the defaults, a Striver gets four
// times an Independent's time. Weights are relative, so only their ratios
// matter. Each must be finite and ≥ 0; a zero weight gives the quadrant no
// coaching time at all (it is still flagged below the minimum).
type Weights struct {
	Striver     float64 `json:"striver"`
	Achiever    float64 `json:"achiever"`
	Independent float64 `json:"independent"`
	Detractor   float64 `json:"detractor"`
}

// DefaultWeights returns the weights [Allocate] uses when given none,
// in the coaching priority of ASLAN's grid:
//
//   - Striver 4: "your highest coaching priority".
//   - Achiever 2: "coach to challenge and grow — push them or they'll find
//     someone who will"; half a Striver's time.
//   - Independent 1: "very little coaching time; first understand what
//     motivates them".
//   - Detractor 1: a Detractor's desire and results call for leadership and
//     management, and perhaps a performance plan, more than for coaching
//     time; as little as an Independent's.
func DefaultWeights() Weights {
	return Weights{Striver: 4, Achiever: 2, Independent: 1, Detractor: 1}
}

// Of returns the weight of q; 0 for Unplaced or an unknown value.
func (w Weights) Of(q Quadrant) float64 {
	switch q {
	case Striver:
		return w.Striver
	case Achiever:
		return w.Achiever
	case Independent:
		return w.Independent
	case Detractor:
		return w.Detractor
	}
	return 0
}

// Validate reports whether every weight is finite and ≥ 0. The error is an
// *InputError wrapping ErrNotFinite or ErrOutOfRange.
func (w Weights) Validate() error { return w.validate("Weights.Validate") }

func (w Weights) validate(fn string) error {
	for q := range Quadrants() {
		if err := checkNonNegative(fn, "weights."+q.String(), w.Of(q)); err != nil {
			return err
		}
	}
	return nil
}

// A Share is one rep's part of the manager's monthly coaching time.
type Share struct {
	Rep      string   `json:"rep"`
	Quadrant Quadrant `json:"quadrant"`
	Hours    float64  `json:"hours"`
	// BelowMinimum reports whether Hours is below [MinCoachingHours].
	BelowMinimum bool `json:"below_minimum"`
}

// An Allocation spreads a manager's monthly coaching hours across a team.
type Allocation struct {
	// Hours is the manager's monthly coaching time, as given; the shares
	// add up to it.
	Hours float64 `json:"hours"`
	// Needed is the monthly time that would give every rep with a
	// positive weight at least MinCoachingHours, with the same weights.
	Needed float64 `json:"needed"`
	// Short is the number of reps below MinCoachingHours.
	Short int `json:"short"`
	// Shares are the reps' shares, in the assessment's order: coaching
	// priority.
	Shares []Share `json:"shares"`
}

// Allocate spreads hours, a manager's monthly coaching time, across the
// team of assessment a: each rep receives hours × weight(quadrant) ÷ the
// team's total weight, so the shares add up to hours, and every rep whose
// share is below [MinCoachingHours] is flagged. The Allocation also says
// how many hours a month it would take for nobody with a positive weight to
// be short. A share counts as below the minimum only when it is short by
// more than a nanohour (3.6 µs), so that 12 hours across four equal reps
// are three hours each, not a rounding error below.
//
// A nil w means [DefaultWeights]. Allocate returns an *InputError wrapping
// ErrNotFinite or ErrOutOfRange for hours that are not finite and ≥ 0 or an
// invalid weight, ErrEmpty for an assessment with no reps, ErrInvalidEnum
// for a rep who is Unplaced (or has an unknown quadrant), and ErrOutOfRange
// when the team's weights add up to zero, leaving the hours nowhere to go
// (or are so far apart that Needed overflows). It does not modify a.
func Allocate(hours float64, a Assessment, w *Weights) (Allocation, error) {
	const fn = "Allocate"
	if err := checkNonNegative(fn, "hours", hours); err != nil {
		return Allocation{}, err
	}
	weights := DefaultWeights()
	if w != nil {
		if err := w.validate(fn); err != nil {
			return Allocation{}, err
		}
		weights = *w
	}
	if len(a.Reps) == 0 {
		return Allocation{}, inputErr(fn, "assessment.reps", ErrEmpty)
	}
	var total float64
	lightest := math.Inf(1) // the smallest positive weight in the team
	for i, p := range a.Reps {
		if !p.Quadrant.Placed() {
			return Allocation{}, inputErr(fn, "assessment.reps["+strconv.Itoa(i)+"] ("+strconv.Quote(p.Rep)+") quadrant "+p.Quadrant.String(), ErrInvalidEnum)
		}
		wq := weights.Of(p.Quadrant)
		total += wq
		if wq > 0 {
			lightest = min(lightest, wq)
		}
	}
	if total == 0 || math.IsInf(total, 0) {
		return Allocation{}, inputErr(fn, "team weight = "+fmtFloat(total), ErrOutOfRange)
	}
	const slack = 1e-9 // hours
	al := Allocation{Hours: hours, Shares: make([]Share, len(a.Reps))}
	for i, p := range a.Reps {
		// Scale the weight first: w/total is in [0, 1], so the product
		// cannot overflow where hours × w might.
		h := hours * (weights.Of(p.Quadrant) / total)
		below := h < MinCoachingHours-slack
		if below {
			al.Short++
		}
		al.Shares[i] = Share{Rep: p.Rep, Quadrant: p.Quadrant, Hours: h, BelowMinimum: below}
	}
	al.Needed = MinCoachingHours * (total / lightest)
	if math.IsInf(al.Needed, 0) {
		return Allocation{}, inputErr(fn, "weights "+fmtFloat(lightest)+" and a team total of "+fmtFloat(total)+" too far apart", ErrOutOfRange)
	}
	return al, nil
}
