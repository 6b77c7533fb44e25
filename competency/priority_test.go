package competency

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/salesdev/salesdev/benchmark"
	"pgregory.net/rapid"
)

func score(id string, hits, trials int64, shrunk, target float64) Score {
	return Score{Competency: id, Rate: benchmark.Rate{Hits: hits, Trials: trials}, Shrunk: shrunk, Target: target, Grade: GradeC}
}

func TestPrioritize(t *testing.T) {
	tests := []struct {
		name string
		in   []Score
		want []Gain
	}{
		{"largest gain first; at target last", []Score{
			score("a", 30, 45, 0.63, 0.60), score("b", 9, 90, 0.10, 0.15), score("c", 9, 30, 0.27, 0.30),
		}, []Gain{
			{"b", 0.10, 0.15, 1.5}, {"c", 0.27, 0.30, 0.30 / 0.27}, {"a", 0.63, 0.60, 1},
		}},
		{"ties keep funnel order", []Score{
			score("a", 1, 10, 0.1, 0.2), score("b", 2, 10, 0.2, 0.4), score("c", 3, 10, 0.3, 0.3), score("d", 4, 10, 0.4, 0.3),
		}, []Gain{
			{"a", 0.1, 0.2, 2}, {"b", 0.2, 0.4, 2}, {"c", 0.3, 0.3, 1}, {"d", 0.4, 0.3, 1},
		}},
		{"ungraded last, whatever its multiplier", []Score{
			score("a", 0, 0, 0.05, 0.5), score("b", 1, 10, 0.1, 0.15),
		}, []Gain{
			{"b", 0.1, 0.15, 1.5}, {"a", 0.05, 0.5, 10},
		}},
		// 0 of 9 with no prior: read as half a hit in ten trials, 0.05.
		{"zero rate read as half a hit", []Score{
			score("a", 1, 10, 0.1, 0.3), score("b", 0, 9, 0, 0.2),
		}, []Gain{
			{"b", 0, 0.2, 4}, {"a", 0.1, 0.3, 3},
		}},
		// 0 of 1: half a hit in two trials is 0.25, above half the
		// target, so the rate is read as 0.15 and the gain is 2.
		{"zero rate on thin evidence", []Score{score("a", 0, 1, 0, 0.3)}, []Gain{{"a", 0, 0.3, 2}}},
		{"ungraded with no prior", []Score{score("a", 0, 0, 0, 0.3)}, []Gain{{"a", 0, 0.3, 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Scorecard{Rep: "r", Scores: tt.in}
			before := append([]Score(nil), tt.in...)
			got, err := Prioritize(in)
			if err != nil {
				t.Fatalf("Prioritize(%v) error = %v", tt.in, err)
			}
			if diff := cmp.Diff(tt.want, got, approx); diff != "" {
				t.Errorf("Prioritize() mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(before, tt.in); diff != "" {
				t.Errorf("Prioritize modified its input (-before +after):\n%s", diff)
			}
		})
	}
}

func TestPrioritizeErrors(t *testing.T) {
	tests := []struct {
		name string
		in   []Score
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"duplicate", []Score{score("a", 1, 2, 0.5, 0.5), score("a", 1, 2, 0.5, 0.5)}, ErrDuplicate},
		{"invalid rate", []Score{score("a", 3, 2, 0.5, 0.5)}, ErrInvalidRate},
		{"zero target", []Score{score("a", 1, 2, 0.5, 0)}, ErrOutOfRange},
		{"target above 1", []Score{score("a", 1, 2, 0.5, 1.01)}, ErrOutOfRange},
		{"NaN target", []Score{score("a", 1, 2, 0.5, math.NaN())}, ErrNotFinite},
		{"NaN shrunk", []Score{score("a", 1, 2, math.NaN(), 0.5)}, ErrNotFinite},
		{"shrunk above 1", []Score{score("a", 1, 2, 1.5, 0.5)}, ErrOutOfRange},
		{"negative shrunk", []Score{score("a", 1, 2, -0.5, 0.5)}, ErrOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Prioritize(Scorecard{Scores: tt.in})
			if !errors.Is(err, tt.want) || got != nil {
				t.Errorf("Prioritize(%v) = %v, %v, want nil, %v", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestGainString(t *testing.T) {
	g := Gain{Competency: "a", Current: 0.1, Target: 0.15, Multiplier: 1.5}
	if got, want := g.String(), "a ×1.50 (10.0% → 15.0%)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

// Raising a rate never lowers its priority gain below zero, and never
// raises it: the multiplier is at least 1 and falls as the rate rises.
func TestGainMonotoneProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r, b, p, o := genScoreInput(t)
		more := r
		more.Hits += rapid.Int64Range(0, r.Trials-r.Hits).Draw(t, "extra")
		s1, err1 := NewScore("a", r, b, p, o)
		s2, err2 := NewScore("a", more, b, p, o)
		if err1 != nil || err2 != nil {
			t.Fatalf("NewScore errors %v, %v", err1, err2)
		}
		g1, err1 := Prioritize(Scorecard{Scores: []Score{s1}})
		g2, err2 := Prioritize(Scorecard{Scores: []Score{s2}})
		if err1 != nil || err2 != nil {
			t.Fatalf("Prioritize errors %v, %v", err1, err2)
		}
		m1, m2 := g1[0].Multiplier, g2[0].Multiplier
		if math.IsNaN(m2) || math.IsInf(m2, 0) || m2 < 1 {
			t.Fatalf("Prioritize(%v) multiplier = %v, want finite and ≥ 1", s2, m2)
		}
		if m2 > m1*(1+1e-12) {
			t.Fatalf("multiplier rose from %v at %v to %v at %v", m1, r, m2, more)
		}
		if (m2 == 1) != (s2.Shrunk >= s2.Target) {
			t.Fatalf("Prioritize(%v) multiplier = %v; want 1 exactly when at or above target", s2, m2)
		}
	})
}

// The list is ordered: evidence first, multipliers falling within each
// group, ties in scorecard order.
func TestPrioritizeOrderProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 8).Draw(t, "n")
		card := Scorecard{}
		pos := map[string]int{}
		for i := range n {
			r, b, p, o := genScoreInput(t)
			if rapid.Bool().Draw(t, "no evidence") {
				r = benchmark.Rate{}
			}
			id := string(rune('a' + i))
			s, err := NewScore(id, r, b, p, o)
			if err != nil {
				t.Fatal(err)
			}
			card.Scores = append(card.Scores, s)
			pos[id] = i
		}
		gains, err := Prioritize(card)
		if err != nil {
			t.Fatal(err)
		}
		if len(gains) != n {
			t.Fatalf("Prioritize returned %d gains for %d scores", len(gains), n)
		}
		evidence := func(g Gain) bool { s, _ := card.Score(g.Competency); return s.Rate.Trials > 0 }
		for i := 1; i < n; i++ {
			a, b := gains[i-1], gains[i]
			switch {
			case evidence(a) != evidence(b):
				if !evidence(a) {
					t.Fatalf("ungraded %v ranked before %v", a, b)
				}
			case a.Multiplier < b.Multiplier:
				t.Fatalf("%v ranked before the larger %v", a, b)
			case a.Multiplier == b.Multiplier && pos[a.Competency] > pos[b.Competency]:
				t.Fatalf("tie %v and %v not in scorecard order", a, b)
			}
		}
	})
}

func BenchmarkPrioritize(b *testing.B) {
	rates, targets, priors := team()
	card, err := NewScorecard(Default(), "Dana", rates, targets, priors, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Prioritize(card); err != nil {
			b.Fatal(err)
		}
	}
}
