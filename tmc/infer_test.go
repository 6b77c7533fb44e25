package tmc

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// moderate is a 45-day training stage, 90 days of mentoring and a 150-day
// ramp.
var moderate = Ramp{Complexity: Moderate, SalesCycleDays: 90, TrainingDays: 45, MentoringDays: 90, RampDays: 150}

func TestInfer(t *testing.T) {
	stated := &Signals{KnowsWhat: true, KnowsHow: false, MeetsStandard: true}
	tests := []struct {
		name  string
		e     Evidence
		want  Signals
		help  Help
		basis []string // substrings of the basis
	}{
		{"training stage", Evidence{Ramp: moderate, Started: t0, AsOf: day(10), Below: true},
			Signals{MeetsStandard: false}, Training, []string{"started 2025-01-06", "day 11", "training stage", "inside the ramp", "expected"}},
		{"mentoring stage", Evidence{Ramp: moderate, Started: t0, AsOf: day(45)},
			Signals{KnowsWhat: true, MeetsStandard: true}, Mentoring, []string{"mentoring stage", "meets the standard"}},
		{"coached while ramping", Evidence{Ramp: moderate, Started: t0, AsOf: day(140), Below: true},
			Signals{KnowsWhat: true, KnowsHow: true}, Coaching, []string{"already knows what to do and how", "inside the ramp"}},
		{"past the ramp, below", Evidence{Ramp: moderate, Started: t0, AsOf: day(400), Below: true},
			Signals{KnowsWhat: true, KnowsHow: true}, Coaching, []string{"separates the rep below"}},
		{"past the ramp, indistinguishable from the standard", Evidence{Ramp: moderate, Started: t0, AsOf: day(400)},
			Signals{KnowsWhat: true, KnowsHow: true, MeetsStandard: true}, Coaching, []string{"does not separate"}},
		{"first seen stands in", Evidence{Ramp: moderate, FirstSeen: day(300), AsOf: day(310)},
			Signals{MeetsStandard: true}, Training, []string{"no start date; first seen in the data 2025-11-02", "training stage"}},
		{"start date wins over first seen", Evidence{Ramp: moderate, Started: t0, FirstSeen: day(300), AsOf: day(310)},
			Signals{KnowsWhat: true, KnowsHow: true, MeetsStandard: true}, Coaching, []string{"started 2025-01-06"}},
		{"no start at all", Evidence{Ramp: moderate, AsOf: day(10), Below: true},
			Signals{KnowsWhat: true, KnowsHow: true}, Coaching, []string{"assumed past the ramp"}},
		{"open knowledge gap", Evidence{Ramp: moderate, Started: t0, AsOf: day(400), Below: true,
			Events: []Event{ev(KnowledgeGapFound, 380)}}, Signals{}, Training, []string{"knowledge gap found on 2026-01-21", "re-training"}},
		{"gap closed by re-training", Evidence{Ramp: moderate, Started: t0, AsOf: day(400), Below: true,
			Events: []Event{ev(TrainingCompleted, 390), ev(KnowledgeGapFound, 380)}}, Signals{KnowsWhat: true, KnowsHow: true}, Coaching, nil},
		{"the ramp's own training does not close a later gap", Evidence{Ramp: moderate, Started: t0, AsOf: day(400), Below: true,
			Events: []Event{ev(TrainingCompleted, 45), ev(KnowledgeGapFound, 380)}}, Signals{}, Training, []string{"re-training"}},
		{"a later gap reopens", Evidence{Ramp: moderate, Started: t0, AsOf: day(400), Below: true,
			Events: []Event{ev(KnowledgeGapFound, 300), ev(TrainingCompleted, 320), ev(KnowledgeGapFound, 390)}}, Signals{}, Training, nil},
		// A gap dated inside the initial training stage is no re-training.
		{"a gap inside the training stage", Evidence{Ramp: moderate, Started: t0, AsOf: day(20),
			Events: []Event{ev(KnowledgeGapFound, 10)}}, Signals{MeetsStandard: true}, Training, []string{"knowledge gap found on 2025-01-16, inside the ramp's training stage, is no re-training"}},
		{"a gap inside the training stage does not outlast it", Evidence{Ramp: moderate, Started: t0, AsOf: day(50),
			Events: []Event{ev(KnowledgeGapFound, 10)}}, Signals{KnowsWhat: true, MeetsStandard: true}, Mentoring, []string{"no re-training"}},
		// The basis gives the gap's date and says what ends re-training.
		{"an open gap says what ends it", Evidence{Ramp: moderate, Started: t0, AsOf: day(400),
			Events: []Event{ev(KnowledgeGapFound, 380)}}, Signals{MeetsStandard: true}, Training,
			[]string{"2026-01-21", "record training-completed when re-training ends"}},
		{"without a start date every gap counts", Evidence{Ramp: moderate, AsOf: day(20),
			Events: []Event{ev(KnowledgeGapFound, 10)}}, Signals{MeetsStandard: true}, Training, []string{"re-training"}},
		// After re-training the ramp decides again: back to the stage the
		// gap was found in.
		{"re-trained after a gap in mentoring", Evidence{Ramp: moderate, Started: t0, AsOf: day(80),
			Events: []Event{ev(TrainingCompleted, 45), ev(KnowledgeGapFound, 60), ev(TrainingCompleted, 70)}},
			Signals{KnowsWhat: true, MeetsStandard: true}, Mentoring, []string{"closed by training completed on 2025-03-17: re-trained"}},
		{"re-trained after a gap in coaching", Evidence{Ramp: moderate, Started: t0, AsOf: day(400), Below: true,
			Events: []Event{ev(KnowledgeGapFound, 380), ev(TrainingCompleted, 395)}}, Signals{KnowsWhat: true, KnowsHow: true}, Coaching, nil},
		// Events at the same instant are read in the order given, as the
		// journey takes them.
		{"re-trained in the instant of the gap", Evidence{Ramp: moderate, Started: t0, AsOf: day(400), Below: true,
			Events: []Event{ev(KnowledgeGapFound, 380), ev(TrainingCompleted, 380)}}, Signals{KnowsWhat: true, KnowsHow: true}, Coaching, nil},
		{"a gap in the instant training completed", Evidence{Ramp: moderate, Started: t0, AsOf: day(400), Below: true,
			Events: []Event{ev(TrainingCompleted, 380), ev(KnowledgeGapFound, 380)}}, Signals{}, Training, []string{"re-training"}},
		{"a gap after as-of has not happened", Evidence{Ramp: moderate, Started: t0, AsOf: day(400), Below: true,
			Events: []Event{ev(KnowledgeGapFound, 401)}}, Signals{KnowsWhat: true, KnowsHow: true}, Coaching, nil},
		{"stated barrier on inferred signals", Evidence{Ramp: moderate, Started: t0, AsOf: day(400), Below: true, Barrier: Constraints},
			Signals{KnowsWhat: true, KnowsHow: true, Barrier: Constraints}, Management, []string{"barrier constraints identified by the manager"}},
		{"stated signals win whole", Evidence{Ramp: moderate, Started: t0, AsOf: day(400), Below: true, Stated: stated},
			*stated, Mentoring, []string{"stated by the manager"}},
		{"stated barrier fills stated signals", Evidence{Ramp: moderate, AsOf: day(400), Stated: stated, Barrier: IncorrectThinking},
			Signals{KnowsWhat: true, MeetsStandard: true, Barrier: IncorrectThinking}, Mentoring, []string{"barrier incorrect-thinking"}},
		{"stated signals keep their own barrier", Evidence{Ramp: moderate, AsOf: day(400), Stated: &Signals{Barrier: DontKnow}, Barrier: Constraints},
			Signals{Barrier: DontKnow}, Training, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Infer(tt.e)
			if err != nil {
				t.Fatalf("Infer() error %v", err)
			}
			if got.Signals != tt.want {
				t.Errorf("Infer().Signals = %+v, want %+v", got.Signals, tt.want)
			}
			if got.Stated != (tt.e.Stated != nil) {
				t.Errorf("Infer().Stated = %v, want %v", got.Stated, tt.e.Stated != nil)
			}
			if h := Prescribe(got.Signals).Help; h != tt.help {
				t.Errorf("Prescribe(Infer().Signals) = %v, want %v", h, tt.help)
			}
			for _, b := range tt.basis {
				if !strings.Contains(got.Basis, b) {
					t.Errorf("Infer().Basis = %q, want it to contain %q", got.Basis, b)
				}
			}
		})
	}
}

func TestInferErrors(t *testing.T) {
	tests := []struct {
		name string
		e    Evidence
		want error
	}{
		{"invalid ramp", Evidence{Ramp: Ramp{TrainingDays: -1}, AsOf: day(1)}, ErrNegative},
		{"ramp shorter than its stages", Evidence{Ramp: Ramp{TrainingDays: 10, RampDays: 5}, AsOf: day(1)}, ErrOutOfRange},
		{"zero as-of", Evidence{Ramp: moderate, Started: t0}, ErrEmpty},
		{"unknown barrier", Evidence{Ramp: moderate, AsOf: day(1), Barrier: 9}, ErrInvalidEnum},
		{"unknown stated barrier", Evidence{Ramp: moderate, AsOf: day(1), Stated: &Signals{Barrier: -1}}, ErrInvalidEnum},
		{"unknown event kind", Evidence{Ramp: moderate, AsOf: day(1), Events: []Event{{Kind: 99, At: day(1)}}}, ErrInvalidEnum},
		{"no event kind", Evidence{Ramp: moderate, AsOf: day(1), Events: []Event{{At: day(1)}}}, ErrInvalidEnum},
		{"event without a time", Evidence{Ramp: moderate, AsOf: day(1), Events: []Event{{Kind: KnowledgeGapFound}}}, ErrEmpty},
		{"as-of before the start", Evidence{Ramp: moderate, Started: day(10), AsOf: day(1)}, ErrTimeOrder},
		{"as-of before first seen", Evidence{Ramp: moderate, FirstSeen: day(10), AsOf: day(1)}, ErrTimeOrder},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Infer(tt.e)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Infer() = %+v, %v, want %v", got, err, tt.want)
			}
			var ie *InputError
			if !errors.As(err, &ie) || !strings.HasPrefix(err.Error(), "tmc: ") {
				t.Errorf("Infer() error %v (%T), want a tmc *InputError", err, err)
			}
		})
	}
}

// genEvidence draws evidence about a rep on a ramp: a start date or not,
// a first day seen or not, events of every kind, statements or not.
func genEvidence(t *rapid.T) Evidence {
	td := rapid.IntRange(0, 90).Draw(t, "trainingDays")
	md := rapid.IntRange(0, 120).Draw(t, "mentoringDays")
	r := Ramp{TrainingDays: td, MentoringDays: md, RampDays: td + md + rapid.IntRange(0, 120).Draw(t, "extra")}
	e := Evidence{Ramp: r, AsOf: day(rapid.IntRange(0, 800).Draw(t, "asOf")), Below: rapid.Bool().Draw(t, "below")}
	if rapid.Bool().Draw(t, "started") {
		e.Started = day(rapid.IntRange(-400, 0).Draw(t, "start")).Add(e.AsOf.Sub(t0))
	}
	if rapid.Bool().Draw(t, "firstSeen") {
		e.FirstSeen = day(rapid.IntRange(-400, 0).Draw(t, "firstSeenDay")).Add(e.AsOf.Sub(t0))
	}
	for range rapid.IntRange(0, 5).Draw(t, "events") {
		e.Events = append(e.Events, Event{
			Kind: EventKind(rapid.IntRange(1, int(CycleStarted)).Draw(t, "kind")),
			At:   day(rapid.IntRange(0, 820).Draw(t, "at")),
		})
	}
	if rapid.IntRange(0, 3).Draw(t, "stated?") == 0 {
		e.Stated = &Signals{KnowsWhat: rapid.Bool().Draw(t, "what"), KnowsHow: rapid.Bool().Draw(t, "how"),
			MeetsStandard: rapid.Bool().Draw(t, "meets"), Barrier: Barrier(rapid.IntRange(0, 4).Draw(t, "statedBarrier"))}
	}
	e.Barrier = Barrier(rapid.IntRange(0, 4).Draw(t, "barrier"))
	return e
}

func TestInferProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		e := genEvidence(t)
		inf, err := Infer(e)
		if err != nil {
			t.Fatalf("Infer(%+v): %v", e, err)
		}
		if inf.Basis == "" {
			t.Fatalf("Infer(%+v) has no basis", e)
		}
		// Never contradicts what the manager stated.
		if e.Stated != nil {
			want := *e.Stated
			if want.Barrier == NoBarrier {
				want.Barrier = e.Barrier
			}
			if inf.Signals != want || !inf.Stated {
				t.Fatalf("Infer with stated %+v, barrier %v = %+v, want %+v", *e.Stated, e.Barrier, inf, want)
			}
		} else {
			if inf.Signals.Barrier != e.Barrier || inf.Stated {
				t.Fatalf("Infer with barrier %v = %+v, want the barrier on the signals", e.Barrier, inf)
			}
			if inf.Signals.MeetsStandard == e.Below {
				t.Fatalf("Infer(below %v).MeetsStandard = %v", e.Below, inf.Signals.MeetsStandard)
			}
		}
		// Past the ramp without a recorded knowledge gap, a rep is never
		// sent back to training or mentoring by inference.
		start := e.Started
		if start.IsZero() {
			start = e.FirstSeen
		}
		past := start.IsZero() || !e.AsOf.Before(e.Ramp.FullProductivity(start))
		gapAt, closed, found := lastGap(e.Events, e.AsOf)
		gap := found && closed.IsZero() && (start.IsZero() || !gapAt.Before(e.Ramp.TrainingEnds(start)))
		if e.Stated == nil && e.Barrier != DontKnow && past && !gap {
			if h := Prescribe(inf.Signals).Help; h == Training || h == Mentoring {
				t.Fatalf("Infer(%+v) = %+v: %v for a rep past the ramp without a knowledge gap", e, inf, h)
			}
		}
		if _, err := json.Marshal(inf); err != nil {
			t.Fatalf("Marshal(%+v): %v", inf, err)
		}
	})
}

// FuzzInfer decodes evidence from JSON and infers: no panic, and an error
// or signals that agree with what was stated.
func FuzzInfer(f *testing.F) {
	// Seed corpus: a rep in each stage, one without a start date, one with
	// an open knowledge gap, stated signals, and bad input.
	for _, s := range []string{
		`{"ramp":{"training_days":45,"mentoring_days":90,"ramp_days":150},"started":"2025-01-06T00:00:00Z","as_of":"2025-01-20T00:00:00Z","below":true}`,
		`{"ramp":{"training_days":45,"mentoring_days":90,"ramp_days":150},"first_seen":"2025-01-06T00:00:00Z","as_of":"2025-03-20T00:00:00Z"}`,
		`{"ramp":{"training_days":45,"mentoring_days":90,"ramp_days":150},"as_of":"2026-03-20T00:00:00Z","below":true,"barrier":"constraints"}`,
		`{"ramp":{},"started":"2025-01-06T00:00:00Z","as_of":"2026-01-20T00:00:00Z","below":true,"events":[{"kind":"knowledge-gap-found","at":"2026-01-01T00:00:00Z"}]}`,
		`{"ramp":{},"as_of":"2026-01-20T00:00:00Z","stated":{"knows_what":true,"barrier":"none"},"barrier":"incorrect-thinking"}`,
		`{"ramp":{"training_days":-1},"as_of":"2026-01-20T00:00:00Z"}`,
		`{"ramp":{},"started":"2027-01-06T00:00:00Z","as_of":"2026-01-20T00:00:00Z"}`,
		`{}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var e Evidence
		if json.Unmarshal(data, &e) != nil {
			return
		}
		inf, err := Infer(e)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("Infer error %v (%T), want an *InputError", err, err)
			}
			return
		}
		if e.Stated != nil && (inf.Signals.KnowsWhat != e.Stated.KnowsWhat || inf.Signals.KnowsHow != e.Stated.KnowsHow ||
			inf.Signals.MeetsStandard != e.Stated.MeetsStandard) {
			t.Fatalf("Infer(%s) = %+v contradicts the stated %+v", data, inf, *e.Stated)
		}
		if e.Stated == nil && inf.Signals.Barrier != e.Barrier {
			t.Fatalf("Infer(%s) = %+v drops the barrier %v", data, inf, e.Barrier)
		}
		if inf.Basis == "" || inf.Signals.Validate() != nil {
			t.Fatalf("Infer(%s) = %+v", data, inf)
		}
	})
}

// Infer and a Journey given the same start, ramp and events prescribe the
// help the journey gives, whenever the journey is in Training, Mentoring
// or Coaching, nothing is stated, and the journey keeps to the ramp's
// dates: after each of its events and at as-of, its stage (during a
// re-training, the stage the gap was found in) is the ramp's planned one.
// Off those dates they may differ, as Infer's doc lists.
func TestInferAgreesWithJourney(t *testing.T) {
	checked, retraining := 0, 0
	rapid.Check(t, func(t *rapid.T) {
		td := rapid.IntRange(0, 40).Draw(t, "trainingDays")
		md := rapid.IntRange(0, 40).Draw(t, "mentoringDays")
		r := Ramp{TrainingDays: td, MentoringDays: md, RampDays: td + md + rapid.IntRange(0, 60).Draw(t, "extra")}
		j, err := Start(t0, r, nil)
		if err != nil {
			t.Fatalf("Start: %v", err)
		}
		var events []Event
		onDates := true
		var gapIn Stage // the stage the open re-training's gap was found in
		// planned reports whether the journey's stage at at is the one
		// the ramp plans.
		planned := func(at time.Time) bool {
			s := j.Stage()
			if j.retraining {
				s = gapIn
			}
			return s.Help() == r.Expected(t0, at)
		}
		for range rapid.IntRange(1, 30).Draw(t, "steps") {
			if !j.Stage().active() {
				break
			}
			now := j.Updated()
			later := func(name string) time.Time { return now.AddDate(0, 0, rapid.IntRange(0, 40).Draw(t, name)) }
			var e Event
			switch rapid.IntRange(0, 6).Draw(t, "action") {
			case 0, 1, 2: // keep to the ramp's dates
				switch j.Stage() {
				case InTraining:
					e = Event{Kind: TrainingCompleted, At: later("retrained")}
					if !j.retraining {
						e.At = r.TrainingEnds(t0)
					}
				case InMentoring:
					e = Event{Kind: MentoringCompleted, At: r.MentoringEnds(t0)}
				default:
					e = Event{Kind: PeriodMet, At: later("met")}
				}
				if e.At.Before(now) {
					e.At = now
				}
			case 3:
				e = Event{Kind: KnowledgeGapFound, At: later("gap")}
			case 4:
				e = Event{Kind: TrainingCompleted, At: later("completed")}
			default:
				e = Event{Kind: EventKind(rapid.IntRange(1, int(CycleStarted)).Draw(t, "kind")), At: later("at")}
				if e.Kind == ReviewStarted {
					e.Cause = rapid.SampledFrom([]Barrier{DontKnow, IncorrectThinking}).Draw(t, "cause")
				}
			}
			from := j.Stage()
			next, err := j.Apply(e)
			if err != nil {
				continue
			}
			j = next
			events = append(events, e)
			if e.Kind == KnowledgeGapFound {
				gapIn = from
			}
			onDates = onDates && planned(e.At)

			asOf := j.Updated().AddDate(0, 0, rapid.IntRange(0, 30).Draw(t, "asOf"))
			s := j.Stage()
			if !onDates || !planned(asOf) || s != InTraining && s != InMentoring && s != InCoaching {
				continue
			}
			inf, err := Infer(Evidence{Ramp: r, Started: t0, AsOf: asOf, Below: rapid.Bool().Draw(t, "below"), Events: events})
			if err != nil {
				t.Fatalf("Infer: %v", err)
			}
			if got, want := Prescribe(inf.Signals).Help, s.Help(); got != want {
				t.Fatalf("journey %v at %v, events %v: Infer prescribes %v (%s), want %v", j, asOf, events, got, inf.Basis, want)
			}
			checked++
			if j.retraining {
				retraining++
			}
		}
	})
	t.Logf("compared %d journeys, %d in re-training", checked, retraining)
	// The property must not hold only because nothing was compared. Under
	// -short rapid runs fewer cases, too few to hold to these counts.
	if !testing.Short() && (checked < 200 || retraining < 20) {
		t.Errorf("compared %d journeys, %d in re-training; want at least 200 and 20", checked, retraining)
	}
}
