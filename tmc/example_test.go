package tmc_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/competency"
	"github.com/salesdev/salesdev/tmc"
)

func ExamplePrescribe() {
	reps := []struct {
		name string
		s    tmc.Signals
	}{
		{"new hire", tmc.Signals{}},
		{"knows the script, stalls on the call", tmc.Signals{KnowsWhat: true}},
		{"skilled, below standard", tmc.Signals{KnowsWhat: true, KnowsHow: true}},
		{"skilled, at standard", tmc.Signals{KnowsWhat: true, KnowsHow: true, MeetsStandard: true}},
		{"paid for volume, not margin", tmc.Signals{KnowsWhat: true, KnowsHow: true, Barrier: tmc.MisalignedConsequences}},
	}
	for _, r := range reps {
		p := tmc.Prescribe(r.s)
		fmt.Printf("%s: %s\n  %s\n", r.name, p.Help, p.Reason)
	}
	// Output:
	// new hire: training
	//   the rep does not know what to do: transfer the knowledge (policies, procedures, selling techniques); for a tenured rep this is re-training
	// knows the script, stalls on the call: mentoring
	//   the rep knows what to do but not how: pair them with a highly skilled peer, who can articulate the how in a way the manager cannot
	// skilled, below standard: coaching
	//   the rep knows what to do and how, yet is below standard: coach to find the unknown blockage and let the rep generate the solution; it takes time, not one 30-minute session
	// skilled, at standard: coaching
	//   the rep knows what to do and how and meets the standard: coach to challenge and grow
	// paid for volume, not margin: management
	//   misaligned consequences: incentives reward something else; no training, mentoring or coaching fixes incentives, so fix the consequences
}

// The article's three misdirections: training when coaching is needed,
// coaching when re-training is needed, mentoring when mentoring is not the
// solution. The help given and the help Prescribe says is needed name each.
func ExampleMisdirected() {
	blocked := tmc.Signals{KnowsWhat: true, KnowsHow: true}      // needs coaching
	forgot := tmc.Signals{KnowsHow: true, Barrier: tmc.DontKnow} // needs re-training
	fenced := tmc.Signals{KnowsWhat: true, Barrier: tmc.Constraints}

	for _, c := range []struct {
		given tmc.Help
		s     tmc.Signals
	}{{tmc.Training, blocked}, {tmc.Coaching, forgot}, {tmc.Mentoring, fenced}, {tmc.Coaching, blocked}} {
		fmt.Printf("%v given, %v needed: misdirected %v\n", c.given, tmc.Prescribe(c.s).Help, tmc.Misdirected(c.given, c.s))
	}
	// Output:
	// training given, coaching needed: misdirected true
	// coaching given, training needed: misdirected true
	// mentoring given, management needed: misdirected true
	// coaching given, coaching needed: misdirected false
}

func ExamplePlan() {
	start := time.Date(2025, time.January, 6, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		complexity tmc.Complexity
		cycle      int
	}{{tmc.Transactional, 14}, {tmc.Moderate, 120}, {tmc.Complex, 450}} {
		r, err := tmc.Plan(c.complexity, c.cycle, nil)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-13s cycle %3dd: training to %s, mentoring to %s, full productivity %s (%d days)\n",
			r.Complexity, r.SalesCycleDays,
			r.TrainingEnds(start).Format(time.DateOnly), r.MentoringEnds(start).Format(time.DateOnly),
			r.FullProductivity(start).Format(time.DateOnly), r.RampDays)
	}
	_, err := tmc.Plan(tmc.Moderate, -30, nil)
	fmt.Println(err)
	// Output:
	// transactional cycle  14d: training to 2025-02-05, mentoring to 2025-03-07, full productivity 2025-04-06 (90 days)
	// moderate      cycle 120d: training to 2025-02-20, mentoring to 2025-06-20, full productivity 2025-06-20 (165 days)
	// complex       cycle 450d: training to 2025-04-06, mentoring to 2026-06-30, full productivity 2026-06-30 (540 days)
	// tmc: Plan: salesCycleDays = -30: negative
}

// A team that sells a complex product overrides its rules; the other
// complexities keep their defaults.
func ExampleRampRules() {
	rules := tmc.RampRules{Complex: tmc.RampRule{TrainingDays: 120, MinMentoringDays: 120, MinRampDays: 365}}
	for _, c := range []tmc.Complexity{tmc.Transactional, tmc.Complex} {
		r, _ := tmc.Plan(c, 60, &rules)
		fmt.Printf("%s: %d + %d days, ramp %d\n", c, r.TrainingDays, r.MentoringDays, r.RampDays)
	}
	// Output:
	// transactional: 30 + 60 days, ramp 90
	// complex: 120 + 120 days, ramp 365
}

func ExampleRamp_Expected() {
	r, _ := tmc.Plan(tmc.Transactional, 0, nil)
	start := time.Date(2025, time.January, 6, 0, 0, 0, 0, time.UTC)
	for _, day := range []int{-1, 0, 29, 30, 59, 60, 200} {
		fmt.Println(day, r.Expected(start, start.AddDate(0, 0, day)))
	}
	// Output:
	// -1 none
	// 0 training
	// 29 training
	// 30 mentoring
	// 59 mentoring
	// 60 coaching
	// 200 coaching
}

func ExampleJourney_Apply() {
	day := func(n int) time.Time { return time.Date(2025, time.January, 6, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n) }
	ramp, _ := tmc.Plan(tmc.Moderate, 90, nil) // 150-day ramp
	j, _ := tmc.Start(day(0), ramp, nil)

	steps := []tmc.Event{
		{Kind: tmc.TrainingCompleted, At: day(45)},
		{Kind: tmc.MentoringCompleted, At: day(120)},                          // 75 of the planned 90 days: cut short
		{Kind: tmc.PeriodMissed, At: day(130)},                                // inside the ramp: expected, not counted
		{Kind: tmc.ReviewStarted, At: day(140), Cause: tmc.IncorrectThinking}, // refused: inside the ramp
		{Kind: tmc.PeriodMissed, At: day(160)},
		{Kind: tmc.PeriodMissed, At: day(190)},
		{Kind: tmc.ReviewStarted, At: day(191), Cause: tmc.IncorrectThinking}, // refused: mentoring was cut short
		{Kind: tmc.KnowledgeGapFound, At: day(195)},                           // re-training
		{Kind: tmc.TrainingCompleted, At: day(200)},
		{Kind: tmc.MentoringCompleted, At: day(290)},                 // a full mentoring stage
		{Kind: tmc.ReviewStarted, At: day(291), Cause: tmc.DontKnow}, // refused: no coaching cycle yet
		{Kind: tmc.CycleStarted, At: day(292)},
		{Kind: tmc.CycleNotImproved, At: day(320)},                   // 28 days: too short to count
		{Kind: tmc.ReviewStarted, At: day(321), Cause: tmc.DontKnow}, // refused: still no failed cycle
		{Kind: tmc.CycleStarted, At: day(321)},
		{Kind: tmc.CycleNotImproved, At: day(385)},                      // 64 days: counts
		{Kind: tmc.ReviewStarted, At: day(386), Cause: tmc.Constraints}, // refused: management's problem
		{Kind: tmc.ReviewStarted, At: day(386), Cause: tmc.DontKnow},    // skill, after re-training
		{Kind: tmc.ReviewPassed, At: day(450)},
	}
	for _, e := range steps {
		next, err := j.Apply(e)
		if err != nil {
			fmt.Println("refused:", err)
			continue
		}
		j = next
		fmt.Printf("%-19s → %s\n", e.Kind, j.Stage())
	}
	// Output:
	// training-completed  → mentoring
	// mentoring-completed → coaching
	// period-missed       → coaching
	// refused: tmc: review-started at 2025-05-26T00:00:00Z in coaching: rule past ramp: a performance plan cannot start inside the ramp (ramp ends 2025-06-05T00:00:00Z)
	// period-missed       → coaching
	// period-missed       → coaching
	// refused: tmc: review-started at 2025-07-16T00:00:00Z in coaching: rule full stages: a performance plan needs training and mentoring stages that lasted their planned length (no mentoring stage of the planned 90 days)
	// knowledge-gap-found → training
	// training-completed  → mentoring
	// mentoring-completed → coaching
	// refused: tmc: review-started at 2025-10-24T00:00:00Z in coaching: rule coaching first: a performance plan needs at least one completed coaching cycle without improvement (0 failed coaching cycles of at least 60 days, need 1)
	// cycle-started       → coaching
	// cycle-not-improved  → coaching
	// refused: tmc: review-started at 2025-11-23T00:00:00Z in coaching: rule coaching first: a performance plan needs at least one completed coaching cycle without improvement (0 failed coaching cycles of at least 60 days, need 1)
	// cycle-started       → coaching
	// cycle-not-improved  → coaching
	// refused: tmc: review-started at 2026-01-27T00:00:00Z in coaching: rule skill or will: a performance plan needs a skill (dont-know) or will (incorrect-thinking) cause (cause constraints)
	// review-started      → review
	// review-passed       → coaching
}

// A refused event is an *EventError whose sentinel names the rule, for
// errors.Is; the journey is unchanged.
func ExampleEventError() {
	start := time.Date(2025, time.January, 6, 0, 0, 0, 0, time.UTC)
	j, _ := tmc.Start(start, tmc.Ramp{}, nil)
	_, err := j.Apply(tmc.Event{Kind: tmc.MentoringCompleted, At: start.AddDate(0, 0, 1)})
	var e *tmc.EventError
	fmt.Println(errors.As(err, &e), errors.Is(err, tmc.ErrWrongStage), e.Stage, j.Stage())
	// Output:
	// true true training training
}

func ExampleJourney_MarshalJSON() {
	start := time.Date(2025, time.January, 6, 0, 0, 0, 0, time.UTC)
	ramp, _ := tmc.Plan(tmc.Transactional, 0, nil)
	j, _ := tmc.Start(start, ramp, nil)
	j, _ = j.Apply(tmc.Event{Kind: tmc.TrainingCompleted, At: start.AddDate(0, 0, 30)})
	data, _ := json.Marshal(j)
	fmt.Println(string(data))

	var back tmc.Journey
	fmt.Println(json.Unmarshal(data, &back), back)
	err := json.Unmarshal([]byte(`{"version":1,"stage":"coachin"}`), &back)
	fmt.Println(errors.Is(err, tmc.ErrInvalidEnum), err)
	// Output:
	// {"version":1,"stage":"mentoring","started":"2025-01-06T00:00:00Z","ramp_ends":"2025-04-06T00:00:00Z","training_days":30,"mentoring_days":30,"min_periods_below":2,"min_cycle_days":60,"since":"2025-02-05T00:00:00Z","updated":"2025-02-05T00:00:00Z","cycle_started":"0001-01-01T00:00:00Z","periods_below_standard":0,"failed_cycles":0,"extensions":0,"full_training":true,"full_mentoring":false,"retraining":false,"retrained":false,"cause":"none","exited_by":"none"}
	// <nil> mentoring since 2025-02-05T00:00:00Z, 0 periods below standard, 0 failed coaching cycles
	// true tmc: Stage.UnmarshalText: "coachin": unknown value
}

func ExampleStage_Help() {
	// A rep still being trained who knows what and how, and is blocked:
	// the journey is behind the rep.
	s := tmc.Signals{KnowsWhat: true, KnowsHow: true}
	given := tmc.InTraining.Help()
	fmt.Println(given, tmc.Misdirected(given, s), tmc.Prescribe(s).Help)

	// On a fair performance plan the rep keeps being coached.
	onPlan := tmc.Signals{KnowsWhat: true, KnowsHow: true, Barrier: tmc.IncorrectThinking}
	fmt.Println(tmc.InReview.Help(), tmc.Misdirected(tmc.InReview.Help(), onPlan))
	// Output:
	// training true coaching
	// coaching false
}

// A rep on a fair performance plan keeps being coached, whatever its
// cause: a skill cause (DontKnow) comes only after a re-training, so the
// journey's signals carry no barrier, and the help is not misdirected.
func ExampleJourney_Signals() {
	day := func(n int) time.Time { return time.Date(2025, time.January, 6, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n) }
	ramp, _ := tmc.Plan(tmc.Moderate, 90, nil) // 45 days of training, 90 of mentoring, a 150-day ramp
	j, _ := tmc.Start(day(0), ramp, nil)
	for _, e := range []tmc.Event{
		{Kind: tmc.TrainingCompleted, At: day(45)},
		{Kind: tmc.MentoringCompleted, At: day(135)},
		{Kind: tmc.KnowledgeGapFound, At: day(150)},
		{Kind: tmc.TrainingCompleted, At: day(160)}, // re-trained: back to coaching
		{Kind: tmc.CycleStarted, At: day(161)},
		{Kind: tmc.PeriodMissed, At: day(180)},
		{Kind: tmc.PeriodMissed, At: day(210)},
		{Kind: tmc.CycleNotImproved, At: day(230)},
		{Kind: tmc.ReviewStarted, At: day(231), Cause: tmc.DontKnow},
	} {
		next, err := j.Apply(e)
		if err != nil {
			fmt.Println(err)
			continue
		}
		j = next
	}
	s, ok := j.Signals()
	fmt.Println(j.Stage(), j.Cause(), ok)
	fmt.Printf("%+v\n", s)
	fmt.Println(tmc.Misdirected(j.Stage().Help(), s))
	// Output:
	// review dont-know true
	// {KnowsWhat:true KnowsHow:true MeetsStandard:false Barrier:none}
	// false
}

// ASLAN's "review and assign KPIs" meeting is management, however much it
// felt like coaching; a coaching session that also reviews the results is
// coaching.
func ExampleClassify() {
	for _, topics := range [][]tmc.Topic{
		{tmc.ResultsReview, tmc.TargetSetting, tmc.KPIAssignment},
		{tmc.Observation, tmc.BlockageExploration, tmc.ResultsReview},
		{tmc.KnowledgeTransfer, tmc.Practice},
		{tmc.PeerInsight},
		{tmc.Observation, tmc.Practice, tmc.ForwardPlan},
	} {
		h, _ := tmc.Classify(topics)
		fmt.Println(h, topics)
	}
	// Output:
	// management [results-review target-setting kpi-assignment]
	// coaching [observation blockage-exploration results-review]
	// training [knowledge-transfer practice]
	// mentoring [peer-insight]
	// coaching [observation practice forward-plan]
}

func ExampleCoachingHours() {
	at := func(m time.Month, d int) time.Time { return time.Date(2025, m, d, 9, 0, 0, 0, time.UTC) }
	log := []tmc.Session{
		{Rep: "Dana", At: at(time.March, 3), Minutes: 90, Topics: []tmc.Topic{tmc.Observation, tmc.BlockageExploration}},
		{Rep: "Dana", At: at(time.March, 17), Minutes: 60, Topics: []tmc.Topic{tmc.ResultsReview, tmc.KPIAssignment}},
		{Rep: "Dana", At: at(time.March, 24), Minutes: 120, Topics: []tmc.Topic{tmc.Practice, tmc.ForwardPlan}},
		{Rep: "Lee", At: at(time.March, 5), Minutes: 60, Topics: []tmc.Topic{tmc.Practice}},
		{Rep: "Dana", At: at(time.May, 12), Minutes: 45, Topics: []tmc.Topic{tmc.Observation}},
	}
	months, err := tmc.CoachingHours("Dana", log, at(time.March, 1), at(time.May, 31))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range months {
		fmt.Printf("%d-%02d coaching %.2f h in %d, other %.2f h, meets %v h cadence: %v\n",
			m.Year, m.Month, m.CoachingHours, m.CoachingSessions, m.OtherHours, competency.CoachingCadence, m.MeetsCadence)
	}
	// Output:
	// 2025-03 coaching 3.50 h in 2, other 1.00 h, meets 3 h cadence: true
	// 2025-04 coaching 0.00 h in 0, other 0.00 h, meets 3 h cadence: false
	// 2025-05 coaching 0.75 h in 1, other 0.00 h, meets 3 h cadence: false
}

// score builds a competency.Score for the examples; in a plugin it comes
// from competency.NewScorecard.
func score(hits, trials int64) competency.Score {
	s, err := competency.NewScore("new-opportunities", benchmark.Rate{Hits: hits, Trials: trials},
		benchmark.Benchmark{Target: 0.15}, benchmark.Prior{Alpha: 12, Beta: 88}, nil)
	if err != nil {
		panic(err)
	}
	return s
}

func ExampleMentors() {
	peers := []tmc.Peer{
		{Rep: "Ana", Manager: "Max", Score: score(30, 100)},            // A
		{Rep: "Ben", Manager: "Max", Score: score(2, 2)},               // a lucky 2 of 2, shrunk to a B
		{Rep: "Cy", Manager: "Kim", Score: score(40, 150), Mentees: 2}, // A, but full
		{Rep: "Max", Manager: "Vera", Score: score(50, 160)},           // A, but the rep's manager
		{Rep: "Dee", Manager: "Kim", Score: score(24, 100)},            // A
	}
	ms, err := tmc.Mentors("new-opportunities", tmc.Rep{Rep: "Dana", Manager: "Max"}, peers, 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range ms {
		fmt.Printf("%s %s %.3f\n", m.Rep, m.Score.Grade, m.Score.Shrunk)
	}
	_, err = tmc.Mentors("new-opportunities", tmc.Rep{Rep: "Dana", Manager: "Max"}, peers[1:4], 2)
	fmt.Println(errors.Is(err, tmc.ErrNoMentor), err)
	// Output:
	// Ana A 0.210
	// Dee A 0.180
	// true tmc: competency "new-opportunities": no mentor available for "Dana"
}

func ExampleAssignMentors() {
	peers := []tmc.Peer{
		{Rep: "Ana", Manager: "Max", Score: score(30, 100)},
		{Rep: "Dee", Manager: "Kim", Score: score(24, 100)},
	}
	reps := []tmc.Rep{{Rep: "Dana", Manager: "Max"}, {Rep: "Eli", Manager: "Kim"}, {Rep: "Fay", Manager: "Kim"}, {Rep: "Gus", Manager: "Kim"}}
	pairs, err := tmc.AssignMentors("new-opportunities", reps, peers, 1)
	for _, p := range pairs {
		fmt.Println(p.Rep, "←", p.Mentor)
	}
	fmt.Println(err)
	// Output:
	// Dana ← Ana
	// Eli ← Dee
	// tmc: competency "new-opportunities": no mentor available for "Fay", "Gus"
}

func ExampleStart() {
	hired := time.Date(2025, time.January, 6, 0, 0, 0, 0, time.UTC)
	ramp, _ := tmc.Plan(tmc.Complex, 180, nil)
	j, err := tmc.Start(hired, ramp, nil)
	fmt.Println(j.Stage(), j.RampEnds().Format(time.DateOnly), err)
	_, err = tmc.Start(time.Time{}, ramp, nil)
	fmt.Println(err)
	// Output:
	// training 2025-10-03 <nil>
	// tmc: Start: start time is zero: empty input
}

func ExampleDefaultRampRules() {
	rules := tmc.DefaultRampRules()
	fmt.Printf("%+v\n", rules.Moderate)
	// Output:
	// {TrainingDays:45 MinMentoringDays:60 MinRampDays:150}
}

func ExampleRamp_Validate() {
	handmade := tmc.Ramp{TrainingDays: 20, MentoringDays: 40, RampDays: 45}
	fmt.Println(handmade.Validate())
	// Output:
	// tmc: Ramp.Validate: ramp_days = 45 < training_days + mentoring_days: out of range
}

// A CRM payload decodes into the enums, in any case; unknown text is an
// error.
func ExamplePrescription() {
	var p tmc.Prescription
	err := json.Unmarshal([]byte(`{"help":"Coaching","reason":"blocked on price talks"}`), &p)
	fmt.Println(p.Help, err)
	err = json.Unmarshal([]byte(`{"help":"counselling"}`), &p)
	fmt.Println(errors.Is(err, tmc.ErrInvalidEnum))
	data, _ := json.Marshal(tmc.Prescribe(tmc.Signals{Barrier: tmc.Constraints}))
	fmt.Println(string(data))
	// Output:
	// coaching <nil>
	// true
	// {"help":"management","reason":"constraints: an obstacle in the environment (territory, leads, tools, time, policy) holds the rep back; no training, mentoring or coaching removes it, so remove the obstacle"}
}

func ExampleSignals_Validate() {
	fmt.Println(tmc.Signals{Barrier: tmc.DontKnow}.Validate())
	fmt.Println(tmc.Signals{Barrier: 9}.Validate())
	// Output:
	// <nil>
	// tmc: Signals.Validate: barrier %!Barrier(9): unknown value
}

func ExampleSession_Validate() {
	s := tmc.Session{Rep: "Dana", At: time.Date(2025, time.March, 3, 9, 0, 0, 0, time.UTC), Minutes: -45, Topics: []tmc.Topic{tmc.Practice}}
	fmt.Println(s.Validate())
	// Output:
	// tmc: Session.Validate: minutes = -45: negative
}
