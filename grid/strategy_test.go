package grid

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestQuadrantsInCoachingPriority(t *testing.T) {
	got := slices.Collect(Quadrants())
	want := []Quadrant{Striver, Achiever, Independent, Detractor}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Quadrants() (-want +got):\n%s", diff)
	}
	for i, q := range got {
		if p := q.Priority(); p != i+1 {
			t.Errorf("%v.Priority() = %d, want %d", q, p, i+1)
		}
	}
	for _, q := range []Quadrant{Unplaced, Quadrant(9)} {
		if p := q.Priority(); p != 0 {
			t.Errorf("%v.Priority() = %d, want 0", q, p)
		}
	}
	// Stopping early stops the iterator.
	for q := range Quadrants() {
		if q != Striver {
			t.Fatalf("first of Quadrants() = %v, want striver", q)
		}
		break
	}
}

func TestStrategy(t *testing.T) {
	tests := []struct {
		q        Quadrant
		priority int
		modes    []Mode
		plan     bool
		quote    string // the source's words, which the advice must carry
	}{
		{Striver, 1, []Mode{Coaching, Management}, false, "highest coaching priority"},
		{Achiever, 2, []Mode{Coaching}, false, "push them or they'll find someone who will"},
		{Independent, 3, []Mode{Leadership}, false, "first understand what motivates them"},
		{Detractor, 4, []Mode{Leadership, Management}, true, "performance plan"},
		{Unplaced, 0, []Mode{}, false, "Measure first"},
	}
	for _, tt := range tests {
		t.Run(tt.q.String(), func(t *testing.T) {
			s := tt.q.Strategy()
			if s.Quadrant != tt.q || s.Priority != tt.priority || s.PerformancePlan != tt.plan {
				t.Errorf("%v.Strategy() = %+v, want quadrant %v, priority %d, performance plan %v", tt.q, s, tt.q, tt.priority, tt.plan)
			}
			if diff := cmp.Diff(tt.modes, s.Modes); diff != "" {
				t.Errorf("%v.Strategy().Modes (-want +got):\n%s", tt.q, diff)
			}
			if !strings.Contains(strings.ToLower(s.Advice), strings.ToLower(tt.quote)) {
				t.Errorf("%v.Strategy().Advice = %q, want it to contain %q", tt.q, s.Advice, tt.quote)
			}
		})
	}
	// An unknown value reads as Unplaced, so the strategy still marshals.
	if s := Quadrant(42).Strategy(); s.Quadrant != Unplaced || s.Priority != 0 {
		t.Errorf("Quadrant(42).Strategy() = %+v, want the Unplaced strategy", s)
	}
}

// The modes a quadrant calls for follow from where it sits: Leadership
// exactly when desire is below the line, Management when results are below
// it, Coaching when the rep has the desire to develop.
func TestStrategyModesFollowTheGrid(t *testing.T) {
	for q := range Quadrants() {
		modes := q.Strategy().Modes
		if got, want := slices.Contains(modes, Leadership), !q.hasDesire(); got != want {
			t.Errorf("%v: Leadership among %v = %v, want %v", q, modes, got, want)
		}
		if got, want := slices.Contains(modes, Management), !q.meetsResults(); got != want {
			t.Errorf("%v: Management among %v = %v, want %v", q, modes, got, want)
		}
		if got, want := slices.Contains(modes, Coaching), q.hasDesire(); got != want {
			t.Errorf("%v: Coaching among %v = %v, want %v", q, modes, got, want)
		}
	}
}

func TestStrategyJSON(t *testing.T) {
	b, err := json.Marshal(Detractor.Strategy())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"quadrant":"detractor"`, `"priority":4`, `"modes":["leadership","management"]`, `"performance_plan":true`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("json.Marshal(Detractor.Strategy()) = %s, want it to contain %s", b, want)
		}
	}
}
