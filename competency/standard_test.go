package competency

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/salesdev/salesdev/benchmark"
	"pgregory.net/rapid"
)

// fiveReps is a team of five on the default model's first two
// competencies; the data does not measure the third.
func fiveReps() []map[string]benchmark.Rate {
	return []map[string]benchmark.Rate{
		{NewOpportunitiesID: {Hits: 91, Trials: 480}, GatewayID: {Hits: 52, Trials: 91}},
		{NewOpportunitiesID: {Hits: 52, Trials: 400}, GatewayID: {Hits: 33, Trials: 52}},
		{NewOpportunitiesID: {Hits: 78, Trials: 560}, GatewayID: {Hits: 37, Trials: 78}},
		{NewOpportunitiesID: {Hits: 27, Trials: 360}, GatewayID: {Hits: 18, Trials: 27}},
		{NewOpportunitiesID: {Hits: 2, Trials: 3}, GatewayID: {Hits: 1, Trials: 2}}, // a new rep: too little to set the bar
	}
}

func TestTeamStandards(t *testing.T) {
	team := fiveReps()
	s, err := TeamStandards(Default(), team, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Measured) != 2 || len(s.Unmeasured) != 1 {
		t.Fatalf("TeamStandards() = %+v, want 2 measured and 1 unmeasured", s)
	}
	if want := (Unmeasured{CloseID, "the data does not measure it"}); s.Unmeasured[0] != want {
		t.Errorf("Unmeasured[0] = %+v, want %+v", s.Unmeasured[0], want)
	}
	var got []string
	for _, c := range s.Model.Competencies {
		got = append(got, c.ID)
	}
	if !slices.Equal(got, []string{NewOpportunitiesID, GatewayID}) {
		t.Errorf("Model competencies = %v, want the two measured ones", got)
	}
	for i, id := range []string{NewOpportunitiesID, GatewayID} {
		st := s.Measured[i]
		var rs []benchmark.Rate
		for _, m := range team {
			rs = append(rs, m[id])
		}
		prior, err := benchmark.FitPrior(rs)
		if err != nil {
			t.Fatal(err)
		}
		// The new rep, with fewer than 10 trials, does not set the bar.
		var shrunk []float64
		for _, r := range rs[:4] {
			shrunk = append(shrunk, prior.Shrink(r))
		}
		b, err := benchmark.FromTeam(benchmark.Metric{Name: id}, shrunk, 0.75)
		if err != nil {
			t.Fatal(err)
		}
		pooled, _ := benchmark.Sum(rs...)
		want := Standard{Competency: id, Prior: prior, Target: b.Target, Team: pooled, Reps: 4,
			Source: "75th percentile of the shrunk rates of 4 reps with at least 10 trials"}
		if diff := cmp.Diff(want, st, approx); diff != "" {
			t.Errorf("Measured[%d] mismatch (-want +got):\n%s", i, diff)
		}
	}
	// Hand check on new opportunities: the pooled rate is 250/1803.
	if got := s.Measured[0].Team; got != (benchmark.Rate{Hits: 250, Trials: 1803}) {
		t.Errorf("Measured[0].Team = %v, want 250/1803", got)
	}
	if _, err := json.Marshal(s); err != nil {
		t.Errorf("json.Marshal(standards) error = %v", err)
	}
}

func TestTeamStandardsCases(t *testing.T) {
	r := func(h, n int64) benchmark.Rate { return benchmark.Rate{Hits: h, Trials: n} }
	m := Model{Competencies: []Competency{tiny("a", "s0", "s1"), tiny("b", "s1", "s2")}}
	tests := []struct {
		name       string
		team       []map[string]benchmark.Rate
		o          *StandardOptions
		measured   []string          // IDs
		sources    []string          // of the measured, in order
		reps       []int             // of the measured, in order
		unmeasured map[string]string // ID → reason
	}{
		{"no reps", nil, nil, nil, nil, nil,
			map[string]string{"a": reasonNoData, "b": reasonNoData}},
		{"no trials", []map[string]benchmark.Rate{{"a": {}}, {"a": {}}}, nil, nil, nil, nil,
			map[string]string{"a": reasonNoEvidence, "b": reasonNoData}},
		{"no hits", []map[string]benchmark.Rate{{"a": r(0, 20), "b": r(3, 10)}, {"a": r(0, 30), "b": r(5, 12)}}, nil,
			[]string{"b"}, []string{"75th percentile of the shrunk rates of 2 reps with at least 10 trials"}, []int{2},
			map[string]string{"a": reasonNoHits}},
		{"no misses", []map[string]benchmark.Rate{{"a": r(20, 20), "b": r(3, 10)}, {"a": r(30, 30), "b": r(5, 12)}}, nil,
			[]string{"b"}, []string{"75th percentile of the shrunk rates of 2 reps with at least 10 trials"}, []int{2},
			map[string]string{"a": reasonNoMisses}},
		{"no misses but an outside target", []map[string]benchmark.Rate{{"a": r(20, 20)}, {"a": r(30, 30)}},
			&StandardOptions{Outside: map[string]float64{"a": 0.9}, OutsideSource: "the 2026 sales plan"},
			[]string{"a"}, []string{"the 2026 sales plan"}, []int{0}, map[string]string{"b": reasonNoData}},
		{"no hits but an outside target", []map[string]benchmark.Rate{{"a": r(0, 20), "b": r(3, 10)}, {"a": r(0, 30), "b": r(5, 12)}},
			&StandardOptions{Outside: map[string]float64{"a": 0.05}, OutsideSource: "the 2026 sales plan"},
			[]string{"a", "b"}, []string{"the 2026 sales plan", "75th percentile of the shrunk rates of 2 reps with at least 10 trials"}, []int{0, 2}, nil},
		{"one rep with enough evidence: everyone with trials counts", []map[string]benchmark.Rate{{"a": r(3, 40)}, {"a": r(1, 4)}, {"a": r(0, 0)}, {"a": r(2, 5)}}, nil,
			[]string{"a"}, []string{"75th percentile of the shrunk rates of 3 reps with trials (fewer than two had at least 10)"}, []int{3},
			map[string]string{"b": reasonNoData}},
		{"a single rep", []map[string]benchmark.Rate{{"a": r(3, 4)}}, &StandardOptions{Quantile: 0.9, MinTrials: 2},
			[]string{"a"}, []string{"90th percentile of the shrunk rates of 1 rep with trials (fewer than two had at least 2)"}, []int{1},
			map[string]string{"b": reasonNoData}},
		{"a non-integer percentile", []map[string]benchmark.Rate{{"a": r(3, 40), "b": r(4, 40)}, {"a": r(6, 40), "b": r(8, 40)}},
			&StandardOptions{Quantile: 0.333},
			[]string{"a", "b"}, []string{"0.333-quantile of the shrunk rates of 2 reps with at least 10 trials", "0.333-quantile of the shrunk rates of 2 reps with at least 10 trials"}, []int{2, 2}, nil},
		{"a 21st percentile", []map[string]benchmark.Rate{{"a": r(3, 40)}, {"a": r(6, 40)}},
			&StandardOptions{Quantile: 0.21, MinTrials: 40},
			[]string{"a"}, []string{"21st percentile of the shrunk rates of 2 reps with at least 40 trials"}, []int{2}, map[string]string{"b": reasonNoData}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := TeamStandards(m, tt.team, tt.o)
			if err != nil {
				t.Fatalf("TeamStandards() error = %v", err)
			}
			var ids, sources []string
			var reps []int
			for _, st := range s.Measured {
				ids, sources, reps = append(ids, st.Competency), append(sources, st.Source), append(reps, st.Reps)
				if st.Target < MinTarget || st.Target > 1 || st.Prior.Validate() != nil {
					t.Errorf("standard %+v: target out of range or invalid prior", st)
				}
			}
			if !slices.Equal(ids, tt.measured) || !slices.Equal(sources, tt.sources) || !slices.Equal(reps, tt.reps) {
				t.Errorf("TeamStandards() measured %v, sources %q, reps %v; want %v, %q, %v", ids, sources, reps, tt.measured, tt.sources, tt.reps)
			}
			um := map[string]string{}
			for _, u := range s.Unmeasured {
				um[u.Competency] = u.Reason
			}
			if len(um) == 0 {
				um = nil
			}
			if diff := cmp.Diff(tt.unmeasured, um); diff != "" {
				t.Errorf("TeamStandards() unmeasured mismatch (-want +got):\n%s", diff)
			}
			if len(s.Measured)+len(s.Unmeasured) != len(m.Competencies) || len(s.Model.Competencies) != len(s.Measured) {
				t.Errorf("TeamStandards() = %+v: not one entry per competency", s)
			}
		})
	}
}

func TestTeamStandardsOutside(t *testing.T) {
	o := &StandardOptions{Outside: map[string]float64{GatewayID: 0.7}, OutsideSource: "the company's 2026 standard"}
	s, err := TeamStandards(Default(), fiveReps(), o)
	if err != nil {
		t.Fatal(err)
	}
	st := s.Measured[1]
	if st.Competency != GatewayID || st.Target != 0.7 || st.Reps != 0 || st.Source != "the company's 2026 standard" || st.Prior.Validate() != nil {
		t.Errorf("Measured[1] = %+v, want the outside target 0.7 with the team's prior", st)
	}
	if s.Measured[0].Source != "75th percentile of the shrunk rates of 4 reps with at least 10 trials" {
		t.Errorf("Measured[0].Source = %q: the outside target leaked", s.Measured[0].Source)
	}
}

func TestTeamStandardsErrors(t *testing.T) {
	ok := []map[string]benchmark.Rate{{NewOpportunitiesID: {Hits: 1, Trials: 10}}}
	tests := []struct {
		name string
		m    Model
		team []map[string]benchmark.Rate
		o    *StandardOptions
		want []error
	}{
		{"invalid model", Model{}, ok, nil, []error{ErrEmpty}},
		{"unknown competency", Default(), []map[string]benchmark.Rate{{"closing": {Hits: 1, Trials: 2}}}, nil, []error{ErrUnknownCompetency}},
		{"invalid rate", Default(), []map[string]benchmark.Rate{{CloseID: {Hits: 3, Trials: 2}}}, nil, []error{ErrInvalidRate, benchmark.ErrHitsExceedTrials}},
		{"negative trials", Default(), []map[string]benchmark.Rate{{CloseID: {Hits: 0, Trials: -2}}}, nil, []error{ErrInvalidRate, ErrNegative}},
		{"overflow", Default(), []map[string]benchmark.Rate{{CloseID: {Hits: 1, Trials: math.MaxInt64}}, {CloseID: {Hits: 1, Trials: 2}}}, nil, []error{ErrOverflow, benchmark.ErrOverflow}},
		{"quantile NaN", Default(), ok, &StandardOptions{Quantile: math.NaN()}, []error{ErrNotFinite}},
		{"quantile above 1", Default(), ok, &StandardOptions{Quantile: 1.5}, []error{ErrOutOfRange}},
		{"quantile negative", Default(), ok, &StandardOptions{Quantile: -0.5}, []error{ErrOutOfRange}},
		{"min trials negative", Default(), ok, &StandardOptions{MinTrials: -1}, []error{ErrNegative}},
		{"outside unknown", Default(), ok, &StandardOptions{Outside: map[string]float64{"closing": 0.3}, OutsideSource: "plan"}, []error{ErrUnknownCompetency}},
		{"outside above 1", Default(), ok, &StandardOptions{Outside: map[string]float64{CloseID: 30}, OutsideSource: "plan"}, []error{ErrOutOfRange}},
		{"outside zero", Default(), ok, &StandardOptions{Outside: map[string]float64{CloseID: 0}, OutsideSource: "plan"}, []error{ErrOutOfRange}},
		{"outside Inf", Default(), ok, &StandardOptions{Outside: map[string]float64{CloseID: math.Inf(1)}, OutsideSource: "plan"}, []error{ErrNotFinite}},
		{"outside without a source", Default(), ok, &StandardOptions{Outside: map[string]float64{CloseID: 0.3}, OutsideSource: "  "}, []error{ErrEmpty}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := TeamStandards(tt.m, tt.team, tt.o)
			if err == nil {
				t.Fatalf("TeamStandards() = %+v, want an error", s)
			}
			for _, want := range tt.want {
				if !errors.Is(err, want) {
					t.Errorf("TeamStandards() error = %v, want %v", err, want)
				}
			}
			var ie *InputError
			if tt.m.Competencies != nil && (!errors.As(err, &ie) || ie.Func != "TeamStandards") {
				t.Errorf("TeamStandards() error %v (%T) is not an *InputError from TeamStandards", err, err)
			}
			if !strings.HasPrefix(err.Error(), "competency: ") {
				t.Errorf("error %q does not start with the package name", err)
			}
		})
	}
}

func TestStandardsScorecard(t *testing.T) {
	s, err := TeamStandards(Default(), fiveReps(), nil)
	if err != nil {
		t.Fatal(err)
	}
	rates := map[string]benchmark.Rate{NewOpportunitiesID: {Hits: 27, Trials: 360}, CloseID: {Hits: 7, Trials: 18}}
	card, err := s.Scorecard("Dana", rates, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(card.Scores) != 2 || card.Rep != "Dana" {
		t.Fatalf("Scorecard() = %+v, want Dana's two measured competencies", card)
	}
	for i, st := range s.Measured {
		want, err := NewScore(st.Competency, rates[st.Competency], benchmark.Benchmark{Target: st.Target}, st.Prior, nil)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, card.Scores[i]); diff != "" {
			t.Errorf("Scores[%d] mismatch with NewScore (-want +got):\n%s", i, diff)
		}
	}
	if g := card.Scores[1]; g.Competency != GatewayID || g.Grade != Ungraded || g.Separated || g.ShrunkLo != 0 || g.ShrunkHi != 1 {
		t.Errorf("Scores[1] = %+v, want gateway ungraded", g)
	}
	if _, ok := card.Score(CloseID); ok {
		t.Error("Scorecard() graded close, which the data does not measure")
	}
	if s := card.Scores[0]; s.Grade != GradeC || !s.Below() {
		t.Errorf("Scores[0] = %v, want a C separated below the standard", s)
	}

	// Standards read back from JSON grade the same, without the Model.
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var back Standards
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("json.Unmarshal(%s) error = %v", b, err)
	}
	again, err := back.Scorecard("Dana", rates, nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(card, again); diff != "" {
		t.Errorf("Scorecard after a JSON round trip mismatch (-want +got):\n%s", diff)
	}

	// Nothing measured: an empty scorecard, not an error.
	none, err := TeamStandards(Default(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if card, err := none.Scorecard("Dana", rates, nil); err != nil || len(card.Scores) != 0 {
		t.Errorf("Scorecard() with nothing measured = %+v, %v, want no scores and no error", card, err)
	}
}

func TestStandardsScorecardErrors(t *testing.T) {
	good, err := TeamStandards(Default(), fiveReps(), nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		edit  func(s *Standards)
		rates map[string]benchmark.Rate
		o     *Options
		want  []error
	}{
		{"unknown competency", func(*Standards) {}, map[string]benchmark.Rate{"closing": {Hits: 1, Trials: 2}}, nil, []error{ErrUnknownCompetency}},
		{"invalid rate on an unmeasured competency", func(*Standards) {}, map[string]benchmark.Rate{CloseID: {Hits: 3, Trials: 2}}, nil, []error{ErrInvalidRate}},
		{"bad band", func(*Standards) {}, nil, &Options{Band: 1}, []error{ErrOutOfRange}},
		{"target out of range", func(s *Standards) { s.Measured[0].Target = 2 }, nil, nil, []error{ErrOutOfRange}},
		{"target NaN", func(s *Standards) { s.Measured[0].Target = math.NaN() }, nil, nil, []error{ErrNotFinite}},
		{"invalid prior", func(s *Standards) { s.Measured[0].Prior.Alpha = -1 }, nil, nil, []error{ErrInvalidPrior}},
		{"duplicate", func(s *Standards) { s.Unmeasured[0].Competency = GatewayID }, nil, nil, []error{ErrDuplicate}},
		{"blank", func(s *Standards) { s.Measured[1].Competency = "" }, nil, nil, []error{ErrEmpty}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Standards{Measured: slices.Clone(good.Measured), Unmeasured: slices.Clone(good.Unmeasured)}
			tt.edit(&s)
			card, err := s.Scorecard("Dana", tt.rates, tt.o)
			for _, want := range tt.want {
				if !errors.Is(err, want) {
					t.Errorf("Scorecard() = %+v, %v, want error %v", card, err, want)
				}
			}
			var ie *InputError
			if !errors.As(err, &ie) || ie.Func != "Standards.Scorecard" {
				t.Errorf("Scorecard() error %v (%T) is not an *InputError from Standards.Scorecard", err, err)
			}
		})
	}
}

// genTeam draws a team's rates on m: some reps, each with rates on some
// competencies, from no trials to many.
func genTeam(t *rapid.T, m Model) []map[string]benchmark.Rate {
	n := rapid.IntRange(0, 8).Draw(t, "reps")
	team := make([]map[string]benchmark.Rate, n)
	for i := range team {
		team[i] = map[string]benchmark.Rate{}
		for _, c := range m.Competencies {
			if rapid.IntRange(0, 4).Draw(t, "has") == 0 {
				continue
			}
			trials := rapid.OneOf(rapid.Int64Range(0, 30), rapid.Int64Range(0, 5000), rapid.Int64Range(0, 1e9)).Draw(t, "trials")
			team[i][c.ID] = benchmark.Rate{Hits: rapid.Int64Range(0, trials).Draw(t, "hits"), Trials: trials}
		}
	}
	return team
}

// The target lies within the range of the shrunk rates of the reps that
// set it; every competency is measured or unmeasured, once, in funnel
// order; and every rep of the team can be graded against the standards.
func TestTeamStandardsProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := genModel().Draw(t, "model")
		team := genTeam(t, m)
		o := &StandardOptions{Quantile: rapid.Float64Range(0, 1).Draw(t, "quantile"), MinTrials: rapid.Int64Range(0, 50).Draw(t, "min trials")}
		s, err := TeamStandards(m, team, o)
		if err != nil {
			t.Fatalf("TeamStandards() error = %v", err)
		}
		var order []string
		mi, ui := 0, 0
		for _, c := range m.Competencies {
			switch {
			case mi < len(s.Measured) && s.Measured[mi].Competency == c.ID:
				mi++
			case ui < len(s.Unmeasured) && s.Unmeasured[ui].Competency == c.ID:
				ui++
			default:
				t.Fatalf("competency %q neither measured nor unmeasured in order: %+v", c.ID, s)
			}
			order = append(order, c.ID)
		}
		if mi != len(s.Measured) || ui != len(s.Unmeasured) {
			t.Fatalf("standards %+v hold more than the model's %v", s, order)
		}
		minTrials := o.MinTrials
		if minTrials == 0 {
			minTrials = DefaultMinTrials
		}
		for _, st := range s.Measured {
			var strong, some []float64
			for _, rates := range team {
				r := rates[st.Competency]
				if r.Trials >= minTrials {
					strong = append(strong, st.Prior.Shrink(r))
				}
				if r.Trials > 0 {
					some = append(some, st.Prior.Shrink(r))
				}
			}
			if len(strong) < 2 {
				strong = some
			}
			lo, hi := slices.Min(strong), slices.Max(strong)
			if st.Reps != len(strong) || st.Target < max(lo, MinTarget)-1e-15 || st.Target > max(hi, MinTarget)+1e-15 {
				t.Fatalf("standard %+v: target outside [%v, %v] of %d counted reps", st, lo, hi, len(strong))
			}
		}
		for i, rates := range team {
			card, err := s.Scorecard("rep", rates, nil)
			if err != nil {
				t.Fatalf("Scorecard(team[%d]) error = %v", i, err)
			}
			if len(card.Scores) != len(s.Measured) {
				t.Fatalf("Scorecard(team[%d]) = %+v, want one score per measured competency", i, card)
			}
		}
	})
}

// Adding a competency the data does not measure never errors, and changes
// nothing else.
func TestTeamStandardsUnmeasuredProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := genModel().Draw(t, "model")
		team := genTeam(t, m)
		before, err := TeamStandards(m, team, nil)
		if err != nil {
			t.Fatalf("TeamStandards() error = %v", err)
		}
		last := m.Competencies[len(m.Competencies)-1]
		extra := tiny("extra competency", last.To, "a stage no CRM has")
		more := Model{Competencies: append(slices.Clip(m.Competencies), extra)}
		after, err := TeamStandards(more, team, nil)
		if err != nil {
			t.Fatalf("TeamStandards() with an unmeasured competency error = %v", err)
		}
		if diff := cmp.Diff(before.Measured, after.Measured); diff != "" {
			t.Fatalf("measured standards changed (-before +after):\n%s", diff)
		}
		if n := len(after.Unmeasured); n == 0 || after.Unmeasured[n-1] != (Unmeasured{extra.ID, reasonNoData}) {
			t.Fatalf("Unmeasured = %+v, want the extra competency last", after.Unmeasured)
		}
	})
}

// FuzzTeamStandards checks that any team gives an error or standards with
// targets in [MinTarget, 1] and valid priors, that marshal to JSON and
// grade every rep.
func FuzzTeamStandards(f *testing.F) {
	// Seeds: a team of three; a rep with no trials; no hits at all;
	// invalid counts; an overflowing team; odd options.
	f.Add(int64(9), int64(30), int64(4), int64(40), int64(1), int64(3), 0.75, int64(10), 0.0)
	f.Add(int64(0), int64(0), int64(4), int64(40), int64(1), int64(3), 0.0, int64(0), 0.0)
	f.Add(int64(0), int64(30), int64(0), int64(40), int64(0), int64(3), 0.5, int64(1), 0.3)
	f.Add(int64(5), int64(3), int64(4), int64(40), int64(1), int64(3), 0.75, int64(10), 0.0)
	f.Add(int64(1), int64(math.MaxInt64), int64(1), int64(math.MaxInt64), int64(1), int64(3), 0.75, int64(10), 0.0)
	f.Add(int64(1), int64(1e18), int64(1), int64(1e9), int64(0), int64(1), 1.0, int64(-1), math.NaN())
	f.Add(int64(1), int64(2), int64(1), int64(2), int64(1), int64(2), math.Inf(1), int64(math.MaxInt64), 5e-324)
	f.Fuzz(func(t *testing.T, h1, n1, h2, n2, h3, n3 int64, q float64, minTrials int64, outside float64) {
		team := []map[string]benchmark.Rate{
			{NewOpportunitiesID: {Hits: h1, Trials: n1}, GatewayID: {Hits: h2, Trials: n2}},
			{NewOpportunitiesID: {Hits: h2, Trials: n2}, CloseID: {Hits: h3, Trials: n3}},
			{NewOpportunitiesID: {Hits: h3, Trials: n3}},
		}
		o := &StandardOptions{Quantile: q, MinTrials: minTrials}
		if outside != 0 {
			o.Outside, o.OutsideSource = map[string]float64{CloseID: outside}, "fuzz"
		}
		s, err := TeamStandards(Default(), team, o)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("TeamStandards() error %v (%T) is not an *InputError", err, err)
			}
			return
		}
		for _, st := range s.Measured {
			if math.IsNaN(st.Target) || st.Target < MinTarget || st.Target > 1 || st.Prior.Validate() != nil || st.Source == "" {
				t.Fatalf("TeamStandards() standard %+v out of range", st)
			}
		}
		if _, err := json.Marshal(s); err != nil {
			t.Fatalf("json.Marshal(%+v) error = %v", s, err)
		}
		for i, rates := range team {
			card, err := s.Scorecard("rep", rates, nil)
			if err != nil {
				t.Fatalf("Scorecard(team[%d]) error = %v", i, err)
			}
			for _, sc := range card.Scores {
				if !(sc.ShrunkLo <= sc.Shrunk && sc.Shrunk <= sc.ShrunkHi) || sc.ShrunkLo < 0 || sc.ShrunkHi > 1 {
					t.Fatalf("Scorecard(team[%d]) score %+v: interval misses the shrunk rate", i, sc)
				}
			}
		}
	})
}

// TestScorecardsMatchesScorecard: grading a team at once gives each rep
// exactly the card Scorecard gives, shared counts and all, and names the
// rep of an error.
func TestScorecardsMatchesScorecard(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := Default()
		n := rapid.IntRange(0, 30).Draw(t, "reps")
		team := make([]map[string]benchmark.Rate, n)
		reps := make([]string, n)
		for i := range team {
			reps[i] = "r" + strconv.Itoa(i)
			team[i] = map[string]benchmark.Rate{}
			for _, c := range m.Competencies {
				if rapid.Bool().Draw(t, "has") {
					trials := rapid.Int64Range(0, 6).Draw(t, "trials") // small counts repeat
					team[i][c.ID] = benchmark.Rate{Hits: rapid.Int64Range(0, trials).Draw(t, "hits"), Trials: trials}
				}
			}
		}
		s, err := TeamStandards(m, team, nil)
		if err != nil {
			t.Fatal(err)
		}
		cards, err := s.Scorecards(reps, team, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i := range team {
			want, err := s.Scorecard(reps[i], team[i], nil)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, cards[i]); diff != "" {
				t.Fatalf("rep %d (-Scorecard +Scorecards):\n%s", i, diff)
			}
		}
	})
	s, err := TeamStandards(Default(), []map[string]benchmark.Rate{{CloseID: {Hits: 1, Trials: 3}}, {CloseID: {Hits: 2, Trials: 3}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Scorecards([]string{"a", "b"}, []map[string]benchmark.Rate{{CloseID: {Hits: 1, Trials: 3}}, {CloseID: {Hits: 4, Trials: 3}}}, nil)
	var ie *InputError
	if !errors.As(err, &ie) || !strings.Contains(ie.Arg, "reps[1]") || !errors.Is(err, ErrInvalidRate) {
		t.Errorf("Scorecards with a bad rate for rep 1: %v", err)
	}
	if _, err := s.Scorecards([]string{"a"}, nil, nil); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("Scorecards with mismatched lengths: %v", err)
	}
}
