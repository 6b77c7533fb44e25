package salesdev

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/competency"
	"github.com/salesdev/salesdev/grid"
	"github.com/salesdev/salesdev/internal/golden"
	"github.com/salesdev/salesdev/tmc"
)

// goldenTeam is a small team with every kind of input, so that the plan's
// JSON shows every field a plugin stores or reads.
func goldenTeam() Team {
	asOf := day0(2025, 12, 31)
	rates := func(c, a, g, w int64) map[string]benchmark.Rate {
		return map[string]benchmark.Rate{
			competency.NewOpportunitiesID: {Hits: a, Trials: c},
			competency.GatewayID:          {Hits: g, Trials: a},
			competency.CloseID:            {Hits: w, Trials: g},
		}
	}
	return Team{
		AsOf: asOf,
		Reps: []Rep{
			{Rep: "ana", Manager: "mo", Started: day0(2022, 3, 1), Rates: rates(200, 60, 36, 14),
				Results: &Results{Sold: 255_000, MonthlyQuota: 50_000}, Desire: []float64{4.5}},
			{Rep: "ben", Manager: "mo", Started: day0(2021, 6, 1), Rates: rates(180, 25, 15, 8),
				Results: &Results{Sold: 186_000, MonthlyQuota: 50_000}, Desire: []float64{4},
				Events: []tmc.Event{{Kind: tmc.KnowledgeGapFound, At: day0(2025, 12, 10)}}},
			{Rep: "cara", Manager: "mo", Started: day0(2020, 1, 4), Rates: rates(150, 66, 40, 19),
				Results: &Results{Sold: 375_000, MonthlyQuota: 50_000}, Desire: []float64{2}},
			{Rep: "dev", Manager: "mo", Started: day0(2025, 10, 1), Rates: rates(60, 15, 8, 3),
				Results: &Results{Sold: 40_000, MonthlyQuota: 50_000}, Desire: []float64{4.8}},
			{Rep: "eli", Manager: "mo"},
		},
		Sessions: []tmc.Session{
			{Rep: "ana", By: "mo", Role: tmc.Manager, At: day0(2025, 12, 2), Minutes: 60, Topics: []tmc.Topic{tmc.ResultsReview}},
			{Rep: "ana", By: "cara", Role: tmc.Mentor, At: day0(2025, 12, 9), Minutes: 45, Topics: []tmc.Topic{tmc.PeerInsight}},
		},
		Campaigns: []competency.Campaign{{
			Competency: competency.CloseID, Rep: "ana", Start: day0(2025, 11, 1),
			Baseline:    benchmark.Rate{Hits: 10, Trials: 30},
			Benchmark:   benchmark.Benchmark{Target: 0.5},
			Checkpoints: []competency.Checkpoint{{Week: 1, Rate: benchmark.Rate{Hits: 3, Trials: 6}}},
		}},
		Focus: grid.Plan{{Rep: "cara", Competency: competency.GatewayID, Behavior: "Map the buying group",
			Window: grid.Window{Start: day0(2025, 12, 15), End: day0(2026, 1, 15)}}},
		Metrics: []Metric{{Metric: benchmark.Metric{Name: "average won deal", Unit: "currency"},
			Values: map[string]float64{"ana": 4100, "ben": 3900, "cara": 5200, "dev": 2800}}},
	}
}

// TestPlanGolden pins the JSON of a plan, the document a plugin stores and
// reads back: a renamed or removed field shows here (run go test -update
// after an intended change, and bump PlanVersion when a field is renamed,
// removed or changes meaning).
func TestPlanGolden(t *testing.T) {
	p, err := NewPlan(goldenTeam(), &Config{CoachingHours: 12, SalesCycleDays: 45})
	if err != nil {
		t.Fatal(err)
	}
	want := golden.JSON(t, filepath.Join("testdata", "plan.golden.json"), p)
	// The stored plan reads back to the same JSON.
	var back Plan
	if err := json.Unmarshal(want, &back); err != nil {
		t.Fatalf("the stored plan does not read back: %v", err)
	}
	again, err := json.MarshalIndent(back, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(bytes.TrimSpace(want)), string(again)); diff != "" {
		t.Errorf("plan JSON does not round-trip (-stored +again):\n%s", diff)
	}
	if back.Version != PlanVersion {
		t.Errorf("stored version %d, want %d", back.Version, PlanVersion)
	}
}
