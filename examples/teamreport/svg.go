package main

import (
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"
)

// writeSVG draws the grid as ASLAN describes it: results against quota
// (productivity) up the side, desire to develop along the bottom, the
// lines at the cutoffs, each quadrant named, and each placed rep a
// labelled point, laid out by layoutGrid. Reps who are not placed are
// listed under the plot with the reason; when nobody is placed, the plot
// says which inputs are missing. The file is standalone SVG: it draws
// with presentation attributes, so it needs no style sheet.
func writeSVG(w io.Writer, r *Report) error {
	g := layoutGrid(&r.Plan, r.AsOf.Format(time.DateOnly))
	var b strings.Builder
	if err := svgTemplates.ExecuteTemplate(&b, "svgfile", g); err != nil {
		return err
	}
	_, err := io.WriteString(w, noControls(b.String()))
	return err
}

// svgFuncs are the helpers of the SVG templates.
var svgFuncs = template.FuncMap{
	// px formats a coordinate: a tenth of a pixel is plenty.
	"px":   func(v float64) string { return strings.TrimSuffix(fmt.Sprintf("%.1f", v), ".0") },
	"half": func(a, b float64) float64 { return (a + b) / 2 },
	"add":  func(a, b float64) float64 { return a + b },
	"sub":  func(a, b float64) float64 { return a - b },
	"arrow": func(d gridDot) string {
		return fmt.Sprintf("%.1f,%.1f %.1f,%.1f %.1f,%.1f",
			d.X, d.Y-gridDotR-2, d.X-gridDotR-1, d.Y+gridDotR-1, d.X+gridDotR+1, d.Y+gridDotR-1)
	},
}

// svgTemplates draw a gridLayout. "grid" is the drawing, shared by the
// -svg file ("svgfile") and the -html page, which restyles its classes
// (dark mode, print). html/template escapes every text from the data, in
// element content and attributes alike; layoutGrid has already replaced
// the control characters XML cannot hold.
var svgTemplates = template.Must(template.New("svg").Funcs(svgFuncs).Parse(`
{{- define "svgfile" -}}
<svg xmlns="http://www.w3.org/2000/svg" width="{{px .Width}}" height="{{px .Height}}" viewBox="0 0 {{px .Width}} {{px .Height}}" font-family="Arial, 'Liberation Sans', Helvetica, sans-serif" font-size="12">
<rect class="bg" width="100%" height="100%" fill="#fff"/>
{{template "grid" .}}</svg>
{{end -}}

{{- define "grid" -}}
<text class="title" x="{{px .Plot.X0}}" y="26" font-size="16" font-weight="bold" fill="#111">{{.Title}}</text>
{{range .Quadrants -}}
<rect class="q q-{{.Class}}" x="{{px .Area.X0}}" y="{{px .Area.Y0}}" width="{{px .Area.W}}" height="{{px .Area.H}}" fill="{{.Fill}}"/>
{{end -}}
{{range .Quadrants -}}
<text class="qname" x="{{px .NameX}}" y="{{px .NameY}}" text-anchor="{{.Anchor}}" font-size="14" font-weight="bold" fill="#555">{{.Name}}</text>
{{end -}}
<rect class="frame" x="{{px .Plot.X0}}" y="{{px .Plot.Y0}}" width="{{px .Plot.W}}" height="{{px .Plot.H}}" fill="none" stroke="#333"/>
<line class="cut" x1="{{px .CutX}}" y1="{{px .Plot.Y0}}" x2="{{px .CutX}}" y2="{{px .Plot.Y1}}" stroke="#333" stroke-dasharray="6 4"/>
<line class="cut" x1="{{px .Plot.X0}}" y1="{{px .CutY}}" x2="{{px .Plot.X1}}" y2="{{px .CutY}}" stroke="#333" stroke-dasharray="6 4"/>
{{range .XTicks -}}
<text class="tick" x="{{px .X}}" y="{{px .Y}}" text-anchor="middle" fill="#333">{{.Text}}</text>
{{end -}}
{{range .YTicks -}}
<text class="tick" x="{{px .X}}" y="{{px .Y}}" text-anchor="end" fill="#333">{{.Text}}</text>
{{end -}}
<text class="axis" x="{{px (half .Plot.X0 .Plot.X1)}}" y="{{px .Plot.Y1}}" dy="34" text-anchor="middle" fill="#333">{{.XAxis}}</text>
<text class="axis" transform="translate(18 {{px (half .Plot.Y0 .Plot.Y1)}}) rotate(-90)" text-anchor="middle" fill="#333">{{.YAxis}}</text>
{{range .Dots}}{{if .Label.Leader -}}
<line class="leader" x1="{{px .Label.LX1}}" y1="{{px .Label.LY1}}" x2="{{px .Label.LX2}}" y2="{{px .Label.LY2}}" stroke="#555" stroke-width="1"/>
{{end}}{{end -}}
{{range .Dots -}}
<g class="rep dot-{{.Quadrant}}"><title>{{.Title}}</title>
{{- if .Beyond}}<polygon class="dot" points="{{arrow .}}" fill="{{.Fill}}" stroke="#fff"/>{{else}}<circle class="dot" cx="{{px .X}}" cy="{{px .Y}}" r="5" fill="{{.Fill}}" stroke="#fff"/>{{end -}}
<text class="label" x="{{px .Label.TextX}}" y="{{px .Label.TextY}}" fill="#111" stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">{{.Text}}</text></g>
{{end -}}
{{with .Empty -}}
<rect class="empty" x="{{px .Box.X0}}" y="{{px .Box.Y0}}" width="{{px .Box.W}}" height="{{px .Box.H}}" rx="8" fill="#fff" stroke="#999"/>
{{range .Lines -}}
<text class="{{.Class}}" x="{{px .X}}" y="{{px .Y}}" text-anchor="middle" fill="#222"{{if eq .Class "empty-head"}} font-size="16" font-weight="bold"{{end}}>{{.Text}}</text>
{{end -}}
{{end -}}
{{range .Footer -}}
<text class="foot {{.Class}}" x="{{px .X}}" y="{{px .Y}}" fill="#444"{{if eq .Class "head"}} font-weight="bold"{{end}}>{{.Text}}</text>
{{end -}}
{{end}}`))
