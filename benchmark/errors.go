package benchmark

import "errors"

// Sentinel errors. Every error returned by this package for bad input wraps
// one of them, so callers can branch with [errors.Is]; most come wrapped in
// an [*InputError] that says which argument was refused.
var (
	// ErrNotFinite reports a NaN or ±Inf where a finite number is needed.
	ErrNotFinite = errors.New("not a finite number")
	// ErrNegative reports a negative count or value where only zero or more
	// makes sense.
	ErrNegative = errors.New("negative")
	// ErrHitsExceedTrials reports a Rate with more hits than trials.
	ErrHitsExceedTrials = errors.New("hits exceed trials")
	// ErrOutOfRange reports a number outside its documented range: a
	// conversion ratio outside (0, 1], a quantile outside [0, 1], a
	// confidence level outside (0, 1), a non-positive target.
	ErrOutOfRange = errors.New("out of range")
	// ErrEmpty reports empty input where at least one value is needed.
	ErrEmpty = errors.New("empty input")
	// ErrOverflow reports a result too large for its type: a sum or count
	// that does not fit in an int64, a funnel count above 2⁵³ (where
	// float64 arithmetic can no longer tell one item from the next), or a
	// ±Inf result computed from finite input.
	ErrOverflow = errors.New("overflow")
	// ErrInvalidEnum reports an enum value or text this package does not know.
	ErrInvalidEnum = errors.New("unknown value")
	// ErrFunnelGrows reports a funnel stage with more items than the stage
	// above it: items can only fall out of a funnel on the way down.
	ErrFunnelGrows = errors.New("count grows down the funnel")
	// ErrDuplicate reports a name used twice where names must be unique.
	ErrDuplicate = errors.New("duplicate name")
	// ErrMismatch reports two accumulators that cannot be merged because
	// they count different things: a [Binned] with another metric or other
	// edges (or, in the package rollup, a roll-up with other stages or
	// another number of groups).
	ErrMismatch = errors.New("shapes do not match")
	// ErrSyntax reports JSON that cannot be decoded: a syntax error, an
	// unknown field, a value of the wrong JSON type, or data after the
	// value.
	ErrSyntax = errors.New("malformed JSON")
)

// An InputError records which argument of which function was refused, and
// why. The errors returned for bad input by this package's functions have
// concrete type *InputError unless their documentation says otherwise.
type InputError struct {
	Func string // the function or method that refused the input, e.g. "FromTeam"
	Arg  string // the argument and, where it helps, its index and value, e.g. "values[3] = NaN"
	Err  error  // one of the package's sentinel errors
}

// Error returns "benchmark: " followed by Func, Arg and the message of Err,
// separated by ": ", as in
// "benchmark: FromTeam: values[3] = NaN: not a finite number".
func (e *InputError) Error() string {
	return "benchmark: " + e.Func + ": " + e.Arg + ": " + e.Err.Error()
}

// Unwrap returns the sentinel error, so errors.Is(err, ErrNotFinite) works.
func (e *InputError) Unwrap() error { return e.Err }

func inputErr(fn, arg string, err error) error {
	return &InputError{Func: fn, Arg: arg, Err: err}
}
