package tmc

import (
	"bytes"
	"cmp"
	"encoding/json"
	"strconv"
	"time"

	"github.com/salesdev/salesdev/internal/jsontime"
)

// maxCount bounds the journey's counters: no rep has a million performance
// periods, and the bound keeps a stored journey's counters from
// overflowing.
const maxCount = 1_000_000

// oneDay is the unit of the journey's lengths: a stage or a cycle lasts n days
// when n×24 hours have elapsed. Elapsed time, unlike calendar days, does
// not depend on the time zone a stored journey reads back in.
const oneDay = 24 * time.Hour

// A Journey is one rep's way through the T.M.C. plan, as a state machine.
// Its transitions:
//
//	from                  event                               to
//	training              training-completed                  mentoring; after a re-training, back to
//	                                                          the stage the gap was found in (see Apply)
//	mentoring             mentoring-completed                 coaching
//	mentoring, coaching   knowledge-gap-found                 training (re-training)
//	coaching              cycle-started                       coaching, a cycle open
//	coaching, cycle open  cycle-improved, cycle-not-improved  coaching, the cycle closed
//	coaching              review-started                      review (a performance plan; see Apply)
//	review                review-passed                       coaching
//	review                review-extended                     review
//	review                review-failed                       exited
//	training … review     period-met, period-missed           the same stage
//	training … review     departed                            exited
//
// Besides the stage, a Journey keeps what a fair performance plan needs:
// whether the rep has had a Training stage and a Mentoring stage each as
// long as the ramp planned ([Journey.FullStages]), the periods below
// standard past the ramp, the coaching cycles that ended without
// improvement after lasting the minimum length, and whether the rep was
// re-trained after a knowledge gap ([Journey.Retrained]).
//
// Journey is an immutable value: [Journey.Apply] returns a new Journey and
// leaves the receiver as it was, so a refused event changes nothing. It is
// safe to copy and to share between goroutines. The zero Journey is
// Unstarted; [Start] begins one. A Journey marshals to JSON for storage in
// a CRM, with a version, and unmarshals strictly: see
// [Journey.MarshalJSON] and [Journey.UnmarshalJSON].
type Journey struct {
	stage         Stage
	started       time.Time // the rep's start date
	rampEnds      time.Time // full productivity expected; no performance plan before it
	trainingDays  int       // the ramp's planned Training stage
	mentoringDays int       // the ramp's planned Mentoring stage
	minBelow      int       // periods below standard a plan needs (ReviewRules.MinPeriodsBelow)
	minCycleDays  int       // the shortest cycle that counts as failed (ReviewRules.MinCycleDays)
	since         time.Time // when the current stage began
	updated       time.Time // the last event; events never go back before it
	cycle         time.Time // when the open coaching cycle started; zero when none is open
	below         int       // consecutive periods below standard past the ramp
	failed        int       // long enough coaching cycles ended without improvement since the last improvement, re-training or plan
	extensions    int       // extensions of the current (or last) performance plan
	fullTraining  bool      // a Training stage lasted trainingDays
	fullMentoring bool      // a Mentoring stage lasted mentoringDays
	retraining    bool      // in Training again after a knowledge gap
	retrained     bool      // re-trained (knowledge gap, then training completed) since the last passed plan
	cause         Barrier   // the cause of the current (or last) performance plan
	exitedBy      EventKind // ReviewFailed or Departed, once Exited
}

// Start begins the journey of a rep who starts at start on ramp r, in
// Training. The ramp ends at r.FullProductivity(start); no performance
// plan can start before then. The journey keeps r's planned Training and
// Mentoring lengths, and the two rules of rules it enforces itself:
// MinPeriodsBelow and MinCycleDays (nil means [DefaultReviewRules]; see
// [Journey.Apply]). A team that checks reviews with [CheckReview] passes
// it the same rules.
//
// A Journey is stored as JSON, so Start refuses a journey whose times
// JSON cannot write and read back exactly (see [time.Time.MarshalJSON]):
// both start and the end of the ramp must fall in the years 0 to 9999, in
// start's location, with a zone offset in whole minutes and of less than
// 24 hours. A journey from Start therefore always marshals and reads
// back the same, and [Journey.Apply] keeps it so.
//
// Start returns an [*InputError] wrapping [ErrEmpty] for a zero start,
// [ErrOutOfRange] for a start or ramp end that cannot be stored, the error
// of [Ramp.Validate] for an invalid ramp, or the error of
// [ReviewRules.Validate] for invalid rules. On error the Journey is zero.
func Start(start time.Time, r Ramp, rules *ReviewRules) (Journey, error) {
	if start.IsZero() {
		return Journey{}, inputErr("Start", "start time is zero", ErrEmpty)
	}
	if err := r.Validate(); err != nil {
		return Journey{}, err
	}
	rr, err := rules.resolve()
	if err != nil {
		return Journey{}, err
	}
	start = start.Round(0) // drop any monotonic reading: the journey is a record, not a stopwatch
	if !jsontime.Storable(start) {
		return Journey{}, inputErr("Start", "start "+start.Format(time.RFC3339)+unstorableReason, ErrOutOfRange)
	}
	rampEnds := r.FullProductivity(start)
	if !jsontime.Storable(rampEnds) {
		return Journey{}, inputErr("Start", "ramp end "+rampEnds.Format(time.RFC3339)+unstorableReason, ErrOutOfRange)
	}
	return Journey{
		stage:         InTraining,
		started:       start,
		rampEnds:      rampEnds,
		trainingDays:  r.TrainingDays,
		mentoringDays: r.MentoringDays,
		minBelow:      rr.MinPeriodsBelow,
		minCycleDays:  rr.MinCycleDays,
		since:         start,
		updated:       start,
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
// improvement, after lasting at least the journey's minimum cycle length,
// since the last improvement, re-training or passed plan.
func (j Journey) FailedCycles() int { return j.failed }

// OpenCycle returns when the coaching cycle under way started, and whether
// one is: between CycleStarted and the CycleImproved or CycleNotImproved
// that ends it.
func (j Journey) OpenCycle() (start time.Time, ok bool) { return j.cycle, !j.cycle.IsZero() }

// FullStages reports whether the rep has completed a Training stage that
// lasted at least the ramp's TrainingDays, and a Mentoring stage that
// lasted at least its MentoringDays: the ramp's own stages, or later ones
// after a knowledge gap sent the rep back to Training. A stage cut short
// is legal, but no performance plan starts until both hold.
func (j Journey) FullStages() (training, mentoring bool) { return j.fullTraining, j.fullMentoring }

// Retrained reports whether the rep has been re-trained, a knowledge gap
// found and Training completed after it, since the journey started or
// the last passed performance plan. A plan for a skill cause (DontKnow)
// needs it.
func (j Journey) Retrained() bool { return j.retrained }

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

// Signals returns the [Signals] the journey's record implies for the rep,
// and whether it implies any: false, with zero Signals, for an Unstarted
// or Exited journey. They are the signals for which the journey's stage
// gives the right help: [Prescribe](s).Help is j.Stage().Help(), so
// [Misdirected](j.Stage().Help(), s) is false.
//
//   - Training (first or re-training): the rep does not know what to do.
//   - Mentoring: the rep knows what to do, not yet how.
//   - Coaching: the rep knows what to do and how.
//   - Review: the rep knows what to do and how ("by the time a Sales Rep
//     requires coaching, they already know what to do, and how to do it",
//     "Three Key Areas That Every Sales Organization Must Get Right"). The
//     plan's cause decides the barrier: IncorrectThinking stays, and the
//     rep is coached through it; DontKnow becomes NoBarrier, since a plan
//     for a skill cause starts only after a re-training (the rep has been
//     taught; what remains is applying it, which is coaching), and the
//     cause stays on the journey ([Journey.Cause]).
//
// MeetsStandard is false while the journey counts periods below standard
// past the ramp ([Journey.PeriodsBelowStandard] > 0), true otherwise:
// without such evidence there is no problem to fix.
//
// A CRM's evidence cannot tell that a rep is on a performance plan, so for
// a rep in Review a plugin checks the help against these signals rather
// than [Infer]'s: a barrier the manager recorded as the plan's cause would
// send [Prescribe] to Training for DontKnow, and the plan's coaching would
// look misdirected. For the other stages, [Infer] reads the signals from
// the evidence, and comparing its prescription with j.Stage().Help() shows
// a journey that lags or leads what the evidence says.
func (j Journey) Signals() (Signals, bool) {
	s := Signals{MeetsStandard: j.below == 0}
	switch j.stage {
	case InTraining:
	case InMentoring:
		s.KnowsWhat = true
	case InCoaching:
		s.KnowsWhat, s.KnowsHow = true, true
	case InReview:
		s.KnowsWhat, s.KnowsHow = true, true
		if j.cause == IncorrectThinking {
			s.Barrier = IncorrectThinking
		}
	default:
		return Signals{}, false
	}
	return s, true
}

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

// lasted reports whether days full days have elapsed from t0 to t.
func lasted(t0, t time.Time, days int) bool { return !t.Before(t0.Add(time.Duration(days) * oneDay)) }

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
//     on [Journey]; nothing applies once Exited;
//   - coaching cycles run one at a time: CycleStarted needs no cycle open,
//     CycleImproved and CycleNotImproved need one ([ErrCycleOrder]).
//
// A TrainingCompleted or MentoringCompleted before the stage has lasted
// its planned length (the ramp's TrainingDays or MentoringDays, in days of
// 24 hours from [Journey.Since]) is accepted, but the stage was cut short:
// see [Journey.FullStages].
//
// A KnowledgeGapFound sends a rep in Mentoring or Coaching back to
// Training: "sometimes a coaching session may reveal that a re-training is
// needed" ("Three Key Areas That Every Sales Organization Must Get
// Right"). The TrainingCompleted that ends the re-training returns the rep
// to the stage the gap was found in: Mentoring for a gap found in
// Mentoring, Coaching for a gap found in Coaching, since the re-trained
// rep already knew how (a library rule: the article does not say where a
// re-trained rep goes next). One exception keeps the fair-review rules: a rep
// in Coaching whose Mentoring stage was cut short returns to Mentoring,
// the full stage they are owed before any performance plan. Both cases
// are one rule, which is the one Apply follows: TrainingCompleted leads to
// Coaching when the rep has completed a full Mentoring stage, and to
// Mentoring otherwise (a rep in Mentoring never has).
//
// A CycleNotImproved counts as a failed cycle
// only when the cycle lasted the journey's MinCycleDays: coaching "takes
// time and cannot be achieved in a quick 30-minute session" ("Three Key
// Areas"), so a short cycle is no evidence that coaching failed.
//
// ReviewStarted, the escalation to a performance plan, applies only from
// Coaching and only when all of these hold, checked in this order:
//
//   - the rep is past the ramp: e.At is not before [Journey.RampEnds]
//     ([ErrInsideRamp]);
//   - the rep has had a Training and a Mentoring stage of their planned
//     lengths ([ErrStagesCut]); a rep whose stages were cut short is owed
//     them again, which a knowledge gap (back to Training) gives;
//   - at least MinPeriodsBelow (2 by default, a library default)
//     consecutive periods below standard past the ramp
//     ([ErrNotBelowStandard]);
//   - at least one coaching cycle of at least MinCycleDays ended without
//     improvement ([ErrNoFailedCycle]);
//   - the cause is the rep's skill (DontKnow) or will (IncorrectThinking),
//     not a management barrier and not unknown ([ErrNotSkillOrWill]);
//   - a skill cause only after a re-training ([ErrNotRetrained]): "a
//     coaching session may reveal that a re-training is needed", and a
//     rep who lacks the knowledge is re-trained before a plan, not put on
//     one.
//
// These are the journey's own facts; [CheckReview] adds what it cannot
// know (the coaching cadence and the evidence of no improvement).
//
// A performance plan ends in ReviewPassed (back to Coaching, with the
// periods below standard, failed cycles, extensions, cause and
// re-training cleared), ReviewExtended (the rep stays in Review) or
// ReviewFailed (Exited). Leaving Coaching closes any open cycle.
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
		n.cycle = time.Time{}
	}
	switch e.Kind {
	case TrainingCompleted:
		if j.stage != InTraining {
			return refuse(ErrWrongStage, "applies in training")
		}
		// Back to where the gap was found: a rep who has had a full
		// Mentoring stage was in Coaching (Mentoring never holds one), and
		// one who has not is owed it.
		if j.fullMentoring {
			enter(InCoaching)
		} else {
			enter(InMentoring)
		}
		n.fullTraining = j.fullTraining || lasted(j.since, t, j.trainingDays)
		if j.retraining {
			n.retraining, n.retrained = false, true
		}
	case MentoringCompleted:
		if j.stage != InMentoring {
			return refuse(ErrWrongStage, "applies in mentoring")
		}
		enter(InCoaching)
		n.fullMentoring = j.fullMentoring || lasted(j.since, t, j.mentoringDays)
	case KnowledgeGapFound:
		if j.stage != InMentoring && j.stage != InCoaching {
			return refuse(ErrWrongStage, "applies in mentoring or coaching")
		}
		enter(InTraining)
		n.failed = 0
		n.retraining = true
	case PeriodMet:
		n.below = 0
	case PeriodMissed:
		if !t.Before(j.rampEnds) {
			n.below = min(j.below+1, maxCount)
		}
	case CycleStarted:
		switch {
		case j.stage != InCoaching:
			return refuse(ErrWrongStage, "applies in coaching")
		case !j.cycle.IsZero():
			return refuse(ErrCycleOrder, "a cycle started "+j.cycle.Format(time.RFC3339)+" is open")
		}
		n.cycle = t
	case CycleImproved, CycleNotImproved:
		switch {
		case j.stage != InCoaching:
			return refuse(ErrWrongStage, "applies in coaching")
		case j.cycle.IsZero():
			return refuse(ErrCycleOrder, "no cycle started")
		}
		n.cycle = time.Time{}
		if e.Kind == CycleImproved {
			n.failed = 0
		} else if lasted(j.cycle, t, j.minCycleDays) {
			n.failed = min(j.failed+1, maxCount)
		}
	case ReviewStarted:
		switch {
		case j.stage != InCoaching:
			return refuse(ErrWrongStage, "applies in coaching")
		case t.Before(j.rampEnds):
			return refuse(ErrInsideRamp, "ramp ends "+j.rampEnds.Format(time.RFC3339))
		case !j.fullTraining || !j.fullMentoring:
			return refuse(ErrStagesCut, j.cutDetail())
		case j.below < j.minBelow:
			return refuse(ErrNotBelowStandard, plural(j.below, "period")+" below standard past the ramp, need "+strconv.Itoa(j.minBelow))
		case j.failed < 1:
			return refuse(ErrNoFailedCycle, "0 failed coaching cycles of at least "+plural(j.minCycleDays, "day")+", need 1")
		case !e.Cause.skillOrWill():
			return refuse(ErrNotSkillOrWill, "cause "+e.Cause.String())
		case e.Cause == DontKnow && !j.retrained:
			return refuse(ErrNotRetrained, "no knowledge gap found and training completed since the start or the last plan")
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
			n.below, n.failed, n.extensions, n.cause, n.retrained = 0, 0, 0, NoBarrier, false
		case ReviewExtended:
			n.extensions = min(j.extensions+1, maxCount)
		case ReviewFailed:
			enter(Exited)
			n.exitedBy = ReviewFailed
		}
	case Departed:
		enter(Exited)
		n.exitedBy = Departed
		n.retraining = false
	}
	return n, nil
}

// cutDetail says which stages were cut short, for an [ErrStagesCut]
// refusal.
func (j Journey) cutDetail() string {
	var s string
	if !j.fullTraining {
		s = "no training stage of the planned " + plural(j.trainingDays, "day")
	}
	if !j.fullMentoring {
		if s != "" {
			s += ", "
		}
		s += "no mentoring stage of the planned " + plural(j.mentoringDays, "day")
	}
	return s
}

// validate reports whether j is a state some sequence of events from
// [Start] can reach, or why not.
func (j Journey) validate() string {
	if !j.stage.valid() {
		return "stage " + j.stage.String()
	}
	if !j.cause.valid() {
		return "cause " + j.cause.String()
	}
	if !j.exitedBy.valid() {
		return "exited_by " + j.exitedBy.String()
	}
	if j.stage == Unstarted {
		if j != (Journey{stage: Unstarted, started: j.started, rampEnds: j.rampEnds, since: j.since, updated: j.updated, cycle: j.cycle}) ||
			!j.started.IsZero() || !j.rampEnds.IsZero() || !j.since.IsZero() || !j.updated.IsZero() || !j.cycle.IsZero() {
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
		name   string
		v      int
		lo, hi int
	}{
		{"training_days", j.trainingDays, 0, MaxDays},
		{"mentoring_days", j.mentoringDays, 0, MaxDays},
		{"min_periods_below", j.minBelow, 1, maxCount},
		{"min_cycle_days", j.minCycleDays, 1, MaxDays},
		{"periods_below_standard", j.below, 0, maxCount},
		{"failed_cycles", j.failed, 0, maxCount},
		{"extensions", j.extensions, 0, maxCount},
	} {
		if c.v < c.lo || c.v > c.hi {
			return c.name + " = " + strconv.Itoa(c.v) + " outside [" + strconv.Itoa(c.lo) + ", " + strconv.Itoa(c.hi) + "]"
		}
	}
	if j.below > 0 && j.updated.Before(j.rampEnds) {
		return "periods below standard counted inside the ramp"
	}
	if !j.cycle.IsZero() {
		switch {
		case j.stage != InCoaching:
			return "a coaching cycle open outside coaching"
		case j.cycle.Before(j.since) || j.cycle.After(j.updated):
			return "cycle_started outside the coaching stage"
		}
	}
	if j.fullTraining && !lasted(j.started, j.updated, j.trainingDays) {
		return "a full training stage before training_days have passed"
	}
	if j.fullMentoring && !lasted(j.started, j.updated, j.mentoringDays) {
		return "a full mentoring stage before mentoring_days have passed"
	}
	if j.retraining && j.stage != InTraining {
		return "retraining outside training"
	}
	if j.stage == InMentoring && j.fullMentoring {
		// Re-training after a full Mentoring stage returns to Coaching.
		return "a mentoring stage after a full mentoring stage"
	}
	if j.stage == InTraining && !j.retraining {
		// The first Training stage: nothing else has happened yet.
		switch {
		case !j.since.Equal(j.started):
			return "a first training stage that began after the start"
		case j.fullTraining || j.fullMentoring || j.retrained:
			return "a first training stage with stages or re-training completed"
		}
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
		case !j.fullTraining || !j.fullMentoring:
			return "a performance plan after stages cut short"
		case j.cause == DontKnow && !j.retrained:
			return "a performance plan for a skill cause without re-training"
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

// journeyVersion is the version of the stored form of a Journey, written
// in every journey's JSON. It changes when a field is renamed, removed or
// changes meaning; UnmarshalJSON reads this version only.
const journeyVersion = 1

// journeyJSON is the stored form of a Journey.
type journeyJSON struct {
	Version              int       `json:"version"`
	Stage                Stage     `json:"stage"`
	Started              time.Time `json:"started"`
	RampEnds             time.Time `json:"ramp_ends"`
	TrainingDays         int       `json:"training_days"`
	MentoringDays        int       `json:"mentoring_days"`
	MinPeriodsBelow      int       `json:"min_periods_below"`
	MinCycleDays         int       `json:"min_cycle_days"`
	Since                time.Time `json:"since"`
	Updated              time.Time `json:"updated"`
	CycleStarted         time.Time `json:"cycle_started"`
	PeriodsBelowStandard int       `json:"periods_below_standard"`
	FailedCycles         int       `json:"failed_cycles"`
	Extensions           int       `json:"extensions"`
	FullTraining         bool      `json:"full_training"`
	FullMentoring        bool      `json:"full_mentoring"`
	Retraining           bool      `json:"retraining"`
	Retrained            bool      `json:"retrained"`
	Cause                Barrier   `json:"cause"`
	ExitedBy             EventKind `json:"exited_by"`
}

// MarshalJSON implements [json.Marshaler]: the version of the stored form
// (1), the stage, the dates (RFC 3339; cycle_started is the zero time when
// no cycle is open), the ramp's planned stage lengths and the journey's two
// rules, the counters and the flags, with lower_snake_case keys, for
// storage in a CRM:
//
//	{"version":1,"stage":"coaching","started":"2025-01-06T00:00:00Z","ramp_ends":"2025-06-05T00:00:00Z",
//	 "training_days":45,"mentoring_days":90,"min_periods_below":2,"min_cycle_days":60,
//	 "since":"2025-05-21T00:00:00Z","updated":"2025-07-01T00:00:00Z","cycle_started":"0001-01-01T00:00:00Z",
//	 "periods_below_standard":1,"failed_cycles":0,"extensions":0,"full_training":true,"full_mentoring":true,
//	 "retraining":false,"retrained":false,"cause":"none","exited_by":"none"}
func (j Journey) MarshalJSON() ([]byte, error) {
	return json.Marshal(journeyJSON{
		Version: journeyVersion,
		Stage:   j.stage, Started: j.started, RampEnds: j.rampEnds,
		TrainingDays: j.trainingDays, MentoringDays: j.mentoringDays,
		MinPeriodsBelow: j.minBelow, MinCycleDays: j.minCycleDays,
		Since: j.since, Updated: j.updated, CycleStarted: j.cycle,
		PeriodsBelowStandard: j.below, FailedCycles: j.failed, Extensions: j.extensions,
		FullTraining: j.fullTraining, FullMentoring: j.fullMentoring,
		Retraining: j.retraining, Retrained: j.retrained,
		Cause: j.cause, ExitedBy: j.exitedBy,
	})
}

// UnmarshalJSON implements [json.Unmarshaler] strictly: a missing or
// unknown version (this package reads version 1, and checks it before
// anything else, so a journey stored by a later version is refused for its
// version), unknown fields, a field given twice, a key in another case than its own ("Stage" for
// "stage"), unknown enum text, trailing data and a state no sequence of
// events can reach (times out of order, a performance plan inside the
// ramp, without a failed coaching cycle or after stages cut short,
// counters out of range, …) are errors. A missing or zero
// min_periods_below or min_cycle_days of a started journey reads as the
// default ([DefaultReviewRules]), as a zero [ReviewRules] field does. The
// error is an [*InputError] wrapping [ErrInvalidEnum] or
// [ErrInvalidJourney]; on error j is left unchanged. JSON null leaves j
// unchanged, as [json.Unmarshal] does.
func (j *Journey) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	if err := checkVersion("Journey.UnmarshalJSON", data, journeyVersion, ErrInvalidJourney); err != nil {
		return err
	}
	var w journeyJSON
	if err := strictDecode("Journey.UnmarshalJSON", data, &w, ErrInvalidJourney); err != nil {
		return err
	}
	n := Journey{
		stage: w.Stage, started: w.Started.Round(0), rampEnds: w.RampEnds.Round(0),
		trainingDays: w.TrainingDays, mentoringDays: w.MentoringDays,
		minBelow: w.MinPeriodsBelow, minCycleDays: w.MinCycleDays,
		since: w.Since.Round(0), updated: w.Updated.Round(0), cycle: w.CycleStarted.Round(0),
		below: w.PeriodsBelowStandard, failed: w.FailedCycles, extensions: w.Extensions,
		fullTraining: w.FullTraining, fullMentoring: w.FullMentoring,
		retraining: w.Retraining, retrained: w.Retrained,
		cause: w.Cause, exitedBy: w.ExitedBy,
	}
	if n.stage != Unstarted {
		d := DefaultReviewRules()
		n.minBelow = cmp.Or(n.minBelow, d.MinPeriodsBelow)
		n.minCycleDays = cmp.Or(n.minCycleDays, d.MinCycleDays)
	}
	if n.cycle.IsZero() {
		n.cycle = time.Time{} // the zero time in any location is no open cycle
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
