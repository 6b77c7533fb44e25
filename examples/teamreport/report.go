package main

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
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
	Prescription *tmc.Prescription `json:"prescription"`
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

// The stages of the two roll-ups the report makes. A deal's furthest stage
// is where it stands: a Maven "Prospecting" deal is an opportunity not yet
// engaged, "Engaging" has reached the first meeting, Won and Lost are
// closed. An activity row is one touch at its furthest stage: a call that
// became a conversation is logged as the conversation.
var (
	dealStages     = []string{"opportunity", "engaged", "closed"}
	activityStages = []string{"call", "conversation", "appointment", "proposal"}
)

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
	window, err := grid.Trailing(asOf.AddDate(0, 0, 1), 6)
	if err != nil {
		return nil, err
	}
	rep := &Report{AsOf: asOf.Format(time.DateOnly), Window: window, Deals: len(ds.Deals), Skipped: len(ds.Skipped)}

	// The edge: intern every rep once, roster first.
	var reps benchmark.Interner
	managers := map[string]string{}
	for _, r := range ds.Reps {
		if _, err := reps.Intern(r.Name); err != nil {
			return nil, err
		}
		managers[r.Name] = r.Manager
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
	n := reps.Len()
	if n == 0 {
		return nil, errors.New("no reps and no deals in the data")
	}

	deals, activities, err := rollUp(ds, &reps, window)
	if err != nil {
		return nil, err
	}
	combined, err := deals.Combined()
	if err != nil {
		return nil, err
	}
	rep.Closed, rep.Won = combined.WinRate.Trials, combined.WinRate.Hits

	kpis := make([]benchmark.KPIs, n)
	actKPIs := make([]benchmark.KPIs, n)
	for g := range n {
		if kpis[g], err = deals.Group(g); err != nil {
			return nil, err
		}
		if actKPIs[g], err = activities.Group(g); err != nil {
			return nil, err
		}
	}

	// Competency rates per rep, and the model of what this data measures.
	model, rates := competencyRates(kpis, actKPIs, len(ds.Activities) > 0)
	priors, targets, err := teamStandards(model, rates)
	if err != nil {
		return nil, err
	}
	for c := range model.All() {
		p, ok := priors[c.ID]
		if !ok {
			continue
		}
		var trials int64
		for _, m := range rates {
			trials += m[c.ID].Trials
		}
		rep.Priors = append(rep.Priors, TeamPrior{Competency: c.ID, Prior: p, Mean: p.Mean(), Strength: p.Strength(), Trials: trials})
	}
	rep.Benchmarks, err = teamBenchmarks(model, rates, kpis)
	if err != nil {
		return nil, err
	}
	rep.Rules = discoverRules(ds)

	// The ramp plan, from the team's typical cycle.
	cycle := int(math.Round(combined.AverageDays))
	rep.Ramp, err = tmc.Plan(opt.complexity, cycle, nil)
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
	joined := firstDates(ds)
	sold := soldIn(ds, window)

	var plan grid.Plan
	month, err := grid.Trailing(asOf.AddDate(0, 1, 1), 1) // the coming month
	if err != nil {
		return nil, err
	}
	for g := range n {
		name, _ := reps.ID(uint32(g))
		k := kpis[g]
		r := RepReport{Name: name, Manager: managers[name], Deals: int64(k.Funnel[0].Count),
			Closed: k.WinRate.Trials, Won: k.WinRate.Hits, Evidence: k.Funnel[0].Count > 0}
		if k.WinRate.Trials > 0 {
			lo, hi := k.WinRate.Interval(0.95)
			r.WinRate = &RateView{Rate: k.WinRate, Value: k.WinRate.Value(), Lo: lo, Hi: hi,
				Shrunk: priors[compClose].Shrink(k.WinRate)}
		}
		card, err := competency.NewScorecard(model, name, rates[g], targets, priors, nil)
		if err != nil {
			return nil, fmt.Errorf("scorecard of %s: %w", name, err)
		}
		r.Scorecard = card.Scores
		if s, ok := card.Score(compClose); ok {
			r.Grade = s.Grade
		}
		if r.Evidence {
			if err := placeAndPrescribe(&r, card, model, &plan, month, rep.Ramp, joined[name], asOf,
				desire, quota, sold[name], window); err != nil {
				return nil, err
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

// rollUp counts the deals and the activities per rep with two
// benchmark.Rollups. Deal amounts are rounded to cents.
func rollUp(ds *Dataset, reps *benchmark.Interner, window grid.Window) (deals, activities *benchmark.Rollup, err error) {
	if deals, err = benchmark.NewRollup(dealStages, reps.Len()); err != nil {
		return nil, nil, err
	}
	if activities, err = benchmark.NewRollup(activityStages, reps.Len()); err != nil {
		return nil, nil, err
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
					return nil, nil, fmt.Errorf("deal %s amount: %w", d.ID, err)
				}
			}
			if !d.Created.IsZero() && !d.Closed.IsZero() {
				if rec.Days, err = benchmark.CycleDays(d.Created, d.Closed); err != nil {
					return nil, nil, fmt.Errorf("deal %s: %w", d.ID, err)
				}
			}
		default:
			return nil, nil, fmt.Errorf("deal %s: stage %v", d.ID, d.Stage)
		}
		recs = append(recs, rec)
	}
	if err := deals.Add(recs); err != nil {
		return nil, nil, err
	}
	recs = recs[:0]
	for _, a := range ds.Activities {
		g, ok := reps.Lookup(a.Rep)
		if !ok {
			continue // an activity of someone outside the team
		}
		recs = append(recs, benchmark.Record{Group: g, Stage: uint8(a.Kind - ActivityCall)})
	}
	if err := activities.Add(recs); err != nil {
		return nil, nil, err
	}
	return deals, activities, nil
}

// competencyRates reads each rep's rate on each competency off the
// roll-ups, and returns the part of competency.Default the data measures.
//
//   - new-opportunities (conversation → appointment): appointments of
//     conversations in the activity log;
//   - gateway (appointment → proposal): proposals of appointments in the
//     activity log;
//   - close: won of closed deals.
//
// Without an activity log only close is measured. A pipeline's open
// prospects are not failed conversations (they are still in play), so
// engaged ÷ all deals would grade reps on the age of their pipeline.
func competencyRates(deals, activities []benchmark.KPIs, haveActivities bool) (competency.Model, []map[string]benchmark.Rate) {
	rates := make([]map[string]benchmark.Rate, len(deals))
	for g := range deals {
		m := map[string]benchmark.Rate{compClose: deals[g].WinRate}
		if haveActivities {
			m[compNewOpps] = activities[g].Rates[1]
			m[compGateway] = activities[g].Rates[2]
		}
		rates[g] = m
	}
	var model competency.Model
	for c := range competency.Default().All() {
		if _, ok := rates[0][c.ID]; ok || len(rates) == 0 && c.ID == compClose {
			model.Competencies = append(model.Competencies, c)
		}
	}
	return model, rates
}

// teamStandards fits the team's prior per competency and sets the target at
// the 75th percentile of the raw rates of reps with at least minEvidence
// trials (all reps with trials when fewer than two have that many).
func teamStandards(model competency.Model, rates []map[string]benchmark.Rate) (map[string]benchmark.Prior, map[string]benchmark.Benchmark, error) {
	priors := map[string]benchmark.Prior{}
	targets := map[string]benchmark.Benchmark{}
	for c := range model.All() {
		var all []benchmark.Rate
		var strong, some []float64
		for _, m := range rates {
			r := m[c.ID]
			all = append(all, r)
			if r.Trials >= minEvidence {
				strong = append(strong, r.Value())
			}
			if r.Trials > 0 {
				some = append(some, r.Value())
			}
		}
		if len(strong) < 2 {
			strong = some
		}
		metric := benchmark.Metric{Name: c.Name, Unit: "%"}
		if len(strong) == 0 {
			return nil, nil, fmt.Errorf("no rep has evidence on %q", c.Name)
		}
		b, err := benchmark.FromTeam(metric, strong, 0.75)
		if err != nil {
			return nil, nil, err
		}
		if b.Target <= 0 {
			return nil, nil, fmt.Errorf("the team's benchmark for %q is 0: nobody converts", c.Name)
		}
		targets[c.ID] = b
		if p, err := benchmark.FitPrior(all); err == nil {
			priors[c.ID] = p
		}
	}
	return priors, targets, nil
}

// teamBenchmarks lists the team's spread on each competency and on the
// deal KPIs: average won deal and days to close (lower is better).
func teamBenchmarks(model competency.Model, rates []map[string]benchmark.Rate, kpis []benchmark.KPIs) ([]TeamBenchmark, error) {
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
		var values []float64
		for _, m := range rates {
			if r := m[c.ID]; r.Trials >= minEvidence {
				values = append(values, r.Value())
			}
		}
		if err := add(benchmark.Metric{Name: c.Name, Unit: "%"}, values); err != nil {
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
// does the time from first meeting to close predict winning, either way?
func discoverRules(ds *Dataset) []DiscoveredRule {
	var obs []benchmark.Observation
	for _, d := range ds.Deals {
		if d.Stage.Closed() && !d.Created.IsZero() && !d.Closed.IsZero() && !d.Closed.Before(d.Created) {
			obs = append(obs, benchmark.Observation{Value: d.Closed.Sub(d.Created).Hours() / 24, Won: d.Stage == StageWon})
		}
	}
	var out []DiscoveredRule
	for _, dir := range []benchmark.Direction{benchmark.LowerIsBetter, benchmark.HigherIsBetter} {
		m := benchmark.Metric{Name: "days from first meeting to close", Unit: "days", Direction: dir}
		rule, err := benchmark.Discover(m, obs, nil)
		if err != nil {
			out = append(out, DiscoveredRule{Sentence: fmt.Sprintf("%s (%v): no rule: %v", m.Name, dir, err)})
			continue
		}
		if rule.Missed.Trials == 0 {
			// The easiest value qualifies: no threshold beats the whole
			// history, so there is nothing to train toward.
			out = append(out, DiscoveredRule{Sentence: fmt.Sprintf("%s (%v): no threshold does better than the whole history (%v)",
				m.Name, dir, rule.Reached)})
			continue
		}
		out = append(out, DiscoveredRule{Rule: &rule, Sentence: rule.String()})
	}
	return out
}

// placeAndPrescribe fills in the grid, T.M.C. and focus parts of r.
func placeAndPrescribe(r *RepReport, card competency.Scorecard, model competency.Model, plan *grid.Plan,
	month grid.Window, ramp tmc.Ramp, joined, asOf time.Time,
	desire, quota map[string]float64, sold float64, window grid.Window) error {
	focus, err := plan.Next(model, card, month)
	if err != nil {
		return fmt.Errorf("focus of %s: %w", r.Name, err)
	}
	if *plan, err = plan.Add(focus); err != nil {
		return err
	}
	r.Focus = &focus

	// The grid needs all three measures; desire and quota come from the
	// survey and the quota file, and are never guessed.
	d, haveDesire := desire[r.Name]
	q, haveQuota := quota[r.Name]
	comp, errComp := grid.CompetencyFrom(card)
	if haveDesire && haveQuota && errComp == nil {
		prod, err := grid.ProductivityFrom(sold, 6*q, window, joined)
		if err != nil {
			return fmt.Errorf("productivity of %s: %w", r.Name, err)
		}
		m := grid.Measures{Desire: d, Productivity: prod, Competency: comp}
		if r.Quadrant, err = grid.Place(m, nil); err != nil {
			return fmt.Errorf("placing %s: %w", r.Name, err)
		}
		r.Measures = &m
	}

	// T.M.C.: where the ramp plan expects the rep to be says whether the
	// rep has been trained and mentored yet; the grade on the focus
	// competency says whether the rep knows how and meets the standard.
	score, _ := card.Score(focus.Competency)
	expected := ramp.Expected(joined, asOf)
	s := tmc.Signals{
		KnowsWhat:     expected != tmc.Training,
		KnowsHow:      expected == tmc.Coaching && score.Grade >= competency.GradeB,
		MeetsStandard: score.Grade == competency.GradeA,
	}
	p := tmc.Prescribe(s)
	r.Prescription = &p
	return nil
}

// assignMentors suggests a mentor, on their focus competency, for every rep
// with evidence who is not an A player on it: peers graded A, never the rep
// or the rep's manager, at most maxMentees each. Reps in the most need (the
// lowest shrunk rate) are matched first.
func assignMentors(reps []RepReport, maxMentees int) error {
	byComp := map[string][]int{}
	for i, r := range reps {
		if r.Focus != nil && scoreOf(r, r.Focus.Competency).Grade != competency.GradeA {
			byComp[r.Focus.Competency] = append(byComp[r.Focus.Competency], i)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(byComp)) {
		idx := byComp[id]
		slices.SortStableFunc(idx, func(a, b int) int {
			return cmp.Compare(scoreOf(reps[a], id).Shrunk, scoreOf(reps[b], id).Shrunk)
		})
		var peers []tmc.Peer
		for _, r := range reps {
			if s := scoreOf(r, id); s.Rate.Trials > 0 {
				peers = append(peers, tmc.Peer{Name: r.Name, Manager: r.Manager, Score: s})
			}
		}
		mentees := make([]tmc.Rep, len(idx))
		for j, i := range idx {
			mentees[j] = tmc.Rep{Name: reps[i].Name, Manager: reps[i].Manager}
		}
		pairs, err := tmc.AssignMentors(id, mentees, peers, maxMentees)
		if err != nil && !errors.Is(err, tmc.ErrNoMentor) {
			return fmt.Errorf("mentors for %s: %w", id, err)
		}
		matched := map[string]string{}
		for _, p := range pairs {
			matched[p.Rep] = p.Mentor
		}
		for _, i := range idx {
			if m, ok := matched[reps[i].Name]; ok {
				reps[i].Mentor = m
			} else {
				reps[i].MentorNote = "no A player on " + id + " is free to mentor"
			}
		}
	}
	return nil
}

// allocateCoaching spreads each manager's coaching hours across the
// manager's reps who are placed on the grid.
func allocateCoaching(reps []RepReport, hours float64) error {
	teams := map[string][]grid.Rep{}
	for _, r := range reps {
		if r.Measures != nil {
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

func scoreOf(r RepReport, id string) competency.Score {
	for _, s := range r.Scorecard {
		if s.Competency == id {
			return s
		}
	}
	return competency.Score{}
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

// firstDates returns each rep's first dated deal or activity: the report's
// stand-in for a start date, which CRM exports rarely carry.
func firstDates(ds *Dataset) map[string]time.Time {
	first := map[string]time.Time{}
	note := func(rep string, t time.Time) {
		if t.IsZero() {
			return
		}
		if f, ok := first[rep]; !ok || t.Before(f) {
			first[rep] = t
		}
	}
	for _, d := range ds.Deals {
		note(d.Owner, d.Created)
		note(d.Owner, d.Closed)
	}
	for _, a := range ds.Activities {
		note(a.Rep, a.Date)
	}
	return first
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
