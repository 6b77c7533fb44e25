package csvin

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Errors of the field parsers.
var (
	// ErrDate: a field is not a date in a shape ParseDay knows.
	ErrDate = errors.New("invalid date")
	// ErrDateRange: a date outside the years 1900 to 2199, which no CRM
	// record of a living sales team holds (a year 9999 is a placeholder).
	ErrDateRange = errors.New("date out of range")
	// ErrAmount: a field is not an amount.
	ErrAmount = errors.New("invalid amount")
	// ErrAmountRange: an amount that is negative or above [MaxAmount].
	ErrAmountRange = errors.New("amount out of range")
	// ErrBool: a field is not a yes/no value.
	ErrBool = errors.New("invalid boolean")
)

// A Day is a calendar day as the CRM shows it, counted from 1970-01-01
// (day 0). The zero Day is that day; readers use a separate flag for "no
// date".
type Day int32

// Valid range of days: 1900-01-01 to 2199-12-31.
var (
	minDay = civil(1900, 1, 1)
	maxDay = civil(2199, 12, 31)
)

// civil returns the Day of y-m-d (Howard Hinnant's days_from_civil).
func civil(y, m, d int) Day {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return Day(era*146097 + doe - 719468)
}

// DayOf returns the Day of t's date in t's own location.
func DayOf(t time.Time) Day {
	y, m, d := t.Date()
	return civil(y, int(m), d)
}

// Time returns the start of d in UTC.
func (d Day) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// String returns d as YYYY-MM-DD.
func (d Day) String() string { return d.Time().Format(time.DateOnly) }

// DateOptions say how to read dates that could be read two ways.
type DateOptions struct {
	// DayFirst reads 03/04/2024 as 3 April (D/M/YYYY) instead of the US
	// March 4 (M/D/YYYY) of Salesforce and HubSpot report exports.
	DayFirst bool
	// Location, if not nil, is the time zone the CRM shows days in: a
	// time with a zone or offset is moved to it before its day is taken.
	// nil takes the day as written, which is the CRM's own day for
	// exports that write local times.
	Location *time.Location
}

// ParseDay reads s as the day the CRM shows. It accepts:
//   - 2024-03-04, with an optional time after a space or T
//     (2024-03-04 20:47, 2024-03-04 20:47:49, 2024-03-04T20:47:49.000+0000,
//     RFC 3339 with Z or an offset);
//   - 3/4/2024 (M/D, or D/M with DayFirst) with an optional time, also
//     12-hour with AM/PM, and 4.3.2024 (always D.M);
//   - 13-digit epoch milliseconds, as HubSpot's API exports write them.
//
// The time of day is checked and dropped. A zoned time is moved to
// opts.Location when one is given. Days outside 1900–2199 wrap
// [ErrDateRange]; anything else [ErrDate].
func ParseDay(s string, opts DateOptions) (Day, error) {
	// The fast path: a plain ISO date.
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, ok1 := digits(s[0:4])
		m, ok2 := digits(s[5:7])
		d, ok3 := digits(s[8:10])
		if ok1 && ok2 && ok3 {
			return checkDay(y, m, d, s)
		}
	}
	if len(s) == 13 && strings.Trim(s, "0123456789") == "" {
		ms, _ := strconv.ParseInt(s, 10, 64)
		t := time.UnixMilli(ms).UTC()
		if opts.Location != nil {
			t = t.In(opts.Location)
		}
		return rangeCheck(DayOf(t), s)
	}
	date, clock, _ := strings.Cut(s, " ")
	if len(date) > 10 && date[10] == 'T' {
		date, clock = date[:10], date[11:]
	}
	var y, m, d int
	switch {
	case len(date) == 10 && date[4] == '-' && date[7] == '-':
		var ok1, ok2, ok3 bool
		y, ok1 = digits(date[0:4])
		m, ok2 = digits(date[5:7])
		d, ok3 = digits(date[8:10])
		if !ok1 || !ok2 || !ok3 {
			return 0, fmt.Errorf("%w %q", ErrDate, s)
		}
	case strings.Count(date, "/") == 2 || strings.Count(date, ".") == 2:
		sep := "/"
		if strings.Count(date, "/") != 2 {
			sep = "."
		}
		parts := strings.Split(date, sep)
		if len(parts) != 3 {
			return 0, fmt.Errorf("%w %q", ErrDate, s)
		}
		a, ok1 := digits(parts[0])
		b, ok2 := digits(parts[1])
		c, ok3 := digits(parts[2])
		if !ok1 || !ok2 || !ok3 || len(parts[0]) > 2 || len(parts[1]) > 2 || len(parts[2]) != 4 {
			return 0, fmt.Errorf("%w %q", ErrDate, s)
		}
		m, d, y = a, b, c
		if opts.DayFirst || sep == "." {
			m, d = b, a
		}
	default:
		return 0, fmt.Errorf("%w %q", ErrDate, s)
	}
	day, err := checkDay(y, m, d, s)
	if err != nil || clock == "" {
		return day, err
	}
	return parseClock(day, strings.TrimSpace(clock), s, opts)
}

// parseClock checks the time part of s and, for a zoned time with a
// location to move it to, returns the day there.
func parseClock(day Day, clock, s string, opts DateOptions) (Day, error) {
	for _, l := range []string{"15:04:05.999999999Z07:00", "15:04:05.999999999Z0700", "15:04Z07:00",
		"15:04:05.999999999", "15:04", "3:04 PM", "3:04:05 PM", "3:04 pm", "3:04:05 pm",
		"15:04:05.999999999 MST", "15:04 MST"} {
		t, err := time.Parse(l, clock)
		if err != nil {
			continue
		}
		_, off := t.Zone()
		zoned := strings.ContainsAny(l, "Z") || strings.HasSuffix(l, "MST")
		if !zoned || opts.Location == nil {
			return day, nil
		}
		at := day.Time().Add(time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute +
			time.Duration(t.Second())*time.Second - time.Duration(off)*time.Second)
		return rangeCheck(DayOf(at.In(opts.Location)), s)
	}
	return 0, fmt.Errorf("%w %q", ErrDate, s)
}

func checkDay(y, m, d int, s string) (Day, error) {
	if m < 1 || m > 12 || d < 1 {
		return 0, fmt.Errorf("%w %q", ErrDate, s)
	}
	if y >= 1900 && y <= 2199 {
		// The common case, from the table: no divisions.
		i := (y-1900)*12 + m - 1
		if d > int(monthStart[i+1]-monthStart[i]) {
			return 0, fmt.Errorf("%w %q", ErrDate, s)
		}
		return monthStart[i] + Day(d-1), nil
	}
	if d > daysIn(y, m) {
		return 0, fmt.Errorf("%w %q", ErrDate, s)
	}
	return rangeCheck(civil(y, m, d), s)
}

// monthStart holds the Day each month from January 1900 starts on, and
// the day after December 2199.
var monthStart = func() (t [300*12 + 1]Day) {
	for i := range t {
		t[i] = civil(1900+i/12, i%12+1, 1)
	}
	return t
}()

func rangeCheck(d Day, s string) (Day, error) {
	if d < minDay || d > maxDay {
		return 0, fmt.Errorf("%w %q (want 1900 to 2199)", ErrDateRange, s)
	}
	return d, nil
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// digits parses a short run of ASCII digits.
func digits(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// MaxAmount is the largest amount ParseAmount accepts, in whole currency
// units: a trillion. Larger figures in a deals export are typing errors or
// placeholders, and would make sums overflow.
const MaxAmount = 1_000_000_000_000

// ParseAmount reads s as an amount in hundredths (cents), rounding the
// decimal as written half away from zero. A blank field is ok = false:
// unknown, not zero. It accepts currency symbols and ISO codes before or
// after the number ("$1,234.50", "1.234,50 €", "EUR 1 234,50"), which it
// returns as currency ("" when there is none), thousands separators in
// both conventions (comma, dot, space, apostrophe), and exponents
// (1.5E+6). With both a dot and a comma, the last is the decimal
// separator. A single dot is a decimal point, as in the API and Data
// Loader exports (1.005 is 1.005, which rounds to 101 cents); a single
// comma followed by exactly three digits is a thousands separator ("1,234"
// is 1234), any other single comma a decimal comma ("12,5"). Negative amounts and amounts above
// [MaxAmount] wrap [ErrAmountRange]; anything else unreadable [ErrAmount].
func ParseAmount(s string) (cents int64, currency string, ok bool, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, "", false, nil
	}
	// Fast path: plain digits with an optional decimal point.
	if c, ok := plainCents(s); ok {
		return c, "", true, nil
	}
	num, cur := splitCurrency(s)
	if num == "" {
		return 0, "", false, fmt.Errorf("%w %q", ErrAmount, s)
	}
	if strings.HasPrefix(num, "-") || strings.HasPrefix(num, "(") && strings.HasSuffix(num, ")") {
		return 0, cur, false, fmt.Errorf("%w %q (negative)", ErrAmountRange, s)
	}
	if strings.ContainsAny(num, "eE") {
		v, perr := strconv.ParseFloat(num, 64)
		if perr != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return 0, cur, false, fmt.Errorf("%w %q", ErrAmount, s)
		}
		if v < 0 || v > MaxAmount {
			return 0, cur, false, fmt.Errorf("%w %q (want 0 to %d)", ErrAmountRange, s, int64(MaxAmount))
		}
		num = strconv.FormatFloat(v, 'f', -1, 64)
	}
	whole, frac, ok2 := normalize(num)
	if !ok2 {
		return 0, cur, false, fmt.Errorf("%w %q", ErrAmount, s)
	}
	c, ok3 := toCents(whole, frac)
	if !ok3 {
		return 0, cur, false, fmt.Errorf("%w %q (want 0 to %d)", ErrAmountRange, s, int64(MaxAmount))
	}
	return c, cur, true, nil
}

// plainCents reads 1234 or 1234.5 without any other character.
func plainCents(s string) (int64, bool) {
	dot := -1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
		case c == '.' && dot < 0 && i > 0:
			dot = i
		default:
			return 0, false
		}
	}
	if dot < 0 {
		return toCents(s, "")
	}
	return toCents(s[:dot], s[dot+1:])
}

// toCents returns whole.frac in hundredths, rounded half away from zero,
// with false above MaxAmount.
func toCents(whole, frac string) (int64, bool) {
	whole = strings.TrimLeft(whole, "0")
	if len(whole) > 13 {
		return 0, false
	}
	var c int64
	for i := 0; i < len(whole); i++ {
		c = c*10 + int64(whole[i]-'0')
	}
	if c > MaxAmount {
		return 0, false
	}
	c *= 100
	f := frac + "000"
	c += int64(f[0]-'0')*10 + int64(f[1]-'0')
	if f[2] >= '5' {
		c++
	}
	if c > MaxAmount*100 {
		return 0, false
	}
	return c, true
}

// splitCurrency separates the number from a currency symbol or code
// around it.
func splitCurrency(s string) (num, cur string) {
	start := strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' || r == '-' || r == '(' || r == '.' || r == ',' })
	if start < 0 {
		return "", ""
	}
	end := strings.LastIndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' || r == ')' })
	if end < start {
		return "", ""
	}
	_, size := utf8.DecodeRuneInString(s[end:])
	pre, num, post := strings.TrimSpace(s[:start]), s[start:end+size], strings.TrimSpace(s[end+size:])
	if pre != "" && post != "" || !isCurrency(pre) || !isCurrency(post) {
		return "", ""
	}
	cur = pre + post
	if cur == "-" { // "- $5" or "$-5"
		return "-" + num, ""
	}
	cur = strings.TrimSuffix(strings.TrimPrefix(cur, "-"), "-")
	if strings.HasPrefix(pre, "-") {
		num = "-" + num
	}
	return num, currencyCode(cur)
}

// isCurrency reports whether s could be a currency: empty, a symbol
// ("$", "R$", "€"), a three-letter ISO code, or one of the abbreviations
// of the Nordic, Swiss, Polish and Czech currencies.
func isCurrency(s string) bool {
	s = strings.TrimPrefix(s, "-")
	switch {
	case s == "":
		return true
	case utf8.RuneCountInString(s) <= 3 && strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Sc, r) }) >= 0:
		return strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.Sc, r) }) < 0
	case len(s) == 3 && strings.IndexFunc(s, func(r rune) bool { return !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') }) < 0:
		return true
	}
	switch s {
	case "kr", "kr.", "Fr.", "zł", "Kč":
		return true
	}
	return false
}

// currencyCode returns the ISO code of a common symbol, the code itself
// upper-cased, or the symbol.
func currencyCode(s string) string {
	switch s {
	case "€":
		return "EUR"
	case "£":
		return "GBP"
	case "¥":
		return "JPY"
	case "₹":
		return "INR"
	case "R$":
		return "BRL"
	case "Fr.", "CHF":
		return "CHF"
	}
	if len(s) == 3 && strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) || r > unicode.MaxASCII }) < 0 {
		return strings.ToUpper(s)
	}
	return s
}

// normalize reads a number with thousands separators into its whole and
// fractional digits.
func normalize(num string) (whole, frac string, ok bool) {
	num = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\'' || r == '’' {
			return -1
		}
		return r
	}, num)
	lastDot, lastComma := strings.LastIndexByte(num, '.'), strings.LastIndexByte(num, ',')
	dec := -1
	switch {
	case lastDot >= 0 && lastComma >= 0:
		dec = max(lastDot, lastComma)
	case lastDot >= 0:
		if strings.Count(num, ".") == 1 {
			dec = lastDot
		}
	case lastComma >= 0:
		if strings.Count(num, ",") == 1 && len(num)-lastComma-1 != 3 {
			dec = lastComma
		}
	}
	if dec >= 0 {
		whole, frac = num[:dec], num[dec+1:]
	} else {
		whole = num
	}
	// The whole part may hold thousands separators of the other kind.
	var sep byte
	if dec >= 0 {
		sep = ',' + '.' - num[dec]
	} else if lastDot >= 0 {
		sep = '.'
	} else {
		sep = ','
	}
	groups := strings.Split(whole, string(sep))
	for i, g := range groups {
		if g == "" || strings.Trim(g, "0123456789") != "" || i > 0 && len(g) != 3 || i == 0 && len(groups) > 1 && len(g) > 3 {
			return "", "", false
		}
	}
	if strings.Trim(frac, "0123456789") != "" {
		return "", "", false
	}
	return strings.Join(groups, ""), frac, true
}

// ParseBool reads a yes/no field: true/false, 1/0, yes/no, y/n, t/f, and
// the words for yes and no in the common European languages (sí, ja, oui,
// wahr, verdadero…), in any case.
func ParseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "1", "yes", "y", "t", "sí", "si", "ja", "oui", "vrai", "wahr", "verdadero", "vero", "sim", "waar", "tak", "x":
		return true, nil
	case "false", "0", "no", "n", "f", "nein", "non", "faux", "falsch", "falso", "não", "nao", "onwaar", "nie", "nej", "nei":
		return false, nil
	}
	return false, fmt.Errorf("%w %q", ErrBool, s)
}

// Clean returns s fit to print on a terminal: control characters and
// invalid UTF-8 become U+FFFD, and surrounding spaces go.
func Clean(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			ascii = false
			break
		}
	}
	if ascii {
		if s != "" && s[0] != ' ' && s[len(s)-1] != ' ' {
			return s
		}
		return strings.TrimSpace(s)
	}
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || unicode.In(r, unicode.Bidi_Control) {
			clean = false
			break
		}
	}
	if clean {
		return strings.TrimSpace(s)
	}
	return strings.Map(func(r rune) rune {
		if r == utf8.RuneError || unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || unicode.In(r, unicode.Bidi_Control) {
			return '\uFFFD'
		}
		return r
	}, strings.TrimSpace(s))
}
