package benchmark

import (
	"fmt"
	"iter"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/salesdev/salesdev/internal/enum"
)

// An Outcome says whether an item is still in play or how it closed. The
// zero value is [Open], so activities and open deals need not set it.
type Outcome uint8

const (
	// Open marks an item still in play: a call, a conversation, a meeting,
	// an open deal. It is the zero value.
	Open Outcome = iota
	// Won marks a deal closed and won.
	Won
	// Lost marks a deal closed and lost.
	Lost
)

var outcomeNames = [...]string{"open", "won", "lost"}

// String returns "open", "won" or "lost". An unknown value prints as a
// diagnostic such as "%!Outcome(7)".
func (o Outcome) String() string {
	return enum.String("Outcome", outcomeNames[:], o)
}

// Valid reports whether o is one of the declared outcomes.
func (o Outcome) Valid() bool { return o <= Lost }

// MarshalText implements [encoding.TextMarshaler]. It returns an error for
// an unknown value rather than writing text that cannot be read back.
func (o Outcome) MarshalText() ([]byte, error) {
	if !o.Valid() {
		return nil, inputErr("Outcome.MarshalText", o.String(), ErrInvalidEnum)
	}
	return []byte(o.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts the
// output of [Outcome.String] in any case.
func (o *Outcome) UnmarshalText(text []byte) error {
	v, ok := enum.Parse[Outcome](outcomeNames[:], text)
	if ok {
		*o = v
		return nil
	}
	return inputErr("Outcome.UnmarshalText", strconv.Quote(string(text)), ErrInvalidEnum)
}

// A Record is one item of a sales process as a [Rollup] counts it: a call,
// a conversation, a meeting, a deal. It is a 16-byte value with no
// pointers, so that a slice of records streams through the CPU at memory
// speed and costs the garbage collector nothing; the CRM's string IDs are
// turned into dense group indexes once, at the edge, by an [Interner].
//
// Stage is the furthest stage the item reached, so a call that became a
// meeting is one record at the meeting stage, not two: the roll-up counts
// it in the funnel at every stage down to its own, which keeps each
// stage-to-stage conversion a valid [Rate]. A closed deal keeps the stage
// it was closed at (a plugin that only knows "closed" maps it to a closing
// stage), and Outcome says whether it was won or lost.
type Record struct {
	// Amount is the deal's value in the currency's minor units (cents):
	// an integer, so that sums are exact and shards merge to the same
	// totals in any order. It is 0 for an activity and never negative.
	// [MinorUnits] converts a CRM's decimal amount.
	Amount int64 `json:"amount"`
	// Group is the rep (or team) the item counts for: a dense index in
	// [0, groups) from an [Interner].
	Group uint32 `json:"group"`
	// Days is the time to close in whole days for a closed deal and the
	// age so far for an open one (or 0 when it does not matter).
	// [CycleDays] computes it from a created and a closed date.
	Days uint16 `json:"days"`
	// Stage is the index, in the roll-up's stage list, of the furthest
	// stage the item reached.
	Stage uint8 `json:"stage"`
	// Outcome is Open for activities and open deals, Won or Lost for
	// closed deals.
	Outcome Outcome `json:"outcome"`
}

// Totals are exact sums over one [Outcome]'s records in a group: how many,
// their amounts in minor units, and their days.
type Totals struct {
	Count  int64 `json:"count"`
	Amount int64 `json:"amount"`
	Days   int64 `json:"days"`
}

// AverageAmount returns Amount/Count in minor units: for won deals, the
// average deal size. It returns 0 when Count is 0; check Count before
// reading a zero.
func (t Totals) AverageAmount() float64 {
	if t.Count <= 0 {
		return 0
	}
	return float64(t.Amount) / float64(t.Count)
}

// AverageDays returns Days/Count: for won deals, the average time to
// close; for open deals, their average age. It returns 0 when Count is 0.
func (t Totals) AverageDays() float64 {
	if t.Count <= 0 {
		return 0
	}
	return float64(t.Days) / float64(t.Count)
}

// KPIs are one group's figures from a [Rollup]: the numbers a sales leader
// runs a rep by. ASLAN's list maps onto them as follows: number of calls is
// the Funnel count at the call stage (the top, when every item starts as a
// call); qualified leads is the Funnel count at the stage the team calls
// qualified; pipeline is Open.Amount; average deal size is AverageDeal;
// close rate is WinRate; time-to-close is AverageDays. The Rates are the
// performance ratios between those stages.
//
// Every field is finite: with no won deal the averages are 0 and
// Won.Count, which is then 0, says so.
type KPIs struct {
	// Funnel holds, for each stage top first, the items that reached it:
	// those whose furthest stage is that stage or a later one. Its counts
	// never grow down the funnel.
	Funnel Funnel `json:"funnel"`
	// Rates are the stage-to-stage conversions: Rates[i] is
	// Funnel[i+1].Count out of Funnel[i].Count. Never nil.
	Rates []Rate `json:"rates"`
	// Open, Won and Lost total the items by outcome. Open.Amount is the
	// pipeline, Won.Amount the revenue.
	Open Totals `json:"open"`
	Won  Totals `json:"won"`
	Lost Totals `json:"lost"`
	// WinRate is won deals out of closed (won and lost) deals.
	WinRate Rate `json:"win_rate"`
	// AverageDeal is the average won amount, in minor units.
	AverageDeal float64 `json:"average_deal"`
	// AverageDays is the average number of days to close a won deal;
	// Lost.AverageDays says how long lost deals took.
	AverageDays float64 `json:"average_days"`
}

// MaxStages is the largest number of stages a [Rollup] can have:
// [Record.Stage] is a byte.
const MaxStages = 256

// A Rollup accumulates per-group KPIs from [Record] values. All its sums
// are exact int64s, so shards rolled up apart (on goroutines, on machines,
// in a distributed engine's combiner) and combined with [Rollup.Merge]
// give the same figures, in any order, as one roll-up over everything.
// Read the figures with [Rollup.Group], [Rollup.All] and
// [Rollup.Combined]; ship a shard's state with [Rollup.MarshalBinary].
//
// A Rollup holds 192 bytes per group with up to 6 stages (see
// [NewRollup]) and allocates nothing after it is made: [Rollup.Add] costs
// a few nanoseconds per record and no allocation.
//
// A Rollup is a mutable accumulator and not safe for concurrent use. To
// use several cores, give each goroutine its own Rollup over part of the
// records and merge them when they are done; the package itself starts no
// goroutines. The zero Rollup has no stages and no groups; make one with
// [NewRollup] or [Rollup.UnmarshalBinary].
type Rollup struct {
	stages []string
	groups int
	// The slots hold one plane per outcome, and in each plane a section
	// of sec slots per group (a whole number of 64-byte cache lines): the
	// amount and days sums, then a count per stage. A record updates
	// three slots of one section: its outcome's amount and days and its
	// stage's count. So a record touches one cache line, and the lines
	// of open items, most of a CRM's records, lie together in the first
	// plane: 640 KB for 10,000 reps, which stays in a core's L2 cache
	// while the records stream past. The funnel and the outcome counts
	// are sums over the stage counts, computed when the KPIs are read.
	sec   int
	plane int     // slots per plane: a section per group and a spare one
	slots []int64 // three planes and a cache line of padding
	// bounds are upper bounds on r's sums.
	bounds rollupBounds
}

// rollupBounds bound a Rollup's sums from above: count is at least every
// group's number of records, amount every amount sum, days every days sum.
// Add and Merge check them, and fall back to exact checks only when a
// batch could overflow them.
type rollupBounds struct{ count, amount, days int64 }

// NewRollup returns an empty Rollup for groups groups (reps or teams) and
// the funnel stages named in stages, top first: [Record.Stage] indexes
// stages. Names must be non-empty and unique once leading and trailing
// white space is trimmed, as [Funnel.Validate] requires ("call" and
// "call " are duplicates), but are kept as given; there can be 1 to
// [MaxStages] of them, and groups must be in [1, 2³²]. NewRollup copies
// stages. It allocates 3·64·⌈(len(stages)+2)/8⌉ bytes per group: 192
// bytes with up to 6 stages, 1.9 MB for 10,000 reps. It returns an
// [*InputError] wrapping [ErrEmpty], [ErrDuplicate] or [ErrOutOfRange].
func NewRollup(stages []string, groups int) (*Rollup, error) {
	if err := checkRollupShape("NewRollup", stages, groups); err != nil {
		return nil, err
	}
	r := &Rollup{}
	r.init(slices.Clone(stages), groups)
	return r, nil
}

func checkRollupShape(fn string, stages []string, groups int) error {
	if len(stages) == 0 {
		return inputErr(fn, "stages", ErrEmpty)
	}
	if len(stages) > MaxStages {
		return inputErr(fn, fmt.Sprintf("len(stages) = %d", len(stages)), fmt.Errorf("%w: at most %d stages", ErrOutOfRange, MaxStages))
	}
	// Names are compared as [Funnel.Validate] compares them, trimmed, so
	// that every KPIs.Funnel the Rollup returns is a valid Funnel.
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
	// On a 32-bit platform the slots may not be addressable at all.
	if slots := (uint64(groups) + 1) * 3 * uint64(rollupSection(len(stages))); slots > math.MaxInt/8 {
		return inputErr(fn, fmt.Sprintf("groups = %d", groups), fmt.Errorf("%w: too many groups for this platform", ErrOutOfRange))
	}
	return nil
}

// rollupSection returns the number of slots in a section for n stages: the
// amount, the days and n counts, rounded up to whole cache lines.
func rollupSection(n int) int { return (slotStage + n + 7) &^ 7 }

// init lays out an empty roll-up; stages and groups have been checked.
func (r *Rollup) init(stages []string, groups int) {
	sec := rollupSection(len(stages))
	plane := (groups + 1) * sec
	*r = Rollup{
		stages: stages,
		groups: groups,
		sec:    sec,
		plane:  plane,
		// Each plane's spare section takes the records of a bad batch
		// whose group is out of range until Add takes them out again;
		// the padding lets apply view any section as an [8]int64 and
		// index it with an unknown outcome.
		slots: make([]int64, 3*plane+8),
	}
}

// section returns group g's slots for outcome o.
func (r *Rollup) section(o Outcome, g int) []int64 {
	i := int(o)*r.plane + g*r.sec
	return r.slots[i : i+r.sec : i+r.sec]
}

// Stages returns a copy of r's stage names, top first.
func (r *Rollup) Stages() []string { return slices.Clone(r.stages) }

// Groups returns the number of groups r counts.
func (r *Rollup) Groups() int { return r.groups }

// Reset empties r, keeping its stages, groups and memory.
func (r *Rollup) Reset() {
	clear(r.slots)
	r.bounds = rollupBounds{}
}

// rollupBlock is how many records Add applies before it checks them: 16
// KB, so that a bad block is taken out again while it is still in cache.
const rollupBlock = 1024

// Add counts records into r, and applies nothing when any record is bad:
// a group or stage out of range, an unknown outcome, a negative amount, or
// a sum that would overflow an int64. The error is an [*InputError]
// wrapping [ErrOutOfRange], [ErrInvalidEnum], [ErrNegative] or
// [ErrOverflow], naming the first bad record. A rejected batch leaves r
// exactly as it was.
//
// Add does not modify records and allocates nothing unless it returns an
// error. It is not safe for concurrent use.
func (r *Rollup) Add(records []Record) error {
	// Add makes one pass over the records. It applies a block, with
	// indexes clamped so that even a bad record writes inside r's slots,
	// and checks it on the way; integer sums, even wrapped around, subtract
	// back exactly, so when a block turns out bad Add takes it and the
	// blocks before it out again.
	const fn = "Rollup.Add"
	if r.groups == 0 && len(records) > 0 {
		return r.recordErr(fn, 0, records) // the zero Rollup: every group is out of range
	}
	saved := r.bounds
	for start := 0; start < len(records); start += rollupBlock {
		blk := records[start:min(start+rollupBlock, len(records))]
		bad, amounts := r.apply(blk)
		if bad|amounts < 0 {
			r.unapply(records[:start+len(blk)])
			r.bounds = saved
			return r.recordErr(fn, start, blk)
		}
		// amounts, the OR of the block's amounts, is at least the
		// largest, so len(blk)·amounts bounds what any sum grew by.
		n := int64(len(blk))
		hi, grew := bits.Mul64(uint64(n), uint64(amounts))
		if hi == 0 && r.bounds.fit(n, grew) {
			r.bounds.add(n, int64(grew))
			continue
		}
		// The block may have overflowed a sum: take it out, and put it
		// back record by record, checking each sum.
		r.unapply(blk)
		r.tighten()
		if i, ok := r.applyChecked(blk); !ok {
			r.unapply(blk[:i])
			r.unapply(records[:start])
			r.bounds = saved
			return inputErr(fn, fmt.Sprintf("records[%d] (group %d)", start+i, blk[i].Group), ErrOverflow)
		}
		r.tighten()
	}
	return nil
}

// fit reports whether sums within b stay within int64 after a block of n
// records whose amounts add at most amounts to any sum.
func (b rollupBounds) fit(n int64, amounts uint64) bool {
	const maxI = math.MaxInt64
	return amounts <= maxI && b.amount <= maxI-int64(amounts) &&
		b.count <= maxI-n && b.days <= maxI-n*math.MaxUint16
}

func (b *rollupBounds) add(n, amounts int64) {
	b.count += n
	b.amount += amounts
	b.days += n * math.MaxUint16
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

// A section's slots: the amount sum, the days sum, then one count per
// stage.
const (
	slotAmount = 0
	slotDays   = 1
	slotStage  = 2
)

// apply adds a block of records to the slots and checks them on the way:
// bad is negative when a record is out of range or has a negative amount,
// and amounts is the OR of the amounts. A bad record's indexes are
// clamped so that it still lands inside the slots, where unapply finds it
// again.
//
// This is the hot loop: no branch depends on the data, each record
// updates three slots, and with up to 6 stages a section is an [8]int64
// indexed with masks, so that a record costs one bounds check.
func (r *Rollup) apply(blk []Record) (bad, amounts int64) {
	s, spare := r.slots, r.groups
	gmax, smax := int64(r.groups)-1, int64(len(r.stages))-1
	// planes[o] is where outcome o's plane starts; an unknown outcome
	// (rec.Outcome&3 == 3) lands in the lost plane.
	planes := [4]int{0, r.plane, 2 * r.plane, 2 * r.plane}
	if r.sec == 8 {
		for i := range blk {
			rec := &blk[i]
			bad |= (gmax - int64(rec.Group)) | (smax - int64(rec.Stage)) | (int64(Lost) - int64(rec.Outcome))
			amounts |= rec.Amount
			g := int(rec.Group)
			if g > spare {
				g = spare
			}
			j := planes[rec.Outcome&3] + g<<3
			sec := (*[8]int64)(s[j : j+8])
			sec[(slotStage+rec.Stage)&7]++
			sec[slotAmount] += rec.Amount
			sec[slotDays] += int64(rec.Days)
		}
		return bad, amounts
	}
	for i := range blk {
		rec := &blk[i]
		bad |= (gmax - int64(rec.Group)) | (smax - int64(rec.Stage)) | (int64(Lost) - int64(rec.Outcome))
		amounts |= rec.Amount
		sec := r.section(min(rec.Outcome, Lost), min(int(rec.Group), spare))
		sec[slotStage+min(int(rec.Stage), int(smax))]++
		sec[slotAmount] += rec.Amount
		sec[slotDays] += int64(rec.Days)
	}
	return bad, amounts
}

// unapply takes records that apply added out of the slots again, at the
// same clamped indexes: integer sums subtract back exactly.
func (r *Rollup) unapply(recs []Record) {
	spare, smax := r.groups, len(r.stages)-1
	for i := range recs {
		rec := &recs[i]
		g := min(int(rec.Group), spare)
		var sec []int64
		var st int
		if r.sec == 8 {
			sec = r.slots[min(int(rec.Outcome&3), 2)*r.plane+g<<3:][:8]
			st = (slotStage + int(rec.Stage)) & 7
		} else {
			sec = r.section(min(rec.Outcome, Lost), g)
			st = slotStage + min(int(rec.Stage), smax)
		}
		sec[st]--
		sec[slotAmount] -= rec.Amount
		sec[slotDays] -= int64(rec.Days)
	}
}

// applyChecked adds good records one at a time, stopping before the first
// that would overflow a sum: it returns how many it added and whether
// that was all of them.
func (r *Rollup) applyChecked(blk []Record) (int, bool) {
	const maxI = math.MaxInt64
	for i, rec := range blk {
		sec := r.section(rec.Outcome, int(rec.Group))
		if r.groupCount(int(rec.Group)) == maxI || sec[slotAmount] > maxI-rec.Amount || sec[slotDays] > maxI-int64(rec.Days) {
			return i, false
		}
		sec[slotStage+int(rec.Stage)]++
		sec[slotAmount] += rec.Amount
		sec[slotDays] += int64(rec.Days)
	}
	return len(blk), true
}

// count returns the number of records in a section.
func (r *Rollup) count(sec []int64) int64 {
	var n int64
	for _, c := range sec[slotStage : slotStage+len(r.stages)] {
		n += c
	}
	return n
}

// groupCount returns the number of records in group g. The sums fit: a
// Rollup never holds a group with more than MaxInt64 records.
func (r *Rollup) groupCount(g int) int64 {
	return r.count(r.section(Open, g)) + r.count(r.section(Won, g)) + r.count(r.section(Lost, g))
}

// tighten sets r's bounds to the largest sums r holds.
func (r *Rollup) tighten() {
	var b rollupBounds
	for g := range r.groups {
		b.count = max(b.count, r.groupCount(g))
		for o := Open; o <= Lost; o++ {
			sec := r.section(o, g)
			b.amount = max(b.amount, sec[slotAmount])
			b.days = max(b.days, sec[slotDays])
		}
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
	a, b := r.bounds, other.bounds
	// The bounds settle most merges at once; otherwise check each group.
	exact := a.count > maxI-b.count || a.amount > maxI-b.amount || a.days > maxI-b.days
	if exact {
		for g := range r.groups {
			if r.groupCount(g) > maxI-other.groupCount(g) {
				return inputErr(fn, fmt.Sprintf("group %d record count", g), ErrOverflow)
			}
			for o := Open; o <= Lost; o++ {
				x, y := r.section(o, g), other.section(o, g)
				if x[slotAmount] > maxI-y[slotAmount] || x[slotDays] > maxI-y[slotDays] {
					return inputErr(fn, fmt.Sprintf("group %d %v sums", g, o), ErrOverflow)
				}
			}
		}
	}
	for i, v := range other.slots {
		r.slots[i] += v // the spare sections and the padding are 0
	}
	if exact {
		r.tighten()
	} else {
		r.bounds = rollupBounds{a.count + b.count, a.amount + b.amount, a.days + b.days}
	}
	return nil
}

// Group returns group g's KPIs. It returns an [*InputError] wrapping
// [ErrOutOfRange] when g is not in [0, r.Groups()).
func (r *Rollup) Group(g int) (KPIs, error) {
	if g < 0 || g >= r.groups {
		return KPIs{}, inputErr("Rollup.Group", fmt.Sprintf("g = %d", g), fmt.Errorf("%w: %d groups", ErrOutOfRange, r.groups))
	}
	return r.kpis(r.section(Open, g), r.section(Won, g), r.section(Lost, g)), nil
}

// All returns an iterator over every group's index and KPIs, in index
// order. Each group's KPIs are computed as the iteration reaches them. For
// the zero Rollup, which has no groups, it yields nothing.
func (r *Rollup) All() iter.Seq2[int, KPIs] {
	return func(yield func(int, KPIs) bool) {
		for g := range r.groups {
			if !yield(g, r.kpis(r.section(Open, g), r.section(Won, g), r.section(Lost, g))) {
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
	if len(r.stages) == 0 {
		return KPIs{}, inputErr("Rollup.Combined", "the zero Rollup", fmt.Errorf("%w: no stages", ErrEmpty))
	}
	var total [3][]int64
	var n int64
	for o := range total {
		total[o] = make([]int64, r.sec)
	}
	for g := range r.groups {
		c := r.groupCount(g)
		if n > maxI-c {
			return KPIs{}, inputErr("Rollup.Combined", "record count", ErrOverflow)
		}
		n += c
		for o, t := range total {
			for i, v := range r.section(Outcome(o), g) {
				if t[i] > maxI-v {
					return KPIs{}, inputErr("Rollup.Combined", Outcome(o).String()+" sums", ErrOverflow)
				}
				t[i] += v
			}
		}
	}
	return r.kpis(total[Open], total[Won], total[Lost]), nil
}

// kpis computes the KPIs of one group from its three sections. The
// group's counts add up to its number of records, which fits in an int64,
// so no sum here can overflow. r has at least one stage: the zero Rollup
// has no groups, and Combined refuses it.
func (r *Rollup) kpis(open, won, lost []int64) KPIs {
	n := len(r.stages)
	k := KPIs{Funnel: make(Funnel, n), Rates: make([]Rate, n-1)}
	var reached int64
	for s := n - 1; s >= 0; s-- {
		reached += open[slotStage+s] + won[slotStage+s] + lost[slotStage+s]
		k.Funnel[s] = Stage{Name: r.stages[s], Count: reached}
	}
	for s := range k.Rates {
		k.Rates[s] = Rate{Hits: k.Funnel[s+1].Count, Trials: k.Funnel[s].Count}
	}
	totals := func(sec []int64) Totals {
		return Totals{Count: r.count(sec), Amount: sec[slotAmount], Days: sec[slotDays]}
	}
	k.Open, k.Won, k.Lost = totals(open), totals(won), totals(lost)
	k.WinRate = Rate{Hits: k.Won.Count, Trials: k.Won.Count + k.Lost.Count}
	k.AverageDeal = k.Won.AverageAmount()
	k.AverageDays = k.Won.AverageDays()
	return k
}
