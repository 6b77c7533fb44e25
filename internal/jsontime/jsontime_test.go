package jsontime

import (
	"encoding/json"
	"testing"
	"time"
)

// TestStorable: a time is storable exactly when it survives a JSON round
// trip as the same instant.
func TestStorable(t *testing.T) {
	for _, tc := range []struct {
		t    time.Time
		want bool
	}{
		{time.Date(2025, 12, 31, 9, 0, 0, 0, time.UTC), true},
		{time.Date(2025, 12, 31, 9, 0, 0, 0, time.FixedZone("", -5*3600)), true},
		{time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC), true},
		{time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC), true},
		{time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), false},
		{time.Date(-1, 12, 31, 0, 0, 0, 0, time.UTC), false},
		{time.Date(1930, 1, 1, 0, 0, 0, 0, time.FixedZone("", 19*60+32)), false}, // Amsterdam's local mean time
		{time.Date(2025, 1, 1, 0, 0, 0, 0, time.FixedZone("", 24*3600)), false},
	} {
		if got := Storable(tc.t); got != tc.want {
			t.Errorf("Storable(%v) = %v, want %v", tc.t, got, tc.want)
		}
		b, err := json.Marshal(tc.t)
		var back time.Time
		trip := err == nil && json.Unmarshal(b, &back) == nil && back.Equal(tc.t)
		if trip != tc.want {
			t.Errorf("%v: JSON round trip %v, want %v", tc.t, trip, tc.want)
		}
	}
}
