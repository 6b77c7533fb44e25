// Package rollup turns a CRM's activities and deals into each rep's KPIs:
// the funnel, the stage-to-stage rates, the win rate, the pipeline, the
// average deal and the time to close.
//
// These are the KPIs that ASLAN Training's "Know the Difference Between
// Coaching & Managing" lists as what managers talk about when managing
// (pipeline analytics, number of qualified leads, average deal size, close
// rates, time-to-close, number of calls), and the ratios between them are
// what the package
// [github.com/salesdev/salesdev/benchmark] turns into benchmarks. A roll-up
// counts millions of records a second on one core, allocates nothing per
// record, keeps every sum exact, and merges shards counted apart.
//
// Scope: counting records that a plugin has already read and mapped onto
// a funnel. Not in scope: reading CRM exports, mapping a CRM's stage names
// (see the example programs), currencies (sum one currency per roll-up),
// or any statistics beyond counts and averages ([benchmark.Rate] and
// [benchmark.FitPrior] take it from there).
//
// # Records
//
// A [Record] is one item at the furthest stage it reached: a call that
// became a meeting is one record at the meeting stage. Its group is a
// dense index, not a string, so the roll-up never hashes: intern the CRM's
// owner IDs once, at the edge, with an [Interner]. Amounts are integers in
// minor units ([MinorUnits] converts a CRM's decimal amount, rounding the
// decimal as written), and days are whole calendar days ([CycleDays]).
//
//	var owners rollup.Interner
//	g, err := owners.Intern(opp.OwnerId)
//	cents, err := rollup.MinorUnits(opp.Amount, 2)
//	days, err := rollup.CycleDays(opp.CreatedDate, opp.CloseDate)
//	recs = append(recs, rollup.Record{Group: g, Stage: closing, Outcome: rollup.Won, Amount: cents, Days: days})
//
// # Rolling up
//
// [New] makes a roll-up for a funnel's stages, top first, and a number of
// groups; [Rollup.Add] counts a batch of records, all of it or, when any
// record is bad or a sum would overflow, none of it:
//
//	r, err := rollup.New([]string{"call", "conversation", "meeting", "proposal", "closed"}, owners.Len())
//	err = r.Add(recs)
//	kpis, err := r.Group(int(g)) // kpis.Funnel, kpis.Rates, kpis.WinRate, kpis.Won.Amount, …
//
// [Rollup.All] walks every group's [KPIs]; [Rollup.Combined] adds the groups
// up into the team's. To read one figure of many groups, [Rollup.Reached]
// (a funnel count), [Rollup.AppendReached] (a whole funnel, into a slice
// the caller reuses) and [Rollup.Totals] (an outcome's count, amount and
// days) read it without building each group's KPIs, and allocate nothing.
// [Rollup.Reset] empties a roll-up for the next period and keeps its memory.
//
// A plugin that streams rows need not know the number of reps before it
// starts: [Rollup.Grow] adds groups as new owners are interned, keeping
// the figures counted so far, at an amortised cost, as append does.
//
// # Shards
//
// All sums are exact integers, so roll-ups counted apart combine with
// [Rollup.Merge] to the figures of one roll-up over everything, in any
// order: give each goroutine its own roll-up over part of the records and
// merge them at the end (the package starts no goroutines itself). To send
// a shard to another process, [Rollup.MarshalBinary] writes a versioned,
// checksummed form; [Rollup.UnmarshalBinary] refuses anything damaged,
// truncated or impossible with [ErrCorrupt]. Group indexes from an
// [Interner] are local to a process: merge shards from different processes
// only when they interned the same IDs in the same order.
//
// # Errors
//
// Errors for bad input have concrete type [*InputError], naming the function
// and argument, and wrap a sentinel for [errors.Is]. Where the meaning is
// [benchmark]'s, the sentinel is benchmark's own value ([ErrOutOfRange] is
// [benchmark.ErrOutOfRange]), so one check works across both packages.
//
// # Performance
//
// A group's hot counters share one 64-byte line (with up to 5 stages):
// the amount sums as int64s, and the counts and days sums as 32-bit
// counters that spill exactly into int64s before they could overflow. A
// record adds to three words of its group's line, and whether a batch can
// overflow is decided per block of 1,024 records from the block's largest
// amount and days, so no record pays for an overflow check of its own.
// The package's benchmarks measure it against a reference kernel that
// does the same sums in one 64-byte line per group with no overflow
// checks at all: on DESIGN §7's workload (10M records, 10,000 reps) Add
// runs at about 0.9 of the kernel's speed on one core, and two
// goroutines, each with its own Rollup over half the records, then Merge,
// run about 1.9 times as fast as one (measured on a 2-core Xeon; see
// BenchmarkRollupPaired).
package rollup

// References:
//   - ASLAN Training, "Know the Difference Between Coaching & Managing":
//     the KPIs managers talk about when managing (pipeline analytics,
//     number of qualified leads, average deal size, close rates,
//     time-to-close, number of calls).
//   - "The Difference Between Sales Leaders and Sales Managers": "running
//     your numbers, not running after quota".
//   - G. Castagnoli, S. Bräuer and M. Herrmann, "Optimization of cyclic
//     redundancy-check codes with 24 and 32 parity bits", IEEE
//     Transactions on Communications 41 (1993) 883–892 (CRC-32C).
