package main

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/salesdev/salesdev/examples/teamreport/internal/csvin"
)

// This file reads the report's side files: the roster, quotas and the
// desire survey, small files with one row per rep. The CRM exports (deals
// and activities) stream through package crm into the tally (tally.go).

// RowError is a row that cannot be used, with its file, line and column.
type RowError = csvin.RowError

// Rep is one member of the sales team, from the roster.
type Rep struct {
	// Name is the rep's name as the pipeline's owner column spells it.
	Name string
	// Manager and Office may be empty.
	Manager, Office string
	// Started is the rep's start date, from the roster's optional
	// start_date column; zero when the roster does not say.
	Started time.Time
}

// Quota is a rep's monthly quota, in the currency of the deal amounts.
type Quota struct {
	Rep string
	// Monthly is finite and > 0.
	Monthly float64
}

// Desire is a rep's answer to the desire-to-develop survey. A rep with no
// Desire has not answered; that is unknown, not low.
type Desire struct {
	Rep string
	// Score is on the survey's 1 to 5 scale, inclusive.
	Score float64
}

// sideFiles are the small per-rep files, read whole.
type sideFiles struct {
	Reps    []Rep
	Quotas  []Quota
	Desires []Desire
}

// Errors of the side-file readers, for errors.Is.
var (
	// ErrDuplicate: a rep twice in a file that allows one row per rep.
	ErrDuplicate = errors.New("duplicate")
	// ErrOutOfRange: a quota or survey score outside its range.
	ErrOutOfRange = errors.New("out of range")
	// ErrInvalidNumber: a field is not a finite decimal number.
	ErrInvalidNumber = errors.New("invalid number")
)

// perRep reads a one-row-per-rep file: cols are the columns (each a list
// of accepted names; the first must be present, the rest may be absent
// when optional says so), and row reads one row given its fields'
// indexes. Rep names must be unique: seen, when not nil, says whether a
// rep was seen on an earlier line (and which), and otherwise records it;
// nil keeps a map of the file's reps.
func perRep(rd *csvin.Reader, cols [][]string, optional []bool, bad func(*RowError) error, seen func(rep string, line int) (int, bool, error), row func(ix []int, rep string) error) error {
	ix := make([]int, len(cols))
	for i, c := range cols {
		var err error
		if optional[i] {
			ix[i], err = rd.Column(c...)
		} else {
			ix[i], err = rd.MustColumn(c...)
		}
		if err != nil {
			return err
		}
	}
	if seen == nil {
		lines := map[string]int{}
		seen = func(rep string, line int) (int, bool, error) {
			if first, dup := lines[rep]; dup {
				return first, true, nil
			}
			lines[rep] = line
			return 0, false, nil
		}
	}
	for {
		ok, err := rd.Next()
		if err == nil && !ok {
			return nil
		}
		if err == nil {
			rep := csvin.Clean(rd.Field(ix[0]))
			if rep == "" {
				err = rd.Fail(ix[0], csvin.ErrMissingValue)
			} else if first, dup, serr := seen(rep, rd.Line()); serr != nil {
				return serr
			} else if dup {
				err = rd.Fail(ix[0], fmt.Errorf("%w rep %q (first on line %d)", ErrDuplicate, rep, first))
			} else {
				err = row(ix, rep)
			}
		}
		if err == nil {
			continue
		}
		var re *RowError
		if !errors.As(err, &re) || bad == nil {
			return err
		}
		if err := bad(re); err != nil {
			return err
		}
	}
}

// readRoster reads the team roster, sales_teams.csv:
//
//	sales_agent,manager,regional_office[,start_date]
//
// The rep's name (sales_agent, or rep) is required and must be unique;
// manager and regional_office may be empty or absent. start_date (or
// hire_date) gives the rep's start date.
func readRoster(rd *csvin.Reader, bad func(*RowError) error, dates csvin.DateOptions, t *tally) ([]Rep, error) {
	var out []Rep
	// The roster's reps are the tally's first groups, in roster order;
	// interning them is the duplicate check.
	var lines []int
	seen := func(rep string, line int) (int, bool, error) {
		g, err := t.intern(rep, false)
		switch {
		case err != nil:
			return 0, false, err
		case int(g) < len(lines):
			return lines[g], true, nil
		}
		lines = append(lines, line)
		return 0, false, nil
	}
	err := perRep(rd, [][]string{{"sales_agent", "rep"}, {"manager"}, {"regional_office", "office"}, {"start_date", "hire_date"}},
		[]bool{false, true, true, true}, bad, seen, func(ix []int, rep string) error {
			r := Rep{Name: rep, Manager: csvin.Clean(rd.Field(ix[1])), Office: csvin.Clean(rd.Field(ix[2]))}
			if s := rd.Field(ix[3]); s != "" {
				d, err := csvin.ParseDay(s, dates)
				if err != nil {
					return rd.Fail(ix[3], err)
				}
				r.Started = d.Time()
			}
			if len(out) == cap(out) {
				// Double, where append grows a large slice by a quarter:
				// a roster of 40,000 reps is copied about twice, not five
				// times.
				out = slices.Grow(out, max(len(out), 64))
			}
			out = append(out, r)
			return nil
		})
	return out, err
}

// readQuotas reads monthly quotas, rep,monthly_quota; a quota is a
// finite number > 0, in the deals' currency.
func readQuotas(rd *csvin.Reader, bad func(*RowError) error) ([]Quota, error) {
	var out []Quota
	err := perRep(rd, [][]string{{"rep", "sales_agent"}, {"monthly_quota"}}, []bool{false, false}, bad, nil, func(ix []int, rep string) error {
		c, _, ok, err := csvin.ParseAmount(rd.Field(ix[1]))
		switch {
		case err != nil:
			return rd.Fail(ix[1], fmt.Errorf("%w: %w", ErrInvalidNumber, err))
		case !ok:
			return rd.Fail(ix[1], csvin.ErrMissingValue)
		case c == 0:
			return rd.Fail(ix[1], fmt.Errorf("%w %q (want a quota > 0)", ErrOutOfRange, rd.Field(ix[1])))
		}
		out = append(out, Quota{Rep: rep, Monthly: float64(c) / 100})
		return nil
	})
	return out, err
}

// readDesires reads the desire survey, rep,desire, scores from 1 to 5
// (decimals allowed); an empty score means the rep did not answer.
func readDesires(rd *csvin.Reader, bad func(*RowError) error) ([]Desire, error) {
	var out []Desire
	err := perRep(rd, [][]string{{"rep", "sales_agent"}, {"desire"}}, []bool{false, false}, bad, nil, func(ix []int, rep string) error {
		s := rd.Field(ix[1])
		if s == "" {
			return nil
		}
		v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
		if err != nil || strings.Trim(s, "0123456789.,") != "" {
			return rd.Fail(ix[1], fmt.Errorf("%w %q", ErrInvalidNumber, s))
		}
		if !(v >= 1 && v <= 5) {
			return rd.Fail(ix[1], fmt.Errorf("%w %q (want 1 to 5)", ErrOutOfRange, s))
		}
		out = append(out, Desire{Rep: rep, Score: v})
		return nil
	})
	return out, err
}
