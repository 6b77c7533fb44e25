package tmc

import (
	"strconv"
	"time"

	"github.com/salesdev/salesdev/competency"
)

// A Topic is something a 1:1 between a manager and a rep covered. What a
// session covered, not how it felt, decides what kind of help it was: see
// [Classify].
type Topic int

const (
	// NoTopic is not a topic; a session listing it is refused.
	NoTopic Topic = iota
	// ResultsReview looks back at the numbers: "This is how you have done"
	// (ASLAN Training, "Know the Difference Between Coaching & Managing").
	// Management.
	ResultsReview
	// TargetSetting sets what must be reached: "This what we need to do"
	// (the same article). Management.
	TargetSetting
	// KPIAssignment hands out the KPIs to hit: "This is your average order
	// value" (the same article). Management.
	KPIAssignment
	// KnowledgeTransfer teaches policies, procedures, product or selling
	// techniques. Training.
	KnowledgeTransfer
	// PeerInsight is a skilled peer sharing how they do it. Mentoring.
	PeerInsight
	// Observation is watching the rep sell (a call, a meeting) to see what
	// happens. Coaching.
	Observation
	// Practice is rehearsing a scenario or routine: role play, a dry run.
	// Coaching.
	Practice
	// BlockageExploration is asking questions that help the rep find what
	// holds them back. Coaching.
	BlockageExploration
	// ForwardPlan is the rep's own plan for what to do next and
	// differently. Coaching.
	ForwardPlan
)

var topicNames = []string{
	"none",
	"results-review",
	"target-setting",
	"kpi-assignment",
	"knowledge-transfer",
	"peer-insight",
	"observation",
	"practice",
	"blockage-exploration",
	"forward-plan",
}

// String returns the topic's name in kebab case, such as "results-review",
// or "none" for NoTopic. An unknown value prints as a diagnostic such as
// "%!Topic(99)".
func (t Topic) String() string { return enumString("Topic", topicNames, int(t)) }

// help returns the kind of help a session covering only t is: Management
// for ResultsReview, TargetSetting and KPIAssignment; Training for
// KnowledgeTransfer; Mentoring for PeerInsight; Coaching for Observation,
// Practice, BlockageExploration and ForwardPlan; NoHelp for NoTopic or an
// unknown topic.
func (t Topic) help() Help {
	switch t {
	case ResultsReview, TargetSetting, KPIAssignment:
		return Management
	case KnowledgeTransfer:
		return Training
	case PeerInsight:
		return Mentoring
	case Observation, Practice, BlockageExploration, ForwardPlan:
		return Coaching
	}
	return NoHelp
}

// MarshalText implements [encoding.TextMarshaler]. It returns an error for
// an unknown value rather than writing text that cannot be read back.
func (t Topic) MarshalText() ([]byte, error) { return enumMarshal("Topic", topicNames, int(t)) }

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts the
// output of [Topic.String] in any case; other text is an [*InputError]
// wrapping [ErrInvalidEnum], and t is left unchanged.
func (t *Topic) UnmarshalText(text []byte) error {
	i, err := enumParse("Topic", topicNames, text)
	if err != nil {
		return err
	}
	*t = Topic(i)
	return nil
}

// Classify returns the kind of help a 1:1 that covered topics was:
//
//  1. only results review, target setting or KPI assignment → Management.
//     ASLAN Training's "Know the Difference Between Coaching & Managing"
//     describes a leader who met the team "to review and assign KPIs"
//     ("This is how you have done," "This what we need to do," "This is
//     your average order value"): the team felt coached, but "they had a
//     management session";
//  2. otherwise the management topics are set aside and the developmental
//     ones decide, the least developmental first: any knowledge transfer →
//     Training (telling is not coaching); otherwise any peer insight →
//     Mentoring; otherwise (observation, practice, blockage exploration,
//     forward plan) → Coaching.
//
// So a coaching session that also reviews results is Coaching: the
// article's management session did nothing but review and assign KPIs,
// and in the same article "Coaching is forward looking", looking for the
// competencies that, improved, would change results, which a look at the
// results may open. Reading rule 2 this way for a session that mixes
// management with development, and the order of the developmental kinds,
// are library rules. A session counts whole as its one kind, so all the
// minutes of a coaching session that also reviewed results count towards
// the coaching cadence; a session that was management only never does.
//
// Classify returns an [*InputError] wrapping [ErrEmpty] for no topics and
// [ErrInvalidEnum] for NoTopic or an unknown topic. It does not modify
// topics.
func Classify(topics []Topic) (Help, error) {
	if len(topics) == 0 {
		return NoHelp, inputErr("Classify", "topics", ErrEmpty)
	}
	// Help's order is not the precedence, so rank explicitly: among the
	// developmental topics, the session takes the kind of the least
	// developmental.
	rank := func(h Help) int {
		switch h {
		case Training:
			return 2
		case Mentoring:
			return 1
		}
		return 0
	}
	kind := NoHelp // the developmental kind so far; none while only management
	for i, t := range topics {
		h := t.help()
		switch {
		case h == NoHelp:
			return NoHelp, inputErr("Classify", "topics["+strconv.Itoa(i)+"] = "+t.String(), ErrInvalidEnum)
		case h == Management:
		case kind == NoHelp || rank(h) > rank(kind):
			kind = h
		}
	}
	if kind == NoHelp {
		return Management, nil
	}
	return kind, nil
}

// A Role is the part the giver of a session plays for the rep: the rep's
// manager, a peer mentor, or a trainer. "Sales Management vs Sales
// Mentorship" asks managers whether they manage or mentor; "Three Key
// Areas That Every Sales Organization Must Get Right" keeps mentoring peer
// to peer and out of training and coaching. [SessionMix] reads sessions by
// role.
//
// The zero value, UnknownRole, means the role was not recorded.
type Role int

const (
	// UnknownRole means the giver's role was not recorded.
	UnknownRole Role = iota
	// Manager is the rep's manager: the one who coaches, and who manages
	// (results, targets, KPIs).
	Manager
	// Mentor is a peer mentor: a highly skilled peer who shares knowledge;
	// "The role of a Mentor is not to train or coach a sales rep" ("Three
	// Key Areas That Every Sales Organization Must Get Right").
	Mentor
	// Trainer is someone from the training team, who transfers knowledge.
	Trainer
)

var roleNames = []string{"unknown", "manager", "mentor", "trainer"}

// String returns "manager", "mentor", "trainer" or, for UnknownRole,
// "unknown". An unknown value prints as a diagnostic such as "%!Role(9)".
func (r Role) String() string { return enumString("Role", roleNames, int(r)) }

// valid reports whether r is one of the declared values, UnknownRole
// included.
func (r Role) valid() bool { return r >= UnknownRole && r <= Trainer }

// MarshalText implements [encoding.TextMarshaler]. It returns an error for
// an unknown value rather than writing text that cannot be read back.
func (r Role) MarshalText() ([]byte, error) { return enumMarshal("Role", roleNames, int(r)) }

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts the
// output of [Role.String] in any case; other text is an [*InputError]
// wrapping [ErrInvalidEnum], and r is left unchanged.
func (r *Role) UnmarshalText(text []byte) error {
	i, err := enumParse("Role", roleNames, text)
	if err != nil {
		return err
	}
	*r = Role(i)
	return nil
}

// A Session is one 1:1 with a rep: when it started, how many minutes it
// lasted, what it covered, and who gave it in which role. By and Role may
// be empty and UnknownRole where the CRM does not record them.
type Session struct {
	// Rep is the ID of the rep the session was with.
	Rep string `json:"rep"`
	// At is when the session started.
	At time.Time `json:"at"`
	// Minutes is how long the session lasted, in [0, 1440].
	Minutes int `json:"minutes"`
	// Topics are what the session covered, from which [Classify] reads
	// its kind of help.
	Topics []Topic `json:"topics"`
	// By is who gave the session; "" when not recorded.
	By string `json:"by"`
	// Role is the part the giver played; UnknownRole when not recorded.
	Role Role `json:"role"`
}

// maxSessionMinutes bounds a session's length: a 1:1 longer than a day is a
// data error.
const maxSessionMinutes = 24 * 60

// Validate reports whether s has a rep, a non-zero time, a length in [0,
// 1440] minutes, topics [Classify] accepts and a known role. The error is
// an [*InputError] wrapping [ErrEmpty], [ErrNegative], [ErrOutOfRange] or
// [ErrInvalidEnum].
func (s Session) Validate() error {
	const fn = "Session.Validate"
	switch {
	case s.Rep == "":
		return inputErr(fn, "rep", ErrEmpty)
	case s.At.IsZero():
		return inputErr(fn, "at: zero time", ErrEmpty)
	case s.Minutes < 0:
		return inputErr(fn, "minutes = "+strconv.Itoa(s.Minutes), ErrNegative)
	case s.Minutes > maxSessionMinutes:
		return inputErr(fn, "minutes = "+strconv.Itoa(s.Minutes), ErrOutOfRange)
	}
	if _, err := Classify(s.Topics); err != nil {
		return err
	}
	if !s.Role.valid() {
		return inputErr(fn, "role "+s.Role.String(), ErrInvalidEnum)
	}
	return nil
}

// A CoachingMonth is one rep's 1:1 time in one calendar month: the hours
// of sessions that [Classify] counts as coaching, the hours of the others,
// and whether the coaching reached [competency.CoachingCadence].
type CoachingMonth struct {
	// Year is the month's calendar year.
	Year int `json:"year"`
	// Month is the calendar month, 1 (January) to 12.
	Month time.Month `json:"month"`
	// CoachingHours is the hours of the month's 1:1 sessions that
	// [Classify] counts as coaching.
	CoachingHours float64 `json:"coaching_hours"`
	// CoachingSessions is the number of the month's 1:1 sessions that
	// count as coaching.
	CoachingSessions int `json:"coaching_sessions"`
	// OtherHours is the hours of the month's other 1:1 sessions:
	// management, training and mentoring.
	OtherHours float64 `json:"other_hours"`
	// OtherSessions is the number of the month's other 1:1 sessions.
	OtherSessions int `json:"other_sessions"`
	// MeetsCadence reports whether the month's coaching reached
	// [competency.CoachingCadence], three hours (an outside figure, from
	// a Sales Executive Council study, not the articles').
	MeetsCadence bool `json:"meets_cadence"`
}

// maxMonths bounds a report's length: a century of months.
const maxMonths = 1200

// CoachingHours reports rep's coaching per calendar month, from the month
// of from to the month of to, both included, one [CoachingMonth] each, months
// without sessions included (they are the ones to flag). A month meets the
// cadence with at least [competency.CoachingCadence] hours of coaching:
// three hours a month, an outside figure, not the articles': in a Sales
// Executive Council study, reps who received three or more hours of
// coaching a month reached 107% of quota, against 88% for reps who
// received less. A session counts in the month of its At, in At's own
// location, so pass times in the team's time zone; sessions of other reps
// or outside the months are skipped, so a team's whole log can be passed.
//
// CoachingHours returns an [*InputError] wrapping [ErrEmpty] for an empty
// rep, [ErrTimeOrder] when to's month is before from's, [ErrOutOfRange]
// for more than 1200 months, or the error of [Session.Validate] for the
// first invalid session, whoever's it is: a log with bad entries is
// reported, not partly read. It does not modify sessions.
func CoachingHours(rep string, sessions []Session, from, to time.Time) ([]CoachingMonth, error) {
	const fn = "CoachingHours"
	if rep == "" {
		return nil, inputErr(fn, "rep", ErrEmpty)
	}
	first := from.Year()*12 + int(from.Month()) - 1
	last := to.Year()*12 + int(to.Month()) - 1
	if last < first {
		return nil, inputErr(fn, "to "+to.Format("2006-01")+" before from "+from.Format("2006-01"), ErrTimeOrder)
	}
	if last-first >= maxMonths {
		return nil, inputErr(fn, strconv.Itoa(last-first+1)+" months", ErrOutOfRange)
	}
	coaching := make([]int, last-first+1) // minutes, summed as integers so the hours do not depend on order
	other := make([]int, last-first+1)
	months := make([]CoachingMonth, last-first+1)
	for i, s := range sessions {
		if err := s.Validate(); err != nil {
			return nil, rewrap(fn, "sessions["+strconv.Itoa(i)+"]: ", err)
		}
		if s.Rep != rep {
			continue
		}
		m := s.At.Year()*12 + int(s.At.Month()) - 1
		if m < first || m > last {
			continue
		}
		kind, _ := Classify(s.Topics) // valid: checked above
		k := m - first
		if kind == Coaching {
			coaching[k] += s.Minutes
			months[k].CoachingSessions++
		} else {
			other[k] += s.Minutes
			months[k].OtherSessions++
		}
	}
	for k := range months {
		y := floorDiv(first+k, 12)
		months[k].Year = y
		months[k].Month = time.Month(first + k - 12*y + 1)
		months[k].CoachingHours = float64(coaching[k]) / 60
		months[k].OtherHours = float64(other[k]) / 60
		months[k].MeetsCadence = float64(coaching[k]) >= competency.CoachingCadence*60
	}
	return months, nil
}

// floorDiv returns ⌊a/b⌋ for b > 0, also for negative a (years before 1 BC
// are valid times).
func floorDiv(a, b int) int {
	q := a / b
	if a%b < 0 {
		q--
	}
	return q
}
