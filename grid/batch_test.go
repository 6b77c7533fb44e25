package grid

import (
	"errors"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

func TestPlaceAll(t *testing.T) {
	ms := []Measures{
		{Desire: 0.9, Productivity: 1.2, Competency: 0.8},
		{Desire: 0.8, Productivity: 0.85, Competency: 0.6},
		{Desire: 0.3, Productivity: 1.1, Competency: 0.9},
		{Desire: 0.2, Productivity: 0.6, Competency: 0.4},
		{Desire: 0.5, Productivity: 1},
		{Desire: nzro, Productivity: nzro, Competency: nzro}, // valid, though the fast check cannot tell
	}
	dst := make([]Quadrant, len(ms)+2)
	dst[len(ms)] = Striver // beyond len(ms): must stay as it was
	if err := PlaceAll(dst, ms, nil); err != nil {
		t.Fatalf("PlaceAll error = %v", err)
	}
	want := []Quadrant{Achiever, Striver, Independent, Detractor, Achiever, Detractor, Striver, Unplaced}
	if diff := cmp.Diff(want, dst); diff != "" {
		t.Errorf("PlaceAll (-want +got):\n%s", diff)
	}
	if err := PlaceAll(nil, nil, nil); err != nil {
		t.Errorf("PlaceAll(nil, nil, nil) = %v, want nil", err)
	}
}

func TestPlaceAllErrors(t *testing.T) {
	// A batch long enough to span several chunks, with the bad element in
	// the middle of one: the error names it, everything before it is
	// placed, and it and everything after it up to len(ms) is Unplaced.
	const n, bad = 3*chunk + 7, chunk + 500
	ms := make([]Measures, n)
	for i := range ms {
		ms[i] = Measures{Desire: float64(i%10) / 10, Productivity: float64(i%7) / 3, Competency: 0.5}
	}
	tests := []struct {
		name string
		m    Measures
		err  error
	}{
		{"NaN desire", Measures{Desire: nan, Productivity: 1}, ErrNotFinite},
		{"desire above 1", Measures{Desire: 1.5, Productivity: 1}, ErrOutOfRange},
		{"negative productivity", Measures{Desire: 0.5, Productivity: -1}, ErrOutOfRange},
		{"+Inf productivity", Measures{Desire: 0.5, Productivity: inf}, ErrNotFinite},
		{"NaN productivity", Measures{Desire: 0.5, Productivity: nan}, ErrNotFinite},
		{"negative competency", Measures{Desire: 0.5, Productivity: 1, Competency: -0.5}, ErrOutOfRange},
		{"NaN competency", Measures{Desire: 0.5, Productivity: 1, Competency: nan}, ErrNotFinite},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := append([]Measures(nil), ms...)
			in[bad] = tt.m
			in[bad+3] = Measures{Desire: 2} // a second bad element: not the one reported
			dst := make([]Quadrant, n+1)
			for i := range dst {
				dst[i] = Independent
			}
			err := PlaceAll(dst, in, nil)
			var ie *InputError
			if !errors.Is(err, tt.err) || !errors.As(err, &ie) || batchIndex(ie) != bad {
				t.Fatalf("PlaceAll error = %v, want %v at index %d", err, tt.err, bad)
			}
			for i := range n {
				want := Unplaced
				if i < bad {
					want, _ = Place(in[i], nil)
				}
				if dst[i] != want {
					t.Fatalf("after the error, dst[%d] = %v, want %v", i, dst[i], want)
				}
			}
			if dst[n] != Independent {
				t.Errorf("dst[%d], beyond len(ms), = %v, want it untouched", n, dst[n])
			}
		})
	}
}

func TestPlaceAllMessage(t *testing.T) {
	ms := []Measures{{Desire: 0.5}, {Desire: 0.5}, {Desire: 0.5}, {Desire: nan}}
	err := PlaceAll(make([]Quadrant, 4), ms, nil)
	if got, want := err.Error(), "grid: PlaceAll: ms[3]: desire = NaN: not a finite number"; err == nil || got != want {
		t.Errorf("PlaceAll error = %q, want %q", got, want)
	}
}

func TestPlaceAllRefusesBeforeWriting(t *testing.T) {
	ms := []Measures{{Desire: 0.5, Productivity: 1}}
	tests := []struct {
		name string
		dst  []Quadrant
		c    *Cutoffs
		err  error
	}{
		{"short dst", []Quadrant{}, nil, ErrShortBuffer},
		{"bad cutoffs", []Quadrant{Striver}, &Cutoffs{Desire: 3}, ErrOutOfRange},
		{"NaN cutoff", []Quadrant{Striver}, &Cutoffs{Productivity: nan}, ErrNotFinite},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := slices.Clone(tt.dst)
			if err := PlaceAll(tt.dst, ms, tt.c); !errors.Is(err, tt.err) {
				t.Errorf("PlaceAll error = %v, want %v", err, tt.err)
			}
			if diff := cmp.Diff(before, tt.dst); diff != "" {
				t.Errorf("PlaceAll wrote dst on error (-want +got):\n%s", diff)
			}
		})
	}
}

// The batch agrees with Place rep by rep: same quadrants, and an error at
// the first rep Place refuses.
func TestPlaceAllMatchesPlace(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		// Valid measures, often on a line or at -0, with now and then one
		// arbitrary measure at a random place.
		edge := func(g *rapid.Generator[float64]) *rapid.Generator[float64] {
			return rapid.OneOf(g, rapid.SampledFrom([]float64{0, nzro, 0.5, 1}))
		}
		measure := rapid.Custom(func(t *rapid.T) Measures {
			return Measures{
				Desire:       edge(rapid.Float64Range(0, 1)).Draw(t, "desire"),
				Productivity: edge(rapid.Float64Range(0, 3)).Draw(t, "productivity"),
				Competency:   edge(rapid.Float64Range(0, 1)).Draw(t, "competency"),
			}
		})
		n := rapid.IntRange(0, 3*chunk).Draw(t, "n") // up to three chunks and a tail
		ms := rapid.SliceOfN(measure, n, n).Draw(t, "ms")
		if n > 0 && rapid.Bool().Draw(t, "spoil") {
			ms[rapid.IntRange(0, n-1).Draw(t, "at")] = Measures{anyFloat().Draw(t, "d"), anyFloat().Draw(t, "p"), anyFloat().Draw(t, "c")}
		}
		c := validCutoffs().Draw(t, "c")
		dst := make([]Quadrant, len(ms))
		err := PlaceAll(dst, ms, c)
		for i, m := range ms {
			want, werr := Place(m, c)
			if werr != nil {
				var ie *InputError
				if !errors.As(err, &ie) || batchIndex(ie) != i || !errors.Is(err, errors.Unwrap(werr)) {
					t.Fatalf("PlaceAll error = %v, want the error of Place(ms[%d]) = %v", err, i, werr)
				}
				return
			}
			if dst[i] != want {
				t.Fatalf("PlaceAll: dst[%d] = %v, Place(%+v) = %v", i, dst[i], m, want)
			}
		}
		if err != nil {
			t.Fatalf("PlaceAll error = %v, want nil", err)
		}
	})
}

// batchIndex returns the index a PlaceAll error names at the start of its
// Arg ("ms[3]: desire = NaN"), or -1 when it names none.
func batchIndex(ie *InputError) int {
	rest, ok := strings.CutPrefix(ie.Arg, "ms[")
	if !ok {
		return -1
	}
	num, _, ok := strings.Cut(rest, "]: ")
	if !ok {
		return -1
	}
	i, err := strconv.Atoi(num)
	if err != nil {
		return -1
	}
	return i
}

func TestPlaceAllAllocs(t *testing.T) {
	ms := make([]Measures, 5000)
	dst := make([]Quadrant, len(ms))
	if n := testing.AllocsPerRun(10, func() { _ = PlaceAll(dst, ms, nil) }); n != 0 {
		t.Errorf("PlaceAll allocates %v times per call, want 0", n)
	}
}

// FuzzPlaceAll: for batches of raw bit patterns, no panic, and the same
// answer as Place rep by rep.
func FuzzPlaceAll(f *testing.F) {
	// Seed corpus: a count of reps, then that many (desire, productivity,
	// competency) triples drawn from the seed.
	f.Add(uint16(4), uint64(1))
	f.Add(uint16(1025), uint64(7))
	f.Add(uint16(0), uint64(0))
	f.Fuzz(func(t *testing.T, n uint16, seed uint64) {
		r := rand.New(rand.NewPCG(seed, uint64(n)))
		ms := make([]Measures, int(n)%3000)
		for i := range ms {
			ms[i] = Measures{fuzzFloat(r), fuzzFloat(r), fuzzFloat(r)}
		}
		dst := make([]Quadrant, len(ms))
		err := PlaceAll(dst, ms, nil)
		for i, m := range ms {
			want, werr := Place(m, nil)
			if werr != nil {
				var ie *InputError
				if !errors.As(err, &ie) || batchIndex(ie) != i {
					t.Fatalf("PlaceAll error = %v, want one at index %d (%v)", err, i, werr)
				}
				return
			}
			if dst[i] != want {
				t.Fatalf("PlaceAll: dst[%d] = %v, Place(%+v) = %v", i, dst[i], m, want)
			}
		}
		if err != nil {
			t.Fatalf("PlaceAll error = %v, want nil", err)
		}
	})
}

// fuzzFloat is mostly a valid measure, sometimes a special or arbitrary
// value.
func fuzzFloat(r *rand.Rand) float64 {
	switch r.IntN(64) {
	case 0:
		return nan
	case 1:
		return nzro
	case 2:
		return -r.Float64()
	case 3:
		return 1 + r.Float64()
	case 4:
		return inf
	}
	return r.Float64()
}

// benchReps is ten million reps spread evenly over the grid, built on first
// use so that a plain go test does not pay for them. Desire and competency
// are uniform on [0, 1] and productivity on [0, 2), so each quadrant gets a
// quarter of the reps in random order: no branch predictor can learn it.
var benchReps = sync.OnceValue(func() []Measures {
	r := rand.New(rand.NewPCG(1, 2))
	ms := make([]Measures, 10_000_000)
	for i := range ms {
		ms[i] = Measures{Desire: r.Float64(), Productivity: 2 * r.Float64(), Competency: r.Float64()}
	}
	return ms
})

// BenchmarkPlace places ten million reps: with PlaceAll, and with a
// straightforward loop calling Place for each rep. The target for PlaceAll
// is at least 700 M placements/s on one core, with no allocation.
func BenchmarkPlace(b *testing.B) {
	ms := benchReps()
	dst := make([]Quadrant, len(ms))
	report := func(b *testing.B) {
		b.ReportMetric(float64(len(ms))*float64(b.N)/b.Elapsed().Seconds(), "placements/s")
		b.ReportMetric(float64(len(ms)), "reps/op")
	}
	// One untimed pass first, so that no timed pass pays for faulting in
	// dst's pages: b.Loop starts the timer at its first call.
	if err := PlaceAll(dst, ms, nil); err != nil {
		b.Fatal(err)
	}
	b.Run("PlaceAll", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(ms)) * 24)
		for b.Loop() {
			if err := PlaceAll(dst, ms, nil); err != nil {
				b.Fatal(err)
			}
		}
		report(b)
	})
	b.Run("loop", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(ms)) * 24)
		for b.Loop() {
			for i, m := range ms {
				q, err := Place(m, nil)
				if err != nil {
					b.Fatal(err)
				}
				dst[i] = q
			}
		}
		report(b)
	})
}
