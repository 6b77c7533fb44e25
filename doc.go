// Package salesdev turns a sales team's CRM data into decisions about
// developing its people. This package holds only documentation; the work is
// done by four sub-packages, each a pure library (no I/O, no clock, no
// goroutines of its own) that a CRM plugin imports:
//
//   - [github.com/salesdev/salesdev/benchmark]: the ratios a leader runs
//     instead of chasing quota — conversion rates with honest confidence on
//     small samples, team benchmarks, thresholds discovered in history, the
//     reverse funnel, and roll-ups of CRM records at memory speed.
//   - [github.com/salesdev/salesdev/competency]: the competencies of the
//     selling process, broken into elements, scenarios and routines; A/B/C
//     grades; which competency to train first; the measured effect of
//     training.
//   - [github.com/salesdev/salesdev/grid]: desire, productivity and
//     competency; achievers, strivers, independents and detractors; the
//     mode of leadership and the coaching time each needs; one competency
//     and one behavior at one time.
//   - [github.com/salesdev/salesdev/tmc]: Training → Mentoring → Coaching;
//     the ramp by product complexity, the right help for a struggling rep,
//     misdirected help caught, and a performance plan only when it is fair.
//
// # Why these frameworks
//
// Sales teams fail their people in predictable ways: managers push numbers
// instead of developing skills, new reps are coached before they are
// trained, strong reps are left alone, and struggling reps get the wrong
// kind of help. Practitioners have written down how to do better, and each
// package implements one part of it.
//
// Leaders versus managers. A manager chases the quota; a leader "runs the
// numbers": revenue is activity times a chain of conversion ratios times the
// average deal, so the ratio that lags its benchmark is the skill to
// develop. Leaders peel each competency into elements and scenarios, attach
// routines, train one competency at a time as a campaign rather than an
// event, and measure the improvement — turning C players into B players and
// B into A. That is packages benchmark and competency.
//
// Management versus leadership versus coaching. Three characteristics decide
// what a rep needs: desire (answered by leadership), productivity (answered
// by management: reviewing and assigning KPIs) and competency (answered by
// coaching). Placed on a grid of results against desire, reps fall into
// achievers, strivers, independents and detractors, each needing a
// different share of the manager's time; "desire determines development".
// Reps coached three hours a month or more reached 107% of quota, against
// 88% for the rest. That is package grid.
//
// Training, mentoring, coaching. Training transfers knowledge; mentoring is
// a skilled peer filling gaps only a peer can articulate; coaching helps a
// rep who knows what and how past an unknown blockage, and takes time. A rep
// trained when coaching is needed, coached when re-training is needed, or
// mentored when mentoring is not the solution is getting misdirected help;
// and a rep who still does not perform after solid training and coaching is
// "another discussion", the performance plan. That is package tmc.
//
// # Where to start
//
// The package's example (Example in example_test.go, shown on pkg.go.dev)
// walks a five-rep team through all four packages.
// The command in examples/teamreport reads a Maven, Salesforce or HubSpot
// export (or its built-in data) and prints the team development report:
//
//	go run ./examples/teamreport
//
// For a single number with honest confidence, start at [github.com/salesdev/salesdev/benchmark.Rate];
// for the whole team's plan, at [github.com/salesdev/salesdev/competency.NewScorecard].
package salesdev

// References:
//   - "The Difference Between Sales Leaders and Sales Managers" (very likely
//     Jeff Hardesty, "Business of Core Competencies").
//   - ASLAN Training, "Know the Difference Between Coaching & Managing".
//   - "Three Key Areas That Every Sales Organization Must Get Right"
//     (Training, Mentoring, Coaching).
//   - "Sales Management vs Sales Mentorship".
//   - Sales Executive Council, coaching study (≥ 3 hours a month: 107% of
//     quota vs 88%), as cited by ASLAN.
//   - R. F. Mager and P. Pipe, Analyzing Performance Problems (the barriers).
