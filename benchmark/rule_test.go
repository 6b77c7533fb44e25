package benchmark

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"

	"github.com/salesdev/salesdev/internal/crmdata"
)

var (
	ruleCalls = Metric{Name: "calls per week", Unit: "calls", Direction: HigherIsBetter}
	ruleDays  = Metric{Name: "days to close", Unit: "days", Direction: LowerIsBetter}
)

// ruleApprox compares rules: thresholds are observed values, so the
// tolerance only forgives −0 against +0.
var ruleApprox = cmpopts.EquateApprox(0, 1e-12)

// obsOf builds observations from values, won for the values listed in won
// (by index).
func obsOf(values []float64, won func(i int, v float64) bool) []Observation {
	obs := make([]Observation, len(values))
	for i, v := range values {
		obs[i] = Observation{Value: v, Won: won(i, v)}
	}
	return obs
}

func oneToTen() []float64 { return []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10} }

// levelData: 5 observations at 100, all won; 50 at 50 or more, 40 won; 60
// in all, 42 won. At 95% the large group's bound is higher, at 80% and
// below the small perfect group's.
func levelData() []Observation {
	var obs []Observation
	add := func(v float64, won, lost int) {
		for range won {
			obs = append(obs, Observation{v, true})
		}
		for range lost {
			obs = append(obs, Observation{v, false})
		}
	}
	add(10, 2, 8)
	add(100, 5, 0)
	add(50, 35, 10)
	return obs
}

// Reference lower bounds (95% unless stated) for the cases below, from the
// Wilson formula evaluated in python3 with statistics.NormalDist for z:
// 5/5 0.5655, 4/4 0.5101, 5/6 0.4365, 5/7 0.3589, 3/3 0.4385, 1/1 0.2065,
// 3/4 0.3006, 2/5 0.1176, 2/6 0.0968, 2/3 0.2077, 2/4 0.1500, 40/50
// 0.6696, 42/60 0.5749; at 80%: 5/5 0.7527, 40/50 0.7185; at 50%: 5/5
// 0.9166, 40/50 0.7592.
func TestDiscover(t *testing.T) {
	one := &DiscoverOptions{MinSupport: 1}
	aboveSix := obsOf(oneToTen(), func(_ int, v float64) bool { return v >= 6 })
	tests := []struct {
		name string
		m    Metric
		obs  []Observation
		opts *DiscoverOptions
		want Rule
	}{
		{"the largest perfect group", ruleCalls, aboveSix, one,
			Rule{ruleCalls, 6, Rate{5, 5}, Rate{0, 5}}},
		{"lower is better", ruleDays, obsOf(oneToTen(), func(_ int, v float64) bool { return v <= 5 }), one,
			Rule{ruleDays, 5, Rate{5, 5}, Rate{0, 5}}},
		{"target met by the perfect group only", ruleCalls, aboveSix, &DiscoverOptions{MinSupport: 1, Target: 0.5},
			Rule{ruleCalls, 6, Rate{5, 5}, Rate{0, 5}}},
		{"target met by an easier threshold", ruleCalls, aboveSix, &DiscoverOptions{MinSupport: 1, Target: 0.43},
			Rule{ruleCalls, 5, Rate{5, 6}, Rate{0, 4}}},
		{"equal values reach together", ruleCalls,
			[]Observation{{1, false}, {2, true}, {3, true}, {2, true}}, one,
			Rule{ruleCalls, 2, Rate{3, 3}, Rate{0, 1}}},
		{"all lost: every bound is 0, the tie goes to the easiest", ruleCalls,
			[]Observation{{3, false}, {1, false}, {2, false}}, one,
			Rule{ruleCalls, 1, Rate{0, 3}, Rate{}}},
		{"all won: the whole history is the best evidence", ruleCalls,
			obsOf([]float64{1, 2, 3, 4, 5, 6}, func(int, float64) bool { return true }), nil,
			Rule{ruleCalls, 1, Rate{6, 6}, Rate{}}},
		{"minimum support rules out the small groups", ruleCalls,
			obsOf(oneToTen(), func(_ int, v float64) bool { return v >= 9 }), &DiscoverOptions{MinSupport: 5},
			Rule{ruleCalls, 6, Rate{2, 5}, Rate{0, 5}}},
		{"−0 and +0 are one value", ruleCalls,
			[]Observation{{math.Copysign(0, -1), true}, {0, true}, {-1, false}, {1, false}}, one,
			Rule{ruleCalls, 0, Rate{2, 3}, Rate{0, 1}}},
		{"95%: the large group", ruleCalls, levelData(), one,
			Rule{ruleCalls, 50, Rate{40, 50}, Rate{2, 10}}},
		{"80%: the small perfect group", ruleCalls, levelData(), &DiscoverOptions{Level: 0.8, MinSupport: 1},
			Rule{ruleCalls, 100, Rate{5, 5}, Rate{37, 55}}},
		{"50%: the small perfect group", ruleCalls, levelData(), &DiscoverOptions{Level: 0.5, MinSupport: 1},
			Rule{ruleCalls, 100, Rate{5, 5}, Rate{37, 55}}},
		{"default support of 5 admits the 5 at 100", ruleCalls, levelData(), nil,
			Rule{ruleCalls, 50, Rate{40, 50}, Rate{2, 10}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := slices.Clone(tt.obs)
			got, err := Discover(tt.m, tt.obs, tt.opts)
			if err != nil {
				t.Fatalf("Discover(%v, %v, %+v) = %v", tt.m, tt.obs, tt.opts, err)
			}
			if diff := cmp.Diff(tt.want, got, ruleApprox); diff != "" {
				t.Errorf("Discover(%v, %v, %+v) mismatch (-want +got):\n%s", tt.m, tt.obs, tt.opts, diff)
			}
			if math.Signbit(got.Threshold) {
				t.Errorf("Discover(...).Threshold = %v, want no negative zero", got.Threshold)
			}
			if diff := cmp.Diff(before, tt.obs); diff != "" {
				t.Errorf("Discover modified obs (-before +after):\n%s", diff)
			}
		})
	}
}

func TestDiscoverErrors(t *testing.T) {
	good := obsOf(oneToTen(), func(_ int, v float64) bool { return v >= 6 })
	bad := func(i int, v float64) []Observation {
		obs := slices.Clone(good)
		obs[i].Value = v
		return obs
	}
	tests := []struct {
		name string
		m    Metric
		obs  []Observation
		opts *DiscoverOptions
		want error
	}{
		{"no name", Metric{}, good, nil, ErrEmpty},
		{"unknown direction", Metric{Name: "calls", Direction: 7}, good, nil, ErrInvalidEnum},
		{"no observations", ruleCalls, nil, nil, ErrEmpty},
		{"NaN value", ruleCalls, bad(3, math.NaN()), nil, ErrNotFinite},
		{"+Inf value", ruleCalls, bad(0, math.Inf(1)), nil, ErrNotFinite},
		{"-Inf value", ruleDays, bad(9, math.Inf(-1)), nil, ErrNotFinite},
		{"NaN level", ruleCalls, good, &DiscoverOptions{Level: math.NaN()}, ErrNotFinite},
		{"level 1", ruleCalls, good, &DiscoverOptions{Level: 1}, ErrOutOfRange},
		{"negative level", ruleCalls, good, &DiscoverOptions{Level: -0.5}, ErrOutOfRange},
		{"level 95 meaning 95%", ruleCalls, good, &DiscoverOptions{Level: 95}, ErrOutOfRange},
		{"NaN target", ruleCalls, good, &DiscoverOptions{Target: math.NaN()}, ErrNotFinite},
		{"Inf target", ruleCalls, good, &DiscoverOptions{Target: math.Inf(1)}, ErrNotFinite},
		{"negative target", ruleCalls, good, &DiscoverOptions{Target: -0.1}, ErrOutOfRange},
		{"target 1 can never be a lower bound", ruleCalls, good, &DiscoverOptions{Target: 1}, ErrOutOfRange},
		{"negative support", ruleCalls, good, &DiscoverOptions{MinSupport: -1}, ErrNegative},
		{"support above n", ruleCalls, good, &DiscoverOptions{MinSupport: 11}, ErrNoRule},
		{"default support above n", ruleCalls, good[:4], nil, ErrNoRule},
		{"target out of reach", ruleCalls, good, &DiscoverOptions{MinSupport: 1, Target: 0.57}, ErrNoRule},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Discover(tt.m, tt.obs, tt.opts)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Discover(%v, %v, %+v) = %v, %v, want error %v", tt.m, tt.obs, tt.opts, got, err, tt.want)
			}
			var ie *InputError
			if !errors.As(err, &ie) || ie.Func != "Discover" {
				t.Errorf("Discover error = %#v, want an *InputError from Discover", err)
			}
			if !strings.HasPrefix(err.Error(), "benchmark: Discover: ") {
				t.Errorf("Discover error = %q, want it to start with %q", err, "benchmark: Discover: ")
			}
			if got != (Rule{}) {
				t.Errorf("Discover(...) = %v with an error, want the zero Rule", got)
			}
		})
	}
}

// TestDiscoverDefaultSupport checks max(5, ⌈1% of n⌉) at its corners: a
// threshold reached by exactly the default support qualifies, one fewer
// does not.
func TestDiscoverDefaultSupport(t *testing.T) {
	tests := []struct {
		name    string
		n       int
		support int
	}{
		{"small history", 50, 5},
		{"500", 500, 5},
		{"501 rounds up", 501, 6},
		{"1000", 1000, 10},
		{"1001 rounds up", 1001, 11},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The top support values are all won, the rest lost: the best
			// rule is the largest perfect group that qualifies.
			values := make([]float64, tt.n)
			for i := range values {
				values[i] = float64(i)
			}
			top := func(k int) []Observation {
				return obsOf(values, func(i int, _ float64) bool { return i >= tt.n-k })
			}
			got, err := Discover(ruleCalls, top(tt.support), nil)
			if err != nil || got.Reached != (Rate{int64(tt.support), int64(tt.support)}) {
				t.Errorf("Discover(%d observations, top %d won) = %v, %v, want the %d won", tt.n, tt.support, got, err, tt.support)
			}
			// With one fewer won, the best qualifying group includes a loss.
			got, err = Discover(ruleCalls, top(tt.support-1), nil)
			if err != nil || got.Reached.Trials < int64(tt.support) {
				t.Errorf("Discover(%d observations, top %d won) = %v, %v, want at least %d reached", tt.n, tt.support-1, got, err, tt.support)
			}
		})
	}
}

// bruteDiscover is Discover by its definition, in O(n²) and written apart
// from the package's code: every observed value is a candidate, counted by
// a plain loop, ranked by [Rate.Interval].
func bruteDiscover(m Metric, obs []Observation, opts *DiscoverOptions) (Rule, error) {
	level, support, target := 0.95, max(5, int(math.Ceil(float64(len(obs))/100))), 0.0
	if opts != nil {
		if opts.Level != 0 {
			level = opts.Level
		}
		if opts.MinSupport != 0 {
			support = opts.MinSupport
		}
		target = opts.Target
	}
	reaches := func(v, t float64) bool {
		if m.Direction == LowerIsBetter {
			return v <= t
		}
		return v >= t
	}
	var best Rule
	bestLo, found := 0.0, false
	seen := map[float64]bool{} // −0 and +0 are one key
	for _, c := range obs {
		if seen[c.Value] {
			continue
		}
		seen[c.Value] = true
		var reached, missed Rate
		for _, o := range obs {
			r := &missed
			if reaches(o.Value, c.Value) {
				r = &reached
			}
			r.Trials++
			if o.Won {
				r.Hits++
			}
		}
		if reached.Trials < int64(support) {
			continue
		}
		lo, _ := reached.Interval(level)
		var take bool
		if target > 0 {
			take = lo >= target && (!found || reached.Trials > best.Reached.Trials)
		} else {
			take = !found || lo > bestLo || (lo == bestLo && reached.Trials > best.Reached.Trials)
		}
		if take {
			best, bestLo, found = Rule{m, c.Value, reached, missed}, lo, true
		}
	}
	if !found {
		return Rule{}, ErrNoRule
	}
	return best, nil
}

// recount counts, with a plain loop, the observations that reach r's
// threshold and those that do not.
func recount(r Rule, obs []Observation) (reached, missed Rate) {
	for _, o := range obs {
		in := o.Value >= r.Threshold
		if r.Metric.Direction == LowerIsBetter {
			in = o.Value <= r.Threshold
		}
		c := &missed
		if in {
			c = &reached
		}
		c.Trials++
		if o.Won {
			c.Hits++
		}
	}
	return reached, missed
}

// genDiscoverCase draws a metric, observations and options. Values come
// from pool, so that there are ties; wins are independent or rise with the
// value, so that there are rules worth finding.
func genDiscoverCase(t *rapid.T, pool *rapid.Generator[float64], maxN int) (Metric, []Observation, *DiscoverOptions) {
	m := rapid.SampledFrom([]Metric{ruleCalls, ruleDays}).Draw(t, "metric")
	n := rapid.IntRange(1, maxN).Draw(t, "n")
	rising := rapid.Bool().Draw(t, "rising")
	obs := make([]Observation, n)
	for i := range obs {
		v := pool.Draw(t, "value")
		won := rapid.Bool().Draw(t, "won")
		if rising {
			noise := float64(rapid.IntRange(-3, 3).Draw(t, "noise"))
			won = v+noise > 0 == (m.Direction == HigherIsBetter)
		}
		obs[i] = Observation{v, won}
	}
	var opts *DiscoverOptions
	if rapid.IntRange(0, 4).Draw(t, "options") > 0 {
		opts = &DiscoverOptions{
			Level:      rapid.SampledFrom([]float64{0, 0.5, 0.8, 0.9, 0.95, 0.99}).Draw(t, "level"),
			MinSupport: rapid.IntRange(0, n+1).Draw(t, "minSupport"),
		}
		if rapid.Bool().Draw(t, "target?") {
			opts.Target = rapid.Float64Range(0.001, 0.95).Draw(t, "target")
		}
	}
	return m, obs, opts
}

// smallValues has few distinct values, −0 among them, so ties are common.
var smallValues = rapid.Custom(func(t *rapid.T) float64 {
	v := float64(rapid.IntRange(-6, 6).Draw(t, "halves")) / 2
	if v == 0 && rapid.Bool().Draw(t, "negative zero") {
		return math.Copysign(0, -1)
	}
	return v
})

// wideValues spans every finite float64, with repeats drawn from a few
// earlier values, so that the radix sort meets every digit.
var wideValues = rapid.OneOf(
	rapid.Float64Range(-math.MaxFloat64, math.MaxFloat64),
	rapid.Float64Range(-1, 1),
	rapid.SampledFrom([]float64{-1e300, -3, -5e-324, 0, 5e-324, 2.5, 42, 1e300}),
)

func checkDiscoverCase(t *rapid.T, m Metric, obs []Observation, opts *DiscoverOptions) {
	before := slices.Clone(obs)
	got, err := Discover(m, obs, opts)
	want, wantErr := bruteDiscover(m, obs, opts)
	if !errors.Is(err, wantErr) || (err == nil) != (wantErr == nil) {
		t.Fatalf("Discover(%v, %d obs, %+v) = %v, %v, want %v, %v", m, len(obs), opts, got, err, want, wantErr)
	}
	if diff := cmp.Diff(want, got, ruleApprox); diff != "" {
		t.Fatalf("Discover(%v, %d obs, %+v) mismatch with the brute-force search (-want +got):\n%s", m, len(obs), opts, diff)
	}
	if diff := cmp.Diff(before, obs); diff != "" {
		t.Fatalf("Discover modified obs (-before +after):\n%s", diff)
	}
	if err != nil {
		return
	}
	reached, missed := recount(got, obs)
	if reached != got.Reached || missed != got.Missed {
		t.Fatalf("Discover(...) = %v, but recounting gives reached %v, missed %v", got, reached, missed)
	}
	if !slices.ContainsFunc(obs, func(o Observation) bool { return o.Value == got.Threshold }) {
		t.Fatalf("Discover(...).Threshold = %v, not an observed value", got.Threshold)
	}
}

func TestDiscoverMatchesBruteForce(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m, obs, opts := genDiscoverCase(t, smallValues, 60)
		checkDiscoverCase(t, m, obs, opts)
	})
}

// TestDiscoverRadixMatchesBruteForce uses inputs large enough for the radix
// sort (radixMin and more) with values over the whole float64 range.
func TestDiscoverRadixMatchesBruteForce(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m, obs, opts := genDiscoverCase(t, wideValues, 3*radixMin)
		checkDiscoverCase(t, m, obs, opts)
	})
}

func TestFloatKey(t *testing.T) {
	finite := rapid.OneOf(wideValues, smallValues)
	rapid.Check(t, func(t *rapid.T) {
		a, b := finite.Draw(t, "a"), finite.Draw(t, "b")
		ka, kb := floatKey(a), floatKey(b)
		if (a < b) != (ka < kb) || (a == b) != (ka == kb) {
			t.Fatalf("floatKey(%v) = %#x, floatKey(%v) = %#x: order not kept", a, ka, b, kb)
		}
		if back := keyValue(ka); back != a || math.Signbit(back) != (a < 0) {
			t.Fatalf("keyValue(floatKey(%v)) = %v", a, back)
		}
		for _, k := range []uint64{ka, ^ka} {
			if k == 0 || k == math.MaxUint64 {
				t.Fatalf("floatKey(%v) = %#x, a NaN's key", a, ka)
			}
		}
	})
}

func TestSortKeys(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 4*radixMin).Draw(t, "n")
		// A mask keeps some digits constant, so that passes are skipped.
		mask := rapid.SampledFrom([]uint64{math.MaxUint64, 0xffff, 0xfff0_0000_0000_0000, 0x00ff_f000_0fff_0000}).Draw(t, "mask")
		keys := make([]uint64, n)
		for i := range keys {
			keys[i] = rapid.Uint64().Draw(t, "key") & mask
		}
		want := slices.Sorted(slices.Values(keys))
		got := sortKeys(keys, make([]uint64, n))
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("sortKeys mismatch (-want +got):\n%s", diff)
		}
	})
}

func TestRuleString(t *testing.T) {
	// Wilson intervals from python3 (statistics.NormalDist z, the Wilson
	// formula): 223/312 66.2–76.2%, 133/350 33.1–43.2%, 40/50 67.0–88.8%,
	// 10/40 14.2–40.2%, 5/5 56.6–100.0%, 60/100 50.2–69.1%.
	pct := Metric{Name: "close rate", Unit: "%", Direction: HigherIsBetter}
	tests := []struct {
		name string
		r    Rule
		want string
	}{
		{"higher is better", Rule{ruleCalls, 42, Rate{223, 312}, Rate{133, 350}},
			"when calls per week ≥ 42: won 71.5% (95% CI 66.2–76.2%, n=312); otherwise 38.0% (95% CI 33.1–43.2%, n=350)"},
		{"lower is better", Rule{ruleDays, 45, Rate{40, 50}, Rate{10, 40}},
			"when days to close ≤ 45: won 80.0% (95% CI 67.0–88.8%, n=50); otherwise 25.0% (95% CI 14.2–40.2%, n=40)"},
		{"every observation reached it", Rule{ruleCalls, 3, Rate{5, 5}, Rate{}},
			"when calls per week ≥ 3: won 100.0% (95% CI 56.6–100.0%, n=5); every observation reached it"},
		{"fractional threshold, no unit printed", Rule{pct, 12.5, Rate{60, 100}, Rate{10, 40}},
			"when close rate ≥ 12.5: won 60.0% (95% CI 50.2–69.1%, n=100); otherwise 25.0% (95% CI 14.2–40.2%, n=40)"},
		{"no unit, huge threshold", Rule{Metric{Name: "pipeline"}, 2e20, Rate{5, 5}, Rate{}},
			"when pipeline ≥ 2e+20: won 100.0% (95% CI 56.6–100.0%, n=5); every observation reached it"},
		{"negative threshold", Rule{Metric{Name: "change in calls"}, -3, Rate{5, 5}, Rate{}},
			"when change in calls ≥ -3: won 100.0% (95% CI 56.6–100.0%, n=5); every observation reached it"},
		{"zero rule", Rule{},
			"when  ≥ 0: won 0.0% (95% CI 0.0–100.0%, n=0); every observation reached it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.String(); got != tt.want {
				t.Errorf("%#v.String() = %q, want %q", tt.r, got, tt.want)
			}
		})
	}
}

func TestRuleJSON(t *testing.T) {
	r := Rule{ruleDays, 45, Rate{40, 50}, Rate{10, 40}}
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatalf("json.Marshal(%v) = %v", r, err)
	}
	want := `{"metric":{"name":"days to close","unit":"days","direction":"lower-is-better"},"threshold":45,` +
		`"reached":{"hits":40,"trials":50},"missed":{"hits":10,"trials":40}}`
	if string(data) != want {
		t.Errorf("json.Marshal(%v) = %s, want %s", r, data, want)
	}
	var back Rule
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatalf("json.Unmarshal(%s) = %v", data, err)
	}
	if diff := cmp.Diff(r, back, ruleApprox); diff != "" {
		t.Errorf("JSON round trip mismatch (-want +got):\n%s", diff)
	}
}

// FuzzDiscover reads observations from raw bytes: the first byte picks the
// direction and options, then every 9 bytes are a value's bits (NaN and
// ±Inf included) and an outcome. Discover must not panic, and must return
// either an error wrapping one of the package's sentinels or the rule the
// SortFunc implementation finds, whose counts add up.
func FuzzDiscover(f *testing.F) {
	obsBytes := func(flags byte, obs ...Observation) []byte {
		b := []byte{flags}
		for _, o := range obs {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(o.Value))
			won := byte(0)
			if o.Won {
				won = 1
			}
			b = append(b, won)
		}
		return b
	}
	f.Add(obsBytes(0))                                                                    // no observations
	f.Add(obsBytes(1, Observation{1, true}))                                              // below the support
	f.Add(obsBytes(1, Observation{1, true}, Observation{2, false}, Observation{2, true})) // ties
	f.Add(obsBytes(2, Observation{math.NaN(), true}, Observation{1, false}))              // NaN
	f.Add(obsBytes(3, Observation{math.Inf(-1), true}))                                   // −Inf
	f.Add(obsBytes(5, Observation{math.Copysign(0, -1), true}, Observation{0, false}))    // −0 and +0
	f.Add(obsBytes(9, levelData()...))                                                    // a target
	f.Add(obsBytes(0x2d, levelData()...))                                                 // odd options
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		flags := data[0]
		m := ruleCalls
		if flags&1 != 0 {
			m = ruleDays
		}
		var opts *DiscoverOptions
		if flags&2 != 0 {
			opts = &DiscoverOptions{MinSupport: int(flags>>5) - 1}
			if flags&4 != 0 {
				opts.Level = float64(flags>>3&3) / 3 // 0, ⅓, ⅔ or 1 (out of range)
			}
			if flags&8 != 0 {
				opts.Target = float64(flags>>4) / 15
			}
		}
		var obs []Observation
		for b := data[1:]; len(b) >= 9; b = b[9:] {
			obs = append(obs, Observation{math.Float64frombits(binary.LittleEndian.Uint64(b)), b[8]&1 != 0})
		}
		got, err := Discover(m, obs, opts)
		want, wantErr := sortFuncDiscover(m, obs, opts)
		if err != nil {
			s := sentinelOf(err)
			if s == nil {
				t.Fatalf("Discover(%v, %v, %+v) = %v, not one of the package's errors", m, obs, opts, err)
			}
			if !errors.Is(wantErr, s) {
				t.Fatalf("Discover(%v, %v, %+v) = %v, SortFunc version %v", m, obs, opts, err, wantErr)
			}
			return
		}
		if wantErr != nil {
			t.Fatalf("Discover(%v, %v, %+v) = %v, SortFunc version %v", m, obs, opts, got, wantErr)
		}
		if diff := cmp.Diff(want, got, ruleApprox); diff != "" {
			t.Fatalf("Discover(%v, %v, %+v) mismatch with the SortFunc version (-want +got):\n%s", m, obs, opts, diff)
		}
		if reached, missed := recount(got, obs); reached != got.Reached || missed != got.Missed {
			t.Fatalf("Discover(...) = %v, but recounting gives reached %v, missed %v", got, reached, missed)
		}
		if len(obs) <= 64 {
			if brute, _ := bruteDiscover(m, obs, opts); cmp.Diff(brute, got, ruleApprox) != "" {
				t.Fatalf("Discover(%v, %v, %+v) = %v, brute force %v", m, obs, opts, got, brute)
			}
		}
	})
}

// sentinelOf returns the package sentinel that err wraps, or nil.
func sentinelOf(err error) error {
	for _, s := range []error{ErrNotFinite, ErrNegative, ErrHitsExceedTrials, ErrOutOfRange, ErrEmpty,
		ErrOverflow, ErrInvalidEnum, ErrFunnelGrows, ErrDuplicate, ErrMismatch, ErrSyntax, ErrNoRule} {
		if errors.Is(err, s) {
			return s
		}
	}
	return nil
}

// TestDiscoverRealPipeline runs Discover on the closed deals of the public
// CRM pipeline, with the days from engage to close as a lower-is-better
// leading indicator, and checks the rule against a count made here.
func TestDiscoverRealPipeline(t *testing.T) {
	rows := crmdata.Pipeline(t)
	m := Metric{Name: "days from engage to close", Unit: "days", Direction: LowerIsBetter}
	var obs []Observation
	for _, r := range rows {
		if r.Stage != "Won" && r.Stage != "Lost" {
			continue
		}
		if r.Engage.IsZero() || r.Close.IsZero() {
			t.Fatalf("closed deal %s has no engage or close date", r.ID)
		}
		obs = append(obs, Observation{Value: r.Close.Sub(r.Engage).Hours() / 24, Won: r.Stage == "Won"})
	}
	// 4,238 won and 2,473 lost deals, counted with python3's csv module.
	if len(obs) != 6711 {
		t.Fatalf("%d closed deals, want 6711", len(obs))
	}
	for _, opts := range []*DiscoverOptions{nil, {Level: 0.9, MinSupport: 300}, {Target: 0.6}} {
		got, err := Discover(m, obs, opts)
		if err != nil {
			t.Fatalf("Discover(%v, closed deals, %+v) = %v", m, opts, err)
		}
		// The independent count: walk the CSV rows again.
		var reached, missed Rate
		for _, r := range rows {
			if r.Stage != "Won" && r.Stage != "Lost" {
				continue
			}
			c := &missed
			if days := r.Close.Sub(r.Engage).Hours() / 24; days <= got.Threshold {
				c = &reached
			}
			c.Trials++
			if r.Stage == "Won" {
				c.Hits++
			}
		}
		if reached != got.Reached || missed != got.Missed {
			t.Errorf("Discover(%+v) = %v; counting the CSV gives reached %v, missed %v", opts, got, reached, missed)
		}
		if got.Reached.Add(got.Missed) != (Rate{4238, 6711}) {
			t.Errorf("Discover(%+v) = %v, want 4238 won of 6711 in all", opts, got)
		}
		// With the defaults, the rule python3 finds by the same count
		// (csv and datetime, days = close_date − engage_date): deals
		// closed within 137 days were won 4237 times of 6709; the two
		// slower ones, one won.
		if opts == nil && (got.Threshold != 137 || got.Reached != (Rate{4237, 6709}) || got.Missed != (Rate{1, 2})) {
			t.Errorf("Discover(nil) = %v, want ≤ 137 days reached 4237/6709, missed 1/2", got)
		}
		if want, _ := bruteDiscover(m, obs, opts); cmp.Diff(want, got, ruleApprox) != "" {
			t.Errorf("Discover(%+v) = %v, brute force %v", opts, got, want)
		}
	}
}
