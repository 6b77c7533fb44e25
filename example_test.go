package salesdev_test

import (
	"fmt"
	"log"
	"time"

	"github.com/salesdev/salesdev"
	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/competency"
	"github.com/salesdev/salesdev/tmc"
)

// date is a day in UTC.
func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// rates turns a rep's funnel counts (conversations, appointments,
// gateways, closes) into the ready model's rates.
func rates(conv, appt, gate, won int64) map[string]benchmark.Rate {
	return map[string]benchmark.Rate{
		competency.NewOpportunitiesID: {Hits: appt, Trials: conv},
		competency.GatewayID:          {Hits: gate, Trials: appt},
		competency.CloseID:            {Hits: won, Trials: gate},
	}
}

// exampleTeam is a five-rep team at the end of 2025: four reps years past
// their ramp, and Eli, who started a month ago. Quotas and the desire
// survey (1 to 5) are known for everyone.
func exampleTeam() salesdev.Team {
	rep := func(id string, started time.Time, r map[string]benchmark.Rate, sold float64, desire float64) salesdev.Rep {
		return salesdev.Rep{
			Rep: id, Manager: "Morgan", Started: started, Rates: r,
			Results: &salesdev.Results{Sold: sold, MonthlyQuota: 50_000},
			Desire:  []float64{desire},
		}
	}
	return salesdev.Team{
		AsOf: date(2025, time.December, 31),
		Reps: []salesdev.Rep{
			rep("Ana", date(2023, 3, 1), rates(200, 60, 36, 14), 255_000, 4.5),
			rep("Ben", date(2022, 6, 1), rates(180, 25, 15, 8), 186_000, 4.0),
			rep("Cara", date(2021, 1, 4), rates(150, 66, 40, 19), 375_000, 2.0),
			rep("Dev", date(2020, 9, 1), rates(160, 50, 31, 18), 390_000, 4.8),
			rep("Eli", date(2025, 12, 1), rates(40, 9, 4, 1), 15_000, 4.2),
		},
	}
}

// A five-rep team planned in one call: each rep's quadrant, the help they
// need, the 1+1+1 focus with the grade on it, and the manager's 15
// coaching hours shared out. The four reps past their ramp are coached,
// whatever their grade: by then they know what to do and how, so a rep
// below standard has a blockage to find, not a course to sit through. Eli,
// a month in, is still in training.
func Example() {
	plan, err := salesdev.NewPlan(exampleTeam(), &salesdev.Config{CoachingHours: 15, SalesCycleDays: 45})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("first priority for training:", plan.Priority[0])
	for _, r := range plan.Reps {
		grade := "—"
		if s := r.FocusScore; s != nil {
			grade = s.Grade.String()
			if !s.Separated {
				grade += "?" // not yet distinguishable from the standard
			}
		}
		fmt.Printf("%-4s %-11s %-9s %-17s %-2s %4.1f h/month\n",
			r.Rep, r.Quadrant, r.Help.Help, r.Focus.Competency, grade, *r.CoachingHours)
	}
	// Output:
	// first priority for training: new-opportunities ×1.08 (28.8% → 31.0%)
	// Ana  striver     coaching  close             B?  3.8 h/month
	// Ben  striver     coaching  new-opportunities C   3.8 h/month
	// Cara independent coaching  close             B?  1.9 h/month
	// Dev  achiever    coaching  new-opportunities A?  1.9 h/month
	// Eli  striver     training  new-opportunities C?  3.8 h/month
}

// Each rep's plan says why, in words a manager reads.
func ExampleRepPlan_why() {
	plan, err := salesdev.NewPlan(exampleTeam(), &salesdev.Config{CoachingHours: 15, SalesCycleDays: 45})
	if err != nil {
		log.Fatal(err)
	}
	eli, _ := plan.Lookup("Eli")
	fmt.Println(eli.Why())
	// Output:
	// training: the rep does not know what to do: transfer the knowledge (policies, procedures, selling techniques); for a tenured rep this is re-training. Basis: started 2025-12-01, day 31 of a ramp with 45 days of training and 60 days of mentoring: in the training stage, the rep does not yet know what to do; meets the standard: the evidence does not separate the rep below it. Focus: new-opportunities, behavior "Find the internal business challenge" (first training priority: raising new-opportunities to its benchmark multiplies revenue by ×1.28; routines of new-opportunities in turn: 1 of 6, practised least (in 0 earlier focuses)); grade C, not yet distinguishable from the standard.
}

// With only a pipeline's rates, the plan still grades and prescribes, and
// names the inputs that would unlock the rest.
func ExamplePlan_Missing() {
	team := exampleTeam()
	for i := range team.Reps {
		team.Reps[i].Results, team.Reps[i].Desire, team.Reps[i].Started = nil, nil, time.Time{}
	}
	plan, err := salesdev.NewPlan(team, nil)
	if err != nil {
		log.Fatal(err)
	}
	ana, _ := plan.Lookup("Ana")
	fmt.Println("Ana:", ana.Help.Help, "—", ana.NotPlaced)
	for _, m := range plan.Missing {
		fmt.Printf("%s: %s\n", m.Input, m.Unlocks)
	}
	// Output:
	// Ana: coaching — no desire survey answer, no quota
	// start dates: the ramp stage (training, mentoring, coaching) from each rep's start date, not the first day the rep appears in the data
	// desire survey: places reps on the grid (achiever, striver, independent, detractor) with the strategy each needs, and shares out coaching hours
	// quotas: results against quota: the grid's other axis
	// managers' coaching hours: each rep's share of the manager's coaching time, flagged below the cadence
	// 1:1 sessions, with who gave them: each manager's managing-vs-developing mix, mentors who train or coach, and the coaching each rep received
	// training campaigns: the change measured since training began, and focus kept until the benchmark is reached
	// journey events: re-training after a coaching session finds a knowledge gap, and a fair performance plan
}

// Reps grouped by the help they need: the list a manager works through.
func ExamplePlan_Needing() {
	plan, err := salesdev.NewPlan(exampleTeam(), nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, h := range []tmc.Help{tmc.Training, tmc.Mentoring, tmc.Coaching, tmc.Management} {
		var names []string
		for _, r := range plan.Needing(h) {
			names = append(names, r.Rep)
		}
		fmt.Println(h, names)
	}
	// Output:
	// training [Eli]
	// mentoring []
	// coaching [Ana Ben Cara Dev]
	// management []
}

// A plugin sums each rep's won amounts over the plan's results window
// before it makes the plan: ResultsWindow says which days count. Six
// calendar months by default, up to and including the plan's day; six
// months before 31 August is 28 February, the last day that month has.
func ExampleResultsWindow() {
	asOf := date(2025, 8, 30)
	w, err := salesdev.ResultsWindow(asOf, nil)
	if err != nil {
		log.Fatal(err)
	}
	won := []struct {
		day    time.Time
		amount float64
	}{{date(2025, 2, 27), 900}, {date(2025, 2, 28), 1200}, {date(2025, 8, 30), 800}, {date(2025, 8, 31), 500}}
	var sold float64
	for _, d := range won {
		if w.Contains(d.day) {
			sold += d.amount
		}
	}
	fmt.Println("from", w.Start.Format(time.DateOnly), "up to", w.End.Format(time.DateOnly), "(not included)")
	fmt.Println("sold:", sold)
	// Output:
	// from 2025-02-28 up to 2025-08-31 (not included)
	// sold: 2000
}
