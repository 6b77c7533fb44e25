package grid

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// A Rep is one rep to place: the rep's ID, which the caller chooses (the
// CRM's user ID), and the rep's measures. The field holding a rep's ID is
// named Rep in every struct of this module.
type Rep struct {
	// Rep is the rep's ID.
	Rep string `json:"rep"`
	// Measures are the rep's desire, productivity and competency.
	Measures Measures `json:"measures"`
}

// A Placement is one rep on the grid.
type Placement struct {
	// Rep is the rep's ID.
	Rep string `json:"rep"`
	// Measures are the measures the rep was placed by.
	Measures Measures `json:"measures"`
	// Quadrant is where the measures place the rep.
	Quadrant Quadrant `json:"quadrant"`
}

// Counts are the number of reps in each quadrant.
type Counts struct {
	// Striver, Achiever, Independent and Detractor are the number of
	// reps in that quadrant.
	Striver     int `json:"striver"`
	Achiever    int `json:"achiever"`
	Independent int `json:"independent"`
	Detractor   int `json:"detractor"`
}

// Of returns the count for q; 0 for Unplaced or an unknown value.
func (c Counts) Of(q Quadrant) int {
	switch q {
	case Striver:
		return c.Striver
	case Achiever:
		return c.Achiever
	case Independent:
		return c.Independent
	case Detractor:
		return c.Detractor
	}
	return 0
}

func (c *Counts) add(q Quadrant) {
	switch q {
	case Striver:
		c.Striver++
	case Achiever:
		c.Achiever++
	case Independent:
		c.Independent++
	case Detractor:
		c.Detractor++
	}
}

// An Assessment is a team placed on the grid at one time: the team view.
// Reps are in coaching priority, Strivers first and Detractors last (see
// [Quadrant.Strategy]), and in the order they were given within a
// quadrant, so a caller who wants, say, the lowest competency first within
// each quadrant sorts the input that way. Cutoffs are the lines used, with
// defaults filled in.
type Assessment struct {
	// Cutoffs are the lines used, with defaults filled in.
	Cutoffs Cutoffs `json:"cutoffs"`
	// Counts are the number of reps in each quadrant.
	Counts Counts `json:"counts"`
	// Reps are the reps placed, Strivers first and Detractors last, in
	// input order within a quadrant.
	Reps []Placement `json:"reps"`
}

// Assess places every rep in reps and returns the team view. A nil c means
// the default cutoffs. An empty team is a valid, empty assessment.
//
// Assess returns an *InputError wrapping ErrEmpty for a blank rep ID,
// ErrDuplicate for an ID given twice, and the error of [Place] for invalid
// measures or cutoffs; the error names the rep. It does not modify reps.
func Assess(reps []Rep, c *Cutoffs) (Assessment, error) {
	const fn = "Assess"
	cut, err := resolveCutoffs(fn, c)
	if err != nil {
		return Assessment{}, err
	}
	a := Assessment{Cutoffs: cut, Reps: make([]Placement, 0, len(reps))}
	seen := make(map[string]bool, len(reps))
	for i, r := range reps {
		if strings.TrimSpace(r.Rep) == "" {
			return Assessment{}, inputErr(fn, "reps["+strconv.Itoa(i)+"].rep", ErrEmpty)
		}
		if seen[r.Rep] {
			return Assessment{}, inputErr(fn, "reps["+strconv.Itoa(i)+"].rep = "+strconv.Quote(r.Rep), ErrDuplicate)
		}
		seen[r.Rep] = true
		if err := r.Measures.validate(fn); err != nil {
			return Assessment{}, under("rep "+strconv.Quote(r.Rep)+": ", err)
		}
		q := place(r.Measures, cut)
		a.Counts.add(q)
		a.Reps = append(a.Reps, Placement{Rep: r.Rep, Measures: r.Measures, Quadrant: q})
	}
	slices.SortStableFunc(a.Reps, func(x, y Placement) int {
		return cmp.Compare(x.Quadrant.Priority(), y.Quadrant.Priority())
	})
	return a, nil
}

// Lookup returns the placement of the rep with the given ID, and whether
// the assessment has one.
func (a Assessment) Lookup(rep string) (Placement, bool) {
	i := slices.IndexFunc(a.Reps, func(p Placement) bool { return p.Rep == rep })
	if i < 0 {
		return Placement{}, false
	}
	return a.Reps[i], true
}

// In returns the reps placed in q, in coaching order.
func (a Assessment) In(q Quadrant) []Placement {
	var in []Placement
	for _, p := range a.Reps {
		if p.Quadrant == q {
			in = append(in, p)
		}
	}
	return in
}

// A Move is one rep's change of quadrant between two assessments. A rep
// who joined since the first has From Unplaced; one who left has To
// Unplaced.
type Move struct {
	// Rep is the rep's ID.
	Rep string `json:"rep"`
	// From is the rep's quadrant in the earlier assessment; Unplaced for
	// a rep who joined since.
	From Quadrant `json:"from"`
	// To is the rep's quadrant in the later assessment; Unplaced for a
	// rep who left.
	To Quadrant `json:"to"`
}

// Improved reports whether the rep crossed at least one line upward and
// none downward: a Striver who became an Achiever, or a Detractor who
// became a Striver or an Independent.
func (m Move) Improved() bool {
	up, down := m.crossings()
	return up > 0 && down == 0
}

// Slid reports whether the rep crossed at least one line downward and none
// upward: an Achiever who became a Striver, or anyone who slid to
// Detractor.
func (m Move) Slid() bool {
	up, down := m.crossings()
	return down > 0 && up == 0
}

// crossings counts the lines crossed upward and downward; none for a rep
// who joined or left.
func (m Move) crossings() (up, down int) {
	if !m.From.placed() || !m.To.placed() {
		return 0, 0
	}
	for _, above := range [...]func(Quadrant) bool{Quadrant.meetsResults, Quadrant.hasDesire} {
		switch from, to := above(m.From), above(m.To); {
		case !from && to:
			up++
		case from && !to:
			down++
		}
	}
	return up, down
}

// String formats m as "ana: striver → achiever".
func (m Move) String() string { return m.Rep + ": " + m.From.String() + " → " + m.To.String() }

// Movements compares two assessments of a team and returns every rep whose
// quadrant changed: first the reps of after, in its order (coaching
// priority), who moved or joined, then the reps of before who left, in its
// order. Reps whose quadrant did not change are not listed.
//
// The assessments may use different cutoffs; a rep can then move without
// any measure changing, which is what raising the bar means. Movements
// returns an *InputError wrapping ErrDuplicate when either assessment lists
// a rep twice (one built by [Assess] never does).
func Movements(before, after Assessment) ([]Move, error) {
	const fn = "Movements"
	was := make(map[string]Quadrant, len(before.Reps))
	for _, p := range before.Reps {
		if _, dup := was[p.Rep]; dup {
			return nil, inputErr(fn, "before: rep "+strconv.Quote(p.Rep), ErrDuplicate)
		}
		was[p.Rep] = p.Quadrant
	}
	var moves []Move
	now := make(map[string]bool, len(after.Reps))
	for _, p := range after.Reps {
		if now[p.Rep] {
			return nil, inputErr(fn, "after: rep "+strconv.Quote(p.Rep), ErrDuplicate)
		}
		now[p.Rep] = true
		if from := was[p.Rep]; from != p.Quadrant {
			moves = append(moves, Move{Rep: p.Rep, From: from, To: p.Quadrant})
		}
	}
	for _, p := range before.Reps {
		if !now[p.Rep] && p.Quadrant != Unplaced {
			moves = append(moves, Move{Rep: p.Rep, From: p.Quadrant, To: Unplaced})
		}
	}
	return moves, nil
}
