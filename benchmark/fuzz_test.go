package benchmark

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"testing"

	"golang.org/x/exp/stats"
)

// floats decodes b as little-endian float64s, as fuzzers find NaN, ±Inf,
// subnormals and huge values faster from raw bits than from text.
func floats(b []byte) []float64 {
	out := make([]float64, 0, len(b)/8)
	for len(b) >= 8 {
		out = append(out, math.Float64frombits(binary.LittleEndian.Uint64(b)))
		b = b[8:]
	}
	return out
}

func floatBytes(fs ...float64) []byte {
	var b []byte
	for _, f := range fs {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(f))
	}
	return b
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// FuzzRequired checks Required against exact rational arithmetic: the
// last count is ⌈goal⌉; each count reaches the count below to within the
// decimal allowance (short by at most 10⁻⁶ × ratio, and by a relative
// 10⁻¹²), and is minimal, exactly: one fewer never reaches it. Every count
// is at most 2⁵³, and ErrOverflow comes only when the exact ceilings
// exceed 2⁵³.
func FuzzRequired(f *testing.F) {
	f.Add(14.0, floatBytes(0.10, 0.35, 0.50, 0.40))     // DESIGN's example
	f.Add(0.0, floatBytes(0.5))                         // zero goal
	f.Add(1e18, floatBytes(1e-3))                       // overflow
	f.Add(5.0, floatBytes(math.NaN()))                  // bad ratio
	f.Add(30000000000003.0, floatBytes(0.7))            // the 64-ulp allowance undercounted here
	f.Add(1696334617386.0, floatBytes(0.045))           // the rounded quotient is whole, the exact one is not
	f.Add(14.00000000000001, floatBytes())              // the goal is not snapped
	f.Add(float64(1<<52+1), floatBytes(0.5))            // just above 2⁵³
	f.Add(float64(1<<53), floatBytes(1, 1))             // 2⁵³ itself
	f.Add(1e-300, floatBytes(5e-324, 1e-300, 0.999999)) // tiny goal, tiny ratios
	f.Fuzz(func(t *testing.T, goal float64, raw []byte) {
		ratios := floats(raw)
		counts, err := Required(goal, ratios)
		if err != nil {
			if errors.Is(err, ErrOverflow) && !exactOverflow(goal, ratios) {
				t.Fatalf("Required(%v, %v) = %v, but the exact ceilings stay within 2⁵³", goal, ratios, err)
			}
			return
		}
		if len(counts) != len(ratios)+1 {
			t.Fatalf("Required(%v, %v) = %v: wrong length", goal, ratios, counts)
		}
		if want := math.Ceil(goal); float64(counts[len(ratios)]) != want {
			t.Fatalf("Required(%v, %v) = %v: last count is not ⌈goal⌉ = %v", goal, ratios, counts, want)
		}
		for i, c := range counts {
			if c < 0 || c > 1<<53 || (i > 0 && c > counts[i-1]) {
				t.Fatalf("Required(%v, %v) = %v: counts must be in [0, 2⁵³] and never grow down the funnel", goal, ratios, counts)
			}
		}
		for i, r := range ratios {
			above, below := big.NewRat(counts[i], 1), big.NewRat(counts[i+1], 1)
			ratio := new(big.Rat).SetFloat64(r)
			reach := new(big.Rat).Mul(above, ratio)
			// reach ≥ below·(1 − 10⁻¹²) and below − reach ≤ 10⁻⁶·ratio·(1 + 10⁻⁹).
			if reach.Cmp(new(big.Rat).Mul(below, big.NewRat(999_999_999_999, 1_000_000_000_000))) < 0 {
				t.Fatalf("Required(%v, %v) = %v: stage %d, %d × %v = %v < %d·(1−10⁻¹²)", goal, ratios, counts, i, counts[i], r, reach.FloatString(6), counts[i+1])
			}
			short := new(big.Rat).Sub(below, reach)
			if short.Cmp(new(big.Rat).Mul(ratio, big.NewRat(1_000_000_001, 1_000_000_000_000_000))) > 0 {
				t.Fatalf("Required(%v, %v) = %v: stage %d, %d × %v falls short of %d by %v", goal, ratios, counts, i, counts[i], r, counts[i+1], short.FloatString(12))
			}
			if counts[i] > 0 {
				fewer := new(big.Rat).Mul(big.NewRat(counts[i]-1, 1), ratio)
				if fewer.Cmp(below) >= 0 {
					t.Fatalf("Required(%v, %v) = %v: stage %d is not minimal: %d × %v reaches %d", goal, ratios, counts, i, counts[i]-1, r, counts[i+1])
				}
			}
		}
	})
}

// exactOverflow reports whether Required's counts, computed as exact
// ceilings with no allowance for noise, exceed 2⁵³ for a finite, valid
// input. Required's counts are never larger, so an ErrOverflow from
// Required must come with a true exactOverflow.
func exactOverflow(goal float64, ratios []float64) bool {
	if !finite(goal) || goal < 0 {
		return false
	}
	limit := big.NewInt(1 << 53)
	c, _ := new(big.Float).SetFloat64(math.Ceil(goal)).Int(nil)
	if c.Cmp(limit) > 0 {
		return true
	}
	for i := len(ratios) - 1; i >= 0; i-- {
		r := ratios[i]
		if !finite(r) || !(r > 0 && r <= 1) {
			return false
		}
		q := new(big.Rat).Quo(new(big.Rat).SetInt(c), new(big.Rat).SetFloat64(r))
		num, den := q.Num(), q.Denom()
		c = new(big.Int).Add(num, new(big.Int).Sub(den, big.NewInt(1)))
		c.Quo(c, den) // ⌈num/den⌉ for num ≥ 0
		if c.Cmp(limit) > 0 {
			return true
		}
	}
	return false
}

func FuzzFromTeam(f *testing.F) {
	f.Add(floatBytes(3, 1, 4, 1, 5, 9, 2, 6), 0.75, false)           // a small team
	f.Add(floatBytes(45, 30, 60), 0.9, true)                         // lower is better
	f.Add(floatBytes(), 0.5, false)                                  // empty
	f.Add(floatBytes(1, math.Inf(1)), 0.5, false)                    // Inf value
	f.Add(floatBytes(-math.MaxFloat64, math.MaxFloat64), 0.5, false) // vhi−vlo overflows: ErrOverflow
	f.Add(floatBytes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), 0.9, true)  // 1−0.9 in decimal: the target is 2
	f.Fuzz(func(t *testing.T, raw []byte, q float64, lower bool) {
		values := floats(raw)
		m := Metric{Name: "m"}
		if lower {
			m.Direction = LowerIsBetter
		}
		b, err := FromTeam(m, values, q)
		var tb TeamBenchmarks
		bs, err2 := tb.FromTeam(nil, m, values, q, q)
		if (err == nil) != (err2 == nil) || sentinelOf(err) != sentinelOf(err2) {
			t.Fatalf("FromTeam error %v, TeamBenchmarks error %v", err, err2)
		}
		if err != nil && !errors.Is(err, ErrOverflow) {
			return
		}
		// x/exp/stats is the oracle, at q or at 1−q in decimal.
		p := q
		if lower {
			p = testComplement(q)
		}
		if err != nil {
			if want := stats.Quantiles(values, p)[0]; finite(want) {
				t.Fatalf("FromTeam(%v, %v) = %v, but stats.Quantiles gives %v", values, q, err, want)
			}
			return
		}
		if want := stats.Quantiles(values, p)[0]; !finite(b.Target) || b.Target != want || bs[0] != b || bs[1] != b {
			t.Fatalf("FromTeam(%v, %v) target = %v, TeamBenchmarks targets = %v, %v, stats.Quantiles(values, %v) = %v", values, q, b.Target, bs[0].Target, bs[1].Target, p, want)
		}
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, v := range values {
			lo, hi = min(lo, v), max(hi, v)
		}
		if b.Target < lo || b.Target > hi {
			t.Fatalf("target %v outside the team's range [%v, %v]", b.Target, lo, hi)
		}
	})
}

func FuzzFitPrior(f *testing.F) {
	f.Add([]byte{2, 10, 5, 10, 8, 10}) // three reps
	f.Add([]byte{0, 0})                // no trials
	f.Add([]byte{7, 3})                // hits exceed trials
	f.Fuzz(func(t *testing.T, raw []byte) {
		var rates []Rate
		for i := 0; i+1 < len(raw); i += 2 {
			rates = append(rates, Rate{Hits: int64(raw[i]), Trials: int64(raw[i+1])})
		}
		p, err := FitPrior(rates)
		if err != nil {
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("FitPrior(%v) = %v: %v", rates, p, err)
		}
		for _, r := range rates {
			if s := p.Shrink(r); !finite(s) || s < 0 || s > 1 {
				t.Fatalf("%v.Shrink(%v) = %v", p, r, s)
			}
		}
		if _, err := json.Marshal(p); err != nil {
			t.Fatalf("json.Marshal(%v): %v", p, err)
		}
	})
}

func FuzzRateInterval(f *testing.F) {
	f.Add(int64(81), int64(263), 0.95) // Newcombe's example
	f.Add(int64(0), int64(0), 0.95)    // no trials
	f.Add(int64(5), int64(3), 0.95)    // invalid
	f.Add(int64(1), int64(1), 1e-300)  // tiny level
	f.Fuzz(func(t *testing.T, hits, trials int64, level float64) {
		r := Rate{Hits: hits, Trials: trials}
		lo, hi := r.Interval(level)
		if !finite(lo) || !finite(hi) || lo < 0 || hi > 1 || lo > hi {
			t.Fatalf("%v.Interval(%v) = (%v, %v)", r, level, lo, hi)
		}
		if r.Validate() == nil && r.Trials > 0 && (r.Value() < lo || r.Value() > hi) {
			t.Fatalf("%v.Interval(%v) = (%v, %v) does not contain %v", r, level, lo, hi, r.Value())
		}
	})
}

func FuzzEvaluate(f *testing.F) {
	f.Add(0.32, 0.24, false) // close rate below target
	f.Add(45.0, 0.0, true)   // zero days
	f.Add(1e-310, 1e300, false)
	f.Fuzz(func(t *testing.T, target, v float64, lower bool) {
		b := Benchmark{Metric: Metric{Name: "m"}, Target: target}
		if lower {
			b.Metric.Direction = LowerIsBetter
		}
		r, err := b.Evaluate(v)
		if err != nil {
			return
		}
		if !finite(r.Attainment) || !finite(r.Gap) || r.Attainment < 0 || r.Gap < 0 {
			t.Fatalf("%v.Evaluate(%v) = %+v", b, v, r)
		}
		if r.Met != (r.Gap == 0) && r.Met {
			t.Fatalf("%v.Evaluate(%v) = %+v: met with a gap", b, v, r)
		}
		if _, err := json.Marshal(r); err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzDirectionText(f *testing.F) {
	f.Add("higher-is-better")
	f.Add("LOWER-IS-BETTER")
	f.Add("sideways")
	f.Fuzz(func(t *testing.T, s string) {
		var d Direction
		if err := d.UnmarshalText([]byte(s)); err != nil {
			return
		}
		text, err := d.MarshalText()
		if err != nil {
			t.Fatalf("MarshalText after UnmarshalText(%q): %v", s, err)
		}
		var back Direction
		if err := back.UnmarshalText(text); err != nil || back != d {
			t.Fatalf("round trip of %q: %v, %v", s, back, err)
		}
	})
}
