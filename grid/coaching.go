package grid

import (
	"math"
	"strconv"

	"github.com/salesdev/salesdev/competency"
)

// Weights are the relative shares of a manager's coaching time that one
// rep in each quadrant receives: with the defaults, a Striver gets twice
// the time of a rep in any other quadrant. The four weights are relative, so only their
// ratios matter. Each must be finite and ≥ 0; a zero weight gives the
// quadrant no coaching time at all (it is still flagged below the
// minimum).
//
// MinHours is the monthly coaching time below which [Allocate] flags a
// rep, in hours; it must be finite and ≥ 0, and 0 means
// [competency.CoachingCadence], three hours a month. That figure is an
// outside one, not the articles': in a Sales Executive Council study, reps
// who received three or more hours of coaching a month reached 107% of
// quota, against 88% for reps who received less. A manager who holds
// another standard sets MinHours.
type Weights struct {
	// Striver, Achiever, Independent and Detractor are the relative
	// shares of one rep in each quadrant, finite and ≥ 0.
	Striver     float64 `json:"striver"`
	Achiever    float64 `json:"achiever"`
	Independent float64 `json:"independent"`
	Detractor   float64 `json:"detractor"`
	// MinHours is the monthly coaching time, in hours, below which a rep
	// is flagged; 0 means [competency.CoachingCadence].
	MinHours float64 `json:"min_hours"`
}

// DefaultWeights returns the weights [Allocate] uses when given none:
// Striver 2, Achiever 1, Independent 1, Detractor 1, and MinHours 0
// ([competency.CoachingCadence]). The numbers are a library default, not a
// source's; the reasons for their shape are these:
//
//   - Every quadrant gets coaching time. In "Know the Difference Between
//     Coaching & Managing", leaving reps alone "was a mistake" and
//     "constant coaching is the only way to diagnose and develop
//     competencies"; in "Sales Management vs Sales Mentorship", even
//     high-Drive reps "may need … new ideas, new ways of approaching their
//     craft, different combinations of resources". So Achievers,
//     Independents and Detractors weigh the same.
//   - Strivers get twice the others' time, because ASLAN's published grid
//     material (not the articles) puts them first in coaching priority:
//     they have the desire and not yet the results.
func DefaultWeights() Weights {
	return Weights{Striver: 2, Achiever: 1, Independent: 1, Detractor: 1}
}

// Of returns the weight of q; 0 for Unplaced or an unknown value.
// MinHours is not a weight and Of never returns it.
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

// Validate reports whether every weight, and MinHours, is finite and ≥ 0.
// The error is an *InputError wrapping ErrNotFinite or ErrOutOfRange.
func (w Weights) Validate() error { return w.validate("Weights.Validate") }

func (w Weights) validate(fn string) error {
	for q := range Quadrants() {
		if err := checkNonNegative(fn, "weights."+q.String(), w.Of(q)); err != nil {
			return err
		}
	}
	return checkNonNegative(fn, "weights.min_hours", w.MinHours)
}

// minHours returns the minimum monthly coaching time w sets, with the
// default for zero.
func (w Weights) minHours() float64 {
	if w.MinHours == 0 {
		return competency.CoachingCadence
	}
	return w.MinHours
}

// A Share is one rep's part of the manager's monthly coaching time.
type Share struct {
	// Rep is the ID of the rep the hours are for.
	Rep string `json:"rep"`
	// Quadrant is the rep's quadrant on the grid, whose weight sets the
	// rep's share of the hours.
	Quadrant Quadrant `json:"quadrant"`
	// Hours is the rep's coaching time a month, in hours.
	Hours float64 `json:"hours"`
	// BelowMinimum reports whether Hours is below the minimum,
	// [Allocation.MinHours].
	BelowMinimum bool `json:"below_minimum"`
}

// An Allocation spreads a manager's monthly coaching hours across a team.
type Allocation struct {
	// Hours is the manager's monthly coaching time, as given; the shares
	// add up to it.
	Hours float64 `json:"hours"`
	// MinHours is the monthly coaching time below which a rep was
	// flagged: [Weights.MinHours], or [competency.CoachingCadence] by
	// default.
	MinHours float64 `json:"min_hours"`
	// Needed is the monthly time that would give every rep with a
	// positive weight at least MinHours, with the same weights.
	Needed float64 `json:"needed"`
	// Short is the number of reps below MinHours.
	Short int `json:"short"`
	// Shares are the reps' shares, in the assessment's order: coaching
	// priority.
	Shares []Share `json:"shares"`
}

// Allocate spreads hours, a manager's monthly coaching time, across the
// team of assessment a: each rep receives hours × weight(quadrant) ÷ the
// team's total weight, so the shares add up to hours, and every rep whose
// share is below the minimum is flagged: [Weights.MinHours], by default
// [competency.CoachingCadence], three hours a month, a figure from outside
// the articles (a Sales Executive Council study; see [Weights]) that the
// caller can change. The Allocation also says
// how many hours a month it would take for nobody with a positive weight to
// be short. A share counts as below the minimum only when it is short by
// more than a nanohour (3.6 µs), so that 12 hours across four equal reps
// are three hours each, not a rounding error below.
//
// A nil w means [DefaultWeights]. Allocate returns an *InputError wrapping
// ErrNotFinite or ErrOutOfRange for hours that are not finite and ≥ 0 or an
// invalid weight or minimum, ErrEmpty for an assessment with no reps, ErrInvalidEnum
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
		if !p.Quadrant.placed() {
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
	minimum := weights.minHours()
	al := Allocation{Hours: hours, MinHours: minimum, Shares: make([]Share, len(a.Reps))}
	for i, p := range a.Reps {
		// Scale the weight first: w/total is in [0, 1], so the product
		// cannot overflow where hours × w might.
		h := hours * (weights.Of(p.Quadrant) / total)
		below := h < minimum-slack
		if below {
			al.Short++
		}
		al.Shares[i] = Share{Rep: p.Rep, Quadrant: p.Quadrant, Hours: h, BelowMinimum: below}
	}
	al.Needed = minimum * (total / lightest)
	if math.IsInf(al.Needed, 0) {
		return Allocation{}, inputErr(fn, "weights "+fmtFloat(lightest)+" and a team total of "+fmtFloat(total)+" too far apart", ErrOutOfRange)
	}
	return al, nil
}
