package crm

import (
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/salesdev/salesdev/examples/teamreport/internal/csvin"
	"github.com/salesdev/salesdev/internal/enum"
)

// Step is a point of the funnel of the ready competency model that a
// pipeline stage marks: reaching a stage mapped to StepAppointment means the
// first appointment was held. The steps are the stages of the model's
// competencies (conversation → appointment → gateway → close), named as
// the model names them; the zero Step marks nothing.
type Step uint8

const (
	// NoStep: the stage marks no point of the model (an unknown stage).
	NoStep Step = iota
	// StepConversation: a conversation with a prospect, the top of the funnel.
	StepConversation
	// StepAppointment: the first appointment held.
	StepAppointment
	// StepGateway: the first gateway passed (a demo, a site visit, a proposal).
	StepGateway
	// StepClose: the deal won.
	StepClose
)

// Steps is the number of steps, NoStep included.
const Steps = int(StepClose) + 1

var stepNames = [...]string{"", "conversation", "appointment", "gateway", "close"}

// String returns the step's name as the model names its stages.
func (s Step) String() string {
	if int(s) >= len(stepNames) {
		return fmt.Sprintf("%%!Step(%d)", int(s))
	}
	return stepNames[s]
}

// ParseStep reads a step's name, in any case, or the ID of the ready
// model's competency whose To stage it is ("new-opportunities" is the
// appointment).
func ParseStep(s string) (Step, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	if k == "new-opportunities" {
		return StepAppointment, nil
	}
	for i, n := range stepNames {
		if i > 0 && k == n {
			return Step(i), nil
		}
	}
	return NoStep, fmt.Errorf("crm: unknown step %q (want conversation, appointment, gateway or close)", s)
}

// Evidence is what a deal's furthest stage rests on, best first in
// DESIGN's order: the stage history, else the stage the deal stands at
// (or closed from), else only whether it was won or lost.
type Evidence uint8

const (
	// NoEvidence: the deal is open at a stage the report does not know.
	NoEvidence Evidence = iota
	// ByOutcome: only won or lost is known, not how far a lost deal got.
	ByOutcome
	// ByStage: the stage an open deal stands at, or a closed one closed
	// from (Pipedrive keeps a lost deal's stage; a Maven deal with an
	// engage date reached Engaging).
	ByStage
	// ByHistory: the stages the deal entered, from a Salesforce
	// OpportunityHistory export or HubSpot's "Date entered" columns.
	ByHistory
)

var evidenceNames = [...]string{"no known stage", "outcome only", "current stage", "stage history"}

// String says what the evidence is, in words.
func (e Evidence) String() string { return enum.String("Evidence", evidenceNames[:], e) }

// A Stage is one stage of a pipeline's funnel.
type Stage struct {
	// Label is the stage as the CRM names it.
	Label string
	// Step is the point of the model's funnel the stage marks.
	Step Step
	// Closing reports a stage that closes the deal (won or lost): it says
	// nothing about how far a lost deal got.
	Closing bool
	// Pipeline is the pipeline the stage belongs to, from the -stages
	// file's pipeline column; "" for a stage of every pipeline (or of an
	// export without pipelines).
	Pipeline string
}

// Funnel returns the usual stages of a CRM's default pipeline, in order,
// with the step of the model each marks: Salesforce's default opportunity
// stages, HubSpot's default sales pipeline, Pipedrive's default pipeline
// and the Maven sample's stages (Prospecting > Engaging > Won / Lost, as
// its data dictionary orders them). Which stage marks which step is this
// report's reading of the stage names, not the CRMs': the first meeting
// with the buyer is the appointment (Salesforce's Value Proposition,
// HubSpot's Presentation Scheduled, Pipedrive's Demo Scheduled, Maven's
// Engaging); a proposal or contract is the gateway.
func Funnel(f Format) []Stage {
	if f <= Auto || f > Pipedrive {
		return nil
	}
	return slices.Clone(defaultFunnels[f])
}

var defaultFunnels = [...][]Stage{
	Maven: {
		{Label: "Prospecting", Step: StepConversation, Closing: false}, {Label: "Engaging", Step: StepAppointment, Closing: false},
		{Label: "Won", Step: StepClose, Closing: true}, {Label: "Lost", Step: NoStep, Closing: true},
	},
	Salesforce: {
		{Label: "Prospecting", Step: StepConversation, Closing: false}, {Label: "Qualification", Step: StepConversation, Closing: false}, {Label: "Needs Analysis", Step: StepConversation, Closing: false},
		{Label: "Value Proposition", Step: StepAppointment, Closing: false}, {Label: "Id. Decision Makers", Step: StepAppointment, Closing: false}, {Label: "Perception Analysis", Step: StepAppointment, Closing: false},
		{Label: "Proposal/Price Quote", Step: StepGateway, Closing: false}, {Label: "Negotiation/Review", Step: StepGateway, Closing: false},
		{Label: "Closed Won", Step: StepClose, Closing: true}, {Label: "Closed Lost", Step: NoStep, Closing: true},
	},
	HubSpot: {
		{Label: "Appointment Scheduled", Step: StepConversation, Closing: false}, {Label: "Qualified To Buy", Step: StepConversation, Closing: false},
		{Label: "Presentation Scheduled", Step: StepAppointment, Closing: false}, {Label: "Decision Maker Bought-In", Step: StepAppointment, Closing: false},
		{Label: "Contract Sent", Step: StepGateway, Closing: false},
		{Label: "Closed Won", Step: StepClose, Closing: true}, {Label: "Closed Lost", Step: NoStep, Closing: true},
	},
	Pipedrive: {
		{Label: "Lead In", Step: StepConversation, Closing: false}, {Label: "Qualified", Step: StepConversation, Closing: false}, {Label: "Contact Made", Step: StepConversation, Closing: false},
		{Label: "Demo Scheduled", Step: StepAppointment, Closing: false}, {Label: "Needs Defined", Step: StepAppointment, Closing: false},
		{Label: "Proposal Made", Step: StepGateway, Closing: false}, {Label: "Negotiations Started", Step: StepGateway, Closing: false},
	},
}

// defaultSteps are the default funnels by stage key.
var defaultSteps = func() [len(defaultFunnels)]map[string]Stage {
	var out [len(defaultFunnels)]map[string]Stage
	for f, stages := range defaultFunnels {
		out[f] = map[string]Stage{}
		for _, s := range stages {
			out[f][csvin.Key(s.Label)] = s
		}
	}
	// HubSpot's API names are the labels' keys; Pipedrive's "Lead" is Lead In.
	out[Pipedrive]["lead"] = out[Pipedrive]["leadin"]
	return out
}()

// A Mapping is the -stages file: per stage label of a pipeline, by
// [StageKey], what it decides and where it stands in the funnel.
type Mapping struct {
	// Outcomes decide won and lost ([Options.Stages]).
	Outcomes map[string]Outcome
	// Steps give the step of the model each stage marks
	// ([Options.Steps]); a label without a step is left out.
	Steps map[string]Step
	// Order lists the labels in the file's order column (else the
	// file's order): each pipeline's funnel, top first, the pipelines in
	// the order the file first names them (stages of every pipeline,
	// with pipeline "", first).
	Order []Stage
}

// Funnel returns the mapping's stages of a pipeline, in order: the
// pipeline's own and those of every pipeline; nil when the mapping names
// no step for it.
func (m Mapping) Funnel(pipeline string) []Stage {
	var out []Stage
	steps := false
	for _, s := range m.Order {
		if s.Pipeline == "" || csvin.Key(s.Pipeline) == csvin.Key(pipeline) {
			out = append(out, s)
			steps = steps || s.Step != NoStep
		}
	}
	if !steps {
		return nil
	}
	return out
}

// ReadMapping reads a stage mapping file:
//
//	stage,outcome,order,step,pipeline
//	Opportunity identified,open,1,conversation,
//	Discovery call held,open,2,appointment,
//	Demo given,open,3,gateway,
//	Closed: won,won,4,close,
//	Closed: abandoned,lost,5,,
//	Renewal due,open,1,conversation,Renewals
//
// stage and outcome are required (outcome is open, won, lost or ignore);
// order (a whole number, the stage's place in its pipeline), step (the
// point of the ready model's funnel the stage marks: conversation,
// appointment, gateway or close, or the ID of the competency it
// completes) and pipeline (the pipeline the row is for, as the export's
// pipeline column names it; blank for every pipeline) are optional, and
// a blank step marks nothing (a closing stage, a stage outside the
// funnel). Within a pipeline, steps must not fall as the order rises. A
// pipeline's own row wins over a row for every pipeline. Labels and
// pipelines are matched by [csvin.Key]; a label listed twice for one
// pipeline is an error.
func ReadMapping(r io.Reader, name string) (Mapping, error) {
	m := Mapping{Outcomes: map[string]Outcome{}, Steps: map[string]Step{}}
	rd, err := csvin.NewReader(r, name, nil)
	if err != nil {
		return m, err
	}
	defer rd.Close()
	is, err := rd.MustColumn("stage", "label", "stage_name", "StageName", "Deal Stage")
	if err != nil {
		return m, err
	}
	iout, err := rd.MustColumn("outcome", "maps_to", "status")
	if err != nil {
		return m, err
	}
	iord, err1 := rd.Column("order", "position", "stage_order")
	istep, err2 := rd.Column("step", "reaches", "competency")
	ipipe, err3 := rd.Column("pipeline", "Deal - Pipeline")
	if err := errors.Join(err1, err2, err3); err != nil {
		return m, err
	}
	pipes := map[string]int{"": 0} // pipeline keys in the file's order
	type ordered struct {
		pipe  int
		order int
		line  int
		stage Stage
	}
	var stages []ordered
	err = forEach(rd, &Options{}, func() error {
		label, pipe := rd.Field(is), csvin.Clean(strings.TrimSpace(rd.Field(ipipe)))
		if csvin.Key(label) == "" {
			return rd.Fail(is, csvin.ErrMissingValue)
		}
		k := StageKey(pipe, label)
		o, err := ParseOutcome(rd.Field(iout))
		if err != nil {
			return rd.Fail(iout, err)
		}
		if _, dup := m.Outcomes[k]; dup {
			return rd.Fail(is, fmt.Errorf("stage %q listed twice", csvin.Clean(label)))
		}
		pk := csvin.Key(pipe)
		if _, ok := pipes[pk]; !ok {
			pipes[pk] = len(pipes)
		}
		st := NoStep
		if s := rd.Field(istep); strings.TrimSpace(s) != "" {
			if st, err = ParseStep(s); err != nil {
				return rd.Fail(istep, err)
			}
		}
		ord := len(stages) + 1
		if s := strings.TrimSpace(rd.Field(iord)); s != "" {
			if ord, err = strconv.Atoi(s); err != nil || ord < 0 {
				return rd.Fail(iord, fmt.Errorf("order %q: want a whole number ≥ 0", csvin.Clean(s)))
			}
		}
		m.Outcomes[k] = o
		if st != NoStep {
			m.Steps[k] = st
		}
		stages = append(stages, ordered{pipes[pk], ord, rd.Line(), Stage{Label: csvin.Clean(label), Step: st, Closing: o == Won || o == Lost, Pipeline: pipe}})
		return nil
	})
	if err != nil {
		return m, err
	}
	slices.SortStableFunc(stages, func(a, b ordered) int {
		if a.pipe != b.pipe {
			return a.pipe - b.pipe
		}
		return a.order - b.order
	})
	var top Step
	var topLabel string
	for i, s := range stages {
		if i > 0 && s.pipe != stages[i-1].pipe {
			top, topLabel = NoStep, ""
		}
		if s.stage.Step == NoStep {
			m.Order = append(m.Order, s.stage)
			continue
		}
		if s.stage.Step < top {
			return m, fmt.Errorf("%s:%d: stage %q marks the %s but comes after %q, which marks the %s: steps must not fall as the order rises",
				name, s.line, s.stage.Label, s.stage.Step, topLabel, top)
		}
		top, topLabel = s.stage.Step, s.stage.Label
		m.Order = append(m.Order, s.stage)
	}
	return m, nil
}

// History is the furthest step each deal reached by its stage history,
// keyed by an 8-byte hash of the deal's ID: the join of a history export
// with the deals export costs 9 bytes or so per deal with a history, not
// its rows. Build it with [ReadHistory].
type History struct {
	steps map[uint64]Step
	// Rows counts the history file's data rows; Deals the deals in it;
	// Unknown the rows whose stage marks no step (listed in Labels, the
	// first few).
	Rows, Deals int
	Unknown     int64
	Labels      []string
}

func historyHash(id string) uint64 {
	h := fnv.New64a()
	_, _ = io.WriteString(h, strings.TrimSpace(id))
	return h.Sum64()
}

// Lookup returns the furthest step the deal with this ID reached in the
// history, and whether the history has the deal.
func (h *History) Lookup(id string) (Step, bool) {
	if h == nil || id == "" {
		return NoStep, false
	}
	s, ok := h.steps[historyHash(id)]
	return s, ok
}

// ReadHistory reads a Salesforce OpportunityHistory export (OpportunityId,
// StageName, CreatedDate, … one row per stage change) and keeps, per
// opportunity, the furthest step its stages reached. Stages are read by
// the mapping's steps first, then Salesforce's default stages; a closing
// stage (Closed Won, Closed Lost) marks no step: a won deal reached the
// close anyway, and a lost one got no further than its last open stage.
func ReadHistory(r io.Reader, name string, opts *Options) (*History, error) {
	opts = opts.orZero()
	rd, err := open(r, name, opts)
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	iid, err := rd.MustColumn("OpportunityId", "Opportunity ID", "Opportunity 18 Digit ID", "Opportunity: ID")
	if err != nil {
		return nil, err
	}
	is, err := rd.MustColumn("StageName", "Stage", "To Stage")
	if err != nil {
		return nil, err
	}
	h := &History{steps: map[uint64]Step{}}
	seenUnknown := map[string]bool{}
	err = forEach(rd, opts, func() error {
		id := rd.Field(iid)
		if id == "" {
			return rd.Fail(iid, csvin.ErrMissingValue)
		}
		label := rd.Field(is)
		st, known := stepOf(Salesforce, "", label, opts.Steps)
		if !known {
			h.Unknown++
			if c := csvin.Clean(label); !seenUnknown[c] && len(h.Labels) < maxListedLabels {
				seenUnknown[c] = true
				h.Labels = append(h.Labels, c)
			}
		}
		k := historyHash(id)
		old, had := h.steps[k]
		if !had {
			h.Deals++
		}
		if st == StepClose {
			st = NoStep // a closing stage says nothing of how far a lost deal got
		}
		h.steps[k] = max(old, st)
		return nil
	})
	h.Rows = rd.Rows
	return h, err
}

// stepOf returns the step a stage label of a pipeline marks, by the
// mapping's steps (the pipeline's own, then those of every pipeline), then
// the format's default stages, and whether either knows the label (a
// closing stage is known and may mark no step).
func stepOf(f Format, pipeline, label string, steps map[string]Step) (Step, bool) {
	k := csvin.Key(label)
	if s, ok := lookup(steps, pipeline, label); ok {
		return s, true
	}
	if int(f) < len(defaultSteps) && defaultSteps[f] != nil {
		if s, ok := defaultSteps[f][k]; ok {
			return s.Step, true
		}
	}
	return NoStep, false
}

// enteredLabel returns the stage and pipeline of a HubSpot "Date
// entered" column header, such as `Date entered "Contract Sent (Sales
// Pipeline)"` (pipeline "" when the header names none), and whether the
// header is one.
func enteredLabel(header string) (label, pipeline string, ok bool) {
	const prefix = "date entered"
	h := strings.TrimSpace(header)
	if len(h) <= len(prefix) || !strings.EqualFold(h[:len(prefix)], prefix) {
		return "", "", false
	}
	s := strings.Trim(strings.TrimSpace(h[len(prefix):]), "\"'“”")
	if i := strings.LastIndex(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		s, pipeline = s[:i], s[i+2:len(s)-1] // the pipeline's name
	}
	return s, pipeline, s != ""
}
