package tmc

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"
)

var t0 = time.Date(2025, time.January, 6, 9, 0, 0, 0, time.UTC)

func day(n int) time.Time { return t0.AddDate(0, 0, n) }

// sameJourney reports whether a and b hold the same state, times compared
// as instants.
func sameJourney(a, b Journey) bool {
	return a.stage == b.stage && a.started.Equal(b.started) && a.rampEnds.Equal(b.rampEnds) &&
		a.since.Equal(b.since) && a.updated.Equal(b.updated) && a.below == b.below && a.failed == b.failed &&
		a.extensions == b.extensions && a.cause == b.cause && a.exitedBy == b.exitedBy
}

// journeyModel is the simple model the state machine is checked against:
// the stage, the counters, and a table of which events apply where.
type journeyModel struct {
	stage         Stage
	rampEnds, now time.Time
	below, failed int
	extensions    int
	cause         Barrier
}

// appliesIn lists, for each event, the stages it applies in and the stage
// it leads to (0 = stay).
var appliesIn = map[EventKind]struct {
	from []Stage
	to   Stage
}{
	TrainingCompleted:  {[]Stage{InTraining}, InMentoring},
	MentoringCompleted: {[]Stage{InMentoring}, InCoaching},
	KnowledgeGapFound:  {[]Stage{InMentoring, InCoaching}, InTraining},
	PeriodMet:          {[]Stage{InTraining, InMentoring, InCoaching, InReview}, 0},
	PeriodMissed:       {[]Stage{InTraining, InMentoring, InCoaching, InReview}, 0},
	CycleImproved:      {[]Stage{InCoaching}, 0},
	CycleNotImproved:   {[]Stage{InCoaching}, 0},
	ReviewStarted:      {[]Stage{InCoaching}, InReview},
	ReviewPassed:       {[]Stage{InReview}, InCoaching},
	ReviewExtended:     {[]Stage{InReview}, 0},
	ReviewFailed:       {[]Stage{InReview}, Exited},
	Departed:           {[]Stage{InTraining, InMentoring, InCoaching, InReview}, Exited},
}

// expect returns the model after e, and the rule the model says refuses
// e, or nil.
func (m journeyModel) expect(e Event) (journeyModel, error) {
	rule, ok := appliesIn[e.Kind]
	switch {
	case !ok || e.At.IsZero() || !e.Cause.Valid() || e.Cause != NoBarrier && e.Kind != ReviewStarted:
		return m, ErrInvalidEvent
	case e.At.Before(m.now):
		return m, ErrTimeBackwards
	}
	allowed := false
	for _, s := range rule.from {
		allowed = allowed || s == m.stage
	}
	if !allowed {
		return m, ErrWrongStage
	}
	if e.Kind == ReviewStarted {
		switch {
		case e.At.Before(m.rampEnds):
			return m, ErrInsideRamp
		case m.below < 2:
			return m, ErrNotBelowStandard
		case m.failed < 1:
			return m, ErrNoFailedCycle
		case e.Cause != DontKnow && e.Cause != IncorrectThinking:
			return m, ErrNotSkillOrWill
		}
		m.cause = e.Cause
		m.extensions = 0
	}
	m.now = e.At
	if rule.to != 0 {
		m.stage = rule.to
	}
	switch e.Kind {
	case KnowledgeGapFound, CycleImproved:
		m.failed = 0
	case CycleNotImproved:
		m.failed++
	case PeriodMet:
		m.below = 0
	case PeriodMissed:
		if !e.At.Before(m.rampEnds) {
			m.below++
		}
	case ReviewPassed:
		m.below, m.failed, m.extensions, m.cause = 0, 0, 0, NoBarrier
	case ReviewExtended:
		m.extensions++
	}
	return m, nil
}

func TestJourneyStateMachine(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		rampDays := rapid.IntRange(0, 120).Draw(t, "rampDays")
		j, err := Start(t0, Ramp{RampDays: rampDays})
		if err != nil {
			t.Fatalf("Start: %v", err)
		}
		m := journeyModel{stage: InTraining, rampEnds: day(rampDays), now: t0}
		reached := map[Stage]bool{InTraining: true}

		apply := func(t *rapid.T, e Event) {
			next, wantErr := m.expect(e)
			got, err := j.Apply(e)
			if !errors.Is(err, wantErr) || (err == nil) != (wantErr == nil) {
				t.Fatalf("Apply(%v at %v, cause %v) in %v: error %v, want %v", e.Kind, e.At, e.Cause, j.stage, err, wantErr)
			}
			if err != nil {
				var ee *EventError
				if !errors.As(err, &ee) || ee.Stage != j.stage || ee.Event != e {
					t.Fatalf("Apply(%v) error %#v, want an *EventError for the event and stage", e.Kind, err)
				}
				if !sameJourney(got, j) {
					t.Fatalf("refused Apply(%v) returned a changed journey %v, want %v", e.Kind, got, j)
				}
				return
			}
			if e.Kind == KnowledgeGapFound && got.stage != InTraining {
				t.Fatalf("re-training led to %v, want training", got.stage)
			}
			if got.stage == InReview && j.stage != InReview && e.At.Before(got.rampEnds) {
				t.Fatalf("performance plan started at %v inside the ramp ending %v", e.At, got.rampEnds)
			}
			j, m = got, next
			reached[j.stage] = true
		}

		t.Repeat(map[string]func(*rapid.T){
			"event": func(t *rapid.T) {
				e := Event{
					Kind: EventKind(rapid.IntRange(0, 13).Draw(t, "kind")),
					At:   m.now.AddDate(0, 0, rapid.IntRange(-2, 45).Draw(t, "days")),
				}
				if e.Kind == ReviewStarted || rapid.IntRange(0, 20).Draw(t, "odd cause") == 0 {
					e.Cause = Barrier(rapid.IntRange(-1, 5).Draw(t, "cause"))
				}
				if rapid.IntRange(0, 30).Draw(t, "zero time") == 0 {
					e.At = time.Time{}
				}
				apply(t, e)
			},
			// Steer towards a performance plan, which random events rarely
			// reach: periods below standard, failed cycles, escalation.
			"missed period": func(t *rapid.T) {
				apply(t, Event{Kind: PeriodMissed, At: m.now.AddDate(0, 0, 30)})
			},
			"failed cycle": func(t *rapid.T) {
				apply(t, Event{Kind: CycleNotImproved, At: m.now.AddDate(0, 0, 14)})
			},
			"escalate": func(t *rapid.T) {
				cause := rapid.SampledFrom([]Barrier{DontKnow, IncorrectThinking, Constraints}).Draw(t, "cause")
				apply(t, Event{Kind: ReviewStarted, At: m.now.AddDate(0, 0, 1), Cause: cause})
			},
			"advance": func(t *rapid.T) {
				switch j.stage {
				case InTraining:
					apply(t, Event{Kind: TrainingCompleted, At: m.now.AddDate(0, 0, 10)})
				case InMentoring:
					apply(t, Event{Kind: MentoringCompleted, At: m.now.AddDate(0, 0, 10)})
				}
			},
			"": func(t *rapid.T) {
				if msg := j.validate(); msg != "" {
					t.Fatalf("illegal state %v: %s", j, msg)
				}
				if j.stage != m.stage || j.below != m.below || j.failed != m.failed || j.extensions != m.extensions ||
					j.cause != m.cause || !j.updated.Equal(m.now) {
					t.Fatalf("journey %v (below %d, failed %d, ext %d, cause %v) differs from model %+v",
						j, j.below, j.failed, j.extensions, j.cause, m)
				}
				checkRoundTrip(t, j)
				checkReachesCoaching(t, j)
			},
		})
	})
}

// checkRoundTrip checks that j survives JSON storage.
func checkRoundTrip(t *rapid.T, j Journey) {
	data, err := json.Marshal(j)
	if err != nil {
		t.Fatalf("Marshal(%v): %v", j, err)
	}
	var back Journey
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatalf("Unmarshal(%s): %v", data, err)
	}
	if !sameJourney(back, j) {
		t.Fatalf("Unmarshal(Marshal(%v)) = %v", j, back)
	}
}

// checkReachesCoaching checks that from any stage on the journey, a legal
// path leads to Coaching: Training → Mentoring → Coaching, or a passed plan.
func checkReachesCoaching(t *rapid.T, j Journey) {
	if !j.stage.active() {
		return
	}
	var path []EventKind
	switch j.stage {
	case InTraining:
		path = []EventKind{TrainingCompleted, MentoringCompleted}
	case InMentoring:
		path = []EventKind{MentoringCompleted}
	case InReview:
		path = []EventKind{ReviewPassed}
	}
	k := j
	for _, kind := range path {
		var err error
		if k, err = k.Apply(Event{Kind: kind, At: j.updated}); err != nil {
			t.Fatalf("from %v, %v: %v", j, kind, err)
		}
	}
	if k.stage != InCoaching {
		t.Fatalf("from %v, path %v reached %v, want coaching", j, path, k.stage)
	}
}

// build applies events to a fresh journey on a 150-day ramp, failing the
// test on any refusal.
func build(t *testing.T, events ...Event) Journey {
	t.Helper()
	j, err := Start(t0, Ramp{TrainingDays: 45, MentoringDays: 90, RampDays: 150})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		if j, err = j.Apply(e); err != nil {
			t.Fatalf("setup: %v", err)
		}
	}
	return j
}

func ev(k EventKind, d int) Event { return Event{Kind: k, At: day(d)} }

func TestJourneyRules(t *testing.T) {
	coaching := []Event{ev(TrainingCompleted, 45), ev(MentoringCompleted, 135)}
	ready := append(coaching[:2:2], ev(PeriodMissed, 160), ev(PeriodMissed, 190), ev(CycleNotImproved, 200))
	review := append(ready[:len(ready):len(ready)], Event{Kind: ReviewStarted, At: day(201), Cause: DontKnow})
	tests := []struct {
		name    string
		setup   []Event
		e       Event
		want    error
		stage   Stage // after, when accepted
		details string
	}{
		{"escalation accepted", ready, Event{Kind: ReviewStarted, At: day(201), Cause: DontKnow}, nil, InReview, ""},
		{"will is a cause too", ready, Event{Kind: ReviewStarted, At: day(201), Cause: IncorrectThinking}, nil, InReview, ""},
		{"inside the ramp", append(coaching[:2:2], ev(CycleNotImproved, 140)), Event{Kind: ReviewStarted, At: day(149), Cause: DontKnow}, ErrInsideRamp, 0, "ramp ends 2025-06-05"},
		{"periods inside the ramp do not count", append(coaching[:2:2], ev(PeriodMissed, 140), ev(PeriodMissed, 149), ev(CycleNotImproved, 150)), Event{Kind: ReviewStarted, At: day(151), Cause: DontKnow}, ErrNotBelowStandard, 0, "0 periods"},
		{"one period below standard", append(coaching[:2:2], ev(PeriodMissed, 160), ev(CycleNotImproved, 170)), Event{Kind: ReviewStarted, At: day(171), Cause: DontKnow}, ErrNotBelowStandard, 0, "1 period below standard past the ramp, need 2"},
		{"a met period breaks the run", append(coaching[:2:2], ev(PeriodMissed, 160), ev(PeriodMet, 190), ev(PeriodMissed, 220), ev(CycleNotImproved, 221)), Event{Kind: ReviewStarted, At: day(222), Cause: DontKnow}, ErrNotBelowStandard, 0, ""},
		{"no coaching cycle", append(coaching[:2:2], ev(PeriodMissed, 160), ev(PeriodMissed, 190)), Event{Kind: ReviewStarted, At: day(191), Cause: DontKnow}, ErrNoFailedCycle, 0, ""},
		{"an improved cycle clears the failures", append(ready[:len(ready):len(ready)], ev(CycleImproved, 210)), Event{Kind: ReviewStarted, At: day(211), Cause: DontKnow}, ErrNoFailedCycle, 0, ""},
		{"re-training clears the failures", append(ready[:len(ready):len(ready)], ev(KnowledgeGapFound, 205), ev(TrainingCompleted, 206), ev(MentoringCompleted, 207)), Event{Kind: ReviewStarted, At: day(208), Cause: DontKnow}, ErrNoFailedCycle, 0, ""},
		{"misaligned consequences are management's", ready, Event{Kind: ReviewStarted, At: day(201), Cause: MisalignedConsequences}, ErrNotSkillOrWill, 0, "cause misaligned-consequences"},
		{"constraints are management's", ready, Event{Kind: ReviewStarted, At: day(201), Cause: Constraints}, ErrNotSkillOrWill, 0, ""},
		{"an undiagnosed cause", ready, Event{Kind: ReviewStarted, At: day(201)}, ErrNotSkillOrWill, 0, ""},
		{"escalation from mentoring", coaching[:1], Event{Kind: ReviewStarted, At: day(300), Cause: DontKnow}, ErrWrongStage, 0, ""},
		{"training completed twice", coaching[:1], ev(TrainingCompleted, 50), ErrWrongStage, 0, ""},
		{"mentoring before training", nil, ev(MentoringCompleted, 10), ErrWrongStage, 0, ""},
		{"knowledge gap in training", nil, ev(KnowledgeGapFound, 10), ErrWrongStage, 0, ""},
		{"knowledge gap in coaching", coaching, ev(KnowledgeGapFound, 140), nil, InTraining, ""},
		{"knowledge gap in mentoring", coaching[:1], ev(KnowledgeGapFound, 60), nil, InTraining, ""},
		{"knowledge gap in review", review, ev(KnowledgeGapFound, 210), ErrWrongStage, 0, ""},
		{"coaching cycle in mentoring", coaching[:1], ev(CycleNotImproved, 60), ErrWrongStage, 0, ""},
		{"plan passed", review, ev(ReviewPassed, 260), nil, InCoaching, ""},
		{"plan extended", review, ev(ReviewExtended, 260), nil, InReview, ""},
		{"plan failed", review, ev(ReviewFailed, 260), nil, Exited, ""},
		{"plan passed outside review", coaching, ev(ReviewPassed, 260), ErrWrongStage, 0, ""},
		{"departed from training", nil, ev(Departed, 3), nil, Exited, ""},
		{"event after exit", append(review[:len(review):len(review)], ev(ReviewFailed, 260)), ev(PeriodMet, 261), ErrWrongStage, 0, ""},
		{"time going backwards", coaching, ev(PeriodMet, 100), ErrTimeBackwards, 0, "last event at 2025-05-21"},
		{"same instant is fine", coaching, ev(PeriodMet, 135), nil, InCoaching, ""},
		{"no kind", nil, Event{At: day(1)}, ErrInvalidEvent, 0, "kind none"},
		{"unknown kind", nil, Event{Kind: 99, At: day(1)}, ErrInvalidEvent, 0, ""},
		{"zero time", nil, Event{Kind: TrainingCompleted}, ErrInvalidEvent, 0, "zero time"},
		{"cause on another event", nil, Event{Kind: TrainingCompleted, At: day(1), Cause: DontKnow}, ErrInvalidEvent, 0, ""},
		{"unknown cause", ready, Event{Kind: ReviewStarted, At: day(201), Cause: 12}, ErrInvalidEvent, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j := build(t, tt.setup...)
			got, err := j.Apply(tt.e)
			if !errors.Is(err, tt.want) || (err == nil) != (tt.want == nil) {
				t.Fatalf("Apply(%v) = %v, want %v", tt.e.Kind, err, tt.want)
			}
			if err != nil {
				if !sameJourney(got, j) {
					t.Errorf("Apply(%v) refused but returned %v, want %v", tt.e.Kind, got, j)
				}
				if !strings.HasPrefix(err.Error(), "tmc: ") || !strings.Contains(err.Error(), tt.details) {
					t.Errorf("Apply(%v) error %q, want it to start with \"tmc: \" and contain %q", tt.e.Kind, err, tt.details)
				}
				return
			}
			if got.Stage() != tt.stage {
				t.Errorf("Apply(%v).Stage() = %v, want %v", tt.e.Kind, got.Stage(), tt.stage)
			}
			if msg := got.validate(); msg != "" {
				t.Errorf("Apply(%v) reached an illegal state: %s", tt.e.Kind, msg)
			}
		})
	}
}

func TestJourneyNotStarted(t *testing.T) {
	var j Journey
	_, err := j.Apply(ev(TrainingCompleted, 1))
	if !errors.Is(err, ErrNotStarted) {
		t.Errorf("zero Journey Apply = %v, want ErrNotStarted", err)
	}
	if _, err := Start(time.Time{}, Ramp{}); !errors.Is(err, ErrEmpty) {
		t.Errorf("Start(zero time) = %v, want ErrEmpty", err)
	}
	if _, err := Start(t0, Ramp{TrainingDays: -1}); !errors.Is(err, ErrNegative) {
		t.Errorf("Start(negative ramp) = %v, want ErrNegative", err)
	}
}

func TestJourneyAccessors(t *testing.T) {
	j := build(t, ev(TrainingCompleted, 45), ev(MentoringCompleted, 135), ev(PeriodMissed, 160), ev(PeriodMissed, 190),
		ev(CycleNotImproved, 200), Event{Kind: ReviewStarted, At: day(201), Cause: IncorrectThinking}, ev(ReviewExtended, 230),
		ev(ReviewFailed, 260))
	type acc struct {
		Stage                     Stage
		Started, RampEnds, Since  time.Time
		Updated                   time.Time
		Below, Failed, Extensions int
		Cause                     Barrier
		ExitedBy                  EventKind
	}
	got := acc{j.Stage(), j.Started(), j.RampEnds(), j.Since(), j.Updated(), j.PeriodsBelowStandard(), j.FailedCycles(), j.Extensions(), j.Cause(), j.ExitedBy()}
	want := acc{Exited, t0, day(150), day(260), day(260), 2, 1, 1, IncorrectThinking, ReviewFailed}
	if got != want {
		t.Errorf("accessors = %+v, want %+v", got, want)
	}
	if s := j.String(); s != "exited since 2025-09-23T09:00:00Z, 2 periods below standard, 1 failed coaching cycle, by review-failed" {
		t.Errorf("String() = %q", s)
	}
}

func TestJourneyUnmarshalJSON(t *testing.T) {
	good := `{"stage":"review","started":"2025-01-06T09:00:00Z","ramp_ends":"2025-06-05T09:00:00Z","since":"2025-07-26T09:00:00Z","updated":"2025-07-26T09:00:00Z","periods_below_standard":2,"failed_cycles":1,"extensions":0,"cause":"dont-know","exited_by":"none"}`
	with := func(old, new string) string {
		if !strings.Contains(good, old) {
			t.Fatalf("test setup: %q not in the good state", old)
		}
		return strings.Replace(good, old, new, 1)
	}
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"good", good, nil},
		{"upper-case enum text", with(`"review"`, `"REVIEW"`), nil},
		{"unstarted", `{"stage":"unstarted"}`, nil},
		{"null", `null`, nil},
		{"unknown field", with(`"extensions":0`, `"extensions":0,"mood":"ok"`), ErrInvalidJourney},
		{"unknown stage", with(`"review"`, `"purgatory"`), ErrInvalidEnum},
		{"unknown cause", with(`"dont-know"`, `"dont_know"`), ErrInvalidEnum},
		{"numeric stage", with(`"review"`, `4`), ErrInvalidJourney},
		{"trailing data", good + `{}`, ErrInvalidJourney},
		{"not an object", `[1]`, ErrInvalidJourney},
		{"plan inside the ramp", with(`"since":"2025-07-26`, `"since":"2025-05-26`), ErrInvalidJourney},
		{"plan without a failed cycle", with(`"failed_cycles":1`, `"failed_cycles":0`), ErrInvalidJourney},
		{"plan with a management cause", with(`"dont-know"`, `"constraints"`), ErrInvalidJourney},
		{"negative counter", with(`"periods_below_standard":2`, `"periods_below_standard":-2`), ErrInvalidJourney},
		{"huge counter", with(`"extensions":0`, `"extensions":1000001`), ErrInvalidJourney},
		{"times backwards", with(`"updated":"2025-07-26`, `"updated":"2025-07-25`), ErrInvalidJourney},
		{"started after ramp end", with(`"started":"2025-01-06`, `"started":"2025-06-06`), ErrInvalidJourney},
		{"exited_by while active", with(`"exited_by":"none"`, `"exited_by":"departed"`), ErrInvalidJourney},
		{"unstarted with a date", `{"stage":"unstarted","started":"2025-01-06T09:00:00Z"}`, ErrInvalidJourney},
		{"missing start", `{"stage":"training"}`, ErrInvalidJourney},
		{"failed cycles in training", `{"stage":"training","started":"2025-01-06T09:00:00Z","ramp_ends":"2025-01-06T09:00:00Z","since":"2025-01-06T09:00:00Z","updated":"2025-01-06T09:00:00Z","failed_cycles":1}`, ErrInvalidJourney},
		{"exited without a reason", `{"stage":"exited","started":"2025-01-06T09:00:00Z","ramp_ends":"2025-01-06T09:00:00Z","since":"2025-01-06T09:00:00Z","updated":"2025-01-06T09:00:00Z"}`, ErrInvalidJourney},
		{"below standard inside the ramp", `{"stage":"coaching","started":"2025-01-06T09:00:00Z","ramp_ends":"2025-06-05T09:00:00Z","since":"2025-01-06T09:00:00Z","updated":"2025-03-06T09:00:00Z","periods_below_standard":1}`, ErrInvalidJourney},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j := build(t)
			before := j
			err := j.UnmarshalJSON([]byte(tt.in))
			if !errors.Is(err, tt.want) || (err == nil) != (tt.want == nil) {
				t.Fatalf("Unmarshal(%s) = %v, want %v", tt.in, err, tt.want)
			}
			if err != nil {
				if !sameJourney(j, before) {
					t.Errorf("Unmarshal(%s) failed but changed the journey to %v", tt.in, j)
				}
				if !strings.HasPrefix(err.Error(), "tmc: ") {
					t.Errorf("Unmarshal(%s) error %q, want a tmc: prefix", tt.in, err)
				}
			}
		})
	}
}

func TestEventJSON(t *testing.T) {
	e := Event{Kind: ReviewStarted, At: day(200), Cause: DontKnow}
	data, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"kind":"review-started","at":"2025-07-25T09:00:00Z","cause":"dont-know"}`
	if string(data) != want {
		t.Errorf("Marshal(%+v) = %s, want %s", e, data, want)
	}
	var back Event
	if err := json.Unmarshal(data, &back); err != nil || back != e {
		t.Errorf("Unmarshal(%s) = %+v, %v, want %+v", data, back, err, e)
	}
	for _, bad := range []struct {
		in   string
		want error
	}{
		{`{"kind":"review-started","at":"2025-07-25T09:00:00Z","cause":"dont-know","x":1}`, ErrInvalidEvent},
		{`{"kind":"review-begun","at":"2025-07-25T09:00:00Z"}`, ErrInvalidEnum},
		{`{"kind":"period-met"}`, ErrInvalidEvent},
		{`{"kind":"period-met","at":"2025-07-25T09:00:00Z","cause":"constraints"}`, ErrInvalidEvent},
		{`{"at":"2025-07-25T09:00:00Z"}`, ErrInvalidEvent},
		{`{"kind":"period-met","at":"yesterday"}`, ErrInvalidEvent},
	} {
		got := e
		if err := json.Unmarshal([]byte(bad.in), &got); !errors.Is(err, bad.want) || got != e {
			t.Errorf("Unmarshal(%s) = %v (event %+v), want %v and the event unchanged", bad.in, err, got, bad.want)
		}
	}
}

// FuzzJourneyUnmarshalJSON feeds arbitrary bytes to the strict decoder: no
// panic, and either an error wrapping ErrInvalidJourney or ErrInvalidEnum,
// or a legal state that survives a round trip and accepts further events
// without reaching an illegal state.
func FuzzJourneyUnmarshalJSON(f *testing.F) {
	// Seed corpus: legal states of each stage, a stored state with a bad
	// enum, a bad counter and odd JSON.
	for _, s := range []string{
		`{"stage":"unstarted"}`,
		`{"stage":"training","started":"2025-01-06T09:00:00Z","ramp_ends":"2025-06-05T09:00:00Z","since":"2025-01-06T09:00:00Z","updated":"2025-01-06T09:00:00Z","periods_below_standard":0,"failed_cycles":0,"extensions":0,"cause":"none","exited_by":"none"}`,
		`{"stage":"coaching","started":"2025-01-06T09:00:00Z","ramp_ends":"2025-06-05T09:00:00Z","since":"2025-05-21T09:00:00Z","updated":"2025-07-25T09:00:00Z","periods_below_standard":2,"failed_cycles":1,"extensions":0,"cause":"none","exited_by":"none"}`,
		`{"stage":"review","started":"2025-01-06T09:00:00Z","ramp_ends":"2025-06-05T09:00:00Z","since":"2025-07-26T09:00:00Z","updated":"2025-07-26T09:00:00Z","periods_below_standard":2,"failed_cycles":1,"extensions":3,"cause":"incorrect-thinking","exited_by":"none"}`,
		`{"stage":"exited","started":"2025-01-06T09:00:00+02:00","ramp_ends":"2025-06-05T09:00:00Z","since":"2025-09-23T09:00:00Z","updated":"2025-09-23T09:00:00Z","periods_below_standard":2,"failed_cycles":1,"extensions":1,"cause":"dont-know","exited_by":"review-failed"}`,
		// Late in 9999: an event a month on would fall in year 10000.
		`{"stage":"coaching","started":"9999-01-06T09:00:00Z","ramp_ends":"9999-06-05T09:00:00Z","since":"9999-07-01T09:00:00Z","updated":"9999-12-15T09:00:00Z","periods_below_standard":0,"failed_cycles":0,"extensions":0,"cause":"none","exited_by":"none"}`,
		`{"stage":"Coaching","cause":"Constraints"}`,
		`{"stage":"training","failed_cycles":9223372036854775807}`,
		`null`, `{}`, `[]`, `"training"`, `{"stage":"training"}{}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var j Journey
		if err := json.Unmarshal(data, &j); err != nil {
			if !errors.Is(err, ErrInvalidJourney) && !errors.Is(err, ErrInvalidEnum) {
				var se *json.SyntaxError
				if !errors.As(err, &se) { // invalid JSON is caught by encoding/json before UnmarshalJSON
					t.Fatalf("Unmarshal(%q) error %v, want ErrInvalidJourney or ErrInvalidEnum", data, err)
				}
			}
			return
		}
		if msg := j.validate(); msg != "" {
			t.Fatalf("Unmarshal(%q) accepted an illegal state: %s", data, msg)
		}
		out, err := json.Marshal(j)
		if err != nil {
			t.Fatalf("Marshal after Unmarshal(%q): %v", data, err)
		}
		var back Journey
		if err := json.Unmarshal(out, &back); err != nil || !sameJourney(back, j) {
			t.Fatalf("round trip of %s = %v, %v", out, back, err)
		}
		for k := TrainingCompleted; k <= Departed; k++ {
			e := Event{Kind: k, At: j.updated.AddDate(0, 1, 0)}
			if k == ReviewStarted {
				e.Cause = DontKnow
			}
			if next, err := j.Apply(e); err == nil {
				if msg := next.validate(); msg != "" {
					t.Fatalf("from %s, %v reached an illegal state: %s", out, k, msg)
				}
				if _, err := json.Marshal(next); err != nil {
					t.Fatalf("from %s, %v reached a state that cannot be stored: %v", out, k, err)
				}
			}
		}
	})
}

// FuzzEventUnmarshalJSON feeds arbitrary bytes to the strict event decoder.
func FuzzEventUnmarshalJSON(f *testing.F) {
	// Seed corpus: a good event of each shape, bad enum text, a misplaced
	// cause, a zero time and odd JSON.
	for _, s := range []string{
		`{"kind":"review-started","at":"2025-07-25T09:00:00Z","cause":"dont-know"}`,
		`{"kind":"PERIOD-MISSED","at":"2025-07-25T09:00:00-05:00","cause":"none"}`,
		`{"kind":"period-met","at":"2025-07-25T09:00:00Z","cause":"constraints"}`,
		`{"kind":"departed","at":"0001-01-01T00:00:00Z"}`,
		`{"kind":"nope"}`, `null`, `{}`, `[]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var e Event
		if err := json.Unmarshal(data, &e); err != nil {
			return
		}
		if e == (Event{}) {
			return // null
		}
		if msg := e.check(); msg != "" {
			t.Fatalf("Unmarshal(%q) accepted a malformed event: %s", data, msg)
		}
		out, err := json.Marshal(e)
		if err != nil {
			t.Fatalf("Marshal(%+v): %v", e, err)
		}
		var back Event
		if err := json.Unmarshal(out, &back); err != nil || back.Kind != e.Kind || !back.At.Equal(e.At) || back.Cause != e.Cause {
			t.Fatalf("round trip of %s = %+v, %v", out, back, err)
		}
	})
}

func TestStageHelp(t *testing.T) {
	tests := []struct {
		s    Stage
		want Help
	}{
		{Unstarted, NoHelp}, {InTraining, Training}, {InMentoring, Mentoring}, {InCoaching, Coaching},
		{InReview, Management}, {Exited, NoHelp}, {Stage(-1), NoHelp}, {Stage(40), NoHelp},
	}
	for _, tt := range tests {
		t.Run(tt.s.String(), func(t *testing.T) {
			if got := tt.s.Help(); got != tt.want {
				t.Errorf("Stage(%d).Help() = %v, want %v", int(tt.s), got, tt.want)
			}
		})
	}
}

func TestJourneyString(t *testing.T) {
	tests := []struct {
		name string
		j    Journey
		want string
	}{
		{"unstarted", Journey{}, "unstarted"},
		{"training", build(t), "training since 2025-01-06T09:00:00Z, 0 periods below standard, 0 failed coaching cycles"},
		{"review", build(t, ev(TrainingCompleted, 45), ev(MentoringCompleted, 135), ev(PeriodMissed, 160), ev(PeriodMissed, 190),
			ev(CycleNotImproved, 200), Event{Kind: ReviewStarted, At: day(201), Cause: DontKnow}, ev(ReviewExtended, 230)),
			"review since 2025-07-26T09:00:00Z, 2 periods below standard, 1 failed coaching cycle, cause dont-know, 1 extension"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.j.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
		})
	}
}
