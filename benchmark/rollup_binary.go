package benchmark

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/bits"
	"strings"
)

// The binary form of a Rollup starts with rollupMagic and a version byte.
const (
	rollupMagic   = "sdru"
	rollupVersion = 1
)

// AppendBinary implements [encoding.BinaryAppender]: it appends r's state
// (stages, groups and every count and sum) to b, so that a shard rolled
// up on one machine can be sent to another and merged there. The format
// is versioned and independent of the platform: the magic "sdru", a
// version byte, the stage names and the number of groups, then each
// group's sums and counts as unsigned varints. It never fails.
func (r *Rollup) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, rollupMagic...)
	b = append(b, rollupVersion)
	b = binary.AppendUvarint(b, uint64(len(r.stages)))
	for _, s := range r.stages {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendUvarint(b, uint64(r.groups))
	for o := Open; o <= Lost; o++ {
		for g := range r.groups {
			for _, v := range r.section(o, g)[:slotStage+len(r.stages)] {
				b = binary.AppendUvarint(b, uint64(v))
			}
		}
	}
	return b, nil
}

// MarshalBinary implements [encoding.BinaryMarshaler]; see
// [Rollup.AppendBinary] for the format.
func (r *Rollup) MarshalBinary() ([]byte, error) { return r.AppendBinary(nil) }

// UnmarshalBinary implements [encoding.BinaryUnmarshaler]: it replaces r
// with the Rollup that [Rollup.MarshalBinary] encoded in data. It checks
// everything it reads (the stages and groups as [NewRollup] does, every
// sum non-negative and within int64, each group's days within 65,535 per
// record, no amount or days for an outcome with no records) and returns an [*InputError] wrapping [ErrInvalidEnum] for data
// that is not a Rollup of a known version, [ErrOutOfRange] for data that
// is truncated, has trailing bytes or holds impossible values, and
// [ErrOverflow] for a sum that does not fit in an int64. On error r is
// unchanged. It does not keep data.
func (r *Rollup) UnmarshalBinary(data []byte) error {
	const fn = "Rollup.UnmarshalBinary"
	d := data
	corrupt := func(format string, args ...any) error {
		return inputErr(fn, fmt.Sprintf("data at byte %d: ", len(data)-len(d))+fmt.Sprintf(format, args...), ErrOutOfRange)
	}
	if !strings.HasPrefix(string(d), rollupMagic) || len(d) < len(rollupMagic)+1 {
		return inputErr(fn, "data", fmt.Errorf("%w: not a Rollup", ErrInvalidEnum))
	}
	if v := d[len(rollupMagic)]; v != rollupVersion {
		return inputErr(fn, "data", fmt.Errorf("%w: Rollup format version %d", ErrInvalidEnum, v))
	}
	d = d[len(rollupMagic)+1:]
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
	stages := make([]string, n)
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
	if err := checkRollupShape(fn, stages, int(groups)); err != nil {
		return err
	}
	// Every value takes at least one byte: check that they can all be
	// there before allocating room for them.
	perSection := uint64(slotStage) + n
	if 3*groups*perSection > uint64(len(d)) {
		return corrupt("%d groups of %d stages need more data", groups, n)
	}

	var nr Rollup
	nr.init(stages, int(groups))
	for o := Open; o <= Lost; o++ {
		for g := range nr.groups {
			for i := range nr.section(o, g)[:perSection] {
				v, ok := uvarint()
				if !ok {
					return corrupt("group %d %v slot %d", g, o, i)
				}
				if v > math.MaxInt64 {
					return inputErr(fn, fmt.Sprintf("group %d %v slot %d = %d", g, o, i, v), ErrOverflow)
				}
				nr.section(o, g)[i] = int64(v)
			}
		}
	}
	if len(d) != 0 {
		return corrupt("%d trailing bytes", len(d))
	}
	// A group's counts must add up within int64, its days sums can be at
	// most 65,535 per record, and an outcome with no records has no
	// amount and no days.
	for g := range nr.groups {
		var total int64
		for o := Open; o <= Lost; o++ {
			sec := nr.section(o, g)
			var c int64
			for _, v := range sec[slotStage:perSection] {
				if c > math.MaxInt64-v {
					return inputErr(fn, fmt.Sprintf("group %d %v count", g, o), ErrOverflow)
				}
				c += v
			}
			if total > math.MaxInt64-c {
				return inputErr(fn, fmt.Sprintf("group %d record count", g), ErrOverflow)
			}
			total += c
			if c == 0 && (sec[slotAmount] != 0 || sec[slotDays] != 0) {
				return corrupt("group %d %v: amount %d and %d days for no records", g, o, sec[slotAmount], sec[slotDays])
			}
			if hi, lo := bits.Mul64(uint64(c), math.MaxUint16); hi == 0 && uint64(sec[slotDays]) > lo {
				return corrupt("group %d %v: %d days for %d records", g, o, sec[slotDays], c)
			}
		}
	}
	nr.tighten()
	*r = nr
	return nil
}
