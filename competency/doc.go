// Package competency decides what a sales team trains to and in which
// order: it structures the selling process into competencies, grades each
// rep A, B or C on each of them against a benchmark, ranks the competencies
// by the revenue that training them would add, and measures whether
// training worked.
//
// A competency is an essential, controllable, measurable and trainable
// part of the selling process, measured by the conversion ratio between
// two funnel stages. Sales leaders extract the most important competency,
// peel it into elements, break the elements into single scenarios and
// attach routines to each scenario; they set a benchmark per competency,
// train one competency at a time by priority, measure the degree of
// improvement, and so turn C players into B players and B players into A
// ("The Difference Between Sales Leaders and Sales Managers"; the
// definition of a competency is from outside material on core
// competencies, listed under References in the source). This package
// gives each of those steps a type and a number. It computes; it does not
// read a CRM, schedule training or store anything. Rates, priors and
// benchmarks come from package [benchmark].
//
// The sections below follow one rep, Dana, from C to A on the first
// competency of the ready model.
//
// # The model
//
// A [Model] lists [Competency] values in funnel order. Each is measured
// from stage From to stage To and holds [Element] values, each element
// [Scenario] values, each scenario [Routine] values: the finite list of
// situations a rep meets, and what to do in each. [Default] is a ready
// model of three competencies, [NewOpportunitiesID] (conversation →
// appointment, "creating new opportunities", the article's example of the
// most important competency), [GatewayID] (appointment → the first
// demonstration, site visit, survey or proposal) and [CloseID] (gateway →
// close). Its elements, scenarios and routines, and the figures quoted in
// its documentation, come from outside material on core competencies, not
// from the article:
//
//	m := competency.Default()
//	for c, s := range m.Scenarios() {
//		fmt.Println(c.ID, s.Name) // gateway All the King's Men: not every decision maker identified
//	}
//
// [Model.Validate] reports every problem with its path; [Model.Lookup]
// finds a competency by ID, and [Model.Scenarios] and
// [Competency.Routines] walk the model;
// [Model.Stages] is the funnel it measures, and [Model.Rates] reads one
// rate per competency off a [benchmark.Funnel].
//
// # Loading and saving
//
// A team's own model lives in JSON a CRM admin can write by hand. [Parse]
// reads it strictly, refusing unknown fields, repeated fields and values
// of the wrong shape with an error that points at the path, such as
// `competencies[1].elements[0].scenarios[2]: no routines`; [Marshal] writes
// it back, indented, in a form Parse reads to an equal model. The JSON
// carries a "version" (1 today; a file without one is read as 1), so a
// plugin can store models and read them with a later release.
//
// # Team standards
//
// A standard is a prior and a target per competency, set from the team's
// own record. [TeamStandards] takes every rep's rates (team[i] is rep i's
// rates keyed by competency ID, as [Model.Rates] returns them) and, for
// each competency, fits the team's prior with [benchmark.FitPrior] and
// sets the target at the 75th percentile of the reps' shrunk rates:
//
//	s, err := competency.TeamStandards(competency.Default(), team, nil)
//	// new-opportunities: target 15.1%, team 250/1803 (13.9%), prior Beta(7.02, 43.60)
//	//   (75th percentile of the shrunk rates of 4 reps with at least 10 trials)
//	// gateway: target 57.6%, team 141/250 (56.4%), prior Beta(120.49, 93.14)
//	//   (75th percentile of the shrunk rates of 4 reps with at least 10 trials)
//	// close: not measured: the data does not measure it
//
// Three choices make the standard fair. The target is on the shrunk scale, the scale grades are read
// on: a target set on raw rates, read against rates pulled toward the
// team, leaves a team of similar reps with no A player at all. Only reps
// with enough evidence set the bar (10 trials by default, a library
// default; every rep with trials when fewer than two have that many), so
// a new rep's two lucky deals do not move it. And a competency the data
// does not measure (the CRM above records no closes), on which no rep has
// a trial, or on which nobody has converted yet is [Unmeasured], with the
// reason: reps are graded on what has data, not refused for what has
// none. The quantile (0.75, a library default), the evidence threshold
// and outside targets (a company standard, on the shrunk scale, with its
// source) are [StandardOptions].
//
// # Grading
//
// [Standards.Scorecard] grades a rep on every measured competency. Dana
// had 90 conversations last quarter and turned 7 into appointments: 7.8%.
// Say the team's standard for the competency is a 15% target and a prior
// with a mean of 12%, worth 100 conversations; [NewScorecard] grades
// against such standards given one by one:
//
//	card, err := competency.NewScorecard(competency.Default(), "Dana", rates, targets, priors, nil)
//	// new-opportunities C: 7/90 (7.8%), shrunk 10.0% (6.2%–14.6%), interval 3.8%–15.2%, target 15.0%
//	// gateway A: 30/45 (66.7%), shrunk 63.2% (53.3%–72.5%), interval 52.1%–78.6%, target 60.0%, not yet distinguishable
//	// close B: 9/30 (30.0%), shrunk 27.1% (17.5%–38.1%), interval 16.7%–47.9%, target 30.0%, not yet distinguishable
//
// The grade is decided on the shrunk rate ([benchmark.Prior.Shrink]), the
// rep's rate read in the light of the team, so that two lucky
// conversations do not make an A player and two unlucky ones do not make a
// C: A at or above the target, B within a band below it (15% of the
// target, a library default, so 12.75% and up for a 15% target; see
// [Options]), C below, and [Ungraded] with no evidence at all. Each
// [Score] carries the raw rate, the shrunk rate, the Wilson interval of
// the raw rate and the target, so the grade explains itself.
//
// A letter says where the best estimate lies, not how sure it is. Each
// Score also carries ShrunkLo and ShrunkHi, the posterior interval of the
// shrunk rate at 95% (a library default, the conventional 95%; see
// [Options]), and Separated, whether the target lies outside it.
// Dana's C on new opportunities is Separated, below the target
// ([Score.Below]): train it. Her A on the gateway and her B on closing
// are not: on this evidence she is not yet distinguishable from the
// standard on either, and a report should say so rather than split her
// from a peer by a tenth of a point.
//
// # Priority
//
// In the library's model (the library's, not the article's), revenue is
// activity × the product of the funnel's ratios × the average deal, so
// raising one ratio from its current value to its target
// multiplies revenue by target ÷ current. [Prioritize] ranks the
// competencies by that [Gain], largest first; the first is the one to
// train now, and competencies already at the benchmark gain nothing:
//
//	gains, err := competency.Prioritize(card)
//	// new-opportunities ×1.50 (10.0% → 15.0%)
//	// close ×1.11 (27.1% → 30.0%)
//	// gateway ×1.00 (63.2% → 60.0%)
//
// Dana trains on creating new opportunities first, and on nothing else
// until it reaches the benchmark. A team's priorities come the same way
// from a team scorecard over pooled rates ([benchmark.Sum]).
//
// # Measuring improvement
//
// [Improvement] compares a rate before training with a rate after: the
// change in points, the relative change, and the z and two-sided p of the
// pooled two-proportion test, so "did the training work?" is a number
// with its significance rather than an impression. A [Change] is never
// NaN; either side with no trials is an error.
//
// # Campaigns: from C to A
//
// Training is a process, not an event. A [Campaign] holds the competency,
// the baseline (Dana's 7 of 90), the benchmark, the Start and weekly
// [Checkpoint] values; [Campaign.Progress] reports, week by week, the rate
// to date, its grade, the share of the gap to the benchmark closed, and
// whether the change is significant yet:
//
//	week 1: 2/20 (10.0%)   grade C, gap closed  33%, p = 0.743, significant false
//	week 2: 5/40 (12.5%)   grade C, gap closed  43%, p = 0.391, significant false
//	week 3: 9/62 (14.5%)   grade B, gap closed  59%, p = 0.183, significant false
//	week 4: 14/83 (16.9%)  grade B, gap closed  84%, p = 0.067, significant false
//	week 5: 19/103 (18.4%) grade A, gap closed 105%, p = 0.030, significant true
//	week 6: 25/125 (20.0%) grade A, gap closed 129%, p = 0.013, significant true
//
// By week 3 Dana is a B player, by week 5 an A player ([Campaign.Reached]
// turns true), and the change from her baseline is significant at 5% (a
// library default, the conventional 5%; see [Options]): the
// campaign is done, it is Closed, and the next one starts on the
// competency that [Prioritize] now ranks first.
//
// One mission at a time: "training to multiple missions at once will
// achieve few results" ("The Difference Between Sales Leaders and Sales
// Managers"). [CheckCampaigns] refuses a second campaign for the
// same rep whose span overlaps another's ([ErrOverlap]); an open campaign
// runs on until it is closed, and [Campaign.Open] says whether one is
// running at a given time.
//
// Within the competency, the leaders of "The Difference Between Sales
// Leaders and Sales Managers" "identify, train to and measure" each
// scenario. Give a scenario counts from the CRM, and
// optionally its own Target, and [Competency.Weakest] returns the
// measured scenario furthest below its target; its first routine is the
// behavior to train next (package grid draws the month's focus this way).
//
// # Errors
//
// Bad input is an error, never a panic and never NaN. Problems in a model
// or its JSON are [*ModelError] values with a path (one problem bare,
// several joined with [errors.Join]: reach them with [errors.As]); bad
// arguments are [*InputError] values naming the function and argument.
// Both wrap one of the package's sentinel errors ([ErrEmpty],
// [ErrUnknownCompetency], [ErrOutOfRange], [ErrNoTrials], [ErrOverlap] and
// the others) for [errors.Is]; those that mean what one of package
// benchmark's means are that very value (ErrEmpty is [benchmark.ErrEmpty]),
// so one test works across layers. A target is at least [MinTarget] and
// at most 1, so that no ratio to a target overflows.
package competency

// References:
//
//   - "The Difference Between Sales Leaders and Sales Managers" (the
//     article names no author; its writer calls the sales system "the
//     Business of Core Competencies"): competencies, elements, scenarios
//     and routines; a finite number of scenarios to identify, train to and
//     measure; training one competency at a time, by priority, as a
//     process; benchmarks per competency; measuring the degree of
//     improvement; C players to B and B to A.
//   - Outside material on core competencies, not the article: J.
//     Hardesty, "5 Tips for Finding Your Core Competencies" and "How to
//     Recognize Your 'True' Sales Performance Competencies" (a core
//     competency is essential, controllable, measurable and trainable; the
//     first appointment advancing to a gateway: demonstration, site visit,
//     survey or proposal; winning the customer once the gateway is
//     passed); H. Baldwin, "Boost Your Conversation-to-Appointment Ratio",
//     Selling Power, quoting J. Hardesty (the ratio is the #1 competency,
//     with national averages of 4% to 18%; research the prospect's
//     internal business challenge, call the executive, hold a business
//     conversation). The "All the King's Men" scenario comes from such
//     material too.
//   - E. B. Wilson, "Probable inference, the law of succession, and
//     statistical inference", JASA 22 (1927) 209–212: the score interval.
//   - A. Gelman et al., Bayesian Data Analysis, 3rd ed. (2013), §2.4 and
//     §5.3: the beta posterior of a binomial rate and its central
//     interval.
//   - A. Agresti, Categorical Data Analysis, 3rd ed. (2013), §2.1–2.2 and
//     §3.1: the two-proportion z-test, equal to Pearson's χ² without
//     continuity correction (R's prop.test(correct = FALSE)).
//   - W. H. Press et al., Numerical Recipes, 3rd ed. (2007), §6.2 and
//     §6.4; C. Loader, "Fast and Accurate Computation of Binomial
//     Probabilities" (2000); R. Lugannani and S. Rice (1980): the
//     incomplete beta function behind the posterior interval (beta.go).
