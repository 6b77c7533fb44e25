package rollup

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"math/big"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"

	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/internal/crmdata"
)

// rollupStages are the stages of DESIGN §7's roll-up workload.
var rollupStages = []string{"call", "conversation", "meeting", "proposal", "closed"}

// rollupApprox compares the KPIs' averages with a tolerance; every count
// and sum is compared exactly.
var rollupApprox = cmpopts.EquateApprox(1e-12, 1e-9)

// rollupTB is what the helpers need of a *testing.T or a *rapid.T.
type rollupTB interface {
	Helper()
	Fatalf(format string, args ...any)
}

func mustRollup(t rollupTB, stages []string, groups int) *Rollup {
	t.Helper()
	r, err := New(stages, groups)
	if err != nil {
		t.Fatalf("New(%q, %d) error: %v", stages, groups, err)
	}
	return r
}

// rollupState returns r's binary form: two roll-ups with the same state
// encode to the same bytes.
func rollupState(t rollupTB, r *Rollup) []byte {
	t.Helper()
	b, err := r.MarshalBinary()
	if err != nil {
		t.Fatalf("MarshalBinary error: %v", err)
	}
	return b
}

func TestOutcomeText(t *testing.T) {
	tests := []struct {
		name string
		o    Outcome
		text string
	}{
		{"open", Open, "open"},
		{"won", Won, "won"},
		{"lost", Lost, "lost"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.o.String(); got != tt.text {
				t.Errorf("Outcome(%d).String() = %q, want %q", tt.o, got, tt.text)
			}
			b, err := tt.o.MarshalText()
			if err != nil || string(b) != tt.text {
				t.Errorf("Outcome(%d).MarshalText() = %q, %v, want %q", tt.o, b, err, tt.text)
			}
			var got Outcome
			if err := got.UnmarshalText([]byte(strings.ToUpper(tt.text))); err != nil || got != tt.o {
				t.Errorf("UnmarshalText(%q) = %v, %v, want %v", strings.ToUpper(tt.text), got, err, tt.o)
			}
		})
	}
	if got := Outcome(7).String(); got != "%!Outcome(7)" {
		t.Errorf("Outcome(7).String() = %q, want %q", got, "%!Outcome(7)")
	}
	if _, err := Outcome(3).MarshalText(); !errors.Is(err, ErrInvalidEnum) {
		t.Errorf("Outcome(3).MarshalText() error = %v, want %v", err, ErrInvalidEnum)
	}
	o := Won
	if err := o.UnmarshalText([]byte("closed")); !errors.Is(err, ErrInvalidEnum) || o != Won {
		t.Errorf("UnmarshalText(%q) = %v, %v, want %v and Won kept", "closed", o, err, ErrInvalidEnum)
	}
}

func TestOutcomeTextProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		o := Outcome(rapid.Uint8().Draw(t, "o"))
		b, err := o.MarshalText()
		if !o.Valid() {
			if err == nil {
				t.Fatalf("Outcome(%d).MarshalText() = %q, want an error", o, b)
			}
			return
		}
		var got Outcome
		if err != nil || got.UnmarshalText(b) != nil || got != o {
			t.Fatalf("Outcome(%d) round trip = %v (%v)", o, got, err)
		}
	})
}

func TestRecordSize(t *testing.T) {
	// Record is 16 bytes with no padding, so that a slice of them streams
	// at memory speed: a change here is a change of performance.
	if got := unsafe.Sizeof(Record{}); got != 16 {
		t.Errorf("unsafe.Sizeof(Record{}) = %d, want 16", got)
	}
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name   string
		stages []string
		groups int
		want   error
	}{
		{"no stages", nil, 1, ErrEmpty},
		{"empty name", []string{"call", " "}, 1, ErrEmpty},
		{"duplicate", []string{"call", "meeting", "call"}, 1, ErrDuplicate},
		// Funnel.Validate compares trimmed names, so these would give a
		// KPIs.Funnel that fails it.
		{"duplicate after trimming", []string{"call", "call "}, 1, ErrDuplicate},
		{"duplicate after trimming a tab", []string{"\tmeeting", "call", "meeting"}, 1, ErrDuplicate},
		{"too many stages", make([]string, MaxStages+1), 1, ErrOutOfRange},
		{"no groups", []string{"call"}, 0, ErrOutOfRange},
		{"negative groups", []string{"call"}, -3, ErrOutOfRange},
		{"too many groups", []string{"call"}, 1<<32 + 1, ErrOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := New(tt.stages, tt.groups)
			var ie *InputError
			if !errors.Is(err, tt.want) || !errors.As(err, &ie) || r != nil {
				t.Errorf("New(%d stages, %d) = %v, %v, want an *InputError wrapping %v", len(tt.stages), tt.groups, r, err, tt.want)
			}
		})
	}
}

// TestRollupKPIs checks a small roll-up against figures derived by hand.
func TestRollupKPIs(t *testing.T) {
	r := mustRollup(t, rollupStages, 3)
	recs := []Record{
		// Rep 0: 4 calls, 3 of which went further: a conversation, a
		// meeting, and a deal won at $1,200.00 after 30 days; a lost deal
		// ($500.00, 10 days); an open proposal ($800.00, 5 days old).
		{Group: 0, Stage: 0},
		{Group: 0, Stage: 1},
		{Group: 0, Stage: 2},
		{Group: 0, Stage: 4, Outcome: Won, Amount: 1200_00, Days: 30},
		{Group: 0, Stage: 4, Outcome: Lost, Amount: 500_00, Days: 10},
		{Group: 0, Stage: 3, Amount: 800_00, Days: 5},
		// Rep 1: two won deals, $100.00 in 20 days and $300.00 in 40.
		{Group: 1, Stage: 4, Outcome: Won, Amount: 100_00, Days: 20},
		{Group: 1, Stage: 4, Outcome: Won, Amount: 300_00, Days: 40},
		// Rep 2: nothing.
	}
	if err := r.Add(recs); err != nil {
		t.Fatalf("Add error: %v", err)
	}
	funnel := func(counts ...int64) benchmark.Funnel {
		f := make(benchmark.Funnel, len(counts))
		for i, c := range counts {
			f[i] = benchmark.Stage{Name: rollupStages[i], Count: c}
		}
		return f
	}
	want := []KPIs{
		{
			// Reached: all 6; 5 past the call; 4 past the conversation;
			// 3 reached a proposal; 2 closed.
			Funnel:  funnel(6, 5, 4, 3, 2),
			Rates:   []benchmark.Rate{{Hits: 5, Trials: 6}, {Hits: 4, Trials: 5}, {Hits: 3, Trials: 4}, {Hits: 2, Trials: 3}},
			Open:    Totals{Count: 4, Amount: 800_00, Days: 5},
			Won:     Totals{Count: 1, Amount: 1200_00, Days: 30},
			Lost:    Totals{Count: 1, Amount: 500_00, Days: 10},
			WinRate: benchmark.Rate{Hits: 1, Trials: 2},
		},
		{
			Funnel:  funnel(2, 2, 2, 2, 2),
			Rates:   []benchmark.Rate{{Hits: 2, Trials: 2}, {Hits: 2, Trials: 2}, {Hits: 2, Trials: 2}, {Hits: 2, Trials: 2}},
			Won:     Totals{Count: 2, Amount: 400_00, Days: 60},
			WinRate: benchmark.Rate{Hits: 2, Trials: 2},
		},
		{
			// No records: zero counts and zero averages, never NaN.
			Funnel: funnel(0, 0, 0, 0, 0),
			Rates:  []benchmark.Rate{{Hits: 0, Trials: 0}, {Hits: 0, Trials: 0}, {Hits: 0, Trials: 0}, {Hits: 0, Trials: 0}},
		},
	}
	for g := range want {
		got, err := r.Group(g)
		if err != nil {
			t.Fatalf("Group(%d) error: %v", g, err)
		}
		if diff := cmp.Diff(want[g], got, rollupApprox); diff != "" {
			t.Errorf("Group(%d) mismatch (-want +got):\n%s", g, diff)
		}
	}
	// The team: the sum of the reps.
	team, err := r.Combined()
	if err != nil {
		t.Fatalf("Combined error: %v", err)
	}
	wantTeam := KPIs{
		Funnel:  funnel(8, 7, 6, 5, 4),
		Rates:   []benchmark.Rate{{Hits: 7, Trials: 8}, {Hits: 6, Trials: 7}, {Hits: 5, Trials: 6}, {Hits: 4, Trials: 5}},
		Open:    Totals{Count: 4, Amount: 800_00, Days: 5},
		Won:     Totals{Count: 3, Amount: 1600_00, Days: 90},
		Lost:    Totals{Count: 1, Amount: 500_00, Days: 10},
		WinRate: benchmark.Rate{Hits: 3, Trials: 4},
	}
	if diff := cmp.Diff(wantTeam, team, rollupApprox); diff != "" {
		t.Errorf("Combined() mismatch (-want +got):\n%s", diff)
	}
	if avg, days := team.Won.AverageAmount(), team.Won.AverageDays(); math.Abs(avg-1600_00.0/3) > 1e-9 || days != 30 {
		t.Errorf("Combined().Won averages = %v, %v; want %v, 30", avg, days, 1600_00.0/3)
	}
	var all []int
	for g, k := range r.All() {
		all = append(all, g)
		if diff := cmp.Diff(want[g], k, rollupApprox); diff != "" {
			t.Errorf("All() group %d mismatch (-want +got):\n%s", g, diff)
		}
	}
	if !slices.Equal(all, []int{0, 1, 2}) {
		t.Errorf("All() groups = %v, want [0 1 2]", all)
	}
	var seen int
	for g := range r.All() {
		if g == 1 {
			break // All must stop here, not call yield again
		}
		seen++
	}
	if seen != 1 {
		t.Errorf("All() yielded %d groups before the break, want 1", seen)
	}
	for _, g := range []int{-1, 3} {
		if _, err := r.Group(g); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("Group(%d) error = %v, want %v", g, err, ErrOutOfRange)
		}
	}
	if got, want := r.Stages(), rollupStages; !slices.Equal(got, want) {
		t.Errorf("Stages() = %q, want %q", got, want)
	}
	if got := r.Groups(); got != 3 {
		t.Errorf("Groups() = %d, want 3", got)
	}
	// Every KPI reads as a valid funnel and valid rates.
	for g, k := range r.All() {
		if err := k.Funnel.Validate(); err != nil {
			t.Errorf("group %d funnel %v does not validate: %v", g, k.Funnel, err)
		}
		rates, err := k.Funnel.Rates()
		if err != nil || !slices.Equal(rates, k.Rates) {
			t.Errorf("group %d Funnel.Rates() = %v, %v, want %v", g, rates, err, k.Rates)
		}
	}
	r.Reset()
	if got, err := r.Group(0); err != nil || got.Funnel[0].Count != 0 {
		t.Errorf("after Reset, Group(0) = %v, %v, want an empty funnel", got.Funnel, err)
	}
}

func TestKPIsJSON(t *testing.T) {
	r := mustRollup(t, []string{"lead", "deal"}, 1)
	if err := r.Add([]Record{{Stage: 1, Outcome: Won, Amount: 250, Days: 3}, {Stage: 0}}); err != nil {
		t.Fatal(err)
	}
	k, err := r.Group(0)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(k)
	if err != nil {
		t.Fatalf("json.Marshal(%v) error: %v", k, err)
	}
	const want = `{"funnel":[{"name":"lead","count":2},{"name":"deal","count":1}],"rates":[{"hits":1,"trials":2}],` +
		`"open":{"count":1,"amount":0,"days":0},"won":{"count":1,"amount":250,"days":3},"lost":{"count":0,"amount":0,"days":0},` +
		`"win_rate":{"hits":1,"trials":1}}`
	if string(b) != want {
		t.Errorf("json.Marshal(KPIs) = %s, want %s", b, want)
	}
	// A one-stage roll-up has no rates: an empty list, not null.
	r1 := mustRollup(t, []string{"deal"}, 1)
	k1, _ := r1.Group(0)
	if b, _ := json.Marshal(k1); !bytes.Contains(b, []byte(`"rates":[]`)) {
		t.Errorf("json.Marshal(one-stage KPIs) = %s, want \"rates\":[]", b)
	}
	rb, err := json.Marshal(Record{Group: 2, Stage: 1, Outcome: Lost, Amount: 5, Days: 9})
	if err != nil || string(rb) != `{"amount":5,"group":2,"days":9,"stage":1,"outcome":"lost"}` {
		t.Errorf("json.Marshal(Record) = %s, %v", rb, err)
	}
}

func TestTotalsAverages(t *testing.T) {
	tests := []struct {
		name         string
		t            Totals
		amount, days float64
	}{
		{"none", Totals{}, 0, 0},
		{"one", Totals{Count: 1, Amount: 500, Days: 7}, 500, 7},
		{"three", Totals{Count: 3, Amount: 1000, Days: 10}, 1000.0 / 3, 10.0 / 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.t.AverageAmount(); math.Abs(got-tt.amount) > 1e-9 {
				t.Errorf("%+v.AverageAmount() = %v, want %v", tt.t, got, tt.amount)
			}
			if got := tt.t.AverageDays(); math.Abs(got-tt.days) > 1e-9 {
				t.Errorf("%+v.AverageDays() = %v, want %v", tt.t, got, tt.days)
			}
		})
	}
}

// TestRollupAddErrors checks that each kind of bad record is refused with
// its sentinel, wherever it sits in the batch (in the first block, or
// after blocks Add has already applied), and that the roll-up is left
// exactly as it was.
func TestRollupAddErrors(t *testing.T) {
	good := func(n int) []Record {
		recs := make([]Record, n)
		for i := range recs {
			recs[i] = Record{Group: uint32(i % 3), Stage: uint8(i % 5), Outcome: Outcome(i % 3), Amount: int64(i), Days: uint16(i)}
		}
		return recs
	}
	with := func(n, at int, bad Record) []Record {
		recs := good(n)
		recs[at] = bad
		return recs
	}
	tests := []struct {
		name   string
		stages int
		recs   []Record
		want   error
	}{
		{"stage out of range", 5, with(10, 3, Record{Stage: 5}), ErrOutOfRange},
		{"stage out of range, many stages", 9, with(10, 3, Record{Stage: 200}), ErrOutOfRange},
		{"group out of range", 5, with(10, 0, Record{Group: 3}), ErrOutOfRange},
		{"group far out of range", 5, with(10, 9, Record{Group: math.MaxUint32}), ErrOutOfRange},
		{"group out of range, many stages", 9, with(10, 9, Record{Group: 7}), ErrOutOfRange},
		{"negative amount", 5, with(10, 5, Record{Outcome: Won, Amount: -1}), ErrNegative},
		{"unknown outcome", 5, with(10, 5, Record{Outcome: 3}), ErrInvalidEnum},
		{"unknown outcome, many stages", 9, with(10, 5, Record{Outcome: 200}), ErrInvalidEnum},
		{"bad record after applied blocks", 5, with(3*block+7, 3*block+2, Record{Group: 99}), ErrOutOfRange},
		{"bad record after applied blocks, many stages", 12, with(3*block+7, 2*block, Record{Stage: 12}), ErrOutOfRange},
		{"amount overflow", 5, []Record{{Outcome: Won, Amount: math.MaxInt64}, {Outcome: Won, Amount: 1}}, ErrOverflow},
		{"amount overflow with earlier batches", 5, []Record{{Group: 1, Outcome: Won, Amount: math.MaxInt64}}, ErrOverflow},
		{"amount overflow after applied blocks", 5,
			append(good(2*block+1), Record{Group: 1, Amount: math.MaxInt64}, Record{Group: 1, Amount: math.MaxInt64}), ErrOverflow},
		{"amount overflow, many stages", 9,
			append(good(block+1), Record{Group: 2, Outcome: Lost, Amount: math.MaxInt64 - 10}), ErrOverflow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stages := make([]string, tt.stages)
			for i := range stages {
				stages[i] = fmt.Sprintf("s%d", i)
			}
			r := mustRollup(t, stages, 3)
			if err := r.Add(good(50)); err != nil {
				t.Fatalf("Add(good) error: %v", err)
			}
			before := rollupState(t, r)
			boundsBefore := r.bounds
			err := r.Add(tt.recs)
			var ie *InputError
			if !errors.Is(err, tt.want) || !errors.As(err, &ie) {
				t.Fatalf("Add(%s) error = %v, want an *InputError wrapping %v", tt.name, err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "rollup: Rollup.Add: records[") {
				t.Errorf("Add error = %q, want it to name the record", err)
			}
			if after := rollupState(t, r); !bytes.Equal(before, after) || r.bounds != boundsBefore {
				t.Errorf("Add(%s) changed the roll-up", tt.name)
			}
			// And the roll-up still works.
			if err := r.Add(good(10)); err != nil {
				t.Errorf("Add(good) after a refused batch: %v", err)
			}
		})
	}
}

// TestRollupOverflowExact checks that the cheap bounds never refuse a
// batch that fits: amounts too large for the bounds, spread over groups
// and outcomes so that no sum overflows, are applied exactly.
func TestRollupOverflowExact(t *testing.T) {
	const big = math.MaxInt64/2 + 1 // two of them overflow one sum
	r := mustRollup(t, rollupStages, 4)
	recs := []Record{
		{Group: 0, Outcome: Won, Amount: big}, {Group: 1, Outcome: Won, Amount: big},
		{Group: 2, Outcome: Won, Amount: big}, {Group: 0, Outcome: Lost, Amount: big},
		{Group: 3, Amount: math.MaxInt64}, {Group: 1, Outcome: Lost, Amount: big - 1},
	}
	if err := r.Add(recs); err != nil {
		t.Fatalf("Add(large amounts in separate sums) error: %v", err)
	}
	// One more in group 1's lost sum still fits; then it is full.
	if err := r.Add([]Record{{Group: 1, Outcome: Lost, Amount: big - 1}}); err != nil {
		t.Fatalf("Add(filling a sum to MaxInt64-1) error: %v", err)
	}
	if err := r.Add([]Record{{Group: 1, Outcome: Lost, Amount: 2}}); !errors.Is(err, ErrOverflow) {
		t.Fatalf("Add(past MaxInt64) error = %v, want %v", err, ErrOverflow)
	}
	k, err := r.Group(1)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Totals{Count: 2, Amount: 2 * (big - 1)}); k.Lost != want {
		t.Errorf("Group(1).Lost = %+v, want %+v", k.Lost, want)
	}
	if _, err := r.Combined(); !errors.Is(err, ErrOverflow) {
		t.Errorf("Combined() error = %v, want %v: the team's won sum exceeds int64", err, ErrOverflow)
	}
	// Small records keep flowing after the bounds were tightened.
	if err := r.Add([]Record{{Group: 2, Stage: 1}, {Group: 0, Stage: 2, Days: 9}}); err != nil {
		t.Errorf("Add(small records) error: %v", err)
	}
}

func TestRollupMerge(t *testing.T) {
	a := mustRollup(t, rollupStages, 2)
	b := mustRollup(t, rollupStages, 2)
	whole := mustRollup(t, rollupStages, 2)
	ra := []Record{{Group: 0, Stage: 4, Outcome: Won, Amount: 10, Days: 2}, {Group: 1, Stage: 1}}
	rb := []Record{{Group: 1, Stage: 4, Outcome: Lost, Amount: 7, Days: 4}, {Group: 0, Stage: 3, Amount: 3}}
	for _, step := range []struct {
		r    *Rollup
		recs []Record
	}{{a, ra}, {b, rb}, {whole, ra}, {whole, rb}} {
		if err := step.r.Add(step.recs); err != nil {
			t.Fatal(err)
		}
	}
	bBefore := rollupState(t, b)
	if err := a.Merge(b); err != nil {
		t.Fatalf("Merge error: %v", err)
	}
	if !bytes.Equal(rollupState(t, a), rollupState(t, whole)) {
		t.Errorf("a.Merge(b) != the roll-up of all records")
	}
	if !bytes.Equal(rollupState(t, b), bBefore) {
		t.Errorf("Merge modified its argument")
	}
	// r.Merge(r) doubles r.
	if err := whole.Merge(whole); err != nil {
		t.Fatal(err)
	}
	if err := a.Merge(cloneRollup(t, a)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(rollupState(t, a), rollupState(t, whole)) {
		t.Errorf("r.Merge(r) != r merged with a copy of itself")
	}
}

// cloneRollup returns a copy of r through its binary form.
func cloneRollup(t rollupTB, r *Rollup) *Rollup {
	t.Helper()
	var c Rollup
	if err := c.UnmarshalBinary(rollupState(t, r)); err != nil {
		t.Fatalf("UnmarshalBinary(MarshalBinary()) error: %v", err)
	}
	return &c
}

func TestRollupMergeErrors(t *testing.T) {
	full := mustRollup(t, rollupStages, 2)
	if err := full.Add([]Record{{Group: 1, Outcome: Won, Amount: math.MaxInt64 - 5}}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		other *Rollup
		want  error
	}{
		{"nil", nil, ErrEmpty},
		{"other stages", mustRollup(t, []string{"call", "conversation", "meeting", "proposal", "won"}, 2), ErrMismatch},
		{"fewer stages", mustRollup(t, rollupStages[:4], 2), ErrMismatch},
		{"other groups", mustRollup(t, rollupStages, 3), ErrMismatch},
		{"zero Rollup", &Rollup{}, ErrMismatch},
		{"overflow", full, ErrOverflow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRollup(t, rollupStages, 2)
			if err := r.Add([]Record{{Group: 1, Outcome: Won, Amount: 6}, {Group: 0, Stage: 2}}); err != nil {
				t.Fatal(err)
			}
			before := rollupState(t, r)
			err := r.Merge(tt.other)
			var ie *InputError
			if !errors.Is(err, tt.want) || !errors.As(err, &ie) {
				t.Errorf("Merge(%s) error = %v, want an *InputError wrapping %v", tt.name, err, tt.want)
			}
			if !bytes.Equal(before, rollupState(t, r)) {
				t.Errorf("Merge(%s) changed the roll-up", tt.name)
			}
		})
	}
}

func TestZeroRollup(t *testing.T) {
	var r Rollup
	if err := r.Add(nil); err != nil {
		t.Errorf("zero Rollup Add(nil) error: %v", err)
	}
	if err := r.Add([]Record{{}}); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("zero Rollup Add(record) error = %v, want %v", err, ErrOutOfRange)
	}
	if _, err := r.Group(0); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("zero Rollup Group(0) error = %v, want %v", err, ErrOutOfRange)
	}
	if err := r.Merge(&Rollup{}); err != nil {
		t.Errorf("zero Rollup Merge(zero) error: %v", err)
	}
	var c Rollup
	if err := c.UnmarshalBinary(rollupState(t, &r)); err != nil || c.Groups() != 0 {
		t.Errorf("zero Rollup binary round trip = %d groups, %v", c.Groups(), err)
	}
	// Combined, All (and kpis behind them) once panicked on a Rollup with
	// no stages: make([]benchmark.Rate, -1).
	for name, z := range map[string]*Rollup{"zero": &r, "decoded zero": &c} {
		k, err := z.Combined()
		var ie *InputError
		if !errors.Is(err, ErrEmpty) || !errors.As(err, &ie) {
			t.Errorf("%s Rollup Combined() = %v, %v; want an *InputError wrapping %v", name, k, err, ErrEmpty)
		}
		for g, k := range z.All() {
			t.Errorf("%s Rollup All() yielded %d, %v; want nothing", name, g, k)
		}
		if s := z.Stages(); len(s) != 0 {
			t.Errorf("%s Rollup Stages() = %q", name, s)
		}
	}
}

func TestRollupManyStages(t *testing.T) {
	// The general layout (more than 6 stages) up to MaxStages.
	stages := make([]string, MaxStages)
	for i := range stages {
		stages[i] = fmt.Sprintf("stage %d", i)
	}
	r := mustRollup(t, stages, 2)
	recs := []Record{{Group: 1, Stage: 255, Outcome: Won, Amount: 9, Days: 2}, {Group: 1, Stage: 7}, {Group: 0, Stage: 0}}
	if err := r.Add(recs); err != nil {
		t.Fatal(err)
	}
	k, err := r.Group(1)
	if err != nil {
		t.Fatal(err)
	}
	if k.Funnel[0].Count != 2 || k.Funnel[7].Count != 2 || k.Funnel[8].Count != 1 || k.Funnel[255].Count != 1 {
		t.Errorf("Group(1) funnel counts at 0, 7, 8, 255 = %d, %d, %d, %d, want 2, 2, 1, 1",
			k.Funnel[0].Count, k.Funnel[7].Count, k.Funnel[8].Count, k.Funnel[255].Count)
	}
	if k.Won != (Totals{Count: 1, Amount: 9, Days: 2}) {
		t.Errorf("Group(1).Won = %+v, want {1 9 2}", k.Won)
	}
}

// TestRollupSpill adds enough records with long cycles that the narrow
// days counters spill into the wide ones several times within one Add and
// across Adds, and checks the figures against the naive map; then that a
// batch refused after spilling (a bad record, or an overflowing amount,
// at its very end) leaves the roll-up's figures as they were.
func TestRollupSpill(t *testing.T) {
	const groups = 3
	recs := genRecords(300_000, groups)
	for i := range recs {
		recs[i].Days = uint16(65535 - i%7) // 1024·65,535 days a block: a spill every 64 blocks
	}
	for _, stages := range [][]string{rollupStages, {"a", "b", "c", "d", "e", "f", "g"}} {
		r := mustRollup(t, stages, groups)
		for _, batch := range [][]Record{recs[:100], recs[100:200_000], recs[200_000:]} {
			if err := r.Add(batch); err != nil {
				t.Fatalf("Add error: %v", err)
			}
		}
		want, _ := naiveKPIs(stages, groups, recs)
		for g, k := range r.All() {
			if diff := cmp.Diff(want[g], k, rollupApprox); diff != "" {
				t.Fatalf("%d stages: Group(%d) after spills (-want +got):\n%s", len(stages), g, diff)
			}
		}
		before := rollupState(t, r)
		badGroup := append(slices.Clone(recs), Record{Group: groups})
		huge := append(slices.Clone(recs), Record{Amount: math.MaxInt64, Outcome: Won, Stage: 1})
		for name, batch := range map[string][]Record{"bad group": badGroup, "overflowing amount": huge} {
			if err := r.Add(batch); err == nil {
				t.Fatalf("%d stages: Add(%s at the end) = nil, want an error", len(stages), name)
			}
			if !bytes.Equal(rollupState(t, r), before) {
				t.Fatalf("%d stages: Add(%s at the end) changed the roll-up", len(stages), name)
			}
		}
		// And it goes on counting exactly.
		if err := r.Add(recs); err != nil {
			t.Fatal(err)
		}
		want, _ = naiveKPIs(stages, groups, slices.Concat(recs, recs))
		for g, k := range r.All() {
			if diff := cmp.Diff(want[g], k, rollupApprox); diff != "" {
				t.Fatalf("%d stages: Group(%d) after a refused batch (-want +got):\n%s", len(stages), g, diff)
			}
		}
	}
}

// naiveKPIs rolls records up the obvious way, with a map, as an oracle
// independent of Rollup's layout. ok is false when a sum overflows.
func naiveKPIs(stages []string, groups int, recs []Record) (kpis []KPIs, ok bool) {
	type stats struct {
		at     []int64
		totals [3]Totals
	}
	m := map[uint32]*stats{}
	add := func(x *int64, v int64) {
		if *x > math.MaxInt64-v {
			ok = false
		}
		*x += v
	}
	ok = true
	for _, rec := range recs {
		st := m[rec.Group]
		if st == nil {
			st = &stats{at: make([]int64, len(stages))}
			m[rec.Group] = st
		}
		st.at[rec.Stage]++
		t := &st.totals[rec.Outcome]
		t.Count++
		add(&t.Amount, rec.Amount)
		add(&t.Days, int64(rec.Days))
	}
	for g := range groups {
		st := m[uint32(g)]
		if st == nil {
			st = &stats{at: make([]int64, len(stages))}
		}
		k := KPIs{Funnel: benchmark.Funnel{}, Rates: []benchmark.Rate{}}
		for s := range stages {
			var reached int64
			for _, c := range st.at[s:] {
				reached += c
			}
			k.Funnel = append(k.Funnel, benchmark.Stage{Name: stages[s], Count: reached})
			if s > 0 {
				k.Rates = append(k.Rates, benchmark.Rate{Hits: reached, Trials: k.Funnel[s-1].Count})
			}
		}
		k.Open, k.Won, k.Lost = st.totals[Open], st.totals[Won], st.totals[Lost]
		k.WinRate = benchmark.Rate{Hits: k.Won.Count, Trials: k.Won.Count + k.Lost.Count}
		kpis = append(kpis, k)
	}
	return kpis, ok
}

// rollupCase draws stage names, a number of groups and valid records;
// the stage count crosses the 6 at which the layout changes.
func rollupCase(t *rapid.T, maxAmount int64) ([]string, int, []Record) {
	n := rapid.IntRange(1, 10).Draw(t, "stages")
	stages := make([]string, n)
	for i := range stages {
		stages[i] = fmt.Sprintf("s%d", i)
	}
	groups := rapid.IntRange(1, 12).Draw(t, "groups")
	rec := rapid.Custom(func(t *rapid.T) Record {
		return Record{
			Group:   uint32(rapid.IntRange(0, groups-1).Draw(t, "group")),
			Stage:   uint8(rapid.IntRange(0, n-1).Draw(t, "stage")),
			Outcome: Outcome(rapid.IntRange(0, 2).Draw(t, "outcome")),
			Amount:  rapid.Int64Range(0, maxAmount).Draw(t, "amount"),
			Days:    rapid.Uint16().Draw(t, "days"),
		}
	})
	return stages, groups, rapid.SliceOfN(rec, 0, 300).Draw(t, "records")
}

// TestRollupMatchesNaive checks every group's KPIs against the map-based
// oracle, with records added in random batches.
func TestRollupMatchesNaive(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		stages, groups, recs := rollupCase(t, 1e12)
		r := mustRollup(t, stages, groups)
		for rest := recs; len(rest) > 0; {
			n := rapid.IntRange(1, len(rest)).Draw(t, "batch")
			if err := r.Add(rest[:n]); err != nil {
				t.Fatalf("Add error: %v", err)
			}
			rest = rest[n:]
		}
		want, _ := naiveKPIs(stages, groups, recs)
		for g := range groups {
			got, err := r.Group(g)
			if err != nil {
				t.Fatalf("Group(%d) error: %v", g, err)
			}
			if diff := cmp.Diff(want[g], got, rollupApprox); diff != "" {
				t.Fatalf("Group(%d) mismatch (-want +got):\n%s", g, diff)
			}
		}
	})
}

// TestRollupShardsMerge checks that a roll-up split into random shards,
// each rolled up apart and merged in a random order, has exactly the state
// of the roll-up of everything, and that Merge is associative and
// commutative.
func TestRollupShardsMerge(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		stages, groups, recs := rollupCase(t, 1e15)
		whole := mustRollup(t, stages, groups)
		if err := whole.Add(recs); err != nil {
			t.Fatalf("Add error: %v", err)
		}
		var shards []*Rollup
		for rest := recs; len(rest) > 0; {
			n := rapid.IntRange(1, len(rest)).Draw(t, "shard")
			s := mustRollup(t, stages, groups)
			if err := s.Add(rest[:n]); err != nil {
				t.Fatalf("Add error: %v", err)
			}
			shards = append(shards, s)
			rest = rest[n:]
		}
		shards = append(shards, mustRollup(t, stages, groups)) // an empty shard changes nothing
		order := rapid.Permutation(shards).Draw(t, "order")
		merged := mustRollup(t, stages, groups)
		for _, s := range order {
			if err := merged.Merge(s); err != nil {
				t.Fatalf("Merge error: %v", err)
			}
		}
		if !bytes.Equal(rollupState(t, merged), rollupState(t, whole)) {
			t.Fatalf("merging %d shards != the roll-up of all records", len(shards))
		}
		// (a+b)+c == a+(b+c) and a+b == b+a, on the first three shards.
		for len(shards) < 3 {
			shards = append(shards, mustRollup(t, stages, groups))
		}
		a, b, c := shards[0], shards[1], shards[2]
		ab := cloneRollup(t, a)
		_ = ab.Merge(b)
		abc1 := cloneRollup(t, ab)
		_ = abc1.Merge(c)
		bc := cloneRollup(t, b)
		_ = bc.Merge(c)
		abc2 := cloneRollup(t, a)
		_ = abc2.Merge(bc)
		if !bytes.Equal(rollupState(t, abc1), rollupState(t, abc2)) {
			t.Fatalf("Merge is not associative")
		}
		ba := cloneRollup(t, b)
		_ = ba.Merge(a)
		if !bytes.Equal(rollupState(t, ab), rollupState(t, ba)) {
			t.Fatalf("Merge is not commutative")
		}
	})
}

// TestRollupBadBatchProperty checks that a batch with one bad record
// anywhere is refused and leaves the roll-up unchanged.
func TestRollupBadBatchProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		stages, groups, recs := rollupCase(t, 1e9)
		if len(recs) == 0 {
			recs = []Record{{}}
		}
		r := mustRollup(t, stages, groups)
		if err := r.Add(recs[:len(recs)/2]); err != nil {
			t.Fatal(err)
		}
		before := rollupState(t, r)
		bad := slices.Clone(recs)
		i := rapid.IntRange(0, len(bad)-1).Draw(t, "at")
		var want error
		switch rapid.IntRange(0, 3).Draw(t, "kind") {
		case 0:
			bad[i].Group = uint32(rapid.IntRange(groups, math.MaxUint32).Draw(t, "group"))
			want = ErrOutOfRange
		case 1:
			bad[i].Stage = uint8(rapid.IntRange(len(stages), 255).Draw(t, "stage"))
			want = ErrOutOfRange
		case 2:
			bad[i].Outcome = Outcome(rapid.IntRange(3, 255).Draw(t, "outcome"))
			want = ErrInvalidEnum
		case 3:
			bad[i].Amount = rapid.Int64Range(math.MinInt64, -1).Draw(t, "amount")
			want = ErrNegative
		}
		if err := r.Add(bad); !errors.Is(err, want) {
			t.Fatalf("Add(bad record at %d) error = %v, want %v", i, err, want)
		}
		if !bytes.Equal(before, rollupState(t, r)) {
			t.Fatalf("a refused batch changed the roll-up")
		}
	})
}

func TestRollupBinaryRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		stages, groups, recs := rollupCase(t, math.MaxInt64/400)
		r := mustRollup(t, stages, groups)
		if err := r.Add(recs); err != nil {
			t.Fatal(err)
		}
		b := rollupState(t, r)
		var got Rollup
		if err := got.UnmarshalBinary(b); err != nil {
			t.Fatalf("UnmarshalBinary(MarshalBinary()) error: %v", err)
		}
		if !bytes.Equal(rollupState(t, &got), b) || !slices.Equal(got.Stages(), stages) || got.Groups() != groups {
			t.Fatalf("binary round trip changed the roll-up")
		}
		for g := range groups {
			want, _ := r.Group(g)
			k, _ := got.Group(g)
			if diff := cmp.Diff(want, k); diff != "" {
				t.Fatalf("Group(%d) after round trip (-want +got):\n%s", g, diff)
			}
		}
		// A decoded roll-up goes on adding and merging.
		if err := got.Merge(r); err != nil {
			t.Fatalf("Merge after round trip error: %v", err)
		}
		if err := got.Add(recs); err != nil {
			t.Fatalf("Add after round trip error: %v", err)
		}
	})
}

// shard wraps a body in the version 2 header and a valid checksum, so
// that tests reach the checks behind the checksum.
func shard(body []byte) []byte {
	b := binary.AppendUvarint([]byte("sdru\x02"), uint64(len(body)))
	b = append(b, body...)
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, crc32.MakeTable(crc32.Castagnoli)))
}

// shardBody encodes stages, a number of groups and then values, as the
// body of a shard: per group a count per stage, won, lost, the amounts and
// the days of Open, Won and Lost.
func shardBody(stages []string, groups uint64, values ...uint64) []byte {
	b := binary.AppendUvarint(nil, uint64(len(stages)))
	for _, s := range stages {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendUvarint(b, groups)
	for _, v := range values {
		b = binary.AppendUvarint(b, v)
	}
	return b
}

func TestRollupUnmarshalBinaryErrors(t *testing.T) {
	r := mustRollup(t, []string{"a", "b"}, 2)
	if err := r.Add([]Record{{Group: 1, Stage: 1, Outcome: Won, Amount: 300, Days: 4}}); err != nil {
		t.Fatal(err)
	}
	good := rollupState(t, r)
	ab := []string{"a", "b"}
	zero := make([]uint64, 10)
	// group 1 of good: count a, count b, won, lost, amounts, days.
	g1 := []uint64{0, 1, 1, 0, 0, 300, 0, 0, 4, 0}
	if want := shard(shardBody(ab, 2, slices.Concat(zero, g1)...)); !bytes.Equal(good, want) {
		t.Fatalf("MarshalBinary() = %q, want %q: the layout these cases edit has changed", good, want)
	}
	edited := func(i int, v uint64) []byte { // group 1's value i set to v
		g := slices.Clone(g1)
		g[i] = v
		return shard(shardBody(ab, 2, slices.Concat(zero, g)...))
	}
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrCorrupt},
		{"not a rollup", []byte("{\"stages\":[]}"), ErrCorrupt},
		{"magic only", []byte("sdru"), ErrCorrupt},
		{"version 1", append([]byte("sdru\x01"), good[5:]...), ErrInvalidEnum},
		{"version 3", append([]byte("sdru\x03"), good[5:]...), ErrInvalidEnum},
		{"no body length", []byte("sdru\x02"), ErrCorrupt},
		{"truncated", good[:len(good)-1], ErrCorrupt},
		{"trailing byte", append(slices.Clone(good), 0), ErrCorrupt},
		{"bad checksum", append(slices.Clone(good[:len(good)-1]), good[len(good)-1]^1), ErrCorrupt},
		// Behind a valid checksum: states no roll-up reaches.
		{"truncated in names", shard(shardBody(ab, 2)[:3]), ErrCorrupt},
		{"duplicate stages", shard(shardBody([]string{"a", "a"}, 2, slices.Concat(zero, g1)...)), ErrCorrupt},
		{"blank stage", shard(shardBody([]string{"a", " "}, 2, slices.Concat(zero, g1)...)), ErrCorrupt},
		{"no groups", shard(shardBody(ab, 0)), ErrCorrupt},
		{"too many groups", shard(shardBody(ab, 1<<32+1, make([]uint64, 64)...)), ErrCorrupt},
		{"huge group count, little data", shard(shardBody(ab, 1<<32, make([]uint64, 64)...)), ErrCorrupt},
		{"missing values", shard(shardBody(ab, 2, zero...)), ErrCorrupt},
		{"trailing value", shard(shardBody(ab, 2, slices.Concat(zero, g1, []uint64{0})...)), ErrCorrupt},
		{"more won than records", edited(2, 2), ErrCorrupt},
		{"won and lost beyond records", edited(3, 1), ErrCorrupt},
		{"days beyond 65535 per record", edited(8, 65536), ErrCorrupt},
		{"open amount with no records", edited(4, 5), ErrCorrupt},
		{"open days with no records", edited(7, 1), ErrCorrupt},
		{"lost amount with no records", edited(6, 1), ErrCorrupt},
		{"value beyond int64", edited(5, math.MaxUint64), ErrCorrupt},
		{"record count beyond int64", shard(shardBody(ab, 1, math.MaxInt64, 1, 0, 0, 0, 0, 0, 0, 0, 0)), ErrCorrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := cloneRollup(t, r)
			err := c.UnmarshalBinary(tt.data)
			var ie *InputError
			if !errors.Is(err, tt.want) || !errors.As(err, &ie) {
				t.Errorf("UnmarshalBinary(%q) error = %v, want an *InputError wrapping %v", tt.data, err, tt.want)
			}
			if !bytes.Equal(rollupState(t, c), good) {
				t.Errorf("UnmarshalBinary(%q) changed the roll-up on error", tt.data)
			}
		})
	}
	// The layout above is right: editing the won amount of group 1
	// gives a valid roll-up with that amount.
	c := cloneRollup(t, r)
	if err := c.UnmarshalBinary(edited(5, 301)); err != nil {
		t.Fatalf("UnmarshalBinary(edited amount) error: %v", err)
	}
	if k, _ := c.Group(1); k.Won.Amount != 301 {
		t.Errorf("edited won amount = %d, want 301", k.Won.Amount)
	}
}

// TestRollupShardDamage flips every bit of a shard, one at a time, and
// cuts it at every length: every damaged shard is refused with ErrCorrupt
// (or ErrInvalidEnum, when the flip lands on the version byte), and the
// roll-up it was read into is left as it was.
func TestRollupShardDamage(t *testing.T) {
	r := mustRollup(t, rollupStages, 40)
	if err := r.Add(genRecords(5000, 40)); err != nil {
		t.Fatal(err)
	}
	good := rollupState(t, r)
	target := mustRollup(t, []string{"x"}, 1)
	before := rollupState(t, target)
	refused := func(what string, data []byte) {
		t.Helper()
		err := target.UnmarshalBinary(data)
		var ie *InputError
		if !errors.As(err, &ie) || !(errors.Is(err, ErrCorrupt) || (errors.Is(err, ErrInvalidEnum) && len(data) > 4 && data[4] != good[4])) {
			t.Fatalf("UnmarshalBinary(%s) error = %v, want an *InputError wrapping %v", what, err, ErrCorrupt)
		}
		if !bytes.Equal(rollupState(t, target), before) {
			t.Fatalf("UnmarshalBinary(%s) changed the roll-up on error", what)
		}
	}
	bad := slices.Clone(good)
	flips := 0
	for i := range bad {
		for bit := range 8 {
			bad[i] ^= 1 << bit
			refused(fmt.Sprintf("bit %d of byte %d flipped", bit, i), bad)
			bad[i] ^= 1 << bit
			flips++
		}
	}
	for n := range len(good) {
		refused(fmt.Sprintf("the first %d of %d bytes", n, len(good)), good[:n])
	}
	if flips != 8*len(good) || flips < 8*1000 {
		t.Fatalf("%d flips of a %d-byte shard: the shard is too small to test", flips, len(good))
	}
	t.Logf("%d bit flips and %d truncations of a %d-byte shard, all refused", flips, len(good), len(good))
}

// TestRollupUnmarshalBinaryAllocation checks that a shard cannot make the
// reader allocate more than it can honestly describe: a short shard
// claiming 2³² groups is refused without allocating the roll-up, and a
// valid one allocates at most 16 bytes per byte of data, plus the header.
func TestRollupUnmarshalBinaryAllocation(t *testing.T) {
	allocated := func(data []byte) (uint64, error) {
		var r Rollup
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		err := r.UnmarshalBinary(data)
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc, err
	}
	forged := shard(shardBody([]string{"a"}, 1<<32, make([]uint64, 1000)...))
	if n, err := allocated(forged); !errors.Is(err, ErrCorrupt) || n > 64<<10 {
		t.Errorf("UnmarshalBinary(%d bytes claiming 2³² groups) allocated %d bytes, error %v; want < 64 KB and %v", len(forged), n, err, ErrCorrupt)
	}
	for _, stages := range [][]string{{"a"}, rollupStages, {"a", "b", "c", "d", "e", "f"}, {"a", "b", "c", "d", "e", "f", "g"}} {
		const groups = 20_000
		r := mustRollup(t, stages, groups)
		data := rollupState(t, r) // all zero: the smallest shard of its shape
		n, err := allocated(data)
		if err != nil {
			t.Fatal(err)
		}
		if limit := 16*uint64(len(data)) + 4096; n > limit {
			t.Errorf("UnmarshalBinary(%d stages, %d groups: %d bytes) allocated %d bytes, want at most %d", len(stages), groups, len(data), n, limit)
		}
	}
}

// TestRollupUnmarshalOverflowingCounts builds states that Add could only
// reach after 2⁶³ records and checks that Add and Merge refuse to overflow
// them.
func TestRollupUnmarshalOverflowingCounts(t *testing.T) {
	var r Rollup
	// One stage "a", one group of 2⁶³−1 records, one of them won.
	if err := r.UnmarshalBinary(shard(shardBody([]string{"a"}, 1, math.MaxInt64, 1, 0, 0, 0, 0, 0, 0, 0))); err != nil {
		t.Fatalf("UnmarshalBinary(group of 2⁶³−1 records) error: %v", err)
	}
	before := rollupState(t, &r)
	if err := r.Add([]Record{{Outcome: Lost}}); !errors.Is(err, ErrOverflow) {
		t.Errorf("Add(one more record) error = %v, want %v", err, ErrOverflow)
	}
	if err := r.Merge(cloneRollup(t, &r)); !errors.Is(err, ErrOverflow) {
		t.Errorf("Merge(itself) error = %v, want %v", err, ErrOverflow)
	}
	if !bytes.Equal(before, rollupState(t, &r)) {
		t.Errorf("refused Add or Merge changed the roll-up")
	}
	k, err := r.Group(0)
	if err != nil || k.Funnel[0].Count != math.MaxInt64 {
		t.Errorf("Group(0) = %v, %v, want a funnel of MaxInt64", k.Funnel, err)
	}
}

func TestInterner(t *testing.T) {
	var in Interner
	if _, ok := in.Lookup("005A"); ok {
		t.Errorf("zero Interner Lookup found an ID")
	}
	ids := []string{"005A", "005B", "005A", "", "005C", "005B"}
	want := []uint32{0, 1, 0, 2, 3, 1}
	for i, id := range ids {
		g, err := in.Intern(id)
		if err != nil || g != want[i] {
			t.Errorf("Intern(%q) = %d, %v, want %d", id, g, err, want[i])
		}
	}
	if in.Len() != 4 {
		t.Errorf("Len() = %d, want 4", in.Len())
	}
	for g, want := range []string{"005A", "005B", "", "005C"} {
		if id, ok := in.ID(uint32(g)); !ok || id != want {
			t.Errorf("ID(%d) = %q, %v, want %q", g, id, ok, want)
		}
	}
	if id, ok := in.ID(3); !ok || id != "005C" {
		t.Errorf("ID(3) = %q, %v, want 005C", id, ok)
	}
	if _, ok := in.ID(4); ok {
		t.Errorf("ID(4) found an ID")
	}
	if g, ok := in.Lookup("005B"); !ok || g != 1 {
		t.Errorf("Lookup(005B) = %d, %v, want 1", g, ok)
	}
}

// TestMinorUnitsCents checks that an amount written with at most two
// decimals converts to exactly its cents, and that negating the amount
// negates the result.
func TestMinorUnitsCents(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cents := rapid.Int64Range(-1e15, 1e15).Draw(t, "cents")
		amount := float64(cents) / 100 // the float64 nearest cents/100
		got, err := MinorUnits(amount, 2)
		if err != nil || got != cents {
			t.Fatalf("MinorUnits(%v, 2) = %d, %v, want %d", amount, got, err, cents)
		}
		if neg, err := MinorUnits(-amount, 2); err != nil || neg != -got {
			t.Fatalf("MinorUnits(%v, 2) = %d, %v, want %d", -amount, neg, err, -got)
		}
	})
}

// FuzzMinorUnits checks MinorUnits against exact rational arithmetic on
// the shortest decimal of the amount: never a panic, and either the
// decimal times 10^digits rounded half away from zero, or an error when
// that is not finite or does not fit in an int64.
func FuzzMinorUnits(f *testing.F) {
	f.Add(1.005, 2)              // the float64 lies below the decimal's half
	f.Add(19.99, 2)              // 19.99×100 = 1998.9999999999998
	f.Add(-2.5, 0)               // half away from zero, negative
	f.Add(9.2e18, 0)             // near the int64 limit
	f.Add(1e-320, 18)            // subnormal
	f.Add(math.MaxFloat64, 2)    // overflow
	f.Add(0.123456789012345, 18) // every digit
	f.Fuzz(func(t *testing.T, amount float64, digits int) {
		got, err := MinorUnits(amount, digits)
		if math.IsNaN(amount) || math.IsInf(amount, 0) || digits < 0 || digits > 18 {
			if err == nil {
				t.Fatalf("MinorUnits(%v, %d) = %d, want an error", amount, digits, got)
			}
			return
		}
		x, ok := new(big.Rat).SetString(strconv.FormatFloat(amount, 'f', -1, 64))
		if !ok {
			t.Fatalf("cannot read %v back", amount)
		}
		x.Mul(x, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(digits)), nil)))
		// Round half away from zero: truncate |x| + 1/2.
		abs := new(big.Rat).Abs(x)
		abs.Add(abs, big.NewRat(1, 2))
		want := new(big.Int).Quo(abs.Num(), abs.Denom())
		if x.Sign() < 0 {
			want.Neg(want)
		}
		if !want.IsInt64() {
			if !errors.Is(err, ErrOverflow) {
				t.Fatalf("MinorUnits(%v, %d) = %d, %v, want %v", amount, digits, got, err, ErrOverflow)
			}
			return
		}
		if err != nil || got != want.Int64() {
			t.Fatalf("MinorUnits(%v, %d) = %d, %v, want %d", amount, digits, got, err, want.Int64())
		}
	})
}

func TestCycleDays(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		ny = time.FixedZone("EST", -5*3600)
	}
	tests := []struct {
		name            string
		created, closed time.Time
		want            uint16
		err             error
	}{
		{"same day", time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC), time.Date(2024, 3, 1, 17, 0, 0, 0, time.UTC), 0, nil},
		{"overnight", time.Date(2024, 3, 1, 23, 0, 0, 0, time.UTC), time.Date(2024, 3, 2, 1, 0, 0, 0, time.UTC), 1, nil},
		{"leap year", time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), 29, nil},
		// Across the spring DST change: 23 hours of wall time a day short.
		{"across DST", time.Date(2024, 3, 9, 12, 0, 0, 0, ny), time.Date(2024, 3, 11, 12, 0, 0, 0, ny), 2, nil},
		{"date-only close after a UTC timestamp", time.Date(2017, 1, 5, 18, 30, 0, 0, time.UTC), time.Date(2017, 3, 1, 0, 0, 0, 0, time.UTC), 55, nil},
		{"closed before created", time.Date(2024, 3, 2, 0, 0, 0, 0, time.UTC), time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), 0, ErrNegative},
		// A zero time is a missing date, not the year 1 (these failed
		// before: the first with ErrOverflow, the second with 0, nil).
		{"missing created date", time.Time{}, time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), 0, ErrEmpty},
		{"missing closed date", time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), time.Time{}, 0, ErrEmpty},
		{"both missing", time.Time{}, time.Time{}, 0, ErrEmpty},
		{"65535 days", time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 65535), 65535, nil},
		{"65536 days", time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 65536), 0, ErrOverflow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CycleDays(tt.created, tt.closed)
			if got != tt.want || !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
				t.Errorf("CycleDays(%v, %v) = %d, %v, want %d, %v", tt.created, tt.closed, got, err, tt.want, tt.err)
			}
		})
	}
}

func TestMinorUnits(t *testing.T) {
	tests := []struct {
		name   string
		amount float64
		digits int
		want   int64
		err    error
	}{
		{"dollars", 1500.5, 2, 150050, nil},
		{"float noise", 19.99, 2, 1999, nil}, // 19.99×100 = 1998.9999999999998
		{"another", 0.29, 2, 29, nil},        // 0.29×100 = 28.999999999999996
		{"yen", 12345, 0, 12345, nil},
		{"half away from zero", 0.125, 2, 13, nil}, // 0.125 is exact in binary
		{"negative", -2.5, 2, -250, nil},
		{"zero", 0, 2, 0, nil},
		{"NaN", math.NaN(), 2, 0, ErrNotFinite},
		{"Inf", math.Inf(1), 2, 0, ErrNotFinite},
		{"digits negative", 1, -1, 0, ErrOutOfRange},
		{"digits 19", 1, 19, 0, ErrOutOfRange},
		{"overflow", 1e17, 2, 0, ErrOverflow},
		{"just overflows", 9223372036854775807, 0, 0, ErrOverflow}, // the float64 is 2⁶³
		// The float64 -2⁶³ prints as -9223372036854776000, the decimal
		// a user would have written, which is below the smallest int64.
		{"most negative", -9223372036854775808, 0, 0, ErrOverflow},
		{"largest that fits", 9.2e18, 0, 9_200_000_000_000_000_000, nil},
		// The decimal the user wrote is rounded, not the float64 nearest
		// it (these failed before: 1.005 is 1.00499999999999989… in
		// binary, so 1.005×100 rounded to 100).
		{"1.005", 1.005, 2, 101, nil},
		{"-1.005", -1.005, 2, -101, nil},
		{"2.675", 2.675, 2, 268, nil},
		{"1.015", 1.015, 2, 102, nil},
		{"just below half", 1.0049999, 2, 100, nil},
		{"half to a whole unit", 0.5, 0, 1, nil},
		{"minus half", -0.5, 0, -1, nil},
		{"tiny", 1e-7, 2, 0, nil},
		{"tiny half", 5e-3, 2, 1, nil},
		{"minus zero", math.Copysign(0, -1), 2, 0, nil},
		{"18 digits", 0.123456789012345, 18, 123456789012345000, nil},
		{"large with cents", 123456789.125, 2, 12345678913, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := MinorUnits(tt.amount, tt.digits)
			if got != tt.want || !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
				t.Errorf("MinorUnits(%v, %d) = %d, %v, want %d, %v", tt.amount, tt.digits, got, err, tt.want, tt.err)
			}
		})
	}
}

// TestRollupRealPipeline rolls up the public CRM pipeline per sales agent
// and checks every agent's figures against a plain count of the rows.
//
// The mapping, which a plugin for this CRM would use: stages prospecting,
// engaging (an engaged account: the appointment stage) and closed; a
// Prospecting row is an open item at stage 0, an Engaging row an open item
// at stage 1, a Won or Lost row a closed deal at stage 2 with its
// close_value in cents and the days from engage_date to close_date.
func TestRollupRealPipeline(t *testing.T) {
	rows := crmdata.Pipeline(t)
	var in Interner
	recs := make([]Record, 0, len(rows))
	for _, row := range rows {
		g, err := in.Intern(row.Agent)
		if err != nil {
			t.Fatal(err)
		}
		rec := Record{Group: g}
		switch row.Stage {
		case "Prospecting":
			rec.Stage = 0
		case "Engaging":
			rec.Stage = 1
		case "Won", "Lost":
			rec.Stage, rec.Outcome = 2, Won
			if row.Stage == "Lost" {
				rec.Outcome = Lost
			}
			if rec.Amount, err = MinorUnits(row.Value, 2); err != nil {
				t.Fatalf("row %s: %v", row.ID, err)
			}
			if rec.Days, err = CycleDays(row.Engage, row.Close); err != nil {
				t.Fatalf("row %s: %v", row.ID, err)
			}
		default:
			t.Fatalf("row %s: unknown deal_stage %q", row.ID, row.Stage)
		}
		recs = append(recs, rec)
	}
	r := mustRollup(t, []string{"prospecting", "engaging", "closed"}, in.Len())
	if err := r.Add(recs); err != nil {
		t.Fatalf("Add error: %v", err)
	}

	// The independent count: straight from the rows, by agent name.
	type count struct {
		rows, engaged, won, lost int64
		wonCents, wonDays        int64
		lostDays                 int64
	}
	plain := map[string]*count{}
	for _, row := range rows {
		c := plain[row.Agent]
		if c == nil {
			c = &count{}
			plain[row.Agent] = c
		}
		c.rows++
		if row.Stage != "Prospecting" {
			c.engaged++
		}
		days := int64(math.Round(row.Close.Sub(row.Engage).Hours() / 24))
		switch row.Stage {
		case "Won":
			c.won++
			c.wonCents += int64(math.Round(row.Value * 100))
			c.wonDays += days
		case "Lost":
			c.lost++
			c.lostDays += days
		}
	}
	if len(plain) != in.Len() {
		t.Fatalf("%d agents counted, %d interned", len(plain), in.Len())
	}
	for g, k := range r.All() {
		agent, _ := in.ID(uint32(g))
		c := plain[agent]
		want := []int64{c.rows, c.engaged, c.won + c.lost, c.won, c.wonCents, c.wonDays, c.lost, c.lostDays}
		got := []int64{k.Funnel[0].Count, k.Funnel[1].Count, k.Funnel[2].Count, k.WinRate.Hits, k.Won.Amount, k.Won.Days, k.Lost.Count, k.Lost.Days}
		if !slices.Equal(got, want) {
			t.Errorf("agent %s: rows, engaged, closed, won, won cents, won days, lost, lost days = %v, want %v", agent, got, want)
		}
		if k.WinRate.Trials != c.won+c.lost {
			t.Errorf("agent %s: WinRate = %v, want %d/%d", agent, k.WinRate, c.won, c.won+c.lost)
		}
	}
	// Whole-file totals, counted with awk over deal_stage: 8,800 rows,
	// 500 Prospecting, 1,589 Engaging, 4,238 Won, 2,473 Lost; 30 agents.
	team, err := r.Combined()
	if err != nil {
		t.Fatal(err)
	}
	got := []int64{team.Funnel[0].Count, team.Funnel[1].Count, team.Won.Count, team.Lost.Count, int64(in.Len())}
	if want := []int64{8800, 8300, 4238, 2473, 30}; !slices.Equal(got, want) {
		t.Errorf("team rows, engaged, won, lost, agents = %v, want %v", got, want)
	}
}

// fuzzRecords decodes data as a roll-up's shape and records: a byte for
// the number of stages, a byte for the number of groups, then 16 bytes per
// record. The decoding keeps most records valid and makes the bad ones
// (group, stage or outcome out of range, negative amounts, amounts large
// enough to overflow) likely enough for the fuzzer to find.
func fuzzRecords(data []byte) (stages []string, groups int, recs []Record) {
	stages = make([]string, 1+int(data[0]%10))
	for i := range stages {
		stages[i] = fmt.Sprintf("s%d", i)
	}
	groups = 1 + int(data[1]%8)
	for c := data[2:]; len(c) >= 16; c = c[16:] {
		amount := int64(binary.LittleEndian.Uint64(c))
		switch c[15] % 4 {
		case 0:
			amount &= 0xffff
		case 1:
			amount &= math.MaxInt64
		case 3:
			amount = 0
		}
		rec := Record{
			Amount:  amount,
			Group:   uint32(c[8]) % uint32(groups+1),
			Days:    binary.LittleEndian.Uint16(c[12:]),
			Stage:   c[14] % uint8(len(stages)+1),
			Outcome: Outcome(c[15] / 4 % 4),
		}
		if c[9] == 0xff {
			rec.Group = binary.LittleEndian.Uint32(c[8:])
		}
		recs = append(recs, rec)
	}
	return stages, groups, recs
}

// FuzzRollup adds fuzzed records and checks that Add either refuses the
// batch, leaving the roll-up as it was, or gives the naive map's figures;
// that two halves merge to the whole, whose Reached and Totals agree with
// its KPIs; that a roll-up grown as the records need groups ends the same;
// and that the state survives its binary form.
func FuzzRollup(f *testing.F) {
	rec := func(amount uint64, group, stage, kind byte, days uint16) []byte {
		b := binary.LittleEndian.AppendUint64(nil, amount)
		b = append(b, group, 0, 0, 0)
		b = binary.LittleEndian.AppendUint16(b, days)
		return append(b, stage, kind)
	}
	seed := func(head []byte, recs ...[]byte) []byte { return slices.Concat(append([][]byte{head}, recs...)...) }
	// A good batch: 5 stages, 3 groups, a call, a won deal and a lost one.
	f.Add(seed([]byte{4, 2}, rec(0, 0, 0, 0, 0), rec(120000, 1, 4, 1*4, 30), rec(5000, 2, 4, 2*4, 12)))
	// Many stages (the general layout) and an open proposal.
	f.Add(seed([]byte{9, 1}, rec(80000, 1, 7, 0, 5), rec(0, 0, 9, 0, 0)))
	// A group out of range (3 of 3), then a stage out of range.
	f.Add(seed([]byte{4, 2}, rec(0, 3, 0, 0, 0)))
	f.Add(seed([]byte{4, 2}, rec(0, 0, 5, 0, 0)))
	// An unknown outcome; a negative amount.
	f.Add(seed([]byte{4, 2}, rec(7, 0, 1, 3*4, 0)))
	f.Add(seed([]byte{4, 2}, rec(math.MaxUint64, 0, 1, 1*4+2, 0)))
	// Two amounts that overflow one sum.
	f.Add(seed([]byte{4, 0}, rec(math.MaxInt64, 0, 4, 1*4+1, 0), rec(math.MaxInt64, 0, 4, 1*4+1, 0)))
	// Nothing but a header.
	f.Add([]byte{0, 0})
	f.Fuzz(checkFuzzRollup)
}

func checkFuzzRollup(t *testing.T, data []byte) {
	if len(data) < 2 {
		return
	}
	stages, groups, recs := fuzzRecords(data)
	r := mustRollup(t, stages, groups)
	empty := rollupState(t, r)
	err := r.Add(recs)
	valid := true
	for _, rec := range recs {
		if int(rec.Group) >= groups || int(rec.Stage) >= len(stages) || !rec.Outcome.Valid() || rec.Amount < 0 {
			valid = false
		}
	}
	var want []KPIs
	fits := true
	if valid {
		want, fits = naiveKPIs(stages, groups, recs)
	}
	switch {
	case !valid || !fits:
		if err == nil {
			t.Fatalf("Add(%v) = nil, want an error (valid %v, fits %v)", recs, valid, fits)
		}
		if valid && !errors.Is(err, ErrOverflow) {
			t.Fatalf("Add(%v) error = %v, want %v", recs, err, ErrOverflow)
		}
		if !bytes.Equal(rollupState(t, r), empty) {
			t.Fatalf("refused Add(%v) changed the roll-up", recs)
		}
		return
	case err != nil:
		t.Fatalf("Add(%v) error: %v", recs, err)
	}
	for g := range groups {
		got, err := r.Group(g)
		if err != nil {
			t.Fatalf("Group(%d) error: %v", g, err)
		}
		if diff := cmp.Diff(want[g], got, rollupApprox); diff != "" {
			t.Fatalf("Group(%d) mismatch (-want +got):\n%s", g, diff)
		}
	}
	half := len(recs) / 2
	a, b := mustRollup(t, stages, groups), mustRollup(t, stages, groups)
	if err := a.Add(recs[:half]); err != nil {
		t.Fatalf("Add(first half) error: %v", err)
	}
	if err := b.Add(recs[half:]); err != nil {
		t.Fatalf("Add(second half) error: %v", err)
	}
	if err := a.Merge(b); err != nil {
		t.Fatalf("Merge error: %v", err)
	}
	if !bytes.Equal(rollupState(t, a), rollupState(t, r)) {
		t.Fatalf("halves merged != the whole")
	}
	checkReaders(t, a)
	// Grown a group at a time as the records need them.
	c := mustRollup(t, stages, 1)
	for _, rec := range recs {
		if err := errors.Join(c.Grow(max(c.Groups(), int(rec.Group)+1)), c.Add([]Record{rec})); err != nil {
			t.Fatalf("Grow and Add(%v) error: %v", rec, err)
		}
	}
	if err := c.Grow(groups); err != nil {
		t.Fatalf("Grow(%d) error: %v", groups, err)
	}
	if !bytes.Equal(rollupState(t, c), rollupState(t, r)) {
		t.Fatalf("grown as the records came != the whole")
	}
	if !bytes.Equal(rollupState(t, cloneRollup(t, r)), rollupState(t, r)) {
		t.Fatalf("binary round trip changed the roll-up")
	}
}

// FuzzRollupUnmarshalBinary decodes arbitrary bytes: never a panic, and a
// roll-up it accepts encodes back to itself and reads as valid KPIs.
func FuzzRollupUnmarshalBinary(f *testing.F) {
	r, _ := New([]string{"call", "meeting", "deal"}, 2)
	_ = r.Add([]Record{{Group: 1, Stage: 2, Outcome: Won, Amount: 300, Days: 4}, {Stage: 1, Days: 2}})
	good, _ := r.MarshalBinary()
	f.Add(good)                                                           // a valid roll-up
	f.Add(good[:len(good)-3])                                             // truncated
	f.Add(shard(shardBody(nil, 0)))                                       // the zero Rollup
	f.Add(shard(shardBody([]string{"a"}, 1<<20)))                         // many groups, no data
	f.Add([]byte("sdru\x01\x00\x00"))                                     // version 1, no longer read
	f.Add(shard(shardBody([]string{"a"}, 1, 0, 0, 0, 5, 0, 0, 0, 0, 0)))  // an amount with no records
	f.Add(shard(shardBody([]string{"a"}, 1, 3, 1, 1, 5, 6, 7, 8, 9, 10))) // a valid group behind a valid checksum
	f.Fuzz(func(t *testing.T, data []byte) {
		var r Rollup
		if err := r.UnmarshalBinary(data); err != nil {
			return
		}
		b := rollupState(t, &r)
		var again Rollup
		if err := again.UnmarshalBinary(b); err != nil || !bytes.Equal(rollupState(t, &again), b) {
			t.Fatalf("re-encoding a decoded roll-up does not round-trip: %v", err)
		}
		for g, k := range r.All() {
			if err := k.Funnel.Validate(); err != nil {
				t.Fatalf("group %d funnel: %v", g, err)
			}
			for _, tot := range []Totals{k.Open, k.Won, k.Lost} {
				if tot.Count == 0 && (tot.Amount != 0 || tot.Days != 0) {
					t.Fatalf("group %d totals %+v: sums with no records", g, tot)
				}
			}
			for _, rate := range append(k.Rates, k.WinRate) {
				if err := rate.Validate(); err != nil {
					t.Fatalf("group %d rate %v: %v", g, rate, err)
				}
			}
			if avg, days := k.Won.AverageAmount(), k.Won.AverageDays(); math.IsNaN(avg) || math.IsNaN(days) || days > math.MaxUint16 {
				t.Fatalf("group %d won averages %v, %v", g, avg, days)
			}
		}
		if k, err := r.Combined(); err != nil {
			if !errors.Is(err, ErrOverflow) && !(r.Groups() == 0 && errors.Is(err, ErrEmpty)) {
				t.Fatalf("Combined() error: %v", err)
			}
		} else if err := k.Funnel.Validate(); err != nil {
			t.Fatalf("Combined() funnel: %v", err)
		}
		if err := r.Merge(&again); err != nil && !errors.Is(err, ErrOverflow) {
			t.Fatalf("Merge(copy) error: %v", err)
		}
	})
}

// TestRollupAllocs checks that Add, Merge and Reset allocate nothing, on
// the short layout and the long one, including Adds that spill.
func TestRollupAllocs(t *testing.T) {
	recs := genRecords(100_000, 100)
	for i := range recs {
		recs[i].Days = 65535 // a spill every 64 blocks
	}
	for _, stages := range [][]string{rollupStages, {"a", "b", "c", "d", "e", "f", "g"}} {
		r, other := mustRollup(t, stages, 100), mustRollup(t, stages, 100)
		if err := other.Add(recs); err != nil {
			t.Fatal(err)
		}
		allocs := testing.AllocsPerRun(5, func() {
			r.Reset()
			if err := r.Add(recs); err != nil {
				t.Fatal(err)
			}
			if err := r.Merge(other); err != nil {
				t.Fatal(err)
			}
		})
		if allocs != 0 {
			t.Errorf("%d stages: Reset, Add and Merge allocate %v times, want 0", len(stages), allocs)
		}
	}
}

// TestStageIncs checks the hot loop's table against stageInc, and that
// stage s's increment lands in half lineStage+s.
func TestStageIncs(t *testing.T) {
	for s := range uint(MaxStages) {
		inc := stageInc(s)
		if s < uint(len(stageIncs)) && stageIncs[s] != inc {
			t.Errorf("stageIncs[%d] = %#x, want %#x", s, stageIncs[s], inc)
		}
		line := make([]uint64, lineStride(MaxStages))
		line[(lineStage+s)>>1] += inc
		if got := half(line, lineStage+int(s)); s > 0 && got != 1 {
			t.Errorf("stage %d: half %d = %d, want 1", s, lineStage+s, got)
		}
	}
}

// TestSentinelsShared checks that the package's errors match benchmark's
// sentinels, so that one errors.Is works across both packages, and that
// they come as the one InputError shape.
func TestSentinelsShared(t *testing.T) {
	_, errNew := New(nil, 1)
	_, errDigits := MinorUnits(1, 19)
	_, errNaN := MinorUnits(math.NaN(), 2)
	r := mustRollup(t, []string{"a"}, 1)
	errMerge := r.Merge(mustRollup(t, []string{"b"}, 1))
	errAdd := r.Add([]Record{{Amount: -1}})
	var u Rollup
	errVersion := u.UnmarshalBinary([]byte("sdru\x09"))
	tests := []struct {
		name string
		err  error
		want error
	}{
		{"New(nil)", errNew, benchmark.ErrEmpty},
		{"MinorUnits digits", errDigits, benchmark.ErrOutOfRange},
		{"MinorUnits NaN", errNaN, benchmark.ErrNotFinite},
		{"Merge other stages", errMerge, benchmark.ErrMismatch},
		{"Add negative amount", errAdd, benchmark.ErrNegative},
		{"UnmarshalBinary version 9", errVersion, benchmark.ErrInvalidEnum},
	}
	for _, tt := range tests {
		var ie *InputError
		if !errors.Is(tt.err, tt.want) || !errors.As(tt.err, &ie) || ie.Func == "" || ie.Arg == "" {
			t.Errorf("%s error = %v, want an *InputError wrapping benchmark's %v", tt.name, tt.err, tt.want)
			continue
		}
		if !strings.HasPrefix(tt.err.Error(), "rollup: "+ie.Func+": "+ie.Arg+": ") {
			t.Errorf("%s error text = %q, want \"rollup: Func: Arg: …\"", tt.name, tt.err)
		}
	}
}
