package main

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/salesdev/salesdev"
	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/benchmark/rollup"
	"github.com/salesdev/salesdev/competency"
	"github.com/salesdev/salesdev/examples/teamreport/internal/crm"
	"github.com/salesdev/salesdev/examples/teamreport/internal/csvin"
	"github.com/salesdev/salesdev/grid"
	"github.com/salesdev/salesdev/tmc"
)

// Report is the team development report: the team plan of the library
// ([salesdev.Plan]) with what the report itself counted in the CRM export.
//
// Its JSON form (teamreport -json) is versioned by SchemaVersion and
// described field by field by the JSON Schema report.schema.json, made
// from these types and their doc comments (go test -update rewrites it; a
// test fails while it differs). Within a schema version fields are only
// ever added, never renamed, removed or given another meaning. The
// conventions of the report's own fields:
//   - times are RFC 3339 strings in UTC, as the plan's ("2025-12-31T00:00:00Z"
//     for a day: its start);
//   - a list is [] when empty, never null;
//   - a value the data cannot support (a rate without trials) is null,
//     never omitted and never a made-up zero;
//   - text with nothing to say (a rep without a manager) is "".
//
// The plan under "plan" is the library's [salesdev.Plan], documented on
// its own; it follows the same rules but for a few fields it omits when
// empty (its doc comments say which).
type Report struct {
	// SchemaVersion is the version of this JSON form, [SchemaVersion].
	SchemaVersion int `json:"schema_version"`
	// AsOf is the day the report is computed for, at its start (midnight
	// UTC): the -asof flag, or the latest date in the data.
	AsOf time.Time `json:"as_of"`
	// Window is the trailing six months productivity is measured over:
	// the plan's window.
	Window grid.Window `json:"window"`
	// Deals counts the active reps' deals in the export up to the as-of
	// day.
	Deals int `json:"deals"`
	// Closed counts those of the deals that are closed, won or lost.
	Closed int64 `json:"closed"`
	// Won counts those of the deals that are won.
	Won int64 `json:"won"`
	// Skipped counts malformed rows skipped under -skip-bad.
	Skipped int `json:"skipped_rows"`
	// Rows counts the data rows of the CRM exports and side files; every
	// one was read or skipped: Rows = Read + Skipped.
	Rows int `json:"rows"`
	// Read counts the data rows read: Rows less Skipped.
	Read int `json:"read_rows"`
	// Funnel is the pipeline's funnel: its stages, the step of the ready
	// model each marks, and each competency's team rate with the evidence
	// it rests on.
	Funnel FunnelReport `json:"funnel"`
	// Plan is the team plan the library made from the export: standards,
	// first priority for training, rules, and each rep's plan, in the
	// order of Reps.
	Plan salesdev.Plan `json:"plan"`
	// Reps is one row per rep, in the order of Plan.Reps: the roster's
	// reps first, in roster order, then deal owners missing from the
	// roster, by name.
	Reps []RepReport `json:"reps"`
	// Deactivated are the deal owners the CRM marks deactivated: their
	// counts, reported apart, without a plan.
	Deactivated []RepReport `json:"deactivated"`
	// Currencies are the won amounts per currency, when the deals are in
	// more than one and no -rates file converts them: they are never
	// summed together. Empty when the deals are in one currency.
	Currencies []CurrencyFigures `json:"currencies"`
	// Notes say what the data could not support: reps outside the roster,
	// deals after the as-of date, stages read by the CRM's flags or not
	// known, duplicate IDs, backdated deals, currencies.
	Notes []string `json:"notes"`

	// rows indexes Reps by name, made when first needed.
	rows map[string]int
}

// CurrencyFigures are the closed deals with a known amount in one
// currency.
type CurrencyFigures struct {
	// Currency is the ISO code or symbol; "" when the export gives none.
	Currency string `json:"currency"`
	// Won counts the won deals with an amount in the currency.
	Won int64 `json:"won"`
	// Lost counts the lost deals with an amount in the currency.
	Lost int64 `json:"lost"`
	// WonAmount is the won deals' total amount.
	WonAmount float64 `json:"won_amount"`
	// AverageWon is the average won deal's amount.
	AverageWon float64 `json:"average_won"`
	// Used reports whether these amounts are the ones the plan reads
	// (average deal, sales against quota).
	Used bool `json:"used"`
}

// RepReport is what the report counted for one rep in the export. Fields
// that need evidence the data does not hold are null (JSON) or "—" (text),
// never a made-up zero.
type RepReport struct {
	// Name is the rep's name as the export writes it: the plan's Rep.
	Name string `json:"name"`
	// Manager is the rep's manager from the roster; "" for a deal owner
	// missing from the roster.
	Manager string `json:"manager"`
	// Evidence reports whether the rep has any deal in the data.
	Evidence bool `json:"evidence"`
	// Deals counts the rep's deals up to the as-of day.
	Deals int64 `json:"deals"`
	// Closed counts the rep's closed deals, won or lost.
	Closed int64 `json:"closed"`
	// Won counts the rep's won deals.
	Won int64 `json:"won"`
	// WinRate is won of closed deals with its 95% Wilson interval and, where
	// the plan grades this same rate on closing, the rate read in the light
	// of the team; null without closed deals.
	WinRate *RateView `json:"win_rate"`
	// Rates are the rep's rate on each competency the pipeline measures,
	// with the evidence each rests on, in the model's order.
	Rates []StepRate `json:"rates"`
}

// A RateView is a rate as the report shows it.
type RateView struct {
	// Rate is the hits (won) and trials (closed) the rate rests on.
	Rate benchmark.Rate `json:"rate"`
	// Value is the observed rate, hits over trials, from 0 to 1.
	Value float64 `json:"value"`
	// Lo is the lower end of the rate's 95% Wilson score interval.
	Lo float64 `json:"lo"`
	// Hi is the upper end of the rate's 95% Wilson score interval.
	Hi float64 `json:"hi"`
	// Shrunk is the rate read in the light of the team (the posterior
	// mean under the closing standard's prior): the plan's score on
	// closing, competency.Score.Shrunk. It is null when the plan grades
	// closing on another count than won of closed (deals lost before the
	// appointment are closed but never reached the closing step).
	Shrunk *float64 `json:"shrunk"`
}

// SchemaVersion is the version of the report's JSON form. It changes when
// a field is renamed or removed or changes meaning, never for an added
// field. Version 3 writes the report's own "as_of" as an RFC 3339 time
// (the day's start in UTC, as the plan's times), where version 2 wrote
// "YYYY-MM-DD", and writes every list of the report's own as [], never
// null. Version 2 nested every decision under "plan", the library's team
// plan; version 1 (unversioned) had the report's own copies of them.
const SchemaVersion = 3

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

// buildReport turns what was read into a [salesdev.Team], asks the
// library for the team plan, and adds the report's own counts. Every
// decision — standards, grades, help, focus, mentors, coaching hours — is
// the library's. The as-of day is the one the data set was read for, or
// the latest day in the data.
func buildReport(ds *Dataset, opt reportOptions) (*Report, error) {
	t := ds.tally
	asOf := opt.asOf
	if asOf.IsZero() {
		if !t.hasLatest {
			return nil, errors.New("no dated deal or activity in the data: give -asof")
		}
		asOf = t.latest.Time()
	}
	rep := &Report{SchemaVersion: SchemaVersion, AsOf: asOf, Skipped: ds.Skipped, Rows: ds.Rows, Read: ds.Rows - ds.Skipped,
		Reps: []RepReport{}, Deactivated: []RepReport{}, Currencies: []CurrencyFigures{}, Notes: []string{}}
	if t.dropped+t.reopened > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("as of %s: %d later deals left out, %d deals closed later counted as open",
			asOf.Format(time.DateOnly), t.dropped, t.reopened))
	}
	n := t.reps.Len()
	if n == 0 {
		return nil, errors.New("no reps and no deals in the data")
	}
	if err := t.flush(n); err != nil {
		return nil, err
	}
	deals := func(g uint32) int64 { return t.deals.reached(g, 0) }
	main, figures, err := currencies(t, &rep.Notes)
	if err != nil {
		return nil, err
	}
	if figures != nil {
		rep.Currencies = figures
	}

	// Who is in the report: the roster in its order, then the other deal
	// owners by name; deactivated owners apart.
	// The side files are looked up by rep once, into slices by group.
	roster := make([]*Rep, n)
	for i, r := range ds.side.Reps {
		if g, ok := t.reps.Lookup(r.Name); ok {
			roster[g] = &ds.side.Reps[i]
		}
	}
	manager := func(g uint32) string {
		if r := roster[g]; r != nil {
			return r.Manager
		}
		return ""
	}
	var order, owners, gone []uint32
	for g := range uint32(n) {
		inRoster := roster[g] != nil
		switch {
		case t.inactive[g] && !inRoster:
			if deals(g) > 0 {
				gone = append(gone, g)
			}
		case inRoster:
			order = append(order, g)
		case deals(g) > 0:
			owners = append(owners, g)
		}
	}
	byName := func(a, b uint32) int {
		x, _ := t.reps.ID(a)
		y, _ := t.reps.ID(b)
		return cmp.Compare(x, y)
	}
	slices.SortFunc(owners, byName)
	slices.SortFunc(gone, byName)
	if len(owners) > 0 && len(ds.side.Reps) > 0 {
		names := make([]string, 0, min(len(owners), maxListed))
		for _, g := range owners[:min(len(owners), maxListed)] {
			name, _ := t.reps.ID(g)
			names = append(names, name)
		}
		more := ""
		if len(owners) > maxListed {
			more = fmt.Sprintf(" and %d more", len(owners)-maxListed)
		}
		rep.Notes = append(rep.Notes, fmt.Sprintf("%d deal owners are not in the roster (%s%s): no manager, so no coaching hours", len(owners), strings.Join(names, ", "), more))
	}
	order = append(order, owners...)
	if len(order) == 0 {
		return nil, errors.New("no active reps in the data: every deal owner is deactivated")
	}

	pl := newPipelines(ds, n)
	ms, not := pl.combined(&rep.Notes)
	rep.Funnel.Pipelines = pipelineFunnels(pl, ds, order)
	rep.Funnel.Source = pl.source[0]
	for p := range pl.names {
		rep.Funnel.Stages = append(rep.Funnel.Stages, pl.stages[p]...)
		rep.Funnel.Unstaged += t.unstaged[p]
	}
	if len(pl.names) > 1 {
		rep.Funnel.Source = fmt.Sprintf("stages of %d pipelines, each deal counted against its own pipeline's", len(pl.names))
	}
	linked, linkedDeals, linkedContacts := t.linkedRates(n)
	rep.Funnel.Linked = LinkedItems{Activities: t.linkedActs, Deals: linkedDeals, Contacts: linkedContacts}
	ms, not = chooseSources(ms, not, pl, linked, order, &rep.Notes)
	rep.Funnel.Unmeasured = append([]NotMeasured{}, not...)
	rep.Funnel.Deals = stepEvidence(ds.deals.Evidence)
	// Each rep's count on each step of ms, in ms's order: labelled as
	// StepRates only for the report's rows, once the plan has said which
	// steps it measures.
	repCounts := make([][]stepCount, n)
	counts := make([]stepCount, (len(order)+len(gone))*len(ms)) // one array for every rep's counts
	for i, g := range append(slices.Clone(order), gone...) {
		repCounts[g] = counts[i*len(ms) : (i+1)*len(ms) : (i+1)*len(ms)]
		for j, m := range ms {
			if m.src == fromActivities {
				repCounts[g][j] = linkedRate(linked[g], m)
			} else {
				repCounts[g][j] = pl.rate(g, m)
			}
		}
	}
	// The team's rate on each step, and what the export says about a step
	// the library may not measure: whether it is measured is the library's
	// decision (competency.TeamStandards), made once the plan is made.
	teamRates := make([]StepRate, len(ms))
	why := map[string]string{}
	for i, m := range ms {
		var c stepCount
		for _, g := range order {
			c.add(repCounts[g][i])
		}
		team := c.stepRate(m, m.src)
		teamRates[i] = team
		switch {
		case m.src == fromActivities && team.Rate.Hits == team.Rate.Trials:
			why[m.id] = fmt.Sprintf("every one of the %s items whose linked activities reached the %s reached the %s: the rate cannot tell reps apart",
				thousands(team.Rate.Trials), m.from, m.to)
		case team.Rate.Trials == 0:
			why[m.id] = fmt.Sprintf("no decided deal has reached the %s yet (%s open deals there are undecided)", m.from, thousands(team.Undecided))
		case team.Rate.Hits == team.Rate.Trials:
			// The Maven sample loses no deal before Engaging.
			why[m.id] = fmt.Sprintf("every one of the %s decided deals that reached the %s reached the %s: the export records no deal lost between them, so the rate cannot tell reps apart (%s open deals there are undecided, left out)",
				thousands(team.Rate.Trials), m.from, m.to, thousands(team.Undecided))
		}
	}

	for _, g := range order {
		win := t.deals.winRate(g)
		rep.Deals += int(deals(g))
		rep.Closed += win.Trials
		rep.Won += win.Hits
	}

	// What the CRM knows about the team, for the library.
	hist, err := history(t.days)
	if err != nil {
		return nil, err
	}
	team := salesdev.Team{AsOf: asOf, History: hist, Reps: make([]salesdev.Rep, len(order))}
	desire := make([][]float64, n)
	for _, d := range ds.side.Desires {
		if g, ok := t.reps.Lookup(d.Rep); ok {
			desire[g] = append(desire[g], d.Score)
		}
	}
	quota := make([]*float64, n)
	for _, q := range ds.side.Quotas {
		if g, ok := t.reps.Lookup(q.Rep); ok {
			quota[g] = &q.Monthly
		}
	}
	cfg := &salesdev.Config{
		Complexity:    opt.complexity,
		CoachingHours: opt.coachingHours,
		MaxMentees:    opt.maxMentees,
	}
	// Sales count over the plan's own results window, the library's.
	window, err := salesdev.ResultsWindow(asOf, cfg)
	if err != nil {
		return nil, err
	}
	sold := make([]int64, n)
	for k, c := range t.sold {
		if int(k.currency) == main && window.Contains(k.day.Time()) {
			sold[k.group] += c
		}
	}
	perWeek := activityMetrics(t, order, asOf, &rep.Funnel, &rep.Notes)
	deal := salesdev.Metric{Metric: benchmark.Metric{Name: "average won deal", Unit: "currency"}, Values: make(map[string]float64, len(order))}
	days := salesdev.Metric{Metric: benchmark.Metric{Name: "days to close a won deal", Unit: "days", Direction: benchmark.LowerIsBetter}, Values: make(map[string]float64, len(order))}
	var cycleDays, cycleWon int64
	for i, g := range order {
		name, _ := t.reps.ID(g)
		r := &team.Reps[i]
		*r = salesdev.Rep{Rep: name, Manager: manager(g), Rates: make(map[string]benchmark.Rate, len(ms)), Desire: desire[g]}
		if roster[g] != nil {
			r.Started = roster[g].Started
		}
		for j, c := range repCounts[g] {
			if c.rate.Trials > 0 {
				r.Rates[ms[j].id] = c.rate
			}
		}
		if f := t.first[g]; f != noDay {
			r.FirstSeen = f.Time()
		}
		if q := quota[g]; q != nil {
			r.Results = &salesdev.Results{Sold: float64(sold[g]) / 100, MonthlyQuota: *q}
		}
		if main >= 0 {
			if w := t.amounts[main].totals(g, rollup.Won); w.Count > 0 {
				deal.Values[name] = w.AverageAmount() / 100
			}
		}
		if c := t.cycle.totals(g, rollup.Won); c.Count > 0 {
			days.Values[name] = c.AverageDays()
			cycleDays += c.Days
			cycleWon += c.Count
		}
	}
	team.Metrics = append([]salesdev.Metric{deal, days}, perWeek...)
	if cycleWon > 0 {
		cfg.SalesCycleDays = int(math.Round(float64(cycleDays) / float64(cycleWon)))
	}
	if rep.Plan, err = salesdev.NewPlan(team, cfg); err != nil {
		return nil, err
	}
	rep.Window = rep.Plan.Window

	// The funnel as the plan measured it: the steps the library grades on,
	// and the others with the export's own account of why, or the
	// library's reason.
	measured := map[string]bool{}
	for _, st := range rep.Plan.Standards.Measured {
		measured[st.Competency] = true
	}
	reason := map[string]string{}
	for _, u := range rep.Plan.Standards.Unmeasured {
		reason[u.Competency] = u.Reason
	}
	for i, m := range ms {
		switch {
		case measured[m.id]:
			rep.Funnel.Competencies = append(rep.Funnel.Competencies, teamRates[i])
		case why[m.id] != "":
			rep.Funnel.Unmeasured = append(rep.Funnel.Unmeasured, NotMeasured{m.id, why[m.id]})
		default:
			rep.Funnel.Unmeasured = append(rep.Funnel.Unmeasured, NotMeasured{m.id, reason[m.id]})
		}
	}
	slices.SortStableFunc(rep.Funnel.Unmeasured, func(a, b NotMeasured) int {
		return cmp.Compare(modelIndex(a.Competency), modelIndex(b.Competency))
	})
	// Each rep's rates, labelled, on the steps the plan measures.
	var kept []int
	for i, m := range ms {
		if measured[m.id] {
			kept = append(kept, i)
		}
	}
	rates := make([]StepRate, (len(order)+len(gone))*len(kept)) // one array for every rep's rates
	repRates := func(g uint32) []StepRate {
		rs := rates[:len(kept):len(kept)]
		rates = rates[len(kept):]
		for k, i := range kept {
			rs[k] = repCounts[g][i].stepRate(ms[i], ms[i].src)
		}
		return rs
	}

	// The win rate read in the light of the team is the library's: the
	// plan's score on closing, where it grades this very rate. The plan
	// lists the reps in team.Reps' order, the report's.
	views := make([]RateView, 0, len(order)+len(gone)) // one array for every rep's win rate
	row := func(g uint32, plan *salesdev.RepPlan) RepReport {
		name, _ := t.reps.ID(g)
		win := t.deals.winRate(g)
		r := RepReport{Name: name, Manager: manager(g), Deals: deals(g),
			Closed: win.Trials, Won: win.Hits, Evidence: deals(g) > 0}
		r.Rates = repRates(g)
		if win.Trials > 0 {
			lo, hi := win.Interval(0.95)
			views = append(views, RateView{Rate: win, Value: win.Value(), Lo: lo, Hi: hi}) // within its capacity
			r.WinRate = &views[len(views)-1]
			if plan == nil {
				return r
			}
			scores := plan.Scorecard.Scores
			if i := slices.IndexFunc(scores, func(s competency.Score) bool { return s.Competency == competency.CloseID }); i >= 0 && scores[i].Rate == win {
				r.WinRate.Shrunk = &scores[i].Shrunk // the plan's own value, which the report only reads
			}
		}
		return r
	}
	rep.Reps = make([]RepReport, len(order))
	for i, g := range order {
		rep.Reps[i] = row(g, &rep.Plan.Reps[i])
	}
	for _, g := range gone {
		rep.Deactivated = append(rep.Deactivated, row(g, nil))
	}
	rep.Notes = append(rep.Notes, readNotes(ds, len(gone))...)
	f := &rep.Funnel
	f.Stages, f.Competencies, f.Unmeasured, f.Activities, f.Pipelines = orEmpty(f.Stages), orEmpty(f.Competencies), orEmpty(f.Unmeasured), orEmpty(f.Activities), orEmpty(f.Pipelines)
	return rep, nil
}

// chooseSources decides, for each competency the linked activities can
// measure (conversation → appointment, appointment → gateway), whether
// its rate rests on the deals or on the activities, for the whole team
// at once: never two sources in one rate. The deals keep a competency
// they measure from its own From step with decided deals that tell reps
// apart (some missed); otherwise the linked activities measure it when
// the team has items at its From. The notes say which source each such
// rate rests on and why.
func chooseSources(ms []stepMeasure, not []NotMeasured, pl *pipelines, linked []linkedSteps, order []uint32, notes *[]string) ([]stepMeasure, []NotMeasured) {
	for _, lm := range linkSteps {
		var team benchmark.Rate
		for _, g := range order {
			team = team.Add(linked[g][lm.link])
		}
		if team.Trials == 0 {
			continue
		}
		name := competencyName(lm.id)
		i := slices.IndexFunc(ms, func(m stepMeasure) bool { return m.id == lm.id })
		var whyNot string
		switch {
		case i < 0:
			whyNot = fmt.Sprintf("no stage of the pipeline marks the %s", lm.to)
		case ms[i].from != lm.from:
			whyNot = fmt.Sprintf("the pipeline has no %s stage", lm.from)
		default:
			var deals benchmark.Rate
			for _, g := range order {
				deals = deals.Add(pl.rate(g, ms[i]).rate)
			}
			if deals.Trials > 0 && deals.Hits < deals.Trials {
				*notes = append(*notes, fmt.Sprintf("%s rests on the deals (%s of %s decided deals); the linked activities' %s of %s items are not added to it: a rate rests on one source",
					name, thousands(deals.Hits), thousands(deals.Trials), thousands(team.Hits), thousands(team.Trials)))
				continue
			}
			whyNot = fmt.Sprintf("the deals record no deal lost between the %s and the %s", lm.from, lm.to)
		}
		*notes = append(*notes, fmt.Sprintf("%s rests on the linked activities (%s of %s items with a %s reached a %s or later), not the deals: %s; activities do not say whether an item is still open, so an item with a recent %s counts as not reaching the %s yet",
			name, thousands(team.Hits), thousands(team.Trials), activityWord[lm.from], activityWord[lm.to], whyNot, activityWord[lm.from], activityWord[lm.to]))
		if i >= 0 {
			ms[i] = lm
		} else {
			ms = append(ms, lm)
			slices.SortStableFunc(ms, func(a, b stepMeasure) int { return cmp.Compare(modelIndex(a.id), modelIndex(b.id)) })
		}
		not = slices.DeleteFunc(not, func(u NotMeasured) bool { return u.Competency == lm.id })
	}
	return ms, not
}

// pipelineFunnels returns each pipeline's funnel: its stages' source, its
// deals' evidence (from the reader's counts) and its team rates, the
// active reps' in order.
func pipelineFunnels(pl *pipelines, ds *Dataset, order []uint32) []PipelineFunnel {
	out := make([]PipelineFunnel, len(pl.names))
	for p, name := range pl.names {
		f := PipelineFunnel{Name: name, Source: pl.source[p], Unstaged: ds.tally.unstaged[p], Competencies: []StepRate{}}
		for _, c := range ds.deals.Pipelines {
			if c.Name == csvin.Clean(name) {
				f.Deals = stepEvidence(c.Evidence)
			}
		}
		for _, m := range pl.ms[p] {
			var team stepCount
			for _, g := range order {
				team.add(pl.steps[p][g].count(m))
			}
			f.Competencies = append(f.Competencies, team.stepRate(m, fromDeals))
		}
		out[p] = f
	}
	return out
}

// activityWord is the activity kind that marks each step.
var activityWord = [crm.Steps]string{crm.StepConversation: "conversation", crm.StepAppointment: "meeting", crm.StepGateway: "proposal", crm.StepClose: "won deal"}

// orEmpty returns xs, or an empty list for nil: the report's JSON writes
// an empty list as [], never null.
func orEmpty[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// quoteAll quotes each label.
func quoteAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strconv.Quote(x)
	}
	return out
}

// modelIndex is a competency's place in the ready model, -1 when it is
// not the model's.
func modelIndex(id string) int {
	return slices.IndexFunc(competency.Default().Competencies, func(c competency.Competency) bool { return c.ID == id })
}

// maxListed is how many names or labels a note lists.
const maxListed = 10

// currencies chooses the currency whose amounts the plan reads: the only
// one, or the converted one with -rates; with several and no rates, the
// one with the most closed deals, and a note why. It returns -1 when no
// closed deal has an amount.
func currencies(t *tally, notes *[]string) (int, []CurrencyFigures, error) {
	if len(t.currencies) == 0 {
		return -1, nil, nil
	}
	if len(t.currencies) == 1 {
		return 0, nil, nil
	}
	figs := make([]CurrencyFigures, len(t.currencies))
	main := 0
	for i, c := range t.currencies {
		k, err := t.amounts[i].r.Combined() // a currency has a roll-up: it came with a record
		if err != nil {
			return 0, nil, err
		}
		figs[i] = CurrencyFigures{Currency: c, Won: k.Won.Count, Lost: k.Lost.Count,
			WonAmount: float64(k.Won.Amount) / 100, AverageWon: k.Won.AverageAmount() / 100}
		if m := figs[main]; k.Won.Count+k.Lost.Count > m.Won+m.Lost {
			main = i
		}
	}
	figs[main].Used = true
	slices.SortFunc(figs, func(a, b CurrencyFigures) int { return cmp.Compare(a.Currency, b.Currency) })
	list := make([]string, len(figs))
	for i, f := range figs {
		list[i] = fmt.Sprintf("%s %d deals", orBlank(f.Currency), f.Won+f.Lost)
	}
	*notes = append(*notes, fmt.Sprintf("amounts in %d currencies (%s) are never added together: the average deal and sales against quota use %s only, the most common; give -rates to convert them",
		len(figs), strings.Join(list, ", "), orBlank(t.currencies[main])))
	return main, figs, nil
}

func orBlank(c string) string {
	if c == "" {
		return "(no currency)"
	}
	return c
}

// readNotes says what the readers decided and counted.
func readNotes(ds *Dataset, deactivated int) []string {
	var notes []string
	st := ds.deals
	if st.Encoding == csvin.Windows1252 {
		notes = append(notes, "the pipeline is not valid UTF-8: read as Windows-1252 (Latin-1)")
	}
	if ds.acts.Encoding == csvin.Windows1252 {
		notes = append(notes, "the activities file is not valid UTF-8: read as Windows-1252 (Latin-1)")
	}
	var flagged, unknown, byWords, unstaged []string
	var unknownDeals, unstagedDeals int64
	for _, s := range st.Stages {
		if s.NoStep && s.Count > 0 && s.Label != "" {
			in := ""
			if len(st.Pipelines) > 1 {
				in = fmt.Sprintf(" in pipeline %q", s.Pipeline)
			}
			unstaged = append(unstaged, fmt.Sprintf("%q%s (%d)", s.Label, in, s.Count))
			unstagedDeals += s.Count
		}
		label := fmt.Sprintf("%q %s (%d)", s.Label, s.Outcome, s.Count)
		switch {
		case s.Count == 0:
		case s.By == crm.ByFlag && s.Disagrees:
			flagged = append(flagged, label)
		case s.By == crm.ByDefault && s.Label != "":
			unknown = append(unknown, fmt.Sprintf("%q (%d)", s.Label, s.Count))
			unknownDeals += s.Count
		case s.By == crm.ByLabel:
			byWords = append(byWords, label)
		}
	}
	list := func(xs []string) string {
		if len(xs) > maxListed {
			return strings.Join(xs[:maxListed], ", ") + fmt.Sprintf(" and %d more", len(xs)-maxListed)
		}
		return strings.Join(xs, ", ")
	}
	if len(flagged) > 0 {
		notes = append(notes, "the CRM's won/closed flags decided these stages against what their labels say: "+list(flagged))
	}
	if len(byWords) > 0 {
		notes = append(notes, "won or lost read from the stage label's words (give -stages to decide otherwise): "+list(byWords))
	}
	if len(unknown) > 0 {
		notes = append(notes, fmt.Sprintf("%d deals at stages the report does not know, counted open (give -stages to map them): %s", unknownDeals, list(unknown)))
	}
	if len(unstaged) > 0 {
		notes = append(notes, fmt.Sprintf("%s at stages that mark no step of the funnel, which the report does not guess: %s; give -stages with a step column (conversation, appointment, gateway; and a pipeline column for a stage of one pipeline) to measure them",
			count(int(unstagedDeals), "open deal", "open deals"), list(unstaged)))
	}
	if len(st.EnteredUnknown) > 0 {
		notes = append(notes, fmt.Sprintf("\"Date entered\" columns of stages the report does not know, not read as history: %s; give -stages with a step column", list(quoteAll(st.EnteredUnknown))))
	}
	if h := ds.history; h != nil {
		notes = append(notes, fmt.Sprintf("stage history: %d rows for %d deals read", h.Rows, h.Deals))
		if h.Unknown > 0 {
			notes = append(notes, fmt.Sprintf("%d stage history rows at stages that mark no step (%s): give -stages with a step column", h.Unknown, list(quoteAll(h.Labels))))
		}
	}
	if t := ds.tally; t.otherPipelines > 0 {
		notes = append(notes, fmt.Sprintf("%d deals in pipelines past the first %d are in no rate", t.otherPipelines, crm.MaxPipelines))
	}
	if st.OtherStages > 0 {
		notes = append(notes, fmt.Sprintf("%d deals at stages past the first 1,000 labels are not listed here", st.OtherStages))
	}
	if st.Ignored > 0 {
		notes = append(notes, fmt.Sprintf("%d deals left out: mapped to ignore, deleted, or closed without saying whether won", st.Ignored))
	}
	if st.Duplicates > 0 {
		notes = append(notes, fmt.Sprintf("%d rows repeat the ID of an earlier deal and are counted once (%s)", st.Duplicates, strings.Join(st.DuplicateIDs, ", ")))
	}
	if st.Backdated > 0 {
		notes = append(notes, fmt.Sprintf("%d deals closed before the day they were created (backdated records): they count, their cycle time is unknown", st.Backdated))
	}
	if deactivated > 0 {
		notes = append(notes, fmt.Sprintf("%d deal owners are deactivated users: their deals are reported apart, without a plan", deactivated))
	}
	if ds.acts.NotSales > 0 {
		notes = append(notes, fmt.Sprintf("%d activities are not sales touches (emails, to-dos, canceled or missed meetings) and are not counted", ds.acts.NotSales))
	}
	if t := ds.tally; t.actsDropped > 0 {
		notes = append(notes, fmt.Sprintf("%d activities after the as-of day left out", t.actsDropped))
	}
	return notes
}

// activityMetrics returns each kind of activity per rep and week, for the
// library to benchmark as counts (salesdev.Metric): every activity counts,
// linked or not, and an activity linked to no deal or contact does not
// say which conversation a meeting came from, so a ratio of meetings to
// conversations would divide unrelated counts (the conversions rest on
// the linked items alone: tally.linkedRates). A rep's weeks run from their first day in the data (or the
// first activity of the team, if later) to the as-of day, at least one.
// Reps with no activity get no value (unknown, not zero); the notes say
// how many.
func activityMetrics(t *tally, order []uint32, asOf time.Time, f *FunnelReport, notes *[]string) []salesdev.Metric {
	if !t.hasAct {
		return nil
	}
	out := make([]salesdev.Metric, len(activityKinds))
	for i, kind := range activityKinds {
		out[i] = salesdev.Metric{Metric: benchmark.Metric{Name: kind + " per week", Unit: "per week"}, Values: map[string]float64{}}
		f.Activities = append(f.Activities, ActivityRate{Kind: kind})
	}
	end := csvin.DayOf(asOf)
	var silent int
	for _, g := range order {
		if t.acts.reached(g, 0) == 0 {
			silent++
			continue
		}
		start := max(t.firstAct, t.first[g])
		weeks := max(1, float64(end-start+1)/7)
		name, _ := t.reps.ID(g)
		for i, c := range activityCounts(t.acts, g) {
			out[i].Values[name] = float64(c) / weeks
			f.Activities[i].Count += c
			f.Activities[i].Reps++
		}
	}
	if silent > 0 {
		*notes = append(*notes, fmt.Sprintf("%d reps logged no activity: no activity counts per week for them (unknown, not zero)", silent))
	}
	return out
}

// history returns each closed deal's days in the pipeline and whether it
// was won, from the tally's count of closed deals per cycle length, twice:
// once to ask whether fewer days predict winning, once whether more do.
// Each direction is a separate search, so a leader should read two rules
// as two findings to check, not one proof.
//
// The tally keeps a count per day of cycle (at most 65,536 of them), so
// memory does not grow with the deals; so does the plan's bounded
// histogram (benchmark.Binned), whose edges are the observed cycle
// lengths, so that its rules are the ones the deals themselves give.
func history(days [][2]int64) ([]salesdev.History, error) {
	var edges []float64
	for d, c := range days {
		if c[0]+c[1] > 0 {
			edges = append(edges, float64(d))
		}
	}
	if len(edges) == 0 {
		return nil, nil
	}
	var out []salesdev.History
	for _, dir := range []benchmark.Direction{benchmark.LowerIsBetter, benchmark.HigherIsBetter} {
		m := benchmark.Metric{Name: "days in the pipeline", Unit: "days", Direction: dir}
		b, err := benchmark.NewBinned(m, edges)
		if err != nil {
			return nil, err
		}
		for d, c := range days {
			for range c[1] {
				if err := b.Add(benchmark.Observation{Value: float64(d), Won: true}); err != nil {
					return nil, err
				}
			}
			for range c[0] {
				if err := b.Add(benchmark.Observation{Value: float64(d)}); err != nil {
					return nil, err
				}
			}
		}
		out = append(out, salesdev.History{Metric: m, Binned: b})
	}
	return out, nil
}
