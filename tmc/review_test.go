package tmc

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/salesdev/salesdev/benchmark"
	"pgregory.net/rapid"
)

// TestGainInterval checks Newcombe's hybrid score interval (method 10)
// against the worked examples of his Table II (Statistics in Medicine 17
// (1998) 873–890), each a difference of two proportions at 95%, given to
// four decimals.
func TestGainInterval(t *testing.T) {
	tests := []struct {
		name          string
		after, before benchmark.Rate // the difference is after − before
		lo, hi        float64
	}{
		{"(a) 56/70 − 48/80", benchmark.Rate{Hits: 56, Trials: 70}, benchmark.Rate{Hits: 48, Trials: 80}, 0.0524, 0.3339},
		{"(b) 9/10 − 3/10", benchmark.Rate{Hits: 9, Trials: 10}, benchmark.Rate{Hits: 3, Trials: 10}, 0.1705, 0.8090},
		{"(c) 6/7 − 2/7", benchmark.Rate{Hits: 6, Trials: 7}, benchmark.Rate{Hits: 2, Trials: 7}, 0.0582, 0.8062},
		{"(d) 5/56 − 0/29", benchmark.Rate{Hits: 5, Trials: 56}, benchmark.Rate{Hits: 0, Trials: 29}, -0.0381, 0.1926},
		{"(e) 0/10 − 0/20", benchmark.Rate{Hits: 0, Trials: 10}, benchmark.Rate{Hits: 0, Trials: 20}, -0.1611, 0.2775},
		{"(f) 0/10 − 0/10", benchmark.Rate{Hits: 0, Trials: 10}, benchmark.Rate{Hits: 0, Trials: 10}, -0.2775, 0.2775},
		{"(g) 10/10 − 0/20", benchmark.Rate{Hits: 10, Trials: 10}, benchmark.Rate{Hits: 0, Trials: 20}, 0.6791, 1},
		{"(h) 10/10 − 0/10", benchmark.Rate{Hits: 10, Trials: 10}, benchmark.Rate{Hits: 0, Trials: 10}, 0.6075, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, hi := gainInterval(tt.before, tt.after, 0.95)
			if math.Abs(lo-tt.lo) > 0.00005 || math.Abs(hi-tt.hi) > 0.00005 {
				t.Errorf("gainInterval(%v, %v) = %.4f, %.4f, want %.4f, %.4f", tt.before, tt.after, lo, hi, tt.lo, tt.hi)
			}
		})
	}
}

// fairKnobs describe a review case; the zero knobs, with a rep filled in
// by genFair, describe a fair one, and each knockout turns one condition
// off.
type fairKnobs struct {
	td, md, rampExtra         int // the ramp
	trainExtra, mentorExtra   int // days beyond the planned stages
	retrain                   bool
	missed                    int // periods missed past the ramp
	cycleDays                 int
	afterTrials, afterHits    int64
	cause                     Barrier
	insideRamp, wrongStage    bool
	timeBackwards             bool
	cutTraining, cutMentor    bool
	improvedCycle, staleCycle bool
	thinMonth, mentorGiven    bool
	noSessions                bool
	beforeEmpty               bool
}

var before = benchmark.Rate{Hits: 200, Trials: 1000}

// buildCase builds the review case k describes, failing the test if the
// journey refuses an event.
func buildCase(t interface {
	Helper()
	Fatalf(string, ...any)
}, k fairKnobs) ReviewCase {
	t.Helper()
	rampDays := k.td + k.md + k.rampExtra
	if k.insideRamp {
		rampDays += 3000
	}
	j, err := Start(t0, Ramp{TrainingDays: k.td, MentoringDays: k.md, RampDays: rampDays}, nil)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	tc := k.td + k.trainExtra
	if k.cutTraining {
		tc = k.td - 1
	}
	mc := tc + k.md + k.mentorExtra
	if k.cutMentor {
		mc = tc + k.md - 1
	}
	events := []Event{ev(TrainingCompleted, tc), ev(MentoringCompleted, mc)}
	c0 := mc
	if k.retrain {
		// A re-training of no length: it re-trains, but never makes good a
		// stage cut short.
		// Back to coaching, or to mentoring for a rep whose mentoring was
		// cut short.
		events = append(events, ev(KnowledgeGapFound, c0+1), ev(TrainingCompleted, c0+1))
		if k.cutMentor {
			events = append(events, ev(MentoringCompleted, c0+1))
		}
		c0++
	}
	cs := c0
	if k.staleCycle { // a cycle before a re-training does not count after it
		events = append(events, ev(CycleStarted, c0), ev(CycleNotImproved, c0+k.cycleDays),
			ev(KnowledgeGapFound, c0+k.cycleDays+1), ev(TrainingCompleted, c0+k.cycleDays+2))
		if k.cutMentor {
			events = append(events, ev(MentoringCompleted, c0+k.cycleDays+3))
		}
		events = append(events, ev(CycleStarted, c0+k.cycleDays+3), ev(CycleNotImproved, c0+2*k.cycleDays+3))
	}
	ce := cs + k.cycleDays
	if !k.staleCycle {
		end := CycleNotImproved
		if k.improvedCycle {
			end = CycleImproved
		}
		events = append(events, ev(CycleStarted, cs), ev(end, ce))
	}
	last := ce
	if k.staleCycle {
		last = c0 + 2*k.cycleDays + 3
	}
	first := max(rampDays, c0) + 1
	if k.insideRamp {
		first = c0 + 1
	}
	for i := range k.missed {
		events = append(events, ev(PeriodMissed, first+30*i))
		last = max(last, first+30*i)
	}
	j = apply(t, j, join(events))
	at := day(last + 1)
	if k.wrongStage {
		j = apply(t, j, []Event{ev(KnowledgeGapFound, last)})
	}
	if k.timeBackwards {
		j = apply(t, j, []Event{ev(PeriodMissed, last+2)})
	}
	var sessions []Session
	for ms := time.Date(day(cs).Year(), day(cs).Month(), 1, 0, 0, 0, 0, time.UTC); ms.Before(day(ce)); ms = ms.AddDate(0, 1, 0) {
		s := Session{Rep: "dana", At: later(day(cs), ms), Minutes: 180, Topics: []Topic{Observation, BlockageExploration}, By: "max", Role: Manager}
		if k.thinMonth && len(sessions) == 1 {
			s.Minutes = 30 // "a quick 30-minute session"
		}
		if k.mentorGiven {
			s.By, s.Role = "ana", Mentor
		}
		sessions = append(sessions, s)
	}
	if k.noSessions {
		sessions = nil
	}
	cy := Cycle{Start: day(cs), End: day(ce), Before: before, After: benchmark.Rate{Hits: k.afterHits, Trials: k.afterTrials}}
	if k.beforeEmpty {
		cy.Before = benchmark.Rate{}
	}
	if k.staleCycle {
		cy.Start, cy.End = day(c0), day(c0+k.cycleDays)
	}
	return ReviewCase{Journey: j, Cycles: []Cycle{cy}, Sessions: sessions, Cause: k.cause, At: at}
}

func apply(t interface {
	Helper()
	Fatalf(string, ...any)
}, j Journey, events []Event) Journey {
	t.Helper()
	for _, e := range events {
		var err error
		if j, err = j.Apply(e); err != nil {
			t.Fatalf("setup: %v", err)
		}
	}
	return j
}

// fair are the knobs of a plainly fair case: a rep on a 150-day ramp,
// coached for 64 days at the cadence, who went from 20% on 1,000 trials
// to 16% on 1,000.
var fair = fairKnobs{td: 45, md: 90, rampExtra: 15, missed: 2, cycleDays: 64, afterTrials: 1000, afterHits: 160, cause: IncorrectThinking}

// knockouts turn one condition of a fair case off, and name the rule that
// must then be reported.
var knockouts = []struct {
	name string
	off  func(*fairKnobs)
	rule error
	text string // in the unmet entry
}{
	{"not in coaching", func(k *fairKnobs) { k.wrongStage = true }, ErrWrongStage, "the rep is in training"},
	{"before the journey's last event", func(k *fairKnobs) { k.timeBackwards = true }, ErrTimeBackwards, ""},
	{"inside the ramp", func(k *fairKnobs) { k.insideRamp = true }, ErrInsideRamp, "ramp ends"},
	{"training cut short", func(k *fairKnobs) { k.cutTraining = true }, ErrStagesCut, "training stage"},
	{"mentoring cut short", func(k *fairKnobs) { k.cutMentor = true }, ErrStagesCut, "mentoring stage"},
	{"one period below", func(k *fairKnobs) { k.missed = 1 }, ErrNotBelowStandard, "1 period"},
	{"short cycle", func(k *fairKnobs) { k.cycleDays = 59 }, ErrNoFailedCycle, ""},
	{"the cycle improved", func(k *fairKnobs) { k.improvedCycle = true }, ErrNoFailedCycle, "journey records no coaching cycle"},
	{"a cycle before re-training", func(k *fairKnobs) { k.staleCycle = true }, ErrNoFailedCycle, "began before the current coaching stage"},
	{"a thin month", func(k *fairKnobs) { k.thinMonth = true }, ErrNoFailedCycle, "0.5 h, need"}, // the need is prorated when the cycle covers part of the month
	{"coached by a peer mentor", func(k *fairKnobs) { k.mentorGiven = true }, ErrNoFailedCycle, "coaching in"},
	{"no sessions", func(k *fairKnobs) { k.noSessions = true }, ErrNoFailedCycle, "coaching in"},
	{"too few trials", func(k *fairKnobs) { k.afterTrials, k.afterHits = 29, 0 }, ErrNoFailedCycle, "need at least 30 trials"},
	{"too little evidence", func(k *fairKnobs) { k.afterTrials, k.afterHits = 60, 9 }, ErrNoFailedCycle, "no evidence that coaching failed"},
	{"a meaningful gain", func(k *fairKnobs) { k.afterTrials, k.afterHits = 1000, 280 }, ErrNoFailedCycle, "no evidence that coaching failed"},
	{"no rate before", func(k *fairKnobs) { k.beforeEmpty = true }, ErrNoFailedCycle, "no rate before"},
	{"incentives", func(k *fairKnobs) { k.cause = MisalignedConsequences }, ErrNotSkillOrWill, "misaligned-consequences"},
	{"environment", func(k *fairKnobs) { k.cause = Constraints }, ErrNotSkillOrWill, "constraints"},
	{"undiagnosed", func(k *fairKnobs) { k.cause = NoBarrier }, ErrNotSkillOrWill, "cause none"},
	{"skill without re-training", func(k *fairKnobs) { k.cause = DontKnow }, ErrNotRetrained, ""},
}

// named reports whether f names rule (and text) among its unmet
// conditions.
func named(f Fairness, rule error, text string) bool {
	for _, u := range f.Unmet {
		if strings.HasPrefix(u, rule.Error()) && strings.Contains(u, text) {
			return true
		}
	}
	return false
}

func TestCheckReview(t *testing.T) {
	c := buildCase(t, fair)
	got, err := CheckReview(c, nil)
	if err != nil || !got.Fair || len(got.Unmet) != 0 {
		t.Fatalf("CheckReview(fair) = %+v, %v, want fair", got, err)
	}
	if _, err := c.Journey.Apply(Event{Kind: ReviewStarted, At: c.At, Cause: c.Cause}); err != nil {
		t.Errorf("a fair case's journey refuses the plan: %v", err)
	}
	skill := fair
	skill.retrain, skill.cause = true, DontKnow
	if got, err := CheckReview(buildCase(t, skill), nil); err != nil || !got.Fair {
		t.Errorf("CheckReview(skill after re-training) = %+v, %v, want fair", got, err)
	}
	for _, ko := range knockouts {
		t.Run(ko.name, func(t *testing.T) {
			k := fair
			ko.off(&k)
			got, err := CheckReview(buildCase(t, k), nil)
			if err != nil {
				t.Fatalf("CheckReview() error %v", err)
			}
			if got.Fair || !named(got, ko.rule, ko.text) {
				t.Errorf("CheckReview() = %+v, want unfair naming %q and %q", got, ko.rule, ko.text)
			}
		})
	}
}

func TestCheckReviewRules(t *testing.T) {
	c := buildCase(t, fair)
	tests := []struct {
		name string
		r    ReviewRules
		fair bool
		text string
	}{
		{"defaults", ReviewRules{}, true, ""},
		{"three periods below", ReviewRules{MinPeriodsBelow: 3}, false, "need 3"},
		{"longer cycles", ReviewRules{MinCycleDays: 90}, false, "need 90"},
		{"a higher cadence", ReviewRules{Cadence: 4}, false, "need 4.0 h"},
		{"more trials", ReviewRules{MinTrials: 2000}, false, "need at least 2000 trials"},
		{"a higher level widens the interval", ReviewRules{Level: 0.9999999}, false, "the 99.99999% interval reaches 5.2 points, not below the meaningful 5.0 points"},
		{"a lower level narrows it", ReviewRules{Level: 0.5}, true, ""},
		{"a gain must be ruled out", ReviewRules{MeaningfulGain: 0.001, Level: 0.999}, false, "meaningful 0.1 points"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CheckReview(c, &tt.r)
			if err != nil {
				t.Fatal(err)
			}
			if got.Fair != tt.fair || !tt.fair && !strings.Contains(strings.Join(got.Unmet, "|"), tt.text) {
				t.Errorf("CheckReview(rules %+v) = %+v, want fair %v mentioning %q", tt.r, got, tt.fair, tt.text)
			}
		})
	}
}

// TestCheckReviewCadence checks the months of a cycle: a month covered in
// part needs the cadence in proportion, and only coaching inside the
// cycle counts.
func TestCheckReviewCadence(t *testing.T) {
	start := time.Date(2025, time.May, 16, 12, 0, 0, 0, time.UTC) // half of May left
	end := time.Date(2025, time.July, 16, 12, 0, 0, 0, time.UTC)  // half of July
	coach := func(at time.Time, min int) Session {
		return Session{Rep: "dana", At: at, Minutes: min, Topics: []Topic{Practice}, Role: Manager, By: "max"}
	}
	june := coach(time.Date(2025, time.June, 10, 9, 0, 0, 0, time.UTC), 180)
	tests := []struct {
		name     string
		sessions []Session
		want     string // the short month, or ""
	}{
		{"half the cadence in half months", []Session{coach(start, 90), june, coach(time.Date(2025, time.July, 1, 0, 0, 0, 0, time.UTC), 90)}, ""},
		{"a little less in May", []Session{coach(start, 89), june, coach(time.Date(2025, time.July, 1, 0, 0, 0, 0, time.UTC), 90)}, "2025-05"},
		{"coaching before the cycle does not count", []Session{coach(start.Add(-time.Hour), 90), june, coach(time.Date(2025, time.July, 1, 0, 0, 0, 0, time.UTC), 90)}, "2025-05"},
		{"coaching at the end does not count", []Session{coach(start, 90), june, coach(end, 90)}, "2025-07"},
		{"management is not coaching", []Session{coach(start, 90), {Rep: "dana", At: june.At, Minutes: 180, Topics: []Topic{ResultsReview, KPIAssignment}, Role: Manager},
			coach(time.Date(2025, time.July, 1, 0, 0, 0, 0, time.UTC), 90)}, "2025-06"},
		{"coaching that reviews the results is coaching", []Session{coach(start, 90), {Rep: "dana", At: june.At, Minutes: 180, Topics: []Topic{ResultsReview, Practice}, Role: Manager},
			coach(time.Date(2025, time.July, 1, 0, 0, 0, 0, time.UTC), 90)}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cadenceShort(Cycle{Start: start, End: end}, tt.sessions, 3)
			if (got == "") != (tt.want == "") || !strings.Contains(got, tt.want) {
				t.Errorf("cadenceShort() = %q, want a shortfall in %q", got, tt.want)
			}
		})
	}
}

func TestCheckReviewErrors(t *testing.T) {
	c := buildCase(t, fair)
	edit := func(f func(*ReviewCase)) ReviewCase {
		d := c
		d.Cycles = append([]Cycle(nil), c.Cycles...)
		d.Sessions = append([]Session(nil), c.Sessions...)
		f(&d)
		return d
	}
	tests := []struct {
		name string
		c    ReviewCase
		r    *ReviewRules
		want error
	}{
		{"zero at", edit(func(d *ReviewCase) { d.At = time.Time{} }), nil, ErrEmpty},
		{"unknown cause", edit(func(d *ReviewCase) { d.Cause = 7 }), nil, ErrInvalidEnum},
		{"cycle without start", edit(func(d *ReviewCase) { d.Cycles[0].Start = time.Time{} }), nil, ErrEmpty},
		{"cycle backwards", edit(func(d *ReviewCase) { d.Cycles[0].End = d.Cycles[0].Start.Add(-time.Hour) }), nil, ErrTimeOrder},
		{"cycle ends after at", edit(func(d *ReviewCase) { d.Cycles[0].End = d.At.Add(time.Hour) }), nil, ErrTimeOrder},
		{"cycle too long", edit(func(d *ReviewCase) { d.Cycles[0].Start = d.Cycles[0].End.AddDate(-11, 0, 0) }), nil, ErrOutOfRange},
		{"hits over trials", edit(func(d *ReviewCase) { d.Cycles[0].After = benchmark.Rate{Hits: 5, Trials: 4} }), nil, ErrOutOfRange},
		{"negative trials", edit(func(d *ReviewCase) { d.Cycles[0].Before = benchmark.Rate{Trials: -4} }), nil, ErrNegative},
		{"sessions of two reps", edit(func(d *ReviewCase) { d.Sessions[1].Rep = "eli" }), nil, ErrMixedReps},
		{"a bad session", edit(func(d *ReviewCase) { d.Sessions[0].Topics = nil }), nil, ErrEmpty},
		{"a session by an unknown role", edit(func(d *ReviewCase) { d.Sessions[0].Role = 9 }), nil, ErrInvalidEnum},
		{"negative rule", c, &ReviewRules{MinPeriodsBelow: -1}, ErrNegative},
		{"NaN gain", c, &ReviewRules{MeaningfulGain: math.NaN()}, ErrNotFinite},
		{"level of 1", c, &ReviewRules{Level: 1}, ErrOutOfRange},
		{"cadence beyond a month", c, &ReviewRules{Cadence: 745}, ErrOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CheckReview(tt.c, tt.r)
			if !errors.Is(err, tt.want) {
				t.Fatalf("CheckReview() = %+v, %v, want %v", got, err, tt.want)
			}
			var ie *InputError
			if !errors.As(err, &ie) || !strings.HasPrefix(err.Error(), "tmc: ") {
				t.Errorf("CheckReview() error %v (%T), want a tmc *InputError", err, err)
			}
		})
	}
}

// genFair draws the knobs of a fair case: any ramp, stages at or over
// their planned length, a re-training or not, two to five periods below,
// a cycle of 60 to 200 days, and an after rate well below the before one
// on plenty of trials.
func genFair(t *rapid.T) fairKnobs {
	k := fairKnobs{
		td: rapid.IntRange(1, 90).Draw(t, "td"), md: rapid.IntRange(1, 120).Draw(t, "md"),
		rampExtra:  rapid.IntRange(0, 90).Draw(t, "rampExtra"),
		trainExtra: rapid.IntRange(0, 30).Draw(t, "trainExtra"), mentorExtra: rapid.IntRange(0, 30).Draw(t, "mentorExtra"),
		retrain:   rapid.Bool().Draw(t, "retrain"),
		missed:    rapid.IntRange(2, 5).Draw(t, "missed"),
		cycleDays: rapid.IntRange(60, 200).Draw(t, "cycleDays"),
		cause:     IncorrectThinking,
	}
	k.afterTrials = rapid.Int64Range(1000, 5000).Draw(t, "afterTrials")
	k.afterHits = rapid.Int64Range(0, k.afterTrials*17/100).Draw(t, "afterHits")
	if k.retrain && rapid.Bool().Draw(t, "skill") {
		k.cause = DontKnow
	}
	return k
}

// A review is refused whenever any one condition is missing: a fair case
// with one condition knocked out is unfair, and names that condition.
func TestCheckReviewKnockout(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		k := genFair(t)
		c := buildCase(t, k)
		got, err := CheckReview(c, nil)
		if err != nil || !got.Fair {
			t.Fatalf("CheckReview(%+v) = %+v, %v, want fair", k, got, err)
		}
		if _, err := c.Journey.Apply(Event{Kind: ReviewStarted, At: c.At, Cause: c.Cause}); err != nil {
			t.Fatalf("fair, but the journey refuses the plan: %v", err)
		}
		ko := rapid.SampledFrom(knockouts).Draw(t, "knockout")
		if ko.name == "skill without re-training" {
			k.retrain = false
		}
		ko.off(&k)
		got, err = CheckReview(buildCase(t, k), nil)
		if err != nil {
			t.Fatalf("CheckReview(%s) error %v", ko.name, err)
		}
		if got.Fair || !named(got, ko.rule, ko.text) {
			t.Fatalf("CheckReview(%s) = %+v, want unfair naming %q and %q", ko.name, got, ko.rule, ko.text)
		}
		if _, err := json.Marshal(got); err != nil {
			t.Fatal(err)
		}
	})
}

// On a fair performance plan the rep keeps being coached, and that help is
// not misdirected: the journey's signals prescribe coaching whatever the
// cause, DontKnow included, and Signals keep the rep's knowledge, a
// standard not met, and an IncorrectThinking barrier.
func TestFairReviewNotMisdirected(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		k := genFair(t)
		c := buildCase(t, k)
		j, err := c.Journey.Apply(Event{Kind: ReviewStarted, At: c.At, Cause: c.Cause})
		if err != nil {
			t.Fatalf("fair, but the journey refuses the plan: %v", err)
		}
		for range rapid.IntRange(0, 3).Draw(t, "extensions") {
			if j, err = j.Apply(Event{Kind: ReviewExtended, At: j.Updated().AddDate(0, 0, 30)}); err != nil {
				t.Fatal(err)
			}
		}
		s, ok := j.Signals()
		if !ok {
			t.Fatalf("%v.Signals() reports none", j)
		}
		if Misdirected(j.Stage().Help(), s) {
			t.Fatalf("a fair plan for cause %v: Misdirected(%v, %+v) = true (%v)", c.Cause, j.Stage().Help(), s, Prescribe(s))
		}
		want := Signals{KnowsWhat: true, KnowsHow: true}
		if c.Cause == IncorrectThinking {
			want.Barrier = IncorrectThinking
		}
		if s != want || j.Cause() != c.Cause {
			t.Fatalf("a fair plan for cause %v: Signals() = %+v, Cause() = %v, want %+v and the cause kept", c.Cause, s, j.Cause(), want)
		}
	})
}

// FuzzCheckReview decodes the cycles, sessions, cause and time of a case
// around a fair journey from JSON: no panic, and an *InputError or a
// verdict that lists its unmet conditions exactly when it is unfair.
func FuzzCheckReview(f *testing.F) {
	// Seed corpus: the fair case, an improved rate, a cycle in the future,
	// mixed reps, a mentor's coaching and malformed values.
	fairCase, _ := json.Marshal(buildCase(f, fair))
	f.Add(fairCase)
	for _, s := range []string{
		`{"cycles":[{"start":"2025-05-21T09:00:00Z","end":"2025-07-24T09:00:00Z","before":{"hits":20,"trials":100},"after":{"hits":40,"trials":100}}],"cause":"incorrect-thinking","at":"2025-08-01T09:00:00Z"}`,
		`{"cycles":[{"start":"2025-05-21T09:00:00Z","end":"2026-07-24T09:00:00Z","before":{"hits":20,"trials":100},"after":{"hits":4,"trials":100}}],"cause":"dont-know","at":"2025-08-01T09:00:00Z"}`,
		`{"sessions":[{"rep":"a","at":"2025-06-01T09:00:00Z","minutes":60,"topics":["practice"],"by":"m","role":"mentor"},{"rep":"b","at":"2025-06-01T09:00:00Z","minutes":60,"topics":["practice"]}],"at":"2025-08-01T09:00:00Z"}`,
		`{"cycles":[{"start":"2025-05-21T09:00:00Z","end":"2025-05-21T09:00:00Z","before":{"hits":-1,"trials":0},"after":{"hits":0,"trials":0}}],"cause":"constraints","at":"2025-08-01T09:00:00Z"}`,
		`{"at":"0001-01-01T00:00:00Z"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var c ReviewCase
		if json.Unmarshal(data, &c) != nil {
			return
		}
		got, err := CheckReview(c, nil)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("CheckReview error %v (%T), want an *InputError", err, err)
			}
			return
		}
		if got.Fair != (len(got.Unmet) == 0) {
			t.Fatalf("CheckReview(%s) = %+v", data, got)
		}
		if got.Fair {
			if _, err := c.Journey.Apply(Event{Kind: ReviewStarted, At: c.At, Cause: c.Cause}); err != nil {
				t.Fatalf("CheckReview(%s) fair, but the journey refuses the plan: %v", data, err)
			}
		}
	})
}
