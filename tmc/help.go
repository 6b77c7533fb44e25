package tmc

// Help is the kind of help a rep is given, or needs: one of the three kinds
// of development (Training, Mentoring, Coaching) or Management, which is no
// development at all but fixing incentives or obstacles.
//
// The zero value, NoHelp, means no help was decided or given; [Prescribe]
// never returns it. The four named kinds keep their meaning from the T.M.C.
// plan whatever their numbers.
type Help int

const (
	// NoHelp means no help was decided or given.
	NoHelp Help = iota
	// Training is the transfer of knowledge: policies, procedures and
	// selling techniques. It is the early stage of a rep's development, and
	// the right answer again (re-training) when a tenured rep turns out not
	// to know what to do.
	Training
	// Mentoring is peer to peer: a highly skilled peer shares knowledge and
	// fills the gaps only a peer can articulate, which the manager cannot.
	// It fits a rep who knows what to do but not how.
	Mentoring
	// Coaching is for a rep who already knows what to do and how: the issue
	// is an unknown blockage, and the rep self-generates or co-generates
	// the solution. It takes time; it is not a quick 30-minute session.
	Coaching
	// Management is not development: the rep is held back by misaligned
	// consequences (incentives) or constraints (the environment), which no
	// training, mentoring or coaching fixes. It is also what a meeting that
	// only reviews results and assigns KPIs is, however it felt (see
	// [Classify]).
	Management
)

var helpNames = []string{"none", "training", "mentoring", "coaching", "management"}

// String returns "training", "mentoring", "coaching", "management" or, for
// NoHelp, "none". An unknown value prints as a diagnostic such as
// "%!Help(9)".
func (h Help) String() string { return enumString("Help", helpNames, int(h)) }

// MarshalText implements [encoding.TextMarshaler]. It returns an error for
// an unknown value rather than writing text that cannot be read back.
func (h Help) MarshalText() ([]byte, error) { return enumMarshal("Help", helpNames, int(h)) }

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts the
// output of [Help.String] in any case; other text is an [*InputError]
// wrapping [ErrInvalidEnum], and h is left unchanged.
func (h *Help) UnmarshalText(text []byte) error {
	i, err := enumParse("Help", helpNames, text)
	if err != nil {
		return err
	}
	*h = Help(i)
	return nil
}

// A Barrier is what holds a rep back from performing, in the four kinds
// Mager and Pipe's performance analysis distinguishes, as used in sales
// coaching. Two are the rep's (skill and will), two are the organisation's
// (incentives and environment).
//
// The zero value, NoBarrier, means none has been identified, or it is
// unknown.
type Barrier int

const (
	// NoBarrier means no barrier has been identified, or it is unknown.
	NoBarrier Barrier = iota
	// DontKnow is a lack of knowledge or skill: the rep could not do it
	// even if their life depended on it. A skill barrier.
	DontKnow
	// IncorrectThinking is a belief that holds the rep back ("this client
	// will never buy", "asking for the order is pushy"). A will barrier.
	IncorrectThinking
	// MisalignedConsequences are incentives that reward something else, or
	// punish doing the right thing. Management's to fix.
	MisalignedConsequences
	// Constraints are obstacles in the environment: territory, leads,
	// tools, time, policy. Management's to fix.
	Constraints
)

var barrierNames = []string{"none", "dont-know", "incorrect-thinking", "misaligned-consequences", "constraints"}

// String returns "none", "dont-know", "incorrect-thinking",
// "misaligned-consequences" or "constraints". An unknown value prints as a
// diagnostic such as "%!Barrier(9)".
func (b Barrier) String() string { return enumString("Barrier", barrierNames, int(b)) }

// valid reports whether b is one of the declared values, NoBarrier included.
func (b Barrier) valid() bool { return b >= NoBarrier && b <= Constraints }

// MarshalText implements [encoding.TextMarshaler]. It returns an error for
// an unknown value rather than writing text that cannot be read back.
func (b Barrier) MarshalText() ([]byte, error) {
	return enumMarshal("Barrier", barrierNames, int(b))
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts the
// output of [Barrier.String] in any case; other text is an [*InputError]
// wrapping [ErrInvalidEnum], and b is left unchanged.
func (b *Barrier) UnmarshalText(text []byte) error {
	i, err := enumParse("Barrier", barrierNames, text)
	if err != nil {
		return err
	}
	*b = Barrier(i)
	return nil
}

// skillOrWill reports whether b is the rep's own: skill or will.
func (b Barrier) skillOrWill() bool { return b == DontKnow || b == IncorrectThinking }

// Signals are what a manager has observed about a rep on one part of the
// job: whether the rep knows what to do, knows how to do it, meets the
// standard, and what barrier, if any, holds the rep back. The zero Signals
// describe a rep who knows nothing yet: [Prescribe] answers Training.
type Signals struct {
	// KnowsWhat reports whether the rep knows what to do.
	KnowsWhat bool `json:"knows_what"`
	// KnowsHow reports whether the rep knows how to do it.
	KnowsHow bool `json:"knows_how"`
	// MeetsStandard reports whether the rep meets the standard.
	MeetsStandard bool `json:"meets_standard"`
	// Barrier is what holds the rep back, in the four kinds of Mager and
	// Pipe's performance analysis; NoBarrier when none has been
	// identified or it is unknown.
	Barrier Barrier `json:"barrier"`
}

// Validate reports whether s has a known barrier. It returns an
// [*InputError] wrapping [ErrInvalidEnum] otherwise.
func (s Signals) Validate() error {
	if !s.Barrier.valid() {
		return inputErr("Signals.Validate", "barrier "+s.Barrier.String(), ErrInvalidEnum)
	}
	return nil
}

// A Prescription is the help a rep needs and the reason for it, written
// for the manager who will give it.
type Prescription struct {
	// Help is the kind of help the rep needs: Training, Mentoring,
	// Coaching or Management ([Prescribe] never answers NoHelp).
	Help Help `json:"help"`
	// Reason says why, in words for the manager who will give the help.
	Reason string `json:"reason"`
}

// The reasons Prescribe gives, one per rule.
const (
	reasonIncentives  = "misaligned consequences: incentives reward something else; no training, mentoring or coaching fixes incentives, so fix the consequences"
	reasonConstraints = "constraints: an obstacle in the environment (territory, leads, tools, time, policy) holds the rep back; no training, mentoring or coaching removes it, so remove the obstacle"
	reasonDontKnow    = "the rep lacks the knowledge or skill: transfer it (policies, procedures, selling techniques); for a tenured rep this is re-training"
	reasonNoWhat      = "the rep does not know what to do: transfer the knowledge (policies, procedures, selling techniques); for a tenured rep this is re-training"
	reasonNoHow       = "the rep knows what to do but not how: pair them with a highly skilled peer, who can articulate the how in a way the manager cannot"
	reasonThinking    = "the rep knows what to do and how, but a belief holds them back: coach them to surface and test it; it takes time, not one 30-minute session"
	reasonBlockage    = "the rep knows what to do and how, yet is below standard: coach to find the unknown blockage and let the rep generate the solution; it takes time, not one 30-minute session"
	reasonGrow        = "the rep knows what to do and how and meets the standard: coach to challenge and grow"
)

// Prescribe returns the help a rep with signals s needs. The rules apply in
// this order, the first that matches deciding:
//
//  1. a MisalignedConsequences or Constraints barrier → Management,
//     whatever else is true: no training fixes incentives or obstacles;
//  2. a DontKnow barrier, or not knowing what to do → Training
//     (re-training, for a tenured rep);
//  3. knowing what but not how → Mentoring;
//  4. knowing both, and below standard or held back by IncorrectThinking
//     → Coaching, to find the blockage;
//  5. knowing both and meeting the standard → Coaching, to challenge and
//     grow.
//
// Every prescription carries a Reason a manager can read. A Barrier
// outside the declared values is read as unknown, like NoBarrier; use
// [Signals.Validate] to refuse it instead.
func Prescribe(s Signals) Prescription {
	switch {
	case s.Barrier == MisalignedConsequences:
		return Prescription{Management, reasonIncentives}
	case s.Barrier == Constraints:
		return Prescription{Management, reasonConstraints}
	case s.Barrier == DontKnow:
		return Prescription{Training, reasonDontKnow}
	case !s.KnowsWhat:
		return Prescription{Training, reasonNoWhat}
	case !s.KnowsHow:
		return Prescription{Mentoring, reasonNoHow}
	case s.Barrier == IncorrectThinking:
		return Prescription{Coaching, reasonThinking}
	case !s.MeetsStandard:
		return Prescription{Coaching, reasonBlockage}
	default:
		return Prescription{Coaching, reasonGrow}
	}
}

// Misdirected reports whether giving help given to a rep with signals s
// is misdirected: whether given differs from [Prescribe](s).Help. NoHelp,
// or an unknown Help, is always misdirected, since every rep needs some
// help.
//
// The pair of the help given and the help needed, Prescribe(s).Help, names
// the misdirection. "Three Key Areas That Every Sales Organization Must
// Get Right" lists three: "sitting through training when they need
// coaching" (Training given, Coaching needed), "being coached when they
// need a re-training" (Coaching given, Training needed) and "being mentored
// when mentoring is not the solution" (Mentoring given, anything else
// needed).
func Misdirected(given Help, s Signals) bool { return given != Prescribe(s).Help }
