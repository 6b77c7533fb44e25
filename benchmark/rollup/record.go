package rollup

import (
	"strconv"

	"github.com/salesdev/salesdev/benchmark"
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
// stage-to-stage conversion a valid [benchmark.Rate]. A closed deal keeps the stage
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
	// Count is the number of records.
	Count int64 `json:"count"`
	// Amount is the sum of the records' amounts, in the currency's minor
	// units (cents).
	Amount int64 `json:"amount"`
	// Days is the sum of the records' days (see [Record.Days]).
	Days int64 `json:"days"`
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
// qualified; pipeline is Open.Amount; average deal size is
// Won.AverageAmount(); close rate is WinRate; time-to-close is
// Won.AverageDays() (and Lost.AverageDays() says how long lost deals
// took). The Rates are the performance ratios between those stages.
//
// Every field is finite.
type KPIs struct {
	// Funnel holds, for each stage top first, the items that reached it:
	// those whose furthest stage is that stage or a later one. Its counts
	// never grow down the funnel.
	Funnel benchmark.Funnel `json:"funnel"`
	// Rates are the stage-to-stage conversions: Rates[i] is
	// Funnel[i+1].Count out of Funnel[i].Count. Never nil.
	Rates []benchmark.Rate `json:"rates"`
	// Open totals the items still in play; Open.Amount is the pipeline.
	Open Totals `json:"open"`
	// Won totals the deals won; Won.Amount is the revenue.
	Won Totals `json:"won"`
	// Lost totals the deals lost.
	Lost Totals `json:"lost"`
	// WinRate is won deals out of closed (won and lost) deals.
	WinRate benchmark.Rate `json:"win_rate"`
}
