// Package salesdev turns what a CRM knows about a sales team into each
// rep's development plan, in one call: [NewPlan]. The decisions are made by
// four sub-packages, each a pure library (no I/O, no clock, no goroutines
// of its own) that a CRM plugin can also import on its own:
//
//   - [github.com/salesdev/salesdev/benchmark]: the ratios a leader runs
//     instead of chasing quota — conversion rates with honest confidence on
//     small samples, team benchmarks, thresholds discovered in history and
//     the reverse funnel; its sub-package
//     [github.com/salesdev/salesdev/benchmark/rollup] rolls CRM records up
//     into per-rep KPIs at memory speed.
//   - [github.com/salesdev/salesdev/competency]: the competencies of the
//     selling process, broken into elements, scenarios and routines; the
//     team's standards; A/B/C grades that say when the evidence cannot yet
//     tell a rep from the standard; which competency to train first; the
//     measured effect of training.
//   - [github.com/salesdev/salesdev/grid]: desire, productivity and
//     competency; achievers, strivers, independents and detractors; the
//     mode of leadership and the coaching time each needs; one competency
//     and one behavior at one time.
//   - [github.com/salesdev/salesdev/tmc]: Training → Mentoring → Coaching;
//     the ramp by product complexity, the signals a CRM's data supports,
//     the right help for a struggling rep, misdirected help caught, and a
//     performance plan only when it is fair.
//
// # The team plan
//
// A plugin fills in a [Team] — the roster (rep, manager, start date when
// known), each rep's [benchmark.Rate] per competency, and whatever else the
// CRM has: results against quota, desire survey answers, 1:1 sessions,
// journey events, and the plan's own state from last time (campaigns and
// focuses) — and calls [NewPlan]:
//
//	plan, err := salesdev.NewPlan(team, &salesdev.Config{CoachingHours: 15})
//	if err != nil {
//		return err // invalid data, named: errors.Is finds the cause
//	}
//	for _, r := range plan.Reps {
//		fmt.Println(r.Rep, r.Help.Help, r.Why()) // r.Focus may be nil: no evidence yet
//	}
//
// The [Plan] holds the team's standards and its first priority for
// training ("The first priority for training jumps right off the page",
// "The Difference Between Sales Leaders and Sales Managers"),
// and for each rep the graded scorecard with its evidence, the quadrant (or
// why the rep is not placed), the help needed with its basis, the 1+1+1
// focus (kept until its benchmark is reached or its campaign closed), the
// change since the campaign began, a mentor and coaching hours; for each
// manager, the mix of managing and developing. With fewer inputs the plan
// says less, and [Plan.Missing] names the input that would unlock the
// rest. Every figure comes from the four packages: this package only joins
// them, so a plugin gets the same decisions as the example programs.
//
// # Why these frameworks
//
// Sales teams fail their people in predictable ways: managers push numbers
// instead of developing skills, new reps are coached before they are
// trained, strong reps are left alone, and struggling reps get the wrong
// kind of help. Practitioners have written down how to do better, and each
// package implements one part of it.
//
// Leaders versus managers. In "The Difference Between Sales Leaders and
// Sales Managers", a leader is competent in "running your numbers, not
// running after quota". In the library's model (the library's, not the
// article's), revenue is activity times a chain of conversion ratios times
// the average deal, so the ratio that lags its benchmark is the skill to
// develop. The article's leaders peel each competency into elements and
// scenarios, attach routines, train one competency at a time as a process
// rather than an event, and measure the improvement — turning C players
// into B players and B into A. That is packages benchmark and competency.
//
// Management versus leadership versus coaching. Three characteristics decide
// what a rep needs: desire (answered by leadership), productivity (answered
// by management: reviewing and assigning KPIs) and competency (answered by
// coaching), as ASLAN's "Know the Difference Between Coaching & Managing"
// puts it. The article places reps in a grid of achievers, strivers,
// independents and detractors without naming its axes; ASLAN's published
// grid material gives them (results against quota, desire to develop), and
// every placed rep is coached: leaving reps alone "was a mistake". How much
// coaching is enough is an outside figure, not the articles': in a Sales
// Executive Council study, reps who received three or more hours of
// coaching a month reached 107% of quota, against 88% for reps who
// received less. That is package grid.
//
// Training, mentoring, coaching. In "Three Key Areas That Every Sales
// Organization Must Get Right", training transfers knowledge; mentoring is
// a skilled peer filling gaps only a peer can articulate; coaching helps a
// rep who knows what and how past an unknown blockage, and takes time. A rep
// trained when coaching is needed, coached when re-training is needed, or
// mentored when mentoring is not the solution is getting misdirected help.
// And a rep who still does not perform after solid training and coaching is
// "another discussion" ("Sales Management vs Sales Mentorship"), the
// performance plan. That is package tmc.
//
// # Where to start
//
// The package's example (shown on pkg.go.dev) plans a five-rep team with
// [NewPlan].
// The command in examples/teamreport reads a Maven, Salesforce or HubSpot
// export (or its built-in data) and prints the team development report:
//
//	go run ./examples/teamreport
//
// For a single number with honest confidence, start at
// [github.com/salesdev/salesdev/benchmark.Rate]; for the whole team's plan,
// at [NewPlan].
package salesdev

// References:
//   - "The Difference Between Sales Leaders and Sales Managers" (2009; the
//     article names no author).
//   - ASLAN Training, "Know the Difference Between Coaching & Managing".
//   - "Three Key Areas That Every Sales Organization Must Get Right"
//     (Training, Mentoring, Coaching).
//   - "Sales Management vs Sales Mentorship".
//   - Sales Executive Council, study of sales coaching: reps who received
//     three or more hours of coaching a month reached 107% of quota,
//     against 88% for reps who received less; an outside figure, not the
//     articles'.
//   - R. F. Mager and P. Pipe, Analyzing Performance Problems (the barriers).
