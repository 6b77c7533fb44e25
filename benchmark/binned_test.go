package benchmark

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// cycleHistory: 40 closed deals by days to close. 5 at 3 days, all won; 5
// at 10 days, 4 won; 10 at 20 days, 5 won; 10 at 45 days, 3 won; 10 at 90
// days, 1 won.
func cycleHistory() []Observation {
	var obs []Observation
	for _, g := range []struct {
		days      float64
		won, lost int
	}{{3, 5, 0}, {10, 4, 1}, {20, 5, 5}, {45, 3, 7}, {90, 1, 9}} {
		for range g.won {
			obs = append(obs, Observation{g.days, true})
		}
		for range g.lost {
			obs = append(obs, Observation{g.days, false})
		}
	}
	return obs
}

// fataler is what mustBinned needs of a *testing.T or a *rapid.T.
type fataler interface {
	Helper()
	Fatalf(format string, args ...any)
}

func mustBinned(t fataler, m Metric, edges []float64, obs []Observation) *Binned {
	t.Helper()
	b, err := NewBinned(m, edges)
	if err != nil {
		t.Fatalf("NewBinned(%v, %v) = %v", m, edges, err)
	}
	if err := b.AddAll(obs); err != nil {
		t.Fatalf("AddAll(%v) = %v", obs, err)
	}
	return b
}

// Lower bounds from python3 (statistics.NormalDist z, the Wilson formula):
// 5/5 0.5655, 9/10 0.5958, 14/20 0.4810, 17/30 0.3920.
func TestBinnedDiscover(t *testing.T) {
	edges := []float64{7, 14, 30, 60}
	five := &DiscoverOptions{MinSupport: 5}
	tests := []struct {
		name  string
		m     Metric
		edges []float64
		opts  *DiscoverOptions
		want  Rule
	}{
		{"best bound at a week's edge", ruleDays, edges, five,
			Rule{ruleDays, 14, Rate{9, 10}, Rate{9, 30}}},
		{"target 45%", ruleDays, edges, &DiscoverOptions{MinSupport: 5, Target: 0.45},
			Rule{ruleDays, 30, Rate{14, 20}, Rate{4, 20}}},
		{"edges beyond the data never qualify", ruleDays, []float64{-5, 0, 14, 1000}, five,
			Rule{ruleDays, 14, Rate{9, 10}, Rate{9, 30}}},
		{"edges at the observed values: Discover's rule", ruleDays, []float64{3, 10, 20, 45, 90}, five,
			Rule{ruleDays, 10, Rate{9, 10}, Rate{9, 30}}},
		{"higher is better reads the bins upward", Metric{Name: "days", Direction: HigherIsBetter}, []float64{20, 45, 90}, five,
			Rule{Metric{Name: "days", Direction: HigherIsBetter}, 20, Rate{9, 30}, Rate{9, 10}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := mustBinned(t, tt.m, tt.edges, cycleHistory())
			got, err := b.Discover(tt.opts)
			if err != nil {
				t.Fatalf("Binned.Discover(%+v) = %v", tt.opts, err)
			}
			if diff := cmp.Diff(tt.want, got, ruleApprox); diff != "" {
				t.Errorf("Binned.Discover(%+v) mismatch (-want +got):\n%s", tt.opts, diff)
			}
		})
	}
}

func TestBinnedErrors(t *testing.T) {
	edges := []float64{7, 14, 30, 60}
	tests := []struct {
		name string
		do   func() error
		want error
	}{
		{"no name", func() error { _, err := NewBinned(Metric{}, edges); return err }, ErrEmpty},
		{"unknown direction", func() error { _, err := NewBinned(Metric{Name: "d", Direction: 2}, edges); return err }, ErrInvalidEnum},
		{"no edges", func() error { _, err := NewBinned(ruleDays, nil); return err }, ErrEmpty},
		{"NaN edge", func() error { _, err := NewBinned(ruleDays, []float64{1, math.NaN()}); return err }, ErrNotFinite},
		{"Inf edge", func() error { _, err := NewBinned(ruleDays, []float64{math.Inf(-1), 1}); return err }, ErrNotFinite},
		{"repeated edge", func() error { _, err := NewBinned(ruleDays, []float64{1, 2, 2}); return err }, ErrDuplicate},
		{"−0 repeats 0", func() error { _, err := NewBinned(ruleDays, []float64{0, math.Copysign(0, -1)}); return err }, ErrDuplicate},
		{"descending edges", func() error { _, err := NewBinned(ruleDays, []float64{3, 2}); return err }, ErrOutOfRange},
		{"zero Binned: Add", func() error { return new(Binned).Add(Observation{1, true}) }, ErrEmpty},
		{"nil Binned: AddAll", func() error { return (*Binned)(nil).AddAll(nil) }, ErrEmpty},
		{"zero Binned: Discover", func() error { _, err := new(Binned).Discover(nil); return err }, ErrEmpty},
		{"no observations", func() error { _, err := mustBinned(t, ruleDays, edges, nil).Discover(nil); return err }, ErrEmpty},
		{"NaN observation", func() error { return mustBinned(t, ruleDays, edges, nil).Add(Observation{math.NaN(), true}) }, ErrNotFinite},
		{"bad level", func() error {
			_, err := mustBinned(t, ruleDays, edges, cycleHistory()).Discover(&DiscoverOptions{Level: 2})
			return err
		}, ErrOutOfRange},
		{"support above n", func() error {
			_, err := mustBinned(t, ruleDays, edges, cycleHistory()).Discover(&DiscoverOptions{MinSupport: 41})
			return err
		}, ErrNoRule},
		{"target out of reach", func() error {
			_, err := mustBinned(t, ruleDays, edges, cycleHistory()).Discover(&DiscoverOptions{MinSupport: 5, Target: 0.6})
			return err
		}, ErrNoRule},
		{"edges beyond the data only", func() error {
			_, err := mustBinned(t, ruleDays, []float64{-1}, cycleHistory()).Discover(nil)
			return err
		}, ErrNoRule},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.do()
			if !errors.Is(err, tt.want) {
				t.Fatalf("error = %v, want %v", err, tt.want)
			}
			var ie *InputError
			if !errors.As(err, &ie) || !strings.HasPrefix(err.Error(), "benchmark: ") {
				t.Errorf("error = %#v, want an *InputError starting %q", err, "benchmark: ")
			}
		})
	}
}

// TestBinnedAtomic checks that a refused batch, merge or state leaves the
// Binned as it was.
func TestBinnedAtomic(t *testing.T) {
	edges := []float64{7, 14, 30, 60}
	b := mustBinned(t, ruleDays, edges, cycleHistory())
	want, _ := json.Marshal(b)
	// check wants err to wrap sentinel, or to be any error when sentinel
	// is nil, and b's state to be as before.
	check := func(what string, err error, sentinel error) {
		t.Helper()
		if err == nil || (sentinel != nil && !errors.Is(err, sentinel)) {
			t.Errorf("%s = %v, want %v", what, err, sentinel)
		}
		if got, _ := json.Marshal(b); string(got) != string(want) {
			t.Errorf("after %s the state is %s, want %s", what, got, want)
		}
	}
	bad := append(cycleHistory(), Observation{math.Inf(1), true}, Observation{4, true})
	check("AddAll with +Inf", b.AddAll(bad), ErrNotFinite)
	check("Merge(nil)", b.Merge(nil), ErrEmpty)
	check("Merge(zero)", b.Merge(new(Binned)), ErrEmpty)
	check("Merge(other edges)", b.Merge(mustBinned(t, ruleDays, []float64{7, 14, 30}, cycleHistory())), ErrMismatch)
	check("Merge(other direction)", b.Merge(mustBinned(t, Metric{Name: "days to close", Unit: "days"}, edges, nil)), ErrMismatch)
	huge := new(Binned)
	if err := json.Unmarshal([]byte(`{"metric":{"name":"days to close","unit":"days","direction":"lower-is-better"},`+
		`"edges":[7,14,30,60],"won":[9223372036854775800,0,0,0,0],"lost":[0,0,0,0,0]}`), huge); err != nil {
		t.Fatalf("json.Unmarshal(huge) = %v", err)
	}
	check("Merge(huge)", b.Merge(huge), ErrOverflow)
	for _, tc := range []struct {
		name, data string
		want       error
	}{
		{"not JSON", `{`, nil},
		{"bad edges", `{"metric":{"name":"d"},"edges":[2,1],"won":[0,0,0],"lost":[0,0,0]}`, ErrOutOfRange},
		{"bad metric", `{"metric":{"name":""},"edges":[1],"won":[0,0],"lost":[0,0]}`, ErrEmpty},
		{"bins missing", `{"metric":{"name":"d"},"edges":[1,2],"won":[0,0],"lost":[0,0,0]}`, ErrOutOfRange},
		{"negative count", `{"metric":{"name":"d"},"edges":[1],"won":[0,-1],"lost":[0,0]}`, ErrNegative},
		{"counts overflow", `{"metric":{"name":"d"},"edges":[1],"won":[9223372036854775807,1],"lost":[0,0]}`, ErrOverflow},
	} {
		check("UnmarshalJSON "+tc.name, json.Unmarshal([]byte(tc.data), b), tc.want)
	}
	b.n = math.MaxInt64 // a full Binned: one more is an overflow
	if err := b.Add(Observation{1, true}); !errors.Is(err, ErrOverflow) {
		t.Errorf("Add on a full Binned = %v, want %v", err, ErrOverflow)
	}
	if err := b.AddAll([]Observation{{1, true}}); !errors.Is(err, ErrOverflow) {
		t.Errorf("AddAll on a full Binned = %v, want %v", err, ErrOverflow)
	}
}

// TestBinnedUnmarshalJSONStrict: UnmarshalJSON refuses what is not a
// Binned's JSON with an *InputError wrapping a sentinel, and never the
// decoder's own error, which named the internal binnedJSON type.
func TestBinnedUnmarshalJSONStrict(t *testing.T) {
	const valid = `{"metric":{"name":"d","direction":"lower-is-better"},"edges":[7],"won":[1,2],"lost":[3,4]}`
	tests := []struct {
		name, data string
		want       error
	}{
		{"unknown field", `{"metric":{"name":"d"},"edges":[7],"won":[1,2],"lost":[3,4],"total":10}`, ErrSyntax},
		{"unknown metric field", `{"metric":{"name":"d","goal":3},"edges":[7],"won":[1,2],"lost":[3,4]}`, ErrSyntax},
		{"count is a string", `{"metric":{"name":"d"},"edges":[7],"won":["1",2],"lost":[3,4]}`, ErrSyntax},
		{"count is fractional", `{"metric":{"name":"d"},"edges":[7],"won":[1.5,2],"lost":[3,4]}`, ErrSyntax},
		{"count too large", `{"metric":{"name":"d"},"edges":[7],"won":[99999999999999999999,2],"lost":[3,4]}`, ErrSyntax},
		{"edge too large", `{"metric":{"name":"d"},"edges":[1e400],"won":[1,2],"lost":[3,4]}`, ErrSyntax},
		{"not an object", `[1, 2]`, ErrSyntax},
		{"metric is a string", `{"metric":"d","edges":[7],"won":[1,2],"lost":[3,4]}`, ErrSyntax},
		{"trailing data", valid + ` {}`, ErrSyntax},
		{"trailing garbage", valid + `x`, ErrSyntax},
		{"truncated", valid[:20], ErrSyntax},
		{"syntax error", `{"metric":}`, ErrSyntax},
		{"empty", ``, ErrSyntax},
		// Duplicate and case-folded keys, which encoding/json accepts
		// (the last duplicate wins; "Edges" fills edges): these failed
		// before.
		{"duplicate key", `{"metric":{"name":"d"},"edges":[7],"won":[1,2],"lost":[3,4],"won":[0,0]}`, ErrSyntax},
		{"duplicate metric key", `{"metric":{"name":"d","name":"e"},"edges":[7],"won":[1,2],"lost":[3,4]}`, ErrSyntax},
		{"duplicate metric", `{"metric":{"name":"d"},"metric":{"name":"d"},"edges":[7],"won":[1,2],"lost":[3,4]}`, ErrSyntax},
		{"case-folded key", `{"metric":{"name":"d"},"Edges":[7],"won":[1,2],"lost":[3,4]}`, ErrSyntax},
		{"case-folded metric key", `{"metric":{"NAME":"d"},"edges":[7],"won":[1,2],"lost":[3,4]}`, ErrSyntax},
		{"case-folded duplicate", `{"metric":{"name":"d"},"edges":[7],"won":[1,2],"lost":[3,4],"LOST":[3,4]}`, ErrSyntax},
		{"bad direction", `{"metric":{"name":"d","direction":"sideways"},"edges":[7],"won":[1,2],"lost":[3,4]}`, ErrInvalidEnum},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := mustBinned(t, ruleDays, []float64{7, 14}, cycleHistory())
			before, _ := json.Marshal(b)
			// Called directly, as json.Unmarshal checks the syntax itself first.
			err := b.UnmarshalJSON([]byte(tt.data))
			var ie *InputError
			if !errors.Is(err, tt.want) || !errors.As(err, &ie) {
				t.Fatalf("UnmarshalJSON(%s) = %v (%T), want an *InputError wrapping %v", tt.data, err, err, tt.want)
			}
			if msg := err.Error(); strings.Contains(msg, "binnedJSON") || !strings.HasPrefix(msg, "benchmark: Binned.UnmarshalJSON: ") {
				t.Errorf("UnmarshalJSON(%s) error text = %q", tt.data, msg)
			}
			if after, _ := json.Marshal(b); string(after) != string(before) {
				t.Errorf("UnmarshalJSON(%s) changed b to %s", tt.data, after)
			}
		})
	}
	var b Binned
	for _, data := range []string{valid, " " + valid + "\n\t", "null", " null "} {
		if err := b.UnmarshalJSON([]byte(data)); err != nil {
			t.Errorf("UnmarshalJSON(%q) = %v", data, err)
		}
	}
	if got, _ := json.Marshal(b); string(got) != valid {
		t.Errorf("after UnmarshalJSON the state is %s, want %s", got, valid)
	}
}

func TestBinnedJSON(t *testing.T) {
	b := mustBinned(t, ruleDays, []float64{7, 14, 30, 60}, cycleHistory())
	data, err := json.Marshal(b)
	if err != nil {
		t.Fatalf("json.Marshal = %v", err)
	}
	// Bins, lowest days first: ≤ 7, (7, 14], (14, 30], (30, 60], > 60.
	want := `{"metric":{"name":"days to close","unit":"days","direction":"lower-is-better"},` +
		`"edges":[7,14,30,60],"won":[5,4,5,3,1],"lost":[0,1,5,7,9]}`
	if string(data) != want {
		t.Errorf("json.Marshal = %s, want %s", data, want)
	}
	var back Binned
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatalf("json.Unmarshal(%s) = %v", data, err)
	}
	if back.Count() != 40 || back.Metric() != ruleDays || !slices.Equal(back.Edges(), b.Edges()) {
		t.Errorf("round trip = %d observations, %v, %v; want 40, %v, %v", back.Count(), back.Metric(), back.Edges(), ruleDays, b.Edges())
	}
	if again, _ := json.Marshal(back); string(again) != want {
		t.Errorf("json.Marshal(round trip) = %s, want %s", again, want)
	}
	// A value marshals like a pointer.
	if byValue, _ := json.Marshal(*b); string(byValue) != want {
		t.Errorf("json.Marshal(Binned value) = %s, want %s", byValue, want)
	}
}

// TestBinnedMatchesDiscover: with the distinct observed values as edges,
// Binned.Discover is Discover.
func TestBinnedMatchesDiscover(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m, obs, opts := genDiscoverCase(t, rapid.OneOf(smallValues, wideValues), 80)
		edges := distinctValues(obs)
		b, err := NewBinned(m, edges)
		if err != nil {
			t.Fatalf("NewBinned(%v, %v) = %v", m, edges, err)
		}
		for _, o := range obs {
			if err := b.Add(o); err != nil {
				t.Fatalf("Add(%v) = %v", o, err)
			}
		}
		want, wantErr := Discover(m, obs, opts)
		got, err := b.Discover(opts)
		if !errors.Is(err, sentinelOf(wantErr)) || (err == nil) != (wantErr == nil) {
			t.Fatalf("Binned.Discover(%+v) = %v, %v; Discover = %v, %v", opts, got, err, want, wantErr)
		}
		if diff := cmp.Diff(want, got, ruleApprox); diff != "" {
			t.Fatalf("Binned.Discover(%+v) mismatch with Discover (-want +got):\n%s", opts, diff)
		}
	})
}

// distinctValues returns the distinct values of obs, ascending, −0 read as
// +0.
func distinctValues(obs []Observation) []float64 {
	var vs []float64
	for _, o := range obs {
		v := o.Value
		if v == 0 {
			v = 0 // −0 reads as +0
		}
		vs = append(vs, v)
	}
	slices.Sort(vs)
	return slices.Compact(vs)
}

// TestBinnedMergeProperties: however the history is split into shards and
// whatever order they merge in, the result is the whole's.
func TestBinnedMergeProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m, obs, opts := genDiscoverCase(t, smallValues, 80)
		edges := rapid.SliceOfNDistinct(rapid.IntRange(-8, 8), 1, 8, func(i int) int { return i }).Draw(t, "edges")
		slices.Sort(edges)
		fe := make([]float64, len(edges))
		for i, e := range edges {
			fe[i] = float64(e) / 2
		}
		whole := mustBinned(t, m, fe, obs)

		k := rapid.IntRange(1, 5).Draw(t, "shards")
		shards := make([]*Binned, k)
		for i := range shards {
			shards[i] = mustBinned(t, m, fe, nil)
		}
		for _, o := range obs {
			if err := shards[rapid.IntRange(0, k-1).Draw(t, "shard")].Add(o); err != nil {
				t.Fatalf("Add(%v) = %v", o, err)
			}
		}
		order := rapid.Permutation(shards).Draw(t, "order")
		merged := mustBinned(t, m, fe, nil)
		for _, s := range order {
			if err := merged.Merge(s); err != nil {
				t.Fatalf("Merge = %v", err)
			}
		}
		wantJSON, _ := json.Marshal(whole)
		gotJSON, _ := json.Marshal(merged)
		if string(gotJSON) != string(wantJSON) {
			t.Fatalf("merged shards = %s, want the whole %s", gotJSON, wantJSON)
		}
		want, wantErr := whole.Discover(opts)
		got, err := merged.Discover(opts)
		if !errors.Is(err, sentinelOf(wantErr)) || cmp.Diff(want, got, ruleApprox) != "" {
			t.Fatalf("merged Discover = %v, %v; whole %v, %v", got, err, want, wantErr)
		}
		if err == nil {
			if r, mis := recount(got, obs); r != got.Reached || mis != got.Missed {
				t.Fatalf("Binned.Discover = %v, but recounting gives reached %v, missed %v", got, r, mis)
			}
		}
	})
}

// TestWilsonMonotone checks the two properties of the Wilson lower bound
// that let Discover rule out buckets: a loss lowers it and a win raises
// it. Exhaustively for small samples, then at random up to 10¹².
func TestWilsonMonotone(t *testing.T) {
	const tol = 1e-12 // far below pruneMargin
	levels := []float64{0.01, 0.5, 0.8, 0.95, 0.999999}
	for _, level := range levels {
		z := zFor(level)
		for n := int64(1); n <= 300; n++ {
			for h := int64(0); h <= n; h++ {
				l, _ := wilson(h, n, z)
				if loss, _ := wilson(h, n+1, z); loss > l+tol {
					t.Fatalf("L(%d, %d) = %v > L(%d, %d) = %v at %v", h, n+1, loss, h, n, l, level)
				}
				if win, _ := wilson(h+1, n+1, z); win < l-tol {
					t.Fatalf("L(%d, %d) = %v < L(%d, %d) = %v at %v", h+1, n+1, win, h, n, l, level)
				}
			}
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.Int64Range(1, 1e12).Draw(t, "n")
		h := rapid.Int64Range(0, n).Draw(t, "h")
		z := zFor(rapid.SampledFrom(levels).Draw(t, "level"))
		l, _ := wilson(h, n, z)
		if loss, _ := wilson(h, n+1, z); loss > l+tol {
			t.Fatalf("L(%d, %d) = %v > L(%d, %d) = %v", h, n+1, loss, h, n, l)
		}
		if win, _ := wilson(h+1, n+1, z); win < l-tol {
			t.Fatalf("L(%d, %d) = %v < L(%d, %d) = %v", h+1, n+1, win, h, n, l)
		}
	})
}

// FuzzBinnedJSON feeds arbitrary text to UnmarshalJSON: no panic, and
// either an error or a state that marshals back to itself and answers
// Discover with a rule or an error.
func FuzzBinnedJSON(f *testing.F) {
	f.Add(`{"metric":{"name":"days to close","unit":"days","direction":"lower-is-better"},"edges":[7,14,30,60],"won":[5,4,5,3,1],"lost":[0,1,5,7,9]}`) // valid
	f.Add(`{"metric":{"name":"d"},"edges":[1],"won":[9223372036854775807,1],"lost":[0,0]}`)                                                            // overflow
	f.Add(`{"metric":{"name":"d"},"edges":[2,1],"won":[0,0,0],"lost":[0,0,0]}`)                                                                        // descending
	f.Add(`{"metric":{"name":"d","direction":"sideways"},"edges":[1],"won":[0,0],"lost":[0,0]}`)                                                       // bad direction
	f.Add(`{"edges":[1e308,1.7976931348623157e308],"metric":{"name":"x"},"won":[1,2,3],"lost":[3,2,1]}`)                                               // extreme edges
	f.Add(`null`)
	f.Add(`{"metric":{"name":"d"},"edges":[1],"won":[0,0],"lost":[0,0],"extra":1}`) // unknown field
	f.Add(`{"metric":{"name":"d"},"edges":[1],"won":[0,0],"lost":[0,0]} {}`)        // trailing data
	f.Fuzz(func(t *testing.T, data string) {
		// Called directly, UnmarshalJSON sees malformed JSON too: its errors
		// are the package's, and it agrees with json.Unmarshal.
		var direct Binned
		derr := direct.UnmarshalJSON([]byte(data))
		var ie *InputError
		if derr != nil && (sentinelOf(derr) == nil || !errors.As(derr, &ie) || strings.Contains(derr.Error(), "binnedJSON")) {
			t.Fatalf("UnmarshalJSON(%q) = %v (%T), not one of the package's errors", data, derr, derr)
		}
		var b Binned
		if err := json.Unmarshal([]byte(data), &b); err != nil {
			if derr == nil {
				t.Fatalf("UnmarshalJSON(%q) accepted what json.Unmarshal refused: %v", data, err)
			}
			return
		}
		if derr != nil {
			t.Fatalf("UnmarshalJSON(%q) = %v, but json.Unmarshal accepted it", data, derr)
		}
		out, err := json.Marshal(b)
		if err != nil {
			t.Fatalf("json.Marshal(%s) = %v", data, err)
		}
		var again Binned
		if err := json.Unmarshal(out, &again); err != nil {
			t.Fatalf("json.Unmarshal(%s) = %v, after marshaling %s", out, err, data)
		}
		if out2, _ := json.Marshal(again); string(out2) != string(out) {
			t.Fatalf("round trip %s -> %s", out, out2)
		}
		r, err := b.Discover(nil)
		if err != nil {
			if sentinelOf(err) == nil {
				t.Fatalf("Discover = %v, not one of the package's errors", err)
			}
			return
		}
		if r.Reached.Validate() != nil || r.Missed.Validate() != nil || r.Reached.Trials+r.Missed.Trials != b.Count() {
			t.Fatalf("Discover = %v, counts do not add up to %d", r, b.Count())
		}
	})
}
