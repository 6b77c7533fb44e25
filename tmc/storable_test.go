package tmc

import (
	"encoding/json"
	"errors"
	"math"
	"testing"
	"time"
)

// TestStartStorable checks that Start refuses a start whose journey could
// not be stored: JSON times have years 0 to 9999 and zone offsets under a
// day. Before, Start accepted them and MarshalJSON failed later.
func TestStartStorable(t *testing.T) {
	ninety := Ramp{TrainingDays: 30, MentoringDays: 60, RampDays: 90}
	tests := []struct {
		name  string
		start time.Time
		r     Ramp
		want  error
	}{
		{"ordinary", t0, ninety, nil},
		{"ramp ends on the last day of 9999", time.Date(9999, time.October, 2, 0, 0, 0, 0, time.UTC), ninety, nil},
		{"ramp ends in year 10000", time.Date(9999, time.December, 1, 0, 0, 0, 0, time.UTC), ninety, ErrOutOfRange},
		{"the longest ramp past 9999", time.Date(9990, time.January, 1, 0, 0, 0, 0, time.UTC), Ramp{RampDays: MaxDays}, ErrOutOfRange},
		{"start in year 10000", time.Date(10000, time.January, 1, 0, 0, 0, 0, time.UTC), Ramp{}, ErrOutOfRange},
		{"start before year 0", time.Date(-1, time.December, 31, 0, 0, 0, 0, time.UTC), Ramp{}, ErrOutOfRange},
		{"start in year 0", time.Date(0, time.January, 1, 0, 0, 0, 0, time.UTC), ninety, nil},
		{"zone offset of a day", time.Date(2025, time.January, 6, 0, 0, 0, 0, time.FixedZone("", 24*3600)), ninety, ErrOutOfRange},
		// RFC 3339 writes +00:00 for an offset of 55 seconds: the journey
		// would read back 55 seconds off.
		{"zone offset with seconds", time.Date(2025, time.January, 6, 0, 0, 0, 0, time.FixedZone("", 55)), ninety, ErrOutOfRange},
		{"zone offset in minutes", time.Date(2025, time.January, 6, 0, 0, 0, 0, time.FixedZone("", (5*60+45)*60)), ninety, nil},
		{"Unix time at the limit", time.Unix(math.MaxInt64/2, 0), Ramp{}, ErrOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j, err := Start(tt.start, tt.r, nil)
			if !errors.Is(err, tt.want) || (err == nil) != (tt.want == nil) {
				t.Fatalf("Start(%v, %+v) = %v, %v, want error %v", tt.start, tt.r, j, err, tt.want)
			}
			if err != nil {
				var ie *InputError
				if !errors.As(err, &ie) || ie.Func != "Start" || j != (Journey{}) {
					t.Errorf("Start error = %v (%T) with %v, want an *InputError from Start and the zero Journey", err, err, j)
				}
				return
			}
			b, err := json.Marshal(j)
			if err != nil {
				t.Fatalf("json.Marshal(Start(%v)) error = %v", tt.start, err)
			}
			var back Journey
			if err := json.Unmarshal(b, &back); err != nil || !sameJourney(back, j) {
				t.Errorf("round trip of %s = %v, %v", b, back, err)
			}
		})
	}
}

// TestApplyStorable checks that Apply refuses an event whose time the
// journey could not store, leaving the journey unchanged and storable.
func TestApplyStorable(t *testing.T) {
	j, err := Start(time.Date(9999, time.June, 1, 0, 0, 0, 0, time.UTC), Ramp{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, at := range []time.Time{
		time.Date(10000, time.January, 1, 0, 0, 0, 0, time.UTC),
		time.Date(9999, time.December, 31, 23, 0, 0, 0, time.UTC).In(time.FixedZone("", 2*3600)), // 10000-01-01 01:00 locally
		time.Date(9999, time.July, 1, 0, 0, 0, 0, time.FixedZone("", 30*3600)),
		time.Date(9999, time.July, 1, 0, 0, 0, 0, time.FixedZone("", 19*60+32)), // Amsterdam's local mean time
	} {
		e := Event{Kind: TrainingCompleted, At: at}
		got, err := j.Apply(e)
		var ee *EventError
		if !errors.Is(err, ErrInvalidEvent) || !errors.As(err, &ee) {
			t.Errorf("Apply(event at %v) = %v, %v, want an *EventError wrapping ErrInvalidEvent", at, got, err)
			continue
		}
		if !sameJourney(got, j) {
			t.Errorf("Apply(event at %v) refused but returned %v, want %v", at, got, j)
		}
		if _, err := json.Marshal(got); err != nil {
			t.Errorf("json.Marshal(%v) after a refused event: %v", got, err)
		}
	}
	// The last instant of 9999 is storable.
	last := time.Date(9999, time.December, 31, 23, 59, 59, 999999999, time.UTC)
	got, err := j.Apply(Event{Kind: TrainingCompleted, At: last})
	if err != nil {
		t.Fatalf("Apply(event at %v) error = %v", last, err)
	}
	if _, err := json.Marshal(got); err != nil {
		t.Errorf("json.Marshal(%v) error = %v", got, err)
	}
}

// FuzzJourney starts a journey at any time and applies any event: no
// panic, and every journey accepted marshals to JSON and reads back the
// same.
func FuzzJourney(f *testing.F) {
	// Seed corpus: start as Unix seconds, zone offset in seconds, ramp
	// days, then an event's kind, its time as seconds after the start, and
	// the event's zone offset.
	f.Add(int64(1736154000), 0, 150, int(TrainingCompleted), int64(45*86400), 0)    // an ordinary start
	f.Add(int64(253399622400), 0, 90, int(TrainingCompleted), int64(86400), 0)      // 1 December 9999: ramp ends in 10000
	f.Add(int64(253370764800), 0, 0, int(Departed), int64(400*86400), 0)            // 1 January 9999, departing in 10000
	f.Add(int64(1736154000), 24*3600, 0, int(PeriodMet), int64(0), 0)               // an offset JSON cannot write
	f.Add(int64(1736154000), 0, 0, int(PeriodMet), int64(86400), -25*3600)          // an event in such an offset
	f.Add(int64(-62167219200), 0, 0, int(PeriodMissed), int64(0), 0)                // 1 January year 0
	f.Add(int64(math.MaxInt64), 0, MaxDays, int(Departed), int64(math.MaxInt64), 0) // far beyond
	f.Add(int64(253370764800), 55, 0, int(ReviewExtended), int64(34560000), 0)      // an offset with seconds, which JSON rounds away
	f.Add(int64(1736154000), 0, 0, int(PeriodMet), int64(86400), 62)                // an event in such an offset
	f.Fuzz(func(t *testing.T, startUnix int64, offset, rampDays, kind int, after int64, eventOffset int) {
		start := time.Unix(startUnix, 0).In(time.FixedZone("", offset))
		j, err := Start(start, Ramp{RampDays: rampDays}, nil)
		if err != nil {
			if !errors.Is(err, ErrOutOfRange) && !errors.Is(err, ErrNegative) && !errors.Is(err, ErrEmpty) {
				t.Fatalf("Start(%v, %d days) error %v wraps no documented sentinel", start, rampDays, err)
			}
			return
		}
		roundTrip(t, j)
		at := time.Unix(startUnix, 0).Add(time.Duration(after)).In(time.FixedZone("", eventOffset))
		next, err := j.Apply(Event{Kind: EventKind(kind), At: at})
		if err != nil {
			if !sameJourney(next, j) {
				t.Fatalf("Apply refused (%v) but changed the journey", err)
			}
			return
		}
		roundTrip(t, next)
	})
}

// roundTrip fails t unless j marshals to JSON and reads back the same.
func roundTrip(t *testing.T, j Journey) {
	t.Helper()
	b, err := json.Marshal(j)
	if err != nil {
		t.Fatalf("json.Marshal(%v) error = %v", j, err)
	}
	var back Journey
	if err := json.Unmarshal(b, &back); err != nil || !sameJourney(back, j) {
		t.Fatalf("round trip of %s = %v, %v", b, back, err)
	}
}

// TestErrorFormats pins the formats the Error methods document.
func TestErrorFormats(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"InputError", &InputError{Func: "Plan", Arg: "salesCycleDays = -3", Err: ErrNegative}, "tmc: Plan: salesCycleDays = -3: negative"},
		{"EventError", &EventError{Event: Event{Kind: ReviewStarted, At: time.Date(2025, time.July, 25, 9, 0, 0, 0, time.UTC)}, Stage: InCoaching,
			Detail: "1 period below standard past the ramp, need 2", Err: ErrNotBelowStandard},
			"tmc: review-started at 2025-07-25T09:00:00Z in coaching: rule below standard: a performance plan needs enough consecutive periods below standard (1 period below standard past the ramp, need 2)"},
		{"EventError without time or detail", &EventError{Event: Event{Kind: TrainingCompleted}, Stage: InTraining, Err: ErrInvalidEvent},
			"tmc: training-completed in training: " + ErrInvalidEvent.Error()},
		{"NoMentorError", &NoMentorError{Competency: "close", Reps: []string{"ana", "ben"}}, `tmc: competency "close": no mentor available for "ana", "ben"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
		})
	}
}
