package benchmark

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strings"
)

// A Binned is the bounded-memory, mergeable form of [Discover], for
// history that streams in or is split across machines. Instead of keeping
// every observation it keeps, for each bin between fixed edges, how many
// observations were won and lost: memory grows with the edges, never with
// the data. Each edge is a candidate threshold, and [Binned.Discover]
// chooses among them exactly as Discover chooses among observed values.
// Shards that share a metric and edges combine exactly with
// [Binned.Merge], in any order and grouping; a Binned marshals to JSON so a
// shard can ship its state.
//
// With the distinct observed values as edges, Binned.Discover returns
// Discover's rule. With round numbers as edges (every 5 days, every 10
// calls) it returns the best of those round thresholds, which is often
// the benchmark a team would rather train to anyway.
//
// Create a Binned with [NewBinned] and use it through the pointer: a
// copied Binned shares its counts. The zero Binned has no edges and
// accepts no observations. A Binned is mutable and not safe for concurrent
// use: give each goroutine its own and merge them.
type Binned struct {
	metric Metric
	edges  []float64 // finite, strictly ascending, no −0
	// won[i] and lost[i] count bin i, of len(edges)+1, lowest values
	// first. For a higher-is-better metric bin i holds the values in
	// [edges[i−1], edges[i]), which reach edges[0] to edges[i−1]; for a
	// lower-is-better one the values in (edges[i−1], edges[i]], which
	// reach edges[i] and every edge above it.
	won, lost []int64
	n         int64 // the sum of all bins
}

// NewBinned returns an empty Binned for metric m whose candidate
// thresholds are edges, which must be finite and strictly ascending. It
// returns an [*InputError] wrapping [ErrEmpty] or [ErrInvalidEnum] for an
// invalid metric, ErrEmpty for no edges, [ErrNotFinite] for a NaN or ±Inf
// edge, [ErrDuplicate] for an edge equal to the one before and
// [ErrOutOfRange] for one below it. It does not keep or modify edges.
func NewBinned(m Metric, edges []float64) (*Binned, error) {
	return newBinned("NewBinned", m, edges)
}

func newBinned(fn string, m Metric, edges []float64) (*Binned, error) {
	if err := m.Validate(); err != nil {
		return nil, inputErr(fn, "metric", errUnwrap(err))
	}
	if len(edges) == 0 {
		return nil, inputErr(fn, "edges", ErrEmpty)
	}
	own := make([]float64, len(edges))
	for i, e := range edges {
		if math.IsNaN(e) || math.IsInf(e, 0) {
			return nil, checkFinite(fn, fmt.Sprintf("edges[%d]", i), e)
		}
		switch {
		case i > 0 && e == edges[i-1]:
			return nil, inputErr(fn, fmt.Sprintf("edges[%d] = %v", i, e), ErrDuplicate)
		case i > 0 && e < edges[i-1]:
			return nil, inputErr(fn, fmt.Sprintf("edges[%d] = %v", i, e),
				fmt.Errorf("%w: edges must be ascending, and edges[%d] = %v", ErrOutOfRange, i-1, edges[i-1]))
		}
		if e == 0 {
			e = 0 // −0 becomes +0, so equal edge lists compare and print alike
		}
		own[i] = e
	}
	return &Binned{
		metric: m,
		edges:  own,
		won:    make([]int64, len(edges)+1),
		lost:   make([]int64, len(edges)+1),
	}, nil
}

// Metric returns the metric b was created for; the zero Metric for a nil
// or zero Binned.
func (b *Binned) Metric() Metric {
	if b == nil {
		return Metric{}
	}
	return b.metric
}

// Edges returns a copy of b's edges, the candidate thresholds; nil for a
// nil or zero Binned.
func (b *Binned) Edges() []float64 {
	if b == nil {
		return nil
	}
	return slices.Clone(b.edges)
}

// Count returns how many observations b holds; 0 for a nil Binned.
func (b *Binned) Count() int64 {
	if b == nil {
		return 0
	}
	return b.n
}

// bin returns the bin of value v.
func (b *Binned) bin(v float64) int {
	i, found := slices.BinarySearch(b.edges, v) // the number of edges < v
	if found && b.metric.Direction != LowerIsBetter {
		i++ // v reaches the edge equal to it from above
	}
	return i
}

// Add counts one observation. It returns an [*InputError] wrapping
// [ErrNotFinite] for a NaN or ±Inf value, [ErrEmpty] for a Binned without
// edges and [ErrOverflow] when b already holds 2⁶³−1 observations; then b
// is unchanged.
func (b *Binned) Add(o Observation) error {
	const fn = "Binned.Add"
	if err := b.ready(fn); err != nil {
		return err
	}
	if err := checkFinite(fn, "o.Value", o.Value); err != nil {
		return err
	}
	if b.n == math.MaxInt64 {
		return inputErr(fn, "o", ErrOverflow)
	}
	b.add(o)
	return nil
}

func (b *Binned) add(o Observation) {
	i := b.bin(o.Value)
	if o.Won {
		b.won[i]++
	} else {
		b.lost[i]++
	}
	b.n++
}

// AddAll counts every observation in obs. It checks them all first, so on
// error (as [Binned.Add]'s, naming the first bad observation) b is
// unchanged. It does not modify obs.
func (b *Binned) AddAll(obs []Observation) error {
	const fn = "Binned.AddAll"
	if err := b.ready(fn); err != nil {
		return err
	}
	for i, o := range obs {
		if math.IsNaN(o.Value) || math.IsInf(o.Value, 0) {
			return checkFinite(fn, fmt.Sprintf("obs[%d].Value", i), o.Value)
		}
	}
	if int64(len(obs)) > math.MaxInt64-b.n {
		return inputErr(fn, "obs", ErrOverflow)
	}
	for _, o := range obs {
		b.add(o)
	}
	return nil
}

// Merge adds the counts of o to b, so that b holds both shards' history.
// Merging is exact, associative and commutative: however the history was
// split, merging the parts gives the counts of the whole. It returns an
// [*InputError] wrapping [ErrMismatch] when o has a different metric or
// different edges, [ErrEmpty] when either has no edges (o nil included)
// and [ErrOverflow] when the total would exceed 2⁶³−1 observations; then
// b is unchanged. It does not modify o.
func (b *Binned) Merge(o *Binned) error {
	const fn = "Binned.Merge"
	if err := b.ready(fn); err != nil {
		return err
	}
	if o == nil || len(o.edges) == 0 {
		return inputErr(fn, "o has no edges", ErrEmpty)
	}
	if o.metric != b.metric {
		return inputErr(fn, "o.Metric() = "+metricDesc(o.metric), fmt.Errorf("%w: the metrics differ, want %s", ErrMismatch, metricDesc(b.metric)))
	}
	if !slices.Equal(o.edges, b.edges) {
		return inputErr(fn, fmt.Sprintf("o.Edges() = %s", shortFloats(o.edges)), fmt.Errorf("%w: the edges differ, want %s", ErrMismatch, shortFloats(b.edges)))
	}
	if o.n > math.MaxInt64-b.n {
		return inputErr(fn, "o", ErrOverflow)
	}
	// Every bin is at most n, so no bin can overflow when the total does
	// not.
	for i := range b.won {
		b.won[i] += o.won[i]
		b.lost[i] += o.lost[i]
	}
	b.n += o.n
	return nil
}

// metricDesc formats m with its direction for an error message.
func metricDesc(m Metric) string { return fmt.Sprintf("%q (%v)", m.String(), m.Direction) }

// shortFloats formats the first few values of s for an error message.
func shortFloats(s []float64) string {
	if len(s) <= 4 {
		return fmt.Sprint(s)
	}
	return fmt.Sprintf("%v… (%d edges)", s[:4], len(s))
}

func (b *Binned) ready(fn string) error {
	if b == nil || len(b.edges) == 0 {
		return inputErr(fn, "Binned has no edges (use NewBinned)", ErrEmpty)
	}
	return nil
}

// Discover returns the rule that [Discover] would return if the edges were
// the only candidate thresholds: an edge is reached by the values at or
// beyond it, in the metric's good direction, and qualifies when at least
// opts.MinSupport of them do. The options, their defaults (counted over
// [Binned.Count] observations), the ranking and the ties are Discover's.
// An edge beyond every observation is reached by none and never
// qualifies.
//
// Discover returns an [*InputError] wrapping [ErrEmpty] when b has no
// edges or no observations, an option error as Discover's, or
// [ErrNoRule] when no edge qualifies. It does not modify b.
func (b *Binned) Discover(opts *DiscoverOptions) (Rule, error) {
	const fn = "Binned.Discover"
	if err := b.ready(fn); err != nil {
		return Rule{}, err
	}
	if b.n == 0 {
		return Rule{}, inputErr(fn, "no observations", ErrEmpty)
	}
	s, err := newRuleSearch(fn, opts, b.n)
	if err != nil {
		return Rule{}, err
	}
	if s.minSupport > b.n {
		return Rule{}, s.noRule(fn, b.n)
	}
	// Offer the edges from the hardest to the easiest, adding the bin
	// that each newly reaches.
	e := len(b.edges)
	best := -1
	var hits, trials int64
	for step := range e {
		edge, bin := step, step // lower is better: edge i adds bin i
		if b.metric.Direction != LowerIsBetter {
			edge, bin = e-1-step, e-step // edge i adds bin i+1
		}
		hits += b.won[bin]
		trials += b.won[bin] + b.lost[bin]
		if s.offer(hits, trials) {
			best = edge
		}
	}
	if best < 0 {
		return Rule{}, s.noRule(fn, b.n)
	}
	var wins int64
	for _, w := range b.won {
		wins += w
	}
	return s.rule(b.metric, b.edges[best], b.n, wins), nil
}

// binnedJSON is the wire form of a Binned.
type binnedJSON struct {
	Metric Metric    `json:"metric"`
	Edges  []float64 `json:"edges"`
	Won    []int64   `json:"won"`
	Lost   []int64   `json:"lost"`
}

// MarshalJSON implements [json.Marshaler]: b's metric, edges and the won
// and lost counts of its len(edges)+1 bins, lowest values first, as
// {"metric": …, "edges": […], "won": […], "lost": […]}. The zero Binned
// marshals as null.
func (b Binned) MarshalJSON() ([]byte, error) {
	if len(b.edges) == 0 {
		return []byte("null"), nil
	}
	return json.Marshal(binnedJSON{Metric: b.metric, Edges: b.edges, Won: b.won, Lost: b.lost})
}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes strictly, and
// returns an [*InputError] wrapping [ErrSyntax] for data that is not one
// JSON object of [Binned.MarshalJSON]'s form: a syntax error, an unknown
// field, a key given twice or in another case than [Binned.MarshalJSON]
// writes it ("Edges" for "edges"), all at any level, a value of the wrong
// type, or anything but white space after the object. It checks the state as [NewBinned] checks its
// arguments, and that the counts are non-negative ([ErrNegative]), one per
// bin ([ErrOutOfRange]) and add up within int64 ([ErrOverflow]). On error
// b is unchanged. Like [json.Unmarshal] itself, it takes null as a no-op.
func (b *Binned) UnmarshalJSON(data []byte) error {
	const fn = "Binned.UnmarshalJSON"
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	if err := strictKeys(fn, data, binnedKeys); err != nil {
		return err
	}
	var w binnedJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return jsonErr(fn, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return inputErr(fn, fmt.Sprintf("data at byte %d", dec.InputOffset()), fmt.Errorf("%w: data after the object", ErrSyntax))
	}
	nb, err := newBinned(fn, w.Metric, w.Edges)
	if err != nil {
		return err
	}
	if len(w.Won) != len(nb.won) || len(w.Lost) != len(nb.lost) {
		return inputErr(fn, fmt.Sprintf("%d won and %d lost counts", len(w.Won), len(w.Lost)), fmt.Errorf("%w: want one per bin, %d", ErrOutOfRange, len(nb.won)))
	}
	for i := range nb.won {
		for _, c := range [2]struct {
			name string
			v    int64
		}{{"won", w.Won[i]}, {"lost", w.Lost[i]}} {
			if c.v < 0 {
				return inputErr(fn, fmt.Sprintf("%s[%d] = %d", c.name, i, c.v), ErrNegative)
			}
			if c.v > math.MaxInt64-nb.n {
				return inputErr(fn, fmt.Sprintf("%s[%d]", c.name, i), ErrOverflow)
			}
			nb.n += c.v
		}
		nb.won[i], nb.lost[i] = w.Won[i], w.Lost[i]
	}
	*b = *nb
	return nil
}

// binnedKeys are the keys of a Binned's JSON and its metric's, as
// MarshalJSON writes them.
var binnedKeys = []string{"metric", "edges", "won", "lost", "name", "unit", "direction"}

// strictKeys refuses, with an [*InputError] wrapping [ErrSyntax], JSON
// whose objects, at any level, repeat a key or spell one of keys in
// another case: encoding/json takes the last of duplicate keys and matches
// keys without regard to case, so either would let a hand-edited or forged
// document say something other than what it seems to. Other problems,
// syntax errors and unknown keys among them, are left to the decoder.
func strictKeys(fn string, data []byte, keys []string) error {
	type frame struct {
		object, wantKey bool
		seen            map[string]bool
	}
	var stack []frame
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return nil // the end, or an error the decoder reports
		}
		if key, ok := tok.(string); ok && len(stack) > 0 && stack[len(stack)-1].object && stack[len(stack)-1].wantKey {
			f := &stack[len(stack)-1]
			if f.seen[key] {
				return inputErr(fn, fmt.Sprintf("data at byte %d", off), fmt.Errorf("%w: duplicate key %q", ErrSyntax, key))
			}
			for _, k := range keys {
				if key != k && strings.EqualFold(key, k) {
					return inputErr(fn, fmt.Sprintf("data at byte %d", off), fmt.Errorf("%w: key %q, want %q", ErrSyntax, key, k))
				}
			}
			f.seen[key], f.wantKey = true, false
			continue
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, frame{object: true, wantKey: true, seen: map[string]bool{}})
			continue
		case json.Delim('['):
			stack = append(stack, frame{})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
		// A value has ended: in an object, a key comes next.
		if n := len(stack); n > 0 && stack[n-1].object {
			stack[n-1].wantKey = true
		}
	}
}

// jsonErr turns an error from decoding a Binned's JSON into an
// [*InputError]. It does not wrap the decoder's error, whose message names
// the internal binnedJSON type.
func jsonErr(fn string, err error) error {
	var (
		ie  *InputError
		se  *json.SyntaxError
		ute *json.UnmarshalTypeError
	)
	switch {
	case errors.As(err, &ie): // from Direction.UnmarshalText
		return inputErr(fn, "metric direction "+ie.Arg, ie.Err)
	case errors.As(err, &se):
		return inputErr(fn, fmt.Sprintf("data at byte %d", se.Offset), fmt.Errorf("%w: %v", ErrSyntax, se))
	case errors.As(err, &ute):
		field, want := ute.Field, "an object"
		if field == "" {
			field = "data"
		} else {
			switch ute.Type.Kind() {
			case reflect.Int64:
				want = "an integer"
			case reflect.Float64:
				want = "a number"
			case reflect.String:
				want = "a string"
			case reflect.Slice:
				want = "an array"
			}
		}
		return inputErr(fn, field, fmt.Errorf("%w: %s where %s is expected", ErrSyntax, ute.Value, want))
	}
	return inputErr(fn, "data", fmt.Errorf("%w: %s", ErrSyntax, strings.TrimPrefix(err.Error(), "json: ")))
}
