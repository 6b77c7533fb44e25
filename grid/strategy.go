package grid

import "iter"

// A Strategy is what a leader does with the reps in one quadrant: how
// urgently to coach them, in the source's words what to do, and which
// modes of leadership they call for.
type Strategy struct {
	Quadrant Quadrant `json:"quadrant"`
	// Priority is the quadrant's rank in coaching priority, from 1
	// (Strivers, coach first) to 4 (Detractors); 0 for Unplaced.
	Priority int `json:"priority"`
	// Advice is what to do, quoting ASLAN where the source has words for
	// it.
	Advice string `json:"advice"`
	// Modes are the modes of leadership the quadrant calls for, the one
	// to lead with first: Coaching for competency, Management for results
	// below the line, Leadership for desire below the line.
	Modes []Mode `json:"modes"`
	// PerformancePlan reports whether reps in the quadrant are the
	// natural candidates for a performance plan: only Detractors are.
	PerformancePlan bool `json:"performance_plan"`
}

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
// unknown value, which have no place in the order.
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

// Strategy returns the strategy for q. ASLAN's advice, quadrant by
// quadrant, in coaching priority:
//
//   - Striver (results below the line, desire above): "your highest
//     coaching priority". They want to grow; coach the competency that
//     keeps their results down, and manage the numbers with them.
//   - Achiever (both above): "coach to challenge and grow — push them or
//     they'll find someone who will".
//   - Independent (results above, desire below): "very little coaching
//     time; first understand what motivates them". Lead before coaching.
//   - Detractor (both below): address desire and results, through
//     leadership and management; Detractors are the natural candidates for
//     a performance plan.
//
// For Unplaced, or an unknown value, the strategy is to measure first: its
// Quadrant is Unplaced, its Priority 0, and it has no modes.
func (q Quadrant) Strategy() Strategy {
	s := Strategy{Quadrant: q, Priority: q.Priority()}
	switch q {
	case Striver:
		s.Advice = `Your highest coaching priority: the desire is there and the results are not yet. ` +
			`Coach the one competency that holds their results below the line, and manage the numbers with them.`
		s.Modes = []Mode{Coaching, Management}
	case Achiever:
		s.Advice = `Coach to challenge and grow — push them or they'll find someone who will. ` +
			`Stretch goals, the next competency, and a say in how the team sells.`
		s.Modes = []Mode{Coaching}
	case Independent:
		s.Advice = `Very little coaching time; first understand what motivates them. ` +
			`Their results meet the line, their desire to develop does not: lead before you coach.`
		s.Modes = []Mode{Leadership}
	case Detractor:
		s.Advice = `Address desire and results together: lead on what motivates them and manage the numbers ` +
			`with clear, dated standards. Detractors are the natural candidates for a performance plan.`
		s.Modes = []Mode{Leadership, Management}
		s.PerformancePlan = true
	default:
		s.Quadrant = Unplaced
		s.Modes = []Mode{}
		s.Advice = `Measure first: desire, productivity and competency, then place the rep on the grid.`
	}
	return s
}
