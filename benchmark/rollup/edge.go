package rollup

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// An Interner turns a CRM's string IDs (a Salesforce OwnerId, a HubSpot
// hubspot_owner_id, a team name) into the dense group indexes 0, 1, 2, …
// that [Record.Group] holds, in order of first appearance. A plugin interns
// each ID as it reads the CRM's rows, at the edge, so that the roll-up
// itself never hashes or compares a string; [Interner.Len] is then the
// number of groups for [New], and [Interner.ID] turns a group back
// into its ID for the report.
//
// The zero Interner is empty and ready to use. It is a mutable map, not
// safe for concurrent use.
type Interner struct {
	index map[string]uint32
	ids   []string
}

// Intern returns id's group index, giving id the next free index when it
// is new. IDs are compared exactly, byte for byte: normalise case or
// whitespace before interning if the CRM does not. Intern keeps a copy of
// a new id, not id itself, so interning a field of a large buffer does not
// keep the buffer alive. It returns an [*InputError] wrapping
// [ErrOverflow] when the Interner already holds 2³² IDs.
func (in *Interner) Intern(id string) (uint32, error) {
	if g, ok := in.index[id]; ok {
		return g, nil
	}
	if uint64(len(in.ids)) > math.MaxUint32 {
		return 0, inputErr("Interner.Intern", fmt.Sprintf("id %q", id), fmt.Errorf("%w: 2³² IDs already interned", ErrOverflow))
	}
	if in.index == nil {
		in.index = make(map[string]uint32)
	}
	id = strings.Clone(id)
	g := uint32(len(in.ids))
	in.index[id] = g
	in.ids = append(in.ids, id)
	return g, nil
}

// Lookup returns id's group index without adding it, and reports whether
// id has been interned.
func (in *Interner) Lookup(id string) (uint32, bool) {
	g, ok := in.index[id]
	return g, ok
}

// ID returns the ID interned as group g, and reports whether there is one.
func (in *Interner) ID(g uint32) (string, bool) {
	if uint64(g) >= uint64(len(in.ids)) {
		return "", false
	}
	return in.ids[g], true
}

// Len returns the number of IDs interned: the number of groups for
// [New].
func (in *Interner) Len() int { return len(in.ids) }

// CycleDays returns the number of calendar days from created to closed,
// for [Record.Days]: each time is read as a date in its own location, so a
// deal created at 23:00 and closed the next morning took one day, and a
// change of daylight saving time does not shift the count. It returns an
// [*InputError] wrapping [ErrEmpty] when either time is the zero
// time.Time (a missing date: the CRM's blank field, not year 1),
// [ErrNegative] when closed is before created, and [ErrOverflow] when the
// span exceeds 65,535 days (179 years).
func CycleDays(created, closed time.Time) (uint16, error) {
	const fn = "CycleDays"
	switch {
	case created.IsZero():
		return 0, inputErr(fn, "created", fmt.Errorf("%w: the zero time, a missing date", ErrEmpty))
	case closed.IsZero():
		return 0, inputErr(fn, "closed", fmt.Errorf("%w: the zero time, a missing date", ErrEmpty))
	}
	day := func(t time.Time) time.Time {
		y, m, d := t.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	// Sub saturates near ±292 years, well outside the range we accept.
	days := day(closed).Sub(day(created)) / (24 * time.Hour)
	switch {
	case days < 0:
		return 0, inputErr(fn, fmt.Sprintf("closed %s before created %s", closed.Format(time.DateOnly), created.Format(time.DateOnly)), ErrNegative)
	case days > math.MaxUint16:
		return 0, inputErr(fn, fmt.Sprintf("%d days", days), fmt.Errorf("%w: more than %d days", ErrOverflow, math.MaxUint16))
	}
	return uint16(days), nil
}

// MinorUnits converts a decimal amount, as a CRM's API returns it, to the
// currency's minor units for [Record.Amount]: digits is the number of
// decimals the currency has (2 for dollars and euros, 0 for yen). It
// rounds the decimal the user wrote, not the binary float64 nearest it:
// amount is read as its shortest decimal form (the one
// [strconv.FormatFloat] prints with precision -1, which reads back as the
// same float64), and that decimal is rounded to the nearest unit, half
// away from zero. So 19.99 is 1999 cents although 19.99×100 computes as
// 1998.9999999999998, and 1.005 is 101 cents although the float64 nearest
// 1.005 lies just below it.
//
// It returns an [*InputError] wrapping [ErrNotFinite] for NaN or ±Inf,
// [ErrOutOfRange] for digits outside [0, 18], and [ErrOverflow] when the
// result does not fit in an int64. A negative amount converts to a
// negative result, which [Rollup.Add] refuses.
func MinorUnits(amount float64, digits int) (int64, error) {
	const fn = "MinorUnits"
	if math.IsNaN(amount) || math.IsInf(amount, 0) {
		return 0, inputErr(fn, fmt.Sprintf("amount = %v", amount), ErrNotFinite)
	}
	if digits < 0 || digits > 18 {
		return 0, inputErr(fn, fmt.Sprintf("digits = %d", digits), fmt.Errorf("%w: must be in [0, 18]", ErrOutOfRange))
	}
	// The shortest decimal, without an exponent: [-]int[.frac].
	dec := strconv.FormatFloat(amount, 'f', -1, 64)
	neg := strings.HasPrefix(dec, "-")
	dec = strings.TrimPrefix(dec, "-")
	whole, frac, _ := strings.Cut(dec, ".")
	frac += strings.Repeat("0", max(0, digits+1-len(frac)))
	// The units are whole followed by digits decimals; the next decimal
	// decides the rounding: 5 or more rounds away from zero.
	units := strings.TrimLeft(whole+frac[:digits], "0")
	var mag uint64
	if len(units) > 19 {
		return 0, inputErr(fn, fmt.Sprintf("amount = %v", amount), ErrOverflow)
	}
	if units != "" {
		var err error
		if mag, err = strconv.ParseUint(units, 10, 64); err != nil {
			return 0, inputErr(fn, fmt.Sprintf("amount = %v", amount), ErrOverflow)
		}
	}
	if frac[digits] >= '5' {
		mag++ // cannot wrap: mag < 10¹⁹ < 2⁶⁴−1
	}
	// -2⁶³ is the smallest int64; 2⁶³ is just too large.
	switch {
	case neg && mag <= 1<<63:
		return int64(-mag), nil // -(2⁶³) wraps to itself, the smallest int64
	case !neg && mag < 1<<63:
		return int64(mag), nil
	}
	return 0, inputErr(fn, fmt.Sprintf("amount = %v", amount), ErrOverflow)
}
