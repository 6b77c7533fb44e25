package salesdev_test

import (
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/competency"
	"github.com/salesdev/salesdev/grid"
	"github.com/salesdev/salesdev/tmc"
)

// A five-rep team's quarter, walked through the four packages: benchmark
// turns the funnel into rates and standards, competency grades each rep and
// picks what to train, grid places each rep by desire and results and
// spreads the manager's coaching hours, and tmc says which kind of help
// each rep needs and who can mentor them.
func Example() {
	asOf := time.Date(2025, time.December, 31, 0, 0, 0, 0, time.UTC)
	type rep struct {
		name       string
		funnel     [4]int64 // conversations, appointments, gateways, closes
		desire     float64  // survey answer, 1 to 5
		attainment float64  // results against quota over the trailing 6 months
		started    time.Time
	}
	team := []rep{
		{"Ana", [4]int64{200, 60, 36, 14}, 4.5, 0.85, time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC)},
		{"Ben", [4]int64{180, 25, 15, 8}, 4.0, 0.62, time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)},
		{"Cara", [4]int64{150, 66, 40, 19}, 2.0, 1.25, time.Date(2021, 1, 4, 0, 0, 0, 0, time.UTC)},
		{"Dev", [4]int64{160, 50, 31, 18}, 4.8, 1.30, time.Date(2020, 9, 1, 0, 0, 0, 0, time.UTC)},
		{"Eli", [4]int64{40, 9, 4, 1}, 4.2, 0.30, time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)},
	}
	model := competency.Default()

	// benchmark: each rep's ratios, the team's priors and standards.
	rates := make([]map[string]benchmark.Rate, len(team))
	for i, r := range team {
		f := benchmark.Funnel{{Name: "conversation", Count: r.funnel[0]}, {Name: "appointment", Count: r.funnel[1]},
			{Name: "gateway", Count: r.funnel[2]}, {Name: "close", Count: r.funnel[3]}}
		var err error
		if rates[i], err = model.Rates(f); err != nil {
			log.Fatal(err)
		}
	}
	priors := map[string]benchmark.Prior{}
	targets := map[string]benchmark.Benchmark{}
	for c := range model.All() {
		var rs []benchmark.Rate
		var values []float64
		for _, m := range rates {
			rs = append(rs, m[c.ID])
			values = append(values, m[c.ID].Value())
		}
		prior, err := benchmark.FitPrior(rs)
		if err != nil {
			log.Fatal(err)
		}
		target, err := benchmark.FromTeam(benchmark.Metric{Name: c.Name}, values, 0.75)
		if err != nil {
			log.Fatal(err)
		}
		priors[c.ID], targets[c.ID] = prior, target
	}

	// competency: grade, then the competency to train now.
	cards := make([]competency.Scorecard, len(team))
	for i, r := range team {
		var err error
		if cards[i], err = competency.NewScorecard(model, r.name, rates[i], targets, priors, nil); err != nil {
			log.Fatal(err)
		}
	}

	// grid: place each rep and share the manager's 15 coaching hours.
	var placed []grid.Rep
	for i, r := range team {
		desire, err := grid.DesireFrom(grid.Scale{Min: 1, Max: 5}, r.desire)
		if err != nil {
			log.Fatal(err)
		}
		comp, err := grid.CompetencyFrom(cards[i])
		if err != nil {
			log.Fatal(err)
		}
		placed = append(placed, grid.Rep{ID: r.name, Measures: grid.Measures{Desire: desire, Productivity: r.attainment, Competency: comp}})
	}
	assessment, err := grid.Assess(placed, nil)
	if err != nil {
		log.Fatal(err)
	}
	hours, err := grid.Allocate(15, assessment, nil)
	if err != nil {
		log.Fatal(err)
	}
	start := asOf.AddDate(0, 0, 1)
	month := grid.Window{Start: start, End: start.AddDate(0, 1, 0)}

	// tmc: where the ramp expects each rep to be, the help they need, a
	// mentor for those who know what to do but not yet how.
	ramp, err := tmc.Plan(tmc.Moderate, 45, nil)
	if err != nil {
		log.Fatal(err)
	}
	var plan grid.Plan
	for i, r := range team {
		focus, err := plan.Next(model, cards[i], month)
		if err != nil {
			log.Fatal(err)
		}
		if plan, err = plan.Add(focus); err != nil {
			log.Fatal(err)
		}
		score, _ := cards[i].Score(focus.Competency)
		expected := ramp.Expected(r.started, asOf)
		help := tmc.Prescribe(tmc.Signals{
			KnowsWhat:     expected != tmc.Training,
			KnowsHow:      expected == tmc.Coaching && score.Grade >= competency.GradeB,
			MeetsStandard: score.Grade == competency.GradeA,
		})
		mentor := "-"
		if help.Help == tmc.Mentoring {
			var peers []tmc.Peer
			for j, p := range team {
				s, _ := cards[j].Score(focus.Competency)
				peers = append(peers, tmc.Peer{Name: p.name, Manager: "Morgan", Score: s})
			}
			best, err := tmc.Mentors(focus.Competency, tmc.Rep{Name: r.name, Manager: "Morgan"}, peers, 2)
			switch {
			case err == nil:
				mentor = best[0].Name
			case errors.Is(err, tmc.ErrNoMentor):
				mentor = "none free"
			default:
				log.Fatal(err)
			}
		}
		place, _ := assessment.Lookup(r.name)
		var due float64
		for _, s := range hours.Shares {
			if s.Rep == r.name {
				due = s.Hours
			}
		}
		fmt.Printf("%-4s %-11s %-9s %-17s %s  %-38q mentor: %-4s %4.1f h/month\n", r.name, place.Quadrant, help.Help,
			focus.Competency, score.Grade, focus.Behavior, mentor, due)
	}
	// Output:
	// Ana  striver     coaching  close             B  "Present to the buying group"          mentor: -     4.0 h/month
	// Ben  striver     mentoring new-opportunities C  "Find the internal business challenge" mentor: Cara  4.0 h/month
	// Cara independent coaching  close             B  "Present to the buying group"          mentor: -     1.0 h/month
	// Dev  achiever    coaching  close             B  "Present to the buying group"          mentor: -     2.0 h/month
	// Eli  striver     training  new-opportunities C  "Find the internal business challenge" mentor: -     4.0 h/month
}
