package gendata

import (
	"bytes"
	"testing"
)

// TestGenerateDeterministic checks that a seed always gives the same files
// and that the seed matters.
func TestGenerateDeterministic(t *testing.T) {
	a, b := Generate(Seed), Generate(Seed)
	if len(a) != 5 {
		t.Fatalf("Generate returned %d files, want 5", len(a))
	}
	for i := range a {
		if a[i].Name != b[i].Name || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("Generate(%d) is not deterministic: %s differs", Seed, a[i].Name)
		}
	}
	other := Generate(Seed + 1)
	pa, _ := a.Lookup("pipeline.csv")
	po, _ := other.Lookup("pipeline.csv")
	if bytes.Equal(pa, po) {
		t.Error("Generate gives the same pipeline for two seeds")
	}
	if _, ok := a.Lookup("nope.csv"); ok {
		t.Error(`Lookup("nope.csv") found a file`)
	}
}

// TestGenerateSize keeps the committed data set small.
func TestGenerateSize(t *testing.T) {
	total := 0
	for _, f := range Generate(Seed) {
		total += len(f.Data)
	}
	if total > 1<<20 {
		t.Errorf("generated files total %d bytes, want at most 1 MiB", total)
	}
}

// TestDay checks the day arithmetic at the ends of the year.
func TestDay(t *testing.T) {
	tests := []struct {
		name string
		got  int
		want int
		text string
	}{
		{name: "first", got: day(1, 1), want: 0, text: "2025-01-01"},
		{name: "october", got: day(10, 1), want: q4, text: "2025-10-01"},
		{name: "last", got: day(12, 31), want: days - 1, text: "2025-12-31"},
		{name: "past the end", got: day(13, 1), want: days, text: "2026-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want || date(tt.got) != tt.text {
				t.Errorf("day = %d (%s), want %d (%s)", tt.got, date(tt.got), tt.want, tt.text)
			}
		})
	}
}
