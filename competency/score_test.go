package competency

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/salesdev/salesdev/benchmark"
	"pgregory.net/rapid"
)

var approx = cmpopts.EquateApprox(0, 1e-12)

func TestNewScore(t *testing.T) {
	half := benchmark.Benchmark{Target: 0.5}
	noPrior := benchmark.Prior{}
	tests := []struct {
		name   string
		r      benchmark.Rate
		b      benchmark.Benchmark
		p      benchmark.Prior
		o      *Options
		shrunk float64 // hand-derived: (hits+alpha)/(trials+alpha+beta)
		want   Grade
	}{
		// With target 0.5 and band 0.25 the B floor is 0.375, exact in
		// binary, so the boundaries are tested without rounding doubt.
		{"at target is A", benchmark.Rate{Hits: 4, Trials: 8}, half, noPrior, &Options{Band: 0.25}, 0.5, GradeA},
		{"above target is A", benchmark.Rate{Hits: 8, Trials: 8}, half, noPrior, &Options{Band: 0.25}, 1, GradeA},
		{"at B floor is B", benchmark.Rate{Hits: 3, Trials: 8}, half, noPrior, &Options{Band: 0.25}, 0.375, GradeB},
		{"below B floor is C", benchmark.Rate{Hits: 2, Trials: 8}, half, noPrior, &Options{Band: 0.25}, 0.25, GradeC},
		{"default band: 0.44 ≥ 0.425 is B", benchmark.Rate{Hits: 44, Trials: 100}, half, noPrior, nil, 0.44, GradeB},
		{"default band: 0.42 < 0.425 is C", benchmark.Rate{Hits: 42, Trials: 100}, half, noPrior, nil, 0.42, GradeC},
		{"zero hits is C", benchmark.Rate{Hits: 0, Trials: 8}, half, noPrior, nil, 0, GradeC},
		{"no trials is ungraded", benchmark.Rate{}, half, noPrior, nil, 0, Ungraded},
		{"no trials is ungraded even with a strong prior", benchmark.Rate{}, half, benchmark.Prior{Alpha: 90, Beta: 10}, nil, 0.9, Ungraded},
		// 2 of 2 is 100%, but read with a prior of mean 12% worth 100
		// trials it is (2+12)/(2+100) = 0.1373: a B against 15%.
		{"2 of 2 is shrunk to B", benchmark.Rate{Hits: 2, Trials: 2}, benchmark.Benchmark{Target: 0.15}, benchmark.Prior{Alpha: 12, Beta: 88}, nil, 14.0 / 102, GradeB},
		// 1 of 12 is 8.3%, C on its own, but (1+12)/(12+100) = 0.116 is
		// still C against 15% (floor 12.75%); 3 of 12, a raw 25%, is
		// (3+12)/(12+100) = 0.134: a B until there is more evidence.
		{"1 of 12 shrunk is still C", benchmark.Rate{Hits: 1, Trials: 12}, benchmark.Benchmark{Target: 0.15}, benchmark.Prior{Alpha: 12, Beta: 88}, nil, 13.0 / 112, GradeC},
		{"3 of 12 shrunk", benchmark.Rate{Hits: 3, Trials: 12}, benchmark.Benchmark{Target: 0.15}, benchmark.Prior{Alpha: 12, Beta: 88}, nil, 15.0 / 112, GradeB},
		{"target 1 is allowed", benchmark.Rate{Hits: 5, Trials: 5}, benchmark.Benchmark{Target: 1}, noPrior, nil, 1, GradeA},
		{"named metric", benchmark.Rate{Hits: 5, Trials: 10}, benchmark.Benchmark{Metric: benchmark.Metric{Name: "appointment rate", Unit: "%"}, Target: 0.5}, noPrior, nil, 0.5, GradeA},
		{"wide band", benchmark.Rate{Hits: 1, Trials: 10}, half, noPrior, &Options{Band: 0.9}, 0.1, GradeB},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := NewScore("x", tt.r, tt.b, tt.p, tt.o)
			if err != nil {
				t.Fatalf("NewScore(%v, %v, %v) error = %v", tt.r, tt.b, tt.p, err)
			}
			if s.Grade != tt.want {
				t.Errorf("NewScore(%v, %v, %v).Grade = %v, want %v (%v)", tt.r, tt.b, tt.p, s.Grade, tt.want, s)
			}
			if !cmp.Equal(s.Shrunk, tt.shrunk, approx) {
				t.Errorf("NewScore(%v, %v, %v).Shrunk = %v, want %v", tt.r, tt.b, tt.p, s.Shrunk, tt.shrunk)
			}
			lo, hi := tt.r.Interval(0.95)
			slo, shi := lo, hi // the zero Prior: the Wilson interval
			switch {
			case tt.r.Trials == 0:
				slo, shi = 0, 1
			case tt.p != (benchmark.Prior{}):
				slo, shi = posteriorInterval(tt.r, tt.p, 0.95)
			}
			slo, shi = min(slo, tt.shrunk), max(shi, tt.shrunk)
			sep := tt.r.Trials > 0 && (tt.b.Target < slo || tt.b.Target > shi)
			want := Score{Competency: "x", Rate: tt.r, Shrunk: tt.shrunk, Lo: lo, Hi: hi, ShrunkLo: slo, ShrunkHi: shi, Separated: sep, Target: tt.b.Target, Grade: tt.want}
			if diff := cmp.Diff(want, s, approx); diff != "" {
				t.Errorf("NewScore mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNewScoreLevel(t *testing.T) {
	r := benchmark.Rate{Hits: 30, Trials: 100}
	s95, _ := NewScore("x", r, benchmark.Benchmark{Target: 0.3}, benchmark.Prior{}, nil)
	s80, err := NewScore("x", r, benchmark.Benchmark{Target: 0.3}, benchmark.Prior{}, &Options{Level: 0.8})
	if err != nil {
		t.Fatal(err)
	}
	lo, hi := r.Interval(0.8)
	if !cmp.Equal([]float64{s80.Lo, s80.Hi}, []float64{lo, hi}, approx) || s80.Hi-s80.Lo >= s95.Hi-s95.Lo {
		t.Errorf("NewScore(level 0.8) interval = [%v, %v], want [%v, %v], narrower than [%v, %v]", s80.Lo, s80.Hi, lo, hi, s95.Lo, s95.Hi)
	}
}

func TestNewScoreErrors(t *testing.T) {
	ok := benchmark.Rate{Hits: 1, Trials: 2}
	b := benchmark.Benchmark{Target: 0.2}
	tests := []struct {
		name string
		r    benchmark.Rate
		b    benchmark.Benchmark
		p    benchmark.Prior
		o    *Options
		want []error
	}{
		{"hits exceed trials", benchmark.Rate{Hits: 3, Trials: 2}, b, benchmark.Prior{}, nil, []error{ErrInvalidRate, benchmark.ErrHitsExceedTrials}},
		{"negative trials", benchmark.Rate{Hits: 0, Trials: -1}, b, benchmark.Prior{}, nil, []error{ErrInvalidRate, benchmark.ErrNegative}},
		{"target 0", ok, benchmark.Benchmark{}, benchmark.Prior{}, nil, []error{ErrOutOfRange}},
		{"target negative", ok, benchmark.Benchmark{Target: -0.1}, benchmark.Prior{}, nil, []error{ErrOutOfRange}},
		{"target above 1", ok, benchmark.Benchmark{Target: 1.5}, benchmark.Prior{}, nil, []error{ErrOutOfRange}},
		{"target NaN", ok, benchmark.Benchmark{Target: math.NaN()}, benchmark.Prior{}, nil, []error{ErrNotFinite}},
		{"target Inf", ok, benchmark.Benchmark{Target: math.Inf(1)}, benchmark.Prior{}, nil, []error{ErrNotFinite}},
		{"lower is better", ok, benchmark.Benchmark{Metric: benchmark.Metric{Name: "days", Direction: benchmark.LowerIsBetter}, Target: 0.2}, benchmark.Prior{}, nil, []error{ErrDirection}},
		{"negative prior", ok, b, benchmark.Prior{Alpha: -1, Beta: 2}, nil, []error{ErrInvalidPrior}},
		{"half-zero prior", ok, b, benchmark.Prior{Alpha: 0, Beta: 2}, nil, []error{ErrInvalidPrior}},
		{"NaN prior", ok, b, benchmark.Prior{Alpha: math.NaN(), Beta: 2}, nil, []error{ErrInvalidPrior}},
		{"band 1", ok, b, benchmark.Prior{}, &Options{Band: 1}, []error{ErrOutOfRange}},
		{"band negative", ok, b, benchmark.Prior{}, &Options{Band: -0.1}, []error{ErrOutOfRange}},
		{"band NaN", ok, b, benchmark.Prior{}, &Options{Band: math.NaN()}, []error{ErrNotFinite}},
		{"level 1", ok, b, benchmark.Prior{}, &Options{Level: 1}, []error{ErrOutOfRange}},
		{"alpha Inf", ok, b, benchmark.Prior{}, &Options{Alpha: math.Inf(-1)}, []error{ErrNotFinite}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := NewScore("x", tt.r, tt.b, tt.p, tt.o)
			for _, want := range tt.want {
				if !errors.Is(err, want) {
					t.Errorf("NewScore(%v, %v, %v, %+v) = %v, %v, want error %v", tt.r, tt.b, tt.p, tt.o, s, err, want)
				}
			}
			var ie *InputError
			if !errors.As(err, &ie) || ie.Func != "NewScore" {
				t.Errorf("NewScore error %v (%T) is not an *InputError from NewScore", err, err)
			}
		})
	}
}

// team returns the default model's rates, targets and priors for a rep.
func team() (map[string]benchmark.Rate, map[string]benchmark.Benchmark, map[string]benchmark.Prior) {
	return map[string]benchmark.Rate{
			"new-opportunities": {Hits: 7, Trials: 90},
			"gateway":           {Hits: 30, Trials: 45},
			"close":             {Hits: 9, Trials: 30},
		}, map[string]benchmark.Benchmark{
			"new-opportunities": {Target: 0.15},
			"gateway":           {Target: 0.60},
			"close":             {Target: 0.30},
		}, map[string]benchmark.Prior{
			"new-opportunities": {Alpha: 12, Beta: 88},
			"gateway":           {Alpha: 30, Beta: 20},
			"close":             {Alpha: 10, Beta: 30},
		}
}

func TestNewScorecard(t *testing.T) {
	rates, targets, priors := team()
	card, err := NewScorecard(Default(), "Dana", rates, targets, priors, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Shrunk rates by hand: (7+12)/(90+100), (30+30)/(45+50), (9+10)/(30+40).
	want := []struct {
		id     string
		shrunk float64
		grade  Grade
	}{{"new-opportunities", 19.0 / 190, GradeC}, {"gateway", 60.0 / 95, GradeA}, {"close", 19.0 / 70, GradeB}}
	if card.Rep != "Dana" || len(card.Scores) != len(want) {
		t.Fatalf("NewScorecard() = %+v, want Dana with %d scores", card, len(want))
	}
	for i, w := range want {
		s := card.Scores[i]
		if s.Competency != w.id || s.Grade != w.grade || !cmp.Equal(s.Shrunk, w.shrunk, approx) {
			t.Errorf("Scores[%d] = %v, want %s %v shrunk %v", i, s, w.id, w.grade, w.shrunk)
		}
		if got, ok := card.Score(w.id); !ok || got != s {
			t.Errorf("Score(%q) = %v, %v, want %v, true", w.id, got, ok, s)
		}
	}
	if _, ok := card.Score("nope"); ok {
		t.Error(`Score("nope") found a score`)
	}

	// A missing rate is no evidence; a missing prior is no shrinking.
	delete(rates, "close")
	delete(priors, "gateway")
	card, err = NewScorecard(Default(), "Dana", rates, targets, priors, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := card.Score("close"); s.Grade != Ungraded {
		t.Errorf("Score(close) with no rate = %v, want ungraded", s)
	}
	if s, _ := card.Score("gateway"); !cmp.Equal(s.Shrunk, 30.0/45, approx) {
		t.Errorf("Score(gateway) with no prior shrunk = %v, want %v", s.Shrunk, 30.0/45)
	}

	b, err := json.Marshal(card)
	if err != nil {
		t.Fatalf("json.Marshal(scorecard) error = %v", err)
	}
	var back Scorecard
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("json.Unmarshal(%s) error = %v", b, err)
	}
	if diff := cmp.Diff(card, back); diff != "" {
		t.Errorf("scorecard JSON round trip mismatch (-want +got):\n%s", diff)
	}
}

func TestNewScorecardErrors(t *testing.T) {
	tests := []struct {
		name string
		edit func(m *Model, r map[string]benchmark.Rate, b map[string]benchmark.Benchmark, p map[string]benchmark.Prior)
		want error
	}{
		{"unknown rate", func(_ *Model, r map[string]benchmark.Rate, _ map[string]benchmark.Benchmark, _ map[string]benchmark.Prior) {
			r["closing"] = benchmark.Rate{Hits: 1, Trials: 2}
		}, ErrUnknownCompetency},
		{"unknown target", func(_ *Model, _ map[string]benchmark.Rate, b map[string]benchmark.Benchmark, _ map[string]benchmark.Prior) {
			b["closing"] = benchmark.Benchmark{Target: 0.3}
		}, ErrUnknownCompetency},
		{"unknown prior", func(_ *Model, _ map[string]benchmark.Rate, _ map[string]benchmark.Benchmark, p map[string]benchmark.Prior) {
			p["closing"] = benchmark.Prior{}
		}, ErrUnknownCompetency},
		{"missing target", func(_ *Model, _ map[string]benchmark.Rate, b map[string]benchmark.Benchmark, _ map[string]benchmark.Prior) {
			delete(b, "gateway")
		}, ErrMissing},
		{"target out of range", func(_ *Model, _ map[string]benchmark.Rate, b map[string]benchmark.Benchmark, _ map[string]benchmark.Prior) {
			b["gateway"] = benchmark.Benchmark{Target: 60}
		}, ErrOutOfRange},
		{"invalid rate", func(_ *Model, r map[string]benchmark.Rate, _ map[string]benchmark.Benchmark, _ map[string]benchmark.Prior) {
			r["gateway"] = benchmark.Rate{Hits: 50, Trials: 45}
		}, ErrInvalidRate},
		{"empty model", func(m *Model, _ map[string]benchmark.Rate, _ map[string]benchmark.Benchmark, _ map[string]benchmark.Prior) {
			*m = Model{}
		}, ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Default()
			r, b, p := team()
			tt.edit(&m, r, b, p)
			card, err := NewScorecard(m, "Dana", r, b, p, nil)
			if !errors.Is(err, tt.want) {
				t.Errorf("NewScorecard() = %+v, %v, want error %v", card, err, tt.want)
			}
		})
	}
	_, err := NewScorecard(Default(), "Dana", nil, nil, nil, &Options{Band: 2})
	if !errors.Is(err, ErrOutOfRange) {
		t.Errorf("NewScorecard(band 2) error = %v, want ErrOutOfRange", err)
	}
}

func TestScoreString(t *testing.T) {
	tests := []struct {
		name string
		s    Score
		want string
	}{
		{"not yet distinguishable", Score{Competency: "close", Rate: benchmark.Rate{Hits: 9, Trials: 30}, Shrunk: 19.0 / 70, Lo: 0.1667, Hi: 0.4788, ShrunkLo: 0.1746, ShrunkHi: 0.3806, Target: 0.3, Grade: GradeB},
			"close B: 9/30 (30.0%), shrunk 27.1% (17.5%–38.1%), interval 16.7%–47.9%, target 30.0%, not yet distinguishable"},
		{"separated", Score{Competency: "close", Rate: benchmark.Rate{Hits: 90, Trials: 300}, Shrunk: 0.3, Lo: 0.25, Hi: 0.35, ShrunkLo: 0.25, ShrunkHi: 0.35, Separated: true, Target: 0.4, Grade: GradeC},
			"close C: 90/300 (30.0%), shrunk 30.0% (25.0%–35.0%), interval 25.0%–35.0%, target 40.0%"},
		{"ungraded", Score{Competency: "close", Shrunk: 0.25, Lo: 0, Hi: 1, ShrunkLo: 0, ShrunkHi: 1, Target: 0.4},
			"close ungraded: 0/0, shrunk 25.0% (0.0%–100.0%), interval 0.0%–100.0%, target 40.0%"},
	}
	for _, tt := range tests {
		if got := tt.s.String(); got != tt.want {
			t.Errorf("%s: String() = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// genScoreInput draws a rate, a target and a prior (zero or fitted-like).
func genScoreInput(t *rapid.T) (benchmark.Rate, benchmark.Benchmark, benchmark.Prior, *Options) {
	n := rapid.Int64Range(1, 5000).Draw(t, "trials")
	h := rapid.Int64Range(0, n).Draw(t, "hits")
	target := rapid.Float64Range(0.001, 1).Draw(t, "target")
	var p benchmark.Prior
	if rapid.Bool().Draw(t, "prior") {
		p = benchmark.Prior{Alpha: rapid.Float64Range(0.01, 500).Draw(t, "alpha"), Beta: rapid.Float64Range(0.01, 500).Draw(t, "beta")}
	}
	o := &Options{Band: rapid.Float64Range(0, 0.99).Draw(t, "band")}
	return benchmark.Rate{Hits: h, Trials: n}, benchmark.Benchmark{Target: target}, p, o
}

// Grading is monotone in the rate: more hits on the same trials never
// lower the grade.
func TestGradeMonotoneInRate(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r, b, p, o := genScoreInput(t)
		more := r
		more.Hits += rapid.Int64Range(0, r.Trials-r.Hits).Draw(t, "extra")
		s1, err1 := NewScore("x", r, b, p, o)
		s2, err2 := NewScore("x", more, b, p, o)
		if err1 != nil || err2 != nil {
			t.Fatalf("NewScore errors %v, %v", err1, err2)
		}
		if s2.Grade < s1.Grade {
			t.Fatalf("NewScore(%v) = %v but NewScore(%v) = %v: grade fell as the rate rose", r, s1, more, s2)
		}
		if s1.Grade == Ungraded || s1.Lo > s1.Rate.Value() || s1.Hi < s1.Rate.Value() {
			t.Fatalf("NewScore(%v) = %v: ungraded with evidence, or interval misses the rate", r, s1)
		}
	})
}

// More evidence at the same rate never lowers confidence: the interval
// narrows, and the shrunk rate moves toward the rep's own rate.
func TestMoreEvidenceNeverLowersConfidence(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r, b, p, o := genScoreInput(t)
		k := rapid.Int64Range(1, 50).Draw(t, "k")
		big := benchmark.Rate{Hits: r.Hits * k, Trials: r.Trials * k}
		s1, err1 := NewScore("x", r, b, p, o)
		s2, err2 := NewScore("x", big, b, p, o)
		if err1 != nil || err2 != nil {
			t.Fatalf("NewScore errors %v, %v", err1, err2)
		}
		const eps = 1e-12
		if w1, w2 := s1.Hi-s1.Lo, s2.Hi-s2.Lo; w2 > w1+eps {
			t.Fatalf("interval of %v is %v wide, of %v %v wide: more evidence widened it", r, w1, big, w2)
		}
		raw := r.Value()
		if d1, d2 := math.Abs(s1.Shrunk-raw), math.Abs(s2.Shrunk-raw); d2 > d1+eps {
			t.Fatalf("shrunk %v for %v, %v for %v: more evidence moved it away from the rate %v", s1.Shrunk, r, s2.Shrunk, big, raw)
		}
		// When the rep's own rate meets the target, more of the same
		// evidence never lowers the grade.
		if raw >= b.Target && s2.Grade < s1.Grade {
			t.Fatalf("NewScore(%v) = %v, NewScore(%v) = %v: more evidence at a rate above target lowered the grade", r, s1, big, s2)
		}
	})
}

// FuzzNewScore checks that any input gives an error or a valid score,
// never a panic or NaN.
func FuzzNewScore(f *testing.F) {
	// Seeds: a shrunk B, an ungraded rep, the exact B floor, invalid
	// counts, and targets and bands at and outside their ranges.
	f.Add(int64(2), int64(2), 0.15, 12.0, 88.0, 0.0)
	f.Add(int64(0), int64(0), 0.5, 0.0, 0.0, 0.25)
	f.Add(int64(3), int64(8), 0.5, 0.0, 0.0, 0.25)
	f.Add(int64(5), int64(3), 0.2, 1.0, 1.0, 0.1)
	f.Add(int64(-1), int64(3), 1.0, 1.0, 1.0, 0.1)
	f.Add(int64(1), int64(3), 1.5, 1.0, 1.0, 0.1)
	f.Add(int64(1), int64(3), math.NaN(), math.Inf(1), 1.0, 0.999)
	f.Add(int64(math.MaxInt64), int64(math.MaxInt64), 5e-324, 1e300, 1e-300, 0.5)
	f.Fuzz(func(t *testing.T, hits, trials int64, target, alpha, beta, band float64) {
		r := benchmark.Rate{Hits: hits, Trials: trials}
		s, err := NewScore("x", r, benchmark.Benchmark{Target: target}, benchmark.Prior{Alpha: alpha, Beta: beta}, &Options{Band: band})
		if err != nil {
			if !errors.Is(err, ErrInvalidRate) && !errors.Is(err, ErrOutOfRange) && !errors.Is(err, ErrNotFinite) && !errors.Is(err, ErrInvalidPrior) {
				t.Fatalf("NewScore(%v, %v, %v/%v, %v) error %v wraps no documented sentinel", r, target, alpha, beta, band, err)
			}
			return
		}
		for _, x := range []float64{s.Shrunk, s.Lo, s.Hi, s.ShrunkLo, s.ShrunkHi, s.Target} {
			if math.IsNaN(x) || x < 0 || x > 1 {
				t.Fatalf("NewScore(%v, %v, %v/%v, %v) = %+v: a value outside [0, 1]", r, target, alpha, beta, band, s)
			}
		}
		if s.ShrunkLo > s.Shrunk || s.Shrunk > s.ShrunkHi || s.Separated != (s.Grade != Ungraded && (s.Target < s.ShrunkLo || s.Target > s.ShrunkHi)) {
			t.Fatalf("NewScore(%v, %v, %v/%v, %v) = %+v: interval misses the shrunk rate, or Separated is wrong", r, target, alpha, beta, band, s)
		}
		if !s.Grade.Valid() || (s.Grade == Ungraded) != (trials == 0) {
			t.Fatalf("NewScore(%v, %v, %v/%v, %v) grade = %v", r, target, alpha, beta, band, s.Grade)
		}
		if _, err := json.Marshal(s); err != nil {
			t.Fatalf("json.Marshal(%+v) error = %v", s, err)
		}
	})
}

// TestNewScorePosterior checks ShrunkLo and ShrunkHi against reference
// values computed once with SciPy 1.10.1 (Debian python3-scipy):
// scipy.stats.beta.ppf(0.025, hits+α, misses+β) and ppf(0.975, …) for a
// prior, and for the zero Prior the Wilson interval written out in Python
// with z = scipy.stats.norm.ppf(0.975).
func TestNewScorePosterior(t *testing.T) {
	tests := []struct {
		name      string
		r         benchmark.Rate
		p         benchmark.Prior
		target    float64
		lo, hi    float64
		separated bool
		below     bool
	}{
		// Dana's three competencies (the package doc's example).
		{"new opportunities", benchmark.Rate{Hits: 7, Trials: 90}, benchmark.Prior{Alpha: 12, Beta: 88}, 0.15, 0.06161752216422103, 0.14633863325522875, true, true},
		{"gateway", benchmark.Rate{Hits: 30, Trials: 45}, benchmark.Prior{Alpha: 30, Beta: 20}, 0.60, 0.532705601390983, 0.7252033877984465, false, false},
		{"close", benchmark.Rate{Hits: 9, Trials: 30}, benchmark.Prior{Alpha: 10, Beta: 30}, 0.30, 0.17462595264843023, 0.38059621124570364, false, false},
		// Well above the target: separated, but not below.
		{"above", benchmark.Rate{Hits: 300, Trials: 500}, benchmark.Prior{Alpha: 30, Beta: 20}, 0.40, 0.5587672037377419, 0.6405439012473607, true, false},
		// The zero Prior: the raw rate's Wilson interval.
		{"no prior", benchmark.Rate{Hits: 9, Trials: 30}, benchmark.Prior{}, 0.30, 0.1666474826824379, 0.47875787458714947, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := NewScore("x", tt.r, benchmark.Benchmark{Target: tt.target}, tt.p, nil)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(s.ShrunkLo-tt.lo) > 1e-12 || math.Abs(s.ShrunkHi-tt.hi) > 1e-12 {
				t.Errorf("NewScore(%v, %v) interval = [%v, %v], want [%v, %v]", tt.r, tt.p, s.ShrunkLo, s.ShrunkHi, tt.lo, tt.hi)
			}
			if s.Separated != tt.separated || s.Below() != tt.below {
				t.Errorf("NewScore(%v, %v) = %v: Separated %v, Below %v; want %v, %v", tt.r, tt.p, s, s.Separated, s.Below(), tt.separated, tt.below)
			}
		})
	}
}

// ShrunkLo ≤ Shrunk ≤ ShrunkHi; Separated exactly when the target lies
// outside them; Below exactly when separated under the target; and an
// ungraded score spans [0, 1].
func TestScoreIntervalProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r, b, p, o := genScoreInput(t)
		if rapid.Bool().Draw(t, "huge") {
			n := rapid.Int64Range(1, math.MaxInt64/2).Draw(t, "huge trials")
			r = benchmark.Rate{Hits: rapid.Int64Range(0, n).Draw(t, "huge hits"), Trials: n}
		}
		if rapid.IntRange(0, 9).Draw(t, "ungraded") == 0 {
			r = benchmark.Rate{}
		}
		o.Level = rapid.Float64Range(0, 0.999).Draw(t, "level")
		s, err := NewScore("x", r, b, p, o)
		if err != nil {
			t.Fatalf("NewScore error %v", err)
		}
		if !(0 <= s.ShrunkLo && s.ShrunkLo <= s.Shrunk && s.Shrunk <= s.ShrunkHi && s.ShrunkHi <= 1) {
			t.Fatalf("NewScore(%v, %v, %v) = %+v: interval misses the shrunk rate", r, b, p, s)
		}
		outside := s.Target < s.ShrunkLo || s.Target > s.ShrunkHi
		if r.Trials == 0 {
			if s.ShrunkLo != 0 || s.ShrunkHi != 1 || s.Separated || s.Below() {
				t.Fatalf("NewScore(%v) = %+v, want an ungraded [0, 1] not separated", r, s)
			}
			return
		}
		if s.Separated != outside || s.Below() != (outside && s.Shrunk < s.Target) {
			t.Fatalf("NewScore(%v, %v, %v) = %+v: Separated %v, Below %v, target outside %v", r, b, p, s, s.Separated, s.Below(), outside)
		}
		if s.Below() && s.Grade == GradeA {
			t.Fatalf("NewScore(%v, %v, %v) = %+v: an A below the standard", r, b, p, s)
		}
	})
}
