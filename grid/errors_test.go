package grid

import (
	"errors"
	"testing"

	"github.com/salesdev/salesdev/benchmark"
)

// Errors from this package match package benchmark's sentinels, so a
// caller who checks against one layer's sentinel catches the other's.
func TestSentinelsSharedWithBenchmark(t *testing.T) {
	a, err := Assess(team(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var q Quadrant
	tests := []struct {
		name string
		err  error
		want error
	}{
		{"NaN desire", func() error { _, err := Place(Measures{Desire: nan}, nil); return err }(), benchmark.ErrNotFinite},
		{"desire above 1", func() error { _, err := Place(Measures{Desire: 2}, nil); return err }(), benchmark.ErrOutOfRange},
		{"no answers", func() error { _, err := DesireFrom(Scale{1, 5}); return err }(), benchmark.ErrEmpty},
		{"unknown quadrant", q.UnmarshalText([]byte("rookie")), benchmark.ErrInvalidEnum},
		{"rep twice", func() error { _, err := Assess([]Rep{{Rep: "a"}, {Rep: "a"}}, nil); return err }(), benchmark.ErrDuplicate},
		{"negative hours", func() error { _, err := Allocate(-1, a, nil); return err }(), benchmark.ErrOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ie *InputError
			if !errors.Is(tt.err, tt.want) || !errors.As(tt.err, &ie) {
				t.Errorf("error = %v, want an *InputError that errors.Is finds as %v", tt.err, tt.want)
			}
		})
	}
}

// One InputError shape: "grid: Func: Arg: Err".
func TestInputErrorShape(t *testing.T) {
	e := &InputError{Func: "PlaceAll", Arg: "ms[3]: desire = NaN", Err: ErrNotFinite}
	if got, want := e.Error(), "grid: PlaceAll: ms[3]: desire = NaN: not a finite number"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if !errors.Is(e, benchmark.ErrNotFinite) {
		t.Errorf("errors.Is(%v, benchmark.ErrNotFinite) = false", e)
	}
}
