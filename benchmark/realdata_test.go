package benchmark

import (
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// pipelineRow is one row of the public Maven Analytics "CRM + Sales +
// Opportunities" sales_pipeline.csv, read by the tests that check the
// package on real data.
type pipelineRow struct {
	ID, Agent, Product, Account string
	Stage                       string    // Prospecting, Engaging, Won or Lost
	Engage, Close               time.Time // zero when the field is empty
	Value                       float64   // close_value; valid when HasValue
	HasValue                    bool
}

// realPipeline reads $SALESDEV_DATA/crm-sales-opportunities/sales_pipeline.csv.
// It skips the test when SALESDEV_DATA is unset and fails it when the
// variable is set but the file is missing or malformed.
func realPipeline(t testing.TB) []pipelineRow {
	t.Helper()
	dir := os.Getenv("SALESDEV_DATA")
	if dir == "" {
		t.Skip("SALESDEV_DATA is not set; skipping the real-data test")
	}
	f, err := os.Open(filepath.Join(dir, "crm-sales-opportunities", "sales_pipeline.csv"))
	if err != nil {
		t.Fatalf("SALESDEV_DATA is set but the pipeline cannot be read: %v", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		t.Fatalf("reading header: %v", err)
	}
	want := []string{"opportunity_id", "sales_agent", "product", "account", "deal_stage", "engage_date", "close_date", "close_value"}
	if len(header) != len(want) {
		t.Fatalf("header = %q, want %q", header, want)
	}
	for i := range want {
		if header[i] != want[i] {
			t.Fatalf("header = %q, want %q", header, want)
		}
	}
	date := func(s string) time.Time {
		if s == "" {
			return time.Time{}
		}
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatalf("bad date %q: %v", s, err)
		}
		return d
	}
	var rows []pipelineRow
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("reading pipeline: %v", err)
		}
		row := pipelineRow{ID: rec[0], Agent: rec[1], Product: rec[2], Account: rec[3], Stage: rec[4],
			Engage: date(rec[5]), Close: date(rec[6])}
		if rec[7] != "" {
			row.Value, err = strconv.ParseFloat(rec[7], 64)
			if err != nil {
				t.Fatalf("bad close_value %q: %v", rec[7], err)
			}
			row.HasValue = true
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		t.Fatal("sales_pipeline.csv has no rows")
	}
	return rows
}
