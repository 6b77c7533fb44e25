package tmc

import (
	"strconv"
	"time"
)

// Complexity is how complex what a team sells is, which sets the timing of
// the Training → Mentoring → Coaching transitions: a transactional product
// is learnt in weeks and sold in days, a complex one takes months to learn
// and a year to sell.
//
// The zero value, UnknownComplexity, means not set; [Plan] refuses it.
type Complexity int

const (
	// UnknownComplexity means the complexity has not been set.
	UnknownComplexity Complexity = iota
	// Transactional is a simple product with a short cycle, sold by phone
	// or inside sales in one or a few conversations (the SDR-like ramp of
	// about three months, the average SDR ramp in The Bridge Group's Sales
	// Development Metrics and Compensation reports).
	Transactional
	// Moderate is a considered purchase with a few decision makers and a
	// cycle of weeks to a few months (the mid-market AE ramp of about five
	// months, the average AE ramp in The Bridge Group's SaaS AE Metrics and
	// Compensation reports).
	Moderate
	// Complex is an enterprise sale: many decision makers, proposals and
	// site visits, a cycle of many months (a shortest ramp of nine months,
	// a library default).
	Complex
)

var complexityNames = []string{"unknown", "transactional", "moderate", "complex"}

// String returns "transactional", "moderate", "complex" or, for
// UnknownComplexity, "unknown". An unknown value prints as a diagnostic such
// as "%!Complexity(9)".
func (c Complexity) String() string { return enumString("Complexity", complexityNames, int(c)) }

// valid reports whether c is one of the declared values,
// UnknownComplexity included.
func (c Complexity) valid() bool { return c >= UnknownComplexity && c <= Complex }

// MarshalText implements [encoding.TextMarshaler]. It returns an error for
// an unknown value rather than writing text that cannot be read back.
func (c Complexity) MarshalText() ([]byte, error) {
	return enumMarshal("Complexity", complexityNames, int(c))
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts the
// output of [Complexity.String] in any case; other text is an
// [*InputError] wrapping [ErrInvalidEnum], and c is left unchanged.
func (c *Complexity) UnmarshalText(text []byte) error {
	i, err := enumParse("Complexity", complexityNames, text)
	if err != nil {
		return err
	}
	*c = Complexity(i)
	return nil
}

// MaxDays bounds every duration in days this package accepts: ten years. A
// longer ramp, cycle or stage is a data error, not a plan.
const MaxDays = 3653

// A RampRule is how [Plan] times the T.M.C. stages for one complexity:
// how long the Training stage lasts, the shortest Mentoring stage, and the
// shortest ramp to full productivity. All are calendar days, each in [0,
// MaxDays].
type RampRule struct {
	// TrainingDays is how long the Training stage lasts.
	TrainingDays int `json:"training_days"`
	// MinMentoringDays is the shortest Mentoring stage.
	MinMentoringDays int `json:"min_mentoring_days"`
	// MinRampDays is the shortest ramp to full productivity.
	MinRampDays int `json:"min_ramp_days"`
}

func (r RampRule) validate(fn, name string) error {
	for _, f := range []struct {
		name string
		v    int
	}{{"training_days", r.TrainingDays}, {"min_mentoring_days", r.MinMentoringDays}, {"min_ramp_days", r.MinRampDays}} {
		if err := checkDays(fn, name+"."+f.name, f.v); err != nil {
			return err
		}
	}
	return nil
}

// checkDays refuses a count of days outside [0, MaxDays], naming it as
// `name = days`. The name is formatted only on the error path: a ramp is
// validated for every rep [Infer] reads.
func checkDays(fn, name string, days int) error {
	switch {
	case days < 0:
		return inputErr(fn, name+" = "+strconv.Itoa(days), ErrNegative)
	case days > MaxDays:
		return inputErr(fn, name+" = "+strconv.Itoa(days), ErrOutOfRange)
	}
	return nil
}

// RampRules hold a [RampRule] for each complexity: the overrides [Plan]
// takes. A zero RampRule for a complexity means that complexity's default,
// so a team can override one complexity and keep the others:
//
//	rules := tmc.RampRules{Complex: tmc.RampRule{TrainingDays: 120, MinMentoringDays: 120, MinRampDays: 365}}
type RampRules struct {
	// Transactional, Moderate and Complex are the rules for that
	// complexity; a zero rule means the complexity's default.
	Transactional RampRule `json:"transactional"`
	Moderate      RampRule `json:"moderate"`
	Complex       RampRule `json:"complex"`
}

// DefaultRampRules returns the rules [Plan] uses when given none. A month
// is counted as 30 days.
//
// The shortest ramps for a transactional (SDR-like) role, about three
// months, and for a moderate (mid-market AE) one, about five, are the
// average SDR and AE ramps in The Bridge Group's Sales Development and SaaS
// AE Metrics and Compensation reports. The rest are library defaults: nine
// months for a complex (enterprise) one; past the minimum, a ramp of the
// training plus one sales cycle, so a complex sale with a fifteen-month
// cycle ramps in eighteen months; Mentoring lasting one sales cycle; and
// the split of the first weeks into Training, a month for a transactional
// product, six weeks for a moderate one and a quarter for a complex one,
// with a shortest Mentoring stage of a month, two months and a quarter.
//
//	complexity     training  min mentoring  min ramp
//	transactional  30        30             90
//	moderate       45        60             150
//	complex        90        90             270
func DefaultRampRules() RampRules {
	return RampRules{
		Transactional: RampRule{TrainingDays: 30, MinMentoringDays: 30, MinRampDays: 90},
		Moderate:      RampRule{TrainingDays: 45, MinMentoringDays: 60, MinRampDays: 150},
		Complex:       RampRule{TrainingDays: 90, MinMentoringDays: 90, MinRampDays: 270},
	}
}

// rule returns the rule for c, falling back to the default for a zero rule.
func (rs RampRules) rule(c Complexity) RampRule {
	var r RampRule
	switch c {
	case Transactional:
		r = rs.Transactional
	case Moderate:
		r = rs.Moderate
	case Complex:
		r = rs.Complex
	}
	if r == (RampRule{}) {
		return DefaultRampRules().rule(c)
	}
	return r
}

// A Ramp is a new rep's T.M.C. timeline, in calendar days from the start
// date: Training for TrainingDays, then Mentoring for MentoringDays, then
// Coaching; full productivity is expected RampDays after the start, which
// is never before Mentoring ends. Between the end of Mentoring and full
// productivity the rep is coached while still ramping.
//
// A Ramp comes from [Plan], or is written by hand and checked with
// [Ramp.Validate]. The zero Ramp is valid: no ramp at all, so the plan
// expects coaching from day one and a performance plan is possible as soon
// as its other conditions hold.
type Ramp struct {
	// Complexity is the complexity of what the rep sells, whose rule
	// [Plan] timed the stages with; UnknownComplexity when not set, as in
	// the zero Ramp.
	Complexity Complexity `json:"complexity"`
	// SalesCycleDays is the team's typical days from first conversation
	// to close the ramp was planned with; 0 when not known.
	SalesCycleDays int `json:"sales_cycle_days"`
	// TrainingDays is how long the Training stage lasts, from the start.
	TrainingDays int `json:"training_days"`
	// MentoringDays is how long the Mentoring stage lasts, after Training.
	MentoringDays int `json:"mentoring_days"`
	// RampDays is the days from the start to full productivity, never
	// before Mentoring ends.
	RampDays int `json:"ramp_days"`
}

// Plan returns the ramp for a rep selling at complexity c with a sales
// cycle of salesCycleDays (the team's typical days from first conversation
// to close; pass 0 when it is not known). With rule r for c, from rules or,
// when rules is nil or r is zero, from [DefaultRampRules]:
//
//	Training  = r.TrainingDays
//	Mentoring = max(salesCycleDays, r.MinMentoringDays)   one cycle beside a peer
//	Ramp      = max(Training + Mentoring, r.MinRampDays)  training plus one cycle, at least the rule's shortest ramp
//
// Plan returns an [*InputError] wrapping [ErrInvalidEnum] for an unknown
// (or UnknownComplexity) c, [ErrNegative] for a negative cycle or rule
// field, and [ErrOutOfRange] for a cycle, rule field or resulting ramp
// above [MaxDays].
func Plan(c Complexity, salesCycleDays int, rules *RampRules) (Ramp, error) {
	if c == UnknownComplexity || !c.valid() {
		return Ramp{}, inputErr("Plan", "complexity "+c.String(), ErrInvalidEnum)
	}
	arg := "salesCycleDays = " + strconv.Itoa(salesCycleDays)
	if salesCycleDays < 0 {
		return Ramp{}, inputErr("Plan", arg, ErrNegative)
	}
	if salesCycleDays > MaxDays {
		return Ramp{}, inputErr("Plan", arg, ErrOutOfRange)
	}
	rs := DefaultRampRules()
	if rules != nil {
		rs = *rules
	}
	r := rs.rule(c)
	if err := r.validate("Plan", "rules."+c.String()); err != nil {
		return Ramp{}, err
	}
	mentoring := max(salesCycleDays, r.MinMentoringDays)
	ramp := max(r.TrainingDays+mentoring, r.MinRampDays)
	if ramp > MaxDays {
		return Ramp{}, inputErr("Plan", "ramp of "+strconv.Itoa(ramp)+" days", ErrOutOfRange)
	}
	return Ramp{
		Complexity:     c,
		SalesCycleDays: salesCycleDays,
		TrainingDays:   r.TrainingDays,
		MentoringDays:  mentoring,
		RampDays:       ramp,
	}, nil
}

// Validate reports whether r is a consistent plan: a valid complexity
// (UnknownComplexity included, for a plan written by hand), every duration
// in [0, MaxDays], and RampDays ≥ TrainingDays + MentoringDays. It returns
// an [*InputError] wrapping [ErrInvalidEnum], [ErrNegative] or
// [ErrOutOfRange].
func (r Ramp) Validate() error {
	const fn = "Ramp.Validate"
	if !r.Complexity.valid() {
		return inputErr(fn, "complexity "+r.Complexity.String(), ErrInvalidEnum)
	}
	for _, f := range []struct {
		name string
		v    int
	}{{"sales_cycle_days", r.SalesCycleDays}, {"training_days", r.TrainingDays}, {"mentoring_days", r.MentoringDays}, {"ramp_days", r.RampDays}} {
		if err := checkDays(fn, f.name, f.v); err != nil {
			return err
		}
	}
	if r.RampDays < r.TrainingDays+r.MentoringDays {
		return inputErr(fn, "ramp_days = "+strconv.Itoa(r.RampDays)+" < training_days + mentoring_days", ErrOutOfRange)
	}
	return nil
}

// TrainingEnds returns when the Training stage ends for a rep who started
// at start: TrainingDays calendar days later, in start's location.
func (r Ramp) TrainingEnds(start time.Time) time.Time { return start.AddDate(0, 0, r.TrainingDays) }

// MentoringEnds returns when the Mentoring stage ends, and Coaching begins,
// for a rep who started at start.
func (r Ramp) MentoringEnds(start time.Time) time.Time {
	return start.AddDate(0, 0, r.TrainingDays+r.MentoringDays)
}

// FullProductivity returns when a rep who started at start is expected at
// full productivity: the end of the ramp. A performance plan cannot start
// before it (see [Journey]).
func (r Ramp) FullProductivity(start time.Time) time.Time { return start.AddDate(0, 0, r.RampDays) }

// Expected returns the help the plan expects a rep who started at start to
// be getting at time t: Training, then Mentoring, then Coaching; NoHelp
// before start. Compare it with the rep's [Journey.Stage] to spot a rep
// stuck in a stage.
func (r Ramp) Expected(start, t time.Time) Help {
	switch {
	case t.Before(start):
		return NoHelp
	case t.Before(r.TrainingEnds(start)):
		return Training
	case t.Before(r.MentoringEnds(start)):
		return Mentoring
	default:
		return Coaching
	}
}
