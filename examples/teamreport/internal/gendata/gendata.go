// Package gendata generates teamreport's built-in data set: a fictitious
// B2B software team of two managers and twelve reps selling four products
// through 2025, written as the CSV files teamreport reads.
//
// The data is made to show what the report is for, not to be average:
//
//   - Declan Moreau and Tariq Haddad get many appointments but close few of
//     them; Priya Natarajan is the opposite, few appointments and a high
//     close rate.
//   - Keiko Brandt and Sofia Castellanos are strong at every stage; Jonah
//     Whitfield is weak at every stage and has little desire to develop.
//   - Elliot Vance joined on 1 October 2025 and has few deals.
//   - Grace Abernathy joined on 15 December 2025 and has no deals at all,
//     only a few calls: no evidence must stay no evidence.
//   - Wendell Achebe, an account manager who sells on the side, has exactly
//     two deals, both won: a 100% win rate on a sample of two.
//   - Luis Ferreira and Grace Abernathy did not answer the desire survey.
//
// Activities are logged for the last quarter only (October to December
// 2025), which keeps the files small. Most are linked to the deal they
// belong to (activities.csv's deal column, the opportunity_id): a
// conversation on the day a deal was opened, a meeting on the day it was
// engaged, a proposal before every win and before some losses and open
// deals, at a rate that is each rep's skill at advancing the first
// appointment. So the report measures all three competencies: creating new
// opportunities and advancing the first appointment from the linked
// activities (the Maven stages lose no deal before Engaging and have no
// gateway stage), gaining the new customer from the deals. Calls and a few
// conversations that led to no deal are not linked, as in real CRMs.
//
// Generate uses only integer arithmetic on a PCG source, so its output is
// the same on every platform (floating-point results may differ where the
// compiler fuses multiply-adds, and math functions have assembly versions on
// some architectures).
package gendata

import (
	"bytes"
	"encoding/csv"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Seed is the seed of the data set committed in examples/teamreport/data.
const Seed uint64 = 2025

// File is one generated file.
type File struct {
	// Name is the base name, such as "pipeline.csv".
	Name string
	// Data is the file's content: CSV with a header and "\n" line endings.
	Data []byte
}

// Files is a generated data set: pipeline.csv (Maven format),
// sales_teams.csv, quotas.csv, desire.csv and activities.csv, in that order.
type Files []File

// Lookup returns the content of the file called name and whether it exists.
func (fs Files) Lookup(name string) ([]byte, bool) {
	for _, f := range fs {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
}

// year is the generated period: days 0 to days-1 are 2025-01-01 to
// 2025-12-31.
const (
	year = 2025
	days = 365
	// q4 is the first day of October, when activity logging starts.
	q4 = 273
)

// product is something the team sells.
type product struct {
	name  string
	price int // list price
	share int // share of new opportunities, per mille
}

// products are the four products, with shares summing to 1000.
var products = []product{
	{"Atlas Starter", 1200, 350},
	{"Atlas Team", 4800, 350},
	{"Atlas Enterprise", 18000, 100},
	{"Atlas Insights", 2400, 200},
}

// accounts are fictitious customer companies.
var accounts = []string{
	"Brightwater Logistics", "Calder & Finch", "Dunmore Health", "Everpine Foods",
	"Fairhaven Clinics", "Granite Peak Energy", "Harbor Lane Retail", "Ironbridge Manufacturing",
	"Juniper Analytics", "Kestrel Aviation Services", "Lowell Street Bank", "Meridian Dental Group",
	"Nettlefield Farms", "Oakridge Schools", "Pelican Bay Resorts", "Quarry Hill Construction",
	"Redfern Media", "Silverline Telecom", "Tamarack Insurance", "Upland Water Co",
	"Vireo Biotech", "Westgate Property", "Yellowfin Marine", "Zephyr Cycles",
}

// scripted is a deal written by hand rather than drawn at random.
type scripted struct {
	product, account string
	engage, close    int // days of the year
	amount           int
}

// profile is a rep and the skills that drive their generated deals.
type profile struct {
	name, manager, office string
	joined                int    // first working day in 2025, for reps who joined during the year
	started               string // start date of a rep who joined before 2025
	perMonth              int    // new opportunities in a full month; 0 for none
	engage                int    // chance that an opportunity reaches an appointment, per mille
	win                   int    // chance that an engaged deal is won, per mille
	gateway               int    // chance that an engaged deal not won got a proposal, per mille
	cycle                 int    // typical days from appointment to close
	discount              int    // largest discount on a won deal, in percent
	quota                 int    // monthly quota
	desire                string
	deals                 []scripted // replaces the random deals when set
}

// Managers and their offices.
const (
	east, eastManager = "East", "Rosalind Okafor"
	west, westManager = "West", "Martin Delacroix"
)

// reps is the roster, in file order.
var reps = []profile{
	{name: "Amara Lindqvist", started: "2021-04-12", manager: eastManager, office: east,
		perMonth: 18, engage: 700, win: 580, gateway: 450, cycle: 45, discount: 15, quota: 26000, desire: "3.6"},
	{name: "Declan Moreau", started: "2019-09-02", manager: eastManager, office: east,
		perMonth: 20, engage: 880, win: 300, gateway: 250, cycle: 55, discount: 25, quota: 28000, desire: "4.6"},
	{name: "Priya Natarajan", started: "2020-02-17", manager: eastManager, office: east,
		perMonth: 20, engage: 450, win: 750, gateway: 700, cycle: 35, discount: 5, quota: 24000, desire: "2.4"},
	{name: "Jonah Whitfield", started: "2022-06-06", manager: eastManager, office: east,
		perMonth: 17, engage: 600, win: 420, gateway: 200, cycle: 60, discount: 20, quota: 24000, desire: "1.8"},
	{name: "Sofia Castellanos", started: "2018-11-05", manager: eastManager, office: east,
		perMonth: 19, engage: 760, win: 620, gateway: 600, cycle: 40, discount: 10, quota: 28000, desire: "4.2"},
	{name: "Wendell Achebe", started: "2016-05-02", manager: eastManager, office: east,
		quota: 2000, desire: "3.8", deals: []scripted{
			{"Atlas Team", "Lowell Street Bank", day(10, 14), day(11, 20), 4800},
			{"Atlas Starter", "Oakridge Schools", day(11, 3), day(12, 9), 1200},
		}},
	{name: "Keiko Brandt", started: "2017-03-13", manager: westManager, office: west,
		perMonth: 21, engage: 820, win: 680, gateway: 650, cycle: 35, discount: 10, quota: 30000, desire: "4.8"},
	{name: "Luis Ferreira", started: "2021-10-04", manager: westManager, office: west,
		perMonth: 18, engage: 720, win: 520, gateway: 300, cycle: 50, discount: 15, quota: 26000},
	{name: "Hannah Kowalczyk", started: "2023-01-09", manager: westManager, office: west,
		perMonth: 16, engage: 650, win: 560, gateway: 500, cycle: 45, discount: 15, quota: 24000, desire: "3.2"},
	{name: "Tariq Haddad", started: "2020-07-20", manager: westManager, office: west,
		perMonth: 20, engage: 850, win: 380, gateway: 350, cycle: 60, discount: 25, quota: 30000, desire: "4.4"},
	{name: "Grace Abernathy", manager: westManager, office: west,
		joined: day(12, 15), quota: 12000},
	{name: "Elliot Vance", manager: westManager, office: west,
		joined: day(10, 1), perMonth: 12, engage: 550, win: 400, gateway: 300, cycle: 50, discount: 20, quota: 15000, desire: "4.5"},
}

// day returns the number of days from 2025-01-01 to month m, day d of 2025;
// out-of-range values normalise as in time.Date, so day(13, 1) is 365.
func day(m time.Month, d int) int {
	start := time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)
	return int(time.Date(year, m, d, 0, 0, 0, 0, time.UTC).Sub(start) / (24 * time.Hour))
}

// date formats a day of the year as YYYY-MM-DD.
func date(d int) string {
	return time.Date(year, time.January, 1+d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
}

// Stages as the Maven pipeline writes them.
const (
	prospecting = "Prospecting"
	engaging    = "Engaging"
	won         = "Won"
	lost        = "Lost"
)

// deal is a generated opportunity.
type deal struct {
	id, product, account, stage string
	rep                         int
	created                     int // day the opportunity was opened (not written)
	engage, close               int // days, -1 for none
	amount                      int // -1 for none
}

// activity is a generated activity; deal is the ID of the deal it is
// linked to, "" for none.
type activity struct {
	rep, kind, day int
	deal           string
}

// Activity kinds in funnel order, as written in activities.csv.
var kinds = []string{"call", "conversation", "meeting", "proposal"}

// Indexes into kinds.
const (
	call = iota
	conversation
	meeting
	proposal
)

// generator holds the state of one Generate call.
type generator struct {
	rng *rand.Rand
	ids map[string]bool
}

// Generate returns the data set for seed. The same seed always gives the
// same bytes.
func Generate(seed uint64) Files {
	g := &generator{
		rng: rand.New(rand.NewPCG(seed, 0x7465616d7265706f)), // "teamrepo"
		ids: make(map[string]bool),
	}
	var deals []deal
	for r := range reps {
		deals = append(deals, g.deals(r)...)
	}
	slices.SortStableFunc(deals, func(a, b deal) int { return a.created - b.created })
	var acts []activity
	for r := range reps {
		acts = append(acts, g.activities(r, deals)...)
	}
	slices.SortStableFunc(acts, func(a, b activity) int {
		if a.day != b.day {
			return a.day - b.day
		}
		if a.rep != b.rep {
			return a.rep - b.rep
		}
		if a.kind != b.kind {
			return a.kind - b.kind
		}
		return strings.Compare(a.deal, b.deal)
	})
	return Files{
		{"pipeline.csv", pipeline(deals)},
		{"sales_teams.csv", table([]string{"sales_agent", "manager", "regional_office", "start_date"}, func(emit func(...string)) {
			for _, p := range reps {
				started := p.started
				if started == "" {
					started = date(p.joined)
				}
				emit(p.name, p.manager, p.office, started)
			}
		})},
		{"quotas.csv", table([]string{"rep", "monthly_quota"}, func(emit func(...string)) {
			for _, p := range reps {
				emit(p.name, strconv.Itoa(p.quota))
			}
		})},
		{"desire.csv", table([]string{"rep", "desire"}, func(emit func(...string)) {
			for _, p := range reps {
				if p.desire != "" { // no answer: leave the rep out, desire unknown
					emit(p.name, p.desire)
				}
			}
		})},
		{"activities.csv", table([]string{"rep", "kind", "date", "deal"}, func(emit func(...string)) {
			for _, a := range acts {
				emit(reps[a.rep].name, kinds[a.kind], date(a.day), a.deal)
			}
		})},
	}
}

// between returns a random integer in [lo, hi].
func (g *generator) between(lo, hi int) int { return lo + g.rng.IntN(hi-lo+1) }

// chance reports true with probability perMille/1000.
func (g *generator) chance(perMille int) bool { return g.rng.IntN(1000) < perMille }

// id returns a new, unique 8-character opportunity ID like Maven's.
func (g *generator) id() string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	for {
		var b [8]byte
		for i := range b {
			b[i] = alphabet[g.rng.IntN(len(alphabet))]
		}
		if s := string(b[:]); !g.ids[s] {
			g.ids[s] = true
			return s
		}
	}
}

// deals generates the opportunities of rep r.
func (g *generator) deals(r int) []deal {
	p := reps[r]
	var out []deal
	for _, s := range p.deals {
		out = append(out, deal{id: g.id(), rep: r, product: s.product, account: s.account, stage: won,
			created: s.engage - 5, engage: s.engage, close: s.close, amount: s.amount})
	}
	if p.perMonth == 0 {
		return out
	}
	for m := time.January; m <= time.December; m++ {
		first, last := day(m, 1), day(m+1, 1)-1
		if last < p.joined {
			continue
		}
		first = max(first, p.joined)
		n := p.perMonth + g.between(-3, 3)
		n = n * (last - first + 1) / (day(m+1, 1) - day(m, 1)) // part of a month
		for range n {
			out = append(out, g.deal(r, g.between(first, last)))
		}
	}
	return out
}

// deal generates one opportunity of rep r opened on day created.
func (g *generator) deal(r, created int) deal {
	p := reps[r]
	d := deal{id: g.id(), rep: r, created: created, stage: prospecting, engage: -1, close: -1, amount: -1}
	k, pick := 0, g.rng.IntN(1000)
	for pick >= products[k].share {
		pick -= products[k].share
		k++
	}
	d.product = products[k].name
	if !g.chance(30) { // a few opportunities have no account yet, as in real CRMs
		d.account = accounts[g.rng.IntN(len(accounts))]
	}
	if !g.chance(p.engage) {
		return d
	}
	engage := created + g.between(1, 21)
	if engage >= days {
		return d
	}
	d.stage, d.engage = engaging, engage
	closeDay := engage + g.between(p.cycle/2, p.cycle*3/2)
	if closeDay >= days {
		return d
	}
	d.close = closeDay
	if g.chance(p.win) {
		d.stage = won
		d.amount = products[k].price * (100 - g.between(0, p.discount)) / 100
	} else {
		d.stage, d.amount = lost, 0
	}
	return d
}

// activities generates the activities of rep r in the last quarter,
// linked to their deals: a conversation on the day each deal was opened, a
// meeting on the day it was engaged, and a proposal before every win and,
// at the rep's gateway rate, before a loss or while an engaged deal is
// open. Conversations that led to no deal and calls, about two a
// conversation, are not linked.
func (g *generator) activities(r int, deals []deal) []activity {
	p := reps[r]
	first := max(q4, p.joined)
	var out []activity
	linked := 0
	for _, d := range deals {
		if d.rep != r {
			continue
		}
		if d.created >= first {
			out = append(out, activity{r, conversation, d.created, d.id})
			linked++
		}
		if d.engage >= first {
			out = append(out, activity{r, meeting, d.engage, d.id})
		}
		switch {
		case d.engage < 0:
		case d.stage == won && d.close >= first:
			out = append(out, activity{r, proposal, g.between(max(d.engage, first), d.close), d.id})
		case d.stage == lost && d.close >= first && g.chance(p.gateway):
			out = append(out, activity{r, proposal, g.between(max(d.engage, first), d.close), d.id})
		case d.stage == engaging && g.chance(p.gateway):
			out = append(out, activity{r, proposal, g.between(max(d.engage, first), days-1), d.id})
		}
	}
	conversations := 2 + g.rng.IntN(5) // conversations that led to no deal
	calls := 2*(linked+conversations) + g.between(0, 10)
	for range conversations {
		out = append(out, activity{r, conversation, g.between(first, days-1), ""})
	}
	for range calls {
		out = append(out, activity{r, call, g.between(first, days-1), ""})
	}
	return out
}

// pipeline writes deals as a Maven pipeline.
func pipeline(deals []deal) []byte {
	header := []string{"opportunity_id", "sales_agent", "product", "account", "deal_stage",
		"engage_date", "close_date", "close_value"}
	return table(header, func(emit func(...string)) {
		for _, d := range deals {
			engage, closeDate, amount := "", "", ""
			if d.engage >= 0 {
				engage = date(d.engage)
			}
			if d.close >= 0 {
				closeDate = date(d.close)
			}
			if d.amount >= 0 {
				amount = strconv.Itoa(d.amount)
			}
			emit(d.id, reps[d.rep].name, d.product, d.account, d.stage, engage, closeDate, amount)
		}
	})
}

// table returns a CSV file with header and the rows rows emits.
func table(header []string, rows func(emit func(...string))) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	emit := func(rec ...string) {
		// A bytes.Buffer does not fail, and the records are well formed.
		_ = w.Write(rec)
	}
	emit(header...)
	rows(emit)
	w.Flush()
	return buf.Bytes()
}
