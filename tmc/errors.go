package tmc

import (
	"errors"
	"time"

	"github.com/salesdev/salesdev/benchmark"
)

// Sentinel errors. Every error this package returns wraps one of them, so
// callers can branch with [errors.Is]. Bad input comes wrapped in an
// [*InputError]; a refused journey event in an [*EventError]; a failed
// mentor search in a [*NoMentorError].
var (
	// ErrInvalidEnum reports an enum value or text this package does not
	// know: a Help, Barrier, Complexity, Stage, EventKind,
	// Topic or Role. It is [benchmark.ErrInvalidEnum].
	ErrInvalidEnum = benchmark.ErrInvalidEnum
	// ErrNegative reports a negative duration or count. It is
	// [benchmark.ErrNegative].
	ErrNegative = benchmark.ErrNegative
	// ErrOutOfRange reports a number outside its documented range, or a
	// start time whose journey JSON could not store. It is
	// [benchmark.ErrOutOfRange].
	ErrOutOfRange = benchmark.ErrOutOfRange
	// ErrNotFinite reports a NaN or ±Inf where a finite number is needed.
	// It is [benchmark.ErrNotFinite].
	ErrNotFinite = benchmark.ErrNotFinite
	// ErrEmpty reports empty input where at least one value is needed: no
	// peers, no topics, an empty name, a zero time. It is
	// [benchmark.ErrEmpty].
	ErrEmpty = benchmark.ErrEmpty
	// ErrDuplicate reports a name used twice where names must be unique.
	// It is [benchmark.ErrDuplicate].
	ErrDuplicate = benchmark.ErrDuplicate
	// ErrMixedReps reports sessions of more than one rep where one rep's
	// sessions are needed, as in a [ReviewCase].
	ErrMixedReps = errors.New("sessions of more than one rep")
	// ErrTimeOrder reports a time range that ends before it starts.
	ErrTimeOrder = errors.New("times out of order")
	// ErrWrongCompetency reports a score for a competency other than the
	// one being matched.
	ErrWrongCompetency = errors.New("score is for another competency")
	// ErrInvalidJourney reports stored journey state that no sequence of
	// events can reach.
	ErrInvalidJourney = errors.New("invalid journey state")
	// ErrNoMentor reports that no peer qualifies to mentor a rep: none is
	// graded A on the competency, or every one who is has a full mentee
	// load, is the rep, or is the rep's manager.
	ErrNoMentor = errors.New("no mentor available")
)

// The rules a [Journey] enforces. An event that breaks one comes back as an
// [*EventError] wrapping the rule's sentinel; the journey is unchanged.
var (
	// ErrInvalidEvent reports an event that is malformed whatever the
	// state: an unknown kind, a zero time, a time JSON cannot write (a
	// journey holding it could not be stored), or a cause on an event
	// other than ReviewStarted.
	ErrInvalidEvent = errors.New("rule valid event: unknown kind, zero or unstorable time, or misplaced cause")
	// ErrNotStarted reports an event applied to the zero Journey; use
	// [Start].
	ErrNotStarted = errors.New("rule started: the journey has not started")
	// ErrWrongStage reports an event that does not apply in the journey's
	// current stage, such as TrainingCompleted during coaching or any
	// event after the rep has exited.
	ErrWrongStage = errors.New("rule stage: the event does not apply in this stage")
	// ErrTimeBackwards reports an event dated before the journey's last
	// event: time is a parameter, and it only moves forward.
	ErrTimeBackwards = errors.New("rule forward time: the event is dated before the last one")
	// ErrInsideRamp reports a performance plan started before the rep's
	// ramp has ended: below standard inside ramp is expected, not a
	// performance problem.
	ErrInsideRamp = errors.New("rule past ramp: a performance plan cannot start inside the ramp")
	// ErrStagesCut reports a performance plan for a rep who has not had a
	// Training stage and a Mentoring stage each as long as the ramp
	// planned: a rep whose stages were cut short has not had "the benefit
	// of solid coaching and training" ("Sales Management vs Sales
	// Mentorship").
	ErrStagesCut = errors.New("rule full stages: a performance plan needs training and mentoring stages that lasted their planned length")
	// ErrNotBelowStandard reports a performance plan started with fewer
	// consecutive periods below standard after the ramp than the rules'
	// MinPeriodsBelow (two by default, a library default).
	ErrNotBelowStandard = errors.New("rule below standard: a performance plan needs enough consecutive periods below standard")
	// ErrNoFailedCycle reports a performance plan started before at least
	// one coaching cycle of the minimum length ended without improvement.
	ErrNoFailedCycle = errors.New("rule coaching first: a performance plan needs at least one completed coaching cycle without improvement")
	// ErrCycleOrder reports a coaching cycle ended before it started, or
	// started while another is open: cycles run one at a time, from
	// CycleStarted to CycleImproved or CycleNotImproved.
	ErrCycleOrder = errors.New("rule cycle order: a coaching cycle ends only after it started, and one runs at a time")
	// ErrNotRetrained reports a performance plan for a skill cause
	// (DontKnow) without a re-training first: a knowledge gap found, then
	// Training completed.
	ErrNotRetrained = errors.New("rule re-train first: a performance plan for a knowledge or skill cause needs a re-training first")
	// ErrNotSkillOrWill reports a performance plan whose cause is not the
	// rep's skill (DontKnow) or will (IncorrectThinking): misaligned
	// consequences and constraints are management's to fix, and an unknown
	// cause has not been diagnosed.
	ErrNotSkillOrWill = errors.New("rule skill or will: a performance plan needs a skill (dont-know) or will (incorrect-thinking) cause")
)

// An InputError records which argument of which function was refused, and
// why. Errors returned for bad input by this package's functions have
// concrete type *InputError unless their documentation says otherwise.
type InputError struct {
	Func string // the function or method that refused the input, e.g. "Plan"
	Arg  string // the argument and, where it helps, its value, e.g. "salesCycleDays = -3"
	Err  error  // one of the package's sentinel errors
}

// Error formats e as "tmc: Plan: salesCycleDays = -3: negative": the
// package, the function, the argument and the sentinel's message.
func (e *InputError) Error() string {
	return "tmc: " + e.Func + ": " + e.Arg + ": " + e.Err.Error()
}

// Unwrap returns the sentinel error, so errors.Is(err, ErrNegative) works.
func (e *InputError) Unwrap() error { return e.Err }

func inputErr(fn, arg string, err error) error {
	return &InputError{Func: fn, Arg: arg, Err: err}
}

// rewrap returns err with fn and a prefix on its argument when it is an
// *InputError, so that the error names the function the caller called.
func rewrap(fn, prefix string, err error) error {
	var e *InputError
	if errors.As(err, &e) {
		return inputErr(fn, prefix+e.Arg, e.Err)
	}
	return err
}

// An EventError records an event a [Journey] refused: the event, the stage
// it was refused in, and the rule that refused it (Err, one of the rule
// sentinels such as [ErrInsideRamp]). Detail gives the facts behind the
// refusal, such as "1 period below standard past the ramp, need 2".
type EventError struct {
	// Event is the event refused.
	Event Event
	// Stage is the journey's stage the event was refused in.
	Stage Stage
	// Detail gives the facts behind the refusal; it may be empty.
	Detail string
	// Err is the sentinel naming the rule that refused the event.
	Err error
}

// Error formats e as "tmc: review-started at 2025-07-25T09:00:00Z in
// coaching: rule below standard: a performance plan needs enough
// consecutive periods below standard (1 period below standard past the
// ramp, need 2)": the event's kind, its time when it has one (RFC 3339),
// the stage it was refused in, the rule's message and, when there is one,
// the Detail in parentheses.
func (e *EventError) Error() string {
	s := "tmc: " + e.Event.Kind.String()
	if !e.Event.At.IsZero() {
		s += " at " + e.Event.At.Format(time.RFC3339)
	}
	s += " in " + e.Stage.String() + ": " + e.Err.Error()
	if e.Detail != "" {
		s += " (" + e.Detail + ")"
	}
	return s
}

// Unwrap returns the sentinel naming the rule, so errors.Is(err,
// ErrInsideRamp) works.
func (e *EventError) Unwrap() error { return e.Err }

// A NoMentorError names the reps [Mentors] or [AssignMentors] could find no
// mentor for on a competency. It wraps [ErrNoMentor].
type NoMentorError struct {
	Competency string   // the competency ID
	Reps       []string // the reps left without a mentor, in input order
}

// Error formats e as `tmc: competency "close": no mentor available for
// "ana", "ben"`: the competency and the reps left without a mentor, each
// quoted, in e.Reps' order.
func (e *NoMentorError) Error() string {
	s := "tmc: competency " + quote(e.Competency) + ": " + ErrNoMentor.Error() + " for "
	for i, r := range e.Reps {
		if i > 0 {
			s += ", "
		}
		s += quote(r)
	}
	return s
}

// Unwrap returns [ErrNoMentor].
func (e *NoMentorError) Unwrap() error { return ErrNoMentor }
