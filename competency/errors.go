package competency

import (
	"errors"

	"github.com/salesdev/salesdev/benchmark"
)

// Sentinel errors. Every error this package returns for bad input wraps one
// of them, so callers can branch with [errors.Is]. They come wrapped in a
// [*ModelError] (a problem in a [Model] or its JSON, with the path to it) or
// an [*InputError] (an argument of a function), which add context.
//
// Where a sentinel means what one of package benchmark's means, it is that
// very value (ErrEmpty is [benchmark.ErrEmpty], and so on), so one
// errors.Is test works whichever layer refused the input.
var (
	// ErrEmpty reports something empty that must not be: a model with no
	// competencies, an ID, name or stage left blank, an element with no
	// scenario, a scenario with no routine, a routine with no step, a
	// campaign with no rep or start where one is needed, an outside target
	// with no source. It is [benchmark.ErrEmpty].
	ErrEmpty = benchmark.ErrEmpty
	// ErrDuplicate reports a competency ID used twice, or two siblings
	// (elements of one competency, scenarios of one element, routines of
	// one scenario) with the same name; it is [benchmark.ErrDuplicate].
	ErrDuplicate = benchmark.ErrDuplicate
	// ErrFunnelOrder reports competencies whose stages do not form one
	// funnel: a competency from a stage to itself, or one that goes back up
	// the funnel or overlaps the competency before it.
	ErrFunnelOrder = errors.New("stages out of funnel order")
	// ErrUnknownStage reports a competency stage that a funnel does not
	// have.
	ErrUnknownStage = errors.New("stage not in the funnel")
	// ErrUnknownCompetency reports a competency ID that the model (or the
	// scorecard) does not have.
	ErrUnknownCompetency = errors.New("unknown competency")
	// ErrMissing reports a competency with no target where one is needed.
	ErrMissing = errors.New("missing")
	// ErrSyntax reports JSON that is not a model: malformed JSON, an
	// unknown field, a field given twice, or a value of the wrong shape;
	// it is [benchmark.ErrSyntax].
	ErrSyntax = benchmark.ErrSyntax
	// ErrOutOfRange reports a number outside its documented range: a
	// target outside [MinTarget, 1], a band, level, significance or
	// quantile outside its range, a rate outside [0, 1], a campaign week
	// out of order, a campaign closed before it started; it is
	// [benchmark.ErrOutOfRange].
	ErrOutOfRange = benchmark.ErrOutOfRange
	// ErrNotFinite reports a NaN or ±Inf where a finite number is needed;
	// it is [benchmark.ErrNotFinite].
	ErrNotFinite = benchmark.ErrNotFinite
	// ErrNegative reports a negative count where only zero or more makes
	// sense, such as [StandardOptions].MinTrials; it is
	// [benchmark.ErrNegative], which an invalid [benchmark.Rate] also
	// wraps.
	ErrNegative = benchmark.ErrNegative
	// ErrOverflow reports counts that do not add up within an int64, such
	// as a team's pooled trials in [TeamStandards]; it is
	// [benchmark.ErrOverflow].
	ErrOverflow = benchmark.ErrOverflow
	// ErrInvalidRate reports an invalid [benchmark.Rate]; the error also
	// wraps the benchmark package's reason ([benchmark.ErrNegative],
	// [benchmark.ErrHitsExceedTrials]).
	ErrInvalidRate = errors.New("invalid rate")
	// ErrInvalidPrior reports an invalid, non-zero [benchmark.Prior].
	ErrInvalidPrior = errors.New("invalid prior")
	// ErrDirection reports a lower-is-better [benchmark.Benchmark] used as
	// the target of a conversion ratio, where higher is always better.
	ErrDirection = errors.New("lower-is-better benchmark for a conversion ratio")
	// ErrNoTrials reports a rate with no trials where evidence is needed,
	// such as either side of an [Improvement].
	ErrNoTrials = errors.New("no trials")
	// ErrUnknownScenario reports a scenario name that the competency does
	// not have (see [Competency.Weakest]).
	ErrUnknownScenario = errors.New("unknown scenario")
	// ErrOverlap reports two campaigns for the same rep whose spans
	// overlap: a rep trains to one competency at a time (see
	// [CheckCampaigns]).
	ErrOverlap = errors.New("overlapping campaigns")
	// ErrInvalidEnum reports grade text or a [Grade] value this package
	// does not know, or a model's JSON of a version [Parse] does not
	// read; it is [benchmark.ErrInvalidEnum], the sentinel for
	// every unknown enum value in the library.
	ErrInvalidEnum = benchmark.ErrInvalidEnum
)

// A ModelError is one problem in a [Model] or in the JSON it was read from,
// with the path to the offending part, such as
// "competencies[1].elements[0].scenarios[2]". [Model.Validate] and [Parse]
// return one problem as a bare *ModelError, and several joined with
// [errors.Join]; use [errors.As] to reach the (first) *ModelError, which
// works for both.
type ModelError struct {
	Path    string // where: "competencies[1].elements[0].scenarios[2]"; "" for the whole document
	Problem string // what, for people: "no routines"
	Err     error  // why, for programs: one of the package's sentinel errors
}

// Error formats e as "competency: competencies[1].elements[0].scenarios[2]: no routines".
func (e *ModelError) Error() string {
	if e.Path == "" {
		return "competency: " + e.Problem
	}
	return "competency: " + e.Path + ": " + e.Problem
}

// Unwrap returns the sentinel error, so errors.Is(err, ErrEmpty) works.
func (e *ModelError) Unwrap() error { return e.Err }

// An InputError records which argument of which function was refused, and
// why. The errors returned for bad arguments by this package's functions
// have concrete type *InputError unless their documentation says otherwise.
type InputError struct {
	Func string // the function or method that refused the input, e.g. "Improvement"
	Arg  string // the argument and, where it helps, its key and value, e.g. `targets["close"] = 1.5`
	Err  error  // a sentinel error, possibly joined with the benchmark package's
}

// Error formats e as "competency: Improvement: before = 0/0: no trials".
func (e *InputError) Error() string {
	return "competency: " + e.Func + ": " + e.Arg + ": " + e.Err.Error()
}

// Unwrap returns the wrapped error, so errors.Is(err, ErrNoTrials) works.
func (e *InputError) Unwrap() error { return e.Err }

func inputErr(fn, arg string, err error) error {
	return &InputError{Func: fn, Arg: arg, Err: err}
}

// under returns err, when it is an *InputError, with prefix put before its
// Arg: "scores[2]." and "rate = 3/2" make "scores[2].rate = 3/2". A loop
// over many elements checks each with a short Arg and names the element
// only when one is refused.
func under(prefix string, err error) error {
	if ie, ok := err.(*InputError); ok {
		ie.Arg = prefix + ie.Arg
	}
	return err
}
