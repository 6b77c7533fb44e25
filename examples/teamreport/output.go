package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// files returns the names of every input file cfg reads ("-" is not a
// file).
func (cfg config) files() []string {
	var out []string
	names := append([]string{cfg.pipeline, cfg.roster, cfg.quotas, cfg.desire, cfg.stages, cfg.users, cfg.rates, cfg.history}, strings.Split(cfg.activities, ",")...)
	for _, n := range names {
		if n != "" && n != "-" {
			out = append(out, n)
		}
	}
	return out
}

// errOverwrite: an output flag names an input file.
var errOverwrite = errors.New("refusing to overwrite an input file")

// checkOutput returns an error when name is one of the inputs: the same
// path, or the same file under another name (a link).
func checkOutput(name string, inputs []string) error {
	out, err := os.Stat(name)
	for _, in := range inputs {
		if filepath.Clean(in) == filepath.Clean(name) {
			return fmt.Errorf("%s: %w", name, errOverwrite)
		}
		if err != nil {
			continue
		}
		if fi, err := os.Stat(in); err == nil && os.SameFile(fi, out) {
			return fmt.Errorf("%s: %w %s", name, errOverwrite, in)
		}
	}
	return nil
}

// writeFile writes a file through a temporary file in the same directory
// renamed into place, so that a failed write never leaves a half-written
// file, after checking that name is not one of inputs.
func writeFile(name string, inputs []string, write func(io.Writer) error) error {
	if err := checkOutput(name, inputs); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}
