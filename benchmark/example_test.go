package benchmark_test

import (
	"errors"
	"fmt"

	"github.com/salesdev/salesdev/benchmark"
)

// A rep's close rate is a Rate: the counts keep the evidence that a
// percentage throws away.
func ExampleRate() {
	won := benchmark.Rate{Hits: 7, Trials: 20}
	fmt.Println(won)
	fmt.Printf("%.2f\n", won.Value())
	fmt.Println(won.Add(benchmark.Rate{Hits: 3, Trials: 5}))
	// Output:
	// 7/20 (35.0%)
	// 0.35
	// 10/25 (40.0%)
}

// Two reps with a 100% close rate: the interval says how much each record
// is worth.
func ExampleRate_Interval() {
	for _, r := range []benchmark.Rate{{Hits: 2, Trials: 2}, {Hits: 200, Trials: 200}, {Hits: 7, Trials: 20}} {
		lo, hi := r.Interval(0.95)
		fmt.Printf("%-16v 95%% CI %4.1f%%–%5.1f%%\n", r, 100*lo, 100*hi)
	}
	// Output:
	// 2/2 (100.0%)     95% CI 34.2%–100.0%
	// 200/200 (100.0%) 95% CI 98.1%–100.0%
	// 7/20 (35.0%)     95% CI 18.1%– 56.7%
}

func ExampleRate_Validate() {
	err := benchmark.Rate{Hits: 12, Trials: 10}.Validate()
	fmt.Println(err)
	fmt.Println(errors.Is(err, benchmark.ErrHitsExceedTrials))
	// Output:
	// benchmark: Rate.Validate: 12/10 (invalid): hits exceed trials
	// true
}

func ExampleSum() {
	team, err := benchmark.Sum(benchmark.Rate{Hits: 12, Trials: 40}, benchmark.Rate{Hits: 9, Trials: 25})
	fmt.Println(team, err)
	// Output: 21/65 (32.3%) <nil>
}

// Fit the team's prior, then read each rep's record in its light: the rep
// who won 2 of 2 is not an A player yet.
func ExampleFitPrior() {
	team := []benchmark.Rate{
		{Hits: 30, Trials: 100}, {Hits: 22, Trials: 80}, {Hits: 45, Trials: 120},
		{Hits: 12, Trials: 60}, {Hits: 2, Trials: 2},
	}
	prior, err := benchmark.FitPrior(team)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("team mean %.3f, worth %.0f trials\n", prior.Mean(), prior.Alpha+prior.Beta)
	for _, r := range team {
		fmt.Printf("%-14v shrunk %.3f\n", r, prior.Shrink(r))
	}
	// Output:
	// team mean 0.307, worth 38 trials
	// 30/100 (30.0%) shrunk 0.302
	// 22/80 (27.5%)  shrunk 0.285
	// 45/120 (37.5%) shrunk 0.359
	// 12/60 (20.0%)  shrunk 0.241
	// 2/2 (100.0%)   shrunk 0.341
}

func ExamplePrior_Shrink() {
	prior := benchmark.Prior{Alpha: 3, Beta: 7} // a 30% team, worth 10 trials
	fmt.Printf("%.3f\n", prior.Shrink(benchmark.Rate{Hits: 2, Trials: 2}))
	fmt.Printf("%.3f\n", prior.Shrink(benchmark.Rate{Hits: 200, Trials: 200}))
	fmt.Printf("%.3f\n", prior.Shrink(benchmark.Rate{})) // no evidence: the team
	// Output:
	// 0.417
	// 0.967
	// 0.300
}

func ExampleBenchmark_Evaluate() {
	closeRate := benchmark.Benchmark{
		Metric: benchmark.Metric{Name: "close rate", Unit: "%"},
		Target: 0.32,
	}
	cycle := benchmark.Benchmark{
		Metric: benchmark.Metric{Name: "days to close", Unit: "days", Direction: benchmark.LowerIsBetter},
		Target: 45,
	}
	r, _ := closeRate.Evaluate(0.24)
	fmt.Printf("%v: attainment %.0f%%, gap %.2f, met %v\n", closeRate, 100*r.Attainment, r.Gap, r.Met)
	r, _ = cycle.Evaluate(60)
	fmt.Printf("%v: attainment %.0f%%, gap %.0f days, met %v\n", cycle, 100*r.Attainment, r.Gap, r.Met)
	// Output:
	// close rate ≥ 0.32: attainment 75%, gap 0.08, met false
	// days to close ≤ 45: attainment 75%, gap 15 days, met false
}

// Set the standard from the team's own distribution: the value the top
// quarter of the team reaches.
func ExampleFromTeam() {
	closeRates := []float64{0.18, 0.22, 0.25, 0.27, 0.31, 0.33, 0.35, 0.41}
	b, _ := benchmark.FromTeam(benchmark.Metric{Name: "close rate"}, closeRates, 0.75)
	fmt.Println(b)
	days := []float64{38, 45, 52, 60, 61, 70, 84, 90}
	b, _ = benchmark.FromTeam(benchmark.Metric{Name: "days to close", Direction: benchmark.LowerIsBetter}, days, 0.75)
	fmt.Println(b)
	// Output:
	// close rate ≥ 0.335
	// days to close ≤ 50.25
}

// Benchmarks for every team at three quantiles, with one scratch buffer.
func ExampleTeamBenchmarks() {
	teams := map[string][]float64{
		"central": {0.18, 0.22, 0.25, 0.27, 0.31, 0.33, 0.35, 0.41},
		"east":    {0.12, 0.19, 0.21, 0.30},
	}
	var tb benchmark.TeamBenchmarks
	var out []benchmark.Benchmark
	for _, name := range []string{"central", "east"} {
		out, _ = tb.FromTeam(out[:0], benchmark.Metric{Name: "close rate"}, teams[name], 0.5, 0.75, 0.9)
		fmt.Printf("%-8s p50 %.3f  p75 %.3f  p90 %.3f\n", name, out[0].Target, out[1].Target, out[2].Target)
	}
	// Output:
	// central  p50 0.290  p75 0.335  p90 0.368
	// east     p50 0.200  p75 0.232  p90 0.273
}

func ExampleFunnel() {
	f := benchmark.Funnel{
		{Name: "calls", Count: 2000},
		{Name: "conversations", Count: 200},
		{Name: "appointments", Count: 70},
		{Name: "proposals", Count: 35},
		{Name: "deals", Count: 14},
	}
	rates, _ := f.Rates()
	for i, r := range rates {
		fmt.Printf("%s → %s: %v\n", f[i].Name, f[i+1].Name, r)
	}
	overall, _ := f.Overall()
	fmt.Println("overall:", overall)
	// Output:
	// calls → conversations: 200/2000 (10.0%)
	// conversations → appointments: 70/200 (35.0%)
	// appointments → proposals: 35/70 (50.0%)
	// proposals → deals: 14/35 (40.0%)
	// overall: 14/2000 (0.7%)
}

// The reverse funnel: 14 deals at 10%, 35%, 50% and 40% conversion.
func ExampleRequired() {
	counts, err := benchmark.Required(14, []float64{0.10, 0.35, 0.50, 0.40})
	fmt.Println(counts, err)
	// Output: [2000 200 70 35 14] <nil>
}

func ExampleRequiredForRevenue() {
	// $150,000 this quarter at an average deal of $10,000.
	counts, err := benchmark.RequiredForRevenue(150_000, 10_000, []float64{0.10, 0.35, 0.50, 0.40})
	fmt.Println(counts, err)
	// Output: [2180 218 76 38 15] <nil>
}
