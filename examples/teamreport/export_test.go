package main

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/salesdev/salesdev/examples/teamreport/internal/csvin"
)

// fixtureFiles returns the fixtures of testdata/crm by name.
func fixtureFiles(t testing.TB) map[string]string {
	t.Helper()
	files := map[string]string{}
	entries, err := os.ReadDir(filepath.Join("testdata", "crm"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join("testdata", "crm", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = string(b)
	}
	return files
}

// wonClosed is an owner's won and closed deals.
type wonClosed struct{ Won, Closed int64 }

// independentCount counts each owner's won and closed deals in a fixture
// with encoding/csv and the rules of that CRM written out plainly, apart
// from the readers: the count the report must match.
func independentCount(t *testing.T, content string, comma rune, owner string, closedWon func(row map[string]string) (closed, won bool)) map[string]wonClosed {
	t.Helper()
	cr := csv.NewReader(strings.NewReader(strings.TrimPrefix(content, "\ufeff")))
	cr.Comma = comma
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]wonClosed{}
	seen := map[string]bool{}
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, h := range recs[0] {
			if _, dup := row[h]; !dup {
				row[h] = rec[i]
			}
		}
		if id := row["Record ID"]; id != "" && seen[id] {
			continue // the same deal twice
		} else {
			seen[id] = true
		}
		closed, won := closedWon(row)
		c := out[row[owner]]
		if closed {
			c.Closed++
		}
		if won {
			c.Won++
		}
		out[row[owner]] = c
	}
	return out
}

// Exports from each of the three CRMs, in the shapes of the fixtures,
// produce the report without -skip-bad, and each owner's closed and won
// counts match an independent count.
func TestExports(t *testing.T) {
	files := fixtureFiles(t)
	latin1 := func(s string) string { // each byte is the rune of its value
		r := make([]rune, len(s))
		for i := 0; i < len(s); i++ {
			r[i] = rune(s[i])
		}
		return string(r)
	}
	users := map[string]string{"005U1": "Lucía Gómez", "005U2": "Martín Ruiz", "005U3": "Sofía Peña", "005U4": "Old Rep"}
	tests := []struct {
		name      string
		cfg       config
		content   string
		comma     rune
		owner     string
		closedWon func(row map[string]string) (closed, won bool)
		mapOwner  func(string) string
	}{
		{"Salesforce, Owner.Name without IsWon", config{pipeline: "salesforce_owner_name.csv"}, files["salesforce_owner_name.csv"], ',', "Owner.Name",
			func(r map[string]string) (bool, bool) {
				return strings.HasPrefix(r["StageName"], "Closed"), r["StageName"] == "Closed Won"
			}, nil},
		{"Salesforce Data Export", config{pipeline: "salesforce_data_export.csv", users: "salesforce_users.csv"}, latin1(files["salesforce_data_export.csv"]), ',', "OwnerId",
			func(r map[string]string) (bool, bool) { return r["IsClosed"] == "1", r["IsWon"] == "1" },
			func(id string) string { return users[id] }},
		{"Salesforce report", config{pipeline: "salesforce_report.csv"}, files["salesforce_report.csv"], ',', "Opportunity Owner",
			func(r map[string]string) (bool, bool) {
				return strings.HasPrefix(r["Stage"], "Closed"), r["Stage"] == "Closed Won"
			}, nil},
		{"HubSpot custom pipeline", config{pipeline: "hubspot_custom_pipeline.csv"}, files["hubspot_custom_pipeline.csv"], ',', "Deal owner",
			func(r map[string]string) (bool, bool) {
				closed := r["Is Deal Closed?"] == "true"
				return closed, closed && r["Deal Stage"] == "Closed: won"
			}, nil},
		{"HubSpot all properties", config{pipeline: "hubspot_all_properties.csv"}, files["hubspot_all_properties.csv"], ';', "Deal owner",
			func(r map[string]string) (bool, bool) {
				return r["Is Deal Closed?"] == "true", r["Deal Stage"] == "closedwon"
			}, nil},
		{"Pipedrive", config{pipeline: "pipedrive_deals.csv"}, files["pipedrive_deals.csv"], ',', "Deal - Owner",
			func(r map[string]string) (bool, bool) {
				return r["Deal - Status"] == "won" || r["Deal - Status"] == "lost", r["Deal - Status"] == "won"
			}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := dataset(t, files, tt.cfg)
			r, err := buildReport(ds, defaults(config{}).report)
			if err != nil {
				t.Fatal(err)
			}
			if r.Skipped != 0 || r.Read != r.Rows || r.Rows == 0 {
				t.Errorf("rows %d, read %d, skipped %d", r.Rows, r.Read, r.Skipped)
			}
			got := map[string]wonClosed{}
			for _, rep := range append(r.Reps, r.Deactivated...) {
				got[rep.Name] = wonClosed{rep.Won, rep.Closed}
			}
			want := map[string]wonClosed{}
			for o, c := range independentCount(t, tt.content, tt.comma, tt.owner, tt.closedWon) {
				if tt.mapOwner != nil {
					o = tt.mapOwner(o)
				}
				want[o] = c
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("won/closed per owner (-independent +report):\n%s", diff)
			}
			var b bytes.Buffer
			if err := writeText(&b, r); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// Each defect the export issue found, as a test.
func TestExportDefects(t *testing.T) {
	files := fixtureFiles(t)
	t.Run("unterminated quote under -skip-bad stops the run with its line", func(t *testing.T) {
		in := mavenHeader + "1,Ann,,,Won,2025-01-01,2025-02-01,5\n2,Ann,,\"Acme,Won,2025-01-01,2025-02-01,5\n3,Bob,,,Won,2025-01-01,2025-02-01,5\n4,Bob,,,Lost,2025-01-01,2025-02-01,5\n"
		_, err := readFiles(map[string]string{"p.csv": in}, config{pipeline: "p.csv", skipBad: true})
		if !errors.Is(err, csvin.ErrMultiline) || !strings.Contains(err.Error(), "p.csv:3:") {
			t.Errorf("error = %v, want a multi-line error at p.csv:3", err)
		}
	})
	t.Run("rows the reader accepts never abort the run later", func(t *testing.T) {
		in := mavenHeader + "1,Ann,,,Won,2025-01-01,2025-02-01,5\n2,Ann,,,Won,2025-01-01,2025-02-01,1e17\n" +
			"3,Ann,,,Won,2025-01-01,9999-02-01,5\n4,Bob,,,Lost,2025-01-01,2025-02-01,5\n"
		ds, err := readFiles(map[string]string{"p.csv": in}, config{pipeline: "p.csv", skipBad: true})
		if err != nil {
			t.Fatal(err)
		}
		if ds.Skipped != 2 || ds.ShownSkipped[0].Line != 3 || ds.ShownSkipped[1].Line != 4 || ds.ShownSkipped[0].File != "p.csv" {
			t.Errorf("skipped %d: %v", ds.Skipped, ds.ShownSkipped)
		}
		r, err := buildReport(ds, defaults(config{}).report)
		if err != nil || r.Rows != 4 || r.Read != 2 || r.Closed != 2 {
			t.Errorf("report rows %d read %d closed %d, %v", r.Rows, r.Read, r.Closed, err)
		}
	})
	t.Run("an evening deal closed the same local day counts", func(t *testing.T) {
		r, err := buildReport(dataset(t, files, config{pipeline: "salesforce_owner_name.csv"}), defaults(config{}).report)
		if err != nil || r.Reps[0].Name != "Ann Lee" || r.Reps[0].Won != 1 {
			t.Errorf("reps %+v, %v", r.Reps, err)
		}
	})
	t.Run("duplicate IDs are counted once and reported", func(t *testing.T) {
		r, err := buildReport(dataset(t, files, config{pipeline: "hubspot_custom_pipeline.csv"}), defaults(config{}).report)
		if err != nil || r.Deals != 6 || !strings.Contains(strings.Join(r.Notes, "\n"), "counted once (9006)") {
			t.Errorf("deals %d, notes %q, %v", r.Deals, r.Notes, err)
		}
	})
	t.Run("control characters in names never reach the terminal or the SVG", func(t *testing.T) {
		in := mavenHeader + "1,\"Ann\x1b[2J\x07 Lee\",,,Won,2025-01-01,2025-02-01,5\n2,Bob\x00,,,Lost,2025-01-01,2025-02-01,5\n"
		r, err := buildReport(dataset(t, map[string]string{"p.csv": in}, config{pipeline: "p.csv"}), defaults(config{}).report)
		if err != nil {
			t.Fatal(err)
		}
		var text, svg bytes.Buffer
		if err := writeText(&text, r); err != nil {
			t.Fatal(err)
		}
		if strings.ContainsAny(text.String(), "\x1b\x07\x00") {
			t.Errorf("the text report holds control characters: %q", text.String())
		}
		if err := writeSVG(&svg, r); err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(&svg)
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("the SVG is not valid XML: %v", err)
			}
		}
	})
	t.Run("-svg refuses to overwrite an input, and writes through a temporary file", func(t *testing.T) {
		dir := t.TempDir()
		in := filepath.Join(dir, "in.csv")
		if err := os.WriteFile(in, []byte(mavenHeader), 0o600); err != nil {
			t.Fatal(err)
		}
		cfg := config{pipeline: in}
		err := writeFile(in, cfg.files(), func(w io.Writer) error { _, err := io.WriteString(w, "<svg/>"); return err })
		if !errors.Is(err, errOverwrite) {
			t.Errorf("writeFile(input) = %v, want errOverwrite", err)
		}
		if b, _ := os.ReadFile(in); string(b) != mavenHeader {
			t.Errorf("the input was changed to %q", b)
		}
		link := filepath.Join(dir, "link.csv")
		if err := os.Link(in, link); err == nil {
			if err := checkOutput(link, cfg.files()); !errors.Is(err, errOverwrite) {
				t.Errorf("checkOutput(a hard link to the input) = %v", err)
			}
		}
		out := filepath.Join(dir, "grid.svg")
		if err := writeFile(out, cfg.files(), func(w io.Writer) error { return errors.New("disk full") }); err == nil {
			t.Error("a failed write succeeded")
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 2 && len(entries) != 1 {
			t.Errorf("a failed write left files behind: %v", entries)
		}
	})
	t.Run("-pipeline - reads standard input", func(t *testing.T) {
		cfg := defaults(config{pipeline: "-", stdin: strings.NewReader(files["pipedrive_deals.csv"])})
		ds, err := load(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if r, err := buildReport(ds, cfg.report); err != nil || r.Closed != 4 {
			t.Errorf("closed %d, %v", r.Closed, err)
		}
	})
}

// Currencies are never added together: without rates the report gives
// figures per currency; with them it converts.
func TestCurrencies(t *testing.T) {
	files := fixtureFiles(t)
	r, err := buildReport(dataset(t, files, config{pipeline: "salesforce_data_export.csv", users: "salesforce_users.csv"}), defaults(config{}).report)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Currencies) != 4 || !strings.Contains(strings.Join(r.Notes, "\n"), "never added together") {
		t.Errorf("currencies %+v, notes %q", r.Currencies, r.Notes)
	}
	r, err = buildReport(dataset(t, files, config{pipeline: "salesforce_data_export.csv", users: "salesforce_users.csv", rates: "rates.csv"}), defaults(config{}).report)
	if err != nil || len(r.Currencies) != 0 {
		t.Errorf("with rates: currencies %+v, %v", r.Currencies, err)
	}
	// A currency the rates file lacks is a bad row, named.
	_, err = readFiles(map[string]string{"p.csv": files["salesforce_data_export.csv"], "r.csv": "currency,rate\nEUR,1\n"}, config{pipeline: "p.csv", rates: "r.csv"})
	if err == nil || !strings.Contains(err.Error(), `no rate for currency "USD"`) {
		t.Errorf("missing rate: %v", err)
	}
}

// Activities from Salesforce Task and Event exports together, and from
// HubSpot calls and meetings.
func TestActivityExports(t *testing.T) {
	files := fixtureFiles(t)
	ds := dataset(t, files, config{pipeline: "salesforce_owner_name.csv", activities: "salesforce_tasks.csv,salesforce_events.csv"})
	r, err := buildReport(ds, defaults(config{}).report)
	if err != nil {
		t.Fatal(err)
	}
	if ds.acts.NotSales != 2 || !strings.Contains(strings.Join(r.Notes, "\n"), "2 activities are not sales touches") {
		t.Errorf("not sales %d, notes %q", ds.acts.NotSales, r.Notes)
	}
	ds = dataset(t, files, config{pipeline: "hubspot_custom_pipeline.csv", activities: "hubspot_calls.csv,hubspot_meetings.csv"})
	if _, err := buildReport(ds, defaults(config{}).report); err != nil || ds.Rows != 7+3+3 {
		t.Errorf("rows %d, %v", ds.Rows, err)
	}
}

// Long reads print a progress line every 100,000 rows, naming the file.
func TestProgress(t *testing.T) {
	var in strings.Builder
	in.WriteString(mavenHeader)
	for i := range 100_001 {
		fmt.Fprintf(&in, "%d,Ann,,,Won,2025-01-01,2025-02-01,5\n", i)
	}
	var progress bytes.Buffer
	cfg := config{pipeline: "p.csv", progress: &progress}
	if _, err := readFiles(map[string]string{"p.csv": in.String()}, cfg); err != nil {
		t.Fatal(err)
	}
	if got := progress.String(); got != "teamreport: read 100000 rows from p.csv\n" {
		t.Errorf("progress = %q", got)
	}
}
