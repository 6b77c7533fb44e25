package competency

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

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

func day(d int) time.Time { return time.Date(2026, time.January, d, 0, 0, 0, 0, time.UTC) }

func TestCampaignOpen(t *testing.T) {
	c := danaCampaign()
	c.Start = day(5)
	tests := []struct {
		name   string
		closed time.Time
		at     time.Time
		want   bool
	}{
		{"before the start", time.Time{}, day(4), false},
		{"at the start", time.Time{}, day(5), true},
		{"open runs on", time.Time{}, day(5).AddDate(10, 0, 0), true},
		{"before closing", day(20), day(19), true},
		{"at closing", day(20), day(20), false},
		{"after closing", day(20), day(21), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := c
			c.Closed = tt.closed
			if got := c.Open(tt.at); got != tt.want {
				t.Errorf("Open(%v) with start %v, closed %v = %v, want %v", tt.at, c.Start, c.Closed, got, tt.want)
			}
		})
	}
	if !danaCampaign().Open(day(1)) {
		t.Error("Open() with a zero Start = false, want true: a zero Start counts as started")
	}
}

func TestCampaignReached(t *testing.T) {
	c := danaCampaign() // target 15%, prior 12/100, baseline 7/90
	tests := []struct {
		name  string
		weeks []benchmark.Rate
		want  bool
	}{
		{"no checkpoints", nil, false},
		{"no trials yet", []benchmark.Rate{{}}, false},
		{"below", []benchmark.Rate{{Hits: 2, Trials: 20}}, false},
		// (12+19)/(100+103) = 15.3% ≥ 15%: the package doc's week 5.
		{"reached", []benchmark.Rate{{Hits: 9, Trials: 62}, {Hits: 10, Trials: 41}}, true},
		// A lucky week then a bad one: the latest to-date rate decides.
		{"fell back", []benchmark.Rate{{Hits: 19, Trials: 103}, {Hits: 0, Trials: 60}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := c
			var err error
			for i, r := range tt.weeks {
				if c, err = c.Record(i+1, r); err != nil {
					t.Fatal(err)
				}
			}
			got, err := c.Reached(nil)
			if err != nil || got != tt.want {
				t.Errorf("Reached() = %v, %v, want %v", got, err, tt.want)
			}
		})
	}
	bad := c
	bad.Benchmark.Target = 2
	if got, err := bad.Reached(nil); got || !errors.Is(err, ErrOutOfRange) {
		t.Errorf("Reached() of an invalid campaign = %v, %v, want false, ErrOutOfRange", got, err)
	}
}

func TestCampaignValidateDates(t *testing.T) {
	c := danaCampaign()
	c.Start, c.Closed = day(10), day(10)
	if err := c.Validate(); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("Validate() closed at the start = %v, want ErrOutOfRange", err)
	}
	c.Closed = day(9)
	if err := c.Validate(); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("Validate() closed before the start = %v, want ErrOutOfRange", err)
	}
	c.Start = time.Time{}
	if err := c.Validate(); err != nil {
		t.Errorf("Validate() closed with a zero start = %v, want nil (old records)", err)
	}
	c.Start, c.Closed = day(1), day(20)
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var back Campaign
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(c, back); diff != "" {
		t.Errorf("campaign JSON round trip mismatch (-want +got):\n%s", diff)
	}
	open := danaCampaign()
	open.Start = day(1)
	if b, _ := json.Marshal(open); strings.Contains(string(b), "closed") {
		t.Errorf("json.Marshal(open campaign) = %s, want no closed field", b)
	}
}

func TestCheckCampaigns(t *testing.T) {
	camp := func(rep, id string, start, closed time.Time) Campaign {
		c := danaCampaign()
		c.Rep, c.Competency, c.Start, c.Closed = rep, id, start, closed
		return c
	}
	open := time.Time{}
	tests := []struct {
		name string
		cs   []Campaign
		want error
		arg  string // the InputError's Arg, when it matters
	}{
		{"none", nil, nil, ""},
		{"one open", []Campaign{camp("Dana", "close", day(1), open)}, nil, ""},
		{"back to back", []Campaign{camp("Dana", "gateway", day(10), open), camp("Dana", "close", day(1), day(10))}, nil, ""},
		{"two reps at once", []Campaign{camp("Dana", "close", day(1), open), camp("Eli", "close", day(1), open)}, nil, ""},
		{"overlapping", []Campaign{camp("Dana", "close", day(1), day(12)), camp("Dana", "gateway", day(10), open)}, ErrOverlap,
			`cs[1] ("Dana", gateway, from 2026-01-10T00:00:00Z, open)`},
		{"open forever", []Campaign{camp("Dana", "gateway", day(20), day(25)), camp("Dana", "close", day(1), open)}, ErrOverlap,
			`cs[0] ("Dana", gateway, from 2026-01-20T00:00:00Z, closed 2026-01-25T00:00:00Z)`},
		{"same competency twice", []Campaign{camp("Dana", "close", day(1), day(5)), camp("Dana", "close", day(3), day(8))}, ErrOverlap, ""},
		{"nested", []Campaign{camp("Dana", "close", day(1), day(30)), camp("Eli", "close", day(2), open), camp("Dana", "gateway", day(5), day(6))}, ErrOverlap, ""},
		{"zero start", []Campaign{camp("Dana", "close", time.Time{}, open)}, ErrEmpty, "cs[0].start"},
		{"no rep", []Campaign{camp(" ", "close", day(1), open)}, ErrEmpty, "cs[0].rep"},
		{"closed before start", []Campaign{camp("Dana", "close", day(5), day(1))}, ErrOutOfRange, ""},
		{"invalid campaign", []Campaign{camp("Dana", "", day(1), open)}, ErrEmpty, "cs[0].competency"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckCampaigns(tt.cs)
			if tt.want == nil {
				if err != nil {
					t.Errorf("CheckCampaigns() = %v, want nil", err)
				}
				return
			}
			var ie *InputError
			if !errors.Is(err, tt.want) || !errors.As(err, &ie) || ie.Func != "CheckCampaigns" {
				t.Fatalf("CheckCampaigns() = %v, want an *InputError from CheckCampaigns wrapping %v", err, tt.want)
			}
			if tt.arg != "" && ie.Arg != tt.arg {
				t.Errorf("CheckCampaigns() Arg = %q, want %q", ie.Arg, tt.arg)
			}
		})
	}
}

// CheckCampaigns agrees with the definition, checked pair by pair.
func TestCheckCampaignsProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 8).Draw(t, "n")
		cs := make([]Campaign, n)
		for i := range cs {
			c := danaCampaign()
			c.Rep = rapid.SampledFrom([]string{"Ana", "Ben"}).Draw(t, "rep")
			c.Start = day(rapid.IntRange(1, 60).Draw(t, "start"))
			if rapid.Bool().Draw(t, "closed") {
				c.Closed = c.Start.AddDate(0, 0, rapid.IntRange(1, 20).Draw(t, "days"))
			}
			cs[i] = c
		}
		end := func(c Campaign) time.Time {
			if c.Closed.IsZero() {
				return time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
			}
			return c.Closed
		}
		overlap := false
		for i := range cs {
			for j := i + 1; j < len(cs); j++ {
				a, b := cs[i], cs[j]
				if a.Rep == b.Rep && a.Start.Before(end(b)) && b.Start.Before(end(a)) {
					overlap = true
				}
			}
		}
		if err := CheckCampaigns(cs); (err != nil) != overlap || (err != nil && !errors.Is(err, ErrOverlap)) {
			t.Fatalf("CheckCampaigns(%v) = %v, want overlap %v", cs, err, overlap)
		}
	})
}
