package grid

import (
	"encoding/json"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/competency"
	"pgregory.net/rapid"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

const tol = 1e-12

const day = 24 * time.Hour

func near(a, b float64) bool { return math.Abs(a-b) <= tol*max(1, math.Abs(b)) }

func TestTrailing(t *testing.T) {
	jul := date(2025, time.July, 1)
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	// Hand-derived: the same day and time months earlier, or the last day
	// of a month too short for it.
	tests := []struct {
		name   string
		end    time.Time
		months int
		want   Window
		err    error
	}{
		{"default six months", jul, 0, Window{date(2025, time.January, 1), jul}, nil},
		{"three months", jul, 3, Window{date(2025, time.April, 1), jul}, nil},
		{"a year", jul, 12, Window{date(2024, time.July, 1), jul}, nil},
		{"fourteen months", jul, 14, Window{date(2024, time.May, 1), jul}, nil},
		{"into the year before", date(2025, time.March, 15), 6, Window{date(2024, time.September, 15), date(2025, time.March, 15)}, nil},
		{"from the 31st", date(2025, time.August, 31), 6, Window{date(2025, time.February, 28), date(2025, time.August, 31)}, nil},
		{"from the 31st, leap year", date(2024, time.August, 31), 6, Window{date(2024, time.February, 29), date(2024, time.August, 31)}, nil},
		{"from the 31st to a 30-day month", date(2025, time.May, 31), 1, Window{date(2025, time.April, 30), date(2025, time.May, 31)}, nil},
		{"time of day kept", at(2025, time.July, 1, 17, 30), 6, Window{at(2025, time.January, 1, 17, 30), at(2025, time.July, 1, 17, 30)}, nil},
		{"a century, the most", jul, MaxMonths, Window{date(1925, time.July, 1), jul}, nil},
		{"from year 0", date(100, time.March, 31), MaxMonths, Window{date(0, time.March, 31), date(100, time.March, 31)}, nil},
		{"to the end of year 9999", date(9999, time.December, 31), 1, Window{date(9999, time.November, 30), date(9999, time.December, 31)}, nil},
		{"negative", jul, -1, Window{}, ErrOutOfRange},
		// Months without bound gave an invalid window [end, end) with no
		// error, and 1e12 months a start some 83 billion years back that
		// does not marshal.
		{"more than MaxMonths", jul, MaxMonths + 1, Window{}, ErrOutOfRange},
		{"MaxInt months", jul, math.MaxInt, Window{}, ErrOutOfRange},
		{"a trillion months", jul, 1e12, Window{}, ErrOutOfRange},
		// The window's times must marshal: years 0 to 9999.
		{"start before year 0", date(50, time.January, 1), 1200, Window{}, ErrOutOfRange},
		{"end after year 9999", date(10000, time.January, 1), 6, Window{}, ErrOutOfRange},
		{"zone offset of a day", time.Date(2025, time.July, 1, 0, 0, 0, 0, time.FixedZone("", 24*3600)), 6, Window{}, ErrOutOfRange},
		// RFC 3339 writes +00:01 for an offset of 62 seconds, which reads
		// back two seconds off.
		{"zone offset with seconds", time.Date(2025, time.July, 1, 0, 0, 0, 0, time.FixedZone("", 62)), 6, Window{}, ErrOutOfRange},
		{"zone offset in minutes", time.Date(2025, time.July, 1, 0, 0, 0, 0, time.FixedZone("", -(9*60+30)*60)), 6,
			Window{time.Date(2025, time.January, 1, 0, 0, 0, 0, time.FixedZone("", -(9*60+30)*60)), time.Date(2025, time.July, 1, 0, 0, 0, 0, time.FixedZone("", -(9*60+30)*60))}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Trailing(tt.end, tt.months)
			if !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
				t.Fatalf("Trailing(%v, %d) = %v, %v, want error %v", tt.end, tt.months, got, err, tt.err)
			}
			if !got.Start.Equal(tt.want.Start) || !got.End.Equal(tt.want.End) {
				t.Errorf("Trailing(%v, %d) = %v, want %v", tt.end, tt.months, got, tt.want)
			}
			if err != nil {
				return
			}
			if _, err := json.Marshal(got); err != nil || got.Validate() != nil {
				t.Errorf("Trailing(%v, %d) = %v: json.Marshal error %v, Validate %v", tt.end, tt.months, got, err, got.Validate())
			}
		})
	}
}

// FuzzTrailing: no panic, and a valid window that marshals to JSON and
// ends at end, or an *InputError wrapping ErrOutOfRange.
func FuzzTrailing(f *testing.F) {
	// Seed corpus: end as Unix seconds, a zone offset in seconds, months.
	f.Add(int64(1751328000), 0, 0)                 // 1 July 2025, the default six months
	f.Add(int64(1756598400), 7200, 6)              // 31 August 2025 at UTC+2: to 28 February
	f.Add(int64(1751328000), 0, MaxMonths)         // the longest window
	f.Add(int64(1751328000), 0, math.MaxInt)       // gave [end, end)
	f.Add(int64(1751328000), 0, 1_000_000_000_000) // gave a start in year −83 billion
	f.Add(int64(253402300800), 0, 1)               // 1 January 10000
	f.Add(int64(1751328000), -24*3600, 1)          // an offset JSON cannot write
	f.Add(int64(-62135596800), 0, 1)               // 1 January year 1: a start in year 0
	f.Add(int64(1751328000), 62, 89)               // an offset with seconds, which JSON rounds away
	f.Fuzz(func(t *testing.T, endUnix int64, offset int, months int) {
		end := time.Unix(endUnix, 0).In(time.FixedZone("", offset))
		w, err := Trailing(end, months)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) || !errors.Is(err, ErrOutOfRange) || w != (Window{}) {
				t.Fatalf("Trailing(%v, %d) = %v, %v (%T), want the zero Window and an *InputError wrapping ErrOutOfRange", end, months, w, err, err)
			}
			return
		}
		if months < 0 || months > MaxMonths {
			t.Fatalf("Trailing(%v, %d) = %v, accepting months outside [0, %d]", end, months, w, MaxMonths)
		}
		if err := w.Validate(); err != nil || !w.End.Equal(end) {
			t.Fatalf("Trailing(%v, %d) = %v: invalid (%v) or not ending at end", end, months, w, err)
		}
		b, err := json.Marshal(w)
		if err != nil {
			t.Fatalf("json.Marshal(Trailing(%v, %d) = %v) error = %v", end, months, w, err)
		}
		var back Window
		if err := json.Unmarshal(b, &back); err != nil || !back.Start.Equal(w.Start) || !back.End.Equal(w.End) {
			t.Fatalf("json round trip of %v = %v, %v", w, back, err)
		}
	})
}

func TestProductivityFrom(t *testing.T) {
	h1 := Window{date(2025, time.January, 1), date(2025, time.July, 1)} // 181 days
	tests := []struct {
		name        string
		sold, quota float64
		w           Window
		joined      time.Time
		want        float64
		err         error
	}{
		// Hand-derived: attainment = sold ÷ (quota × days employed in the
		// window ÷ 181).
		{"at quota", 300_000, 300_000, h1, time.Time{}, 1, nil},
		{"85% of quota", 255_000, 300_000, h1, time.Time{}, 0.85, nil},
		{"nothing sold", 0, 300_000, h1, time.Time{}, 0, nil},
		{"above quota", 450_000, 300_000, h1, time.Time{}, 1.5, nil},
		{"joined before the window", 150_000, 300_000, h1, date(2020, time.March, 3), 0.5, nil},
		{"joined on the first day", 150_000, 300_000, h1, h1.Start, 0.5, nil},
		// 1 April to 1 July is 91 of the window's 181 days: owes
		// 300,000 × 91/181 = 150,828.73; sold 150,000.
		{"joined on 1 April", 150_000, 300_000, h1, date(2025, time.April, 1), 150_000 / (300_000 * 91.0 / 181), nil},
		{"joined the last day", 1_000, 181_000, h1, date(2025, time.June, 30), 1, nil},
		// A rep who joined a day and a nanosecond before the end of a
		// 1,000-day window owes 86,400.000000001/86,400,000 of the quota;
		// subtracting Unix seconds and nanoseconds separately would lose
		// digits of that.
		{"joined a day and a nanosecond before the end", 86_400.000000001, 86_400_000, Window{date(2024, time.January, 1), date(2024, time.January, 1).Add(1000 * day)},
			date(2024, time.January, 1).Add(999*day - 1), 1, nil},
		// Less than a day of the window is too little to measure: a rep
		// who joined a nanosecond before the end had an attainment of
		// 1.56e16 with no error.
		{"joined a nanosecond before the end", 1, 1, h1, h1.End.Add(-1), 0, ErrOutOfRange},
		{"joined a nanosecond short of a day before the end", 1, 1, h1, h1.End.Add(-day + 1), 0, ErrOutOfRange},
		{"joined a day before the end of a shorter window", 1, 1, Window{h1.End.Add(-day / 2), h1.End}, h1.End.Add(-day / 4), 0, ErrOutOfRange},
		{"there all along in a window shorter than a day", 1, 2, Window{h1.End.Add(-time.Hour), h1.End}, time.Time{}, 0.5, nil},

		{"window backwards", 1, 1, Window{h1.End, h1.Start}, time.Time{}, 0, ErrInvalidWindow},
		{"empty window", 1, 1, Window{h1.End, h1.End}, time.Time{}, 0, ErrInvalidWindow},
		{"zero window", 1, 1, Window{}, time.Time{}, 0, ErrInvalidWindow},
		{"joined at the end", 1, 1, h1, h1.End, 0, ErrOutOfRange},
		{"joined after", 1, 1, h1, date(2026, time.January, 1), 0, ErrOutOfRange},
		{"negative sales", -1, 1, h1, time.Time{}, 0, ErrOutOfRange},
		{"NaN sales", nan, 1, h1, time.Time{}, 0, ErrNotFinite},
		{"infinite sales", inf, 1, h1, time.Time{}, 0, ErrNotFinite},
		{"zero quota", 1, 0, h1, time.Time{}, 0, ErrOutOfRange},
		{"negative quota", 1, -5, h1, time.Time{}, 0, ErrOutOfRange},
		{"NaN quota", 1, nan, h1, time.Time{}, 0, ErrNotFinite},
		{"overflowing ratio", math.MaxFloat64, math.SmallestNonzeroFloat64, h1, time.Time{}, 0, ErrOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ProductivityFrom(tt.sold, tt.quota, tt.w, tt.joined)
			if !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
				t.Fatalf("ProductivityFrom(%v, %v, %v, %v) error = %v, want %v", tt.sold, tt.quota, tt.w, tt.joined, err, tt.err)
			}
			if !near(got, tt.want) {
				t.Errorf("ProductivityFrom(%v, %v, %v, %v) = %v, want %v", tt.sold, tt.quota, tt.w, tt.joined, got, tt.want)
			}
		})
	}
}

// A very long window does not overflow time.Duration's 292 years.
func TestProductivityFromLongWindow(t *testing.T) {
	w := Window{date(1, time.January, 1), date(9001, time.January, 1)}
	mid := date(4501, time.January, 1)
	got, err := ProductivityFrom(50, 100, w, mid)
	if err != nil || math.Abs(got-1) > 1e-3 {
		t.Errorf("ProductivityFrom over 9,000 years, joined halfway = %v, %v, want about 1", got, err)
	}
}

// Proration is fair: a rep who sells at the same rate as a full-window rep
// for the time employed has the same attainment.
func TestProductivityFromProrationProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		start := date(2024, time.January, 1).Add(time.Duration(rapid.Int64Range(0, 1e15).Draw(t, "start")))
		length := time.Duration(rapid.Int64Range(int64(day), int64(5*365*day)).Draw(t, "length"))
		w := Window{start, start.Add(length)}
		joined := start.Add(time.Duration(rapid.Int64Range(0, int64(length-day)).Draw(t, "joined")))
		quota := rapid.Float64Range(1, 1e9).Draw(t, "quota")
		rate := rapid.Float64Range(0, 3).Draw(t, "attainment")
		share := float64(w.End.Sub(joined)) / float64(length)
		got, err := ProductivityFrom(rate*quota*share, quota, w, joined)
		if err != nil || math.Abs(got-rate) > 1e-9*max(1, rate) {
			t.Fatalf("ProductivityFrom(selling at %v of quota since %v in %v) = %v, %v, want %v", rate, joined, w, got, err, rate)
		}
	})
}

// FuzzProductivityFrom: no panic, and a result that is finite and ≥ 0, or
// an error.
func FuzzProductivityFrom(f *testing.F) {
	// Seed corpus: sold, quota, window start and end and join time as
	// Unix seconds.
	f.Add(150_000.0, 300_000.0, int64(1735689600), int64(1751328000), int64(0))          // half of H1 2025
	f.Add(150_000.0, 300_000.0, int64(1735689600), int64(1751328000), int64(1743465600)) // joined 1 April
	f.Add(1.0, 0.0, int64(0), int64(1), int64(0))                                        // zero quota
	f.Add(nan, 1.0, int64(0), int64(1), int64(0))                                        // NaN sales
	f.Add(1.0, 1.0, int64(10), int64(5), int64(0))                                       // backwards window
	f.Add(1.0, 1.0, int64(1735689600), int64(1751328000), int64(1751327999))             // joined a second before the end
	f.Fuzz(func(t *testing.T, sold, quota float64, start, end, joined int64) {
		w := Window{time.Unix(start, 0), time.Unix(end, 0)}
		var j time.Time
		if joined != 0 {
			j = time.Unix(joined, 0)
		}
		p, err := ProductivityFrom(sold, quota, w, j)
		if err != nil {
			if p != 0 {
				t.Fatalf("ProductivityFrom(%v, %v, %v, %v) = %v with error %v, want 0", sold, quota, w, j, p, err)
			}
			return
		}
		if !(p >= 0 && p <= math.MaxFloat64) {
			t.Fatalf("ProductivityFrom(%v, %v, %v, %v) = %v, want finite and ≥ 0", sold, quota, w, j, p)
		}
		if j.After(w.Start) && w.End.Sub(j) < day {
			t.Fatalf("ProductivityFrom(%v, %v, %v, %v) = %v, want an error for less than a day since joining", sold, quota, w, j, p)
		}
		if _, err := Place(Measures{Productivity: p}, nil); err != nil {
			t.Fatalf("Place(productivity %v from ProductivityFrom) error = %v", p, err)
		}
	})
}

func TestDesireFrom(t *testing.T) {
	likert := Scale{Min: 1, Max: 5}
	tests := []struct {
		name    string
		s       Scale
		answers []float64
		want    float64
		err     error
	}{
		// Hand-derived: mean of (a − Min) ÷ (Max − Min).
		{"survey", likert, []float64{4, 5, 3}, 0.75, nil},
		{"all lowest", likert, []float64{1, 1}, 0, nil},
		{"all highest", likert, []float64{5}, 1, nil},
		{"rating out of ten", Scale{0, 10}, []float64{7}, 0.7, nil},
		{"reversed-sign scale", Scale{-3, 3}, []float64{0, 3}, 0.75, nil},
		{"percent", Scale{0, 100}, []float64{62.5}, 0.625, nil},

		{"no answers", likert, nil, 0, ErrEmpty},
		{"answer above the scale", likert, []float64{4, 6}, 0, ErrOutOfRange},
		{"answer below the scale", likert, []float64{0}, 0, ErrOutOfRange},
		{"NaN answer", likert, []float64{nan}, 0, ErrNotFinite},
		{"zero scale", Scale{}, []float64{0}, 0, ErrOutOfRange},
		{"upside-down scale", Scale{5, 1}, []float64{3}, 0, ErrOutOfRange},
		{"infinite scale", Scale{0, inf}, []float64{3}, 0, ErrNotFinite},
		{"NaN scale", Scale{nan, 1}, []float64{0.5}, 0, ErrNotFinite},
		{"overflowing span", Scale{-math.MaxFloat64, math.MaxFloat64}, []float64{0}, 0, ErrOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DesireFrom(tt.s, tt.answers...)
			if !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
				t.Fatalf("DesireFrom(%v, %v) error = %v, want %v", tt.s, tt.answers, err, tt.err)
			}
			if !near(got, tt.want) {
				t.Errorf("DesireFrom(%v, %v) = %v, want %v", tt.s, tt.answers, got, tt.want)
			}
		})
	}
}

// FuzzDesireFrom: no panic; a result in [0, 1] or an error.
func FuzzDesireFrom(f *testing.F) {
	// Seed corpus: scale min and max, then three answers.
	f.Add(1.0, 5.0, 4.0, 5.0, 3.0)
	f.Add(0.0, 10.0, 7.0, 7.0, 7.0)
	f.Add(5.0, 1.0, 3.0, 3.0, 3.0)
	f.Add(-math.MaxFloat64, math.MaxFloat64, 0.0, 1.0, 2.0)
	f.Add(0.0, 1.0, nan, 0.5, 0.5)
	f.Fuzz(func(t *testing.T, lo, hi, a, b, c float64) {
		d, err := DesireFrom(Scale{lo, hi}, a, b, c)
		if err != nil {
			if d != 0 {
				t.Fatalf("DesireFrom = %v with error %v, want 0", d, err)
			}
			return
		}
		if !inUnit(d) {
			t.Fatalf("DesireFrom(%v, %v, %v, %v) = %v, want it in [0, 1]", Scale{lo, hi}, a, b, c, d)
		}
	})
}

// scorecard grades a rep on the default model; hits and trials per
// competency, in funnel order.
func scorecard(t *testing.T, rep string, rates ...benchmark.Rate) competency.Scorecard {
	t.Helper()
	m := competency.Default()
	ids := []string{"new-opportunities", "gateway", "close"}
	targets := map[string]benchmark.Benchmark{
		"new-opportunities": {Target: 0.15},
		"gateway":           {Target: 0.60},
		"close":             {Target: 0.30},
	}
	r := make(map[string]benchmark.Rate)
	for i, rate := range rates {
		r[ids[i]] = rate
	}
	s, err := competency.NewScorecard(m, rep, r, targets, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestCompetencyFrom(t *testing.T) {
	tests := []struct {
		name string
		card competency.Scorecard
		want float64
		err  error
	}{
		// Hand-derived, with no prior (Shrunk is the raw rate):
		// attainments min(1, rate ÷ target), geometric mean.
		{"at every benchmark", competency.Scorecard{Rep: "a", Scores: []competency.Score{
			{Competency: "x", Rate: benchmark.Rate{Hits: 3, Trials: 20}, Shrunk: 0.15, Target: 0.15, Grade: competency.GradeA},
			{Competency: "y", Rate: benchmark.Rate{Hits: 9, Trials: 10}, Shrunk: 0.9, Target: 0.6, Grade: competency.GradeA},
		}}, 1, nil},
		// 0.5, 0.8 and 1: ∛0.4 = 0.7368062997280773.
		{"three competencies", competency.Scorecard{Rep: "a", Scores: []competency.Score{
			{Competency: "x", Rate: benchmark.Rate{Hits: 3, Trials: 40}, Shrunk: 0.075, Target: 0.15, Grade: competency.GradeC},
			{Competency: "y", Rate: benchmark.Rate{Hits: 12, Trials: 25}, Shrunk: 0.48, Target: 0.6, Grade: competency.GradeC},
			{Competency: "z", Rate: benchmark.Rate{Hits: 4, Trials: 10}, Shrunk: 0.4, Target: 0.3, Grade: competency.GradeA},
		}}, 0.7368062997280773, nil},
		{"ungraded are left out", competency.Scorecard{Rep: "a", Scores: []competency.Score{
			{Competency: "x", Rate: benchmark.Rate{Hits: 3, Trials: 40}, Shrunk: 0.075, Target: 0.15, Grade: competency.GradeC},
			{Competency: "y", Shrunk: 0.01, Target: 0.6, Grade: competency.Ungraded},
		}}, 0.5, nil},
		{"a zero rate", competency.Scorecard{Rep: "a", Scores: []competency.Score{
			{Competency: "x", Rate: benchmark.Rate{Hits: 0, Trials: 40}, Shrunk: 0, Target: 0.15, Grade: competency.GradeC},
			{Competency: "y", Rate: benchmark.Rate{Hits: 9, Trials: 10}, Shrunk: 0.9, Target: 0.6, Grade: competency.GradeA},
		}}, 0, nil},
		// Through competency.NewScorecard on the default model, no prior:
		// 9/90 = 0.10 of 0.15, 30/45 ≥ 0.60, 9/36 = 0.25 of 0.30:
		// ∛((2/3) × 1 × (5/6)) = ∛(5/9) ≈ 0.82207.
		{"default model", scorecard(t, "dana", benchmark.Rate{Hits: 9, Trials: 90}, benchmark.Rate{Hits: 30, Trials: 45}, benchmark.Rate{Hits: 9, Trials: 36}), math.Cbrt(5.0 / 9), nil},

		{"nothing graded", scorecard(t, "new"), 0, ErrEmpty},
		// A competency scored twice would count twice: 0.5 and 1 twice
		// would read as ∛0.5 rather than refusing.
		{"duplicate competency", competency.Scorecard{Rep: "a", Scores: []competency.Score{
			{Competency: "x", Rate: benchmark.Rate{Hits: 3, Trials: 40}, Shrunk: 0.075, Target: 0.15, Grade: competency.GradeC},
			{Competency: "y", Rate: benchmark.Rate{Hits: 9, Trials: 10}, Shrunk: 0.9, Target: 0.6, Grade: competency.GradeA},
			{Competency: "y", Rate: benchmark.Rate{Hits: 9, Trials: 10}, Shrunk: 0.9, Target: 0.6, Grade: competency.GradeA},
		}}, 0, ErrDuplicate},
		{"duplicate, one ungraded", competency.Scorecard{Rep: "a", Scores: []competency.Score{
			{Competency: "x", Shrunk: 0.1, Target: 0.15, Grade: competency.Ungraded},
			{Competency: "x", Rate: benchmark.Rate{Hits: 3, Trials: 40}, Shrunk: 0.075, Target: 0.15, Grade: competency.GradeC},
		}}, 0, ErrDuplicate},
		{"no scores", competency.Scorecard{Rep: "a"}, 0, ErrEmpty},
		{"shrunk above 1", competency.Scorecard{Scores: []competency.Score{
			{Competency: "x", Rate: benchmark.Rate{Hits: 1, Trials: 1}, Shrunk: 1.2, Target: 0.5, Grade: competency.GradeA}}}, 0, ErrOutOfRange},
		{"NaN shrunk", competency.Scorecard{Scores: []competency.Score{
			{Competency: "x", Rate: benchmark.Rate{Hits: 1, Trials: 1}, Shrunk: nan, Target: 0.5, Grade: competency.GradeA}}}, 0, ErrNotFinite},
		{"zero target", competency.Scorecard{Scores: []competency.Score{
			{Competency: "x", Rate: benchmark.Rate{Hits: 1, Trials: 1}, Shrunk: 0.5, Target: 0, Grade: competency.GradeA}}}, 0, ErrOutOfRange},
		{"target above 1", competency.Scorecard{Scores: []competency.Score{
			{Competency: "x", Rate: benchmark.Rate{Hits: 1, Trials: 1}, Shrunk: 0.5, Target: 2, Grade: competency.GradeC}}}, 0, ErrOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CompetencyFrom(tt.card)
			if !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
				t.Fatalf("CompetencyFrom(%+v) error = %v, want %v", tt.card, err, tt.err)
			}
			if !near(got, tt.want) {
				t.Errorf("CompetencyFrom(%+v) = %v, want %v", tt.card, got, tt.want)
			}
		})
	}
}

// The measure is the geometric mean: in [0, 1], between the smallest and
// largest attainment, and its n-th power is their product.
func TestCompetencyFromProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 6).Draw(t, "n")
		card := competency.Scorecard{Rep: "r"}
		product, lo, hi := 1.0, 1.0, 0.0
		for i := range n {
			target := rapid.Float64Range(0.01, 1).Draw(t, "target")
			shrunk := rapid.Float64Range(0.001, 1).Draw(t, "shrunk")
			a := min(1, shrunk/target)
			product, lo, hi = product*a, min(lo, a), max(hi, a)
			card.Scores = append(card.Scores, competency.Score{
				Competency: string(rune('a' + i)), Rate: benchmark.Rate{Hits: 1, Trials: 2},
				Shrunk: shrunk, Target: target, Grade: competency.GradeB,
			})
		}
		got, err := CompetencyFrom(card)
		if err != nil {
			t.Fatal(err)
		}
		if !inUnit(got) || got < lo*(1-1e-12) || got > hi*(1+1e-12) {
			t.Fatalf("CompetencyFrom = %v, want it in [%v, %v] ⊂ [0, 1]", got, lo, hi)
		}
		if diff := cmp.Diff(product, math.Pow(got, float64(n)), cmpopts.EquateApprox(1e-9, 1e-300)); diff != "" {
			t.Fatalf("CompetencyFrom^%d vs the product of attainments (-want +got):\n%s", n, diff)
		}
	})
}

// FuzzCompetencyFrom: no panic, and an error or a result in [0, 1]; a
// scorecard that names a competency twice is always refused (for the
// duplicate, or for an invalid score before it).
func FuzzCompetencyFrom(f *testing.F) {
	// Seed corpus: two scores, each a competency name, hits, trials, a
	// shrunk rate and a target.
	f.Add("x", uint16(3), uint16(40), 0.075, 0.15, "y", uint16(9), uint16(10), 0.9, 0.6) // two graded
	f.Add("x", uint16(0), uint16(0), 0.1, 0.15, "x", uint16(3), uint16(40), 0.075, 0.15) // a duplicate, one ungraded
	f.Add("x", uint16(1), uint16(1), nan, 0.5, "y", uint16(1), uint16(2), 0.5, 0.0)      // NaN and a zero target
	f.Fuzz(func(t *testing.T, c1 string, h1, n1 uint16, s1, t1 float64, c2 string, h2, n2 uint16, s2, t2 float64) {
		score := func(c string, h, n uint16, s, tg float64) competency.Score {
			g := competency.GradeC
			if n == 0 {
				g = competency.Ungraded
			}
			return competency.Score{Competency: c, Rate: benchmark.Rate{Hits: int64(min(h, n)), Trials: int64(n)}, Shrunk: s, Target: tg, Grade: g}
		}
		card := competency.Scorecard{Rep: "r", Scores: []competency.Score{score(c1, h1, n1, s1, t1), score(c2, h2, n2, s2, t2)}}
		got, err := CompetencyFrom(card)
		if c1 == c2 && err == nil {
			t.Fatalf("CompetencyFrom(%+v) = %v, want an error for the duplicate", card, got)
		}
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) || got != 0 {
				t.Fatalf("CompetencyFrom error = %v with %v, want an *InputError and 0", err, got)
			}
			return
		}
		if !inUnit(got) {
			t.Fatalf("CompetencyFrom(%+v) = %v, want it in [0, 1]", card, got)
		}
	})
}
