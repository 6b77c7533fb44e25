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
	// progress, if not nil, receives progress lines while large inputs
	// (largeInput bytes or more in all) are read.
	progress io.Writer
}

// largeInput is the total size of the input files from which load reports
// progress: below it, reading takes well under a second.
const largeInput = 64 << 20

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
	opts := &ReadOptions{SkipBad: cfg.skipBad}
	if cfg.progress != nil && in.size() >= largeInput {
		opts.Progress = cfg.progress
	}
	open := func(name string) (io.ReadCloser, error) { return os.Open(name) }
	return readDataset(open, in, cfg.format, opts)
}

// inputs names the files of a data set; an empty name means the file is
// not given.
type inputs struct {
	pipeline, roster, quotas, desire, activities string
}

// size returns the total size in bytes of the files in, as far as they can
// be found; open reports the ones that cannot.
func (in inputs) size() int64 {
	var n int64
	for _, name := range []string{in.pipeline, in.roster, in.quotas, in.desire, in.activities} {
		if fi, err := os.Stat(name); name != "" && err == nil {
			n += fi.Size()
		}
	}
	return n
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
