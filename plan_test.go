package salesdev

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/competency"
	"github.com/salesdev/salesdev/grid"
	"github.com/salesdev/salesdev/tmc"
	"pgregory.net/rapid"
)

func day0(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// genRate draws a valid rate with up to n trials.
func genRate(n int64) *rapid.Generator[benchmark.Rate] {
	return rapid.Custom(func(t *rapid.T) benchmark.Rate {
		trials := rapid.Int64Range(0, n).Draw(t, "trials")
		return benchmark.Rate{Hits: rapid.Int64Range(0, trials).Draw(t, "hits"), Trials: trials}
	})
}

// genTeam draws a team of 1 to 12 reps with any mix of inputs. Every rep
// starts between six years before AsOf and 30 days after it (some have
// not started yet), or has no start date.
func genTeam(t *rapid.T) Team {
	asOf := day0(2025, 12, 31)
	n := rapid.IntRange(1, 12).Draw(t, "reps")
	team := Team{AsOf: asOf}
	ids := []string{competency.NewOpportunitiesID, competency.GatewayID, competency.CloseID}
	for i := range n {
		r := Rep{Rep: string(rune('a' + i)), Manager: rapid.SampledFrom([]string{"", "m1", "m2"}).Draw(t, "manager")}
		if rapid.Bool().Draw(t, "started") {
			r.Started = asOf.AddDate(0, 0, -rapid.IntRange(-30, 6*365).Draw(t, "tenure")) // some not started yet
		}
		r.Rates = map[string]benchmark.Rate{}
		for _, id := range ids {
			if rapid.Bool().Draw(t, "has "+id) {
				r.Rates[id] = genRate(300).Draw(t, id)
			}
		}
		if rapid.Bool().Draw(t, "quota") {
			r.Results = &Results{Sold: rapid.Float64Range(0, 1e6).Draw(t, "sold"), MonthlyQuota: rapid.Float64Range(1, 1e5).Draw(t, "quota")}
		}
		if rapid.Bool().Draw(t, "desire") {
			r.Desire = []float64{rapid.Float64Range(1, 5).Draw(t, "desire")}
		}
		if rapid.IntRange(0, 4).Draw(t, "stated?") == 0 {
			r.Stated = &tmc.Signals{
				KnowsWhat:     rapid.Bool().Draw(t, "what"),
				KnowsHow:      rapid.Bool().Draw(t, "how"),
				MeetsStandard: rapid.Bool().Draw(t, "meets"),
			}
		}
		if rapid.IntRange(0, 4).Draw(t, "barrier?") == 0 {
			r.Barrier = tmc.Barrier(rapid.IntRange(0, 4).Draw(t, "barrier"))
		}
		team.Reps = append(team.Reps, r)
	}
	return team
}

// TestPlanProperties checks what the articles ask of every plan, on random
// teams: NewPlan never fails on valid input; what the manager states always
// wins; no rep past the ramp is sent to training or mentoring without a
// recorded knowledge gap ("by the time a Sales Rep requires coaching, they
// already know what to do, and how to do it", "Three Key Areas"); every
// placed rep's strategy includes coaching; the plan marshals to JSON.
func TestPlanProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		team := genTeam(t)
		hours := rapid.SampledFrom([]float64{0, 6, 15}).Draw(t, "hours")
		p, err := NewPlan(team, &Config{CoachingHours: hours})
		if err != nil {
			t.Fatalf("NewPlan: %v", err)
		}
		if len(p.Reps) != len(team.Reps) {
			t.Fatalf("%d rep plans for %d reps", len(p.Reps), len(team.Reps))
		}
		for i, rp := range p.Reps {
			r := team.Reps[i]
			if rp.Rep != r.Rep {
				t.Fatalf("reps[%d] = %q, want %q: roster order", i, rp.Rep, r.Rep)
			}
			if r.Stated != nil {
				want := *r.Stated
				if want.Barrier == tmc.NoBarrier {
					want.Barrier = r.Barrier
				}
				if rp.Signals.Signals != want {
					t.Fatalf("%s: signals %+v, stated %+v", r.Rep, rp.Signals.Signals, want)
				}
			} else if r.Barrier != tmc.NoBarrier && rp.Signals.Signals.Barrier != r.Barrier {
				t.Fatalf("%s: barrier %v, stated %v", r.Rep, rp.Signals.Signals.Barrier, r.Barrier)
			}
			if rp.Help.Help == tmc.NoHelp {
				if rp.Evidence || !r.Started.IsZero() || r.Stated != nil || r.Barrier != tmc.NoBarrier {
					t.Fatalf("%s: no help, with evidence or a start date or stated signals", r.Rep)
				}
			} else if rp.Help != tmc.Prescribe(rp.Signals.Signals) {
				t.Fatalf("%s: help %v for signals %+v", r.Rep, rp.Help.Help, rp.Signals.Signals)
			}
			pastRamp := r.Started.IsZero() || !team.AsOf.Before(p.Ramp.FullProductivity(r.Started))
			if r.Stated == nil && r.Barrier == tmc.NoBarrier && pastRamp &&
				(rp.Help.Help == tmc.Training || rp.Help.Help == tmc.Mentoring) {
				t.Fatalf("%s, past the ramp with no knowledge gap recorded, sent to %v", r.Rep, rp.Help.Help)
			}
			if rp.Strategy != nil && !slices.Contains(rp.Strategy.Modes, grid.Coaching) {
				t.Fatalf("%s: %v strategy without coaching", r.Rep, rp.Quadrant)
			}
			if (rp.Measures == nil) == (rp.NotPlaced == "") {
				t.Fatalf("%s: measures %v, not placed %q: exactly one is set", r.Rep, rp.Measures, rp.NotPlaced)
			}
			if rp.Why() == "" {
				t.Fatalf("%s: no why", r.Rep)
			}
		}
		if _, err := json.Marshal(p); err != nil {
			t.Fatalf("json.Marshal: %v", err)
		}
	})
}

// TestRetrainingNeedsAKnowledgeGap: a rep years past the ramp, below
// standard, is coached; once a coaching session records a knowledge gap,
// the same rep is re-trained ("sometimes a coaching session may reveal that
// a re-training is needed, but most often this is not the case").
func TestRetrainingNeedsAKnowledgeGap(t *testing.T) {
	team := Team{AsOf: day0(2025, 12, 31)}
	for i, r := range []map[string]benchmark.Rate{
		{competency.CloseID: {Hits: 60, Trials: 100}},
		{competency.CloseID: {Hits: 55, Trials: 100}},
		{competency.CloseID: {Hits: 58, Trials: 100}},
		{competency.CloseID: {Hits: 20, Trials: 200}}, // clearly below
	} {
		team.Reps = append(team.Reps, Rep{Rep: string(rune('a' + i)), Started: day0(2020, 1, 1), Rates: r})
	}
	p, err := NewPlan(team, nil)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := p.Lookup("d")
	if d.Help.Help != tmc.Coaching {
		t.Fatalf("below standard past the ramp: help %v, want coaching (%s)", d.Help.Help, d.Why())
	}
	if d.FocusScore == nil || !d.FocusScore.Below() {
		t.Fatalf("focus score %+v: want separated below the standard", d.FocusScore)
	}
	team.Reps[3].Events = []tmc.Event{{Kind: tmc.KnowledgeGapFound, At: day0(2025, 12, 10)}}
	p, err = NewPlan(team, nil)
	if err != nil {
		t.Fatal(err)
	}
	d, _ = p.Lookup("d")
	if d.Help.Help != tmc.Training {
		t.Fatalf("after a recorded knowledge gap: help %v, want training (%s)", d.Help.Help, d.Why())
	}
}

// TestFocusStaysOnTheCampaign: while a rep's campaign is open and its
// benchmark not reached, the focus stays on its competency, even when
// another competency would gain more.
func TestFocusStaysOnTheCampaign(t *testing.T) {
	team := Team{AsOf: day0(2025, 12, 31)}
	for i := range 6 {
		team.Reps = append(team.Reps, Rep{Rep: string(rune('a' + i)), Started: day0(2020, 1, 1),
			Rates: map[string]benchmark.Rate{
				competency.NewOpportunitiesID: {Hits: int64(30 + 5*i), Trials: 100},
				competency.CloseID:            {Hits: int64(40 + 2*i), Trials: 100},
			}})
	}
	team.Reps[0].Rates[competency.NewOpportunitiesID] = benchmark.Rate{Hits: 5, Trials: 100} // far below on new opportunities
	p, err := NewPlan(team, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := p.Lookup("a")
	if a.Focus == nil || a.Focus.Competency != competency.NewOpportunitiesID {
		t.Fatalf("without a campaign: focus %+v, want %s", a.Focus, competency.NewOpportunitiesID)
	}
	team.Campaigns = []competency.Campaign{{
		Competency: competency.CloseID, Rep: "a", Start: day0(2025, 11, 1),
		Baseline:    benchmark.Rate{Hits: 40, Trials: 100},
		Benchmark:   benchmark.Benchmark{Target: 0.9},
		Checkpoints: []competency.Checkpoint{{Week: 1, Rate: benchmark.Rate{Hits: 5, Trials: 10}}},
	}}
	p, err = NewPlan(team, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, _ = p.Lookup("a")
	if a.Focus == nil || a.Focus.Competency != competency.CloseID {
		t.Fatalf("with an open campaign on close: focus %+v, want close", a.Focus)
	}
	if a.Progress == nil || a.Campaign == nil {
		t.Fatalf("with an open campaign: progress %v, campaign %v", a.Progress, a.Campaign)
	}
	// A second overlapping campaign for the same rep is an error.
	team.Campaigns = append(team.Campaigns, competency.Campaign{
		Competency: competency.NewOpportunitiesID, Rep: "a", Start: day0(2025, 12, 1),
		Baseline: benchmark.Rate{Hits: 5, Trials: 100}, Benchmark: benchmark.Benchmark{Target: 0.4},
	})
	if _, err := NewPlan(team, nil); !errors.Is(err, competency.ErrOverlap) {
		t.Fatalf("two open campaigns: err = %v, want ErrOverlap", err)
	}
}

// TestMissingInputs: a pipeline's rates alone still give every rep a
// scorecard and help, and the plan names what the other inputs unlock.
func TestMissingInputs(t *testing.T) {
	team := Team{AsOf: day0(2025, 12, 31), Reps: []Rep{
		{Rep: "a", Rates: map[string]benchmark.Rate{competency.CloseID: {Hits: 5, Trials: 10}}},
		{Rep: "b", Rates: map[string]benchmark.Rate{competency.CloseID: {Hits: 7, Trials: 12}}},
	}}
	p, err := NewPlan(team, nil)
	if err != nil {
		t.Fatal(err)
	}
	var inputs []string
	for _, m := range p.Missing {
		inputs = append(inputs, m.Input)
	}
	got := strings.Join(inputs, "; ")
	for _, want := range []string{"start dates", "desire survey", "quotas", "1:1 sessions", "rates on " + competency.NewOpportunitiesID} {
		if !strings.Contains(got, want) {
			t.Errorf("missing inputs %q lack %q", got, want)
		}
	}
	for _, r := range p.Reps {
		if r.Measures != nil || !strings.Contains(r.NotPlaced, "no desire") {
			t.Errorf("%s: placed %v (%q) without desire or quota", r.Rep, r.Measures, r.NotPlaced)
		}
		if r.Help.Help == tmc.NoHelp {
			t.Errorf("%s: no help", r.Rep)
		}
	}
}

// TestNewPlanErrors: bad input gets an error naming it, with the
// sub-packages' sentinels reachable.
func TestNewPlanErrors(t *testing.T) {
	ok := Rep{Rep: "a", Rates: map[string]benchmark.Rate{competency.CloseID: {Hits: 1, Trials: 2}}}
	for _, tc := range []struct {
		name string
		team Team
		cfg  *Config
		want error
	}{
		{"no as-of", Team{Reps: []Rep{ok}}, nil, benchmark.ErrEmpty},
		{"no reps", Team{AsOf: day0(2025, 1, 1)}, nil, benchmark.ErrEmpty},
		{"blank rep", Team{AsOf: day0(2025, 1, 1), Reps: []Rep{{Rep: " "}}}, nil, benchmark.ErrEmpty},
		{"duplicate rep", Team{AsOf: day0(2025, 1, 1), Reps: []Rep{ok, ok}}, nil, benchmark.ErrDuplicate},
		{"hits > trials", Team{AsOf: day0(2025, 1, 1), Reps: []Rep{{Rep: "a", Rates: map[string]benchmark.Rate{competency.CloseID: {Hits: 3, Trials: 2}}}}}, nil, benchmark.ErrHitsExceedTrials},
		{"NaN desire", Team{AsOf: day0(2025, 1, 1), Reps: []Rep{{Rep: "a", Rates: ok.Rates, Desire: []float64{math.NaN()}}}}, nil, benchmark.ErrNotFinite},
		{"desire off the scale", Team{AsOf: day0(2025, 1, 1), Reps: []Rep{{Rep: "a", Rates: ok.Rates, Desire: []float64{9}}}}, nil, benchmark.ErrOutOfRange},
		{"NaN sold", Team{AsOf: day0(2025, 1, 1), Reps: []Rep{{Rep: "a", Rates: ok.Rates, Results: &Results{Sold: math.NaN(), MonthlyQuota: 1}}}}, nil, benchmark.ErrNotFinite},
		{"negative sold", Team{AsOf: day0(2025, 1, 1), Reps: []Rep{{Rep: "a", Rates: ok.Rates, Results: &Results{Sold: -1, MonthlyQuota: 1}}}}, nil, benchmark.ErrNegative},
		{"zero quota", Team{AsOf: day0(2025, 1, 1), Reps: []Rep{{Rep: "a", Rates: ok.Rates, Results: &Results{Sold: 1}}}}, nil, benchmark.ErrOutOfRange},
		{"joined too late to owe quota", Team{AsOf: day0(2025, 1, 1), Reps: []Rep{{Rep: "a", Rates: ok.Rates, Started: day0(2025, 1, 1), Desire: []float64{3}, Results: &Results{Sold: 1, MonthlyQuota: 1}}}}, nil, nil},
		{"negative hours", Team{AsOf: day0(2025, 1, 1), Reps: []Rep{ok}}, &Config{CoachingHours: -1}, benchmark.ErrNegative},
		{"NaN hours", Team{AsOf: day0(2025, 1, 1), Reps: []Rep{ok}}, &Config{CoachingHours: math.NaN()}, benchmark.ErrNotFinite},
		{"negative months", Team{AsOf: day0(2025, 1, 1), Reps: []Rep{ok}}, &Config{Months: -1}, benchmark.ErrNegative},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewPlan(tc.team, tc.cfg)
			if tc.want == nil {
				if err != nil {
					t.Fatalf("NewPlan: %v, want no error (the rep is reported not placed)", err)
				}
				return
			}
			var ie *InputError
			if !errors.Is(err, tc.want) || !errors.As(err, &ie) {
				t.Fatalf("NewPlan = %v, want an *InputError wrapping %v", err, tc.want)
			}
		})
	}
}

// FuzzNewPlan: a team read from JSON, whatever it holds, gets a plan or an
// error, never a panic, and a plan always marshals.
func FuzzNewPlan(f *testing.F) {
	f.Add([]byte(`{"as_of":"2025-12-31T00:00:00Z","reps":[{"rep":"a","rates":{"close":{"hits":3,"trials":9}}}]}`))
	f.Add([]byte(`{"as_of":"2025-12-31T00:00:00Z","reps":[{"rep":"a","started":"2025-12-01T00:00:00Z","desire":[4],"results":{"sold":10,"monthly_quota":5},"rates":{"close":{"hits":3,"trials":9}}},{"rep":"b","manager":"a","rates":{"close":{"hits":0,"trials":1}}}]}`))
	f.Add([]byte(`{"as_of":"2025-12-31T00:00:00Z","reps":[{"rep":"a","barrier":"constraints","events":[{"kind":"knowledge-gap-found","at":"2025-12-01T00:00:00Z"}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var team Team
		if json.Unmarshal(data, &team) != nil {
			return
		}
		p, err := NewPlan(team, &Config{CoachingHours: 10})
		if err != nil {
			return
		}
		if _, err := json.Marshal(p); err != nil {
			t.Fatalf("plan does not marshal: %v", err)
		}
	})
}

// TestJoinedTooLate: a rep who joined hours before the end of the results
// window owes no quota yet, so is not placed, and the plan says why
// rather than failing.
func TestJoinedTooLate(t *testing.T) {
	team := Team{AsOf: day0(2025, 1, 1), Reps: []Rep{
		{Rep: "a", Started: time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC), Desire: []float64{3},
			Results: &Results{Sold: 1, MonthlyQuota: 1}, Rates: map[string]benchmark.Rate{competency.CloseID: {Hits: 1, Trials: 2}}},
	}}
	p, err := NewPlan(team, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r := p.Reps[0]; r.Measures != nil || !strings.Contains(r.NotPlaced, "too late") {
		t.Errorf("joined at noon on the last day: measures %v, not placed %q", r.Measures, r.NotPlaced)
	}
}

// TestRulesFromAHistogram: a stream's bounded histogram gives the same
// rule as the observations it was built from, when its edges are the
// observed values; a history given both ways is refused by NewPlan.
func TestRulesFromAHistogram(t *testing.T) {
	m := benchmark.Metric{Name: "days in the pipeline", Unit: "days", Direction: benchmark.LowerIsBetter}
	var obs []benchmark.Observation
	var edges []float64
	for d := 1; d <= 60; d++ {
		edges = append(edges, float64(d))
		for k := range 10 {
			obs = append(obs, benchmark.Observation{Value: float64(d), Won: (d < 20 && k < 8) || (d >= 20 && k < 4)})
		}
	}
	binned, err := benchmark.NewBinned(m, edges)
	if err != nil {
		t.Fatal(err)
	}
	if err := binned.AddAll(obs); err != nil {
		t.Fatal(err)
	}
	f := findings([]History{{Metric: m, Observations: obs}, {Binned: binned}})
	if f[0].Rule == nil || f[1].Rule == nil {
		t.Fatalf("no rule: %q, %q", f[0].Sentence, f[1].Sentence)
	}
	if f[0].Rule.Threshold != f[1].Rule.Threshold || f[0].Rule.Reached != f[1].Rule.Reached {
		t.Errorf("histogram rule %v, observations rule %v", f[1].Sentence, f[0].Sentence)
	}
	team := Team{AsOf: day0(2025, 12, 31), Reps: []Rep{{Rep: "a"}},
		History: []History{{Metric: m, Observations: obs, Binned: binned}}}
	if _, err := NewPlan(team, nil); !errors.Is(err, benchmark.ErrOutOfRange) {
		t.Errorf("a history given both ways: NewPlan error %v, want ErrOutOfRange", err)
	}
}

// TestKPITargetsFollowTheQuantile: the other KPIs are benchmarked at the
// same quantile as the competencies' standards.
func TestKPITargetsFollowTheQuantile(t *testing.T) {
	team := Team{AsOf: day0(2025, 12, 31), Metrics: []Metric{{Metric: benchmark.Metric{Name: "deal"},
		Values: map[string]float64{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}}}}
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		team.Reps = append(team.Reps, Rep{Rep: id, Rates: map[string]benchmark.Rate{competency.CloseID: {Hits: 3, Trials: 10}}})
	}
	for _, tc := range []struct {
		cfg  *Config
		want float64
	}{
		{nil, 4}, // the 75th percentile of 1..5
		{&Config{Standards: &competency.StandardOptions{Quantile: 0.9}}, 4.6},
	} {
		p, err := NewPlan(team, tc.cfg)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Benchmarks[0].Target; math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("config %+v: KPI target %v, want %v", tc.cfg, got, tc.want)
		}
	}
}

// TestMetricValueNotFinite: a NaN or infinite KPI value is refused by the
// rep it belongs to, the same rep however the map iterates.
func TestMetricValueNotFinite(t *testing.T) {
	values := map[string]float64{"d": math.Inf(1), "a": 1, "c": math.NaN(), "b": 2}
	team := Team{AsOf: day0(2025, 12, 31), Metrics: []Metric{{Metric: benchmark.Metric{Name: "deal"}, Values: values}}}
	for id := range values {
		team.Reps = append(team.Reps, Rep{Rep: id, Rates: map[string]benchmark.Rate{competency.CloseID: {Hits: 3, Trials: 10}}})
	}
	for range 20 {
		_, err := NewPlan(team, nil)
		if !errors.Is(err, benchmark.ErrNotFinite) || !strings.Contains(err.Error(), `deal: rep "c"`) {
			t.Fatalf("NewPlan error %v, want ErrNotFinite naming rep \"c\", the first bad rep", err)
		}
	}
}

// TestMetricNegativeZero: a KPI value of -0 is 0, whatever the order.
func TestMetricNegativeZero(t *testing.T) {
	values := map[string]float64{"a": math.Copysign(0, -1), "b": 0, "c": math.Copysign(0, -1), "d": 0}
	team := Team{AsOf: day0(2025, 12, 31), Metrics: []Metric{{Metric: benchmark.Metric{Name: "deal"}, Values: values}}}
	for id := range values {
		team.Reps = append(team.Reps, Rep{Rep: id, Rates: map[string]benchmark.Rate{competency.CloseID: {Hits: 3, Trials: 10}}})
	}
	for range 20 {
		p, err := NewPlan(team, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range p.Benchmarks {
			for _, v := range []float64{b.P50, b.Target, b.P90} {
				if math.Signbit(v) {
					t.Fatalf("benchmark %+v has -0", b)
				}
			}
		}
	}
}

// TestMentorOnAnUnscoredCompetency: a rep who needs mentoring and keeps
// an earlier focus on a competency no rep has trials on gets no mentor,
// with the reason, not an error for the whole plan.
func TestMentorOnAnUnscoredCompetency(t *testing.T) {
	asOf := day0(2025, 12, 31)
	team := Team{AsOf: asOf}
	for i := range 4 {
		team.Reps = append(team.Reps, Rep{Rep: "r" + string(rune('0'+i)), Started: asOf.AddDate(0, 0, -60-i),
			Rates: map[string]benchmark.Rate{competency.CloseID: {Hits: int64(i), Trials: 4}}})
	}
	team.Focus = grid.Plan{{Rep: "r0", Competency: competency.GatewayID, Behavior: "Map the buying group",
		Window: grid.Window{Start: asOf.AddDate(0, 0, -5), End: asOf.AddDate(0, 1, 0)}}}
	p, err := NewPlan(team, nil)
	if err != nil {
		t.Fatalf("NewPlan: %v, want a plan", err)
	}
	r, _ := p.Lookup("r0")
	if r.Help.Help != tmc.Mentoring || r.Focus == nil || r.Focus.Competency != competency.GatewayID {
		t.Fatalf("r0: help %v, focus %+v: want mentoring, the kept focus on %s", r.Help.Help, r.Focus, competency.GatewayID)
	}
	if want := "no peer is graded A on " + competency.GatewayID + " yet: no rep has trials on it"; r.Mentor != "" || r.MentorNote != want {
		t.Errorf("r0: mentor %q, note %q; want none, note %q", r.Mentor, r.MentorNote, want)
	}
}

// A start is a rep's start date, named for a subtest.
type start struct {
	name    string
	started time.Time
}

// starts are the start dates of a rep whose input is refused whether or
// not the rep's signals are inferred: they are not for a rep who starts
// after the plan's day.
func starts(asOf time.Time) []start {
	return []start{
		{"starts after the plan's day", asOf.AddDate(0, 0, 10)},
		{"on the ramp", asOf.AddDate(0, 0, -10)},
		{"no start date", time.Time{}},
	}
}

// TestUnknownBarrier: an unknown barrier is refused for every rep, naming
// the rep, including a rep who starts after the plan's day, whose signals
// are not inferred (a plan holding it could not be marshalled).
func TestUnknownBarrier(t *testing.T) {
	asOf := day0(2025, 12, 31)
	for _, tc := range starts(asOf) {
		t.Run(tc.name, func(t *testing.T) {
			team := Team{AsOf: asOf, Reps: []Rep{
				{Rep: "a", Started: asOf.AddDate(-1, 0, 0)},
				{Rep: "b", Started: tc.started, Barrier: tmc.Barrier(42)},
			}}
			_, err := NewPlan(team, nil)
			if msg := refusedAt(err, benchmark.ErrInvalidEnum, `team.reps[1] ("b").barrier`); msg != "" {
				t.Error(msg)
			}
		})
	}
}

// TestUnknownEvent: a rep's event of no or unknown kind, or with no time,
// is refused for every rep, as the barrier is, whether or not the rep's
// signals are inferred (a rep who starts after the plan's day is not).
func TestUnknownEvent(t *testing.T) {
	asOf := day0(2025, 12, 31)
	for _, tc := range starts(asOf) {
		for _, ev := range []struct {
			event tmc.Event
			want  error
			arg   string
		}{
			{tmc.Event{Kind: tmc.EventKind(99), At: asOf}, benchmark.ErrInvalidEnum, `team.reps[1] ("b").events[1].kind`},
			{tmc.Event{Kind: tmc.NoEvent, At: asOf}, benchmark.ErrInvalidEnum, `team.reps[1] ("b").events[1].kind`},
			{tmc.Event{Kind: tmc.TrainingCompleted}, benchmark.ErrEmpty, `team.reps[1] ("b").events[1].at`},
		} {
			team := Team{AsOf: asOf, Reps: []Rep{
				{Rep: "a", Started: asOf.AddDate(-1, 0, 0)},
				{Rep: "b", Started: tc.started, Events: []tmc.Event{{Kind: tmc.TrainingCompleted, At: asOf}, ev.event}},
			}}
			_, err := NewPlan(team, nil)
			if msg := refusedAt(err, ev.want, ev.arg); msg != "" {
				t.Errorf("%s, event %+v: %s", tc.name, ev.event, msg)
			}
		}
	}
}

// TestFirstSeenAfterAsOf: a rep first seen in the data after the plan's
// day is refused for every rep, naming the field, whether or not the
// rep's signals are inferred (they are not for a rep who starts after the
// plan's day, or whose signals the manager states, and a start date stands
// in for the first day seen). A rep first seen later on the plan's day is
// planned: tenure counts in days.
func TestFirstSeenAfterAsOf(t *testing.T) {
	for _, asOf := range []time.Time{time.Date(2025, 12, 31, 9, 0, 0, 0, time.UTC), time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)} {
		testFirstSeenAfterAsOf(t, asOf)
	}
}

func testFirstSeenAfterAsOf(t *testing.T, asOf time.Time) {
	for _, tc := range []struct {
		name      string
		firstSeen time.Time
		started   time.Time
		stated    *tmc.Signals
		rates     map[string]benchmark.Rate
		refused   bool
		day       string // the day of the ramp the basis names, when planned
	}{
		{name: "no start date", firstSeen: asOf.AddDate(0, 0, 1), refused: true},
		{name: "no start date, with evidence", firstSeen: asOf.AddDate(0, 0, 1), rates: map[string]benchmark.Rate{competency.CloseID: {Hits: 2, Trials: 5}}, refused: true},
		{name: "started before the plan's day", firstSeen: asOf.AddDate(0, 0, 1), started: asOf.AddDate(0, -2, 0), refused: true},
		{name: "starts after the plan's day", firstSeen: asOf.AddDate(0, 0, 12), started: asOf.AddDate(0, 0, 10), refused: true},
		{name: "signals stated", firstSeen: asOf.AddDate(0, 0, 1), stated: &tmc.Signals{KnowsWhat: true}, refused: true},
		{name: "later on the plan's day", firstSeen: asOf.Add(12 * time.Hour), day: "day 1 "},
		{name: "the day before", firstSeen: asOf.AddDate(0, 0, -1), day: "day 2 "},
		// A first day seen is a date on the CRM's calendar, in its own
		// zone, whatever instant it is in the plan's.
		{name: "the plan's day in New York, the next in UTC", firstSeen: time.Date(2025, 12, 31, 20, 0, 0, 0, time.FixedZone("EST", -5*3600)), day: "day 1 "},
		{name: "the plan's day in Tokyo, the day before in UTC", firstSeen: time.Date(2025, 12, 31, 0, 30, 0, 0, time.FixedZone("JST", 9*3600)), day: "day 1 "},
		{name: "the next day in Tokyo, the plan's day in UTC", firstSeen: time.Date(2026, 1, 1, 8, 0, 0, 0, time.FixedZone("JST", 9*3600)), refused: true},
	} {
		t.Run(asOf.Format(time.Kitchen)+"/"+tc.name, func(t *testing.T) {
			team := Team{AsOf: asOf, Reps: []Rep{
				{Rep: "a", Started: asOf.AddDate(-1, 0, 0), Rates: map[string]benchmark.Rate{competency.CloseID: {Hits: 1, Trials: 5}}},
				{Rep: "b", FirstSeen: tc.firstSeen, Started: tc.started, Stated: tc.stated, Rates: tc.rates},
			}}
			p, err := NewPlan(team, nil)
			if !tc.refused {
				if err != nil {
					t.Fatalf("NewPlan = %v, want a plan", err)
				}
				if b := p.Reps[1].Signals.Basis; !strings.Contains(b, tc.day) {
					t.Errorf("basis %q, want it on %q", b, tc.day)
				}
				return
			}
			if msg := refusedAt(err, tmc.ErrTimeOrder, `team.reps[1] ("b").first_seen`); msg != "" {
				t.Error(msg)
			}
		})
	}
}

// TestFocusOfRepsAlike: reps with the same rates get the same new focus,
// each under its own ID, but a rep with an earlier focus on the
// competency moves on to its next routine and a rep with an open campaign
// stays on the campaign's competency, wherever they come in the roster.
func TestFocusOfRepsAlike(t *testing.T) {
	asOf := day0(2025, 12, 31)
	c, _ := competency.Default().Lookup(competency.NewOpportunitiesID)
	var first string
	for r := range c.Routines() {
		first = r.Name
		break
	}
	alike := func(id string) Rep {
		return Rep{Rep: id, Started: day0(2020, 1, 1), Rates: map[string]benchmark.Rate{
			competency.NewOpportunitiesID: {Hits: 5, Trials: 100}, // far below: the first priority
			competency.CloseID:            {Hits: 40, Trials: 100},
		}}
	}
	team := Team{AsOf: asOf}
	for i := range 6 {
		team.Reps = append(team.Reps, Rep{Rep: string(rune('a' + i)), Started: day0(2020, 1, 1),
			Rates: map[string]benchmark.Rate{
				competency.NewOpportunitiesID: {Hits: int64(30 + 5*i), Trials: 100},
				competency.CloseID:            {Hits: int64(40 + 2*i), Trials: 100},
			}})
	}
	// In roster order: a rep with an earlier focus, two plain reps around
	// another with an earlier focus, and one with a campaign.
	for _, id := range []string{"past1", "plain1", "past2", "campaign", "plain2"} {
		team.Reps = append(team.Reps, alike(id))
	}
	for _, id := range []string{"past1", "past2"} {
		team.Focus = append(team.Focus, grid.Focus{Rep: id, Competency: competency.NewOpportunitiesID, Behavior: first,
			Window: grid.Window{Start: day0(2025, 11, 1), End: day0(2025, 12, 1)}})
	}
	team.Campaigns = []competency.Campaign{{
		Competency: competency.CloseID, Rep: "campaign", Start: day0(2025, 11, 1),
		Baseline:  benchmark.Rate{Hits: 40, Trials: 100},
		Benchmark: benchmark.Benchmark{Target: 0.9},
	}}
	p, err := NewPlan(team, nil)
	if err != nil {
		t.Fatal(err)
	}
	focus := func(id string) grid.Focus {
		r, _ := p.Lookup(id)
		if r.Focus == nil {
			t.Fatalf("%s: no focus", id)
		}
		return *r.Focus
	}
	// Each plain rep's focus is the one grid.Plan.Next draws from its own
	// card alone, reason and all, whatever the plan shared between them.
	for _, id := range []string{"plain1", "plain2"} {
		r, _ := p.Lookup(id)
		want, err := grid.Plan(nil).Next(competency.Default(), r.Scorecard, p.Month, &grid.FocusOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if want.Competency != competency.NewOpportunitiesID || want.Behavior != first {
			t.Fatalf("%s: Next drew %+v, want %s's %q: the test's premise", id, want, competency.NewOpportunitiesID, first)
		}
		if diff := cmp.Diff(want, focus(id)); diff != "" {
			t.Errorf("%s's focus (-want +got):\n%s", id, diff)
		}
	}
	for _, id := range []string{"past1", "past2"} {
		if f := focus(id); f.Rep != id || f.Competency != competency.NewOpportunitiesID || f.Behavior == first {
			t.Errorf("%s's focus = %+v, want %s, not its earlier behavior %q", id, f, competency.NewOpportunitiesID, first)
		}
	}
	if f := focus("campaign"); f.Rep != "campaign" || f.Competency != competency.CloseID {
		t.Errorf("campaign's focus = %+v, want the campaign's %s", f, competency.CloseID)
	}
}

// refusedAt says what is wrong with NewPlan's err when it should be an
// *InputError wrapping want whose Arg starts with arg, or returns "".
func refusedAt(err, want error, arg string) string {
	var ie *InputError
	switch {
	case !errors.Is(err, want) || !errors.As(err, &ie):
		return fmt.Sprintf("NewPlan = %v, want an *InputError wrapping %v", err, want)
	case !strings.HasPrefix(ie.Arg, arg):
		return fmt.Sprintf("NewPlan error's Arg = %q, want it to start %q", ie.Arg, arg)
	}
	return ""
}

// TestResultsWindow: the window a plugin sums sales over is the plan's
// own, for any day and length; bad input is refused as NewPlan refuses it.
func TestResultsWindow(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		asOf := time.Date(rapid.IntRange(2000, 2030).Draw(t, "year"), time.Month(rapid.IntRange(1, 12).Draw(t, "month")),
			rapid.IntRange(1, 31).Draw(t, "day"), rapid.IntRange(0, 23).Draw(t, "hour"), 0, 0, 0, time.UTC)
		c := &Config{Months: rapid.IntRange(0, grid.MaxMonths).Draw(t, "months")}
		w, err := ResultsWindow(asOf, c)
		if err != nil {
			t.Fatal(err)
		}
		p, err := NewPlan(Team{AsOf: asOf, Reps: []Rep{{Rep: "a"}}}, c)
		if err != nil {
			t.Fatal(err)
		}
		if w != p.Window {
			t.Fatalf("ResultsWindow(%v, months %d) = %v, the plan's window is %v", asOf, c.Months, w, p.Window)
		}
		if !w.Contains(asOf) || w.Contains(day(asOf).AddDate(0, 0, 1)) {
			t.Fatalf("window %v: want asOf's day in, the next out", w)
		}
	})
	for _, tc := range []struct {
		asOf time.Time
		c    *Config
		want error
	}{
		{time.Time{}, nil, benchmark.ErrEmpty},
		{day0(2025, 1, 1), &Config{Months: -1}, benchmark.ErrNegative},
		{day0(2025, 1, 1), &Config{Months: grid.MaxMonths + 1}, benchmark.ErrOutOfRange},
	} {
		_, err := ResultsWindow(tc.asOf, tc.c)
		var ie *InputError
		if !errors.Is(err, tc.want) || !errors.As(err, &ie) || ie.Func != "ResultsWindow" {
			t.Errorf("ResultsWindow(%v, %+v) error = %v, want an *InputError from ResultsWindow wrapping %v", tc.asOf, tc.c, err, tc.want)
		}
	}
}
