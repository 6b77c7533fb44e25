// Package jsontime holds the one test of a time.Time that the library's
// stored values (grid windows, tmc journeys and events) share: whether
// JSON can carry it there and back.
package jsontime

import "time"

// Storable reports whether t can be written as a JSON time and read back
// as the same instant: [time.Time.MarshalJSON] needs a year from 0 to
// 9999, in t's location, and a zone offset of less than 24 hours; and RFC
// 3339 writes the offset in whole minutes, so an offset with seconds (the
// local mean time of historical zones, such as Amsterdam's +00:19:32
// before 1937) would read back as another instant.
func Storable(t time.Time) bool {
	if _, offset := t.Zone(); offset%60 != 0 {
		return false
	}
	_, err := t.MarshalText() // the same check as MarshalJSON's
	return err == nil
}
