package main

import (
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/salesdev/salesdev/examples/teamreport/internal/crm"
	"github.com/salesdev/salesdev/tmc"
)

// TestParseFlags checks the command line, including its errors.
func TestParseFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    config
		wantErr bool
	}{
		{name: "none", args: nil, want: defaults(config{})},
		{
			name: "all",
			args: []string{"-pipeline", "p.csv", "-roster", "r.csv", "-quotas", "q.csv", "-desire", "d.csv",
				"-activities", "a.csv", "-format", "HubSpot", "-skip-bad"},
			want: defaults(config{pipeline: "p.csv", roster: "r.csv", quotas: "q.csv", desire: "d.csv", activities: "a.csv",
				format: crm.HubSpot, skipBad: true}),
		},
		{name: "bad format", args: []string{"-format", "zoho"}, wantErr: true},
		{name: "stray argument", args: []string{"p.csv"}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseFlags(tt.args, io.Discard)
			if (err != nil) != tt.wantErr || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("parseFlags(%q) = %+v, %v; want %+v, error %v", tt.args, got, err, tt.want, tt.wantErr)
			}
		})
	}
	if _, err := parseFlags([]string{"-h"}, io.Discard); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("parseFlags(-h) error = %v, want flag.ErrHelp", err)
	}
}

// defaults returns c with the report flags' defaults.
func defaults(c config) config {
	c.report = reportOptions{coachingHours: defaultCoachingHours, complexity: tmc.Moderate, maxMentees: defaultMaxMentees}
	return c
}

// TestLoad loads the built-in data set and files from disk, strictly and
// skipping bad rows.
func TestLoad(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	pipeline := write("deals.csv", "Id,Name,OwnerId,StageName,Amount,CloseDate,IsClosed,IsWon,CreatedDate\n"+
		"1,N,Ann,Closed Won,10,2017-02-03,true,true,2017-01-02\n"+
		"2,N,Ann,Closed Won,1x,2017-02-03,true,true,2017-01-02\n")
	roster := write("roster.csv", "sales_agent,manager,regional_office\nAnn,Bob,East\n")

	t.Run("built-in", func(t *testing.T) {
		ds, err := load(config{})
		if err != nil || ds.deals.Rows == 0 {
			t.Fatalf("load(no files) = %v", err)
		}
	})
	t.Run("side file without pipeline", func(t *testing.T) {
		if _, err := load(config{roster: roster}); err == nil {
			t.Error("load(roster only) succeeded, want an error")
		}
	})
	t.Run("strict", func(t *testing.T) {
		_, err := load(config{pipeline: pipeline, roster: roster})
		if err == nil || !strings.HasSuffix(err.Error(), `deals.csv:3:20: field "Amount": invalid amount "1x"`) {
			t.Errorf("load = %v, want an invalid number error", err)
		}
	})
	t.Run("skip bad", func(t *testing.T) {
		ds, err := load(config{pipeline: pipeline, roster: roster, format: crm.Salesforce, skipBad: true})
		if err != nil || ds.deals.Rows != 2 || len(ds.side.Reps) != 1 || ds.Skipped != 1 || ds.Rows != 3 {
			t.Fatalf("load = %+v, %v; want 2 deal rows, 1 rep, 1 skipped of 3 rows", ds, err)
		}
	})
	// A rep twice in the roster is refused by the line that repeats it,
	// naming the first; skipped, the first row stands, first in order.
	dupRoster := write("dup.csv", "sales_agent,manager\nZed,Bob\nAnn,Bob\nZed,Cy\n")
	t.Run("duplicate roster rep", func(t *testing.T) {
		_, err := load(config{pipeline: pipeline, roster: dupRoster, format: crm.Salesforce})
		if !errors.Is(err, ErrDuplicate) || !strings.Contains(err.Error(), `dup.csv:4:1: field "sales_agent": duplicate rep "Zed" (first on line 2)`) {
			t.Errorf("load = %v, want the duplicate on line 4 naming line 2", err)
		}
		ds, err := load(config{pipeline: pipeline, roster: dupRoster, format: crm.Salesforce, skipBad: true})
		if err != nil {
			t.Fatal(err)
		}
		if got := []Rep{{Name: "Zed", Manager: "Bob"}, {Name: "Ann", Manager: "Bob"}}; !reflect.DeepEqual(ds.side.Reps, got) || ds.Skipped != 2 {
			t.Errorf("skipping: reps %+v, %d skipped; want %+v and 2 skipped (the repeat and the bad amount)", ds.side.Reps, ds.Skipped, got)
		}
		if g, ok := ds.tally.reps.Lookup("Zed"); !ok || g != 0 {
			t.Errorf("Zed is group %d (%v), want 0: the roster's reps are the first groups, in its order", g, ok)
		}
	})
	t.Run("missing file", func(t *testing.T) {
		if _, err := load(config{pipeline: filepath.Join(dir, "nope.csv")}); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("load(missing file) = %v, want not exist", err)
		}
	})
}
