package crm

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/salesdev/salesdev/examples/teamreport/internal/csvin"
)

// fixture returns a file of testdata/crm, written in the shape of each
// CRM's documented export (see the README's formats).
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "crm", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// tallyOf counts each owner's deals by outcome: open, won, lost.
type counts struct{ Open, Won, Lost int }

func readFixture(t *testing.T, name string, opts *Options) (map[string]counts, []Deal, DealStats) {
	t.Helper()
	got := map[string]counts{}
	var deals []Deal
	st, err := ReadDeals(bytes.NewReader(fixture(t, name)), name, opts, func(d *Deal) error {
		c := got[d.Owner]
		switch d.Outcome {
		case Open:
			c.Open++
		case Won:
			c.Won++
		case Lost:
			c.Lost++
		}
		got[strings.Clone(d.Owner)] = c
		cp := *d
		cp.ID, cp.Owner, cp.Stage, cp.Currency = strings.Clone(d.ID), strings.Clone(d.Owner), strings.Clone(d.Stage), strings.Clone(d.Currency)
		deals = append(deals, cp)
		return nil
	})
	if err != nil {
		t.Fatalf("ReadDeals(%s): %v", name, err)
	}
	return got, deals, st
}

func day(t *testing.T, s string) csvin.Day {
	d, err := csvin.ParseDay(s, csvin.DateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestFixtures reads every deals fixture strictly and checks each
// owner's outcomes and what the reader decided.
func TestFixtures(t *testing.T) {
	users := func() map[string]User {
		u, err := ReadUsers(bytes.NewReader(fixture(t, "salesforce_users.csv")), "users.csv")
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	stages := func() map[string]Outcome {
		s, err := ReadStages(bytes.NewReader(fixture(t, "stages.csv")), "stages.csv")
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	tests := []struct {
		file   string
		opts   *Options
		format Format
		want   map[string]counts
		check  func(t *testing.T, deals []Deal, st DealStats)
	}{
		{"salesforce_owner_name.csv", nil, Salesforce, map[string]counts{
			"Ann Lee": {Won: 1, Lost: 1}, "Bob Diaz": {Open: 2, Won: 1}, "Cara Wu": {Won: 1, Lost: 1}},
			func(t *testing.T, deals []Deal, st DealStats) {
				// Created at 20:47 Pacific, closed the same day: not backdated.
				if d := deals[0]; d.Backdated || d.Created != day(t, "2023-02-07") || d.Closed != d.Created || d.Cents != 1200000 {
					t.Errorf("evening deal = %+v", d)
				}
				if d := deals[3]; d.HasAmount {
					t.Errorf("blank amount read as %d", d.Cents)
				}
				if !deals[2].Engaged || deals[4].Engaged {
					t.Errorf("Negotiation/Review engaged %v, Prospecting engaged %v", deals[2].Engaged, deals[4].Engaged)
				}
			}},
		{"salesforce_data_export.csv", &Options{Users: users(), Stages: stages()}, Salesforce, map[string]counts{
			"Lucía Gómez": {Won: 1, Lost: 1}, "Martín Ruiz": {Open: 1, Won: 1, Lost: 1}, "Sofía Peña": {Open: 1, Won: 1}, "Old Rep": {Won: 1}},
			func(t *testing.T, deals []Deal, st DealStats) {
				if st.Encoding != csvin.Windows1252 {
					t.Errorf("encoding %v, want Windows-1252", st.Encoding)
				}
				cur := map[string]bool{}
				for _, d := range deals {
					cur[d.Currency] = true
					if d.Owner == "Old Rep" && !d.Deactivated {
						t.Error("Old Rep (IsActive false) is not deactivated")
					}
				}
				if len(cur) != 4 {
					t.Errorf("currencies %v, want 4", cur)
				}
				for _, s := range st.Stages {
					if s.Label == "Descartada" && s.By != ByMapping {
						t.Errorf("Descartada decided by %v, want the mapping", s.By)
					}
					if s.Label == "Cerrada ganada" && (s.By != ByFlag || s.Outcome != Won || s.Disagrees) {
						t.Errorf("Cerrada ganada = %+v", s)
					}
				}
			}},
		{"salesforce_report.csv", nil, Salesforce, map[string]counts{
			"Ann Lee": {Won: 1, Lost: 1}, "Bob Diaz": {Open: 1, Won: 1}, "Dan Roe (Deactivated User)": {Won: 1}},
			func(t *testing.T, deals []Deal, st DealStats) {
				if d := deals[4]; d.Cents != 225050 || d.Currency != "$" || d.Closed != day(t, "2023-03-20") {
					t.Errorf("report row = %+v", d)
				}
				if !deals[3].Deactivated {
					t.Error("(Deactivated User) not marked")
				}
			}},
		{"hubspot_custom_pipeline.csv", nil, HubSpot, map[string]counts{
			"Eve Park": {Open: 1, Won: 1, Lost: 1}, "Finn Holt": {Open: 1, Won: 2}},
			func(t *testing.T, deals []Deal, st DealStats) {
				if st.Duplicates != 1 || len(deals) != 6 {
					t.Errorf("%d duplicates, %d deals; want 1 and 6", st.Duplicates, len(deals))
				}
				var abandoned bool
				for _, s := range st.Stages {
					if s.Label == "Closed: abandoned" {
						abandoned = s.By == ByFlag && s.Outcome == Open && s.Disagrees
					}
				}
				if !abandoned {
					t.Errorf("Closed: abandoned not kept open by the flag against its label: %+v", st.Stages)
				}
			}},
		{"hubspot_all_properties.csv", nil, HubSpot, map[string]counts{
			"Greta Vogel": {Open: 1, Won: 1, Lost: 1}, "Hugo Lenz": {Open: 1, Won: 1}},
			func(t *testing.T, deals []Deal, st DealStats) {
				if deals[0].Cents != 120050 || deals[1].Cents != 80000 || st.Comma != ';' {
					t.Errorf("amounts %d, %d, separator %q", deals[0].Cents, deals[1].Cents, st.Comma)
				}
			}},
		{"pipedrive_deals.csv", nil, Pipedrive, map[string]counts{
			"Ivy Chen": {Open: 1, Won: 1, Lost: 1}, "Jack Moss": {Won: 1, Lost: 1}},
			func(t *testing.T, deals []Deal, st DealStats) {
				if st.Ignored != 1 {
					t.Errorf("ignored %d, want the deleted deal", st.Ignored)
				}
				if d := deals[1]; d.Closed != day(t, "2023-03-01") || !deals[2].Engaged {
					t.Errorf("lost deal closed %v; open deal engaged %v", d.Closed, deals[2].Engaged)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, deals, st := readFixture(t, tt.file, tt.opts)
			for o, c := range got {
				if c == (counts{}) {
					delete(got, o) // only ignored deals
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("owners (-want +got):\n%s", diff)
			}
			if st.Format != tt.format {
				t.Errorf("format %v, want %v", st.Format, tt.format)
			}
			tt.check(t, deals, st)
		})
	}
}

func TestDecide(t *testing.T) {
	tests := []struct {
		f       Format
		label   string
		flags   string
		mapping map[string]Outcome
		want    Outcome
		by      Source
	}{
		{HubSpot, "Closed: won", "", nil, Won, ByKnown},
		{HubSpot, "Won (partner)", "", nil, Won, ByLabel},
		{HubSpot, "Closed: abandoned", "", nil, Lost, ByLabel},
		{HubSpot, "Closed: abandoned", "o?|", nil, Open, ByFlag},
		{HubSpot, "Closed: abandoned", "o?|", map[string]Outcome{"closedabandoned": Lost}, Lost, ByMapping},
		{Salesforce, "Cerrada ganada", "", nil, Won, ByLabel},
		{Salesforce, "Gewonnen", "", nil, Won, ByLabel},
		{Salesforce, "Perdu", "", nil, Lost, ByLabel},
		{Salesforce, "Fechada e ganha", "", nil, Won, ByLabel},
		{Salesforce, "Signed", "", nil, Open, ByDefault},
		{Salesforce, "Signed", "c?|", nil, Ignore, ByFlag},
		{Salesforce, "Signed", "cw|", nil, Won, ByFlag},
		{Salesforce, "Closed Won", "", nil, Won, ByKnown},
		{HubSpot, "closedlost", "", nil, Lost, ByKnown},
	}
	for _, tt := range tests {
		got := decide(tt.f, "", tt.label, tt.flags, tt.mapping)
		if got.outcome != tt.want || got.by != tt.by {
			t.Errorf("decide(%v, %q, %q) = %v by %v, want %v by %v", tt.f, tt.label, tt.flags, got.outcome, got.by, tt.want, tt.by)
		}
	}
}

// TestActivities reads each activities fixture.
func TestActivities(t *testing.T) {
	tests := []struct {
		file     string
		format   ActivityFormat
		want     map[Kind]int
		notSales int64
	}{
		{"salesforce_tasks.csv", SalesforceTask, map[Kind]int{Call: 1, Conversation: 1, Proposal: 1}, 2},
		{"salesforce_events.csv", SalesforceEvent, map[Kind]int{Meeting: 2}, 0},
		{"hubspot_calls.csv", HubSpotCalls, map[Kind]int{Call: 2, Conversation: 1}, 0},
		{"hubspot_meetings.csv", HubSpotMeetings, map[Kind]int{Meeting: 2}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got := map[Kind]int{}
			st, err := ReadActivities(bytes.NewReader(fixture(t, tt.file)), tt.file, nil, func(a *Activity) error {
				got[a.Kind]++
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" || st.Format != tt.format || st.NotSales != tt.notSales {
				t.Errorf("format %v, not sales %d; kinds (-want +got):\n%s", st.Format, st.NotSales, diff)
			}
		})
	}
	// The report's own file.
	in := "rep,kind,date\nAnn,call,2023-02-01\nAnn,Meeting,2023-02-02T10:00:00Z\nAnn,lunch,2023-02-03\n"
	var bad []*csvin.RowError
	n := 0
	_, err := ReadActivities(strings.NewReader(in), "a.csv", &Options{Bad: func(re *csvin.RowError) error { bad = append(bad, re); return nil }},
		func(*Activity) error { n++; return nil })
	if err != nil || n != 2 || len(bad) != 1 || bad[0].Line != 4 {
		t.Errorf("rep,kind,date: %d read, bad %v, err %v", n, bad, err)
	}
}

// TestActivityLinks reads the deal and contact each activity is linked
// to: Salesforce's WhatId and WhoId, HubSpot's association columns (IDs
// before names, the first of several), the report's own deal and contact
// columns.
func TestActivityLinks(t *testing.T) {
	type link struct{ Kind, Deal, Contact string }
	tests := []struct {
		file string
		in   []byte
		want []link
	}{
		{file: "salesforce_tasks.csv", want: []link{{"call", "", "00Q000000000001"}, {"conversation", "006000000000001", "003000000000001"}, {"proposal", "006000000000002", "003000000000002"}}},
		{file: "salesforce_events.csv", want: []link{{"meeting", "006000000000001", "003000000000001"}, {"meeting", "", "003000000000003"}}},
		{file: "hubspot_calls.csv", want: []link{{"conversation", "801", "901"}, {"call", "", "902"}, {"call", "", ""}}},
		{file: "hubspot_meetings.csv", want: []link{{"meeting", "Acme renewal", "Ana Ruiz"}, {"meeting", "", "Dee Fox"}}},
		{file: "own.csv", in: []byte("rep,kind,date,deal,contact\nAnn,conversation,2023-02-01,D1,\nAnn,meeting,2023-02-02, D1 ,C9\nAnn,call,2023-02-03,,\n"),
			want: []link{{"conversation", "D1", ""}, {"meeting", "D1", "C9"}, {"call", "", ""}}},
		{file: "own-no-links.csv", in: []byte("rep,kind,date\nAnn,meeting,2023-02-02\n"), want: []link{{"meeting", "", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			in := tt.in
			if in == nil {
				in = fixture(t, tt.file)
			}
			var got []link
			_, err := ReadActivities(bytes.NewReader(in), tt.file, nil, func(a *Activity) error {
				got = append(got, link{a.Kind.String(), strings.Clone(a.Deal), strings.Clone(a.Contact)})
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("links (-want +got):\n%s", diff)
			}
		})
	}
}

// Everything that can make a row unusable is a row error with its line,
// so that a caller may skip exactly that row.
func TestBadRows(t *testing.T) {
	in := "Id,OwnerId,StageName,Amount,CloseDate,IsClosed,IsWon,CreatedDate\n" +
		"1,Ann,Closed Won,10,2023-02-03,true,true,2023-01-02\n" +
		"2,Ann,Closed Won,1e17,2023-02-03,true,true,2023-01-02\n" + // amount out of range
		"3,Ann,Closed Won,10,9999-02-03,true,true,2023-01-02\n" + // year 9999
		"4,Ann,Closed Won,10,2023-02-03,maybe,true,2023-01-02\n" + // not a boolean
		"5,,Closed Won,10,2023-02-03,true,true,2023-01-02\n" + // no owner
		"6,Ann,Closed Won,10,2023-02-03,false,true,2023-01-02\n" + // won, not closed
		"7,Ann,Closed Lost,10,2023-01-01,true,false,2023-01-02\n" // backdated: counts
	var lines []int
	var read []string
	st, err := ReadDeals(strings.NewReader(in), "d.csv", &Options{Bad: func(re *csvin.RowError) error {
		lines = append(lines, re.Line)
		return nil
	}}, func(d *Deal) error { read = append(read, strings.Clone(d.ID)); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int{3, 4, 5, 6, 7}, lines); diff != "" {
		t.Errorf("bad lines (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"1", "7"}, read); diff != "" || st.Backdated != 1 || st.Rows != 7 {
		t.Errorf("read (-want +got), backdated %d, rows %d:\n%s", st.Backdated, st.Rows, diff)
	}
	// Strict: the first bad row stops the reading, with its place.
	_, err = ReadDeals(strings.NewReader(in), "d.csv", nil, func(*Deal) error { return nil })
	var re *csvin.RowError
	if !errors.As(err, &re) || re.Line != 3 || re.Field != "Amount" || !errors.Is(err, csvin.ErrAmountRange) {
		t.Errorf("strict error = %v, want d.csv:3 Amount out of range", err)
	}
	// A deal the caller refuses is a row error too.
	_, err = ReadDeals(strings.NewReader(in[:strings.Index(in, "2,Ann")]), "d.csv", nil, func(*Deal) error { return errors.New("no") })
	if !errors.As(err, &re) || re.Line != 2 {
		t.Errorf("refused deal error = %v", err)
	}
}

func TestDetect(t *testing.T) {
	for _, tt := range []struct {
		header string
		want   Format
	}{
		{"opportunity_id,sales_agent,deal_stage,engage_date,close_date,close_value", Maven},
		{"Owner.Name,StageName,Amount", Salesforce},
		{"Deal owner,Deal Stage,Amount,Create Date", HubSpot},
		{"Deal - Title,Deal - Owner,Deal - Status", Pipedrive},
	} {
		if got, err := Detect(strings.Split(tt.header, ",")); got != tt.want || err != nil {
			t.Errorf("Detect(%s) = %v, %v; want %v", tt.header, got, err, tt.want)
		}
	}
	if _, err := Detect([]string{"a", "b"}); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("Detect(a,b) error = %v", err)
	}
	if _, err := ReadDeals(strings.NewReader("Deal owner,Deal Stage,Associated Company,Associated Company\nA,closedwon,x,y\n"), "d.csv", nil,
		func(*Deal) error { return nil }); err != nil {
		t.Errorf("duplicate unused column: %v", err)
	}
}

func TestSideFiles(t *testing.T) {
	if _, err := ReadStages(strings.NewReader("stage,outcome\nA,won\na,lost\n"), "s.csv"); err == nil {
		t.Error("a stage listed twice was accepted")
	}
	if _, err := ReadStages(strings.NewReader("stage,outcome\nA,maybe\n"), "s.csv"); err == nil {
		t.Error("outcome maybe was accepted")
	}
	r, err := ReadRates(strings.NewReader("currency,rate\neur,1.08\n"), "r.csv")
	if err != nil || r["EUR"] != 1.08 {
		t.Errorf("ReadRates = %v, %v", r, err)
	}
	if _, err := ReadRates(strings.NewReader("currency,rate\nEUR,-1\n"), "r.csv"); err == nil {
		t.Error("a negative rate was accepted")
	}
	u, err := ReadUsers(strings.NewReader("id,First Name,Last Name,active\n12,Ann,Lee,false\n"), "u.csv")
	if err != nil || u["12"] != (User{Name: "Ann Lee", Active: false}) {
		t.Errorf("ReadUsers = %v, %v", u, err)
	}
}

// fuzzOptions skip every bad row, so that the fuzzers reach every row.
func fuzzOptions(f Format) *Options {
	return &Options{Format: f, Bad: func(*csvin.RowError) error { return nil }}
}

// FuzzReadDeals: any input either fails or yields deals that keep the
// reader's promises: an owner, amounts in range, closed days only for
// closed deals, and as many deals as rows at most.
func FuzzReadDeals(f *testing.F) {
	for _, name := range []string{"salesforce_owner_name.csv", "salesforce_data_export.csv", "salesforce_report.csv",
		"hubspot_custom_pipeline.csv", "hubspot_all_properties.csv", "pipedrive_deals.csv",
		"salesforce_opportunities.csv", "hubspot_date_entered.csv"} {
		f.Add(fixture(f, name), uint8(Auto))
	}
	f.Add([]byte("opportunity_id,sales_agent,deal_stage,engage_date,close_date,close_value\n1,A,Won,2017-01-01,2017-01-02,5\n"), uint8(Maven))
	f.Fuzz(func(t *testing.T, in []byte, format uint8) {
		n := 0
		st, err := ReadDeals(bytes.NewReader(in), "f.csv", fuzzOptions(Format(format%5)), func(d *Deal) error {
			n++
			if d.Owner == "" || d.Cents < 0 || d.Cents > csvin.MaxAmount*100 || d.Outcome > Ignore {
				t.Fatalf("deal %+v", d)
			}
			if d.HasClosed && d.Outcome != Won && d.Outcome != Lost {
				t.Fatalf("open deal with a close day: %+v", d)
			}
			// How far it got agrees with its outcome and evidence.
			switch {
			case d.Outcome == Won && d.Reached != StepClose,
				d.Outcome != Won && d.Reached == StepClose,
				d.Outcome == Open && (d.Evidence == NoEvidence) != (d.Reached == NoStep),
				d.Outcome == Open && d.Evidence == ByOutcome,
				d.Outcome == Lost && (d.Evidence == ByOutcome) != (d.Reached == NoStep),
				d.BeforeClose == StepClose:
				t.Fatalf("deal %+v: reached %v on %v", d, d.Reached, d.Evidence)
			}
			return nil
		})
		if err == nil && n > st.Rows {
			t.Fatalf("%d deals from %d rows", n, st.Rows)
		}
	})
}

// FuzzReadActivities: no panic, kinds in range.
func FuzzReadActivities(f *testing.F) {
	for _, name := range []string{"salesforce_tasks.csv", "salesforce_events.csv", "hubspot_calls.csv", "hubspot_meetings.csv"} {
		f.Add(fixture(f, name))
	}
	f.Add([]byte("rep,kind,date\nAnn,call,2023-02-01\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		_, _ = ReadActivities(bytes.NewReader(in), "f.csv", fuzzOptions(Auto), func(a *Activity) error {
			if a.Rep == "" || a.Kind < Call || a.Kind > Proposal {
				t.Fatalf("activity %+v", a)
			}
			return nil
		})
	})
}

// FuzzReadSideFiles: the stage mapping, users and rates files never
// panic, and rates are positive.
func FuzzReadSideFiles(f *testing.F) {
	f.Add([]byte("stage,outcome\nA,won\n"))
	f.Add([]byte("Id,Name,IsActive\n1,Ann,false\n"))
	f.Add([]byte("currency,rate\nEUR,1.08\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		_, _ = ReadStages(bytes.NewReader(in), "s.csv")
		_, _ = ReadUsers(bytes.NewReader(in), "u.csv")
		r, err := ReadRates(bytes.NewReader(in), "r.csv")
		for c, v := range r {
			if err == nil && !(v > 0) {
				t.Fatalf("rate %s = %v", c, v)
			}
		}
	})
}

// Deals carry their pipeline, and the stats count deals per pipeline.
func TestDealPipelines(t *testing.T) {
	for _, tt := range []struct {
		file string
		want map[string]int64
	}{
		{"pipedrive_deals.csv", map[string]int64{"Sales": 5}},                           // the deleted deal left out
		{"hubspot_pipelines.csv", map[string]int64{"Sales Pipeline": 6, "Renewals": 2}}, // closed renewals say no outcome without a mapping
	} {
		got := map[string]int64{}
		st, err := ReadDeals(bytes.NewReader(fixture(t, tt.file)), tt.file, nil, func(d *Deal) error {
			if d.Outcome != Ignore {
				got[strings.Clone(d.Pipeline)]++
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		counted := map[string]int64{}
		for _, p := range st.Pipelines {
			for _, n := range p.Evidence {
				counted[p.Name] += n
			}
		}
		if !cmp.Equal(tt.want, got) {
			t.Errorf("%s: deals per pipeline %v, want %v", tt.file, got, tt.want)
		}
		if diff := cmp.Diff(got, counted); diff != "" || len(got) == 0 {
			t.Errorf("%s: stats per pipeline (-deals +stats):\n%s", tt.file, diff)
		}
	}
}

// The enums print their names, and a value without one as time.Month
// does ("%!Format(9)"); the formats and outcomes parse back ignoring case.
func TestEnumText(t *testing.T) {
	tests := []struct {
		name string
		got  fmt.Stringer
		want string
	}{
		{"format", HubSpot, "hubspot"},
		{"format out of range", Format(9), "%!Format(9)"},
		{"format negative", Format(-1), "%!Format(-1)"},
		{"outcome", Lost, "lost"},
		{"outcome out of range", Outcome(9), "%!Outcome(9)"},
		{"source", ByFlag, "the CRM's won/closed flags"},
		{"source out of range", Source(9), "%!Source(9)"},
		{"evidence", ByHistory, "stage history"},
		{"evidence out of range", Evidence(9), "%!Evidence(9)"},
		{"kind", NoKind, "none"},
		{"kind out of range", Kind(9), "%!Kind(9)"},
		{"activity format", HubSpotCalls, "HubSpot calls"},
		{"activity format out of range", ActivityFormat(-1), "%!ActivityFormat(-1)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if s := tt.got.String(); s != tt.want {
				t.Errorf("String() = %q, want %q", s, tt.want)
			}
		})
	}
	for f := Auto; f <= Pipedrive; f++ {
		b, err := f.MarshalText()
		if err != nil {
			t.Fatalf("%v.MarshalText: %v", f, err)
		}
		var got Format
		if err := got.UnmarshalText(bytes.ToUpper(b)); err != nil || got != f {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", bytes.ToUpper(b), got, err, f)
		}
	}
	if _, err := Format(9).MarshalText(); err == nil {
		t.Error("Format(9).MarshalText() succeeded")
	}
	if _, err := ParseFormat("excel"); err == nil {
		t.Error(`ParseFormat("excel") succeeded`)
	}
	for o := Open; o <= Ignore; o++ {
		if got, err := ParseOutcome(" " + strings.ToUpper(o.String()) + " "); err != nil || got != o {
			t.Errorf("ParseOutcome(%q) = %v, %v; want %v", o, got, err, o)
		}
	}
	if _, err := ParseOutcome(""); err == nil {
		t.Error(`ParseOutcome("") succeeded`)
	}
}

// TestDetectHubSpotCallOwner: a HubSpot calls export is told by any of
// its call columns, "Call owner" among them.
func TestDetectHubSpotCallOwner(t *testing.T) {
	for _, header := range [][]string{
		{"Activity date", "Call owner", "Call title", "Associated Deal"},
		{"Activity date", "Call outcome"},
		{"Activity date", "Call duration (HH:mm:ss)"},
	} {
		if f, err := DetectActivities(header); err != nil || f != HubSpotCalls {
			t.Errorf("DetectActivities(%q) = %v, %v; want %v", header, f, err, HubSpotCalls)
		}
	}
}
