// Package grid places every rep of a sales team on a grid of achievers,
// strivers, independents and detractors, and says what each one needs:
// which modes of leadership, how much coaching time, and which one
// competency and one behavior to work on next.
//
// ASLAN Training's "Know the Difference Between Coaching & Managing" asks a
// sales leader to "measure all three leadership characteristics; desire,
// productivity and competency", to "know where your team members fall in a
// grid of achievers, strivers, independents and detractors", to "identify
// the four barriers to change", and to "focus on the 1+1+1 (1 Competency +
// 1 behavior at 1 time)". This package is that system, except the barriers
// to change, which are package tmc's. It computes; it does not read a CRM,
// schedule meetings or store anything. Competency scorecards come from
// package [competency], which grades reps against the benchmarks of package
// [benchmark]. Telling training from mentoring and coaching, and whether a
// rep who does not improve after solid coaching and training needs
// "another discussion" ("Sales Management vs Sales Mentorship"), is package
// tmc's job, not this one's.
//
// # The grid
//
// The article names the grid but not its axes. ASLAN's published grid
// material, outside the article, gives them, and this package follows it:
// the vertical axis is results, the rep's attainment against quota over
// the trailing six months; the horizontal axis is desire to develop and
// grow ("desire determines development", in that material). A rep at or
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
// grid. The lines are [Cutoffs]; nil means the defaults, desire 0.5 (a
// library default) and 100% of quota (meeting quota, as in ASLAN's grid
// material), and a rep exactly on a line counts as above it:
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
//     had at least a day of it); [Trailing] builds the
//     trailing six months, or up to [MaxMonths].
//   - [DesireFrom] maps survey answers or a manager's rating on a stated
//     [Scale] (1 to 5, 0 to 10) onto [0, 1].
//   - [CompetencyFrom] reads a graded [competency.Scorecard]: the geometric
//     mean of the rep's shrunk conversion rates as shares of their
//     benchmarks, so 0.8 is 80% of the benchmark at every stage.
//
// # What each quadrant needs
//
// Each of the three [Measures] calls for its own [Mode]: in "Know
// the Difference Between Coaching & Managing", "desire equates to
// Leadership", "Productivity equates to Managing", "Competencies equates
// to Coaching". Leadership "is all about setting an example to drive high
// desire"; managing is about KPIs; coaching is "forward looking".
//
// [Quadrant.Strategy] says what to do with each quadrant, which modes, and
// which sources the advice comes from. Every placed quadrant is coached:
//
//   - Strivers come first in coaching priority ([Quadrant.Priority],
//     [Quadrants]), as ASLAN's grid material puts them: coach the
//     competency that holds their results down, and manage the numbers.
//   - Achievers are coached too: "high-Drive salespeople do not need to be
//     pushed … What they may need is new ideas, new ways of approaching
//     their craft, different combinations of resources" ("Sales Management
//     vs Sales Mentorship").
//   - Independents are led first, to find what motivates them (ASLAN's
//     grid material), then coached: leaving reps alone "was a mistake", and
//     "constant coaching is the only way to diagnose and develop
//     competencies" ("Know the Difference Between Coaching & Managing").
//   - Detractors get leadership for desire, management for results, and
//     coaching.
//
// No quadrant's strategy is a performance plan: that is a decision about
// one rep, after "solid coaching and training" ("Sales Management vs Sales
// Mentorship"), which package tmc makes.
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
// Coach often: in "Know the Difference Between Coaching & Managing", the
// reps left alone were not delivering. [Allocate] spreads a
// manager's monthly coaching hours across an assessment by quadrant, by
// [Weights] that are a documented library default and overridable
// ([DefaultWeights]: every quadrant is coached, a Striver twice as much),
// and flags every rep whose [Share] is below [Weights.MinHours], by default
// [competency.CoachingCadence], three hours a month. That figure is an
// outside one, not the articles': in a Sales Executive Council study, reps
// who received three or more hours of coaching a month reached 107% of
// quota, against 88% for reps who received less. The [Allocation] also says how many hours it would take for
// nobody to be short.
//
// # One competency, one behavior, one time
//
// A [Focus] is the 1+1+1 for one rep: one competency, one behavior, one
// time [Window], and the reason for them. A [Plan] holds a team's focuses
// and refuses a second focus that overlaps a rep's first, with an
// [*OverlapError] naming both. [Plan.Next] draws a rep's next focus: the
// competency of the rep's open campaign until it reaches its benchmark
// ("training to multiple missions at once will achieve few results", "The
// Difference Between Sales Leaders and Sales Managers"), otherwise the one [competency.Prioritize] ranks
// first; and the first routine of the weakest measured scenario when
// [FocusOptions] has the rep's counts per scenario, otherwise the routine
// the rep has practised least. The focus's Reason says which, in words.
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
// which names the function and argument (with its index, in a batch), or
// [*OverlapError], and wrap one of the sentinels ([ErrNotFinite],
// [ErrOutOfRange], [ErrInvalidWindow], [ErrOverlap], …) for [errors.Is].
// The sentinels that mean what package benchmark's mean are benchmark's
// own values. Every result marshals to JSON, and every enum marshals as
// text.
//
// All types are values, safe to share between goroutines.
package grid

// References:
//   - ASLAN Training, "Know the Difference Between Coaching & Managing":
//     desire, productivity and competency; desire → leadership,
//     productivity → managing, competency → coaching; the grid of
//     achievers, strivers, independents and detractors (named, without
//     axes); "constant coaching is the only way"; the 1+1+1 focus.
//   - ASLAN Training, published grid material (outside the articles): the
//     grid's axes, results against quota over the trailing six months and
//     desire to develop and grow; "desire determines development";
//     Strivers first in coaching priority.
//   - "Sales Management vs Sales Mentorship": high-Drive salespeople may
//     need "new ideas, new ways of approaching their craft, different
//     combinations of resources", not a push; "another discussion" only
//     after solid coaching and training.
//   - Sales Executive Council (Corporate Executive Board), sales coaching
//     research: reps who received three or more hours of coaching a month
//     reached 107% of quota, against 88% for reps who received less. An
//     outside figure, not the articles'.
//   - "The Difference Between Sales Leaders and Sales Managers": leaders
//     relate competency ratios to revenue objectives, train by priority,
//     and know that "training to multiple missions at once will achieve few
//     results" (Plan.Next's one campaign at a time). The arithmetic behind
//     CompetencyFrom (revenue = activity × the product of the stage ratios
//     × the average deal) is the library's model, not the article's.
