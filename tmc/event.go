package tmc

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/salesdev/salesdev/internal/jsontime"
)

// An EventKind is something that happens on a rep's journey. The zero
// value, NoEvent, is not an event; [Journey.Apply] refuses it.
type EventKind int

const (
	// NoEvent is not an event.
	NoEvent EventKind = iota
	// TrainingCompleted moves a rep from Training to Mentoring; after a
	// re-training, back to the stage the knowledge gap was found in (see
	// [Journey.Apply]). It is also what ends a re-training for [Infer].
	TrainingCompleted
	// MentoringCompleted moves a rep from Mentoring to Coaching.
	MentoringCompleted
	// KnowledgeGapFound sends a rep in Mentoring or Coaching back to
	// Training: a coaching session may reveal that re-training is needed.
	// The re-training lasts until a TrainingCompleted.
	// It clears the failed coaching cycles: after re-training the rep is
	// owed a fresh coaching cycle before any performance plan.
	KnowledgeGapFound
	// PeriodMet ends a performance period at or above standard, in any
	// stage on the journey; it ends a run of periods below standard.
	PeriodMet
	// PeriodMissed ends a performance period below standard, in any stage
	// on the journey. Only periods ending past the ramp count towards a
	// performance plan: below standard inside the ramp is expected.
	PeriodMissed
	// CycleImproved ends the coaching cycle CycleStarted began, the rep
	// having improved; it clears the failed coaching cycles.
	CycleImproved
	// CycleNotImproved ends the coaching cycle CycleStarted began, without
	// improvement. It counts as a failed cycle only when the cycle lasted
	// at least the journey's minimum cycle length.
	CycleNotImproved
	// ReviewStarted puts a coached rep on a performance plan. It is the one
	// event that carries a Cause, and the one with rules of its own: see
	// [Journey.Apply].
	ReviewStarted
	// ReviewPassed ends a performance plan in a pass: back to Coaching,
	// with a clean record.
	ReviewPassed
	// ReviewExtended extends a performance plan; the rep stays in Review.
	ReviewExtended
	// ReviewFailed ends a performance plan in an exit.
	ReviewFailed
	// Departed records a rep leaving, from any stage on the journey.
	Departed
	// CycleStarted starts a coaching cycle, in Coaching, so that the cycle
	// has a length: CycleImproved and CycleNotImproved end the cycle it
	// started, and a cycle ended without improvement counts towards a
	// performance plan only when it lasted the journey's minimum (see
	// [ReviewRules].MinCycleDays).
	CycleStarted
)

var eventNames = []string{
	"none",
	"training-completed",
	"mentoring-completed",
	"knowledge-gap-found",
	"period-met",
	"period-missed",
	"cycle-improved",
	"cycle-not-improved",
	"review-started",
	"review-passed",
	"review-extended",
	"review-failed",
	"departed",
	"cycle-started",
}

// String returns the event's name in kebab case, such as
// "training-completed", or "none" for NoEvent. An unknown value prints as a
// diagnostic such as "%!EventKind(99)".
func (k EventKind) String() string { return enumString("EventKind", eventNames, int(k)) }

// valid reports whether k is one of the declared values, NoEvent included.
func (k EventKind) valid() bool { return k >= NoEvent && k <= CycleStarted }

// MarshalText implements [encoding.TextMarshaler]. It returns an error for
// an unknown value rather than writing text that cannot be read back.
func (k EventKind) MarshalText() ([]byte, error) {
	return enumMarshal("EventKind", eventNames, int(k))
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts the
// output of [EventKind.String] in any case; other text is an
// [*InputError] wrapping [ErrInvalidEnum], and k is left unchanged.
func (k *EventKind) UnmarshalText(text []byte) error {
	i, err := enumParse("EventKind", eventNames, text)
	if err != nil {
		return err
	}
	*k = EventKind(i)
	return nil
}

// An Event is something that happened on a rep's journey at time At, the
// input to [Journey.Apply]. Cause is the diagnosed barrier behind a
// performance plan, set only on a ReviewStarted event.
type Event struct {
	// Kind is what happened.
	Kind EventKind `json:"kind"`
	// At is when it happened.
	At time.Time `json:"at"`
	// Cause is the diagnosed barrier behind a performance plan, set only
	// on a ReviewStarted event; NoBarrier otherwise.
	Cause Barrier `json:"cause"`
}

// check returns the reason e is malformed whatever the journey's state,
// or "".
func (e Event) check() string {
	switch {
	case e.Kind == NoEvent || !e.Kind.valid():
		return "kind " + e.Kind.String()
	case e.At.IsZero():
		return "zero time"
	case !jsontime.Storable(e.At):
		return "time " + e.At.Format(time.RFC3339) + unstorableReason
	case !e.Cause.valid():
		return "cause " + e.Cause.String()
	case e.Cause != NoBarrier && e.Kind != ReviewStarted:
		return "cause " + e.Cause.String() + " on " + e.Kind.String()
	}
	return ""
}

// UnmarshalJSON implements [json.Unmarshaler] strictly, for event logs
// kept in a CRM: unknown fields, a field given twice, a key in another case
// than its own ("Kind" for "kind"), unknown enum text and trailing data are
// errors, and so is an event [Journey.Apply] would refuse whatever the
// state (no kind, a zero time, a time JSON cannot write, a cause on an
// event other than ReviewStarted). On error e is left unchanged. JSON
// null leaves e unchanged, as [json.Unmarshal] does.
func (e *Event) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	type plain Event
	var p plain
	if err := strictDecode("Event.UnmarshalJSON", data, &p, ErrInvalidEvent); err != nil {
		return err
	}
	if msg := Event(p).check(); msg != "" {
		return inputErr("Event.UnmarshalJSON", msg, ErrInvalidEvent)
	}
	*e = Event(p)
	return nil
}

// unstorableReason completes an error message about a time that is not
// storable.
const unstorableReason = " cannot be stored: a JSON time needs a year from 0 to 9999 and a zone offset in whole minutes under 24 hours"

// strictDecode decodes one JSON value into v, a pointer to a struct,
// refusing unknown fields, trailing data, a key given twice, and a key
// that matches a field only when case is ignored ("Stage" for "stage"),
// which encoding/json would otherwise accept. An enum error keeps its
// [ErrInvalidEnum]; anything else wraps sentinel.
func strictDecode(fn string, data []byte, v any, sentinel error) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, ErrInvalidEnum) {
			return err
		}
		return inputErr(fn, err.Error(), sentinel)
	}
	if _, err := dec.Token(); err != io.EOF {
		return inputErr(fn, "trailing data", sentinel)
	}
	if msg := checkKeys(data, jsonNames(reflect.TypeOf(v).Elem())); msg != "" {
		return inputErr(fn, msg, sentinel)
	}
	return nil
}

// checkVersion reports an error wrapping sentinel unless the JSON object
// in data has a "version" that is the number want. It reads only that key,
// leniently, so that a document stored by another version is refused for
// its version rather than for a field that version added; data that is not
// an object, or a version key in another case, is left for strictDecode to
// judge.
func checkVersion(fn string, data []byte, want int, sentinel error) error {
	var doc struct {
		Version json.RawMessage `json:"version"`
	}
	if json.Unmarshal(data, &doc) != nil {
		return nil
	}
	reads := ": this package reads version " + strconv.Itoa(want)
	var v int
	switch {
	case doc.Version == nil:
		return inputErr(fn, "version missing"+reads, sentinel)
	case json.Unmarshal(doc.Version, &v) != nil:
		return inputErr(fn, "version "+string(doc.Version)+" is not a whole number"+reads, sentinel)
	case v != want:
		return inputErr(fn, "version "+strconv.Itoa(v)+" unknown"+reads, sentinel)
	}
	return nil
}

// checkKeys reports the first key of the JSON object in data that is not
// exactly one of names, or that is given twice, or "". encoding/json
// matches keys to fields ignoring case and lets a repeated key overwrite
// the first, so a stored record could say one thing to this package and
// another to a stricter reader; checkKeys walks the tokens to refuse both.
// data has been decoded already, so it is well formed.
func checkKeys(data []byte, names []string) string {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return "" // null, or not an object: the decoder has judged it
	}
	seen := make(map[string]bool, len(names))
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err.Error()
		}
		key, _ := tok.(string)
		switch {
		case !slices.Contains(names, key):
			return "field " + quote(key) + " is not one of " + strings.Join(names, ", ") + " (keys are case-sensitive)"
		case seen[key]:
			return "field " + quote(key) + " given twice"
		}
		seen[key] = true
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return err.Error()
		}
	}
	return ""
}

// jsonNames returns the JSON keys of struct type t's exported fields.
func jsonNames(t reflect.Type) []string {
	var names []string
	for f := range t.Fields() {
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		names = append(names, name)
	}
	return names
}
