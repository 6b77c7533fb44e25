package main

import (
	"errors"
	"fmt"
	"io"
	"time"
)

// This file is the input layer of teamreport: a small, normalised model of
// what a CRM export says about a sales team, and streaming readers that turn
// Maven, Salesforce and HubSpot exports (plus a roster and three optional
// side files) into it. The readers never guess: a value they cannot read is a
// *RowError that names the file, line, column and field.

// DealStage is how far a deal has come through the funnel. The stages of the
// three CRM formats are mapped onto these four; see [ReadPipeline],
// [ReadSalesforce] and [ReadHubSpot] for the mappings.
type DealStage int

const (
	// StageUnknown is the zero DealStage: no stage was read. The readers
	// never return it.
	StageUnknown DealStage = iota
	// StageOpen is an open deal that has not yet reached an appointment
	// (prospecting, qualification).
	StageOpen
	// StageEngaged is an open deal that has reached the appointment stage: the
	// rep has met the buyer, presented or proposed, and the deal is not yet
	// decided.
	StageEngaged
	// StageWon is a deal closed and won.
	StageWon
	// StageLost is a deal closed and lost.
	StageLost
)

// stageNames are the texts of the DealStage values, indexed by value.
var stageNames = []string{"unknown", "open", "engaged", "won", "lost"}

// String returns the lower-case name of s ("won"); an out-of-range value
// prints as "%!DealStage(9)".
func (s DealStage) String() string { return enumString(stageNames, "DealStage", int(s)) }

// MarshalText implements [encoding.TextMarshaler]; it fails for values
// outside the enum.
func (s DealStage) MarshalText() ([]byte, error) {
	return enumMarshal(stageNames, "DealStage", int(s))
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the texts
// of [DealStage.String], ignoring case.
func (s *DealStage) UnmarshalText(text []byte) error {
	v, err := enumParse(stageNames, "DealStage", string(text))
	if err == nil {
		*s = DealStage(v)
	}
	return err
}

// Closed reports whether s is StageWon or StageLost.
func (s DealStage) Closed() bool { return s == StageWon || s == StageLost }

// ActivityKind is the kind of a logged sales activity, in funnel order.
type ActivityKind int

const (
	// ActivityUnknown is the zero ActivityKind. The readers never return it.
	ActivityUnknown ActivityKind = iota
	// ActivityCall is a dial, connected or not.
	ActivityCall
	// ActivityConversation is a call or visit in which the rep spoke with a
	// prospect.
	ActivityConversation
	// ActivityMeeting is an appointment held with a prospect.
	ActivityMeeting
	// ActivityProposal is a proposal or quote sent.
	ActivityProposal
)

// activityNames are the texts of the ActivityKind values, indexed by value.
var activityNames = []string{"unknown", "call", "conversation", "meeting", "proposal"}

// String returns the lower-case name of k ("call"); an out-of-range value
// prints as "%!ActivityKind(9)".
func (k ActivityKind) String() string { return enumString(activityNames, "ActivityKind", int(k)) }

// MarshalText implements [encoding.TextMarshaler]; it fails for values
// outside the enum.
func (k ActivityKind) MarshalText() ([]byte, error) {
	return enumMarshal(activityNames, "ActivityKind", int(k))
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the texts
// of [ActivityKind.String], ignoring case.
func (k *ActivityKind) UnmarshalText(text []byte) error {
	v, err := enumParse(activityNames, "ActivityKind", string(text))
	if err == nil {
		*k = ActivityKind(v)
	}
	return err
}

// Deal is one opportunity, whatever CRM it came from.
type Deal struct {
	// ID is the CRM's identifier, empty when the export has none. IDs are
	// not checked for uniqueness.
	ID string
	// Owner is the rep who owns the deal: a name (Maven, HubSpot's "Deal
	// owner") or a user ID (Salesforce OwnerId, HubSpot hubspot_owner_id).
	// Never empty.
	Owner string
	// Product and Account are empty when the export does not carry them.
	Product, Account string
	// Stage is never StageUnknown.
	Stage DealStage
	// Created is when the deal entered the pipeline, the zero time if
	// unknown. For Maven exports it is the engage date, so it is zero for
	// deals still prospecting.
	Created time.Time
	// Closed is when a won or lost deal closed. It is the zero time for open
	// deals, even when the export carries an expected close date, and when
	// the date is unknown.
	Closed time.Time
	// Amount is the deal's value, finite and ≥ 0; 0 when HasAmount is
	// false. Maven records 0 for lost deals; Salesforce and HubSpot keep the
	// amount that was at stake. For open deals it is the expected amount.
	Amount float64
	// HasAmount reports whether the export gave an amount.
	HasAmount bool
}

// Rep is one member of the sales team, from the roster.
type Rep struct {
	// Name is the rep's name as the pipeline's owner column spells it.
	Name string
	// Manager and Office may be empty.
	Manager, Office string
	// Started is the rep's start date, from the roster's optional
	// start_date column; zero when the roster does not say.
	Started time.Time
}

// Quota is a rep's monthly quota, in the currency of the deal amounts.
type Quota struct {
	Rep string
	// Monthly is finite and > 0.
	Monthly float64
}

// Desire is a rep's answer to the desire-to-develop survey. A rep with no
// Desire has not answered; that is unknown, not low.
type Desire struct {
	Rep string
	// Score is on the survey's 1 to 5 scale, inclusive.
	Score float64
}

// Activity is one logged sales activity.
type Activity struct {
	Rep string
	// Kind is never ActivityUnknown.
	Kind ActivityKind
	Date time.Time
}

// Dataset is everything teamreport reads about a team. Slices are in file
// order; a file that was not given leaves its slice empty.
type Dataset struct {
	Deals      []Deal
	Reps       []Rep
	Quotas     []Quota
	Desires    []Desire
	Activities []Activity
	// Skipped are the rows left out because [ReadOptions.SkipBad] was set,
	// across all files, in reading order.
	Skipped []RowError
}

// ReadOptions configures the readers. A nil *ReadOptions means the zero
// value: stop at the first bad row, report no progress.
type ReadOptions struct {
	// SkipBad skips malformed rows and returns them as skipped rows instead
	// of failing. Errors in the header and I/O errors still fail.
	SkipBad bool
	// Progress, if not nil, receives a line every 100,000 rows read. Write
	// errors are ignored.
	Progress io.Writer
}

// progressEvery is how many rows the readers read between progress lines.
const progressEvery = 100_000

// Errors that the readers wrap, so that callers can branch with [errors.Is].
var (
	// ErrEmpty: the input has no header line.
	ErrEmpty = errors.New("empty input")
	// ErrMissingColumn: a required column is not in the header.
	ErrMissingColumn = errors.New("missing column")
	// ErrDuplicate: a column appears twice, or a rep twice in a file that
	// allows one row per rep.
	ErrDuplicate = errors.New("duplicate")
	// ErrUnknownFormat: DetectFormat cannot tell which export a header is.
	ErrUnknownFormat = errors.New("unknown export format")
	// ErrMissingValue: a required field is empty.
	ErrMissingValue = errors.New("missing value")
	// ErrInvalidNumber: a field is not a finite decimal number.
	ErrInvalidNumber = errors.New("invalid number")
	// ErrNegativeAmount: a deal amount is below zero.
	ErrNegativeAmount = errors.New("negative amount")
	// ErrOutOfRange: a quota or survey score is outside its range.
	ErrOutOfRange = errors.New("out of range")
	// ErrInvalidDate: a field is not a date in a layout the format allows.
	ErrInvalidDate = errors.New("invalid date")
	// ErrInvalidBool: a field is not true, false, 1 or 0.
	ErrInvalidBool = errors.New("invalid boolean")
	// ErrUnknownStage: a deal stage the format's mapping does not know.
	ErrUnknownStage = errors.New("unknown stage")
	// ErrUnknownKind: an activity kind other than call, conversation,
	// meeting or proposal.
	ErrUnknownKind = errors.New("unknown activity kind")
	// ErrInconsistent: two fields of a row contradict each other, such as a
	// Salesforce opportunity that is won but not closed.
	ErrInconsistent = errors.New("inconsistent")
)

// RowError is a malformed row: the readers return it as a *RowError, and
// record it by value in [Dataset.Skipped] when skipping bad rows.
type RowError struct {
	// File is the name given to the reader.
	File string
	// Line and Column locate the field (or the row, for a wrong number of
	// fields) in the input, both 1-based, Column in bytes, as in
	// [csv.ParseError].
	Line, Column int
	// Field is the column's header as written in the file; empty when the
	// error concerns the whole row.
	Field string
	// Value is the field's raw text.
	Value string
	// Err is what is wrong; it wraps one of the Err variables of this
	// program or [csv.ErrFieldCount], [csv.ErrQuote], [csv.ErrBareQuote].
	Err error
}

// Error returns `file:line:col: field "close_value": invalid number "12x"`,
// without the field part when Field is empty.
func (e *RowError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Column, e.Err)
	}
	return fmt.Sprintf("%s:%d:%d: field %q: %v", e.File, e.Line, e.Column, e.Field, e.Err)
}

// Unwrap returns e.Err.
func (e *RowError) Unwrap() error { return e.Err }

// Format is the kind of a CRM deals export.
type Format int

const (
	// FormatAuto is the zero Format: detect the format from the header with
	// [DetectFormat].
	FormatAuto Format = iota
	// FormatMaven is the Maven Analytics "CRM + Sales + Opportunities"
	// pipeline, read by [ReadPipeline].
	FormatMaven
	// FormatSalesforce is a Salesforce Opportunity export, read by
	// [ReadSalesforce].
	FormatSalesforce
	// FormatHubSpot is a HubSpot deals export, read by [ReadHubSpot].
	FormatHubSpot
)

// formatNames are the texts of the Format values, indexed by value.
var formatNames = []string{"auto", "maven", "salesforce", "hubspot"}

// String returns the name of f as [ParseFormat] accepts it ("salesforce").
func (f Format) String() string { return enumString(formatNames, "Format", int(f)) }

// MarshalText implements [encoding.TextMarshaler], so that a Format works
// with [flag.TextVar].
func (f Format) MarshalText() ([]byte, error) { return enumMarshal(formatNames, "Format", int(f)) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseFormat].
func (f *Format) UnmarshalText(text []byte) error {
	v, err := ParseFormat(string(text))
	if err == nil {
		*f = v
	}
	return err
}

// ParseFormat returns the Format named name: "auto", "maven", "salesforce"
// or "hubspot", ignoring case.
func ParseFormat(name string) (Format, error) {
	v, err := enumParse(formatNames, "format", name)
	return Format(v), err
}

// signatures are, per format, the columns (loose keys) that only that format
// uses. Columns shared by two formats (Maven's deal_stage and HubSpot's "Deal
// Stage" are the same loose key) are left out, because they cannot tell the
// formats apart.
var signatures = []struct {
	format Format
	keys   []string
}{
	{FormatMaven, []string{"opportunityid", "salesagent", "engagedate", "closevalue"}},
	{FormatSalesforce, []string{"stagename", "ownerid", "isclosed", "iswon", "createddate"}},
	{FormatHubSpot, []string{"dealowner", "hubspotownerid", "createdate", "hsobjectid", "recordid", "dealname", "pipeline"}},
}

// DetectFormat tells which export a header is from. It counts the columns that
// only one format uses (Maven's sales_agent or close_value, Salesforce's
// StageName or IsWon, HubSpot's "Deal owner" or hubspot_owner_id) and returns
// the format with the most; headers are matched loosely, as by the readers.
// When no such column is present, or two formats tie, the error wraps
// [ErrUnknownFormat]. DetectFormat never returns FormatAuto with a nil error.
func DetectFormat(header []string) (Format, error) {
	present := make(map[string]bool, len(header))
	for _, h := range header {
		present[looseKey(h)] = true
	}
	best, bestScore, tie := FormatAuto, 0, false
	for _, sig := range signatures {
		score := 0
		for _, k := range sig.keys {
			if present[k] {
				score++
			}
		}
		switch {
		case score > bestScore:
			best, bestScore, tie = sig.format, score, false
		case score == bestScore && score > 0:
			tie = true
		}
	}
	switch {
	case bestScore == 0:
		return FormatAuto, fmt.Errorf("%w: the header has no column of a Maven (sales_agent), "+
			"Salesforce (StageName) or HubSpot (Deal owner) export", ErrUnknownFormat)
	case tie:
		return FormatAuto, fmt.Errorf("%w: the header fits more than one format; choose one explicitly", ErrUnknownFormat)
	}
	return best, nil
}

// ReadDeals reads a deals export in format f, detecting the format from the
// header when f is FormatAuto. name is the file name used in messages. It
// returns the deals and, with opts.SkipBad, the skipped rows.
func ReadDeals(r io.Reader, name string, f Format, opts *ReadOptions) ([]Deal, []RowError, error) {
	t, err := openTable(r, name, opts)
	if err != nil {
		return nil, nil, err
	}
	if f == FormatAuto {
		if f, err = DetectFormat(t.header); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	switch f {
	case FormatMaven:
		return readMaven(t)
	case FormatSalesforce:
		return readSalesforce(t)
	case FormatHubSpot:
		return readHubSpot(t)
	}
	return nil, nil, fmt.Errorf("%s: %w %v", name, ErrUnknownFormat, f)
}

// Maven pipeline columns, as indexes into mavenColumns.
const (
	mvID = iota
	mvOwner
	mvProduct
	mvAccount
	mvStage
	mvEngage
	mvClose
	mvValue
)

// mavenColumns are the columns of a Maven pipeline.
var mavenColumns = []column{
	mvID:      {names: []string{"opportunity_id"}, optional: true},
	mvOwner:   {names: []string{"sales_agent"}},
	mvProduct: {names: []string{"product"}, optional: true},
	mvAccount: {names: []string{"account"}, optional: true},
	mvStage:   {names: []string{"deal_stage"}},
	mvEngage:  {names: []string{"engage_date"}},
	mvClose:   {names: []string{"close_date"}},
	mvValue:   {names: []string{"close_value"}},
}

// mavenStages maps the Maven deal_stage values (as loose keys) to stages.
var mavenStages = map[string]DealStage{
	"prospecting": StageOpen,
	"engaging":    StageEngaged,
	"won":         StageWon,
	"lost":        StageLost,
}

// ReadPipeline reads a Maven-style pipeline:
//
//	opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value
//
// opportunity_id, product and account may be left out. deal_stage is
// Prospecting (StageOpen), Engaging (StageEngaged), Won or Lost. Dates are
// YYYY-MM-DD and may be empty; Created is the engage date. close_value is
// empty while a deal is open. name is the file name used in messages.
func ReadPipeline(r io.Reader, name string, opts *ReadOptions) ([]Deal, []RowError, error) {
	t, err := openTable(r, name, opts)
	if err != nil {
		return nil, nil, err
	}
	return readMaven(t)
}

// readMaven reads the rows of a Maven pipeline whose header t has read.
func readMaven(t *table) ([]Deal, []RowError, error) {
	ix, err := t.bind(mavenColumns)
	if err != nil {
		return nil, nil, err
	}
	return collect(t, func() (d Deal, keep bool, err error) {
		if d.Stage, err = t.stage(ix[mvStage], mavenStages); err != nil {
			return d, false, err
		}
		if d.Created, err = t.date(ix[mvEngage], dateOnly); err != nil {
			return d, false, err
		}
		closed, err := t.date(ix[mvClose], dateOnly)
		if err != nil {
			return d, false, err
		}
		if d.Stage.Closed() {
			d.Closed = closed
		}
		if dayBefore(d.Closed, d.Created) {
			return d, false, t.inconsistent(ix[mvClose], ix[mvEngage])
		}
		if d.Amount, d.HasAmount, err = t.amount(ix[mvValue]); err != nil {
			return d, false, err
		}
		return d, true, t.dealText(&d, ix[mvID], ix[mvOwner], ix[mvProduct], ix[mvAccount])
	})
}

// Salesforce Opportunity columns, as indexes into salesforceColumns.
const (
	sfID = iota
	sfOwner
	sfAccount
	sfStage
	sfAmount
	sfClose
	sfIsClosed
	sfIsWon
	sfCreated
)

// salesforceColumns are the columns of a Salesforce Opportunity export.
var salesforceColumns = []column{
	sfID:       {names: []string{"Id"}, optional: true},
	sfOwner:    {names: []string{"OwnerId", "Opportunity Owner"}},
	sfAccount:  {names: []string{"AccountId", "Account Name"}, optional: true},
	sfStage:    {names: []string{"StageName"}},
	sfAmount:   {names: []string{"Amount"}},
	sfClose:    {names: []string{"CloseDate"}},
	sfIsClosed: {names: []string{"IsClosed"}},
	sfIsWon:    {names: []string{"IsWon"}},
	sfCreated:  {names: []string{"CreatedDate"}},
}

// salesforceStages maps the default Salesforce open stages (as loose keys)
// to stages. Everything from "Value Proposition" on happens after the first
// meeting with the buyer, so it counts as having reached the appointment.
// The closed stages are listed so that a closed name on an open row is
// reported as inconsistent rather than unknown.
var salesforceStages = map[string]DealStage{
	"prospecting":         StageOpen,
	"qualification":       StageOpen,
	"needsanalysis":       StageOpen,
	"valueproposition":    StageEngaged,
	"id.decisionmakers":   StageEngaged,
	"perceptionanalysis":  StageEngaged,
	"proposal/pricequote": StageEngaged,
	"negotiation/review":  StageEngaged,
	"closedwon":           StageWon,
	"closedlost":          StageLost,
}

// ReadSalesforce reads a Salesforce Opportunity export with the columns
// OwnerId, StageName, Amount, CloseDate, IsClosed, IsWon and CreatedDate,
// and optionally Id and AccountId; other columns (Name, …) are ignored.
// "Opportunity Owner" and "Account Name" are accepted for OwnerId and
// AccountId, as in report exports.
//
// The stage comes from the flags: IsWon is StageWon, IsClosed without IsWon
// is StageLost. An open opportunity's StageName maps as follows (the
// defaults of a Salesforce org; a renamed stage is an unknown stage):
//
//	Prospecting, Qualification, Needs Analysis                  StageOpen
//	Value Proposition, Id. Decision Makers, Perception Analysis,
//	Proposal/Price Quote, Negotiation/Review                     StageEngaged
//
// IsWon without IsClosed, or an open row named Closed Won or Closed Lost, is
// inconsistent. Booleans are true, false, 1 or 0 in any case. Dates are
// 2017-03-01, 2017-03-01T10:00:00.000Z or Salesforce's
// 2017-03-01T10:00:00.000+0000, and are returned in UTC. CloseDate counts
// only for closed opportunities (it is the expected date of open ones).
func ReadSalesforce(r io.Reader, name string, opts *ReadOptions) ([]Deal, []RowError, error) {
	t, err := openTable(r, name, opts)
	if err != nil {
		return nil, nil, err
	}
	return readSalesforce(t)
}

// readSalesforce reads the rows of a Salesforce export whose header t has
// read.
func readSalesforce(t *table) ([]Deal, []RowError, error) {
	ix, err := t.bind(salesforceColumns)
	if err != nil {
		return nil, nil, err
	}
	return collect(t, func() (d Deal, keep bool, err error) {
		isClosed, err := t.boolean(ix[sfIsClosed])
		if err != nil {
			return d, false, err
		}
		isWon, err := t.boolean(ix[sfIsWon])
		if err != nil {
			return d, false, err
		}
		open, err := t.stage(ix[sfStage], salesforceStages)
		switch {
		case isWon && !isClosed:
			return d, false, t.inconsistent(ix[sfIsWon], ix[sfIsClosed])
		case isWon:
			d.Stage = StageWon
		case isClosed:
			d.Stage = StageLost
		case err != nil:
			return d, false, err
		case open.Closed():
			return d, false, t.inconsistent(ix[sfStage], ix[sfIsClosed])
		default:
			d.Stage = open
		}
		if d.Created, err = t.date(ix[sfCreated], salesforceTimes); err != nil {
			return d, false, err
		}
		closed, err := t.date(ix[sfClose], salesforceTimes)
		if err != nil {
			return d, false, err
		}
		if d.Stage.Closed() {
			d.Closed = closed
		}
		if dayBefore(d.Closed, d.Created) {
			return d, false, t.inconsistent(ix[sfClose], ix[sfCreated])
		}
		if d.Amount, d.HasAmount, err = t.amount(ix[sfAmount]); err != nil {
			return d, false, err
		}
		return d, true, t.dealText(&d, ix[sfID], ix[sfOwner], -1, ix[sfAccount])
	})
}

// HubSpot deal columns, as indexes into hubspotColumns.
const (
	hsID = iota
	hsOwner
	hsAccount
	hsStage
	hsAmount
	hsClose
	hsCreated
)

// hubspotColumns are the columns of a HubSpot deals export, by their labels
// (UI exports) and internal names (API exports).
var hubspotColumns = []column{
	hsID:      {names: []string{"Record ID", "hs_object_id", "Deal ID"}, optional: true},
	hsOwner:   {names: []string{"Deal owner", "hubspot_owner_id"}},
	hsAccount: {names: []string{"Associated Company"}, optional: true},
	hsStage:   {names: []string{"Deal Stage"}},
	hsAmount:  {names: []string{"Amount"}},
	hsClose:   {names: []string{"Close Date"}},
	hsCreated: {names: []string{"Create Date"}},
}

// hubspotStages maps the stages of HubSpot's default sales pipeline (loose
// keys match both internal names and labels) to stages. A scheduled
// appointment has not been held yet, so it is still StageOpen; from
// "Presentation Scheduled" on the rep has met the buyer.
var hubspotStages = map[string]DealStage{
	"appointmentscheduled":  StageOpen,
	"qualifiedtobuy":        StageOpen,
	"presentationscheduled": StageEngaged,
	"decisionmakerboughtin": StageEngaged,
	"contractsent":          StageEngaged,
	"closedwon":             StageWon,
	"closedlost":            StageLost,
}

// ReadHubSpot reads a HubSpot deals export. Columns, by label or internal
// name: "Deal owner" or hubspot_owner_id, "Deal Stage" (dealstage), Amount,
// "Close Date" (closedate), "Create Date" (createdate), and optionally
// "Record ID" (hs_object_id) and "Associated Company". Stages of the default
// pipeline map as follows, by internal name or label:
//
//	appointmentscheduled, qualifiedtobuy                           StageOpen
//	presentationscheduled, decisionmakerboughtin, contractsent     StageEngaged
//	closedwon ("Closed Won")                                       StageWon
//	closedlost ("Closed Lost")                                     StageLost
//
// A custom pipeline's stage IDs are unknown stages. Dates are 2017-03-01,
// 2017-03-01 10:00 (with optional seconds), RFC 3339, or epoch milliseconds
// (exactly 13 digits, so that 20170301 or epoch seconds are rejected rather
// than read as 1970). Times without a zone are UTC. "Close Date" counts only
// for closed deals (it is the expected date of open ones).
func ReadHubSpot(r io.Reader, name string, opts *ReadOptions) ([]Deal, []RowError, error) {
	t, err := openTable(r, name, opts)
	if err != nil {
		return nil, nil, err
	}
	return readHubSpot(t)
}

// readHubSpot reads the rows of a HubSpot export whose header t has read.
func readHubSpot(t *table) ([]Deal, []RowError, error) {
	ix, err := t.bind(hubspotColumns)
	if err != nil {
		return nil, nil, err
	}
	return collect(t, func() (d Deal, keep bool, err error) {
		if d.Stage, err = t.stage(ix[hsStage], hubspotStages); err != nil {
			return d, false, err
		}
		if d.Created, err = t.date(ix[hsCreated], hubspotTimes); err != nil {
			return d, false, err
		}
		closed, err := t.date(ix[hsClose], hubspotTimes)
		if err != nil {
			return d, false, err
		}
		if d.Stage.Closed() {
			d.Closed = closed
		}
		if dayBefore(d.Closed, d.Created) {
			return d, false, t.inconsistent(ix[hsClose], ix[hsCreated])
		}
		if d.Amount, d.HasAmount, err = t.amount(ix[hsAmount]); err != nil {
			return d, false, err
		}
		return d, true, t.dealText(&d, ix[hsID], ix[hsOwner], -1, ix[hsAccount])
	})
}

// ReadRoster reads the team roster, sales_teams.csv:
//
//	sales_agent,manager,regional_office
//
// The rep's name (sales_agent, or rep) is required and must be unique;
// manager and regional_office may be empty. An optional start_date (or
// hire_date) column, YYYY-MM-DD, gives the rep's start date; the report
// reads tenure from it, and assumes a rep past ramp when it is absent.
func ReadRoster(r io.Reader, name string, opts *ReadOptions) ([]Rep, []RowError, error) {
	t, err := openTable(r, name, opts)
	if err != nil {
		return nil, nil, err
	}
	ix, err := t.bind([]column{
		{names: []string{"sales_agent", "rep"}},
		{names: []string{"manager"}},
		{names: []string{"regional_office"}},
		{names: []string{"start_date", "hire_date"}, optional: true},
	})
	if err != nil {
		return nil, nil, err
	}
	seen := make(map[string]int)
	return collect(t, func() (rep Rep, keep bool, err error) {
		if rep.Name, err = t.rep(ix[0], seen); err != nil {
			return rep, false, err
		}
		rep.Manager, rep.Office = t.text(ix[1]), t.text(ix[2])
		if rep.Started, err = t.date(ix[3], dateOnly); err != nil {
			return rep, false, err
		}
		return rep, true, nil
	})
}

// ReadQuotas reads monthly quotas, one row per rep:
//
//	rep,monthly_quota
//
// A quota must be a finite number > 0.
func ReadQuotas(r io.Reader, name string, opts *ReadOptions) ([]Quota, []RowError, error) {
	t, err := openTable(r, name, opts)
	if err != nil {
		return nil, nil, err
	}
	ix, err := t.bind([]column{
		{names: []string{"rep", "sales_agent"}},
		{names: []string{"monthly_quota"}},
	})
	if err != nil {
		return nil, nil, err
	}
	seen := make(map[string]int)
	return collect(t, func() (q Quota, keep bool, err error) {
		if q.Rep, err = t.rep(ix[0], seen); err != nil {
			return q, false, err
		}
		if q.Monthly, err = t.number(ix[1]); err != nil {
			return q, false, err
		}
		if q.Monthly <= 0 {
			return q, false, t.fail(ix[1], fmt.Errorf("%w %q (want a quota > 0)", ErrOutOfRange, t.value(ix[1])))
		}
		return q, true, nil
	})
}

// ReadDesires reads the desire-to-develop survey, one row per rep:
//
//	rep,desire
//
// Scores are on the survey's 1 to 5 scale (decimals allowed, as for an
// average of several questions). An empty score means the rep did not
// answer: the row yields no Desire, so the desire stays unknown.
func ReadDesires(r io.Reader, name string, opts *ReadOptions) ([]Desire, []RowError, error) {
	t, err := openTable(r, name, opts)
	if err != nil {
		return nil, nil, err
	}
	ix, err := t.bind([]column{
		{names: []string{"rep", "sales_agent"}},
		{names: []string{"desire"}},
	})
	if err != nil {
		return nil, nil, err
	}
	seen := make(map[string]int)
	return collect(t, func() (d Desire, keep bool, err error) {
		if d.Rep, err = t.rep(ix[0], seen); err != nil {
			return d, false, err
		}
		if t.value(ix[1]) == "" {
			return d, false, nil
		}
		if d.Score, err = t.number(ix[1]); err != nil {
			return d, false, err
		}
		if d.Score < 1 || d.Score > 5 {
			return d, false, t.fail(ix[1], fmt.Errorf("%w %q (want 1 to 5)", ErrOutOfRange, t.value(ix[1])))
		}
		return d, true, nil
	})
}

// ReadActivities reads logged activities, one row per activity:
//
//	rep,kind,date
//
// kind is call, conversation, meeting or proposal (any case); date is
// YYYY-MM-DD or RFC 3339.
func ReadActivities(r io.Reader, name string, opts *ReadOptions) ([]Activity, []RowError, error) {
	t, err := openTable(r, name, opts)
	if err != nil {
		return nil, nil, err
	}
	ix, err := t.bind([]column{
		{names: []string{"rep", "sales_agent"}},
		{names: []string{"kind"}},
		{names: []string{"date"}},
	})
	if err != nil {
		return nil, nil, err
	}
	return collect(t, func() (a Activity, keep bool, err error) {
		if a.Rep, err = t.required(ix[0]); err != nil {
			return a, false, err
		}
		a.Rep = t.intern(a.Rep)
		if a.Kind, err = t.kind(ix[1]); err != nil {
			return a, false, err
		}
		if t.value(ix[2]) == "" {
			return a, false, t.fail(ix[2], ErrMissingValue)
		}
		a.Date, err = t.date(ix[2], activityTimes)
		return a, err == nil, err
	})
}
