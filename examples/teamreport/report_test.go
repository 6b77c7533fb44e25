package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/salesdev/salesdev"
	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/competency"
	"github.com/salesdev/salesdev/examples/teamreport/internal/crm"
	"github.com/salesdev/salesdev/grid"
	"github.com/salesdev/salesdev/internal/golden"
	"github.com/salesdev/salesdev/tmc"
)

// defaultReport builds the report on the built-in data with the default
// options, as `go run ./examples/teamreport` does.
func defaultReport(t *testing.T) *Report {
	t.Helper()
	ds, err := builtin(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := buildReport(ds, defaults(config{}).report)
	if err != nil {
		t.Fatalf("buildReport(built-in) error: %v", err)
	}
	return r
}

// checkGolden compares got with testdata/name, or rewrites it under
// -update (internal/golden's flag).
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got)
}

// The built-in report is golden: any change to what the library computes
// or how the report prints shows up here.
func TestGoldenText(t *testing.T) {
	var b bytes.Buffer
	if err := writeText(&b, defaultReport(t)); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "report.txt", b.Bytes())
}

func TestGoldenJSON(t *testing.T) {
	var b bytes.Buffer
	if err := writeJSON(&b, defaultReport(t)); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "report.json", b.Bytes())
}

func TestGoldenSVG(t *testing.T) {
	var b bytes.Buffer
	if err := writeSVG(&b, defaultReport(t)); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "grid.svg", b.Bytes())
	// Every placed rep is a labelled point; the others are listed below.
	for _, r := range defaultReport(t).Plan.Reps {
		label := ">" + r.Rep + "</text>"
		if r.Measures != nil && !strings.Contains(b.String(), label) {
			t.Errorf("the SVG has no label for %s", r.Rep)
		}
		if r.Measures == nil && (strings.Contains(b.String(), label) || !strings.Contains(b.String(), "Not measured")) {
			t.Errorf("%s is not placed but the SVG draws or omits them wrongly", r.Rep)
		}
	}
}

// The JSON field names are a published interface: the set of key paths
// may grow, never lose or rename one. testdata/json-keys.txt lists them.
func TestJSONSchemaStable(t *testing.T) {
	var b bytes.Buffer
	if err := writeJSON(&b, defaultReport(t)); err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	keyPaths(doc, "", got)
	if golden.Update() {
		keys := slices.Sorted(maps.Keys(got))
		checkGolden(t, "json-keys.txt", []byte(strings.Join(keys, "\n")+"\n"))
		return
	}
	want, err := os.ReadFile(filepath.Join("testdata", "json-keys.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range strings.Fields(string(want)) {
		if !got[k] {
			t.Errorf("JSON key %q is gone from the report: renaming or removing a field breaks its users", k)
		}
	}
}

// keyPaths collects the object key paths of a decoded JSON document, with
// arrays written as [].
func keyPaths(v any, prefix string, out map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			p := prefix + "." + k
			out[p] = true
			keyPaths(e, p, out)
		}
	case []any:
		for _, e := range v {
			keyPaths(e, prefix+"[]", out)
		}
	}
}

// What the report says about the built-in team's special cases.
func TestBuiltinCases(t *testing.T) {
	r := defaultReport(t)
	byName := map[string]salesdev.RepPlan{}
	counts := map[string]RepReport{}
	for i, rep := range r.Reps {
		byName[rep.Name] = r.Plan.Reps[i]
		counts[rep.Name] = rep
		if r.Plan.Reps[i].Rep != rep.Name {
			t.Fatalf("reps[%d] = %s, plan.reps[%d] = %s: not aligned", i, rep.Name, i, r.Plan.Reps[i].Rep)
		}
	}
	// Grace started two weeks ago: no deals yet (no win rate, not zero),
	// a few conversations, and inside the training stage.
	if g := byName["Grace Abernathy"]; counts["Grace Abernathy"].Evidence || counts["Grace Abernathy"].WinRate != nil || g.Quadrant != grid.Unplaced || g.Help.Help != tmc.Training {
		t.Errorf("Grace Abernathy, two weeks in with no deals: %+v", g)
	}
	// 2 of 2 won is not an A player.
	if w := byName["Wendell Achebe"]; counts["Wendell Achebe"].WinRate == nil || counts["Wendell Achebe"].WinRate.Shrunk == nil || *counts["Wendell Achebe"].WinRate.Shrunk > 0.8 {
		t.Errorf("Wendell Achebe (2 of 2) = %+v, want shrunk well below 100%%", counts["Wendell Achebe"].WinRate)
	} else if s, _ := w.Scorecard.Score(competency.CloseID); s.Grade == competency.GradeA && s.Separated {
		t.Errorf("Wendell Achebe (2 of 2) graded %v, separated from the standard", s.Grade)
	}
	// No desire answer: not placed, however good the numbers.
	if l := byName["Luis Ferreira"]; l.Measures != nil || l.Quadrant != grid.Unplaced || l.CoachingHours != nil || !strings.Contains(l.NotPlaced, "desire") {
		t.Errorf("Luis Ferreira has no desire answer but was placed: %+v", l)
	}
	// A new rep inside the ramp is not coached as if trained.
	if e := byName["Elliot Vance"]; e.Help.Help == tmc.Coaching {
		t.Errorf("Elliot Vance, inside the ramp, got %+v", e.Help)
	}
	mentees := map[string]int{}
	for name, rep := range byName {
		if rep.Mentor == name || (rep.Mentor != "" && rep.Mentor == rep.Manager) {
			t.Errorf("%s is mentored by %q", name, rep.Mentor)
		}
		// Mentoring a rep who needs training or coaching is the
		// misdirected help tmc warns of.
		if rep.Mentor != "" && rep.Help.Help != tmc.Mentoring {
			t.Errorf("%s is prescribed %v but given mentor %s", name, rep.Help, rep.Mentor)
		}
		if rep.Mentor != "" {
			mentees[rep.Mentor]++
		}
		if rep.Why() == "" {
			t.Errorf("%s: the plan does not say why", name)
		}
	}
	for m, n := range mentees {
		if n > defaultMaxMentees {
			t.Errorf("%s mentors %d reps, more than %d", m, n, defaultMaxMentees)
		}
	}
	// Tenure comes from the roster: a rep who started in October is still
	// in the mentoring stage at the end of December, the others are past
	// it, and no rep past the ramp is sent to training or mentoring
	// without a recorded knowledge gap ("Three Key Areas").
	if e := byName["Elliot Vance"]; e.Help.Help != tmc.Mentoring || !strings.Contains(e.Signals.Basis, "mentoring") {
		t.Errorf("Elliot Vance: help %v, basis %q, want mentoring inside the mentoring stage", e.Help.Help, e.Signals.Basis)
	}
	for name, rep := range byName {
		if name == "Elliot Vance" || name == "Grace Abernathy" {
			continue // inside the ramp
		}
		if rep.Help.Help == tmc.Training || rep.Help.Help == tmc.Mentoring {
			t.Errorf("%s, past the ramp, sent to %v: %s", name, rep.Help.Help, rep.Why())
		}
	}
	if len(r.Plan.Priority) == 0 {
		t.Error("no first priority for training")
	}
}

// -asof reports the team as it stood that day: later deals are left out
// and deals closed later are still open.
func TestAsOf(t *testing.T) {
	asOf := time.Date(2025, time.June, 30, 0, 0, 0, 0, time.UTC)
	opt := defaults(config{}).report
	opt.asOf = asOf
	ds, err := builtin(asOf)
	if err != nil {
		t.Fatal(err)
	}
	r, err := buildReport(ds, opt)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]int64{} // won, closed by the end of the day
	for _, d := range readDeals(t, "pipeline.csv", dataFile(t, "data/pipeline.csv"), nil) {
		if (d.Outcome == crm.Won || d.Outcome == crm.Lost) && d.Closed.Time().Before(asOf.AddDate(0, 0, 1)) {
			c := want[d.Owner]
			c[1]++
			if d.Outcome == crm.Won {
				c[0]++
			}
			want[d.Owner] = c
		}
	}
	for _, rep := range r.Reps {
		if got := [2]int64{rep.Won, rep.Closed}; got != want[rep.Name] {
			t.Errorf("as of %s, %s won/closed = %v, want %v", r.AsOf.Format(time.DateOnly), rep.Name, got, want[rep.Name])
		}
	}
	// Before anyone closed anything: a report with no evidence, not an error.
	opt.asOf = time.Date(2024, time.January, 1, 0, 0, 0, 0, time.UTC)
	if ds, err = builtin(opt.asOf); err != nil {
		t.Fatal(err)
	}
	r, err = buildReport(ds, opt)
	if err != nil {
		t.Fatalf("buildReport as of 2024 error: %v", err)
	}
	for i, rep := range r.Reps {
		if rep.WinRate != nil || r.Plan.Reps[i].Evidence || r.Plan.Reps[i].Focus != nil {
			t.Errorf("as of 2024, %s has %+v", rep.Name, r.Plan.Reps[i])
		}
	}
}

// A pipeline with only open deals, or with no win at all, is a normal new
// team: the report says there is no evidence, it does not fail.
func TestNoEvidenceTeams(t *testing.T) {
	tests := []struct {
		name     string
		pipeline string
	}{
		{"all open", mavenHeader + "1,Ann,,,Engaging,2025-03-01,,\n2,Bob,,,Prospecting,2025-03-01,,\n"},
		{"all lost", mavenHeader + "1,Ann,,,Lost,2025-03-01,2025-04-01,0\n2,Bob,,,Lost,2025-03-01,2025-05-01,0\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := buildReport(dataset(t, map[string]string{"p.csv": tt.pipeline}, config{pipeline: "p.csv"}), defaults(config{}).report)
			if err != nil {
				t.Fatalf("buildReport error: %v", err)
			}
			for _, rep := range r.Plan.Reps {
				if rep.Evidence || rep.Focus != nil {
					t.Errorf("%s graded with %+v, want no evidence", rep.Rep, rep)
				}
			}
			if len(r.Plan.Standards.Unmeasured) == 0 {
				t.Error("nothing says why nobody is graded")
			}
		})
	}
}

// With SALESDEV_DATA set, the report on the public Maven data must count
// every agent's won and closed deals as an independent count of the CSV
// does, and report the five roster agents with no deals as no evidence.
func TestRealData(t *testing.T) {
	root := os.Getenv("SALESDEV_DATA")
	if root == "" {
		t.Skip("SALESDEV_DATA is not set")
	}
	dir := filepath.Join(root, "crm-sales-opportunities")
	pipeline, roster := filepath.Join(dir, "sales_pipeline.csv"), filepath.Join(dir, "sales_teams.csv")
	cfg := defaults(config{pipeline: pipeline, roster: roster})
	ds, err := load(cfg)
	if err != nil {
		t.Fatalf("SALESDEV_DATA is set but the data cannot be read: %v", err)
	}
	r, err := buildReport(ds, cfg.report)
	if err != nil {
		t.Fatal(err)
	}

	// The independent count: plain encoding/csv over the file.
	f, err := os.Open(pipeline)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	type count struct{ won, closed int64 }
	want := map[string]count{}
	header := true
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if header {
			header = false
			continue
		}
		c := want[rec[1]]
		switch rec[4] {
		case "Won":
			c.won++
			c.closed++
		case "Lost":
			c.closed++
		}
		want[rec[1]] = c
	}
	var noEvidence []string
	for i, rep := range r.Reps {
		rp := r.Plan.Reps[i]
		if got := (count{rep.Won, rep.Closed}); got != want[rep.Name] {
			t.Errorf("%s: won/closed = %d/%d, independent count %d/%d", rep.Name, got.won, got.closed, want[rep.Name].won, want[rep.Name].closed)
		}
		if !rep.Evidence {
			noEvidence = append(noEvidence, rep.Name)
			if rep.WinRate != nil || rp.Evidence || rp.Focus != nil {
				t.Errorf("%s has no deals but the report says %+v", rep.Name, rp)
			}
		}
	}
	slices.Sort(noEvidence)
	wantNone := []string{"Carl Lin", "Carol Thompson", "Elizabeth Anderson", "Mei-Mei Johns", "Natalya Ivanova"}
	if diff := cmp.Diff(wantNone, noEvidence); diff != "" {
		t.Errorf("roster agents with no evidence (-want +got):\n%s", diff)
	}
	if len(r.Reps) != 35 || r.Closed != 6711 || r.Won != 4238 {
		t.Errorf("report has %d reps, %d won of %d closed; want 35, 4238 of 6711", len(r.Reps), r.Won, r.Closed)
	}
	// How far the deals got: Maven's engage date puts every won or lost
	// deal past Engaging, so the close runs from the appointment, on the
	// current stage of every closed deal; conversation → appointment has
	// no failure to measure, and no stage marks the gateway.
	sr, ok := r.Funnel.rate(competency.CloseID)
	if !ok || sr.Rate != (benchmark.Rate{Hits: 4238, Trials: 6711}) || sr.From != "appointment" ||
		sr.Evidence != (Evidence{Stage: 6711}) || sr.Undecided != 1589 {
		t.Errorf("close on the Maven data = %+v, %v; want 4238 of 6711 from the appointment on the current stage, 1589 undecided", sr, ok)
	}
	for _, c := range []struct{ id, says string }{
		{competency.NewOpportunitiesID, "every one of the 8,300 decided deals"},
		{competency.GatewayID, "no stage of the pipeline marks the gateway"},
	} {
		if got := r.Funnel.reason(c.id, ""); !strings.Contains(got, c.says) {
			t.Errorf("%s not measured because %q, want it to say %q", c.id, got, c.says)
		}
	}
	var text bytes.Buffer
	if err := writeText(&text, r); err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(text.String(), "\nTeam standards")
	for _, want := range []string{"First priority for training\n  Gaining the new customer",
		"Evidence: 4,238 of 6,711 decided deals, appointment → close (from the appointment: the pipeline has no gateway stage); rests on current stage for 6,711 deals"} {
		if !strings.Contains(first, want) {
			t.Errorf("the first screen lacks %q:\n%s", want, first)
		}
	}
	for i, rr := range r.Reps {
		c := want[rr.Name]
		got, _ := rr.repRate(competency.CloseID)
		if c.closed > 0 && got.Rate != (benchmark.Rate{Hits: c.won, Trials: c.closed}) {
			t.Errorf("%s: close rate %v, independent count %d of %d", rr.Name, got.Rate, c.won, c.closed)
		}
		if rp := r.Plan.Reps[i]; rp.Focus != nil && !strings.Contains(text.String(), "    "+rr.Name+": ") {
			t.Errorf("%s has a focus but no line under Who needs what", rr.Name)
		} else if rp.Focus != nil && !strings.Contains(sentence(rp, r.focusEvidence(rp)), "Rests on") {
			t.Errorf("%s: the focus says nothing of its evidence: %s", rr.Name, sentence(rp, r.focusEvidence(rp)))
		}
	}

	// The targets are set on the scale the grades are read on, so the
	// top of a team whose reps differ little still reaches A.
	grades := map[competency.Grade]int{}
	for _, rep := range r.Plan.Reps {
		s, _ := rep.Scorecard.Score(competency.CloseID)
		grades[s.Grade]++
	}
	if grades[competency.GradeA] == 0 || grades[competency.GradeB] == 0 || grades[competency.Ungraded] != 5 {
		t.Errorf("grades on the real data = %v, want some A, some B and 5 ungraded", grades)
	}
}

// The command line end to end: flags, output choice, and the errors.
func TestWrite(t *testing.T) {
	r := defaultReport(t)
	svg := filepath.Join(t.TempDir(), "grid.svg")
	var b bytes.Buffer
	if err := write(&b, r, output{json: true, svg: svg}); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatalf("the JSON report does not read back: %v", err)
	}
	if len(back.Reps) != len(r.Reps) || !back.AsOf.Equal(r.AsOf) {
		t.Errorf("JSON round trip lost reps: %d vs %d", len(back.Reps), len(r.Reps))
	}
	if data, err := os.ReadFile(svg); err != nil || !bytes.HasPrefix(data, []byte("<svg")) {
		t.Errorf("-svg wrote %q, %v", data, err)
	}
	if err := write(&b, r, output{svg: filepath.Join(t.TempDir(), "no", "such", "dir.svg")}); err == nil {
		t.Error("write to an impossible SVG path succeeded")
	}
}

func TestBuildReportErrors(t *testing.T) {
	if _, err := buildReport(dataset(t, map[string]string{"p.csv": mavenHeader}, config{pipeline: "p.csv"}), defaults(config{}).report); err == nil {
		t.Error("buildReport(empty data) succeeded")
	}
}

// The README shows the report on the built-in data; it must be the report
// the program prints today.
func TestReadmeSample(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := writeText(&b, defaultReport(t)); err != nil {
		t.Fatal(err)
	}
	sample, _, _ := strings.Cut(b.String(), "\nThe grid")
	if !strings.Contains(string(readme), sample) {
		t.Errorf("README.md does not show the current report; paste the text up to \"The grid\" from:\n%s", sample)
	}
}
