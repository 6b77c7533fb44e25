package salesdev

// An InputError is an error in the input to [NewPlan]: the same shape as
// the InputError of every package of the library. Err is a sentinel of
// package benchmark (such as [benchmark.ErrEmpty]) or the error a
// sub-package returned for the input named by Arg, so errors.Is finds the
// sub-packages' sentinels through it.
type InputError struct {
	Func string // the function that refused the input, "NewPlan"
	Arg  string // the input and, where it helps, its value, e.g. `rep "ana"`
	Err  error  // a sentinel of package benchmark, or a sub-package's error
}

// Error formats e as `salesdev: NewPlan: team.reps[2].rep: empty input`.
func (e *InputError) Error() string {
	return "salesdev: " + e.Func + ": " + e.Arg + ": " + e.Err.Error()
}

// Unwrap returns the wrapped error, so errors.Is and errors.As see through
// e.
func (e *InputError) Unwrap() error { return e.Err }

func inputErr(fn, arg string, err error) error { return &InputError{Func: fn, Arg: arg, Err: err} }
