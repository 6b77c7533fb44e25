package benchmark_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/salesdev/salesdev/benchmark"
)

// callWeeks is a team's last 30 rep-weeks: the calls each rep made that week
// and whether the week closed a deal. The outputs below were checked
// against a brute-force search written in python3.
var callWeeks = []benchmark.Observation{
	{12, false}, {15, false}, {18, false}, {20, true}, {22, false}, {24, false},
	{25, false}, {27, true}, {28, false}, {30, false}, {31, true}, {33, false},
	{34, true}, {35, false}, {36, true}, {38, true}, {40, true}, {40, false},
	{41, true}, {42, true}, {44, true}, {45, true}, {46, false}, {48, true},
	{50, true}, {52, true}, {55, true}, {58, true}, {60, true}, {65, true},
}

// Tressel's Ohio State knew that when they gained at least 200 rushing
// yards they won 98% of the time, so they trained the routines that got
// them there. Discover finds the same kind of benchmark in a sales team's
// history: the number of calls a week beyond which weeks close deals.
func ExampleDiscover() {
	calls := benchmark.Metric{Name: "calls per week", Unit: "calls", Direction: benchmark.HigherIsBetter}
	rule, err := benchmark.Discover(calls, callWeeks, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rule)
	fmt.Printf("benchmark to train to: %v calls a week\n", rule.Threshold)
	// Output:
	// when calls per week ≥ 41: won 91.7% (95% CI 64.6–98.5%, n=12); otherwise 38.9% (95% CI 20.3–61.4%, n=18)
	// benchmark to train to: 41 calls a week
}

// With a Target, Discover returns the lowest bar that still wins at the
// target rate with 95% confidence: a first step for the reps furthest
// from the benchmark.
func ExampleDiscover_target() {
	calls := benchmark.Metric{Name: "calls per week", Unit: "calls", Direction: benchmark.HigherIsBetter}
	rule, err := benchmark.Discover(calls, callWeeks, &benchmark.DiscoverOptions{Target: 0.5})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rule)

	// No bar wins 80% of the time with 95% confidence: the history is too
	// short to say so.
	_, err = benchmark.Discover(calls, callWeeks, &benchmark.DiscoverOptions{Target: 0.8})
	fmt.Println(errors.Is(err, benchmark.ErrNoRule))
	// Output:
	// when calls per week ≥ 25: won 70.8% (95% CI 50.8–85.1%, n=24); otherwise 16.7% (95% CI 3.0–56.4%, n=6)
	// true
}

// A lower-is-better indicator: the days a deal took from first meeting to
// close. The threshold is reached by the deals at or under it.
func ExampleDiscover_lowerIsBetter() {
	days := benchmark.Metric{Name: "days to close", Unit: "days", Direction: benchmark.LowerIsBetter}
	deals := []benchmark.Observation{
		{8, true}, {9, true}, {11, true}, {12, true}, {14, false}, {15, true}, {18, true}, {21, true},
		{25, false}, {30, true}, {34, false}, {40, false}, {45, true}, {52, false}, {60, false}, {75, false},
	}
	rule, err := benchmark.Discover(days, deals, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rule)
	// Output:
	// when days to close ≤ 21: won 87.5% (95% CI 52.9–97.8%, n=8); otherwise 25.0% (95% CI 7.1–59.1%, n=8)
}

func ExampleRule_String() {
	rule := benchmark.Rule{
		Metric:    benchmark.Metric{Name: "calls per week", Unit: "calls", Direction: benchmark.HigherIsBetter},
		Threshold: 42,
		Reached:   benchmark.Rate{Hits: 223, Trials: 312},
		Missed:    benchmark.Rate{Hits: 133, Trials: 350},
	}
	fmt.Println(rule)
	// Output:
	// when calls per week ≥ 42: won 71.5% (95% CI 66.2–76.2%, n=312); otherwise 38.0% (95% CI 33.1–43.2%, n=350)
}

// Round-number edges make round benchmarks: with an edge every 10 calls,
// the answer is the best of 10, 20, … 60 calls a week, here 50, where all
// six weeks closed.
func ExampleNewBinned() {
	calls := benchmark.Metric{Name: "calls per week", Unit: "calls", Direction: benchmark.HigherIsBetter}
	b, err := benchmark.NewBinned(calls, []float64{10, 20, 30, 40, 50, 60})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := b.AddAll(callWeeks); err != nil {
		fmt.Println(err)
		return
	}
	rule, err := b.Discover(nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rule)
	// Output:
	// when calls per week ≥ 50: won 100.0% (95% CI 61.0–100.0%, n=6); otherwise 50.0% (95% CI 31.4–68.6%, n=24)
}

// A stream: observations are counted as they arrive, and memory stays that
// of the bins.
func ExampleBinned_Add() {
	calls := benchmark.Metric{Name: "calls per week", Unit: "calls", Direction: benchmark.HigherIsBetter}
	b, _ := benchmark.NewBinned(calls, []float64{20, 30, 40, 50})
	for _, w := range callWeeks {
		if err := b.Add(w); err != nil {
			fmt.Println(err)
			return
		}
	}
	fmt.Println(b.Count(), "weeks in", len(b.Edges())+1, "bins")
	// Output:
	// 30 weeks in 5 bins
}

// Two regions count their own history, ship their state as JSON, and a
// coordinator merges them: the result is exactly that of one Binned over
// all the weeks.
func ExampleBinned_Merge() {
	calls := benchmark.Metric{Name: "calls per week", Unit: "calls", Direction: benchmark.HigherIsBetter}
	edges := []float64{10, 20, 30, 40, 50, 60}

	east, _ := benchmark.NewBinned(calls, edges)
	west, _ := benchmark.NewBinned(calls, edges)
	if err := east.AddAll(callWeeks[:12]); err != nil {
		fmt.Println(err)
		return
	}
	if err := west.AddAll(callWeeks[12:]); err != nil {
		fmt.Println(err)
		return
	}
	shipped, err := json.Marshal(west)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(shipped))

	var received benchmark.Binned
	if err := json.Unmarshal(shipped, &received); err != nil {
		fmt.Println(err)
		return
	}
	if err := east.Merge(&received); err != nil {
		fmt.Println(err)
		return
	}
	rule, err := east.Discover(nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rule)
	// Output:
	// {"metric":{"name":"calls per week","unit":"calls","direction":"higher-is-better"},"edges":[10,20,30,40,50,60],"won":[0,0,0,3,6,4,2],"lost":[0,0,0,1,2,0,0]}
	// when calls per week ≥ 50: won 100.0% (95% CI 61.0–100.0%, n=6); otherwise 50.0% (95% CI 31.4–68.6%, n=24)
}

func ExampleBinned_Discover() {
	days := benchmark.Metric{Name: "days to close", Unit: "days", Direction: benchmark.LowerIsBetter}
	// Weekly edges: a deal at 10 days reaches the 14-day benchmark.
	b, _ := benchmark.NewBinned(days, []float64{7, 14, 21, 28, 35, 42, 49, 56, 63, 70})
	_ = b.AddAll([]benchmark.Observation{
		{8, true}, {9, true}, {11, true}, {12, true}, {14, false}, {15, true}, {18, true}, {21, true},
		{25, false}, {30, true}, {34, false}, {40, false}, {45, true}, {52, false}, {60, false}, {75, false},
	})
	rule, err := b.Discover(&benchmark.DiscoverOptions{Level: 0.9})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rule.Threshold, rule.Reached, rule.Missed)
	// Output:
	// 21 7/8 (87.5%) 2/8 (25.0%)
}
