package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/competency"
)

// The tests of this file count each rep's funnel independently of the
// readers and the tally: plain encoding/csv over the fixture, the stage
// order of each CRM written out here, and the rule the report documents
// (a rate is deals reaching To out of deals reaching From, less the open
// deals between the two; deals known only by outcome count in the close
// rate alone).

// Steps of the ready model, as the independent count numbers them.
const (
	tConversation = 1 + iota
	tAppointment
	tGateway
	tClose
)

// An indepDeal is one deal as the independent count sees it.
type indepDeal struct {
	owner   string
	reached int    // the furthest step, 0 when unknown
	outcome string // "open", "won" or "lost"
	// outcomeOnly reports a closed deal whose stage the export does not say.
	outcomeOnly bool
}

// indepRates returns each owner's rate per competency of the ready model.
func indepRates(deals []indepDeal) map[string]map[string]benchmark.Rate {
	out := map[string]map[string]benchmark.Rate{}
	for _, c := range competency.Default().Competencies {
		from := map[string]int{"conversation": tConversation, "appointment": tAppointment, "gateway": tGateway}[c.From]
		to := map[string]int{"appointment": tAppointment, "gateway": tGateway, "close": tClose}[c.To]
		for _, d := range deals {
			if out[d.owner] == nil {
				out[d.owner] = map[string]benchmark.Rate{}
			}
			r := out[d.owner][c.ID]
			switch {
			case d.outcomeOnly:
				if to == tClose {
					r.Trials++
					if d.outcome == "won" {
						r.Hits++
					}
				}
			case d.reached == 0:
			case d.reached >= to:
				r.Hits++
				r.Trials++
			case d.reached >= from && d.outcome != "open":
				r.Trials++
			}
			out[d.owner][c.ID] = r
		}
	}
	return out
}

// readRecords reads a CSV file whole with encoding/csv, apart from the
// readers under test.
func readRecords(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// readCSV reads a fixture with encoding/csv into rows keyed by header.
func readCSV(t *testing.T, name string) []map[string]string {
	t.Helper()
	recs := readRecords(t, filepath.Join("testdata", "crm", name))
	var out []map[string]string
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, h := range recs[0] {
			row[h] = rec[i]
		}
		out = append(out, row)
	}
	return out
}

// checkRates compares the report's rates per rep with the independent
// count: every competency the report measures must match, and every
// competency whose team count has a miss must be measured.
func checkRates(t *testing.T, r *Report, want map[string]map[string]benchmark.Rate) {
	t.Helper()
	team := map[string]benchmark.Rate{}
	for _, m := range want {
		for id, rate := range m {
			team[id] = team[id].Add(rate)
		}
	}
	for _, c := range competency.Default().Competencies {
		tr := team[c.ID]
		_, measured := r.Funnel.rate(c.ID)
		if tr.Trials > 0 && tr.Hits < tr.Trials && !measured {
			t.Errorf("%s: the independent count has %d of %d, but the report does not measure it (%s)", c.ID, tr.Hits, tr.Trials, r.Funnel.reason(c.ID, "?"))
		}
	}
	if len(r.Reps) != len(want) {
		t.Errorf("report has %d reps, the independent count %d", len(r.Reps), len(want))
	}
	for _, rr := range r.Reps {
		got := map[string]benchmark.Rate{}
		for _, sr := range rr.Rates {
			got[sr.Competency] = sr.Rate
		}
		w := map[string]benchmark.Rate{}
		for id, rate := range want[rr.Name] {
			if _, measured := r.Funnel.rate(id); measured {
				w[id] = rate
			}
		}
		if diff := cmp.Diff(w, got); diff != "" {
			t.Errorf("%s: stage-to-stage rates (-independent +report):\n%s", rr.Name, diff)
		}
		// What the plan grades is what the report shows.
		rp, _ := r.Plan.Lookup(rr.Name)
		for id, rate := range w {
			if s, ok := rp.Scorecard.Score(id); ok && s.Rate != rate {
				t.Errorf("%s: the plan grades %s on %v, the report shows %v", rr.Name, id, s.Rate, rate)
			}
		}
	}
}

// report reads fixtures as the command does and builds the report.
func fixtureReport(t *testing.T, cfg config) *Report {
	t.Helper()
	ds := dataset(t, fixtureFiles(t), cfg)
	r, err := buildReport(ds, defaults(cfg).report)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Salesforce's default opportunity stages, as the README's table maps
// them; closing stages mark nothing.
var sfSteps = map[string]int{
	"Prospecting": tConversation, "Qualification": tConversation, "Needs Analysis": tConversation,
	"Value Proposition": tAppointment, "Id. Decision Makers": tAppointment, "Perception Analysis": tAppointment,
	"Proposal/Price Quote": tGateway, "Negotiation/Review": tGateway,
}

// An Opportunity export with its OpportunityHistory: every rep's rates
// match the independent count, and the evidence says history for the
// deals with one and outcome only for the closed deals without.
func TestFunnelSalesforceHistory(t *testing.T) {
	furthest := map[string]int{}
	for _, h := range readCSV(t, "salesforce_opportunity_history.csv") {
		furthest[h["OpportunityId"]] = max(furthest[h["OpportunityId"]], sfSteps[h["StageName"]])
	}
	var deals []indepDeal
	var wantEv Evidence
	for _, o := range readCSV(t, "salesforce_opportunities.csv") {
		d := indepDeal{owner: o["Owner.Name"], outcome: "open"}
		if o["IsClosed"] == "true" {
			d.outcome = "lost"
			if o["IsWon"] == "true" {
				d.outcome = "won"
			}
		}
		h, hasHist := furthest[o["Id"]]
		d.reached = max(h, sfSteps[o["StageName"]])
		switch {
		case d.outcome == "won" && (hasHist || d.reached > 0):
			d.reached = tClose
		case d.outcome != "open" && !hasHist:
			d.outcomeOnly = true
		}
		switch {
		case d.outcomeOnly:
			wantEv.Outcome++
		case hasHist:
			wantEv.History++
		}
		deals = append(deals, d)
	}
	r := fixtureReport(t, config{pipeline: "salesforce_opportunities.csv", history: "salesforce_opportunity_history.csv"})
	checkRates(t, r, indepRates(deals))
	if r.Funnel.Deals != wantEv {
		t.Errorf("deals by evidence = %+v, want %+v", r.Funnel.Deals, wantEv)
	}
	if len(r.Funnel.Competencies) != 3 {
		t.Errorf("measured %d competencies, want all 3; unmeasured: %+v", len(r.Funnel.Competencies), r.Funnel.Unmeasured)
	}
	if !strings.Contains(strings.Join(r.Notes, "\n"), `"Pilote technique" (1)`) {
		t.Errorf("the unknown custom stage is not named in the notes: %q", r.Notes)
	}
	// Without the history, every closed deal is known only by outcome.
	r = fixtureReport(t, config{pipeline: "salesforce_opportunities.csv"})
	if r.Funnel.Deals != (Evidence{Stage: 4, Outcome: 11}) {
		t.Errorf("without -history, deals by evidence = %+v, want the 4 open deals on their stage and the 11 closed on their outcome only", r.Funnel.Deals)
	}
}

// HubSpot's default sales pipeline, as the README's table maps it.
var hsSteps = map[string]int{
	"Appointment Scheduled": tConversation, "Qualified To Buy": tConversation,
	"Presentation Scheduled": tAppointment, "Decision Maker Bought-In": tAppointment, "Contract Sent": tGateway,
}

// A HubSpot all-properties export with "Date entered" columns: the
// history is in the row itself.
func TestFunnelHubSpotDateEntered(t *testing.T) {
	var deals []indepDeal
	for _, row := range readCSV(t, "hubspot_date_entered.csv") {
		d := indepDeal{owner: row["Deal owner"], outcome: "open"}
		switch row["Deal Stage"] {
		case "Closed Won":
			d.outcome = "won"
		case "Closed Lost":
			d.outcome = "lost"
		}
		hasHist := false
		for h, v := range row {
			label, ok := strings.CutPrefix(h, `Date entered "`)
			if !ok || v == "" {
				continue
			}
			label = strings.TrimSuffix(label, ` (Sales Pipeline)"`)
			hasHist = true
			d.reached = max(d.reached, hsSteps[label])
		}
		d.reached = max(d.reached, hsSteps[row["Deal Stage"]])
		switch {
		case d.outcome == "won":
			d.reached = tClose
		case d.outcome == "lost" && (!hasHist || d.reached == 0):
			d.outcomeOnly = true
		}
		deals = append(deals, d)
	}
	r := fixtureReport(t, config{pipeline: "hubspot_date_entered.csv"})
	checkRates(t, r, indepRates(deals))
	if r.Funnel.Deals.History != 10 || r.Funnel.Deals.Outcome != 1 {
		t.Errorf("deals by evidence = %+v, want history for 10, outcome only for 1", r.Funnel.Deals)
	}
}

// Pipedrive's default pipeline: a deal keeps its stage when won or lost.
func TestFunnelPipedriveStage(t *testing.T) {
	steps := map[string]int{"Lead In": tConversation, "Qualified": tConversation, "Contact Made": tConversation,
		"Demo Scheduled": tAppointment, "Needs Defined": tAppointment, "Proposal Made": tGateway, "Negotiations Started": tGateway}
	var deals []indepDeal
	for _, row := range readCSV(t, "pipedrive_deals.csv") {
		d := indepDeal{owner: row["Deal - Owner"], outcome: row["Deal - Status"], reached: steps[row["Deal - Stage"]]}
		if d.outcome == "deleted" {
			continue
		}
		if d.outcome == "won" {
			d.reached = tClose
		}
		deals = append(deals, d)
	}
	r := fixtureReport(t, config{pipeline: "pipedrive_deals.csv"})
	checkRates(t, r, indepRates(deals))
	if r.Funnel.Deals.Stage == 0 || r.Funnel.Deals.History+r.Funnel.Deals.Outcome != 0 {
		t.Errorf("deals by evidence = %+v, want all on the current stage", r.Funnel.Deals)
	}
}

// A -stages file with order and step columns makes a custom pipeline's
// funnel; a stage it leaves without a step is named, not guessed.
func TestFunnelMapping(t *testing.T) {
	files := map[string]string{
		"stages.csv": "stage,outcome,order,step\n" +
			"Opportunity identified,open,1,conversation\n" +
			"Discovery call held,open,2,new-opportunities\n" +
			"Demo given,open,3,gateway\n" +
			"Closed: won,won,4,close\n" +
			"Closed: abandoned,lost,5,\n",
		"deals.csv": "Record ID,Deal Name,Deal Stage,Deal owner,Create Date,Close Date\n" +
			"1,a,Opportunity identified,Ann,2024-01-02,\n" +
			"2,b,Discovery call held,Ann,2024-01-02,\n" +
			"3,c,Demo given,Ann,2024-01-02,\n" +
			"4,d,Closed: won,Ann,2024-01-02,2024-02-01\n" +
			"5,e,Closed: abandoned,Ann,2024-01-02,2024-02-01\n" +
			"6,f,Waiting room,Ann,2024-01-02,\n",
	}
	cfg := config{pipeline: "deals.csv", stages: "stages.csv"}
	ds := dataset(t, files, cfg)
	r, err := buildReport(ds, defaults(cfg).report)
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, s := range r.Funnel.Stages {
		labels = append(labels, s.Label+":"+s.Step)
	}
	want := []string{"Opportunity identified:conversation", "Discovery call held:appointment", "Demo given:gateway", "Closed: won:close", "Closed: abandoned:"}
	if diff := cmp.Diff(want, labels); diff != "" {
		t.Errorf("funnel stages (-want +got):\n%s", diff)
	}
	if r.Funnel.Source != "stages from the -stages file" || r.Funnel.Unstaged != 1 {
		t.Errorf("funnel = %+v, want the -stages file's and 1 unstaged deal", r.Funnel)
	}
	if !strings.Contains(strings.Join(r.Notes, "\n"), `"Waiting room" (1)`) {
		t.Errorf("the unmapped stage is not named: %q", r.Notes)
	}
	bad := map[string]string{
		"stages.csv": "stage,outcome,order,step\nDemo,open,1,gateway\nCall,open,2,conversation\n",
		"deals.csv":  files["deals.csv"],
	}
	if _, err := readFiles(bad, cfg); err == nil || !strings.Contains(err.Error(), "must not fall") {
		t.Errorf("a step falling as the order rises: error %v", err)
	}
}

// Every activity, linked or not, is a count per rep and week, benchmarked
// as a count: never a ratio of meetings to conversations.
func TestActivitiesPerWeek(t *testing.T) {
	r := defaultReport(t)
	recs := readRecords(t, filepath.Join("data", "activities.csv"))
	want := map[string]int64{}
	for _, rec := range recs[1:] {
		want[rec[1]+"s"]++
	}
	for _, a := range r.Funnel.Activities {
		if a.Count != want[a.Kind] {
			t.Errorf("%s: %d counted, independent count %d", a.Kind, a.Count, want[a.Kind])
		}
	}
	names := map[string]bool{}
	for _, b := range r.Plan.Benchmarks {
		names[b.Metric.Name] = b.Metric.Unit == "per week"
	}
	for _, k := range activityKinds {
		if !names[k+" per week"] {
			t.Errorf("no benchmark of %s per week: %v", k, names)
		}
	}
	// The same activities without their deal column: nothing links them,
	// so they are counts only, never a rate.
	var b strings.Builder
	for _, rec := range recs {
		b.WriteString(strings.Join(rec[:3], ",") + "\n")
	}
	files := map[string]string{"activities.csv": b.String()}
	for _, name := range []string{"pipeline.csv", "sales_teams.csv"} {
		data, err := os.ReadFile(filepath.Join("data", name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = string(data)
	}
	cfg := config{pipeline: "pipeline.csv", roster: "sales_teams.csv", activities: "activities.csv"}
	ur, err := buildReport(dataset(t, files, cfg), defaults(cfg).report)
	if err != nil {
		t.Fatal(err)
	}
	if ur.Funnel.Linked != (LinkedItems{}) {
		t.Errorf("unlinked activities: linked %+v", ur.Funnel.Linked)
	}
	for _, rp := range ur.Plan.Reps {
		for _, id := range []string{competency.NewOpportunitiesID, competency.GatewayID} {
			if s, ok := rp.Scorecard.Score(id); ok && s.Rate.Trials > 0 {
				t.Errorf("%s graded on %s from %v: the activities are not linked, so no rate", rp.Rep, id, s.Rate)
			}
		}
	}
}

// linkedCount is an independent count of the conversions of linked
// activities: each item (deal, else contact) is credited to the rep of
// its earliest activity (first row on a tie); conversation → meeting
// counts items with a conversation, hit when they also had a meeting or
// a proposal; meeting → proposal items with a meeting, hit with a
// proposal. recs are rep,kind,date,deal[,contact] rows.
func linkedCount(t *testing.T, recs [][]string) map[string][2]benchmark.Rate {
	t.Helper()
	type item struct {
		rep, day string
		kinds    map[string]bool
	}
	items := map[string]*item{}
	for _, rec := range recs[1:] {
		key := ""
		switch {
		case strings.TrimSpace(rec[3]) != "":
			key = "deal " + strings.TrimSpace(rec[3])
		case len(rec) > 4 && strings.TrimSpace(rec[4]) != "":
			key = "contact " + strings.TrimSpace(rec[4])
		default:
			continue
		}
		it := items[key]
		if it == nil {
			it = &item{rep: rec[0], day: rec[2], kinds: map[string]bool{}}
			items[key] = it
		}
		if rec[2] < it.day {
			it.rep, it.day = rec[0], rec[2]
		}
		it.kinds[rec[1]] = true
	}
	out := map[string][2]benchmark.Rate{}
	for _, it := range items {
		r := out[it.rep]
		if it.kinds["conversation"] {
			r[0].Trials++
			if it.kinds["meeting"] || it.kinds["proposal"] {
				r[0].Hits++
			}
		}
		if it.kinds["meeting"] {
			r[1].Trials++
			if it.kinds["proposal"] {
				r[1].Hits++
			}
		}
		out[it.rep] = r
	}
	return out
}

// The built-in activities are linked to their deals: creating new
// opportunities and advancing the first appointment rest on them, and
// each rep's rates match an independent count of the file.
func TestLinkedActivities(t *testing.T) {
	r := defaultReport(t)
	recs := readRecords(t, filepath.Join("data", "activities.csv"))
	want := linkedCount(t, recs)
	sources := map[string]string{}
	for _, c := range r.Funnel.Competencies {
		sources[c.Competency] = c.Source
	}
	wantSources := map[string]string{competency.NewOpportunitiesID: fromActivities, competency.GatewayID: fromActivities, competency.CloseID: fromDeals}
	if diff := cmp.Diff(wantSources, sources); diff != "" {
		t.Fatalf("sources (-want +got):\n%s", diff)
	}
	for _, rr := range r.Reps {
		for i, id := range []string{competency.NewOpportunitiesID, competency.GatewayID} {
			sr, _ := rr.repRate(id)
			if sr.Rate != want[rr.Name][i] || sr.Rate.Trials > 0 && (sr.Source != fromActivities || sr.Evidence != (Evidence{Linked: sr.Rate.Trials})) {
				t.Errorf("%s %s: %+v, independent count %v", rr.Name, id, sr, want[rr.Name][i])
			}
		}
	}
	var linked int64
	for _, rec := range recs[1:] {
		if rec[3] != "" {
			linked++
		}
	}
	if r.Funnel.Linked.Activities != linked || r.Funnel.Linked.Contacts != 0 {
		t.Errorf("linked %+v, want %d activities, no contacts", r.Funnel.Linked, linked)
	}
}

// Activities linked to contacts measure a rate too, with the source said
// in the notes, where the deals (known only by outcome here) do not.
func TestLinkedSources(t *testing.T) {
	acts := "rep,kind,date,deal,contact\n" +
		"Ann,conversation,2024-01-02,,C1\nAnn,meeting,2024-01-05,,C1\nAnn,proposal,2024-01-09,,C1\n" +
		"Ann,conversation,2024-01-03,,C2\nBob,meeting,2024-01-02,,C2\n" + // Bob's meeting is earlier: C2 is his
		"Bob,conversation,2024-01-04,,C3\nBob,call,2024-01-04,,\nAnn,conversation,2024-01-06,,\n"
	deals := "Deal Name,Deal Stage,Deal owner,Amount,Create Date,Close Date,Pipeline\n" +
		"a,Closed won,Ann,10,2024-01-01,2024-02-01,Sales Pipeline\n" +
		"b,Closed lost,Ann,10,2024-01-01,2024-02-01,Sales Pipeline\n" +
		"c,Closed lost,Bob,10,2024-01-01,2024-02-01,Sales Pipeline\n"
	stages := "stage,outcome,order,step\nAppointment scheduled,open,1,conversation\nQualified to buy,open,2,appointment\nPresentation scheduled,open,3,gateway\nClosed won,won,4,close\nClosed lost,lost,5,\n"
	in := map[string]string{"acts.csv": acts, "deals.csv": deals, "stages.csv": stages}
	cfg := config{pipeline: "deals.csv", activities: "acts.csv", stages: "stages.csv"}
	ds, err := readFiles(in, cfg)
	if err != nil {
		t.Fatal(err)
	}
	r, err := buildReport(ds, defaults(cfg).report)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(acts)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := linkedCount(t, recs)
	if r.Funnel.Linked != (LinkedItems{Activities: 6, Contacts: 3}) {
		t.Errorf("linked %+v", r.Funnel.Linked)
	}
	for _, rr := range r.Reps {
		sr, ok := rr.repRate(competency.NewOpportunitiesID)
		if !ok || sr.Source != fromActivities || sr.Rate != want[rr.Name][0] {
			t.Errorf("%s new opportunities: %+v (%v), independent count %v", rr.Name, sr, ok, want[rr.Name][0])
		}
	}
	notes := strings.Join(r.Notes, "\n")
	for _, c := range r.Funnel.Competencies {
		if c.Competency == competency.NewOpportunitiesID && c.Source != fromActivities {
			t.Errorf("new opportunities rests on %q", c.Source)
		}
	}
	if !strings.Contains(notes, "rests on the linked activities") {
		t.Errorf("the notes do not say which source: %s", notes)
	}
}

// FuzzFunnel: any pipeline with any stage history reads into a report or
// an error, never a panic, and every rate is a valid rate whose trials
// add up to the evidence they rest on.
func FuzzFunnel(f *testing.F) {
	files := fixtureFiles(f)
	f.Add([]byte(files["salesforce_opportunities.csv"]), []byte(files["salesforce_opportunity_history.csv"])) // with history
	f.Add([]byte(files["hubspot_date_entered.csv"]), []byte(nil))                                             // Date entered columns
	f.Add([]byte(files["pipedrive_deals.csv"]), []byte(nil))                                                  // stages kept when closed
	f.Add([]byte(files["hubspot_pipelines.csv"]), []byte(nil))                                                // two pipelines
	f.Add([]byte(mavenHeader+"1,A,p,a,Engaging,2024-01-02,,\n2,A,p,a,Lost,2024-01-02,2024-02-01,5\n"), []byte(nil))
	f.Fuzz(func(t *testing.T, pipeline, history []byte) {
		in := map[string]string{"p.csv": string(pipeline)}
		cfg := config{pipeline: "p.csv", skipBad: true}
		if len(history) > 0 {
			in["h.csv"], cfg.history = string(history), "h.csv"
		}
		ds, err := readFiles(in, cfg)
		if err != nil {
			return
		}
		r, err := buildReport(ds, defaults(cfg).report)
		if err != nil {
			return
		}
		for _, rr := range append(r.Reps, r.Deactivated...) {
			for _, sr := range rr.Rates {
				if err := sr.Rate.Validate(); err != nil || sr.Undecided < 0 ||
					sr.Evidence.History+sr.Evidence.Stage+sr.Evidence.Outcome+sr.Evidence.Linked != sr.Rate.Trials {
					t.Fatalf("%s: %+v (%v)", rr.Name, sr, err)
				}
			}
		}
	})
}

// FuzzLinkedActivities: any activities file beside a pipeline reads into
// a report or an error, never a panic; every rate the linked activities
// give is a valid rate resting on as many linked items as trials.
func FuzzLinkedActivities(f *testing.F) {
	f.Add("rep,kind,date,deal,contact\nA,conversation,2024-01-02,D1,\nA,meeting,2024-01-03,D1,\nA,conversation,2024-01-04,,C1\n")
	f.Add("rep,kind,date,deal\nA,meeting,2024-01-03,D1\nA,proposal,2024-01-02,D1\nA,call,2024-01-02,\n")
	f.Add("rep,kind,date,contact\nA,conversation,2024-01-02,x;y\n")
	pipeline := mavenHeader + "D1,A,p,a,Engaging,2024-01-02,,\nD2,A,p,a,Lost,2024-01-02,2024-02-01,5\n"
	f.Fuzz(func(t *testing.T, acts string) {
		in := map[string]string{"p.csv": pipeline, "a.csv": acts}
		cfg := config{pipeline: "p.csv", activities: "a.csv", skipBad: true}
		ds, err := readFiles(in, cfg)
		if err != nil {
			return
		}
		r, err := buildReport(ds, defaults(cfg).report)
		if err != nil {
			return
		}
		for _, rr := range r.Reps {
			for _, sr := range rr.Rates {
				if err := sr.Rate.Validate(); err != nil ||
					sr.Source == fromActivities && sr.Evidence != (Evidence{Linked: sr.Rate.Trials}) ||
					sr.Source == fromDeals && sr.Evidence.Linked != 0 {
					t.Fatalf("%s: %+v (%v)", rr.Name, sr, err)
				}
			}
		}
		if l := r.Funnel.Linked; l.Deals+l.Contacts > l.Activities {
			t.Fatalf("more linked items than activities: %+v", l)
		}
	})
}

// pipelineCount is an independent count of hubspot_pipelines.csv: each
// deal's furthest step by its own pipeline's stages (written out here),
// and each rep's and pipeline's rate per competency (trials are deals
// reaching From, less open deals short of To; hits deals reaching To).
// mapped says whether the Renewals pipeline's stages are mapped; without
// the mapping its deals count in no rate.
func pipelineCount(t *testing.T, content string, mapped bool) (perRep map[string]map[string]benchmark.Rate, perPipeline map[string]map[string]benchmark.Rate) {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(content)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	entered := map[string]int{ // "Date entered" column → step
		`Date entered "Appointment Scheduled (Sales Pipeline)"`: 1, `Date entered "Presentation Scheduled (Sales Pipeline)"`: 2,
		`Date entered "Contract Sent (Sales Pipeline)"`: 3,
		`Date entered "Renewal due (Renewals)"`:         1, `Date entered "Terms reviewed (Renewals)"`: 2, `Date entered "Quote sent (Renewals)"`: 3,
	}
	current := map[string]int{"Contract Sent": 3, "Presentation Scheduled": 2, "Quote sent": 3}
	comps := []struct {
		id       string
		from, to int
	}{{competency.NewOpportunitiesID, 1, 2}, {competency.GatewayID, 2, 3}, {competency.CloseID, 3, 4}}
	perRep, perPipeline = map[string]map[string]benchmark.Rate{}, map[string]map[string]benchmark.Rate{}
	h := recs[0]
	for _, rec := range recs[1:] {
		pipe, stage, owner := rec[2], rec[3], rec[4]
		if pipe == "Renewals" && !mapped {
			continue
		}
		won, open := stage == "Closed Won" || stage == "Renewed", stage != "Closed Lost" && stage != "Churned" && stage != "Closed Won" && stage != "Renewed"
		reached := 0
		for i, col := range h {
			if s, ok := entered[col]; ok && rec[i] != "" && (pipe == "Renewals") == strings.Contains(col, "Renewals") {
				reached = max(reached, s)
			}
		}
		if open {
			reached = max(reached, current[stage])
		}
		if won {
			reached = 4
		}
		for _, c := range comps {
			if reached < c.from || open && reached < c.to {
				continue
			}
			r := benchmark.Rate{Trials: 1}
			if reached >= c.to {
				r.Hits = 1
			}
			if perRep[owner] == nil {
				perRep[owner] = map[string]benchmark.Rate{}
			}
			if perPipeline[pipe] == nil {
				perPipeline[pipe] = map[string]benchmark.Rate{}
			}
			perRep[owner][c.id] = perRep[owner][c.id].Add(r)
			perPipeline[pipe][c.id] = perPipeline[pipe][c.id].Add(r)
		}
	}
	return perRep, perPipeline
}

// An export of two pipelines: each deal counts against its own
// pipeline's stages (HubSpot's default for the Sales Pipeline, the
// -stages file's pipeline column for Renewals), the rates add up by step,
// and each pipeline's evidence and rates match an independent count.
// Without the mapping the Renewals pipeline's custom stages are named,
// never guessed, and count in no rate.
func TestPipelines(t *testing.T) {
	files := fixtureFiles(t)
	for _, mapped := range []bool{true, false} {
		cfg := config{pipeline: "hubspot_pipelines.csv"}
		if mapped {
			cfg.stages = "stages_pipelines.csv"
		}
		opt := defaults(cfg).report
		opt.asOf = time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC)
		r, err := buildReport(dataset(t, files, cfg), opt)
		if err != nil {
			t.Fatal(err)
		}
		perRep, perPipeline := pipelineCount(t, files["hubspot_pipelines.csv"], mapped)
		got := map[string]map[string]benchmark.Rate{}
		for _, rr := range r.Reps {
			got[rr.Name] = map[string]benchmark.Rate{}
			for _, sr := range rr.Rates {
				got[rr.Name][sr.Competency] = sr.Rate
			}
		}
		if diff := cmp.Diff(perRep, got); diff != "" {
			t.Errorf("mapped %v: rates per rep (-independent +report):\n%s", mapped, diff)
		}
		gotP := map[string]map[string]benchmark.Rate{}
		var names []string
		for _, p := range r.Funnel.Pipelines {
			names = append(names, p.Name)
			for _, sr := range p.Competencies {
				if sr.Rate.Trials > 0 {
					if gotP[p.Name] == nil {
						gotP[p.Name] = map[string]benchmark.Rate{}
					}
					gotP[p.Name][sr.Competency] = sr.Rate
				}
			}
		}
		if diff := cmp.Diff(perPipeline, gotP); diff != "" {
			t.Errorf("mapped %v: rates per pipeline (-independent +report):\n%s", mapped, diff)
		}
		if diff := cmp.Diff([]string{"Sales Pipeline", "Renewals"}, names); diff != "" {
			t.Errorf("pipelines (-want +got):\n%s", diff)
		}
		notes := strings.Join(r.Notes, "\n")
		renewals := 0
		for _, s := range r.Funnel.Stages {
			if s.Pipeline == "Renewals" {
				renewals++
			}
		}
		if want := map[bool]int{true: 5, false: 0}[mapped]; renewals != want {
			t.Errorf("mapped %v: %d stages of Renewals, want %d", mapped, renewals, want)
		}
		if !mapped && !strings.Contains(notes, `"Waiting on legal" in pipeline "Renewals"`) {
			t.Errorf("unmapped custom stages not named: %q", notes)
		}
	}
}

// Where the deals measure a competency (the Sales Pipeline loses deals
// between the conversation and the appointment) they keep it, and the
// linked activities are not added to it; the notes say so. Where a
// pipeline has no gateway stage, the close is measured from the gateway
// in the others and that pipeline is left out of the close, named.
func TestPipelineSources(t *testing.T) {
	files := fixtureFiles(t)
	files["acts.csv"] = "rep,kind,date,deal\nAnn Lee,conversation,2024-01-02,101\nAnn Lee,conversation,2024-01-03,102\nBob Diaz,conversation,2024-01-05,104\nBob Diaz,meeting,2024-01-09,104\n"
	cfg := config{pipeline: "hubspot_pipelines.csv", activities: "acts.csv"}
	opt := defaults(cfg).report
	opt.asOf = time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC)
	r, err := buildReport(dataset(t, files, cfg), opt)
	if err != nil {
		t.Fatal(err)
	}
	perRep, _ := pipelineCount(t, files["hubspot_pipelines.csv"], false)
	for _, rr := range r.Reps {
		sr, _ := rr.repRate(competency.NewOpportunitiesID)
		if sr.Source != fromDeals || sr.Rate != perRep[rr.Name][competency.NewOpportunitiesID] {
			t.Errorf("%s: %+v, want the deals' %v", rr.Name, sr, perRep[rr.Name][competency.NewOpportunitiesID])
		}
	}
	if notes := strings.Join(r.Notes, "\n"); !strings.Contains(notes, "Creating new opportunities rests on the deals") {
		t.Errorf("the notes do not say the deals keep it: %s", notes)
	}

	// Renewals without a gateway stage.
	files["nogate.csv"] = "stage,outcome,order,step,pipeline\nRenewal due,open,1,conversation,Renewals\nTerms reviewed,open,2,appointment,Renewals\nRenewed,won,4,close,Renewals\nChurned,lost,5,,Renewals\n"
	cfg = config{pipeline: "hubspot_pipelines.csv", stages: "nogate.csv"}
	r, err = buildReport(dataset(t, files, cfg), opt)
	if err != nil {
		t.Fatal(err)
	}
	closeRate, ok := r.Funnel.rate(competency.CloseID)
	_, sales := pipelineCount(t, files["hubspot_pipelines.csv"], false)
	if !ok || closeRate.From != "gateway" || closeRate.Rate != sales["Sales Pipeline"][competency.CloseID] {
		t.Errorf("close %+v (%v), want the Sales Pipeline's %v from the gateway", closeRate, ok, sales["Sales Pipeline"][competency.CloseID])
	}
	if notes := strings.Join(r.Notes, "\n"); !strings.Contains(notes, `left out of it, not mixed in: "Renewals" (from the appointment)`) {
		t.Errorf("the pipeline left out is not named: %s", notes)
	}
}
