package grid

import (
	"encoding/json"
	"math"
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
		quote    string // the words the advice must carry
		source   string // a source it must name
	}{
		{Striver, 1, []Mode{Coaching, Management}, "manage the numbers", "grid material"},
		{Achiever, 2, []Mode{Coaching}, `"new ideas, new ways of approaching their craft, different combinations of resources"`, "Sales Management vs Sales Mentorship"},
		{Independent, 3, []Mode{Leadership, Coaching}, `"constant coaching is the only way`, "Know the Difference Between Coaching & Managing"},
		{Detractor, 4, []Mode{Leadership, Management, Coaching}, "Leadership for desire", "Know the Difference Between Coaching & Managing"},
		{Unplaced, 0, []Mode{}, "Measure first", "Know the Difference Between Coaching & Managing"},
	}
	for _, tt := range tests {
		t.Run(tt.q.String(), func(t *testing.T) {
			s := tt.q.Strategy()
			if s.Quadrant != tt.q || s.Priority != tt.priority {
				t.Errorf("%v.Strategy() = %+v, want quadrant %v, priority %d", tt.q, s, tt.q, tt.priority)
			}
			if diff := cmp.Diff(tt.modes, s.Modes); diff != "" {
				t.Errorf("%v.Strategy().Modes (-want +got):\n%s", tt.q, diff)
			}
			if !strings.Contains(s.Advice, tt.quote) {
				t.Errorf("%v.Strategy().Advice = %q, want it to contain %q", tt.q, s.Advice, tt.quote)
			}
			if !slices.ContainsFunc(s.Sources, func(src string) bool { return strings.Contains(src, tt.source) }) {
				t.Errorf("%v.Strategy().Sources = %q, want one naming %q", tt.q, s.Sources, tt.source)
			}
		})
	}
	// An unknown value reads as Unplaced, so the strategy still marshals.
	if s := Quadrant(42).Strategy(); s.Quadrant != Unplaced || s.Priority != 0 {
		t.Errorf("Quadrant(42).Strategy() = %+v, want the Unplaced strategy", s)
	}
}

// What the articles rule out, for every quadrant: every placed quadrant is
// coached ("constant coaching is the only way", "Know the Difference
// Between Coaching & Managing"; even high-Drive reps need "new ideas",
// "Sales Management vs Sales Mentorship"); no advice is to push ("high-Drive
// salespeople do not need to be pushed"), and none is a performance plan,
// which is a rep's coaching history's to decide, not a quadrant's.
func TestStrategyFaithfulToTheArticles(t *testing.T) {
	for i := range math.MaxUint8 + 1 {
		q := Quadrant(i)
		s := q.Strategy()
		if q.placed() && !slices.Contains(s.Modes, Coaching) {
			t.Errorf("%v.Strategy().Modes = %v, want Coaching among them", q, s.Modes)
		}
		advice := strings.ToLower(s.Advice)
		for _, banned := range []string{"push", "performance plan", "very little coaching", "leave them"} {
			if strings.Contains(advice, banned) {
				t.Errorf("%v.Strategy().Advice = %q advises %q", q, s.Advice, banned)
			}
		}
		if len(s.Sources) == 0 || s.Advice == "" {
			t.Errorf("%v.Strategy() = %+v, want advice and its sources", q, s)
		}
		for _, src := range s.Sources {
			if strings.Contains(src, "ASLAN") && !strings.Contains(src, `"`) && !strings.Contains(src, "outside the articles") {
				t.Errorf("%v.Strategy().Sources: %q names ASLAN material without saying it is outside the articles", q, src)
			}
		}
	}
}

// The modes a quadrant calls for follow from where it sits: Leadership
// exactly when desire is below the line, Management when results are below
// it, and Coaching always, listed first unless Leadership leads.
func TestStrategyModesFollowTheGrid(t *testing.T) {
	for q := range Quadrants() {
		modes := q.Strategy().Modes
		if got, want := slices.Contains(modes, Leadership), !q.hasDesire(); got != want {
			t.Errorf("%v: Leadership among %v = %v, want %v", q, modes, got, want)
		}
		if got, want := slices.Contains(modes, Management), !q.meetsResults(); got != want {
			t.Errorf("%v: Management among %v = %v, want %v", q, modes, got, want)
		}
		if !slices.Contains(modes, Coaching) {
			t.Errorf("%v: Coaching not among %v", q, modes)
		}
		if first := modes[0]; first != Coaching && first != Leadership {
			t.Errorf("%v: modes %v lead with %v, want Coaching or, for low desire, Leadership", q, modes, first)
		}
	}
}

func TestStrategyJSON(t *testing.T) {
	b, err := json.Marshal(Detractor.Strategy())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"quadrant":"detractor"`, `"priority":4`, `"modes":["leadership","management","coaching"]`, `"sources":[`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("json.Marshal(Detractor.Strategy()) = %s, want it to contain %s", b, want)
		}
	}
	if strings.Contains(string(b), "performance_plan") {
		t.Errorf("json.Marshal(Detractor.Strategy()) = %s, want no performance plan in a strategy", b)
	}
}
