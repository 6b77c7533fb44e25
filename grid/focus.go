package grid

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/competency"
)

// A Focus is the 1+1+1 of "Know the Difference Between Coaching &
// Managing" for one rep: "1 Competency + 1 behavior at 1 time".
// Competency is a competency's ID in a [competency.Model]; Behavior is the
// name of one of its routines, the thing the rep practises and the manager
// observes during Window. Reason says in words why this competency and
// this behavior; [Plan.Next] fills it in, and a focus built by hand may
// leave it empty.
type Focus struct {
	// Rep is the ID of the rep the focus is for.
	Rep string `json:"rep"`
	// Competency is the ID of the competency, in a [competency.Model],
	// the rep works on.
	Competency string `json:"competency"`
	// Behavior is the name of one of the competency's routines: what the
	// rep practises and the manager observes.
	Behavior string `json:"behavior"`
	// Window is the time the focus holds, from its start up to but not
	// including its end.
	Window Window `json:"window"`
	// Reason says in words why this competency and this behavior; it may
	// be empty for a focus built by hand.
	Reason string `json:"reason"`
}

// Validate reports whether f names a rep, a competency and a behavior and
// has a valid window. The error is an *InputError wrapping ErrEmpty or
// ErrInvalidWindow.
func (f Focus) Validate() error { return f.validate("Focus.Validate", "focus") }

func (f Focus) validate(fn, name string) error {
	switch {
	case strings.TrimSpace(f.Rep) == "":
		return inputErr(fn, name+".rep", ErrEmpty)
	case strings.TrimSpace(f.Competency) == "":
		return inputErr(fn, name+".competency", ErrEmpty)
	case strings.TrimSpace(f.Behavior) == "":
		return inputErr(fn, name+".behavior", ErrEmpty)
	}
	return f.Window.validate(fn, name+".window")
}

// String formats f as `ana: new-opportunities/"Ask for the meeting"
// [2025-01-01, 2025-02-01)`.
func (f Focus) String() string { return f.Rep + ": " + f.describe() }

func (f Focus) describe() string {
	return f.Competency + "/" + strconv.Quote(f.Behavior) + " " + f.Window.String()
}

// A Plan is a team's focuses over time, in any order. A valid plan gives
// each rep at most one focus at any one time: one competency and one
// behavior, not a list. In "Know the Difference Between Coaching &
// Managing", reps left alone were not delivering; a plan is how a manager
// makes sure no rep is.
//
// A Plan is a value: [Plan.Add] returns a new plan and leaves the old one
// as it was. It marshals as a JSON array of its focuses, with no version of
// its own: a plugin stores it inside its own document, which carries one.
type Plan []Focus

// Validate reports whether every focus in p is valid (see
// [Focus.Validate]) and no rep has two focuses whose windows overlap. An
// invalid focus is reported as an *InputError naming its index; an overlap
// as an *OverlapError naming both focuses, Earlier being the one that comes
// first in p. When there are several overlaps, the one reported is the
// first by rep, then by start.
func (p Plan) Validate() error {
	for i, f := range p {
		if err := f.validate("Plan.Validate", "plan["+strconv.Itoa(i)+"]"); err != nil {
			return err
		}
	}
	// Sort the focuses by rep and start, then sweep each rep's focuses
	// keeping the one that reaches furthest: a focus overlaps an earlier
	// one exactly when it starts before that reach. O(n log n) rather than
	// comparing every pair, so a year of weekly focuses for a large sales
	// force validates quickly.
	order := make([]int, len(p))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(strings.Compare(p[a].Rep, p[b].Rep), p[a].Window.Start.Compare(p[b].Window.Start), cmp.Compare(a, b))
	})
	reach := -1 // the rep's focus so far that ends last
	for _, next := range order {
		switch {
		case reach < 0 || p[next].Rep != p[reach].Rep:
			reach = next
		case p[next].Window.Start.Before(p[reach].Window.End):
			i, j := min(reach, next), max(reach, next)
			return &OverlapError{Earlier: p[i], Later: p[j]}
		case p[next].Window.End.After(p[reach].Window.End):
			reach = next
		}
	}
	return nil
}

// Add returns a new plan holding p's focuses and then f, or an error when
// f is invalid (an *InputError, see [Focus.Validate]) or overlaps one of
// the rep's focuses already in p (an *OverlapError with that focus as
// Earlier and f as Later). Add checks f against p; it does not re-check p
// itself (see [Plan.Validate]). p is not modified: Add copies it, so
// building a plan of n focuses one Add at a time costs O(n²); to load many
// at once, build the slice and call Validate.
func (p Plan) Add(f Focus) (Plan, error) {
	if err := f.validate("Plan.Add", "focus"); err != nil {
		return nil, err
	}
	if i := p.overlapping(f.Rep, f.Window); i >= 0 {
		return nil, &OverlapError{Earlier: p[i], Later: f}
	}
	return append(slices.Clip(p), f), nil
}

// overlapping returns the index of the first focus in p for rep whose
// window overlaps w, or -1.
func (p Plan) overlapping(rep string, w Window) int {
	return slices.IndexFunc(p, func(f Focus) bool { return f.Rep == rep && f.Window.Overlaps(w) })
}

// Current returns the rep's focus at time t, and whether there is one.
// In a valid plan there is at most one; otherwise Current returns the
// first in p.
func (p Plan) Current(rep string, t time.Time) (Focus, bool) {
	for _, f := range p {
		if f.Rep == rep && f.Window.Contains(t) {
			return f, true
		}
	}
	return Focus{}, false
}

// FocusOptions are what [Plan.Next] knows about a rep beyond the
// scorecard. A nil *FocusOptions, or a zero field, means none of it.
type FocusOptions struct {
	// Campaign is the rep's current training campaign, if any. While it
	// is open at the window's start ([competency.Campaign.Open]) and its
	// benchmark is not reached ([competency.Campaign.Reached]), the focus
	// stays on its competency: one mission at a time.
	Campaign *competency.Campaign
	// Scenarios are the rep's counts per scenario of the focus
	// competency, by scenario name. With them the behavior is the first
	// routine of the weakest measured scenario
	// ([competency.Competency.Weakest]); without them, or when none of the
	// competency's scenarios is measured, Next rotates over the
	// competency's routines.
	Scenarios map[string]benchmark.Rate
	// Options tune the campaign's measure of progress; nil means
	// competency's defaults.
	Options *competency.Options
}

// Next draws the rep's next focus, for window w, from the rep's scorecard
// s (the rep is s.Rep), the team's model m and what o knows. The
// competency is, in this order:
//
//   - the competency of the rep's campaign (o.Campaign), while it is open
//     at w.Start and has not reached its benchmark: one mission at a time
//     ("training to multiple missions at once will achieve few results",
//     "The Difference Between Sales Leaders and Sales Managers"), so a
//     campaign is not dropped because another ratio now ranks higher;
//   - otherwise the first of [competency.Prioritize]: the one whose ratio,
//     raised to its benchmark, would add the most revenue. When every
//     measured competency is at or above its benchmark, Prioritize's
//     order puts them next, in funnel order, and the first of them is the
//     focus: keep it there. When no competency is measured, the first by
//     the team's prior is. The Reason says which case it was.
//
// The behavior is, when o.Scenarios has counts for the competency's
// scenarios, the first routine of the weakest measured one
// ([competency.Competency.Weakest], against each scenario's own target or
// else the competency's benchmark: the scorecard's, or the campaign's
// when the campaign chose the competency). That is a library rule, not an
// article's. Otherwise it is one of the competency's routines
// ([competency.Competency.Routines]), the one the rep has had as a focus
// on this competency least often in p, ties going to the first in the
// model's order: a rep starting on a competency starts with its first
// routine and, one window at a time, works through the others before
// coming back to the first.
//
// The focus's Reason says in words why this competency and this behavior,
// such as "first training priority: raising close to its benchmark
// multiplies revenue by ×1.40; weakest scenario: All the King's Men (3/20
// against 30%)".
//
// Next does not add the focus to p; use [Plan.Add]. It returns an
// *InputError wrapping ErrInvalidWindow for an invalid w; ErrEmpty for a
// scorecard with no rep or a competency with no routines; ErrOtherRep
// for a campaign whose Rep is not s.Rep; ErrUnknownCompetency when the
// focus would be a competency m does not have; and an *InputError wrapping
// package competency's error (which errors.Is finds) for an invalid
// scorecard, campaign, options or scenario counts. It returns an
// *OverlapError when the rep already has a focus in p overlapping w.
// Neither p, m, s nor o is modified.
func (p Plan) Next(m competency.Model, s competency.Scorecard, w Window, o *FocusOptions) (Focus, error) {
	const fn = "Plan.Next"
	if err := w.validate(fn, "window"); err != nil {
		return Focus{}, err
	}
	if strings.TrimSpace(s.Rep) == "" {
		return Focus{}, inputErr(fn, "scorecard.rep", ErrEmpty)
	}
	var opt FocusOptions
	if o != nil {
		opt = *o
	}
	// The reason is written into one buffer, "; " between why this
	// competency and why this behavior: Next runs for every rep of a
	// team's plan. 192 bytes hold a typical reason.
	var why strings.Builder
	why.Grow(192)
	id, target, err := nextCompetency(fn, s, w, opt, &why)
	if err != nil {
		return Focus{}, err
	}
	c, ok := m.Lookup(id)
	if !ok {
		return Focus{}, inputErr(fn, "competency "+strconv.Quote(id), ErrUnknownCompetency)
	}
	why.WriteString("; ")
	behavior, err := p.nextBehavior(fn, s.Rep, c, target, opt.Scenarios, &why)
	if err != nil {
		return Focus{}, err
	}
	f := Focus{Rep: s.Rep, Competency: id, Behavior: behavior, Window: w, Reason: why.String()}
	if i := p.overlapping(f.Rep, w); i >= 0 {
		return Focus{}, &OverlapError{Earlier: p[i], Later: f}
	}
	return f, nil
}

// nextCompetency returns the ID of the competency to focus on and its
// benchmark, and writes why to why.
func nextCompetency(fn string, s competency.Scorecard, w Window, o FocusOptions, why *strings.Builder) (id string, target float64, err error) {
	if c := o.Campaign; c != nil {
		if c.Rep != s.Rep {
			return "", 0, inputErr(fn, "options.campaign.rep = "+strconv.Quote(c.Rep)+", scorecard.rep = "+strconv.Quote(s.Rep), ErrOtherRep)
		}
		reached, err := c.Reached(o.Options)
		if err != nil {
			return "", 0, inputErr(fn, "options.campaign", err)
		}
		write(why, "campaign on ", c.Competency)
		switch {
		case reached:
			write(why, " reached its benchmark; ")
		case !c.Open(w.Start) && c.Start.After(w.Start):
			write(why, " starts ", c.Start.Format(time.DateOnly), ", after the window; ")
		case !c.Open(w.Start):
			write(why, " closed ", c.Closed.Format(time.DateOnly), "; ")
		case c.Start.IsZero():
			write(why, " open, benchmark not reached yet")
			return c.Competency, c.Benchmark.Target, nil
		default:
			write(why, " open since ", c.Start.Format(time.DateOnly), ", benchmark not reached yet")
			return c.Competency, c.Benchmark.Target, nil
		}
	}
	gains, err := competency.Prioritize(s)
	if err != nil {
		return "", 0, inputErr(fn, "scorecard", err)
	}
	if len(gains) == 0 { // Prioritize refuses an empty scorecard; be sure
		return "", 0, inputErr(fn, "scorecard.scores", ErrEmpty)
	}
	g := gains[0]
	sc, _ := s.Score(g.Competency)
	switch {
	case sc.Rate.Trials == 0:
		write(why, "no competency measured yet: ", g.Competency, " is the first training priority by the team's prior")
		if g.Multiplier > 1 {
			write(why, " (×")
			writeMultiplier(why, g.Multiplier)
			write(why, ")")
		}
	case g.Multiplier > 1:
		write(why, "first training priority: raising ", g.Competency, " to its benchmark multiplies revenue by ×")
		writeMultiplier(why, g.Multiplier)
	default:
		write(why, "every measured competency is at or above its benchmark: ", g.Competency, " is the first of them in funnel order, keep it there")
	}
	return g.Competency, g.Target, nil
}

// write writes parts to b one after the other: a reason is written whole
// into one buffer, with no string built for each piece on the way.
func write(b *strings.Builder, parts ...string) {
	for _, s := range parts {
		b.WriteString(s)
	}
}

// writeMultiplier writes a multiplier with two decimals, as in "1.40".
func writeMultiplier(b *strings.Builder, v float64) {
	var buf [24]byte
	b.Write(strconv.AppendFloat(buf[:0], v, 'f', 2, 64))
}

// nextBehavior returns the behavior to focus on in competency c, and
// writes why to why: the first routine of the weakest measured scenario,
// or else the routine the rep has had as a focus on c least often in p.
func (p Plan) nextBehavior(fn, rep string, c competency.Competency, target float64, scenarios map[string]benchmark.Rate, why *strings.Builder) (behavior string, err error) {
	if len(scenarios) > 0 {
		sc, ok, err := c.Weakest(scenarios, target)
		if err != nil {
			return "", inputErr(fn, "options.scenarios", err)
		}
		if ok {
			behavior = firstRoutine(sc)
			if behavior == "" { // a scenario Model.Validate would refuse
				return "", inputErr(fn, "competency "+strconv.Quote(c.ID)+" scenario "+strconv.Quote(sc.Name)+" routines", ErrEmpty)
			}
			r, t := scenarios[sc.Name], target
			if sc.Target != 0 {
				t = sc.Target // the scenario's own benchmark, which Weakest read it against
			}
			write(why, "weakest scenario: ", sc.Name, " (", strconv.FormatInt(r.Hits, 10), "/",
				strconv.FormatInt(r.Trials, 10), " against ", percent(t), ")")
			return behavior, nil
		}
	}
	// How often each of the competency's routines has been this rep's
	// focus on it; nil when never, as for most reps of a team's first
	// plan.
	var done map[string]int
	for _, f := range p {
		if f.Rep == rep && f.Competency == c.ID {
			if done == nil {
				done = make(map[string]int)
			}
			done[f.Behavior]++
		}
	}
	fewest, at, n := 0, 0, 0 // n counts the named routines, at is the chosen one's place
	for r := range c.Routines() {
		if strings.TrimSpace(r.Name) == "" {
			continue // a blank routine cannot be a focus; Model.Validate refuses it
		}
		n++
		if k := done[r.Name]; at == 0 || k < fewest {
			behavior, fewest, at = r.Name, k, n
		}
	}
	if n == 0 {
		return "", inputErr(fn, "competency "+strconv.Quote(c.ID)+" routines", ErrEmpty)
	}
	focuses := "focuses"
	if fewest == 1 {
		focuses = "focus"
	}
	write(why, "routines of ", c.ID, " in turn: ", strconv.Itoa(at), " of ", strconv.Itoa(n),
		", practised least (in ", strconv.Itoa(fewest), " earlier ", focuses, ")")
	return behavior, nil
}

// firstRoutine returns the name of the first routine of sc with a name,
// or "" when it has none.
func firstRoutine(sc competency.Scenario) string {
	for _, r := range sc.Routines {
		if strings.TrimSpace(r.Name) != "" {
			return r.Name
		}
	}
	return ""
}

// percent formats a share as a percentage with at most one decimal:
// 0.3 as "30%", 0.125 as "12.5%".
func percent(v float64) string {
	return strconv.FormatFloat(math.Round(1000*v)/10, 'f', -1, 64) + "%"
}
