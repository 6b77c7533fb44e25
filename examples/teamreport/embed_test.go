package main

import (
	"bytes"
	"io/fs"
	"slices"
	"testing"

	"github.com/salesdev/salesdev/examples/teamreport/internal/gendata"
)

// TestBuiltinUpToDate checks that the committed data files are exactly what
// the generator writes, so that the two never drift apart.
func TestBuiltinUpToDate(t *testing.T) {
	files := gendata.Generate(gendata.Seed)
	var generated []string
	for _, f := range files {
		generated = append(generated, f.Name)
		got, err := dataFS.ReadFile("data/" + f.Name)
		if err != nil {
			t.Errorf("data/%s: %v; run go generate in examples/teamreport", f.Name, err)
			continue
		}
		if !bytes.Equal(got, f.Data) {
			t.Errorf("data/%s differs from gendata.Generate(gendata.Seed); run go generate in examples/teamreport", f.Name)
		}
	}
	embedded, err := fs.Glob(dataFS, "data/*.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range embedded {
		if !slices.Contains(generated, name[len("data/"):]) {
			t.Errorf("%s is embedded but not generated", name)
		}
	}
}

// TestBuiltin checks the shape of the built-in data set that the report
// and its documentation rely on.
func TestBuiltin(t *testing.T) {
	ds, err := builtin()
	if err != nil {
		t.Fatalf("builtin: %v", err)
	}
	if n := len(ds.Deals); n < 1500 || n > 3000 {
		t.Errorf("built-in data has %d deals, want 1,500 to 3,000", n)
	}
	if len(ds.Reps) != 12 || len(ds.Quotas) != 12 || len(ds.Desires) != 10 || len(ds.Skipped) != 0 {
		t.Errorf("built-in data has %d reps, %d quotas, %d desires, %d skipped; want 12, 12, 10, 0",
			len(ds.Reps), len(ds.Quotas), len(ds.Desires), len(ds.Skipped))
	}
	managers := make(map[string]bool)
	deals := make(map[string]map[DealStage]int)
	for _, r := range ds.Reps {
		managers[r.Manager] = true
		deals[r.Name] = make(map[DealStage]int)
	}
	if len(managers) != 2 {
		t.Errorf("built-in data has managers %v, want 2", managers)
	}
	for _, d := range ds.Deals {
		if deals[d.Owner] == nil {
			t.Fatalf("deal %s belongs to %q, who is not in the roster", d.ID, d.Owner)
		}
		deals[d.Owner][d.Stage]++
		if !d.Created.IsZero() && d.Created.Year() != 2025 || !d.Closed.IsZero() && d.Closed.Year() != 2025 {
			t.Errorf("deal %s dated %v to %v, outside 2025", d.ID, d.Created, d.Closed)
		}
	}
	if n := len(deals["Grace Abernathy"]); n != 0 {
		t.Errorf("Grace Abernathy has deals %v, want none", deals["Grace Abernathy"])
	}
	if got := deals["Wendell Achebe"]; len(got) != 1 || got[StageWon] != 2 {
		t.Errorf("Wendell Achebe has deals %v, want exactly 2 won", got)
	}
	if got := deals["Elliot Vance"]; got[StageWon]+got[StageLost] > 20 {
		t.Errorf("Elliot Vance, the new rep, has %d closed deals, want few", got[StageWon]+got[StageLost])
	}
	rate := func(rep string) (appointment, win float64) {
		s := deals[rep]
		total := s[StageOpen] + s[StageEngaged] + s[StageWon] + s[StageLost]
		return float64(total-s[StageOpen]) / float64(total), float64(s[StageWon]) / float64(s[StageWon]+s[StageLost])
	}
	for _, rep := range []string{"Declan Moreau", "Tariq Haddad"} {
		if a, w := rate(rep); a < 0.75 || w > 0.45 {
			t.Errorf("%s: appointment rate %.2f, win rate %.2f; want strong appointments, weak closing", rep, a, w)
		}
	}
	if a, w := rate("Priya Natarajan"); a > 0.5 || w < 0.7 {
		t.Errorf("Priya Natarajan: appointment rate %.2f, win rate %.2f; want weak appointments, strong closing", a, w)
	}
	for _, d := range ds.Desires {
		if d.Rep == "Luis Ferreira" || d.Rep == "Grace Abernathy" {
			t.Errorf("%s has desire %v, want unknown", d.Rep, d.Score)
		}
	}
	kinds := make(map[ActivityKind]int)
	for _, a := range ds.Activities {
		kinds[a.Kind]++
	}
	if !(kinds[ActivityCall] > kinds[ActivityConversation] && kinds[ActivityConversation] > kinds[ActivityMeeting] &&
		kinds[ActivityMeeting] > kinds[ActivityProposal] && kinds[ActivityProposal] > 0) {
		t.Errorf("activity mix %v, want calls > conversations > meetings > proposals > 0", kinds)
	}
}
