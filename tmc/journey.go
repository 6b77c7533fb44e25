package tmc

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"time"
)

// A Stage is where a rep is on the T.M.C. journey. The zero value,
// Unstarted, is the zero [Journey]'s: no rep has been started on it.
type Stage int

const (
	// Unstarted is the zero Journey's stage; see [Start].
	Unstarted Stage = iota
	// InTraining: the rep is being trained, at the start or again after a
	// knowledge gap.
	InTraining
	// InMentoring: the rep knows what to do and learns how from a peer.
	InMentoring
	// InCoaching: the rep knows what and how; the manager coaches.
	InCoaching
	// InReview: the rep is on a performance plan, the "other discussion"
	// for a rep who does not perform after solid training and coaching.
	InReview
	// Exited: the rep failed the plan or left. No event applies any more.
	Exited
)

var stageNames = []string{"unstarted", "training", "mentoring", "coaching", "review", "exited"}

// String returns "unstarted", "training", "mentoring", "coaching",
// "review" or "exited". An unknown value prints as a diagnostic such as
// "%!Stage(9)".
func (s Stage) String() string { return enumString("Stage", stageNames, int(s)) }

// Valid reports whether s is one of the declared values, Unstarted
// included.
func (s Stage) Valid() bool { return s >= Unstarted && s <= Exited }

// Help returns the help a rep in stage s is getting: Training, Mentoring
// or Coaching for the three development stages, Management for a
// performance plan, and NoHelp for Unstarted, Exited or an unknown stage.
// Pass it to [Misdirected] to check the journey against the rep's signals.
func (s Stage) Help() Help {
	switch s {
	case InTraining:
		return Training
	case InMentoring:
		return Mentoring
	case InCoaching:
		return Coaching
	case InReview:
		return Management
	}
	return NoHelp
}

// MarshalText implements [encoding.TextMarshaler]. It returns an error for
// an unknown value rather than writing text that cannot be read back.
func (s Stage) MarshalText() ([]byte, error) { return enumMarshal("Stage", stageNames, int(s)) }

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts the
// output of [Stage.String] in any case; other text is an [*InputError]
// wrapping [ErrInvalidEnum], and s is left unchanged.
func (s *Stage) UnmarshalText(text []byte) error {
	i, err := enumParse("Stage", stageNames, text)
	if err != nil {
		return err
	}
	*s = Stage(i)
	return nil
}

// active reports whether a rep in stage s is on the journey.
func (s Stage) active() bool { return s >= InTraining && s <= InReview }

// An EventKind is something that happens on a rep's journey. The zero
// value, NoEvent, is not an event; [Journey.Apply] refuses it.
type EventKind int

const (
	// NoEvent is not an event.
	NoEvent EventKind = iota
	// TrainingCompleted moves a rep from Training to Mentoring.
	TrainingCompleted
	// MentoringCompleted moves a rep from Mentoring to Coaching.
	MentoringCompleted
	// KnowledgeGapFound sends a rep in Mentoring or Coaching back to
	// Training: a coaching session may reveal that re-training is needed.
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
	// CycleImproved ends a coaching cycle in which the rep improved; it
	// clears the failed coaching cycles.
	CycleImproved
	// CycleNotImproved ends a coaching cycle without improvement.
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
}

// String returns the event's name in kebab case, such as
// "training-completed", or "none" for NoEvent. An unknown value prints as a
// diagnostic such as "%!EventKind(99)".
func (k EventKind) String() string { return enumString("EventKind", eventNames, int(k)) }

// Valid reports whether k is one of the declared values, NoEvent included.
func (k EventKind) Valid() bool { return k >= NoEvent && k <= Departed }

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
	Kind  EventKind `json:"kind"`
	At    time.Time `json:"at"`
	Cause Barrier   `json:"cause"`
}

// check returns the reason e is malformed whatever the journey's state,
// or "".
func (e Event) check() string {
	switch {
	case e.Kind == NoEvent || !e.Kind.Valid():
		return "kind " + e.Kind.String()
	case e.At.IsZero():
		return "zero time"
	case !storable(e.At):
		return "time " + e.At.Format(time.RFC3339) + unstorableReason
	case !e.Cause.Valid():
		return "cause " + e.Cause.String()
	case e.Cause != NoBarrier && e.Kind != ReviewStarted:
		return "cause " + e.Cause.String() + " on " + e.Kind.String()
	}
	return ""
}

// UnmarshalJSON implements [json.Unmarshaler] strictly, for event logs
// kept in a CRM: unknown fields, unknown enum text and trailing data are
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

// storable reports whether t can be written as a JSON time and read back
// as the same instant, so that a journey holding it can be stored:
// [time.Time.MarshalJSON] needs a year from 0 to 9999, in t's location,
// and a zone offset of less than 24 hours; and RFC 3339 writes the offset
// in whole minutes, so an offset with seconds (the local mean time of
// historical zones, such as Amsterdam's +00:19:32 before 1937) would read
// back as another instant.
func storable(t time.Time) bool {
	if _, offset := t.Zone(); offset%60 != 0 {
		return false
	}
	_, err := t.MarshalText() // the same check as MarshalJSON's
	return err == nil
}

// unstorableReason completes an error message about a time that is not
// storable.
const unstorableReason = " cannot be stored: a JSON time needs a year from 0 to 9999 and a zone offset in whole minutes under 24 hours"

// strictDecode decodes one JSON value into v, refusing unknown fields and
// trailing data. An enum error keeps its [ErrInvalidEnum]; anything else
// wraps sentinel.
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
	return nil
}

// maxCount bounds the journey's counters: no rep has a million performance
// periods, and the bound keeps a stored journey's counters from
// overflowing.
const maxCount = 1_000_000

// A Journey is one rep's way through the T.M.C. plan, as a state machine.
// Its transitions:
//
//	from                  event                               to
//	training              training-completed                  mentoring
//	mentoring             mentoring-completed                 coaching
//	mentoring, coaching   knowledge-gap-found                 training (re-training)
//	coaching              cycle-improved, cycle-not-improved  coaching
//	coaching              review-started                      review (a performance plan; see Apply)
//	review                review-passed                       coaching
//	review                review-extended                     review
//	review                review-failed                       exited
//	training … review     period-met, period-missed           the same stage
//	training … review     departed                            exited
//
// Journey is an immutable value: [Journey.Apply] returns a new Journey and
// leaves the receiver as it was, so a refused event changes nothing. It is
// safe to copy and to share between goroutines. The zero Journey is
// Unstarted; [Start] begins one. A Journey marshals to JSON for storage in
// a CRM and unmarshals strictly: see [Journey.UnmarshalJSON].
type Journey struct {
	stage      Stage
	started    time.Time // the rep's start date
	rampEnds   time.Time // full productivity expected; no performance plan before it
	since      time.Time // when the current stage began
	updated    time.Time // the last event; events never go back before it
	below      int       // consecutive periods below standard past the ramp
	failed     int       // coaching cycles ended without improvement since the last improvement, re-training or plan
	extensions int       // extensions of the current (or last) performance plan
	cause      Barrier   // the cause of the current (or last) performance plan
	exitedBy   EventKind // ReviewFailed or Departed, once Exited
}

// Start begins the journey of a rep who starts at start on ramp r, in
// Training. The ramp ends at r.FullProductivity(start); no performance
// plan can start before then.
//
// A Journey is stored as JSON, so Start refuses a journey whose times JSON
// cannot write and read back exactly (see [time.Time.MarshalJSON]): both
// start and the end of the ramp must fall in the years 0 to 9999, in
// start's location, with a zone offset in whole minutes and of less than
// 24 hours. A journey from Start therefore always marshals and reads back
// the same, and [Journey.Apply] keeps it so.
//
// Start returns an [*InputError] wrapping [ErrEmpty] for a zero start,
// [ErrOutOfRange] for a start or ramp end that cannot be stored, or the
// error of [Ramp.Validate] for an invalid ramp. On error the Journey is
// zero.
func Start(start time.Time, r Ramp) (Journey, error) {
	if start.IsZero() {
		return Journey{}, inputErr("Start", "start time is zero", ErrEmpty)
	}
	if err := r.Validate(); err != nil {
		return Journey{}, err
	}
	start = start.Round(0) // drop any monotonic reading: the journey is a record, not a stopwatch
	if !storable(start) {
		return Journey{}, inputErr("Start", "start "+start.Format(time.RFC3339)+unstorableReason, ErrOutOfRange)
	}
	rampEnds := r.FullProductivity(start)
	if !storable(rampEnds) {
		return Journey{}, inputErr("Start", "ramp end "+rampEnds.Format(time.RFC3339)+unstorableReason, ErrOutOfRange)
	}
	return Journey{
		stage:    InTraining,
		started:  start,
		rampEnds: rampEnds,
		since:    start,
		updated:  start,
	}, nil
}

// Stage returns the rep's current stage.
func (j Journey) Stage() Stage { return j.stage }

// Started returns the rep's start date; zero for the zero Journey.
func (j Journey) Started() time.Time { return j.started }

// RampEnds returns when the rep is expected at full productivity. Periods
// below standard before it do not count towards a performance plan, and a
// plan cannot start before it.
func (j Journey) RampEnds() time.Time { return j.rampEnds }

// Since returns when the rep entered the current stage.
func (j Journey) Since() time.Time { return j.since }

// Updated returns the time of the last event applied (the start date
// before any). An event dated before it is refused.
func (j Journey) Updated() time.Time { return j.updated }

// PeriodsBelowStandard returns how many consecutive performance periods,
// ending past the ramp, the rep has been below standard.
func (j Journey) PeriodsBelowStandard() int { return j.below }

// FailedCycles returns how many coaching cycles have ended without
// improvement since the last improvement, re-training or passed plan.
func (j Journey) FailedCycles() int { return j.failed }

// Extensions returns how many times the current (or, once exited, the
// last) performance plan was extended.
func (j Journey) Extensions() int { return j.extensions }

// Cause returns the barrier behind the current (or, once exited, the last)
// performance plan: DontKnow or IncorrectThinking. It is NoBarrier when the
// rep is not, and was not, on a plan.
func (j Journey) Cause() Barrier { return j.cause }

// ExitedBy returns the event that ended the journey, ReviewFailed or
// Departed, or NoEvent while the rep is on it.
func (j Journey) ExitedBy() EventKind { return j.exitedBy }

// String returns a one-line summary such as "coaching since
// 2025-06-01T00:00:00Z, 2 periods below standard, 1 failed coaching cycle".
func (j Journey) String() string {
	if j.stage == Unstarted {
		return "unstarted"
	}
	s := j.stage.String() + " since " + j.since.Format(time.RFC3339)
	s += ", " + plural(j.below, "period") + " below standard"
	s += ", " + plural(j.failed, "failed coaching cycle")
	if j.stage == InReview {
		s += ", cause " + j.cause.String() + ", " + plural(j.extensions, "extension")
	}
	if j.stage == Exited {
		s += ", by " + j.exitedBy.String()
	}
	return s
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// Apply returns the journey after event e, or the receiver unchanged and an
// [*EventError] naming the rule that refused e. The rules, checked in this
// order:
//
//   - the event is well formed: a known kind, a non-zero time that JSON
//     can write and read back exactly (a year from 0 to 9999 in its
//     location, a zone offset in whole minutes under 24 hours: the journey
//     stores it), and a Cause only on ReviewStarted ([ErrInvalidEvent]);
//   - the journey has started ([ErrNotStarted]);
//   - e.At is not before the last event ([ErrTimeBackwards]); equal times
//     are allowed, for events recorded in the same instant;
//   - the event applies in the current stage ([ErrWrongStage]), as drawn
//     on [Journey]; nothing applies once Exited.
//
// ReviewStarted, the escalation to a performance plan, applies only from
// Coaching and only when all of these hold, checked in this order:
//
//   - the rep is past the ramp: e.At is not before [Journey.RampEnds]
//     ([ErrInsideRamp]);
//   - at least two consecutive periods below standard past the ramp
//     ([ErrNotBelowStandard]);
//   - at least one completed coaching cycle without improvement
//     ([ErrNoFailedCycle]);
//   - the cause is the rep's skill (DontKnow) or will (IncorrectThinking),
//     not a management barrier and not unknown ([ErrNotSkillOrWill]).
//
// A performance plan ends in ReviewPassed (back to Coaching, with the
// periods below standard, failed cycles, extensions and cause cleared),
// ReviewExtended (the rep stays in Review) or ReviewFailed (Exited).
func (j Journey) Apply(e Event) (Journey, error) {
	refuse := func(rule error, detail string) (Journey, error) {
		return j, &EventError{Event: e, Stage: j.stage, Detail: detail, Err: rule}
	}
	if msg := e.check(); msg != "" {
		return refuse(ErrInvalidEvent, msg)
	}
	if j.stage == Unstarted {
		return refuse(ErrNotStarted, "")
	}
	if e.At.Before(j.updated) {
		return refuse(ErrTimeBackwards, "last event at "+j.updated.Format(time.RFC3339))
	}
	if !j.stage.active() {
		return refuse(ErrWrongStage, "")
	}
	t := e.At.Round(0)
	n := j
	n.updated = t
	enter := func(s Stage) {
		n.stage = s
		n.since = t
	}
	switch e.Kind {
	case TrainingCompleted:
		if j.stage != InTraining {
			return refuse(ErrWrongStage, "applies in training")
		}
		enter(InMentoring)
	case MentoringCompleted:
		if j.stage != InMentoring {
			return refuse(ErrWrongStage, "applies in mentoring")
		}
		enter(InCoaching)
	case KnowledgeGapFound:
		if j.stage != InMentoring && j.stage != InCoaching {
			return refuse(ErrWrongStage, "applies in mentoring or coaching")
		}
		enter(InTraining)
		n.failed = 0
	case PeriodMet:
		n.below = 0
	case PeriodMissed:
		if !t.Before(j.rampEnds) {
			n.below = min(j.below+1, maxCount)
		}
	case CycleImproved, CycleNotImproved:
		if j.stage != InCoaching {
			return refuse(ErrWrongStage, "applies in coaching")
		}
		if e.Kind == CycleImproved {
			n.failed = 0
		} else {
			n.failed = min(j.failed+1, maxCount)
		}
	case ReviewStarted:
		switch {
		case j.stage != InCoaching:
			return refuse(ErrWrongStage, "applies in coaching")
		case t.Before(j.rampEnds):
			return refuse(ErrInsideRamp, "ramp ends "+j.rampEnds.Format(time.RFC3339))
		case j.below < 2:
			return refuse(ErrNotBelowStandard, plural(j.below, "period")+" below standard past the ramp, need 2")
		case j.failed < 1:
			return refuse(ErrNoFailedCycle, "0 failed coaching cycles, need 1")
		case !e.Cause.skillOrWill():
			return refuse(ErrNotSkillOrWill, "cause "+e.Cause.String())
		}
		enter(InReview)
		n.cause = e.Cause
		n.extensions = 0
	case ReviewPassed, ReviewExtended, ReviewFailed:
		if j.stage != InReview {
			return refuse(ErrWrongStage, "applies in review")
		}
		switch e.Kind {
		case ReviewPassed:
			enter(InCoaching)
			n.below, n.failed, n.extensions, n.cause = 0, 0, 0, NoBarrier
		case ReviewExtended:
			n.extensions = min(j.extensions+1, maxCount)
		case ReviewFailed:
			enter(Exited)
			n.exitedBy = ReviewFailed
		}
	case Departed:
		enter(Exited)
		n.exitedBy = Departed
	}
	return n, nil
}

// validate reports whether j is a state some sequence of events from
// [Start] can reach, or why not.
func (j Journey) validate() string {
	if !j.stage.Valid() {
		return "stage " + j.stage.String()
	}
	if !j.cause.Valid() {
		return "cause " + j.cause.String()
	}
	if !j.exitedBy.Valid() {
		return "exited_by " + j.exitedBy.String()
	}
	if j.stage == Unstarted {
		if !j.started.IsZero() || !j.rampEnds.IsZero() || !j.since.IsZero() || !j.updated.IsZero() ||
			j.below != 0 || j.failed != 0 || j.extensions != 0 || j.cause != NoBarrier || j.exitedBy != NoEvent {
			return "an unstarted journey has no other fields"
		}
		return ""
	}
	switch {
	case j.started.IsZero():
		return "started is zero"
	case j.rampEnds.Before(j.started):
		return "ramp_ends before started"
	case j.rampEnds.After(j.started.AddDate(0, 0, MaxDays)):
		return "ramp longer than MaxDays"
	case j.since.Before(j.started):
		return "since before started"
	case j.updated.Before(j.since):
		return "updated before since"
	}
	for _, c := range []struct {
		name string
		v    int
	}{{"periods_below_standard", j.below}, {"failed_cycles", j.failed}, {"extensions", j.extensions}} {
		if c.v < 0 || c.v > maxCount {
			return c.name + " = " + strconv.Itoa(c.v) + " outside [0, 1000000]"
		}
	}
	if j.below > 0 && j.updated.Before(j.rampEnds) {
		return "periods below standard counted inside the ramp"
	}
	// onPlan reports whether the state records a performance plan: the
	// current one, or the last one for an exited rep.
	onPlan := j.stage == InReview || j.stage == Exited && j.cause != NoBarrier
	switch j.stage {
	case InTraining, InMentoring:
		if j.failed != 0 {
			return "failed coaching cycles outside coaching"
		}
	}
	if j.cause != NoBarrier && !j.cause.skillOrWill() {
		return "plan cause " + j.cause.String() + " is not skill or will"
	}
	if onPlan {
		switch {
		case !j.cause.skillOrWill():
			return "a performance plan without a skill or will cause"
		case j.failed < 1:
			return "a performance plan without a failed coaching cycle"
		case j.stage == InReview && j.since.Before(j.rampEnds):
			return "a performance plan inside the ramp"
		}
	} else {
		if j.cause != NoBarrier {
			return "a plan cause outside a performance plan"
		}
		if j.extensions != 0 {
			return "extensions outside a performance plan"
		}
	}
	switch {
	case j.stage == Exited && j.exitedBy != ReviewFailed && j.exitedBy != Departed:
		return "exited without review-failed or departed"
	case j.stage != Exited && j.exitedBy != NoEvent:
		return "exited_by set on a journey that has not exited"
	case j.exitedBy == ReviewFailed && !onPlan:
		return "review-failed without a performance plan"
	}
	return ""
}

// journeyJSON is the stored form of a Journey.
type journeyJSON struct {
	Stage                Stage     `json:"stage"`
	Started              time.Time `json:"started"`
	RampEnds             time.Time `json:"ramp_ends"`
	Since                time.Time `json:"since"`
	Updated              time.Time `json:"updated"`
	PeriodsBelowStandard int       `json:"periods_below_standard"`
	FailedCycles         int       `json:"failed_cycles"`
	Extensions           int       `json:"extensions"`
	Cause                Barrier   `json:"cause"`
	ExitedBy             EventKind `json:"exited_by"`
}

// MarshalJSON implements [json.Marshaler]: the stage, the dates (RFC 3339)
// and the counters, with lower_snake_case keys, for storage in a CRM:
//
//	{"stage":"coaching","started":"2025-01-06T00:00:00Z","ramp_ends":"2025-06-05T00:00:00Z",
//	 "since":"2025-03-24T00:00:00Z","updated":"2025-07-01T00:00:00Z","periods_below_standard":1,
//	 "failed_cycles":0,"extensions":0,"cause":"none","exited_by":"none"}
func (j Journey) MarshalJSON() ([]byte, error) {
	return json.Marshal(journeyJSON{
		Stage: j.stage, Started: j.started, RampEnds: j.rampEnds, Since: j.since, Updated: j.updated,
		PeriodsBelowStandard: j.below, FailedCycles: j.failed, Extensions: j.extensions,
		Cause: j.cause, ExitedBy: j.exitedBy,
	})
}

// UnmarshalJSON implements [json.Unmarshaler] strictly: unknown fields,
// unknown enum text, trailing data and a state no sequence of events can
// reach (times out of order, a performance plan inside the ramp or without
// a failed coaching cycle, counters out of range, …) are errors. The error
// is an [*InputError] wrapping [ErrInvalidEnum] or [ErrInvalidJourney]; on
// error j is left unchanged. JSON null leaves j unchanged, as
// [json.Unmarshal] does.
func (j *Journey) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	var w journeyJSON
	if err := strictDecode("Journey.UnmarshalJSON", data, &w, ErrInvalidJourney); err != nil {
		return err
	}
	n := Journey{
		stage: w.Stage, started: w.Started.Round(0), rampEnds: w.RampEnds.Round(0),
		since: w.Since.Round(0), updated: w.Updated.Round(0),
		below: w.PeriodsBelowStandard, failed: w.FailedCycles, extensions: w.Extensions,
		cause: w.Cause, exitedBy: w.ExitedBy,
	}
	if msg := n.validate(); msg != "" {
		return inputErr("Journey.UnmarshalJSON", msg, ErrInvalidJourney)
	}
	if n.stage == Unstarted {
		n = Journey{} // zero times in any location are the zero Journey
	}
	*j = n
	return nil
}
