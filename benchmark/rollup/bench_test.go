package rollup

import (
	"math/rand/v2"
	"strconv"
	"sync"
	"testing"
	"time"
)

// genRecords returns n records over groups groups with DESIGN §7's mix:
// 50% calls, 25% conversations, 12% meetings, 8% proposals and 5% closed
// deals, 35% of them won. Each record is an item at its furthest stage.
// Proposals are open deals with an amount (the pipeline) and an age;
// closed deals have an amount and a cycle time. The sequence is fixed
// (PCG with a fixed seed), so every run measures the same records.
func genRecords(n, groups int) []Record {
	rng := rand.New(rand.NewPCG(2024, 7))
	recs := make([]Record, n)
	for i := range recs {
		rec := Record{Group: uint32(rng.IntN(groups))}
		switch p := rng.IntN(100); {
		case p < 50:
			rec.Stage = 0
		case p < 75:
			rec.Stage = 1
		case p < 87:
			rec.Stage = 2
		case p < 95:
			rec.Stage = 3
			rec.Amount = 100_00 + rng.Int64N(50_000_00)
			rec.Days = uint16(rng.IntN(90))
		default:
			rec.Stage = 4
			rec.Amount = 100_00 + rng.Int64N(50_000_00)
			rec.Days = uint16(1 + rng.IntN(365))
			rec.Outcome = Lost
			if rng.IntN(100) < 35 {
				rec.Outcome = Won
			}
		}
		recs[i] = rec
	}
	return recs
}

// BenchmarkRollup rolls up 10M records over 10k reps with DESIGN §7's mix,
// on one goroutine, on two goroutines (one Rollup each over half the
// records, then Merge), and with the straightforward version as the
// baseline. The records are built here, not at init, so that a plain go
// test does not pay for them.
//
// Run the parallel one with -cpu 1,2 to see the scaling.
func BenchmarkRollup(b *testing.B) {
	const n, groups = 10_000_000, 10_000
	recs := genRecords(n, groups)
	perSecond := func(b *testing.B) {
		b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
	}

	b.Run("goroutines=1", func(b *testing.B) {
		r, err := New(rollupStages, groups)
		if err != nil {
			b.Fatal(err)
		}
		// One untimed pass, so that the first timed one does not pay
		// for faulting in the roll-up's memory.
		if err := r.Add(recs); err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			r.Reset()
			if err := r.Add(recs); err != nil {
				b.Fatal(err)
			}
		}
		perSecond(b)
	})

	b.Run("goroutines=2", func(b *testing.B) {
		var shards [2]*Rollup
		for i := range shards {
			r, err := New(rollupStages, groups)
			if err != nil {
				b.Fatal(err)
			}
			shards[i] = r
		}
		halves := [2][]Record{recs[:n/2], recs[n/2:]}
		for i, r := range shards { // untimed, as above
			if err := r.Add(halves[i]); err != nil {
				b.Fatal(err)
			}
		}
		var errs [2]error
		b.ReportAllocs()
		for b.Loop() {
			var wg sync.WaitGroup
			for i := range shards {
				wg.Go(func() {
					shards[i].Reset()
					errs[i] = shards[i].Add(halves[i])
				})
			}
			wg.Wait()
			if errs[0] != nil || errs[1] != nil {
				b.Fatal(errs)
			}
			if err := shards[0].Merge(shards[1]); err != nil {
				b.Fatal(err)
			}
		}
		perSecond(b)
	})

	b.Run("baseline=map", func(b *testing.B) {
		rows := baselineRows(recs)
		b.ReportAllocs()
		for b.Loop() {
			m := baselineRollup(rows)
			if len(m) != groups {
				b.Fatalf("baseline has %d groups, want %d", len(m), groups)
			}
		}
		perSecond(b)
	})
}

// baselineRow is a CRM row as the straightforward version holds it: a
// string owner ID and time.Time dates.
type baselineRow struct {
	Owner           string
	Stage           int
	Closed, Won     bool
	Amount          int64
	Created, Closes time.Time
}

// baselineStats is the straightforward version's per-owner state.
type baselineStats struct {
	stages                            [5]int64
	won, lost                         int64
	wonAmount, openAmount, lostAmount int64
	wonDays, lostDays                 int64
}

func baselineRows(recs []Record) []baselineRow {
	owners := make([]string, 0, 10_000)
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	rows := make([]baselineRow, len(recs))
	for i, rec := range recs {
		for int(rec.Group) >= len(owners) {
			owners = append(owners, "005"+strconv.Itoa(1_000_000+len(owners)))
		}
		created := start.AddDate(0, 0, i%365)
		rows[i] = baselineRow{Owner: owners[rec.Group], Stage: int(rec.Stage),
			Closed: rec.Outcome != Open, Won: rec.Outcome == Won, Amount: rec.Amount,
			Created: created, Closes: created.AddDate(0, 0, int(rec.Days))}
	}
	return rows
}

// baselineRollup is the straightforward roll-up: a map from owner ID to
// a pointer to its stats, and days from time.Time subtraction.
func baselineRollup(rows []baselineRow) map[string]*baselineStats {
	m := make(map[string]*baselineStats)
	for _, row := range rows {
		st := m[row.Owner]
		if st == nil {
			st = &baselineStats{}
			m[row.Owner] = st
		}
		st.stages[row.Stage]++
		if !row.Closed {
			st.openAmount += row.Amount
			continue
		}
		days := int64(row.Closes.Sub(row.Created) / (24 * time.Hour))
		if row.Won {
			st.won++
			st.wonAmount += row.Amount
			st.wonDays += days
		} else {
			st.lost++
			st.lostAmount += row.Amount
			st.lostDays += days
		}
	}
	return m
}
