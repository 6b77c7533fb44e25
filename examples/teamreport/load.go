package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/salesdev/salesdev/examples/teamreport/internal/crm"
	"github.com/salesdev/salesdev/examples/teamreport/internal/csvin"
)

// config is what the command line asks teamreport to read.
type config struct {
	// pipeline, roster, quotas, desire and activities are file names; an
	// empty name leaves that file out, "-" is standard input (pipeline
	// only). Without a pipeline, the built-in data set is read and the
	// other names must be empty too.
	pipeline, roster, quotas, desire, activities string
	// stages, users and rates name the stage mapping, the users file and
	// the currency rates; history a Salesforce OpportunityHistory export;
	// empty for none.
	stages, users, rates, history string
	// format is the pipeline's format; crm.Auto detects it.
	format crm.Format
	// dayFirst reads 03/04/2024 as 3 April; tz is the zone the CRM shows
	// days in ("" takes days as written).
	dayFirst bool
	tz       string
	// skipBad skips malformed rows instead of failing.
	skipBad bool
	// version prints the program's version and reads nothing.
	version bool
	// report holds the report's settings, out where it goes.
	report reportOptions
	out    output
	// progress, if not nil, receives a progress line for every 100,000
	// rows read, so inputs under 100k rows print nothing.
	progress io.Writer
	// stdin is read for "-".
	stdin io.Reader
}

// output says how the report is written.
type output struct {
	json bool   // JSON instead of text
	svg  string // a file to draw the grid into, or ""
	html string // a file to write the report into as one web page, or ""
	// inputs are the input files, which no output may overwrite.
	inputs []string
}

// inputs names the files of a data set; an empty name means the file is
// not given.
type inputs struct {
	pipeline, roster, quotas, desire, activities string
}

// Dataset is what teamreport read: the side files whole, the CRM exports
// counted in a tally, and what was skipped.
type Dataset struct {
	side  sideFiles
	tally *tally
	// deals and acts are what the readers counted besides the rows.
	deals crm.DealStats
	acts  crm.ActivityStats
	// hasActs reports whether an activities file was read.
	hasActs bool
	// mapping is the -stages file (empty without one); history the
	// -history file's stage history (nil without one).
	mapping crm.Mapping
	history *crm.History
	// Rows counts the data rows of every file; Skipped those skipped
	// under -skip-bad; ShownSkipped holds the first few.
	Rows, Skipped int
	ShownSkipped  []RowError
}

// load reads the data set that cfg names, or the built-in one when cfg
// names no pipeline.
func load(cfg config) (*Dataset, error) {
	in := inputs{cfg.pipeline, cfg.roster, cfg.quotas, cfg.desire, cfg.activities}
	if in.pipeline == "" {
		if in != (inputs{}) || cfg.stages != "" || cfg.users != "" || cfg.rates != "" || cfg.history != "" {
			return nil, errors.New("-roster, -quotas, -desire, -activities, -stages, -history, -users and -rates need -pipeline " +
				"(without it the built-in data set is used)")
		}
		return builtin(cfg.report.asOf)
	}
	open := func(name string) (io.ReadCloser, error) {
		if name == "-" {
			if cfg.stdin == nil {
				return io.NopCloser(os.Stdin), nil
			}
			return io.NopCloser(cfg.stdin), nil
		}
		return os.Open(name)
	}
	for _, n := range []string{in.roster, in.quotas, in.desire, in.activities, cfg.stages, cfg.users, cfg.rates, cfg.history} {
		if n == "-" {
			return nil, errors.New("only -pipeline can read standard input (-)")
		}
	}
	return readDataset(open, in, cfg)
}

// readDataset reads the files in with open.
func readDataset(open func(name string) (io.ReadCloser, error), in inputs, cfg config) (*Dataset, error) {
	ds := &Dataset{}
	opts := &crm.Options{Format: cfg.format, Dates: csvin.DateOptions{DayFirst: cfg.dayFirst}}
	if cfg.tz != "" {
		loc, err := time.LoadLocation(cfg.tz)
		if err != nil {
			return nil, fmt.Errorf("-tz: %w", err)
		}
		opts.Dates.Location = loc
	}
	opts.Bad = func(re *RowError) error {
		if !cfg.skipBad {
			return re
		}
		ds.Skipped++
		if len(ds.ShownSkipped) < maxShownSkipped {
			ds.ShownSkipped = append(ds.ShownSkipped, *re)
		}
		return nil
	}
	var reading string // the file being read, for progress lines
	if cfg.progress != nil {
		w := cfg.progress
		opts.Progress = func(rows int) { fmt.Fprintf(w, "teamreport: read %d rows from %s\n", rows, reading) }
	}
	// The tally exists before the roster is read: the roster's reps are
	// its first groups, in roster order.
	asOf := cfg.report.asOf
	ds.tally = newTally(csvin.DayOf(asOf), !asOf.IsZero())
	err := errors.Join(
		readWhole(open, cfg.stages, func(r io.Reader, name string) (err error) {
			ds.mapping, err = crm.ReadMapping(r, name)
			opts.Stages, opts.Steps = ds.mapping.Outcomes, ds.mapping.Steps
			return
		}),
		readWhole(open, cfg.users, func(r io.Reader, name string) (err error) { opts.Users, err = crm.ReadUsers(r, name); return }),
		readWhole(open, cfg.rates, func(r io.Reader, name string) (err error) { ds.tally.rates, err = crm.ReadRates(r, name); return }),
		readSide(open, in.roster, &ds.Rows, func(rd *csvin.Reader) (err error) {
			ds.side.Reps, err = readRoster(rd, opts.Bad, opts.Dates, ds.tally)
			return
		}),
		readSide(open, in.quotas, &ds.Rows, func(rd *csvin.Reader) (err error) { ds.side.Quotas, err = readQuotas(rd, opts.Bad); return }),
		readSide(open, in.desire, &ds.Rows, func(rd *csvin.Reader) (err error) { ds.side.Desires, err = readDesires(rd, opts.Bad); return }),
	)
	if err != nil {
		return nil, err
	}
	quotas := make([]string, len(ds.side.Quotas))
	for i, q := range ds.side.Quotas {
		quotas[i] = q.Rep
	}
	ds.tally.owesQuota(quotas)
	// The stage history is read whole before the deals, which join it
	// by ID as they stream past; it needs the mapping's steps.
	err = readWhole(open, cfg.history, func(r io.Reader, name string) (err error) {
		reading = name
		ds.history, err = crm.ReadHistory(r, name, opts)
		if ds.history != nil {
			ds.Rows += ds.history.Rows
		}
		opts.History = ds.history
		return err
	})
	if err != nil {
		return nil, err
	}
	err = readWhole(open, in.pipeline, func(r io.Reader, name string) (err error) {
		reading = name
		ds.deals, err = crm.ReadDeals(r, name, opts, ds.tally.deal)
		ds.Rows += ds.deals.Rows
		return err
	})
	if err != nil {
		return nil, err
	}
	if in.activities == "" {
		return ds, nil
	}
	// Several activity exports (a Salesforce Task and an Event export)
	// are given separated by commas.
	for _, name := range strings.Split(in.activities, ",") {
		err = readWhole(open, name, func(r io.Reader, name string) error {
			reading = name
			st, err := crm.ReadActivities(r, name, opts, ds.tally.activity)
			ds.Rows += st.Rows
			ds.acts.Rows += st.Rows
			ds.acts.NotSales += st.NotSales
			if st.Encoding == csvin.Windows1252 {
				ds.acts.Encoding = st.Encoding
			}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	ds.hasActs = true
	return ds, nil
}

// readWhole opens the file called name and reads it with read; an empty
// name reads nothing.
func readWhole(open func(string) (io.ReadCloser, error), name string, read func(io.Reader, string) error) error {
	if name == "" {
		return nil
	}
	f, err := open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return read(f, name)
}

// readSide reads a side file with csvin, counting its rows.
func readSide(open func(string) (io.ReadCloser, error), name string, rows *int, read func(*csvin.Reader) error) error {
	return readWhole(open, name, func(r io.Reader, name string) error {
		rd, err := csvin.NewReader(r, name, nil)
		if err != nil {
			return err
		}
		defer rd.Close()
		err = read(rd)
		*rows += rd.Rows
		return err
	})
}
