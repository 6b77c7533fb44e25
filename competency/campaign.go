package competency

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/salesdev/salesdev/benchmark"
)

// A Campaign records the training of one competency as a process, not an
// event: the rep's (or team's) rate before training began, the benchmark
// trained to, and what happened week by week since. [Campaign.Progress]
// reports, at every checkpoint, the grade reached, the share of the gap to
// the benchmark closed, and whether the change from the baseline is
// significant yet.
//
// A rep trains to one competency at a time ("training to multiple missions
// at once will achieve few results", in "The Difference Between Sales
// Leaders and Sales Managers"): a campaign runs from Start until it is
// Closed, or for as long as it stays open, and [CheckCampaigns] refuses a
// second campaign for the same rep that overlaps it. The focus stays on
// the campaign's competency until it is [Campaign.Reached] or closed.
//
// Prior, when set, is the team's prior on the competency, used to grade as
// [NewScore] does; the zero Prior grades the raw rate. A Campaign is a
// value: [Campaign.Record] returns a new one.
type Campaign struct {
	// Competency is the ID of the competency trained.
	Competency string `json:"competency"`
	// Rep is who is trained: a rep, or a team.
	Rep string `json:"rep"`
	// Baseline is the rate before training; it needs trials.
	Baseline benchmark.Rate `json:"baseline"`
	// Benchmark is the target trained to, in [MinTarget, 1].
	Benchmark benchmark.Benchmark `json:"benchmark"`
	// Prior is the team's prior on the competency, used to grade as
	// [NewScore] does; the zero Prior grades the raw rate.
	Prior benchmark.Prior `json:"prior"`
	// Start is when training began. [CheckCampaigns] needs it; Validate
	// and Progress accept a zero Start, for campaigns recorded before it
	// existed.
	Start time.Time `json:"start"`
	// Closed is when the campaign was closed, reached or abandoned; the
	// zero Time while it is open. A campaign closes after it starts.
	Closed time.Time `json:"closed,omitzero"`
	// Checkpoints are the weeks recorded since the start, in increasing
	// week order.
	Checkpoints []Checkpoint `json:"checkpoints"`
}

// A Checkpoint is one week of a campaign: the conversions counted during
// that week alone (not since the start). Weeks count from 1, the first
// week of training; a week with nothing to record may be left out.
type Checkpoint struct {
	// Week is the week of the campaign, counted from 1, the first week of
	// training.
	Week int `json:"week"`
	// Rate is the conversions counted during that week alone (not since
	// the start).
	Rate benchmark.Rate `json:"rate"`
}

// Validate reports whether c can be measured: a competency ID, a baseline
// with trials, a benchmark as [NewScore] accepts it, a zero or valid prior,
// a Closed time after Start when both are set, and checkpoints with valid
// rates in strictly increasing weeks from 1. The error is an
// [*InputError] wrapping [ErrEmpty], [ErrNoTrials], [ErrInvalidRate],
// [ErrOutOfRange], [ErrNotFinite], [ErrDirection] or [ErrInvalidPrior].
func (c Campaign) Validate() error {
	return c.validate("Campaign.Validate")
}

func (c Campaign) validate(fn string) error {
	if blank(c.Competency) {
		return inputErr(fn, "competency", ErrEmpty)
	}
	if !c.Start.IsZero() && !c.Closed.IsZero() && !c.Closed.After(c.Start) {
		return inputErr(fn, "closed = "+c.Closed.Format(time.RFC3339)+", start = "+c.Start.Format(time.RFC3339),
			fmt.Errorf("%w: a campaign closes after it starts", ErrOutOfRange))
	}
	if err := checkRate(fn, "baseline", c.Baseline); err != nil {
		return err
	}
	if c.Baseline.Trials == 0 {
		return inputErr(fn, "baseline = 0/0", ErrNoTrials)
	}
	if err := checkTarget(fn, "benchmark.target", c.Benchmark.Target); err != nil {
		return err
	}
	if c.Benchmark.Metric.Direction != benchmark.HigherIsBetter {
		return inputErr(fn, "benchmark = "+c.Benchmark.String(), ErrDirection)
	}
	if c.Prior != (benchmark.Prior{}) {
		if err := c.Prior.Validate(); err != nil {
			return inputErr(fn, "prior = "+c.Prior.String(), joinBenchmark(ErrInvalidPrior, err))
		}
	}
	last := 0
	for i, cp := range c.Checkpoints {
		arg := "checkpoints[" + strconv.Itoa(i) + "]"
		if cp.Week <= last {
			return inputErr(fn, fmt.Sprintf("%s.week = %d", arg, cp.Week), fmt.Errorf("%w: weeks start at 1 and must increase", ErrOutOfRange))
		}
		last = cp.Week
		if err := checkRate(fn, arg+".rate", cp.Rate); err != nil {
			return err
		}
	}
	return nil
}

// Record returns a copy of c with a checkpoint for week appended; c is not
// modified. It returns an [*InputError] wrapping [ErrOutOfRange] when week
// does not come after the last checkpoint (or is below 1), and
// [ErrInvalidRate] for an invalid rate.
func (c Campaign) Record(week int, r benchmark.Rate) (Campaign, error) {
	const fn = "Campaign.Record"
	last := 0
	if n := len(c.Checkpoints); n > 0 {
		last = c.Checkpoints[n-1].Week
	}
	if week <= last {
		return c, inputErr(fn, fmt.Sprintf("week = %d", week), fmt.Errorf("%w: must come after week %d", ErrOutOfRange, last))
	}
	if err := checkRate(fn, "rate", r); err != nil {
		return c, err
	}
	c.Checkpoints = append(slices.Clip(c.Checkpoints), Checkpoint{Week: week, Rate: r})
	return c, nil
}

// Progress is a campaign's standing at one checkpoint.
type Progress struct {
	// Week is the checkpoint's week of the campaign, counted from 1, the
	// first week of training.
	Week int `json:"week"`
	// ToDate pools every week of the campaign up to and including Week.
	// One rep's single week is too little evidence to judge; a training
	// effect that builds week on week shows as a rising ToDate rate.
	ToDate benchmark.Rate `json:"to_date"`
	// Score grades ToDate against the benchmark, shrunk with the
	// campaign's prior; it is Ungraded while ToDate has no trials.
	Score Score `json:"score"`
	// Change compares the baseline with ToDate ([Improvement]). While
	// ToDate has no trials nothing has been measured: Delta, Relative and
	// Z are 0 and P is 1.
	Change Change `json:"change"`
	// Closed is the share of the starting gap to the target closed so
	// far, on shrunk rates: (shrunk now − shrunk baseline) ÷ (target −
	// shrunk baseline). 0 is no progress, 1 is at the target; it is below
	// 0 when the rate fell and above 1 past the target. When the shrunk
	// baseline already met the target there was no gap, and Closed is 1;
	// otherwise, while ToDate has no trials, Closed is 0.
	Closed float64 `json:"closed"`
	// Significant reports whether Change is significant at the options'
	// Alpha (0.05 by default, a library default).
	Significant bool `json:"significant"`
}

// Progress reports the campaign's standing at each checkpoint, in week
// order; the last one is where the rep stands now. A campaign with no
// checkpoints has no progress to report and returns an empty slice.
// Progress returns [Campaign.Validate]'s error for an invalid campaign and
// an [*InputError] for invalid options.
func (c Campaign) Progress(o *Options) ([]Progress, error) {
	opt, err := o.resolve("Campaign.Progress")
	if err != nil {
		return nil, err
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	base := c.Prior.Shrink(c.Baseline)
	out := make([]Progress, 0, len(c.Checkpoints))
	var toDate benchmark.Rate
	for _, cp := range c.Checkpoints {
		toDate, err = benchmark.Sum(toDate, cp.Rate)
		if err != nil {
			return nil, inputErr("Campaign.Progress", fmt.Sprintf("checkpoints to week %d", cp.Week), joinBenchmark(ErrInvalidRate, err))
		}
		p := Progress{Week: cp.Week, ToDate: toDate}
		p.Score, err = newScore("Campaign.Progress", c.Competency, toDate, c.Benchmark, c.Prior, opt)
		if err != nil {
			return nil, err // unreachable: Validate checked every input
		}
		if toDate.Trials > 0 {
			p.Change, err = Improvement(c.Baseline, toDate)
			if err != nil {
				return nil, err // unreachable: both sides are valid and have trials
			}
		} else {
			p.Change = Change{Before: c.Baseline, After: toDate, P: 1}
		}
		p.Significant = p.Change.P < opt.Alpha
		switch t := c.Benchmark.Target; {
		case base >= t:
			p.Closed = 1
		case toDate.Trials > 0:
			p.Closed = (p.Score.Shrunk - base) / (t - base)
		}
		out = append(out, p)
	}
	return out, nil
}

// Open reports whether the campaign is running at time at: it started at
// or before at (a zero Start counts as started) and was not closed by at
// (an open campaign runs on).
func (c Campaign) Open(at time.Time) bool {
	return !c.Start.After(at) && (c.Closed.IsZero() || at.Before(c.Closed))
}

// Reached reports whether the campaign has reached its benchmark: whether
// the shrunk to-date rate of its latest checkpoint ([Progress]) is at or
// above the benchmark's target, on evidence (the to-date rate has
// trials). It is false with no checkpoints. Reached returns
// [Campaign.Progress]'s errors.
func (c Campaign) Reached(o *Options) (bool, error) {
	ps, err := c.Progress(o)
	if err != nil || len(ps) == 0 {
		return false, err
	}
	s := ps[len(ps)-1].Score
	return s.Grade != Ungraded && s.Shrunk >= s.Target, nil
}

// CheckCampaigns reports whether cs keeps each rep to one mission at a
// time: every campaign valid ([Campaign.Validate]) with a rep and a Start,
// and no two campaigns for the same rep whose spans [Start, Closed)
// overlap, where an open campaign runs on forever. A campaign may start
// the moment the one before it closes.
//
// The error is an [*InputError]: for two overlapping campaigns it wraps
// [ErrOverlap] and names both (Arg is the later one, the message the
// earlier); it wraps [ErrEmpty] for a campaign with no rep or a zero
// Start, and otherwise Validate's sentinel. Arg names the campaign by its
// index in cs. CheckCampaigns does not modify cs.
func CheckCampaigns(cs []Campaign) error {
	const fn = "CheckCampaigns"
	for i, c := range cs {
		arg := "cs[" + strconv.Itoa(i) + "]"
		if err := c.validate(fn); err != nil {
			return under(arg+".", err)
		}
		if blank(c.Rep) {
			return inputErr(fn, arg+".rep", ErrEmpty)
		}
		if c.Start.IsZero() {
			return inputErr(fn, arg+".start", fmt.Errorf("%w: a campaign to check needs its start", ErrEmpty))
		}
	}
	// Sweep each rep's campaigns in order of start: while none overlap
	// they are disjoint, so a campaign that starts before the previous
	// one closes is the first overlap.
	order := make([]int, len(cs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		return cmp.Or(cmp.Compare(cs[i].Rep, cs[j].Rep), cs[i].Start.Compare(cs[j].Start))
	})
	for k := 1; k < len(order); k++ {
		i, j := order[k-1], order[k]
		prev, c := cs[i], cs[j]
		if prev.Rep == c.Rep && (prev.Closed.IsZero() || c.Start.Before(prev.Closed)) {
			return inputErr(fn, "cs["+strconv.Itoa(j)+"] "+describeCampaign(c),
				fmt.Errorf("%w: it overlaps cs[%d] %s: a rep trains to one competency at a time", ErrOverlap, i, describeCampaign(prev)))
		}
	}
	return nil
}

// describeCampaign names a campaign for an error: "(Dana, close, from
// 2026-01-05T00:00:00Z, open)".
func describeCampaign(c Campaign) string {
	end := "open"
	if !c.Closed.IsZero() {
		end = "closed " + c.Closed.Format(time.RFC3339)
	}
	return fmt.Sprintf("(%s, %s, from %s, %s)", strconv.Quote(c.Rep), c.Competency, c.Start.Format(time.RFC3339), end)
}
