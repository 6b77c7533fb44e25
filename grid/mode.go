package grid

import (
	"strconv"

	"github.com/salesdev/salesdev/internal/enum"
)

// A Mode is how a leader works with a rep on one of the three [Measures].
// In "Know the Difference Between Coaching & Managing", "desire equates to
// Leadership", "Productivity equates to Managing", "Competencies equates to
// Coaching":
//
//		Measures.Desire       → Leadership
//		Measures.Productivity → Management
//		Measures.Competency   → Coaching
//
//	  - Leadership raises desire: "Leadership is all about setting an
//	    example to drive high desire", and "how the manager acts has a
//	    direct influence on team members' desire".
//	  - Management runs productivity: "KPIs that the company wishes to
//	    measure to drive optimum results", such as pipeline analytics,
//	    qualified leads, average deal size, close rates, time-to-close and
//	    calls. A meeting that reviews and assigns KPIs ("This is how you have
//	    done", "This is your average order value") is a management session,
//	    not a coaching session.
//	  - Coaching builds competency: it "is forward looking", looking for the
//	    competencies "that if improved upon, would change results"; it is
//	    constant ("constant coaching is the only way to diagnose and develop
//	    competencies"), one competency and one behavior at a time (the
//	    article's 1+1+1, see [Focus]).
//
// The zero Mode is not a mode: it prints as "%!Mode(0)" and does not
// marshal.
type Mode int

const (
	// Leadership is the mode that desire ([Measures].Desire) calls for.
	Leadership Mode = iota + 1
	// Management is the mode that productivity ([Measures].Productivity)
	// calls for.
	Management
	// Coaching is the mode that competency ([Measures].Competency) calls
	// for.
	Coaching
)

var modeNames = [...]string{Leadership: "leadership", Management: "management", Coaching: "coaching"}

// String returns "leadership", "management" or "coaching". Any other value
// prints as a diagnostic such as "%!Mode(0)".
func (m Mode) String() string {
	return enum.String("Mode", modeNames[:], m)
}

// valid reports whether m is one of the three modes.
func (m Mode) valid() bool { return m >= Leadership && m <= Coaching }

// MarshalText implements [encoding.TextMarshaler]. It returns an error for
// an invalid value rather than writing text that cannot be read back.
func (m Mode) MarshalText() ([]byte, error) {
	if !m.valid() {
		return nil, inputErr("Mode.MarshalText", m.String(), ErrInvalidEnum)
	}
	return []byte(m.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts the
// output of [Mode.String] in any case; on error m is left unchanged.
func (m *Mode) UnmarshalText(text []byte) error {
	v, ok := enum.Parse[Mode](modeNames[:], text)
	if ok {
		*m = v
		return nil
	}
	return inputErr("Mode.UnmarshalText", strconv.Quote(string(text)), ErrInvalidEnum)
}
