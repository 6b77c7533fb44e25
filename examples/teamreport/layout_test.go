package main

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/salesdev/salesdev"
	"github.com/salesdev/salesdev/grid"
	"pgregory.net/rapid"
)

// teamOf returns a plan with one placed rep per measures, named by name.
func teamOf(measures []grid.Measures, name func(i int) string) *salesdev.Plan {
	start := time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)
	p := &salesdev.Plan{Window: grid.Window{Start: start, End: start.AddDate(0, 6, 0)}}
	for i, m := range measures {
		q, err := grid.Place(m, nil)
		if err != nil {
			panic(err)
		}
		p.Reps = append(p.Reps, salesdev.RepPlan{Rep: name(i), Measures: &m, Quadrant: q})
	}
	return p
}

// first and last names of realistic length, for made-up teams.
var (
	firstNames = []string{"Kary", "Daniell", "Wilburn", "Markita", "Hayden", "Rosalina", "Cassey", "Maureen", "Boris", "Zane", "Versie", "Gladys", "Marty", "Violet", "Elease", "Lajuana", "Moses", "Jonathan", "Donn", "Reed", "Garret", "Rosie", "Corliss", "Wilmer"}
	lastNames  = []string{"Hendrixson", "Hammack", "Farb", "Hagan", "Zitzelberger", "Felicia", "Marrier", "Mcallister", "Faz", "Levy", "Morse", "Colbert", "Hanley", "Lattimore", "Banner", "Cheeseman", "Frase", "Berthelot", "Cordell", "Emerick", "Kadas", "Ornelas", "Gasker", "Bruckheimer"}
)

func personName(i int) string {
	return firstNames[i%len(firstNames)] + " " + lastNames[(i*7+i/len(firstNames))%len(lastNames)]
}

// tester is what checkGrid needs of a *testing.T or a *rapid.T.
type tester interface {
	Helper()
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// checkGrid checks the layout's promises: every dot inside the plot, no
// two labels overlapping, no label on a dot or outside the plot, and a
// leader line for every label away from its dot.
func checkGrid(t tester, g gridLayout, wantDots int) {
	t.Helper()
	if len(g.Dots) != wantDots {
		t.Fatalf("%d dots, want %d", len(g.Dots), wantDots)
	}
	for i, d := range g.Dots {
		dot := rect{d.X - gridDotR, d.Y - gridDotR, d.X + gridDotR, d.Y + gridDotR}
		if !g.Plot.contains(dot) || math.IsNaN(d.X) || math.IsNaN(d.Y) {
			t.Errorf("dot %d (%s) at (%.1f, %.1f) is not inside the plot %+v", i, d.Rep, d.X, d.Y, g.Plot)
		}
		l := d.Label
		if l.overflowed {
			t.Errorf("label %q found no free place", d.Text)
		}
		if !g.Plot.contains(l.Box) {
			t.Errorf("label %q at %+v is outside the plot %+v", d.Text, l.Box, g.Plot)
		}
		own := l.Box.dist(d.X, d.Y)
		if own > gridDotR+labelGap+4+0.01 && !l.Leader {
			t.Errorf("label %q is %.1f px from its dot without a leader line", d.Text, own)
		}
		for j, e := range g.Dots {
			if j > i && l.Box.overlaps(e.Label.Box) {
				t.Errorf("labels %q %+v and %q %+v overlap", d.Text, l.Box, e.Text, e.Label.Box)
			}
			other := rect{e.X - gridDotR, e.Y - gridDotR, e.X + gridDotR, e.Y + gridDotR}
			if l.Box.overlaps(other) {
				t.Errorf("label %q covers the dot of %s", d.Text, e.Rep)
			}
			// A label reads as its own dot's: without a leader line,
			// no other dot is as near it; with one, the line is long
			// enough to see when another dot is as near.
			if j != i && (e.X != d.X || e.Y != d.Y) && l.Box.dist(e.X, e.Y) < own+3 && (!l.Leader || own < gridDotR+minLeader-0.01) {
				t.Errorf("label %q is as near %s's dot (%.1f px) as its own (%.1f px)", d.Text, e.Rep, l.Box.dist(e.X, e.Y), own)
			}
		}
	}
}

// Fifty reps: spread out, in one tight cluster, on the edges and corners
// (desire 0 and 1, results 0 and far beyond the top), all on one spot.
func TestLayoutFiftyReps(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	tests := []struct {
		name string
		m    func(i int) grid.Measures
	}{
		{"spread", func(int) grid.Measures {
			return grid.Measures{Desire: rnd.Float64(), Productivity: 2 * rnd.Float64()}
		}},
		{"cluster", func(int) grid.Measures {
			return grid.Measures{Desire: 0.6 + 0.1*rnd.Float64(), Productivity: 0.9 + 0.2*rnd.Float64()}
		}},
		{"edges", func(i int) grid.Measures {
			return grid.Measures{Desire: float64(i % 2), Productivity: []float64{0, 1, 4, 1e6}[i%4]}
		}},
		{"one spot", func(int) grid.Measures { return grid.Measures{Desire: 1, Productivity: 1} }},
		{"desire one", func(i int) grid.Measures { return grid.Measures{Desire: 1, Productivity: float64(i) / 25} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := make([]grid.Measures, 50)
			for i := range ms {
				ms[i] = tt.m(i)
			}
			g := layoutGrid(teamOf(ms, personName), "2025-12-31")
			checkGrid(t, g, 50)
			if g.Empty != nil {
				t.Error("a grid with 50 reps shows the empty state")
			}
		})
	}
}

// Any team of up to 50 reps with names of up to 24 characters: the same
// promises.
func TestLayoutProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 50).Draw(t, "reps")
		ms := make([]grid.Measures, n)
		names := make([]string, n)
		for i := range ms {
			ms[i] = grid.Measures{
				Desire:       rapid.Float64Range(0, 1).Draw(t, "desire"),
				Productivity: rapid.OneOf(rapid.Float64Range(0, 2), rapid.Float64Range(0, 1e9)).Draw(t, "productivity"),
			}
			names[i] = rapid.StringMatching(`[A-Z][a-z]{1,10} [A-Z][a-z]{1,11}`).Draw(t, "name")
		}
		checkGrid(t, layoutGrid(teamOf(ms, func(i int) string { return names[i] }), "2025-12-31"), n)
	})
}

// placeLabels keeps labels apart however crowded, as long as the bounds
// can hold them; it reports, rather than hides, a label with no room.
func TestPlaceLabelsOverflow(t *testing.T) {
	bounds := rect{0, 0, 200, 60}
	pts := make([]point, 12)
	for i := range pts {
		pts[i] = point{X: 100, Y: 30, R: 5, W: 90, H: 15}
	}
	ls := placeLabels(bounds, pts, nil)
	var over int
	for i, l := range ls {
		if l.overflowed {
			over++
			continue
		}
		for j := i + 1; j < len(ls); j++ {
			if !ls[j].overflowed && l.Box.overlaps(ls[j].Box) {
				t.Errorf("labels %d and %d overlap", i, j)
			}
		}
	}
	// 200×60 holds two labels of 90×15 a row beside the dot, four rows.
	if over == 0 || over == len(pts) {
		t.Errorf("%d of %d labels overflowed, want some but not all", over, len(pts))
	}
}

// Labels move only when they must: a lone rep's label sits beside its
// dot, without a leader line.
func TestPlaceLabelsBeside(t *testing.T) {
	ls := placeLabels(rect{0, 0, 400, 300}, []point{{X: 100, Y: 100, R: 5, W: 80, H: 15}, {X: 390, Y: 100, R: 5, W: 80, H: 15}}, nil)
	want := []rect{{108, 92.5, 188, 107.5}, {302, 92.5, 382, 107.5}} // right, and left at the right edge
	for i, l := range ls {
		if l.Box != want[i] || l.Leader {
			t.Errorf("label %d = %+v, want %+v without a leader", i, l, want[i])
		}
	}
}

// Without quotas and a desire survey nobody is placed: the plot says so
// and names the missing inputs; everyone is listed under it with the
// reason.
func TestLayoutEmptyState(t *testing.T) {
	p := &salesdev.Plan{
		Missing: []salesdev.Missing{{Input: "start dates", Unlocks: "the ramp"},
			{Input: "desire survey", Unlocks: "places reps on the grid"}, {Input: "quotas", Unlocks: "results against quota"}},
	}
	for i := range 35 {
		p.Reps = append(p.Reps, salesdev.RepPlan{Rep: personName(i), NotPlaced: "no desire survey answer, no quota"})
	}
	g := layoutGrid(p, "2017-12-31")
	if g.Empty == nil {
		t.Fatal("no empty state")
	}
	var text strings.Builder
	for _, l := range g.Empty.Lines {
		text.WriteString(l.Text + "\n")
		if !g.Plot.contains(rect{l.X - textWidth(l.Text, 16)/2, l.Y - 12, l.X + textWidth(l.Text, 16)/2, l.Y}) {
			t.Errorf("empty-state line %q does not fit the plot", l.Text)
		}
	}
	for _, want := range []string{"Nobody is on the grid", "Missing: desire survey and quotas", "-quotas FILE", "-desire FILE"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("empty state %q does not say %q", text.String(), want)
		}
	}
	if strings.Contains(text.String(), "start dates") {
		t.Error("the grid's empty state names an input the grid does not need")
	}
	var foot strings.Builder
	for _, l := range g.Footer {
		foot.WriteString(l.Text + " ")
		if textWidth(l.Text, labelFont) > g.Width-l.X {
			t.Errorf("footer line %q runs off the picture", l.Text)
		}
		if l.Y > g.Height {
			t.Errorf("footer line %q is below the picture's height %v", l.Text, g.Height)
		}
	}
	for _, r := range p.Reps {
		if !strings.Contains(foot.String(), r.Rep) {
			t.Errorf("%s is not listed under the empty grid", r.Rep)
		}
	}
	// Reps not placed for another reason: the plot gives the reasons.
	p.Missing = nil
	g = layoutGrid(p, "2017-12-31")
	if g.Empty == nil || !strings.Contains(g.Empty.Lines[1].Text, "No desire survey answer, no quota: 35 reps") {
		t.Errorf("empty state without missing inputs = %+v", g.Empty)
	}
}

// The SVG is well-formed XML whatever the names hold: markup, quotes,
// ampersands and control characters, which XML cannot hold even escaped.
func TestSVGEscapes(t *testing.T) {
	hostile := []string{`<script>alert(1)</script>`, `Tom & "Jerry" 'O'Neil'`, "bell\x07 and nul\x00", "]]> <![CDATA[", "Zoë Ångström 王小明"}
	ms := make([]grid.Measures, len(hostile))
	for i := range ms {
		ms[i] = grid.Measures{Desire: 0.2 * float64(i), Productivity: 0.3 * float64(i)}
	}
	r := &Report{AsOf: time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC), Plan: *teamOf(ms, func(i int) string { return hostile[i] })}
	r.Plan.Reps = append(r.Plan.Reps, salesdev.RepPlan{Rep: "<unplaced & \x1b[31mred>", NotPlaced: "no quota <&>"})
	var b bytes.Buffer
	if err := writeSVG(&b, r); err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(&b)
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v\n%s", err, b.String())
		}
		if cd, ok := tok.(xml.CharData); ok {
			text.Write(cd)
		}
		if se, ok := tok.(xml.StartElement); ok && (se.Name.Local == "script" || se.Name.Local == "b") {
			t.Errorf("a name became a <%s> element", se.Name.Local)
		}
	}
	for _, want := range []string{`<script>alert(1)</script>`, `Tom & "Jerry" 'O'Neil'`, "Zoë Ångström 王小明", "<unplaced & \uFFFD[31mred>", "No quota <&>"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("the SVG's text does not show %q", want)
		}
	}
}

func TestVisible(t *testing.T) {
	tests := []struct {
		name, in string
		limit    int
		want     string
	}{
		{"plain", "Ann Lee", 28, "Ann Lee"},
		{"spaces", "  Ann \t\n Lee ", 28, "Ann Lee"},
		{"control", "A\x00B\x1bC\u200bD", 28, "A\uFFFDB\uFFFDC\uFFFDD"},
		{"long", strings.Repeat("x", 30), 28, strings.Repeat("x", 27) + "…"},
		{"exact", strings.Repeat("é", 28), 28, strings.Repeat("é", 28)},
		{"invalid UTF-8", "a\xffb", 28, "a\uFFFDb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := visible(tt.in, tt.limit); got != tt.want {
				t.Errorf("visible(%q, %d) = %q, want %q", tt.in, tt.limit, got, tt.want)
			}
		})
	}
}

func TestWrap(t *testing.T) {
	text := strings.Repeat("word ", 40)
	lines := wrap(text, 100, 12)
	if len(lines) < 5 {
		t.Errorf("wrap gave %d lines", len(lines))
	}
	for _, l := range lines {
		if textWidth(l, 12) > 100 {
			t.Errorf("line %q is wider than 100 px", l)
		}
	}
	if got := strings.Join(lines, " "); got != strings.TrimSpace(text) {
		t.Errorf("wrap lost words: %q", got)
	}
	if got := wrap(strings.Repeat("x", 50), 100, 12); len(got) != 1 {
		t.Errorf("a long word was split: %q", got)
	}
}

func BenchmarkLayoutCluster(b *testing.B) {
	ms := make([]grid.Measures, 50)
	for i := range ms {
		ms[i] = grid.Measures{Desire: 0.65 + float64(i%5)/100, Productivity: 1 + float64(i/5)/100}
	}
	p := teamOf(ms, func(i int) string { return fmt.Sprint(personName(i)) })
	b.ReportAllocs()
	for b.Loop() {
		layoutGrid(p, "2025-12-31")
	}
}

func TestSegmentCrosses(t *testing.T) {
	r := rect{10, 10, 20, 20}
	tests := []struct {
		name           string
		x1, y1, x2, y2 float64
		want           bool
	}{
		{"through", 0, 15, 30, 15, true},
		{"inside", 12, 12, 18, 18, true},
		{"diagonal", 0, 0, 30, 30, true},
		{"above", 0, 5, 30, 5, false},
		{"short", 0, 15, 9, 15, false},
		{"along the edge", 0, 10, 30, 10, false},
		{"corner miss", 0, 9, 11, 0, false},
		{"vertical", 15, 0, 15, 30, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := segmentCrosses(tt.x1, tt.y1, tt.x2, tt.y2, r); got != tt.want {
				t.Errorf("segmentCrosses(%v, %v, %v, %v) = %v, want %v", tt.x1, tt.y1, tt.x2, tt.y2, got, tt.want)
			}
		})
	}
}
