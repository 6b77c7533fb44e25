package tmc

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
	// ("Sales Management vs Sales Mentorship") for a rep who does not
	// perform after solid training and coaching.
	InReview
	// Exited: the rep failed the plan or left. No event applies any more.
	Exited
)

var stageNames = []string{"unstarted", "training", "mentoring", "coaching", "review", "exited"}

// String returns "unstarted", "training", "mentoring", "coaching",
// "review" or "exited". An unknown value prints as a diagnostic such as
// "%!Stage(9)".
func (s Stage) String() string { return enumString("Stage", stageNames, int(s)) }

// valid reports whether s is one of the declared values, Unstarted
// included.
func (s Stage) valid() bool { return s >= Unstarted && s <= Exited }

// Help returns the help a rep in stage s is getting: Training, Mentoring
// or Coaching for the three development stages, Coaching for a
// performance plan, and NoHelp for Unstarted, Exited or an unknown stage.
// Pass it to [Misdirected] to check the journey against the rep's signals.
//
// A performance plan is not an end to development: during the plan the
// rep keeps getting the help that led to it, coaching, so that a plan is
// the "other discussion" after solid coaching ("Sales Management vs Sales
// Mentorship"), not instead of it. With the signals of a rep on a plan,
// [Journey.Signals], [Misdirected](InReview.Help(), s) is false for both
// causes a fair plan allows: IncorrectThinking, which coaching works on,
// and DontKnow, which a fair plan allows only after a re-training (see
// [CheckReview]), so that what remains is applying the knowledge.
func (s Stage) Help() Help {
	switch s {
	case InTraining:
		return Training
	case InMentoring:
		return Mentoring
	case InCoaching, InReview:
		return Coaching
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
