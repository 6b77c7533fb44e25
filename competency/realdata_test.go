package competency

import (
	"math"
	"slices"
	"testing"

	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/internal/crmdata"
)

// agentFunnels reads the public Maven Analytics "CRM + Sales +
// Opportunities" sales_pipeline.csv under $SALESDEV_DATA and returns, per
// sales agent, a funnel of opportunities → engaged (every deal that left
// Prospecting) → decided (Won or Lost) → won. It skips the test when
// SALESDEV_DATA is unset and fails it when the variable is set but the
// file is missing or malformed.
func agentFunnels(t *testing.T) map[string]benchmark.Funnel {
	t.Helper()
	type counts struct{ all, engaged, decided, won int64 }
	by := map[string]*counts{}
	for _, d := range crmdata.Pipeline(t) {
		c := by[d.Agent]
		if c == nil {
			c = &counts{}
			by[d.Agent] = c
		}
		c.all++
		switch d.Stage {
		case "Engaging":
			c.engaged++
		case "Won":
			c.engaged++
			c.decided++
			c.won++
		case "Lost":
			c.engaged++
			c.decided++
		}
	}
	out := make(map[string]benchmark.Funnel, len(by))
	for agent, c := range by {
		out[agent] = benchmark.Funnel{{Name: "opportunity", Count: c.all}, {Name: "engaged", Count: c.engaged},
			{Name: "decided", Count: c.decided}, {Name: "won", Count: c.won}}
	}
	return out
}

// TestRealPipeline grades and prioritises every agent of the public CRM
// data set on two competencies, engaging prospects and winning decided
// deals, with priors and 75th-percentile benchmarks fitted from the team.
func TestRealPipeline(t *testing.T) {
	funnels := agentFunnels(t)
	m := Model{Competencies: []Competency{tiny("engage", "opportunity", "engaged"), tiny("win", "decided", "won")}}
	agents := make([]string, 0, len(funnels))
	for a := range funnels {
		agents = append(agents, a)
	}
	slices.Sort(agents)

	rates := make(map[string]map[string]benchmark.Rate, len(agents))
	for _, a := range agents {
		r, err := m.Rates(funnels[a])
		if err != nil {
			t.Fatalf("Rates(%s) error = %v", a, err)
		}
		rates[a] = r
	}

	// Reference counts computed independently of this package, with
	// /usr/bin/python3's csv module (csv.DictReader over
	// sales_pipeline.csv, counting deal_stage per sales_agent): won of
	// decided (Won or Lost) and engaged (not Prospecting) of all
	// opportunities.
	if len(agents) != 30 {
		t.Errorf("%d agents, want 30", len(agents))
	}
	for _, ref := range []struct {
		agent       string
		win, engage benchmark.Rate
	}{
		{"Darcel Schlecht", benchmark.Rate{Hits: 349, Trials: 553}, benchmark.Rate{Hits: 636, Trials: 747}},
		{"Anna Snelling", benchmark.Rate{Hits: 208, Trials: 336}, benchmark.Rate{Hits: 393, Trials: 448}},
		{"Wilburn Farren", benchmark.Rate{Hits: 55, Trials: 79}, benchmark.Rate{Hits: 110, Trials: 110}},
	} {
		if got := rates[ref.agent]["win"]; got != ref.win {
			t.Errorf("Rates(%s)[win] = %v, want %v", ref.agent, got, ref.win)
		}
		if got := rates[ref.agent]["engage"]; got != ref.engage {
			t.Errorf("Rates(%s)[engage] = %v, want %v", ref.agent, got, ref.engage)
		}
	}
	var pooled benchmark.Rate
	for _, a := range agents {
		var err error
		if pooled, err = benchmark.Sum(pooled, rates[a]["win"]); err != nil {
			t.Fatal(err)
		}
	}
	if want := (benchmark.Rate{Hits: 4238, Trials: 6711}); pooled != want {
		t.Errorf("team's pooled close rate = %v, want %v", pooled, want)
	}
	priors := map[string]benchmark.Prior{}
	targets := map[string]benchmark.Benchmark{}
	for c := range m.All() {
		var team []benchmark.Rate
		for _, a := range agents {
			team = append(team, rates[a][c.ID])
		}
		p, err := benchmark.FitPrior(team)
		if err != nil {
			t.Fatalf("FitPrior(%s) error = %v", c.ID, err)
		}
		shrunk := make([]float64, len(team))
		for i, r := range team {
			shrunk[i] = p.Shrink(r)
		}
		b, err := benchmark.FromTeam(benchmark.Metric{Name: c.Name}, shrunk, 0.75)
		if err != nil {
			t.Fatalf("FromTeam(%s) error = %v", c.ID, err)
		}
		priors[c.ID], targets[c.ID] = p, b
	}

	grades := map[string]map[Grade]int{}
	for _, a := range agents {
		card, err := NewScorecard(m, a, rates[a], targets, priors, nil)
		if err != nil {
			t.Fatalf("NewScorecard(%s) error = %v", a, err)
		}
		for _, s := range card.Scores {
			if grades[s.Competency] == nil {
				grades[s.Competency] = map[Grade]int{}
			}
			grades[s.Competency][s.Grade]++
			if s.Grade == Ungraded || math.IsNaN(s.Shrunk) || s.Lo > s.Rate.Value() || s.Hi < s.Rate.Value() {
				t.Errorf("%s: %v", a, s)
			}
		}
		gains, err := Prioritize(card)
		if err != nil {
			t.Fatalf("Prioritize(%s) error = %v", a, err)
		}
		for i := 1; i < len(gains); i++ {
			if gains[i].Multiplier > gains[i-1].Multiplier {
				t.Errorf("%s: priorities out of order: %v", a, gains)
			}
		}
	}
	// The benchmark is the team's 75th percentile of shrunk rates: about a
	// quarter of the agents meet it, and most do not.
	for id, g := range grades {
		if a := g[GradeA]; a < len(agents)/8 || a > len(agents)/2 {
			t.Errorf("%s: %d of %d agents graded A against the 75th percentile, want about a quarter (grades %v)", id, a, len(agents), g)
		}
		t.Logf("%s: target %.3f, grades %v", id, targets[id].Target, g)
	}
}
