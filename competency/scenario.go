package competency

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/salesdev/salesdev/benchmark"
)

// Weakest returns the competency's weakest measured scenario: of the
// scenarios with trials in rates (keyed by scenario name), the one with
// the lowest attainment, rate ÷ t, where t is the scenario's own Target or,
// when it has none, the competency's target. Ties go to the first in the
// model's order. It reports false, with the zero Scenario, when no
// scenario of c has trials in rates.
//
// "Sales leaders understand there are a finite number of scenarios in any
// selling process. If you identify, train to and measure each one of
// them, you are on your way to excellence" ("The Difference Between Sales
// Leaders and Sales Managers"). This library's rule, not the article's, is
// that the weakest measured scenario's first routine is the behavior to
// train next (package grid applies it). Attainment reads the raw rate, since
// a scenario has no prior of its own; a scenario measured on a handful of
// trials can be weakest by chance, so count enough before trusting it.
//
// Weakest returns an [*InputError] wrapping [ErrUnknownScenario] for a key
// of rates that is not a scenario of c, [ErrDuplicate] for a key that
// names two scenarios of c (in different elements), [ErrInvalidRate] for
// an invalid rate, and [ErrOutOfRange] or [ErrNotFinite] for a target, or
// a measured scenario's Target, outside [MinTarget, 1] ([Model.Validate]
// checks every scenario's). It does not modify rates.
func (c Competency) Weakest(rates map[string]benchmark.Rate, target float64) (Scenario, bool, error) {
	const fn = "Competency.Weakest"
	if err := checkTarget(fn, "target", target); err != nil {
		return Scenario{}, false, err
	}
	count := make(map[string]int)
	for _, s := range c.Scenarios() {
		count[s.Name]++
	}
	names := make([]string, 0, len(rates))
	for name := range rates {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		arg := "rates[" + strconv.Quote(name) + "]"
		switch count[name] {
		case 0:
			return Scenario{}, false, inputErr(fn, arg, fmt.Errorf("%w in competency %q", ErrUnknownScenario, c.ID))
		case 1:
		default:
			return Scenario{}, false, inputErr(fn, arg, fmt.Errorf("%w: %d scenarios of competency %q have this name", ErrDuplicate, count[name], c.ID))
		}
		if err := checkRate(fn, arg, rates[name]); err != nil {
			return Scenario{}, false, err
		}
	}
	var weakest Scenario
	found, lowest := false, 0.0
	for e, s := range c.Scenarios() {
		r := rates[s.Name]
		if r.Trials == 0 {
			continue
		}
		t := target
		if s.Target != 0 {
			if err := checkTarget(fn, fmt.Sprintf("scenario %q of element %q: target", s.Name, e.Name), s.Target); err != nil {
				return Scenario{}, false, err
			}
			t = s.Target
		}
		if a := r.Value() / t; !found || a < lowest {
			weakest, found, lowest = s, true, a
		}
	}
	return weakest, found, nil
}
