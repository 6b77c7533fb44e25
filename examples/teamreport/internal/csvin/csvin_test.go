package csvin

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// readAll reads every row of in, returning the header, the rows and the
// row errors, and the error that ended the reading.
func readAll(t *testing.T, in []byte) (header []string, rows [][]string, bad []*RowError, err error) {
	t.Helper()
	rd, err := NewReader(bytes.NewReader(in), "f.csv", nil)
	if err != nil {
		return nil, nil, nil, err
	}
	header = rd.Header()
	for {
		ok, err := rd.Next()
		var re *RowError
		switch {
		case errors.As(err, &re):
			bad = append(bad, re)
			continue
		case err != nil:
			return header, rows, bad, err
		case !ok:
			return header, rows, bad, nil
		}
		row := make([]string, len(header))
		for i := range row {
			row[i] = rd.Field(i)
		}
		rows = append(rows, row)
	}
}

func utf16Bytes(s string, big bool) []byte {
	var b bytes.Buffer
	order := binary.ByteOrder(binary.LittleEndian)
	b.Write([]byte{0xFF, 0xFE})
	if big {
		order = binary.BigEndian
		b.Reset()
		b.Write([]byte{0xFE, 0xFF})
	}
	for _, u := range utf16.Encode([]rune(s)) {
		binary.Write(&b, order, u)
	}
	return b.Bytes()
}

// TestEncodings reads the same table in every encoding a CRM or a
// spreadsheet writes.
func TestEncodings(t *testing.T) {
	const text = "\"Owner\",\"Stage\"\nJosé Núñez,Cerrada ganada\nZoë 🎯,Won\n"
	latin1 := []byte("\"Owner\",\"Stage\"\nJos\xe9 N\xfa\xf1ez,Cerrada ganada\nZo\xeb \x80,Won\n") // 0x80 is € in Windows-1252
	tests := []struct {
		name  string
		in    []byte
		enc   Encoding
		first string
		last  string
	}{
		{"UTF-8", []byte(text), UTF8, "José Núñez", "Zoë 🎯"},
		{"UTF-8 BOM, quoted header", append([]byte("\xef\xbb\xbf"), text...), UTF8BOM, "José Núñez", "Zoë 🎯"},
		{"UTF-16LE", utf16Bytes(text, false), UTF16LE, "José Núñez", "Zoë 🎯"},
		{"UTF-16BE", utf16Bytes(text, true), UTF16BE, "José Núñez", "Zoë 🎯"},
		{"Windows-1252", latin1, Windows1252, "José Núñez", "Zoë €"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// One byte at a time, so that every character straddles a read.
			rd, err := NewReader(iotest.OneByteReader(bytes.NewReader(tt.in)), "f.csv", nil)
			if err != nil {
				t.Fatal(err)
			}
			if h := rd.Header(); len(h) != 2 || h[0] != "Owner" || h[1] != "Stage" {
				t.Fatalf("header = %q, want [Owner Stage]", h)
			}
			var owners []string
			for {
				ok, err := rd.Next()
				if err != nil {
					t.Fatal(err)
				}
				if !ok {
					break
				}
				owners = append(owners, rd.Field(0))
			}
			if len(owners) != 2 || owners[0] != tt.first || owners[1] != tt.last || rd.Encoding() != tt.enc {
				t.Errorf("owners = %q in %v, want %q, %q in %v", owners, rd.Encoding(), tt.first, tt.last, tt.enc)
			}
		})
	}
}

func TestDelimiters(t *testing.T) {
	for _, sep := range []string{",", ";", "\t"} {
		in := strings.ReplaceAll("Owner,Amount,\"Note, with comma; and semicolon\"\nAnn,\"1.234,50\",x\n", ",", sep)
		in = strings.Replace(in, "Note"+sep+" with comma", "Note, with comma", 1)
		in = strings.Replace(in, "\"1.234"+sep+"50\"", "\"1.234,50\"", 1)
		h, rows, bad, err := readAll(t, []byte(in))
		if err != nil || len(bad) > 0 || len(h) != 3 || len(rows) != 1 || rows[0][1] != "1.234,50" {
			t.Errorf("separator %q: header %q rows %q bad %v err %v", sep, h, rows, bad, err)
		}
	}
}

// A column the caller needs must be unambiguous; others may repeat, as
// HubSpot's two "Associated Company" columns do.
func TestColumns(t *testing.T) {
	rd, err := NewReader(strings.NewReader("Deal owner,Associated Company,Associated Company,Owner.Name,Close_Date\n"), "f.csv", nil)
	if err != nil {
		t.Fatal(err)
	}
	if i, err := rd.Column("Owner Name"); i != 3 || err != nil {
		t.Errorf("Column(Owner Name) = %d, %v; want 3 (Owner.Name)", i, err)
	}
	if i, err := rd.Column("nope", "close date"); i != 4 || err != nil {
		t.Errorf("Column(nope, close date) = %d, %v; want 4", i, err)
	}
	if _, err := rd.Column("Associated Company"); !errors.Is(err, ErrAmbiguous) {
		t.Errorf("Column(Associated Company) error = %v, want ErrAmbiguous", err)
	}
	if _, err := rd.MustColumn("Amount"); !errors.Is(err, ErrMissingColumn) {
		t.Errorf("MustColumn(Amount) error = %v, want ErrMissingColumn", err)
	}
}

// An unterminated quote swallows the rows after it: that is never one
// skippable row. A bad row on one line is.
func TestRowErrors(t *testing.T) {
	in := "a,b\n1,2\n3\n4,\"x\"y\n5,\"unterminated\n6,7\n8,9\n"
	_, rows, bad, err := readAll(t, []byte(in))
	if !errors.Is(err, ErrMultiline) || !strings.Contains(err.Error(), "f.csv:5:") {
		t.Errorf("error = %v, want ErrMultiline at line 5", err)
	}
	if len(rows) != 1 || len(bad) != 2 || bad[0].Line != 3 || bad[1].Line != 4 {
		t.Errorf("rows %q, bad %v; want 1 row and bad lines 3 and 4", rows, bad)
	}
	// A quoted newline inside a field is fine.
	_, rows, bad, err = readAll(t, []byte("a,b\n\"multi\nline\",2\n3,4\n"))
	if err != nil || len(bad) != 0 || len(rows) != 2 {
		t.Errorf("quoted newline: rows %q bad %v err %v", rows, bad, err)
	}
	// A multi-line record with the wrong number of fields ends the read.
	_, _, _, err = readAll(t, []byte("a,b,c\n1,\"x\ny\"\n"))
	if !errors.Is(err, ErrMultiline) {
		t.Errorf("multi-line short record: error %v, want ErrMultiline", err)
	}
	if _, err := NewReader(strings.NewReader(""), "f.csv", nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty input: %v, want ErrEmpty", err)
	}
}

func TestParseDay(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone data")
	}
	tests := []struct {
		in   string
		opts DateOptions
		want string
		err  error
	}{
		{"2023-02-07", DateOptions{}, "2023-02-07", nil},
		{"2023-02-07 20:47:49", DateOptions{}, "2023-02-07", nil},
		{"2023-02-07 20:47", DateOptions{}, "2023-02-07", nil},
		{"2023-02-07T20:47:49.000-0800", DateOptions{}, "2023-02-07", nil}, // as the CRM shows it
		{"2023-02-07T20:47:49Z", DateOptions{}, "2023-02-07", nil},
		{"2023-02-08T01:47:49Z", DateOptions{Location: ny}, "2023-02-07", nil}, // evening in New York
		{"2023-02-07T20:47:49-05:00", DateOptions{Location: ny}, "2023-02-07", nil},
		{"2/7/2023", DateOptions{}, "2023-02-07", nil},
		{"2/7/2023", DateOptions{DayFirst: true}, "2023-07-02", nil},
		{"12/31/2023 11:59 PM", DateOptions{}, "2023-12-31", nil},
		{"31.12.2023", DateOptions{}, "2023-12-31", nil},
		{"1675803000000", DateOptions{}, "2023-02-07", nil},
		{"9999-12-31", DateOptions{}, "", ErrDateRange},
		{"2023-02-30", DateOptions{}, "", ErrDate},
		{"13/1/2023", DateOptions{}, "", ErrDate},
		{"2023-02-07 25:00", DateOptions{}, "", ErrDate},
		{"yesterday", DateOptions{}, "", ErrDate},
		{"20230207", DateOptions{}, "", ErrDate},
	}
	for _, tt := range tests {
		got, err := ParseDay(tt.in, tt.opts)
		if !errors.Is(err, tt.err) || err == nil && got.String() != tt.want {
			t.Errorf("ParseDay(%q, %+v) = %v, %v; want %s, %v", tt.in, tt.opts, got, err, tt.want, tt.err)
		}
	}
	// Days agree with the time package across the whole range.
	for d := minDay; d <= maxDay; d += 97 {
		if got := DayOf(d.Time()); got != d {
			t.Fatalf("DayOf(%v) = %d, want %d", d.Time(), got, d)
		}
		if got, err := ParseDay(d.String(), DateOptions{}); got != d || err != nil {
			t.Fatalf("ParseDay(%s) = %d, %v; want %d", d, got, err, d)
		}
	}
}

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in    string
		cents int64
		cur   string
		ok    bool
		err   error
	}{
		{"", 0, "", false, nil},
		{"1054", 105400, "", true, nil},
		{"588.50", 58850, "", true, nil},
		{"1.005", 101, "", true, nil}, // a single dot is a decimal point; rounds as written
		{"0.005", 1, "", true, nil},   // rounds half away from zero, as written
		{"$1,234.56", 123456, "$", true, nil},
		{"1.234,56 €", 123456, "EUR", true, nil},
		{"EUR 1 234,56", 123456, "EUR", true, nil},
		{"1'234.5", 123450, "", true, nil},
		{"1,234", 123400, "", true, nil},
		{"12,5", 1250, "", true, nil},
		{"1.5E+6", 150000000, "", true, nil},
		{"1e17", 0, "", false, ErrAmountRange},
		{"-5", 0, "", false, ErrAmountRange},
		{"(5.00)", 0, "", false, ErrAmountRange},
		{"1x", 0, "", false, ErrAmount},
		{"12.34.5", 0, "", false, ErrAmount},
		{"abc", 0, "", false, ErrAmount},
		{"NaN", 0, "", false, ErrAmount},
	}
	for _, tt := range tests {
		c, cur, ok, err := ParseAmount(tt.in)
		if c != tt.cents || cur != tt.cur || ok != tt.ok || !errors.Is(err, tt.err) {
			t.Errorf("ParseAmount(%q) = %d, %q, %v, %v; want %d, %q, %v, %v", tt.in, c, cur, ok, err, tt.cents, tt.cur, tt.ok, tt.err)
		}
	}
}

func TestParseBool(t *testing.T) {
	for in, want := range map[string]bool{"true": true, "FALSE": false, "1": true, "0": false, "Yes": true, "no": false, "sí": true} {
		if got, err := ParseBool(in); got != want || err != nil {
			t.Errorf("ParseBool(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseBool("maybe"); !errors.Is(err, ErrBool) {
		t.Errorf("ParseBool(maybe) error = %v", err)
	}
}

func TestClean(t *testing.T) {
	if got := Clean(" Ann\x1b[31m Lee\u202e\n"); got != "Ann\uFFFD[31m Lee\uFFFD" {
		t.Errorf("Clean = %q", got)
	}
	if got := Clean("José"); got != "José" {
		t.Errorf("Clean(José) = %q", got)
	}
}

// FuzzReader: any bytes read to the end without a panic, every row either
// read or an error, every field valid UTF-8.
func FuzzReader(f *testing.F) {
	f.Add([]byte("a,b\n1,2\n"))                     // plain
	f.Add([]byte("\xef\xbb\xbf\"a\";\"b\"\n1;2\n")) // BOM, quoted header, semicolons
	f.Add(utf16Bytes("a\tb\n1\t2\n", false))        // UTF-16, tabs
	f.Add([]byte("a,b\n\"x\n1,2\n"))                // unterminated quote
	f.Add([]byte("a,b\nJos\xe9,2\n\xff\xfe\x00"))   // Latin-1, stray bytes
	f.Fuzz(func(t *testing.T, in []byte) {
		rd, err := NewReader(bytes.NewReader(in), "f.csv", nil)
		if err != nil {
			return
		}
		for n := 0; ; n++ {
			ok, err := rd.Next()
			if err != nil {
				var re *RowError
				if errors.As(err, &re) {
					continue
				}
				return
			}
			if !ok {
				if rd.Rows != n {
					// Rows counts good and bad rows alike.
				}
				return
			}
			for i := range rd.Header() {
				if !utf8.ValidString(rd.Field(i)) {
					t.Fatalf("field %d = %q, not UTF-8", i, rd.Field(i))
				}
			}
		}
	})
}

// FuzzParseDay: no panic; a day is in range and prints as a date that
// reads back to itself.
func FuzzParseDay(f *testing.F) {
	for _, s := range []string{"2023-02-07", "2023-02-07T20:47:49.000+0000", "2/7/2023 3:04 PM", "31.12.2023", "1675803000000", "9999-01-01"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, dayFirst bool) {
		d, err := ParseDay(s, DateOptions{DayFirst: dayFirst})
		if err != nil {
			return
		}
		if d < minDay || d > maxDay {
			t.Fatalf("ParseDay(%q) = %d, out of range", s, d)
		}
		if back, err := ParseDay(d.String(), DateOptions{}); err != nil || back != d {
			t.Fatalf("ParseDay(%q) = %v, which reads back as %v, %v", s, d, back, err)
		}
	})
}

// FuzzParseAmount: no panic; an amount is within range and plain cents
// read back to themselves.
func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"1054", "$1,234.56", "1.234,56 €", "1e17", "-5", "EUR 1 234,56", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, _, ok, err := ParseAmount(s)
		if err != nil || !ok {
			return
		}
		if c < 0 || c > MaxAmount*100 {
			t.Fatalf("ParseAmount(%q) = %d, out of range", s, c)
		}
		plain := strings.TrimSuffix(strings.TrimRight(fmtCents(c), "0"), ".")
		if back, _, _, err := ParseAmount(plain); err != nil || back != c {
			t.Fatalf("ParseAmount(%q) = %d; %q reads back as %d, %v", s, c, plain, back, err)
		}
	})
}

func fmtCents(c int64) string {
	return strings.TrimSpace(strings.Join([]string{itoa(c / 100), ".", pad2(c % 100)}, ""))
}

func itoa(v int64) string {
	if v == 0 {
		return "0"
	}
	var b []byte
	for ; v > 0; v /= 10 {
		b = append([]byte{byte('0' + v%10)}, b...)
	}
	return string(b)
}

func pad2(v int64) string { return string([]byte{byte('0' + v/10), byte('0' + v%10)}) }

var _ = io.EOF
