package competency

import (
	"strconv"

	"github.com/salesdev/salesdev/internal/enum"
)

// A Grade places a rep on one competency: C players are below the
// benchmark, B players are close to it, A players meet it. Grades compare
// with < and >: GradeC < GradeB < GradeA.
//
// The zero value, Ungraded, means there is no evidence to grade on; it is
// never read as a C. [NewScore] decides grades on the shrunk rate against
// the benchmark; see [Score] for the rule.
type Grade int

const (
	// Ungraded means no evidence: the rep has no trials on the competency.
	Ungraded Grade = iota
	// GradeC is below the B band: train to the benchmark.
	GradeC
	// GradeB is within the band just under the benchmark.
	GradeB
	// GradeA meets or beats the benchmark.
	GradeA
)

var gradeNames = [...]string{"ungraded", "C", "B", "A"}

// String returns "A", "B", "C" or "ungraded". An unknown value prints as a
// diagnostic such as "%!Grade(9)".
func (g Grade) String() string {
	return enum.String("Grade", gradeNames[:], g)
}

// Valid reports whether g is one of the declared grades.
func (g Grade) Valid() bool { return g >= Ungraded && g <= GradeA }

// MarshalText implements [encoding.TextMarshaler]; it fails for an unknown
// value rather than write text that cannot be read back.
func (g Grade) MarshalText() ([]byte, error) {
	if !g.Valid() {
		return nil, inputErr("Grade.MarshalText", g.String(), ErrInvalidEnum)
	}
	return []byte(g.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts the
// output of [Grade.String] in any case ("a", "B", "Ungraded").
func (g *Grade) UnmarshalText(text []byte) error {
	v, ok := enum.Parse[Grade](gradeNames[:], text)
	if ok {
		*g = v
		return nil
	}
	return inputErr("Grade.UnmarshalText", strconv.Quote(string(text)), ErrInvalidEnum)
}
