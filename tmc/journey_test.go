package tmc

import (
	"encoding/json"
	"errors"
	"slices"
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
		a.trainingDays == b.trainingDays && a.mentoringDays == b.mentoringDays &&
		a.minBelow == b.minBelow && a.minCycleDays == b.minCycleDays &&
		a.since.Equal(b.since) && a.updated.Equal(b.updated) && a.cycle.Equal(b.cycle) &&
		a.below == b.below && a.failed == b.failed && a.extensions == b.extensions &&
		a.fullTraining == b.fullTraining && a.fullMentoring == b.fullMentoring &&
		a.retraining == b.retraining && a.retrained == b.retrained &&
		a.cause == b.cause && a.exitedBy == b.exitedBy
}

// journeyModel is the simple model the state machine is checked against:
// the stage, the counters and flags, and a table of which events apply
// where. Days are calendar days in UTC, where a day is 24 hours.
type journeyModel struct {
	stage                       Stage
	rampEnds, now, since, cycle time.Time
	trainingDays, mentoringDays int
	minCycleDays                int
	below, failed, extensions   int
	fullTraining, fullMentoring bool
	retraining, retrained       bool
	gapIn                       Stage // where the open re-training's gap was found
	cause                       Barrier
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
	CycleStarted:       {[]Stage{InCoaching}, 0},
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
	case !ok || e.At.IsZero() || !e.Cause.valid() || e.Cause != NoBarrier && e.Kind != ReviewStarted:
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
	daysSince := func(t time.Time, n int) bool { return !e.At.Before(t.AddDate(0, 0, n)) }
	switch e.Kind {
	case CycleStarted:
		if !m.cycle.IsZero() {
			return m, ErrCycleOrder
		}
	case CycleImproved, CycleNotImproved:
		if m.cycle.IsZero() {
			return m, ErrCycleOrder
		}
	case ReviewStarted:
		switch {
		case e.At.Before(m.rampEnds):
			return m, ErrInsideRamp
		case !m.fullTraining || !m.fullMentoring:
			return m, ErrStagesCut
		case m.below < 2:
			return m, ErrNotBelowStandard
		case m.failed < 1:
			return m, ErrNoFailedCycle
		case e.Cause != DontKnow && e.Cause != IncorrectThinking:
			return m, ErrNotSkillOrWill
		case e.Cause == DontKnow && !m.retrained:
			return m, ErrNotRetrained
		}
		m.cause = e.Cause
		m.extensions = 0
	}
	switch e.Kind {
	case TrainingCompleted:
		m.fullTraining = m.fullTraining || daysSince(m.since, m.trainingDays)
		m.gapIn = 0
		if m.retraining {
			m.retraining, m.retrained = false, true
		}
	case MentoringCompleted:
		m.fullMentoring = m.fullMentoring || daysSince(m.since, m.mentoringDays)
	case KnowledgeGapFound:
		m.failed = 0
		m.retraining = true
		m.gapIn = m.stage
	case CycleStarted:
		m.cycle = e.At
	case CycleImproved:
		m.failed = 0
		m.cycle = time.Time{}
	case CycleNotImproved:
		if daysSince(m.cycle, m.minCycleDays) {
			m.failed++
		}
		m.cycle = time.Time{}
	case PeriodMet:
		m.below = 0
	case PeriodMissed:
		if !e.At.Before(m.rampEnds) {
			m.below++
		}
	case ReviewPassed:
		m.below, m.failed, m.extensions, m.cause, m.retrained = 0, 0, 0, NoBarrier, false
	case ReviewExtended:
		m.extensions++
	case Departed:
		m.retraining = false
	}
	m.now = e.At
	if e.Kind == TrainingCompleted && m.fullMentoring {
		// The model's reading of the rule: re-training returns a rep
		// who had a full mentoring stage to coaching.
		rule.to = InCoaching
	}
	if rule.to != 0 {
		m.stage = rule.to
		m.since = e.At
		m.cycle = time.Time{}
	}
	return m, nil
}

func TestJourneyStateMachine(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		trainingDays := rapid.IntRange(0, 40).Draw(t, "trainingDays")
		mentoringDays := rapid.IntRange(0, 40).Draw(t, "mentoringDays")
		rampDays := trainingDays + mentoringDays + rapid.IntRange(0, 60).Draw(t, "extraRampDays")
		minCycleDays := rapid.IntRange(1, 40).Draw(t, "minCycleDays")
		j, err := Start(t0, Ramp{TrainingDays: trainingDays, MentoringDays: mentoringDays, RampDays: rampDays},
			&ReviewRules{MinCycleDays: minCycleDays})

		if err != nil {
			t.Fatalf("Start: %v", err)
		}
		m := journeyModel{stage: InTraining, rampEnds: day(rampDays), now: t0, since: t0,
			trainingDays: trainingDays, mentoringDays: mentoringDays, minCycleDays: minCycleDays}
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
			// Re-training returns the rep to the stage the gap was found
			// in, or to the full mentoring stage they are owed.
			if e.Kind == TrainingCompleted && j.retraining {
				_, fm := j.FullStages()
				want := m.gapIn
				if !fm {
					want = InMentoring
				}
				if got.stage != want {
					t.Fatalf("re-training after a gap found in %v (full mentoring %v) led to %v, want %v", m.gapIn, fm, got.stage, want)
				}
			}
			if got.stage == InReview && j.stage != InReview {
				if e.At.Before(got.rampEnds) {
					t.Fatalf("performance plan started at %v inside the ramp ending %v", e.At, got.rampEnds)
				}
				if ft, fm := j.FullStages(); !ft || !fm {
					t.Fatalf("performance plan started after stages cut short")
				}
			}
			j, m = got, next
			reached[j.stage] = true
		}

		t.Repeat(map[string]func(*rapid.T){
			"event": func(t *rapid.T) {
				e := Event{
					Kind: EventKind(rapid.IntRange(0, 14).Draw(t, "kind")),
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
			// reach: periods below standard, coaching cycles, re-training,
			// escalation.
			"missed period": func(t *rapid.T) {
				apply(t, Event{Kind: PeriodMissed, At: m.now.AddDate(0, 0, 30)})
			},
			"cycle": func(t *rapid.T) {
				apply(t, Event{Kind: CycleStarted, At: m.now.AddDate(0, 0, 1)})
				kind := rapid.SampledFrom([]EventKind{CycleNotImproved, CycleNotImproved, CycleImproved}).Draw(t, "end")
				apply(t, Event{Kind: kind, At: m.now.AddDate(0, 0, rapid.IntRange(0, 60).Draw(t, "cycle days"))})
			},
			"retrain": func(t *rapid.T) {
				apply(t, Event{Kind: KnowledgeGapFound, At: m.now.AddDate(0, 0, 1)})
			},
			"escalate": func(t *rapid.T) {
				cause := rapid.SampledFrom([]Barrier{DontKnow, IncorrectThinking, Constraints}).Draw(t, "cause")
				apply(t, Event{Kind: ReviewStarted, At: m.now.AddDate(0, 0, 1), Cause: cause})
			},
			"advance": func(t *rapid.T) {
				switch j.stage {
				case InTraining:
					apply(t, Event{Kind: TrainingCompleted, At: m.now.AddDate(0, 0, rapid.IntRange(0, 45).Draw(t, "days"))})
				case InMentoring:
					apply(t, Event{Kind: MentoringCompleted, At: m.now.AddDate(0, 0, rapid.IntRange(0, 45).Draw(t, "days"))})
				}
			},
			"": func(t *rapid.T) {
				if msg := j.validate(); msg != "" {
					t.Fatalf("illegal state %v: %s", j, msg)
				}
				if j.stage != m.stage || j.below != m.below || j.failed != m.failed || j.extensions != m.extensions ||
					j.cause != m.cause || !j.updated.Equal(m.now) || !j.since.Equal(m.since) || !j.cycle.Equal(m.cycle) ||
					j.fullTraining != m.fullTraining || j.fullMentoring != m.fullMentoring ||
					j.retraining != m.retraining || j.retrained != m.retrained {
					t.Fatalf("journey %+v differs from model %+v", j, m)
				}
				checkRoundTrip(t, j)
				checkReachesCoaching(t, j)
				// The journey's signals prescribe the help its stage gives.
				if s, ok := j.Signals(); ok != j.stage.active() || ok && Misdirected(j.stage.Help(), s) {
					t.Fatalf("%v.Signals() = %+v, %v: prescribes %v", j, s, ok, Prescribe(s).Help)
				}
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
		if _, fm := j.FullStages(); fm {
			path = path[:1] // back to coaching
		}
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
	j, err := Start(t0, Ramp{TrainingDays: 45, MentoringDays: 90, RampDays: 150}, nil)
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

// cycle returns the events of a coaching cycle from day from to day to
// that ends without improvement.
func cycle(from, to int) []Event { return []Event{ev(CycleStarted, from), ev(CycleNotImproved, to)} }

// join concatenates event lists into a new slice, in time order (events
// at the same time keep their order).
func join(lists ...[]Event) []Event {
	var out []Event
	for _, l := range lists {
		out = append(out, l...)
	}
	slices.SortStableFunc(out, func(a, b Event) int { return a.At.Compare(b.At) })
	return out
}

func TestJourneyRules(t *testing.T) {
	coaching := []Event{ev(TrainingCompleted, 45), ev(MentoringCompleted, 135)} // both stages at their planned 45 and 90 days
	ready := join(coaching, []Event{ev(PeriodMissed, 160), ev(PeriodMissed, 190)}, cycle(136, 200))
	retrained := join(coaching, []Event{ev(KnowledgeGapFound, 140), ev(TrainingCompleted, 141), // back to coaching
		ev(PeriodMissed, 160), ev(PeriodMissed, 190)}, cycle(143, 210))
	review := join(ready, []Event{{Kind: ReviewStarted, At: day(201), Cause: IncorrectThinking}})
	tests := []struct {
		name    string
		setup   []Event
		e       Event
		want    error
		stage   Stage // after, when accepted
		details string
	}{
		{"escalation accepted", ready, Event{Kind: ReviewStarted, At: day(201), Cause: IncorrectThinking}, nil, InReview, ""},
		{"skill after re-training", retrained, Event{Kind: ReviewStarted, At: day(211), Cause: DontKnow}, nil, InReview, ""},
		{"skill without re-training", ready, Event{Kind: ReviewStarted, At: day(201), Cause: DontKnow}, ErrNotRetrained, 0, "no knowledge gap found"},
		{"inside the ramp", coaching, Event{Kind: ReviewStarted, At: day(149), Cause: IncorrectThinking}, ErrInsideRamp, 0, "ramp ends 2025-06-05"},
		{"training cut short", join([]Event{ev(TrainingCompleted, 1), ev(MentoringCompleted, 135), ev(PeriodMissed, 160), ev(PeriodMissed, 190)}, cycle(136, 200)),
			Event{Kind: ReviewStarted, At: day(201), Cause: IncorrectThinking}, ErrStagesCut, 0, "no training stage of the planned 45 days"},
		{"mentoring cut short", join([]Event{ev(TrainingCompleted, 45), ev(MentoringCompleted, 60), ev(PeriodMissed, 160), ev(PeriodMissed, 190)}, cycle(136, 200)),
			Event{Kind: ReviewStarted, At: day(201), Cause: IncorrectThinking}, ErrStagesCut, 0, "no mentoring stage of the planned 90 days"},
		{"a day short is short", join([]Event{ev(TrainingCompleted, 44), ev(MentoringCompleted, 135), ev(PeriodMissed, 160), ev(PeriodMissed, 190)}, cycle(136, 200)),
			Event{Kind: ReviewStarted, At: day(201), Cause: IncorrectThinking}, ErrStagesCut, 0, "training"},
		{"a stage cut short is made good by a full one", join([]Event{ev(TrainingCompleted, 1), ev(MentoringCompleted, 135), ev(KnowledgeGapFound, 136),
			ev(TrainingCompleted, 181), ev(PeriodMissed, 190), ev(PeriodMissed, 220)}, cycle(183, 250)),
			Event{Kind: ReviewStarted, At: day(251), Cause: DontKnow}, nil, InReview, ""},
		{"periods inside the ramp do not count", join(coaching, []Event{ev(PeriodMissed, 140), ev(PeriodMissed, 149)}, cycle(136, 200)), Event{Kind: ReviewStarted, At: day(201), Cause: IncorrectThinking}, ErrNotBelowStandard, 0, "0 periods"},
		{"one period below standard", join(coaching, []Event{ev(PeriodMissed, 160)}, cycle(136, 200)), Event{Kind: ReviewStarted, At: day(201), Cause: IncorrectThinking}, ErrNotBelowStandard, 0, "1 period below standard past the ramp, need 2"},
		{"a met period breaks the run", join(coaching, []Event{ev(PeriodMissed, 160), ev(PeriodMet, 190), ev(PeriodMissed, 220)}, cycle(221, 290)), Event{Kind: ReviewStarted, At: day(291), Cause: IncorrectThinking}, ErrNotBelowStandard, 0, ""},
		{"no coaching cycle", join(coaching, []Event{ev(PeriodMissed, 160), ev(PeriodMissed, 190)}), Event{Kind: ReviewStarted, At: day(191), Cause: IncorrectThinking}, ErrNoFailedCycle, 0, "at least 60 days"},
		{"a short cycle does not count", join(coaching, []Event{ev(PeriodMissed, 160), ev(PeriodMissed, 190)}, cycle(136, 195)), Event{Kind: ReviewStarted, At: day(196), Cause: IncorrectThinking}, ErrNoFailedCycle, 0, ""},
		{"a zero-length cycle does not count", join(coaching, []Event{ev(PeriodMissed, 160), ev(PeriodMissed, 190)}, cycle(190, 190)), Event{Kind: ReviewStarted, At: day(191), Cause: IncorrectThinking}, ErrNoFailedCycle, 0, ""},
		{"an open cycle does not count", join(coaching, []Event{ev(PeriodMissed, 160), ev(PeriodMissed, 190), ev(CycleStarted, 136)}), Event{Kind: ReviewStarted, At: day(300), Cause: IncorrectThinking}, ErrNoFailedCycle, 0, ""},
		{"an improved cycle clears the failures", join(ready, []Event{ev(CycleStarted, 201), ev(CycleImproved, 210)}), Event{Kind: ReviewStarted, At: day(211), Cause: IncorrectThinking}, ErrNoFailedCycle, 0, ""},
		{"re-training clears the failures", join(ready, []Event{ev(KnowledgeGapFound, 205), ev(TrainingCompleted, 206)}), Event{Kind: ReviewStarted, At: day(208), Cause: DontKnow}, ErrNoFailedCycle, 0, ""},
		{"a cycle ends only after it started", coaching, ev(CycleNotImproved, 200), ErrCycleOrder, 0, "no cycle started"},
		{"one cycle at a time", join(coaching, []Event{ev(CycleStarted, 136)}), ev(CycleStarted, 140), ErrCycleOrder, 0, "is open"},
		{"a cycle starts in coaching", coaching[:1], ev(CycleStarted, 60), ErrWrongStage, 0, ""},
		{"a knowledge gap closes the cycle", join(coaching, []Event{ev(CycleStarted, 136), ev(KnowledgeGapFound, 140), ev(TrainingCompleted, 141)}), ev(CycleNotImproved, 200), ErrCycleOrder, 0, ""},
		{"misaligned consequences are management's", ready, Event{Kind: ReviewStarted, At: day(201), Cause: MisalignedConsequences}, ErrNotSkillOrWill, 0, "cause misaligned-consequences"},
		{"constraints are management's", ready, Event{Kind: ReviewStarted, At: day(201), Cause: Constraints}, ErrNotSkillOrWill, 0, ""},
		{"an undiagnosed cause", ready, Event{Kind: ReviewStarted, At: day(201)}, ErrNotSkillOrWill, 0, ""},
		{"escalation from mentoring", coaching[:1], Event{Kind: ReviewStarted, At: day(300), Cause: DontKnow}, ErrWrongStage, 0, ""},
		{"training completed twice", coaching[:1], ev(TrainingCompleted, 50), ErrWrongStage, 0, ""},
		{"mentoring before training", nil, ev(MentoringCompleted, 10), ErrWrongStage, 0, ""},
		{"knowledge gap in training", nil, ev(KnowledgeGapFound, 10), ErrWrongStage, 0, ""},
		{"knowledge gap in coaching", coaching, ev(KnowledgeGapFound, 140), nil, InTraining, ""},
		{"knowledge gap in mentoring", coaching[:1], ev(KnowledgeGapFound, 60), nil, InTraining, ""},
		// Re-training returns the rep to the stage the gap was found in.
		{"re-trained after a gap in coaching", join(coaching, []Event{ev(KnowledgeGapFound, 140)}), ev(TrainingCompleted, 150), nil, InCoaching, ""},
		{"re-trained after a gap in mentoring", join(coaching[:1], []Event{ev(KnowledgeGapFound, 60)}), ev(TrainingCompleted, 70), nil, InMentoring, ""},
		{"no mentoring again after a gap in coaching", join(coaching, []Event{ev(KnowledgeGapFound, 140), ev(TrainingCompleted, 150)}), ev(MentoringCompleted, 160), ErrWrongStage, 0, ""},
		{"mentoring cut short is owed after a gap in coaching", join([]Event{ev(TrainingCompleted, 45), ev(MentoringCompleted, 60), ev(KnowledgeGapFound, 140)}), ev(TrainingCompleted, 150), nil, InMentoring, ""},
		{"knowledge gap in review", review, ev(KnowledgeGapFound, 210), ErrWrongStage, 0, ""},
		{"coaching cycle in mentoring", coaching[:1], ev(CycleNotImproved, 60), ErrWrongStage, 0, ""},
		{"plan passed", review, ev(ReviewPassed, 260), nil, InCoaching, ""},
		{"plan extended", review, ev(ReviewExtended, 260), nil, InReview, ""},
		{"plan failed", review, ev(ReviewFailed, 260), nil, Exited, ""},
		{"plan passed outside review", coaching, ev(ReviewPassed, 260), ErrWrongStage, 0, ""},
		{"departed from training", nil, ev(Departed, 3), nil, Exited, ""},
		{"event after exit", join(review, []Event{ev(ReviewFailed, 260)}), ev(PeriodMet, 261), ErrWrongStage, 0, ""},
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
	if _, err := Start(time.Time{}, Ramp{}, nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("Start(zero time) = %v, want ErrEmpty", err)
	}
	if _, err := Start(t0, Ramp{TrainingDays: -1}, nil); !errors.Is(err, ErrNegative) {
		t.Errorf("Start(negative ramp) = %v, want ErrNegative", err)
	}
}

func TestJourneyAccessors(t *testing.T) {
	j := build(t, join([]Event{ev(TrainingCompleted, 45), ev(MentoringCompleted, 135), ev(PeriodMissed, 160), ev(PeriodMissed, 190)},
		cycle(136, 200), []Event{{Kind: ReviewStarted, At: day(201), Cause: IncorrectThinking}, ev(ReviewExtended, 230),
			ev(ReviewFailed, 260)})...)
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
	if ft, fm := j.FullStages(); !ft || !fm || j.Retrained() {
		t.Errorf("FullStages() = %v, %v, Retrained() = %v, want true, true, false", ft, fm, j.Retrained())
	}
	if _, ok := j.OpenCycle(); ok {
		t.Errorf("OpenCycle() reports a cycle after the rep exited")
	}
}

func TestJourneyStagesAndCycles(t *testing.T) {
	j := build(t, ev(TrainingCompleted, 10), ev(MentoringCompleted, 100), ev(KnowledgeGapFound, 140), ev(TrainingCompleted, 150),
		ev(CycleStarted, 160))
	if ft, fm := j.FullStages(); ft || !fm {
		t.Errorf("FullStages() = %v, %v, want false (10 of 45 days, then 10 more), true (90 days)", ft, fm)
	}
	if !j.Retrained() {
		t.Errorf("Retrained() = false after a knowledge gap and training completed")
	}
	if start, ok := j.OpenCycle(); !ok || !start.Equal(day(160)) {
		t.Errorf("OpenCycle() = %v, %v, want %v, true", start, ok, day(160))
	}
	short, err := j.Apply(ev(CycleNotImproved, 219)) // 59 days
	if err != nil || short.FailedCycles() != 0 {
		t.Errorf("a 59-day failed cycle: FailedCycles() = %d, %v, want 0", short.FailedCycles(), err)
	}
	long, err := j.Apply(ev(CycleNotImproved, 220)) // 60 days
	if err != nil || long.FailedCycles() != 1 {
		t.Errorf("a 60-day failed cycle: FailedCycles() = %d, %v, want 1", long.FailedCycles(), err)
	}
	// Rules of the team's own: 30-day cycles count, three periods below.
	k, err := Start(t0, Ramp{RampDays: 10}, &ReviewRules{MinCycleDays: 30, MinPeriodsBelow: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range join([]Event{ev(TrainingCompleted, 0), ev(MentoringCompleted, 0), ev(PeriodMissed, 20), ev(PeriodMissed, 50)}, cycle(1, 31)) {
		if k, err = k.Apply(e); err != nil {
			t.Fatal(err)
		}
	}
	if k.FailedCycles() != 1 {
		t.Errorf("a 30-day cycle under MinCycleDays 30: FailedCycles() = %d, want 1", k.FailedCycles())
	}
	if _, err := k.Apply(Event{Kind: ReviewStarted, At: day(60), Cause: IncorrectThinking}); !errors.Is(err, ErrNotBelowStandard) ||
		!strings.Contains(err.Error(), "need 3") {
		t.Errorf("ReviewStarted with 2 of 3 periods = %v, want ErrNotBelowStandard, need 3", err)
	}
	if _, err := Start(t0, Ramp{}, &ReviewRules{MinCycleDays: -1}); !errors.Is(err, ErrNegative) {
		t.Errorf("Start(MinCycleDays -1) = %v, want ErrNegative", err)
	}
}

func TestJourneyUnmarshalJSON(t *testing.T) {
	good := `{"version":1,"stage":"review","started":"2025-01-06T09:00:00Z","ramp_ends":"2025-06-05T09:00:00Z","training_days":45,"mentoring_days":90,"min_periods_below":2,"min_cycle_days":60,"since":"2025-07-26T09:00:00Z","updated":"2025-07-26T09:00:00Z","cycle_started":"0001-01-01T00:00:00Z","periods_below_standard":2,"failed_cycles":1,"extensions":0,"full_training":true,"full_mentoring":true,"retraining":false,"retrained":true,"cause":"dont-know","exited_by":"none"}`
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
		{"unstarted", `{"version":1,"stage":"unstarted"}`, nil},
		{"null", `null`, nil},
		{"unknown field", with(`"extensions":0`, `"extensions":0,"mood":"ok"`), ErrInvalidJourney},
		// The version comes first: a journey a later version stored is
		// refused for its version, not for the fields that version added.
		{"missing version", with(`"version":1,`, ``), ErrInvalidJourney},
		{"version 0", with(`"version":1`, `"version":0`), ErrInvalidJourney},
		{"later version", with(`"version":1`, `"version":2,"mood":"ok"`), ErrInvalidJourney},
		{"version as text", with(`"version":1`, `"version":"1"`), ErrInvalidJourney},
		{"fractional version", with(`"version":1`, `"version":1.5`), ErrInvalidJourney},
		{"null version", with(`"version":1`, `"version":null`), ErrInvalidJourney},
		{"version given twice", with(`"version":1`, `"version":1,"version":1`), ErrInvalidJourney},
		{"version in another case", with(`"version":1`, `"Version":1`), ErrInvalidJourney},
		{"unstarted without a version", `{"stage":"unstarted"}`, ErrInvalidJourney},
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
		{"unstarted with a date", `{"version":1,"stage":"unstarted","started":"2025-01-06T09:00:00Z"}`, ErrInvalidJourney},
		{"missing start", `{"version":1,"stage":"training"}`, ErrInvalidJourney},
		{"failed cycles in training", `{"version":1,"stage":"training","started":"2025-01-06T09:00:00Z","ramp_ends":"2025-01-06T09:00:00Z","since":"2025-01-06T09:00:00Z","updated":"2025-01-06T09:00:00Z","failed_cycles":1}`, ErrInvalidJourney},
		{"exited without a reason", `{"version":1,"stage":"exited","started":"2025-01-06T09:00:00Z","ramp_ends":"2025-01-06T09:00:00Z","since":"2025-01-06T09:00:00Z","updated":"2025-01-06T09:00:00Z"}`, ErrInvalidJourney},
		// Before, encoding/json matched keys ignoring case and let a repeated
		// key overwrite the first: both read as a valid journey.
		{"duplicate key", with(`"failed_cycles":1`, `"failed_cycles":1,"failed_cycles":1`), ErrInvalidJourney},
		{"duplicate key, second overwriting", with(`"cause":"dont-know"`, `"cause":"dont-know","cause":"incorrect-thinking"`), ErrInvalidJourney},
		{"case-folded key", with(`"stage"`, `"Stage"`), ErrInvalidJourney},
		{"case-folded key in capitals", with(`"failed_cycles"`, `"FAILED_CYCLES"`), ErrInvalidJourney},
		{"missing rules read as the defaults", strings.Replace(with(`"min_periods_below":2,`, ``), `"min_cycle_days":60,`, ``, 1), nil},
		{"plan after training cut short", with(`"full_training":true`, `"full_training":false`), ErrInvalidJourney},
		{"plan after mentoring cut short", with(`"full_mentoring":true`, `"full_mentoring":false`), ErrInvalidJourney},
		{"skill plan without re-training", with(`"retrained":true`, `"retrained":false`), ErrInvalidJourney},
		{"will plan without re-training", strings.Replace(with(`"retrained":true`, `"retrained":false`), `"dont-know"`, `"incorrect-thinking"`, 1), nil},
		{"open cycle in review", with(`"cycle_started":"0001-01-01T00:00:00Z"`, `"cycle_started":"2025-07-26T09:00:00Z"`), ErrInvalidJourney},
		{"retraining outside training", with(`"retraining":false`, `"retraining":true`), ErrInvalidJourney},
		// Re-training after a full mentoring stage returns to coaching, so
		// a mentoring stage never follows a full one.
		{"mentoring after a full mentoring stage", `{"version":1,"stage":"mentoring","started":"2025-01-06T09:00:00Z","ramp_ends":"2025-06-05T09:00:00Z","training_days":45,"mentoring_days":90,"since":"2025-06-21T09:00:00Z","updated":"2025-06-21T09:00:00Z","full_training":true,"full_mentoring":true,"retrained":true}`, ErrInvalidJourney},
		{"mentoring again after a cut one", `{"version":1,"stage":"mentoring","started":"2025-01-06T09:00:00Z","ramp_ends":"2025-06-05T09:00:00Z","training_days":45,"mentoring_days":90,"since":"2025-06-21T09:00:00Z","updated":"2025-06-21T09:00:00Z","full_training":true,"full_mentoring":false,"retrained":true}`, nil},
		{"negative training days", with(`"training_days":45`, `"training_days":-45`), ErrInvalidJourney},
		{"huge cycle minimum", with(`"min_cycle_days":60`, `"min_cycle_days":3654`), ErrInvalidJourney},
		{"full stage before its days", with(`"training_days":45`, `"training_days":3000`), ErrInvalidJourney},
		{"open cycle in coaching", `{"version":1,"stage":"coaching","started":"2025-01-06T09:00:00Z","ramp_ends":"2025-06-05T09:00:00Z","training_days":45,"mentoring_days":90,"since":"2025-05-21T09:00:00Z","updated":"2025-06-06T09:00:00Z","cycle_started":"2025-05-22T09:00:00Z","full_training":true,"full_mentoring":true}`, nil},
		{"cycle before its stage", `{"version":1,"stage":"coaching","started":"2025-01-06T09:00:00Z","ramp_ends":"2025-06-05T09:00:00Z","training_days":45,"mentoring_days":90,"since":"2025-05-21T09:00:00Z","updated":"2025-06-06T09:00:00Z","cycle_started":"2025-05-20T09:00:00Z","full_training":true,"full_mentoring":true}`, ErrInvalidJourney},
		{"below standard inside the ramp", `{"version":1,"stage":"coaching","started":"2025-01-06T09:00:00Z","ramp_ends":"2025-06-05T09:00:00Z","since":"2025-01-06T09:00:00Z","updated":"2025-03-06T09:00:00Z","periods_below_standard":1}`, ErrInvalidJourney},
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
		// Before, these read as valid events.
		{`{"kind":"review-started","at":"2025-07-25T09:00:00Z","cause":"dont-know","cause":"constraints"}`, ErrInvalidEvent},
		{`{"kind":"period-met","kind":"review-started","at":"2025-07-25T09:00:00Z","cause":"dont-know"}`, ErrInvalidEvent},
		{`{"Kind":"review-started","at":"2025-07-25T09:00:00Z","cause":"dont-know"}`, ErrInvalidEvent},
		{`{"kind":"review-started","AT":"2025-07-25T09:00:00Z","cause":"dont-know"}`, ErrInvalidEvent},
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
		`{"version":1,"stage":"unstarted"}`,
		`{"version":1,"stage":"training","started":"2025-01-06T09:00:00Z","ramp_ends":"2025-06-05T09:00:00Z","since":"2025-01-06T09:00:00Z","updated":"2025-01-06T09:00:00Z","periods_below_standard":0,"failed_cycles":0,"extensions":0,"cause":"none","exited_by":"none"}`,
		`{"version":1,"stage":"coaching","started":"2025-01-06T09:00:00Z","ramp_ends":"2025-06-05T09:00:00Z","since":"2025-05-21T09:00:00Z","updated":"2025-07-25T09:00:00Z","periods_below_standard":2,"failed_cycles":1,"extensions":0,"cause":"none","exited_by":"none"}`,
		`{"version":1,"stage":"review","started":"2025-01-06T09:00:00Z","ramp_ends":"2025-06-05T09:00:00Z","training_days":45,"mentoring_days":90,"min_periods_below":2,"min_cycle_days":60,"since":"2025-07-26T09:00:00Z","updated":"2025-07-26T09:00:00Z","cycle_started":"0001-01-01T00:00:00Z","periods_below_standard":2,"failed_cycles":1,"extensions":3,"full_training":true,"full_mentoring":true,"retraining":false,"retrained":false,"cause":"incorrect-thinking","exited_by":"none"}`,
		`{"version":1,"stage":"exited","started":"2025-01-06T09:00:00+02:00","ramp_ends":"2025-06-05T09:00:00Z","training_days":45,"mentoring_days":90,"since":"2025-09-23T09:00:00Z","updated":"2025-09-23T09:00:00Z","periods_below_standard":2,"failed_cycles":1,"extensions":1,"full_training":true,"full_mentoring":true,"retrained":true,"cause":"dont-know","exited_by":"review-failed"}`,
		// A coaching cycle open; a re-training under way; keys in the wrong case or twice.
		`{"version":1,"stage":"coaching","started":"2025-01-06T09:00:00Z","ramp_ends":"2025-06-05T09:00:00Z","training_days":45,"mentoring_days":90,"since":"2025-05-21T09:00:00Z","updated":"2025-06-06T09:00:00Z","cycle_started":"2025-05-22T09:00:00Z","full_training":true,"full_mentoring":true}`,
		`{"version":1,"stage":"training","started":"2025-01-06T09:00:00Z","ramp_ends":"2025-06-05T09:00:00Z","training_days":45,"mentoring_days":90,"since":"2025-05-21T09:00:00Z","updated":"2025-06-06T09:00:00Z","full_training":true,"retraining":true}`,
		`{"version":1,"Stage":"training","started":"2025-01-06T09:00:00Z","ramp_ends":"2025-06-05T09:00:00Z","since":"2025-01-06T09:00:00Z","updated":"2025-01-06T09:00:00Z"}`,
		`{"version":1,"stage":"training","stage":"training","started":"2025-01-06T09:00:00Z","ramp_ends":"2025-06-05T09:00:00Z","since":"2025-01-06T09:00:00Z","updated":"2025-01-06T09:00:00Z"}`,
		// Late in 9999: an event a month on would fall in year 10000.
		`{"version":1,"stage":"coaching","started":"9999-01-06T09:00:00Z","ramp_ends":"9999-06-05T09:00:00Z","since":"9999-07-01T09:00:00Z","updated":"9999-12-15T09:00:00Z","periods_below_standard":0,"failed_cycles":0,"extensions":0,"cause":"none","exited_by":"none"}`,
		`{"version":1,"stage":"Coaching","cause":"Constraints"}`,
		`{"version":1,"stage":"training","failed_cycles":9223372036854775807}`,
		`null`, `{}`, `[]`, `"training"`, `{"version":1,"stage":"training"}{}`,
		// Versions: missing, later, not a number.
		`{"stage":"unstarted"}`, `{"version":2,"stage":"unstarted","mood":"ok"}`, `{"version":"1","stage":"unstarted"}`,
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
		if s, ok := j.Signals(); ok != j.stage.active() || ok && Misdirected(j.stage.Help(), s) {
			t.Fatalf("Unmarshal(%q): Signals() = %+v, %v for a journey in %v", data, s, ok, j.stage)
		}
		out, err := json.Marshal(j)
		if err != nil {
			t.Fatalf("Marshal after Unmarshal(%q): %v", data, err)
		}
		var back Journey
		if err := json.Unmarshal(out, &back); err != nil || !sameJourney(back, j) {
			t.Fatalf("round trip of %s = %v, %v", out, back, err)
		}
		for k := TrainingCompleted; k <= CycleStarted; k++ {
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
		// Keys in another case, or given twice.
		`{"Kind":"cycle-started","at":"2025-07-25T09:00:00Z"}`,
		`{"kind":"cycle-started","at":"2025-07-25T09:00:00Z","at":"2025-07-26T09:00:00Z"}`,
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
		{InReview, Coaching}, {Exited, NoHelp}, {Stage(-1), NoHelp}, {Stage(40), NoHelp},
	}
	for _, tt := range tests {
		t.Run(tt.s.String(), func(t *testing.T) {
			if got := tt.s.Help(); got != tt.want {
				t.Errorf("Stage(%d).Help() = %v, want %v", int(tt.s), got, tt.want)
			}
		})
	}
}

func TestJourneySignals(t *testing.T) {
	coaching := []Event{ev(TrainingCompleted, 45), ev(MentoringCompleted, 135)}
	ready := join(coaching, []Event{ev(PeriodMissed, 160), ev(PeriodMissed, 190)}, cycle(136, 200))
	retrained := join(coaching, []Event{ev(KnowledgeGapFound, 140), ev(TrainingCompleted, 141),
		ev(PeriodMissed, 160), ev(PeriodMissed, 190)}, cycle(143, 210))
	know := Signals{KnowsWhat: true, KnowsHow: true}
	tests := []struct {
		name string
		j    Journey
		want Signals
		ok   bool
	}{
		{"unstarted", Journey{}, Signals{}, false},
		{"training", build(t), Signals{MeetsStandard: true}, true},
		{"mentoring", build(t, coaching[:1]...), Signals{KnowsWhat: true, MeetsStandard: true}, true},
		{"coaching", build(t, coaching...), Signals{KnowsWhat: true, KnowsHow: true, MeetsStandard: true}, true},
		{"coaching, below standard", build(t, ready...), know, true},
		{"re-training past the ramp, below standard", build(t, join(ready, []Event{ev(KnowledgeGapFound, 201)})...), Signals{}, true},
		{"review for thinking", build(t, join(ready, []Event{{Kind: ReviewStarted, At: day(201), Cause: IncorrectThinking}})...),
			Signals{KnowsWhat: true, KnowsHow: true, Barrier: IncorrectThinking}, true},
		// Before, nothing gave the signals of a rep on a plan, and the
		// manager's DontKnow sent Prescribe to Training: the plan's
		// coaching read as misdirected.
		{"review for skill, after re-training", build(t, join(retrained, []Event{{Kind: ReviewStarted, At: day(211), Cause: DontKnow}})...), know, true},
		{"review, a period met", build(t, join(ready, []Event{{Kind: ReviewStarted, At: day(201), Cause: IncorrectThinking}, ev(PeriodMet, 230)})...),
			Signals{KnowsWhat: true, KnowsHow: true, MeetsStandard: true, Barrier: IncorrectThinking}, true},
		{"exited", build(t, ev(Departed, 3)), Signals{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.j.Signals()
			if got != tt.want || ok != tt.ok {
				t.Errorf("Signals() = %+v, %v, want %+v, %v", got, ok, tt.want, tt.ok)
			}
			if ok && Misdirected(tt.j.Stage().Help(), got) {
				t.Errorf("Misdirected(%v, %+v) = true, want false", tt.j.Stage().Help(), got)
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
		{"review", build(t, join([]Event{ev(TrainingCompleted, 45), ev(MentoringCompleted, 135), ev(PeriodMissed, 160), ev(PeriodMissed, 190)},
			cycle(136, 200), []Event{{Kind: ReviewStarted, At: day(201), Cause: IncorrectThinking}, ev(ReviewExtended, 230)})...),
			"review since 2025-07-26T09:00:00Z, 2 periods below standard, 1 failed coaching cycle, cause incorrect-thinking, 1 extension"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.j.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
		})
	}
}
