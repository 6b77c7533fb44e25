package competency

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/salesdev/salesdev/benchmark"
)

// Defaults used when [Options] is nil or a field is zero.
const (
	// DefaultBand is the width of the B band below the target, relative
	// to the target: with a 20% target, shrunk rates from 17% up to 20%
	// grade B. A library default: the articles grade A, B and C players
	// but set no band.
	DefaultBand = 0.15
	// DefaultLevel is the confidence level of a score's intervals (the
	// raw rate's Wilson interval and the shrunk rate's posterior one). A
	// library default (the conventional 95%).
	DefaultLevel = 0.95
	// DefaultAlpha is the significance level at which a campaign's change
	// counts as significant. A library default (the conventional 5%).
	DefaultAlpha = 0.05
)

// MinTarget is the smallest benchmark target this package accepts for a
// conversion ratio: one conversion in a billion, a library default. No
// funnel is trained to a smaller standard, and a target closer to 0
// leaves almost nothing to divide by: the share of the gap a campaign closed ([Progress.Closed])
// and the revenue multiplier ([Gain.Multiplier]) could overflow to +Inf.
// Every function here that takes a target refuses one outside
// [MinTarget, 1] with an [*InputError] wrapping [ErrOutOfRange].
const MinTarget = 1e-9

// Options tunes grading and campaigns. A nil *Options, or a zero field,
// means the default.
type Options struct {
	// Band is the B band, relative to the target, in [0, 1): a shrunk
	// rate at or above Target×(1−Band) but below Target grades B. Zero
	// means DefaultBand; there is no band-less setting, but any small
	// positive band comes close.
	Band float64 `json:"band"`
	// Level is the confidence level of the scores' intervals (the raw
	// rate's Wilson interval and the shrunk rate's posterior interval, see
	// [Score]), in (0, 1). Zero means DefaultLevel.
	Level float64 `json:"level"`
	// Alpha is the significance level of a campaign's two-proportion
	// test, in (0, 1): the change is significant when P < Alpha. Zero
	// means DefaultAlpha.
	Alpha float64 `json:"alpha"`
}

// resolve validates o and fills in the defaults.
func (o *Options) resolve(fn string) (Options, error) {
	r := Options{Band: DefaultBand, Level: DefaultLevel, Alpha: DefaultAlpha}
	if o == nil {
		return r, nil
	}
	for _, f := range []struct {
		name string
		v    float64
		dst  *float64
	}{{"Band", o.Band, &r.Band}, {"Level", o.Level, &r.Level}, {"Alpha", o.Alpha, &r.Alpha}} {
		switch {
		case math.IsNaN(f.v) || math.IsInf(f.v, 0):
			return r, inputErr(fn, fmt.Sprintf("options.%s = %v", f.name, f.v), ErrNotFinite)
		case f.v < 0 || f.v >= 1:
			return r, inputErr(fn, fmt.Sprintf("options.%s = %v", f.name, f.v), ErrOutOfRange)
		case f.v > 0:
			*f.dst = f.v
		}
	}
	return r, nil
}

// A Score grades one rep on one competency. Rate is the rep's raw
// conversion; Shrunk is that rate read in the light of the team
// ([benchmark.Prior.Shrink]); Lo and Hi bound the raw rate's Wilson
// interval; Target is the competency's benchmark. The grade is decided on
// Shrunk against Target:
//
//	A  Shrunk ≥ Target
//	B  Shrunk ≥ Target×(1−band)   (band 0.15, a library default, unless [Options] say otherwise)
//	C  below that
//	Ungraded  Rate.Trials == 0: no evidence, whatever the prior says
//
// Grading the shrunk rate rather than the raw one keeps a rep who won 2 of
// 2 from being an A player on two conversations, and a rep with 1 of 12 from
// being written off as a C: small samples are pulled toward the team.
//
// # Reading a grade: is the rep distinguishable from the standard?
//
// A grade says where the best estimate lies, not how sure it is: a rep a
// tenth of a point under the target is a B, though the evidence may say
// nothing about which side of the target the rep truly is. ShrunkLo and
// ShrunkHi bound the rep's true rate as the team's prior and the rep's
// counts see it: the equal-tailed interval, at the options' Level (95% by
// default, a library default), of the posterior Beta(Hits+α,
// Trials−Hits+β), whose mean is Shrunk. With the zero Prior there is no
// posterior and they are the raw rate's Wilson interval, Lo and Hi.
// Separated reports whether Target lies outside [ShrunkLo, ShrunkHi]: the
// evidence places the rep above the standard (Shrunk ≥ Target) or below
// it ([Score.Below]). When Separated is false, report the rep as "not yet
// distinguishable from the standard" whatever the letter, and do not rank
// two such reps against each other by their shrunk rates.
//
// ShrunkLo ≤ Shrunk ≤ ShrunkHi always: when the posterior is so skewed
// that its mean falls outside its equal-tailed interval (a prior with α
// well below 1 and a rep with no hits), the interval is stretched to
// include Shrunk. An Ungraded score has ShrunkLo 0, ShrunkHi 1 and
// Separated false.
type Score struct {
	// Competency is the competency's ID.
	Competency string `json:"competency"`
	// Rate is the rep's raw conversion on the competency.
	Rate benchmark.Rate `json:"rate"`
	// Shrunk is Rate read in the light of the team's prior
	// ([benchmark.Prior.Shrink]); the raw rate with the zero Prior.
	Shrunk float64 `json:"shrunk"`
	// Lo and Hi bound the raw rate's Wilson interval at the options'
	// Level.
	Lo float64 `json:"lo"`
	Hi float64 `json:"hi"`
	// ShrunkLo and ShrunkHi bound the rep's true rate as the prior and
	// the rep's counts see it (see above); 0 and 1 when Ungraded.
	ShrunkLo float64 `json:"shrunk_lo"`
	ShrunkHi float64 `json:"shrunk_hi"`
	// Separated reports whether Target lies outside [ShrunkLo, ShrunkHi]:
	// the evidence places the rep above or below the standard.
	Separated bool `json:"separated"`
	// Target is the competency's benchmark, a conversion rate.
	Target float64 `json:"target"`
	// Grade is Shrunk graded against Target: A at or above it, B within
	// the band below it (the options' Band, 15% of the target by default,
	// a library default), C below that, Ungraded when Rate has no trials.
	Grade Grade `json:"grade"`
}

// Below reports whether the evidence separates the rep below the
// standard: s is graded, Separated, and Shrunk is under Target. A C or B
// that is not Below is a rep who may already be at the standard; train
// the ones that are Below first.
func (s Score) Below() bool {
	return s.Grade != Ungraded && s.Separated && s.Shrunk < s.Target
}

// NewScore grades rate r on competency id against benchmark b, shrinking
// it with prior p (the zero Prior does not shrink).
//
// b's target must be in [MinTarget, 1] and its metric higher-is-better (a
// zero Metric is); b's metric name is not used. NewScore returns an
// [*InputError] wrapping [ErrInvalidRate] for an invalid r, [ErrOutOfRange]
// or [ErrNotFinite] for a bad target or option, [ErrDirection] for a
// lower-is-better benchmark, and [ErrInvalidPrior] for a prior that is
// neither zero nor valid. It does not check id against a model; see
// [NewScorecard].
func NewScore(id string, r benchmark.Rate, b benchmark.Benchmark, p benchmark.Prior, o *Options) (Score, error) {
	opt, err := o.resolve("NewScore")
	if err != nil {
		return Score{}, err
	}
	return newScore("NewScore", id, r, b, p, opt)
}

func newScore(fn, id string, r benchmark.Rate, b benchmark.Benchmark, p benchmark.Prior, opt Options) (Score, error) {
	key := strconv.Quote(id)
	if err := checkRate(fn, "rates["+key+"]", r); err != nil {
		return Score{}, err
	}
	if err := checkTarget(fn, "targets["+key+"]", b.Target); err != nil {
		return Score{}, err
	}
	if b.Metric.Direction != benchmark.HigherIsBetter {
		return Score{}, inputErr(fn, "targets["+key+"] = "+b.String(), ErrDirection)
	}
	if p != (benchmark.Prior{}) {
		if err := p.Validate(); err != nil {
			return Score{}, inputErr(fn, "priors["+key+"] = "+p.String(), joinBenchmark(ErrInvalidPrior, err))
		}
	}
	s := Score{Competency: id, Rate: r, Target: b.Target, Shrunk: p.Shrink(r)}
	s.Lo, s.Hi = r.Interval(opt.Level)
	s.Grade = grade(r, s.Shrunk, b.Target, opt.Band)
	switch {
	case r.Trials == 0:
		s.ShrunkLo, s.ShrunkHi = 0, 1
	case p == (benchmark.Prior{}):
		s.ShrunkLo, s.ShrunkHi = s.Lo, s.Hi
	default:
		s.ShrunkLo, s.ShrunkHi = posteriorInterval(r, p, opt.Level)
	}
	s.ShrunkLo, s.ShrunkHi = min(s.ShrunkLo, s.Shrunk), max(s.ShrunkHi, s.Shrunk)
	s.Separated = r.Trials > 0 && (b.Target < s.ShrunkLo || b.Target > s.ShrunkHi)
	return s, nil
}

// grade applies the A/B/C rule.
func grade(r benchmark.Rate, shrunk, target, band float64) Grade {
	switch {
	case r.Trials == 0:
		return Ungraded
	case shrunk >= target:
		return GradeA
	case shrunk >= target*(1-band):
		return GradeB
	}
	return GradeC
}

// String explains the grade: "close B: 9/30 (30.0%), shrunk 27.1%
// (17.3%–38.1%), interval 16.7%–47.9%, target 30.0%, not yet
// distinguishable". The range after the shrunk rate is ShrunkLo–ShrunkHi;
// "not yet distinguishable" marks a graded score that is not Separated.
func (s Score) String() string {
	str := fmt.Sprintf("%s %v: %v, shrunk %.1f%% (%.1f%%–%.1f%%), interval %.1f%%–%.1f%%, target %.1f%%",
		s.Competency, s.Grade, s.Rate, 100*s.Shrunk, 100*s.ShrunkLo, 100*s.ShrunkHi, 100*s.Lo, 100*s.Hi, 100*s.Target)
	if s.Grade != Ungraded && !s.Separated {
		str += ", not yet distinguishable"
	}
	return str
}

// A Scorecard is one rep's (or one team's) scores, one per competency of
// a [Model], in funnel order.
type Scorecard struct {
	// Rep is the rep the scores are for; for a team's scorecard, the
	// team.
	Rep string `json:"rep"`
	// Scores holds one score per competency of the model, in funnel
	// order.
	Scores []Score `json:"scores"`
}

// Score returns the score on the competency with the given ID, and
// whether the scorecard has one.
func (s Scorecard) Score(id string) (Score, bool) {
	for _, sc := range s.Scores {
		if sc.Competency == id {
			return sc, true
		}
	}
	return Score{}, false
}

// NewScorecard grades rep on every competency of m: rates holds the rep's
// conversion per competency ID (a competency missing from rates has no
// evidence and is Ungraded), targets the benchmark per competency ID (one
// for every competency of m), and priors the team's prior per competency
// ID (a missing prior is the zero Prior: no shrinking). Set targets with
// [benchmark.FromTeam] over the team's rates and priors with
// [benchmark.FitPrior]; [Model.Rates] turns a funnel into rates. For a
// team's scorecard, pool the team's rates with [benchmark.Sum].
//
// NewScorecard returns an error for an invalid model (see
// [Model.Validate]); otherwise an [*InputError] wrapping
// [ErrUnknownCompetency] for a key of rates, targets or priors that m does
// not have, [ErrMissing] for a competency without a target, and the errors
// of [NewScore]. It does not modify the maps.
func NewScorecard(m Model, rep string, rates map[string]benchmark.Rate, targets map[string]benchmark.Benchmark, priors map[string]benchmark.Prior, o *Options) (Scorecard, error) {
	const fn = "NewScorecard"
	opt, err := o.resolve(fn)
	if err != nil {
		return Scorecard{}, err
	}
	if err := m.Validate(); err != nil {
		return Scorecard{}, err
	}
	if err := checkKeys(fn, "rates", m, rates); err != nil {
		return Scorecard{}, err
	}
	if err := checkKeys(fn, "targets", m, targets); err != nil {
		return Scorecard{}, err
	}
	if err := checkKeys(fn, "priors", m, priors); err != nil {
		return Scorecard{}, err
	}
	sc := Scorecard{Rep: rep, Scores: make([]Score, 0, len(m.Competencies))}
	for _, c := range m.Competencies {
		b, ok := targets[c.ID]
		if !ok {
			return Scorecard{}, inputErr(fn, "targets["+strconv.Quote(c.ID)+"]", ErrMissing)
		}
		s, err := newScore(fn, c.ID, rates[c.ID], b, priors[c.ID], opt)
		if err != nil {
			return Scorecard{}, err
		}
		sc.Scores = append(sc.Scores, s)
	}
	return sc, nil
}

// checkKeys reports the first key of kv, in sorted order so the error is
// deterministic, that is not a competency of m.
func checkKeys[V any](fn, arg string, m Model, kv map[string]V) error {
	var bad []string
	for k := range kv {
		if _, ok := m.Lookup(k); !ok {
			bad = append(bad, k)
		}
	}
	if len(bad) == 0 {
		return nil
	}
	slices.Sort(bad)
	return inputErr(fn, arg+"["+strconv.Quote(bad[0])+"]", ErrUnknownCompetency)
}

// checkRate validates a rate, keeping the benchmark package's reason.
func checkRate(fn, arg string, r benchmark.Rate) error {
	if err := r.Validate(); err != nil {
		return inputErr(fn, arg+" = "+r.String(), joinBenchmark(ErrInvalidRate, err))
	}
	return nil
}

// checkTarget validates a conversion-ratio target: finite, in
// [MinTarget, 1]. Every function that takes a target checks it here, so
// that one rule keeps every ratio to a target finite.
func checkTarget(fn, arg string, t float64) error {
	switch {
	case math.IsNaN(t) || math.IsInf(t, 0):
		return inputErr(fn, fmt.Sprintf("%s = %v", arg, t), ErrNotFinite)
	case t < MinTarget || t > 1:
		return inputErr(fn, fmt.Sprintf("%s = %v", arg, t), fmt.Errorf("%w: a target must be in [1e-9, 1]", ErrOutOfRange))
	}
	return nil
}

// joinBenchmark wraps sentinel together with the benchmark package's
// sentinel inside err, so errors.Is works for both without repeating the
// benchmark package's message.
func joinBenchmark(sentinel, err error) error {
	var ie *benchmark.InputError
	if errors.As(err, &ie) {
		err = ie.Err
	}
	return fmt.Errorf("%w: %w", sentinel, err)
}
