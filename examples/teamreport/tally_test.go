package main

import (
	"fmt"
	"testing"

	"github.com/salesdev/salesdev/benchmark/rollup"
	"github.com/salesdev/salesdev/examples/teamreport/internal/crm"
	"github.com/salesdev/salesdev/examples/teamreport/internal/csvin"
)

// TestTallyGrowsWithReps streams deals whose owners keep appearing long
// after the roll-ups were first made (past several batches), and checks
// each owner's deals, wins, losses and won amounts against a plain count:
// growing the roll-ups as reps appear loses and moves nothing.
func TestTallyGrowsWithReps(t *testing.T) {
	type counts struct{ deals, won, lost, wonCents, cycleWon int64 }
	want := map[string]*counts{}
	tl := newTally(0, false)
	const deals = 5 * batch
	for i := range deals {
		// Owner i/3 appears first at row 3i: new owners all the way.
		owner := fmt.Sprintf("rep %d", i/3%(deals/5)+i%2*(deals/5))
		d := crm.Deal{Owner: owner, Created: 100, HasCreated: true, Reached: crm.StepConversation, Evidence: crm.ByStage}
		c := want[owner]
		if c == nil {
			c = &counts{}
			want[owner] = c
		}
		c.deals++
		switch i % 5 {
		case 0:
			d.Outcome, d.Closed, d.HasClosed, d.HasAmount, d.Cents = crm.Won, csvin.Day(100+i%30), true, true, int64(i)
			d.Reached = crm.StepClose
			c.won++
			c.wonCents += int64(i)
			c.cycleWon++
		case 1:
			d.Outcome, d.Closed, d.HasClosed = crm.Lost, 120, true
			c.lost++
		}
		if err := tl.deal(&d); err != nil {
			t.Fatalf("deal %d: %v", i, err)
		}
	}
	n := tl.reps.Len()
	if n != len(want) {
		t.Fatalf("%d reps interned, want %d", n, len(want))
	}
	if err := tl.flush(n); err != nil {
		t.Fatal(err)
	}
	for g := range uint32(n) {
		name, _ := tl.reps.ID(g)
		c := want[name]
		win := tl.deals.winRate(g)
		got := counts{deals: tl.deals.reached(g, 0), won: win.Hits, lost: win.Trials - win.Hits,
			wonCents: tl.amounts[0].totals(g, rollup.Won).Amount, cycleWon: tl.cycle.totals(g, rollup.Won).Count}
		if got != *c {
			t.Errorf("%s: got %+v, want %+v", name, got, *c)
		}
	}
	// A rep past the roll-ups' groups reads as zeros, not a panic.
	if got := tl.deals.reached(uint32(n+5), 0); got != 0 {
		t.Errorf("reached(rep past the roll-up) = %d, want 0", got)
	}
}
