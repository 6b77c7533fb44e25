package benchmark

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"testing"
)

// The Discover workload of DESIGN §7: 10M distinct values with a win
// probability that rises with the value, minimum support 1%.
const discoverBenchN = 10_000_000

// discoverBenchInput is built on first use, so that only a run that
// selects the benchmark pays for it.
var discoverBenchInput = sync.OnceValue(func() []Observation {
	return risingObservations(discoverBenchN, 1)
})

// discoverFlatInput has the same values, each won with probability ½
// whatever its value: no threshold predicts winning, and Discover can rule
// out fewer observations before sorting.
var discoverFlatInput = sync.OnceValue(func() []Observation {
	obs := slices.Clone(discoverBenchInput())
	r := rand.New(rand.NewPCG(2, 0x5a1e5de7))
	for i := range obs {
		obs[i].Won = r.Uint64()&1 == 1
	}
	return obs
})

// risingObservations returns n observations with distinct values in
// [0, n), in random order, each won with a probability rising from 20% at
// the lowest value to 80% at the highest. The value i + u, with u a
// multiple of 2⁻²⁴, is exact, so the values are distinct and their low
// mantissa bits are as varied as measured data's.
func risingObservations(n int, seed uint64) []Observation {
	r := rand.New(rand.NewPCG(seed, 0x5a1e5de7))
	obs := make([]Observation, n)
	for i := range obs {
		u := float64(r.Uint64()>>40) / (1 << 24)
		p := 0.2 + 0.6*float64(i)/float64(n)
		obs[i] = Observation{Value: float64(i) + u, Won: r.Float64() < p}
	}
	r.Shuffle(n, func(i, j int) { obs[i], obs[j] = obs[j], obs[i] })
	return obs
}

// sortFuncDiscover is the straightforward Discover that DESIGN §7 measures
// against: copy the observations, slices.SortFunc them by value, then sweep
// from the hardest threshold to the easiest, a run of equal values at a
// time. It is also the O(n log n) oracle of the fuzz target.
func sortFuncDiscover(m Metric, obs []Observation, opts *DiscoverOptions) (Rule, error) {
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
	for i, o := range obs {
		if math.IsNaN(o.Value) || math.IsInf(o.Value, 0) {
			return Rule{}, inputErr(fn, fmt.Sprintf("obs[%d].Value = %v", i, o.Value), ErrNotFinite)
		}
	}
	if s.minSupport > n {
		return Rule{}, s.noRule(fn, n)
	}
	sorted := slices.Clone(obs)
	slices.SortFunc(sorted, func(a, b Observation) int {
		if m.Direction == LowerIsBetter {
			return cmp.Compare(b.Value, a.Value)
		}
		return cmp.Compare(a.Value, b.Value)
	})
	var hits, trials, wins int64
	var best float64
	for i := len(sorted) - 1; i >= 0; {
		v := sorted[i].Value
		for ; i >= 0 && sorted[i].Value == v; i-- {
			trials++
			if sorted[i].Won {
				hits++
			}
		}
		if s.offer(hits, trials) {
			best = v
		}
	}
	for _, o := range sorted {
		if o.Won {
			wins++
		}
	}
	if !s.found {
		return Rule{}, s.noRule(fn, n)
	}
	if best == 0 {
		best = 0 // −0 reads as +0, as Discover's
	}
	return s.rule(m, best, n, wins), nil
}

// BenchmarkDiscover measures Discover ("discover") against the
// slices.SortFunc-then-sweep baseline ("sortfunc") on DESIGN §7's workload,
// the same pair on values that do not predict winning ("-flat", where
// fewer observations can be ruled out before sorting), and the streaming
// Binned over 1,000 edges ("binned"). B/sample is the memory allocated per
// observation.
func BenchmarkDiscover(b *testing.B) {
	m := Metric{Name: "calls per week", Unit: "calls", Direction: HigherIsBetter}
	opts := &DiscoverOptions{MinSupport: discoverBenchN / 100}
	b.Run("discover", func(b *testing.B) {
		benchDiscover(b, discoverBenchInput(), func(obs []Observation) (Rule, error) { return Discover(m, obs, opts) })
	})
	b.Run("sortfunc", func(b *testing.B) {
		benchDiscover(b, discoverBenchInput(), func(obs []Observation) (Rule, error) { return sortFuncDiscover(m, obs, opts) })
	})
	b.Run("discover-flat", func(b *testing.B) {
		benchDiscover(b, discoverFlatInput(), func(obs []Observation) (Rule, error) { return Discover(m, obs, opts) })
	})
	b.Run("sortfunc-flat", func(b *testing.B) {
		benchDiscover(b, discoverFlatInput(), func(obs []Observation) (Rule, error) { return sortFuncDiscover(m, obs, opts) })
	})
	b.Run("binned", func(b *testing.B) {
		// 1,000 round-number edges over the value range: the streaming
		// variant's cost per observation.
		edges := make([]float64, 1000)
		for i := range edges {
			edges[i] = float64(i) * discoverBenchN / 1000
		}
		benchDiscover(b, discoverBenchInput(), func(obs []Observation) (Rule, error) {
			bn, err := NewBinned(m, edges)
			if err != nil {
				return Rule{}, err
			}
			if err := bn.AddAll(obs); err != nil {
				return Rule{}, err
			}
			return bn.Discover(opts)
		})
	})
}

// benchDiscover runs discover over obs and reports throughput and the
// bytes allocated per observation.
func benchDiscover(b *testing.B, obs []Observation, discover func([]Observation) (Rule, error)) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ReportAllocs()
	var r Rule
	for b.Loop() {
		var err error
		if r, err = discover(obs); err != nil {
			b.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	if r.Reached.Trials < discoverBenchN/100 || math.IsNaN(r.Threshold) {
		b.Fatalf("Discover = %v, want a rule with at least 1%% support", r)
	}
	samples := float64(b.N) * float64(len(obs))
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/samples, "B/sample")
	b.ReportMetric(samples/b.Elapsed().Seconds(), "samples/s")
}
