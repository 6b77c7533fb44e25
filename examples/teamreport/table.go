package main

// This file is the CSV machinery shared by the readers in crm.go: binding
// columns by loose header names, streaming rows, and turning fields into
// values or *RowError.

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/salesdev/salesdev/internal/enum"
)

// column is a column a reader looks for in the header.
type column struct {
	// names are the accepted headers, matched loosely; the first is the one
	// error messages name.
	names []string
	// optional columns may be absent; their fields then read as empty.
	optional bool
}

// table is a CSV input being read: its header and the current record.
type table struct {
	name   string
	opts   ReadOptions
	r      *csv.Reader
	header []string             // as written, trimmed, without a byte order mark
	rec    []string             // the current record; reused by the csv.Reader
	rows   int                  // data rows read so far, good or bad
	names  map[string]string    // interned owners, products, accounts, reps
	stages map[string]DealStage // stage texts already looked up
}

// openTable starts reading r, a CSV file called name, and reads its header.
func openTable(r io.Reader, name string, opts *ReadOptions) (*table, error) {
	t := &table{
		name:   name,
		r:      csv.NewReader(r),
		names:  make(map[string]string),
		stages: make(map[string]DealStage),
	}
	if opts != nil {
		t.opts = *opts
	}
	t.r.ReuseRecord = true
	t.r.FieldsPerRecord = -1 // collect checks the count against the header
	header, err := t.r.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	if err != nil {
		return nil, t.readError(err)
	}
	t.header = make([]string, len(header))
	for i, h := range header {
		if i == 0 {
			// Spreadsheet programs start UTF-8 CSV files with a byte order mark.
			h = strings.TrimPrefix(h, "\ufeff")
		}
		t.header[i] = strings.TrimSpace(h)
	}
	return t, nil
}

// bind finds cols in the header and returns, for each, the index of its
// field, or -1 for an absent optional column.
func (t *table) bind(cols []column) ([]int, error) {
	keys := make([]string, len(t.header))
	for i, h := range t.header {
		keys[i] = looseKey(h)
	}
	ix := make([]int, len(cols))
	for c, col := range cols {
		ix[c] = -1
		for _, n := range col.names {
			k := looseKey(n)
			for i, hk := range keys {
				if hk != k {
					continue
				}
				if ix[c] >= 0 {
					return nil, fmt.Errorf("%s: %w column %q (columns %d and %d)",
						t.name, ErrDuplicate, t.header[i], ix[c]+1, i+1)
				}
				ix[c] = i
			}
			if ix[c] >= 0 {
				break // an earlier name wins over its aliases
			}
		}
		if ix[c] < 0 && !col.optional {
			return nil, fmt.Errorf("%s: %w %s", t.name, ErrMissingColumn, quoteNames(col.names))
		}
	}
	return ix, nil
}

// quoteNames returns the names of a column for a message: `"Deal owner"`,
// or `"Deal owner" (or "hubspot_owner_id")` when it has aliases.
func quoteNames(names []string) string {
	s := strconv.Quote(names[0])
	if len(names) > 1 {
		alt := make([]string, len(names)-1)
		for i, n := range names[1:] {
			alt[i] = strconv.Quote(n)
		}
		s += " (or " + strings.Join(alt, ", ") + ")"
	}
	return s
}

// collect reads the data rows of t, turning each into a T with parse, which
// sees the row as t.rec. parse returns keep = false for a row that yields
// nothing, and a *RowError for a bad row.
func collect[T any](t *table, parse func() (v T, keep bool, err error)) ([]T, []RowError, error) {
	var out []T
	var skipped []RowError
	for {
		rec, err := t.r.Read()
		if err == io.EOF {
			return out, skipped, nil
		}
		t.rows++
		if t.opts.Progress != nil && t.rows%progressEvery == 0 {
			fmt.Fprintf(t.opts.Progress, "teamreport: read %d rows from %s\n", t.rows, t.name)
		}
		var v T
		keep := false
		switch {
		case err != nil:
			err = t.readError(err)
		case len(rec) != len(t.header):
			line, col := t.r.FieldPos(0)
			err = &RowError{File: t.name, Line: line, Column: col,
				Err: fmt.Errorf("%w: got %d, want %d", csv.ErrFieldCount, len(rec), len(t.header))}
		default:
			t.rec = rec
			v, keep, err = parse()
		}
		if err != nil {
			re, ok := err.(*RowError)
			if !ok || !t.opts.SkipBad {
				return nil, nil, err
			}
			skipped = append(skipped, *re)
			continue
		}
		if keep {
			out = append(out, v)
		}
	}
}

// readError converts an error from the csv.Reader: a syntax error becomes a
// *RowError, anything else (an I/O error) gets the file name.
func (t *table) readError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &RowError{File: t.name, Line: pe.Line, Column: pe.Column, Err: pe.Err}
	}
	return fmt.Errorf("%s: %w", t.name, err)
}

// fail returns a *RowError for field i of the current record.
func (t *table) fail(i int, err error) *RowError {
	line, col := t.r.FieldPos(i)
	return &RowError{File: t.name, Line: line, Column: col, Field: t.header[i], Value: t.rec[i], Err: err}
}

// value returns field i of the current record without surrounding spaces,
// or "" when i < 0 (an absent optional column).
func (t *table) value(i int) string {
	if i < 0 {
		return ""
	}
	return strings.TrimSpace(t.rec[i])
}

// required returns field i, which must not be empty.
func (t *table) required(i int) (string, error) {
	s := t.value(i)
	if s == "" {
		return "", t.fail(i, ErrMissingValue)
	}
	return s, nil
}

// intern returns s, sharing one copy per distinct value. Fields returned by
// a csv.Reader are slices of the whole line; interning keeps a name once
// instead of keeping every line it appeared on alive.
func (t *table) intern(s string) string {
	if v, ok := t.names[s]; ok {
		return v
	}
	s = strings.Clone(s)
	t.names[s] = s
	return s
}

// text returns field i interned.
func (t *table) text(i int) string { return t.intern(t.value(i)) }

// rep returns field i, a required rep name that must not repeat: seen maps
// the names read so far to their lines.
func (t *table) rep(i int, seen map[string]int) (string, error) {
	s, err := t.required(i)
	if err != nil {
		return "", err
	}
	line, _ := t.r.FieldPos(i)
	if first, ok := seen[s]; ok {
		return "", t.fail(i, fmt.Errorf("%w rep %q (first on line %d)", ErrDuplicate, s, first))
	}
	s = t.intern(s)
	seen[s] = line
	return s, nil
}

// dealText fills the text fields of d from the fields at the given indexes
// (-1 for none); the owner is required.
func (t *table) dealText(d *Deal, id, owner, product, account int) error {
	o, err := t.required(owner)
	if err != nil {
		return err
	}
	d.Owner = t.intern(o)
	d.ID = strings.Clone(t.value(id))
	d.Product = t.text(product)
	d.Account = t.text(account)
	return nil
}

// number returns field i as a finite decimal number. Only digits, a sign, a
// decimal point and an exponent are accepted: no NaN or Inf, no hexadecimal,
// no underscores or thousands separators.
func (t *table) number(i int) (float64, error) {
	s := t.value(i)
	if s == "" {
		return 0, t.fail(i, ErrMissingValue)
	}
	bad := strings.IndexFunc(s, func(r rune) bool {
		return !('0' <= r && r <= '9' || r == '.' || r == '-' || r == '+' || r == 'e' || r == 'E')
	}) >= 0
	v, err := strconv.ParseFloat(s, 64)
	if bad || err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, t.fail(i, fmt.Errorf("%w %q", ErrInvalidNumber, s))
	}
	if v == 0 {
		v = 0 // no negative zero
	}
	return v, nil
}

// amount returns field i as a deal amount, ok = false when it is empty.
func (t *table) amount(i int) (v float64, ok bool, err error) {
	if t.value(i) == "" {
		return 0, false, nil
	}
	if v, err = t.number(i); err != nil {
		return 0, false, err
	}
	if v < 0 {
		return 0, false, t.fail(i, fmt.Errorf("%w %q", ErrNegativeAmount, t.value(i)))
	}
	return v, true, nil
}

// Time layouts accepted by the formats.
var (
	// dateOnly is the Maven pipeline's only layout.
	dateOnly = timeLayouts{layouts: []string{time.DateOnly}}
	// salesforceTimes are Salesforce's Date and DateTime fields; Z0700 is
	// the +0000 offset the Salesforce APIs write.
	salesforceTimes = timeLayouts{layouts: []string{
		time.DateOnly,
		"2006-01-02T15:04:05.999999999Z07:00",
		"2006-01-02T15:04:05.999999999Z0700",
	}}
	// hubspotTimes are the layouts of HubSpot UI and API exports.
	hubspotTimes = timeLayouts{layouts: []string{
		time.DateOnly,
		"2006-01-02 15:04",
		time.DateTime,
		time.RFC3339Nano,
	}, epochMillis: true}
	// activityTimes are the layouts of the activities file.
	activityTimes = timeLayouts{layouts: []string{time.DateOnly, time.RFC3339Nano}}
)

// timeLayouts is the set of time formats a field may be in.
type timeLayouts struct {
	layouts []string
	// epochMillis accepts milliseconds since 1970 written as exactly 13
	// digits (2001-09-09 to 2286-11-20).
	epochMillis bool
}

// date returns field i as a time in UTC, or the zero time when it is empty.
func (t *table) date(i int, tl timeLayouts) (time.Time, error) {
	s := t.value(i)
	if s == "" {
		return time.Time{}, nil
	}
	if tl.epochMillis && len(s) == 13 && strings.Trim(s, "0123456789") == "" {
		ms, err := strconv.ParseInt(s, 10, 64)
		if err == nil {
			return time.UnixMilli(ms).UTC(), nil
		}
	}
	for _, l := range tl.layouts {
		if v, err := time.Parse(l, s); err == nil {
			return v.UTC(), nil
		}
	}
	return time.Time{}, t.fail(i, fmt.Errorf("%w %q", ErrInvalidDate, s))
}

// boolean returns field i as a boolean: true, false, 1 or 0, in any case.
func (t *table) boolean(i int) (bool, error) {
	switch s := t.value(i); {
	case strings.EqualFold(s, "true") || s == "1":
		return true, nil
	case strings.EqualFold(s, "false") || s == "0":
		return false, nil
	case s == "":
		return false, t.fail(i, ErrMissingValue)
	default:
		return false, t.fail(i, fmt.Errorf("%w %q", ErrInvalidBool, s))
	}
}

// stage returns field i looked up, as a loose key, in stages.
func (t *table) stage(i int, stages map[string]DealStage) (DealStage, error) {
	s := t.value(i)
	if st, ok := t.stages[s]; ok {
		return st, nil
	}
	if s == "" {
		return StageUnknown, t.fail(i, ErrMissingValue)
	}
	st, ok := stages[looseKey(s)]
	if !ok {
		return StageUnknown, t.fail(i, fmt.Errorf("%w %q", ErrUnknownStage, s))
	}
	t.stages[strings.Clone(s)] = st // only known stages, so the cache stays small
	return st, nil
}

// kind returns field i as an activity kind.
func (t *table) kind(i int) (ActivityKind, error) {
	s := t.value(i)
	if s == "" {
		return ActivityUnknown, t.fail(i, ErrMissingValue)
	}
	for k := ActivityCall; int(k) < len(activityNames); k++ {
		if strings.EqualFold(s, activityNames[k]) {
			return k, nil
		}
	}
	return ActivityUnknown, t.fail(i, fmt.Errorf("%w %q", ErrUnknownKind, s))
}

// dayBefore reports whether a falls on an earlier calendar day than b,
// each read in its own location; false when either is zero. A deal created
// at 10:00 and closed the same day (a Salesforce CloseDate has no time) is
// not closed before it was created.
func dayBefore(a, b time.Time) bool {
	if a.IsZero() || b.IsZero() {
		return false
	}
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay < by || ay == by && (am < bm || am == bm && ad < bd)
}

// inconsistent returns the error for field i contradicting field other.
func (t *table) inconsistent(i, other int) *RowError {
	return t.fail(i, fmt.Errorf("%w with %s %q", ErrInconsistent, t.header[other], t.value(other)))
}

// looseKey returns s lower-cased, without spaces, underscores and hyphens,
// so that "Close Date", "close_date" and "closedate" compare equal.
func looseKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '_' || r == '-' || unicode.IsSpace(r) || r == '\ufeff':
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// enumString returns names[v], or a diagnostic like time.Month's
// "%!Month(13)" when v is out of range.
func enumString(names []string, typ string, v int) string { return enum.String(typ, names, v) }

// enumMarshal returns names[v] as text, or an error when v is out of range.
func enumMarshal(names []string, typ string, v int) ([]byte, error) {
	if !enum.Named(names, v) {
		return nil, fmt.Errorf("invalid %s %d", typ, v)
	}
	return []byte(names[v]), nil
}

// enumParse returns the index of s in names, ignoring case.
func enumParse(names []string, typ, s string) (int, error) {
	if v, ok := enum.Parse[int](names, []byte(s)); ok {
		return v, nil
	}
	return 0, fmt.Errorf("unknown %s %q (want %s)", typ, s, strings.Join(names, ", "))
}
