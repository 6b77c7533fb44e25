// Package tmc gives each sales rep the right help at the right time:
// Training, Mentoring or Coaching (the T.M.C. plan), or a management fix
// when no development will help, and it catches help that is misdirected.
//
// A struggling rep often gets misdirected help: "They end up sitting
// through training when they need coaching, being coached when they need a
// re-training, or being mentored when mentoring is not the solution."
// ("Three Key Areas That Every Sales Organization Must Get Right"). The
// same article says every company should have a T.M.C. plan, timed by the
// complexity of what it sells. This package is that plan as code: a
// prescription from what a manager has observed or from what the CRM
// records, a ramp timed by complexity and sales cycle, a rep's journey as
// a state machine a CRM can store, the check that a performance plan is
// fair, the classification of 1:1s with the monthly coaching cadence and
// who gives them, and mentor matching from competency scores. It decides;
// it does not read a CRM, schedule sessions or call time.Now: every time
// is a parameter. Grades and rates come from
// package [competency], which builds on package
// [github.com/salesdev/salesdev/benchmark].
//
// # The three kinds of help
//
// [Training] is the transfer of knowledge: policies, procedures, selling
// techniques. It comes first, and again (re-training) when a tenured rep
// turns out not to know what to do. [Mentoring] is peer to peer: a highly
// skilled peer shares what only a peer can articulate, which the manager
// cannot. [Coaching] is for a rep who already knows what to do and how: the
// issue is an unknown blockage, and the rep self-generates or co-generates
// the solution; it takes time, not one 30-minute session. [Management] is
// not development at all: misaligned incentives and obstacles in the
// environment are fixed by the manager, not by the rep.
//
// # Prescribing the right help
//
// A manager records [Signals]: does the rep know what to do, know how, meet
// the standard, and what [Barrier] holds them back (Mager and Pipe's four:
// [DontKnow], [IncorrectThinking], [MisalignedConsequences],
// [Constraints]). [Prescribe] applies the rules in order, first match wins:
//
//	MisalignedConsequences or Constraints  → Management (whatever else is true)
//	DontKnow, or does not know what        → Training (re-training for a tenured rep)
//	knows what, not how                    → Mentoring
//	knows both, below standard, or
//	  held back by IncorrectThinking       → Coaching (find the blockage)
//	knows both and meets the standard      → Coaching (challenge and grow)
//
// Every [Prescription] carries a Reason written for the manager:
//
//	p := tmc.Prescribe(tmc.Signals{KnowsWhat: true})
//	// mentoring: the rep knows what to do but not how: pair them with a highly skilled peer, …
//
// # Misdirected help
//
// [Misdirected] reports whether the help a rep is getting differs from the
// prescription; the help given and the help [Prescribe] says is needed name
// the misdirection. The article's three are training given when coaching
// is needed, coaching given when re-training is needed, and mentoring given
// when anything else is:
//
//	s := tmc.Signals{KnowsWhat: true, KnowsHow: true}
//	tmc.Misdirected(tmc.Training, s) // true: training given, coaching needed
//
// # The ramp
//
// How long Training and Mentoring last depends on the [Complexity] of the
// sale ([Transactional], [Moderate], [Complex]) and the length of its sales
// cycle ("Three Key Areas That Every Sales Organization Must Get Right"
// says complexity sets the timing, and gives no numbers). [Plan] returns a
// [Ramp]: Training for the rule's training days, Mentoring for one sales
// cycle beside a peer (at least the rule's minimum), and full productivity
// at training plus one cycle (both library defaults), never sooner than
// the rule's shortest ramp: about three months for an SDR-like role and
// about five for a mid-market AE (the average ramps in The Bridge Group's
// SDR and SaaS AE Metrics and Compensation reports), and nine months for
// enterprise sales (a library default). [DefaultRampRules] documents the
// figures; [RampRules] override them:
//
//	r, err := tmc.Plan(tmc.Moderate, 120, nil)
//	// training 45 days, mentoring 120, full productivity at day 165
//	r.FullProductivity(start) // 2025-06-20 for a start on 2025-01-06
//
// # Signals from evidence
//
// A CRM records results, not knowledge, so [Infer] reads [Signals] from
// the [Evidence] it has, following "Three Key Areas That Every Sales
// Organization Must Get Right": inside the ramp's training stage a rep
// does not yet know what to do; inside its mentoring stage the rep knows
// what but not yet how; after it, "by the time a Sales Rep requires
// coaching, they already know what to do, and how to do it", so a rep
// below standard is coached for a blockage. Re-training follows only a
// knowledge gap recorded after the ramp's training stage ("sometimes a
// coaching session may reveal that a re-training is needed, but most often
// this is not the case"), and lasts until a training-completed event is
// recorded after it; then the ramp decides again, as the journey returns
// the rep to the stage the gap was found in. Infer and a [Journey] on the
// same events prescribe the same help while the journey keeps to the
// ramp's dates ([Infer] lists when they may differ). Without a start date,
// the first day the rep appears in the data stands in, and without either
// the rep is assumed past the ramp; the [Inference] Basis says which, in
// words. A rep is below standard only when the evidence separates them
// below it ([competency.Score.Below]); a rep the data cannot tell apart from
// the standard meets it. What the manager states, signals or a barrier,
// always wins:
//
//	inf, err := tmc.Infer(tmc.Evidence{Ramp: ramp, Started: hired, AsOf: today, Below: score.Below()})
//	p := tmc.Prescribe(inf.Signals) // coaching, with inf.Basis saying why
//
// # The journey
//
// A [Journey] is one rep's way through the plan, as an immutable state
// machine: [Start] puts the rep in Training, and [Journey.Apply] takes an
// [Event] (a kind and a time) and returns the next Journey, or the same one
// and an [*EventError] naming the rule that refused the move:
//
//	j, err := tmc.Start(hired, ramp, nil) // nil: the default ReviewRules
//	j, err = j.Apply(tmc.Event{Kind: tmc.TrainingCompleted, At: day45})
//	j, err = j.Apply(tmc.Event{Kind: tmc.MentoringCompleted, At: day135})
//	j, err = j.Apply(tmc.Event{Kind: tmc.KnowledgeGapFound, At: day150}) // back to Training
//	j, err = j.Apply(tmc.Event{Kind: tmc.TrainingCompleted, At: day160}) // back to Coaching
//
// Re-training returns the rep to the stage the gap was found in (a library
// rule; the article does not say where a re-trained rep goes next), or to
// the full Mentoring stage a rep whose mentoring was cut short is owed. A
// stage may be completed early, but the journey remembers it
// ([Journey.FullStages]). Coaching comes in cycles, from [CycleStarted] to
// [CycleImproved] or [CycleNotImproved], and a cycle ended without
// improvement counts only when it lasted the minimum (60 days by default,
// a library default): coaching "takes time and cannot be achieved in a
// quick 30-minute session" ("Three Key Areas That Every Sales Organization
// Must Get Right"). Journeys marshal to JSON for storage in a CRM, with a
// "version" (1) that changes when a field is renamed, removed or changes
// meaning, and unmarshal strictly: an unknown version, unknown fields,
// fields given twice or in another case, unknown enum text and unreachable
// states are errors. Events and Sessions, which a plugin keeps in its own
// logs, carry no version of their own: the document holding them does.
// Every journey from [Start] and [Journey.Apply] marshals and reads back
// the same: they refuse times JSON cannot write exactly (a year outside 0
// to 9999, a zone offset of a day or more or with seconds).
//
// # A fair performance plan
//
// "If the salesperson does not perform after having received the benefit
// of solid coaching and training, that is another discussion" ("Sales
// Management vs Sales Mentorship"). The other discussion, a performance
// plan ([InReview]), is fair only when the training and the coaching were
// solid and there is evidence that coaching did not work. [CheckReview]
// lists every condition a [ReviewCase] misses, each named by its rule:
//
//   - the rep is past the ramp, and had Training and Mentoring stages as
//     long as the ramp planned ([ErrStagesCut] until a later full stage
//     makes good a stage cut short);
//   - the rep has been below standard for at least two consecutive
//     periods past the ramp;
//   - at least one coaching cycle of at least 60 days, with coaching at
//     the cadence in each calendar month it covers (measured from the
//     sessions, not from the calendar), ended with evidence of no
//     meaningful improvement: enough trials after it, and the upper bound
//     of a 95% interval on the gain below five percentage points, so that
//     too little evidence never makes a plan easier;
//   - the cause is the rep's skill ([DontKnow]) or will
//     ([IncorrectThinking]), not incentives or environment, which are
//     management's to fix; and a skill cause only after a re-training.
//
// [ReviewRules] hold the thresholds, each default with its source (the
// articles give no numbers: most are library defaults, and the cadence is
// [competency.CoachingCadence]). [Journey.Apply] enforces the conditions
// it can know itself; [CheckReview] adds the cadence and the evidence. A
// plan ends in a pass (back to Coaching), an extension, or an exit, and
// during it the rep keeps getting coaching: [Stage.Help] of InReview is
// Coaching. The evidence cannot tell that a rep is on a plan, so
// [Journey.Signals] gives the signals of one (knows what and how; a
// DontKnow cause read as re-trained), and [Misdirected] on a fair plan is
// false.
//
// # Sessions and the coaching cadence
//
// What a 1:1 covered decides what it was, not how it felt. [Classify] reads
// its [Topic] list: a session of results review, target setting or KPI
// assignment only ("This is how you have done", "This what we need to
// do", "This is your average order value", in ASLAN Training's "Know the
// Difference Between Coaching & Managing") is a management session;
// otherwise its developmental topics decide: knowledge transfer makes it
// training; peer insight, mentoring; observation, practice, blockage
// exploration and forward plans, coaching, also when it reviewed the
// results too (a library rule). [CoachingHours]
// reports a rep's coaching per calendar month against
// [competency.CoachingCadence], three hours a month, an outside figure,
// not the articles': in a Sales Executive Council study, reps who received
// three or more hours of coaching a month reached 107% of quota, against
// 88% for reps who received less.
//
// # Managing or mentoring
//
// "Sales Management vs Sales Mentorship" asks managers: "Are you managing
// or mentoring your sale team?" A [Session] records who gave it (By) and
// in which [Role]: the rep's [Manager], a peer [Mentor], or a [Trainer].
// [SessionMix] adds up a window's 1:1s by kind of help, per rep and per
// giver, and flags two patterns: a manager whose 1:1s were all management,
// who passes "the pressure along to the salespeople without the coaching,
// ideas and resources to achieve it"; and a peer mentor who trains or
// coaches, since "the role of a Mentor is not to train or coach a sales
// rep" ("Three Key Areas That Every Sales Organization Must Get Right").
//
// # Mentors
//
// [Mentors] finds the peers who may mentor a rep on one competency: graded
// A on it ([competency.Score]), never the rep and never the rep's manager,
// with room under a cap on mentees, ranked by shrunk rate so a lucky small
// sample does not outrank a steady record. [AssignMentors] matches many
// reps at once under the same cap. When nobody qualifies the error wraps
// [ErrNoMentor].
//
// # Errors
//
// Bad input is an error, never a panic: unknown enum text, negative
// durations, times going backwards, empty teams. Errors are
// [*InputError], [*EventError] or [*NoMentorError] values wrapping one of
// the package's sentinels ([ErrInvalidEnum], [ErrInsideRamp],
// [ErrNoMentor], …) for [errors.Is]. The sentinels that mean what
// package benchmark's mean are the same values ([ErrInvalidEnum] is
// [benchmark.ErrInvalidEnum], and so are [ErrNegative], [ErrOutOfRange],
// [ErrNotFinite], [ErrEmpty] and [ErrDuplicate]), so errors.Is works
// across the layers.
package tmc

// References:
//
//   - "Three Key Areas That Every Sales Organization Must Get Right":
//     Training, Mentoring and Coaching defined, the three misdirections, and
//     timing by the complexity of the product (the T.M.C. plan).
//   - "Sales Management vs Sales Mentorship": a rep who does not perform
//     after solid coaching and training is "another discussion"; managers
//     who pass the pressure along without coaching, ideas and resources.
//   - ASLAN Training, "Know the Difference Between Coaching & Managing": a
//     meeting that reviews and assigns KPIs is a management session.
//   - R. F. Mager and P. Pipe, Analyzing Performance Problems, or "You
//     Really Oughta Wanna" (1970; 3rd ed. 1997): skill, will, consequences
//     and obstacles, the four barriers as used in sales coaching.
//   - R. G. Newcombe, "Interval estimation for the difference between
//     independent proportions: comparison of eleven methods", Statistics
//     in Medicine 17 (1998) 873–890: the hybrid score interval (method
//     10) on the gain of a coaching cycle, checked against its Table II.
//   - Sales Executive Council (Corporate Executive Board), sales coaching
//     research (2007), study of about 2,000 salespeople: reps who received
//     three or more hours of coaching a month reached 107% of quota,
//     against 88% for reps who received less. An outside figure, not the
//     articles'.
//   - The Bridge Group, Sales Development (SDR) Metrics and Compensation
//     reports (2016–2021 editions): average SDR ramp of a little over three
//     months, as commonly quoted from those reports.
//   - The Bridge Group, SaaS AE Metrics and Compensation reports: average AE
//     ramp of about five months (reported between roughly 4.5 and 5.7
//     months across editions; 5.0 months in the 2024 edition as quoted by
//     secondary sources).
//   - Library defaults, from no named source: the enterprise ramp of nine
//     months, ramp = training + one sales cycle, Mentoring lasting one
//     sales cycle, and how each ramp splits into Training and Mentoring.
