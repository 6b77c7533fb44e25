package main

import (
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/salesdev/salesdev/grid"
)

// The SVG grid's geometry, in pixels.
const (
	svgWidth, svgHeight = 720, 560
	plotLeft, plotTop   = 70, 40
	plotW, plotH        = 600, 440
)

// writeSVG draws the grid as ASLAN describes it: results against quota
// (productivity) up the side, desire to develop along the bottom, the
// lines at the cutoffs, each quadrant named, and each placed rep a
// labelled point. Reps who are not placed are listed under the plot.
func writeSVG(w io.Writer, r *Report) error {
	c := grid.Cutoffs{Desire: grid.DefaultDesireCutoff, Productivity: grid.DefaultProductivityCutoff}
	top := 2.0 // productivity at the top edge; a point beyond sits on it
	for _, rep := range r.Plan.Reps {
		if rep.Measures != nil {
			top = max(top, min(rep.Measures.Productivity*1.1, 3))
		}
	}
	x := func(desire float64) float64 { return plotLeft + desire*plotW }
	y := func(prod float64) float64 { return plotTop + plotH - min(prod, top)/top*plotH }

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n",
		svgWidth, svgHeight, svgWidth, svgHeight)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	fmt.Fprintf(&b, `<text x="%d" y="24" font-size="16" font-weight="bold">Desire × results, as of %s</text>`+"\n", plotLeft, html.EscapeString(r.AsOf))
	// Quadrant backgrounds and names.
	type quad struct {
		q                 grid.Quadrant
		x0, x1, y0, y1    float64
		fill, anchor      string
		labelX, labelYPos float64
	}
	cx, cy := x(c.Desire), y(c.Productivity)
	quads := []quad{
		{grid.Independent, plotLeft, cx, plotTop, cy, "#eef5ff", "start", plotLeft + 8, plotTop + 18},
		{grid.Achiever, cx, plotLeft + plotW, plotTop, cy, "#eefaf0", "end", plotLeft + plotW - 8, plotTop + 18},
		{grid.Detractor, plotLeft, cx, cy, plotTop + plotH, "#fdf0f0", "start", plotLeft + 8, plotTop + plotH - 8},
		{grid.Striver, cx, plotLeft + plotW, cy, plotTop + plotH, "#fff8e6", "end", plotLeft + plotW - 8, plotTop + plotH - 8},
	}
	for _, q := range quads {
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>`+"\n", q.x0, q.y0, q.x1-q.x0, q.y1-q.y0, q.fill)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="%s" font-size="14" font-weight="bold" fill="#555">%s</text>`+"\n",
			q.labelX, q.labelYPos, q.anchor, capitalize(q.q.String())+"s")
	}
	// Frame, cutoff lines and axes.
	fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#333"/>`+"\n", plotLeft, plotTop, plotW, plotH)
	fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#333" stroke-dasharray="6 4"/>`+"\n", cx, plotTop, cx, plotTop+plotH)
	fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#333" stroke-dasharray="6 4"/>`+"\n", plotLeft, cy, plotLeft+plotW, cy)
	for _, d := range []float64{0, 0.25, 0.5, 0.75, 1} {
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle">%.2f</text>`+"\n", x(d), plotTop+plotH+16, d)
	}
	for p := 0.0; p <= top+1e-9; p += 0.5 {
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" text-anchor="end">%.0f%%</text>`+"\n", plotLeft-6, y(p)+4, 100*p)
	}
	fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle">desire to develop and grow →</text>`+"\n", plotLeft+plotW/2, plotTop+plotH+34)
	fmt.Fprintf(&b, `<text transform="translate(18 %d) rotate(-90)" text-anchor="middle">results against quota, trailing 6 months →</text>`+"\n", plotTop+plotH/2)
	// The reps: a point each, and a label placed where it overlaps no
	// label already drawn (right of the point, else left, nudged up or
	// down a line at a time).
	var unplaced []string
	var labels []box
	for _, rep := range r.Plan.Reps {
		if rep.Measures == nil {
			unplaced = append(unplaced, rep.Rep)
			continue
		}
		px, py := x(rep.Measures.Desire), y(rep.Measures.Productivity)
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="5" fill="#1f4e9c"><title>%s: %s, desire %.2f, results %.0f%%</title></circle>`+"\n",
			px, py, html.EscapeString(rep.Rep), rep.Quadrant, rep.Measures.Desire, 100*rep.Measures.Productivity)
		l := placeLabel(labels, px, py, labelWidth(rep.Rep))
		labels = append(labels, l)
		anchor, tx := "start", l.x0
		if l.right {
			anchor, tx = "end", l.x1
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="%s">%s</text>`+"\n", tx, l.y+4, anchor, html.EscapeString(rep.Rep))
	}
	if len(unplaced) > 0 {
		fmt.Fprintf(&b, `<text x="%d" y="%d" fill="#555">Not measured (no desire survey or quota): %s</text>`+"\n",
			plotLeft, svgHeight-8, html.EscapeString(strings.Join(unplaced, ", ")))
	}
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// A box is a label's extent: x0 to x1 across, centred on y, 14 px high.
type box struct {
	x0, x1, y float64
	right     bool // anchored at its right end (the label is left of its point)
}

func (a box) overlaps(b box) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y-7 < b.y+7 && b.y-7 < a.y+7
}

// labelWidth estimates a label's width at the SVG's 12 px font.
func labelWidth(s string) float64 { return 6.8 * float64(len([]rune(s))) }

// placeLabel finds room for a label of width w beside the point (px, py):
// right of it when it fits inside the plot, else left, moved a line up or
// down at a time until it overlaps none of placed.
func placeLabel(placed []box, px, py, w float64) box {
	var first box
	for i, dy := range []float64{0, -14, 14, -28, 28, -42, 42} {
		for _, left := range []bool{false, true} {
			b := box{x0: px + 8, x1: px + 8 + w, y: py + dy}
			if left || b.x1 > plotLeft+plotW {
				b = box{x0: px - 8 - w, x1: px - 8, y: py + dy, right: true}
			}
			if i == 0 && !left {
				first = b
			}
			free := true
			for _, p := range placed {
				if b.overlaps(p) {
					free = false
					break
				}
			}
			if free {
				return b
			}
		}
	}
	return first // crowded everywhere: overlap rather than wander off
}
