package main

import (
	"io"
	"strings"
	"testing"

	"github.com/salesdev/salesdev/examples/teamreport/internal/crm"
)

// mavenHeader is the header of a Maven pipeline.
const mavenHeader = "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n"

// dataset reads files (name → content) as the command would with cfg.
func dataset(t *testing.T, files map[string]string, cfg config) *Dataset {
	t.Helper()
	ds, err := readFiles(files, cfg)
	if err != nil {
		t.Fatalf("readDataset: %v", err)
	}
	return ds
}

// readFiles is dataset returning the error.
func readFiles(files map[string]string, cfg config) (*Dataset, error) {
	open := func(name string) (io.ReadCloser, error) {
		s, ok := files[name]
		if !ok {
			return nil, io.ErrUnexpectedEOF
		}
		return io.NopCloser(strings.NewReader(s)), nil
	}
	return readDataset(open, inputs{cfg.pipeline, cfg.roster, cfg.quotas, cfg.desire, cfg.activities}, cfg)
}

// readDeals reads every deal of a deals export, independently of the
// tally, with strings cloned.
func readDeals(t *testing.T, name, content string, opts *crm.Options) []crm.Deal {
	t.Helper()
	var out []crm.Deal
	_, err := crm.ReadDeals(strings.NewReader(content), name, opts, func(d *crm.Deal) error {
		c := *d
		c.ID, c.Owner, c.Stage, c.Currency = strings.Clone(c.ID), strings.Clone(c.Owner), strings.Clone(c.Stage), strings.Clone(c.Currency)
		out = append(out, c)
		return nil
	})
	if err != nil {
		t.Fatalf("ReadDeals(%s): %v", name, err)
	}
	return out
}
