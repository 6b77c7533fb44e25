package grid

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/salesdev/salesdev/competency"
)

// A Focus is ASLAN's 1+1+1 for one rep: one competency and one behavior, at
// one time. Competency is a competency's ID in a [competency.Model];
// Behavior is the name of one of its routines, the thing the rep practises
// and the manager observes during Window.
type Focus struct {
	Rep        string `json:"rep"`
	Competency string `json:"competency"`
	Behavior   string `json:"behavior"`
	Window     Window `json:"window"`
}

// Validate reports whether f names a rep, a competency and a behavior and
// has a valid window. The error is an *InputError wrapping ErrEmpty or
// ErrInvalidWindow.
func (f Focus) Validate() error { return f.validate("Focus.Validate", "focus") }

func (f Focus) validate(fn, name string) error {
	switch {
	case strings.TrimSpace(f.Rep) == "":
		return inputErr(fn, name+".rep", ErrEmpty)
	case strings.TrimSpace(f.Competency) == "":
		return inputErr(fn, name+".competency", ErrEmpty)
	case strings.TrimSpace(f.Behavior) == "":
		return inputErr(fn, name+".behavior", ErrEmpty)
	}
	return f.Window.validate(fn, name+".window")
}

// String formats f as `ana: new-opportunities/"Ask for the meeting"
// [2025-01-01, 2025-02-01)`.
func (f Focus) String() string { return f.Rep + ": " + f.describe() }

func (f Focus) describe() string {
	return f.Competency + "/" + strconv.Quote(f.Behavior) + " " + f.Window.String()
}

// A Plan is a team's focuses over time, in any order. A valid plan gives
// each rep at most one focus at any one time: one competency and one
// behavior, not a list. Reps left alone were not delivering; a plan is how
// a manager makes sure no rep is.
//
// A Plan is a value: [Plan.Add] returns a new plan and leaves the old one
// as it was.
type Plan []Focus

// Validate reports whether every focus in p is valid (see
// [Focus.Validate]) and no rep has two focuses whose windows overlap. An
// invalid focus is reported as an *InputError naming its index; an overlap
// as an *OverlapError naming both focuses, Earlier being the one that comes
// first in p. When there are several overlaps, the one reported is the
// first by rep, then by start.
func (p Plan) Validate() error {
	for i, f := range p {
		if err := f.validate("Plan.Validate", "plan["+strconv.Itoa(i)+"]"); err != nil {
			return err
		}
	}
	// Sort the focuses by rep and start, then sweep each rep's focuses
	// keeping the one that reaches furthest: a focus overlaps an earlier
	// one exactly when it starts before that reach. O(n log n) rather than
	// comparing every pair, so a year of weekly focuses for a large sales
	// force validates quickly.
	order := make([]int, len(p))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(strings.Compare(p[a].Rep, p[b].Rep), p[a].Window.Start.Compare(p[b].Window.Start), cmp.Compare(a, b))
	})
	reach := -1 // the rep's focus so far that ends last
	for _, next := range order {
		switch {
		case reach < 0 || p[next].Rep != p[reach].Rep:
			reach = next
		case p[next].Window.Start.Before(p[reach].Window.End):
			i, j := min(reach, next), max(reach, next)
			return &OverlapError{Earlier: p[i], Later: p[j]}
		case p[next].Window.End.After(p[reach].Window.End):
			reach = next
		}
	}
	return nil
}

// Add returns a new plan holding p's focuses and then f, or an error when
// f is invalid (an *InputError, see [Focus.Validate]) or overlaps one of
// the rep's focuses already in p (an *OverlapError with that focus as
// Earlier and f as Later). Add checks f against p; it does not re-check p
// itself (see [Plan.Validate]). p is not modified: Add copies it, so
// building a plan of n focuses one Add at a time costs O(n²); to load many
// at once, build the slice and call Validate.
func (p Plan) Add(f Focus) (Plan, error) {
	if err := f.validate("Plan.Add", "focus"); err != nil {
		return nil, err
	}
	if i := p.overlapping(f.Rep, f.Window); i >= 0 {
		return nil, &OverlapError{Earlier: p[i], Later: f}
	}
	return append(slices.Clip(p), f), nil
}

// overlapping returns the index of the first focus in p for rep whose
// window overlaps w, or -1.
func (p Plan) overlapping(rep string, w Window) int {
	return slices.IndexFunc(p, func(f Focus) bool { return f.Rep == rep && f.Window.Overlaps(w) })
}

// Current returns the rep's focus at time t, and whether there is one.
// In a valid plan there is at most one; otherwise Current returns the
// first in p.
func (p Plan) Current(rep string, t time.Time) (Focus, bool) {
	for _, f := range p {
		if f.Rep == rep && f.Window.Contains(t) {
			return f, true
		}
	}
	return Focus{}, false
}

// Next draws the rep's next focus, for window w, from the rep's scorecard
// s (the rep is s.Rep) and the team's model m:
//
//   - the competency is the first of [competency.Prioritize]: the one whose
//     ratio, raised to its benchmark, would add the most revenue;
//   - the behavior is one of that competency's routines
//     ([competency.Competency.Routines]), the one the rep has had as a
//     focus on this competency least often in p, ties going to the first in
//     the model's order. A rep starting on a competency starts with its
//     first routine and, one window at a time, works through the others
//     before coming back to the first.
//
// Next does not add the focus to p; use [Plan.Add]. It returns an
// *InputError wrapping ErrInvalidWindow for an invalid w, ErrEmpty for a
// scorecard with no rep or a competency with no routines,
// ErrUnknownCompetency when the priority is a competency m does not have,
// and Prioritize's error (which errors.Is finds) for an invalid scorecard;
// and an *OverlapError when the rep already has a focus in p overlapping w.
// Neither p, m nor s is modified.
func (p Plan) Next(m competency.Model, s competency.Scorecard, w Window) (Focus, error) {
	const fn = "Plan.Next"
	if err := w.validate(fn, "window"); err != nil {
		return Focus{}, err
	}
	if strings.TrimSpace(s.Rep) == "" {
		return Focus{}, inputErr(fn, "scorecard.rep", ErrEmpty)
	}
	gains, err := competency.Prioritize(s)
	if err != nil {
		return Focus{}, inputErr(fn, "scorecard", err)
	}
	if len(gains) == 0 { // Prioritize refuses an empty scorecard; be sure
		return Focus{}, inputErr(fn, "scorecard.scores", ErrEmpty)
	}
	id := gains[0].Competency
	c, ok := m.Lookup(id)
	if !ok {
		return Focus{}, inputErr(fn, "competency "+strconv.Quote(id), ErrUnknownCompetency)
	}
	// How often each of the competency's routines has been this rep's
	// focus on it.
	done := make(map[string]int)
	for _, f := range p {
		if f.Rep == s.Rep && f.Competency == id {
			done[f.Behavior]++
		}
	}
	behavior, fewest, found := "", 0, false
	for r := range c.Routines() {
		if strings.TrimSpace(r.Name) == "" {
			continue // a blank routine cannot be a focus; Model.Validate refuses it
		}
		if n := done[r.Name]; !found || n < fewest {
			behavior, fewest, found = r.Name, n, true
		}
	}
	if !found {
		return Focus{}, inputErr(fn, "competency "+strconv.Quote(id)+" routines", ErrEmpty)
	}
	f := Focus{Rep: s.Rep, Competency: id, Behavior: behavior, Window: w}
	if i := p.overlapping(f.Rep, w); i >= 0 {
		return Focus{}, &OverlapError{Earlier: p[i], Later: f}
	}
	return f, nil
}
