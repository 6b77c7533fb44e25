package crm

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/salesdev/salesdev/examples/teamreport/internal/csvin"
)

func TestParseStep(t *testing.T) {
	tests := []struct {
		name, in string
		want     Step
		err      bool
	}{
		{"name", "gateway", StepGateway, false},
		{"case and spaces", " Appointment ", StepAppointment, false},
		{"competency ID", "new-opportunities", StepAppointment, false},
		{"close", "close", StepClose, false},
		{"empty", "", NoStep, true},
		{"unknown", "demo", NoStep, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseStep(tt.in)
			if got != tt.want || (err != nil) != tt.err {
				t.Errorf("ParseStep(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.err)
			}
			if err == nil && got.String() != strings.TrimSpace(strings.ToLower(tt.in)) && tt.in != "new-opportunities" {
				t.Errorf("%v.String() = %q", got, got.String())
			}
		})
	}
	if s := Step(9).String(); s != "%!Step(9)" {
		t.Errorf("Step(9).String() = %q", s)
	}
}

func TestEnteredLabel(t *testing.T) {
	tests := []struct {
		header, want, pipeline string
		ok                     bool
	}{
		{`Date entered "Contract Sent (Sales Pipeline)"`, "Contract Sent", "Sales Pipeline", true},
		{`Date entered "Closed Won (Sales Pipeline)"`, "Closed Won", "Sales Pipeline", true},
		{`Date entered "Renewal due (Renewals)"`, "Renewal due", "Renewals", true},
		{`date entered Demo`, "Demo", "", true},
		{`Date entered`, "", "", false},
		{`Date exited "Contract Sent (Sales Pipeline)"`, "", "", false},
		{`Create Date`, "", "", false},
	}
	for _, tt := range tests {
		got, pipe, ok := enteredLabel(tt.header)
		if got != tt.want || pipe != tt.pipeline || ok != tt.ok {
			t.Errorf("enteredLabel(%q) = %q, %q, %v; want %q, %q, %v", tt.header, got, pipe, ok, tt.want, tt.pipeline, tt.ok)
		}
	}
}

// Each CRM's default funnel climbs: no step falls as the stages go on.
func TestFunnelDefaults(t *testing.T) {
	for f := Maven; f <= Pipedrive; f++ {
		var top Step
		for _, s := range Funnel(f) {
			if s.Step != NoStep && s.Step < top {
				t.Errorf("%v: %q marks the %v after the %v", f, s.Label, s.Step, top)
			}
			top = max(top, s.Step)
		}
	}
	if Funnel(Auto) != nil {
		t.Error("Funnel(Auto) is not nil")
	}
}

// The won/lost reader's default stages are read from the default funnels:
// the closing stage at the close is won, another closing stage lost, an
// open stage from the appointment on engaged.
func TestKnownStage(t *testing.T) {
	tests := []struct {
		name   string
		f      Format
		key    string
		want   known
		wantOK bool
	}{
		{"maven won", Maven, "won", known{Won, false}, true},
		{"maven lost", Maven, "lost", known{Lost, false}, true},
		{"maven engaging", Maven, "engaging", known{Open, true}, true},
		{"maven prospecting", Maven, "prospecting", known{Open, false}, true},
		{"salesforce closed won", Salesforce, "closedwon", known{Won, false}, true},
		{"salesforce closed lost", Salesforce, "closedlost", known{Lost, false}, true},
		{"salesforce needs analysis", Salesforce, "needsanalysis", known{Open, false}, true},
		{"salesforce value proposition", Salesforce, "valueproposition", known{Open, true}, true},
		{"salesforce negotiation", Salesforce, "negotiationreview", known{Open, true}, true},
		{"hubspot qualified", HubSpot, "qualifiedtobuy", known{Open, false}, true},
		{"hubspot contract sent", HubSpot, "contractsent", known{Open, true}, true},
		{"hubspot closed lost", HubSpot, "closedlost", known{Lost, false}, true},
		{"pipedrive lead", Pipedrive, "lead", known{Open, false}, true},
		{"pipedrive demo", Pipedrive, "demoscheduled", known{Open, true}, true},
		{"pipedrive has no won stage", Pipedrive, "won", known{}, false},
		{"unknown label", Salesforce, "onhold", known{}, false},
		{"auto knows none", Auto, "closedwon", known{}, false},
		{"format out of range", Format(99), "closedwon", known{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := knownStage(tt.f, tt.key)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("knownStage(%v, %q) = %+v, %v; want %+v, %v", tt.f, tt.key, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestReadMapping(t *testing.T) {
	m, err := ReadMapping(strings.NewReader("stage,outcome,order,step\nDemo given,open,3,gateway\nFirst call,open,1,conversation\nClosed: won,won,9,close\nMeeting held,open,2,appointment\nClosed: abandoned,lost,10,\n"), "s.csv")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range m.Order {
		got = append(got, s.Label+"="+s.Step.String())
	}
	want := []string{"First call=conversation", "Meeting held=appointment", "Demo given=gateway", "Closed: won=close", "Closed: abandoned="}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
	if m.Steps["demogiven"] != StepGateway || m.Outcomes["closedabandoned"] != Lost {
		t.Errorf("mapping = %+v", m)
	}
	for _, bad := range []string{
		"stage,outcome,order,step\nA,open,1,gateway\nB,open,2,conversation\n",
		"stage,outcome,order,step\nA,open,x,gateway\n",
		"stage,outcome,order,step\nA,open,1,demo\n",
		"stage,outcome,order,step\nA,open,-1,\n",
	} {
		if _, err := ReadMapping(strings.NewReader(bad), "s.csv"); err == nil {
			t.Errorf("ReadMapping(%q) succeeded", bad)
		}
	}
	// A pipeline column: each pipeline's stages in their own order, rows
	// for every pipeline in each, a pipeline's own row first; a label
	// listed twice for one pipeline is an error, for two pipelines not.
	m, err = ReadMapping(strings.NewReader("stage,outcome,order,step,pipeline\n"+
		"Quote sent,open,3,gateway,Renewals\nRenewal due,open,1,conversation,Renewals\nDemo,open,2,gateway,\n"+
		"Closed won,won,9,close,\nDemo,open,2,appointment,Renewals\nFirst call,open,1,conversation,\n"), "s.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		pipeline string
		want     []string
	}{
		{"", []string{"First call=conversation", "Demo=gateway", "Closed won=close"}},
		{"Sales", []string{"First call=conversation", "Demo=gateway", "Closed won=close"}},
		{"renewals", []string{"First call=conversation", "Demo=gateway", "Closed won=close", "Renewal due=conversation", "Demo=appointment", "Quote sent=gateway"}},
	} {
		got = nil
		for _, s := range m.Funnel(tt.pipeline) {
			got = append(got, s.Label+"="+s.Step.String())
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Funnel(%q) (-want +got):\n%s", tt.pipeline, diff)
		}
	}
	for _, tt := range []struct {
		pipeline string
		want     Step
	}{{"Renewals", StepAppointment}, {"Sales", StepGateway}, {"", StepGateway}} {
		if got, ok := stepOf(HubSpot, tt.pipeline, "Demo", m.Steps); !ok || got != tt.want {
			t.Errorf("stepOf(%q, Demo) = %v, %v; want %v", tt.pipeline, got, ok, tt.want)
		}
	}
	if _, err := ReadMapping(strings.NewReader("stage,outcome,pipeline\nA,open,P\nA,lost,P\n"), "s.csv"); err == nil {
		t.Error("a label listed twice for one pipeline read")
	}
	// The old two-column file still reads.
	if m, err := ReadMapping(bytes.NewReader(fixture(t, "stages.csv")), "stages.csv"); err != nil || len(m.Steps) != 0 || len(m.Outcomes) != 3 {
		t.Errorf("ReadMapping(stages.csv) = %+v, %v", m, err)
	}
}

// The OpportunityHistory fixture: each opportunity's furthest step, with
// closing stages marking nothing.
func TestReadHistory(t *testing.T) {
	h, err := ReadHistory(bytes.NewReader(fixture(t, "salesforce_opportunity_history.csv")), "h.csv", nil)
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]Step{
		"006A00000000001": StepGateway, "006A00000000003": StepConversation, "006B00000000002": StepAppointment,
		"006C00000000003": StepConversation, "006C00000000004": StepConversation,
	} {
		if got, ok := h.Lookup(id); !ok || got != want {
			t.Errorf("Lookup(%s) = %v, %v; want %v", id, got, ok, want)
		}
	}
	if _, ok := h.Lookup("006B00000000003"); ok {
		t.Error("an opportunity without history has one")
	}
	if h.Deals != 13 || h.Rows != 40 || h.Unknown != 0 {
		t.Errorf("history counts = %d deals, %d rows, %d unknown", h.Deals, h.Rows, h.Unknown)
	}
	if _, err := ReadHistory(strings.NewReader("Id,StageName\n1,Prospecting\n"), "h.csv", nil); err == nil {
		t.Error("a history without OpportunityId read")
	}
}

// Each deal's furthest step and evidence, by format, as ReadDeals sets
// them.
func TestReach(t *testing.T) {
	tests := []struct {
		name     string
		f        Format
		stage    string
		outcome  Outcome
		engaged  bool // Maven: an engage date
		hist     Step
		hasHist  bool
		reached  Step
		evidence Evidence
	}{
		{"maven prospecting", Maven, "Prospecting", Open, false, 0, false, StepConversation, ByStage},
		{"maven lost with engage date", Maven, "Lost", Lost, true, 0, false, StepAppointment, ByStage},
		{"maven won", Maven, "Won", Won, true, 0, false, StepClose, ByStage},
		{"salesforce closed lost", Salesforce, "Closed Lost", Lost, false, 0, false, NoStep, ByOutcome},
		{"salesforce closed won", Salesforce, "Closed Won", Won, false, 0, false, StepClose, ByOutcome},
		{"salesforce lost with history", Salesforce, "Closed Lost", Lost, false, StepGateway, true, StepGateway, ByHistory},
		{"history behind the stage", Salesforce, "Perception Analysis", Open, false, StepConversation, true, StepAppointment, ByHistory},
		{"unknown open stage", Salesforce, "Pilote", Open, false, 0, false, NoStep, NoEvidence},
		{"pipedrive lost keeps its stage", Pipedrive, "Proposal Made", Lost, false, 0, false, StepGateway, ByStage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Deal{Stage: tt.stage, Outcome: tt.outcome, HasCreated: tt.engaged}
			cur, _ := stepOf(tt.f, "", tt.stage, nil)
			reach(tt.f, &d, cur, tt.hist, tt.hasHist)
			if d.Reached != tt.reached || d.Evidence != tt.evidence {
				t.Errorf("reach = %v, %v; want %v, %v", d.Reached, d.Evidence, tt.reached, tt.evidence)
			}
		})
	}
}

// FuzzReadMapping: a mapping never panics, and what it reads climbs.
func FuzzReadMapping(f *testing.F) {
	f.Add([]byte("stage,outcome,order,step\nA,open,1,conversation\nB,won,2,close\n"))    // ordered
	f.Add([]byte("stage,outcome\nA,won\n"))                                              // old form
	f.Add([]byte("stage,outcome,order,step\nA,open,2,gateway\nB,open,1,conversation\n")) // reordered
	f.Add([]byte("stage,outcome,order,step,pipeline\nA,open,2,gateway,P\nB,open,1,conversation,\nA,open,1,conversation,Q\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		m, err := ReadMapping(bytes.NewReader(in), "s.csv")
		if err != nil {
			return
		}
		var top Step
		for i, s := range m.Order {
			if i > 0 && csvin.Key(s.Pipeline) != csvin.Key(m.Order[i-1].Pipeline) {
				top = NoStep // each pipeline climbs on its own
			}
			if s.Step != NoStep && s.Step < top {
				t.Fatalf("order %+v falls", m.Order)
			}
			top = max(top, s.Step)
		}
	})
}

// FuzzReadHistory: a history never panics, and every deal's step is a
// step short of the close.
func FuzzReadHistory(f *testing.F) {
	f.Add([]byte("OpportunityId,StageName\n1,Prospecting\n1,Closed Won\n")) // a won deal
	f.Add([]byte("OpportunityId,StageName\n,Prospecting\n"))                // no ID
	f.Add([]byte("OpportunityId;StageName\n2;Negotiation/Review\n"))        // semicolons
	f.Fuzz(func(t *testing.T, in []byte) {
		h, err := ReadHistory(bytes.NewReader(in), "h.csv", fuzzOptions(Salesforce))
		if err != nil || h == nil {
			return
		}
		for _, s := range h.steps {
			if s >= StepClose {
				t.Fatalf("history step %v", s)
			}
		}
	})
}
