package grid

import (
	"math"
	"strconv"

	"github.com/salesdev/salesdev/internal/enum"
)

// A Quadrant is a rep's place on the grid of achievers, strivers,
// independents and detractors that "Know the Difference Between Coaching &
// Managing" names. The article does not give the grid's axes; ASLAN's
// published grid material does, and this package follows it: the vertical
// line is results, productivity at or above the cutoff (by default 100% of
// quota over the trailing window) being above it; the horizontal line is
// desire to develop and grow, at or above the cutoff (by default 0.5, a
// library default) being above it.
//
//	                    desire below      desire at or above
//	results at/above    Independent       Achiever
//	results below       Detractor         Striver
//
// The zero value, Unplaced, means the rep has not been measured; it is
// never read as one of the four.
//
// A Quadrant is a byte rather than an int so that a batch of ten million
// placements ([PlaceAll]) writes 10 MB instead of 80: next to the 240 MB
// of measures it reads, an int would add about a third to the memory
// traffic, and the batch is fast enough for that to show.
type Quadrant uint8

const (
	// Unplaced means not measured: no place on the grid yet.
	Unplaced Quadrant = iota
	// Achiever: results at or above the line, desire at or above the line.
	Achiever
	// Striver: results below the line, desire at or above the line.
	Striver
	// Independent: results at or above the line, desire below the line.
	Independent
	// Detractor: results below the line, desire below the line.
	Detractor
)

var quadrantNames = [...]string{"unplaced", "achiever", "striver", "independent", "detractor"}

// String returns the quadrant's lower-case name: "achiever", "striver",
// "independent", "detractor" or "unplaced". An unknown value prints as a
// diagnostic such as "%!Quadrant(9)".
func (q Quadrant) String() string {
	return enum.String("Quadrant", quadrantNames[:], q)
}

// valid reports whether q is one of the declared values, Unplaced included.
func (q Quadrant) valid() bool { return q <= Detractor }

// placed reports whether q is one of the four quadrants of the grid, not
// Unplaced and not an unknown value.
func (q Quadrant) placed() bool { return q >= Achiever && q <= Detractor }

// MarshalText implements [encoding.TextMarshaler]. It returns an error for
// an unknown value rather than writing text that cannot be read back.
func (q Quadrant) MarshalText() ([]byte, error) {
	if !q.valid() {
		return nil, inputErr("Quadrant.MarshalText", q.String(), ErrInvalidEnum)
	}
	return []byte(q.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts the
// output of [Quadrant.String] in any case ("Striver", "ACHIEVER"); on error
// q is left unchanged.
func (q *Quadrant) UnmarshalText(text []byte) error {
	v, ok := enum.Parse[Quadrant](quadrantNames[:], text)
	if ok {
		*q = v
		return nil
	}
	return inputErr("Quadrant.UnmarshalText", strconv.Quote(string(text)), ErrInvalidEnum)
}

// meetsResults reports whether q is at or above the results line.
func (q Quadrant) meetsResults() bool { return q == Achiever || q == Independent }

// hasDesire reports whether q is at or above the desire line.
func (q Quadrant) hasDesire() bool { return q == Achiever || q == Striver }

// Measures are the three characteristics "Know the Difference Between
// Coaching & Managing" asks a leader to measure for every rep: desire,
// productivity and competency.
//
//   - Desire is the rep's desire to develop and grow, in [0, 1]; see
//     [DesireFrom] to read it off a survey or a manager's rating.
//   - Productivity is attainment: results ÷ quota over the trailing window,
//     ≥ 0, where 1.0 is 100% of quota; see [ProductivityFrom].
//   - Competency is how well the rep converts at each stage of the selling
//     process against the team's benchmarks, in [0, 1]; see
//     [CompetencyFrom].
//
// Desire and productivity place the rep on the grid ([Place]); competency
// says what to coach once the rep is there. The zero Measures is valid: a
// rep with no desire, no results and no competency, a Detractor.
type Measures struct {
	// Desire is the rep's desire to develop and grow, in [0, 1].
	Desire float64 `json:"desire"`
	// Productivity is results ÷ quota over the trailing window, ≥ 0; 1.0
	// is 100% of quota.
	Productivity float64 `json:"productivity"`
	// Competency is how well the rep converts against the team's
	// benchmarks, in [0, 1].
	Competency float64 `json:"competency"`
}

// Validate reports whether every measure is in its range: Desire and
// Competency in [0, 1], Productivity finite and ≥ 0. The error is an
// *InputError wrapping ErrNotFinite (NaN, ±Inf) or ErrOutOfRange.
func (m Measures) Validate() error { return m.validate("Measures.Validate") }

func (m Measures) validate(fn string) error {
	if err := checkUnit(fn, "desire", m.Desire); err != nil {
		return err
	}
	if err := checkNonNegative(fn, "productivity", m.Productivity); err != nil {
		return err
	}
	return checkUnit(fn, "competency", m.Competency)
}

// checkUnit refuses a value outside [0, 1].
func checkUnit(fn, name string, v float64) error {
	if v >= 0 && v <= 1 {
		return nil
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return inputErr(fn, name+" = "+fmtFloat(v), ErrNotFinite)
	}
	return inputErr(fn, name+" = "+fmtFloat(v), ErrOutOfRange)
}

// checkNonNegative refuses a value that is not finite and ≥ 0.
func checkNonNegative(fn, name string, v float64) error {
	if v >= 0 && v <= math.MaxFloat64 {
		return nil
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return inputErr(fn, name+" = "+fmtFloat(v), ErrNotFinite)
	}
	return inputErr(fn, name+" = "+fmtFloat(v), ErrOutOfRange)
}

// Default cutoffs, used for a nil *Cutoffs or a zero field.
const (
	// DefaultDesireCutoff is the desire line: the middle of the [0, 1]
	// scale, a library default.
	DefaultDesireCutoff = 0.5
	// DefaultProductivityCutoff is the results line: meeting quota, 100%
	// attainment. In ASLAN's published grid material (outside the
	// articles), "meeting or exceeding" quota is above the line.
	DefaultProductivityCutoff = 1.0
)

// Cutoffs are the grid's two lines. A rep whose measure is at or above a
// line is above it: the boundaries are inclusive, so a rep at exactly 100%
// of quota meets the results line.
//
// Desire must be in (0, 1] and Productivity finite and positive. A nil
// *Cutoffs, or a zero field, means the default: [DefaultDesireCutoff],
// [DefaultProductivityCutoff].
type Cutoffs struct {
	// Desire is the desire line, in (0, 1]; 0 means
	// [DefaultDesireCutoff].
	Desire float64 `json:"desire"`
	// Productivity is the results line, as a share of quota; 0 means
	// [DefaultProductivityCutoff].
	Productivity float64 `json:"productivity"`
}

// Validate reports whether c's fields are in their ranges, zero (the
// default) included. The error is an *InputError wrapping ErrNotFinite or
// ErrOutOfRange.
func (c Cutoffs) Validate() error {
	_, err := c.resolve("Cutoffs.Validate")
	return err
}

// resolve returns c with defaults filled in, or an error for a field out
// of range. -0 counts as zero, the default. The batch code relies on the
// result: both cutoffs positive and finite.
func (c Cutoffs) resolve(fn string) (Cutoffs, error) {
	if c.Desire == 0 {
		c.Desire = DefaultDesireCutoff
	}
	if c.Productivity == 0 {
		c.Productivity = DefaultProductivityCutoff
	}
	// After the defaults, checking [0, 1] is checking (0, 1]: a negative
	// cutoff is out of range and a zero one became the default.
	if err := checkUnit(fn, "cutoffs.desire", c.Desire); err != nil {
		return Cutoffs{}, err
	}
	if err := checkNonNegative(fn, "cutoffs.productivity", c.Productivity); err != nil {
		return Cutoffs{}, err
	}
	return c, nil
}

// resolveCutoffs is resolve for an optional *Cutoffs.
func resolveCutoffs(fn string, c *Cutoffs) (Cutoffs, error) {
	if c == nil {
		return Cutoffs{Desire: DefaultDesireCutoff, Productivity: DefaultProductivityCutoff}, nil
	}
	return c.resolve(fn)
}

// Place puts a rep on the grid: results (productivity) against
// c.Productivity, desire against c.Desire, each at or above the line
// counting as above it. Competency does not move a rep on the grid, but it
// is validated with the others. A nil c means the default cutoffs.
//
// Place returns Unplaced and an *InputError wrapping ErrNotFinite or
// ErrOutOfRange for a measure or cutoff out of range (see
// [Measures.Validate] and [Cutoffs]). To place many reps at once, use
// [PlaceAll].
func Place(m Measures, c *Cutoffs) (Quadrant, error) {
	cut, err := resolveCutoffs("Place", c)
	if err != nil {
		return Unplaced, err
	}
	if err := m.validate("Place"); err != nil {
		return Unplaced, err
	}
	return place(m, cut), nil
}

// place places a valid m against resolved cutoffs.
func place(m Measures, c Cutoffs) Quadrant {
	switch results, desire := m.Productivity >= c.Productivity, m.Desire >= c.Desire; {
	case results && desire:
		return Achiever
	case desire:
		return Striver
	case results:
		return Independent
	default:
		return Detractor
	}
}
