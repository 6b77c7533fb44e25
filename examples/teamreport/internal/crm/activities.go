package crm

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/salesdev/salesdev/examples/teamreport/internal/csvin"
	"github.com/salesdev/salesdev/internal/enum"
)

// Kind is the kind of a sales activity, in funnel order.
type Kind uint8

const (
	// NoKind is the zero Kind: an activity that is not a sales touch
	// (an email, a to-do, a meeting that did not happen). It is read and
	// counted in the stats, not reported.
	NoKind Kind = iota
	// Call is a dial, connected or not.
	Call
	// Conversation is a call or visit in which the rep spoke with a
	// prospect.
	Conversation
	// Meeting is an appointment held with a prospect.
	Meeting
	// Proposal is a proposal or quote sent.
	Proposal
)

var kindNames = [...]string{"none", "call", "conversation", "meeting", "proposal"}

// String returns the kind's name ("call").
func (k Kind) String() string { return enum.String("Kind", kindNames[:], k) }

// ActivityFormat is the kind of an activities export.
type ActivityFormat int

const (
	// Simple is the report's own rep,kind,date file.
	Simple ActivityFormat = iota
	// SalesforceTask is a Task export (calls, emails, to-dos).
	SalesforceTask
	// SalesforceEvent is an Event export (meetings).
	SalesforceEvent
	// HubSpotCalls is a calls export.
	HubSpotCalls
	// HubSpotMeetings is a meetings export.
	HubSpotMeetings
)

var activityFormatNames = [...]string{"rep,kind,date", "Salesforce Task", "Salesforce Event", "HubSpot calls", "HubSpot meetings"}

// String names the format.
func (f ActivityFormat) String() string {
	return enum.String("ActivityFormat", activityFormatNames[:], f)
}

// An Activity is one row of an activities export; Rep, Deal and Contact
// are only valid until the reader's next row.
type Activity struct {
	Rep         string
	Deactivated bool
	Kind        Kind
	Day         csvin.Day
	// Deal is the ID of the deal the activity is linked to, "" for none:
	// the rep,kind,date file's deal column, Salesforce's WhatId (an
	// opportunity, or an account), HubSpot's associated deal (the first
	// of several).
	Deal string
	// Contact is the ID of the contact or lead the activity is linked to,
	// "" for none: the contact column, Salesforce's WhoId, HubSpot's
	// associated contact (the first of several).
	Contact string
}

// ActivityStats is what an activities reader counted.
type ActivityStats struct {
	Format   ActivityFormat
	Encoding csvin.Encoding
	Rows     int
	// NotSales counts rows that are not sales touches (emails, to-dos,
	// meetings canceled or not shown).
	NotSales int64
}

// activity columns.
const (
	acRep = iota
	acKind
	acDate
	acSubtype
	acType
	acDuration
	acDisposition
	acOutcome
	acSubject
	acDeal
	acContact
	numActivityCols
)

var activitySpecs = [...][numActivityCols][]string{
	Simple: {acRep: {"rep", "sales_agent"}, acKind: {"kind"}, acDate: {"date"},
		acDeal: {"deal", "deal_id", "opportunity_id"}, acContact: {"contact", "contact_id"}},
	SalesforceTask: {acRep: {"Owner.Name", "Assigned", "Assigned To", "Owner Name", "OwnerId"},
		acDate: {"ActivityDate", "Due Date", "Date", "CompletedDateTime", "CreatedDate"}, acSubtype: {"TaskSubtype", "Task Subtype"},
		acType: {"Type", "Task Type"}, acDuration: {"CallDurationInSeconds", "Call Duration"}, acDisposition: {"CallDisposition", "Call Result"},
		acSubject: {"Subject"}, acDeal: {"WhatId", "What.Id"}, acContact: {"WhoId", "Who.Id"}},
	SalesforceEvent: {acRep: {"Owner.Name", "Assigned", "Assigned To", "Owner Name", "OwnerId"},
		acDate: {"ActivityDate", "StartDateTime", "ActivityDateTime", "Start", "Date"}, acSubtype: {"EventSubtype"},
		acType: {"Type"}, acSubject: {"Subject"}, acDeal: {"WhatId", "What.Id"}, acContact: {"WhoId", "Who.Id"}},
	HubSpotCalls: {acRep: {"Activity assigned to", "Call owner", "HubSpot Owner", "hubspot_owner_id"},
		acDate: {"Activity date", "hs_timestamp", "Create date", "Call date"}, acOutcome: {"Call outcome", "hs_call_disposition"},
		acDuration: {"Call duration (HH:mm:ss)", "Call duration", "hs_call_duration"},
		acDeal:     {"Associated Deal IDs", "Associated Deal ID", "Associated Deal"}, acContact: {"Associated Contact IDs", "Associated Contact ID", "Associated Contact"}},
	HubSpotMeetings: {acRep: {"Activity assigned to", "Meeting owner", "HubSpot Owner", "hubspot_owner_id"},
		acDate: {"Meeting start time", "hs_meeting_start_time", "Activity date", "hs_timestamp"}, acOutcome: {"Meeting outcome", "hs_meeting_outcome"},
		acDeal: {"Associated Deal IDs", "Associated Deal ID", "Associated Deal"}, acContact: {"Associated Contact IDs", "Associated Contact ID", "Associated Contact"}},
}

// DetectActivities tells an activities export's format from its header.
func DetectActivities(header []string) (ActivityFormat, error) {
	has := map[string]bool{}
	for _, h := range header {
		has[csvin.Key(h)] = true
	}
	switch {
	case has["kind"] && (has["rep"] || has["salesagent"]):
		return Simple, nil
	case has["meetingoutcome"] || has["meetingstarttime"] || has["hsmeetingoutcome"] || has["hsmeetingstarttime"]:
		return HubSpotMeetings, nil
	case has["calloutcome"] || has["hscalldisposition"] || has["callduration"] || has["callowner"] || has["hscallduration"] || has["calldurationhhmmss"]:
		return HubSpotCalls, nil
	case has["startdatetime"] || has["eventsubtype"] || has["activitydatetime"]:
		return SalesforceEvent, nil
	case has["tasksubtype"] || has["calldurationinseconds"] || has["calldisposition"] || has["subject"] && has["activitydate"]:
		return SalesforceTask, nil
	}
	return Simple, fmt.Errorf("%w: not an activities file (rep,kind,date), Salesforce Task or Event, or HubSpot calls or meetings export", ErrUnknownFormat)
}

// ReadActivities reads an activities export of a format it detects, and
// calls activity for each row; rows that are not sales touches are
// counted, not passed. Kinds:
//   - rep,kind,date: kind is call, conversation, meeting or proposal;
//   - Salesforce Task: a call (TaskSubtype or Type "Call") is a
//     conversation when it lasted (CallDurationInSeconds > 0) or its
//     CallDisposition says the prospect was reached; Type "Meeting" is a
//     meeting, a subject or type naming a proposal or quote a proposal;
//     emails and to-dos are not sales touches;
//   - Salesforce Event: a meeting;
//   - HubSpot calls: "Connected" outcome (or a duration) is a
//     conversation, any other a call;
//   - HubSpot meetings: a meeting, unless its outcome is canceled,
//     rescheduled or no show.
//
// Links: an activity linked to a deal or a contact carries its ID in
// Deal or Contact (the rep,kind,date file's optional deal and contact
// columns, Salesforce's WhatId and WhoId, HubSpot's "Associated Deal" and
// "Associated Contact" columns, IDs preferred to names; of several
// associations, separated by ";", the first).
func ReadActivities(r io.Reader, name string, opts *Options, activity func(*Activity) error) (ActivityStats, error) {
	opts = opts.orZero()
	var st ActivityStats
	rd, err := open(r, name, opts)
	if err != nil {
		return st, err
	}
	defer rd.Close()
	f, err := DetectActivities(rd.Header())
	if err != nil {
		return st, fmt.Errorf("%s: %w", name, err)
	}
	st.Format = f
	var ix [numActivityCols]int
	for c := range numActivityCols {
		if ix[c], err = rd.Column(activitySpecs[f][c]...); err != nil {
			return st, err
		}
	}
	for _, c := range []int{acRep, acDate} {
		if ix[c] < 0 {
			_, err := rd.MustColumn(activitySpecs[f][c]...)
			return st, err
		}
	}
	var a Activity
	err = forEach(rd, opts, func() error {
		a = Activity{}
		var err error
		if a.Kind, err = activityKind(rd, f, ix); err != nil {
			return err
		}
		if a.Kind == NoKind {
			st.NotSales++
			return nil
		}
		if a.Rep, a.Deactivated, err = owner(rd, ix[acRep], opts.Users); err != nil {
			return err
		}
		s := rd.Field(ix[acDate])
		if s == "" {
			return rd.Fail(ix[acDate], csvin.ErrMissingValue)
		}
		if a.Day, err = csvin.ParseDay(s, opts.Dates); err != nil {
			return rd.Fail(ix[acDate], err)
		}
		a.Deal, a.Contact = link(rd.Field(ix[acDeal])), link(rd.Field(ix[acContact]))
		if err := activity(&a); err != nil {
			return rd.Fail(-1, err)
		}
		return nil
	})
	st.Rows, st.Encoding = rd.Rows, rd.Encoding()
	return st, err
}

// activityKind reads the current row's kind.
func activityKind(rd *csvin.Reader, f ActivityFormat, ix [numActivityCols]int) (Kind, error) {
	low := func(c int) string { return strings.ToLower(rd.Field(ix[c])) }
	switch f {
	case Simple:
		s := rd.Field(ix[acKind])
		if s == "" {
			return NoKind, rd.Fail(ix[acKind], csvin.ErrMissingValue)
		}
		for k := Call; k <= Proposal; k++ {
			if strings.EqualFold(s, kindNames[k]) {
				return k, nil
			}
		}
		return NoKind, rd.Fail(ix[acKind], fmt.Errorf("unknown activity kind %q (want call, conversation, meeting or proposal)", csvin.Clean(s)))
	case SalesforceTask:
		sub, typ, subj := low(acSubtype), low(acType), low(acSubject)
		switch {
		case strings.Contains(typ, "meeting"):
			return Meeting, nil
		case strings.Contains(typ, "proposal") || strings.Contains(typ, "quote") ||
			strings.Contains(subj, "proposal") || strings.Contains(subj, "quote"):
			return Proposal, nil
		case sub == "call" || strings.Contains(typ, "call") || ix[acSubtype] < 0 && ix[acType] < 0 && ix[acDuration] >= 0:
			if secs, err := strconv.Atoi(rd.Field(ix[acDuration])); err == nil && secs > 0 || reached(low(acDisposition)) {
				return Conversation, nil
			}
			return Call, nil
		}
		return NoKind, nil
	case SalesforceEvent:
		return Meeting, nil
	case HubSpotCalls:
		out := low(acOutcome)
		d := strings.Trim(rd.Field(ix[acDuration]), "0:. ")
		if out == "connected" || reached(out) || out == "" && d != "" {
			return Conversation, nil
		}
		return Call, nil
	case HubSpotMeetings:
		switch out := low(acOutcome); {
		case strings.Contains(out, "cancel"), strings.Contains(out, "reschedul"), strings.Contains(out, "no show"), strings.Contains(out, "no_show"):
			return NoKind, nil
		}
		return Meeting, nil
	}
	return NoKind, nil
}

// reached reports whether a call disposition says the prospect was
// reached.
func reached(s string) bool {
	for _, w := range []string{"connected", "spoke", "reached", "conversation", "talked"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// link returns the first of the IDs in s, separated by ";" as HubSpot
// writes several associations, trimmed; "" for none.
func link(s string) string {
	if i := strings.IndexByte(s, ';'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}
