package grid_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/competency"
	"github.com/salesdev/salesdev/grid"
)

func ExamplePlace() {
	reps := []grid.Measures{
		{Desire: 0.9, Productivity: 1.20, Competency: 0.8},
		{Desire: 0.8, Productivity: 0.85, Competency: 0.6},
		{Desire: 0.3, Productivity: 1.00, Competency: 0.9}, // exactly at quota: above the line
		{Desire: 0.2, Productivity: 0.60, Competency: 0.4},
	}
	for _, m := range reps {
		q, err := grid.Place(m, nil) // default lines: desire 0.5, 100% of quota
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("desire %.1f, %3.0f%% of quota: %v\n", m.Desire, 100*m.Productivity, q)
	}

	// Raise the bar: 110% of quota.
	q, _ := grid.Place(reps[0], &grid.Cutoffs{Productivity: 1.1})
	fmt.Println("at 110%:", q)
	q, _ = grid.Place(reps[2], &grid.Cutoffs{Productivity: 1.1})
	fmt.Println("at 110%:", q)

	_, err := grid.Place(grid.Measures{Desire: 1.5, Productivity: 1}, nil)
	fmt.Println(err)
	// Output:
	// desire 0.9, 120% of quota: achiever
	// desire 0.8,  85% of quota: striver
	// desire 0.3, 100% of quota: independent
	// desire 0.2,  60% of quota: detractor
	// at 110%: achiever
	// at 110%: detractor
	// grid: Place: desire = 1.5: out of range
}

func ExamplePlaceAll() {
	ms := []grid.Measures{
		{Desire: 0.9, Productivity: 1.2},
		{Desire: 0.8, Productivity: 0.85},
		{Desire: 0.3, Productivity: 1.1},
		{Desire: 0.2, Productivity: 0.6},
	}
	dst := make([]grid.Quadrant, len(ms)) // reuse it from call to call: no allocation
	if err := grid.PlaceAll(dst, ms, nil); err != nil {
		fmt.Println(err)
	}
	fmt.Println(dst)

	// A bad rep: the error names it; the reps before it are placed and the
	// rest are Unplaced.
	ms[2].Productivity = -1
	err := grid.PlaceAll(dst, ms, nil)
	var ie *grid.InputError
	if errors.As(err, &ie) {
		fmt.Println("refused:", ie.Arg)
	}
	fmt.Println(err)
	fmt.Println(dst)
	// Output:
	// [achiever striver independent detractor]
	// refused: ms[2]: productivity = -1
	// grid: PlaceAll: ms[2]: productivity = -1: out of range
	// [achiever striver unplaced unplaced]
}

func ExampleQuadrant_Strategy() {
	for q := range grid.Quadrants() { // in coaching priority
		s := q.Strategy()
		fmt.Printf("%d %v %v\n%s\n", s.Priority, q, s.Modes, s.Advice)
		for _, src := range s.Sources {
			fmt.Println("  source:", src)
		}
	}
	// Output:
	// 1 striver [coaching management]
	// Coach first: the desire to develop is there and the results are not yet. Coach the one competency and one behavior that hold their results below the line, and manage the numbers with them: the KPIs that show whether the coaching changes results.
	//   source: ASLAN Training's published grid material (outside the articles)
	//   source: ASLAN Training, "Know the Difference Between Coaching & Managing"
	// 2 achiever [coaching]
	// Coach them too: what they may need is "new ideas, new ways of approaching their craft, different combinations of resources". Coach forward: look for the areas "that if improved upon, would change results".
	//   source: "Sales Management vs Sales Mentorship"
	//   source: ASLAN Training, "Know the Difference Between Coaching & Managing"
	// 3 independent [leadership coaching]
	// Lead first, then coach: their results meet the line and their desire to develop does not. Find what motivates them and set "an example to drive high desire"; then coach, and keep coaching: leaving reps alone "was a mistake", and "constant coaching is the only way to diagnose and develop competencies".
	//   source: ASLAN Training's published grid material (outside the articles)
	//   source: ASLAN Training, "Know the Difference Between Coaching & Managing"
	// 4 detractor [leadership management coaching]
	// Lead, manage and coach: desire and results are both below the line. Leadership for desire, by the example you set; management for results, through the KPIs (pipeline, qualified leads, deal size, close rates, time-to-close, calls); and coaching for the one competency that holds their results down.
	//   source: ASLAN Training, "Know the Difference Between Coaching & Managing"
}

// The modes a quadrant calls for marshal as text, for a CRM payload.
func ExampleMode() {
	b, _ := json.Marshal(grid.Detractor.Strategy().Modes)
	fmt.Println(string(b))

	var m grid.Mode
	err := json.Unmarshal([]byte(`"Coaching"`), &m)
	fmt.Println(m, err)
	// Output:
	// ["leadership","management","coaching"]
	// coaching <nil>
}

func ExampleQuadrant_MarshalText() {
	b, _ := json.Marshal(struct {
		Rep      string        `json:"rep"`
		Quadrant grid.Quadrant `json:"quadrant"`
	}{"ana", grid.Striver})
	fmt.Println(string(b))

	var q grid.Quadrant
	err := json.Unmarshal([]byte(`"Achiever"`), &q)
	fmt.Println(q, err)
	// Output:
	// {"rep":"ana","quadrant":"striver"}
	// achiever <nil>
}

func ExampleAssess() {
	team := []grid.Rep{
		{Rep: "ana", Measures: grid.Measures{Desire: 0.9, Productivity: 1.2, Competency: 0.8}},
		{Rep: "ben", Measures: grid.Measures{Desire: 0.2, Productivity: 0.6, Competency: 0.4}},
		{Rep: "cai", Measures: grid.Measures{Desire: 0.8, Productivity: 0.85, Competency: 0.6}},
		{Rep: "dee", Measures: grid.Measures{Desire: 0.3, Productivity: 1.1, Competency: 0.9}},
		{Rep: "eve", Measures: grid.Measures{Desire: 0.6, Productivity: 0.7, Competency: 0.5}},
	}
	a, err := grid.Assess(team, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%+v\n", a.Counts)
	for _, p := range a.Reps { // in coaching priority
		fmt.Println(p.Rep, p.Quadrant)
	}
	// Output:
	// {Striver:2 Achiever:1 Independent:1 Detractor:1}
	// cai striver
	// eve striver
	// ana achiever
	// dee independent
	// ben detractor
}

func ExampleMovements() {
	q1, _ := grid.Assess([]grid.Rep{
		{Rep: "ana", Measures: grid.Measures{Desire: 0.9, Productivity: 1.2}},
		{Rep: "cai", Measures: grid.Measures{Desire: 0.8, Productivity: 0.85}},
		{Rep: "dee", Measures: grid.Measures{Desire: 0.3, Productivity: 1.1}},
	}, nil)
	q2, _ := grid.Assess([]grid.Rep{
		{Rep: "ana", Measures: grid.Measures{Desire: 0.9, Productivity: 1.1}},
		{Rep: "cai", Measures: grid.Measures{Desire: 0.8, Productivity: 1.05}},
		{Rep: "dee", Measures: grid.Measures{Desire: 0.3, Productivity: 0.8}},
	}, nil)
	moves, _ := grid.Movements(q1, q2)
	for _, m := range moves {
		switch {
		case m.Improved():
			fmt.Println("improved:", m)
		case m.Slid():
			fmt.Println("slid:", m)
		}
	}
	// Output:
	// improved: cai: striver → achiever
	// slid: dee: independent → detractor
}

func ExampleAllocate() {
	a, _ := grid.Assess([]grid.Rep{
		{Rep: "ana", Measures: grid.Measures{Desire: 0.9, Productivity: 1.2}},
		{Rep: "ben", Measures: grid.Measures{Desire: 0.2, Productivity: 0.6}},
		{Rep: "cai", Measures: grid.Measures{Desire: 0.8, Productivity: 0.85}},
		{Rep: "dee", Measures: grid.Measures{Desire: 0.3, Productivity: 1.1}},
		{Rep: "eve", Measures: grid.Measures{Desire: 0.6, Productivity: 0.7}},
	}, nil)
	al, err := grid.Allocate(14, a, nil) // 14 hours a month, default weights
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range al.Shares {
		flag := ""
		if s.BelowMinimum {
			flag = fmt.Sprintf(" below %v h", al.MinHours)
		}
		fmt.Printf("%s %-11v %4.1f h%s\n", s.Rep, s.Quadrant, s.Hours, flag)
	}
	fmt.Printf("%d short; %.0f hours a month would give everyone %v\n", al.Short, al.Needed, al.MinHours)

	// The manager's own standard: two hours a month, and equal time for
	// every quadrant.
	al, _ = grid.Allocate(14, a, &grid.Weights{Striver: 1, Achiever: 1, Independent: 1, Detractor: 1, MinHours: 2})
	fmt.Printf("%.1f h each, %d short of %v h\n", al.Shares[0].Hours, al.Short, al.MinHours)
	// Output:
	// cai striver      4.0 h
	// eve striver      4.0 h
	// ana achiever     2.0 h below 3 h
	// dee independent  2.0 h below 3 h
	// ben detractor    2.0 h below 3 h
	// 3 short; 21 hours a month would give everyone 3
	// 2.8 h each, 0 short of 2 h
}

func ExampleProductivityFrom() {
	end := time.Date(2025, time.July, 1, 0, 0, 0, 0, time.UTC)
	w, _ := grid.Trailing(end, 0) // the trailing six months
	fmt.Println(w)

	// Sold 255,000 against six monthly quotas of 50,000.
	p, _ := grid.ProductivityFrom(255_000, 300_000, w, time.Time{})
	fmt.Printf("%.0f%%\n", 100*p)

	// Joined on 1 April: owes 91 of the window's 181 days of quota.
	p, _ = grid.ProductivityFrom(150_000, 300_000, w, time.Date(2025, time.April, 1, 0, 0, 0, 0, time.UTC))
	fmt.Printf("%.1f%%\n", 100*p)
	// Output:
	// [2025-01-01, 2025-07-01)
	// 85%
	// 99.5%
}

func ExampleDesireFrom() {
	// Three survey items on a five-point scale.
	d, _ := grid.DesireFrom(grid.Scale{Min: 1, Max: 5}, 4, 5, 3)
	fmt.Println(d)
	// A manager's rating, 7 out of 10.
	d, _ = grid.DesireFrom(grid.Scale{Min: 0, Max: 10}, 7)
	fmt.Println(d)
	_, err := grid.DesireFrom(grid.Scale{Min: 1, Max: 5}, 4, 6)
	fmt.Println(err)
	// Output:
	// 0.75
	// 0.7
	// grid: DesireFrom: answers[1] = 6 outside [1, 5]: out of range
}

// scorecard grades dana on the ready model against team benchmarks, with
// no prior (so the shrunk rates are the raw ones).
func scorecard(rates map[string]benchmark.Rate) competency.Scorecard {
	targets := map[string]benchmark.Benchmark{
		"new-opportunities": {Target: 0.15},
		"gateway":           {Target: 0.60},
		"close":             {Target: 0.30},
	}
	card, err := competency.NewScorecard(competency.Default(), "dana", rates, targets, nil, nil)
	if err != nil {
		panic(err)
	}
	return card
}

func ExampleCompetencyFrom() {
	card := scorecard(map[string]benchmark.Rate{
		"new-opportunities": {Hits: 9, Trials: 90},  // 10% of a 15% benchmark: 2/3
		"gateway":           {Hits: 30, Trials: 45}, // above 60%: 1
		"close":             {Hits: 9, Trials: 36},  // 25% of 30%: 5/6
	})
	c, _ := grid.CompetencyFrom(card)
	fmt.Printf("competency %.3f; %.0f%% of benchmark revenue\n", c, 100*c*c*c)
	// Output:
	// competency 0.822; 56% of benchmark revenue
}

func ExamplePlan_Next() {
	m := competency.Default()
	card := scorecard(map[string]benchmark.Rate{
		"new-opportunities": {Hits: 9, Trials: 90},
		"gateway":           {Hits: 30, Trials: 45},
		"close":             {Hits: 9, Trials: 32},
	})
	var plan grid.Plan
	for month := time.January; month <= time.March; month++ {
		w := grid.Window{
			Start: time.Date(2025, month, 1, 0, 0, 0, 0, time.UTC),
			End:   time.Date(2025, month+1, 1, 0, 0, 0, 0, time.UTC),
		}
		f, err := plan.Next(m, card, w, nil) // no campaign, no counts per scenario
		if err != nil {
			fmt.Println(err)
			return
		}
		if plan, err = plan.Add(f); err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(f)
		fmt.Println("  because", f.Reason)
	}
	// Output:
	// dana: new-opportunities/"Find the internal business challenge" [2025-01-01, 2025-02-01)
	//   because first training priority: raising new-opportunities to its benchmark multiplies revenue by ×1.50; routines of new-opportunities in turn: 1 of 6, practised least (in 0 earlier focuses)
	// dana: new-opportunities/"Start with the executive who owns the challenge" [2025-02-01, 2025-03-01)
	//   because first training priority: raising new-opportunities to its benchmark multiplies revenue by ×1.50; routines of new-opportunities in turn: 2 of 6, practised least (in 0 earlier focuses)
	// dana: new-opportunities/"Lead with their business" [2025-03-01, 2025-04-01)
	//   because first training priority: raising new-opportunities to its benchmark multiplies revenue by ×1.50; routines of new-opportunities in turn: 3 of 6, practised least (in 0 earlier focuses)
}

// A rep in a campaign keeps its competency until the campaign reaches its
// benchmark, even when another ratio ranks higher: one mission at a time.
func ExamplePlan_Next_campaign() {
	m := competency.Default()
	card := scorecard(map[string]benchmark.Rate{
		"new-opportunities": {Hits: 9, Trials: 90}, // the first priority on the scorecard
		"gateway":           {Hits: 30, Trials: 45},
		"close":             {Hits: 9, Trials: 32},
	})
	campaign := competency.Campaign{
		Competency: competency.CloseID,
		Rep:        "dana",
		Start:      time.Date(2025, time.March, 1, 0, 0, 0, 0, time.UTC),
		Baseline:   benchmark.Rate{Hits: 9, Trials: 32},
		Benchmark:  benchmark.Benchmark{Target: 0.30},
		Checkpoints: []competency.Checkpoint{
			{Week: 1, Rate: benchmark.Rate{Hits: 2, Trials: 8}},
			{Week: 2, Rate: benchmark.Rate{Hits: 3, Trials: 10}}, // 5/18 to date: 28%
		},
	}
	april := grid.Window{Start: time.Date(2025, time.April, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2025, time.May, 1, 0, 0, 0, 0, time.UTC)}
	f, err := grid.Plan{}.Next(m, card, april, &grid.FocusOptions{Campaign: &campaign})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f)
	fmt.Println("  because", f.Reason)

	// Week 3 takes close to 15/38 to date, past 30%: the campaign has
	// reached its benchmark, and the focus returns to the priority.
	campaign, _ = campaign.Record(3, benchmark.Rate{Hits: 10, Trials: 20})
	f, _ = grid.Plan{}.Next(m, card, april, &grid.FocusOptions{Campaign: &campaign})
	fmt.Println(f)
	fmt.Println("  because", f.Reason)
	// Output:
	// dana: close/"Present to the buying group" [2025-04-01, 2025-05-01)
	//   because campaign on close open since 2025-03-01, benchmark not reached yet; routines of close in turn: 1 of 4, practised least (in 0 earlier focuses)
	// dana: new-opportunities/"Find the internal business challenge" [2025-04-01, 2025-05-01)
	//   because campaign on close reached its benchmark; first training priority: raising new-opportunities to its benchmark multiplies revenue by ×1.50; routines of new-opportunities in turn: 1 of 6, practised least (in 0 earlier focuses)
}

// With the rep's counts per scenario, the behavior is the first routine of
// the weakest measured scenario.
func ExamplePlan_Next_scenarios() {
	m := competency.Default()
	card := scorecard(map[string]benchmark.Rate{
		"new-opportunities": {Hits: 9, Trials: 90},
		"gateway":           {Hits: 30, Trials: 45},
		"close":             {Hits: 9, Trials: 32},
	})
	counts := map[string]benchmark.Rate{ // scenarios of new-opportunities
		"No business reason to call":      {Hits: 4, Trials: 20},
		"A gatekeeper screens the call":   {Hits: 2, Trials: 25},
		`"Just send me some information"`: {Hits: 3, Trials: 20},
	}
	may := grid.Window{Start: time.Date(2025, time.May, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2025, time.June, 1, 0, 0, 0, 0, time.UTC)}
	f, err := grid.Plan{}.Next(m, card, may, &grid.FocusOptions{Scenarios: counts})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f)
	fmt.Println("  because", f.Reason)
	// Output:
	// dana: new-opportunities/"Enlist the gatekeeper" [2025-05-01, 2025-06-01)
	//   because first training priority: raising new-opportunities to its benchmark multiplies revenue by ×1.50; weakest scenario: A gatekeeper screens the call (2/25 against 15%)
}

func ExamplePlan_Add() {
	jan := grid.Window{Start: time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2025, time.February, 1, 0, 0, 0, 0, time.UTC)}
	plan, _ := grid.Plan{}.Add(grid.Focus{Rep: "ana", Competency: "gateway", Behavior: "Earn the proposal", Window: jan})

	// 1+1+1: a second focus for ana in January is refused.
	_, err := plan.Add(grid.Focus{Rep: "ana", Competency: "close", Behavior: "Find the real concern", Window: jan})
	fmt.Println(errors.Is(err, grid.ErrOverlap))
	fmt.Println(err)
	// Output:
	// true
	// grid: rep "ana": focus gateway/"Earn the proposal" [2025-01-01, 2025-02-01) overlaps focus close/"Find the real concern" [2025-01-01, 2025-02-01): overlapping focus
}

func ExampleTrailing() {
	end := time.Date(2025, time.October, 1, 0, 0, 0, 0, time.UTC)
	six, _ := grid.Trailing(end, 0)
	three, _ := grid.Trailing(end, 3)
	fmt.Println(six)
	fmt.Println(three)
	// Output:
	// [2025-04-01, 2025-10-01)
	// [2025-07-01, 2025-10-01)
}

func ExamplePlan_Validate() {
	day := func(m time.Month, d int) time.Time { return time.Date(2025, m, d, 0, 0, 0, 0, time.UTC) }
	plan := grid.Plan{ // loaded from storage, say
		{Rep: "ana", Competency: "gateway", Behavior: "Earn the proposal", Window: grid.Window{Start: day(1, 1), End: day(2, 1)}},
		{Rep: "ben", Competency: "close", Behavior: "Find the real concern", Window: grid.Window{Start: day(1, 1), End: day(3, 1)}},
		{Rep: "ana", Competency: "gateway", Behavior: "Quantify the challenge", Window: grid.Window{Start: day(2, 1), End: day(3, 1)}},
		{Rep: "ben", Competency: "gateway", Behavior: "Map the buying group", Window: grid.Window{Start: day(2, 15), End: day(3, 15)}},
	}
	fmt.Println(plan.Validate())
	f, _ := plan.Current("ana", day(2, 10))
	fmt.Println(f)
	// Output:
	// grid: rep "ben": focus close/"Find the real concern" [2025-01-01, 2025-03-01) overlaps focus gateway/"Map the buying group" [2025-02-15, 2025-03-15): overlapping focus
	// ana: gateway/"Quantify the challenge" [2025-02-01, 2025-03-01)
}
