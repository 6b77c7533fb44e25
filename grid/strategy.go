package grid

import "iter"

// A Strategy is what a leader does with the reps in one quadrant: how
// urgently to coach them, what to do, which modes of leadership they call
// for, and where that advice comes from.
//
// Every placed quadrant is coached: its Modes include [Coaching]. No
// strategy is a performance plan. Whether a rep who "does not perform after
// having received the benefit of solid coaching and training" needs
// "another discussion" ("Sales Management vs Sales Mentorship") is decided
// rep by rep, from the rep's coaching history (package tmc), never from a
// quadrant.
type Strategy struct {
	// Quadrant is the quadrant the strategy is for.
	Quadrant Quadrant `json:"quadrant"`
	// Priority is the quadrant's rank in coaching priority, from 1
	// (Strivers, coach first) to 4 (Detractors); 0 for Unplaced. It is
	// the order of ASLAN's published grid material, not the articles'.
	Priority int `json:"priority"`
	// Advice is what to do, in words a manager can act on, quoting the
	// articles where they have words for it.
	Advice string `json:"advice"`
	// Modes are the modes of leadership the quadrant calls for, the one
	// to lead with first: Coaching for competency (every placed
	// quadrant), Management for results below the line, Leadership for
	// desire below the line.
	Modes []Mode `json:"modes"`
	// Sources name where the advice comes from: an article by its title,
	// or ASLAN's published grid material, which is outside the articles.
	Sources []string `json:"sources"`
}

// The sources a Strategy's advice comes from.
const (
	sourceCoachingManaging = `ASLAN Training, "Know the Difference Between Coaching & Managing"`
	sourceMentorship       = `"Sales Management vs Sales Mentorship"`
	sourceGrid             = `ASLAN Training's published grid material (outside the articles)`
)

// Quadrants returns the four quadrants in coaching priority: Striver,
// Achiever, Independent, Detractor. Unplaced is not among them.
func Quadrants() iter.Seq[Quadrant] {
	return func(yield func(Quadrant) bool) {
		for _, q := range [...]Quadrant{Striver, Achiever, Independent, Detractor} {
			if !yield(q) {
				return
			}
		}
	}
}

// Priority returns q's rank in coaching priority: 1 for Striver, 2 for
// Achiever, 3 for Independent, 4 for Detractor, and 0 for Unplaced or an
// unknown value, which have no place in the order. The order is that of
// ASLAN's published grid material (outside the articles), which puts
// Strivers first; the articles rank no quadrant above another. A low
// priority means coached later, never left alone: every quadrant is
// coached (see [Quadrant.Strategy]).
func (q Quadrant) Priority() int {
	switch q {
	case Striver:
		return 1
	case Achiever:
		return 2
	case Independent:
		return 3
	case Detractor:
		return 4
	}
	return 0
}

// Strategy returns the strategy for q, in coaching priority:
//
//   - Striver (results below the line, desire above): first in coaching
//     priority (ASLAN's grid material). Coach the one competency and one
//     behavior that hold their results down, and manage the numbers with
//     them. Modes: Coaching, Management.
//   - Achiever (both above): coach them too. "High-Drive salespeople do
//     not need to be pushed … What they may need is new ideas, new ways of
//     approaching their craft, different combinations of resources" ("Sales
//     Management vs Sales Mentorship"). Modes: Coaching.
//   - Independent (results above, desire below): lead first, finding what
//     motivates them (ASLAN's grid material) and setting "an example to
//     drive high desire"; then coach. Leaving reps alone "was a mistake":
//     "constant coaching is the only way to diagnose and develop
//     competencies" ("Know the Difference Between Coaching & Managing").
//     Modes: Leadership, Coaching.
//   - Detractor (both below): leadership for desire, management for
//     results, and coaching for the competency that holds results down.
//     Modes: Leadership, Management, Coaching.
//
// No strategy is a performance plan; see [Strategy]. For Unplaced, or an
// unknown value, the strategy is to measure first: its Quadrant is
// Unplaced, its Priority 0, and it has no modes.
func (q Quadrant) Strategy() Strategy {
	s := Strategy{Quadrant: q, Priority: q.Priority()}
	switch q {
	case Striver:
		s.Advice = `Coach first: the desire to develop is there and the results are not yet. ` +
			`Coach the one competency and one behavior that hold their results below the line, ` +
			`and manage the numbers with them: the KPIs that show whether the coaching changes results.`
		s.Modes = []Mode{Coaching, Management}
		s.Sources = []string{sourceGrid, sourceCoachingManaging}
	case Achiever:
		s.Advice = `Coach them too: what they may need is "new ideas, new ways of approaching their craft, ` +
			`different combinations of resources". Coach forward: look for the areas ` +
			`"that if improved upon, would change results".`
		s.Modes = []Mode{Coaching}
		s.Sources = []string{sourceMentorship, sourceCoachingManaging}
	case Independent:
		s.Advice = `Lead first, then coach: their results meet the line and their desire to develop does not. ` +
			`Find what motivates them and set "an example to drive high desire"; ` +
			`then coach, and keep coaching: leaving reps alone "was a mistake", ` +
			`and "constant coaching is the only way to diagnose and develop competencies".`
		s.Modes = []Mode{Leadership, Coaching}
		s.Sources = []string{sourceGrid, sourceCoachingManaging}
	case Detractor:
		s.Advice = `Lead, manage and coach: desire and results are both below the line. ` +
			`Leadership for desire, by the example you set; management for results, ` +
			`through the KPIs (pipeline, qualified leads, deal size, close rates, time-to-close, calls); ` +
			`and coaching for the one competency that holds their results down.`
		s.Modes = []Mode{Leadership, Management, Coaching}
		s.Sources = []string{sourceCoachingManaging}
	default:
		s.Quadrant = Unplaced
		s.Modes = []Mode{}
		s.Sources = []string{sourceCoachingManaging}
		s.Advice = `Measure first: desire, productivity and competency, then place the rep on the grid.`
	}
	return s
}
