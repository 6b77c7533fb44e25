package main

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/salesdev/salesdev"
	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/benchmark/rollup"
	"github.com/salesdev/salesdev/competency"
	"github.com/salesdev/salesdev/grid"
	"github.com/salesdev/salesdev/tmc"
)

// Report is the team development report: the team plan of the library
// ([salesdev.Plan]) with what the report itself counted in the CRM export.
// Its JSON form (teamreport -json) is stable: fields are only ever added,
// never renamed or removed.
type Report struct {
	// SchemaVersion is [SchemaVersion]: the version of this JSON form.
	SchemaVersion int `json:"schema_version"`
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
	// Plan is the team plan the library made from the export: standards,
	// first priority for training, rules, and each rep's plan, in the
	// order of Reps.
	Plan salesdev.Plan `json:"plan"`
	// Reps is one row per rep, in the order of Plan.Reps: the roster's
	// reps first, in roster order, then deal owners missing from the
	// roster, by name.
	Reps []RepReport `json:"reps"`
	// Notes say what the data could not support: reps outside the roster,
	// deals after the as-of date.
	Notes []string `json:"notes"`
}

// RepReport is what the report counted for one rep in the export. Fields
// that need evidence the data does not hold are null (JSON) or "—" (text),
// never a made-up zero.
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
}

// A RateView is a rate as the report shows it.
type RateView struct {
	Rate   benchmark.Rate `json:"rate"`
	Value  float64        `json:"value"`
	Lo     float64        `json:"lo"`
	Hi     float64        `json:"hi"`
	Shrunk float64        `json:"shrunk"`
}

// SchemaVersion is the version of the report's JSON form. It changes when
// a field is renamed or removed or changes meaning, never for an added
// field. Version 2 nests every decision under "plan", the library's team
// plan; version 1 (unversioned) had the report's own copies of them.
const SchemaVersion = 2

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

// buildReport reads what the export says about the team into a
// [salesdev.Team], asks the library for the team plan, and adds the
// report's own counts. Every decision — standards, grades, help, focus,
// mentors, coaching hours — is the library's.
func buildReport(ds *Dataset, opt reportOptions) (*Report, error) {
	asOf := opt.asOf
	if asOf.IsZero() {
		asOf = latestDate(ds)
		if asOf.IsZero() {
			return nil, errors.New("no dated deal or activity in the data: give -asof")
		}
	}
	rep := &Report{SchemaVersion: SchemaVersion, AsOf: asOf.Format(time.DateOnly), Skipped: len(ds.Skipped)}
	ds = asOfView(ds, asOf, &rep.Notes)
	rep.Deals = len(ds.Deals)

	// The edge: intern every rep once, roster first.
	var reps rollup.Interner
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
	kpis := make([]rollup.KPIs, n)
	for g := range n {
		if kpis[g], err = deals.Group(g); err != nil {
			return nil, err
		}
	}

	// What the CRM knows about the team, for the library.
	team := salesdev.Team{AsOf: asOf, History: history(ds)}
	rates := competencyRates(ds, &reps, kpis)
	desire := map[string][]float64{}
	for _, d := range ds.Desires {
		desire[d.Rep] = append(desire[d.Rep], d.Score)
	}
	quota := map[string]float64{}
	for _, q := range ds.Quotas {
		quota[q.Rep] = q.Monthly
	}
	window, err := grid.Trailing(asOf.AddDate(0, 0, 1), grid.DefaultMonths)
	if err != nil {
		return nil, err
	}
	sold := soldIn(ds, window)
	first := firstSeen(ds)
	deal := salesdev.Metric{Metric: benchmark.Metric{Name: "average won deal", Unit: "currency"}, Values: map[string]float64{}}
	days := salesdev.Metric{Metric: benchmark.Metric{Name: "days to close a won deal", Unit: "days", Direction: benchmark.LowerIsBetter}, Values: map[string]float64{}}
	for g := range n {
		name, _ := reps.ID(uint32(g))
		r := salesdev.Rep{Rep: name, Manager: roster[name].Manager, Started: roster[name].Started,
			FirstSeen: first[name], Rates: rates[g], Desire: desire[name]}
		if q, ok := quota[name]; ok {
			r.Results = &salesdev.Results{Sold: sold[name], MonthlyQuota: q}
		}
		team.Reps = append(team.Reps, r)
		if k := kpis[g]; k.Won.Count > 0 {
			deal.Values[name] = k.AverageDeal / 100
			days.Values[name] = k.AverageDays
		}
	}
	team.Metrics = []salesdev.Metric{deal, days}
	cfg := &salesdev.Config{
		Complexity:     opt.complexity,
		SalesCycleDays: int(math.Round(combined.AverageDays)),
		CoachingHours:  opt.coachingHours,
		MaxMentees:     opt.maxMentees,
	}
	if rep.Plan, err = salesdev.NewPlan(team, cfg); err != nil {
		return nil, err
	}
	rep.Window = rep.Plan.Window

	var closePrior benchmark.Prior
	for _, s := range rep.Plan.Standards.Measured {
		if s.Competency == competency.CloseID {
			closePrior = s.Prior
		}
	}
	for g := range n {
		name, _ := reps.ID(uint32(g))
		k := kpis[g]
		r := RepReport{Name: name, Manager: roster[name].Manager, Deals: k.Funnel[0].Count,
			Closed: k.WinRate.Trials, Won: k.WinRate.Hits, Evidence: k.Funnel[0].Count > 0}
		if k.WinRate.Trials > 0 {
			lo, hi := k.WinRate.Interval(0.95)
			r.WinRate = &RateView{Rate: k.WinRate, Value: k.WinRate.Value(), Lo: lo, Hi: hi, Shrunk: closePrior.Shrink(k.WinRate)}
		}
		rep.Reps = append(rep.Reps, r)
	}
	return rep, nil
}

// firstSeen returns the first day each rep appears in the deals and
// activities: the stand-in for a start date the roster does not give.
func firstSeen(ds *Dataset) map[string]time.Time {
	first := map[string]time.Time{}
	see := func(rep string, t time.Time) {
		if t.IsZero() {
			return
		}
		if f, ok := first[rep]; !ok || t.Before(f) {
			first[rep] = t
		}
	}
	for _, d := range ds.Deals {
		see(d.Owner, d.Created)
		see(d.Owner, d.Closed)
	}
	for _, a := range ds.Activities {
		see(a.Rep, a.Date)
	}
	return first
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
func rollUp(ds *Dataset, reps *rollup.Interner) (*rollup.Rollup, error) {
	deals, err := rollup.New(dealStages, reps.Len())
	if err != nil {
		return nil, err
	}
	recs := make([]rollup.Record, 0, len(ds.Deals))
	for _, d := range ds.Deals {
		g, _ := reps.Lookup(d.Owner)
		rec := rollup.Record{Group: g}
		switch d.Stage {
		case StageOpen:
			// Stage 0, the opportunity.
		case StageEngaged:
			rec.Stage = dealEngaged
		case StageWon, StageLost:
			rec.Stage = dealClosed
			rec.Outcome = rollup.Lost
			if d.Stage == StageWon {
				rec.Outcome = rollup.Won
			}
			if d.HasAmount {
				if rec.Amount, err = rollup.MinorUnits(d.Amount, 2); err != nil {
					return nil, fmt.Errorf("deal %s amount: %w", d.ID, err)
				}
			}
			if !d.Created.IsZero() && !d.Closed.IsZero() {
				// The readers refuse a close before the creation day.
				if rec.Days, err = rollup.CycleDays(d.Created, d.Closed); err != nil {
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
func competencyRates(ds *Dataset, reps *rollup.Interner, kpis []rollup.KPIs) []map[string]benchmark.Rate {
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
		m := map[string]benchmark.Rate{competency.CloseID: kpis[g].WinRate}
		if len(ds.Activities) > 0 {
			c := counts[g]
			if c[1] <= c[0] {
				m[competency.NewOpportunitiesID] = benchmark.Rate{Hits: c[1], Trials: c[0]}
			}
			if c[2] <= c[1] {
				m[competency.GatewayID] = benchmark.Rate{Hits: c[2], Trials: c[1]}
			}
		}
		rates[g] = m
	}
	return rates
}

// history returns each closed deal's days in the pipeline and whether it
// was won, twice: once to ask whether fewer days predict winning, once
// whether more do. Each direction is a separate search, so a leader should
// read two rules as two findings to check, not one proof.
func history(ds *Dataset) []salesdev.History {
	var obs []benchmark.Observation
	for _, d := range ds.Deals {
		if d.Stage.Closed() && !d.Created.IsZero() && !d.Closed.IsZero() {
			if days, err := rollup.CycleDays(d.Created, d.Closed); err == nil {
				obs = append(obs, benchmark.Observation{Value: float64(days), Won: d.Stage == StageWon})
			}
		}
	}
	var out []salesdev.History
	for _, dir := range []benchmark.Direction{benchmark.LowerIsBetter, benchmark.HigherIsBetter} {
		out = append(out, salesdev.History{
			Metric:       benchmark.Metric{Name: "days in the pipeline", Unit: "days", Direction: dir},
			Observations: obs,
		})
	}
	return out
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
