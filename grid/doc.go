// Package grid places every rep of a sales team on ASLAN's grid of
// achievers, strivers, independents and detractors, and says what each one
// needs: which mode of leadership, how much coaching time, and which one
// competency and one behavior to work on next.
//
// ASLAN Training's "Know the Difference Between Coaching & Managing" asks a
// sales leader to measure three characteristics of every rep: "Desire
// equates to Leadership, Productivity equates to Managing, Competencies
// equates to Coaching … make sure you have a system in place to measure all
// three … know where your team members fall in a grid of achievers,
// strivers, independents and detractors … identify the barriers to change
// … focus on the 1+1+1 (1 competency + 1 behavior at 1 time)." This package
// is that system. It computes; it does not read a CRM, schedule meetings or
// store anything. Competency scorecards come from package [competency],
// which grades reps against the benchmarks of package benchmark. Telling
// training from mentoring and coaching, and whether a rep's problem is a
// development problem at all, is package tmc's job, not this one's.
//
// # The grid
//
// The grid has two lines. The vertical axis is results: productivity,
// the rep's attainment against quota over the trailing six months, where
// "meeting or exceeding" quota is above the line. The horizontal axis is
// desire to develop and grow: "desire determines development". A rep at or
// above both lines is an [Achiever]; below on results but with the desire,
// a [Striver]; at or above on results without the desire, an
// [Independent]; below on both, a [Detractor]. The zero [Quadrant] is
// [Unplaced]: not measured.
//
//	                    desire below      desire at or above
//	results at/above    Independent       Achiever
//	results below       Detractor         Striver
//
// [Measures] holds the three characteristics and [Place] puts a rep on the
// grid. The lines are [Cutoffs]; nil means the defaults, desire 0.5 and
// 100% of quota, and a rep exactly on a line counts as above it:
//
//	q, err := grid.Place(grid.Measures{Desire: 0.8, Productivity: 0.85, Competency: 0.6}, nil)
//	// striver
//
// Competency does not move a rep on the grid; it says what to coach once
// the rep is there.
//
// # Measuring
//
// Each measure comes from raw inputs by a documented conversion:
//
//   - [ProductivityFrom] divides what the rep sold in a [Window] by the
//     quota for it, prorated for a rep who joined during the window (and
//     had at least a day of it, [MinTenure]); [Trailing] builds the
//     trailing six months, or up to [MaxMonths].
//   - [DesireFrom] maps survey answers or a manager's rating on a stated
//     [Scale] (1 to 5, 0 to 10) onto [0, 1].
//   - [CompetencyFrom] reads a graded [competency.Scorecard]: the geometric
//     mean of the rep's shrunk conversion rates as shares of their
//     benchmarks, so 0.8 is 80% of the benchmark at every stage.
//
// # What each quadrant needs
//
// [Quadrant.Strategy] gives the source's advice, in coaching priority
// ([Quadrant.Priority], [Quadrants]): Strivers are "your highest coaching
// priority"; Achievers need you to "coach to challenge and grow — push them
// or they'll find someone who will"; Independents get "very little coaching
// time; first understand what motivates them"; Detractors need both desire
// and results addressed, and are the natural candidates for a performance
// plan. Each [Dimension] calls for its own [Mode]: [Desire] for
// [Leadership], [Productivity] for [Management], [Competency] for
// [Coaching] ([Dimension.Mode]).
//
// # The team view
//
// [Assess] places a team of [Rep] values and returns an [Assessment]: the
// reps in coaching priority, with [Counts] per quadrant. [Movements]
// compares two assessments: who moved from Striver to Achiever
// ([Move.Improved]), who slid to Detractor ([Move.Slid]), who joined and
// who left.
//
// # Coaching time
//
// Coach often: reps left alone were not delivering. [Allocate] spreads a
// manager's monthly coaching hours across an assessment by quadrant, by
// [Weights] that are documented and overridable ([DefaultWeights]: a
// Striver gets four times an Independent's time), and flags every rep whose
// [Share] is below [MinCoachingHours]: in the Sales Executive Council's
// study, reps with three or more hours of coaching a month reached 107% of
// quota, against 88%. The [Allocation] also says how many hours it would
// take for nobody to be short.
//
// # One competency, one behavior, one time
//
// A [Focus] is the 1+1+1 for one rep: one competency, one behavior, one
// time [Window]. A [Plan] holds a team's focuses and refuses a second
// focus that overlaps a rep's first, with an [*OverlapError] naming both.
// [Plan.Next] draws a rep's next focus from the competency package: the
// competency [competency.Prioritize] ranks first, and the one of its
// routines the rep has practised least.
//
// # Many reps at once
//
// [PlaceAll] places a whole CRM into a caller's slice in a single pass,
// with no allocation and no branch on the data, several times faster than
// a loop calling [Place]. It validates as it goes, and when it meets a bad
// rep it says which, and exactly what it wrote.
//
// # Errors
//
// Data from a CRM is never a programmer error. NaN, ±Inf, negative
// productivity, desire or competency outside [0, 1], cutoffs outside their
// ranges and windows that do not end after they start are errors, never a
// panic or a NaN in a result. Errors have concrete type [*InputError],
// which names the function and argument (and the index, in a batch), or
// [*OverlapError], and wrap one of the sentinels ([ErrNotFinite],
// [ErrOutOfRange], [ErrInvalidWindow], [ErrOverlap], …) for [errors.Is].
// Every result marshals to JSON, and every enum marshals as text.
//
// All types are values, safe to share between goroutines.
package grid

// References:
//   - ASLAN Training & Development, "Know the Difference Between Coaching &
//     Managing": desire, productivity and competency; the grid of
//     achievers, strivers, independents and detractors over the trailing six
//     months of results; the strategy per quadrant; "desire determines
//     development"; the 1+1+1 focus.
//   - Sales Executive Council (Corporate Executive Board), sales coaching
//     research: reps receiving three or more hours of coaching a month
//     reached 107% of quota, against 88% for those receiving less.
//   - "The Difference Between Sales Leaders and Sales Managers": revenue as
//     activity × the product of the stage ratios × the average deal, which
//     CompetencyFrom's geometric mean follows.
