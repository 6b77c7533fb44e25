package crm

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/salesdev/salesdev/examples/teamreport/internal/csvin"
	"github.com/salesdev/salesdev/internal/enum"
)

// Columns of a deals export, as indexes into a format's spec.
const (
	colID = iota
	colOwner
	colStage
	colAmount
	colCurrency
	colCreated
	colClosed
	colIsClosed
	colIsWon
	colStatus
	colWonTime
	colLostTime
	colPipeline
	numCols
)

// specs name, per format and column, the headers accepted, in order of
// preference. Owner columns prefer names to IDs.
var specs = [...][numCols][]string{
	Maven: {
		colID: {"opportunity_id"}, colOwner: {"sales_agent"}, colStage: {"deal_stage"},
		colAmount: {"close_value"}, colCreated: {"engage_date"}, colClosed: {"close_date"},
	},
	Salesforce: {
		colID:       {"Id", "Opportunity ID", "Opportunity 18 Digit ID"},
		colOwner:    {"Owner.Name", "Opportunity Owner", "Owner Name", "Owner Full Name", "OwnerId", "Owner ID"},
		colStage:    {"StageName", "Stage"},
		colAmount:   {"Amount", "Amount (converted)"},
		colCurrency: {"CurrencyIsoCode", "Opportunity Currency", "Amount Currency", "Currency"},
		colCreated:  {"CreatedDate", "Created Date"},
		colClosed:   {"CloseDate", "Close Date"},
		colIsClosed: {"IsClosed", "Closed"},
		colIsWon:    {"IsWon", "Won"},
	},
	HubSpot: {
		colID:       {"Record ID", "hs_object_id", "Deal ID"},
		colOwner:    {"Deal owner", "HubSpot Owner", "hubspot_owner_id", "Owner"},
		colStage:    {"Deal Stage", "dealstage"},
		colAmount:   {"Amount", "Amount in company currency"},
		colCurrency: {"Currency", "deal_currency_code", "Deal currency code"},
		colCreated:  {"Create Date", "createdate"},
		colClosed:   {"Close Date", "closedate"},
		colIsClosed: {"Is Deal Closed?", "hs_is_closed", "Is closed"},
		colIsWon:    {"Is Closed Won", "hs_is_closed_won", "Is closed won"},
		colPipeline: {"Pipeline", "pipeline"},
	},
	Pipedrive: {
		colID:       {"Deal - ID"},
		colOwner:    {"Deal - Owner"},
		colStage:    {"Deal - Stage"},
		colAmount:   {"Deal - Value"},
		colCurrency: {"Deal - Currency"},
		colCreated:  {"Deal - Deal created"},
		colClosed:   {"Deal - Deal closed on", "Deal - Close time"},
		colStatus:   {"Deal - Status"},
		colWonTime:  {"Deal - Won time"},
		colLostTime: {"Deal - Lost time"},
		colPipeline: {"Deal - Pipeline"},
	},
}

// required are the columns every format needs.
var required = []int{colOwner}

// signatures are the columns, as keys, that only one format uses.
var signatures = [...][]string{
	Maven:      {"opportunityid", "salesagent", "engagedate", "closevalue"},
	Salesforce: {"stagename", "ownerid", "isclosed", "iswon", "createddate", "ownername", "opportunityowner", "currencyisocode"},
	HubSpot:    {"dealowner", "hubspotownerid", "createdate", "hsobjectid", "recordid", "dealname", "pipeline", "isdealclosed", "hubspotowner"},
	Pipedrive:  {"dealtitle", "dealstatus", "dealvalue", "dealdealcreated", "dealwontime", "deallosttime", "dealcurrency"},
}

// Detect tells which export a header is from: the format with the most
// columns that only it uses. No such column, or a tie, is an error
// wrapping [ErrUnknownFormat].
func Detect(header []string) (Format, error) {
	present := map[string]bool{}
	for _, h := range header {
		present[csvin.Key(h)] = true
	}
	best, score, tie := Auto, 0, false
	for f := Maven; f <= Pipedrive; f++ {
		n := 0
		for _, k := range signatures[f] {
			if present[k] {
				n++
			}
		}
		switch {
		case n > score:
			best, score, tie = f, n, false
		case n == score && n > 0:
			tie = true
		}
	}
	switch {
	case score == 0:
		return Auto, fmt.Errorf("%w: no column of a Maven (sales_agent), Salesforce (StageName), HubSpot (Deal owner) or Pipedrive (Deal - Title) export", ErrUnknownFormat)
	case tie:
		return Auto, fmt.Errorf("%w: the header fits more than one format; choose one with -format", ErrUnknownFormat)
	}
	return best, nil
}

// Source is what decided a stage's outcome.
type Source uint8

const (
	// ByDefault: nothing knew the stage, so the deal is open.
	ByDefault Source = iota
	// ByMapping: the stage mapping file.
	ByMapping
	// ByFlag: the CRM's own flags (IsWon/IsClosed, "Is Deal Closed?",
	// Pipedrive's status).
	ByFlag
	// ByKnown: a default stage of the CRM.
	ByKnown
	// ByLabel: the words of the label (closed, won, lost…).
	ByLabel
)

var sourceNames = [...]string{"unknown stage, counted open", "the stage mapping", "the CRM's won/closed flags", "the CRM's default stages", "the stage label's words"}

// String says what decided, in words.
func (s Source) String() string { return enum.String("Source", sourceNames[:], s) }

// A StageCount is how the deals of one stage label were read.
type StageCount struct {
	Label   string  `json:"label"`
	Outcome Outcome `json:"-"`
	By      Source  `json:"-"`
	// Disagrees reports that the label's words (or the CRM's default
	// stage of that name) say otherwise than the flags, which won.
	Disagrees bool `json:"disagrees"`
	// NoStep reports an open stage that marks no step of the model's
	// funnel: neither the mapping nor the CRM's default stages know it.
	NoStep bool  `json:"no_step"`
	Count  int64 `json:"count"`
	// Pipeline is the pipeline of the stage, "" in an export without
	// pipelines.
	Pipeline string `json:"pipeline"`
}

// A PipelineCount is the deals of one pipeline by what their furthest
// stage rests on.
type PipelineCount struct {
	// Name is the pipeline as exported, "" for an export without a
	// pipeline column (or a deal with a blank one).
	Name string
	// Evidence counts the pipeline's deals by evidence.
	Evidence [len(evidenceNames)]int64
}

// MaxPipelines caps the pipelines counted apart; the deals of later ones
// count in OtherPipelines.
const MaxPipelines = 32

// maxStageLabels caps the labels counted one by one, so that a file with
// a new label on every row cannot grow the notes with its rows.
const maxStageLabels = 1000

// DealStats is what a deals reader counted besides the deals.
type DealStats struct {
	Format   Format
	Encoding csvin.Encoding
	Comma    rune
	// Rows counts the data rows, good or bad.
	Rows int
	// Stages count the deals per stage label and decision, in the order
	// first seen; OtherStages counts deals past the first 1,000 labels.
	Stages      []StageCount
	OtherStages int64
	// Duplicates counts rows whose ID an earlier row had; they are read
	// and not counted again. DuplicateIDs holds the first few.
	Duplicates   int64
	DuplicateIDs []string
	// Backdated counts deals closed before their creation day.
	Backdated int64
	// Ignored counts deals whose outcome is Ignore.
	Ignored int64
	// Evidence counts the deals by what their furthest stage rests on.
	Evidence [len(evidenceNames)]int64
	// Pipelines count the deals per pipeline, in the order first seen (one
	// pipeline "" for an export without pipelines); OtherPipelines counts
	// the deals past the first MaxPipelines pipelines.
	Pipelines      []PipelineCount
	OtherPipelines int64
	// Entered counts HubSpot "Date entered" columns read as stage history;
	// EnteredUnknown names those whose stage marks no known step.
	Entered        int
	EnteredUnknown []string
}

// decision is a cached stage decision.
type decision struct {
	// step is the step the stage label marks, known whether a stage
	// knows the label.
	step      Step
	known     bool
	outcome   Outcome
	engaged   bool
	by        Source
	disagrees bool
	stat      int // index into DealStats.Stages, -1 when over the cap
	pipe      int // index into DealStats.Pipelines, -1 when over the cap
}

// ReadDeals reads a deals export and calls deal for each deal, in file
// order. A non-nil error from deal makes the row a bad row (see
// [Options.Bad]), so a caller can refuse a deal it cannot use with the
// row's file and line. Rows whose ID repeats an earlier row's are counted
// once: the later ones are not passed to deal, and the stats say how many.
// The header's errors and I/O errors end the reading; so does a malformed
// record over several lines ([csvin.ErrMultiline]).
//
// Won and lost are decided in this order:
//  1. opts.Stages, the stage mapping, when it has the label;
//  2. the CRM's flags when the export has them: Salesforce IsWon and
//     IsClosed, HubSpot "Is Deal Closed?" (and "Is Closed Won"),
//     Pipedrive's status. A deal closed by a flag without a won flag is
//     won or lost by its label, and Ignore when the label does not say;
//  3. the CRM's default stages (Closed Won, closedlost, Won, …);
//  4. the label's words: closed, won or lost in English, Spanish,
//     Portuguese, French, German, Italian, Dutch and the Nordic
//     languages ("Cerrada ganada", "Gewonnen", "Perdu");
//  5. otherwise open, and the stats name the stage as unknown.
func ReadDeals(r io.Reader, name string, opts *Options, deal func(*Deal) error) (DealStats, error) {
	opts = opts.orZero()
	var st DealStats
	rd, err := open(r, name, opts)
	if err != nil {
		return st, err
	}
	defer rd.Close()
	f := opts.Format
	if f == Auto {
		if f, err = Detect(rd.Header()); err != nil {
			return st, fmt.Errorf("%s: %w", name, err)
		}
	}
	if f <= Auto || f > Pipedrive {
		return st, fmt.Errorf("%s: %w %v", name, ErrUnknownFormat, f)
	}
	st.Format, st.Comma = f, rd.Comma()
	var ix [numCols]int
	for c := range numCols {
		if ix[c], err = rd.Column(specs[f][c]...); err != nil {
			return st, err
		}
	}
	for _, c := range required {
		if ix[c] < 0 {
			_, err := rd.MustColumn(specs[f][c]...)
			return st, err
		}
	}
	if ix[colStage] < 0 && ix[colStatus] < 0 && ix[colIsWon] < 0 {
		_, err := rd.MustColumn(specs[f][colStage]...)
		return st, err
	}
	if ix[colID] >= 0 {
		rd.Unique(ix[colID])
	}
	// HubSpot's "Date entered <stage>" columns: the stages a deal entered.
	type enteredCol struct {
		i    int
		step Step
	}
	var entered []enteredCol
	for i, h := range rd.Header() {
		label, pipe, ok := enteredLabel(h)
		if !ok {
			continue
		}
		step, known := stepOf(HubSpot, pipe, label, opts.Steps)
		switch {
		case !known:
			if len(st.EnteredUnknown) < maxListedLabels {
				st.EnteredUnknown = append(st.EnteredUnknown, csvin.Clean(label))
			}
		case step != StepClose: // entering a closing stage says nothing of how far a lost deal got
			entered = append(entered, enteredCol{i, step})
			st.Entered++
		default:
			st.Entered++
		}
	}
	type cacheKey struct{ flags, label, pipeline string }
	type statKey struct {
		outcome  Outcome
		by       Source
		label    string
		pipeline string
	}
	cache := map[cacheKey]decision{}
	stats := map[statKey]int{}
	pipes := map[string]int{}
	var d Deal
	err = forEach(rd, opts, func() error {
		d = Deal{}
		var err error
		if d.Owner, d.Deactivated, err = owner(rd, ix[colOwner], opts.Users); err != nil {
			return err
		}
		d.Stage, d.Pipeline = rd.Field(ix[colStage]), rd.Field(ix[colPipeline])
		flags, err := readFlags(rd, ix)
		if err != nil {
			return err
		}
		key := cacheKey{flags, d.Stage, d.Pipeline}
		dec, ok := cache[key]
		if !ok {
			dec = decide(f, d.Pipeline, d.Stage, flags, opts.Stages)
			dec.step, dec.known = stepOf(f, d.Pipeline, d.Stage, opts.Steps)
			dec.stat = -1
			sk := statKey{dec.outcome, dec.by, d.Stage, d.Pipeline}
			if i, ok := stats[sk]; ok {
				dec.stat = i
			} else if len(st.Stages) < maxStageLabels {
				dec.stat = len(st.Stages)
				st.Stages = append(st.Stages, StageCount{Label: csvin.Clean(d.Stage), Outcome: dec.outcome, By: dec.by, Disagrees: dec.disagrees,
					NoStep: dec.outcome == Open && !dec.known, Pipeline: csvin.Clean(d.Pipeline)})
				sk.label, sk.pipeline = strings.Clone(sk.label), strings.Clone(sk.pipeline)
				stats[sk] = dec.stat
			}
			dec.pipe = -1
			if i, ok := pipes[d.Pipeline]; ok {
				dec.pipe = i
			} else if len(st.Pipelines) < MaxPipelines {
				dec.pipe = len(st.Pipelines)
				st.Pipelines = append(st.Pipelines, PipelineCount{Name: csvin.Clean(d.Pipeline)})
				pipes[strings.Clone(d.Pipeline)] = dec.pipe
			}
			if len(cache) < 4*maxStageLabels {
				cache[cacheKey{flags, strings.Clone(d.Stage), strings.Clone(d.Pipeline)}] = dec
			}
		}
		d.Outcome, d.Engaged = dec.outcome, dec.engaged
		if err := readDates(rd, f, ix, &d, opts.Dates); err != nil {
			return err
		}
		d.ID = rd.Field(ix[colID])
		hist, hasHist := opts.History.Lookup(d.ID)
		for _, e := range entered {
			if rd.Field(e.i) != "" {
				hist, hasHist = max(hist, e.step), true
			}
		}
		reach(f, &d, dec.step, hist, hasHist)
		if d.Cents, d.Currency, d.HasAmount, err = csvin.ParseAmount(rd.Field(ix[colAmount])); err != nil {
			return rd.Fail(ix[colAmount], err)
		}
		if c := rd.Field(ix[colCurrency]); c != "" {
			if d.Currency != "" && !strings.EqualFold(c, d.Currency) {
				return rd.Fail(ix[colAmount], fmt.Errorf("amount in %s, currency column says %s", d.Currency, csvin.Clean(c)))
			}
			d.Currency = strings.ToUpper(c)
		}
		if d.Currency != "" {
			d.Currency = csvin.Clean(d.Currency)
		}
		if d.ID != "" {
			if rd.Repeated() {
				st.Duplicates++
				if len(st.DuplicateIDs) < 5 {
					st.DuplicateIDs = append(st.DuplicateIDs, csvin.Clean(d.ID))
				}
				return nil
			}
		}
		if err := deal(&d); err != nil {
			return rd.Fail(-1, err)
		}
		if dec.stat >= 0 {
			st.Stages[dec.stat].Count++
		} else {
			st.OtherStages++
		}
		if d.Backdated {
			st.Backdated++
		}
		if d.Outcome == Ignore {
			st.Ignored++
		} else {
			st.Evidence[d.Evidence]++
			if dec.pipe >= 0 {
				st.Pipelines[dec.pipe].Evidence[d.Evidence]++
			} else {
				st.OtherPipelines++
			}
		}
		return nil
	})
	st.Rows, st.Encoding = rd.Rows, rd.Encoding()
	return st, err
}

// maxListedLabels caps the labels a stats list names.
const maxListedLabels = 10

// reach sets how far d got and what that rests on, from the best evidence
// the export has: the stage history (hist, when hasHist), else the stage
// the deal stands at or closed from (cur, the step its stage marks), else
// its outcome alone.
func reach(f Format, d *Deal, cur, hist Step, hasHist bool) {
	if cur == StepClose {
		cur = NoStep // a won stage says nothing of a lost deal
	}
	if f == Maven && d.HasCreated && cur < StepAppointment {
		// Maven's engage date is the day the deal entered Engaging
		// (its data dictionary), so a closed deal with one reached it.
		cur = StepAppointment
	}
	d.Reached, d.Evidence, d.BeforeClose = NoStep, NoEvidence, NoStep
	before, ev := cur, ByStage
	if hasHist && hist != NoStep {
		before, ev = max(hist, cur), ByHistory
	}
	if before == NoStep {
		ev = NoEvidence
	}
	d.BeforeClose = before
	switch d.Outcome {
	case Open:
		d.Reached, d.Evidence = before, ev
	case Won, Lost:
		d.Reached, d.Evidence = before, ev
		if ev == NoEvidence {
			d.Evidence = ByOutcome
		}
		if d.Outcome == Won {
			d.Reached = StepClose
		}
	}
}

// readFlags returns the row's won/closed flags as a short cache key:
// "" when the export has none, else closed and won as c/o and w/l/?.
func readFlags(rd *csvin.Reader, ix [numCols]int) (string, error) {
	if ix[colStatus] >= 0 {
		s := rd.Field(ix[colStatus])
		switch strings.ToLower(s) {
		case "won":
			return "cw|", nil
		case "lost":
			return "cl|", nil
		case "open":
			return "o?|", nil
		case "deleted":
			return "x?|", nil
		}
		return "", rd.Fail(ix[colStatus], fmt.Errorf("status %q: want open, won, lost or deleted", csvin.Clean(s)))
	}
	if ix[colIsClosed] < 0 && ix[colIsWon] < 0 {
		return "", nil
	}
	flag := func(i int) (byte, error) {
		if i < 0 || rd.Field(i) == "" {
			return '?', nil
		}
		v, err := csvin.ParseBool(rd.Field(i))
		if err != nil {
			return 0, rd.Fail(i, err)
		}
		if v {
			return 'y', nil
		}
		return 'n', nil
	}
	c, err := flag(ix[colIsClosed])
	if err != nil {
		return "", err
	}
	w, err := flag(ix[colIsWon])
	if err != nil {
		return "", err
	}
	switch {
	case w == 'y' && c == 'n':
		return "", rd.Fail(ix[colIsWon], fmt.Errorf("won but not closed (%s is %q)", rd.Header()[ix[colIsClosed]], rd.Field(ix[colIsClosed])))
	case w == 'y':
		return "cw|", nil
	case c == 'y' && w == 'n':
		return "cl|", nil
	case c == 'y':
		return "c?|", nil
	case c == 'n':
		return "o?|", nil
	}
	return "", nil // both blank: the flags say nothing
}

// readDates fills the created and closed days of d.
func readDates(rd *csvin.Reader, f Format, ix [numCols]int, d *Deal, opts csvin.DateOptions) error {
	day := func(i int) (csvin.Day, bool, error) {
		s := rd.Field(i)
		if s == "" {
			return 0, false, nil
		}
		v, err := csvin.ParseDay(s, opts)
		if err != nil {
			return 0, false, rd.Fail(i, err)
		}
		return v, true, nil
	}
	var err error
	if d.Created, d.HasCreated, err = day(ix[colCreated]); err != nil {
		return err
	}
	closeCol := ix[colClosed]
	if f == Pipedrive && ix[colClosed] < 0 {
		switch d.Outcome {
		case Won:
			closeCol = ix[colWonTime]
		case Lost:
			closeCol = ix[colLostTime]
		}
	}
	closed, has, err := day(closeCol)
	if err != nil {
		return err
	}
	if d.Outcome == Won || d.Outcome == Lost {
		d.Closed, d.HasClosed = closed, has
		d.Backdated = has && d.HasCreated && closed < d.Created
	}
	return nil
}

// decide decides a stage's outcome; flags is readFlags' key.
func decide(f Format, pipeline, label, flags string, mapping map[string]Outcome) decision {
	key := csvin.Key(label)
	known, isKnown := knownStage(f, key)
	words, saysWords := byWords(label)
	if o, ok := lookup(mapping, pipeline, label); ok && label != "" {
		return decision{outcome: o, engaged: isKnown && known.engaged && o == Open, by: ByMapping}
	}
	says, says2 := known.outcome, isKnown
	if !isKnown {
		says, says2 = words, saysWords
	}
	if flags != "" {
		var o Outcome
		switch flags[:2] {
		case "cw":
			o = Won
		case "cl":
			o = Lost
		case "o?":
			o = Open
		case "x?":
			o = Ignore
		case "c?":
			o = Ignore
			if says2 && (says == Won || says == Lost) {
				o = says
			}
		}
		return decision{outcome: o, engaged: o == Open && isKnown && known.engaged, by: ByFlag,
			disagrees: says2 && says != o}
	}
	switch {
	case isKnown:
		return decision{outcome: known.outcome, engaged: known.engaged, by: ByKnown}
	case saysWords:
		return decision{outcome: words, by: ByLabel}
	}
	return decision{by: ByDefault}
}

// known is what a CRM's default stage decides.
type known struct {
	outcome Outcome
	engaged bool
}

// knownStage returns what the default stage of f with this key decides,
// and whether f has such a stage. It reads the stage from f's default
// funnel ([Funnel]): a closing stage at the close is won, any other
// closing stage lost, and an open stage from the first meeting with the
// buyer on (the appointment) is engaged.
func knownStage(f Format, key string) (known, bool) {
	if int(f) >= len(defaultSteps) {
		return known{}, false
	}
	s, ok := defaultSteps[f][key]
	switch {
	case !ok:
		return known{}, false
	case s.Closing && s.Step == StepClose:
		return known{outcome: Won}, true
	case s.Closing:
		return known{outcome: Lost}, true
	}
	return known{outcome: Open, engaged: s.Step >= StepAppointment}, true
}

// Words of stage labels, lower-case, in English and the common European
// languages.
var (
	wonWords = []string{"won", "win", "closedwon", "ganada", "ganado", "ganha", "ganho", "gagné", "gagnée", "gagne", "gagnee",
		"gewonnen", "vinta", "vinto", "vunnen", "vundet", "vunnet", "wygrana"}
	lostWords = []string{"lost", "lose", "closedlost", "perdida", "perdido", "perdu", "perdue", "verloren", "persa", "perso",
		"förlorad", "forlorad", "tabt", "tapt", "przegrana"}
	closedWords = []string{"closed", "cerrada", "cerrado", "fechada", "fechado", "fermé", "fermée", "ferme", "clôturé", "clôturée",
		"geschlossen", "abgeschlossen", "chiusa", "chiuso", "gesloten", "stängd", "lukket", "zamknięta"}
)

// byWords reads a label's words: won or lost words decide; a closed word
// without either is lost (closed and not won: "Closed: abandoned").
func byWords(label string) (Outcome, bool) {
	var won, lost, closed bool
	for _, w := range strings.FieldsFunc(strings.ToLower(label), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r > 127)
	}) {
		won = won || slices.Contains(wonWords, w)
		lost = lost || slices.Contains(lostWords, w)
		closed = closed || slices.Contains(closedWords, w)
	}
	switch {
	case won && !lost:
		return Won, true
	case lost && !won:
		return Lost, true
	case closed && !won:
		return Lost, true
	}
	return Open, false
}
