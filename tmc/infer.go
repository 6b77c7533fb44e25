package tmc

import (
	"slices"
	"strconv"
	"time"
)

// Evidence is what a CRM knows about a rep on one part of the job, from
// which [Infer] reads the rep's [Signals]. A CRM records results, not
// knowledge, so the signals follow from where the rep is on the ramp and
// what the journey recorded, unless the manager states them.
type Evidence struct {
	// Ramp is the rep's T.M.C. timeline (see [Plan]); the zero Ramp is no
	// ramp at all.
	Ramp Ramp `json:"ramp"`
	// Started is the rep's start date; zero when unknown.
	Started time.Time `json:"started"`
	// FirstSeen is the first day the rep appears in the data; it stands
	// in for Started when that is zero (the basis says so).
	FirstSeen time.Time `json:"first_seen"`
	// AsOf is the time the signals are read at, never zero; events after
	// it are not read.
	AsOf time.Time `json:"as_of"`
	// Below reports whether the evidence separates the rep below the
	// standard ([competency.Score.Below]); a rep the data cannot tell
	// apart from the standard meets it.
	Below bool `json:"below"`
	// Events are the rep's recorded journey events, in any order:
	// [Infer] reads them in time order, events at the same instant in the
	// order given, as [Journey.Apply] takes them. A KnowledgeGapFound
	// dated after the ramp's Training stage (any, without a start date)
	// opens a re-training, which
	// stays open until a TrainingCompleted event is recorded after it:
	// nothing else ends it, so a plugin records TrainingCompleted when the
	// re-training ends.
	Events []Event `json:"events"`
	// Stated is what the manager states, when set: it wins over
	// inference, whole.
	Stated *Signals `json:"stated"`
	// Barrier is a barrier the manager identified; it wins over
	// inference.
	Barrier Barrier `json:"barrier"`
}

// An Inference is the Signals [Infer] read from [Evidence], with the basis
// of each in words a sales manager can check.
type Inference struct {
	// Signals are the signals read.
	Signals Signals `json:"signals"`
	// Basis gives every inferred signal's basis in words, for a sales
	// manager.
	Basis string `json:"basis"`
	// Stated reports whether the manager's stated signals decided.
	Stated bool `json:"stated"`
}

// Infer reads a rep's [Signals] from evidence e, following "Three Key
// Areas That Every Sales Organization Must Get Right":
//
//   - inside the ramp's Training stage ([Ramp.TrainingEnds]) the rep does
//     not yet know what to do: Training;
//   - inside its Mentoring stage ([Ramp.MentoringEnds]) the rep knows what
//     but not yet how: Mentoring;
//   - after it, "by the time a Sales Rep requires coaching, they already
//     know what to do, and how to do it": the rep knows both, so a rep
//     below standard is coached for a blockage, not re-trained;
//   - re-training: the last KnowledgeGapFound at or before e.AsOf
//     ("sometimes a coaching session may reveal that a re-training is
//     needed, but most often this is not the case"), dated after the
//     ramp's Training stage ([Ramp.TrainingEnds]; any gap, without a start
//     date) and with no TrainingCompleted recorded after it, means the rep
//     does not know what to do (re-training), whatever the ramp says. A
//     gap dated inside the Training stage is no re-training: the rep is
//     being trained anyway, and the basis says so.
//
// A re-training stays open until a TrainingCompleted is recorded after the
// gap, however long ago the gap was: record training-completed when the
// re-training ends. The basis gives the gap's date and, while the
// re-training is open, says so. Once it is closed the ramp decides again,
// which returns the rep to the stage the gap was found in, as
// [Journey.Apply] does (a library rule; the article does not say where a
// re-trained rep goes next): Mentoring, for a gap found in the Mentoring
// stage, until the ramp's Mentoring stage ends; Coaching, for a gap found
// in Coaching.
//
// Infer and a [Journey] given the same start, ramp and events agree: for
// a rep whose journey is in Training, Mentoring or Coaching, with nothing
// stated and no barrier, [Prescribe](Infer(e).Signals).Help is
// j.Stage().Help(), as long as the journey keeps to the ramp's dates: after
// each of its events, and at e.AsOf, the help of the journey's stage
// (during a re-training, of the stage the gap was found in) is the help
// [Ramp.Expected] plans for that time. A journey records what happened and
// Infer reads the calendar, so off the ramp's dates they may differ:
//
//   - a stage completed before or after the ramp planned, or a gap found
//     in a stage the journey reached early;
//   - a re-training after a gap found in Mentoring that ends after the
//     ramp's Mentoring stage: the journey returns to Mentoring until a
//     MentoringCompleted, Infer reads Coaching from the dates;
//   - a re-training of a rep in Coaching whose Mentoring stage was cut
//     short: the journey returns the rep to the full Mentoring stage they
//     are owed, Infer reads Coaching.
//
// MeetsStandard is !e.Below: false only when the evidence separates the
// rep below the standard (pass [competency.Score.Below]); a rep the data cannot tell apart from it meets
// it, since there is no evidence of a problem to fix. Below standard
// inside the ramp is expected, and the basis says so.
//
// The ramp is counted from e.Started or, when that is zero, from
// e.FirstSeen, and the basis says which; with neither, the rep is assumed
// past the ramp, and the basis says that too. Events after e.AsOf have not
// happened yet and are ignored.
//
// What the manager states wins over inference: a non-nil e.Stated is
// returned whole (Inference.Stated is true), with e.Barrier put on it when
// it states no barrier of its own; otherwise a non-zero e.Barrier is put
// on the inferred signals. [Prescribe] then decides.
//
// Infer returns an [*InputError]: the error of [Ramp.Validate] for an
// invalid ramp; [ErrEmpty] for a zero e.AsOf or an event with a zero time;
// [ErrInvalidEnum] for an unknown barrier (in e.Barrier or e.Stated) or
// event kind; [ErrTimeOrder] when e.AsOf is before the start used. It does
// not modify e.
func Infer(e Evidence) (Inference, error) {
	const fn = "Infer"
	if err := e.Ramp.Validate(); err != nil {
		return Inference{}, err
	}
	if e.AsOf.IsZero() {
		return Inference{}, inputErr(fn, "as_of: zero time", ErrEmpty)
	}
	if !e.Barrier.valid() {
		return Inference{}, inputErr(fn, "barrier "+e.Barrier.String(), ErrInvalidEnum)
	}
	if e.Stated != nil && !e.Stated.Barrier.valid() {
		return Inference{}, inputErr(fn, "stated.barrier "+e.Stated.Barrier.String(), ErrInvalidEnum)
	}
	for i, ev := range e.Events {
		if ev.Kind == NoEvent || !ev.Kind.valid() {
			return Inference{}, inputErr(fn, "events["+strconv.Itoa(i)+"].kind "+ev.Kind.String(), ErrInvalidEnum)
		}
		if ev.At.IsZero() {
			return Inference{}, inputErr(fn, "events["+strconv.Itoa(i)+"].at: zero time", ErrEmpty)
		}
	}
	barrierBasis := ""
	if e.Barrier != NoBarrier {
		barrierBasis = "barrier " + e.Barrier.String() + " identified by the manager"
	}

	if e.Stated != nil {
		s := *e.Stated
		basis := "stated by the manager"
		if s.Barrier == NoBarrier && e.Barrier != NoBarrier {
			s.Barrier = e.Barrier
			basis += "; " + barrierBasis
		}
		return Inference{Signals: s, Basis: basis, Stated: true}, nil
	}

	// The basis is written part by part, "; " between parts, into one
	// buffer: Infer runs for every rep of a team's plan.
	basis := make([]byte, 0, 512) // on the stack: the Basis is one copy of it
	start, known := e.Started, "started "
	if start.IsZero() {
		start, known = e.FirstSeen, "no start date; first seen in the data "
	}
	stage := Coaching
	if start.IsZero() {
		basis = appendPart(basis, "no start date and not seen in the data: assumed past the ramp, so the rep knows what to do and how")
	} else {
		if e.AsOf.Before(start) {
			return Inference{}, inputErr(fn, "as_of "+e.AsOf.Format(time.RFC3339)+" before the start "+start.Format(time.RFC3339), ErrTimeOrder)
		}
		stage = e.Ramp.Expected(start, e.AsOf)
		day := int(e.AsOf.Sub(start)/oneDay) + 1
		basis = appendPart(basis, known)
		basis = start.AppendFormat(basis, time.DateOnly)
		basis = append(basis, ", day "...)
		basis = strconv.AppendInt(basis, int64(day), 10)
		basis = append(basis, " of a ramp with "...)
		basis = appendDays(basis, e.Ramp.TrainingDays)
		basis = append(basis, " of training and "...)
		basis = appendDays(basis, e.Ramp.MentoringDays)
		basis = append(basis, " of mentoring"...)
		switch stage {
		case Training:
			basis = append(basis, ": in the training stage, the rep does not yet know what to do"...)
		case Mentoring:
			basis = append(basis, ": in the mentoring stage, the rep knows what to do but not yet how"...)
		default:
			basis = append(basis, ": past training and mentoring, the rep already knows what to do and how"...)
		}
	}
	s := Signals{KnowsWhat: stage != Training, KnowsHow: stage == Coaching, MeetsStandard: !e.Below, Barrier: e.Barrier}

	if gap, closed, found := lastGap(e.Events, e.AsOf); found {
		basis = appendPart(basis, "a knowledge gap found on ")
		basis = gap.AppendFormat(basis, time.DateOnly)
		switch {
		case !start.IsZero() && gap.Before(e.Ramp.TrainingEnds(start)):
			basis = append(basis, ", inside the ramp's training stage, is no re-training: the rep was being trained anyway"...)
		case closed.IsZero():
			s.KnowsWhat, s.KnowsHow = false, false
			basis = append(basis, " with no training completed since: re-training; record training-completed when re-training ends"...)
		default:
			basis = append(basis, " was closed by training completed on "...)
			basis = closed.AppendFormat(basis, time.DateOnly)
			basis = append(basis, ": re-trained"...)
		}
	}

	rampEnds := time.Time{}
	if !start.IsZero() {
		rampEnds = e.Ramp.FullProductivity(start)
	}
	switch {
	case !e.Below:
		basis = appendPart(basis, "meets the standard: the evidence does not separate the rep below it")
	case !rampEnds.IsZero() && e.AsOf.Before(rampEnds):
		basis = appendPart(basis, "below the standard inside the ramp (it ends ")
		basis = rampEnds.AppendFormat(basis, time.DateOnly)
		basis = append(basis, "), which is expected"...)
	default:
		basis = appendPart(basis, "below the standard: the evidence separates the rep below it")
	}
	if barrierBasis != "" {
		basis = appendPart(basis, barrierBasis)
	}
	return Inference{Signals: s, Basis: string(basis)}, nil
}

// appendPart appends a part of an [Inference]'s Basis to b: parts are
// separated by "; ", and each is written piece by piece, with no string
// built for a piece on the way.
func appendPart(b []byte, text string) []byte {
	if len(b) > 0 {
		b = append(b, "; "...)
	}
	return append(b, text...)
}

// appendDays appends n days to b as [plural] would write them.
func appendDays(b []byte, n int) []byte {
	b = strconv.AppendInt(b, int64(n), 10)
	if n == 1 {
		return append(b, " day"...)
	}
	return append(b, " days"...)
}

// lastGap returns the time of the last KnowledgeGapFound at or before
// asOf, and the time of the first TrainingCompleted after it (at or before
// asOf; zero when none closed it), reading events in time order and events
// at the same instant in the order given, as [Journey.Apply] takes them.
// found is false when no gap is recorded.
func lastGap(events []Event, asOf time.Time) (gap, closed time.Time, found bool) {
	past := make([]Event, 0, len(events))
	for _, ev := range events {
		if !ev.At.After(asOf) {
			past = append(past, ev)
		}
	}
	slices.SortStableFunc(past, func(a, b Event) int { return a.At.Compare(b.At) })
	for _, ev := range past {
		switch {
		case ev.Kind == KnowledgeGapFound:
			gap, closed, found = ev.At, time.Time{}, true
		case ev.Kind == TrainingCompleted && found && closed.IsZero():
			closed = ev.At
		}
	}
	return gap, closed, found
}
