package grid

import (
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/salesdev/salesdev/internal/golden"
)

// TestPlanGolden pins the JSON of a Plan, the focuses a plugin stores and
// passes back to Plan.Next next time: a renamed or removed field, or a
// changed encoding, shows here (run go test -update after an intended
// change). A Plan stays a JSON array with no version of its own: it is
// stored inside the plugin's own document (the team plan), and that
// document carries the version. The golden file is also read back, so
// plans stored before keep loading, to the same focuses.
func TestPlanGolden(t *testing.T) {
	month := func(y int, m time.Month, loc *time.Location) Window {
		return Window{Start: time.Date(y, m, 1, 0, 0, 0, 0, loc), End: time.Date(y, m+1, 1, 0, 0, 0, 0, loc)}
	}
	nyc := time.FixedZone("", -5*3600)
	plan := Plan{
		{Rep: "ana", Competency: "gateway", Behavior: "Earn the proposal", Window: month(2025, time.May, time.UTC),
			Reason: "weakest scenario: The prospect asks for a proposal before discovery (2/10 against 60%)"},
		{Rep: "ana", Competency: "gateway", Behavior: "Map the buying group", Window: month(2025, time.June, time.UTC),
			Reason: "campaign on gateway: one mission at a time"},
		// A focus built by hand, with no reason, in a team's own time zone.
		{Rep: "ben", Competency: "close", Behavior: "Ask for the order", Window: month(2025, time.May, nyc)},
	}
	if err := plan.Validate(); err != nil {
		t.Fatalf("golden plan: %v", err)
	}
	path := filepath.Join("testdata", "plan.golden.json")
	want := golden.JSON(t, path, plan)
	var back Plan
	if err := json.Unmarshal(want, &back); err != nil {
		t.Fatalf("reading %s back: %v", path, err)
	}
	if err := back.Validate(); err != nil {
		t.Errorf("the plan read back from %s is invalid: %v", path, err)
	}
	if diff := cmp.Diff(plan, back, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
		t.Errorf("plan read back from %s (-want +got):\n%s", path, diff)
	}
}
