package main

import (
	"bytes"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/salesdev/salesdev/examples/teamreport/internal/crm"
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
// and its documentation rely on, read with the CRM reader directly.
func TestBuiltin(t *testing.T) {
	ds, err := builtin(time.Time{})
	if err != nil {
		t.Fatalf("builtin: %v", err)
	}
	side := ds.side
	if len(side.Reps) != 12 || len(side.Quotas) != 12 || len(side.Desires) != 10 || ds.Skipped != 0 {
		t.Errorf("built-in data has %d reps, %d quotas, %d desires, %d skipped; want 12, 12, 10, 0",
			len(side.Reps), len(side.Quotas), len(side.Desires), ds.Skipped)
	}
	all := readDeals(t, "data/pipeline.csv", dataFile(t, "data/pipeline.csv"), nil)
	if n := len(all); n < 1500 || n > 3000 {
		t.Errorf("built-in data has %d deals, want 1,500 to 3,000", n)
	}
	managers := make(map[string]bool)
	type stage struct {
		outcome crm.Outcome
		engaged bool
	}
	deals := make(map[string]map[stage]int)
	for _, r := range side.Reps {
		managers[r.Manager] = true
		deals[r.Name] = make(map[stage]int)
	}
	if len(managers) != 2 {
		t.Errorf("built-in data has managers %v, want 2", managers)
	}
	for _, d := range all {
		if deals[d.Owner] == nil {
			t.Fatalf("deal %s belongs to %q, who is not in the roster", d.ID, d.Owner)
		}
		deals[d.Owner][stage{d.Outcome, d.Engaged}]++
		if d.HasCreated && d.Created.Time().Year() != 2025 || d.HasClosed && d.Closed.Time().Year() != 2025 {
			t.Errorf("deal %s dated %v to %v, outside 2025", d.ID, d.Created, d.Closed)
		}
	}
	won, lost, engaged, open := stage{crm.Won, false}, stage{crm.Lost, false}, stage{crm.Open, true}, stage{crm.Open, false}
	if n := len(deals["Grace Abernathy"]); n != 0 {
		t.Errorf("Grace Abernathy has deals %v, want none", deals["Grace Abernathy"])
	}
	if got := deals["Wendell Achebe"]; len(got) != 1 || got[won] != 2 {
		t.Errorf("Wendell Achebe has deals %v, want exactly 2 won", got)
	}
	if got := deals["Elliot Vance"]; got[won]+got[lost] > 20 {
		t.Errorf("Elliot Vance, the new rep, has %d closed deals, want few", got[won]+got[lost])
	}
	rate := func(rep string) (appointment, win float64) {
		s := deals[rep]
		total := s[open] + s[engaged] + s[won] + s[lost]
		return float64(total-s[open]) / float64(total), float64(s[won]) / float64(s[won]+s[lost])
	}
	for _, rep := range []string{"Declan Moreau", "Tariq Haddad"} {
		if a, w := rate(rep); a < 0.75 || w > 0.45 {
			t.Errorf("%s: appointment rate %.2f, win rate %.2f; want strong appointments, weak closing", rep, a, w)
		}
	}
	if a, w := rate("Priya Natarajan"); a > 0.5 || w < 0.7 {
		t.Errorf("Priya Natarajan: appointment rate %.2f, win rate %.2f; want weak appointments, strong closing", a, w)
	}
	for _, d := range side.Desires {
		if d.Rep == "Luis Ferreira" || d.Rep == "Grace Abernathy" {
			t.Errorf("%s has desire %v, want unknown", d.Rep, d.Score)
		}
	}
	kinds := make(map[crm.Kind]int)
	_, err = crm.ReadActivities(strings.NewReader(dataFile(t, "data/activities.csv")), "activities.csv", nil, func(a *crm.Activity) error {
		kinds[a.Kind]++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !(kinds[crm.Call] > kinds[crm.Conversation] && kinds[crm.Conversation] > kinds[crm.Meeting] &&
		kinds[crm.Meeting] > kinds[crm.Proposal] && kinds[crm.Proposal] > 0) {
		t.Errorf("activity mix %v, want calls > conversations > meetings > proposals > 0", kinds)
	}
}

// dataFile returns a file of the built-in data set.
func dataFile(t *testing.T, name string) string {
	t.Helper()
	b, err := dataFS.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
