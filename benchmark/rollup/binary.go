package rollup

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
)

// The binary form of a Rollup, version 2:
//
//	"sdru"                  magic
//	2                       version byte
//	uvarint                 length of the body in bytes
//	body:
//	  uvarint               number of stages, then for each its length and bytes
//	  uvarint               number of groups
//	  per group, uvarints   a count per stage, won and lost counts,
//	                        amount sums and days sums of Open, Won and Lost
//	4 bytes                 CRC-32C (Castagnoli), little-endian, of everything before it
//
// Version 1 (no length, no checksum, counts per outcome and stage) is no
// longer read: shards are for shipping state between processes, not for
// storing it.
const (
	magic   = "sdru"
	version = 2
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// AppendBinary implements [encoding.BinaryAppender]: it appends r's state
// (stages, groups and every count and sum) to b, so that a shard rolled
// up on one machine can be sent to another and merged there. The format
// is versioned, independent of the platform and checksummed: the magic
// "sdru", a version byte, the length of the body, the body (the stage
// names, the number of groups, then each group's counts and sums as
// unsigned varints) and the CRC-32C of everything before it. It never
// fails.
func (r *Rollup) AppendBinary(b []byte) ([]byte, error) {
	n := len(r.stages)
	body := binary.AppendUvarint(nil, uint64(n))
	for _, s := range r.stages {
		body = binary.AppendUvarint(body, uint64(len(s)))
		body = append(body, s...)
	}
	body = binary.AppendUvarint(body, uint64(r.groups))
	var buf [stateMax]int64
	st := buf[:stateLen(n)]
	for g := range r.groups {
		r.state(g, st)
		for _, v := range st {
			body = binary.AppendUvarint(body, uint64(v))
		}
	}
	start := len(b)
	b = append(b, magic...)
	b = append(b, version)
	b = binary.AppendUvarint(b, uint64(len(body)))
	b = append(b, body...)
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b[start:], castagnoli)), nil
}

// MarshalBinary implements [encoding.BinaryMarshaler]; see
// [Rollup.AppendBinary] for the format.
func (r *Rollup) MarshalBinary() ([]byte, error) { return r.AppendBinary(nil) }

// UnmarshalBinary implements [encoding.BinaryUnmarshaler]: it replaces r
// with the Rollup that [Rollup.MarshalBinary] encoded in data. It returns
// an [*InputError] wrapping [ErrInvalidEnum] for a shard of a format
// version it does not read, and [ErrCorrupt] for anything else it cannot
// trust: data that is not a roll-up shard, is truncated or has trailing
// bytes, fails its CRC-32C checksum, or holds a state no roll-up reaches
// (stages or groups that [New] refuses, counts or sums beyond int64, won
// and lost deals beyond the records, more than 65,535 days per record,
// an amount or days for an outcome with no records). A flipped bit or a
// lost byte is always caught by the checksum or the length.
//
// It allocates only after the checksum has passed and the data has room
// for every group it claims (each takes at least len(stages)+8 bytes), so
// a short shard claiming many groups is refused before any allocation,
// and the memory of the result is at most about 16 bytes per byte of
// data. On error r is unchanged. It does not keep data.
func (r *Rollup) UnmarshalBinary(data []byte) error {
	const fn = "Rollup.UnmarshalBinary"
	d := data
	corrupt := func(format string, args ...any) error {
		return inputErr(fn, fmt.Sprintf("data at byte %d", len(data)-len(d)), fmt.Errorf("%w: "+format, append([]any{ErrCorrupt}, args...)...))
	}
	if !bytes.HasPrefix(d, []byte(magic)) {
		return corrupt("not a roll-up shard")
	}
	d = d[len(magic):]
	if len(d) == 0 {
		return corrupt("truncated before the version")
	}
	if d[0] != version {
		return inputErr(fn, "data", fmt.Errorf("%w: shard format version %d, want %d", ErrInvalidEnum, d[0], version))
	}
	d = d[1:]
	size, k := binary.Uvarint(d)
	if k <= 0 {
		return corrupt("truncated or malformed body length")
	}
	d = d[k:]
	if size > uint64(len(d)) || uint64(len(d))-size != 4 {
		return corrupt("%d bytes after the header, want a %d-byte body and a 4-byte checksum", len(d), size)
	}
	sum := binary.LittleEndian.Uint32(data[len(data)-4:])
	if got := crc32.Checksum(data[:len(data)-4], castagnoli); got != sum {
		return corrupt("checksum %08x, want %08x", got, sum)
	}
	d = d[:size]

	uvarint := func() (uint64, bool) {
		v, n := binary.Uvarint(d)
		if n <= 0 {
			return 0, false
		}
		d = d[n:]
		return v, true
	}
	n, ok := uvarint()
	if !ok || n > MaxStages {
		return corrupt("stage count")
	}
	stages := make([]string, n) // at most MaxStages
	for i := range stages {
		l, ok := uvarint()
		if !ok || l > uint64(len(d)) {
			return corrupt("stage %d name", i)
		}
		stages[i], d = string(d[:l]), d[l:]
	}
	groups, ok := uvarint()
	if !ok || groups > 1<<32 {
		return corrupt("group count")
	}
	if n == 0 && groups == 0 && len(d) == 0 {
		*r = Rollup{} // the zero Rollup
		return nil
	}
	if err := checkShape(fn, stages, int(groups)); err != nil {
		var ie *InputError
		if errors.As(err, &ie) {
			return corrupt("%s: %v", ie.Arg, ie.Err)
		}
		return corrupt("%v", err)
	}
	// Every value takes at least one byte: check that they can all be
	// there before allocating room for them.
	sl := uint64(stateLen(int(n)))
	if groups*sl > uint64(len(d)) {
		return corrupt("%d groups of %d stages need at least %d bytes, have %d", groups, n, groups*sl, len(d))
	}

	var nr Rollup
	nr.init(stages, int(groups))
	var buf [stateMax]int64
	st := buf[:sl]
	wl := wideLen(int(n))
	for g := range nr.groups {
		for i := range st {
			v, ok := uvarint()
			if !ok || v > math.MaxInt64 {
				return corrupt("group %d value %d", g, i)
			}
			st[i] = int64(v)
		}
		if err := checkState(st, int(n)); err != "" {
			return corrupt("group %d: %s", g, err)
		}
		w := nr.wide[g*wl : (g+1)*wl]
		copy(w, st[:int(n)+2])
		for o := range 3 {
			nr.lines[g*nr.stride+o] = uint64(st[int(n)+2+o])
			w[int(n)+2+o] = st[int(n)+5+o]
		}
	}
	if len(d) != 0 {
		return corrupt("%d trailing bytes in the body", len(d))
	}
	nr.tighten()
	*r = nr
	return nil
}

// checkState describes what is impossible about a group's state, or
// returns "" when a roll-up can reach it: its counts add up within int64,
// won and lost deals are among its records, an outcome with no records has
// no amount and no days, and the days are at most 65,535 per record.
func checkState(st []int64, n int) string {
	var count int64
	for _, c := range st[:n] {
		if count > math.MaxInt64-c {
			return "record count overflows"
		}
		count += c
	}
	won, lost := st[n], st[n+1]
	if won > count || lost > count-won {
		return fmt.Sprintf("%d won and %d lost of %d records", won, lost, count)
	}
	for o, c := range [3]int64{count - won - lost, won, lost} {
		amount, days := st[n+2+o], st[n+5+o]
		if c == 0 && (amount != 0 || days != 0) {
			return fmt.Sprintf("%v: amount %d and %d days for no records", Outcome(o), amount, days)
		}
		if c < math.MaxInt64/math.MaxUint16 && days > c*math.MaxUint16 {
			return fmt.Sprintf("%v: %d days for %d records", Outcome(o), days, c)
		}
	}
	return ""
}
