package competency

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/internal/golden"
)

// checkGolden compares got with the golden file testdata/name, or
// rewrites the file when the test runs with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got)
}

// goldenApprox is golden for JSON holding computed floats: the documents
// must have the same fields and values, with numbers equal to 1e-12
// relative, since a platform that fuses multiply-adds may differ in the
// last bit.
func goldenApprox(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if golden.Update() {
		checkGolden(t, name, got)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	var w, g any
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("got: %v", err)
	}
	if diff := cmp.Diff(w, g, cmpopts.EquateApprox(1e-12, 0)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s\nIf the change is intended, run go test -update; "+
			"if a field was renamed or removed or changed meaning, the stored form has a new version.", path, diff)
	}
}

// indent marshals v as encoding/json does, indented as the golden files are.
func indent(t *testing.T, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatalf("json encode %T: %v", v, err)
	}
	return b.Bytes()
}

// TestModelGolden pins the JSON of the ready model, the document a plugin
// stores when it saves a team's model with Marshal: a renamed field, a
// lost version or a changed default shows here. The stored file must also
// still load, to the ready model.
func TestModelGolden(t *testing.T) {
	b, err := Marshal(Default())
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "model.golden.json", b)

	stored, err := os.ReadFile(filepath.Join("testdata", "model.golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse(stored)
	if err != nil {
		t.Fatalf("Parse(model.golden.json) error = %v", err)
	}
	if diff := cmp.Diff(Default(), m); diff != "" {
		t.Errorf("Parse(model.golden.json) mismatch (-want +got):\n%s", diff)
	}
}

// goldenCampaigns are a plugin's stored campaigns: one closed, with the
// team's prior and a metric, and the rep's next one, still open.
func goldenCampaigns() []Campaign {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	return []Campaign{
		{
			Competency:  NewOpportunitiesID,
			Rep:         "ana",
			Baseline:    benchmark.Rate{Hits: 9, Trials: 100},
			Benchmark:   benchmark.Benchmark{Metric: benchmark.Metric{Name: "conversation to appointment", Unit: "%"}, Target: 0.15},
			Prior:       benchmark.Prior{Alpha: 7, Beta: 43},
			Start:       day(2025, 9, 1),
			Closed:      day(2025, 10, 27),
			Checkpoints: []Checkpoint{{Week: 1, Rate: benchmark.Rate{Hits: 2, Trials: 20}}, {Week: 3, Rate: benchmark.Rate{Hits: 4, Trials: 22}}},
		},
		{
			Competency:  CloseID,
			Rep:         "ana",
			Baseline:    benchmark.Rate{Hits: 10, Trials: 30},
			Benchmark:   benchmark.Benchmark{Target: 0.5},
			Start:       day(2025, 11, 1),
			Checkpoints: []Checkpoint{},
		},
	}
}

// TestCampaignsGolden pins the JSON of campaigns as encoding/json writes
// them. A plugin stores its campaigns from one plan to the next (the
// plan's own state, DESIGN §8) as a list inside its own document, so a
// Campaign carries no version of its own: the document holding the list
// does. The stored form must read back to the same campaigns, which still
// check out.
func TestCampaignsGolden(t *testing.T) {
	cs := goldenCampaigns()
	if err := CheckCampaigns(cs); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "campaigns.golden.json", indent(t, cs))

	stored, err := os.ReadFile(filepath.Join("testdata", "campaigns.golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	var back []Campaign
	if err := json.Unmarshal(stored, &back); err != nil {
		t.Fatalf("json.Unmarshal(campaigns.golden.json) error = %v", err)
	}
	if diff := cmp.Diff(cs, back); diff != "" {
		t.Errorf("campaigns.golden.json mismatch (-want +got):\n%s", diff)
	}
	if err := CheckCampaigns(back); err != nil {
		t.Errorf("CheckCampaigns(stored campaigns) = %v", err)
	}
}

// TestStandardsGolden pins the JSON of a team's standards, which a plan
// carries (and a plugin stores with the plan, under the plan's version):
// measured competencies with their prior, target, team rate and source,
// and the unmeasured ones with their reason.
func TestStandardsGolden(t *testing.T) {
	s, err := TeamStandards(Default(), fiveReps(), nil)
	if err != nil {
		t.Fatal(err)
	}
	goldenApprox(t, "standards.golden.json", indent(t, s))

	stored, err := os.ReadFile(filepath.Join("testdata", "standards.golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	var back Standards
	if err := json.Unmarshal(stored, &back); err != nil {
		t.Fatalf("json.Unmarshal(standards.golden.json) error = %v", err)
	}
	// The Model is not written (it is the caller's); the rest reads back.
	s.Model = Model{}
	if diff := cmp.Diff(s, back, cmpopts.EquateApprox(1e-12, 0)); diff != "" {
		t.Errorf("standards.golden.json mismatch (-want +got):\n%s", diff)
	}
}
