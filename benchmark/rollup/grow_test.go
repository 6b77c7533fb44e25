package rollup

import (
	"bytes"
	"errors"
	"testing"

	"pgregory.net/rapid"
)

// checkReaders checks Reached and Totals against the KPIs that Group
// builds, for every group, stage and outcome of r.
func checkReaders(t rollupTB, r *Rollup) {
	t.Helper()
	for g := range r.Groups() {
		k, err := r.Group(g)
		if err != nil {
			t.Fatalf("Group(%d) error: %v", g, err)
		}
		prefix := []int64{-1}
		all, err := r.AppendReached(prefix, g)
		if err != nil || len(all) != 1+len(k.Funnel) || all[0] != -1 {
			t.Fatalf("AppendReached([-1], %d) = %v, %v; want -1 and %d counts", g, all, err, len(k.Funnel))
		}
		for s, st := range k.Funnel {
			got, err := r.Reached(g, s)
			if err != nil || got != st.Count || all[1+s] != st.Count {
				t.Fatalf("Reached(%d, %d) = %d, %v and AppendReached's %d; want %d (the KPIs' funnel)", g, s, got, err, all[1+s], st.Count)
			}
		}
		for o, want := range []Totals{k.Open, k.Won, k.Lost} {
			got, err := r.Totals(g, Outcome(o))
			if err != nil || got != want {
				t.Fatalf("Totals(%d, %s) = %+v, %v; want %+v (the KPIs')", g, Outcome(o), got, err, want)
			}
		}
	}
}

// TestRollupReaders checks Reached and Totals against Group's KPIs on
// roll-ups whose figures sit in the narrow counters (Add), in the wide
// ones (Merge) and in both.
func TestRollupReaders(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		stages, groups, recs := rollupCase(t, 1e12)
		r := mustRollup(t, stages, groups)
		half := rapid.IntRange(0, len(recs)).Draw(t, "merged")
		other := mustRollup(t, stages, groups)
		if err := errors.Join(r.Add(recs[:half]), other.Add(recs[half:])); err != nil {
			t.Fatalf("Add error: %v", err)
		}
		checkReaders(t, r)
		if err := r.Merge(other); err != nil {
			t.Fatalf("Merge error: %v", err)
		}
		checkReaders(t, r)
		if err := r.Add(recs); err != nil {
			t.Fatalf("Add error: %v", err)
		}
		checkReaders(t, r)
	})
}

// TestRollupReadersSpilled checks the readers once the narrow counters
// have spilled into the wide ones many times.
func TestRollupReadersSpilled(t *testing.T) {
	recs := genRecords(200_000, 3)
	for i := range recs {
		recs[i].Days = uint16(65535 - i%7) // a spill every 64 blocks
	}
	for _, stages := range [][]string{rollupStages, {"a", "b", "c", "d", "e", "f", "g"}} {
		r := mustRollup(t, stages, 3)
		if err := r.Add(recs); err != nil {
			t.Fatal(err)
		}
		checkReaders(t, r)
	}
}

func TestRollupReadersErrors(t *testing.T) {
	r := mustRollup(t, []string{"a", "b"}, 2)
	for _, c := range []struct {
		name string
		err  error
		want error
	}{
		{"Reached(-1, 0)", second(r.Reached(-1, 0)), ErrOutOfRange},
		{"Reached(2, 0)", second(r.Reached(2, 0)), ErrOutOfRange},
		{"Reached(0, -1)", second(r.Reached(0, -1)), ErrOutOfRange},
		{"Reached(0, 2)", second(r.Reached(0, 2)), ErrOutOfRange},
		{"Totals(2, Won)", second(r.Totals(2, Won)), ErrOutOfRange},
		{"Totals(-1, Won)", second(r.Totals(-1, Won)), ErrOutOfRange},
		{"Totals(0, 3)", second(r.Totals(0, 3)), ErrInvalidEnum},
		{"zero Rollup Reached", second(new(Rollup).Reached(0, 0)), ErrOutOfRange},
		{"zero Rollup Totals", second(new(Rollup).Totals(0, Open)), ErrOutOfRange},
		{"AppendReached(nil, 2)", second(r.AppendReached(nil, 2)), ErrOutOfRange},
		{"AppendReached(nil, -1)", second(r.AppendReached(nil, -1)), ErrOutOfRange},
		{"zero Rollup AppendReached", second(new(Rollup).AppendReached(nil, 0)), ErrOutOfRange},
	} {
		var ie *InputError
		if !errors.Is(c.err, c.want) || !errors.As(c.err, &ie) {
			t.Errorf("%s error = %v, want an *InputError wrapping %v", c.name, c.err, c.want)
		}
	}
}

// TestAppendReachedKeepsDst: a refused call returns dst as it was.
func TestAppendReachedKeepsDst(t *testing.T) {
	r := mustRollup(t, []string{"a", "b"}, 2)
	got, err := r.AppendReached([]int64{7}, 2)
	if err == nil || len(got) != 1 || got[0] != 7 {
		t.Errorf("AppendReached([7], 2) = %v, %v; want [7] and an error", got, err)
	}
}

// second returns the error of a two-value call.
func second[T any](_ T, err error) error { return err }

// TestRollupGrow checks that growing a roll-up part way through the
// records, in one step or several, gives exactly the roll-up made with
// every group from the start: the same state, and the same after a
// Merge and a refused batch.
func TestRollupGrow(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		stages, groups, recs := rollupCase(t, 1e12)
		whole := mustRollup(t, stages, groups)
		if err := whole.Add(recs); err != nil {
			t.Fatal(err)
		}
		// Records stream in; a roll-up that starts with few groups
		// grows whenever a record needs a group it does not have.
		grown := mustRollup(t, stages, rapid.IntRange(1, groups).Draw(t, "first groups"))
		for _, rec := range recs {
			if int(rec.Group) >= grown.Groups() {
				to := rapid.IntRange(int(rec.Group)+1, groups).Draw(t, "grow to")
				if err := grown.Grow(to); err != nil {
					t.Fatalf("Grow(%d) error: %v", to, err)
				}
			}
			if err := grown.Add([]Record{rec}); err != nil {
				t.Fatalf("Add error: %v", err)
			}
		}
		if err := grown.Grow(groups); err != nil {
			t.Fatalf("Grow(%d) error: %v", groups, err)
		}
		if !bytes.Equal(rollupState(t, grown), rollupState(t, whole)) {
			t.Fatalf("grown roll-up != the roll-up with %d groups from the start", groups)
		}
		checkReaders(t, grown)
		// It goes on as any roll-up: a bad batch changes nothing, and
		// Merge sums.
		before := rollupState(t, grown)
		if err := grown.Add([]Record{{Group: uint32(groups)}}); !errors.Is(err, ErrOutOfRange) {
			t.Fatalf("Add(group %d) error = %v, want ErrOutOfRange", groups, err)
		}
		if !bytes.Equal(rollupState(t, grown), before) {
			t.Fatalf("a refused batch changed the grown roll-up")
		}
		if err := errors.Join(grown.Merge(whole), whole.Merge(whole)); err != nil {
			t.Fatalf("Merge error: %v", err)
		}
		if !bytes.Equal(rollupState(t, grown), rollupState(t, whole)) {
			t.Fatalf("grown + whole != whole + whole")
		}
	})
}

func TestRollupGrowErrors(t *testing.T) {
	r := mustRollup(t, []string{"a", "b"}, 3)
	if err := r.Add([]Record{{Group: 2, Stage: 1, Outcome: Won, Amount: 5}}); err != nil {
		t.Fatal(err)
	}
	before := rollupState(t, r)
	for _, c := range []struct {
		r      *Rollup
		groups int
		want   error
	}{
		{r, 2, ErrOutOfRange},
		{r, -1, ErrOutOfRange},
		{r, 1<<32 + 1, ErrOutOfRange},
		{new(Rollup), 1, ErrEmpty},
	} {
		err := c.r.Grow(c.groups)
		var ie *InputError
		if !errors.Is(err, c.want) || !errors.As(err, &ie) || ie.Func != "Rollup.Grow" {
			t.Errorf("Grow(%d) error = %v, want an *InputError from Rollup.Grow wrapping %v", c.groups, err, c.want)
		}
	}
	if err := r.Grow(3); err != nil {
		t.Errorf("Grow(3) on 3 groups error = %v, want nil", err)
	}
	if !bytes.Equal(rollupState(t, r), before) {
		t.Errorf("a refused Grow, or one to the same size, changed the roll-up")
	}
	if got := new(Rollup).Groups(); got != 0 {
		t.Errorf("zero Rollup has %d groups after a refused Grow", got)
	}
}

// TestRollupGrowAmortised checks that growing one group at a time
// reallocates only now and then, as append does.
func TestRollupGrowAmortised(t *testing.T) {
	const groups = 10_000
	allocs := testing.AllocsPerRun(3, func() {
		r, err := New([]string{"a", "b", "c"}, 1)
		if err != nil {
			t.Fatal(err)
		}
		for g := 2; g <= groups; g++ {
			if err := r.Grow(g); err != nil {
				t.Fatal(err)
			}
		}
	})
	// append's growth (×2 for small slices, ×1.25 for large ones) needs
	// a few dozen reallocations of each of the two slices; one per group
	// would be 20,000.
	if allocs > 100 {
		t.Errorf("growing to %d groups one at a time: %.0f allocations, want a few dozen", groups, allocs)
	}
}
