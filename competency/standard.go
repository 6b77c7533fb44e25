package competency

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"

	"github.com/salesdev/salesdev/benchmark"
)

// Defaults used by [TeamStandards] when [StandardOptions] is nil or a
// field is zero.
const (
	// DefaultQuantile is the team quantile a target is set at: the 75th
	// percentile, the level a quarter of the team already reaches. A
	// library default: "The Difference Between Sales Leaders and Sales
	// Managers" says to set a benchmark per competency but names no level.
	DefaultQuantile = 0.75
	// DefaultMinTrials is the evidence a rep needs for their rate to help
	// set a target: 10 trials. A library default, chosen so that a rep's
	// two lucky deals do not raise the team's bar.
	DefaultMinTrials = 10
)

// StandardOptions tunes [TeamStandards]. A nil *StandardOptions, or a zero
// field, means the default.
type StandardOptions struct {
	// Quantile is the team quantile (R-7, as [benchmark.FromTeam]) of
	// the counted reps' shrunk rates that sets each target, in (0, 1].
	// Zero means DefaultQuantile.
	Quantile float64 `json:"quantile"`
	// MinTrials is how many trials a rep needs on a competency to count
	// toward its target; zero means DefaultMinTrials. When fewer than two
	// reps have that many, every rep with trials counts, and the
	// [Standard]'s Source says so.
	MinTrials int64 `json:"min_trials"`
	// Outside holds targets set outside the team (a company standard, an
	// industry figure) per competency ID, on the scale grades are judged
	// on: the shrunk rate. Each is in [MinTarget, 1] and replaces the
	// team's quantile for that competency; the prior is still the team's.
	Outside map[string]float64 `json:"outside,omitempty"`
	// OutsideSource says where the Outside targets come from, in words
	// ("the 2026 sales plan"); it is required when Outside is not empty
	// and becomes their Standards' Source.
	OutsideSource string `json:"outside_source,omitempty"`
}

// A Standard is what a team holds one competency's grades to: the prior
// that shrinks each rep's rate toward the team ([benchmark.Prior.Shrink])
// and the target that shrunk rate is graded against, with where the
// target came from.
type Standard struct {
	// Competency is the competency's ID.
	Competency string `json:"competency"`
	// Prior is the team's prior, fitted to the team's rates by
	// [benchmark.FitPrior].
	Prior benchmark.Prior `json:"prior"`
	// Target is the target on the shrunk scale, in [MinTarget, 1].
	Target float64 `json:"target"`
	// Team is the team's pooled rate.
	Team benchmark.Rate `json:"team"`
	// Reps is how many reps' shrunk rates set the target; 0 for an
	// outside target.
	Reps int `json:"reps"`
	// Source says in words where Target comes from: "75th percentile of
	// the shrunk rates of 8 reps with at least 10 trials", or the
	// options' OutsideSource.
	Source string `json:"source"`
}

// Unmeasured is a competency the team's data cannot grade anyone on, and
// why.
type Unmeasured struct {
	// Competency is the competency's ID.
	Competency string `json:"competency"`
	// Reason is one of "the data does not measure it" (no rep's rates
	// have the competency at all), "no rep has evidence on it" (no rep
	// has a trial), "nobody has converted yet: no standard to grade
	// against" (trials, but not one hit, and no outside target) and
	// "nobody has missed yet: the rate cannot tell reps apart" (every
	// trial a hit, and no outside target: the data records no failure at
	// this stage, so a standard would grade nothing but sample sizes).
	Reason string `json:"reason"`
}

// Standards are a team's standards, one per competency of a [Model]:
// those the data measures, and those it does not. Grade a rep against
// them with [Standards.Scorecard].
type Standards struct {
	// Model is the part of the model the data measures: its measured
	// competencies in funnel order, sharing their elements, scenarios and
	// routines with the model given to [TeamStandards] (do not modify
	// them). It is the zero Model when nothing is measured. It is not
	// written to JSON, and [Standards.Scorecard] does not need it.
	Model Model `json:"-"`
	// Measured holds a Standard per measured competency, in funnel
	// order.
	Measured []Standard `json:"measured"`
	// Unmeasured holds the others, in funnel order, with the reason.
	Unmeasured []Unmeasured `json:"unmeasured"`
}

// The reasons a competency is not measured; see [Unmeasured].
const (
	reasonNoData     = "the data does not measure it"
	reasonNoEvidence = "no rep has evidence on it"
	reasonNoHits     = "nobody has converted yet: no standard to grade against"
	reasonNoMisses   = "nobody has missed yet: the rate cannot tell reps apart"
)

// TeamStandards turns a team's record into each competency's standard:
// the prior, fitted to every rep's rate with [benchmark.FitPrior], and the
// target, the options' Quantile (the 75th percentile by default, a library
// default) of the shrunk rates of the reps with at least MinTrials trials
// (10 by default, a library default; every rep with trials when fewer than
// two have that many). team[i] holds
// rep i's rates keyed by competency ID, as [Model.Rates] returns them.
//
// The target is set on the shrunk scale because that is the scale grades
// are judged on ([Score]): a target at the 75th percentile of raw rates,
// read against shrunk rates pulled toward the team, can leave a team with
// no A player at all. Reps with little evidence do not set the bar: their
// shrunk rates sit near the team's mean and would pull the quantile
// toward it. A target below [MinTarget] (shrunk rates within a billionth
// of zero) is raised to MinTarget.
//
// A competency is [Unmeasured], not an error, when no rep's map has it,
// when no rep has a trial on it, or when the team has trials but no hit
// and the options give no outside target for it (a prior keeps even such
// a team off zero, but a standard nobody has met is not a standard).
// With no reps at all, every competency is unmeasured.
//
// TeamStandards returns [Model.Validate]'s error for an invalid model;
// otherwise errors are [*InputError] values wrapping
// [ErrUnknownCompetency] for a key of team[i] or of the options' Outside
// that m does not have, [ErrInvalidRate] for an invalid rate,
// [ErrOverflow] for counts that do not add up within an int64,
// [ErrNotFinite], [ErrOutOfRange] or [ErrNegative] for a bad option or
// outside target, and [ErrEmpty] for outside targets with no
// OutsideSource. It modifies neither m nor team.
func TeamStandards(m Model, team []map[string]benchmark.Rate, o *StandardOptions) (Standards, error) {
	const fn = "TeamStandards"
	if err := m.Validate(); err != nil {
		return Standards{}, err
	}
	opt, err := o.resolve(fn, m)
	if err != nil {
		return Standards{}, err
	}
	// Each rep's rates are kept by competency, looked up in the rep's
	// map by the model's IDs: a team may have thousands of reps, and a
	// few lookups in a small map cost less than ranging over it. A map
	// holding more keys than were found has one the model does not know.
	// A rep's rates are named, as team[i]["close"], only when refused.
	n := len(team)
	all := make([]benchmark.Rate, len(m.Competencies)*n) // competency c's rates are all[c*n:][:n]; zero where a rep has none
	present := make([]bool, len(m.Competencies))         // whether any rep's map has competency c
	for i, rates := range team {
		found := 0
		for c, comp := range m.Competencies { // Validate has refused a repeated ID
			if r, ok := rates[comp.ID]; ok {
				all[c*n+i], present[c] = r, true
				found++
			}
		}
		if found != len(rates) {
			return Standards{}, under("team["+strconv.Itoa(i)+"]", checkKeys(fn, "", m, rates))
		}
		for c, comp := range m.Competencies {
			if err := checkRate(fn, "", all[c*n+i]); err != nil {
				return Standards{}, under("team["+strconv.Itoa(i)+"]["+strconv.Quote(comp.ID)+"]", err)
			}
		}
	}
	s := Standards{Measured: []Standard{}, Unmeasured: []Unmeasured{}}
	for ci, c := range m.Competencies {
		rs := all[ci*n : (ci+1)*n]
		if !present[ci] {
			s.Unmeasured = append(s.Unmeasured, Unmeasured{c.ID, reasonNoData})
			continue
		}
		pooled, err := benchmark.Sum(rs...)
		if err != nil {
			return Standards{}, inputErr(fn, "team[*]["+strconv.Quote(c.ID)+"]", ErrOverflow)
		}
		outside, isOutside := opt.Outside[c.ID]
		switch {
		case pooled.Trials == 0:
			s.Unmeasured = append(s.Unmeasured, Unmeasured{c.ID, reasonNoEvidence})
			continue
		case pooled.Hits == 0 && !isOutside:
			s.Unmeasured = append(s.Unmeasured, Unmeasured{c.ID, reasonNoHits})
			continue
		case pooled.Hits == pooled.Trials && !isOutside:
			s.Unmeasured = append(s.Unmeasured, Unmeasured{c.ID, reasonNoMisses})
			continue
		}
		prior, err := benchmark.FitPrior(rs)
		if err != nil { // unreachable: the rates are valid, add up, and have trials
			return Standards{}, inputErr(fn, "team[*]["+strconv.Quote(c.ID)+"]", joinBenchmark(ErrInvalidRate, err))
		}
		st := Standard{Competency: c.ID, Prior: prior, Team: pooled}
		if isOutside {
			st.Target, st.Source = outside, opt.OutsideSource
		} else {
			shrunk, fallback := counted(rs, prior, opt.MinTrials)
			b, err := benchmark.FromTeam(benchmark.Metric{Name: c.Name, Unit: "%"}, shrunk, opt.Quantile)
			if err != nil { // unreachable: shrunk rates are finite and there is at least one
				return Standards{}, inputErr(fn, "team[*]["+strconv.Quote(c.ID)+"]", joinBenchmark(ErrOutOfRange, err))
			}
			st.Target = min(max(b.Target, MinTarget), 1)
			st.Reps = len(shrunk)
			st.Source = source(opt.Quantile, len(shrunk), opt.MinTrials, fallback)
		}
		s.Measured = append(s.Measured, st)
		s.Model.Competencies = append(s.Model.Competencies, c)
	}
	return s, nil
}

// counted returns the shrunk rates of the reps with at least minTrials
// trials, or, when fewer than two have that many, of every rep with
// trials, and reports which.
func counted(rs []benchmark.Rate, p benchmark.Prior, minTrials int64) (shrunk []float64, fallback bool) {
	// The reps are counted first, so that the rates are shrunk once, into
	// a list of the right size: a team may have thousands of reps.
	enough, some := 0, 0
	for _, r := range rs {
		if r.Trials >= minTrials {
			enough++
		}
		if r.Trials > 0 {
			some++
		}
	}
	fallback = enough < 2
	n := enough
	if fallback {
		n = some
	}
	shrunk = make([]float64, 0, n)
	for _, r := range rs {
		if r.Trials > 0 && (fallback || r.Trials >= minTrials) {
			shrunk = append(shrunk, p.Shrink(r))
		}
	}
	return shrunk, fallback
}

// source says where a team target comes from: "75th percentile of the
// shrunk rates of 8 reps with at least 10 trials".
func source(q float64, n int, minTrials int64, fallback bool) string {
	reps := "reps"
	if n == 1 {
		reps = "rep"
	}
	var at string
	if pct := 100 * q; math.Abs(pct-math.Round(pct)) < 1e-9 {
		at = ordinal(int(math.Round(pct))) + " percentile"
	} else {
		at = strconv.FormatFloat(q, 'g', -1, 64) + "-quantile"
	}
	if fallback {
		return fmt.Sprintf("%s of the shrunk rates of %d %s with trials (fewer than two had at least %d)", at, n, reps, minTrials)
	}
	return fmt.Sprintf("%s of the shrunk rates of %d %s with at least %d trials", at, n, reps, minTrials)
}

// ordinal writes 1 as "1st", 12 as "12th", 23 as "23rd".
func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// resolve validates o against m and fills in the defaults.
func (o *StandardOptions) resolve(fn string, m Model) (StandardOptions, error) {
	r := StandardOptions{Quantile: DefaultQuantile, MinTrials: DefaultMinTrials}
	if o == nil {
		return r, nil
	}
	switch q := o.Quantile; {
	case math.IsNaN(q) || math.IsInf(q, 0):
		return r, inputErr(fn, fmt.Sprintf("options.Quantile = %v", q), ErrNotFinite)
	case q < 0 || q > 1:
		return r, inputErr(fn, fmt.Sprintf("options.Quantile = %v", q), fmt.Errorf("%w: a quantile must be in (0, 1]", ErrOutOfRange))
	case q > 0:
		r.Quantile = q
	}
	switch {
	case o.MinTrials < 0:
		return r, inputErr(fn, fmt.Sprintf("options.MinTrials = %d", o.MinTrials), ErrNegative)
	case o.MinTrials > 0:
		r.MinTrials = o.MinTrials
	}
	if len(o.Outside) == 0 {
		return r, nil
	}
	if err := checkKeys(fn, "options.Outside", m, o.Outside); err != nil {
		return r, err
	}
	for _, id := range slices.Sorted(maps.Keys(o.Outside)) {
		if err := checkTarget(fn, "options.Outside["+strconv.Quote(id)+"]", o.Outside[id]); err != nil {
			return r, err
		}
	}
	if blank(o.OutsideSource) {
		return r, inputErr(fn, "options.OutsideSource", fmt.Errorf("%w: say where the outside targets come from", ErrEmpty))
	}
	r.Outside, r.OutsideSource = o.Outside, o.OutsideSource
	return r, nil
}

// Scorecard grades rep on the competencies s measures, in funnel order:
// rates holds the rep's conversion per competency ID, each shrunk with the
// competency's prior and graded against its target as [NewScore] does. A
// measured competency the rep has no trials on (or that rates leaves out)
// is Ungraded; an unmeasured one gets no score at all, and a key for it
// in rates is allowed. When s measures nothing the scorecard has no
// scores.
//
// Scorecard returns an [*InputError] wrapping [ErrUnknownCompetency] for a
// key of rates that s has neither as measured nor as unmeasured,
// [ErrInvalidRate] for an invalid rate, [ErrEmpty] or [ErrDuplicate] for
// standards with a blank or repeated competency, the errors of
// [NewScore] for a standard's bad target or prior, and [ErrOutOfRange] or
// [ErrNotFinite] for bad options. It does not modify rates.
func (s Standards) Scorecard(rep string, rates map[string]benchmark.Rate, o *Options) (Scorecard, error) {
	const fn = "Standards.Scorecard"
	opt, err := o.resolve(fn)
	if err != nil {
		return Scorecard{}, err
	}
	known, ids, err := s.check(fn)
	if err != nil {
		return Scorecard{}, err
	}
	return s.scorecard(fn, rep, rates, known, ids, opt, nil, make([]Score, 0, len(s.Measured)))
}

// Scorecards grades many reps at once: cards[i] is what
// [Standards.Scorecard](reps[i], rates[i], o) returns. It is the faster
// way to grade a team: the standards are checked once, and the score of a
// count shared by several reps (2 of 5 on close, say, common when reps
// have a handful of deals) is computed once, since its posterior interval
// is the costly part. reps and rates must have the same length; the error
// is Scorecard's, for the first rep that has one, naming the rep's index.
func (s Standards) Scorecards(reps []string, rates []map[string]benchmark.Rate, o *Options) ([]Scorecard, error) {
	const fn = "Standards.Scorecards"
	opt, err := o.resolve(fn)
	if err != nil {
		return nil, err
	}
	if len(reps) != len(rates) {
		return nil, inputErr(fn, fmt.Sprintf("%d reps, %d rates", len(reps), len(rates)), ErrOutOfRange)
	}
	known, ids, err := s.check(fn)
	if err != nil {
		return nil, err
	}
	memo := make(map[scoreKey]Score)
	cards := make([]Scorecard, len(reps))
	// The cards' scores share one array, each card its own part of it:
	// one allocation for the team rather than one per rep.
	k := len(s.Measured)
	scores := make([]Score, len(reps)*k)
	for i := range reps {
		dst := scores[i*k : i*k : (i+1)*k]
		if cards[i], err = s.scorecard(fn, reps[i], rates[i], known, ids, opt, memo, dst); err != nil {
			return nil, under("reps["+strconv.Itoa(i)+"]: ", err)
		}
	}
	return cards, nil
}

// scoreKey identifies a score among a team's: the competency's index in
// the measured standards and the rate.
type scoreKey struct {
	i int
	r benchmark.Rate
}

// check validates the standards and returns the competency IDs they name,
// as a set and as a list.
func (s Standards) check(fn string) (known map[string]bool, ids []string, err error) {
	known = make(map[string]bool, len(s.Measured)+len(s.Unmeasured))
	ids = make([]string, 0, len(s.Measured)+len(s.Unmeasured))
	check := func(arg, id string) error {
		switch {
		case blank(id):
			return inputErr(fn, arg+".competency", ErrEmpty)
		case known[id]:
			return inputErr(fn, arg+".competency = "+strconv.Quote(id), ErrDuplicate)
		}
		known[id] = true
		ids = append(ids, id)
		return nil
	}
	for i, st := range s.Measured {
		arg := "standards.measured[" + strconv.Itoa(i) + "]"
		if err := check(arg, st.Competency); err != nil {
			return nil, nil, err
		}
		if err := checkTarget(fn, arg+".target", st.Target); err != nil {
			return nil, nil, err
		}
		if st.Prior != (benchmark.Prior{}) {
			if err := st.Prior.Validate(); err != nil {
				return nil, nil, inputErr(fn, arg+".prior = "+st.Prior.String(), joinBenchmark(ErrInvalidPrior, err))
			}
		}
	}
	for i, u := range s.Unmeasured {
		if err := check("standards.unmeasured["+strconv.Itoa(i)+"]", u.Competency); err != nil {
			return nil, nil, err
		}
	}
	return known, ids, nil
}

// scorecard grades one rep against checked standards, whose IDs check
// returned as known and ids, appending the scores to dst (empty, with
// room for them), and reusing and filling memo when it is not nil.
func (s Standards) scorecard(fn, rep string, rates map[string]benchmark.Rate, known map[string]bool, ids []string, opt Options, memo map[scoreKey]Score, dst []Score) (Scorecard, error) {
	// The rates are read by the known IDs, a few lookups in a small map
	// rather than ranging over it: a team's plan grades every rep. Only
	// when some rate is invalid, or the map holds a key not found that
	// way, is it ranged over to name the refused ID: the first in sorted
	// order, whatever the map's order.
	found := 0
	for _, id := range ids {
		if r, ok := rates[id]; ok {
			if r.Validate() != nil {
				found = -1
				break
			}
			found++
		}
	}
	var refused []string
	if found != len(rates) {
		for id, r := range rates {
			if !known[id] || r.Validate() != nil {
				refused = append(refused, id)
			}
		}
	}
	if len(refused) > 0 {
		id := slices.Min(refused)
		if !known[id] {
			return Scorecard{}, inputErr(fn, "rates["+strconv.Quote(id)+"]", ErrUnknownCompetency)
		}
		return Scorecard{}, checkRate(fn, "rates["+strconv.Quote(id)+"]", rates[id])
	}
	sc := Scorecard{Rep: rep, Scores: dst}
	for i, st := range s.Measured {
		r := rates[st.Competency]
		if score, ok := memo[scoreKey{i, r}]; ok {
			sc.Scores = append(sc.Scores, score)
			continue
		}
		score, err := newScore(fn, st.Competency, r, benchmark.Benchmark{Target: st.Target}, st.Prior, opt)
		if err != nil {
			return Scorecard{}, err // unreachable: every input was checked above
		}
		if memo != nil {
			memo[scoreKey{i, r}] = score
		}
		sc.Scores = append(sc.Scores, score)
	}
	return sc, nil
}
