// Package benchmark measures the ratios a sales leader runs instead of
// chasing quota, and sets the standards each rep is trained to.
//
// Sales leaders are "competent in the art of running your numbers, not
// running after quota" ("The Difference Between Sales Leaders and Sales
// Managers"). In the library's model (the library's, not the article's),
// revenue is the product of activity and a chain of conversion ratios
// (calls to conversations, conversations to appointments, appointments to
// proposals, proposals to deals) times the average deal. A leader who
// knows those ratios per rep knows which skill to develop; one who only
// knows the quota gap can only push for more activity. This package gives
// the ratios honest numbers, turns a team's distribution into benchmarks,
// and works a goal back through the funnel.
//
// Scope: counting, ratios, confidence, quantiles and the arithmetic of the
// funnel, on values a caller has already pulled from a CRM. Not in scope:
// reading CRM exports (see the example programs), rolling raw records up
// into counts (the package [github.com/salesdev/salesdev/benchmark/rollup]
// does that), forecasting, or anything that needs a statistics library
// beyond what a sales-ops analyst would explain on a whiteboard.
//
// # Rates, honestly
//
// A [Rate] keeps the counts behind a ratio: 7 appointments from 20
// conversations is Rate{Hits: 7, Trials: 20}. [Rate.Value] is the
// fraction; [Rate.Interval] is its Wilson score interval, which stays
// sensible on the small samples one rep produces:
//
//	r := benchmark.Rate{Hits: 2, Trials: 2}
//	lo, hi := r.Interval(0.95) // 0.342, 1: a perfect record, but a short one
//
// Pool rates with [Rate.Add], or with [Sum] where counts could overflow.
//
// # Reading one rep against the team
//
// Two wins from two closed deals is not an A player. [FitPrior] fits a beta
// distribution to the whole team's rates (empirical Bayes), and
// [Prior.Shrink] reads each rep's record in its light: a small sample is
// pulled toward the team, a large one speaks for itself.
//
//	prior, err := benchmark.FitPrior(teamRates)
//	shrunk := prior.Shrink(benchmark.Rate{Hits: 2, Trials: 2}) // ≈ the team, a little above
//
// # Benchmarks
//
// A [Benchmark] is a [Metric] (a name, a unit, and whether higher or lower
// is better) with a target. Set targets from the team's own distribution
// with [FromTeam] (R-7 quantiles, in the metric's good direction), or for
// every team and metric at once with [TeamBenchmarks]. [Benchmark.Evaluate]
// measures a value against it: attainment as a continuous ratio, the gap
// still to close in the metric's unit, and whether it is met.
//
//	b, err := benchmark.FromTeam(benchmark.Metric{Name: "close rate"}, closeRates, 0.75)
//	res, err := b.Evaluate(0.24) // res.Attainment, res.Gap, res.Met
//
// # The funnel, forwards and backwards
//
// A [Funnel] is named stages with counts; [Funnel.Rates] gives the
// stage-to-stage conversions and [Funnel.Overall] the whole. [Required]
// works a goal backwards: 14 deals at 10%, 35%, 50% and 40% need 2,000
// calls, 200 conversations, 70 appointments and 35 proposals, rounded up at
// every stage, with the ratios read as the decimals they are written as:
// the float64 nearest 0.35 does not turn 200 conversations into 201.
// [RequiredForRevenue] starts from a revenue goal and an average deal.
//
// # Discovering benchmarks from history
//
// Jim Tressel, as quoted in "The Difference Between Sales Leaders and
// Sales Managers": "when we gained at least 200 rushing yards in a game, we
// won the game 98% of the time", so the team trained to the routines that
// reach 200 yards more often. [Discover] finds that kind of threshold in a team's
// history: give it one [Observation] per week or deal (a leading
// indicator's value, and whether it was won) and it returns the [Rule] whose
// reached win rate has the best Wilson lower bound or, with a Target in
// [DiscoverOptions], the easiest threshold that still wins at the target
// rate. A Rule prints as the sentence a sales leader reads:
//
//	rule, err := benchmark.Discover(callsPerWeek, history, nil)
//	fmt.Println(rule) // when calls per week ≥ 41: won 91.7% (95% CI 64.6–98.5%, n=12); otherwise 38.9% …
//
// Discover is exact and O(n log n), and over millions of values it prunes
// the ranges that cannot hold the answer before sorting. For data that
// streams or is split across machines, [Binned] keeps only won and lost
// counts between fixed edges, merges exactly with [Binned.Merge], ships as
// JSON, and with round-number edges returns round benchmarks.
//
// # Rolling up CRM records
//
// Turning a CRM's activities and deals into these ratios, per rep and at
// memory speed, is the job of the package
// [github.com/salesdev/salesdev/benchmark/rollup]: its roll-up counts
// compact records into each rep's funnel, rates, pipeline, average deal
// and time to close, exactly and mergeably, and hands back the [Funnel]
// and [Rate] values this package reads.
//
// # Errors
//
// Data from a CRM is never a programmer error: NaN, ±Inf, negative counts,
// hits above trials, ratios outside (0, 1], empty input and overflow
// are reported as errors, never as a panic or a NaN in a result. The errors
// have concrete type [*InputError], which names the function and argument,
// and wrap one of the sentinels ([ErrNotFinite], [ErrNegative],
// [ErrHitsExceedTrials], [ErrOutOfRange], [ErrEmpty], [ErrOverflow], …) for
// [errors.Is]. Every result marshals to JSON.
//
// Values ([Rate], [Prior], [Benchmark], [Funnel], [Rule]) are immutable in
// use and safe to share between goroutines. Accumulators that are not
// ([TeamBenchmarks], [Binned]) say so.
package benchmark

// References:
//   - "The Difference Between Sales Leaders and Sales Managers": "running
//     your numbers, not running after quota"; a benchmark per competency
//     from performance ratios tied to revenue; Jim Tressel's 200 rushing
//     yards. The revenue formula (activity × the chain of ratios × the
//     average deal) is the library's model, not the article's.
//   - ASLAN Training, "Know the Difference Between Coaching & Managing":
//     pipeline, qualified leads, average deal size, close rate,
//     time-to-close, number of calls.
//   - E. B. Wilson, "Probable inference, the law of succession, and
//     statistical inference", JASA 22 (1927) 209–212.
//   - R. G. Newcombe, "Two-sided confidence intervals for the single
//     proportion", Statistics in Medicine 17 (1998) 857–872.
//   - R. J. Hyndman and Y. Fan, "Sample quantiles in statistical packages",
//     The American Statistician 50 (1996) 361–365 (definition 7).
//   - D. Kleinman, "Proportions with extraneous variance: single and
//     independent samples", JASA 68 (1973) 46–54 (moment estimates for the
//     beta-binomial).
