package main

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/salesdev/salesdev"
	"github.com/salesdev/salesdev/grid"
)

// This file lays out the desire × results grid once, for both pictures of
// it: the -svg file and the grid on the -html page. A layout is geometry
// and text only; svg.go draws it.

// A rect is an axis-aligned box in SVG coordinates (y grows downwards):
// from X0 to X1 across and from Y0 to Y1 down.
type rect struct{ X0, Y0, X1, Y1 float64 }

// W and H are the box's width and height.
func (r rect) W() float64 { return r.X1 - r.X0 }
func (r rect) H() float64 { return r.Y1 - r.Y0 }

// overlaps reports whether a and b share interior: boxes that only touch
// do not overlap.
func (a rect) overlaps(b rect) bool {
	return a.X0 < b.X1 && b.X0 < a.X1 && a.Y0 < b.Y1 && b.Y0 < a.Y1
}

// contains reports whether b lies inside a, edges included.
func (a rect) contains(b rect) bool {
	return a.X0 <= b.X0 && b.X1 <= a.X1 && a.Y0 <= b.Y0 && b.Y1 <= a.Y1
}

// inset returns r shrunk by d on every side.
func (r rect) inset(d float64) rect { return rect{r.X0 + d, r.Y0 + d, r.X1 - d, r.Y1 - d} }

// nearest returns the point of r nearest to (x, y).
func (r rect) nearest(x, y float64) (float64, float64) {
	return min(max(x, r.X0), r.X1), min(max(y, r.Y0), r.Y1)
}

// dist returns the distance from (x, y) to r: 0 inside it.
func (r rect) dist(x, y float64) float64 {
	nx, ny := r.nearest(x, y)
	return math.Hypot(nx-x, ny-y)
}

// The labels' font. Widths are estimated from the metrics of Arial and
// Liberation Sans, which the SVG asks for first; labelSlack covers a
// fallback font a little wider than them.
const (
	labelFont   = 12.0
	labelHeight = 15.0 // a line of 12 px text with its descenders
	labelSlack  = 1.08
	maxLabel    = 28 // runes of a name shown as a label; the point's tooltip has it whole
)

// glyphWidths are the advance widths of ASCII 32–126 in Arial, in 1/1000 em.
var glyphWidths = [95]uint16{
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0 to 9
	278, 278, 584, 584, 584, 556, 1015, // : to @
	667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, // A to M
	722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // N to Z
	278, 278, 278, 469, 556, 333, // [ to `
	556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, // a to m
	556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // n to z
	334, 260, 334, 584, // { to ~
}

// textWidth estimates the width of s in pixels at font size size.
func textWidth(s string, size float64) float64 {
	var em float64
	for _, r := range s {
		switch {
		case r >= 32 && r < 127:
			em += float64(glyphWidths[r-32])
		case unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana) || r >= 0xFF00 && r <= 0xFFEF:
			em += 1000
		default:
			em += 620 // accented Latin, Greek, Cyrillic and the like
		}
	}
	return em / 1000 * size * labelSlack
}

// visible returns s fit for a picture: control characters (which XML
// cannot hold, even escaped) become U+FFFD, runs of white space one
// space, and a string longer than limit runes ends in an ellipsis.
func visible(s string, limit int) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(s) {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if !unicode.IsPrint(r) && !unicode.Is(unicode.Mn, r) {
			r = unicode.ReplacementChar
		}
		b.WriteRune(r)
	}
	out := b.String()
	if runes := []rune(out); len(runes) > limit {
		out = string(runes[:limit-1]) + "…"
	}
	return out
}

// wrap breaks s into lines no wider than width at font size size,
// between words; a word wider than a line gets a line of its own.
func wrap(s string, width, size float64) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && textWidth(line+" "+w, size) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// A label is the text beside one point, where placeLabels put it.
type label struct {
	Box rect // the text's extent
	// Leader reports whether the label had to move away from its point,
	// so a line joins them: from (LX1, LY1) on the point's edge to
	// (LX2, LY2) on the label's box.
	Leader             bool
	LX1, LY1, LX2, LY2 float64
	TextX, TextY       float64 // where the text starts, on its baseline
	overflowed         bool    // no free place was found: for tests
}

// A point is a dot to label: its centre, radius and its label's size.
type point struct {
	X, Y, R float64
	W, H    float64 // the label's width and height
}

// labelGap is the room between a dot's edge and its label; minLeader is
// the shortest leader line that pairs a label with a dot that is not the
// nearest one to it.
const (
	labelGap  = 3
	minLeader = 12
)

// placeLabels places one label per point inside bounds, so that no two
// labels overlap, no label covers a dot or one of the fixed boxes, and
// each label is as near its point as it can be.
//
// A label first tries the eight places beside its point (right, left,
// above, below, then the corners), taking one only if no other point is as
// near to it, so that it reads as this point's label; when all are taken
// it goes to the free place nearest its point, scanning bounds in steps of
// a few pixels, and a leader line joins the two (long enough to see when
// another point is nearer the label). Points with more neighbours choose first,
// since they have fewer free places nearby. The placement is greedy and
// deterministic: the same points give the same labels.
//
// A label that finds no free place at all (only when bounds cannot hold
// every label) is put beside its point regardless; its overflowed field
// says so.
func placeLabels(bounds rect, pts []point, fixed []rect) []label {
	out := make([]label, len(pts))
	var taken []rect // labels placed so far, dots and fixed boxes
	for _, p := range pts {
		taken = append(taken, rect{p.X - p.R, p.Y - p.R, p.X + p.R, p.Y + p.R})
	}
	taken = append(taken, fixed...)
	var labels []rect // for leader lines: placed labels only
	occ := newOccupancy(bounds, 4)
	for _, t := range taken {
		occ.take(t)
	}

	// Crowded points first.
	order := make([]int, len(pts))
	crowd := make([]int, len(pts))
	for i, p := range pts {
		order[i] = i
		for j, q := range pts {
			if i != j && math.Abs(p.X-q.X) < p.W+q.W && math.Abs(p.Y-q.Y) < 3*labelHeight {
				crowd[i]++
			}
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(crowd[b], crowd[a]) })

	free := func(b rect) bool {
		if !bounds.contains(b) {
			return false
		}
		for _, t := range taken {
			if b.overlaps(t) {
				return false
			}
		}
		return true
	}
	// ownNearest reports whether b is nearer point i than any other point
	// by a clear margin, so a reader pairs the label with its own dot.
	ownNearest := func(b rect, i int) bool {
		own := b.dist(pts[i].X, pts[i].Y)
		for j, q := range pts {
			if j != i && b.dist(q.X, q.Y) < own+3 {
				return false
			}
		}
		return true
	}
	const step = 4 // the nudges beside a dot
	for _, i := range order {
		p := pts[i]
		g := p.R + labelGap
		beside := []rect{
			{p.X + g, p.Y - p.H/2, p.X + g + p.W, p.Y + p.H/2},               // right
			{p.X - g - p.W, p.Y - p.H/2, p.X - g, p.Y + p.H/2},               // left
			{p.X - p.W/2, p.Y - g - p.H, p.X + p.W/2, p.Y - g},               // above
			{p.X - p.W/2, p.Y + g, p.X + p.W/2, p.Y + g + p.H},               // below
			{p.X + p.R, p.Y - p.R - p.H, p.X + p.R + p.W, p.Y - p.R},         // above right
			{p.X + p.R, p.Y + p.R, p.X + p.R + p.W, p.Y + p.R + p.H},         // below right
			{p.X - p.R - p.W, p.Y - p.R - p.H, p.X - p.R, p.Y - p.R},         // above left
			{p.X - p.R - p.W, p.Y + p.R, p.X - p.R, p.Y + p.R + p.H},         // below left
			{p.X + g, p.Y - p.H/2 - step, p.X + g + p.W, p.Y + p.H/2 - step}, // right, a little up
			{p.X + g, p.Y - p.H/2 + step, p.X + g + p.W, p.Y + p.H/2 + step}, // right, a little down
			{p.X - g - p.W, p.Y - p.H/2 - step, p.X - g, p.Y + p.H/2 - step}, // left, a little up
			{p.X - g - p.W, p.Y - p.H/2 + step, p.X - g, p.Y + p.H/2 + step}, // left, a little down
		}
		var l label
		placed := false
		for _, b := range beside {
			if free(b) && ownNearest(b, i) {
				l, placed = label{Box: b}, true
				break
			}
		}
		if !placed {
			l, placed = farLabel(p, occ, func(b rect) bool {
				// Away from its dot, a label is clear if it is still nearest
				// its own dot or its leader line is long enough to see.
				return free(b) && (ownNearest(b, i) || b.dist(p.X, p.Y) >= p.R+minLeader)
			}, labels)
		}
		if !placed {
			l = label{Box: beside[0], overflowed: true}
			if !bounds.contains(l.Box) {
				l.Box = beside[1]
			}
		}
		l.TextX, l.TextY = l.Box.X0, l.Box.Y1-4
		out[i] = l
		taken = append(taken, l.Box)
		labels = append(labels, l.Box)
		occ.take(l.Box)
	}
	return out
}

// farLabel finds the free place for p's label nearest to p, scanning
// bounds in steps of occ's cells, and joins it to p by a leader line. It
// prefers places whose leader crosses no label placed before; failing
// that, any free place. free is the exact test; occ answers first, fast
// and conservatively.
func farLabel(p point, occ *occupancy, free func(rect) bool, labels []rect) (label, bool) {
	type cand struct {
		b rect
		d float64
	}
	bounds, step := occ.bounds, occ.step
	w, h := int(math.Ceil(p.W/step)), int(math.Ceil(p.H/step))
	// Free candidates in rings of ring pixels by distance, each ring
	// sorted only when the search reaches it: most labels find room in
	// the first rings.
	const ring = 8
	var rings [][]cand
	for j := 0; bounds.Y0+float64(j)*step+p.H <= bounds.Y1; j++ {
		for i := 0; bounds.X0+float64(i)*step+p.W <= bounds.X1; i++ {
			if !occ.free(i, j, w, h) {
				continue
			}
			x, y := bounds.X0+float64(i)*step, bounds.Y0+float64(j)*step
			b := rect{x, y, x + p.W, y + p.H}
			d := b.dist(p.X, p.Y)
			if d < p.R {
				continue // on the dot
			}
			k := int(d / ring)
			for len(rings) <= k {
				rings = append(rings, nil)
			}
			rings[k] = append(rings[k], cand{b, d})
		}
	}
	sorted := make([]bool, len(rings))
	all := func(yield func(cand) bool) {
		for k, cs := range rings {
			if !sorted[k] {
				slices.SortFunc(cs, func(a, b cand) int {
					switch {
					case a.d != b.d:
						return cmp.Compare(a.d, b.d)
					case a.b.Y0 != b.b.Y0:
						return cmp.Compare(a.b.Y0, b.b.Y0)
					}
					return cmp.Compare(a.b.X0, b.b.X0)
				})
				sorted[k] = true
			}
			for _, c := range cs {
				if !yield(c) {
					return
				}
			}
		}
	}
	for _, crossing := range []bool{false, true} {
		for c := range all {
			if !free(c.b) {
				continue
			}
			x2, y2 := c.b.nearest(p.X, p.Y)
			if !crossing && slices.ContainsFunc(labels, func(o rect) bool { return segmentCrosses(p.X, p.Y, x2, y2, o) }) {
				continue
			}
			d := math.Hypot(x2-p.X, y2-p.Y)
			return label{Box: c.b, Leader: true,
				LX1: p.X + (x2-p.X)/d*p.R, LY1: p.Y + (y2-p.Y)/d*p.R, LX2: x2, LY2: y2}, true
		}
	}
	return label{}, false
}

// occupancy records which parts of bounds are taken, on a grid of cells
// step pixels square, conservatively: a cell partly covered is taken. A
// summed-area table of the cells answers whether a block of them is free
// in four look-ups, which keeps the scan of a crowded plot fast.
type occupancy struct {
	bounds rect
	step   float64
	nx, ny int
	cells  []bool
	sat    []int32 // (nx+1)×(ny+1): taken cells above and left of each corner
	stale  bool
}

func newOccupancy(bounds rect, step float64) *occupancy {
	nx, ny := int(math.Ceil(bounds.W()/step)), int(math.Ceil(bounds.H()/step))
	nx, ny = max(nx, 0), max(ny, 0)
	return &occupancy{bounds: bounds, step: step, nx: nx, ny: ny,
		cells: make([]bool, nx*ny), sat: make([]int32, (nx+1)*(ny+1))}
}

// take marks the cells r touches.
func (o *occupancy) take(r rect) {
	i0 := max(int(math.Floor((r.X0-o.bounds.X0)/o.step)), 0)
	i1 := min(int(math.Ceil((r.X1-o.bounds.X0)/o.step)), o.nx)
	j0 := max(int(math.Floor((r.Y0-o.bounds.Y0)/o.step)), 0)
	j1 := min(int(math.Ceil((r.Y1-o.bounds.Y0)/o.step)), o.ny)
	for j := j0; j < j1; j++ {
		for i := i0; i < i1; i++ {
			o.cells[j*o.nx+i] = true
		}
	}
	o.stale = true
}

// free reports whether the w×h cells from cell (i, j) are all untaken;
// cells beyond the grid count as untaken, as bounds decides those.
func (o *occupancy) free(i, j, w, h int) bool {
	if o.stale {
		n := o.nx + 1
		for y := 1; y <= o.ny; y++ {
			var row int32
			for x := 1; x <= o.nx; x++ {
				if o.cells[(y-1)*o.nx+x-1] {
					row++
				}
				o.sat[y*n+x] = o.sat[(y-1)*n+x] + row
			}
		}
		o.stale = false
	}
	i1, j1 := min(i+w, o.nx), min(j+h, o.ny)
	n := o.nx + 1
	return o.sat[j1*n+i1]-o.sat[j*n+i1]-o.sat[j1*n+i]+o.sat[j*n+i] == 0
}

// segmentCrosses reports whether the segment from (x1, y1) to (x2, y2)
// passes through the interior of r (Liang–Barsky clipping).
func segmentCrosses(x1, y1, x2, y2 float64, r rect) bool {
	in := r.inset(0.5)
	t0, t1 := 0.0, 1.0
	dx, dy := x2-x1, y2-y1
	for _, e := range [4][2]float64{{-dx, x1 - in.X0}, {dx, in.X1 - x1}, {-dy, y1 - in.Y0}, {dy, in.Y1 - y1}} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return false
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = max(t0, t)
		} else {
			t1 = min(t1, t)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}

// The grid's geometry, in pixels.
const (
	gridWidth    = 760.0
	gridPlotLeft = 66.0
	gridPlotTop  = 46.0
	gridPlotW    = 660.0
	gridPlotH    = 470.0
	gridDotR     = 5.0
	gridPad      = 14.0 // between the frame and the nearest dot centre
	gridLineH    = 16.0 // a line of the text under the plot
	gridMaxTop   = 3.0  // the highest productivity the scale reaches: 300% of quota
	gridMinTop   = 1.5
)

// A gridLayout is the grid, laid out: the plot, its quadrants, axes and
// ticks, each placed rep's dot and label, and the text under the plot.
type gridLayout struct {
	Width, Height float64
	Title         string
	Plot          rect
	CutX, CutY    float64 // the cutoff lines
	Quadrants     []gridQuadrant
	XTicks        []gridTick
	YTicks        []gridTick
	XAxis, YAxis  string
	Dots          []gridDot
	// Empty is the empty state, shown in the plot when nobody is placed;
	// nil when someone is.
	Empty *gridEmpty
	// Footer lines under the plot: who is not placed, and why; the
	// points drawn on the top edge.
	Footer []gridLine
}

// A gridQuadrant is one quadrant's area and its name.
type gridQuadrant struct {
	Area         rect
	Name         string
	Class        string // achiever, striver, independent or detractor
	NameX, NameY float64
	Anchor       string // text-anchor of the name
	Fill         string
}

// A gridTick is an axis tick's label at (X, Y).
type gridTick struct {
	X, Y float64
	Text string
}

// A gridDot is one placed rep.
type gridDot struct {
	Rep      string // the rep's name, whole
	X, Y     float64
	Quadrant string // the quadrant's class
	// Beyond reports whether the rep's results lie above the top of the
	// scale: the dot sits on the top edge, drawn as an arrow.
	Beyond bool
	Text   string // the label
	Fill   string // the dot's colour: its quadrant's, so a dot on a line shows its side
	Title  string // the tooltip: name, quadrant and measures
	Label  label
}

// gridEmpty is what the plot says when nobody is on it.
type gridEmpty struct {
	Box   rect
	Lines []gridLine
}

// A gridLine is a line of text at (X, Y), with a class for its style.
type gridLine struct {
	X, Y  float64
	Text  string
	Class string
}

// quadrantFills are the quadrants' light backgrounds.
var quadrantFills = map[grid.Quadrant]string{
	grid.Achiever:    "#e7f5ea",
	grid.Striver:     "#fff4dc",
	grid.Independent: "#e6effb",
	grid.Detractor:   "#fbe9e9",
}

// dotFills are the quadrants' dot colours, darker than their backgrounds.
var dotFills = map[grid.Quadrant]string{
	grid.Achiever:    "#1e7b3a",
	grid.Striver:     "#b26b00",
	grid.Independent: "#1f4e9c",
	grid.Detractor:   "#b3261e",
}

// layoutGrid lays out the grid of plan: each placed rep a dot at desire
// (across) and results against quota (up), inside the plot whatever the
// measures; a label beside each dot, none overlapping; and under the
// plot, who is not placed and why. When nobody is placed the plot says
// which inputs are missing, from the plan's Missing and its reps'
// NotPlaced. asOf titles the picture.
func layoutGrid(plan *salesdev.Plan, asOf string) gridLayout {
	c := grid.Cutoffs{Desire: grid.DefaultDesireCutoff, Productivity: grid.DefaultProductivityCutoff}
	g := gridLayout{
		Width: gridWidth,
		Title: "Desire × results, as of " + visible(asOf, 40),
		Plot:  rect{gridPlotLeft, gridPlotTop, gridPlotLeft + gridPlotW, gridPlotTop + gridPlotH},
		XAxis: "desire to develop and grow →",
		YAxis: fmt.Sprintf("results against quota, trailing %d months →", months(plan.Window)),
	}

	// The scale: up to a little above the highest rep, in steps of 25%,
	// from 150% to 300% of quota. A rep above the top sits on its edge.
	// Reps beyond 300% do not stretch the scale: they would squeeze
	// everyone else into its bottom.
	top := gridMinTop
	for _, r := range plan.Reps {
		if r.Measures != nil && r.Measures.Productivity <= gridMaxTop {
			top = max(top, math.Ceil(r.Measures.Productivity*1.08*4)/4)
		}
	}
	top = min(top, gridMaxTop)
	inner := g.Plot.inset(gridPad)
	x := func(desire float64) float64 { return inner.X0 + min(max(desire, 0), 1)*inner.W() }
	y := func(prod float64) float64 { return inner.Y1 - min(max(prod, 0), top)/top*inner.H() }
	g.CutX, g.CutY = x(c.Desire), y(c.Productivity)

	// Quadrants, named in their outer corners with their head count.
	count := map[grid.Quadrant]int{}
	for _, r := range plan.Reps {
		count[r.Quadrant]++
	}
	p := g.Plot
	for _, q := range []struct {
		q      grid.Quadrant
		area   rect
		right  bool
		bottom bool
	}{
		{grid.Independent, rect{p.X0, p.Y0, g.CutX, g.CutY}, false, false},
		{grid.Achiever, rect{g.CutX, p.Y0, p.X1, g.CutY}, true, false},
		{grid.Detractor, rect{p.X0, g.CutY, g.CutX, p.Y1}, false, true},
		{grid.Striver, rect{g.CutX, g.CutY, p.X1, p.Y1}, true, true},
	} {
		gq := gridQuadrant{Area: q.area, Class: q.q.String(), Fill: quadrantFills[q.q], Anchor: "start",
			Name: capitalize(q.q.String()) + "s", NameX: q.area.X0 + 8, NameY: q.area.Y0 + 19}
		if n := count[q.q]; n > 0 {
			gq.Name += fmt.Sprintf(" (%d)", n)
		}
		if q.right {
			gq.Anchor, gq.NameX = "end", q.area.X1-8
		}
		if q.bottom {
			gq.NameY = q.area.Y1 - 8
		}
		g.Quadrants = append(g.Quadrants, gq)
	}
	// The quadrants' names are in the way of labels.
	var fixed []rect
	for _, q := range g.Quadrants {
		w := textWidth(q.Name, 14) * 1.1 // bold
		x0 := q.NameX
		if q.Anchor == "end" {
			x0 -= w
		}
		fixed = append(fixed, rect{x0 - 2, q.NameY - 15, x0 + w + 2, q.NameY + 4})
	}

	// Ticks.
	for _, d := range []float64{0, 0.25, 0.5, 0.75, 1} {
		g.XTicks = append(g.XTicks, gridTick{x(d), p.Y1 + 16, fmt.Sprintf("%.2f", d)})
	}
	for v := 0.0; v <= top+1e-9; v += 0.5 {
		g.YTicks = append(g.YTicks, gridTick{p.X0 - 6, y(v) + 4, fmt.Sprintf("%.0f%%", 100*v)})
	}

	// The dots and their labels.
	var pts []point
	for _, r := range plan.Reps {
		m := r.Measures
		if m == nil {
			continue
		}
		d := gridDot{Rep: r.Rep, X: x(m.Desire), Y: y(m.Productivity), Quadrant: r.Quadrant.String(),
			Beyond: m.Productivity > top, Text: visible(r.Rep, maxLabel), Fill: dotFills[r.Quadrant]}
		if d.Beyond {
			d.Text += fmt.Sprintf(" ↑ %.0f%%", 100*m.Productivity)
		}
		d.Title = fmt.Sprintf("%s: %s, desire %.2f, results %.0f%% of quota", visible(r.Rep, 200), r.Quadrant, m.Desire, 100*m.Productivity)
		g.Dots = append(g.Dots, d)
		pts = append(pts, point{X: d.X, Y: d.Y, R: gridDotR, W: textWidth(d.Text, labelFont), H: labelHeight})
	}
	for i, l := range placeLabels(p.inset(2), pts, fixed) {
		g.Dots[i].Label = l
	}

	// Under the plot: who is not placed and why, a line per reason.
	yy := p.Y1 + 52
	if len(g.Dots) == 0 {
		g.Empty = emptyState(plan, p)
	}
	reasons, names := notPlaced(plan)
	if len(reasons) > 0 {
		g.Footer = append(g.Footer, gridLine{p.X0 - 50, yy, "Not measured for the grid", "head"})
		yy += gridLineH + 2
	}
	for _, reason := range reasons {
		text := fmt.Sprintf("%s (%d): %s", capitalize(reason), len(names[reason]), strings.Join(names[reason], ", "))
		for _, line := range wrap(text, g.Width-(p.X0-50)-10, labelFont) {
			g.Footer = append(g.Footer, gridLine{p.X0 - 50, yy, line, ""})
			yy += gridLineH
		}
	}
	g.Height = max(yy+4, p.Y1+46)
	return g
}

// months returns the length of w in whole months, for the axis.
func months(w grid.Window) int {
	n := (w.End.Year()-w.Start.Year())*12 + int(w.End.Month()-w.Start.Month())
	if n <= 0 {
		return grid.DefaultMonths
	}
	return n
}

// notPlaced groups the reps who are not on the grid by the reason the
// plan gives, in the order reasons first appear; names are shown as
// visible labels.
func notPlaced(plan *salesdev.Plan) ([]string, map[string][]string) {
	var reasons []string
	names := map[string][]string{}
	for _, r := range plan.Reps {
		if r.Measures != nil {
			continue
		}
		why := r.NotPlaced
		if why == "" {
			why = "not placed"
		}
		if _, ok := names[why]; !ok {
			reasons = append(reasons, why)
		}
		names[why] = append(names[why], visible(r.Rep, maxLabel))
	}
	return reasons, names
}

// emptyState says, in the middle of plot, that nobody is on the grid and
// which inputs are missing: the quotas and desire survey the plan lists
// as missing, or else the reasons its reps give.
func emptyState(plan *salesdev.Plan, plot rect) *gridEmpty {
	var lines []string
	var missing []string
	for _, m := range plan.Missing {
		if m.Input == "quotas" || m.Input == "desire survey" {
			missing = append(missing, m.Input)
		}
	}
	const width = 440
	head := "Nobody is on the grid yet"
	switch {
	case len(missing) > 0:
		lines = append(lines, "Missing: "+strings.Join(missing, " and ")+".")
		for _, m := range plan.Missing {
			if m.Input == "quotas" || m.Input == "desire survey" {
				lines = append(lines, wrap(capitalize(m.Input)+": "+m.Unlocks+".", width, labelFont)...)
			}
		}
		var flags []string
		if slices.Contains(missing, "quotas") {
			flags = append(flags, "-quotas FILE")
		}
		if slices.Contains(missing, "desire survey") {
			flags = append(flags, "-desire FILE")
		}
		lines = append(lines, "Give them with "+strings.Join(flags, " and ")+".")
	default:
		reasons, names := notPlaced(plan)
		if len(reasons) == 0 {
			lines = append(lines, "The team has no reps.")
		}
		for _, r := range reasons {
			lines = append(lines, fmt.Sprintf("%s: %d reps", capitalize(r), len(names[r])))
		}
	}
	h := 24 + 22 + float64(len(lines))*gridLineH + 10
	cx, cy := (plot.X0+plot.X1)/2, (plot.Y0+plot.Y1)/2
	e := &gridEmpty{Box: rect{cx - width/2 - 16, cy - h/2, cx + width/2 + 16, cy + h/2}}
	yy := e.Box.Y0 + 28
	e.Lines = append(e.Lines, gridLine{cx, yy, head, "empty-head"})
	yy += 24
	for _, l := range lines {
		e.Lines = append(e.Lines, gridLine{cx, yy, l, "empty-line"})
		yy += gridLineH
	}
	return e
}
