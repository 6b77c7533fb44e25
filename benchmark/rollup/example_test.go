package rollup_test

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/salesdev/salesdev/benchmark/rollup"
)

// The basic roll-up: one record per item at the furthest stage it
// reached, then each rep's funnel, conversion rates and deal figures.
func ExampleRollup() {
	stages := []string{"call", "conversation", "meeting", "proposal", "closed"}
	r, err := rollup.New(stages, 2) // reps 0 and 1
	if err != nil {
		fmt.Println(err)
		return
	}
	err = r.Add([]rollup.Record{
		{Group: 0, Stage: 0},                             // a call that went nowhere
		{Group: 0, Stage: 0},                             // another
		{Group: 0, Stage: 1},                             // a call that became a conversation
		{Group: 0, Stage: 2},                             // … and one that became a meeting
		{Group: 0, Stage: 3, Amount: 80000_00, Days: 12}, // an open proposal, 12 days old
		{Group: 0, Stage: 4, Outcome: rollup.Won, Amount: 12000_00, Days: 41}, // won $12,000 in 41 days
		{Group: 0, Stage: 4, Outcome: rollup.Lost, Amount: 9000_00, Days: 30},
		{Group: 1, Stage: 0},
		{Group: 1, Stage: 4, Outcome: rollup.Won, Amount: 3000_00, Days: 20},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	k, err := r.Group(0)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, s := range k.Funnel {
		fmt.Printf("%-12s %d", s.Name, s.Count)
		if i > 0 {
			fmt.Printf("  (%s of the stage above)", k.Rates[i-1])
		}
		fmt.Println()
	}
	fmt.Printf("pipeline $%.2f in %d open items\n", float64(k.Open.Amount)/100, k.Open.Count)
	fmt.Printf("win rate %s, average deal $%.2f, %.0f days to close\n", k.WinRate, k.Won.AverageAmount()/100, k.Won.AverageDays())
	// Output:
	// call         7
	// conversation 5  (5/7 (71.4%) of the stage above)
	// meeting      4  (4/5 (80.0%) of the stage above)
	// proposal     3  (3/4 (75.0%) of the stage above)
	// closed       2  (2/3 (66.7%) of the stage above)
	// pipeline $80000.00 in 5 open items
	// win rate 1/2 (50.0%), average deal $12000.00, 41 days to close
}

// A bad record refuses the whole batch, with an error that names it, and
// leaves the roll-up as it was.
func ExampleRollup_Add() {
	r, _ := rollup.New([]string{"lead", "deal"}, 3)
	err := r.Add([]rollup.Record{
		{Group: 2, Stage: 1, Outcome: rollup.Won, Amount: 500_00},
		{Group: 3, Stage: 0}, // there are only groups 0, 1 and 2
	})
	fmt.Println(err)
	k, _ := r.Group(2)
	fmt.Println("group 2 deals won:", k.Won.Count)
	// Output:
	// rollup: Rollup.Add: records[1].Group = 3: out of range: 3 groups
	// group 2 deals won: 0
}

// Shards rolled up apart, here one per region's export, and merged: the
// figures are exactly those of one roll-up over all records. Each shard
// could equally be a goroutine's (give each its own Rollup) or another
// machine's, sent with MarshalBinary.
func ExampleRollup_Merge() {
	stages := []string{"meeting", "proposal", "closed"}
	east, _ := rollup.New(stages, 1)
	west, _ := rollup.New(stages, 1)
	_ = east.Add([]rollup.Record{
		{Stage: 2, Outcome: rollup.Won, Amount: 4000_00, Days: 30},
		{Stage: 2, Outcome: rollup.Lost, Amount: 2500_00, Days: 45},
	})
	_ = west.Add([]rollup.Record{
		{Stage: 2, Outcome: rollup.Won, Amount: 6000_00, Days: 50},
		{Stage: 0},
	})
	if err := east.Merge(west); err != nil {
		fmt.Println(err)
		return
	}
	k, _ := east.Group(0)
	fmt.Printf("%d meetings, win rate %s, average deal $%.2f, %.0f days\n",
		k.Funnel[0].Count, k.WinRate, k.Won.AverageAmount()/100, k.Won.AverageDays())
	// Output:
	// 4 meetings, win rate 2/3 (66.7%), average deal $5000.00, 40 days
}

// Every rep's figures, and the team's.
func ExampleRollup_All() {
	var reps rollup.Interner
	r, _ := rollup.New([]string{"conversation", "appointment"}, 3)
	for _, c := range []struct {
		rep          string
		appointments bool
	}{{"ana", true}, {"ana", false}, {"ben", false}, {"cy", true}, {"cy", true}, {"ben", false}} {
		g, _ := reps.Intern(c.rep)
		rec := rollup.Record{Group: g}
		if c.appointments {
			rec.Stage = 1
		}
		_ = r.Add([]rollup.Record{rec})
	}
	for g, k := range r.All() {
		rep, _ := reps.ID(uint32(g))
		fmt.Printf("%-4s conversations to appointments %s\n", rep, k.Rates[0])
	}
	team, _ := r.Combined()
	fmt.Printf("team conversations to appointments %s\n", team.Rates[0])
	// Output:
	// ana  conversations to appointments 1/2 (50.0%)
	// ben  conversations to appointments 0/2 (0.0%)
	// cy   conversations to appointments 2/2 (100.0%)
	// team conversations to appointments 3/6 (50.0%)
}

// A shard's state travels as bytes: roll up where the data is, merge
// where the report is made.
func ExampleRollup_MarshalBinary() {
	shard, _ := rollup.New([]string{"proposal", "closed"}, 1)
	_ = shard.Add([]rollup.Record{{Stage: 1, Outcome: rollup.Won, Amount: 700_00, Days: 9}})
	data, err := shard.MarshalBinary()
	if err != nil {
		fmt.Println(err)
		return
	}

	// On the machine that makes the report:
	var received rollup.Rollup
	if err := received.UnmarshalBinary(data); err != nil {
		fmt.Println(err)
		return
	}
	total, _ := rollup.New([]string{"proposal", "closed"}, 1)
	if err := total.Merge(&received); err != nil {
		fmt.Println(err)
		return
	}
	k, _ := total.Group(0)
	fmt.Println(k.Won)

	// A shard damaged on the way is refused, never read as other figures.
	data[len(data)/2] ^= 0x04
	err = received.UnmarshalBinary(data)
	fmt.Println(errors.Is(err, rollup.ErrCorrupt))
	// Output:
	// {1 70000 9}
	// true
}

// How a CRM plugin maps its data onto records, for Salesforce and HubSpot
// at once: owners are interned into groups, stage names are mapped onto
// the team's funnel, amounts are converted to cents and dates to days.
// The rows are what the CRMs' APIs return (the fields a plugin selects),
// inlined here; a plugin would page through them.
func ExampleInterner() {
	// The team's funnel, common to both CRMs.
	stages := []string{"call", "qualified", "meeting", "proposal", "closed"}
	const call, qualified, meeting, proposal, closed = 0, 1, 2, 3, 4
	// The report's date: open deals' age is counted up to it. Time is a
	// parameter, never read from the clock inside the library.
	asOf := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)

	// Salesforce: Opportunity and Task (calls) rows.
	type sfOpportunity struct {
		OwnerId, StageName     string
		IsClosed, IsWon        bool
		Amount                 float64 // in the org's currency
		CreatedDate, CloseDate string
	}
	sfOpps := []sfOpportunity{
		{"005A000001", "Closed Won", true, true, 12000, "2024-01-15T10:30:00.000+0000", "2024-02-25"},
		{"005A000001", "Proposal/Price Quote", false, false, 8000, "2024-03-01T09:00:00.000+0000", "2024-04-30"},
		{"005A000002", "Closed Lost", true, false, 5000, "2024-01-20T14:00:00.000+0000", "2024-03-05"},
		{"005A000002", "Qualification", false, false, 0, "2024-03-20T08:00:00.000+0000", "2024-05-15"},
	}
	sfStage := map[string]int{
		"Prospecting": call, "Qualification": qualified, "Needs Analysis": qualified,
		"Value Proposition": meeting, "Id. Decision Makers": meeting, "Perception Analysis": meeting,
		"Proposal/Price Quote": proposal, "Negotiation/Review": proposal,
		"Closed Won": closed, "Closed Lost": closed,
	}
	sfCalls := []struct{ OwnerId, TaskSubtype string }{
		{"005A000001", "Call"}, {"005A000001", "Call"}, {"005A000002", "Call"}, {"005A000002", "Email"},
	}

	// HubSpot: deals and calls, with their properties as strings.
	hsDeals := []map[string]string{
		{"hubspot_owner_id": "91234", "dealstage": "closedwon", "amount": "4500.50",
			"createdate": "2024-02-01T09:00:00Z", "closedate": "2024-03-12T16:00:00Z"},
		{"hubspot_owner_id": "91234", "dealstage": "presentationscheduled", "amount": "3000",
			"createdate": "2024-03-10T09:00:00Z", "closedate": ""},
	}
	hsStage := map[string]int{
		"appointmentscheduled": meeting, "qualifiedtobuy": qualified, "presentationscheduled": meeting,
		"decisionmakerboughtin": proposal, "contractsent": proposal, "closedwon": closed, "closedlost": closed,
	}
	hsCalls := []map[string]string{{"hubspot_owner_id": "91234"}, {"hubspot_owner_id": "91234"}}

	// Map every row onto a Record. Strings are interned here, once; the
	// roll-up only sees integers.
	var owners rollup.Interner
	var recs []rollup.Record
	fail := func(err error) { fmt.Println("skipping row:", err) }
	for _, o := range sfOpps {
		g, err := owners.Intern("salesforce:" + o.OwnerId)
		if err != nil {
			fail(err)
			continue
		}
		rec := rollup.Record{Group: g, Stage: uint8(sfStage[o.StageName])}
		created, _ := time.Parse("2006-01-02T15:04:05.000-0700", o.CreatedDate)
		end := asOf // an open deal's age
		if o.IsClosed {
			rec.Outcome = rollup.Lost
			if o.IsWon {
				rec.Outcome = rollup.Won
			}
			end, _ = time.Parse(time.DateOnly, o.CloseDate)
		}
		if rec.Amount, err = rollup.MinorUnits(o.Amount, 2); err != nil {
			fail(err)
			continue
		}
		if rec.Days, err = rollup.CycleDays(created, end); err != nil {
			fail(err)
			continue
		}
		recs = append(recs, rec)
	}
	for _, c := range sfCalls {
		if c.TaskSubtype != "Call" {
			continue
		}
		g, _ := owners.Intern("salesforce:" + c.OwnerId)
		recs = append(recs, rollup.Record{Group: g, Stage: call})
	}
	for _, d := range hsDeals {
		g, _ := owners.Intern("hubspot:" + d["hubspot_owner_id"])
		rec := rollup.Record{Group: g, Stage: uint8(hsStage[d["dealstage"]])}
		switch d["dealstage"] {
		case "closedwon":
			rec.Outcome = rollup.Won
		case "closedlost":
			rec.Outcome = rollup.Lost
		}
		amount, _ := strconv.ParseFloat(d["amount"], 64)
		rec.Amount, _ = rollup.MinorUnits(amount, 2)
		created, _ := time.Parse(time.RFC3339, d["createdate"])
		end := asOf
		if rec.Outcome != rollup.Open {
			end, _ = time.Parse(time.RFC3339, d["closedate"])
		}
		rec.Days, _ = rollup.CycleDays(created, end)
		recs = append(recs, rec)
	}
	for _, c := range hsCalls {
		g, _ := owners.Intern("hubspot:" + c["hubspot_owner_id"])
		recs = append(recs, rollup.Record{Group: g, Stage: call})
	}

	r, err := rollup.New(stages, owners.Len())
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := r.Add(recs); err != nil {
		fmt.Println(err)
		return
	}
	for g, k := range r.All() {
		owner, _ := owners.ID(uint32(g))
		counts := make([]string, len(k.Funnel))
		for i, s := range k.Funnel {
			counts[i] = strconv.FormatInt(s.Count, 10)
		}
		fmt.Printf("%-21s funnel %s; pipeline $%.2f; won %d of %d closed, $%.2f avg, %.0f days\n",
			owner, strings.Join(counts, "/"), float64(k.Open.Amount)/100,
			k.WinRate.Hits, k.WinRate.Trials, k.Won.AverageAmount()/100, k.Won.AverageDays())
	}
	// Output:
	// salesforce:005A000001 funnel 4/2/2/2/1; pipeline $8000.00; won 1 of 1 closed, $12000.00 avg, 41 days
	// salesforce:005A000002 funnel 3/2/1/1/1; pipeline $0.00; won 0 of 1 closed, $0.00 avg, 0 days
	// hubspot:91234         funnel 4/2/2/1/1; pipeline $3000.00; won 1 of 1 closed, $4500.50 avg, 40 days
}

func ExampleCycleDays() {
	created := time.Date(2024, 1, 15, 10, 30, 0, 0, time.UTC)
	closed := time.Date(2024, 2, 25, 0, 0, 0, 0, time.UTC) // a date-only CloseDate
	days, err := rollup.CycleDays(created, closed)
	fmt.Println(days, err)
	_, err = rollup.CycleDays(closed, created)
	fmt.Println(err)
	_, err = rollup.CycleDays(created, time.Time{}) // a blank CloseDate
	fmt.Println(err)
	// Output:
	// 41 <nil>
	// rollup: CycleDays: closed 2024-01-15 before created 2024-02-25: negative
	// rollup: CycleDays: closed: empty input: the zero time, a missing date
}

func ExampleMinorUnits() {
	cents, err := rollup.MinorUnits(19.99, 2) // 19.99×100 is 1998.9999999999998 in float64
	fmt.Println(cents, err)
	yen, err := rollup.MinorUnits(12345, 0)
	fmt.Println(yen, err)
	// The decimal as written is rounded, half away from zero, although
	// the float64 nearest 1.005 is 1.00499999999999989…
	half, err := rollup.MinorUnits(1.005, 2)
	fmt.Println(half, err)
	// Output:
	// 1999 <nil>
	// 12345 <nil>
	// 101 <nil>
}

func ExampleOutcome_UnmarshalText() {
	var o rollup.Outcome
	err := o.UnmarshalText([]byte("WON"))
	fmt.Println(o, err)
	// Output:
	// won <nil>
}

// A roll-up that grows as a CRM's rows bring new reps: intern each owner
// as its row streams past, and grow the roll-up when the owner is new.
func ExampleRollup_Grow() {
	var reps rollup.Interner
	r, _ := rollup.New([]string{"open", "closed"}, 1)
	for _, row := range []struct {
		owner string
		won   bool
	}{{"ana", true}, {"ben", false}, {"ana", false}, {"cy", true}} {
		g, _ := reps.Intern(row.owner)
		if reps.Len() > r.Groups() {
			if err := r.Grow(reps.Len()); err != nil {
				fmt.Println(err)
				return
			}
		}
		rec := rollup.Record{Group: g}
		if row.won {
			rec.Stage, rec.Outcome = 1, rollup.Won
		}
		_ = r.Add([]rollup.Record{rec})
	}
	for g, k := range r.All() {
		rep, _ := reps.ID(uint32(g))
		fmt.Printf("%-4s deals %d, won %d\n", rep, k.Funnel[0].Count, k.Won.Count)
	}
	// Output:
	// ana  deals 2, won 1
	// ben  deals 1, won 0
	// cy   deals 1, won 1
}

// One figure of every rep, read without building each rep's KPIs: the
// deals each rep has brought to a proposal and the revenue each has won.
func ExampleRollup_Reached() {
	r, _ := rollup.New([]string{"meeting", "proposal", "closed"}, 2)
	_ = r.Add([]rollup.Record{
		{Group: 0, Stage: 1},
		{Group: 0, Stage: 2, Outcome: rollup.Won, Amount: 4000_00},
		{Group: 1, Stage: 0},
		{Group: 1, Stage: 2, Outcome: rollup.Won, Amount: 2500_00},
		{Group: 1, Stage: 2, Outcome: rollup.Won, Amount: 1500_00},
	})
	for g := range r.Groups() {
		proposals, _ := r.Reached(g, 1)
		won, _ := r.Totals(g, rollup.Won)
		fmt.Printf("rep %d: reached a proposal %d, won %d for $%.2f\n", g, proposals, won.Count, float64(won.Amount)/100)
	}
	// Output:
	// rep 0: reached a proposal 2, won 1 for $4000.00
	// rep 1: reached a proposal 2, won 2 for $4000.00
}

// Every rep's whole funnel, each read in one pass into one reused buffer:
// no KPIs built, nothing allocated per rep.
func ExampleRollup_AppendReached() {
	r, _ := rollup.New([]string{"call", "meeting", "proposal"}, 2)
	_ = r.Add([]rollup.Record{
		{Group: 0, Stage: 0}, {Group: 0, Stage: 1}, {Group: 0, Stage: 2},
		{Group: 1, Stage: 2}, {Group: 1, Stage: 2},
	})
	var funnel []int64
	for g := range r.Groups() {
		funnel, _ = r.AppendReached(funnel[:0], g)
		fmt.Println("rep", g, funnel)
	}
	// Output:
	// rep 0 [3 2 1]
	// rep 1 [2 2 2]
}
