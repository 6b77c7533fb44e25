// Package crm reads the deal and activity exports of Salesforce, HubSpot,
// Pipedrive and the Maven sample CRM, row by row, into a small common
// model: who owns each deal, whether it is open, won or lost, when it was
// created and closed, and its amount in which currency. It decides won and
// lost the way DESIGN §9 of the module says, and counts what it decided
// and why, so that a report can say so.
//
// The reading itself (encodings, separators, dates, amounts) is package
// csvin's; nothing here depends on the salesdev library's packages (its
// enums print and parse with the module's internal/enum, as the library's
// do).
package crm

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/salesdev/salesdev/examples/teamreport/internal/csvin"
	"github.com/salesdev/salesdev/internal/enum"
)

// Format is the kind of a deals export.
type Format int

const (
	// Auto detects the format from the header ([Detect]).
	Auto Format = iota
	// Maven is the Maven Analytics CRM sample's sales_pipeline.csv.
	Maven
	// Salesforce is an Opportunity export: Data Loader, Data Export, or
	// a report export.
	Salesforce
	// HubSpot is a deals export, UI (labels) or API (internal names).
	HubSpot
	// Pipedrive is the deals export of Pipedrive ("Deal - Title", …).
	Pipedrive
)

var formatNames = [...]string{"auto", "maven", "salesforce", "hubspot", "pipedrive"}

// String returns the format's name as [ParseFormat] accepts it.
func (f Format) String() string { return enum.String("Format", formatNames[:], f) }

// MarshalText implements [encoding.TextMarshaler].
func (f Format) MarshalText() ([]byte, error) {
	if !enum.Named(formatNames[:], f) {
		return nil, fmt.Errorf("crm: invalid Format %d", int(f))
	}
	return []byte(f.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseFormat].
func (f *Format) UnmarshalText(b []byte) error {
	v, err := ParseFormat(string(b))
	if err == nil {
		*f = v
	}
	return err
}

// ParseFormat returns the format called name, in any case.
func ParseFormat(name string) (Format, error) {
	if f, ok := enum.Parse[Format](formatNames[:], []byte(name)); ok {
		return f, nil
	}
	return Auto, fmt.Errorf("crm: unknown format %q (want %s)", name, strings.Join(formatNames[:], ", "))
}

// Outcome is where a deal stands.
type Outcome uint8

const (
	// Open is a deal still in play, the zero Outcome.
	Open Outcome = iota
	// Won is a deal closed and won.
	Won
	// Lost is a deal closed and lost.
	Lost
	// Ignore is a deal the stage mapping leaves out (a test pipeline, a
	// duplicate stage), or one the CRM marks closed without saying
	// whether it was won: it is read, counted in the notes, and not
	// reported.
	Ignore
)

var outcomeNames = [...]string{"open", "won", "lost", "ignore"}

// String returns "open", "won", "lost" or "ignore".
func (o Outcome) String() string { return enum.String("Outcome", outcomeNames[:], o) }

// ParseOutcome reads "open", "won", "lost" or "ignore", in any case.
func ParseOutcome(s string) (Outcome, error) {
	if o, ok := enum.Parse[Outcome](outcomeNames[:], []byte(strings.TrimSpace(s))); ok {
		return o, nil
	}
	return Open, fmt.Errorf("crm: unknown outcome %q (want open, won, lost or ignore)", s)
}

// Errors of the readers.
var (
	// ErrUnknownFormat: Detect cannot tell which export a header is.
	ErrUnknownFormat = errors.New("unknown export format")
)

// A Deal is one row of a deals export. Its strings are only valid until
// the reader's next row: clone what you keep.
type Deal struct {
	// ID is the CRM's record ID, "" when the export has none.
	ID string
	// Owner is the owner's name (or ID when the export has only IDs and
	// no users file names it), cleaned for printing. Never empty.
	Owner string
	// Deactivated reports whether the owner is a deactivated user: their
	// deals are reported apart, without a plan.
	Deactivated bool
	// Stage is the stage label as exported.
	Stage string
	// Pipeline is the pipeline the deal is in, as exported (HubSpot's
	// "Pipeline", Pipedrive's "Deal - Pipeline"); "" when the export has
	// no pipeline column. Only valid until the reader's next row.
	Pipeline string
	// Outcome is open, won, lost or ignore; see [Options.Stages] for how
	// it is decided.
	Outcome Outcome
	// Engaged reports whether an open deal is at a stage past the first
	// meeting with the buyer, for stages the reader knows (the CRMs'
	// default stages).
	Engaged bool
	// Reached is the furthest step of the model's funnel the deal
	// reached: StepClose for a won deal; for a lost one the step of the stage
	// it closed from, NoStep when the export does not say. Evidence says
	// what Reached rests on.
	Reached  Step
	Evidence Evidence
	// BeforeClose is the furthest step the deal reached before it closed
	// (Reached for an open deal); it places a deal closed after the
	// report's as-of day, which was still open then.
	BeforeClose Step
	// Created and Closed are the days the deal was created and closed;
	// HasCreated and HasClosed say whether the export gave them. Closed
	// is only set for won and lost deals (an open deal's close date is an
	// expectation).
	Created, Closed       csvin.Day
	HasCreated, HasClosed bool
	// Backdated reports a deal closed on a day before it was created, as
	// backdated records are: it counts, but its cycle time is unknown.
	Backdated bool
	// Cents is the amount in hundredths; HasAmount says whether the
	// export gave one (a blank amount is unknown, not zero).
	Cents     int64
	HasAmount bool
	// Currency is the amount's ISO code or symbol, "" when the export
	// does not say.
	Currency string
}

// Options configure the readers. A nil *Options is the zero value.
type Options struct {
	// Format is the deals export's format; Auto detects it.
	Format Format
	// Stages maps stage labels, by [StageKey], to outcomes: the -stages
	// file. It overrides everything else. See [ReadStages].
	Stages map[string]Outcome
	// Steps maps stage labels, by [StageKey], to the step of the model's
	// funnel each marks: the -stages file's step column ([ReadMapping]).
	// Labels it lacks are read by the CRM's default stages ([Funnel]).
	Steps map[string]Step
	// History is the stage history of the deals, from a Salesforce
	// OpportunityHistory export ([ReadHistory]); nil for none.
	History *History
	// Users maps owner IDs, as exported, to users: the -users file.
	Users map[string]User
	// Dates says how to read ambiguous dates.
	Dates csvin.DateOptions
	// Progress is called every 100,000 rows with the rows read so far.
	Progress func(rows int)
	// Bad is called for each row that cannot be used; returning nil skips
	// it, returning an error stops the reading with it. nil stops at the
	// first bad row.
	Bad func(*csvin.RowError) error
}

func (o *Options) orZero() *Options {
	if o == nil {
		return &Options{}
	}
	return o
}

// A User is one row of a users file.
type User struct {
	Name   string
	Active bool
}

// forEach reads every row of rd, calling row for each; row errors go to
// opts.Bad.
func forEach(rd *csvin.Reader, opts *Options, row func() error) error {
	for {
		ok, err := rd.Next()
		if err == nil && !ok {
			return nil
		}
		if err == nil {
			err = row()
		}
		if err == nil {
			continue
		}
		var re *csvin.RowError
		if !errors.As(err, &re) {
			return err
		}
		if opts.Bad == nil {
			return re
		}
		if err := opts.Bad(re); err != nil {
			return err
		}
	}
}

// deactivated reports whether an owner's name marks a deactivated user, as
// Salesforce ("Ann Lee (Deactivated User)") and HubSpot ("Ann Lee
// (Deactivated User)", "Ann Lee (inactive)") write them.
func deactivated(name string) bool {
	if strings.IndexByte(name, '(') < 0 && strings.IndexByte(name, '[') < 0 {
		return false
	}
	k := strings.ToLower(name)
	for _, m := range []string{"(deactivated", "deactivated user", "(inactive", "[inactive", "(disabled", "(removed", "(désactivé", "(deaktiviert", "(desactivado"} {
		if strings.Contains(k, m) {
			return true
		}
	}
	return false
}

// owner returns the owner of the current row, mapped through users.
func owner(rd *csvin.Reader, i int, users map[string]User) (name string, inactive bool, err error) {
	s := rd.Field(i)
	if s == "" {
		return "", false, rd.Fail(i, csvin.ErrMissingValue)
	}
	if u, ok := users[s]; ok {
		return u.Name, !u.Active || deactivated(u.Name), nil
	}
	s = csvin.Clean(s)
	return s, deactivated(s), nil
}

// open starts reading a file.
func open(r io.Reader, name string, opts *Options) (*csvin.Reader, error) {
	return csvin.NewReader(r, name, &csvin.Options{Progress: opts.Progress})
}

// StageKey is the key of a stage label in a pipeline, in the maps of a
// [Mapping] and [Options]: the label's [csvin.Key] for a stage of every
// pipeline (pipeline ""), else the pipeline's key, "/" and the label's.
// A key holds only letters and digits, so the two never meet.
func StageKey(pipeline, label string) string {
	if p := csvin.Key(pipeline); p != "" {
		return p + "/" + csvin.Key(label)
	}
	return csvin.Key(label)
}

// lookup returns the value of a stage of a pipeline in m: the pipeline's
// own entry, else the entry for every pipeline.
func lookup[T any](m map[string]T, pipeline, label string) (T, bool) {
	if pipeline != "" {
		if v, ok := m[StageKey(pipeline, label)]; ok {
			return v, true
		}
	}
	v, ok := m[csvin.Key(label)]
	return v, ok
}
