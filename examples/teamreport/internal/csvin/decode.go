package csvin

import (
	"bytes"
	"io"
	"sync/atomic"
	"unicode/utf16"
	"unicode/utf8"
)

// Encoding is the text encoding a [Reader] found.
type Encoding int

const (
	// UTF8 is UTF-8 without a byte order mark, the zero Encoding.
	UTF8 Encoding = iota
	// UTF8BOM is UTF-8 starting with a byte order mark, as spreadsheet
	// programs write it.
	UTF8BOM
	// UTF16LE and UTF16BE are UTF-16 with a byte order mark, as Excel's
	// "Unicode text" writes it.
	UTF16LE
	UTF16BE
	// Windows1252 is a file whose bytes are not valid UTF-8: each byte that
	// is not part of a valid UTF-8 sequence is read as Windows-1252 (a
	// superset of Latin-1's printable characters), as older CRM exports
	// and Excel on Windows write them.
	Windows1252
)

var encodingNames = [...]string{"UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE", "Windows-1252"}

// String returns the encoding's usual name ("UTF-16LE").
func (e Encoding) String() string {
	if e < 0 || int(e) >= len(encodingNames) {
		return "unknown encoding"
	}
	return encodingNames[e]
}

// cp1252 maps the bytes 0x80–0x9F of Windows-1252 to runes; the other
// bytes ≥ 0xA0 are Latin-1, the rune of the same value. Undefined bytes
// map to U+FFFD.
var cp1252 = [32]rune{
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
	0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0xFFFD,
}

// decoder turns the input into UTF-8 as it streams.
type decoder struct {
	r   io.Reader
	enc Encoding
	// fell is set once a byte was read as Windows-1252; it is atomic
	// because the reader's goroutine sets it while the caller may ask.
	fell atomic.Bool
	in   []byte // raw bytes not yet decoded: in[pos:]
	pos  int
	out  []byte // decoded bytes not yet returned: out[opos:]
	opos int
	eof  bool
	err  error
}

const chunk = 64 << 10

// newDecoder sniffs the byte order mark of r.
func newDecoder(r io.Reader) (*decoder, error) {
	d := &decoder{r: r, in: make([]byte, 0, chunk+4)}
	for len(d.in) < 3 && !d.eof {
		d.fill()
	}
	if d.err != nil {
		return nil, d.err
	}
	switch b := d.in; {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		d.enc, d.pos = UTF8BOM, 3
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		d.enc, d.pos = UTF16LE, 2
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		d.enc, d.pos = UTF16BE, 2
	}
	return d, nil
}

// fill reads more raw bytes, keeping the undecoded tail.
func (d *decoder) fill() {
	if d.pos > 0 {
		n := copy(d.in, d.in[d.pos:])
		d.in, d.pos = d.in[:n], 0
	}
	if cap(d.in)-len(d.in) < 4 {
		d.in = append(make([]byte, 0, 2*cap(d.in)), d.in...)
	}
	n, err := d.r.Read(d.in[len(d.in):cap(d.in)])
	d.in = d.in[:len(d.in)+n]
	if err == io.EOF {
		d.eof = true
	} else if err != nil {
		d.err = err
	}
}

// Read implements io.Reader.
func (d *decoder) Read(p []byte) (int, error) {
	for d.opos == len(d.out) {
		if d.pos == len(d.in) && (d.eof || d.err != nil) {
			if d.err != nil {
				return 0, d.err
			}
			return 0, io.EOF
		}
		if d.pos == len(d.in) || d.needMore() {
			if d.eof || d.err != nil {
				d.decode(true)
				continue
			}
			d.fill()
			continue
		}
		d.decode(d.eof)
	}
	n := copy(p, d.out[d.opos:])
	d.opos += n
	return n, nil
}

// needMore reports whether the raw bytes end inside a character that
// more input may complete.
func (d *decoder) needMore() bool {
	b := d.in[d.pos:]
	switch d.enc {
	case UTF16LE, UTF16BE:
		return len(b) < 4
	}
	return len(b) < utf8.UTFMax && !utf8.FullRune(b)
}

// decode decodes the raw bytes into d.out; final says no more bytes come.
func (d *decoder) decode(final bool) {
	b := d.in[d.pos:]
	d.out, d.opos = d.out[:0], 0
	switch d.enc {
	case UTF16LE, UTF16BE:
		d.decode16(b, final)
		return
	}
	// Keep an incomplete last character for the next round.
	end := len(b)
	if !final {
		for i := max(0, end-utf8.UTFMax+1); i < end; i++ {
			if utf8.RuneStart(b[i]) && !utf8.FullRune(b[i:]) {
				end = i
				break
			}
		}
	}
	if utf8.Valid(b[:end]) {
		d.out = append(d.out, b[:end]...)
		d.pos += end
		return
	}
	for i := 0; i < end; {
		c := b[i]
		if c < utf8.RuneSelf {
			d.out = append(d.out, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:end])
		if r == utf8.RuneError && size <= 1 {
			d.fell.Store(true)
			r = rune(c)
			if c < 0xA0 {
				r = cp1252[c-0x80]
			}
			size = 1
		}
		d.out = utf8.AppendRune(d.out, r)
		i += size
	}
	d.pos += end
}

// decode16 decodes UTF-16 code units, keeping a trailing half pair.
func (d *decoder) decode16(b []byte, final bool) {
	unit := func(i int) uint16 {
		if d.enc == UTF16LE {
			return uint16(b[i]) | uint16(b[i+1])<<8
		}
		return uint16(b[i])<<8 | uint16(b[i+1])
	}
	i := 0
	for ; i+1 < len(b); i += 2 {
		u := rune(unit(i))
		if utf16.IsSurrogate(u) {
			if i+3 < len(b) {
				r := utf16.DecodeRune(u, rune(unit(i+2)))
				if r != utf8.RuneError {
					d.out = utf8.AppendRune(d.out, r)
					i += 2
					continue
				}
			} else if !final {
				break
			}
			u = utf8.RuneError
		}
		d.out = utf8.AppendRune(d.out, u)
	}
	if final && i < len(b) {
		d.out = utf8.AppendRune(d.out, utf8.RuneError) // an odd last byte
		i = len(b)
	}
	d.pos += i
}
