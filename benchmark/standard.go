package benchmark

import (
	"fmt"
	"math"
	"slices"

	"golang.org/x/exp/stats"
)

// A Benchmark is the standard a team trains to on one metric: "a close rate
// of 32%", "no more than 45 days to close". The zero Benchmark has no
// metric and cannot be evaluated.
type Benchmark struct {
	Metric Metric  `json:"metric"`
	Target float64 `json:"target"`
}

// A Result is one value measured against a [Benchmark].
type Result struct {
	Value  float64 `json:"value"`  // the measured value
	Target float64 `json:"target"` // the benchmark's target
	// Attainment is Value/Target when higher is better and Target/Value
	// when lower is better: 1 means exactly at the standard, 0.8 means 80%
	// of the way, 1.25 means a quarter better. It is continuous, never
	// just 0 or 100%.
	Attainment float64 `json:"attainment"`
	// Gap is what is still missing to meet the target, in the metric's
	// unit (percentage points for a rate, days for a cycle time); 0 when
	// the target is met.
	Gap float64 `json:"gap"`
	Met bool    `json:"met"` // the target is reached; the boundary counts as met
}

// Validate reports whether b has a valid metric and a finite, positive
// target.
func (b Benchmark) Validate() error {
	if err := b.Metric.Validate(); err != nil {
		return inputErr("Benchmark.Validate", "metric", errUnwrap(err))
	}
	if err := checkFinite("Benchmark.Validate", "target", b.Target); err != nil {
		return err
	}
	if b.Target <= 0 {
		return inputErr("Benchmark.Validate", fmt.Sprintf("target = %v", b.Target), fmt.Errorf("%w: must be positive", ErrOutOfRange))
	}
	return nil
}

// Evaluate measures v against the benchmark. It returns an error when the
// benchmark is invalid (see [Benchmark.Validate]), when v is NaN, ±Inf or
// negative, and when the metric is lower-is-better and v is 0, where
// attainment has no finite value. The error has concrete type
// [*InputError].
func (b Benchmark) Evaluate(v float64) (Result, error) {
	const fn = "Benchmark.Evaluate"
	if err := b.Validate(); err != nil {
		return Result{}, inputErr(fn, "benchmark "+errArg(err), errUnwrap(err))
	}
	if err := checkFinite(fn, "v", v); err != nil {
		return Result{}, err
	}
	if v < 0 {
		return Result{}, inputErr(fn, fmt.Sprintf("v = %v", v), ErrNegative)
	}
	r := Result{Value: v, Target: b.Target}
	if b.Metric.Direction == LowerIsBetter {
		if v == 0 {
			return Result{}, inputErr(fn, "v = 0", fmt.Errorf("%w: attainment of a lower-is-better metric needs a positive value", ErrOutOfRange))
		}
		r.Attainment = b.Target / v
		r.Gap = max(v-b.Target, 0)
		r.Met = v <= b.Target
	} else {
		r.Attainment = v / b.Target
		r.Gap = max(b.Target-v, 0)
		r.Met = v >= b.Target
	}
	if math.IsInf(r.Attainment, 0) {
		return Result{}, inputErr(fn, fmt.Sprintf("v = %v", v), ErrOverflow)
	}
	return r, nil
}

// String formats b as "close rate ≥ 0.32" or "days to close ≤ 45".
func (b Benchmark) String() string {
	op := "≥"
	if b.Metric.Direction == LowerIsBetter {
		op = "≤"
	}
	return fmt.Sprintf("%s %s %.4g", b.Metric.Name, op, b.Target)
}

// FromTeam sets a benchmark from the team's own distribution: the target is
// the team's q-quantile in the metric's good direction. For a
// higher-is-better metric q = 0.75 is the value a quarter of the team
// reaches (the 0.75-quantile); for a lower-is-better metric it is the value
// that 75% of the team does worse than (the 0.25-quantile). q = 0.5 is the
// median either way.
//
// Quantiles are R-7 (Hyndman and Fan's definition 7, the one used by
// [stats.Quantiles], R's default, numpy's "linear" and DuckDB's
// quantile_cont): linear interpolation between the order statistics at
// h = (n−1)q.
//
// FromTeam returns an [*InputError] wrapping [ErrEmpty] for no values,
// [ErrNotFinite] for a NaN or ±Inf value or q, [ErrOutOfRange] for q outside
// [0, 1], and [ErrInvalidEnum] for an invalid metric. It does not modify
// values. The target can be zero or negative when the team's values are;
// such a benchmark fails [Benchmark.Validate]. To set benchmarks for many
// groups and quantiles at once, use [TeamBenchmarks].
func FromTeam(m Metric, values []float64, q float64) (Benchmark, error) {
	const fn = "FromTeam"
	if err := checkTeam(fn, m, values, q); err != nil {
		return Benchmark{}, err
	}
	if m.Direction == LowerIsBetter {
		q = 1 - q
	}
	return Benchmark{Metric: m, Target: stats.Quantiles(values, q)[0]}, nil
}

func checkTeam(fn string, m Metric, values []float64, qs ...float64) error {
	if err := m.Validate(); err != nil {
		return inputErr(fn, "metric", errUnwrap(err))
	}
	for i, q := range qs {
		arg := "q"
		if len(qs) > 1 {
			arg = fmt.Sprintf("qs[%d]", i)
		}
		if err := checkFinite(fn, arg, q); err != nil {
			return err
		}
		if q < 0 || q > 1 {
			return inputErr(fn, fmt.Sprintf("%s = %v", arg, q), fmt.Errorf("%w: a quantile must be in [0, 1]", ErrOutOfRange))
		}
	}
	if len(values) == 0 {
		return inputErr(fn, "values", ErrEmpty)
	}
	for i, v := range values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return inputErr(fn, fmt.Sprintf("values[%d] = %v", i, v), ErrNotFinite)
		}
	}
	return nil
}

// A TeamBenchmarks sets benchmarks for many groups and quantiles at once
// (every team × every metric × the 50th, 75th and 90th percentile), sorting
// each group once in a scratch buffer it keeps between calls. Its results
// are identical to [FromTeam]'s.
//
// The zero TeamBenchmarks is ready to use. It is a mutable scratch space and
// not safe for concurrent use: give each goroutine its own.
type TeamBenchmarks struct {
	buf []float64
}

// FromTeam appends to dst one [Benchmark] per quantile in qs, in the order
// given, each computed as [FromTeam] would, and returns the extended slice.
// On error dst is returned unchanged, with an error as FromTeam's. It does
// not modify values.
func (t *TeamBenchmarks) FromTeam(dst []Benchmark, m Metric, values []float64, qs ...float64) ([]Benchmark, error) {
	if err := checkTeam("TeamBenchmarks.FromTeam", m, values, qs...); err != nil {
		return dst, err
	}
	t.buf = append(t.buf[:0], values...)
	sortFloats(t.buf)
	for _, q := range qs {
		if m.Direction == LowerIsBetter {
			q = 1 - q
		}
		dst = append(dst, Benchmark{Metric: m, Target: r7(t.buf, q)})
	}
	return dst, nil
}

// r7 is the Hyndman–Fan R-7 quantile of sorted, written with the same
// operations, in the same order, as x/exp/stats so that the results are
// bit-identical.
func r7(sorted []float64, q float64) float64 {
	h := float64(len(sorted)-1)*q + 1
	lo := int(math.Floor(h - 1))
	hi := int(math.Ceil(h - 1))
	return sorted[lo] + (h-math.Floor(h))*(sorted[hi]-sorted[lo])
}

// sortFloats sorts finite values ascending. Team groups are small (tens of
// values), where insertion sort beats the general-purpose sort's setup.
func sortFloats(s []float64) {
	if len(s) > 64 {
		slices.Sort(s)
		return
	}
	for i := 1; i < len(s); i++ {
		v := s[i]
		j := i
		for j > 0 && s[j-1] > v {
			s[j] = s[j-1]
			j--
		}
		s[j] = v
	}
}

// errArg returns the Arg of one of this package's errors, or its message.
func errArg(err error) string {
	if ie, ok := err.(*InputError); ok {
		return ie.Arg
	}
	return err.Error()
}
