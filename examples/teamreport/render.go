package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/salesdev/salesdev/grid"
)

// none is what the text report prints where the data holds no evidence.
const none = "—"

// writeText writes the report as aligned text tables.
func writeText(w io.Writer, r *Report) error {
	p := &printer{w: w}
	p.printf("salesdev team development report, as of %s\n", r.AsOf)
	p.printf("%d deals, %d closed, %d won", r.Deals, r.Closed, r.Won)
	if r.Closed > 0 {
		p.printf(" (%.1f%%)", 100*float64(r.Won)/float64(r.Closed))
	}
	p.printf("; results window %s to %s\n", r.Window.Start.Format("2006-01-02"), r.Window.End.AddDate(0, 0, -1).Format("2006-01-02"))
	if r.Skipped > 0 {
		p.printf("%d malformed rows skipped\n", r.Skipped)
	}

	p.printf("\nTeam benchmarks (target: the 75th percentile, in the good direction; rates read in the light of the team, as graded)\n")
	if len(r.Benchmarks) == 0 {
		p.printf("  none yet: no rep has evidence\n")
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	if len(r.Benchmarks) > 0 {
		p.tab(tw, "  metric\treps\tp50\ttarget\tp90\n")
	}
	for _, b := range r.Benchmarks {
		f := metricFormat(b.Metric.Unit)
		p.tab(tw, "  %s\t%d\t%s\t%s\t%s\n", b.Metric.Name, b.Reps, f(b.P50), f(b.Target), f(b.P90))
	}
	p.flush(tw)

	p.printf("\nHow much one rep's record says (team priors: a rep's rate is read against the team's)\n")
	for _, pr := range r.Priors {
		p.printf("  %s: team rate %.1f%%, worth %.0f of the team's %d trials", pr.Competency, 100*pr.Mean, pr.Strength, pr.Trials)
		if pr.Strength >= float64(pr.Trials) {
			p.printf(": the reps differ no more than chance would make them")
		}
		p.printf("\n")
	}

	p.printf("\nRules discovered in the closed deals\n")
	for _, rule := range r.Rules {
		p.printf("  %s\n", rule.Sentence)
	}

	p.printf("\nT.M.C. ramp (%v, %d-day sales cycle): training %d days, mentoring %d days, full productivity after %d days\n",
		r.Ramp.Complexity, r.Ramp.SalesCycleDays, r.Ramp.TrainingDays, r.Ramp.MentoringDays, r.Ramp.RampDays)

	p.printf("\nReps\n")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	p.tab(tw, "  rep\tmanager\tclosed\twon\twin rate (95%% CI)\tshrunk\tgrade (close)\tquadrant\thelp\tfocus\tmentor\tcoaching h/mo\n")
	for _, rep := range r.Reps {
		if !rep.Evidence {
			p.tab(tw, "  %s\t%s\t%s\t%s\tno evidence\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
				rep.Name, orNone(rep.Manager), none, none, none, "ungraded", quadrantText(rep), none, none, none, hoursText(rep))
			continue
		}
		win, shrunk := none, none
		if v := rep.WinRate; v != nil {
			win = fmt.Sprintf("%.1f%% (%.1f–%.1f%%)", 100*v.Value, 100*v.Lo, 100*v.Hi)
			shrunk = fmt.Sprintf("%.1f%%", 100*v.Shrunk)
		}
		help, focus := none, none
		if rep.Prescription != nil {
			help = rep.Prescription.Help.String()
		}
		if rep.Focus != nil {
			focus = rep.Focus.Competency
		}
		p.tab(tw, "  %s\t%s\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
			rep.Name, orNone(rep.Manager), rep.Closed, rep.Won, win, shrunk, rep.Grade, quadrantText(rep),
			help, focus, orNone(rep.Mentor), hoursText(rep))
	}
	p.flush(tw)

	p.printf("\nPlans (one competency + one behavior, for the coming month)\n")
	for _, rep := range r.Reps {
		if rep.Prescription == nil || rep.Focus == nil {
			p.printf("  %s: no graded evidence yet, so nothing to plan on; measure first.\n", rep.Name)
			continue
		}
		p.printf("  %s: %s. %s.", rep.Name, capitalize(rep.Prescription.Help.String()), capitalize(strings.TrimSuffix(rep.Prescription.Reason, ".")))
		p.printf(" Focus: %s — %s.", rep.Focus.Competency, rep.Focus.Behavior)
		if rep.Mentor != "" {
			p.printf(" Mentor: %s.", rep.Mentor)
		} else if rep.MentorNote != "" {
			p.printf(" Mentor: none (%s).", rep.MentorNote)
		}
		if rep.BelowCadence {
			p.printf(" Below the 3 hours of coaching a month that goes with 107%% of quota.")
		}
		p.printf(" (%s.)\n", capitalize(rep.Basis))
	}
	if len(r.Notes) > 0 {
		p.printf("\nNotes\n")
		for _, n := range r.Notes {
			p.printf("  %s\n", n)
		}
	}
	return p.err
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
	default:
		return func(v float64) string { return fmt.Sprintf("%.0f", v) }
	}
}

func quadrantText(r RepReport) string {
	if r.Quadrant == grid.Unplaced {
		return "not measured"
	}
	return r.Quadrant.String()
}

func hoursText(r RepReport) string {
	if r.CoachingHours == nil {
		return none
	}
	s := fmt.Sprintf("%.1f", *r.CoachingHours)
	if r.BelowCadence {
		s += " (< 3)"
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
