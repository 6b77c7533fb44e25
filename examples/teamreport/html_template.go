package main

import "html/template"

// pageTemplate is the report's page. It shares the grid's drawing with the
// -svg file (svgTemplates' "grid") and restyles it with classes: dark mode
// and print change the colours, not the drawing.
var pageTemplate = template.Must(template.Must(svgTemplates.Clone()).Parse(pageHTML))

// pageHTML is the page: inline CSS, inline SVG, no script, no URL.
const pageHTML = `
{{- define "page" -}}
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Team development report, as of {{.AsOf}}</title>
<style>
:root {
  --bg: #ffffff; --fg: #1a1a1a; --muted: #5b5b5b; --line: #d6d6d6; --card: #fafafa; --accent: #1f4e9c;
  --prio-bg: #fff6d8; --prio-line: #e0b400;
  --q-achiever: #e7f5ea; --q-striver: #fff4dc; --q-independent: #e6effb; --q-detractor: #fbe9e9;
  --d-achiever: #1e7b3a; --d-striver: #b26b00; --d-independent: #1f4e9c; --d-detractor: #b3261e;
  --dot: #1f4e9c; --below: #c0392b; --level: #7a7a7a; --above: #1e8449; --target: #d35400;
  --coaching: #1f77b4; --mentoring: #9467bd; --training: #e67e22; --management: #7f7f7f;
  color-scheme: light;
}
@media screen and (prefers-color-scheme: dark) {
  :root {
    --bg: #15171a; --fg: #e8e8e8; --muted: #a9a9a9; --line: #3a3d42; --card: #1d2024; --accent: #8ab4f8;
    --prio-bg: #2e2814; --prio-line: #b38f00;
    --q-achiever: #1b3323; --q-striver: #3a3117; --q-independent: #1a2a40; --q-detractor: #3d1f1f;
    --d-achiever: #5fd38a; --d-striver: #f2b84b; --d-independent: #8ab4f8; --d-detractor: #ff7b6b;
    --dot: #8ab4f8; --below: #ff7b6b; --level: #a0a0a0; --above: #5fd38a; --target: #ffa657;
    --coaching: #6cb4ee; --mentoring: #c3a3ec; --training: #f5a35c; --management: #b0b0b0;
    color-scheme: dark;
  }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1180px; padding: 16px 24px 40px; background: var(--bg); color: var(--fg);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif; }
h1 { font-size: 26px; margin: 4px 0 2px; }
h2 { font-size: 20px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 16px; margin: 16px 0 6px; }
p { margin: 6px 0; }
.muted, .source { color: var(--muted); }
.small { font-size: 13px; }
header .asof { color: var(--muted); margin: 0 0 10px; }
.totals { display: flex; flex-wrap: wrap; gap: 8px; margin: 0; padding: 0; list-style: none; }
.totals li { border: 1px solid var(--line); border-radius: 8px; padding: 6px 12px; min-width: 96px; background: var(--card); }
.totals b { display: block; font-size: 22px; line-height: 1.2; }
.totals span { color: var(--muted); font-size: 13px; }
nav { margin: 12px 0 0; font-size: 14px; }
nav a { color: var(--accent); margin-right: 14px; text-decoration: none; }
.priority { margin: 18px 0 0; padding: 14px 20px 16px; border: 2px solid var(--prio-line); border-left-width: 10px;
  border-radius: 10px; background: var(--prio-bg); }
.priority h2 { border: 0; margin: 0; padding: 0; font-size: 15px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.priority .what { font-size: 32px; font-weight: 700; line-height: 1.2; margin: 4px 0 6px; }
.priority .why { font-size: 17px; }
.bar { position: relative; height: 14px; background: var(--line); border-radius: 7px; max-width: 560px; margin: 8px 0 4px; }
.bar .fill { position: absolute; left: 0; top: 0; bottom: 0; background: var(--accent); border-radius: 7px; }
.bar .mark { position: absolute; top: -4px; bottom: -4px; width: 3px; background: var(--target); }
.then { margin: 8px 0 0; padding-left: 20px; }
.gridwrap { overflow-x: auto; }
svg { display: block; }
svg.grid { width: 100%; max-width: 860px; height: auto; min-width: 600px; }
svg.grid .bg { fill: var(--bg); }
svg.grid text, svg.chart text { fill: var(--fg); }
svg.grid .qname, svg.grid .foot, svg.grid .tick { fill: var(--muted); }
svg.grid .q-achiever { fill: var(--q-achiever); }
svg.grid .q-striver { fill: var(--q-striver); }
svg.grid .q-independent { fill: var(--q-independent); }
svg.grid .q-detractor { fill: var(--q-detractor); }
svg.grid .frame, svg.grid .cut { stroke: var(--fg); }
svg.grid .dot { stroke: var(--bg); }
svg.grid .label { stroke: var(--bg); }
svg.grid .dot-achiever .dot { fill: var(--d-achiever); } svg.grid .dot-striver .dot { fill: var(--d-striver); }
svg.grid .dot-independent .dot { fill: var(--d-independent); } svg.grid .dot-detractor .dot { fill: var(--d-detractor); }
svg.grid .leader { stroke: var(--muted); }
svg.grid .empty { fill: var(--bg); stroke: var(--muted); }
svg.grid a:hover .label, svg.grid a:focus .label { text-decoration: underline; }
.strategies { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 10px; margin-top: 12px; }
.strategies div { padding: 8px 12px; border-radius: 8px; font-size: 13.5px; }
.strategies b { font-size: 15px; }
.quad-achiever { background: var(--q-achiever); } .quad-striver { background: var(--q-striver); }
.quad-independent { background: var(--q-independent); } .quad-detractor { background: var(--q-detractor); }
.quad-none { background: var(--line); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: 6px 0; font-size: 14px; }
td.nowrap { white-space: nowrap; }
th, td { text-align: left; padding: 4px 10px 4px 0; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--muted); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(380px, 1fr)); gap: 18px; }
.charts figure { margin: 0; }
.charts figcaption { font-weight: 600; margin-bottom: 2px; }
svg.chart { width: 100%; max-width: 480px; height: auto; }
svg.chart .axis, svg.chart .tick { fill: var(--muted); }
svg.chart .gridline { stroke: var(--line); }
svg.chart line.target { stroke: var(--target); }
svg.chart text.target { fill: var(--target); }
svg.chart .below { stroke: var(--below); fill: var(--below); }
svg.chart .level { stroke: var(--level); fill: var(--level); }
svg.chart .above { stroke: var(--above); fill: var(--above); }
.legend span { margin-right: 12px; white-space: nowrap; }
.sw { display: inline-block; width: 10px; height: 10px; border-radius: 5px; margin-right: 4px; vertical-align: baseline; }
.sw.below { background: var(--below); } .sw.level { background: var(--level); } .sw.above { background: var(--above); }
.sw.target { background: var(--target); border-radius: 0; width: 3px; height: 12px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 14px; }
.card { border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; background: var(--card); font-size: 14px; }
.card h3 { margin: 0; font-size: 17px; }
.card .head { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; }
.card p { margin: 5px 0; }
.card .k { margin-right: 6px; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.card .fx { border-left: 4px solid var(--accent); padding: 2px 0 2px 10px; margin: 8px 0; }
.card .why { margin-top: 8px; }
.card .sub { color: var(--muted); font-size: 13px; margin: 0 0 8px; }
.badges { display: flex; flex-wrap: wrap; gap: 6px; margin: 6px 0; }
.badge { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 13px; font-weight: 600; border: 1px solid var(--line); }
.help-coaching { background: var(--coaching); color: #fff; border-color: var(--coaching); }
.help-mentoring { background: var(--mentoring); color: #fff; border-color: var(--mentoring); }
.help-training { background: var(--training); color: #fff; border-color: var(--training); }
.help-management { background: var(--management); color: #fff; border-color: var(--management); }
@media screen and (prefers-color-scheme: dark) { .badge[class*="help-"], .mix span { color: #111; } }
.grade { display: inline-block; min-width: 24px; text-align: center; font-weight: 700; border-radius: 5px; padding: 0 5px; border: 1px solid var(--line); }
.grade-A { color: var(--above); border-color: var(--above); } .grade-B { color: var(--level); border-color: var(--level); }
.grade-C { color: var(--below); border-color: var(--below); } .ungraded { color: var(--muted); }
.verdict.below { color: var(--below); } .verdict.above { color: var(--above); } .verdict.level { color: var(--muted); }
.scores { width: 100%; font-size: 13px; margin-top: 8px; }
.scores td { padding: 2px 6px 2px 0; }
.scores tr.focus td:first-child { font-weight: 700; }
.hours { position: relative; height: 10px; background: var(--line); border-radius: 5px; margin: 4px 0 2px; }
.hours .fill { position: absolute; left: 0; top: 0; bottom: 0; background: var(--coaching); border-radius: 5px; }
.hours.short .fill { background: var(--below); }
.hours .mark { position: absolute; top: -3px; bottom: -3px; width: 2px; background: var(--fg); }
.short-text { color: var(--below); }
.mix { display: flex; height: 18px; border-radius: 4px; overflow: hidden; min-width: 220px; max-width: 420px; font-size: 11px; }
.mix span { color: #fff; padding: 0 4px; overflow: hidden; white-space: nowrap; }
.notes li { margin: 4px 0; }
table.glance { font-size: 13.5px; margin-bottom: 4px; }
table.glance td { padding: 3px 12px 3px 0; }
table.glance a { color: var(--accent); text-decoration: none; font-weight: 600; }
table.glance .badge { font-size: 12px; padding: 0 7px; }
footer { margin-top: 36px; color: var(--muted); font-size: 13px; }
@media (max-width: 640px) {
  body { padding: 10px 12px 30px; font-size: 14px; }
  .priority { padding: 10px 12px; }
  .priority .what { font-size: 24px; }
  .charts, .cards { grid-template-columns: 1fr; }
  .totals li { min-width: 0; flex: 1 1 40%; }
}
@page { margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav, .noprint { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3, figcaption { break-after: avoid; }
  .priority, .card, figure, tr, .strategies div, table.std { break-inside: avoid; }
  .gridwrap { overflow: visible; display: block; }
  svg.grid { min-width: 0; max-width: 100%; width: auto; max-height: 80mm; }
  .priority { margin-top: 10px; padding: 8px 14px; }
  .priority .what { font-size: 20pt; }
  .strategies div { font-size: 8pt; padding: 6px 8px; }
  .cards { display: block; columns: 2; column-gap: 6px; }
  .cards .card { display: block; margin: 0 0 6px; }
  .charts { grid-template-columns: 1fr 1fr; }
  .card { font-size: 8pt; padding: 6px 8px; }
  .card h3 { font-size: 11pt; }
  .card .small, .card .why, .scores { font-size: 7pt; }
  table.glance { font-size: 8pt; }
  #reps { break-before: page; }
}
</style>
</head>
<body>
<header>
<h1>Team development report</h1>
<p class="asof">As of <b>{{.AsOf}}</b> · results over {{.WindowFrom}} to {{.WindowTo}} · focus for {{.MonthFrom}} to {{.MonthTo}}</p>
<ul class="totals">
{{- range .Totals}}
<li><b>{{.Value}}</b><span>{{.Label}}{{if .Note}} · {{.Note}}{{end}}</span></li>
{{- end}}
</ul>
<nav class="noprint"><a href="#priority">Priority</a><a href="#grid">Grid</a><a href="#standards">Standards</a><a href="#reps">Reps</a><a href="#managers">Managers</a><a href="#notes">Notes</a></nav>
</header>

<section id="priority" class="priority">
<h2>First priority for training</h2>
{{- with .First}}
<p class="what">{{.Name}}</p>
<p class="why">The team converts <b>{{.Current}}</b> against a standard of <b>{{.Target}}</b>: reaching it multiplies revenue by <b>{{.Gain}}</b>.{{if .Small}} The team is close to its standard on every measured competency, so the gain from training any one is small.{{end}}</p>
<div class="bar" role="img" aria-label="{{.Current}} of a standard of {{.Target}}"><div class="fill" style="width: {{.CurrentPct}}%"></div><div class="mark" style="left: {{.TargetPct}}%"></div></div>
<p class="small muted">Rates read in the light of the team, on the scale grades are judged on. {{.Below}} reps clearly below the standard, {{.Level}} not yet distinguishable from it, {{.Above}} clearly at or above it{{if .Ungraded}}, {{.Ungraded}} without evidence{{end}}.</p>
{{- with .Evidence}}
<p class="small">Evidence: {{.}}</p>
{{- end}}
{{- if .BelowNames}}
<p>Clearly below the standard: {{range $i, $n := .BelowNames}}{{if $i}}, {{end}}{{$n}}{{end}}.</p>
{{- end}}
{{- else}}
<p class="what">None yet</p>
<p class="why">No competency is measured, so there is no standard to train to. See the notes for what the data lacks.</p>
{{- end}}
{{- if .RepFirst}}
<details class="small"><summary>Each rep's first priority ({{len .RepFirst}}) and what it rests on</summary>
<div class="scroll"><table class="std">
<tr><th>rep</th><th>first priority</th><th>grade</th><th>rests on</th></tr>
{{- range .RepFirst}}
<tr><td><a href="#{{.ID}}">{{.Name}}</a></td><td>{{.Competency}}</td><td class="nowrap">{{.Grade}}</td><td>{{.Evidence}}</td></tr>
{{- end}}
</table></div>
</details>
{{- end}}
{{- if .Then}}
<ol class="then" start="2">
{{- range .Then}}
<li>then <b>{{.Name}}</b>: {{.Current}} against {{.Target}}, {{.Gain}}</li>
{{- end}}
</ol>
{{- end}}
</section>

<section id="grid">
<h2>Who needs what: desire × results</h2>
<p class="muted small">Each placed rep is a dot: desire to develop and grow across, results against quota up. A label moved away from its dot is joined to it by a line; a rep above the top of the scale is an arrow on the top edge. Every quadrant is coached.</p>
<div class="gridwrap">
<svg class="grid" viewBox="0 0 {{px .Grid.Width}} {{px .Grid.Height}}" width="{{px .Grid.Width}}" height="{{px .Grid.Height}}" role="img" aria-label="{{.Grid.Title}}" font-family="Arial, 'Liberation Sans', Helvetica, sans-serif" font-size="12">
<rect class="bg" width="100%" height="100%" fill="#fff"/>
{{template "grid" .Grid}}</svg>
</div>
<div class="strategies">
{{- range .Strategies}}
<div class="quad-{{.Class}}"><b>{{.Name}}</b> ({{.Reps}})<br>{{.Advice}}<br><span class="source small">Source: {{.Sources}}</span></div>
{{- end}}
</div>
</section>

<section id="standards">
<h2>Team standards</h2>
<p class="muted small">Each standard is set on the scale grades are judged on: each rep's rate read in the light of the team.</p>
{{- if .Standards}}
<div class="scroll"><table class="std">
<tr><th>competency</th><th>team rate</th><th>standard</th><th>clearly below</th><th>not yet distinguishable</th><th>clearly at or above</th><th>set from</th></tr>
{{- range .Standards}}
<tr><td>{{.Name}}</td><td class="nowrap">{{.Team}}</td><td><b>{{.Target}}</b></td><td class="num">{{.Below}}</td><td class="num">{{.Level}}</td><td class="num">{{.Above}}</td><td class="small muted">{{.Source}}</td></tr>
{{- end}}
</table></div>
{{- else}}
<p>No competency is measured: there is no standard yet.</p>
{{- end}}
{{- if .Funnel}}
<h3>How far the deals got</h3>
<ul class="small">{{range .Funnel}}<li>{{.}}</li>{{end}}</ul>
{{- end}}
{{- if .Unmeasured}}
<p><b>Not measured:</b></p>
<ul>{{range .Unmeasured}}<li>{{.Name}}: {{.Reason}}</li>{{end}}</ul>
{{- end}}

{{- if .Charts}}
<h3>Each rep against the standard</h3>
<p class="legend small"><span><i class="sw below"></i>clearly below</span><span><i class="sw level"></i>not yet distinguishable</span><span><i class="sw above"></i>clearly at or above</span><span><i class="sw target"></i>the standard</span></p>
<p class="muted small">A dot is the rep's rate read in the light of the team; the line is where the rep's true rate lies (95%). Reps are grouped by what the evidence says, and not ranked within a group.</p>
<div class="charts">
{{- range .Charts}}
<figure id="{{.ID}}"><figcaption>{{.Name}}</figcaption>
<svg class="chart" viewBox="0 0 {{px .Width}} {{px .Height}}" width="{{px .Width}}" height="{{px .Height}}" role="img" aria-label="{{.Name}}: each rep's rate against the {{.TargetText}}" font-family="Arial, 'Liberation Sans', Helvetica, sans-serif" font-size="11">
{{- $p := .Plot}}
{{- range .Ticks}}
<line class="gridline" x1="{{px .X}}" y1="{{px $p.Y0}}" x2="{{px .X}}" y2="{{px $p.Y1}}" stroke="#ddd"/>
<text class="tick" x="{{px .X}}" y="{{px .Y}}" text-anchor="middle" fill="#555">{{.Text}}</text>
{{- end}}
<line class="target" x1="{{px .TargetX}}" y1="{{px (sub .Plot.Y0 14)}}" x2="{{px .TargetX}}" y2="{{px .Plot.Y1}}" stroke="#d35400" stroke-width="2"/>
<text class="target" x="{{px .TargetX}}" y="9" text-anchor="middle" fill="#d35400" font-weight="bold">{{.TargetText}}</text>
{{- range .Rows}}
<g><title>{{.Title}}</title>
<text x="{{px .NameX}}" y="{{px (add .Y 4)}}" text-anchor="end" fill="#111">{{.Name}}</text>
<line class="{{.Class}}" x1="{{px .Lo}}" y1="{{px .Y}}" x2="{{px .Hi}}" y2="{{px .Y}}" stroke-width="2.5" stroke-linecap="round" stroke="#777"/>
<circle class="{{.Class}}" cx="{{px .X}}" cy="{{px .Y}}" r="4" fill="#777"/></g>
{{- end}}
</svg>
{{- if .Ungraded}}
<p class="small muted">No evidence yet: {{range $i, $n := .Ungraded}}{{if $i}}, {{end}}{{$n}}{{end}}.</p>
{{- end}}
</figure>
{{- end}}
</div>
{{- end}}

{{- if .Benchmarks}}
<h3>Other benchmarks</h3>
<div class="scroll"><table>
<tr><th>metric</th><th>reps</th><th>median</th><th>target (75th percentile)</th><th>90th percentile</th></tr>
{{- range .Benchmarks}}
<tr><td>{{.Name}} <span class="small muted">({{.Dir}})</span></td><td class="num">{{.Reps}}</td><td class="num">{{.P50}}</td><td class="num"><b>{{.Target}}</b></td><td class="num">{{.P90}}</td></tr>
{{- end}}
</table></div>
{{- end}}

<h3>Rules discovered in the closed deals</h3>
{{- if .Rules}}
<ul>{{range .Rules}}<li>{{.}}</li>{{end}}</ul>
{{- else}}
<p class="muted">No history of closed deals to search.</p>
{{- end}}
<p class="small muted">T.M.C. ramp: {{.Ramp}}.</p>
</section>

<section id="reps">
<h2>Each rep's plan</h2>
<div class="scroll"><table class="glance">
<tr><th>rep</th><th>manager</th><th>help</th><th>focus for the coming month</th><th>grade</th><th>grid</th><th>coaching</th></tr>
{{- range .Cards}}
<tr><td><a href="#{{.ID}}">{{.Name}}</a></td><td>{{.Manager}}</td><td><span class="badge {{.HelpClass}}">{{.Help}}</span></td><td>{{with .Focus}}{{.Competency}}{{else}}<span class="muted">—</span>{{end}}</td><td class="nowrap"><span class="grade {{.GradeClass}}">{{.Grade}}</span>{{if eq .VerdictClass "level"}} <span class="small muted">~</span>{{end}}</td><td>{{.Quadrant}}</td><td class="nowrap{{with .Hours}}{{if .Below}} short-text{{end}}{{end}}">{{with .Hours}}{{.Text}}{{else}}<span class="muted">—</span>{{end}}</td></tr>
{{- end}}
</table></div>
<p class="small muted">~ the evidence cannot yet tell the rep from the standard. Each name links to the rep's card.</p>
<div class="cards">
{{- range .Cards}}
<article class="card" id="{{.ID}}">
<div class="head"><h3>{{.Name}}</h3><span class="badge {{.HelpClass}}">{{.Help}}</span></div>
<p class="sub">{{if .Manager}}Manager {{.Manager}}{{else}}No manager in the roster{{end}}{{if .Counts}} · {{.Counts}}{{end}}</p>
<div class="fx">
{{- with .Focus}}
<p><span class="k">Focus</span> <b>{{.Competency}}</b>: {{.Behavior}} <span class="small muted">({{.Window}})</span>{{with .Evidence}}<br><span class="small">Rests on {{.}}.</span>{{end}}</p>
{{- else}}
<p><span class="k">Focus</span> <span class="muted">none: no graded evidence yet</span></p>
{{- end}}
{{- if .Evidence}}
<p><span class="grade {{.GradeClass}}">{{.Grade}}</span> <span class="verdict {{.VerdictClass}}">{{.Verdict}}</span><br><span class="small">{{.Evidence}}</span></p>
{{- end}}
{{- if .Progress}}
<p class="small">{{.Progress}}</p>
{{- end}}
</div>
<p><span class="k">Help</span> {{.HelpReason}}</p>
<p><span class="k">Grid</span> <span class="badge quad-{{.QClass}}">{{.Quadrant}}</span> {{.Placement}}{{if .Strategy}}: <i>{{.Strategy}}</i>{{end}}</p>
<p><span class="k">Coaching</span> {{with .Hours}}{{.Text}}{{if .Below}} <span class="short-text">below the {{printf "%.0f" $.Cadence}} h cadence</span>{{end}}</p>
<div class="hours{{if .Below}} short{{end}}" role="img" aria-label="{{.Text}} against a cadence of {{printf "%.0f" $.Cadence}} h"><div class="fill" style="width: {{.BarPct}}%"></div><div class="mark" style="left: {{.CadencePct}}%"></div></div>{{else}}<span class="muted">no share of a manager's coaching hours (not on the grid, or no manager)</span></p>{{end}}
{{- range .Coached}}
<p class="small">{{.}}</p>
{{- end}}
{{- if or .Mentor .MentorNote}}
<p><span class="k">Mentor</span> {{if .Mentor}}<b>{{.Mentor}}</b>{{else}}<span class="muted">none: {{.MentorNote}}</span>{{end}}</p>
{{- end}}
{{- if .Scores}}
<table class="scores">
{{- range .Scores}}
<tr{{if .Focus}} class="focus"{{end}}><td>{{.Name}}</td><td><span class="grade {{.GradeClass}}">{{.Grade}}</span></td><td class="small">{{.Evidence}}</td></tr>
{{- end}}
</table>
{{- end}}
<p class="why small muted"><span class="k">Why</span> {{.Basis}}{{if .Stated}} (stated by the manager){{end}}{{with .Focus}}{{if .Reason}} Focus: {{.Reason}}.{{end}}{{end}}</p>
</article>
{{- end}}
</div>
</section>

<section id="managers">
<h2>Managers: managing or developing?</h2>
{{- if .Managers}}
<div class="scroll"><table>
<tr><th>manager</th><th>reps</th><th>1:1s by kind of help</th><th>coaching hours</th></tr>
{{- range .Managers}}
<tr><td><b>{{.Name}}</b></td><td class="num">{{.Reps}}</td>
<td>{{if .Mix}}<div class="mix">{{range .Mix}}<span class="{{.Class}}" style="width: {{.Pct}}%" title="{{.Text}}">{{.Text}}</span>{{end}}</div>{{end}}<span class="small">{{.MixText}}</span>{{if .Note}}<br><span class="small short-text">{{.Note}}</span>{{end}}</td>
<td class="small{{if .Short}} short-text{{end}}">{{.Allocation}}</td></tr>
{{- end}}
</table></div>
{{- else}}
<p class="muted">No manager in the roster.</p>
{{- end}}
{{- if .MentorNotes}}
<p><b>Mentors:</b></p>
<ul>{{range .MentorNotes}}<li>{{.}}</li>{{end}}</ul>
{{- end}}
</section>

<section id="notes" class="notes">
<h2>Notes</h2>
<ul>
{{- range .Unmeasured}}
<li>Not measured: <b>{{.Name}}</b>: {{.Reason}}.</li>
{{- end}}
{{- if .NotPlaced}}
<li>Not on the grid: {{range $i, $n := .NotPlaced}}{{if $i}}; {{end}}{{$n}}{{end}}.</li>
{{- end}}
{{- if .Skipped}}
<li>{{.Skipped}} malformed rows were skipped (-skip-bad) and are not counted.</li>
{{- end}}
{{- range .Notes}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- if .Missing}}
<h3>What more data would unlock</h3>
<ul>
{{- range .Missing}}
<li><b>{{.Input}}</b>: {{.Unlocks}}</li>
{{- end}}
</ul>
{{- end}}
</section>
<footer>Made by teamreport from the team's CRM export. Every figure and decision comes from the salesdev library's team plan; the sources of its advice are named beside it.</footer>
</body>
</html>
{{end}}`
