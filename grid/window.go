package grid

import (
	"strconv"
	"time"

	"github.com/salesdev/salesdev/internal/jsontime"
)

// DefaultMonths is the length of the trailing window productivity is
// measured over when none is given: ASLAN's published grid material
// (outside the articles) reads results against quota over the trailing six
// months.
const DefaultMonths = 6

// A Window is a span of time, from Start up to but not including End:
// [Start, End). Windows that touch (one ends when the next starts) do not
// overlap, so consecutive months are consecutive windows. A valid Window
// ends after it starts; the zero Window is invalid.
type Window struct {
	// Start is the window's first instant, included.
	Start time.Time `json:"start"`
	// End is the window's end, excluded; after Start in a valid Window.
	End time.Time `json:"end"`
}

// MaxMonths is the longest window [Trailing] builds: a century, far past
// any trailing period results are read over, and short enough that every
// month count it accepts gives a valid window.
const MaxMonths = 1200

// Trailing returns the window of the given number of calendar months that
// ends at end: [the same day and time months earlier, end). When that
// month is too short for the day, the window starts on its last day: six
// months before 31 August is 28 February (29 in a leap year), not 3 March
// as [time.Time.AddDate] would normalize it. months = 0 means
// [DefaultMonths].
//
// Trailing returns an *InputError wrapping ErrOutOfRange for months
// outside [0, MaxMonths], and for a window whose Start or End JSON cannot
// write and read back exactly (see [time.Time.MarshalJSON]): a year
// outside 0 to 9999, or a zone offset of 24 hours or more or with seconds
// (RFC 3339 writes offsets in whole minutes). So a window from Trailing is
// always valid, and marshals to JSON that reads back the same instants. On
// error the Window is zero.
func Trailing(end time.Time, months int) (Window, error) {
	const fn = "Trailing"
	if months < 0 || months > MaxMonths {
		return Window{}, inputErr(fn, "months = "+strconv.Itoa(months)+" outside [0, "+strconv.Itoa(MaxMonths)+"]", ErrOutOfRange)
	}
	if months == 0 {
		months = DefaultMonths
	}
	y, m, d := end.Date()
	hh, mm, ss := end.Clock()
	first := time.Date(y, m-time.Month(months%12), 1, 0, 0, 0, 0, end.Location()).AddDate(-months/12, 0, 0)
	last := time.Date(first.Year(), first.Month()+1, 0, 0, 0, 0, 0, end.Location()).Day()
	start := time.Date(first.Year(), first.Month(), min(d, last), hh, mm, ss, end.Nanosecond(), end.Location())
	w := Window{Start: start, End: end}
	for _, t := range []time.Time{start, end} {
		if !jsontime.Storable(t) {
			return Window{}, inputErr(fn, "window "+w.String()+" cannot be stored: a JSON time needs a year from 0 to 9999 and a zone offset in whole minutes under 24 hours", ErrOutOfRange)
		}
	}
	// Unreachable with months ≥ 1 and years in 0 to 9999; kept so that
	// the promise of a valid window does not rest on that argument.
	if err := w.validate(fn, "window"); err != nil {
		return Window{}, err
	}
	return w, nil
}

// Validate reports whether w ends after it starts. The error is an
// *InputError wrapping ErrInvalidWindow.
func (w Window) Validate() error { return w.validate("Window.Validate", "window") }

func (w Window) validate(fn, name string) error {
	if !w.End.After(w.Start) {
		return inputErr(fn, name+" "+w.String(), ErrInvalidWindow)
	}
	return nil
}

// Contains reports whether t is in w: Start ≤ t < End.
func (w Window) Contains(t time.Time) bool { return !t.Before(w.Start) && t.Before(w.End) }

// Overlaps reports whether w and o share some time. Windows that only touch
// do not overlap, and neither does an invalid window.
func (w Window) Overlaps(o Window) bool {
	return w.Start.Before(o.End) && o.Start.Before(w.End) &&
		w.Start.Before(w.End) && o.Start.Before(o.End)
}

// String formats w as "[2025-01-01, 2025-07-01)", with times of day
// (RFC 3339) when either end is not at midnight.
func (w Window) String() string {
	layout := time.DateOnly
	if !midnight(w.Start) || !midnight(w.End) {
		layout = time.RFC3339
	}
	return "[" + w.Start.Format(layout) + ", " + w.End.Format(layout) + ")"
}

func midnight(t time.Time) bool {
	h, m, s := t.Clock()
	return h == 0 && m == 0 && s == 0 && t.Nanosecond() == 0
}
