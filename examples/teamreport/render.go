package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/salesdev/salesdev"
	"github.com/salesdev/salesdev/competency"
	"github.com/salesdev/salesdev/grid"
	"github.com/salesdev/salesdev/tmc"
)

// none is what the text report prints where the data holds no evidence.
const none = "—"

// writeText writes the report as text: the first priority for training
// first, then the standards, the reps, and who needs what.
func writeText(w io.Writer, r *Report) error {
	p := &printer{w: w}
	plan := &r.Plan
	p.printf("salesdev team development report, as of %s\n", r.AsOf.Format(time.DateOnly))
	p.printf("%d deals, %d closed, %d won", r.Deals, r.Closed, r.Won)
	if r.Closed > 0 {
		p.printf(" (%.1f%%)", 100*float64(r.Won)/float64(r.Closed))
	}
	p.printf("; results window %s to %s\n", r.Window.Start.Format("2006-01-02"), r.Window.End.AddDate(0, 0, -1).Format("2006-01-02"))
	if r.Skipped > 0 {
		p.printf("%d rows: %d read, %d malformed rows skipped\n", r.Rows, r.Read, r.Skipped)
	}

	p.printf("\nFirst priority for training\n")
	if len(plan.Priority) == 0 {
		p.printf("  none yet: no competency is measured\n")
	}
	for i, g := range plan.Priority {
		if i == 0 {
			p.printf("  %s: the team converts %.1f%% against a standard of %.1f%%; reaching it multiplies revenue by ×%.2f\n",
				competencyName(g.Competency), 100*g.Current, 100*g.Target, g.Multiplier)
			continue
		}
		p.printf("  then %s: %.1f%% against %.1f%%, ×%.2f\n", competencyName(g.Competency), 100*g.Current, 100*g.Target, g.Multiplier)
	}
	if len(plan.Priority) > 0 {
		if sr, ok := r.Funnel.rate(plan.Priority[0].Competency); ok {
			p.printf("  Evidence: %s\n", rateEvidence(sr, &r.Funnel))
		}
		writeRepPriorities(p, w, r)
	}

	writeFunnel(p, &r.Funnel)

	p.printf("\nTeam standards (rates read in the light of the team, the scale grades are judged on)\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	if len(plan.Standards.Measured) > 0 {
		p.tab(tw, "  competency\tteam rate\tstandard\tset from\n")
	}
	for _, s := range plan.Standards.Measured {
		p.tab(tw, "  %s\t%.1f%% (%d of %d)\t%.1f%%\t%s\n", competencyName(s.Competency), 100*s.Team.Value(), s.Team.Hits, s.Team.Trials, 100*s.Target, s.Source)
	}
	p.flush(tw)
	for _, s := range plan.Standards.Measured {
		n := verdictCounts(plan.Reps, s.Competency)
		p.printf("  %s: %d reps clearly below the standard, %d clearly at or above it, %d not yet distinguishable from it\n",
			competencyName(s.Competency), n[verdictBelow], n[verdictAbove], n[verdictLevel])
	}
	for _, u := range plan.Standards.Unmeasured {
		p.printf("  %s: not measured (%s)\n", competencyName(u.Competency), r.Funnel.reason(u.Competency, u.Reason))
	}
	if len(plan.Benchmarks) > 0 {
		p.printf("\nOther benchmarks (target: the 75th percentile, in the good direction)\n")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		p.tab(tw, "  metric\treps\tp50\ttarget\tp90\n")
		for _, b := range plan.Benchmarks {
			f := metricFormat(b.Metric.Unit)
			p.tab(tw, "  %s\t%d\t%s\t%s\t%s\n", b.Metric.Name, b.Reps, f(b.P50), f(b.Target), f(b.P90))
		}
		p.flush(tw)
	}

	p.printf("\nRules discovered in the closed deals\n")
	for _, rule := range plan.Rules {
		p.printf("  %s\n", rule.Sentence)
	}

	p.printf("\nT.M.C. ramp (%v, %d-day sales cycle): training %d days, mentoring %d days, full productivity after %d days\n",
		plan.Ramp.Complexity, plan.Ramp.SalesCycleDays, plan.Ramp.TrainingDays, plan.Ramp.MentoringDays, plan.Ramp.RampDays)

	p.printf("\nReps (grade on the focus competency; ~ means the evidence cannot yet tell the rep from the standard)\n")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	p.tab(tw, "  rep\tmanager\tclosed\twon\twin rate (95%% CI)\tfocus\tgrade\tquadrant\thelp\tmentor\tcoaching h/mo\n")
	for i, rep := range r.Reps {
		rp := plan.Reps[i]
		win := none
		if v := rep.WinRate; v != nil {
			win = fmt.Sprintf("%.1f%% (%.1f–%.1f%%)", 100*v.Value, 100*v.Lo, 100*v.Hi)
		}
		focus := none
		if rp.Focus != nil {
			focus = rp.Focus.Competency
		}
		p.tab(tw, "  %s\t%s\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
			rep.Name, orNone(rep.Manager), rep.Closed, rep.Won, win, focus, gradeText(rp), quadrantText(rp),
			rp.Help.Help, orNone(rp.Mentor), hoursText(rp))
	}
	p.flush(tw)
	writeRepRates(p, w, r)

	p.printf("\nThe grid: desire × results (every quadrant is coached)\n")
	for q := range grid.Quadrants() {
		var names []string
		for _, rp := range plan.Reps {
			if rp.Quadrant == q {
				names = append(names, rp.Rep)
			}
		}
		if len(names) == 0 {
			continue
		}
		p.printf("  %ss (%d): %s\n    %s\n", capitalize(q.String()), len(names), strings.Join(names, ", "), q.Strategy().Advice)
	}
	var unplaced []string
	for _, rp := range plan.Reps {
		if rp.Quadrant == grid.Unplaced {
			unplaced = append(unplaced, rp.Rep+" ("+rp.NotPlaced+")")
		}
	}
	if len(unplaced) > 0 {
		p.printf("  Not placed: %s\n", strings.Join(unplaced, "; "))
	}

	p.printf("\nWho needs what (one competency + one behavior, for the coming month)\n")
	for _, h := range []tmc.Help{tmc.Coaching, tmc.Mentoring, tmc.Training, tmc.Management, tmc.NoHelp} {
		reps := plan.Needing(h)
		if len(reps) == 0 {
			continue
		}
		title := capitalize(h.String())
		if h == tmc.NoHelp {
			title = "Measure first"
		}
		p.printf("  %s (%d)\n", title, len(reps))
		for _, rp := range reps {
			p.printf("    %s: %s\n", rp.Rep, sentence(rp, r.focusEvidence(rp)))
		}
	}

	p.printf("\nManagers: managing or developing?\n")
	if len(plan.Managers) == 0 {
		p.printf("  no manager in the roster\n")
	}
	for _, m := range plan.Managers {
		p.printf("  %s: %d reps", m.Manager, m.Reps)
		if g := m.Given; g != nil {
			p.printf("; 1:1s: %.1f h coaching, %.1f h mentoring, %.1f h training, %.1f h management",
				g.Hours.Coaching, g.Hours.Mentoring, g.Hours.Training, g.Hours.Management)
			if g.Note != "" {
				p.printf(" (%s)", g.Note)
			}
		} else {
			p.printf("; no 1:1s recorded")
		}
		if a := m.Allocation; a != nil {
			p.printf("; %.0f coaching hours a month shared across %d placed reps", a.Hours, len(a.Shares))
			if a.Short > 0 {
				p.printf(", %d below %.0f h: %.0f hours a month would lift them all", a.Short, a.MinHours, math.Ceil(a.Needed))
			}
		}
		p.printf("\n")
	}
	for _, g := range plan.Mentors {
		if g.MentorOverreach {
			p.printf("  mentor %s: %s\n", g.By, g.Note)
		}
	}

	if len(plan.Missing) > 0 {
		p.printf("\nWhat more data would unlock\n")
		for _, m := range plan.Missing {
			p.printf("  %s: %s\n", m.Input, m.Unlocks)
		}
	}
	if len(r.Deactivated) > 0 {
		p.printf("\nDeactivated owners (reported apart, without a plan)\n")
		for _, d := range r.Deactivated {
			p.printf("  %s: %d deals, %d closed, %d won\n", d.Name, d.Deals, d.Closed, d.Won)
		}
	}
	if len(r.Currencies) > 0 {
		p.printf("\nWon amounts per currency (never added together)\n")
		for _, c := range r.Currencies {
			used := ""
			if c.Used {
				used = " (the plan reads these)"
			}
			p.printf("  %s: %d won, %d lost; won %.2f, average %.2f%s\n", orBlank(c.Currency), c.Won, c.Lost, c.WonAmount, c.AverageWon, used)
		}
	}
	if len(r.Notes) > 0 {
		p.printf("\nNotes\n")
		for _, n := range r.Notes {
			p.printf("  %s\n", n)
		}
	}
	return p.err
}

// sentence is a rep's plan in one line: the help and why, the focus, the
// mentor and the coaching hours.
func sentence(rp salesdev.RepPlan, ev string) string {
	s := capitalize(strings.TrimSuffix(rp.Help.Reason, ".")) + "."
	if rp.Focus != nil {
		s += fmt.Sprintf(" Focus: %s — %s", competencyName(rp.Focus.Competency), rp.Focus.Behavior)
		if fs := rp.FocusScore; fs != nil && fs.Grade != competency.Ungraded {
			s += fmt.Sprintf(", graded %v (%d of %d, read as %.1f%% against %.1f%%", fs.Grade, fs.Rate.Hits, fs.Rate.Trials, 100*fs.Shrunk, 100*fs.Target)
			if !fs.Separated {
				s += "; not yet distinguishable from the standard"
			}
			s += ")"
		}
		s += "."
		if rp.Focus.Reason != "" {
			s += " Why: " + strings.TrimSuffix(rp.Focus.Reason, ".") + "."
		}
		if ev != "" {
			s += " Rests on " + ev + "."
		}
	} else if rp.Help.Help != tmc.NoHelp {
		s += " No graded evidence yet, so no focus."
	}
	if rp.Progress != nil {
		s += fmt.Sprintf(" Since the campaign began: %+.1f points (p = %.2f).", 100*rp.Progress.Change.Delta, rp.Progress.Change.P)
	}
	if rp.Mentor != "" {
		s += " Mentor: " + rp.Mentor + "."
	} else if rp.MentorNote != "" {
		s += " Mentor: none (" + rp.MentorNote + ")."
	}
	if rp.BelowCadence {
		s += fmt.Sprintf(" Coaching share below the %.0f hours a month the Sales Executive Council tied to 107%% of quota.", competency.CoachingCadence)
	}
	s += " (" + capitalize(strings.TrimSuffix(rp.Signals.Basis, ".")) + ".)"
	return s
}

// competencyName returns the ready model's name for a competency ID, or
// the ID.
func competencyName(id string) string {
	if c, ok := competency.Default().Lookup(id); ok {
		return c.Name
	}
	return id
}

// gradeText is the grade on the focus competency, with ~ when the
// evidence cannot tell the rep from the standard.
func gradeText(rp salesdev.RepPlan) string {
	s := rp.FocusScore
	if s == nil || s.Grade == competency.Ungraded {
		return "ungraded"
	}
	if !s.Separated {
		return s.Grade.String() + "~"
	}
	return s.Grade.String()
}

// writeJSON writes the report as indented JSON.
func writeJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// printer writes formatted text and keeps the first error.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func (p *printer) tab(tw *tabwriter.Writer, format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(tw, format, args...)
	}
}

func (p *printer) flush(tw *tabwriter.Writer) {
	if p.err == nil {
		p.err = tw.Flush()
	}
}

// metricFormat returns how to print a metric's values: rates as
// percentages, days and amounts as whole numbers.
func metricFormat(unit string) func(float64) string {
	switch unit {
	case "%":
		return func(v float64) string { return fmt.Sprintf("%.1f%%", 100*v) }
	case "days":
		return func(v float64) string { return fmt.Sprintf("%.0f days", v) }
	case "per week":
		return func(v float64) string { return fmt.Sprintf("%.1f a week", v) }
	default:
		return func(v float64) string { return fmt.Sprintf("%.0f", v) }
	}
}

func quadrantText(r salesdev.RepPlan) string {
	if r.Quadrant == grid.Unplaced {
		return "not placed"
	}
	return r.Quadrant.String()
}

func hoursText(r salesdev.RepPlan) string {
	if r.CoachingHours == nil {
		return none
	}
	s := fmt.Sprintf("%.1f", *r.CoachingHours)
	if r.BelowCadence {
		s += fmt.Sprintf(" (< %.0f)", competency.CoachingCadence)
	}
	return s
}

func orNone(s string) string {
	if s == "" {
		return none
	}
	return s
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// rate returns the team's rate of a competency, and whether the pipeline
// measures it.
func (f *FunnelReport) rate(id string) (StepRate, bool) {
	for _, sr := range f.Competencies {
		if sr.Competency == id {
			return sr, true
		}
	}
	return StepRate{}, false
}

// reason returns why the pipeline does not measure a competency, or
// fallback, the library's reason, when the report has none of its own.
func (f *FunnelReport) reason(id, fallback string) string {
	for _, u := range f.Unmeasured {
		if u.Competency == id {
			return u.Reason
		}
	}
	return fallback
}

// stepsText is a rate's steps, with the reason when From is not the
// competency's own.
func stepsText(sr StepRate) string {
	s := sr.From + " → " + sr.To
	if c, ok := competency.Default().Lookup(sr.Competency); ok && c.From != sr.From {
		s += fmt.Sprintf(" (from the %s: the pipeline has no %s stage)", sr.From, c.From)
	}
	return s
}

// rateEvidence says what a rate rests on: its counts, steps, evidence
// and the undecided deals left out.
func rateEvidence(sr StepRate, f *FunnelReport) string {
	s := fmt.Sprintf("%s of %s %s, %s; rests on %s", thousands(sr.Rate.Hits), thousands(sr.Rate.Trials), sr.unit(), stepsText(sr), sr.Evidence)
	if sr.Undecided > 0 {
		s += fmt.Sprintf("; %s past the %s and short of the %s undecided, left out", count(int(sr.Undecided), "open deal", "open deals"), sr.From, sr.To)
	}
	return s
}

// unit names what a rate's trials are: decided deals, or the items
// (deals or contacts) that linked activities reached.
func (sr StepRate) unit() string {
	if sr.Source == fromActivities {
		return "linked items"
	}
	return "decided deals"
}

// repRate returns a rep's rate on a competency, and whether there is one.
func (rr *RepReport) repRate(id string) (StepRate, bool) {
	for _, sr := range rr.Rates {
		if sr.Competency == id {
			return sr, true
		}
	}
	return StepRate{}, false
}

// focusEvidence says what a rep's focus competency rests on; "" without
// a focus. The report's rows are found by name through an index made
// once, so that a report on many reps stays linear.
func (r *Report) focusEvidence(rp salesdev.RepPlan) string {
	if r.rows == nil {
		r.rows = make(map[string]int, len(r.Reps))
		for i := range r.Reps {
			r.rows[r.Reps[i].Name] = i
		}
	}
	if i, ok := r.rows[rp.Rep]; ok {
		return repFocusEvidence(&r.Reps[i], rp)
	}
	return ""
}

// repFocusEvidence says what the rate of rp's focus competency rests on,
// from the rep's counts rr; "" without a focus or a rate.
func repFocusEvidence(rr *RepReport, rp salesdev.RepPlan) string {
	if rp.Focus == nil || rr == nil {
		return ""
	}
	if sr, ok := rr.repRate(rp.Focus.Competency); ok {
		return fmt.Sprintf("%s of %s %s, %s, %s", thousands(sr.Rate.Hits), thousands(sr.Rate.Trials), sr.unit(), sr.From+" → "+sr.To, sr.Evidence)
	}
	return ""
}

// maxFirstScreen is how many reps' first priorities the first section
// lists; the others are under "Who needs what".
const maxFirstScreen = 12

// writeRepPriorities lists each rep's first priority for training (the
// focus the plan gives them) with the evidence behind it.
func writeRepPriorities(p *printer, w io.Writer, r *Report) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	p.printf("  Each rep's first priority (the focus for the coming month) and what it rests on:\n")
	n := 0
	for _, rp := range r.Plan.Reps {
		if rp.Focus == nil {
			continue
		}
		if n == maxFirstScreen {
			break
		}
		n++
		grade := ""
		if fs := rp.FocusScore; fs != nil && fs.Grade != competency.Ungraded {
			grade = fmt.Sprintf("graded %s, %.1f%% against %.1f%%", gradeText(rp), 100*fs.Shrunk, 100*fs.Target)
		}
		p.tab(tw, "    %s\t%s\t%s\t%s\n", rp.Rep, competencyName(rp.Focus.Competency), grade, r.focusEvidence(rp))
	}
	p.flush(tw)
	var focused int
	for _, rp := range r.Plan.Reps {
		if rp.Focus != nil {
			focused++
		}
	}
	if focused > maxFirstScreen {
		p.printf("    … and %d more reps under \"Who needs what\"\n", focused-maxFirstScreen)
	}
	if focused < len(r.Plan.Reps) {
		p.printf("    %s without graded evidence yet, so without a focus\n", count(len(r.Plan.Reps)-focused, "rep", "reps"))
	}
}

// writeFunnel says how far the deals got: the pipeline's stages, each
// competency's team rate with the evidence it rests on, the ones the
// pipeline cannot measure and why, and the activities as counts.
func writeFunnel(p *printer, f *FunnelReport) {
	p.printf("\nHow far the deals got (%s)\n", f.Source)
	for _, l := range f.lines() {
		p.printf("  %s\n", l)
	}
}

// lines are the funnel's figures in words, one a line.
func (f *FunnelReport) lines() []string {
	var out []string
	stages := func(pipeline string) string {
		var parts []string
		for _, s := range f.Stages {
			switch {
			case s.Pipeline != pipeline:
			case s.Step != "":
				parts = append(parts, fmt.Sprintf("%s (%s)", s.Label, s.Step))
			default:
				parts = append(parts, s.Label)
			}
		}
		return strings.Join(parts, " > ")
	}
	if len(f.Pipelines) > 1 {
		for _, p := range f.Pipelines {
			l := fmt.Sprintf("pipeline %q (%s): %s; deals: %s", p.Name, p.Source, orNone(stages(p.Name)), p.Deals)
			if p.Unstaged > 0 {
				l += fmt.Sprintf(", %s at stages that mark no step", count(int(p.Unstaged), "open deal", "open deals"))
			}
			for _, sr := range p.Competencies {
				if sr.Rate.Trials > 0 {
					l += fmt.Sprintf("; %s %.1f%% (%s of %s, %s → %s)", competencyName(sr.Competency), 100*sr.Rate.Value(), thousands(sr.Rate.Hits), thousands(sr.Rate.Trials), sr.From, sr.To)
				}
			}
			out = append(out, l)
		}
	} else if len(f.Stages) > 0 {
		out = append(out, "stages: "+stages(f.Stages[0].Pipeline))
	}
	l := "deals: " + f.Deals.String()
	if f.Unstaged > 0 {
		l += fmt.Sprintf("; %s at stages that mark no step, in no rate (the notes name the stages)", count(int(f.Unstaged), "open deal", "open deals"))
	}
	out = append(out, l)
	for _, c := range competency.Default().Competencies {
		if sr, ok := f.rate(c.ID); ok {
			out = append(out, fmt.Sprintf("%s: %.1f%%, %s", c.Name, 100*sr.Rate.Value(), rateEvidence(sr, f)))
			continue
		}
		out = append(out, fmt.Sprintf("%s: not measured: %s", c.Name, f.reason(c.ID, "the data does not measure it")))
	}
	if len(f.Activities) > 0 {
		var parts []string
		for _, a := range f.Activities {
			parts = append(parts, fmt.Sprintf("%s %s", thousands(a.Count), a.Kind))
		}
		if l := f.Linked; l.Activities > 0 {
			var items []string
			if l.Deals > 0 {
				items = append(items, count(int(l.Deals), "deal", "deals"))
			}
			if l.Contacts > 0 {
				items = append(items, count(int(l.Contacts), "contact", "contacts"))
			}
			out = append(out, fmt.Sprintf("activities: %s by %d reps, counted per rep and week (Other benchmarks); %s of them are linked to %s, whose furthest activity (conversation → meeting → proposal) gives a conversion with the same items at both ends; the others are only counted",
				strings.Join(parts, ", "), f.Activities[0].Reps, thousands(l.Activities), strings.Join(items, " and ")))
		} else {
			out = append(out, fmt.Sprintf("activities: %s by %d reps; the export does not link a meeting to the conversation it came from, so they are counted per rep and week (Other benchmarks), never divided into a rate",
				strings.Join(parts, ", "), f.Activities[0].Reps))
		}
	}
	return out
}

// writeRepRates prints each rep's stage-to-stage rates, and what they
// rest on where that differs from the team.
func writeRepRates(p *printer, w io.Writer, r *Report) {
	if len(r.Funnel.Competencies) == 0 {
		return
	}
	p.printf("\nStage-to-stage rates per rep (deals reaching the next step out of those decided, open deals short of it left out; or items reaching the next step by their linked activities)\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	p.tab(tw, "  rep")
	for _, c := range r.Funnel.Competencies {
		p.tab(tw, "\t%s (%s → %s)", competencyName(c.Competency), c.From, c.To)
	}
	p.tab(tw, "\tevidence\n")
	for _, rr := range r.Reps {
		p.tab(tw, "  %s", rr.Name)
		var differs []string
		for i, c := range r.Funnel.Competencies {
			sr, _ := rr.repRate(c.Competency)
			if sr.Rate.Trials == 0 {
				p.tab(tw, "\t%s", none)
			} else {
				p.tab(tw, "\t%d of %d (%.1f%%)", sr.Rate.Hits, sr.Rate.Trials, 100*sr.Rate.Value())
			}
			if sr.Rate.Trials > 0 && sr.Evidence.kinds() != r.Funnel.Competencies[i].Evidence.kinds() {
				differs = append(differs, competencyName(c.Competency)+": "+sr.Evidence.String())
			}
		}
		ev := "as the team"
		var trials int64
		for _, sr := range rr.Rates {
			trials += sr.Rate.Trials
		}
		if trials == 0 {
			ev = "no decided deals"
		}
		if len(differs) > 0 {
			ev = strings.Join(differs, "; ")
		}
		p.tab(tw, "\t%s\n", ev)
	}
	p.flush(tw)
}

// count is n with the singular or plural noun.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(int64(n)) + " " + many
}
