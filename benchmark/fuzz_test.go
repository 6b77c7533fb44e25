package benchmark

import (
	"encoding/binary"
	"encoding/json"
	"math"
	"testing"
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

func FuzzRequired(f *testing.F) {
	f.Add(14.0, floatBytes(0.10, 0.35, 0.50, 0.40)) // DESIGN's example
	f.Add(0.0, floatBytes(0.5))                     // zero goal
	f.Add(1e18, floatBytes(1e-3))                   // overflow
	f.Add(5.0, floatBytes(math.NaN()))              // bad ratio
	f.Fuzz(func(t *testing.T, goal float64, raw []byte) {
		ratios := floats(raw)
		counts, err := Required(goal, ratios)
		if err != nil {
			return
		}
		if len(counts) != len(ratios)+1 {
			t.Fatalf("Required(%v, %v) = %v: wrong length", goal, ratios, counts)
		}
		for i, c := range counts {
			if c < 0 || (i > 0 && c > counts[i-1]) {
				t.Fatalf("Required(%v, %v) = %v: counts must be ≥ 0 and never grow down the funnel", goal, ratios, counts)
			}
		}
	})
}

func FuzzFromTeam(f *testing.F) {
	f.Add(floatBytes(3, 1, 4, 1, 5, 9, 2, 6), 0.75, false) // a small team
	f.Add(floatBytes(45, 30, 60), 0.9, true)               // lower is better
	f.Add(floatBytes(), 0.5, false)                        // empty
	f.Add(floatBytes(1, math.Inf(1)), 0.5, false)          // Inf value
	f.Fuzz(func(t *testing.T, raw []byte, q float64, lower bool) {
		values := floats(raw)
		m := Metric{Name: "m"}
		if lower {
			m.Direction = LowerIsBetter
		}
		b, err := FromTeam(m, values, q)
		var tb TeamBenchmarks
		bs, err2 := tb.FromTeam(nil, m, values, q, q)
		if (err == nil) != (err2 == nil) {
			t.Fatalf("FromTeam error %v, TeamBenchmarks error %v", err, err2)
		}
		if err != nil {
			return
		}
		if !finite(b.Target) || bs[0] != b || bs[1] != b {
			t.Fatalf("FromTeam = %v, TeamBenchmarks = %v", b, bs)
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
