package main

import (
	"errors"
	"io"
	"os"
)

// config is what the command line asks teamreport to read.
type config struct {
	// pipeline, roster, quotas, desire and activities are file names; an
	// empty name leaves that file out. Without a pipeline, the built-in
	// data set is read and the other names must be empty too.
	pipeline, roster, quotas, desire, activities string
	// format is the pipeline's format; FormatAuto detects it.
	format Format
	// skipBad skips malformed rows instead of failing; they are returned
	// in Dataset.Skipped.
	skipBad bool
	// report holds the report's settings, out where it goes.
	report reportOptions
	out    output
	// progress, if not nil, receives a progress line for every 100,000
	// rows read, so inputs under 100k rows print nothing.
	progress io.Writer
}

// output says how the report is written.
type output struct {
	json bool   // JSON instead of text
	svg  string // a file to draw the grid into, or ""
}

// load reads the data set that cfg names, or the built-in one when cfg
// names no pipeline.
func load(cfg config) (*Dataset, error) {
	in := inputs{cfg.pipeline, cfg.roster, cfg.quotas, cfg.desire, cfg.activities}
	if in.pipeline == "" {
		if in != (inputs{}) {
			return nil, errors.New("-roster, -quotas, -desire and -activities need -pipeline " +
				"(without it the built-in data set is used)")
		}
		return builtin()
	}
	opts := &ReadOptions{SkipBad: cfg.skipBad, Progress: cfg.progress}
	open := func(name string) (io.ReadCloser, error) { return os.Open(name) }
	return readDataset(open, in, cfg.format, opts)
}

// inputs names the files of a data set; an empty name means the file is
// not given.
type inputs struct {
	pipeline, roster, quotas, desire, activities string
}

// readDataset reads the files in with open, the pipeline in format f.
func readDataset(open func(name string) (io.ReadCloser, error), in inputs, f Format, opts *ReadOptions) (*Dataset, error) {
	ds := new(Dataset)
	readDeals := func(r io.Reader, name string, opts *ReadOptions) ([]Deal, []RowError, error) {
		return ReadDeals(r, name, f, opts)
	}
	err := errors.Join(
		readFile(open, in.pipeline, readDeals, opts, &ds.Deals, &ds.Skipped),
		readFile(open, in.roster, ReadRoster, opts, &ds.Reps, &ds.Skipped),
		readFile(open, in.quotas, ReadQuotas, opts, &ds.Quotas, &ds.Skipped),
		readFile(open, in.desire, ReadDesires, opts, &ds.Desires, &ds.Skipped),
		readFile(open, in.activities, ReadActivities, opts, &ds.Activities, &ds.Skipped),
	)
	if err != nil {
		return nil, err
	}
	return ds, nil
}

// readFile reads the file called name with read into *dst, appending its
// skipped rows to *skipped. An empty name reads nothing.
func readFile[T any](open func(string) (io.ReadCloser, error), name string,
	read func(io.Reader, string, *ReadOptions) ([]T, []RowError, error), opts *ReadOptions,
	dst *[]T, skipped *[]RowError) error {
	if name == "" {
		return nil
	}
	f, err := open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	rows, skip, err := read(f, name, opts)
	if err != nil {
		return err
	}
	*dst = rows
	*skipped = append(*skipped, skip...)
	return nil
}
