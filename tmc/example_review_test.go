package tmc_test

import (
	"fmt"
	"time"

	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/tmc"
)

// A CRM knows when reps started and whether their results are below the
// standard, not what they know: Infer reads the signals from where each
// rep is on the ramp, and the manager's statements win.
func ExampleInfer() {
	day := func(n int) time.Time { return time.Date(2025, time.January, 6, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n) }
	ramp, _ := tmc.Plan(tmc.Moderate, 90, nil) // 45 days of training, 90 of mentoring
	for _, e := range []tmc.Evidence{
		{Ramp: ramp, Started: day(0), AsOf: day(20), Below: true},
		{Ramp: ramp, FirstSeen: day(0), AsOf: day(100)},
		{Ramp: ramp, Started: day(0), AsOf: day(400), Below: true},
		{Ramp: ramp, Started: day(0), AsOf: day(400), Below: true,
			Events: []tmc.Event{{Kind: tmc.KnowledgeGapFound, At: day(390)}}},
		{Ramp: ramp, AsOf: day(400), Below: true, Barrier: tmc.Constraints},
		{Ramp: ramp, Started: day(0), AsOf: day(400), Stated: &tmc.Signals{KnowsWhat: true}},
	} {
		inf, err := tmc.Infer(e)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-10s %s\n", tmc.Prescribe(inf.Signals).Help, inf.Basis)
	}
	// Output:
	// training   started 2025-01-06, day 21 of a ramp with 45 days of training and 90 days of mentoring: in the training stage, the rep does not yet know what to do; below the standard inside the ramp (it ends 2025-06-05), which is expected
	// mentoring  no start date; first seen in the data 2025-01-06, day 101 of a ramp with 45 days of training and 90 days of mentoring: in the mentoring stage, the rep knows what to do but not yet how; meets the standard: the evidence does not separate the rep below it
	// coaching   started 2025-01-06, day 401 of a ramp with 45 days of training and 90 days of mentoring: past training and mentoring, the rep already knows what to do and how; below the standard: the evidence separates the rep below it
	// training   started 2025-01-06, day 401 of a ramp with 45 days of training and 90 days of mentoring: past training and mentoring, the rep already knows what to do and how; a knowledge gap found on 2026-01-31 with no training completed since: re-training; record training-completed when re-training ends; below the standard: the evidence separates the rep below it
	// management no start date and not seen in the data: assumed past the ramp, so the rep knows what to do and how; below the standard: the evidence separates the rep below it; barrier constraints identified by the manager
	// mentoring  stated by the manager
}

// A performance plan is fair only after solid training and coaching, with
// evidence that coaching did not work. Here a rep was coached for 64 days
// at three hours a month and went from 20% to 16% on 1,000 conversations
// each; one more month of thin coaching would have made it unfair.
func ExampleCheckReview() {
	day := func(n int) time.Time { return time.Date(2025, time.January, 6, 9, 0, 0, 0, time.UTC).AddDate(0, 0, n) }
	j, _ := tmc.Start(day(0), tmc.Ramp{TrainingDays: 45, MentoringDays: 90, RampDays: 150}, nil)
	for _, e := range []tmc.Event{
		{Kind: tmc.TrainingCompleted, At: day(45)},
		{Kind: tmc.MentoringCompleted, At: day(135)},
		{Kind: tmc.CycleStarted, At: day(136)},
		{Kind: tmc.PeriodMissed, At: day(160)},
		{Kind: tmc.PeriodMissed, At: day(190)},
		{Kind: tmc.CycleNotImproved, At: day(200)},
	} {
		j, _ = j.Apply(e)
	}
	coached := func(at time.Time, minutes int) tmc.Session {
		return tmc.Session{Rep: "dana", At: at, Minutes: minutes, By: "max", Role: tmc.Manager,
			Topics: []tmc.Topic{tmc.Observation, tmc.BlockageExploration, tmc.ForwardPlan}}
	}
	c := tmc.ReviewCase{
		Journey: j,
		Cycles: []tmc.Cycle{{Start: day(136), End: day(200),
			Before: benchmark.Rate{Hits: 200, Trials: 1000}, After: benchmark.Rate{Hits: 160, Trials: 1000}}},
		Sessions: []tmc.Session{coached(day(136), 60), coached(day(160), 180), coached(day(180), 180)},
		Cause:    tmc.IncorrectThinking,
		At:       day(201),
	}
	f, err := tmc.CheckReview(c, nil)
	fmt.Println(f.Fair, f.Unmet, err)

	c.Sessions[1].Minutes = 30 // "a quick 30-minute session" in June
	c.Cause = tmc.Constraints
	f, _ = tmc.CheckReview(c, nil)
	fmt.Println(f.Fair)
	for _, u := range f.Unmet {
		fmt.Println(u)
	}
	// Output:
	// true [] <nil>
	// false
	// rule coaching first: a performance plan needs at least one completed coaching cycle without improvement (cycles[0]: coaching in 2025-06 0.5 h, need 3.0 h (3.0 h a month))
	// rule skill or will: a performance plan needs a skill (dont-know) or will (incorrect-thinking) cause (cause constraints)
}

func ExampleDefaultReviewRules() {
	r := tmc.DefaultReviewRules()
	fmt.Printf("%d periods below, cycles of %d days at %.0f h a month, %d trials, a gain of %.0f points ruled out at %.0f%%\n",
		r.MinPeriodsBelow, r.MinCycleDays, r.Cadence, r.MinTrials, 100*r.MeaningfulGain, 100*r.Level)
	// Output:
	// 2 periods below, cycles of 60 days at 3 h a month, 30 trials, a gain of 5 points ruled out at 95%
}

// A team that holds its own standard starts its journeys with its rules:
// here a failed 30-day cycle counts.
func ExampleStart_rules() {
	day := func(n int) time.Time { return time.Date(2025, time.January, 6, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n) }
	j, _ := tmc.Start(day(0), tmc.Ramp{}, &tmc.ReviewRules{MinCycleDays: 30})
	for _, e := range []tmc.Event{
		{Kind: tmc.TrainingCompleted, At: day(0)},
		{Kind: tmc.MentoringCompleted, At: day(0)},
		{Kind: tmc.CycleStarted, At: day(1)},
		{Kind: tmc.CycleNotImproved, At: day(31)},
	} {
		j, _ = j.Apply(e)
	}
	fmt.Println(j.FailedCycles())
	// Output:
	// 1
}

// Who gave which help: a manager whose 1:1s were all KPI reviews, and a
// peer mentor who coached, are flagged.
func ExampleSessionMix() {
	at := func(d int) time.Time { return time.Date(2025, time.March, d, 9, 0, 0, 0, time.UTC) }
	sessions := []tmc.Session{
		{Rep: "dana", At: at(3), Minutes: 30, Topics: []tmc.Topic{tmc.ResultsReview, tmc.KPIAssignment}, By: "max", Role: tmc.Manager},
		{Rep: "eli", At: at(4), Minutes: 30, Topics: []tmc.Topic{tmc.TargetSetting}, By: "max", Role: tmc.Manager},
		{Rep: "dana", At: at(5), Minutes: 60, Topics: []tmc.Topic{tmc.PeerInsight}, By: "ana", Role: tmc.Mentor},
		{Rep: "dana", At: at(6), Minutes: 90, Topics: []tmc.Topic{tmc.Practice}, By: "ana", Role: tmc.Mentor},
		{Rep: "eli", At: at(7), Minutes: 120, Topics: []tmc.Topic{tmc.KnowledgeTransfer}, By: "tess", Role: tmc.Trainer},
	}
	mix, _ := tmc.SessionMix(sessions, at(1), at(31))
	for _, r := range mix.Reps {
		fmt.Printf("%-4s %+v\n", r.Rep, r.Hours)
	}
	for _, g := range mix.Givers {
		fmt.Printf("%-4s %-7s management-only %-5v mentor-overreach %v\n", g.By, g.Role, g.ManagementOnly, g.MentorOverreach)
	}
	// Output:
	// dana {Training:0 Mentoring:1 Coaching:1.5 Management:0.5}
	// eli  {Training:2 Mentoring:0 Coaching:0 Management:0.5}
	// ana  mentor  management-only false mentor-overreach true
	// max  manager management-only true  mentor-overreach false
	// tess trainer management-only false mentor-overreach false
}
