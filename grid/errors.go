package grid

import (
	"errors"
	"strconv"

	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/competency"
)

// Sentinel errors. Every error this package returns for bad input wraps
// one of them, so callers can branch with [errors.Is], with one exception:
// [Plan.Next] passes on the errors of package competency for an invalid
// scorecard, campaign or options, which wrap that package's sentinels
// instead. They come wrapped in an [*InputError], which says which function
// refused which argument, or in an [*OverlapError], which names two
// focuses that collide.
//
// The sentinels that mean what package benchmark's mean are benchmark's
// own values, so errors.Is(err, benchmark.ErrNotFinite) holds for an error
// from this package too, whichever layer a caller checks against.
var (
	// ErrNotFinite reports a NaN or ±Inf where a finite number is needed.
	// It is [benchmark.ErrNotFinite].
	ErrNotFinite = benchmark.ErrNotFinite
	// ErrOutOfRange reports a finite number outside its documented range:
	// desire or competency outside [0, 1], negative productivity, a cutoff
	// outside its range, a non-positive quota. It is
	// [benchmark.ErrOutOfRange].
	ErrOutOfRange = benchmark.ErrOutOfRange
	// ErrInvalidEnum reports a Quadrant or Mode value or text
	// this package does not know. It is [benchmark.ErrInvalidEnum].
	ErrInvalidEnum = benchmark.ErrInvalidEnum
	// ErrInvalidWindow reports a time window that ends before it starts,
	// or at the same instant: a window must hold some time.
	ErrInvalidWindow = errors.New("window does not end after it starts")
	// ErrEmpty reports empty input where something is needed: a blank rep
	// ID, a survey with no answers, a scorecard with no graded competency,
	// a team with no reps to give coaching time to. It is
	// [benchmark.ErrEmpty].
	ErrEmpty = benchmark.ErrEmpty
	// ErrDuplicate reports a rep listed twice in one assessment, or a
	// competency scored twice in one scorecard. It is
	// [benchmark.ErrDuplicate].
	ErrDuplicate = benchmark.ErrDuplicate
	// ErrShortBuffer reports a destination slice shorter than its input.
	ErrShortBuffer = errors.New("destination too short")
	// ErrOverlap reports two focuses for one rep whose time windows
	// overlap: one competency and one behavior at one time.
	ErrOverlap = errors.New("overlapping focus")
	// ErrOtherRep reports input about another rep than the one at hand:
	// a campaign whose Rep is not the scorecard's in [Plan.Next].
	ErrOtherRep = errors.New("belongs to another rep")
	// ErrUnknownCompetency reports a competency ID that the model does not
	// have: competency's sentinel, so errors.Is works across the two.
	ErrUnknownCompetency = competency.ErrUnknownCompetency
)

// An InputError records which argument of which function was refused, and
// why. The errors returned for bad input by this package's functions have
// concrete type *InputError unless their documentation says otherwise.
type InputError struct {
	Func string // the function or method that refused the input, e.g. "Place"
	Arg  string // the argument and, where it helps, its index and value, e.g. "desire = 1.5" or "ms[3]: desire = NaN"
	Err  error  // one of the package's sentinel errors, or an error from package competency
}

// Error formats e as "grid: Place: desire = 1.5: out of range", or, for an
// element of a batch, "grid: PlaceAll: ms[3]: desire = NaN: not a finite
// number".
func (e *InputError) Error() string {
	return "grid: " + e.Func + ": " + e.Arg + ": " + e.Err.Error()
}

// Unwrap returns the wrapped error, so errors.Is(err, ErrOutOfRange) works.
func (e *InputError) Unwrap() error { return e.Err }

func inputErr(fn, arg string, err error) error {
	return &InputError{Func: fn, Arg: arg, Err: err}
}

// under returns err, when it is an *InputError, with prefix put before its
// Arg: "scores[2] (\"close\")." and "shrunk = 2" make
// `scores[2] ("close").shrunk = 2`. A loop over many elements checks each
// with a short Arg and names the element only when one is refused.
func under(prefix string, err error) error {
	if ie, ok := err.(*InputError); ok {
		ie.Arg = prefix + ie.Arg
	}
	return err
}

// An OverlapError reports two focuses for the same rep whose windows
// overlap: one competency and one behavior at one time. Earlier is the
// focus that comes first in the plan; Later is the one that collides with
// it, the new one in [Plan.Add] and [Plan.Next].
type OverlapError struct {
	// Earlier is the focus that comes first in the plan; Later is the
	// one that collides with it.
	Earlier, Later Focus
}

// Error formats e as `grid: rep "ana": focus new-opportunities/"Ask for
// the meeting" [2025-01-01, 2025-02-01) overlaps focus close/"Summarise
// the decision" [2025-01-15, 2025-03-01): overlapping focus`.
func (e *OverlapError) Error() string {
	return "grid: rep " + strconv.Quote(e.Earlier.Rep) + ": focus " + e.Earlier.describe() +
		" overlaps focus " + e.Later.describe() + ": " + ErrOverlap.Error()
}

// Unwrap returns [ErrOverlap].
func (e *OverlapError) Unwrap() error { return ErrOverlap }

// fmtFloat formats a value for an error message: the shortest text that
// reads back to the same float64, so NaN prints as NaN and 1.5 as 1.5.
func fmtFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
