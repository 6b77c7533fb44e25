package competency

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/salesdev/salesdev/benchmark"
)

// TestPrioritizeFinite pins the Multiplier of rates too small to divide
// by: a rate shrunk toward an almost-zero prior, and targets below
// MinTarget. Before the floor at MinTarget/2 and the minimum target,
// both gave +Inf.
func TestPrioritizeFinite(t *testing.T) {
	// Prior{1e-320, 1} on 0 of 1 shrinks to a subnormal 5e-321; 0.15 ÷
	// 5e-321 overflows. The rate is read as MinTarget/2 instead.
	s, err := NewScore("a", benchmark.Rate{Hits: 0, Trials: 1}, benchmark.Benchmark{Target: 0.15}, benchmark.Prior{Alpha: 1e-320, Beta: 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Shrunk <= 0 || s.Shrunk >= MinTarget/2 {
		t.Fatalf("NewScore().Shrunk = %v, want a positive rate below MinTarget/2", s.Shrunk)
	}
	got, err := Prioritize(Scorecard{Scores: []Score{s}})
	if err != nil {
		t.Fatal(err)
	}
	want := []Gain{{Competency: "a", Current: s.Shrunk, Target: 0.15, Multiplier: 0.15 / (MinTarget / 2)}}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(1e-12, 0)); diff != "" {
		t.Errorf("Prioritize(%v) mismatch (-want +got):\n%s", s, diff)
	}
	if _, err := json.Marshal(got); err != nil {
		t.Errorf("json.Marshal(%v) error = %v", got, err)
	}

	tests := []struct {
		name string
		in   Score
		want Gain
	}{
		// At the smallest target a zero rate still gains at least 2.
		{"zero rate at MinTarget", score("a", 0, 1, 0, MinTarget), Gain{"a", 0, MinTarget, 2}},
		// Half a hit in 2^63 trials is far below MinTarget/2: floored.
		{"zero rate on endless evidence", score("a", 0, math.MaxInt64, 0, 0.3), Gain{"a", 0, 0.3, 0.3 / (MinTarget / 2)}},
		{"rate just above the floor", score("a", 0, 1, MinTarget, 0.5), Gain{"a", MinTarget, 0.5, 0.5 / MinTarget}},
	}
	relApprox := cmpopts.EquateApprox(1e-12, 0) // multipliers run to 2e9
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Prioritize(Scorecard{Scores: []Score{tt.in}})
			if err != nil {
				t.Fatalf("Prioritize(%v) error = %v", tt.in, err)
			}
			if diff := cmp.Diff([]Gain{tt.want}, got, relApprox); diff != "" {
				t.Errorf("Prioritize(%v) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}

	// Targets below MinTarget are refused: 5e-324 ÷ 2 is 0, and the zero
	// rate was divided by it.
	for _, target := range []float64{5e-324, 1e-300, MinTarget / 2, math.Nextafter(MinTarget, 0)} {
		in := score("a", 0, 1, 0, target)
		if got, err := Prioritize(Scorecard{Scores: []Score{in}}); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("Prioritize(target %v) = %v, %v, want ErrOutOfRange", target, got, err)
		}
		if got, err := NewScore("a", benchmark.Rate{Hits: 0, Trials: 1}, benchmark.Benchmark{Target: target}, benchmark.Prior{}, nil); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("NewScore(target %v) = %v, %v, want ErrOutOfRange", target, got, err)
		}
	}
}

// TestCampaignMinTarget checks that a target below MinTarget is refused,
// where it used to give Closed = +Inf, and that Closed is finite at
// MinTarget itself.
func TestCampaignMinTarget(t *testing.T) {
	c := Campaign{
		Competency:  "x",
		Baseline:    benchmark.Rate{Hits: 0, Trials: 10},
		Benchmark:   benchmark.Benchmark{Target: 5e-324},
		Checkpoints: []Checkpoint{{Week: 1, Rate: benchmark.Rate{Hits: 10, Trials: 10}}},
	}
	if got, err := c.Progress(nil); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("Progress(target 5e-324) = %+v, %v, want ErrOutOfRange", got, err)
	}
	if err := c.Validate(); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("Validate(target 5e-324) = %v, want ErrOutOfRange", err)
	}
	c.Benchmark.Target = MinTarget
	got, err := c.Progress(nil)
	if err != nil {
		t.Fatal(err)
	}
	// From 0 to 1 against a gap of MinTarget: Closed is 1 ÷ 1e-9.
	if !cmp.Equal(got[0].Closed, 1/MinTarget, cmpopts.EquateApprox(1e-12, 0)) {
		t.Errorf("Progress(target MinTarget).Closed = %v, want %v", got[0].Closed, 1/MinTarget)
	}
	if _, err := json.Marshal(got); err != nil {
		t.Errorf("json.Marshal(%+v) error = %v", got, err)
	}
}

// FuzzPrioritize checks that any input gives an error or a ranking of
// finite multipliers, at least 1, that marshals to JSON. The inputs are
// FuzzNewScore's, graded by NewScore, plus a score built by hand with an
// arbitrary shrunk rate, as a CRM might store one.
func FuzzPrioritize(f *testing.F) {
	// Seeds: FuzzNewScore's, then the two that gave +Inf: a rate shrunk
	// to a subnormal by a near-zero prior, and a subnormal target.
	f.Add(int64(2), int64(2), 0.15, 12.0, 88.0, 0.0, 0.1)
	f.Add(int64(0), int64(0), 0.5, 0.0, 0.0, 0.25, 0.0)
	f.Add(int64(3), int64(8), 0.5, 0.0, 0.0, 0.25, 0.375)
	f.Add(int64(5), int64(3), 0.2, 1.0, 1.0, 0.1, 0.5)
	f.Add(int64(-1), int64(3), 1.0, 1.0, 1.0, 0.1, 0.5)
	f.Add(int64(1), int64(3), 1.5, 1.0, 1.0, 0.1, 1.5)
	f.Add(int64(1), int64(3), math.NaN(), math.Inf(1), 1.0, 0.999, math.NaN())
	f.Add(int64(math.MaxInt64), int64(math.MaxInt64), 5e-324, 1e300, 1e-300, 0.5, 5e-324)
	f.Add(int64(0), int64(1), 0.15, 1e-320, 1.0, 0.0, 5e-321)
	f.Add(int64(0), int64(1), 5e-324, 0.0, 0.0, 0.0, 0.0)
	f.Fuzz(func(t *testing.T, hits, trials int64, target, alpha, beta, band, shrunk float64) {
		r := benchmark.Rate{Hits: hits, Trials: trials}
		raw := Score{Competency: "raw", Rate: r, Shrunk: shrunk, Target: target}
		cards := []Scorecard{{Rep: "raw", Scores: []Score{raw}}}
		if s, err := NewScore("graded", r, benchmark.Benchmark{Target: target}, benchmark.Prior{Alpha: alpha, Beta: beta}, &Options{Band: band}); err == nil {
			cards = append(cards, Scorecard{Rep: "graded", Scores: []Score{s}}, Scorecard{Rep: "both", Scores: []Score{s, raw}})
		}
		for _, card := range cards {
			gains, err := Prioritize(card)
			if err != nil {
				if card.Rep != "raw" {
					if card.Rep == "graded" || !(errors.Is(err, ErrNotFinite) || errors.Is(err, ErrOutOfRange)) {
						t.Fatalf("Prioritize(%+v) of NewScore's output error = %v", card, err)
					}
				}
				if !errors.Is(err, ErrInvalidRate) && !errors.Is(err, ErrOutOfRange) && !errors.Is(err, ErrNotFinite) {
					t.Fatalf("Prioritize(%+v) error %v wraps no documented sentinel", card, err)
				}
				continue
			}
			if len(gains) != len(card.Scores) {
				t.Fatalf("Prioritize(%+v) returned %d gains", card, len(gains))
			}
			for _, g := range gains {
				m := g.Multiplier
				if math.IsNaN(m) || math.IsInf(m, 0) || m < 1 || m > 2/MinTarget {
					t.Fatalf("Prioritize(%+v) = %+v: multiplier not finite in [1, 2/MinTarget]", card, gains)
				}
				if (m == 1) != (g.Current >= g.Target) {
					t.Fatalf("Prioritize(%+v) = %+v: multiplier 1 but below target, or above 1 at target", card, gains)
				}
			}
			if _, err := json.Marshal(gains); err != nil {
				t.Fatalf("json.Marshal(%+v) error = %v", gains, err)
			}
		}
	})
}

// FuzzCampaign checks that any campaign gives an error or progress with
// no NaN or ±Inf that marshals to JSON.
func FuzzCampaign(f *testing.F) {
	// Seeds: Dana's campaign, a baseline at the target, an empty week,
	// invalid counts, a near-zero prior, and the subnormal target that
	// gave Closed = +Inf.
	f.Add(int64(7), int64(90), int64(2), int64(20), int64(24), int64(130), 0.15, 12.0, 88.0)
	f.Add(int64(20), int64(100), int64(1), int64(100), int64(0), int64(0), 0.15, 0.0, 0.0)
	f.Add(int64(0), int64(10), int64(0), int64(0), int64(3), int64(3), 1.0, 0.0, 0.0)
	f.Add(int64(-1), int64(10), int64(5), int64(3), int64(0), int64(0), 0.5, -1.0, 1.0)
	f.Add(int64(0), int64(1), int64(0), int64(1), int64(1), int64(1), 0.15, 1e-320, 1.0)
	f.Add(int64(0), int64(10), int64(10), int64(10), int64(0), int64(0), 5e-324, 0.0, 0.0)
	f.Add(int64(1), int64(math.MaxInt64), int64(1), int64(math.MaxInt64), int64(0), int64(1), math.NaN(), 1e300, 1e-300)
	f.Fuzz(func(t *testing.T, bh, bn, h1, n1, h2, n2 int64, target, alpha, beta float64) {
		c := Campaign{
			Competency: "x",
			Baseline:   benchmark.Rate{Hits: bh, Trials: bn},
			Benchmark:  benchmark.Benchmark{Target: target},
			Prior:      benchmark.Prior{Alpha: alpha, Beta: beta},
			Checkpoints: []Checkpoint{
				{Week: 1, Rate: benchmark.Rate{Hits: h1, Trials: n1}},
				{Week: 3, Rate: benchmark.Rate{Hits: h2, Trials: n2}},
			},
		}
		ps, err := c.Progress(nil)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("Progress(%+v) error %v (%T) is not an *InputError", c, err, err)
			}
			return
		}
		if len(ps) != 2 {
			t.Fatalf("Progress(%+v) returned %d checkpoints, want 2", c, len(ps))
		}
		for _, p := range ps {
			s, ch := p.Score, p.Change
			for _, x := range []float64{p.Closed, s.Shrunk, s.Lo, s.Hi, s.Target, ch.Delta, ch.Relative, ch.Z, ch.P} {
				if math.IsNaN(x) || math.IsInf(x, 0) {
					t.Fatalf("Progress(%+v) = %+v: not finite", c, p)
				}
			}
		}
		if _, err := json.Marshal(ps); err != nil {
			t.Fatalf("json.Marshal(%+v) error = %v", ps, err)
		}
	})
}
