package csvin

import (
	"encoding/csv"
	"io"
)

// The rows are parsed one batch ahead of the caller, on a goroutine of
// their own: CSV parsing and the caller's work on each row then share the
// two cores of a small machine, which is what keeps a whole report within
// about twice the time of a bare encoding/csv pass. The batches are
// recycled, so reading ahead allocates nothing per row beyond what
// encoding/csv does.

// aheadRows is how many rows a batch holds.
const aheadRows = 512

// batch is rows parsed ahead: row i's fields are fields[off[i]:off[i+1]],
// and field j's line and column are pos[2j], pos[2j+1].
type batch struct {
	fields []string
	pos    []int
	off    []int
	errs   []error // per row: a *csv.ParseError, or nil
	seen   []bool  // per row: whether its unique value was seen before (set by the reader)
	end    error   // after the rows: io.EOF or the I/O error that ended the input
}

func (b *batch) reset() {
	b.fields, b.pos, b.off, b.errs, b.end = b.fields[:0], b.pos[:0], append(b.off[:0], 0), b.errs[:0], nil
}

// rows returns how many rows b holds.
func (b *batch) rows() int { return len(b.errs) }

// ahead parses cr's records into batches.
type ahead struct {
	full chan *batch
	free chan *batch
	done chan struct{}
	cur  *batch
	next int // the next row of cur
	// onBatch, if not nil, sees each batch before its rows are read.
	onBatch func(*batch)
}

// startAhead starts parsing cr's records on a goroutine.
func startAhead(cr *csv.Reader) *ahead {
	a := &ahead{full: make(chan *batch, 2), free: make(chan *batch, 4), done: make(chan struct{})}
	go a.run(cr)
	return a
}

// run parses until the input ends or the reader is closed.
func (a *ahead) run(cr *csv.Reader) {
	defer close(a.full)
	for {
		var b *batch
		select {
		case b = <-a.free:
		default:
			b = &batch{}
		}
		b.reset()
		for b.rows() < aheadRows && b.end == nil {
			rec, err := cr.Read()
			switch err.(type) {
			case nil:
			case *csv.ParseError:
			default:
				b.end = err
				continue
			}
			for j := range rec {
				line, col := cr.FieldPos(j)
				b.pos = append(b.pos, line, col)
			}
			b.fields = append(b.fields, rec...)
			b.off = append(b.off, len(b.fields))
			b.errs = append(b.errs, err)
		}
		select {
		case a.full <- b:
		case <-a.done:
			return
		}
		if b.end != nil {
			return
		}
	}
}

// read returns the next row: its fields, their positions, and its parse
// error; end is io.EOF or an I/O error once the rows are over.
func (a *ahead) read() (fields []string, pos []int, seen bool, err, end error) {
	for a.cur == nil || a.next == a.cur.rows() {
		if a.cur != nil {
			if a.cur.end != nil {
				return nil, nil, false, nil, a.cur.end
			}
			select {
			case a.free <- a.cur:
			default:
			}
		}
		b, ok := <-a.full
		if !ok {
			return nil, nil, false, nil, io.ErrUnexpectedEOF
		}
		a.cur, a.next = b, 0
		if a.onBatch != nil {
			a.onBatch(b)
		}
	}
	b, i := a.cur, a.next
	a.next++
	lo, hi := b.off[i], b.off[i+1]
	return b.fields[lo:hi], b.pos[2*lo : 2*hi], i < len(b.seen) && b.seen[i], b.errs[i], nil
}

// close stops the parsing goroutine.
func (a *ahead) close() {
	select {
	case <-a.done:
	default:
		close(a.done)
	}
}

// idSet is a set of 64-bit hashes: open addressing with linear
// probing, 8 bytes a slot and at most 4 slots in 3 used, so duplicate IDs
// cost about 11 bytes per row, and no more than that grows with the rows.
// Two IDs share a hash with a chance of about n²/2⁶⁵ (1 in 10¹⁰ for 2M
// rows), in which case the later deal is wrongly counted as a duplicate.
type idSet struct {
	slots []uint64 // 0 is empty; hashes of 0 are stored as 1
	n     int
}

// add inserts h and reports whether it was already there.
func (s *idSet) add(h uint64) bool {
	if h == 0 {
		h = 1
	}
	if 4*(s.n+1) > 3*len(s.slots) {
		s.grow()
	}
	mask := uint64(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case h:
			return true
		case 0:
			s.slots[i] = h
			s.n++
			return false
		}
	}
}

func (s *idSet) grow() {
	old := s.slots
	// Growing fourfold moves each hash about a third of a time on
	// average, instead of once.
	s.slots = make([]uint64, max(1024, 4*len(old)))
	mask := uint64(len(s.slots) - 1)
	for _, h := range old {
		if h == 0 {
			continue
		}
		i := h & mask
		for s.slots[i] != 0 {
			i = (i + 1) & mask
		}
		s.slots[i] = h
	}
}
