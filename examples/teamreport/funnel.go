package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/benchmark/rollup"
	"github.com/salesdev/salesdev/competency"
	"github.com/salesdev/salesdev/examples/teamreport/internal/crm"
	"github.com/salesdev/salesdev/examples/teamreport/internal/csvin"
)

// This file reads each competency's rate out of how far the deals got.
// A competency of the ready model is "the ratio of items reaching stage
// To out of those reaching From" (DESIGN §3); a deal's furthest stage is
// the best evidence the export has for it (package crm: its stage
// history, else its stage, else only won or lost).
//
// Open deals. A deal still open at a stage between From and To has not
// yet reached To, nor failed to: it is left out of that rate (it is
// counted as undecided), and counts as a hit in every rate whose To it
// has passed. Counting it as a miss would grade reps on the age of their
// pipeline: a rep with many new deals would look like one who loses
// them. The price is that a rate says nothing about deals that stall
// open forever; the notes give the undecided deals per competency.
//
// Deals known only by their outcome (a Salesforce or HubSpot export
// without stage history, whose closed deals all read "Closed Won" or
// "Closed Lost") count in the close rate alone, as won or lost out of
// closed: they say nothing about the earlier steps, and counting the won
// ones there (they passed every step) without the lost ones (which
// stopped at an unknown step) would inflate those rates.

// Evidence counts deals by what their furthest stage rests on.
type Evidence struct {
	// History counts deals whose furthest stage rests on their stage
	// history (-history, or HubSpot's "Date entered" columns).
	History int64 `json:"history"`
	// Stage counts deals whose furthest stage rests on their current
	// stage, or the stage they closed from.
	Stage int64 `json:"stage"`
	// Outcome counts deals whose furthest stage rests only on whether
	// they were won or lost.
	Outcome int64 `json:"outcome"`
	// Linked counts items (deals or contacts) whose furthest step rests
	// on the activities linked to them, for a rate the activities measure
	// (a StepRate whose source is "activities"); 0 in the funnel's deals.
	Linked int64 `json:"linked"`
}

// add returns the sum of e and o.
func (e Evidence) add(o Evidence) Evidence {
	return Evidence{e.History + o.History, e.Stage + o.Stage, e.Outcome + o.Outcome, e.Linked + o.Linked}
}

// String says what the evidence is, as in "stage history for 812 deals,
// current stage for 3,100, outcome only for 40".
func (e Evidence) String() string {
	if e.Linked > 0 {
		return fmt.Sprintf("linked activities for %s", count(int(e.Linked), "item", "items"))
	}
	var parts []string
	for _, p := range []struct {
		what string
		n    int64
	}{{"stage history", e.History}, {"current stage", e.Stage}, {"outcome only", e.Outcome}} {
		if p.n == 0 {
			continue
		}
		unit := ""
		if len(parts) == 0 {
			unit = " deals"
			if p.n == 1 {
				unit = " deal"
			}
		}
		parts = append(parts, fmt.Sprintf("%s for %s%s", p.what, thousands(p.n), unit))
	}
	if len(parts) == 0 {
		return "no deals"
	}
	return strings.Join(parts, ", ")
}

// kinds reports which kinds of evidence e holds, as a bit set.
func (e Evidence) kinds() int {
	k := 0
	for i, n := range []int64{e.History, e.Stage, e.Outcome, e.Linked} {
		if n > 0 {
			k |= 1 << i
		}
	}
	return k
}

// A StepRate is one competency's rate as the report read it from the
// deals or the linked activities: the rate the plan grades, the evidence
// its trials rest on, and the open deals left out as undecided.
type StepRate struct {
	// Competency is the ready model's competency ID.
	Competency string `json:"competency"`
	// Source is what the rate is counted from: "deals" (how far each deal
	// got, in the deals export) or "activities" (the items, deals or
	// contacts, that linked activities reached: conversation → meeting →
	// proposal). A rate rests on one source, never both.
	Source string `json:"source"`
	// From is the step the rate starts from ("conversation",
	// "appointment" or "gateway"): the competency's, or the nearest step
	// above it that the pipeline has.
	From string `json:"from"`
	// To is the step the rate runs to ("appointment", "gateway" or
	// "close").
	To string `json:"to"`
	// Rate is deals reaching To out of deals reaching From and decided;
	// for the activities, items with an activity of To's kind (or a later
	// one) out of items with an activity of From's kind.
	Rate benchmark.Rate `json:"rate"`
	// Evidence counts the trials by what they rest on.
	Evidence Evidence `json:"evidence"`
	// Undecided counts the open deals that reached From but stand before
	// To: left out of the rate.
	Undecided int64 `json:"undecided"`
}

// A FunnelReport is the pipeline's funnel: its ordered stages, the step
// of the ready model each marks, and how each competency was measured.
type FunnelReport struct {
	// Source says where the stages come from: the -stages file, or the
	// CRM's default pipeline.
	Source string `json:"source"`
	// Stages are the pipeline's stages, top first.
	Stages []FunnelStage `json:"stages"`
	// Deals counts the deals by what their furthest stage rests on.
	Deals Evidence `json:"deals"`
	// Unstaged counts the open deals at a stage that marks no step.
	Unstaged int64 `json:"unstaged"`
	// Pipelines are the export's pipelines, in the order first seen
	// (one, named "", for an export without pipelines): each deal counts
	// against its own pipeline's stages, and the competencies' rates add
	// the pipelines up by step.
	Pipelines []PipelineFunnel `json:"pipelines"`
	// Competencies holds the team's rate of each competency the plan
	// measures, in the model's order.
	Competencies []StepRate `json:"competencies"`
	// Unmeasured holds the ready model's other competencies, in the
	// model's order, each with why it is not measured.
	Unmeasured []NotMeasured `json:"unmeasured"`
	// Activities counts each kind of activity the activity exports hold,
	// benchmarked per rep and week in the plan; empty without -activities
	// (or, for the built-in data set, its own activities file).
	Activities []ActivityRate `json:"activities"`
	// Linked counts the activities linked to a deal or a contact and the
	// items they are linked to, which give the conversions of the
	// activities (conversation → meeting → proposal).
	Linked LinkedItems `json:"linked"`
}

// LinkedItems counts the activities linked to an item and the items.
type LinkedItems struct {
	// Activities counts the activities linked to a deal or a contact, up
	// to the as-of day.
	Activities int64 `json:"activities"`
	// Deals counts the deals linked activities name (Salesforce's WhatId
	// may name an account: it counts here).
	Deals int64 `json:"deals"`
	// Contacts counts the contacts (or leads) named by linked activities
	// that name no deal.
	Contacts int64 `json:"contacts"`
}

// A FunnelStage is one stage of the pipeline.
type FunnelStage struct {
	// Label is the stage's name in the export or the -stages file.
	Label string `json:"label"`
	// Step is the ready model's stage it marks ("conversation",
	// "appointment", "gateway", "close"), or "" for none (a lost stage).
	Step string `json:"step"`
	// Pipeline is the pipeline the stage is in, as the export names it;
	// "" in an export without pipelines.
	Pipeline string `json:"pipeline"`
}

// A PipelineFunnel is one pipeline of the export: its stages, the
// evidence its deals rest on, and its own rate of each competency the
// deals measure in it.
type PipelineFunnel struct {
	// Name is the pipeline as the export names it; "" for an export
	// without pipelines.
	Name string `json:"name"`
	// Source says where its stages come from: the -stages file, or the
	// CRM's default pipeline.
	Source string `json:"source"`
	// Deals counts its deals by what their furthest stage rests on.
	Deals Evidence `json:"deals"`
	// Unstaged counts its open deals at a stage that marks no step.
	Unstaged int64 `json:"unstaged"`
	// Competencies holds its team rate of each competency its deals
	// measure, in the model's order, without the deals known only by
	// outcome (counted for the whole export).
	Competencies []StepRate `json:"competencies"`
}

// NotMeasured is a competency the pipeline cannot measure, and why.
type NotMeasured struct {
	// Competency is the ready model's competency ID.
	Competency string `json:"competency"`
	// Reason says why the pipeline or the plan cannot measure it.
	Reason string `json:"reason"`
}

// An ActivityRate is a kind of activity counted per rep and week, every
// activity of the kind, linked to a deal or a contact or not.
type ActivityRate struct {
	// Kind is the kind of activity: "calls", "conversations", "meetings"
	// or "proposals".
	Kind string `json:"kind"`
	// Count is the team's count of the kind, up to the as-of day.
	Count int64 `json:"count"`
	// Reps counts the reps with any activity.
	Reps int `json:"reps"`
}

// Sources of a rate.
const (
	fromDeals      = "deals"
	fromActivities = "activities"
)

// stepMeasure is how one competency is measured on this pipeline: from
// the deals' steps, or from the linked activities (link is the index
// into linkedSteps).
type stepMeasure struct {
	id       string
	from, to crm.Step
	src      string
	link     int
}

// measures returns how each competency of the ready model is measured on
// a pipeline whose stages mark the steps in present, and why the others
// are not. A competency needs a stage at its To step (the close is always
// there: a won deal); its From is the nearest step at or above its own
// that the pipeline has.
func measures(present [crm.Steps]bool) ([]stepMeasure, []NotMeasured) {
	var ms []stepMeasure
	var not []NotMeasured
	for _, c := range competency.Default().Competencies {
		from, err1 := crm.ParseStep(c.From)
		to, err2 := crm.ParseStep(c.To)
		if err1 != nil || err2 != nil {
			not = append(not, NotMeasured{c.ID, "its stages are not the ready model's"})
			continue
		}
		if !present[to] {
			not = append(not, NotMeasured{c.ID, fmt.Sprintf("no stage of the pipeline marks the %s (%s): give -stages with a step column to map one", to, stepWords[to])})
			continue
		}
		f := from
		for f > crm.StepConversation && !present[f] {
			f--
		}
		if !present[f] {
			not = append(not, NotMeasured{c.ID, fmt.Sprintf("no stage of the pipeline marks the %s or a step before it: give -stages with a step column", from)})
			continue
		}
		ms = append(ms, stepMeasure{id: c.ID, from: f, to: to, src: fromDeals})
	}
	return ms, not
}

// stepWords say what each step is, for the notes.
var stepWords = [crm.Steps]string{"", "a first conversation", "the first appointment held", "a demo, a site visit or a proposal", "the deal won"}

// repSteps are one rep's deals by evidence, outcome and furthest step,
// read from the tally's roll-ups.
type repSteps struct {
	// reached[e][o][s] counts the deals of evidence e and outcome o that
	// reached step s+1 (crm.StepConversation is index 0).
	reached [evidenceKinds][stepOutcomes][crm.Steps - 1]int64
}

// outcomeCounts are one rep's closed deals known only by outcome.
type outcomeCounts struct{ won, lost int64 }

// readSteps returns each pipeline's step counts per rep, and each rep's
// closed deals known only by outcome; n is the number of reps. The tally
// has been flushed.
func readSteps(t *tally, n int) ([][]repSteps, []outcomeCounts) {
	out := make([][]repSteps, len(t.steps))
	for p, ps := range t.steps {
		out[p] = make([]repSteps, n)
		for e := range ps {
			for o, r := range ps[e] {
				if r.r == nil {
					continue // no deal: all zeros
				}
				var funnel []int64
				for g := range min(n, r.r.Groups()) {
					funnel, _ = r.r.AppendReached(funnel[:0], g) // g is in range
					copy(out[p][g].reached[e][o][:], funnel)
				}
			}
		}
	}
	oo := make([]outcomeCounts, n)
	if t.outcomeOnly.r != nil {
		for g := range oo {
			oo[g] = outcomeCounts{t.outcomeOnly.totals(uint32(g), rollup.Won).Count, t.outcomeOnly.totals(uint32(g), rollup.Lost).Count}
		}
	}
	return out, oo
}

// pipelines is how the deals of each pipeline measure the competencies:
// each deal counts against its own pipeline's stages, and a competency's
// rate adds up the pipelines by step.
type pipelines struct {
	names  []string
	stages [][]FunnelStage
	source []string
	ms     [][]stepMeasure
	not    [][]NotMeasured
	steps  [][]repSteps    // per pipeline, per rep
	oo     []outcomeCounts // per rep: the deals known only by outcome
}

// newPipelines reads each pipeline's funnel and counts.
func newPipelines(ds *Dataset, n int) *pipelines {
	t := ds.tally
	if len(t.pipelines) == 0 {
		t.pipeline("") // no deal at a stage: the export's one funnel
	}
	steps, oo := readSteps(t, n)
	pl := &pipelines{names: t.pipelines, steps: steps, oo: oo}
	for _, name := range t.pipelines {
		st, src, present := funnelStages(ds, name)
		if len(t.pipelines) > 1 && ds.mapping.Funnel(name) == nil && !knownPipeline(ds, name) {
			// Another pipeline's custom stages: never guessed.
			st, src = nil, "none of its stages is the CRM's default: give -stages with a pipeline column to map them"
			present = [crm.Steps]bool{crm.StepClose: true}
		}
		ms, not := measures(present)
		pl.stages, pl.source = append(pl.stages, st), append(pl.source, src)
		pl.ms, pl.not = append(pl.ms, ms), append(pl.not, not)
	}
	return pl
}

// knownPipeline reports whether any deal of the pipeline stands at one of
// the CRM's default stages: its funnel is the CRM's default one.
func knownPipeline(ds *Dataset, name string) bool {
	keys := map[string]bool{}
	for _, s := range crm.Funnel(ds.deals.Format) {
		keys[csvin.Key(s.Label)] = true
	}
	for _, s := range ds.deals.Stages {
		if s.Count > 0 && s.Pipeline == csvin.Clean(name) && keys[csvin.Key(s.Label)] {
			return true
		}
	}
	return false
}

// measure returns pipeline p's measure of a competency, if it has one.
func (pl *pipelines) measure(p int, id string) (stepMeasure, bool) {
	for _, m := range pl.ms[p] {
		if m.id == id {
			return m, true
		}
	}
	return stepMeasure{}, false
}

// combined returns how the deals measure each competency across the
// pipelines: from the nearest step to the competency's own From that any
// pipeline measures it from (a step is a step in every pipeline).
// Pipelines that reach it only from an earlier step are left out of that
// rate, never mixed in, and the notes name them; a competency no pipeline
// measures gets the first pipeline's reason (named by pipeline when there
// are several).
func (pl *pipelines) combined(notes *[]string) ([]stepMeasure, []NotMeasured) {
	var ms []stepMeasure
	var not []NotMeasured
	for _, c := range competency.Default().Competencies {
		best, ok := stepMeasure{}, false
		for p := range pl.names {
			if m, has := pl.measure(p, c.ID); has && (!ok || m.from > best.from) {
				best, ok = m, true
			}
		}
		if !ok {
			for p := range pl.names {
				for _, u := range pl.not[p] {
					if u.Competency == c.ID && !slices.ContainsFunc(not, func(x NotMeasured) bool { return x.Competency == c.ID }) {
						if len(pl.names) > 1 {
							u.Reason = fmt.Sprintf("in pipeline %q: %s", pl.names[p], u.Reason)
						}
						not = append(not, u)
					}
				}
			}
			continue
		}
		var left []string
		for p, name := range pl.names {
			if m, has := pl.measure(p, c.ID); has && m.from != best.from {
				left = append(left, fmt.Sprintf("%q (from the %s)", name, m.from))
			}
		}
		if len(left) > 0 {
			*notes = append(*notes, fmt.Sprintf("%s is measured from the %s; pipelines without a %s stage are left out of it, not mixed in: %s",
				competencyName(c.ID), best.from, best.from, strings.Join(left, ", ")))
		}
		ms = append(ms, best)
	}
	return ms, not
}

// rate returns rep g's rate of m from the deals: the pipelines that
// measure m from its From, added up; for the close, plus the deals known
// only by outcome.
func (pl *pipelines) rate(g uint32, m stepMeasure) stepCount {
	var c stepCount
	for p := range pl.names {
		if pm, ok := pl.measure(p, m.id); ok && pm.from == m.from {
			c.add(pl.steps[p][g].count(m))
		}
	}
	if m.to == crm.StepClose {
		oo := pl.oo[g]
		c.rate = c.rate.Add(benchmark.Rate{Hits: oo.won, Trials: oo.won + oo.lost})
		c.evidence.Outcome += oo.won + oo.lost
	}
	return c
}

// A stepCount is what a StepRate counts, without its labels: cheap to
// add up over reps and pipelines.
type stepCount struct {
	rate      benchmark.Rate
	evidence  Evidence
	undecided int64
}

// add adds o to c.
func (c *stepCount) add(o stepCount) {
	c.rate = c.rate.Add(o.rate)
	c.evidence = c.evidence.add(o.evidence)
	c.undecided += o.undecided
}

// stepRate returns c as the rate of m counted from src.
func (c stepCount) stepRate(m stepMeasure, src string) StepRate {
	return StepRate{Competency: m.id, Source: src, From: m.from.String(), To: m.to.String(),
		Rate: c.rate, Evidence: c.evidence, Undecided: c.undecided}
}

// count returns the rep's rate from step m.from to m.to in one pipeline:
// deals reaching to out of deals reaching from, less the open deals
// between the two (undecided).
func (r *repSteps) count(m stepMeasure) stepCount {
	f, t := int(m.from-crm.StepConversation), int(m.to-crm.StepConversation)
	var sr stepCount
	for e := range evidenceKinds {
		var hits, trials int64
		for o := range stepOutcomes {
			hits += r.reached[e][o][t]
			trials += r.reached[e][o][f]
		}
		undecided := r.reached[e][stepOpen][f] - r.reached[e][stepOpen][t]
		trials -= undecided
		sr.undecided += undecided
		sr.rate = sr.rate.Add(benchmark.Rate{Hits: hits, Trials: trials})
		if e == byHistory {
			sr.evidence.History += trials
		} else {
			sr.evidence.Stage += trials
		}
	}
	return sr
}

// linkedRate returns a rep's rate of a competency the linked activities
// measure.
func linkedRate(l linkedSteps, m stepMeasure) stepCount {
	r := l[m.link]
	return stepCount{rate: r, evidence: Evidence{Linked: r.Trials}}
}

// linkSteps are the competencies the linked activities can measure, with
// their index into linkedSteps: a conversation that reached a meeting
// (the appointment), a meeting that reached a proposal (the gateway).
var linkSteps = []stepMeasure{
	{id: competency.NewOpportunitiesID, from: crm.StepConversation, to: crm.StepAppointment, src: fromActivities, link: 0},
	{id: competency.GatewayID, from: crm.StepAppointment, to: crm.StepGateway, src: fromActivities, link: 1},
}

// funnelStages returns a pipeline's stages, where they come from, and
// the steps they mark: the -stages file's for the pipeline when it gives
// steps, else the CRM's default pipeline; the close is always there.
func funnelStages(ds *Dataset, pipeline string) ([]FunnelStage, string, [crm.Steps]bool) {
	var present [crm.Steps]bool
	present[crm.StepClose] = true
	stages := ds.mapping.Funnel(pipeline)
	source := "stages from the -stages file"
	if stages == nil {
		stages = crm.Funnel(ds.deals.Format)
		source = defaultSource[ds.deals.Format]
	}
	out := make([]FunnelStage, 0, len(stages))
	for _, s := range stages {
		present[s.Step] = true
		out = append(out, FunnelStage{Label: s.Label, Step: s.Step.String(), Pipeline: pipeline})
	}
	present[crm.NoStep] = false
	return out, source, present
}

// defaultSource names each CRM's default pipeline.
var defaultSource = [...]string{
	crm.Auto:       "stages of no known pipeline",
	crm.Maven:      "the Maven sample's stages: Prospecting > Engaging > Won / Lost",
	crm.Salesforce: "Salesforce's default opportunity stages",
	crm.HubSpot:    "HubSpot's default sales pipeline",
	crm.Pipedrive:  "Pipedrive's default pipeline",
}

// stepEvidence returns deals by evidence from the reader's counts of
// them (crm.DealStats.Evidence, or one pipeline's
// crm.PipelineCount.Evidence).
func stepEvidence(ev [len(crm.DealStats{}.Evidence)]int64) Evidence {
	return Evidence{History: ev[crm.ByHistory], Stage: ev[crm.ByStage], Outcome: ev[crm.ByOutcome]}
}

// activityKinds are the activity kinds in the order of the activity
// roll-up's stages, plural, for the metrics' names.
var activityKinds = []string{"calls", "conversations", "meetings", "proposals"}

// activityCounts returns rep g's count of each activity kind: each
// activity sits at its kind's stage, so a kind's count is its funnel count
// less the next kind's. The tally has been flushed.
func activityCounts(acts *growing, g uint32) [len(activityStages)]int64 {
	var out [len(activityStages)]int64
	for s := range activityStages {
		out[s] = acts.reached(g, s)
		if s+1 < len(activityStages) {
			out[s] -= acts.reached(g, s+1)
		}
	}
	return out
}

// thousands prints n with a comma every three digits.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		return "-" + s
	}
	return s
}
