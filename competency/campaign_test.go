package competency

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/salesdev/salesdev/benchmark"
	"pgregory.net/rapid"
)

func danaCampaign() Campaign {
	return Campaign{
		Competency: "new-opportunities",
		Rep:        "Dana",
		Baseline:   benchmark.Rate{Hits: 7, Trials: 90},
		Benchmark:  benchmark.Benchmark{Target: 0.15},
		Prior:      benchmark.Prior{Alpha: 12, Beta: 88},
	}
}

func TestCampaignValidate(t *testing.T) {
	tests := []struct {
		name string
		edit func(c *Campaign)
		want []error
	}{
		{"valid", func(*Campaign) {}, nil},
		{"no competency", func(c *Campaign) { c.Competency = "" }, []error{ErrEmpty}},
		{"no baseline", func(c *Campaign) { c.Baseline = benchmark.Rate{} }, []error{ErrNoTrials}},
		{"invalid baseline", func(c *Campaign) { c.Baseline = benchmark.Rate{Hits: 9, Trials: 8} }, []error{ErrInvalidRate, benchmark.ErrHitsExceedTrials}},
		{"no target", func(c *Campaign) { c.Benchmark = benchmark.Benchmark{} }, []error{ErrOutOfRange}},
		{"lower is better", func(c *Campaign) { c.Benchmark.Metric.Direction = benchmark.LowerIsBetter }, []error{ErrDirection}},
		{"invalid prior", func(c *Campaign) { c.Prior.Beta = -1 }, []error{ErrInvalidPrior}},
		{"week 0", func(c *Campaign) { c.Checkpoints = []Checkpoint{{Week: 0, Rate: benchmark.Rate{Hits: 1, Trials: 2}}} }, []error{ErrOutOfRange}},
		{"weeks repeat", func(c *Campaign) {
			c.Checkpoints = []Checkpoint{{Week: 1, Rate: benchmark.Rate{Hits: 1, Trials: 2}}, {Week: 1, Rate: benchmark.Rate{Hits: 1, Trials: 2}}}
		}, []error{ErrOutOfRange}},
		{"invalid week rate", func(c *Campaign) { c.Checkpoints = []Checkpoint{{Week: 1, Rate: benchmark.Rate{Hits: -1, Trials: 2}}} }, []error{ErrInvalidRate}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := danaCampaign()
			tt.edit(&c)
			err := c.Validate()
			if (err == nil) != (tt.want == nil) {
				t.Fatalf("Validate() = %v, want errors %v", err, tt.want)
			}
			for _, want := range tt.want {
				if !errors.Is(err, want) {
					t.Errorf("Validate() = %v, want error %v", err, want)
				}
			}
			if _, perr := c.Progress(nil); (perr == nil) != (err == nil) {
				t.Errorf("Progress() error = %v, want Validate's %v", perr, err)
			}
		})
	}
}

func TestCampaignRecord(t *testing.T) {
	c := danaCampaign()
	c1, err := c.Record(1, benchmark.Rate{Hits: 2, Trials: 20})
	if err != nil {
		t.Fatal(err)
	}
	c1.Checkpoints = append(c1.Checkpoints[:1:1], Checkpoint{}) // room to share if Record did not clip
	c1.Checkpoints = c1.Checkpoints[:1]
	a, err := c1.Record(3, benchmark.Rate{Hits: 3, Trials: 20})
	if err != nil {
		t.Fatal(err)
	}
	b, err := c1.Record(2, benchmark.Rate{Hits: 1, Trials: 20})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Checkpoints) != 0 || len(c1.Checkpoints) != 1 {
		t.Errorf("Record modified its receiver: %v, %v", c.Checkpoints, c1.Checkpoints)
	}
	if a.Checkpoints[1].Week != 3 || b.Checkpoints[1].Week != 2 {
		t.Errorf("Record results share memory: %v, %v", a.Checkpoints, b.Checkpoints)
	}
	for _, tt := range []struct {
		name string
		week int
		r    benchmark.Rate
		want error
	}{
		{"same week", 1, benchmark.Rate{Hits: 1, Trials: 1}, ErrOutOfRange},
		{"earlier week", 0, benchmark.Rate{Hits: 1, Trials: 1}, ErrOutOfRange},
		{"invalid rate", 2, benchmark.Rate{Hits: 2, Trials: 1}, ErrInvalidRate},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c1.Record(tt.week, tt.r)
			if !errors.Is(err, tt.want) || len(got.Checkpoints) != 1 {
				t.Errorf("Record(%d, %v) = %v, %v, want the campaign unchanged and %v", tt.week, tt.r, got.Checkpoints, err, tt.want)
			}
		})
	}
}

func TestCampaignProgress(t *testing.T) {
	c := danaCampaign()
	c.Checkpoints = []Checkpoint{
		{Week: 1, Rate: benchmark.Rate{}}, // a week with no conversations
		{Week: 2, Rate: benchmark.Rate{Hits: 2, Trials: 20}},
		{Week: 4, Rate: benchmark.Rate{Hits: 24, Trials: 130}},
	}
	got, err := c.Progress(nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("Progress() returned %d checkpoints, want 3", len(got))
	}
	// Week 1: nothing measured yet.
	p := got[0]
	if p.Week != 1 || p.ToDate != (benchmark.Rate{}) || p.Score.Grade != Ungraded || p.Change.P != 1 || p.Change.Z != 0 || p.Closed != 0 || p.Significant {
		t.Errorf("week 1 progress = %+v, want ungraded, P 1, nothing closed", p)
	}
	// Week 4: 26/150 to date. Shrunk (26+12)/(150+100) = 0.152; baseline
	// (7+12)/(90+100) = 0.1; closed (0.152−0.1)/(0.15−0.1) = 1.04. The
	// change is the "Dana's campaign" row of the SciPy reference table.
	p = got[2]
	want := Progress{
		Week:   4,
		ToDate: benchmark.Rate{Hits: 26, Trials: 150},
		Closed: (38.0/250 - 0.1) / 0.05,
		Change: Change{Before: c.Baseline, After: benchmark.Rate{Hits: 26, Trials: 150}, Delta: 0.09555555555555556,
			Relative: 1.2285714285714286, Z: 2.081068158103133, P: 0.03742766788496615},
		Significant: true,
	}
	want.Score, _ = NewScore("new-opportunities", want.ToDate, c.Benchmark, c.Prior, nil)
	if diff := cmp.Diff(want, p, approx); diff != "" {
		t.Errorf("week 4 progress mismatch (-want +got):\n%s", diff)
	}
	if p.Score.Grade != GradeA {
		t.Errorf("week 4 grade = %v, want A", p.Score.Grade)
	}
	// A stricter alpha: not significant yet.
	strict, err := c.Progress(&Options{Alpha: 0.01})
	if err != nil || strict[2].Significant {
		t.Errorf("Progress(alpha 0.01) = %+v, %v, want not significant", strict[2], err)
	}
	if _, err := c.Progress(&Options{Alpha: 1}); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("Progress(alpha 1) error = %v, want ErrOutOfRange", err)
	}
	if b, err := json.Marshal(got); err != nil {
		t.Errorf("json.Marshal(progress) = %s, %v", b, err)
	}

	// No checkpoints: nothing to report.
	empty, err := danaCampaign().Progress(nil)
	if err != nil || len(empty) != 0 {
		t.Errorf("Progress() with no checkpoints = %v, %v, want empty", empty, err)
	}

	// A baseline already at the target: no gap to close.
	at := danaCampaign()
	at.Prior = benchmark.Prior{}
	at.Baseline = benchmark.Rate{Hits: 20, Trials: 100}
	at.Checkpoints = []Checkpoint{{Week: 1, Rate: benchmark.Rate{Hits: 1, Trials: 100}}}
	pa, err := at.Progress(nil)
	if err != nil || pa[0].Closed != 1 || pa[0].Score.Grade != GradeC {
		t.Errorf("Progress() from a baseline at target = %+v, %v, want Closed 1 and grade C", pa, err)
	}
}

func TestCampaignProgressOverflow(t *testing.T) {
	c := danaCampaign()
	c.Checkpoints = []Checkpoint{
		{Week: 1, Rate: benchmark.Rate{Hits: 1, Trials: math.MaxInt64 - 5}},
		{Week: 2, Rate: benchmark.Rate{Hits: 1, Trials: 10}},
	}
	if _, err := c.Progress(nil); !errors.Is(err, benchmark.ErrOverflow) || !errors.Is(err, ErrInvalidRate) {
		t.Errorf("Progress() of overflowing weeks error = %v, want ErrInvalidRate and benchmark.ErrOverflow", err)
	}
}

// Progress reports every checkpoint, pools the weeks, and never returns
// NaN or ±Inf.
func TestCampaignProgressProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := Campaign{
			Competency: "x",
			Baseline:   genRate(t, "baseline"),
			Benchmark:  benchmark.Benchmark{Target: rapid.Float64Range(0.01, 1).Draw(t, "target")},
		}
		if rapid.Bool().Draw(t, "prior") {
			c.Prior = benchmark.Prior{Alpha: rapid.Float64Range(0.1, 100).Draw(t, "alpha"), Beta: rapid.Float64Range(0.1, 100).Draw(t, "beta")}
		}
		week := 0
		var sum benchmark.Rate
		for range rapid.IntRange(0, 8).Draw(t, "weeks") {
			week += rapid.IntRange(1, 3).Draw(t, "step")
			n := rapid.Int64Range(0, 200).Draw(t, "n")
			r := benchmark.Rate{Hits: rapid.Int64Range(0, n).Draw(t, "h"), Trials: n}
			sum = sum.Add(r)
			var err error
			if c, err = c.Record(week, r); err != nil {
				t.Fatal(err)
			}
		}
		ps, err := c.Progress(nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) != len(c.Checkpoints) {
			t.Fatalf("Progress returned %d checkpoints for %d", len(ps), len(c.Checkpoints))
		}
		for _, p := range ps {
			for _, x := range []float64{p.Closed, p.Score.Shrunk, p.Change.Z, p.Change.P, p.Change.Relative} {
				if math.IsNaN(x) || math.IsInf(x, 0) {
					t.Fatalf("Progress = %+v: not finite", p)
				}
			}
		}
		if n := len(ps); n > 0 && ps[n-1].ToDate != sum {
			t.Fatalf("last ToDate = %v, want the sum of the weeks %v", ps[n-1].ToDate, sum)
		}
	})
}
