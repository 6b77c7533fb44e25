package rollup

import (
	"fmt"
	"iter"
	"math"
	"math/bits"
	"slices"
	"strings"

	"github.com/salesdev/salesdev/benchmark"
)

// MaxStages is the largest number of stages a [Rollup] can have:
// [Record.Stage] is a byte.
const MaxStages = 256

// A Rollup accumulates per-group KPIs from [Record] values. All its sums
// are exact int64s, so shards rolled up apart (on goroutines, on machines,
// in a distributed engine's combiner) and combined with [Rollup.Merge]
// give the same figures, in any order, as one roll-up over everything.
// Read the figures with [Rollup.Group], [Rollup.All] and
// [Rollup.Combined], or one at a time, without building KPIs, with
// [Rollup.Reached], [Rollup.AppendReached] and [Rollup.Totals]; add groups
// as new reps appear with [Rollup.Grow]; ship a shard's state with
// [Rollup.MarshalBinary].
//
// A Rollup holds 144 bytes per group with up to 5 stages (see [New]):
// [Rollup.Add] costs a few nanoseconds per record and no allocation, and
// nothing allocates after New but [Rollup.Grow], which keeps spare room
// as append does, and the methods that return new values (KPIs, a shard).
//
// A Rollup is a mutable accumulator and not safe for concurrent use. To
// use several cores, give each goroutine its own Rollup over part of the
// records and merge them when they are done; the package itself starts no
// goroutines. The zero Rollup has no stages and no groups; make one with
// [New] or [Rollup.UnmarshalBinary].
type Rollup struct {
	stages []string
	groups int
	// Each group has one line of stride words (a whole number of 64-byte
	// cache lines) holding everything a record updates: the amount sum
	// of each outcome as a full int64, and, as 32-bit halves of the
	// other words, the days sum and the number of records of each
	// outcome and a count per stage but the first (see the line*
	// constants). A record adds to three words of one line, so with up
	// to 5 stages it touches one cache line, and 10,000 reps' lines
	// (640 KB) stay in a core's L2 cache while the records stream past.
	//
	// The 32-bit halves are narrow counters: before one could overflow
	// into its neighbour, spill adds every half into wide, one int64 per
	// count and days sum, and clears the halves. The narrow bounds say
	// when: ncount bounds every count half, ndays every days half. A
	// group's figures are always wide plus its line's halves.
	stride int
	lines  []uint64 // a line per group, then a spare line for bad records
	wide   []int64  // per group: wideLen(len(stages)) int64s, laid out as state describes
	ncount uint64
	ndays  uint64
	// bounds are upper bounds on every group's exact figures.
	bounds bounds
	// badStage[s] is 0x80 when s is not a stage index, and 0 when it is.
	badStage [256]uint8
}

// bounds bound a Rollup's figures from above: count is at least every
// group's number of records, amount every amount sum, days every days
// sum. Add and Merge check them, and fall back to exact checks only when a
// batch could overflow them.
type bounds struct{ count, amount, days int64 }

// The words of a line: the amount sums of Open, Won and Lost (words 0, 1,
// 2), then one word per outcome (words 3, 4, 5) whose low half is the days
// sum and whose high half is the number of records, so that a record adds
// its days and counts itself in one addition; then a count per stage s ≥ 1
// as half lineStage+s. Half h is bits 32·(h&1) of word h>>1. The first
// stage needs no counter: its count is the records less those counted at
// the other stages.
const (
	lineOutcome = 3
	lineStage   = 11
)

// lineStride returns the words in a line for n stages, rounded up to whole
// cache lines of 8 words.
func lineStride(n int) int { return ((lineStage+n+1)/2 + 7) &^ 7 }

// stageInc is what a record at stage s adds to the word of its stage's
// count, (lineStage+s)>>1: 1 in the low or the high half, and nothing for
// the first stage, which has no counter.
func stageInc(s uint) uint64 {
	if s == 0 {
		return 0
	}
	return 1 << (((s + 1) & 1) * 32)
}

// stageIncs is stageInc for s in [0, 8), for the hot loop.
var stageIncs = [8]uint64{0, 1, 1 << 32, 1, 1 << 32, 1, 1 << 32, 1}

// countInc is what a record adds to its outcome's word besides its days.
const countInc = 1 << 32

// A group's state, as the binary format and the reads lay it out (see
// Rollup.state), has stateLen(n) values: a count per stage, the won and
// lost counts, the amount sums of Open, Won and Lost, then their days
// sums. The wide counters hold wideLen(n): the same but the amount sums,
// which live in the lines.
func stateLen(n int) int { return n + 8 }
func wideLen(n int) int  { return n + 5 }

// stateMax is the longest state: stateLen(MaxStages).
const stateMax = MaxStages + 8

// New returns an empty Rollup for groups groups (reps or teams) and the
// funnel stages named in stages, top first: [Record.Stage] indexes stages.
// Names must be non-empty and unique once leading and trailing white space
// is trimmed, as [benchmark.Funnel.Validate] requires ("call" and "call "
// are duplicates), but are kept as given; there can be 1 to [MaxStages] of
// them, and groups must be in [1, 2³²]. New copies stages. It allocates
// 64·⌈(len(stages)+11)/16⌉ + 8·(len(stages)+5) bytes per group: 144 bytes
// with up to 5 stages, 1.4 MB for 10,000 reps. It returns an
// [*InputError] wrapping [ErrEmpty], [ErrDuplicate] or [ErrOutOfRange].
func New(stages []string, groups int) (*Rollup, error) {
	if err := checkShape("New", stages, groups); err != nil {
		return nil, err
	}
	r := &Rollup{}
	r.init(slices.Clone(stages), groups)
	return r, nil
}

func checkShape(fn string, stages []string, groups int) error {
	if len(stages) == 0 {
		return inputErr(fn, "stages", ErrEmpty)
	}
	if len(stages) > MaxStages {
		return inputErr(fn, fmt.Sprintf("len(stages) = %d", len(stages)), fmt.Errorf("%w: at most %d stages", ErrOutOfRange, MaxStages))
	}
	// Names are compared as benchmark.Funnel.Validate compares them,
	// trimmed, so that every KPIs.Funnel the Rollup returns is valid.
	seen := make(map[string]bool, len(stages))
	for i, s := range stages {
		name := strings.TrimSpace(s)
		switch {
		case name == "":
			return inputErr(fn, fmt.Sprintf("stages[%d] = %q", i, s), ErrEmpty)
		case seen[name]:
			return inputErr(fn, fmt.Sprintf("stages[%d] = %q", i, s), ErrDuplicate)
		}
		seen[name] = true
	}
	if groups < 1 || uint64(groups) > 1<<32 {
		return inputErr(fn, fmt.Sprintf("groups = %d", groups), fmt.Errorf("%w: must be in [1, 2³²]", ErrOutOfRange))
	}
	// On a 32-bit platform the memory may not be addressable at all.
	if words := (uint64(groups) + 1) * uint64(lineStride(len(stages))+wideLen(len(stages))); words > math.MaxInt/8 {
		return inputErr(fn, fmt.Sprintf("groups = %d", groups), fmt.Errorf("%w: too many groups for this platform", ErrOutOfRange))
	}
	return nil
}

// init lays out an empty roll-up; stages and groups have been checked.
func (r *Rollup) init(stages []string, groups int) {
	stride := lineStride(len(stages))
	*r = Rollup{
		stages: stages,
		groups: groups,
		stride: stride,
		// The spare line takes the records of a bad batch whose group
		// is out of range until Add takes them out again.
		lines: make([]uint64, (groups+1)*stride),
		wide:  make([]int64, groups*wideLen(len(stages))),
	}
	for s := len(stages); s < len(r.badStage); s++ {
		r.badStage[s] = 0x80
	}
}

// Stages returns a copy of r's stage names, top first.
func (r *Rollup) Stages() []string { return slices.Clone(r.stages) }

// Groups returns the number of groups r counts.
func (r *Rollup) Groups() int { return r.groups }

// Reset empties r, keeping its stages, groups and memory.
func (r *Rollup) Reset() {
	clear(r.lines)
	clear(r.wide)
	r.ncount, r.ndays, r.bounds = 0, 0, bounds{}
}

// block is how many records Add applies before it checks them: 16 KB,
// so that a bad block is taken out again while it is still in cache, and
// small enough that one block's days (at most 1024·65,535) fit in a
// narrow counter.
const block = 1024

// Add counts records into r, and applies nothing when any record is bad:
// a group or stage out of range, an unknown outcome, a negative amount, or
// a sum that would overflow an int64. The error is an [*InputError]
// wrapping [ErrOutOfRange], [ErrInvalidEnum], [ErrNegative] or
// [ErrOverflow], naming the first bad record. A rejected batch leaves r's
// figures exactly as they were.
//
// Add does not modify records and allocates nothing unless it returns an
// error. It is not safe for concurrent use.
func (r *Rollup) Add(records []Record) error {
	// Add makes one pass over the records. It applies a block, with
	// indexes clamped so that even a bad record writes inside r's lines,
	// and checks it on the way; integer sums, even wrapped around,
	// subtract back exactly, so when a block turns out bad Add takes it
	// and the blocks before it out again. Records before spilled have
	// been spilled into the wide counters (or added there directly) and
	// come out of those.
	//
	// The bounds live in local variables until Add returns: Rollups
	// made one after the other may share a cache line, and goroutines
	// each adding to their own would otherwise pass it back and forth.
	const fn = "Rollup.Add"
	if r.groups == 0 && len(records) > 0 {
		return r.recordErr(fn, 0, records) // the zero Rollup: every group is out of range
	}
	saved, savedCount, savedDays := r.bounds, r.ncount, r.ndays
	b, ncount, ndays := saved, savedCount, savedDays
	spilled := 0
	spill := func(start int) {
		r.spill()
		ncount, ndays, spilled = 0, 0, start
	}
	rollback := func(end int) {
		r.unapply(records[spilled:end])
		r.unapplyWide(records[:spilled])
		r.bounds, r.ncount, r.ndays = saved, savedCount, savedDays
		if spilled > 0 {
			r.ncount, r.ndays = 0, 0 // a spill cleared the narrow counters
		}
	}
	for start := 0; start < len(records); start += block {
		blk := records[start:min(start+block, len(records))]
		n := uint64(len(blk))
		if ncount+n > math.MaxUint32 {
			spill(start)
		}
		bad, amounts, days := r.apply(blk)
		if bad|amounts < 0 {
			rollback(start + len(blk))
			return r.recordErr(fn, start, blk)
		}
		// amounts, the OR of the block's amounts, is at least the
		// largest, so n·amounts bounds what any amount sum grew by;
		// likewise n·days for the days sums.
		hi, grewA := bits.Mul64(n, uint64(amounts))
		grewD := n * days // at most 1024·65,535
		wideOK := hi == 0 && b.fit(n, grewA, grewD)
		if wideOK && ndays+grewD <= math.MaxUint32 {
			b.add(n, grewA, grewD)
			ncount += n
			ndays += grewD
			continue
		}
		// A narrow days counter or an exact sum may have overflowed: take
		// the block out, spill, and put it back.
		r.unapply(blk)
		spill(start)
		if wideOK {
			r.apply(blk)
			b.add(n, grewA, grewD)
			ncount, ndays = n, grewD
			continue
		}
		// An exact sum may overflow: add the block straight to the wide
		// counters, record by record, checking each sum.
		if i, ok := r.applyChecked(blk); !ok {
			r.unapplyWide(blk[:i])
			rollback(start)
			return inputErr(fn, fmt.Sprintf("records[%d] (group %d)", start+i, blk[i].Group), ErrOverflow)
		}
		spilled = start + len(blk)
		r.tighten()
		b = r.bounds
	}
	r.bounds, r.ncount, r.ndays = b, ncount, ndays
	return nil
}

// fit reports whether figures within b stay within int64 after a block
// of n records whose amounts add at most amounts, and whose days add at
// most days, to any sum.
func (b bounds) fit(n, amounts, days uint64) bool {
	const maxI = math.MaxInt64
	return amounts <= maxI && b.amount <= maxI-int64(amounts) &&
		b.count <= maxI-int64(n) && b.days <= maxI-int64(days)
}

func (b *bounds) add(n, amounts, days uint64) {
	b.count += int64(n)
	b.amount += int64(amounts)
	b.days += int64(days)
}

// recordErr describes the first bad record in blk, which starts at
// records[start].
func (r *Rollup) recordErr(fn string, start int, blk []Record) error {
	for i, rec := range blk {
		arg := fmt.Sprintf("records[%d]", start+i)
		switch {
		case uint64(rec.Group) >= uint64(r.groups):
			return inputErr(fn, fmt.Sprintf("%s.Group = %d", arg, rec.Group), fmt.Errorf("%w: %d groups", ErrOutOfRange, r.groups))
		case int(rec.Stage) >= len(r.stages):
			return inputErr(fn, fmt.Sprintf("%s.Stage = %d", arg, rec.Stage), fmt.Errorf("%w: %d stages", ErrOutOfRange, len(r.stages)))
		case !rec.Outcome.Valid():
			return inputErr(fn, fmt.Sprintf("%s.Outcome = %v", arg, rec.Outcome), ErrInvalidEnum)
		case rec.Amount < 0:
			return inputErr(fn, fmt.Sprintf("%s.Amount = %d", arg, rec.Amount), ErrNegative)
		}
	}
	return inputErr(fn, "records", ErrOutOfRange) // not reached: apply found a bad record
}

// apply adds a block of records to the lines and checks them on the way:
// bad is negative when a record is out of range or has a negative amount,
// amounts is the OR of the amounts and days the OR of the days. A bad
// record's indexes are clamped or masked so that it still lands inside
// the lines, where unapply finds it again; unapply must compute the same
// indexes.
//
// This is the hot loop: no branch depends on the data, and each record
// adds to three words of one line. With up to 5 stages a line is an
// [8]uint64 indexed with masks, so a record costs one bounds check.
func (r *Rollup) apply(blk []Record) (bad, amounts int64, days uint64) {
	lines, spare := r.lines, r.groups
	gmax, smax := int64(r.groups)-1, int64(len(r.stages))-1
	if r.stride == 8 {
		return apply8(lines, uint(spare), &r.badStage, blk)
	}
	stride := r.stride
	for i := range blk {
		rec := &blk[i]
		bad |= (gmax - int64(rec.Group)) | (smax - int64(rec.Stage)) | (int64(Lost) - int64(rec.Outcome))
		amounts |= rec.Amount
		days |= uint64(rec.Days)
		g := min(int(rec.Group), spare)
		o, s := uint(rec.Outcome&3), uint(min(int64(rec.Stage), smax))
		line := lines[g*stride : g*stride+stride]
		line[o] += uint64(rec.Amount)
		line[lineOutcome+o] += uint64(rec.Days) | countInc
		line[(lineStage+s)>>1] += stageInc(s)
	}
	return bad, amounts, days
}

// apply8 is apply's hot loop for lines of 8 words, in a function of its
// own so that its variables stay in registers. Its checks cost a few
// instructions: a record whose group is out of range lands in the spare
// line, which is all zeros before the block and holds a count after it;
// and one accumulator takes r.badStage[stage], 0 or 0x80, and outcome+1,
// which is at most 3 for a known outcome, so that it ends at most 3 when
// every stage and outcome is known.
func apply8(lines []uint64, spare uint, badStage *[256]uint8, blk []Record) (bad, amounts int64, days uint64) {
	var check uint
	for i := range blk {
		rec := &blk[i]
		s, o := uint(rec.Stage), uint(rec.Outcome)
		a, d := rec.Amount, uint64(rec.Days)
		g := min(uint(rec.Group), spare)
		check |= uint(badStage[s]) | (o + 1)
		amounts |= a
		days |= d
		line := (*[8]uint64)(lines[g*8 : g*8+8])
		o &= 3 // as unapply computes it
		line[o] += uint64(a)
		line[lineOutcome+o] += d | countInc
		line[((lineStage+s)>>1)&7] += stageIncs[s&7]
	}
	sl := (*[8]uint64)(lines[spare*8 : spare*8+8])
	if check > uint(Lost)+1 || sl[3]|sl[4]|sl[5]|sl[6] != 0 {
		bad = -1
	}
	return bad, amounts, days
}

// unapply takes records that apply added out of the lines again, at the
// same indexes: integer sums subtract back exactly, whatever carried from
// one half of a word into the other.
func (r *Rollup) unapply(recs []Record) {
	spare, smax := r.groups, int64(len(r.stages))-1
	stride := r.stride
	for i := range recs {
		rec := &recs[i]
		g := min(int(rec.Group), spare)
		o := uint(rec.Outcome & 3)
		line := r.lines[g*stride : g*stride+stride]
		line[o] -= uint64(rec.Amount)
		if stride == 8 {
			s := uint(rec.Stage)
			line[(lineOutcome+o)&7] -= uint64(rec.Days) | countInc
			line[((lineStage+s)>>1)&7] -= stageIncs[s&7]
		} else {
			s := uint(min(int64(rec.Stage), smax))
			line[lineOutcome+o] -= uint64(rec.Days) | countInc
			line[(lineStage+s)>>1] -= stageInc(s)
		}
	}
}

// half returns half h of line.
func half(line []uint64, h int) int64 { return int64(uint32(line[h>>1] >> ((h & 1) * 32))) }

// narrow returns the figures in a line's narrow counters: a count per
// stage into st[:n], the won and lost counts into st[n], st[n+1], and the
// days sums of Open, Won and Lost into st[n+2:n+5].
func narrow(line []uint64, n int, st []int64) {
	var total, later int64
	for o := range 3 {
		total += half(line, 2*(lineOutcome+o)+1)
		st[n+2+o] = half(line, 2*(lineOutcome+o))
	}
	for s := 1; s < n; s++ {
		st[s] = half(line, lineStage+s)
		later += st[s]
	}
	st[0] = total - later
	st[n], st[n+1] = half(line, 2*(lineOutcome+1)+1), half(line, 2*(lineOutcome+2)+1)
}

// spill adds every narrow counter into its wide one and clears it. The
// amount sums, full words already, stay where they are.
func (r *Rollup) spill() {
	n, stride, wl := len(r.stages), r.stride, wideLen(len(r.stages))
	var buf [stateMax]int64
	st := buf[:wl]
	for g := range r.groups {
		line, w := r.lines[g*stride:(g+1)*stride], r.wide[g*wl:(g+1)*wl]
		narrow(line, n, st)
		for i, v := range st {
			w[i] += v
		}
		clear(line[lineOutcome:])
	}
	r.ncount, r.ndays = 0, 0
}

// state writes group g's exact figures into st, which has stateLen
// elements, in the order of the binary format: a count per stage, the won
// and lost counts, the amount sums of Open, Won and Lost, then their days
// sums.
func (r *Rollup) state(g int, st []int64) {
	n, wl := len(r.stages), wideLen(len(r.stages))
	line, w := r.lines[g*r.stride:(g+1)*r.stride], r.wide[g*wl:(g+1)*wl]
	narrow(line, n, st) // the narrow counters, in the wide layout
	for i := range n + 2 {
		st[i] += w[i]
	}
	for o := range 3 {
		st[n+5+o] = w[n+2+o] + st[n+2+o]
		st[n+2+o] = int64(line[o])
	}
}

// unapplyWide takes good records that are in the wide counters (spilled,
// or added there by applyChecked) out again.
func (r *Rollup) unapplyWide(recs []Record) {
	n, wl := len(r.stages), wideLen(len(r.stages))
	for _, rec := range recs {
		w := r.wide[int(rec.Group)*wl : (int(rec.Group)+1)*wl]
		w[rec.Stage]--
		if rec.Outcome != Open {
			w[n+int(rec.Outcome)-1]--
		}
		w[n+2+int(rec.Outcome)] -= int64(rec.Days)
		r.lines[int(rec.Group)*r.stride+int(rec.Outcome)] -= uint64(rec.Amount)
	}
}

// applyChecked adds good records one at a time straight to the wide
// counters, which spill has left holding all of each group's counts and
// days, stopping before the first that would overflow a sum: it returns
// how many it added and whether that was all of them.
func (r *Rollup) applyChecked(blk []Record) (int, bool) {
	const maxI = math.MaxInt64
	n, wl := len(r.stages), wideLen(len(r.stages))
	for i, rec := range blk {
		w := r.wide[int(rec.Group)*wl : (int(rec.Group)+1)*wl]
		amount := &r.lines[int(rec.Group)*r.stride+int(rec.Outcome)]
		if stateCount(w, n) == maxI || int64(*amount) > maxI-rec.Amount || w[n+2+int(rec.Outcome)] > maxI-int64(rec.Days) {
			return i, false
		}
		w[rec.Stage]++
		if rec.Outcome != Open {
			w[n+int(rec.Outcome)-1]++
		}
		w[n+2+int(rec.Outcome)] += int64(rec.Days)
		*amount += uint64(rec.Amount)
	}
	return len(blk), true
}

// stateCount returns the number of records in a group's state, or in its
// wide counters, which start with the same count per stage.
func stateCount(st []int64, n int) int64 {
	var c int64
	for _, v := range st[:n] {
		c += v
	}
	return c
}

// tighten sets r's bounds to the largest figures r holds.
func (r *Rollup) tighten() {
	var b bounds
	n := len(r.stages)
	var buf [stateMax]int64 // on the stack: Add allocates nothing
	st := buf[:stateLen(n)]
	for g := range r.groups {
		r.state(g, st)
		b.count = max(b.count, stateCount(st, n))
		b.amount = max(b.amount, slices.Max(st[n+2:n+5]))
		b.days = max(b.days, slices.Max(st[n+5:n+8]))
	}
	r.bounds = b
}

// Merge adds other's counts and sums to r, exactly: merging shards gives
// the figures of one roll-up over all their records, and Merge is
// associative and commutative. other is not modified; r.Merge(r) doubles
// r. Merge returns an [*InputError] and leaves r unchanged when other is
// nil ([ErrEmpty]), has other stages or another number of groups
// ([ErrMismatch]), or when a sum would overflow ([ErrOverflow]).
func (r *Rollup) Merge(other *Rollup) error {
	const fn = "Rollup.Merge"
	switch {
	case other == nil:
		return inputErr(fn, "other = nil", ErrEmpty)
	case !slices.Equal(r.stages, other.stages):
		return inputErr(fn, fmt.Sprintf("other stages = %q", other.stages), fmt.Errorf("%w: stages %q", ErrMismatch, r.stages))
	case r.groups != other.groups:
		return inputErr(fn, fmt.Sprintf("other groups = %d", other.groups), fmt.Errorf("%w: %d groups", ErrMismatch, r.groups))
	}
	const maxI = math.MaxInt64
	n, sl := len(r.stages), stateLen(len(r.stages))
	a, b := r.bounds, other.bounds
	// The bounds settle most merges at once; otherwise check each group.
	exact := a.count > maxI-b.count || a.amount > maxI-b.amount || a.days > maxI-b.days
	var bx, by [stateMax]int64
	x, y := bx[:sl], by[:sl]
	if exact {
		for g := range r.groups {
			r.state(g, x)
			other.state(g, y)
			if stateCount(x, n) > maxI-stateCount(y, n) {
				return inputErr(fn, fmt.Sprintf("group %d record count", g), ErrOverflow)
			}
			for i := n + 2; i < sl; i++ {
				if x[i] > maxI-y[i] {
					return inputErr(fn, fmt.Sprintf("group %d sums", g), ErrOverflow)
				}
			}
		}
	}
	// Add other's wide counters, narrow counters and amounts to r's wide
	// counters and amounts; r's narrow counters are left as they are.
	wl, stride := wideLen(n), r.stride
	nw := y[:wl]
	for g := range r.groups {
		w, ow := r.wide[g*wl:(g+1)*wl], other.wide[g*wl:(g+1)*wl]
		line, oline := r.lines[g*stride:(g+1)*stride], other.lines[g*stride:(g+1)*stride]
		narrow(oline, n, nw)
		for i := range w {
			w[i] += ow[i] + nw[i]
		}
		for o := range 3 {
			line[o] += oline[o]
		}
	}
	if exact {
		r.tighten()
	} else {
		r.bounds = bounds{a.count + b.count, a.amount + b.amount, a.days + b.days}
	}
	return nil
}

// Grow adds empty groups to r so that it counts groups groups in all,
// keeping every figure of the groups it had: a plugin that interns reps
// as it streams a CRM's rows can grow its roll-up as new reps appear,
// rather than count twice or guess the number of reps first. Growing to
// the number of groups r has already does nothing. Like append, Grow keeps
// spare capacity, so growing one group at a time costs amortised O(1) per
// group. It returns an [*InputError] wrapping [ErrEmpty] for the zero
// Rollup, which has no stages, and [ErrOutOfRange] when groups is fewer
// than r has or more than [New] allows; r is then unchanged.
func (r *Rollup) Grow(groups int) error {
	const fn = "Rollup.Grow"
	switch {
	case len(r.stages) == 0:
		return inputErr(fn, "the zero Rollup", fmt.Errorf("%w: no stages", ErrEmpty))
	case groups < r.groups:
		return inputErr(fn, fmt.Sprintf("groups = %d", groups), fmt.Errorf("%w: fewer than the %d groups it has", ErrOutOfRange, r.groups))
	case groups == r.groups:
		return nil
	}
	if err := checkShape(fn, r.stages, groups); err != nil {
		return err
	}
	// The spare line, zero between calls to Add, becomes the first new
	// group's line; the new lines and wide counters are zero, within the
	// narrow bounds and the bounds as they stand.
	lines := r.stride * (groups + 1)
	r.lines = slices.Grow(r.lines, lines-len(r.lines))[:lines]
	clear(r.lines[(r.groups+1)*r.stride:])
	wide := wideLen(len(r.stages)) * groups
	r.wide = slices.Grow(r.wide, wide-len(r.wide))[:wide]
	clear(r.wide[r.groups*wideLen(len(r.stages)):])
	r.groups = groups
	return nil
}

// Reached returns how many of group g's records reached stage s, those
// at s or a later stage: the Funnel[s].Count of its [KPIs], read without
// building them, for a plugin that needs one figure of many groups. It
// returns an [*InputError] wrapping [ErrOutOfRange] when g is not in
// [0, r.Groups()) or s not in [0, len(r.Stages())).
func (r *Rollup) Reached(g, s int) (int64, error) {
	const fn = "Rollup.Reached"
	if err := r.checkGroup(fn, g); err != nil {
		return 0, err
	}
	n := len(r.stages)
	if s < 0 || s >= n {
		return 0, inputErr(fn, fmt.Sprintf("s = %d", s), fmt.Errorf("%w: %d stages", ErrOutOfRange, n))
	}
	line, w := r.lines[g*r.stride:(g+1)*r.stride], r.wide[g*wideLen(n):]
	var c int64
	if s == 0 {
		return records(line, w, n), nil
	}
	for t := s; t < n; t++ {
		c += half(line, lineStage+t) + w[t]
	}
	return c, nil
}

// AppendReached appends to dst, for each stage top first, how many of
// group g's records reached it: the counts of its [KPIs]' Funnel, read in
// one pass without building the KPIs, for a plugin that needs whole
// funnels of many groups. On error it returns dst unchanged and an
// [*InputError] wrapping [ErrOutOfRange], when g is not in
// [0, r.Groups()).
func (r *Rollup) AppendReached(dst []int64, g int) ([]int64, error) {
	if err := r.checkGroup("Rollup.AppendReached", g); err != nil {
		return dst, err
	}
	n := len(r.stages)
	line, w := r.lines[g*r.stride:(g+1)*r.stride], r.wide[g*wideLen(n):]
	at := len(dst)
	dst = slices.Grow(dst, n)[:at+n]
	var c int64
	for s := n - 1; s >= 1; s-- {
		c += half(line, lineStage+s) + w[s]
		dst[at+s] = c
	}
	dst[at] = records(line, w, n)
	return dst, nil
}

// records returns the number of records in a group's line and wide
// counters w, for n stages: the count at the first stage, which every
// record reached and which has no narrow counter of its own.
func records(line []uint64, w []int64, n int) int64 {
	c := stateCount(w, n)
	for o := range 3 {
		c += half(line, 2*(lineOutcome+o)+1)
	}
	return c
}

// Totals returns group g's totals for outcome o: the Open, Won or Lost
// field of its [KPIs], read without building them. It returns an
// [*InputError] wrapping [ErrOutOfRange] when g is not in
// [0, r.Groups()), and [ErrInvalidEnum] for an unknown outcome.
func (r *Rollup) Totals(g int, o Outcome) (Totals, error) {
	const fn = "Rollup.Totals"
	if err := r.checkGroup(fn, g); err != nil {
		return Totals{}, err
	}
	if !o.Valid() {
		return Totals{}, inputErr(fn, "o = "+o.String(), ErrInvalidEnum)
	}
	n := len(r.stages)
	line, w := r.lines[g*r.stride:(g+1)*r.stride], r.wide[g*wideLen(n):]
	t := Totals{
		Amount: int64(line[o]),
		Days:   half(line, 2*(lineOutcome+int(o))) + w[n+2+int(o)],
		Count:  half(line, 2*(lineOutcome+int(o))+1),
	}
	if o == Open {
		// The wide counters hold counts per stage and of won and lost
		// records: the open ones are the rest.
		t.Count += stateCount(w, n) - w[n] - w[n+1]
	} else {
		t.Count += w[n+int(o)-1]
	}
	return t, nil
}

// checkGroup returns an error for a group index out of range.
func (r *Rollup) checkGroup(fn string, g int) error {
	if g < 0 || g >= r.groups {
		return inputErr(fn, fmt.Sprintf("g = %d", g), fmt.Errorf("%w: %d groups", ErrOutOfRange, r.groups))
	}
	return nil
}

// Group returns group g's KPIs. It returns an [*InputError] wrapping
// [ErrOutOfRange] when g is not in [0, r.Groups()).
func (r *Rollup) Group(g int) (KPIs, error) {
	if err := r.checkGroup("Rollup.Group", g); err != nil {
		return KPIs{}, err
	}
	st := make([]int64, stateLen(len(r.stages)))
	r.state(g, st)
	return r.kpis(st), nil
}

// All returns an iterator over every group's index and KPIs, in index
// order. Each group's KPIs are computed as the iteration reaches them. For
// the zero Rollup, which has no groups, it yields nothing.
func (r *Rollup) All() iter.Seq2[int, KPIs] {
	return func(yield func(int, KPIs) bool) {
		st := make([]int64, stateLen(len(r.stages)))
		for g := range r.groups {
			r.state(g, st)
			if !yield(g, r.kpis(st)) {
				return
			}
		}
	}
}

// Combined returns the KPIs of all groups together: the team's (or the
// company's) figures. It returns an [*InputError] wrapping [ErrEmpty] for
// the zero Rollup, which has no stages to report, and [ErrOverflow] when a
// sum over the groups does not fit in an int64.
func (r *Rollup) Combined() (KPIs, error) {
	const maxI = math.MaxInt64
	n := len(r.stages)
	if n == 0 {
		return KPIs{}, inputErr("Rollup.Combined", "the zero Rollup", fmt.Errorf("%w: no stages", ErrEmpty))
	}
	total, st := make([]int64, stateLen(n)), make([]int64, stateLen(n))
	var count int64
	for g := range r.groups {
		r.state(g, st)
		c := stateCount(st, n)
		if count > maxI-c {
			return KPIs{}, inputErr("Rollup.Combined", "record count", ErrOverflow)
		}
		count += c
		// Once the record count fits, so do the stage, won and lost
		// counts; the sums are checked one by one.
		for i, v := range st {
			if i >= n+2 && total[i] > maxI-v {
				return KPIs{}, inputErr("Rollup.Combined", "sums", ErrOverflow)
			}
			total[i] += v
		}
	}
	return r.kpis(total), nil
}

// kpis computes the KPIs of one group's state. The group's counts add up
// to its number of records, which fits in an int64, so no sum here can
// overflow. r has at least one stage: the zero Rollup has no groups, and
// Combined refuses it.
func (r *Rollup) kpis(st []int64) KPIs {
	n := len(r.stages)
	k := KPIs{Funnel: make(benchmark.Funnel, n), Rates: make([]benchmark.Rate, n-1)}
	var reached int64
	for s := n - 1; s >= 0; s-- {
		reached += st[s]
		k.Funnel[s] = benchmark.Stage{Name: r.stages[s], Count: reached}
	}
	for s := range k.Rates {
		k.Rates[s] = benchmark.Rate{Hits: k.Funnel[s+1].Count, Trials: k.Funnel[s].Count}
	}
	won, lost := st[n], st[n+1]
	k.Open = Totals{Count: reached - won - lost, Amount: st[n+2], Days: st[n+5]}
	k.Won = Totals{Count: won, Amount: st[n+3], Days: st[n+6]}
	k.Lost = Totals{Count: lost, Amount: st[n+4], Days: st[n+7]}
	k.WinRate = benchmark.Rate{Hits: won, Trials: won + lost}
	return k
}
