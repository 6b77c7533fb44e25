package tmc

// A Misdirection names how help given to a rep differs from the help the
// rep needs. "Three Key Areas That Every Sales Organization Must Get
// Right", the article behind the T.M.C. plan, lists three: "sitting through
// training when they need coaching, being coached when they need a
// re-training, or being mentored when mentoring is not the solution". The
// others complete the table, so every pair of given and needed help has
// exactly one name; [Misdirection.Article] tells the article's three apart.
//
// The zero value, NotMisdirected, means the help given is the help needed.
type Misdirection int

const (
	// NotMisdirected means the help given is the help needed.
	NotMisdirected Misdirection = iota
	// TrainingWhenCoachingNeeded is the article's first: the rep already
	// knows what to do and how, and sits through training that cannot
	// reach the blockage.
	TrainingWhenCoachingNeeded
	// CoachingWhenRetrainingNeeded is the article's second: the rep is
	// coached to find a solution they cannot generate, because they do not
	// know what to do. Coaching assumes the knowledge; re-train first.
	CoachingWhenRetrainingNeeded
	// MentoringNotTheSolution is the article's third: the rep is mentored
	// when they need training, coaching or a management fix. Mentoring
	// given where anything else is needed is always this one, whatever
	// was needed.
	MentoringNotTheSolution
	// DevelopmentWhenManagementNeeded is training or coaching given to a
	// rep held back by misaligned consequences or constraints, which only
	// management can fix.
	DevelopmentWhenManagementNeeded
	// ManagementWhenDevelopmentNeeded is a management fix (or a results
	// review) given to a rep who needs training, mentoring or coaching.
	ManagementWhenDevelopmentNeeded
	// TrainingWhenMentoringNeeded is training given to a rep who already
	// knows what to do and needs a peer to show how.
	TrainingWhenMentoringNeeded
	// CoachingWhenMentoringNeeded is coaching given to a rep who knows what
	// to do but not how: the rep cannot self-generate a how they have never
	// seen; a skilled peer can show it.
	CoachingWhenMentoringNeeded
	// NoHelpGiven means the help given was NoHelp, or a value this package
	// does not know.
	NoHelpGiven
)

var misdirectionNames = []string{
	"none",
	"training-when-coaching-needed",
	"coaching-when-retraining-needed",
	"mentoring-not-the-solution",
	"development-when-management-needed",
	"management-when-development-needed",
	"training-when-mentoring-needed",
	"coaching-when-mentoring-needed",
	"no-help-given",
}

// String returns the misdirection's name in kebab case, such as
// "training-when-coaching-needed", or "none" for NotMisdirected. An unknown
// value prints as a diagnostic such as "%!Misdirection(12)".
func (m Misdirection) String() string {
	return enumString("Misdirection", misdirectionNames, int(m))
}

// Valid reports whether m is one of the declared values.
func (m Misdirection) Valid() bool { return m >= NotMisdirected && m <= NoHelpGiven }

// Article reports whether m is one of the three misdirections the article
// names: training when coaching is needed, coaching when re-training is
// needed, mentoring when mentoring is not the solution.
func (m Misdirection) Article() bool {
	return m == TrainingWhenCoachingNeeded || m == CoachingWhenRetrainingNeeded || m == MentoringNotTheSolution
}

// MarshalText implements [encoding.TextMarshaler]. It returns an error for
// an unknown value rather than writing text that cannot be read back.
func (m Misdirection) MarshalText() ([]byte, error) {
	return enumMarshal("Misdirection", misdirectionNames, int(m))
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts the
// output of [Misdirection.String] in any case; other text is an
// [*InputError] wrapping [ErrInvalidEnum], and m is left unchanged.
func (m *Misdirection) UnmarshalText(text []byte) error {
	i, err := enumParse("Misdirection", misdirectionNames, text)
	if err != nil {
		return err
	}
	*m = Misdirection(i)
	return nil
}

// Diagnose names the misdirection of giving help given to a rep with
// signals s, against the help [Prescribe](s) needs:
//
//	given \ needed  Training              Mentoring             Coaching              Management
//	Training        —                     training-when-        training-when-        development-when-
//	                                      mentoring-needed      coaching-needed       management-needed
//	Mentoring       mentoring-not-the-    —                     mentoring-not-the-    mentoring-not-the-
//	                solution                                    solution              solution
//	Coaching        coaching-when-        coaching-when-        —                     development-when-
//	                retraining-needed     mentoring-needed                            management-needed
//	Management      management-when-      management-when-      management-when-      —
//	                development-needed    development-needed    development-needed
//
// A rep being coached has been trained before, so training needed where
// coaching was given is re-training. NoHelp, or an unknown given, is
// NoHelpGiven. Diagnose(given, s) != NotMisdirected exactly when
// [Misdirected](given, s).
func Diagnose(given Help, s Signals) Misdirection {
	needed := Prescribe(s).Help
	if given == needed {
		return NotMisdirected
	}
	switch given {
	case Training:
		switch needed {
		case Coaching:
			return TrainingWhenCoachingNeeded
		case Mentoring:
			return TrainingWhenMentoringNeeded
		default:
			return DevelopmentWhenManagementNeeded
		}
	case Mentoring:
		return MentoringNotTheSolution
	case Coaching:
		switch needed {
		case Training:
			return CoachingWhenRetrainingNeeded
		case Mentoring:
			return CoachingWhenMentoringNeeded
		default:
			return DevelopmentWhenManagementNeeded
		}
	case Management:
		return ManagementWhenDevelopmentNeeded
	default:
		return NoHelpGiven
	}
}
