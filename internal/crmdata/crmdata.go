// Package crmdata reads the public CRM practice data set that the
// project's tests check the library against: the Maven Analytics
// "CRM + Sales + Opportunities" data (a B2B pipeline of a fictitious
// hardware company, October 2016 to December 2017).
//
// The data is not part of the repository. The tests find it through the
// SALESDEV_DATA environment variable, which names the folder holding
// crm-sales-opportunities/. Every function here skips the calling test
// when the variable is unset and fails it when the variable is set but
// the data is missing or malformed, so that CI, which sets it, can never
// pass by skipping.
package crmdata

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"
)

// Dir returns $SALESDEV_DATA/crm-sales-opportunities, skipping t when
// SALESDEV_DATA is unset.
func Dir(t testing.TB) string {
	t.Helper()
	root := os.Getenv("SALESDEV_DATA")
	if root == "" {
		t.Skip("SALESDEV_DATA is not set; skipping the real-data test")
	}
	return filepath.Join(root, "crm-sales-opportunities")
}

// Table reads one CSV file of the data set, such as "sales_teams.csv", as
// rows keyed by the header's column names.
func Table(t testing.TB, name string) []map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join(Dir(t), name))
	if err != nil {
		t.Fatalf("SALESDEV_DATA is set but %s cannot be read: %v", name, err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("reading %s: %d rows, %v", name, len(rows), err)
	}
	out := make([]map[string]string, 0, len(rows)-1)
	for _, r := range rows[1:] {
		m := make(map[string]string, len(r))
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// A Deal is one row of sales_pipeline.csv.
type Deal struct {
	ID, Agent, Product, Account string
	Stage                       string    // Prospecting, Engaging, Won or Lost
	Engage, Close               time.Time // zero when the field is empty
	Value                       float64   // close_value; valid when HasValue
	HasValue                    bool
}

// Pipeline reads sales_pipeline.csv.
func Pipeline(t testing.TB) []Deal {
	t.Helper()
	rows := Table(t, "sales_pipeline.csv")
	for _, col := range []string{"opportunity_id", "sales_agent", "product", "account", "deal_stage", "engage_date", "close_date", "close_value"} {
		if _, ok := rows[0][col]; !ok {
			t.Fatalf("sales_pipeline.csv has no column %q", col)
		}
	}
	date := func(s string) time.Time {
		if s == "" {
			return time.Time{}
		}
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatalf("sales_pipeline.csv: bad date %q: %v", s, err)
		}
		return d
	}
	deals := make([]Deal, 0, len(rows))
	for _, r := range rows {
		d := Deal{ID: r["opportunity_id"], Agent: r["sales_agent"], Product: r["product"], Account: r["account"],
			Stage: r["deal_stage"], Engage: date(r["engage_date"]), Close: date(r["close_date"])}
		if !slices.Contains([]string{"Prospecting", "Engaging", "Won", "Lost"}, d.Stage) {
			t.Fatalf("sales_pipeline.csv: unknown deal_stage %q", d.Stage)
		}
		if v := r["close_value"]; v != "" {
			var err error
			if d.Value, err = strconv.ParseFloat(v, 64); err != nil {
				t.Fatalf("sales_pipeline.csv: bad close_value %q: %v", v, err)
			}
			d.HasValue = true
		}
		deals = append(deals, d)
	}
	return deals
}
