package benchmark

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strconv"
)

// ErrNoRule reports that no threshold qualifies: too few observations reach
// any candidate for the minimum support, or none meets the target win rate.
// It is an answer about the data, not a fault in it: the history does not
// support a benchmark yet. [Discover] and [Binned.Discover] return it
// wrapped in an [*InputError] that gives the count, support and target.
var ErrNoRule = errors.New("no threshold qualifies")

// An Observation is one game, week or deal of history for a leading
// indicator: the indicator's value (calls made that week, days from first
// meeting to close) and whether it was won.
type Observation struct {
	// Value is the leading indicator's value in that game, week or deal.
	Value float64 `json:"value"`
	// Won reports whether that game, week or deal was won.
	Won bool `json:"won"`
}

// A Rule is a benchmark discovered from history by [Discover]: "when calls
// per week ≥ 42 we won 71% of the time; otherwise 38%". Reached counts the
// observations that reached the threshold and how many of them were won;
// Missed counts the rest. Reached has at least the minimum support; Missed
// has no trials when every observation reached the threshold.
//
// The zero Rule has no metric and no evidence. A Rule is a small value,
// safe to copy and to share.
type Rule struct {
	// Metric is the leading indicator the rule is about.
	Metric Metric `json:"metric"`
	// Threshold is reached by values ≥ Threshold when Metric is
	// higher-is-better and by values ≤ Threshold when it is
	// lower-is-better. It is one of the observed values (or a bin edge,
	// for [Binned.Discover]).
	Threshold float64 `json:"threshold"`
	Reached   Rate    `json:"reached"` // the won rate of the observations that reached Threshold
	Missed    Rate    `json:"missed"`  // the won rate of the observations that did not
}

// String formats r as the sentence a sales leader reads, with 95% Wilson
// intervals ([Rate.Interval]) whatever level the rule was discovered at:
//
//	when calls per week ≥ 42: won 71.5% (95% CI 66.2–76.2%, n=312); otherwise 38.0% (95% CI 33.1–43.2%, n=350)
//
// Like [Benchmark.String] it names the metric without its unit. When every
// observation reached the threshold the sentence ends "every observation
// reached it" instead.
func (r Rule) String() string {
	op := "≥"
	if r.Metric.Direction == LowerIsBetter {
		op = "≤"
	}
	s := fmt.Sprintf("when %s %s %s: won %s", r.Metric.Name, op, formatThreshold(r.Threshold), sentenceRate(r.Reached))
	if r.Missed.Trials == 0 {
		return s + "; every observation reached it"
	}
	return s + "; otherwise " + sentenceRate(r.Missed)
}

// sentenceRate formats a rate as "71.3% (95% CI 66.0–76.1%, n=312)".
func sentenceRate(r Rate) string {
	lo, hi := r.Interval(0.95)
	return fmt.Sprintf("%.1f%% (95%% CI %.1f–%.1f%%, n=%d)", 100*r.Value(), 100*lo, 100*hi, r.Trials)
}

// formatThreshold writes a threshold as the user recorded it: 42, 12.5,
// 0.32, without an exponent unless the number is huge or tiny.
func formatThreshold(v float64) string {
	if a := math.Abs(v); a != 0 && (a >= 1e15 || a < 1e-6) {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// DiscoverOptions configures [Discover] and [Binned.Discover]. A nil
// *DiscoverOptions, like a zero field, means the default.
type DiscoverOptions struct {
	// Level is the confidence level of the Wilson lower bound that ranks
	// thresholds, in (0, 1). Zero means 0.95, a library default (the
	// conventional 95%).
	Level float64 `json:"level"`
	// MinSupport is how many observations must reach a threshold for it
	// to qualify. Zero means max(5, ⌈1% of the observations⌉), a library
	// default, so that a handful of lucky weeks cannot set the standard.
	MinSupport int `json:"min_support"`
	// Target, when positive, asks for the easiest threshold whose lower
	// bound is at least Target (a win rate in (0, 1)) instead of the
	// threshold with the best lower bound. Zero means no target.
	Target float64 `json:"target"`
}

// Discover finds the threshold on a leading indicator that best predicts
// winning, from history: Tressel's "when we gained at least 200 rushing
// yards in a game, we won the game 98% of the time" ("The Difference
// Between Sales Leaders and Sales Managers"). Each observation is one game,
// week or deal: the indicator's value and whether it was won.
//
// A threshold t is reached by the values ≥ t when m is higher-is-better and
// by the values ≤ t when it is lower-is-better. The candidates are the
// observed values; observations with equal values reach a threshold
// together. A candidate qualifies when at least MinSupport observations
// reach it.
//
// Without a Target, Discover returns the qualifying threshold whose reached
// win rate has the highest Wilson lower bound at Level (see
// [Rate.Interval]): the rate that, with that confidence, the team at least
// wins at beyond the threshold. The lower bound, not the raw rate, is what
// keeps three lucky weeks from beating three hundred good ones. Ties go to
// the easier threshold, the one reached by more observations. With a
// Target, Discover returns the easiest qualifying threshold whose lower
// bound is at least Target: the lowest bar that still delivers the win
// rate.
//
// When no threshold beats the whole history, the answer is the easiest
// observed value, reached by every observation, and the rule's Missed has
// no trials: the indicator does not separate wins from losses.
//
// Discover is exact, and does not modify obs. It reads obs three times:
// to check the values, to count wins and losses in up to 65,536 buckets of
// values, and to collect the values of the few buckets whose bounds show
// that they may hold the rule, which it sorts by radix. The time is O(n)
// (O(n log n) beyond 2³² observations); the scratch memory is 1 MiB at
// most for the counts plus 16 bytes per observation collected, so at most
// 16 bytes per observation and usually well under one.
//
// Discover returns an [*InputError] wrapping [ErrEmpty] for no observations
// or a metric without a name, [ErrInvalidEnum] for an unknown direction,
// [ErrNotFinite] for a NaN or ±Inf value or option, [ErrOutOfRange] for a
// Level or Target outside (0, 1), [ErrNegative] for a negative MinSupport,
// and [ErrNoRule] when no candidate qualifies: fewer than MinSupport
// observations, or no threshold whose lower bound reaches the Target.
func Discover(m Metric, obs []Observation, opts *DiscoverOptions) (Rule, error) {
	const fn = "Discover"
	if err := m.Validate(); err != nil {
		return Rule{}, inputErr(fn, "metric", errUnwrap(err))
	}
	if len(obs) == 0 {
		return Rule{}, inputErr(fn, "obs", ErrEmpty)
	}
	n := int64(len(obs))
	s, err := newRuleSearch(fn, opts, n)
	if err != nil {
		return Rule{}, err
	}

	// Each value becomes an order-preserving uint64 key, complemented for
	// a lower-is-better metric so that a larger key is always a harder
	// threshold. The first pass checks the values and finds the keys'
	// range.
	var flip uint64
	if m.Direction == LowerIsBetter {
		flip = math.MaxUint64
	}
	lo, hi := uint64(math.MaxUint64), uint64(0)
	var wins int64
	for i, o := range obs {
		if b := math.Float64bits(o.Value); b&expMask == expMask {
			return Rule{}, inputErr(fn, fmt.Sprintf("obs[%d].Value = %v", i, o.Value), ErrNotFinite)
		}
		k := floatKey(o.Value) ^ flip
		lo, hi = min(lo, k), max(hi, k)
		if o.Won {
			wins++
		}
	}
	if s.minSupport > n {
		return Rule{}, s.noRule(fn, n)
	}

	// The second pass counts won and lost observations in buckets of
	// equal key width. Within a bucket a threshold's lower bound can be
	// no higher than if the bucket's wins all came before its losses, and
	// the easiest threshold of each bucket is known exactly from the
	// counts alone, so most buckets are ruled out without sorting them.
	bk := newKeyBuckets(lo, hi, n)
	for _, o := range obs {
		bk.count(floatKey(o.Value)^flip, o.Won)
	}
	kept := bk.prune(&s)
	if kept == 0 {
		return Rule{}, s.noRule(fn, n)
	}

	// The third pass collects the keys of the buckets kept, won ones at
	// the front of a buffer and lost ones at the back: sorting the two
	// apart and merging them keeps each outcome without widening the
	// keys.
	buf := make([]uint64, 2*kept)
	keys, scratch := buf[:kept], buf[kept:]
	w, j := 0, len(keys)
	for _, o := range obs {
		k := floatKey(o.Value) ^ flip
		if !bk.keep[bk.of(k)] {
			continue
		}
		if o.Won {
			keys[w] = k
			w++
		} else {
			j--
			keys[j] = k
		}
	}
	won := sortKeys(keys[:w], scratch[:w])
	lost := sortKeys(keys[w:], scratch[w:])

	key, ok := bk.sweep(&s, won, lost)
	if !ok {
		return Rule{}, s.noRule(fn, n)
	}
	return s.rule(m, keyValue(key^flip), n, wins), nil
}

// expMask selects a float64's exponent, all ones for NaN and ±Inf.
const expMask = 0x7ff << 52

// keyBuckets split the key range [lo, hi] into equal-width buckets and
// count the won and lost observations in each.
type keyBuckets struct {
	lo    uint64
	shift uint
	// counts[2b] is bucket b's lost count, counts[2b+1] its won count.
	counts []int64
	keep   []bool // the buckets that may hold the rule
}

// Bucket counts: about 32 observations a bucket, within [2⁴, 2¹⁶]
// buckets. Smaller buckets have tighter bounds and rule out more
// observations (on 10M values with no signal, 2¹⁶ buckets keep 5% of them
// for sorting where 2¹⁴ keep 55%); beyond 2¹⁶ the counts, 1 MiB, outgrow
// the L2 cache and counting slows down more than sorting speeds up.
const (
	minBucketBits = 4
	maxBucketBits = 16
)

func newKeyBuckets(lo, hi uint64, n int64) keyBuckets {
	b := min(max(bits.Len64(uint64(n))-5, minBucketBits), maxBucketBits)
	shift := max(bits.Len64(hi-lo)-b, 0)
	nb := int((hi-lo)>>shift) + 1
	return keyBuckets{lo: lo, shift: uint(shift), counts: make([]int64, 2*nb), keep: make([]bool, nb)}
}

func (bk *keyBuckets) of(k uint64) int { return int((k - bk.lo) >> bk.shift) }

func (bk *keyBuckets) count(k uint64, won bool) {
	var w int // set without a branch: the outcomes are unpredictable
	if won {
		w = 1
	}
	bk.counts[2*bk.of(k)+w]++
}

// pruneMargin absorbs rounding in the Wilson bounds: a bucket is ruled out
// only when its bound is below the floor by more than any rounding error.
const pruneMargin = 1e-9

// prune marks the buckets that may hold the rule and returns how many
// observations they hold. It relies on two properties of the Wilson lower
// bound L(hits, trials), checked by the tests: a loss lowers it,
// L(h, n+1) ≤ L(h, n), and a win raises it, L(h+1, n+1) ≥ L(h, n).
func (bk *keyBuckets) prune(s *ruleSearch) int {
	nb := len(bk.keep)
	// The easiest threshold in a bucket is reached by the bucket and all
	// the buckets above it, so its bound is known from the counts. Those
	// bounds raise the floor a rule must reach; easiest is the easiest
	// bucket whose threshold sets the floor or meets the target.
	floor, easiest := s.floor, -1
	var hits, trials int64
	for b := nb - 1; b >= 0; b-- {
		hits += bk.counts[2*b+1]
		trials += bk.counts[2*b] + bk.counts[2*b+1]
		if trials < s.minSupport || bk.counts[2*b]+bk.counts[2*b+1] == 0 {
			continue
		}
		lo, _ := wilson(hits, trials, s.z)
		switch {
		case s.target == 0 && lo >= floor:
			floor, easiest = lo, b
		case s.target > 0 && lo >= s.target:
			easiest = b
		}
	}
	// A threshold inside bucket b has hits = H+x and trials = N+x+y for
	// the H won of the N observations above the bucket and the x won and
	// y lost in it beyond the threshold, so its bound is at most
	// L(H+w, N+w) for the bucket's w won.
	kept := 0
	hits, trials = 0, 0
	for b := nb - 1; b >= 0; b-- {
		lost, won := bk.counts[2*b], bk.counts[2*b+1]
		var ub float64
		if hits+won > 0 {
			ub, _ = wilson(hits+won, trials+won, s.z)
		}
		// With a target, the rule is in the easiest bucket whose easiest
		// threshold meets it, or in an easier one. Without, a bucket with
		// no win above its thresholds can only tie a floor of 0, and the
		// tie goes to the easier threshold that set the floor.
		harder := easiest >= 0 && b > easiest && (s.target > 0 || hits+won == 0)
		if won+lost > 0 && trials+won+lost >= s.minSupport && ub >= floor-pruneMargin && !harder {
			bk.keep[b] = true
			kept += int(won + lost)
		}
		hits += won
		trials += won + lost
	}
	return kept
}

// sweep offers s every distinct key of the kept buckets, from the hardest
// to the easiest, with the counts of the observations at or beyond it.
// won and lost are the sorted keys of the kept buckets. It returns the
// best key.
func (bk *keyBuckets) sweep(s *ruleSearch, won, lost []uint64) (best uint64, found bool) {
	var hits, trials int64
	i, j := len(won), len(lost)
	for b := len(bk.keep) - 1; b >= 0; b-- {
		l, w := bk.counts[2*b], bk.counts[2*b+1]
		if !bk.keep[b] {
			hits += w
			trials += w + l
			continue
		}
		k, ok := s.sweep(won[i-int(w):i], lost[j-int(l):j], &hits, &trials)
		if ok {
			best, found = k, true
		}
		i -= int(w)
		j -= int(l)
	}
	return best, found
}

// A ruleSearch holds the resolved options and picks the rule among the
// candidates offered to it from the hardest threshold to the easiest, each
// with the won and total counts of the observations that reach it.
type ruleSearch struct {
	z          float64
	minSupport int64
	target     float64 // 0 when maximising the lower bound

	// floor is the lower bound a candidate must reach to be taken: the
	// target, or else the best bound so far. Because candidates come from
	// the hardest to the easiest, taking a bound equal to the floor gives
	// ties, and the target, to the easier threshold.
	floor        float64
	found        bool
	hits, trials int64 // the best candidate's reached counts
}

// newRuleSearch resolves opts for n observations.
func newRuleSearch(fn string, opts *DiscoverOptions, n int64) (ruleSearch, error) {
	var o DiscoverOptions
	if opts != nil {
		o = *opts
	}
	if err := checkFinite(fn, "opts.Level", o.Level); err != nil {
		return ruleSearch{}, err
	}
	if err := checkFinite(fn, "opts.Target", o.Target); err != nil {
		return ruleSearch{}, err
	}
	if o.Level == 0 {
		o.Level = 0.95
	}
	if !(o.Level > 0 && o.Level < 1) {
		return ruleSearch{}, inputErr(fn, fmt.Sprintf("opts.Level = %v", o.Level),
			fmt.Errorf("%w: a confidence level must be in (0, 1)", ErrOutOfRange))
	}
	if o.Target < 0 || o.Target >= 1 {
		return ruleSearch{}, inputErr(fn, fmt.Sprintf("opts.Target = %v", o.Target),
			fmt.Errorf("%w: a target win rate must be in (0, 1)", ErrOutOfRange))
	}
	if o.MinSupport < 0 {
		return ruleSearch{}, inputErr(fn, fmt.Sprintf("opts.MinSupport = %d", o.MinSupport), ErrNegative)
	}
	support := int64(o.MinSupport)
	if support == 0 {
		support = max(5, n/100+min(n%100, 1)) // ⌈n/100⌉ without overflow
	}
	return ruleSearch{z: zFor(o.Level), minSupport: support, target: o.Target, floor: o.Target}, nil
}

// offer considers a candidate reached by trials observations, hits of them
// won, and reports whether it is now the best.
func (s *ruleSearch) offer(hits, trials int64) bool {
	if trials < s.minSupport {
		return false
	}
	// The lower bound never exceeds the observed rate, so a rate below
	// the floor rules the candidate out without a square root.
	if float64(hits)/float64(trials) < s.floor {
		return false
	}
	lo, _ := wilson(hits, trials, s.z)
	if lo < s.floor {
		return false
	}
	if s.target == 0 {
		s.floor = lo
	}
	s.hits, s.trials, s.found = hits, trials, true
	return true
}

// sweep merges the sorted key arrays of won and lost observations from the
// largest key (the hardest threshold) down, offering each distinct key
// with the counts of the observations at or beyond it, which start at
// *hits and *trials. It returns the last key taken.
func (s *ruleSearch) sweep(won, lost []uint64, hits, trials *int64) (best uint64, taken bool) {
	// Key 0 is the key of a NaN, never of an observation, so it stands in
	// for an exhausted array.
	i, j := len(won)-1, len(lost)-1
	h, t := *hits, *trials
	for i >= 0 || j >= 0 {
		var a, l uint64
		if i >= 0 {
			a = won[i]
		}
		if j >= 0 {
			l = lost[j]
		}
		k := max(a, l)
		for i >= 0 && won[i] == k {
			i--
			h++
			t++
		}
		for j >= 0 && lost[j] == k {
			j--
			t++
		}
		if s.offer(h, t) {
			best, taken = k, true
		}
	}
	*hits, *trials = h, t
	return best, taken
}

// rule builds the chosen rule from n observations, wins of them won.
func (s *ruleSearch) rule(m Metric, threshold float64, n, wins int64) Rule {
	return Rule{
		Metric:    m,
		Threshold: threshold,
		Reached:   Rate{Hits: s.hits, Trials: s.trials},
		Missed:    Rate{Hits: wins - s.hits, Trials: n - s.trials},
	}
}

func (s *ruleSearch) noRule(fn string, n int64) error {
	arg := fmt.Sprintf("%d observations, min support %d", n, s.minSupport)
	if s.target > 0 {
		arg += fmt.Sprintf(", target %v", s.target)
	}
	return inputErr(fn, arg, ErrNoRule)
}

// Float keys. floatKey maps a finite float64 to a uint64 whose unsigned
// order is the numeric order: the sign bit is set for positive numbers and
// every bit is flipped for negative ones, so that larger magnitudes sort
// lower. −0 is read as +0, so that equal values share a key. No finite
// value maps to 0 or to MaxUint64 (those are NaNs' keys), nor does any
// complemented key.
func floatKey(v float64) uint64 {
	b := math.Float64bits(v)
	if b == 1<<63 {
		b = 0
	}
	return b ^ (uint64(int64(b)>>63) | 1<<63)
}

// keyValue is the inverse of floatKey.
func keyValue(k uint64) float64 {
	if k&(1<<63) != 0 {
		return math.Float64frombits(k &^ (1 << 63))
	}
	return math.Float64frombits(^k)
}

// Radix sort. Eleven-bit digits make six passes over 64-bit keys with a
// 2,048-entry histogram per pass that stays in the L1 cache; passes where
// every key has the same digit (the high bits of values in a narrow range,
// the low bits of whole numbers) are skipped.
const (
	radixBits   = 11
	radixBins   = 1 << radixBits
	radixMask   = radixBins - 1
	radixPasses = (64 + radixBits - 1) / radixBits
	// Below radixMin keys a comparison sort is faster than clearing and
	// summing the histograms.
	radixMin = 512
)

// sortKeys sorts keys into ascending order, using scratch (of the same
// length) as the other buffer, and returns whichever of the two holds the
// result.
func sortKeys(keys, scratch []uint64) []uint64 {
	n := len(keys)
	if n < radixMin || n > math.MaxUint32 {
		slices.Sort(keys)
		return keys
	}
	var hist [radixPasses][radixBins]uint32
	for _, k := range keys {
		hist[0][k&radixMask]++
		hist[1][(k>>(1*radixBits))&radixMask]++
		hist[2][(k>>(2*radixBits))&radixMask]++
		hist[3][(k>>(3*radixBits))&radixMask]++
		hist[4][(k>>(4*radixBits))&radixMask]++
		hist[5][(k>>(5*radixBits))&radixMask]++
	}
	src, dst := keys, scratch
	for p := range radixPasses {
		shift := uint(p * radixBits)
		h := &hist[p]
		if h[(src[0]>>shift)&radixMask] == uint32(n) {
			continue
		}
		var sum uint32
		for d, c := range h {
			h[d] = sum
			sum += c
		}
		for _, k := range src {
			d := (k >> shift) & radixMask
			dst[h[d]] = k
			h[d]++
		}
		src, dst = dst, src
	}
	return src
}
