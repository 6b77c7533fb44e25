package salesdev

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/competency"
	"github.com/salesdev/salesdev/grid"
	"github.com/salesdev/salesdev/tmc"
)

// PlanVersion is the version of the JSON form of a [Plan]. It changes
// only when a field is renamed or removed or changes meaning; added
// fields keep it.
const PlanVersion = 1

// A Plan is a team's development plan on one day: the team's standards and
// first training priority, each rep's plan, and each manager's mix of
// managing and developing. Every figure in it comes from the library's four
// packages; [NewPlan] only joins them. A Plan is a value: it shares nothing
// with the [Team] it was made from.
//
// A Plan marshals to JSON that a plugin can store and read back (pinned by
// a golden file, versioned by [PlanVersion]): times in RFC 3339, enums as
// their lower-case names, a value the data cannot give as null, and an
// empty list as [], never null.
type Plan struct {
	// Version is [PlanVersion].
	Version int `json:"version"`
	// AsOf is the day the plan was made for.
	AsOf time.Time `json:"as_of"`
	// Window is the results window productivity is measured over: the
	// trailing months up to the end of AsOf.
	Window grid.Window `json:"window"`
	// Month is the window of the coming focus: one month from the day
	// after AsOf.
	Month grid.Window `json:"month"`
	// Ramp is the T.M.C. ramp the plan reads tenure against.
	Ramp tmc.Ramp `json:"ramp"`
	// Standards are the team's standards per competency, on the scale
	// grades are judged on, and the competencies the data could not
	// measure, with the reason.
	Standards competency.Standards `json:"standards"`
	// Team is the team's pooled scorecard against its standards.
	Team competency.Scorecard `json:"team"`
	// Priority ranks the measured competencies by the revenue the team
	// would gain if the team's ratio reached its standard: the first is
	// the first priority for training. Empty when nothing is measured.
	Priority []competency.Gain `json:"priority"`
	// Benchmarks are the team's spread on the other KPIs of [Team.Metrics].
	Benchmarks []Benchmark `json:"benchmarks"`
	// Rules are the thresholds found in [Team.History], or why none was.
	Rules []Finding `json:"rules"`
	// Reps holds one plan per rep, in roster order.
	Reps []RepPlan `json:"reps"`
	// Managers holds each manager's 1:1 mix and coaching allocation, by
	// manager ID.
	Managers []ManagerPlan `json:"managers"`
	// Mentors are the peers who gave 1:1s as mentors, with a flag for a
	// mentor who trains or coaches.
	Mentors []tmc.GiverMix `json:"mentors"`
	// Missing names each input the team did not give and what it would
	// unlock.
	Missing []Missing `json:"missing"`
}

// A Benchmark is one KPI's spread across the team's reps with a value, and
// the target at the team's quantile in the metric's good direction.
type Benchmark struct {
	// Metric is the KPI the spread is of.
	Metric benchmark.Metric `json:"metric"`
	// Reps is the number of reps with a value of the KPI.
	Reps int `json:"reps"`
	// P50 is the team's median (the 50th percentile) of the KPI.
	P50 float64 `json:"p50"`
	// Target is the team's quantile of the KPI in its good direction, the
	// same quantile the competencies' standards are set at
	// (Config.Standards.Quantile; the 75th percentile by default, a
	// library default).
	Target float64 `json:"target"`
	// P90 is the team's 90th percentile of the KPI in its good direction.
	P90 float64 `json:"p90"`
}

// A Finding is the rule [benchmark.Discover] found in one [History], with
// the sentence a sales leader reads, or the reason no rule was found.
type Finding struct {
	// Metric is the metric of the history the rule was looked for in
	// (the histogram's, for a binned history).
	Metric benchmark.Metric `json:"metric"`
	// Rule is the rule found; nil when none was.
	Rule *benchmark.Rule `json:"rule"`
	// Sentence is the rule as a sentence, or why there is none.
	Sentence string `json:"sentence"`
}

// A RepPlan is one rep's development plan.
type RepPlan struct {
	// Rep is the rep's ID, as the roster gives it.
	Rep string `json:"rep"`
	// Manager is the ID of the rep's manager from the roster; "" when
	// the roster does not give one.
	Manager string `json:"manager"`
	// Evidence reports whether the rep has trials on any measured
	// competency. A rep without evidence is not graded or given a new
	// focus (an earlier one that covers the coming month is kept), but
	// is still placed on the ramp.
	Evidence bool `json:"evidence"`
	// Scorecard grades the rep on each measured competency, with the
	// evidence: rate, shrunk rate, interval on the grading scale, target,
	// and whether the evidence separates the rep from the target.
	Scorecard competency.Scorecard `json:"scorecard"`
	// Measures are the grid's three measures; nil when the rep is not
	// placed, and NotPlaced says why.
	Measures *grid.Measures `json:"measures"`
	// Quadrant is the rep's quadrant on the desire × results grid;
	// Unplaced when Measures is nil.
	Quadrant grid.Quadrant `json:"quadrant"`
	// NotPlaced says why the rep is not placed on the grid; "" when the
	// rep is placed.
	NotPlaced string `json:"not_placed,omitempty"`
	// Strategy is the leadership strategy for the rep's quadrant; nil
	// when the rep is not placed.
	Strategy *grid.Strategy `json:"strategy"`
	// Signals are the rep's signals, inferred from the evidence or stated
	// by the manager, with the basis in words.
	Signals tmc.Inference `json:"signals"`
	// Help is the help the rep needs, and why. It is NoHelp, with the
	// reason "measure first", only for a rep with no evidence, no start
	// date and nothing stated: there is nothing to decide on yet.
	Help tmc.Prescription `json:"help"`
	// Focus is the 1+1+1 focus for the coming month: one competency, one
	// behavior, one time; an earlier plan's focus that still covers the
	// month is kept. Nil for a rep without evidence and no such focus.
	Focus *grid.Focus `json:"focus"`
	// FocusScore is the rep's score on the focus competency; nil without
	// a focus, or when the focus (a kept one) is on a competency the
	// team's data does not measure.
	FocusScore *competency.Score `json:"focus_score"`
	// Campaign is the rep's open campaign, if any, graded with the team's
	// prior when it has none of its own, and Progress its standing now:
	// the change measured since it began. While its benchmark is not
	// reached, the focus stays on its competency.
	Campaign *competency.Campaign `json:"campaign"`
	// Progress is the open campaign's standing now; nil without an open
	// campaign.
	Progress *competency.Progress `json:"progress"`
	// Mentor is a peer who can mentor the rep on the focus competency, for
	// a rep who needs mentoring; MentorNote says why there is none.
	Mentor string `json:"mentor,omitempty"`
	// MentorNote says why there is no mentor for a rep who needs
	// mentoring; "" otherwise.
	MentorNote string `json:"mentor_note,omitempty"`
	// CoachingHours is the rep's share of the manager's monthly coaching
	// hours ([Config.CoachingHours]); nil when there is no allocation for
	// the rep. BelowCadence flags a share below
	// [competency.CoachingCadence].
	CoachingHours *float64 `json:"coaching_hours"`
	// BelowCadence reports whether CoachingHours is below
	// [competency.CoachingCadence].
	BelowCadence bool `json:"below_cadence"`
	// Coached is the coaching the rep received in each month of the
	// results window, from the sessions; empty without sessions.
	Coached []tmc.CoachingMonth `json:"coached,omitempty"`
}

// MarshalJSON implements [json.Marshaler]: the fields under their JSON
// names, and [RepPlan.Why] as "why" after them.
func (r RepPlan) MarshalJSON() ([]byte, error) {
	type plain RepPlan // the fields alone, without this method
	return json.Marshal(struct {
		plain
		Why string `json:"why"`
	}{plain(r), r.Why()})
}

// A ManagerPlan is one manager's side of the plan: the 1:1s the manager
// gave, by kind of help ("Are you managing or mentoring your sale team?",
// "Sales Management vs Sales Mentorship"), and the coaching hours to share
// out.
type ManagerPlan struct {
	// Manager is the manager's ID, as the roster gives it.
	Manager string `json:"manager"`
	// Reps are the manager's reps on the roster.
	Reps int `json:"reps"`
	// Given is the manager's 1:1 mix over the results window; nil without
	// sessions given by the manager.
	Given *tmc.GiverMix `json:"given"`
	// Allocation is the monthly coaching hours shared out across the
	// manager's placed reps; nil without coaching hours or placed reps.
	Allocation *grid.Allocation `json:"allocation"`
}

// A Missing input is one the team did not give, and what it would unlock.
type Missing struct {
	// Input names the input the team did not give, as in "desire
	// survey".
	Input string `json:"input"`
	// Unlocks says what the plan could do with that input.
	Unlocks string `json:"unlocks"`
}

// Needing returns the reps of p who need help h, in roster order.
func (p Plan) Needing(h tmc.Help) []RepPlan {
	var out []RepPlan
	for _, r := range p.Reps {
		if r.Help.Help == h {
			out = append(out, r)
		}
	}
	return out
}

// Lookup returns the plan of the rep with ID rep, and whether there is one.
func (p Plan) Lookup(rep string) (RepPlan, bool) {
	for _, r := range p.Reps {
		if r.Rep == rep {
			return r, true
		}
	}
	return RepPlan{}, false
}

// NewPlan makes the team's development plan from what the CRM knows about
// it, t, and the settings c (nil for the defaults). The steps, each done by
// one of the four packages:
//
//  1. standards: each competency's prior and target from the team's
//     rates, on the scale grades are judged on
//     ([competency.TeamStandards]); competencies without data are "not
//     measured", not an error;
//  2. grades: each rep's scorecard against them, saying whether the
//     evidence separates the rep from the standard
//     ([competency.Standards.Scorecard]); the team's pooled scorecard and
//     its first training priority ([competency.Prioritize]);
//  3. focus: one competency and one behavior for the coming month, kept on
//     an open campaign until its benchmark is reached
//     ([grid.Plan.Next]), and the change measured since the campaign
//     began ([competency.Campaign.Progress]);
//  4. help: the signals inferred from the ramp, tenure, the standard and
//     recorded events, unless the manager stated them ([tmc.Infer]), and
//     the help they call for ([tmc.Prescribe]); a peer mentor for a rep
//     who needs mentoring ([tmc.AssignMentors]);
//  5. grid: each rep with desire, quota and a graded competency placed
//     ([grid.Place]), the quadrant's strategy, and each manager's coaching
//     hours shared out ([grid.Allocate]);
//  6. managers: each manager's 1:1s by kind of help, flagging management
//     only, and mentors who train or coach ([tmc.SessionMix]).
//
// NewPlan returns an [*InputError] wrapping [benchmark.ErrEmpty] for a zero
// AsOf, no reps, a blank rep ID or an event with no time,
// [benchmark.ErrDuplicate] for a rep listed twice,
// [benchmark.ErrInvalidEnum] for a rep's unknown barrier or event kind,
// [tmc.ErrTimeOrder] for a rep first seen in the data on a day after AsOf,
// [benchmark.ErrOutOfRange] for a history given both as observations and
// as a histogram, [benchmark.ErrNotFinite] for a rep's sales or quota, a
// KPI value or the coaching hours not finite, [benchmark.ErrNegative] for
// sales, a quota, Config.Months, CoachingHours or MaxMentees below 0,
// [benchmark.ErrOutOfRange] for a quota of 0 or months or coaching hours
// too large, and the sub-packages' errors, wrapped with the rep or input
// they concern, for invalid data: errors.Is finds their sentinels. It does
// not modify t or c.
func NewPlan(t Team, c *Config) (Plan, error) {
	const fn = "NewPlan"
	cfg, err := c.resolve()
	if err != nil {
		return Plan{}, err
	}
	if t.AsOf.IsZero() {
		return Plan{}, inputErr(fn, "team.as_of", benchmark.ErrEmpty)
	}
	if len(t.Reps) == 0 {
		return Plan{}, inputErr(fn, "team.reps", benchmark.ErrEmpty)
	}
	// Each rep's place in the roster, by ID: the team's lists (past
	// focuses, campaigns, sessions) are sorted out by it once, so that
	// planning a rep looks at the rep's own records only (the plan is
	// linear in the reps, not quadratic), and coaching shares find their
	// rep by it.
	index := make(map[string]int, len(t.Reps))
	for i, r := range t.Reps {
		if strings.TrimSpace(r.Rep) == "" {
			return Plan{}, inputErr(fn, "team.reps["+strconv.Itoa(i)+"].rep", benchmark.ErrEmpty)
		}
		if index[r.Rep] = i; len(index) == i { // a rep listed before adds no entry
			return Plan{}, inputErr(fn, "team.reps["+strconv.Itoa(i)+"].rep = "+strconv.Quote(r.Rep), benchmark.ErrDuplicate)
		}
		if err := checkRep(r, i, t.AsOf, cfg); err != nil {
			return Plan{}, err
		}
	}
	for i, h := range t.History {
		if h.Binned != nil && len(h.Observations) > 0 {
			return Plan{}, inputErr(fn, "team.history["+strconv.Itoa(i)+"]: observations and a histogram both given, give one", benchmark.ErrOutOfRange)
		}
	}
	if err := competency.CheckCampaigns(t.Campaigns); err != nil {
		return Plan{}, inputErr(fn, "team.campaigns", err)
	}

	p := Plan{Version: PlanVersion, AsOf: t.AsOf, Ramp: cfg.ramp}
	if p.Window, err = resultsWindow(t.AsOf, cfg.months); err != nil {
		return Plan{}, inputErr(fn, "team.as_of", err)
	}
	p.Month = grid.Window{Start: p.Window.End, End: p.Window.End.AddDate(0, 1, 0)}

	// 1. Standards.
	team := make([]map[string]benchmark.Rate, len(t.Reps))
	for i, r := range t.Reps {
		team[i] = r.Rates
	}
	if p.Standards, err = competency.TeamStandards(cfg.model, team, cfg.standards); err != nil {
		return Plan{}, inputErr(fn, "team.reps.rates", err)
	}
	measured := len(p.Standards.Measured) > 0

	// 2. Grades, the team's card and its first priority.
	var cards []competency.Scorecard
	if !measured {
		cards = make([]competency.Scorecard, len(t.Reps)) // each rep's card is empty
	} else {
		ids := make([]string, len(t.Reps))
		for i, r := range t.Reps {
			ids[i] = r.Rep
		}
		if cards, err = p.Standards.Scorecards(ids, team, cfg.grading); err != nil {
			return Plan{}, inputErr(fn, "team.reps.rates", err)
		}
		pooled := make(map[string]benchmark.Rate, len(p.Standards.Measured))
		for _, s := range p.Standards.Measured {
			pooled[s.Competency] = s.Team
		}
		if p.Team, err = p.Standards.Scorecard("team", pooled, cfg.grading); err != nil {
			return Plan{}, inputErr(fn, "team", err)
		}
		if p.Priority, err = competency.Prioritize(p.Team); err != nil {
			return Plan{}, inputErr(fn, "team", err)
		}
	}
	if p.Benchmarks, err = benchmarks(t.Metrics, cfg); err != nil {
		return Plan{}, inputErr(fn, "team.metrics", err)
	}
	p.Rules = findings(t.History)

	// 3–5, rep by rep.
	if err := t.Focus.Validate(); err != nil {
		return Plan{}, inputErr(fn, "team.focus", err)
	}
	var records []owned // nil when the team has no such lists: every rep owns nothing
	if len(t.Focus) > 0 || len(t.Campaigns) > 0 || len(t.Sessions) > 0 {
		records = make([]owned, len(t.Reps))
	}
	for _, f := range t.Focus {
		if i, ok := index[f.Rep]; ok {
			records[i].focus = append(records[i].focus, f)
		}
	}
	for _, c := range t.Campaigns {
		if i, ok := index[c.Rep]; ok {
			records[i].campaigns = append(records[i].campaigns, c)
		}
	}
	for _, s := range t.Sessions {
		if i, ok := index[s.Rep]; ok {
			records[i].sessions = append(records[i].sessions, s)
		}
	}
	p.Reps = make([]RepPlan, len(t.Reps))
	values := make([]pointed, len(t.Reps))
	var grids []onGrid // only a rep with a desire answer and a quota can be placed
	if slices.ContainsFunc(t.Reps, func(r Rep) bool { return len(r.Desire) > 0 && r.Results != nil }) {
		grids = make([]onGrid, len(t.Reps))
	}
	memo := memo{help: map[helpKey]help{}, focus: map[cardKey]drawnFocus{}}
	var none owned
	for i, r := range t.Reps {
		own, g := &none, (*onGrid)(nil)
		if records != nil {
			own = &records[i]
		}
		if grids != nil {
			g = &grids[i]
		}
		if err := planRep(&p.Reps[i], &values[i], g, r, cards[i], own, t, cfg, &p, &memo); err != nil {
			return Plan{}, inputErr(fn, "rep "+strconv.Quote(r.Rep), err)
		}
	}
	if err := mentor(p.Reps, cfg.maxMentees); err != nil {
		return Plan{}, inputErr(fn, "mentors", err)
	}

	// 6. Managers: 1:1 mix and coaching hours.
	if err := managers(&p, t, cfg, index); err != nil {
		return Plan{}, inputErr(fn, "managers", err)
	}
	p.Missing = missing(t, cfg, p)
	// One way to write an empty list in the JSON: [], never null.
	p.Priority, p.Benchmarks, p.Rules = orEmpty(p.Priority), orEmpty(p.Benchmarks), orEmpty(p.Rules)
	p.Managers, p.Mentors, p.Missing = orEmpty(p.Managers), orEmpty(p.Mentors), orEmpty(p.Missing)
	p.Standards.Measured, p.Standards.Unmeasured = orEmpty(p.Standards.Measured), orEmpty(p.Standards.Unmeasured)
	p.Team.Scores = orEmpty(p.Team.Scores)
	for i := range p.Reps {
		p.Reps[i].Scorecard.Scores = orEmpty(p.Reps[i].Scorecard.Scores)
	}
	return p, nil
}

// orEmpty returns s, or an empty slice for nil, so that JSON writes [].
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// ResultsWindow returns the results window of a plan as of asOf: the
// c.Months calendar months ([grid.DefaultMonths] when c is nil or Months
// is 0) that end with asOf's day, which [Plan.Window] will say. A plugin
// sums each rep's won amounts over it for [Results.Sold] before it calls
// [NewPlan], so that results and quota cover the same months. It returns
// an [*InputError] wrapping [benchmark.ErrEmpty] for a zero asOf,
// [benchmark.ErrNegative] or [benchmark.ErrOutOfRange] for Months below
// 0 or above [grid.MaxMonths], and grid's error for a window JSON could
// not write.
func ResultsWindow(asOf time.Time, c *Config) (grid.Window, error) {
	const fn = "ResultsWindow"
	if asOf.IsZero() {
		return grid.Window{}, inputErr(fn, "as_of", benchmark.ErrEmpty)
	}
	var months int
	if c != nil {
		months = c.Months
	}
	if err := checkMonths(fn, months); err != nil {
		return grid.Window{}, err
	}
	w, err := resultsWindow(asOf, months)
	if err != nil {
		return grid.Window{}, inputErr(fn, "as_of", err)
	}
	return w, nil
}

// checkMonths refuses Config.Months below 0 or above [grid.MaxMonths]
// for fn, as NewPlan and ResultsWindow both do: with benchmark's
// sentinels, where grid.Trailing would say ErrOutOfRange for both.
func checkMonths(fn string, months int) error {
	switch {
	case months < 0:
		return inputErr(fn, "config.months = "+strconv.Itoa(months), benchmark.ErrNegative)
	case months > grid.MaxMonths:
		return inputErr(fn, "config.months = "+strconv.Itoa(months), benchmark.ErrOutOfRange)
	}
	return nil
}

// resultsWindow is ResultsWindow for checked months: windows are
// half-open, so the window ends at the start of the day after asOf's.
func resultsWindow(asOf time.Time, months int) (grid.Window, error) {
	return grid.Trailing(day(asOf).AddDate(0, 0, 1), months)
}

// checkRep refuses the data of rep i that no plan can be made from: a
// desire answer off the survey's scale or not finite, sales or a quota
// that are not finite, negative, or (for the quota) zero, a first day
// seen after asOf, an unknown barrier, and an event of no or unknown kind
// or with no time. Missing data is not an error: the plan says what it
// would unlock.
func checkRep(r Rep, i int, asOf time.Time, cfg config) error {
	const fn = "NewPlan"
	// The rep is named only when refused: every rep is checked.
	arg := func(field string) string {
		return "team.reps[" + strconv.Itoa(i) + "] (" + strconv.Quote(r.Rep) + ")." + field
	}
	if len(r.Desire) > 0 {
		if _, err := grid.DesireFrom(cfg.scale, r.Desire...); err != nil {
			return inputErr(fn, arg("desire"), err)
		}
	}
	if res := r.Results; res != nil {
		for _, f := range []struct {
			name     string
			v        float64
			positive bool
		}{{"sold", res.Sold, false}, {"monthly_quota", res.MonthlyQuota, true}} {
			var sentinel error
			switch {
			case math.IsNaN(f.v) || math.IsInf(f.v, 0):
				sentinel = benchmark.ErrNotFinite
			case f.v < 0:
				sentinel = benchmark.ErrNegative
			case f.positive && f.v == 0:
				sentinel = benchmark.ErrOutOfRange
			default:
				continue
			}
			return inputErr(fn, arg("results."+f.name+" = "+strconv.FormatFloat(f.v, 'g', -1, 64)), sentinel)
		}
	}
	// The first day seen is checked here, not left to tmc.Infer, which
	// reads it only for a rep whose signals it infers and who has no
	// start date: data about the plan's day cannot have seen a rep after
	// it. It counts in days, as tenure does: a rep first seen later on the
	// plan's day is on day 1.
	if !r.FirstSeen.IsZero() && dateIn(r.FirstSeen, asOf.Location()).After(asOf) {
		return inputErr(fn, arg("first_seen "+r.FirstSeen.Format(time.RFC3339)+" after as_of "+asOf.Format(time.RFC3339)), tmc.ErrTimeOrder)
	}
	// The barrier is checked here, not left to tmc.Infer: the signals of
	// a rep who starts after the plan's day are not inferred, and a plan
	// holding an unknown barrier could not be marshalled. MarshalText is
	// tmc's test of a known value.
	if r.Barrier != tmc.NoBarrier {
		if _, err := r.Barrier.MarshalText(); err != nil {
			return inputErr(fn, arg("barrier = "+r.Barrier.String()), benchmark.ErrInvalidEnum)
		}
	}
	// So are the events, for the same reason: tmc.Infer, which reads
	// them, does not see a rep who starts after the plan's day.
	for j, ev := range r.Events {
		field := func() string { return "events[" + strconv.Itoa(j) + "]" }
		if _, err := ev.Kind.MarshalText(); err != nil || ev.Kind == tmc.NoEvent {
			return inputErr(fn, arg(field()+".kind = "+ev.Kind.String()), benchmark.ErrInvalidEnum)
		}
		if ev.At.IsZero() {
			return inputErr(fn, arg(field()+".at: zero time"), benchmark.ErrEmpty)
		}
	}
	return nil
}

// config is a Config with its defaults filled in.
type config struct {
	model      competency.Model
	ramp       tmc.Ramp
	months     int
	cutoffs    *grid.Cutoffs
	scale      grid.Scale
	hours      float64
	standards  *competency.StandardOptions
	grading    *competency.Options
	maxMentees int
}

func (c *Config) resolve() (config, error) {
	const fn = "NewPlan"
	var in Config
	if c != nil {
		in = *c
	}
	cfg := config{
		model:      competency.Default(),
		months:     in.Months,
		cutoffs:    in.Cutoffs,
		scale:      in.DesireScale,
		hours:      in.CoachingHours,
		standards:  in.Standards,
		grading:    in.Grading,
		maxMentees: in.MaxMentees,
	}
	if in.Model != nil {
		cfg.model = *in.Model
	}
	if err := cfg.model.Validate(); err != nil {
		return config{}, inputErr(fn, "config.model", err)
	}
	if in.Ramp != nil {
		if err := in.Ramp.Validate(); err != nil {
			return config{}, inputErr(fn, "config.ramp", err)
		}
		cfg.ramp = *in.Ramp
	} else {
		cx := in.Complexity
		if cx == tmc.UnknownComplexity {
			cx = tmc.Moderate
		}
		r, err := tmc.Plan(cx, in.SalesCycleDays, nil)
		if err != nil {
			return config{}, inputErr(fn, "config", err)
		}
		cfg.ramp = r
	}
	if cfg.months == 0 {
		cfg.months = grid.DefaultMonths
	}
	if err := checkMonths(fn, cfg.months); err != nil {
		return config{}, err
	}
	if cfg.scale == (grid.Scale{}) {
		cfg.scale = grid.Scale{Min: defaultDesireMin, Max: defaultDesireMax}
	}
	if err := cfg.scale.Validate(); err != nil {
		return config{}, inputErr(fn, "config.desire_scale", err)
	}
	if cfg.cutoffs != nil {
		if err := cfg.cutoffs.Validate(); err != nil {
			return config{}, inputErr(fn, "config.cutoffs", err)
		}
	}
	switch h := "config.coaching_hours = " + fmt.Sprint(cfg.hours); {
	case math.IsNaN(cfg.hours) || math.IsInf(cfg.hours, 0):
		return config{}, inputErr(fn, h, benchmark.ErrNotFinite)
	case cfg.hours < 0:
		return config{}, inputErr(fn, h, benchmark.ErrNegative)
	case cfg.hours > maxHours:
		return config{}, inputErr(fn, h, benchmark.ErrOutOfRange)
	}
	if cfg.maxMentees == 0 {
		cfg.maxMentees = DefaultMaxMentees
	}
	if cfg.maxMentees < 0 {
		return config{}, inputErr(fn, "config.max_mentees = "+strconv.Itoa(cfg.maxMentees), benchmark.ErrNegative)
	}
	return cfg, nil
}

// maxHours bounds a manager's monthly coaching hours: every hour of a
// month.
const maxHours = 31 * 24

// day returns t's calendar day, at midnight in t's location.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// dateIn returns the calendar date of t, read in t's own location, at
// midnight in loc, the plan's: a start date or a first day seen is a date
// on the CRM's calendar, placed on the plan's, so that a rep first seen at
// 20:00 in New York on the plan's day is on day 1 of a plan made in UTC.
// A zero t stays zero.
func dateIn(t time.Time, loc *time.Location) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

// owned is what a team's lists hold about one rep: the rep's past
// focuses, campaigns and sessions, gathered once so that planning each rep
// looks at the rep's own records only.
type owned struct {
	focus     grid.Plan
	campaigns []competency.Campaign
	sessions  []tmc.Session
}

// pointed holds the values a rep's plan points to: NewPlan allocates them
// for all reps at once, one allocation for the plan rather than one per
// pointer per rep. Each rep has its own; no two reps' plans share one.
type pointed struct {
	focus grid.Focus
	score competency.Score
}

// onGrid holds the values a placed rep's plan points to, as pointed does
// the others: NewPlan allocates them only when some rep can be placed.
type onGrid struct {
	measures grid.Measures
	strategy grid.Strategy
}

// planRep makes one rep's plan in rp, a zero RepPlan in the plan's list
// (written in place rather than returned, as a RepPlan is large), with
// its pointers into v and, for a rep with a desire answer and a quota, g:
// focus and campaign progress, signals and help, placement and the
// coaching received. Mentors and coaching hours are filled in later, once
// every rep is planned. m holds what has been worked out so far for reps
// alike (see memo).
func planRep(rp *RepPlan, v *pointed, g *onGrid, r Rep, card competency.Scorecard, own *owned, t Team, cfg config, p *Plan, m *memo) error {
	rp.Rep, rp.Manager, rp.Scorecard = r.Rep, r.Manager, card
	for _, s := range card.Scores {
		rp.Evidence = rp.Evidence || s.Rate.Trials > 0
	}

	// Focus: kept from an earlier plan while it covers the coming month;
	// otherwise the next one, on an open campaign's competency until its
	// benchmark is reached.
	campaign := openCampaign(own.campaigns, r.Rep, t.AsOf)
	if campaign != nil && campaign.Prior == (benchmark.Prior{}) {
		// Judge the campaign on the scale the scorecard is graded on:
		// the team's prior.
		for _, s := range p.Standards.Measured {
			if s.Competency == campaign.Competency {
				campaign.Prior = s.Prior
			}
		}
	}
	var ok bool
	if v.focus, ok = own.focus.Current(r.Rep, p.Month.Start); ok {
		rp.Focus = &v.focus
	} else if rp.Evidence {
		// The new focus is not added to the rep's past ones: nothing
		// reads them after this, and Next has checked it against them.
		opt := &grid.FocusOptions{Campaign: campaign, Options: cfg.grading}
		// Without past focuses or a campaign, Next reads only the card's
		// scores, and reps with the same rates have the same scores
		// (Scorecards grades a rate once per competency): the focus is
		// drawn once per card, and its reason shared.
		key, alike := cardKeyOf(card)
		alike = alike && len(own.focus) == 0 && campaign == nil
		var d drawnFocus
		drawn := false
		if alike {
			d, drawn = m.focus[key]
		}
		var f grid.Focus
		if drawn {
			f = grid.Focus{Competency: d.competency, Behavior: d.behavior, Window: p.Month, Reason: d.reason}
			m.served++
		} else {
			var err error
			if f, err = own.focus.Next(cfg.model, card, p.Month, opt); err != nil {
				return err
			}
			if alike && len(m.focus) < m.served+spareCards {
				m.focus[key] = drawnFocus{f.Competency, f.Behavior, f.Reason}
			}
		}
		f.Rep = r.Rep
		if sc := r.Scenarios[f.Competency]; len(sc) > 0 {
			opt.Scenarios = sc
			var err error
			if f, err = own.focus.Next(cfg.model, card, p.Month, opt); err != nil {
				return err
			}
		}
		v.focus, rp.Focus = f, &v.focus
	}
	if rp.Focus != nil {
		if v.score, ok = card.Score(rp.Focus.Competency); ok {
			rp.FocusScore = &v.score
		}
	}
	if campaign != nil {
		rp.Campaign = campaign
		prog, err := campaign.Progress(cfg.grading)
		if err != nil {
			return err
		}
		if len(prog) > 0 {
			last := prog[len(prog)-1]
			rp.Progress = &last
		}
	}

	// Help: what the manager states wins; the rest is inferred.
	below := slices.ContainsFunc(card.Scores, competency.Score.Below)
	key := helpKey{started: r.Started, firstSeen: r.FirstSeen, evidence: rp.Evidence, below: below, barrier: r.Barrier}
	shared := r.Stated == nil && len(r.Events) == 0
	if h, ok := m.help[key]; shared && ok {
		rp.Signals, rp.Help = h.signals, h.help
	} else {
		ev := tmc.Evidence{
			Ramp:      cfg.ramp,
			Started:   dateIn(r.Started, t.AsOf.Location()),   // tenure counts in days: a start at noon
			FirstSeen: dateIn(r.FirstSeen, t.AsOf.Location()), // on the plan's day is day 1, not the future
			AsOf:      t.AsOf,
			Below:     below,
			Events:    r.Events,
			Stated:    r.Stated,
			Barrier:   r.Barrier,
		}
		var err error
		if rp.Signals, rp.Help, err = needs(r, rp.Evidence, ev); err != nil {
			return err
		}
		if shared {
			m.help[key] = help{rp.Signals, rp.Help}
		}
	}

	// Grid: all three measures, never guessed.
	var err error
	if rp.NotPlaced, err = place(rp, g, r, card, cfg, p.Window); err != nil {
		return err
	}
	if rp.Measures != nil {
		g.strategy = rp.Quadrant.Strategy()
		rp.Strategy = &g.strategy
	}

	// Coaching received, month by month.
	if len(t.Sessions) > 0 { // months without sessions are reported too, once the team records any
		from, last := p.Window.Start, p.Window.End.AddDate(0, 0, -1)
		if s := cmp.Or(r.Started, r.FirstSeen); s.After(from) && !s.After(last) {
			from = s // months before the rep was on the team are not missed coaching
		}
		months, err := tmc.CoachingHours(r.Rep, own.sessions, from, last)
		if err != nil {
			return err
		}
		rp.Coached = months
	}
	return nil
}

// ptr returns a pointer to a copy of v. Taking the address of a variable
// declared in an if statement (if f, ok := …; ok { p = &f }) moves it to
// the heap whether or not the branch is taken; ptr copies it there only
// when it is kept.
func ptr[T any](v T) *T { return &v }

// below returns the competencies on which the evidence separates the rep
// below the standard, in funnel order.
func below(card competency.Scorecard) []string {
	var ids []string
	for _, s := range card.Scores {
		if s.Below() {
			ids = append(ids, s.Competency)
		}
	}
	return ids
}

// memo holds what NewPlan has worked out once for reps alike: the
// signals and help of reps with the same helpKey, and the new focus drawn
// for reps with the same card (see cardKey) and no past focus or
// campaign.
type memo struct {
	help   map[helpKey]help
	focus  map[cardKey]drawnFocus
	served int // the reps whose focus was found in focus
}

// spareCards bounds the cards memo.focus holds beyond the reps it has
// served: on a team whose cards seldom repeat (a thousand reps graded on
// three competencies, say), keeping every card would cost more than it
// saves, while a team whose cards do repeat soon serves more reps than it
// holds cards.
const spareCards = 64

// cardKey is the rates of a card's scores, in order: within a plan, the
// scores are a function of them. It holds the cards of a model of up to
// four competencies, as the ready model's three.
type cardKey [4]benchmark.Rate

// cardKeyOf returns card's key, and whether it has one.
func cardKeyOf(card competency.Scorecard) (k cardKey, ok bool) {
	if len(card.Scores) > len(k) {
		return k, false
	}
	for i, s := range card.Scores {
		k[i] = s.Rate
	}
	return k, true
}

// drawnFocus is what Next drew for a card: the focus but for its rep and
// window, the plan's month.
type drawnFocus struct {
	competency, behavior, reason string
}

// helpKey is what the signals and help of a rep with no events and
// nothing stated depend on; the rest of the evidence, the ramp and AsOf,
// is the team's. Reps with the same key get the same signals and help, so
// a plan works them out once per key: on a large team many reps share a
// start or first day, and every rep without evidence or dates shares one.
type helpKey struct {
	started, firstSeen time.Time
	evidence, below    bool
	barrier            tmc.Barrier
}

// help is a rep's signals and the help they call for, as needs returns
// them.
type help struct {
	signals tmc.Inference
	help    tmc.Prescription
}

// needs returns the rep's signals and the help they call for. A rep with
// no evidence, no start date and nothing stated gets NoHelp: the plan says
// "measure first" rather than prescribe on assumptions. A rep who starts
// after the plan's day gets training, which comes first.
func needs(r Rep, evidence bool, ev tmc.Evidence) (tmc.Inference, tmc.Prescription, error) {
	stated := r.Stated != nil || r.Barrier != tmc.NoBarrier || len(r.Events) > 0
	switch {
	case !evidence && r.Started.IsZero() && r.FirstSeen.IsZero() && !stated:
		inf := tmc.Inference{Basis: "no evidence yet and no start date: nothing to decide on"}
		return inf, tmc.Prescription{Help: tmc.NoHelp, Reason: "measure first: record the rep's start date or activity, and the plan can say what help the rep needs"}, nil
	case !ev.Started.IsZero() && ev.Started.After(day(ev.AsOf)) && r.Stated == nil:
		inf := tmc.Inference{
			Signals: tmc.Signals{Barrier: r.Barrier},
			Basis:   "starts " + r.Started.Format(time.DateOnly) + ", after the plan's day: training comes first",
		}
		return inf, tmc.Prescribe(inf.Signals), nil
	}
	inf, err := tmc.Infer(ev)
	if err != nil {
		return tmc.Inference{}, tmc.Prescription{}, err
	}
	return inf, tmc.Prescribe(inf.Signals), nil
}

// place fills in rp's measures, kept in g, and its quadrant, or returns
// why the rep is not placed: an input missing, or a rep who joined too
// late in the window to owe quota. Invalid data is an error.
func place(rp *RepPlan, g *onGrid, r Rep, card competency.Scorecard, cfg config, w grid.Window) (string, error) {
	var missing int // a bit per input missing, as notPlaced's
	if len(r.Desire) == 0 {
		missing |= 1
	}
	if r.Results == nil {
		missing |= 2
	}
	// Without evidence no competency is graded: CompetencyFrom, which
	// would refuse the scorecard, is not asked. With evidence, a card
	// Scorecards made is one CompetencyFrom measures (a graded score,
	// each competency once, in range), so it is asked only for the
	// measure of a rep with the other two inputs: on a large team most
	// reps may have neither.
	comp, err := 0.0, error(nil)
	if rp.Evidence && missing == 0 {
		comp, err = grid.CompetencyFrom(card)
	}
	if !rp.Evidence || err != nil {
		missing |= 4
	}
	if missing != 0 {
		return notPlaced(missing), nil
	}
	// checkRep has validated the answers and the results, so what
	// remains to refuse is timing: a rep who joined too late in the window
	// to owe any quota has no results to place.
	desire, err := grid.DesireFrom(cfg.scale, r.Desire...)
	if err != nil {
		return "", err
	}
	prod, err := grid.ProductivityFrom(r.Results.Sold, float64(cfg.months)*r.Results.MonthlyQuota, w, r.Started)
	if errors.Is(err, grid.ErrOutOfRange) && r.Started.After(w.Start) {
		return "joined " + r.Started.Format(time.DateOnly) + ", too late in the results window to owe quota", nil
	}
	if err != nil {
		return "", err
	}
	g.measures = grid.Measures{Desire: desire, Productivity: prod, Competency: comp}
	q, err := grid.Place(g.measures, cfg.cutoffs)
	if err != nil {
		return "", err
	}
	rp.Measures, rp.Quadrant = &g.measures, q
	return "", nil
}

// notPlaced says why a rep is not placed, from a bit per input missing:
// 1 for a desire survey answer, 2 for a quota, 4 for a graded competency.
// Each reason is written out whole, so that no rep's is built: on a large
// team most reps may miss a survey answer and a quota.
func notPlaced(missing int) string {
	switch missing {
	case 1:
		return "no desire survey answer"
	case 2:
		return "no quota"
	case 3:
		return "no desire survey answer, no quota"
	case 4:
		return "no graded competency"
	case 5:
		return "no desire survey answer, no graded competency"
	case 6:
		return "no quota, no graded competency"
	case 7:
		return "no desire survey answer, no quota, no graded competency"
	}
	return ""
}

// openCampaign returns rep's campaign open at t, or nil. CheckCampaigns
// has made sure there is at most one.
func openCampaign(cs []competency.Campaign, rep string, t time.Time) *competency.Campaign {
	for _, c := range cs {
		if c.Rep == rep && c.Open(t) {
			c.Checkpoints = slices.Clone(c.Checkpoints)
			return ptr(c)
		}
	}
	return nil
}

// mentor finds a peer mentor, on the focus competency, for every rep who
// needs mentoring: peers graded A, never the rep or the rep's manager, at
// most maxMentees each across competencies, the reps in most need (lowest
// shrunk rate) matched first. A rep who needs training or coaching gets no
// mentor: mentoring them would be misdirected help.
func mentor(reps []RepPlan, maxMentees int) error {
	// The reps who need a mentor and the A players, by competency. The
	// reps' scorecards are read once: the A players are checked for
	// every competency a rep needs a mentor on, and a large team has
	// thousands.
	type match struct {
		need    []int // the reps who need a mentor on it
		aPlayer []int // the reps graded A on it
		scored  bool  // whether any rep has trials on it
	}
	byComp := map[string]*match{}
	for i := range reps {
		if r := &reps[i]; r.Focus != nil && r.Help.Help == tmc.Mentoring {
			c := byComp[r.Focus.Competency]
			if c == nil {
				c = &match{}
				byComp[r.Focus.Competency] = c
			}
			c.need = append(c.need, i)
		}
	}
	if len(byComp) == 0 {
		return nil
	}
	for i := range reps {
		for _, s := range reps[i].Scorecard.Scores { // one score per competency
			if c := byComp[s.Competency]; c != nil && s.Rate.Trials > 0 {
				c.scored = true
				if s.Grade == competency.GradeA {
					c.aPlayer = append(c.aPlayer, i)
				}
			}
		}
	}
	mentees := map[string]int{}
	for _, id := range slices.Sorted(maps.Keys(byComp)) {
		c := byComp[id]
		// The rep's score on the competency is the focus score, when
		// there is one; a rep with none sorts as a shrunk rate of 0.
		shrunk := func(i int) float64 {
			if s := reps[i].FocusScore; s != nil {
				return s.Shrunk
			}
			return 0
		}
		slices.SortStableFunc(c.need, func(a, b int) int { return cmp.Compare(shrunk(a), shrunk(b)) })
		// AssignMentors matches A players only, so only they are passed
		// as peers: the other reps scored on the competency, often most of
		// a large team, would be checked and set aside.
		peers := make([]tmc.Peer, len(c.aPlayer))
		for j, i := range c.aPlayer {
			s, _ := reps[i].Scorecard.Score(id)
			peers[j] = tmc.Peer{Rep: reps[i].Rep, Manager: reps[i].Manager, Score: s, Mentees: mentees[reps[i].Rep]}
		}
		need := make([]tmc.Rep, len(c.need))
		for j, i := range c.need {
			need[j] = tmc.Rep{Rep: reps[i].Rep, Manager: reps[i].Manager}
		}
		var pairs []tmc.Pair
		// Without an A player, AssignMentors would match no one (and
		// refuses an empty list of peers).
		if len(peers) > 0 {
			var err error
			pairs, err = tmc.AssignMentors(id, need, peers, maxMentees)
			if err != nil && !errors.Is(err, tmc.ErrNoMentor) {
				return err
			}
		}
		matched := make(map[string]string, len(pairs))
		for _, pr := range pairs {
			matched[pr.Rep] = pr.Mentor
			mentees[pr.Mentor]++
		}
		for _, i := range c.need {
			switch m, ok := matched[reps[i].Rep]; {
			case ok:
				reps[i].Mentor = m
			case !c.scored: // a focus kept from an earlier plan may be on it
				reps[i].MentorNote = "no peer is graded A on " + id + " yet: no rep has trials on it"
			case len(peers) == 0:
				reps[i].MentorNote = "no peer is graded A on " + id + " yet"
			default:
				reps[i].MentorNote = fmt.Sprintf("no A player on %s is free: each is this rep, the rep's manager, or already has %d mentees", id, maxMentees)
			}
		}
	}
	return nil
}

// managers fills in each manager's 1:1 mix, the mentors' mix, and each
// manager's coaching allocation with the reps' shares.
func managers(p *Plan, t Team, cfg config, index map[string]int) error {
	var mix tmc.Mix
	if len(t.Sessions) > 0 {
		var err error
		if mix, err = tmc.SessionMix(t.Sessions, p.Window.Start, p.Window.End); err != nil {
			return err
		}
	}
	given := map[string]tmc.GiverMix{}
	for _, g := range mix.Givers {
		if g.Role == tmc.Mentor {
			p.Mentors = append(p.Mentors, g)
		}
		given[g.By] = g
	}
	// Each manager's reps, in roster order, grouped in one list: the
	// places of manager k's reps are members[from[k]:from[k+1]]. A large
	// team has thousands of managers; a list each would cost thousands of
	// allocations.
	slot := map[string]int{}       // each manager's k, in roster order
	var names []string             // the managers, by k
	var from []int                 // the count of each manager's reps, then where they start in members
	of := make([]int, len(p.Reps)) // each rep's manager's k; -1 for none
	for i := range p.Reps {
		m := p.Reps[i].Manager
		switch {
		case m == "":
			of[i] = -1
			continue
		case i > 0 && m == p.Reps[i-1].Manager: // a roster often lists a manager's reps together
			of[i] = of[i-1]
		default:
			k, ok := slot[m]
			if !ok {
				k = len(names)
				slot[m] = k
				names, from = append(names, m), append(from, 0)
			}
			of[i] = k
		}
		from[of[i]]++
	}
	at := 0
	for k, n := range from {
		from[k], at = at, at+n
	}
	from = append(from, at)
	members := make([]int, at)
	next := slices.Clone(from[:len(names)])
	for i, k := range of {
		if k >= 0 {
			members[next[k]] = i
			next[k]++
		}
	}
	byName := make([]int, len(names))
	for k := range byName {
		byName[k] = k
	}
	slices.SortFunc(byName, func(a, b int) int { return strings.Compare(names[a], names[b]) })

	var hours []float64 // the reps' shares, which their plans point to: one allocation, once a share is given
	var placed []grid.Rep
	p.Managers = make([]ManagerPlan, 0, len(names))
	for _, k := range byName {
		m, team := names[k], members[from[k]:from[k+1]]
		mp := ManagerPlan{Manager: m, Reps: len(team)}
		if g, ok := given[m]; ok {
			mp.Given = ptr(g) // &g would allocate g for every manager
		}
		placed = placed[:0] // Assess copies what it keeps
		for _, i := range team {
			if r := &p.Reps[i]; r.Measures != nil {
				placed = append(placed, grid.Rep{Rep: r.Rep, Measures: *r.Measures})
			}
		}
		if cfg.hours > 0 && len(placed) > 0 {
			a, err := grid.Assess(placed, cfg.cutoffs)
			if err != nil {
				return err
			}
			alloc, err := grid.Allocate(cfg.hours, a, nil)
			if err != nil {
				return fmt.Errorf("manager %q: %w", m, err)
			}
			mp.Allocation = &alloc
			if hours == nil {
				hours = make([]float64, len(p.Reps))
			}
			for _, s := range alloc.Shares {
				i := index[s.Rep]
				hours[i] = s.Hours
				p.Reps[i].CoachingHours = &hours[i]
				p.Reps[i].BelowCadence = s.BelowMinimum
			}
		}
		p.Managers = append(p.Managers, mp)
	}
	return nil
}

// benchmarks sets each metric's team benchmark at the team's 50th
// percentile, the standards' quantile and the 90th percentile, in its
// good direction.
func benchmarks(ms []Metric, cfg config) ([]Benchmark, error) {
	q := competency.DefaultQuantile
	if cfg.standards != nil && cfg.standards.Quantile != 0 {
		q = cfg.standards.Quantile // checked by competency.TeamStandards
	}
	var tb benchmark.TeamBenchmarks
	var out []Benchmark
	for _, m := range ms {
		// The quantiles do not depend on the order of the values, so they
		// are read in the map's order, not sorted by rep; a value that
		// cannot count is refused by the first such rep's ID, so that the
		// error does not depend on the map's order either.
		values := make([]float64, 0, len(m.Values))
		bad := ""
		for rep, v := range m.Values {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				if bad == "" || rep < bad {
					bad = rep
				}
			}
			values = append(values, v+0) // -0 as 0: the same value, printed the same in any order
		}
		if bad != "" {
			return nil, fmt.Errorf("%s: rep %q: %w", m.Metric.Name, bad, benchmark.ErrNotFinite)
		}
		if len(values) == 0 {
			continue
		}
		bs, err := tb.FromTeam(nil, m.Metric, values, 0.5, q, 0.9)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", m.Metric.Name, err)
		}
		out = append(out, Benchmark{Metric: m.Metric, Reps: len(values), P50: bs[0].Target, Target: bs[1].Target, P90: bs[2].Target})
	}
	return out, nil
}

// findings looks for a threshold in each history. A rule whose other side
// holds fewer items than the minimum support says nothing beyond the whole
// history and is reported as no rule: support is asked of both sides, 1%
// of the items and at least 5 (Discover's own default for the reached
// side, a library default), so the two checks use one number.
func findings(hs []History) []Finding {
	var out []Finding
	for _, h := range hs {
		n := int64(len(h.Observations))
		if h.Binned != nil {
			h.Metric, n = h.Binned.Metric(), h.Binned.Count()
		}
		minSupport := int(max(5, (n+99)/100))
		f := Finding{Metric: h.Metric}
		op := "≥"
		if h.Metric.Direction == benchmark.LowerIsBetter {
			op = "≤"
		}
		opts := &benchmark.DiscoverOptions{MinSupport: minSupport}
		var rule benchmark.Rule
		var err error
		if h.Binned != nil {
			rule, err = h.Binned.Discover(opts)
		} else {
			rule, err = benchmark.Discover(h.Metric, h.Observations, opts)
		}
		switch {
		case err != nil:
			f.Sentence = fmt.Sprintf("%s %s t: no rule (%v)", h.Metric.Name, op, err)
		case rule.Missed.Trials < int64(minSupport):
			f.Sentence = fmt.Sprintf("%s %s t: no threshold beats the whole history with %d or more on each side", h.Metric.Name, op, minSupport)
		default:
			f.Rule, f.Sentence = &rule, rule.String()
		}
		out = append(out, f)
	}
	return out
}

// Why says in one paragraph, for the manager, what the rep needs and why:
// the help and its reason, the basis of the signals, the focus and why it
// was chosen, the grade on it and whether the evidence separates the rep
// from the standard, the competencies clearly below it, and the mentor.
// It is worked out from the other fields when asked for, so a plan of
// many reps does not carry a paragraph each it may never show; the JSON
// form of a RepPlan has it as "why".
func (r RepPlan) Why() string {
	var b strings.Builder
	b.WriteString(r.Help.Help.String())
	b.WriteString(": ")
	b.WriteString(r.Help.Reason)
	b.WriteString(". Basis: ")
	b.WriteString(r.Signals.Basis)
	if r.Focus != nil {
		fmt.Fprintf(&b, ". Focus: %s, behavior %q", r.Focus.Competency, r.Focus.Behavior)
		if r.Focus.Reason != "" {
			b.WriteString(" (" + r.Focus.Reason + ")")
		}
	}
	if s := r.FocusScore; s != nil && s.Grade != competency.Ungraded {
		fmt.Fprintf(&b, "; grade %v", s.Grade)
		if !s.Separated {
			b.WriteString(", not yet distinguishable from the standard")
		}
	}
	if ids := below(r.Scorecard); len(ids) > 0 {
		b.WriteString("; clearly below the standard on " + strings.Join(ids, ", "))
	}
	if r.Mentor != "" {
		b.WriteString("; mentor " + r.Mentor)
	}
	b.WriteString(".")
	return b.String()
}

// missing names each input the team left out and what it would unlock.
func missing(t Team, cfg config, p Plan) []Missing {
	var out []Missing
	var desire, quota, started, events bool
	for _, r := range t.Reps {
		desire = desire || len(r.Desire) > 0
		quota = quota || r.Results != nil
		started = started || !r.Started.IsZero()
		events = events || len(r.Events) > 0
	}
	if !started {
		out = append(out, Missing{"start dates", "the ramp stage (training, mentoring, coaching) from each rep's start date, not the first day the rep appears in the data"})
	}
	if !desire {
		out = append(out, Missing{"desire survey", "places reps on the grid (achiever, striver, independent, detractor) with the strategy each needs, and shares out coaching hours"})
	}
	if !quota {
		out = append(out, Missing{"quotas", "results against quota: the grid's other axis"})
	}
	if cfg.hours == 0 {
		out = append(out, Missing{"managers' coaching hours", "each rep's share of the manager's coaching time, flagged below the cadence"})
	}
	if len(t.Sessions) == 0 {
		out = append(out, Missing{"1:1 sessions, with who gave them", "each manager's managing-vs-developing mix, mentors who train or coach, and the coaching each rep received"})
	}
	if len(t.Campaigns) == 0 {
		out = append(out, Missing{"training campaigns", "the change measured since training began, and focus kept until the benchmark is reached"})
	}
	if !events {
		out = append(out, Missing{"journey events", "re-training after a coaching session finds a knowledge gap, and a fair performance plan"})
	}
	for _, u := range p.Standards.Unmeasured {
		out = append(out, Missing{"rates on " + u.Competency, "grades and a standard on " + u.Competency + " (" + u.Reason + ")"})
	}
	return out
}
