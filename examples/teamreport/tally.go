package main

import (
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strings"

	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/benchmark/rollup"
	"github.com/salesdev/salesdev/examples/teamreport/internal/crm"
	"github.com/salesdev/salesdev/examples/teamreport/internal/csvin"
)

// This file is where the rows of the CRM exports go: straight into
// compact roll-up records, so that memory grows with the reps, not with
// the rows. Everything that can make a row unusable is checked before the
// row counts for anything, so that a bad row is skipped (with -skip-bad)
// or stops the run with its file and line, never later.

// The stages of the deal roll-up. A deal's furthest stage is where it
// stands: a Maven "Prospecting" deal is an opportunity not yet engaged,
// "Engaging" has reached the first meeting, Won and Lost are closed.
var dealStages = []string{"opportunity", "engaged", "closed"}

const (
	_ = iota // dealOpportunity: the zero stage
	dealEngaged
	dealClosed
)

// closedStages is the one stage of the amount and cycle roll-ups, which
// only count closed deals with a known amount or cycle time.
var closedStages = []string{"closed"}

// stepStages are the stages of the funnel of the ready competency model
// (competency.Default): a deal's record sits at the furthest step it
// reached, crm.StepConversation at index 0.
var stepStages = []string{"conversation", "appointment", "gateway", "close"}

// Evidence buckets of the step roll-ups: the deals whose furthest stage
// rests on their current stage, or on their stage history.
const (
	byStage = iota
	byHistory
	evidenceKinds
)

// Outcome buckets of the step roll-ups: each roll-up holds one outcome,
// so that a deal's stage alone says where it stands.
const (
	stepOpen = iota
	stepLost
	stepWon
	stepOutcomes
)

// activityStages are the activity kinds; an activity is counted at its
// kind's stage, so a kind's count is its funnel count less the next one.
var activityStages = [...]string{"call", "conversation", "meeting", "proposal"}

// growing is a roll-up whose number of groups grows as new reps appear
// in the stream (rollup.Rollup.Grow). Records wait in a small buffer and
// are added a batch at a time; a roll-up that no record reaches is never
// made, and reads as zeros.
type growing struct {
	stages []string
	r      *rollup.Rollup
	buf    []rollup.Record
}

// batch is how many records wait before they are added.
const batch = 4096

// newGrowing returns an empty roll-up over stages.
func newGrowing(stages []string) *growing {
	return &growing{stages: stages}
}

// add counts rec; groups is the number of reps interned so far.
func (g *growing) add(rec rollup.Record, groups int) error {
	if g.buf == nil {
		g.buf = make([]rollup.Record, 0, batch)
	}
	g.buf = append(g.buf, rec)
	if len(g.buf) == batch {
		return g.flush(groups)
	}
	return nil
}

// flush adds the waiting records, growing the roll-up first to groups
// groups when the reps outgrew it.
func (g *growing) flush(groups int) error {
	if len(g.buf) == 0 && g.r == nil {
		return nil
	}
	var err error
	switch {
	case g.r == nil:
		g.r, err = rollup.New(g.stages, groups)
	case g.r.Groups() < groups:
		err = g.r.Grow(groups)
	}
	if err != nil {
		return err
	}
	err = g.r.Add(g.buf)
	g.buf = g.buf[:0]
	return err
}

// reached returns how many of rep grp's records reached stage s; call
// flush first. A rep the roll-up has not seen has none.
func (g *growing) reached(grp uint32, s int) int64 {
	if g.r == nil || int(grp) >= g.r.Groups() {
		return 0
	}
	c, _ := g.r.Reached(int(grp), s) // in range: checked above, s is ours
	return c
}

// totals returns rep grp's totals for outcome o; call flush first.
func (g *growing) totals(grp uint32, o rollup.Outcome) rollup.Totals {
	if g.r == nil || int(grp) >= g.r.Groups() {
		return rollup.Totals{}
	}
	t, _ := g.r.Totals(int(grp), o) // in range: checked above, o is ours
	return t
}

// winRate returns rep grp's won deals out of closed ones; call flush
// first.
func (g *growing) winRate(grp uint32) benchmark.Rate {
	won, lost := g.totals(grp, rollup.Won).Count, g.totals(grp, rollup.Lost).Count
	return benchmark.Rate{Hits: won, Trials: won + lost}
}

// noDay marks a rep not seen on any day yet.
const noDay = csvin.Day(math.MaxInt32)

// soldKey is a won amount's currency, rep and close day.
type soldKey struct {
	currency uint16
	group    uint32
	day      csvin.Day
}

// maxCurrencies caps the currencies counted apart.
const maxCurrencies = 100

// A tally counts what the exports say, row by row.
type tally struct {
	// asOf, when cut is set, is the last day counted: later deals and
	// activities are left out and deals closed later are still open.
	asOf csvin.Day
	cut  bool
	// rates convert currencies into the report's, nil when not given.
	rates map[string]float64

	reps     rollup.Interner
	inactive []bool
	first    []csvin.Day // each rep's first day in the data, or noDay

	deals, cycle, acts *growing
	// steps count the deals by the furthest step of the model's funnel
	// they reached, per evidence and outcome; outcomeOnly the closed
	// deals known only as won or lost. unstaged counts open deals at a
	// stage that marks no step, which count in no rate.
	//
	// steps and unstaged are per pipeline (index into pipelines, in the
	// order first seen, at most crm.MaxPipelines: the deals of later
	// pipelines count in otherPipelines, in no rate), so that each deal
	// counts against its own pipeline's stages.
	steps          []*[evidenceKinds][stepOutcomes]*growing
	outcomeOnly    *growing
	unstaged       []int64
	pipelines      []string
	pipelineIx     map[string]int
	otherPipelines int64
	amounts        []*growing // per currency
	currencies     []string
	totals         []int64 // exact sum of amounts per currency, for the overflow check
	// sold sums the won amounts of the reps who owe quota (owes, by
	// group; quota their names, nil without a quotas file) by currency
	// and close day: results against quota are read over a window that
	// is known only at the end. The other reps' sales are not kept.
	sold  map[soldKey]int64
	owes  []bool
	quota map[string]bool
	// days[d] counts closed deals with a d-day cycle: lost, won.
	days [][2]int64

	latest    csvin.Day
	hasLatest bool
	// firstAct is the first day of any activity, when hasAct.
	firstAct csvin.Day
	hasAct   bool

	// links holds each item (a deal or a contact) that activities are
	// linked to: memory grows with the linked items, as the deals' duplicate
	// check grows with the deals. linkedActs counts the linked activities.
	links      map[linkKey]linkState
	linkedActs int64

	dropped, reopened, actsDropped int64
}

// newTally returns an empty tally that counts up to asOf when cut is
// set, and every day otherwise.
func newTally(asOf csvin.Day, cut bool) *tally {
	t := &tally{asOf: asOf, cut: cut,
		deals: newGrowing(dealStages), cycle: newGrowing(closedStages), acts: newGrowing(activityStages[:]),
		outcomeOnly: newGrowing(closedStages), sold: map[soldKey]int64{}, links: map[linkKey]linkState{},
		pipelineIx: map[string]int{}}
	return t
}

// pipeline returns the index of a pipeline, adding it when new; -1 past
// crm.MaxPipelines.
func (t *tally) pipeline(name string) int {
	if i, ok := t.pipelineIx[name]; ok {
		return i
	}
	if len(t.pipelines) == crm.MaxPipelines {
		return -1
	}
	i := len(t.pipelines)
	name = strings.Clone(name)
	t.pipelines, t.pipelineIx[name] = append(t.pipelines, name), i
	var s [evidenceKinds][stepOutcomes]*growing
	for e := range s {
		for o := range s[e] {
			s[e][o] = newGrowing(stepStages)
		}
	}
	t.steps, t.unstaged = append(t.steps, &s), append(t.unstaged, 0)
	return i
}

// step counts a deal's furthest step in pipeline p: reached and ev are
// the deal's, or where it stood on the as-of day for a deal closed later
// (open then).
func (t *tally) step(p int, g uint32, n int, outcome rollup.Outcome, reached crm.Step, ev crm.Evidence) error {
	if outcome == rollup.Won {
		reached = crm.StepClose
	}
	if p < 0 {
		t.otherPipelines++
		return nil
	}
	var e int
	switch ev {
	case crm.ByHistory:
		e = byHistory
	case crm.ByStage:
		e = byStage
	case crm.ByOutcome:
		if outcome == rollup.Open {
			t.unstaged[p]++
			return nil
		}
		return t.outcomeOnly.add(rollup.Record{Group: g, Outcome: outcome}, n)
	default:
		t.unstaged[p]++
		return nil
	}
	if reached == crm.NoStep || outcome != rollup.Won && reached == crm.StepClose {
		t.unstaged[p]++
		return nil
	}
	o := stepOpen
	switch outcome {
	case rollup.Won:
		o = stepWon
	case rollup.Lost:
		o = stepLost
	}
	return t.steps[p][e][o].add(rollup.Record{Group: g, Stage: uint8(reached - crm.StepConversation), Outcome: outcome}, n)
}

// flush adds every waiting record to its roll-up, each grown to n reps,
// before the roll-ups are read.
func (t *tally) flush(n int) error {
	all := []*growing{t.deals, t.cycle, t.acts, t.outcomeOnly}
	all = append(all, t.amounts...)
	for _, ps := range t.steps {
		for e := range ps {
			all = append(all, ps[e][:]...)
		}
	}
	for _, g := range all {
		if err := g.flush(n); err != nil {
			return err
		}
	}
	return nil
}

// intern returns the rep's group, adding it when new.
func (t *tally) intern(name string, inactive bool) (uint32, error) {
	g, err := t.reps.Intern(name)
	if err != nil {
		return 0, err
	}
	if int(g) == len(t.inactive) {
		t.inactive = append(t.inactive, inactive)
		t.first = append(t.first, noDay)
		t.owes = append(t.owes, t.quota[name])
	}
	t.inactive[g] = t.inactive[g] || inactive
	return g, nil
}

// owesQuota records the reps who have a quota, by name, before the deals
// are read: their won amounts are kept for their results.
func (t *tally) owesQuota(reps []string) {
	t.quota = make(map[string]bool, len(reps))
	for _, name := range reps {
		t.quota[name] = true
		if g, ok := t.reps.Lookup(name); ok {
			t.owes[g] = true
		}
	}
}

// see records that rep g was active on day d.
func (t *tally) see(g uint32, d csvin.Day) {
	t.first[g] = min(t.first[g], d)
	if !t.hasLatest || d > t.latest {
		t.latest, t.hasLatest = d, true
	}
}

// currency returns the index of a currency, adding it when new.
func (t *tally) currency(c string) (int, error) {
	if i := slices.Index(t.currencies, c); i >= 0 {
		return i, nil
	}
	if len(t.currencies) == maxCurrencies {
		return 0, fmt.Errorf("more than %d currencies", maxCurrencies)
	}
	t.currencies = append(t.currencies, c)
	t.totals = append(t.totals, 0)
	t.amounts = append(t.amounts, newGrowing(closedStages))
	return len(t.currencies) - 1, nil
}

// deal counts one deal. It checks everything first and changes nothing
// when it returns an error.
func (t *tally) deal(d *crm.Deal) error {
	if d.Outcome == crm.Ignore {
		return nil
	}
	outcome, closed := d.Outcome, d.Outcome == crm.Won || d.Outcome == crm.Lost
	if t.cut {
		switch {
		case d.HasCreated && d.Created > t.asOf:
			t.dropped++
			return nil
		case closed && d.HasClosed && d.Closed > t.asOf:
			outcome, closed = crm.Open, false
			t.reopened++
		}
	}
	// The amount, in the report's currency or its own.
	cur, cents := -1, d.Cents
	if closed && d.HasAmount {
		c := d.Currency
		if t.rates != nil {
			r, ok := t.rates[c]
			if !ok {
				return fmt.Errorf("no rate for currency %q in the rates file", c)
			}
			v := math.Round(float64(cents) * r)
			if !(v <= csvin.MaxAmount*100) {
				return fmt.Errorf("amount %s %.2f converts to more than %d", c, float64(cents)/100, int64(csvin.MaxAmount))
			}
			cents, c = int64(v), ""
		}
		var err error
		if cur, err = t.currency(c); err != nil {
			return err
		}
		if sum, carry := bits.Add64(uint64(t.totals[cur]), uint64(cents), 0); carry != 0 || sum > math.MaxInt64 {
			return fmt.Errorf("the sum of %s amounts would overflow", c)
		}
	}
	// The cycle time, when both days are known and in order.
	days, hasDays := 0, closed && d.HasClosed && d.HasCreated && !d.Backdated
	if hasDays {
		if days = int(d.Closed - d.Created); days > math.MaxUint16 {
			return fmt.Errorf("a cycle of %d days (created %s, closed %s)", days, d.Created, d.Closed)
		}
	}
	g, err := t.intern(d.Owner, d.Deactivated)
	if err != nil {
		return err
	}
	n := t.reps.Len()
	rec := rollup.Record{Group: g}
	switch {
	case closed:
		rec.Stage, rec.Outcome = dealClosed, rollup.Lost
		if outcome == crm.Won {
			rec.Outcome = rollup.Won
		}
	case d.Engaged || t.cut && d.Outcome != crm.Open: // a deal closed after the as-of day had been engaged
		rec.Stage = dealEngaged
	}
	if err := t.deals.add(rec, n); err != nil {
		return err
	}
	reached, ev := d.Reached, d.Evidence
	if outcome != d.Outcome { // closed after the as-of day: where it stood then
		reached = d.BeforeClose
		if reached == crm.NoStep {
			ev = crm.NoEvidence
		}
	}
	if err := t.step(t.pipeline(d.Pipeline), g, n, rec.Outcome, reached, ev); err != nil {
		return err
	}
	if cur >= 0 {
		t.totals[cur] += cents
		if err := t.amounts[cur].add(rollup.Record{Group: g, Outcome: rec.Outcome, Amount: cents}, n); err != nil {
			return err
		}
		if rec.Outcome == rollup.Won && d.HasClosed && t.owes[g] {
			t.sold[soldKey{uint16(cur), g, d.Closed}] += cents
		}
	}
	if hasDays {
		if err := t.cycle.add(rollup.Record{Group: g, Outcome: rec.Outcome, Days: uint16(days)}, n); err != nil {
			return err
		}
		if days >= len(t.days) {
			t.days = append(t.days, make([][2]int64, days+1-len(t.days))...)
		}
		if rec.Outcome == rollup.Won {
			t.days[days][1]++
		} else {
			t.days[days][0]++
		}
	}
	if d.HasCreated {
		t.see(g, d.Created)
	}
	if closed && d.HasClosed {
		t.see(g, d.Closed)
	}
	return nil
}

// activity counts one activity.
func (t *tally) activity(a *crm.Activity) error {
	if t.cut && a.Day > t.asOf {
		t.actsDropped++
		return nil
	}
	g, err := t.intern(a.Rep, a.Deactivated)
	if err != nil {
		return err
	}
	t.see(g, a.Day)
	if !t.hasAct || a.Day < t.firstAct {
		t.firstAct, t.hasAct = a.Day, true
	}
	if err := t.acts.add(rollup.Record{Group: g, Stage: uint8(a.Kind - crm.Call)}, t.reps.Len()); err != nil {
		return err
	}
	t.link(g, a)
	return nil
}

// A linkKey is an item activities are linked to: a deal, or else a
// contact, by a 64-bit FNV-1a hash of its ID (8 bytes an item, as the
// deals' duplicate check; two IDs sharing a hash are a chance of about
// n²/2⁶⁵).
type linkKey struct {
	contact bool
	id      uint64
}

// linkState is what the linked activities say about an item: the kinds
// of activity it had, as a bit set (1 << kind), and the rep of its
// earliest activity (on a tie, the first row read), who is credited with
// it.
type linkState struct {
	group uint32
	day   csvin.Day
	kinds uint8
}

// link records activity a of rep g against the item it is linked to: its
// deal, else its contact; an activity linked to neither stays a count per
// week only.
func (t *tally) link(g uint32, a *crm.Activity) {
	k := linkKey{}
	switch {
	case a.Deal != "":
		k.id = hashID(a.Deal)
	case a.Contact != "":
		k.contact, k.id = true, hashID(a.Contact)
	default:
		return
	}
	t.linkedActs++
	s, ok := t.links[k]
	if !ok || a.Day < s.day {
		s.group, s.day = g, a.Day
	}
	s.kinds |= 1 << a.Kind
	t.links[k] = s
}

// hashID is the 64-bit FNV-1a hash of an ID.
func hashID(id string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(id); i++ {
		h ^= uint64(id[i])
		h *= 1099511628211
	}
	return h
}

// linkedSteps are the items one rep is credited with, per conversion of
// the activities: conversation → meeting (index 0) and meeting →
// proposal (index 1). An item counts as a trial when it had an activity
// of the first kind, and as a hit when it also had one of the second kind
// or a later one: the same items at both ends.
type linkedSteps [2]benchmark.Rate

// linkedRates returns each rep's linked conversions (n reps), and how
// many items are deals and contacts.
func (t *tally) linkedRates(n int) (out []linkedSteps, deals, contacts int64) {
	out = make([]linkedSteps, n)
	for k, s := range t.links {
		if k.contact {
			contacts++
		} else {
			deals++
		}
		for i, from := range []crm.Kind{crm.Conversation, crm.Meeting} {
			if s.kinds&(1<<from) == 0 {
				continue
			}
			hit := int64(0)
			if s.kinds>>(from+1) != 0 {
				hit = 1
			}
			out[s.group][i] = out[s.group][i].Add(benchmark.Rate{Hits: hit, Trials: 1})
		}
	}
	return out, deals, contacts
}
