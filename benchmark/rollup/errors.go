package rollup

import (
	"errors"

	"github.com/salesdev/salesdev/benchmark"
)

// Sentinel errors. Every error this package returns for bad input wraps one
// of them, so callers can branch with [errors.Is]. Where the meaning is the
// one [benchmark] gives, the sentinel is benchmark's own value, so
// errors.Is(err, benchmark.ErrOverflow) and errors.Is(err, ErrOverflow)
// agree.
var (
	// ErrNotFinite reports a NaN or ±Inf amount.
	ErrNotFinite = benchmark.ErrNotFinite
	// ErrNegative reports a negative amount, or a close before the
	// creation date.
	ErrNegative = benchmark.ErrNegative
	// ErrOutOfRange reports a group, stage or number of digits outside its
	// documented range.
	ErrOutOfRange = benchmark.ErrOutOfRange
	// ErrEmpty reports a missing value: no stages, a blank stage name, a
	// nil roll-up to merge, a zero time.
	ErrEmpty = benchmark.ErrEmpty
	// ErrOverflow reports a sum or count that does not fit in an int64, or
	// a span of days that does not fit in a uint16.
	ErrOverflow = benchmark.ErrOverflow
	// ErrInvalidEnum reports an unknown [Outcome], or a shard of a format
	// version this package does not read.
	ErrInvalidEnum = benchmark.ErrInvalidEnum
	// ErrDuplicate reports a stage name used twice.
	ErrDuplicate = benchmark.ErrDuplicate
	// ErrMismatch reports two roll-ups that cannot be merged because they
	// count different things: other stages or another number of groups.
	ErrMismatch = benchmark.ErrMismatch
	// ErrCorrupt reports a shard that [Rollup.UnmarshalBinary] cannot
	// trust: not a roll-up shard, truncated, with trailing bytes, failing
	// its checksum, or describing a state no roll-up reaches.
	ErrCorrupt = errors.New("corrupt roll-up shard")
)

// An InputError records which argument of which function was refused, and
// why. The errors returned for bad input by this package's functions have
// concrete type *InputError.
type InputError struct {
	Func string // the function or method that refused the input, e.g. "Rollup.Add"
	Arg  string // the argument and, where it helps, its index and value, e.g. "records[3].Group = 12"
	Err  error  // one of the package's sentinel errors, possibly wrapped with detail
}

// Error returns "rollup: " followed by Func, Arg and the message of Err,
// separated by ": ", as in
// "rollup: Rollup.Add: records[3].Amount = -5: negative".
func (e *InputError) Error() string {
	return "rollup: " + e.Func + ": " + e.Arg + ": " + e.Err.Error()
}

// Unwrap returns the wrapped error, so errors.Is(err, ErrOverflow) works.
func (e *InputError) Unwrap() error { return e.Err }

func inputErr(fn, arg string, err error) error {
	return &InputError{Func: fn, Arg: arg, Err: err}
}
