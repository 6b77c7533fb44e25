package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
	"time"
	"unicode"

	"github.com/salesdev/salesdev"
	"github.com/salesdev/salesdev/competency"
	"github.com/salesdev/salesdev/grid"
	"github.com/salesdev/salesdev/tmc"
)

// writeHTML writes the report as one self-contained web page: the team's
// totals and first priority for training, the grid, the standards with a
// chart per competency, a card per rep, the managers' mix and the notes.
// The style sheet and the pictures are inline and there is no script, so
// the page fetches nothing: it opens offline and from an e-mail. Every
// figure and decision is the plan's; the page only lays them out, and
// html/template escapes every text from the data.
func writeHTML(w io.Writer, r *Report) error {
	var b bytes.Buffer
	if err := pageTemplate.ExecuteTemplate(&b, "page", newPage(r)); err != nil {
		return err
	}
	_, err := io.WriteString(w, noControls(b.String()))
	return err
}

// noControls replaces the control characters other than tab, newline and
// carriage return with U+FFFD. The templates hold none, so these came from
// the data: HTML shows them as garbage and XML cannot hold them at all.
func noControls(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f || r >= 0x80 && r < 0xa0 {
			return unicode.ReplacementChar
		}
		return r
	}, s)
}

// page is what the page template shows: the report, with the figures
// worded and the pictures laid out.
type page struct {
	AsOf, WindowFrom, WindowTo, MonthFrom, MonthTo string
	Totals                                         []total
	// First is the first priority for training, Then the others, in the
	// plan's order; First is nil when nothing is measured.
	First *priority
	Then  []priority
	// RepFirst is each rep's first priority (the plan's focus) with the
	// evidence behind it.
	RepFirst   []repFirst
	Grid       gridLayout
	Strategies []strategy
	Standards  []standard
	// Funnel says how far the deals got: stages, evidence, activities.
	Funnel      []string
	Unmeasured  []unmeasured
	Benchmarks  []benchmarkRow
	Rules       []string
	Ramp        string
	Charts      []rateChart
	Cards       []card
	Managers    []manager
	MentorNotes []string
	NotPlaced   []string
	Skipped     int
	Missing     []salesdev.Missing
	Notes       []string
	Cadence     float64
}

// A total is one figure of the header.
type total struct{ Label, Value, Note string }

// A priority is one competency of the plan's training priority.
type priority struct {
	Name                  string
	Current, Target, Gain string
	CurrentPct, TargetPct float64 // for the bar, in percent
	Below, Level, Above   int     // reps clearly below, not yet distinguishable, clearly at or above
	BelowNames            []string
	Ungraded              int
	// Small reports a gain under 2%: training this one is worth little.
	Small bool
	// Evidence says what the team's rate rests on.
	Evidence string
}

// A repFirst is one rep's first priority for training.
type repFirst struct{ ID, Name, Competency, Grade, Evidence string }

// A strategy is a quadrant's advice, for the legend under the grid.
type strategy struct {
	Class, Name, Advice string
	Sources             string
	Reps                int
}

// A standard is a row of the standards table.
type standard struct {
	Name, Team, Target, Source string
	Below, Level, Above        int
}

type unmeasured struct{ Name, Reason string }

type benchmarkRow struct {
	Name                  string
	Reps                  int
	P50, Target, P90, Dir string
}

// A card is one rep's plan.
type card struct {
	ID, Name, Manager string
	Counts            string // deals, closed, won
	Help, HelpClass   string
	HelpReason, Basis string
	Stated            bool
	Quadrant, QClass  string
	Strategy          string
	Placement         string // the measures, or why the rep is not placed
	// The grade on the focus competency.
	Grade, GradeClass, Verdict, VerdictClass, Evidence string
	Scores                                             []scoreRow
	Focus                                              *focusView
	Progress                                           string
	Mentor, MentorNote                                 string
	Hours                                              *hoursView
	Coached                                            []string
}

// A scoreRow is one competency of a rep's scorecard.
type scoreRow struct {
	Name, Grade, GradeClass, Evidence, Verdict string
	Focus                                      bool
}

type focusView struct{ Competency, Behavior, Window, Reason, Evidence string }

// hoursView is a rep's coaching share against the cadence, with the
// bar's widths in percent of its scale.
type hoursView struct {
	Text               string
	Below              bool
	BarPct, CadencePct float64
}

// A manager is one manager's row.
type manager struct {
	Name       string
	Reps       int
	Mix        []mixPart // empty without 1:1s
	MixText    string
	Note       string
	Allocation string
	Short      bool
}

// A mixPart is one kind of help in a manager's 1:1 hours.
type mixPart struct {
	Class, Text string
	Pct         float64
}

// newPage words and lays out r for the page.
func newPage(r *Report) page {
	plan := &r.Plan
	p := page{
		AsOf:       r.AsOf.Format(time.DateOnly),
		WindowFrom: r.Window.Start.Format(time.DateOnly),
		WindowTo:   lastDay(r.Window),
		MonthFrom:  plan.Month.Start.Format(time.DateOnly),
		MonthTo:    lastDay(plan.Month),
		Grid:       layoutGrid(plan, r.AsOf.Format(time.DateOnly)),
		Skipped:    r.Skipped,
		Missing:    plan.Missing,
		Notes:      r.Notes,
		Cadence:    competency.CoachingCadence,
	}

	// The header's totals.
	var evidence, placed int
	for _, rp := range plan.Reps {
		if rp.Evidence {
			evidence++
		}
		if rp.Measures != nil {
			placed++
		}
	}
	win := ""
	if r.Closed > 0 {
		win = fmt.Sprintf("%.1f%% of closed", 100*float64(r.Won)/float64(r.Closed))
	}
	p.Totals = []total{
		{"reps", fmt.Sprint(len(plan.Reps)), fmt.Sprintf("%d with evidence", evidence)},
		{"deals", fmt.Sprint(r.Deals), ""},
		{"closed", fmt.Sprint(r.Closed), ""},
		{"won", fmt.Sprint(r.Won), win},
		{"on the grid", fmt.Sprintf("%d of %d", placed, len(plan.Reps)), ""},
	}
	for _, h := range []tmc.Help{tmc.Coaching, tmc.Mentoring, tmc.Training, tmc.Management} {
		if n := len(plan.Needing(h)); n > 0 {
			p.Totals = append(p.Totals, total{"need " + h.String(), fmt.Sprint(n), ""})
		}
	}

	// Standards, with how many reps the evidence separates from each.
	counts := map[string][3]int{}
	for _, s := range plan.Standards.Measured {
		c := verdictCounts(plan.Reps, s.Competency)
		counts[s.Competency] = c
		p.Standards = append(p.Standards, standard{
			Name: competencyName(s.Competency), Source: s.Source,
			Team:   fmt.Sprintf("%s (%d of %d)", pct(s.Team.Value()), s.Team.Hits, s.Team.Trials),
			Target: pct(s.Target), Below: c[0], Level: c[1], Above: c[2],
		})
		p.Charts = append(p.Charts, layoutRateChart(s, plan.Reps))
	}
	for _, u := range plan.Standards.Unmeasured {
		p.Unmeasured = append(p.Unmeasured, unmeasured{competencyName(u.Competency), r.Funnel.reason(u.Competency, u.Reason)})
	}
	p.Funnel = append([]string{"The " + strings.TrimPrefix(r.Funnel.Source, "the ") + "."}, r.Funnel.lines()...)

	// Each rep's first priority, with its evidence.
	for i, rp := range plan.Reps {
		if rp.Focus == nil {
			continue
		}
		rf := repFirst{ID: fmt.Sprintf("rep-%d", i+1), Name: rp.Rep, Competency: competencyName(rp.Focus.Competency), Evidence: r.focusEvidence(rp)}
		if fs := rp.FocusScore; fs != nil && fs.Grade != competency.Ungraded {
			rf.Grade = fmt.Sprintf("%s, %s against %s", gradeText(rp), pct(fs.Shrunk), pct(fs.Target))
		}
		p.RepFirst = append(p.RepFirst, rf)
	}

	// The first priority for training, and the others.
	for i, g := range plan.Priority {
		pr := priority{Name: competencyName(g.Competency), Current: pct(g.Current), Target: pct(g.Target),
			Gain: fmt.Sprintf("×%.2f", g.Multiplier), Small: g.Multiplier < 1.02, CurrentPct: 100 * clamp01(g.Current), TargetPct: 100 * clamp01(g.Target)}
		c := counts[g.Competency]
		pr.Below, pr.Level, pr.Above = c[0], c[1], c[2]
		for _, rp := range plan.Reps {
			sc, ok := rp.Scorecard.Score(g.Competency)
			switch {
			case !ok || sc.Grade == competency.Ungraded:
				pr.Ungraded++
			case sc.Below():
				pr.BelowNames = append(pr.BelowNames, rp.Rep)
			}
		}
		if i == 0 {
			if sr, ok := r.Funnel.rate(g.Competency); ok {
				pr.Evidence = capitalize(rateEvidence(sr, &r.Funnel)) + "."
			}
			p.First = &pr
			continue
		}
		p.Then = append(p.Then, pr)
	}

	for q := range grid.Quadrants() {
		s := q.Strategy()
		p.Strategies = append(p.Strategies, strategy{Class: q.String(), Name: capitalize(q.String()) + "s",
			Advice: s.Advice, Sources: strings.Join(s.Sources, "; "), Reps: countQuadrant(plan, q)})
	}
	for _, b := range plan.Benchmarks {
		f := metricFormat(b.Metric.Unit)
		p.Benchmarks = append(p.Benchmarks, benchmarkRow{Name: b.Metric.Name, Reps: b.Reps,
			P50: f(b.P50), Target: f(b.Target), P90: f(b.P90), Dir: b.Metric.Direction.String()})
	}
	for _, f := range plan.Rules {
		p.Rules = append(p.Rules, f.Sentence)
	}
	rp := plan.Ramp
	p.Ramp = fmt.Sprintf("%v sale, %d-day sales cycle: training for %d days, mentoring for %d days, then coaching; full productivity expected after %d days",
		rp.Complexity, rp.SalesCycleDays, rp.TrainingDays, rp.MentoringDays, rp.RampDays)

	for i := range plan.Reps {
		var rr *RepReport
		if i < len(r.Reps) {
			rr = &r.Reps[i]
		}
		p.Cards = append(p.Cards, newCard(i, plan.Reps[i], rr, plan))
	}
	for _, m := range plan.Managers {
		p.Managers = append(p.Managers, newManager(m))
	}
	for _, g := range plan.Mentors {
		if g.MentorOverreach || g.Note != "" {
			p.MentorNotes = append(p.MentorNotes, fmt.Sprintf("%s: %s", orNone(g.By), g.Note))
		}
	}
	for _, rp := range plan.Reps {
		if rp.Measures == nil {
			p.NotPlaced = append(p.NotPlaced, fmt.Sprintf("%s: %s", rp.Rep, orNone(rp.NotPlaced)))
		}
	}
	return p
}

// Verdicts of a graded score: what the evidence says against the standard.
const (
	verdictBelow = iota // the evidence separates the rep below the standard
	verdictLevel        // not yet distinguishable from it
	verdictAbove        // separated at or above it
)

var verdictText = [...]string{"clearly below the standard", "not yet distinguishable from the standard", "clearly at or above the standard"}
var verdictClass = [...]string{"below", "level", "above"}

// verdictOf reads a graded score as the plan's decisions read it.
func verdictOf(s competency.Score) int {
	switch {
	case !s.Separated:
		return verdictLevel
	case s.Below():
		return verdictBelow
	default:
		return verdictAbove
	}
}

// verdictCounts counts the reps graded on competency id by verdict.
func verdictCounts(reps []salesdev.RepPlan, id string) [len(verdictText)]int {
	var n [len(verdictText)]int
	for _, rp := range reps {
		if sc, ok := rp.Scorecard.Score(id); ok && sc.Grade != competency.Ungraded {
			n[verdictOf(sc)]++
		}
	}
	return n
}

// newCard words one rep's plan; rr is what the report counted for the
// rep, nil if it has no row.
func newCard(i int, rp salesdev.RepPlan, rr *RepReport, plan *salesdev.Plan) card {
	c := card{
		ID: fmt.Sprintf("rep-%d", i+1), Name: rp.Rep, Manager: rp.Manager,
		Help: rp.Help.Help.String(), HelpClass: "help-" + rp.Help.Help.String(),
		HelpReason: capitalize(strings.TrimSuffix(rp.Help.Reason, ".")) + ".",
		Basis:      capitalize(strings.TrimSuffix(rp.Signals.Basis, ".")) + ".",
		Stated:     rp.Signals.Stated,
		Quadrant:   "not on the grid", QClass: "none",
		Mentor: rp.Mentor, MentorNote: rp.MentorNote,
	}
	if rp.Help.Help == tmc.NoHelp {
		c.Help = "measure first"
	}
	if rr != nil {
		c.Counts = fmt.Sprintf("%d deals, %d closed, %d won", rr.Deals, rr.Closed, rr.Won)
	}
	if rp.Measures != nil {
		c.Quadrant, c.QClass = rp.Quadrant.String(), rp.Quadrant.String()
		c.Placement = fmt.Sprintf("desire %.2f, results %.0f%% of quota", rp.Measures.Desire, 100*rp.Measures.Productivity)
		if rp.Strategy != nil {
			c.Strategy = lead(rp.Strategy.Advice)
		}
	} else {
		c.Placement = orNone(rp.NotPlaced)
	}

	c.Grade, c.GradeClass = "ungraded", "ungraded"
	if s := rp.FocusScore; s != nil && s.Grade != competency.Ungraded {
		v := verdictOf(*s)
		c.Grade, c.GradeClass = s.Grade.String(), "grade-"+s.Grade.String()
		c.Verdict, c.VerdictClass = verdictText[v], verdictClass[v]
		c.Evidence = evidenceText(*s)
	}
	for _, s := range rp.Scorecard.Scores {
		row := scoreRow{Name: competencyName(s.Competency), Grade: "—", GradeClass: "ungraded", Evidence: "no evidence yet",
			Focus: rp.Focus != nil && rp.Focus.Competency == s.Competency}
		if s.Grade != competency.Ungraded {
			row.Grade, row.GradeClass = s.Grade.String(), "grade-"+s.Grade.String()
			row.Evidence = fmt.Sprintf("%d of %d: %.0f%% (%.0f–%.0f%%) vs %.0f%%", s.Rate.Hits, s.Rate.Trials,
				100*s.Shrunk, 100*s.ShrunkLo, 100*s.ShrunkHi, 100*s.Target)
			row.Verdict = verdictText[verdictOf(s)]
		}
		c.Scores = append(c.Scores, row)
	}
	if len(c.Scores) == 1 && c.Scores[0].Focus && c.Evidence != "" {
		c.Scores = nil // the focus above says it all
	}
	if f := rp.Focus; f != nil {
		c.Focus = &focusView{Competency: competencyName(f.Competency), Behavior: f.Behavior,
			Window: windowText(f.Window), Reason: f.Reason, Evidence: repFocusEvidence(rr, rp)}
	}
	if pr := rp.Progress; pr != nil {
		c.Progress = fmt.Sprintf("Since the campaign began: %+.1f points (p = %.2f), %.0f%% of the gap to the standard closed",
			100*pr.Change.Delta, pr.Change.P, 100*pr.Closed)
	}
	if h := rp.CoachingHours; h != nil {
		scale := max(*h, 2*competency.CoachingCadence)
		c.Hours = &hoursView{
			Text:       fmt.Sprintf("%.1f h a month", *h),
			Below:      rp.BelowCadence,
			BarPct:     100 * *h / scale,
			CadencePct: 100 * competency.CoachingCadence / scale,
		}
	}
	for _, m := range rp.Coached {
		c.Coached = append(c.Coached, fmt.Sprintf("%s %d: %.1f h coaching in %d sessions, %.1f h other 1:1s",
			m.Month.String()[:3], m.Year, m.CoachingHours, m.CoachingSessions, m.OtherHours))
	}
	return c
}

// evidenceText is a graded score's evidence, on the grading scale: the
// counts, the rate read in the light of the team with its interval, and
// the standard it is judged against.
func evidenceText(s competency.Score) string {
	return fmt.Sprintf("%d of %d, read as %s (%s–%s) against the standard %s",
		s.Rate.Hits, s.Rate.Trials, pct(s.Shrunk), pct(s.ShrunkLo), pct(s.ShrunkHi), pct(s.Target))
}

// newManager words one manager's mix and coaching hours.
func newManager(m salesdev.ManagerPlan) manager {
	out := manager{Name: m.Manager, Reps: m.Reps, MixText: "no 1:1s recorded"}
	if g := m.Given; g != nil {
		h := g.Hours
		total := h.Coaching + h.Mentoring + h.Training + h.Management
		out.MixText = fmt.Sprintf("%d 1:1s, %.1f h: %.1f h coaching, %.1f h mentoring, %.1f h training, %.1f h management",
			g.Sessions, total, h.Coaching, h.Mentoring, h.Training, h.Management)
		if total > 0 {
			for _, part := range []struct {
				class string
				hours float64
			}{{"coaching", h.Coaching}, {"mentoring", h.Mentoring}, {"training", h.Training}, {"management", h.Management}} {
				if part.hours > 0 {
					out.Mix = append(out.Mix, mixPart{Class: "help-" + part.class,
						Text: fmt.Sprintf("%s %.1f h", part.class, part.hours), Pct: 100 * part.hours / total})
				}
			}
		}
		out.Note = g.Note
	}
	if a := m.Allocation; a != nil {
		out.Allocation = fmt.Sprintf("%.0f coaching hours a month shared across %d placed reps", a.Hours, len(a.Shares))
		if a.Short > 0 {
			out.Short = true
			out.Allocation += fmt.Sprintf("; %d below %.0f h: %.0f hours a month would lift them all", a.Short, a.MinHours, math.Ceil(a.Needed))
		}
	} else {
		out.Allocation = "no coaching hours shared out (no placed reps or no hours given)"
	}
	return out
}

func countQuadrant(plan *salesdev.Plan, q grid.Quadrant) int {
	n := 0
	for _, rp := range plan.Reps {
		if rp.Quadrant == q {
			n++
		}
	}
	return n
}

// lastDay is the last day in w, which ends before its End.
func lastDay(w grid.Window) string {
	if w.End.IsZero() {
		return ""
	}
	return w.End.AddDate(0, 0, -1).Format(time.DateOnly)
}

// pct formats a rate in [0, 1] as a percentage with one decimal.
func pct(v float64) string { return fmt.Sprintf("%.1f%%", 100*v) }

func clamp01(v float64) float64 { return min(max(v, 0), 1) }

// lead returns a strategy's lead: its advice up to the first colon
// ("Coach first"), or the whole advice if it has none.
func lead(advice string) string {
	if i := strings.IndexAny(advice, ":."); i > 0 {
		return advice[:i]
	}
	return advice
}

// windowText names a window: "January 2026" for a calendar month, else
// its first and last days.
func windowText(w grid.Window) string {
	if w.Start.Day() == 1 && w.End.Equal(w.Start.AddDate(0, 1, 0)) {
		return w.Start.Format("January 2006")
	}
	return w.Start.Format(time.DateOnly) + " to " + lastDay(w)
}
