package competency_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/competency"
)

// The ready model: three competencies down the funnel, each peeled into
// elements, scenarios and routines.
func ExampleDefault() {
	m := competency.Default()
	for _, c := range m.Competencies {
		fmt.Printf("%s (%s → %s): %s\n", c.ID, c.From, c.To, c.Name)
	}
	c, _ := m.Lookup("gateway")
	for e, s := range c.Scenarios() {
		fmt.Printf("  %s / %s\n", e.Name, s.Name)
	}
	// Output:
	// new-opportunities (conversation → appointment): Creating new opportunities
	// gateway (appointment → gateway): Advancing the first appointment
	// close (gateway → close): Gaining the new customer
	//   Discovery / All the King's Men: not every decision maker identified
	//   Discovery / The challenge has no measured cost
	//   Securing the gateway / The meeting ends without a next step
	//   Securing the gateway / The prospect asks for a proposal before discovery
}

func ExampleModel_Scenarios() {
	n := 0
	for c, s := range competency.Default().Scenarios() {
		if c.ID == "new-opportunities" {
			fmt.Println(s.Name)
		}
		n++
	}
	fmt.Println(n, "scenarios in all")
	// Output:
	// No business reason to call
	// Calling below the decision level
	// The rep talks about the company, not the prospect
	// A gatekeeper screens the call
	// "We're happy with what we have"
	// "Just send me some information"
	// 14 scenarios in all
}

func ExampleCompetency_Routines() {
	c, _ := competency.Default().Lookup("gateway")
	for r := range c.Routines() {
		fmt.Printf("%s: %d steps\n", r.Name, len(r.Steps))
	}
	// Output:
	// Map the buying group: 3 steps
	// Quantify the challenge: 3 steps
	// Book the gateway before you leave: 3 steps
	// Earn the proposal: 3 steps
}

func ExampleModel_Stages() {
	fmt.Println(competency.Default().Stages())
	// Output: [conversation appointment gateway close]
}

// Validate reports every problem, each with its path.
func ExampleModel_Validate() {
	m := competency.Default()
	m.Competencies[1].ID = "new-opportunities"
	m.Competencies[2].Elements[0].Scenarios[1].Routines = nil
	err := m.Validate()
	fmt.Println(err)
	fmt.Println(errors.Is(err, competency.ErrDuplicate), errors.Is(err, competency.ErrEmpty))
	// Output:
	// competency: competencies[1].id: duplicate id "new-opportunities" (also competencies[0])
	// competency: competencies[2].elements[0].scenarios[1]: no routines
	// true true
}

// Rates turns a rep's funnel into one rate per competency.
func ExampleModel_Rates() {
	f := benchmark.Funnel{
		{Name: "conversation", Count: 90},
		{Name: "appointment", Count: 7},
		{Name: "gateway", Count: 5},
		{Name: "close", Count: 2},
	}
	rates, err := competency.Default().Rates(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range competency.Default().Competencies {
		fmt.Println(c.ID, rates[c.ID])
	}
	// Output:
	// new-opportunities 7/90 (7.8%)
	// gateway 5/7 (71.4%)
	// close 2/5 (40.0%)
}

// A model written by hand, with a typing mistake.
func ExampleParse() {
	_, err := competency.Parse([]byte(`{"competencies": [{
		"id": "close", "name": "Closing", "from": "proposal", "to": "won",
		"elements": [{"name": "Commitment", "scenario": []}]
	}]}`))
	fmt.Println(err)
	// Output:
	// competency: competencies[0].elements[0]: unknown field "scenario" (fields are name, scenarios)
}

func ExampleMarshal() {
	m := competency.Model{Competencies: []competency.Competency{{
		ID: "close", Name: "Closing", From: "proposal", To: "won",
		Elements: []competency.Element{{
			Name: "Commitment",
			Scenarios: []competency.Scenario{{
				Name:     `"We need to think about it"`,
				Routines: []competency.Routine{{Name: "Find the real concern", Steps: []string{"Ask what they need to think over"}}},
			}},
		}},
	}}}
	b, err := competency.Marshal(m)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(b))
	back, err := competency.Parse(b)
	fmt.Println(err, back.Competencies[0].Elements[0].Scenarios[0].Name)
	// Output:
	// {
	//   "version": 1,
	//   "competencies": [
	//     {
	//       "id": "close",
	//       "name": "Closing",
	//       "from": "proposal",
	//       "to": "won",
	//       "elements": [
	//         {
	//           "name": "Commitment",
	//           "scenarios": [
	//             {
	//               "name": "\"We need to think about it\"",
	//               "routines": [
	//                 {
	//                   "name": "Find the real concern",
	//                   "steps": [
	//                     "Ask what they need to think over"
	//                   ]
	//                 }
	//               ]
	//             }
	//           ]
	//         }
	//       ]
	//     }
	//   ]
	// }
	// <nil> "We need to think about it"
}

// Dana's scorecard: her rates, the team's benchmarks and priors.
func danaScorecard() (competency.Scorecard, error) {
	rates := map[string]benchmark.Rate{
		"new-opportunities": {Hits: 7, Trials: 90},
		"gateway":           {Hits: 30, Trials: 45},
		"close":             {Hits: 9, Trials: 30},
	}
	targets := map[string]benchmark.Benchmark{
		"new-opportunities": {Target: 0.15},
		"gateway":           {Target: 0.60},
		"close":             {Target: 0.30},
	}
	priors := map[string]benchmark.Prior{
		"new-opportunities": {Alpha: 12, Beta: 88}, // team rate 12%, worth 100 conversations
		"gateway":           {Alpha: 30, Beta: 20},
		"close":             {Alpha: 10, Beta: 30},
	}
	return competency.NewScorecard(competency.Default(), "Dana", rates, targets, priors, nil)
}

func ExampleNewScorecard() {
	card, err := danaScorecard()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range card.Scores {
		fmt.Println(s)
	}
	// Output:
	// new-opportunities C: 7/90 (7.8%), shrunk 10.0% (6.2%–14.6%), interval 3.8%–15.2%, target 15.0%
	// gateway A: 30/45 (66.7%), shrunk 63.2% (53.3%–72.5%), interval 52.1%–78.6%, target 60.0%, not yet distinguishable
	// close B: 9/30 (30.0%), shrunk 27.1% (17.5%–38.1%), interval 16.7%–47.9%, target 30.0%, not yet distinguishable
}

// A small sample is read in the light of the team: 2 of 2 is not an A.
func ExampleNewScore() {
	prior := benchmark.Prior{Alpha: 12, Beta: 88}
	target := benchmark.Benchmark{Target: 0.15}
	for _, r := range []benchmark.Rate{{Hits: 2, Trials: 2}, {Hits: 40, Trials: 200}, {}} {
		s, err := competency.NewScore("new-opportunities", r, target, prior, nil)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-14v shrunk %.3f → %v\n", s.Rate, s.Shrunk, s.Grade)
	}
	// Output:
	// 2/2 (100.0%)   shrunk 0.137 → B
	// 40/200 (20.0%) shrunk 0.173 → A
	// 0/0            shrunk 0.120 → ungraded
}

func ExampleScorecard_Score() {
	card, _ := danaScorecard()
	s, ok := card.Score("close")
	fmt.Println(s.Grade, ok)
	// Output: B true
}

func ExamplePrioritize() {
	card, _ := danaScorecard()
	gains, err := competency.Prioritize(card)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range gains {
		fmt.Println(g)
	}
	fmt.Printf("train %s now: +%.0f on revenue of 100000\n", gains[0].Competency, 100000*(gains[0].Multiplier-1))
	// Output:
	// new-opportunities ×1.50 (10.0% → 15.0%)
	// close ×1.11 (27.1% → 30.0%)
	// gateway ×1.00 (63.2% → 60.0%)
	// train new-opportunities now: +50000 on revenue of 100000
}

func ExampleImprovement() {
	c, err := competency.Improvement(
		benchmark.Rate{Hits: 12, Trials: 100},
		benchmark.Rate{Hits: 30, Trials: 120},
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c)
	fmt.Println("significant at 5%:", c.P < competency.DefaultAlpha)
	// Output:
	// 12/100 (12.0%) → 30/120 (25.0%): +13.0 points (+108%), z = 2.44, p = 0.0146
	// significant at 5%: true
}

// Training as a process: Dana's campaign on creating new opportunities,
// checked week by week.
func ExampleCampaign_Progress() {
	c := competency.Campaign{
		Competency: "new-opportunities",
		Rep:        "Dana",
		Baseline:   benchmark.Rate{Hits: 7, Trials: 90},
		Benchmark:  benchmark.Benchmark{Target: 0.15},
		Prior:      benchmark.Prior{Alpha: 12, Beta: 88},
	}
	weeks := []benchmark.Rate{
		{Hits: 2, Trials: 20}, {Hits: 3, Trials: 20}, {Hits: 4, Trials: 22},
		{Hits: 5, Trials: 21}, {Hits: 5, Trials: 20}, {Hits: 6, Trials: 22},
	}
	var err error
	for i, r := range weeks {
		if c, err = c.Record(i+1, r); err != nil {
			fmt.Println(err)
			return
		}
	}
	progress, err := c.Progress(nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range progress {
		fmt.Printf("week %d: %-14v grade %v, gap closed %3.0f%%, p = %.3f, significant %v\n",
			p.Week, p.ToDate, p.Score.Grade, 100*p.Closed, p.Change.P, p.Significant)
	}
	// Output:
	// week 1: 2/20 (10.0%)   grade C, gap closed  33%, p = 0.743, significant false
	// week 2: 5/40 (12.5%)   grade C, gap closed  43%, p = 0.391, significant false
	// week 3: 9/62 (14.5%)   grade B, gap closed  59%, p = 0.183, significant false
	// week 4: 14/83 (16.9%)  grade B, gap closed  84%, p = 0.067, significant false
	// week 5: 19/103 (18.4%) grade A, gap closed 105%, p = 0.030, significant true
	// week 6: 25/125 (20.0%) grade A, gap closed 129%, p = 0.013, significant true
}

func ExampleModel_Lookup() {
	c, ok := competency.Default().Lookup("new-opportunities")
	fmt.Println(ok, c.Name, len(c.Elements), "elements")
	_, ok = competency.Default().Lookup("prospecting")
	fmt.Println(ok)
	// Output:
	// true Creating new opportunities 3 elements
	// false
}

func ExampleCompetency_Scenarios() {
	c, _ := competency.Default().Lookup("close")
	for e, s := range c.Scenarios() {
		fmt.Printf("%s: %s\n", e.Name, s.Name)
	}
	// Output:
	// Presenting the solution: Presenting to one person when several decide
	// Presenting the solution: The price objection
	// Gaining the commitment: "We need to think about it"
	// Gaining the commitment: A competitor is in the deal
}

// Grades compare, and read and write as text in any case.
func ExampleGrade() {
	var g competency.Grade
	if err := g.UnmarshalText([]byte("b")); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(g, g > competency.GradeC, g < competency.GradeA, competency.Grade(0))
	// Output: B true true ungraded
}

// A wider B band: within 30% of the target instead of 15%.
func ExampleOptions() {
	r := benchmark.Rate{Hits: 11, Trials: 100}
	target := benchmark.Benchmark{Target: 0.15}
	for _, o := range []*competency.Options{nil, {Band: 0.30}} {
		s, err := competency.NewScore("new-opportunities", r, target, benchmark.Prior{}, o)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(s.Grade)
	}
	// Output:
	// C
	// B
}

// Record returns a new campaign; the old one is unchanged.
func ExampleCampaign_Record() {
	c := competency.Campaign{
		Competency: "gateway",
		Baseline:   benchmark.Rate{Hits: 20, Trials: 50},
		Benchmark:  benchmark.Benchmark{Target: 0.6},
	}
	next, err := c.Record(1, benchmark.Rate{Hits: 6, Trials: 10})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(c.Checkpoints), len(next.Checkpoints))
	_, err = next.Record(1, benchmark.Rate{Hits: 7, Trials: 10})
	fmt.Println(err)
	// Output:
	// 0 1
	// competency: Campaign.Record: week = 1: out of range: must come after week 1
}

func ExampleCampaign_Validate() {
	c := competency.Campaign{Competency: "gateway", Benchmark: benchmark.Benchmark{Target: 0.6}}
	err := c.Validate()
	fmt.Println(err)
	fmt.Println(errors.Is(err, competency.ErrNoTrials))
	// Output:
	// competency: Campaign.Validate: baseline = 0/0: no trials
	// true
}

// From the team's record to the competency to train first: the team's
// standards, then one rep's scorecard and priorities.
func Example_team() {
	m := competency.Default()
	funnels := map[string]benchmark.Funnel{
		"Ana":   {{Name: "conversation", Count: 480}, {Name: "appointment", Count: 91}, {Name: "gateway", Count: 52}, {Name: "close", Count: 17}},
		"Ben":   {{Name: "conversation", Count: 400}, {Name: "appointment", Count: 52}, {Name: "gateway", Count: 33}, {Name: "close", Count: 12}},
		"Chloe": {{Name: "conversation", Count: 560}, {Name: "appointment", Count: 78}, {Name: "gateway", Count: 37}, {Name: "close", Count: 15}},
		"Dana":  {{Name: "conversation", Count: 360}, {Name: "appointment", Count: 27}, {Name: "gateway", Count: 18}, {Name: "close", Count: 7}},
		"Eli":   {{Name: "conversation", Count: 440}, {Name: "appointment", Count: 66}, {Name: "gateway", Count: 45}, {Name: "close", Count: 11}},
	}
	reps := []string{"Ana", "Ben", "Chloe", "Dana", "Eli"}
	rates := map[string]map[string]benchmark.Rate{}
	var team []map[string]benchmark.Rate
	for _, rep := range reps {
		r, err := m.Rates(funnels[rep])
		if err != nil {
			fmt.Println(err)
			return
		}
		rates[rep] = r
		team = append(team, r)
	}
	standards, err := competency.TeamStandards(m, team, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	card, err := standards.Scorecard("Dana", rates["Dana"], nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range card.Scores {
		fmt.Println(s)
	}
	gains, err := competency.Prioritize(card)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("train now:", gains[0])
	// Output:
	// new-opportunities C: 27/360 (7.5%), shrunk 8.8% (6.4%–11.6%), interval 5.2%–10.7%, target 14.8%
	// gateway A: 18/27 (66.7%), shrunk 61.3% (51.0%–71.1%), interval 47.8%–81.4%, target 61.3%, not yet distinguishable
	// close A: 7/18 (38.9%), shrunk 34.0% (27.6%–40.6%), interval 20.3%–61.4%, target 34.0%, not yet distinguishable
	// train now: new-opportunities ×1.68 (8.8% → 14.8%)
}

// A team's standards from its reps' rates: a prior and a target per
// competency the data measures, the target on the shrunk scale grades are
// read on. This CRM records no closes, so the third competency is not
// measured; the new rep, with 3 conversations, does not set the bar.
func ExampleTeamStandards() {
	team := []map[string]benchmark.Rate{
		{competency.NewOpportunitiesID: {Hits: 91, Trials: 480}, competency.GatewayID: {Hits: 52, Trials: 91}},
		{competency.NewOpportunitiesID: {Hits: 52, Trials: 400}, competency.GatewayID: {Hits: 33, Trials: 52}},
		{competency.NewOpportunitiesID: {Hits: 78, Trials: 560}, competency.GatewayID: {Hits: 37, Trials: 78}},
		{competency.NewOpportunitiesID: {Hits: 27, Trials: 360}, competency.GatewayID: {Hits: 18, Trials: 27}},
		{competency.NewOpportunitiesID: {Hits: 2, Trials: 3}, competency.GatewayID: {Hits: 1, Trials: 2}},
	}
	s, err := competency.TeamStandards(competency.Default(), team, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, st := range s.Measured {
		fmt.Printf("%s: target %.1f%%, team %v, prior %v\n  (%s)\n", st.Competency, 100*st.Target, st.Team, st.Prior, st.Source)
	}
	for _, u := range s.Unmeasured {
		fmt.Printf("%s: not measured: %s\n", u.Competency, u.Reason)
	}
	// Output:
	// new-opportunities: target 15.1%, team 250/1803 (13.9%), prior Beta(7.02, 43.60)
	//   (75th percentile of the shrunk rates of 4 reps with at least 10 trials)
	// gateway: target 57.6%, team 141/250 (56.4%), prior Beta(120.49, 93.14)
	//   (75th percentile of the shrunk rates of 4 reps with at least 10 trials)
	// close: not measured: the data does not measure it
}

// Grading a rep against the team's standards: only the measured
// competencies, and each grade says whether the evidence separates the
// rep from the standard.
func ExampleStandards_Scorecard() {
	team := []map[string]benchmark.Rate{
		{competency.NewOpportunitiesID: {Hits: 91, Trials: 480}, competency.GatewayID: {Hits: 52, Trials: 91}},
		{competency.NewOpportunitiesID: {Hits: 52, Trials: 400}, competency.GatewayID: {Hits: 33, Trials: 52}},
		{competency.NewOpportunitiesID: {Hits: 78, Trials: 560}, competency.GatewayID: {Hits: 37, Trials: 78}},
		{competency.NewOpportunitiesID: {Hits: 27, Trials: 360}, competency.GatewayID: {Hits: 18, Trials: 27}},
	}
	s, err := competency.TeamStandards(competency.Default(), team, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, rep := range []string{"Ana", "Ben", "Chloe", "Dana"} {
		card, err := s.Scorecard(rep, team[i], nil)
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, sc := range card.Scores {
			verdict := "not yet distinguishable from the standard"
			switch {
			case sc.Below():
				verdict = "below the standard"
			case sc.Separated:
				verdict = "at or above the standard"
			}
			fmt.Printf("%-5s %-17s %v  shrunk %.1f%% (%.1f%%–%.1f%%) vs %.1f%%: %s\n",
				rep, sc.Competency, sc.Grade, 100*sc.Shrunk, 100*sc.ShrunkLo, 100*sc.ShrunkHi, 100*sc.Target, verdict)
		}
	}
	// Output:
	// Ana   new-opportunities A  shrunk 18.3% (15.2%–21.7%) vs 15.0%: at or above the standard
	// Ana   gateway           B  shrunk 56.8% (49.7%–63.8%) vs 58.7%: not yet distinguishable from the standard
	// Ben   new-opportunities B  shrunk 13.1% (10.2%–16.3%) vs 15.0%: not yet distinguishable from the standard
	// Ben   gateway           A  shrunk 58.9% (50.9%–66.7%) vs 58.7%: not yet distinguishable from the standard
	// Chloe new-opportunities B  shrunk 13.9% (11.3%–16.7%) vs 15.0%: not yet distinguishable from the standard
	// Chloe gateway           B  shrunk 52.4% (45.0%–59.8%) vs 58.7%: not yet distinguishable from the standard
	// Dana  new-opportunities C  shrunk 8.5% (6.0%–11.3%) vs 15.0%: below the standard
	// Dana  gateway           B  shrunk 58.7% (49.9%–67.2%) vs 58.7%: not yet distinguishable from the standard
}

// One mission at a time: Dana's campaign on closing starts while her
// campaign on creating new opportunities is still open.
func ExampleCheckCampaigns() {
	day := func(d int) time.Time { return time.Date(2026, time.January, d, 0, 0, 0, 0, time.UTC) }
	opportunities := competency.Campaign{
		Competency: competency.NewOpportunitiesID,
		Rep:        "Dana",
		Baseline:   benchmark.Rate{Hits: 7, Trials: 90},
		Benchmark:  benchmark.Benchmark{Target: 0.15},
		Start:      day(5),
	}
	closing := competency.Campaign{
		Competency: competency.CloseID,
		Rep:        "Dana",
		Baseline:   benchmark.Rate{Hits: 9, Trials: 30},
		Benchmark:  benchmark.Benchmark{Target: 0.3},
		Start:      day(19),
	}
	err := competency.CheckCampaigns([]competency.Campaign{opportunities, closing})
	fmt.Println(errors.Is(err, competency.ErrOverlap))
	fmt.Println(err)

	// Closed when the second one starts, the first leaves room for it.
	opportunities.Closed = day(19)
	fmt.Println(competency.CheckCampaigns([]competency.Campaign{opportunities, closing}))
	// Output:
	// true
	// competency: CheckCampaigns: cs[1] ("Dana", close, from 2026-01-19T00:00:00Z, open): overlapping campaigns: it overlaps cs[0] ("Dana", new-opportunities, from 2026-01-05T00:00:00Z, open): a rep trains to one competency at a time
	// <nil>
}

// The focus stays on a campaign until it reaches its benchmark: the
// shrunk rate to date, at or above the target.
func ExampleCampaign_Reached() {
	c := competency.Campaign{
		Competency: competency.NewOpportunitiesID,
		Rep:        "Dana",
		Baseline:   benchmark.Rate{Hits: 7, Trials: 90},
		Benchmark:  benchmark.Benchmark{Target: 0.15},
		Prior:      benchmark.Prior{Alpha: 12, Beta: 88},
		Start:      time.Date(2026, time.January, 5, 0, 0, 0, 0, time.UTC),
	}
	weeks := []benchmark.Rate{{Hits: 2, Trials: 20}, {Hits: 7, Trials: 42}, {Hits: 10, Trials: 41}}
	for i, r := range weeks {
		var err error
		if c, err = c.Record(i+1, r); err != nil {
			fmt.Println(err)
			return
		}
		reached, err := c.Reached(nil)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("week %d: reached %v\n", i+1, reached)
	}
	// Output:
	// week 1: reached false
	// week 2: reached false
	// week 3: reached true
}

// The behavior of the month comes from the weakest measured scenario:
// here the gateway competency, with counts per scenario from the CRM and
// its own target on the buying-group scenario.
func ExampleCompetency_Weakest() {
	c, _ := competency.Default().Lookup(competency.GatewayID)
	c.Elements[0].Scenarios[0].Target = 0.5 // "All the King's Men": half of first meetings map the buying group
	rates := map[string]benchmark.Rate{
		"All the King's Men: not every decision maker identified": {Hits: 14, Trials: 40}, // 35% of 50%
		"The meeting ends without a next step":                    {Hits: 22, Trials: 40}, // 55% of 60%
	}
	s, ok, err := c.Weakest(rates, 0.6)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ok, s.Name)
	fmt.Println("train:", s.Routines[0].Name)
	// Output:
	// true All the King's Men: not every decision maker identified
	// train: Map the buying group
}

// A campaign runs from its start until it is closed; an open one runs on.
func ExampleCampaign_Open() {
	day := func(d int) time.Time { return time.Date(2026, time.January, d, 0, 0, 0, 0, time.UTC) }
	c := competency.Campaign{Competency: competency.CloseID, Rep: "Dana", Start: day(5)}
	fmt.Println(c.Open(day(4)), c.Open(day(5)), c.Open(day(31)))
	c.Closed = day(19)
	fmt.Println(c.Open(day(18)), c.Open(day(19)))
	// Output:
	// false true true
	// true false
}

// A whole team graded at once. Reps with a handful of deals often share a
// count (two reps at 1 of 4 here), and Scorecards works out each shared
// count's score once.
func ExampleStandards_Scorecards() {
	reps := []string{"Ana", "Ben", "Chloe", "Dana", "Eve"}
	team := []map[string]benchmark.Rate{
		{competency.CloseID: {Hits: 1, Trials: 4}},
		{competency.CloseID: {Hits: 3, Trials: 5}},
		{competency.CloseID: {Hits: 1, Trials: 4}},
		{competency.CloseID: {Hits: 14, Trials: 20}},
		{competency.CloseID: {Hits: 4, Trials: 20}},
	}
	s, err := competency.TeamStandards(competency.Default(), team, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	cards, err := s.Scorecards(reps, team, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, card := range cards {
		sc := card.Scores[0]
		fmt.Printf("%-5s %v %v shrunk %.1f%% vs %.1f%%, separated: %v\n", card.Rep, sc.Rate, sc.Grade, 100*sc.Shrunk, 100*sc.Target, sc.Separated)
	}
	// Output:
	// Ana   1/4 (25.0%) C shrunk 33.1% vs 55.6%, separated: false
	// Ben   3/5 (60.0%) B shrunk 53.6% vs 55.6%, separated: false
	// Chloe 1/4 (25.0%) C shrunk 33.1% vs 55.6%, separated: false
	// Dana  14/20 (70.0%) A shrunk 66.4% vs 55.6%, separated: false
	// Eve   4/20 (20.0%) C shrunk 23.2% vs 55.6%, separated: true
}
