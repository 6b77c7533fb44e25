package main

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/salesdev/salesdev"
	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/competency"
)

// The built-in report's page is golden: testdata/report.html.
func TestGoldenHTML(t *testing.T) {
	var b bytes.Buffer
	if err := writeHTML(&b, defaultReport(t)); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "report.html", b.Bytes())
}

// The page is self-contained: no script, no frame, no link to a style
// sheet, and every src, href and url() a fragment of the page itself.
func TestHTMLFetchesNothing(t *testing.T) {
	for name, r := range map[string]*Report{"built-in": defaultReport(t), "hostile": hostileReport(t)} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := writeHTML(&b, r); err != nil {
				t.Fatal(err)
			}
			checkSelfContained(t, b.String())
		})
	}
}

var (
	tags    = regexp.MustCompile(`<[a-zA-Z][^>]*>`) // text from the data is escaped, so has no <
	refAttr = regexp.MustCompile(`(?i)\b(src|href|srcset|action|data|poster|xlink:href)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)`)
	cssURL  = regexp.MustCompile(`(?i)url\(\s*([^)]*)\)|@import`)
	fetcher = regexp.MustCompile(`(?i)<(script|iframe|object|embed|link|base|meta\s+http-equiv)\b`)
)

func checkSelfContained(t *testing.T, page string) {
	t.Helper()
	if m := fetcher.FindString(page); m != "" {
		t.Errorf("the page has %s", m)
	}
	for _, tag := range tags.FindAllString(page, -1) {
		for _, m := range refAttr.FindAllStringSubmatch(tag, -1) {
			if v := strings.Trim(m[2], `"'`); !strings.HasPrefix(v, "#") {
				t.Errorf("the page refers to %s=%s: only fragments of the page are allowed", m[1], m[2])
			}
		}
	}
	if m := cssURL.FindString(page); m != "" {
		t.Errorf("the page's CSS fetches: %s", m)
	}
	if strings.Contains(page, "http://") && strings.Count(page, "http://") != strings.Count(page, `xmlns="http://www.w3.org/2000/svg"`) {
		t.Error("the page names an http:// URL")
	}
	if strings.Contains(page, "https://") {
		t.Error("the page names an https:// URL")
	}
	// The checker catches what it should.
	for _, bad := range []string{`<img src="http://x/y.png">`, `<a href='https://x'>`, `<style>a{background:url(x.png)}</style>`, `<script>`} {
		if !refAttr.MatchString(bad) && !cssURL.MatchString(bad) && !fetcher.MatchString(bad) {
			t.Errorf("the self-containment check misses %s", bad)
		}
	}
}

// hostileNames are rep and manager names a CRM may hold.
var hostileNames = []string{
	`<script>alert("x")</script>`,
	`<img src=x onerror=alert(1)>`,
	`Tom & "Jerry" O'Neil`,
	"</h3><b>bold</b>",
	"nul\x00 and bell\x07",
}

// hostileReport is the built-in report with hostile names for its first
// reps and a manager.
func hostileReport(t *testing.T) *Report {
	t.Helper()
	r := defaultReport(t)
	for i, name := range hostileNames {
		r.Reps[i].Name = name
		r.Plan.Reps[i].Rep = name
	}
	r.Plan.Reps[0].Manager = `<i>boss</i> & co`
	r.Notes = append(r.Notes, `a note with <b>markup</b>`)
	return r
}

// Names are escaped wherever they appear, in HTML and in the SVG.
func TestHTMLEscapes(t *testing.T) {
	var b bytes.Buffer
	if err := writeHTML(&b, hostileReport(t)); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, bad := range []string{"<script>alert", "<img src=x", "<b>bold", "<i>boss", "<b>markup", "\x07"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q unescaped", bad)
		}
	}
	for _, want := range []string{"&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;", "Tom &amp; &#34;Jerry&#34; O&#39;Neil", "&lt;i&gt;boss&lt;/i&gt; &amp; co"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page does not show %q", want)
		}
	}
}

// The charts draw each rep on the grading scale: the dot at Shrunk, the
// line from ShrunkLo to ShrunkHi, against the target on the same scale;
// never the raw rate or its Wilson interval (DESIGN §12).
func TestRateChartScale(t *testing.T) {
	std := competency.Standard{Competency: competency.CloseID, Target: 0.6}
	score := func(rep string, shrunk, lo, hi, rawLo, rawHi float64, separated bool) salesdev.RepPlan {
		return salesdev.RepPlan{Rep: rep, Scorecard: competency.Scorecard{Rep: rep, Scores: []competency.Score{{
			Competency: competency.CloseID, Rate: benchmark.Rate{Hits: 9, Trials: 10}, Grade: competency.GradeB,
			Shrunk: shrunk, ShrunkLo: lo, ShrunkHi: hi, Lo: rawLo, Hi: rawHi, Target: 0.6, Separated: separated,
		}}}}
	}
	reps := []salesdev.RepPlan{
		score("Ann", 0.55, 0.45, 0.65, 0.6, 0.98, false),
		score("Bob", 0.3, 0.2, 0.4, 0.05, 0.5, true),
		{Rep: "Cy", Scorecard: competency.Scorecard{Rep: "Cy", Scores: []competency.Score{{Competency: competency.CloseID, ShrunkHi: 1}}}},
	}
	c := layoutRateChart(std, reps)
	x := func(v float64) float64 { // the chart's scale, read back from its ticks
		t0, t1 := c.Ticks[0], c.Ticks[len(c.Ticks)-1]
		var v0, v1 float64
		for _, tk := range []struct {
			s string
			v *float64
		}{{t0.Text, &v0}, {t1.Text, &v1}} {
			var p float64
			if _, err := fmt.Sscanf(tk.s, "%f%%", &p); err != nil {
				t.Fatal(err)
			}
			*tk.v = p / 100
		}
		return t0.X + (v-v0)/(v1-v0)*(t1.X-t0.X)
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 0.01 }
	if len(c.Rows) != 2 || c.Ungraded[0] != "Cy" {
		t.Fatalf("rows %+v, ungraded %v", c.Rows, c.Ungraded)
	}
	// Bob is clearly below, so his group comes first.
	bob, ann := c.Rows[0], c.Rows[1]
	if bob.Class != "below" || ann.Class != "level" {
		t.Errorf("classes %s, %s; want below, level", bob.Class, ann.Class)
	}
	for _, tt := range []struct {
		row                 rateRow
		shrunk, lo, hi, raw float64
	}{{bob, 0.3, 0.2, 0.4, 0.05}, {ann, 0.55, 0.45, 0.65, 0.98}} {
		if !near(tt.row.X, x(tt.shrunk)) || !near(tt.row.Lo, x(tt.lo)) || !near(tt.row.Hi, x(tt.hi)) {
			t.Errorf("%s drawn at %.1f (%.1f–%.1f), want the shrunk %.1f (%.1f–%.1f)", tt.row.Name, tt.row.X, tt.row.Lo, tt.row.Hi, x(tt.shrunk), x(tt.lo), x(tt.hi))
		}
	}
	if !near(c.TargetX, x(0.6)) {
		t.Errorf("target at %.1f, want %.1f", c.TargetX, x(0.6))
	}
	if !strings.Contains(ann.Title, "read as 55.0% (45.0%–65.0%)") || strings.Contains(ann.Title, "98") {
		t.Errorf("Ann's tooltip %q is not on the grading scale", ann.Title)
	}
}

// Without quotas or a desire survey the page's grid says what is
// missing, and every rep still has a card.
func TestHTMLEmptyGrid(t *testing.T) {
	r := defaultReport(t)
	for i := range r.Plan.Reps {
		r.Plan.Reps[i].Measures, r.Plan.Reps[i].Quadrant, r.Plan.Reps[i].NotPlaced = nil, 0, "no desire survey answer, no quota"
	}
	r.Plan.Missing = append(r.Plan.Missing, salesdev.Missing{Input: "quotas", Unlocks: "results against quota: the grid's other axis"})
	var b bytes.Buffer
	if err := writeHTML(&b, r); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{"Nobody is on the grid yet", "Missing: quotas.", "-quotas FILE"} {
		if !strings.Contains(page, want) {
			t.Errorf("the empty grid does not say %q", want)
		}
	}
	for _, rp := range r.Plan.Reps {
		if !strings.Contains(page, "<h3>"+rp.Rep+"</h3>") {
			t.Errorf("%s has no card", rp.Rep)
		}
	}
}

// mavenReport builds the report on the public Maven CRM sample when
// SALESDEV_DATA is set, with the made-up quotas and desire survey of
// testdata/maven (withGrid) or without them; it skips otherwise.
func mavenReport(t *testing.T, withGrid bool) *Report {
	t.Helper()
	root := os.Getenv("SALESDEV_DATA")
	if root == "" {
		t.Skip("SALESDEV_DATA is not set")
	}
	dir := filepath.Join(root, "crm-sales-opportunities")
	cfg := config{pipeline: filepath.Join(dir, "sales_pipeline.csv"), roster: filepath.Join(dir, "sales_teams.csv")}
	if withGrid {
		cfg.quotas, cfg.desire = filepath.Join("testdata", "maven", "quotas.csv"), filepath.Join("testdata", "maven", "desire.csv")
	}
	cfg = defaults(cfg)
	ds, err := load(cfg)
	if err != nil {
		t.Fatalf("SALESDEV_DATA is set but the data cannot be read: %v", err) // named but missing: fail
	}
	r, err := buildReport(ds, cfg.report)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// The real team, with made-up quotas and desire: 30 reps on the grid,
// one far past the top, many at desire 1 and on the cutoff line; the
// layout keeps its promises and every rep has a card. Without quotas and
// the survey, the grid names them as missing.
func TestRealDataPage(t *testing.T) {
	r := mavenReport(t, true)
	g := layoutGrid(&r.Plan, r.AsOf.Format(time.DateOnly))
	checkGrid(t, g, placedCount(r))
	if placedCount(r) < 25 {
		t.Errorf("only %d Maven reps placed with the fixtures' quotas and desire", placedCount(r))
	}
	var beyond bool
	for _, d := range g.Dots {
		beyond = beyond || d.Beyond
	}
	if !beyond {
		t.Error("no rep drawn past the top, though the fixtures put one at over 1000% of quota")
	}
	var b bytes.Buffer
	if err := writeHTML(&b, r); err != nil {
		t.Fatal(err)
	}
	checkSelfContained(t, b.String())
	for _, rp := range r.Plan.Reps {
		if !strings.Contains(b.String(), "<h3>"+rp.Rep+"</h3>") {
			t.Errorf("%s has no card", rp.Rep)
		}
	}

	empty := layoutGrid(&mavenReport(t, false).Plan, r.AsOf.Format(time.DateOnly))
	if empty.Empty == nil || !strings.Contains(empty.Empty.Lines[1].Text, "Missing: desire survey and quotas") {
		t.Errorf("the Maven grid without quotas and survey says %+v", empty.Empty)
	}
}
