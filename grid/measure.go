package grid

import (
	"math"
	"strconv"
	"time"

	"github.com/salesdev/salesdev/competency"
)

// minTenure is the least time of a window a rep who joined during it must
// have had for [ProductivityFrom] to measure them: one day.
const minTenure = 24 * time.Hour

// ProductivityFrom measures productivity as attainment: sold ÷ the quota
// owed over window w, where 1.0 is 100% of quota. sold is what the rep sold
// in w (revenue, units or deals, in the unit of the quota) and quota is the
// quota for the whole window: six monthly quotas of 50,000 make 300,000.
// Build w with [Trailing] for the trailing six months ASLAN's published
// grid material reads results over.
//
// A rep who joined during the window owes only the share of the quota for
// the time since joining: quota × (w.End − joined) ÷ (w.End − w.Start),
// prorated by elapsed time. A rep who joined halfway through a six-month
// window and sold half of a full window's quota is at 100%. The zero time,
// or any time before w.Start, means the rep was there for all of it.
// Proration is by elapsed time, not by calendar months: in a window from 1
// January to 1 July (181 days), a rep who joined on 1 April owes 91/181 of
// the quota, not exactly half.
//
// A rep who joined during the window must have had at least one day
// (24 hours of elapsed time) of it: results over a shorter
// time say nothing, and prorating a quota over minutes can turn a single
// sale into an attainment of millions of percent. A rep who was there for all
// of the window is measured however short it is.
//
// ProductivityFrom returns an *InputError wrapping ErrInvalidWindow for a
// window that does not end after it starts, ErrNotFinite for a NaN or ±Inf
// amount, and ErrOutOfRange for negative sales, a quota that is not
// positive, or a join date after w.Start and less than 24 hours before
// w.End (including at or after w.End). The result is finite and ≥ 0; an
// attainment too large to represent is ErrOutOfRange.
func ProductivityFrom(sold, quota float64, w Window, joined time.Time) (float64, error) {
	const fn = "ProductivityFrom"
	if err := w.validate(fn, "window"); err != nil {
		return 0, err
	}
	if err := checkNonNegative(fn, "sold", sold); err != nil {
		return 0, err
	}
	if err := checkNonNegative(fn, "quota", quota); err != nil {
		return 0, err
	}
	if quota == 0 {
		return 0, inputErr(fn, "quota = 0", ErrOutOfRange)
	}
	start := w.Start
	if joined.After(start) {
		// w.End.Sub saturates rather than wraps, so a join date centuries
		// away still compares correctly.
		if w.End.Sub(joined) < minTenure {
			return 0, inputErr(fn, "joined "+joined.Format(time.RFC3339)+", leaving less than a day of window "+w.String(), ErrOutOfRange)
		}
		start = joined
	}
	owed := quota * (seconds(start, w.End) / seconds(w.Start, w.End))
	if owed == 0 || sold/owed > math.MaxFloat64 { // a quota so small, or a share so short, that the ratio overflows
		return 0, inputErr(fn, "sold "+fmtFloat(sold)+" against a prorated quota of "+fmtFloat(owed), ErrOutOfRange)
	}
	return sold / owed, nil
}

// seconds returns the time from a to b in seconds: exactly as
// [time.Duration.Seconds] where the difference fits in a Duration, and
// without saturating beyond the ±292 years a Duration holds.
func seconds(a, b time.Time) float64 {
	if d := b.Sub(a); d != math.MaxInt64 && d != math.MinInt64 {
		return d.Seconds()
	}
	return float64(b.Unix()) - float64(a.Unix()) + float64(b.Nanosecond()-a.Nanosecond())/1e9
}

// A Scale is the range of a survey's answers or a manager's rating, from
// Min (no desire at all) to Max (all the desire there is): 1 to 5 for a
// five-point Likert item, 0 to 10 for a rating out of ten. Answers are
// mapped onto [0, 1] linearly. A valid Scale has finite ends with Min <
// Max; the zero Scale is invalid.
type Scale struct {
	// Min is the answer that means no desire at all.
	Min float64 `json:"min"`
	// Max is the answer that means all the desire there is.
	Max float64 `json:"max"`
}

// Validate reports whether s has finite ends and Min < Max. The error is
// an *InputError wrapping ErrNotFinite or ErrOutOfRange.
func (s Scale) Validate() error { return s.validate("Scale.Validate") }

func (s Scale) validate(fn string) error {
	if math.IsNaN(s.Min) || math.IsInf(s.Min, 0) || math.IsNaN(s.Max) || math.IsInf(s.Max, 0) {
		return inputErr(fn, "scale "+s.String(), ErrNotFinite)
	}
	if !(s.Min < s.Max) || math.IsInf(s.Max-s.Min, 0) {
		return inputErr(fn, "scale "+s.String(), ErrOutOfRange)
	}
	return nil
}

// String formats s as "[1, 5]".
func (s Scale) String() string { return "[" + fmtFloat(s.Min) + ", " + fmtFloat(s.Max) + "]" }

// DesireFrom measures desire from answers on scale s: the mean answer,
// mapped linearly from [s.Min, s.Max] onto [0, 1]. Give it the items of a
// desire survey (each on the same scale, with reverse-worded items already
// reversed) or a single manager's rating. On a 1-to-5 scale, answers 4, 5
// and 3 read as a desire of 0.75, and a manager's 7 out of 10 (Scale{0,
// 10}) as 0.7.
//
// DesireFrom returns an *InputError wrapping ErrEmpty for no answers, the
// error of [Scale.Validate] for an invalid scale, ErrNotFinite for a NaN
// or ±Inf answer and ErrOutOfRange for an answer outside the scale; the
// error names the answer's index. It does not modify answers.
func DesireFrom(s Scale, answers ...float64) (float64, error) {
	const fn = "DesireFrom"
	if err := s.validate(fn); err != nil {
		return 0, err
	}
	if len(answers) == 0 {
		return 0, inputErr(fn, "answers", ErrEmpty)
	}
	var sum float64
	for i, a := range answers {
		if math.IsNaN(a) || math.IsInf(a, 0) {
			return 0, inputErr(fn, "answers["+strconv.Itoa(i)+"] = "+fmtFloat(a), ErrNotFinite)
		}
		if a < s.Min || a > s.Max {
			return 0, inputErr(fn, "answers["+strconv.Itoa(i)+"] = "+fmtFloat(a)+" outside "+s.String(), ErrOutOfRange)
		}
		// Map each answer before summing, so the sum of values in [0, 1]
		// cannot overflow whatever the scale.
		sum += (a - s.Min) / (s.Max - s.Min)
	}
	return clamp01(sum / float64(len(answers))), nil
}

// clamp01 keeps a value that rounding may have nudged past an end inside
// [0, 1].
func clamp01(v float64) float64 { return min(max(v, 0), 1) }

// CompetencyFrom measures competency from a graded scorecard (see
// [competency.NewScorecard]): how close the rep's conversion ratios come to
// the team's benchmarks, in [0, 1].
//
// Each graded competency contributes its attainment min(1, Shrunk ÷
// Target): the rep's shrunk rate (the raw rate read in the light of the
// team, so that two lucky conversations do not count as skill) as a share
// of the benchmark, capped at 1 because beating the benchmark at one stage
// does not make up for missing it at another. The measure is the geometric
// mean of those attainments. In the library's model (not an article's),
// revenue is activity × the product of the stage ratios × the average
// deal, so the product of the attainments is the share of the revenue the
// rep's activity would bring at benchmark ratios; the geometric mean is
// that share per competency, on the same scale whatever the number of
// competencies. A rep at 80% of the benchmark on
// each of three competencies measures 0.8 and brings 0.8³ ≈ 51% of the
// benchmark revenue for the same activity; a rep at or above every
// benchmark measures 1.
//
// Ungraded competencies (no trials) carry no evidence and are left out.
// CompetencyFrom returns an *InputError wrapping ErrEmpty when no
// competency is graded, ErrDuplicate when a competency is scored twice
// (graded or not: each stage of the funnel counts once), and ErrNotFinite or ErrOutOfRange for a graded
// score whose shrunk rate is outside [0, 1] or whose target is outside
// (0, 1]; the error names the competency. It does not modify s.
func CompetencyFrom(s competency.Scorecard) (float64, error) {
	const fn = "CompetencyFrom"
	// The geometric mean is taken through logarithms, because a product of
	// many attainments below 1 could underflow to 0 where the mean is not.
	logSum, n, zero := 0.0, 0, false
	// A competency scored twice would count twice in the mean, weighing
	// one stage of the funnel as two.
	seen := make(map[string]bool, len(s.Scores))
	for i, sc := range s.Scores {
		// The score is named only when it is refused: a team's plan
		// measures every rep's scorecard.
		name := func() string { return "scores[" + strconv.Itoa(i) + "] (" + strconv.Quote(sc.Competency) + ")" }
		if seen[sc.Competency] {
			return 0, inputErr(fn, name(), ErrDuplicate)
		}
		seen[sc.Competency] = true
		if sc.Grade == competency.Ungraded || sc.Rate.Trials == 0 {
			continue
		}
		if err := checkUnit(fn, "shrunk", sc.Shrunk); err != nil {
			return 0, under(name()+".", err)
		}
		if err := checkUnit(fn, "target", sc.Target); err != nil {
			return 0, under(name()+".", err)
		}
		if sc.Target == 0 {
			return 0, inputErr(fn, name()+".target = 0", ErrOutOfRange)
		}
		a := min(1, sc.Shrunk/sc.Target)
		if a == 0 {
			zero = true // one ratio at zero: no revenue through that stage
		} else {
			logSum += math.Log(a)
		}
		n++
	}
	switch {
	case n == 0:
		return 0, inputErr(fn, "scorecard "+strconv.Quote(s.Rep)+": no graded competency", ErrEmpty)
	case zero:
		return 0, nil
	case logSum == 0:
		return 1, nil // at or above every benchmark, exactly
	}
	return clamp01(math.Exp(logSum / float64(n))), nil
}
