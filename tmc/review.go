package tmc

import (
	"cmp"
	"math"
	"strconv"
	"time"

	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/competency"
)

// ReviewRules are the thresholds of a fair performance plan ([CheckReview])
// and the two a [Journey] enforces itself (MinPeriodsBelow, MinCycleDays).
// The articles behind the package give no numbers for any of them; each
// default below says where it comes from. A zero field means its default,
// so a team can change one threshold and keep the others; a nil
// *ReviewRules means all the defaults ([DefaultReviewRules]).
type ReviewRules struct {
	// MinPeriodsBelow is how many consecutive performance periods past the
	// ramp the rep must have been below standard. Default 2, a library
	// default: one bad period can be bad luck; two in a row is a pattern.
	MinPeriodsBelow int `json:"min_periods_below"`
	// MinCycleDays is the shortest coaching cycle, in days of 24 hours,
	// whose failure counts. Default 60, a library default: coaching "takes
	// time and cannot be achieved in a quick 30-minute session" ("Three
	// Key Areas That Every Sales Organization Must Get Right"), and sixty
	// days hold two monthly checks of the coaching cadence.
	MinCycleDays int `json:"min_cycle_days"`
	// Cadence is the coaching, in hours, the rep must have had in each
	// calendar month of a failed cycle. Default
	// [competency.CoachingCadence] (3 hours a month, a Sales Executive
	// Council study).
	Cadence float64 `json:"cadence"`
	// MinTrials is how many trials the rate after a cycle must count for
	// "no meaningful improvement" to be evidence. Default 30, a library
	// default (the usual smallest sample for a normal approximation); the
	// interval on the gain usually needs more before it excludes a
	// meaningful gain.
	MinTrials int64 `json:"min_trials"`
	// MeaningfulGain is the rise in the rate, in rate units (0.05 is five
	// percentage points), that counts as a meaningful improvement. Default
	// 0.05, a library default.
	MeaningfulGain float64 `json:"meaningful_gain"`
	// Level is the confidence level of the interval on the gain. Default
	// 0.95, a library default (the conventional 95%).
	Level float64 `json:"level"`
}

// DefaultReviewRules returns the rules used when none are given:
//
//	MinPeriodsBelow  2     library default
//	MinCycleDays     60    library default; coaching "takes time" ("Three Key Areas")
//	Cadence          3     competency.CoachingCadence (Sales Executive Council)
//	MinTrials        30    library default
//	MeaningfulGain   0.05  library default (five percentage points)
//	Level            0.95  library default (the conventional 95%)
func DefaultReviewRules() ReviewRules {
	return ReviewRules{
		MinPeriodsBelow: 2,
		MinCycleDays:    60,
		Cadence:         competency.CoachingCadence,
		MinTrials:       30,
		MeaningfulGain:  0.05,
		Level:           0.95,
	}
}

// maxCadence bounds the coaching cadence: a month has at most 744 hours.
const maxCadence = 31 * 24

// Validate reports whether every field of r is zero (its default) or in
// range: MinPeriodsBelow in [0, 1000000], MinCycleDays in [0, MaxDays],
// MinTrials ≥ 0, Cadence in [0, 744] hours, MeaningfulGain in [0, 1] and
// Level in [0, 1). It returns an [*InputError] wrapping [ErrNegative],
// [ErrOutOfRange] or [ErrNotFinite].
func (r ReviewRules) Validate() error {
	const fn = "ReviewRules.Validate"
	ints := []struct {
		name string
		v    int64
		hi   int64
	}{
		{"min_periods_below", int64(r.MinPeriodsBelow), maxCount},
		{"min_cycle_days", int64(r.MinCycleDays), MaxDays},
		{"min_trials", r.MinTrials, math.MaxInt64},
	}
	for _, f := range ints {
		arg := f.name + " = " + strconv.FormatInt(f.v, 10)
		if f.v < 0 {
			return inputErr(fn, arg, ErrNegative)
		}
		if f.v > f.hi {
			return inputErr(fn, arg, ErrOutOfRange)
		}
	}
	floats := []struct {
		name   string
		v      float64
		hi     float64
		openHi bool
	}{
		{"cadence", r.Cadence, maxCadence, false},
		{"meaningful_gain", r.MeaningfulGain, 1, false},
		{"level", r.Level, 1, true},
	}
	for _, f := range floats {
		arg := f.name + " = " + strconv.FormatFloat(f.v, 'g', -1, 64)
		switch {
		case math.IsNaN(f.v) || math.IsInf(f.v, 0):
			return inputErr(fn, arg, ErrNotFinite)
		case f.v < 0:
			return inputErr(fn, arg, ErrNegative)
		case f.v > f.hi || f.openHi && f.v == f.hi:
			return inputErr(fn, arg, ErrOutOfRange)
		}
	}
	return nil
}

// resolve returns the rules with every zero field set to its default, or
// the error of Validate. A nil r is all defaults.
func (r *ReviewRules) resolve() (ReviewRules, error) {
	d := DefaultReviewRules()
	if r == nil {
		return d, nil
	}
	if err := r.Validate(); err != nil {
		return ReviewRules{}, err
	}
	out := *r
	out.MinPeriodsBelow = cmp.Or(out.MinPeriodsBelow, d.MinPeriodsBelow)
	out.MinCycleDays = cmp.Or(out.MinCycleDays, d.MinCycleDays)
	out.Cadence = cmp.Or(out.Cadence, d.Cadence)
	out.MinTrials = cmp.Or(out.MinTrials, d.MinTrials)
	out.MeaningfulGain = cmp.Or(out.MeaningfulGain, d.MeaningfulGain)
	out.Level = cmp.Or(out.Level, d.Level)
	return out, nil
}

// A Cycle is one coaching cycle of a rep, from Start to End, with the
// rep's conversion on the competency being coached before the cycle
// (Before) and during or after it (After): the evidence of whether the
// coaching worked.
type Cycle struct {
	// Start is when the cycle began.
	Start time.Time `json:"start"`
	// End is when the cycle ended.
	End time.Time `json:"end"`
	// Before is the rep's conversion on the coached competency before the
	// cycle.
	Before benchmark.Rate `json:"before"`
	// After is the rep's conversion on it during or after the cycle.
	After benchmark.Rate `json:"after"`
}

// A ReviewCase is what [CheckReview] judges: the rep's [Journey], the
// coaching cycles with their evidence, the rep's 1:1 sessions (one rep's
// only), the diagnosed cause, and when the plan would start.
type ReviewCase struct {
	// Journey is the rep's journey.
	Journey Journey `json:"journey"`
	// Cycles are the rep's coaching cycles with their evidence.
	Cycles []Cycle `json:"cycles"`
	// Sessions are the rep's 1:1 sessions, one rep's only.
	Sessions []Session `json:"sessions"`
	// Cause is the diagnosed barrier behind the plan.
	Cause Barrier `json:"cause"`
	// At is when the performance plan would start.
	At time.Time `json:"at"`
}

// Fairness is [CheckReview]'s verdict: whether a performance plan would be
// fair, and, when it would not, each condition that does not hold, in
// words, starting with the rule's name ("rule past ramp: …").
type Fairness struct {
	// Fair reports whether a performance plan would be fair.
	Fair bool `json:"fair"`
	// Unmet are the conditions that do not hold, each in words starting
	// with the rule's name; empty when Fair.
	Unmet []string `json:"unmet"`
}

// CheckReview reports whether putting the rep of c on a performance plan
// at c.At would be fair, with rules r (nil means [DefaultReviewRules]).
// "If the salesperson does not perform after having received the benefit
// of solid coaching and training, that is another discussion" ("Sales
// Management vs Sales Mentorship"): the plan is fair only when the
// training, the coaching and the evidence were solid. All of these must
// hold; each one that does not is listed in Fairness.Unmet, named by its
// rule:
//
//   - rule stage: the journey is in Coaching (a plan starts from there),
//     and c.At is not before its last event (rule forward time);
//   - rule past ramp: c.At is not before [Journey.RampEnds];
//   - rule full stages: the rep's Training and Mentoring stages lasted
//     their planned lengths ([Journey.FullStages]);
//   - rule below standard: at least r.MinPeriodsBelow consecutive periods
//     below standard past the ramp (and the journey's own minimum);
//   - rule coaching first: the journey records a failed coaching cycle,
//     and at least one of c.Cycles, begun in the current coaching stage
//     (after any re-training or passed plan), lasted r.MinCycleDays, had
//     coaching at r.Cadence in each calendar month it covers, and ended
//     with evidence of no meaningful improvement;
//   - rule skill or will: c.Cause is DontKnow or IncorrectThinking, not a
//     management barrier (incentives and environment are management's to
//     fix) and not unknown;
//   - rule re-train first: a DontKnow cause only after a re-training
//     ([Journey.Retrained]).
//
// The coaching in a month is the minutes of the sessions in the cycle that
// [Classify] calls Coaching, given by anyone but a peer [Mentor] ("The
// role of a Mentor is not to train or coach a sales rep", "Three Key Areas
// That Every Sales Organization Must Get Right"). Months are calendar months
// in the location of the cycle's Start; a month the cycle covers only in
// part needs the cadence in proportion (half a month, half the hours).
//
// Evidence of no meaningful improvement: After counts at least
// r.MinTrials trials, Before some, and the upper bound of the r.Level
// confidence interval on the gain After − Before ([competency.Improvement]
// measures the change) is below r.MeaningfulGain. The interval is
// Newcombe's hybrid score interval built from the two Wilson intervals
// ([benchmark.Rate.Interval]). Too little evidence leaves the interval
// wide, so it never makes a plan easier: a short record cannot show that
// coaching failed.
//
// When CheckReview reports a case fair, c.Journey.Apply accepts a
// ReviewStarted at c.At with c.Cause.
//
// CheckReview returns an error only for bad input, an [*InputError]: the
// error of [ReviewRules.Validate]; [ErrEmpty] for a zero c.At or a cycle
// with a zero time; [ErrInvalidEnum] for an unknown cause; [ErrTimeOrder]
// for a cycle that ends before it starts or after c.At; [ErrOutOfRange]
// for a cycle longer than [MaxDays] or a rate with more hits than trials;
// [ErrNegative] for negative counts; [ErrMixedReps] for sessions of more
// than one rep; the error of [Session.Validate] for a bad session. It does
// not modify c.
func CheckReview(c ReviewCase, r *ReviewRules) (Fairness, error) {
	const fn = "CheckReview"
	rr, err := r.resolve()
	if err != nil {
		return Fairness{}, err
	}
	if c.At.IsZero() {
		return Fairness{}, inputErr(fn, "at: zero time", ErrEmpty)
	}
	if !c.Cause.valid() {
		return Fairness{}, inputErr(fn, "cause "+c.Cause.String(), ErrInvalidEnum)
	}
	for i, cy := range c.Cycles {
		if err := checkCycle(fn, "cycles["+strconv.Itoa(i)+"]", cy, c.At); err != nil {
			return Fairness{}, err
		}
	}
	rep := ""
	for i, s := range c.Sessions {
		if err := s.Validate(); err != nil {
			return Fairness{}, rewrap(fn, "sessions["+strconv.Itoa(i)+"]: ", err)
		}
		if rep == "" {
			rep = s.Rep
		} else if s.Rep != rep {
			return Fairness{}, inputErr(fn, "sessions["+strconv.Itoa(i)+"].rep = "+quote(s.Rep)+", want "+quote(rep), ErrMixedReps)
		}
	}

	j := c.Journey
	var unmet []string
	fail := func(rule error, detail string) {
		unmet = append(unmet, rule.Error()+" ("+detail+")")
	}
	switch {
	case j.stage == Unstarted:
		fail(ErrNotStarted, "a zero journey")
	case j.stage != InCoaching:
		fail(ErrWrongStage, "a performance plan starts from coaching; the rep is in "+j.stage.String())
	}
	if j.stage != Unstarted && c.At.Before(j.updated) {
		fail(ErrTimeBackwards, "at "+c.At.Format(time.RFC3339)+" is before the journey's last event at "+j.updated.Format(time.RFC3339))
	}
	if j.stage != Unstarted && c.At.Before(j.rampEnds) {
		fail(ErrInsideRamp, "ramp ends "+j.rampEnds.Format(time.RFC3339))
	}
	if j.stage != Unstarted && (!j.fullTraining || !j.fullMentoring) {
		fail(ErrStagesCut, j.cutDetail())
	}
	if need := max(rr.MinPeriodsBelow, j.minBelow); j.below < need {
		fail(ErrNotBelowStandard, plural(j.below, "period")+" below standard past the ramp, need "+strconv.Itoa(need))
	}
	if why := coachingFailed(c, rr); why != "" {
		fail(ErrNoFailedCycle, why)
	}
	if !c.Cause.skillOrWill() {
		fail(ErrNotSkillOrWill, "cause "+c.Cause.String())
	} else if c.Cause == DontKnow && !j.retrained {
		fail(ErrNotRetrained, "no knowledge gap found and training completed since the start or the last plan")
	}
	if len(unmet) == 0 {
		return Fairness{Fair: true, Unmet: []string{}}, nil
	}
	return Fairness{Unmet: unmet}, nil
}

// checkCycle refuses a malformed cycle.
func checkCycle(fn, arg string, cy Cycle, at time.Time) error {
	switch {
	case cy.Start.IsZero():
		return inputErr(fn, arg+".start: zero time", ErrEmpty)
	case cy.End.IsZero():
		return inputErr(fn, arg+".end: zero time", ErrEmpty)
	case cy.End.Before(cy.Start):
		return inputErr(fn, arg+".end "+cy.End.Format(time.RFC3339)+" before start "+cy.Start.Format(time.RFC3339), ErrTimeOrder)
	case cy.End.After(at):
		return inputErr(fn, arg+".end "+cy.End.Format(time.RFC3339)+" after at "+at.Format(time.RFC3339), ErrTimeOrder)
	case cy.End.Sub(cy.Start) > MaxDays*oneDay:
		return inputErr(fn, arg+": longer than MaxDays", ErrOutOfRange)
	}
	for _, side := range []struct {
		name string
		r    benchmark.Rate
	}{{"before", cy.Before}, {"after", cy.After}} {
		a := arg + "." + side.name + " = " + strconv.FormatInt(side.r.Hits, 10) + "/" + strconv.FormatInt(side.r.Trials, 10)
		switch {
		case side.r.Hits < 0 || side.r.Trials < 0:
			return inputErr(fn, a, ErrNegative)
		case side.r.Hits > side.r.Trials:
			return inputErr(fn, a, ErrOutOfRange)
		}
	}
	return nil
}

// coachingFailed returns "" when the case holds a failed coaching cycle
// that counts, or why not.
func coachingFailed(c ReviewCase, r ReviewRules) string {
	j := c.Journey
	if j.failed < 1 {
		days := j.minCycleDays
		if days == 0 { // the zero Journey
			days = r.MinCycleDays
		}
		return "the journey records no coaching cycle of at least " + plural(days, "day") + " ended without improvement"
	}
	if len(c.Cycles) == 0 {
		return "no coaching cycle given"
	}
	var why string
	for i, cy := range c.Cycles {
		reason := cycleFailed(cy, j, c.Sessions, r)
		if reason == "" {
			return ""
		}
		if why != "" {
			why += "; "
		}
		why += "cycles[" + strconv.Itoa(i) + "]: " + reason
	}
	return why
}

// cycleFailed returns "" when cy is a solid coaching cycle that ended with
// evidence of no meaningful improvement, or why it is not.
func cycleFailed(cy Cycle, j Journey, sessions []Session, r ReviewRules) string {
	if j.stage == InCoaching && cy.Start.Before(j.since) {
		return "began before the current coaching stage (since " + j.since.Format(time.RFC3339) + "): a fresh cycle is owed after re-training or a passed plan"
	}
	if !lasted(cy.Start, cy.End, r.MinCycleDays) {
		days := int(cy.End.Sub(cy.Start) / oneDay)
		return "lasted " + plural(days, "full day") + ", need " + strconv.Itoa(r.MinCycleDays) + ": coaching takes time"
	}
	if why := cadenceShort(cy, sessions, r.Cadence); why != "" {
		return why
	}
	return noImprovement(cy, r)
}

// cadenceShort returns "" when every calendar month cy covers had coaching
// at cadence hours a month (in proportion for a month covered in part),
// or the first month that did not.
func cadenceShort(cy Cycle, sessions []Session, cadence float64) string {
	loc := cy.Start.Location()
	for ms := time.Date(cy.Start.Year(), cy.Start.Month(), 1, 0, 0, 0, 0, loc); ms.Before(cy.End); ms = ms.AddDate(0, 1, 0) {
		me := ms.AddDate(0, 1, 0)
		lo, hi := later(cy.Start, ms), earlier(cy.End, me)
		minutes := 0
		for _, s := range sessions {
			if s.Role == Mentor || s.At.Before(lo) || !s.At.Before(hi) {
				continue
			}
			if kind, _ := Classify(s.Topics); kind == Coaching { // valid: checked by CheckReview
				minutes += s.Minutes
			}
		}
		share := float64(hi.Sub(lo)) / float64(me.Sub(ms))
		need := cadence * 60 * share
		if float64(minutes) < need {
			return "coaching in " + ms.Format("2006-01") + " " + hours(float64(minutes)/60) + " h, need " + hours(need/60) +
				" h (" + hours(cadence) + " h a month" + partly(share) + ")"
		}
	}
	return ""
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func hours(h float64) string { return strconv.FormatFloat(h, 'f', 1, 64) }

func partly(share float64) string {
	if share >= 1 {
		return ""
	}
	return ", for " + strconv.FormatFloat(100*share, 'f', 0, 64) + "% of the month"
}

// noImprovement returns "" when cy's evidence shows no meaningful
// improvement, or why it does not.
func noImprovement(cy Cycle, r ReviewRules) string {
	if cy.Before.Trials == 0 {
		return "no rate before the cycle to measure a gain from"
	}
	if cy.After.Trials < r.MinTrials {
		return "after = " + cy.After.String() + ", need at least " + strconv.FormatInt(r.MinTrials, 10) + " trials"
	}
	ch, err := competency.Improvement(cy.Before, cy.After)
	if err != nil {
		return err.Error() // not reached: the rates were checked
	}
	_, hi := gainInterval(cy.Before, cy.After, r.Level)
	if hi >= r.MeaningfulGain {
		return "gain " + points(ch.Delta) + ", but the " + strconv.FormatFloat(100*r.Level, 'g', 10, 64) +
			"% interval reaches " + points(hi) + ", not below the meaningful " + points(r.MeaningfulGain) + ": no evidence that coaching failed"
	}
	return ""
}

func points(x float64) string { return strconv.FormatFloat(100*x, 'f', 1, 64) + " points" }

// gainInterval returns the level confidence interval on the difference
// after − before of two independent proportions, by Newcombe's hybrid
// score method (his method 10): with p₁, p₂ the before and after rates and
// (l₁, u₁), (l₂, u₂) their Wilson intervals,
//
//	lo = (p₂ − p₁) − √((p₂ − l₂)² + (u₁ − p₁)²)
//	hi = (p₂ − p₁) + √((u₂ − p₂)² + (p₁ − l₁)²)
//
// It keeps the Wilson interval's good coverage on small samples, never
// leaves [−1, 1], and is wide when either side has few trials. Both rates
// must have trials.
//
// Reference: R. G. Newcombe, "Interval estimation for the difference
// between independent proportions: comparison of eleven methods",
// Statistics in Medicine 17 (1998) 873–890, method 10; checked against
// the examples of its Table II.
func gainInterval(before, after benchmark.Rate, level float64) (lo, hi float64) {
	p1, p2 := before.Value(), after.Value()
	l1, u1 := before.Interval(level)
	l2, u2 := after.Interval(level)
	d := p2 - p1
	lo = d - math.Hypot(p2-l2, u1-p1)
	hi = d + math.Hypot(u2-p2, p1-l1)
	return max(lo, -1), min(hi, 1)
}
