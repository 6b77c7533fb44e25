package grid

import (
	"strconv"

	"github.com/salesdev/salesdev/internal/enum"
)

// A Dimension is one of the three characteristics "Know the Difference
// Between Coaching & Managing" (ASLAN Training) asks a leader to measure
// for every rep: [Desire], [Productivity] and [Competency]. Each calls for
// its own [Mode] of leadership; see [Dimension.Mode].
//
// The zero Dimension is not a dimension: it prints as "%!Dimension(0)" and
// does not marshal, so a field left unset is caught rather than read as
// desire.
type Dimension int

const (
	// Desire is the rep's desire to succeed, to develop and grow. In
	// ASLAN's published grid material (outside the article, which names
	// the grid but not its axes) it is the grid's horizontal axis, and
	// "desire determines development".
	Desire Dimension = iota + 1
	// Productivity is results against quota. In ASLAN's published grid
	// material it is the grid's vertical axis.
	Productivity
	// Competency is skill at the stages of the selling process, measured
	// by conversion ratios against benchmarks.
	Competency
)

var dimensionNames = [...]string{Desire: "desire", Productivity: "productivity", Competency: "competency"}

// String returns "desire", "productivity" or "competency". Any other value
// prints as a diagnostic such as "%!Dimension(0)".
func (d Dimension) String() string {
	return enum.String("Dimension", dimensionNames[:], d)
}

// Valid reports whether d is one of the three dimensions.
func (d Dimension) Valid() bool { return d >= Desire && d <= Competency }

// Mode returns the mode of leadership the dimension calls for. In "Know the
// Difference Between Coaching & Managing", "desire equates to Leadership",
// "Productivity equates to Managing", "Competencies equates to Coaching":
//
//	Desire       → Leadership
//	Productivity → Management
//	Competency   → Coaching
//
// An invalid Dimension has no mode: Mode returns the zero Mode.
func (d Dimension) Mode() Mode {
	if !d.Valid() {
		return 0
	}
	return Mode(d) // the two enums are numbered alike
}

// MarshalText implements [encoding.TextMarshaler]. It returns an error for
// an invalid value rather than writing text that cannot be read back.
func (d Dimension) MarshalText() ([]byte, error) {
	if !d.Valid() {
		return nil, inputErr("Dimension.MarshalText", d.String(), ErrInvalidEnum)
	}
	return []byte(d.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts the
// output of [Dimension.String] in any case; on error d is left unchanged.
func (d *Dimension) UnmarshalText(text []byte) error {
	v, ok := enum.Parse[Dimension](dimensionNames[:], text)
	if ok {
		*d = v
		return nil
	}
	return inputErr("Dimension.UnmarshalText", strconv.Quote(string(text)), ErrInvalidEnum)
}

// A Mode is how a leader works with a rep on one [Dimension]. In "Know the
// Difference Between Coaching & Managing":
//
//   - Leadership raises desire: "Leadership is all about setting an
//     example to drive high desire", and "how the manager acts has a
//     direct influence on team members' desire".
//   - Management runs productivity: "KPIs that the company wishes to
//     measure to drive optimum results", such as pipeline analytics,
//     qualified leads, average deal size, close rates, time-to-close and
//     calls. A meeting that reviews and assigns KPIs ("This is how you have
//     done", "This is your average order value") is a management session,
//     not a coaching session.
//   - Coaching builds competency: it "is forward looking", looking for the
//     competencies "that if improved upon, would change results"; it is
//     constant ("constant coaching is the only way to diagnose and develop
//     competencies"), one competency and one behavior at a time (the
//     article's 1+1+1, see [Focus]).
//
// The zero Mode is not a mode: it prints as "%!Mode(0)" and does not
// marshal.
type Mode int

const (
	// Leadership is the mode that desire calls for.
	Leadership Mode = iota + 1
	// Management is the mode that productivity calls for.
	Management
	// Coaching is the mode that competency calls for.
	Coaching
)

var modeNames = [...]string{Leadership: "leadership", Management: "management", Coaching: "coaching"}

// String returns "leadership", "management" or "coaching". Any other value
// prints as a diagnostic such as "%!Mode(0)".
func (m Mode) String() string {
	return enum.String("Mode", modeNames[:], m)
}

// Valid reports whether m is one of the three modes.
func (m Mode) Valid() bool { return m >= Leadership && m <= Coaching }

// Dimension returns the dimension that calls for m: the inverse of
// [Dimension.Mode]. An invalid Mode returns the zero Dimension.
func (m Mode) Dimension() Dimension {
	if !m.Valid() {
		return 0
	}
	return Dimension(m)
}

// MarshalText implements [encoding.TextMarshaler]. It returns an error for
// an invalid value rather than writing text that cannot be read back.
func (m Mode) MarshalText() ([]byte, error) {
	if !m.Valid() {
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
