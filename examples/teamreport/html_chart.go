package main

import (
	"fmt"
	"math"

	"github.com/salesdev/salesdev"
	"github.com/salesdev/salesdev/competency"
)

// A rateChart is one competency's small chart: each graded rep's rate on
// the scale grades are judged on (Score.Shrunk, with the interval
// ShrunkLo–ShrunkHi) against the team's target, which is on that same
// scale. The raw rate and its Wilson interval are not drawn: against a
// shrunk target they would mislead (DESIGN §12).
type rateChart struct {
	ID, Name      string
	Width, Height float64
	Plot          rect
	Ticks         []gridTick
	TargetX       float64
	TargetText    string
	Rows          []rateRow
	// Ungraded are the reps with no evidence on the competency.
	Ungraded []string
	Below    int
	Level    int
	Above    int
}

// A rateRow is one rep's line of a rateChart.
type rateRow struct {
	Name, Title      string
	Y                float64
	X, Lo, Hi        float64
	Class            string // below, level or above
	NameX, NameWidth float64
}

// The rate chart's geometry, in pixels.
const (
	chartWidth  = 440.0
	chartNameW  = 150.0 // the names' column
	chartTop    = 34.0
	chartRowH   = 15.0
	chartGroupH = 8.0 // between the groups of rows
	chartRight  = 14.0
)

// layoutRateChart lays out the chart of standard s: a row per rep graded
// on it, grouped as the evidence reads them against the target (clearly
// below, not yet distinguishable, clearly at or above) and in the plan's
// order within each group, since reps who are not distinguishable are not
// to be ranked against each other. The scale spans the intervals and the
// target, in steps of 5%.
func layoutRateChart(s competency.Standard, reps []salesdev.RepPlan) rateChart {
	c := rateChart{ID: "chart-" + s.Competency, Name: competencyName(s.Competency), Width: chartWidth,
		TargetText: "standard " + pct(s.Target)}
	lo, hi := s.Target, s.Target
	var groups [3][]competency.Score
	var names [3][]string
	for _, rp := range reps {
		sc, ok := rp.Scorecard.Score(s.Competency)
		if !ok || sc.Grade == competency.Ungraded {
			c.Ungraded = append(c.Ungraded, rp.Rep)
			continue
		}
		v := verdictOf(sc)
		groups[v] = append(groups[v], sc)
		names[v] = append(names[v], rp.Rep)
		lo, hi = min(lo, sc.ShrunkLo), max(hi, sc.ShrunkHi)
	}
	c.Below, c.Level, c.Above = len(groups[verdictBelow]), len(groups[verdictLevel]), len(groups[verdictAbove])
	lo = math.Max(0, math.Floor(lo*20-1e-9)/20)
	hi = math.Min(1, math.Ceil(hi*20+1e-9)/20)
	if hi-lo < 0.15 {
		lo, hi = max(0, lo-0.05), min(1, hi+0.05)
	}

	n := c.Below + c.Level + c.Above
	var gaps int
	for _, g := range groups {
		if len(g) > 0 {
			gaps++
		}
	}
	c.Height = chartTop + float64(n)*chartRowH + float64(max(gaps-1, 0))*chartGroupH + 10
	c.Plot = rect{chartNameW, chartTop - 6, chartWidth - chartRight, c.Height - 4}
	x := func(v float64) float64 { return c.Plot.X0 + (clamp01(v)-lo)/(hi-lo)*c.Plot.W() }
	step := 0.05
	switch {
	case hi-lo > 0.6:
		step = 0.2
	case hi-lo > 0.3:
		step = 0.1
	}
	for v := lo; v <= hi+1e-9; v += step {
		c.Ticks = append(c.Ticks, gridTick{x(v), chartTop - 12, fmt.Sprintf("%.0f%%", 100*v)})
	}
	c.TargetX = x(s.Target)

	y := chartTop + chartRowH/2
	first := true
	for v, g := range groups {
		if len(g) == 0 {
			continue
		}
		if !first {
			y += chartGroupH
		}
		first = false
		for i, sc := range g {
			name := visible(names[v][i], 24)
			c.Rows = append(c.Rows, rateRow{
				Name: name, NameX: chartNameW - 8, NameWidth: textWidth(name, 11),
				Y: y, X: x(sc.Shrunk), Lo: x(sc.ShrunkLo), Hi: x(sc.ShrunkHi), Class: verdictClass[v],
				Title: visible(names[v][i], 200) + ": " + evidenceText(sc) + ": " + verdictText[v],
			})
			y += chartRowH
		}
	}
	return c
}
