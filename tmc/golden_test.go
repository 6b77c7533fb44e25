package tmc

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/salesdev/salesdev/internal/golden"
)

// goldenJourneys are journeys in representative states, from Start and
// Apply: every field of the stored form is set in at least one of them.
func goldenJourneys(t *testing.T) map[string]Journey {
	coaching := []Event{ev(TrainingCompleted, 45), ev(MentoringCompleted, 135)}
	ready := join(coaching, []Event{ev(PeriodMissed, 160), ev(PeriodMissed, 190)}, cycle(136, 200))
	retrained := join(coaching, []Event{ev(KnowledgeGapFound, 140), ev(TrainingCompleted, 141),
		ev(PeriodMissed, 160), ev(PeriodMissed, 190)}, cycle(143, 210))
	berlin := time.FixedZone("CET", 3600)
	cut, err := Start(time.Date(2025, time.March, 3, 9, 0, 0, 0, berlin), Ramp{TrainingDays: 30, MentoringDays: 60, RampDays: 120},
		&ReviewRules{MinPeriodsBelow: 3, MinCycleDays: 45})
	if err != nil {
		t.Fatal(err)
	}
	if cut, err = cut.Apply(Event{Kind: TrainingCompleted, At: time.Date(2025, time.March, 20, 9, 0, 0, 0, berlin)}); err != nil {
		t.Fatal(err)
	}
	return map[string]Journey{
		"unstarted": {},
		"training":  build(t),
		// Training cut short, in another zone, with a team's own rules.
		"mentoring-cut-short": cut,
		// Coaching with a cycle open and periods below standard.
		"coaching-cycle-open": build(t, join(coaching, []Event{ev(PeriodMissed, 160), ev(CycleStarted, 170)})...),
		// Re-training under way after a gap found in coaching.
		"retraining": build(t, join(coaching, []Event{ev(KnowledgeGapFound, 140)})...),
		"review-will": build(t, join(ready, []Event{{Kind: ReviewStarted, At: day(201), Cause: IncorrectThinking},
			ev(ReviewExtended, 230)})...),
		"review-skill-after-retraining": build(t, join(retrained, []Event{{Kind: ReviewStarted, At: day(211), Cause: DontKnow}})...),
		"exited-review-failed": build(t, join(ready, []Event{{Kind: ReviewStarted, At: day(201), Cause: IncorrectThinking},
			ev(ReviewFailed, 260)})...),
		"exited-departed": build(t, join(coaching, []Event{ev(Departed, 150)})...),
	}
}

// TestJourneyGolden pins the JSON of a stored Journey: a renamed or removed
// field, or a changed encoding, shows here. Run go test -update after an
// intended change, and raise journeyVersion when a field is renamed,
// removed or changes meaning. The golden file is also read back: journeys
// stored in this version keep loading, to the same state.
func TestJourneyGolden(t *testing.T) {
	js := goldenJourneys(t)
	checkGolden(t, "journey", js, func(data []byte) (any, error) {
		var back map[string]Journey
		err := json.Unmarshal(data, &back)
		return back, err
	}, func(got any) {
		back := got.(map[string]Journey)
		if len(back) != len(js) {
			t.Errorf("read back %d journeys, want %d", len(back), len(js))
		}
		for name, j := range js {
			if !sameJourney(back[name], j) {
				t.Errorf("journey %q read back as %v, want %v", name, back[name], j)
			}
		}
	})
}

// TestEventGolden pins the JSON of the events a plugin keeps in its log.
// Events carry no version of their own: they are stored inside the
// plugin's documents (an event log, a team file), and the document that
// holds them carries it.
func TestEventGolden(t *testing.T) {
	events := []Event{
		{Kind: TrainingCompleted, At: day(45)},
		{Kind: KnowledgeGapFound, At: time.Date(2025, time.June, 2, 15, 30, 0, 0, time.FixedZone("", -5*3600))},
		{Kind: ReviewStarted, At: day(201), Cause: DontKnow},
		{Kind: CycleStarted, At: day(136)},
	}
	checkGolden(t, "event", events, func(data []byte) (any, error) {
		var back []Event
		err := json.Unmarshal(data, &back)
		return back, err
	}, func(got any) {
		if diff := cmp.Diff(events, got.([]Event), cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
			t.Errorf("events read back (-want +got):\n%s", diff)
		}
	})
}

// TestSessionGolden pins the JSON of 1:1 sessions, which a plugin keeps in
// its log like events, without a version of their own.
func TestSessionGolden(t *testing.T) {
	sessions := []Session{
		{Rep: "dana", At: day(60), Minutes: 90, Topics: []Topic{Observation, BlockageExploration, ResultsReview}, By: "max", Role: Manager},
		{Rep: "dana", At: day(67), Minutes: 45, Topics: []Topic{PeerInsight}, By: "ana", Role: Mentor},
		{Rep: "eli", At: day(68), Minutes: 30, Topics: []Topic{KnowledgeTransfer}, By: "tess", Role: Trainer},
		// A CRM that records neither giver nor role.
		{Rep: "eli", At: day(70), Minutes: 20, Topics: []Topic{TargetSetting, KPIAssignment}},
	}
	checkGolden(t, "session", sessions, func(data []byte) (any, error) {
		var back []Session
		err := json.Unmarshal(data, &back)
		return back, err
	}, func(got any) {
		if diff := cmp.Diff(sessions, got.([]Session), cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
			t.Errorf("sessions read back (-want +got):\n%s", diff)
		}
	})
}

// checkGolden compares the indented JSON of v with testdata/<name>.golden.json,
// or rewrites the file under -update; then it reads the golden file back
// with read and checks the value with check, so that what was stored keeps
// loading.
func checkGolden(t *testing.T, name string, v any, read func([]byte) (any, error), check func(any)) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden.json")
	want := golden.JSON(t, path, v)
	got, err := read(want)
	if err != nil {
		t.Fatalf("reading %s back: %v", path, err)
	}
	if reflect.ValueOf(got).Len() == 0 {
		t.Fatalf("reading %s back gave nothing", path)
	}
	check(got)
}
