package main

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/competency"
	"github.com/salesdev/salesdev/grid"
	"github.com/salesdev/salesdev/tmc"
)

// Report is the team development report. Its JSON form (teamreport -json)
// is stable: fields are only ever added, never renamed or removed.
type Report struct {
	// AsOf is the day the report is computed for (YYYY-MM-DD): the -asof
	// flag, or the latest date in the data.
	AsOf string `json:"as_of"`
	// Window is the trailing six months productivity is measured over.
	Window grid.Window `json:"window"`
	// Deals, Closed and Won count the team's deals.
	Deals  int   `json:"deals"`
	Closed int64 `json:"closed"`
	Won    int64 `json:"won"`
	// Skipped counts malformed rows skipped under -skip-bad.
	Skipped int `json:"skipped_rows"`
	// Benchmarks are the team's standards, set from its own distribution.
	Benchmarks []TeamBenchmark `json:"benchmarks"`
	// Priors are the team's fitted priors, one per competency measured.
	Priors []TeamPrior `json:"priors"`
	// Rules are thresholds discovered in the team's closed deals.
	Rules []DiscoveredRule `json:"rules"`
	// Ramp is the T.M.C. ramp plan the prescriptions assume.
	Ramp tmc.Ramp `json:"ramp"`
	// Reps is one row per rep: the roster's reps first, in roster order,
	// then deal owners missing from the roster, by name.
	Reps []RepReport `json:"reps"`
	// Notes say what the data could not support: competencies left out,
	// reps outside the roster, deals after the as-of date.
	Notes []string `json:"notes"`
}

// A TeamBenchmark is one metric's spread across the team's reps with
// evidence, and the target set at its 75th percentile in the good
// direction.
type TeamBenchmark struct {
	Metric benchmark.Metric `json:"metric"`
	Reps   int              `json:"reps"` // reps with evidence on the metric
	P50    float64          `json:"p50"`
	Target float64          `json:"target"` // the 75th percentile, in the good direction
	P90    float64          `json:"p90"`
}

// A TeamPrior is the beta prior fitted to the team's rates on one
// competency: its mean is the team's rate and its strength what the team's
// evidence is worth against one rep's, in trials. When the strength is the
// team's whole evidence, the reps' rates differ no more than chance would
// make them, and each rep is read mostly as the team.
type TeamPrior struct {
	Competency string          `json:"competency"`
	Prior      benchmark.Prior `json:"prior"`
	Mean       float64         `json:"mean"`
	Strength   float64         `json:"strength"`
	Trials     int64           `json:"trials"` // the team's trials in all
}

// A DiscoveredRule is a threshold found with [benchmark.Discover], with the
// sentence a sales leader reads, or the reason none was found.
type DiscoveredRule struct {
	Rule     *benchmark.Rule `json:"rule,omitempty"`
	Sentence string          `json:"sentence"`
}

// RepReport is everything the report says about one rep. Fields that need
// evidence the data does not hold are null (JSON) or "—" (text), never a
// made-up zero.
type RepReport struct {
	Name    string `json:"name"`
	Manager string `json:"manager"`
	// Evidence reports whether the rep has any deal in the data.
	Evidence bool  `json:"evidence"`
	Deals    int64 `json:"deals"`
	Closed   int64 `json:"closed"`
	Won      int64 `json:"won"`
	// WinRate is won of closed deals with its 95% Wilson interval and the
	// rate shrunk toward the team; null without closed deals.
	WinRate *RateView `json:"win_rate"`
	// Scorecard grades the rep on each competency the data measures.
	Scorecard []competency.Score `json:"scorecard"`
	// Grade is the grade on closing (won of closed), the headline grade.
	Grade competency.Grade `json:"grade"`
	// Measures are the grid's three measures; null when desire or quota
	// is unknown, since a rep is never placed on invented numbers.
	Measures *grid.Measures `json:"measures"`
	Quadrant grid.Quadrant  `json:"quadrant"`
	// Prescription is the T.M.C. help the rep needs; null without evidence.
	// Basis says what it was inferred from: a CRM records results, not
	// what a rep knows, so the signals are read off the ramp plan and the
	// grade on the focus competency.
	Prescription *tmc.Prescription `json:"prescription"`
	Basis        string            `json:"basis,omitempty"`
	// Focus is the next 1+1+1 focus: one competency, one behavior, one
	// month; null without evidence.
	Focus *grid.Focus `json:"focus"`
	// Mentor is a suggested peer mentor on the focus competency, or ""
	// with MentorNote saying why there is none.
	Mentor     string `json:"mentor"`
	MentorNote string `json:"mentor_note,omitempty"`
	// CoachingHours is the rep's share of the manager's monthly coaching
	// hours, null when the rep is not placed on the grid; BelowCadence
	// flags a share under 3 hours a month.
	CoachingHours *float64 `json:"coaching_hours"`
	BelowCadence  bool     `json:"below_cadence"`
}

// A RateView is a rate as the report shows it.
type RateView struct {
	Rate   benchmark.Rate `json:"rate"`
	Value  float64        `json:"value"`
	Lo     float64        `json:"lo"`
	Hi     float64        `json:"hi"`
	Shrunk float64        `json:"shrunk"`
}

// reportOptions are the report's settings, from the command line.
type reportOptions struct {
	// asOf is the day to report for; zero means the latest date in the data.
	asOf time.Time
	// coachingHours is each manager's monthly coaching time.
	coachingHours float64
	// complexity is what the team sells, for the ramp plan.
	complexity tmc.Complexity
	// maxMentees caps the mentees per mentor.
	maxMentees int
}

// The stages of the deal roll-up. A deal's furthest stage is where it
// stands: a Maven "Prospecting" deal is an opportunity not yet engaged,
// "Engaging" has reached the first meeting, Won and Lost are closed.
var dealStages = []string{"opportunity", "engaged", "closed"}

const (
	_ = iota // dealOpportunity: the zero stage
	dealEngaged
	dealClosed
)

// Competency IDs of competency.Default.
const (
	compNewOpps = "new-opportunities"
	compGateway = "gateway"
	compClose   = "close"
)

// minEvidence is the number of trials a rep needs on a competency to count
// in the team's benchmark distribution: a rep's 1 of 1 is not a standard.
const minEvidence = 10

// buildReport computes the report for ds.
func buildReport(ds *Dataset, opt reportOptions) (*Report, error) {
	asOf := opt.asOf
	if asOf.IsZero() {
		asOf = latestDate(ds)
		if asOf.IsZero() {
			return nil, errors.New("no dated deal or activity in the data: give -asof")
		}
	}
	start := asOf.AddDate(0, 0, 1) // the day after: windows are half-open
	window, err := grid.Trailing(start, grid.DefaultMonths)
	if err != nil {
		return nil, err
	}
	rep := &Report{AsOf: asOf.Format(time.DateOnly), Window: window, Skipped: len(ds.Skipped)}
	ds = asOfView(ds, asOf, &rep.Notes)
	rep.Deals = len(ds.Deals)

	// The edge: intern every rep once, roster first.
	var reps benchmark.Interner
	roster := map[string]Rep{}
	for _, r := range ds.Reps {
		if _, err := reps.Intern(r.Name); err != nil {
			return nil, err
		}
		roster[r.Name] = r
	}
	var owners []string
	for _, d := range ds.Deals {
		if _, ok := reps.Lookup(d.Owner); !ok && !slices.Contains(owners, d.Owner) {
			owners = append(owners, d.Owner)
		}
	}
	slices.Sort(owners)
	for _, o := range owners {
		if _, err := reps.Intern(o); err != nil {
			return nil, err
		}
	}
	if len(owners) > 0 && len(ds.Reps) > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("%d deal owners are not in the roster (%s): no manager, so no coaching hours", len(owners), strings.Join(owners, ", ")))
	}
	n := reps.Len()
	if n == 0 {
		return nil, errors.New("no reps and no deals in the data")
	}

	deals, err := rollUp(ds, &reps)
	if err != nil {
		return nil, err
	}
	combined, err := deals.Combined()
	if err != nil {
		return nil, err
	}
	rep.Closed, rep.Won = combined.WinRate.Trials, combined.WinRate.Hits
	kpis := make([]benchmark.KPIs, n)
	for g := range n {
		if kpis[g], err = deals.Group(g); err != nil {
			return nil, err
		}
	}

	// Competency rates per rep, the team's priors and standards, and the
	// part of the ready model that the data measures.
	rates := competencyRates(ds, &reps, kpis)
	model, priors, targets, notes, err := teamStandards(rates)
	if err != nil {
		return nil, err
	}
	rep.Notes = append(rep.Notes, notes...)
	for c := range model.All() {
		var trials int64
		for _, m := range rates {
			trials += m[c.ID].Trials
		}
		p := priors[c.ID]
		rep.Priors = append(rep.Priors, TeamPrior{Competency: c.ID, Prior: p, Mean: p.Mean(), Strength: p.Strength(), Trials: trials})
	}
	if rep.Benchmarks, err = teamBenchmarks(model, rates, priors, kpis); err != nil {
		return nil, err
	}
	rep.Rules = discoverRules(ds)

	// The ramp plan, from the team's typical cycle.
	rep.Ramp, err = tmc.Plan(opt.complexity, int(math.Round(combined.AverageDays)), nil)
	if err != nil {
		return nil, err
	}

	desire := map[string]float64{}
	for _, d := range ds.Desires {
		v, err := grid.DesireFrom(grid.Scale{Min: 1, Max: 5}, d.Score)
		if err != nil {
			return nil, fmt.Errorf("desire of %s: %w", d.Rep, err)
		}
		desire[d.Rep] = v
	}
	quota := map[string]float64{}
	for _, q := range ds.Quotas {
		quota[q.Rep] = q.Monthly
	}
	sold := soldIn(ds, window)
	month := grid.Window{Start: start, End: start.AddDate(0, 1, 0)} // the coming month

	var plan grid.Plan
	for g := range n {
		name, _ := reps.ID(uint32(g))
		k := kpis[g]
		r := RepReport{Name: name, Manager: roster[name].Manager, Deals: k.Funnel[0].Count,
			Closed: k.WinRate.Trials, Won: k.WinRate.Hits, Evidence: k.Funnel[0].Count > 0}
		if k.WinRate.Trials > 0 {
			lo, hi := k.WinRate.Interval(0.95)
			r.WinRate = &RateView{Rate: k.WinRate, Value: k.WinRate.Value(), Lo: lo, Hi: hi,
				Shrunk: priors[compClose].Shrink(k.WinRate)}
		}
		if len(model.Competencies) > 0 {
			card, err := competency.NewScorecard(model, name, rates[g], targets, priors, nil)
			if err != nil {
				return nil, fmt.Errorf("scorecard of %s: %w", name, err)
			}
			r.Scorecard = card.Scores
			if s, ok := card.Score(compClose); ok {
				r.Grade = s.Grade
			}
			if r.Evidence {
				t := tenure{started: roster[name].Started, asOf: asOf, ramp: rep.Ramp}
				if err := placeAndPrescribe(&r, card, model, &plan, month, t, desire, quota, sold[name], window); err != nil {
					return nil, err
				}
			}
		}
		rep.Reps = append(rep.Reps, r)
	}
	if err := assignMentors(rep.Reps, opt.maxMentees); err != nil {
		return nil, err
	}
	if err := allocateCoaching(rep.Reps, opt.coachingHours); err != nil {
		return nil, err
	}
	return rep, nil
}

// asOfView returns ds as it stood at the end of day asOf: deals created
// later are left out, deals closed later are still open (engaged), and
// later activities are left out. It notes what it changed.
func asOfView(ds *Dataset, asOf time.Time, notes *[]string) *Dataset {
	end := asOf.AddDate(0, 0, 1)
	v := *ds
	v.Deals = make([]Deal, 0, len(ds.Deals))
	var dropped, reopened int
	for _, d := range ds.Deals {
		switch {
		case !d.Created.IsZero() && !d.Created.Before(end):
			dropped++
			continue
		case !d.Closed.IsZero() && !d.Closed.Before(end):
			d.Stage, d.Closed, d.Amount, d.HasAmount = StageEngaged, time.Time{}, 0, false
			reopened++
		}
		v.Deals = append(v.Deals, d)
	}
	v.Activities = make([]Activity, 0, len(ds.Activities))
	for _, a := range ds.Activities {
		if a.Date.Before(end) {
			v.Activities = append(v.Activities, a)
		}
	}
	if dropped+reopened > 0 {
		*notes = append(*notes, fmt.Sprintf("as of %s: %d later deals left out, %d deals closed later counted as open",
			asOf.Format(time.DateOnly), dropped, reopened))
	}
	return &v
}

// rollUp counts the deals per rep with a benchmark.Rollup. Amounts are
// rounded to cents; days run from the first meeting (or creation) to the
// close.
func rollUp(ds *Dataset, reps *benchmark.Interner) (*benchmark.Rollup, error) {
	deals, err := benchmark.NewRollup(dealStages, reps.Len())
	if err != nil {
		return nil, err
	}
	recs := make([]benchmark.Record, 0, len(ds.Deals))
	for _, d := range ds.Deals {
		g, _ := reps.Lookup(d.Owner)
		rec := benchmark.Record{Group: g}
		switch d.Stage {
		case StageOpen:
			// Stage 0, the opportunity.
		case StageEngaged:
			rec.Stage = dealEngaged
		case StageWon, StageLost:
			rec.Stage = dealClosed
			rec.Outcome = benchmark.Lost
			if d.Stage == StageWon {
				rec.Outcome = benchmark.Won
			}
			if d.HasAmount {
				if rec.Amount, err = benchmark.MinorUnits(d.Amount, 2); err != nil {
					return nil, fmt.Errorf("deal %s amount: %w", d.ID, err)
				}
			}
			if !d.Created.IsZero() && !d.Closed.IsZero() {
				// The readers refuse a close before the creation day.
				if rec.Days, err = benchmark.CycleDays(d.Created, d.Closed); err != nil {
					return nil, fmt.Errorf("deal %s: %w", d.ID, err)
				}
			}
		default:
			return nil, fmt.Errorf("deal %s: stage %v", d.ID, d.Stage)
		}
		recs = append(recs, rec)
	}
	return deals, deals.Add(recs)
}

// competencyRates reads each rep's rate on each competency of
// competency.Default that the data measures:
//
//   - new-opportunities (conversation → appointment): meetings out of
//     conversations in the activity log;
//   - gateway (appointment → proposal): proposals out of meetings in the
//     activity log;
//   - close: won of closed deals.
//
// The activity log records each touch as its own event, so the ratios
// are of event counts. A rep who logged more meetings than conversations
// (or more proposals than meetings) has no valid conversion there, and is
// left without evidence rather than given a rate above 100%. Without an
// activity log only close is measured: a pipeline's open prospects are not
// failed conversations (they are still in play), so engaged ÷ all deals
// would grade reps on the age of their pipeline.
func competencyRates(ds *Dataset, reps *benchmark.Interner, kpis []benchmark.KPIs) []map[string]benchmark.Rate {
	counts := make([][4]int64, reps.Len()) // conversations, meetings, proposals, and whether any activity
	for _, a := range ds.Activities {
		g, ok := reps.Lookup(a.Rep)
		if !ok {
			continue // an activity of someone outside the team
		}
		switch a.Kind {
		case ActivityConversation:
			counts[g][0]++
		case ActivityMeeting:
			counts[g][1]++
		case ActivityProposal:
			counts[g][2]++
		}
		counts[g][3] = 1
	}
	rates := make([]map[string]benchmark.Rate, len(kpis))
	for g := range kpis {
		m := map[string]benchmark.Rate{compClose: kpis[g].WinRate}
		if len(ds.Activities) > 0 {
			c := counts[g]
			if c[1] <= c[0] {
				m[compNewOpps] = benchmark.Rate{Hits: c[1], Trials: c[0]}
			}
			if c[2] <= c[1] {
				m[compGateway] = benchmark.Rate{Hits: c[2], Trials: c[1]}
			}
		}
		rates[g] = m
	}
	return rates
}

// teamStandards fits the team's prior per competency and sets each target
// at the 75th percentile of the team's shrunk rates: the grades compare
// shrunk rates with the target, so the target must be on the same scale,
// or a team whose reps differ little could have no A player at all. Only
// reps with at least minEvidence trials count toward the target (all reps
// with trials when fewer than two have that many). A competency that no
// rep has evidence on, or that nobody has converted on yet, is left out of
// the model with a note.
func teamStandards(rates []map[string]benchmark.Rate) (competency.Model, map[string]benchmark.Prior, map[string]benchmark.Benchmark, []string, error) {
	var model competency.Model
	var notes []string
	priors := map[string]benchmark.Prior{}
	targets := map[string]benchmark.Benchmark{}
	for c := range competency.Default().All() {
		var all []benchmark.Rate
		measured := false
		for _, m := range rates {
			r, ok := m[c.ID]
			measured = measured || ok
			all = append(all, r)
		}
		if !measured {
			continue // the data does not measure it: see competencyRates
		}
		prior, err := benchmark.FitPrior(all)
		if errors.Is(err, benchmark.ErrEmpty) {
			notes = append(notes, fmt.Sprintf("%s: no rep has evidence yet, so nobody is graded on it", c.ID))
			continue
		}
		if err != nil {
			return competency.Model{}, nil, nil, nil, err
		}
		if team, err := benchmark.Sum(all...); err != nil || team.Hits == 0 {
			// A prior keeps even a team with no wins off zero, but a
			// standard nobody has met is not a standard.
			notes = append(notes, fmt.Sprintf("%s: nobody has converted yet, so there is no standard to grade against", c.ID))
			continue
		}
		b, err := benchmark.FromTeam(benchmark.Metric{Name: c.Name, Unit: "%"}, evidenced(all, prior), 0.75)
		if err != nil {
			return competency.Model{}, nil, nil, nil, err
		}
		model.Competencies = append(model.Competencies, c)
		priors[c.ID], targets[c.ID] = prior, b
	}
	return model, priors, targets, notes, nil
}

// evidenced returns the shrunk rates of the reps with at least
// minEvidence trials, or of all reps with trials when fewer than two have
// that many.
func evidenced(rates []benchmark.Rate, p benchmark.Prior) []float64 {
	var strong, some []float64
	for _, r := range rates {
		if r.Trials >= minEvidence {
			strong = append(strong, p.Shrink(r))
		}
		if r.Trials > 0 {
			some = append(some, p.Shrink(r))
		}
	}
	if len(strong) < 2 {
		return some
	}
	return strong
}

// teamBenchmarks lists the team's spread on each competency (shrunk rates,
// as graded) and on the deal KPIs: average won deal and days to close a
// won deal (lower is better).
func teamBenchmarks(model competency.Model, rates []map[string]benchmark.Rate, priors map[string]benchmark.Prior, kpis []benchmark.KPIs) ([]TeamBenchmark, error) {
	var tb benchmark.TeamBenchmarks
	var out []TeamBenchmark
	add := func(m benchmark.Metric, values []float64) error {
		if len(values) == 0 {
			return nil
		}
		bs, err := tb.FromTeam(nil, m, values, 0.5, 0.75, 0.9)
		if err != nil {
			return err
		}
		out = append(out, TeamBenchmark{Metric: m, Reps: len(values), P50: bs[0].Target, Target: bs[1].Target, P90: bs[2].Target})
		return nil
	}
	for c := range model.All() {
		var rs []benchmark.Rate
		for _, m := range rates {
			rs = append(rs, m[c.ID])
		}
		if err := add(benchmark.Metric{Name: c.Name, Unit: "%"}, evidenced(rs, priors[c.ID])); err != nil {
			return nil, err
		}
	}
	var deal, days []float64
	for _, k := range kpis {
		if k.Won.Count > 0 {
			deal = append(deal, k.AverageDeal/100)
			days = append(days, k.AverageDays)
		}
	}
	if err := add(benchmark.Metric{Name: "average won deal", Unit: "currency"}, deal); err != nil {
		return nil, err
	}
	if err := add(benchmark.Metric{Name: "days to close a won deal", Unit: "days", Direction: benchmark.LowerIsBetter}, days); err != nil {
		return nil, err
	}
	return out, nil
}

// discoverRules looks for Tressel-style thresholds in the closed deals:
// does the time a deal spends in the pipeline predict winning, either way?
// Each direction is a separate search, so a leader should read two rules
// as two findings to check, not one proof. A rule whose other side holds
// fewer deals than the search's minimum support says nothing beyond the
// whole history and is reported as no rule.
func discoverRules(ds *Dataset) []DiscoveredRule {
	var obs []benchmark.Observation
	for _, d := range ds.Deals {
		if d.Stage.Closed() && !d.Created.IsZero() && !d.Closed.IsZero() {
			if days, err := benchmark.CycleDays(d.Created, d.Closed); err == nil {
				obs = append(obs, benchmark.Observation{Value: float64(days), Won: d.Stage == StageWon})
			}
		}
	}
	// The report asks for support on both sides of a rule: 1% of the
	// deals, at least 5 (the size Discover defaults to for the reached
	// side), passed to Discover so the two checks use one number.
	minSupport := max(5, (len(obs)+99)/100)
	opts := &benchmark.DiscoverOptions{MinSupport: minSupport}
	var out []DiscoveredRule
	for _, dir := range []benchmark.Direction{benchmark.LowerIsBetter, benchmark.HigherIsBetter} {
		m := benchmark.Metric{Name: "days in the pipeline", Unit: "days", Direction: dir}
		op := "≥"
		if dir == benchmark.LowerIsBetter {
			op = "≤"
		}
		rule, err := benchmark.Discover(m, obs, opts)
		switch {
		case err != nil:
			out = append(out, DiscoveredRule{Sentence: fmt.Sprintf("%s %s t: no rule (%v)", m.Name, op, err)})
		case rule.Missed.Trials < int64(minSupport):
			out = append(out, DiscoveredRule{Sentence: fmt.Sprintf("%s %s t: no threshold beats the whole history with %d deals or more on each side",
				m.Name, op, minSupport)})
		default:
			out = append(out, DiscoveredRule{Rule: &rule, Sentence: rule.String()})
		}
	}
	return out
}

// tenure is what the report knows of how long a rep has been selling.
type tenure struct {
	started, asOf time.Time // started is zero when the roster does not say
	ramp          tmc.Ramp
}

// expected returns the T.M.C. stage the ramp plan expects the rep to be in,
// and how the report came to it.
func (t tenure) expected() (tmc.Help, string) {
	if t.started.IsZero() {
		return tmc.Coaching, "start date unknown, assumed past ramp"
	}
	days := int(t.asOf.Sub(t.started).Hours() / 24)
	h := t.ramp.Expected(t.started, t.asOf)
	switch h {
	case tmc.NoHelp, tmc.Training:
		return tmc.Training, fmt.Sprintf("started %s, %d days in: inside the %d-day training stage", t.started.Format(time.DateOnly), days, t.ramp.TrainingDays)
	case tmc.Mentoring:
		return h, fmt.Sprintf("started %s, %d days in: inside the mentoring stage", t.started.Format(time.DateOnly), days)
	}
	return h, fmt.Sprintf("started %s, past training and mentoring", t.started.Format(time.DateOnly))
}

// placeAndPrescribe fills in the grid, T.M.C. and focus parts of r.
func placeAndPrescribe(r *RepReport, card competency.Scorecard, model competency.Model, plan *grid.Plan,
	month grid.Window, t tenure, desire, quota map[string]float64, sold float64, window grid.Window) error {
	focus, err := plan.Next(model, card, month)
	if err != nil {
		return fmt.Errorf("focus of %s: %w", r.Name, err)
	}
	if *plan, err = plan.Add(focus); err != nil {
		return err
	}
	r.Focus = &focus

	// The grid needs all three measures; desire and quota come from the
	// survey and the quota file, and are never guessed. A rep who started
	// too late in the window to owe any quota is not measured either.
	d, haveDesire := desire[r.Name]
	q, haveQuota := quota[r.Name]
	comp, errComp := grid.CompetencyFrom(card)
	if haveDesire && haveQuota && errComp == nil {
		prod, err := grid.ProductivityFrom(sold, grid.DefaultMonths*q, window, t.started)
		if err == nil {
			m := grid.Measures{Desire: d, Productivity: prod, Competency: comp}
			if r.Quadrant, err = grid.Place(m, nil); err != nil {
				return fmt.Errorf("placing %s: %w", r.Name, err)
			}
			r.Measures = &m
		}
	}

	// T.M.C. A CRM records results, not what a rep knows, so the signals
	// are inferred: the ramp plan says whether the rep has been trained
	// and mentored yet, and the grade on the focus competency whether the
	// rep knows how and meets the standard.
	score, _ := card.Score(focus.Competency)
	expected, why := t.expected()
	s := tmc.Signals{
		KnowsWhat:     expected != tmc.Training,
		KnowsHow:      expected == tmc.Coaching && score.Grade >= competency.GradeB,
		MeetsStandard: score.Grade == competency.GradeA,
	}
	p := tmc.Prescribe(s)
	r.Prescription = &p
	r.Basis = fmt.Sprintf("inferred from grade %v on %s; %s", score.Grade, focus.Competency, why)
	return nil
}

// assignMentors suggests a mentor, on their focus competency, for every rep
// prescribed mentoring: peers graded A, never the rep or the rep's manager,
// at most maxMentees each across all competencies. Reps in the most need
// (the lowest shrunk rate) are matched first. A rep prescribed training or coaching gets no mentor:
// mentoring them would be the misdirected help tmc warns of.
func assignMentors(reps []RepReport, maxMentees int) error {
	byComp := map[string][]int{}
	mentees := map[string]int{} // mentees assigned so far, per mentor
	for i, r := range reps {
		if r.Focus != nil && r.Prescription != nil && r.Prescription.Help == tmc.Mentoring {
			byComp[r.Focus.Competency] = append(byComp[r.Focus.Competency], i)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(byComp)) {
		idx := byComp[id]
		slices.SortStableFunc(idx, func(a, b int) int {
			return cmp.Compare(scoreOf(reps[a], id).Shrunk, scoreOf(reps[b], id).Shrunk)
		})
		var peers []tmc.Peer
		aPlayers := 0
		for _, r := range reps {
			if s := scoreOf(r, id); s.Rate.Trials > 0 {
				peers = append(peers, tmc.Peer{Name: r.Name, Manager: r.Manager, Score: s, Mentees: mentees[r.Name]})
				if s.Grade == competency.GradeA {
					aPlayers++
				}
			}
		}
		need := make([]tmc.Rep, len(idx))
		for j, i := range idx {
			need[j] = tmc.Rep{Name: reps[i].Name, Manager: reps[i].Manager}
		}
		pairs, err := tmc.AssignMentors(id, need, peers, maxMentees)
		if err != nil && !errors.Is(err, tmc.ErrNoMentor) {
			return fmt.Errorf("mentors for %s: %w", id, err)
		}
		matched := map[string]string{}
		for _, p := range pairs {
			matched[p.Rep] = p.Mentor
			mentees[p.Mentor]++
		}
		for _, i := range idx {
			switch m, ok := matched[reps[i].Name]; {
			case ok:
				reps[i].Mentor = m
			case aPlayers == 0:
				reps[i].MentorNote = "no A player on " + id + " yet"
			default:
				reps[i].MentorNote = fmt.Sprintf("every eligible A player on %s already has %d mentees", id, maxMentees)
			}
		}
	}
	return nil
}

// allocateCoaching spreads each manager's coaching hours across the
// manager's reps who are placed on the grid. Reps outside the roster have
// no manager, and get no share.
func allocateCoaching(reps []RepReport, hours float64) error {
	teams := map[string][]grid.Rep{}
	for _, r := range reps {
		if r.Measures != nil && r.Manager != "" {
			teams[r.Manager] = append(teams[r.Manager], grid.Rep{ID: r.Name, Measures: *r.Measures})
		}
	}
	share := map[string]grid.Share{}
	for _, manager := range slices.Sorted(maps.Keys(teams)) {
		a, err := grid.Assess(teams[manager], nil)
		if err != nil {
			return err
		}
		alloc, err := grid.Allocate(hours, a, nil)
		if err != nil {
			return fmt.Errorf("coaching hours of %s's team: %w", manager, err)
		}
		for _, s := range alloc.Shares {
			share[s.Rep] = s
		}
	}
	for i := range reps {
		if s, ok := share[reps[i].Name]; ok {
			h := s.Hours
			reps[i].CoachingHours = &h
			reps[i].BelowCadence = s.BelowMinimum
		}
	}
	return nil
}

// scoreOf returns r's score on competency id, or the zero Score.
func scoreOf(r RepReport, id string) competency.Score {
	s, _ := competency.Scorecard{Rep: r.Name, Scores: r.Scorecard}.Score(id)
	return s
}

// soldIn returns each rep's won amount from deals closed in w.
func soldIn(ds *Dataset, w grid.Window) map[string]float64 {
	sold := map[string]float64{}
	for _, d := range ds.Deals {
		if d.Stage == StageWon && d.HasAmount && w.Contains(d.Closed) {
			sold[d.Owner] += d.Amount
		}
	}
	return sold
}

// latestDate returns the latest date in the deals and activities.
func latestDate(ds *Dataset) time.Time {
	var t time.Time
	for _, d := range ds.Deals {
		t = later(later(t, d.Created), d.Closed)
	}
	for _, a := range ds.Activities {
		t = later(t, a.Date)
	}
	return t
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
