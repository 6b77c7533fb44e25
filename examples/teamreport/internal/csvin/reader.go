// Package csvin reads the CSV files that spreadsheets and CRMs export, as
// they really are: in UTF-8 with or without a byte order mark, UTF-16, or
// Windows-1252; separated by commas, semicolons or tabs; with quoted
// headers, duplicate column names and stray spaces. It streams rows one at
// a time and turns every problem into an error that names the file, line
// and column. It knows nothing of CRMs: see package crm for that.
//
// Its parsers of fields — [ParseDay], [ParseAmount], [ParseBool] — accept
// the shapes those exports write dates, amounts and flags in.
package csvin

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// Errors the reader wraps, for [errors.Is].
var (
	// ErrEmpty: the input has no header line.
	ErrEmpty = errors.New("empty input")
	// ErrMissingColumn: a column the caller needs is not in the header.
	ErrMissingColumn = errors.New("missing column")
	// ErrAmbiguous: two columns of the header match a column the caller
	// needs.
	ErrAmbiguous = errors.New("ambiguous column")
	// ErrMissingValue: a required field is empty.
	ErrMissingValue = errors.New("missing value")
	// ErrMultiline: a CSV syntax error, or a wrong number of fields, in a
	// record that spans several lines: most often an unterminated quote
	// that swallowed the rows after it. It is never a skippable row error,
	// because the rows it swallowed cannot be told apart.
	ErrMultiline = errors.New("malformed record over several lines (an unterminated quote?)")
)

// A RowError is a row that cannot be used: the reader returns it for a
// CSV syntax error confined to one line or a wrong number of fields, and
// [Reader.Fail] makes one for a bad field. A caller that skips bad rows
// skips exactly the row it names.
type RowError struct {
	File string
	// Line and Column locate the field (or the row), 1-based, Column in
	// bytes, as in [csv.ParseError].
	Line, Column int
	// Field is the column's header, empty when the whole row is wrong.
	Field string
	// Value is the field's raw text.
	Value string
	Err   error
}

// Error returns `file:line:col: field "Amount": invalid amount "12x"`.
// Control characters in the field name are escaped, so that the message
// is safe to print on a terminal.
func (e *RowError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Column, e.Err)
	}
	return fmt.Sprintf("%s:%d:%d: field %s: %v", e.File, e.Line, e.Column, strconv.Quote(e.Field), e.Err)
}

// Unwrap returns e.Err.
func (e *RowError) Unwrap() error { return e.Err }

// A Reader reads a CSV export row by row. Create one with [NewReader].
type Reader struct {
	name     string
	dec      *decoder
	cr       *csv.Reader
	ahead    *ahead
	header   []string
	keys     []string
	rec      []string
	pos      []int // line and column of each field of rec
	unique   int   // the column checked for repeated values, or -1
	repeated bool  // whether rec's unique value was seen before
	set      idSet // the hashes of the unique column's values
	seed     maphash.Seed
	comma    rune
	line     int // first line of the current record
	progress func(rows int)
	// Rows counts the data rows read so far, good or bad.
	Rows int
}

// Options configures a Reader; a nil *Options detects everything.
type Options struct {
	// Comma is the field separator; 0 detects comma, semicolon or tab
	// from the header line.
	Comma rune
	// Progress, if not nil, is called after every 100,000th row.
	Progress func(rows int)
}

// NewReader starts reading r, a file called name (for messages), and
// reads its header. The header's fields are trimmed of spaces.
func NewReader(r io.Reader, name string, opts *Options) (*Reader, error) {
	dec, err := newDecoder(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	br := bufio.NewReaderSize(dec, chunk)
	rd := &Reader{name: name, dec: dec, unique: -1, seed: maphash.MakeSeed()}
	if opts != nil {
		rd.comma, rd.progress = opts.Comma, opts.Progress
	}
	if rd.comma == 0 {
		rd.comma = detectComma(br)
	}
	rd.cr = csv.NewReader(br)
	rd.cr.Comma = rd.comma
	rd.cr.ReuseRecord = true
	rd.cr.FieldsPerRecord = -1
	header, err := rd.cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s:%d:%d: header: %w", name, pe.Line, pe.Column, pe.Err)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	rd.header = make([]string, len(header))
	rd.keys = make([]string, len(header))
	for i, h := range header {
		rd.header[i] = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		rd.keys[i] = Key(rd.header[i])
	}
	return rd, nil
}

// detectComma peeks at the first line and returns the separator it uses
// most outside quotes: comma, semicolon or tab; comma when none.
func detectComma(br *bufio.Reader) rune {
	b, _ := br.Peek(chunk)
	var n [3]int
	quoted := false
	for _, c := range b {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n':
			goto done
		case c == ',':
			n[0]++
		case c == ';':
			n[1]++
		case c == '\t':
			n[2]++
		}
	}
done:
	switch {
	case n[1] > n[0] && n[1] >= n[2]:
		return ';'
	case n[2] > n[0] && n[2] > n[1]:
		return '\t'
	}
	return ','
}

// Name returns the file name given to NewReader.
func (rd *Reader) Name() string { return rd.name }

// Header returns the header's fields, trimmed. The caller must not modify
// it.
func (rd *Reader) Header() []string { return rd.header }

// Encoding returns the encoding read so far: [Windows1252] once a byte
// that is not valid UTF-8 has been read.
func (rd *Reader) Encoding() Encoding {
	if rd.dec.fell.Load() {
		return Windows1252
	}
	return rd.dec.enc
}

// Comma returns the field separator in use.
func (rd *Reader) Comma() rune { return rd.comma }

// Key returns s in the loose form headers are matched in: lower-case,
// without spaces, punctuation or symbols, so that "Close Date",
// "close_date", "CloseDate" and "Owner.Name"/"Owner Name" match.
func Key(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Column returns the index of the first of names (matched by [Key]) that
// the header has, or -1 when it has none. When the name found appears
// twice in the header, the error wraps [ErrAmbiguous]: a column that is
// not asked for may appear any number of times.
func (rd *Reader) Column(names ...string) (int, error) {
	for _, n := range names {
		k, at := Key(n), -1
		for i, hk := range rd.keys {
			if hk != k {
				continue
			}
			if at >= 0 {
				return -1, fmt.Errorf("%s: %w %q (columns %d and %d)", rd.name, ErrAmbiguous, rd.header[i], at+1, i+1)
			}
			at = i
		}
		if at >= 0 {
			return at, nil
		}
	}
	return -1, nil
}

// MustColumn is Column for a column that must be present: it returns an
// error wrapping [ErrMissingColumn] when none of names is.
func (rd *Reader) MustColumn(names ...string) (int, error) {
	i, err := rd.Column(names...)
	if err == nil && i < 0 {
		q := make([]string, len(names))
		for j, n := range names {
			q[j] = strconv.Quote(n)
		}
		err = fmt.Errorf("%s: %w %s", rd.name, ErrMissingColumn, strings.Join(q, " or "))
	}
	return i, err
}

// Next reads the next row. It returns false at the end of the input or on
// an error. A *RowError concerns that one row, and the caller may go on
// with the next; any other error (I/O, or [ErrMultiline]) ends the
// reading.
func (rd *Reader) Next() (bool, error) {
	if rd.ahead == nil {
		rd.ahead = startAhead(rd.cr)
		if rd.unique >= 0 {
			rd.ahead.onBatch = rd.markRepeats
		}
	}
	rec, pos, seen, err, end := rd.ahead.read()
	if end == io.EOF {
		rd.Close()
		return false, nil
	}
	if end != nil {
		rd.Close()
		return false, fmt.Errorf("%s: %w", rd.name, end)
	}
	rd.Rows++
	if rd.progress != nil && rd.Rows%100_000 == 0 {
		rd.progress(rd.Rows)
	}
	if err != nil {
		pe := err.(*csv.ParseError)
		rd.line = pe.StartLine
		if pe.StartLine != pe.Line {
			rd.Close()
			return false, fmt.Errorf("%s:%d: %w: %v at line %d, column %d", rd.name, pe.StartLine, ErrMultiline, pe.Err, pe.Line, pe.Column)
		}
		return false, &RowError{File: rd.name, Line: pe.Line, Column: pe.Column, Err: pe.Err}
	}
	rd.rec, rd.pos, rd.repeated = rec, pos, seen
	rd.line = pos[0]
	if len(rec) != len(rd.header) {
		for _, f := range rec {
			if strings.ContainsAny(f, "\n\r") {
				rd.Close()
				return false, fmt.Errorf("%s:%d: %w: %d fields, want %d", rd.name, rd.line, ErrMultiline, len(rec), len(rd.header))
			}
		}
		return false, &RowError{File: rd.name, Line: rd.line, Column: 1,
			Err: fmt.Errorf("%w: got %d, want %d", csv.ErrFieldCount, len(rec), len(rd.header))}
	}
	return true, nil
}

// Close stops reading ahead. Next closes the reader itself at the end of
// the input or on an error that ends the reading; call Close when you stop
// reading before that. Close may be called more than once.
func (rd *Reader) Close() {
	if rd.ahead != nil {
		rd.ahead.close()
	}
}

// markRepeats sets the seen flags of a batch's rows from their unique
// values: a batch at a time, so that the set's cache misses for
// different rows overlap instead of each stalling the row it belongs to.
func (rd *Reader) markRepeats(b *batch) {
	n := len(rd.header)
	b.seen = b.seen[:0]
	for i := range b.rows() {
		dup := false
		if lo, hi := b.off[i], b.off[i+1]; b.errs[i] == nil && hi-lo == n {
			if v := strings.TrimSpace(b.fields[lo+rd.unique]); v != "" {
				dup = rd.set.add(maphash.String(rd.seed, v))
			}
		}
		b.seen = append(b.seen, dup)
	}
}

// Unique asks the reader to check the values of column i for repeats:
// [Reader.Repeated] then reports, for each row, whether a row before it
// (with the right number of fields) had the same value there. It keeps an
// 8-byte hash per distinct value, so two values share a hash with a
// chance of about n²/2⁶⁵ (1 in 10¹⁰ for 2M rows). Call it before the
// first Next; later calls have no effect.
func (rd *Reader) Unique(i int) {
	if rd.ahead == nil && i >= 0 && i < len(rd.header) {
		rd.unique = i
	}
}

// Repeated reports whether the current row's value in the [Reader.Unique]
// column, not blank, appeared in an earlier row.
func (rd *Reader) Repeated() bool { return rd.repeated }

// Line returns the line the current row starts on.
func (rd *Reader) Line() int { return rd.line }

// Field returns field i of the current row without surrounding spaces, or
// "" for i < 0 (an absent optional column). The string shares memory with
// the row and is only valid until the next call to Next: clone what you
// keep.
func (rd *Reader) Field(i int) string {
	if i < 0 {
		return ""
	}
	f := rd.rec[i]
	if f == "" || f[0] > ' ' && f[len(f)-1] > ' ' && f[0] < 0x80 && f[len(f)-1] < 0x80 {
		return f // nothing to trim: most fields
	}
	return strings.TrimSpace(f)
}

// Fail returns a *RowError for field i of the current row (the whole row
// when i < 0).
func (rd *Reader) Fail(i int, err error) *RowError {
	if i < 0 {
		return &RowError{File: rd.name, Line: rd.line, Column: 1, Err: err}
	}
	line, col := rd.pos[2*i], rd.pos[2*i+1]
	return &RowError{File: rd.name, Line: line, Column: col, Field: rd.header[i], Value: rd.rec[i], Err: err}
}
