package benchmark

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"slices"
	"strconv"

	"golang.org/x/exp/stats"
)

// A Benchmark is the standard a team trains to on one metric: "a close rate
// of 32%", "no more than 45 days to close". The zero Benchmark has no
// metric and cannot be evaluated.
type Benchmark struct {
	// Metric is the metric the standard is set on.
	Metric Metric `json:"metric"`
	// Target is the standard's value of the metric, finite and positive:
	// it is met by values at or above it when Metric is higher-is-better
	// and at or below it when Metric is lower-is-better.
	Target float64 `json:"target"`
}

// A Result is one value measured against a [Benchmark].
type Result struct {
	// Value is the measured value.
	Value float64 `json:"value"`
	// Target is the benchmark's target.
	Target float64 `json:"target"`
	// Attainment is Value/Target when higher is better and Target/Value
	// when lower is better: 1 means exactly at the standard, 0.8 means 80%
	// of the way, 1.25 means a quarter better. It is continuous, never
	// just 0 or 100%.
	Attainment float64 `json:"attainment"`
	// Gap is what is still missing to meet the target, in the metric's
	// unit (percentage points for a rate, days for a cycle time); 0 when
	// the target is met.
	Gap float64 `json:"gap"`
	// Met reports whether the target is reached; the boundary counts as
	// met.
	Met bool `json:"met"`
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
// h = (n−1)p, computed exactly as stats.Quantiles(values, p) computes it,
// bit for bit. When higher is better, p = q. When lower is better, p is
// 1−q worked out in decimal: q is read as the shortest decimal that
// formats back to it ([strconv.FormatFloat] with precision −1: "0.9" for
// 0.9), and p is the float64 nearest to 1 minus that decimal. So q = 0.9
// uses p = 0.1, the quantile np.quantile(x, 0.1) is asked for, and not
// the float64 difference 1−0.9 = 0.09999999999999998, which puts h a hair
// below a whole number: for the values 1, 2, …, 11 the target is 2, as
// numpy gives, not 1.9999999999999998, which the rep at 2 would miss.
//
// FromTeam returns an [*InputError] wrapping [ErrEmpty] for no values,
// [ErrNotFinite] for a NaN or ±Inf value or q, [ErrOutOfRange] for q outside
// [0, 1], [ErrInvalidEnum] for an invalid metric, and [ErrOverflow] when
// the interpolation overflows to ±Inf, which needs values more than
// [math.MaxFloat64] apart (−1e308 and 1e308 at q = 0.5). It does not
// modify values. The target can be zero or negative when the team's values
// are; such a benchmark fails [Benchmark.Validate]. To set benchmarks for
// many groups and quantiles at once, use [TeamBenchmarks].
func FromTeam(m Metric, values []float64, q float64) (Benchmark, error) {
	const fn = "FromTeam"
	if err := checkTeam(fn, m, values, q); err != nil {
		return Benchmark{}, err
	}
	p := q
	if m.Direction == LowerIsBetter {
		p = decimalComplement(q)
	}
	target := stats.Quantiles(values, p)[0]
	if math.IsInf(target, 0) {
		return Benchmark{}, overflowErr(fn, q)
	}
	return Benchmark{Metric: m, Target: target}, nil
}

// overflowErr reports an R-7 quantile q that overflowed.
func overflowErr(fn string, q float64) error {
	return inputErr(fn, fmt.Sprintf("values at q = %v", q), fmt.Errorf("%w: the values are too far apart to interpolate", ErrOverflow))
}

// decimalComplement returns 1−q computed in decimal, for q in [0, 1]: q is
// read as its shortest decimal representation, and the result is the
// float64 nearest to 1 minus it. The float64 subtraction is exact, but it
// subtracts the binary q (0.9 is 0.90000000000000002220…), so 1−0.9 gives
// 0.09999999999999998 where the user asked for 0.1. numpy is the oracle:
// np.quantile(x, 0.1) is what an analyst writes for the "top 90%" of a
// lower-is-better metric, and its h = (n−1)·0.1 is exact where
// (n−1)·0.09999999999999998 is not.
func decimalComplement(q float64) float64 {
	switch q {
	case 0:
		return 1
	case 0.5, 1:
		return 1 - q
	}
	var d big.Rat
	if _, ok := d.SetString(strconv.FormatFloat(q, 'e', -1, 64)); !ok {
		return 1 - q // unreachable: FormatFloat writes a decimal SetString reads
	}
	p, _ := d.Sub(big.NewRat(1, 1), &d).Float64()
	return p
}

func checkTeam(fn string, m Metric, values []float64, qs ...float64) error {
	if err := m.Validate(); err != nil {
		return inputErr(fn, "metric", errUnwrap(err))
	}
	for i, q := range qs {
		if q >= 0 && q <= 1 {
			continue
		}
		// Only now, on the error path, name the argument: this check runs
		// once per group in TeamBenchmarks' hot loop.
		arg := "q"
		if len(qs) > 1 {
			arg = fmt.Sprintf("qs[%d]", i)
		}
		if err := checkFinite(fn, arg, q); err != nil {
			return err
		}
		return inputErr(fn, fmt.Sprintf("%s = %v", arg, q), fmt.Errorf("%w: a quantile must be in [0, 1]", ErrOutOfRange))
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
// (every team × every metric × the 50th, 75th and 90th percentile). Rather
// than sorting each group, it finds only the order statistics the
// quantiles read, with a quickselect that partitions out of place between
// two scratch buffers it keeps from call to call. Its results are
// identical to [FromTeam]'s, bit for bit, and it refuses the same input.
//
// The zero TeamBenchmarks is ready to use. It is a mutable scratch space and
// not safe for concurrent use: give each goroutine its own.
type TeamBenchmarks struct {
	bufs  [2][]float64
	ranks []int     // the order statistics wanted, ascending, distinct
	stats []float64 // stats[i] is the ranks[i]-th smallest value
	ps    []float64 // the quantile of the values for each q in qs
	// compQ and compP remember decimalComplement(compQ[i]) = compP[i]:
	// groups are usually benchmarked at the same few quantiles, and the
	// decimal arithmetic allocates.
	compQ, compP []float64
}

// FromTeam appends to dst one [Benchmark] per quantile in qs, in the order
// given, each computed as [FromTeam] would, and returns the extended slice.
// On error it returns dst as it was passed (though it may have written to
// dst's spare capacity), with an error as FromTeam's. It does not modify
// values or qs.
func (t *TeamBenchmarks) FromTeam(dst []Benchmark, m Metric, values []float64, qs ...float64) ([]Benchmark, error) {
	if err := checkTeam("TeamBenchmarks.FromTeam", m, values, qs...); err != nil {
		return dst, err
	}
	n := len(values)
	// R-7 reads the order statistics at ⌊h−1⌋ and ⌈h−1⌉ for each quantile.
	t.ranks, t.ps = t.ranks[:0], t.ps[:0]
	for _, q := range qs {
		p := q
		if m.Direction == LowerIsBetter {
			p = t.complement(q)
		}
		lo, hi := r7Ranks(n, p)
		t.ranks = append(t.ranks, lo, hi)
		t.ps = append(t.ps, p)
	}
	slices.Sort(t.ranks)
	t.ranks = slices.Compact(t.ranks)
	t.stats = slices.Grow(t.stats[:0], len(t.ranks))[:len(t.ranks)]
	for i := range t.bufs {
		t.bufs[i] = slices.Grow(t.bufs[i][:0], n)[:n]
	}
	t.selectRanks(values, 0, 0, t.ranks, t.stats, 2*bits.Len(uint(n)))
	out := dst
	for i, p := range t.ps {
		lo, hi := r7Ranks(n, p)
		target := r7(t.stat(lo), t.stat(hi), n, p)
		if math.IsInf(target, 0) {
			return dst, overflowErr("TeamBenchmarks.FromTeam", qs[i])
		}
		out = append(out, Benchmark{Metric: m, Target: target})
	}
	return out, nil
}

// complement returns decimalComplement(q), from t's cache when it can.
func (t *TeamBenchmarks) complement(q float64) float64 {
	for i, c := range t.compQ {
		if c == q {
			return t.compP[i]
		}
	}
	if len(t.compQ) >= 16 {
		t.compQ, t.compP = t.compQ[:0], t.compP[:0]
	}
	p := decimalComplement(q)
	t.compQ = append(t.compQ, q)
	t.compP = append(t.compP, p)
	return p
}

// r7Ranks returns the 0-based order statistics that the R-7 quantile q of n
// values interpolates between.
func r7Ranks(n int, q float64) (lo, hi int) {
	h := float64(n-1)*q + 1
	return int(math.Floor(h - 1)), int(math.Ceil(h - 1))
}

// r7 interpolates the R-7 quantile q of n values between the order
// statistics vlo and vhi, with the same operations in the same order as
// x/exp/stats, so that the results are bit-identical.
func r7(vlo, vhi float64, n int, q float64) float64 {
	h := float64(n-1)*q + 1
	return vlo + (h-math.Floor(h))*(vhi-vlo)
}

// stat returns the order statistic of rank r found by selectRanks.
func (t *TeamBenchmarks) stat(r int) float64 {
	i, _ := slices.BinarySearch(t.ranks, r)
	return t.stats[i]
}

// selectRanks finds the order statistics ranks (ascending, absolute ranks
// within the whole group) of src, the window of the group that starts at
// rank base, and stores them in out. It partitions src three ways around
// the median of three of its values into the window of scratch buffer
// t.bufs[into], then works on the parts that hold a wanted rank with the
// other buffer as the destination, so src (the caller's values at the top)
// is only read.
//
// The partition is written without data-dependent branches (the compiler
// turns the conditional steps into flag moves): on a team's unsorted
// values a branch on each comparison is mispredicted half the time. Ties
// with the pivot are settled in one pass. After depth levels it sorts what
// is left, so adversarial input costs O(n log n), not O(n²).
func (t *TeamBenchmarks) selectRanks(src []float64, into, base int, ranks []int, out []float64, depth int) {
	for len(ranks) > 0 {
		n := len(src)
		dst := t.bufs[into][base : base+n]
		if n <= leafSize {
			rankSort(dst, src)
			for i, r := range ranks {
				out[i] = dst[r-base]
			}
			return
		}
		if depth == 0 {
			copy(dst, src)
			slices.Sort(dst)
			for i, r := range ranks {
				out[i] = dst[r-base]
			}
			return
		}
		depth--
		pivot := median3(src[0], src[n/2], src[n-1])
		lo, hi := 0, n-1
		for _, v := range src {
			dst[lo] = v
			dst[hi] = v
			lo += b2i(v < pivot)
			hi -= b2i(v > pivot)
		}
		// dst[:lo] < pivot, ranks base+lo … base+hi equal it, dst[hi+1:] > pivot.
		i, j := 0, 0
		for _, r := range ranks {
			i += b2i(r < base+lo)
			j += b2i(r <= base+hi)
		}
		for k := i; k < j; k++ {
			out[k] = pivot
		}
		if i > 0 {
			t.selectRanks(dst[:lo], 1-into, base, ranks[:i], out[:i], depth)
		}
		src, into, base = dst[hi+1:], 1-into, base+hi+1
		ranks, out = ranks[j:], out[j:]
	}
}

func median3(a, b, c float64) float64 {
	if a > b {
		a, b = b, a
	}
	if b > c {
		b = c
	}
	return max(a, b)
}

// rankSort writes src into dst in ascending order by counting each
// value's rank, n² comparisons with no data-dependent branch: for the
// handful of values left at the leaves of selectRanks that is cheaper than
// insertion sort's mispredicted branches. Ties keep their order.
func rankSort(dst, src []float64) {
	for i, v := range src {
		r := 0
		for j, w := range src {
			r += b2i(w < v) + b2i(w == v)&b2i(j < i)
		}
		dst[r] = v
	}
}

// b2i is 1 for true and 0 for false; the compiler emits a flag move, not a
// branch.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// leafSize is the window below which selectRanks sorts instead of
// partitioning.
const leafSize = 8

// errArg returns the Arg of one of this package's errors, or its message.
func errArg(err error) string {
	if ie, ok := err.(*InputError); ok {
		return ie.Arg
	}
	return err.Error()
}
