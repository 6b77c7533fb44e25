package grid

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/competency"
	"pgregory.net/rapid"
)

func month(y int, m time.Month) Window {
	return Window{date(y, m, 1), date(y, m+1, 1)}
}

// fc builds a focus by hand, with no reason.
func fc(rep, competency, behavior string, w Window) Focus {
	return Focus{Rep: rep, Competency: competency, Behavior: behavior, Window: w}
}

func TestWindow(t *testing.T) {
	jan, feb := month(2025, time.January), month(2025, time.February)
	if jan.Overlaps(feb) || feb.Overlaps(jan) {
		t.Errorf("%v and %v overlap; windows that only touch must not", jan, feb)
	}
	q1 := Window{date(2025, time.January, 1), date(2025, time.April, 1)}
	if !q1.Overlaps(feb) || !feb.Overlaps(q1) {
		t.Errorf("%v and %v do not overlap", q1, feb)
	}
	if !jan.Overlaps(jan) {
		t.Errorf("%v does not overlap itself", jan)
	}
	backwards := Window{jan.End, jan.Start}
	if backwards.Overlaps(q1) || q1.Overlaps(backwards) {
		t.Errorf("an invalid window overlaps %v", q1)
	}
	if !jan.Contains(jan.Start) || jan.Contains(jan.End) || !jan.Contains(date(2025, time.January, 31)) {
		t.Errorf("%v.Contains: want the start in and the end out", jan)
	}
	if got, want := jan.String(), "[2025-01-01, 2025-02-01)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	noon := Window{date(2025, time.January, 1).Add(12 * time.Hour), date(2025, time.January, 2)}
	if got, want := noon.String(), "[2025-01-01T12:00:00Z, 2025-01-02T00:00:00Z)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if d := jan.End.Sub(jan.Start); d != 31*24*time.Hour {
		t.Errorf("End − Start = %v, want 744h", d)
	}
	for _, w := range []Window{{}, backwards, {jan.Start, jan.Start}} {
		if err := w.Validate(); !errors.Is(err, ErrInvalidWindow) {
			t.Errorf("%v.Validate() = %v, want ErrInvalidWindow", w, err)
		}
	}
	if err := jan.Validate(); err != nil {
		t.Errorf("%v.Validate() = %v, want nil", jan, err)
	}
}

func TestPlanAdd(t *testing.T) {
	jan := fc("ana", "new-opportunities", "Lead with their business", month(2025, time.January))
	feb := fc("ana", "new-opportunities", "Enlist the gatekeeper", month(2025, time.February))
	benJan := fc("ben", "close", "Find the real concern", month(2025, time.January))
	p, err := Plan{}.Add(jan)
	if err != nil {
		t.Fatal(err)
	}
	p2, err := p.Add(feb) // consecutive months do not overlap
	if err != nil {
		t.Fatal(err)
	}
	p3, err := p2.Add(benJan) // another rep, same time
	if err != nil {
		t.Fatal(err)
	}
	if len(p) != 1 || len(p2) != 2 || len(p3) != 3 {
		t.Errorf("lengths %d, %d, %d, want 1, 2, 3: Add must not change the plan it is called on", len(p), len(p2), len(p3))
	}
	if err := p3.Validate(); err != nil {
		t.Errorf("Validate() = %v, want nil", err)
	}

	// A second focus for ana in mid-January: refused, naming both.
	clash := fc("ana", "close", "Find the real concern", Window{date(2025, time.January, 15), date(2025, time.March, 1)})
	_, err = p3.Add(clash)
	var oe *OverlapError
	if !errors.As(err, &oe) || !errors.Is(err, ErrOverlap) {
		t.Fatalf("Add(overlapping) error = %v, want an *OverlapError", err)
	}
	if diff := cmp.Diff(OverlapError{Earlier: jan, Later: clash}, *oe); diff != "" {
		t.Errorf("OverlapError (-want +got):\n%s", diff)
	}
	want := `grid: rep "ana": focus new-opportunities/"Lead with their business" [2025-01-01, 2025-02-01) overlaps focus close/"Find the real concern" [2025-01-15, 2025-03-01): overlapping focus`
	if got := err.Error(); got != want {
		t.Errorf("error = %q\nwant      %q", got, want)
	}

	// Aliasing: two plans grown from the same one stay independent.
	a, _ := p.Add(feb)
	b, _ := p.Add(fc("ana", "gateway", "Earn the proposal", month(2025, time.March)))
	if a[1].Behavior != "Enlist the gatekeeper" || b[1].Behavior != "Earn the proposal" {
		t.Errorf("plans grown from one share memory: %v, %v", a, b)
	}

	if f, ok := p3.Current("ana", date(2025, time.February, 10)); !ok || f != feb {
		t.Errorf("Current(ana, 10 Feb) = %v, %v, want %v", f, ok, feb)
	}
	if _, ok := p3.Current("ben", date(2025, time.February, 10)); ok {
		t.Errorf("Current(ben, 10 Feb) found a focus; ben has none then")
	}
}

func TestFocusValidate(t *testing.T) {
	ok := fc("ana", "close", "Find the real concern", month(2025, time.May))
	tests := []struct {
		name string
		f    Focus
		err  error
	}{
		{"valid", ok, nil},
		{"no rep", fc("", ok.Competency, ok.Behavior, ok.Window), ErrEmpty},
		{"no competency", fc(ok.Rep, " ", ok.Behavior, ok.Window), ErrEmpty},
		{"no behavior", fc(ok.Rep, ok.Competency, "", ok.Window), ErrEmpty},
		{"window backwards", fc(ok.Rep, ok.Competency, ok.Behavior, Window{ok.Window.End, ok.Window.Start}), ErrInvalidWindow},
		{"zero window", fc(ok.Rep, ok.Competency, ok.Behavior, Window{}), ErrInvalidWindow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.f.Validate(); !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
				t.Errorf("%v.Validate() = %v, want %v", tt.f, err, tt.err)
			}
			if _, err := (Plan{}).Add(tt.f); !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
				t.Errorf("Add(%v) error = %v, want %v", tt.f, err, tt.err)
			}
			if err := (Plan{ok, tt.f}).Validate(); tt.err != nil && (!errors.Is(err, tt.err) || !strings.Contains(err.Error(), "plan[1]")) {
				t.Errorf("Plan{ok, %v}.Validate() = %v, want %v naming plan[1]", tt.f, err, tt.err)
			}
		})
	}
}

// Plan.Validate, which sorts and sweeps, finds an overlap exactly when
// comparing every pair of the rep's focuses does, and names a pair that
// overlaps, earlier one first.
func TestPlanValidateProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 12).Draw(t, "n")
		var p Plan
		for range n {
			start := date(2025, time.January, 1).AddDate(0, 0, rapid.IntRange(0, 90).Draw(t, "start"))
			p = append(p, Focus{
				Rep:        rapid.SampledFrom([]string{"ana", "ben", "cai"}).Draw(t, "rep"),
				Competency: "close",
				Behavior:   "Find the real concern",
				Window:     Window{start, start.AddDate(0, 0, rapid.IntRange(1, 40).Draw(t, "days"))},
			})
		}
		overlaps := false
		for i := range p {
			for j := i + 1; j < len(p); j++ {
				overlaps = overlaps || (p[i].Rep == p[j].Rep && p[i].Window.Overlaps(p[j].Window))
			}
		}
		err := p.Validate()
		if overlaps != (err != nil) {
			t.Fatalf("Validate() = %v; pairwise overlap: %v", err, overlaps)
		}
		var oe *OverlapError
		if err != nil && (!errors.As(err, &oe) || oe.Earlier.Rep != oe.Later.Rep || !oe.Earlier.Window.Overlaps(oe.Later.Window)) {
			t.Fatalf("Validate() = %v, want an *OverlapError naming an overlapping pair", err)
		}
		// Add agrees: building the plan focus by focus fails exactly when
		// it overlaps.
		var built Plan
		var addErr error
		for _, f := range p {
			if built, addErr = built.Add(f); addErr != nil {
				break
			}
		}
		if overlaps != (addErr != nil) {
			t.Fatalf("building the plan with Add: error %v; pairwise overlap: %v", addErr, overlaps)
		}
	})
}

// dana is a rep whose weakest competency, by revenue gained, is creating
// new opportunities: 9 appointments from 90 conversations against a 15%
// benchmark (×1.5), while gateway and close are at or near theirs.
func dana(t *testing.T) competency.Scorecard {
	return scorecard(t, "dana", benchmark.Rate{Hits: 9, Trials: 90}, benchmark.Rate{Hits: 30, Trials: 45}, benchmark.Rate{Hits: 9, Trials: 32})
}

func TestPlanNext(t *testing.T) {
	m := competency.Default()
	card := dana(t)
	var p Plan
	var got []string
	// Seven months in a row: the priority stays new-opportunities, and the
	// behavior works through its six routines in order, then starts over.
	for i := range 7 {
		w := month(2025, time.January+time.Month(i))
		f, err := p.Next(m, card, w, nil)
		if err != nil {
			t.Fatalf("month %d: Next error = %v", i+1, err)
		}
		if f.Rep != "dana" || f.Competency != "new-opportunities" || f.Window != w {
			t.Fatalf("month %d: Next = %v, want dana on new-opportunities in %v", i+1, f, w)
		}
		got = append(got, f.Behavior)
		if p, err = p.Add(f); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{
		"Find the internal business challenge",
		"Start with the executive who owns the challenge",
		"Lead with their business",
		"Enlist the gatekeeper",
		"Acknowledge and offer a comparison",
		"Turn the brush-off into a meeting",
		"Find the internal business challenge",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("behaviors month by month (-want +got):\n%s", diff)
	}

	// Once creating new opportunities is at its benchmark, the priority
	// moves on: close, at 9/32 = 28% against 30%, gains the most.
	better := scorecard(t, "dana", benchmark.Rate{Hits: 20, Trials: 100}, benchmark.Rate{Hits: 30, Trials: 45}, benchmark.Rate{Hits: 9, Trials: 32})
	f, err := p.Next(m, better, month(2025, time.August), nil)
	if err != nil {
		t.Fatal(err)
	}
	if f.Competency != "close" || f.Behavior != "Present to the buying group" {
		t.Errorf("Next after reaching the benchmark = %v, want close, its first routine", f)
	}
}

func TestPlanNextErrors(t *testing.T) {
	m := competency.Default()
	card := dana(t)
	jan := month(2025, time.January)
	p := Plan{fc("dana", "gateway", "Earn the proposal", Window{date(2025, time.January, 20), date(2025, time.February, 20)})}
	tests := []struct {
		name string
		p    Plan
		m    competency.Model
		card competency.Scorecard
		w    Window
		err  error
	}{
		{"window backwards", nil, m, card, Window{jan.End, jan.Start}, ErrInvalidWindow},
		{"no rep", nil, m, competency.Scorecard{Scores: card.Scores}, jan, ErrEmpty},
		{"empty scorecard", nil, m, competency.Scorecard{Rep: "dana"}, jan, competency.ErrEmpty},
		{"competency not in the model", nil, competency.Model{Competencies: m.Competencies[1:]}, card, jan, ErrUnknownCompetency},
		{"overlaps a focus", p, m, card, jan, ErrOverlap},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := tt.p.Next(tt.m, tt.card, tt.w, nil)
			if !errors.Is(err, tt.err) || f != (Focus{}) {
				t.Errorf("Next = %v, %v, want the zero Focus and %v", f, err, tt.err)
			}
		})
	}
	// No routines: a model Validate would refuse, but Next must not panic.
	bare := competency.Model{Competencies: []competency.Competency{{ID: "new-opportunities", Name: "x", From: "a", To: "b"}}}
	if _, err := (Plan{}).Next(bare, card, jan, nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("Next(model without routines) error = %v, want ErrEmpty", err)
	}
}

func TestFocusString(t *testing.T) {
	f := fc("ana", "new-opportunities", "Lead with their business", month(2025, time.January))
	if got, want := fmt.Sprint(f), `ana: new-opportunities/"Lead with their business" [2025-01-01, 2025-02-01)`; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

// campaign is dana's campaign on close, started 1 March 2025: 5/18 to date
// against 30%, not reached yet.
func campaign() competency.Campaign {
	return competency.Campaign{
		Competency: "close",
		Rep:        "dana",
		Start:      date(2025, time.March, 1),
		Baseline:   benchmark.Rate{Hits: 9, Trials: 32},
		Benchmark:  benchmark.Benchmark{Target: 0.30},
		Checkpoints: []competency.Checkpoint{
			{Week: 1, Rate: benchmark.Rate{Hits: 2, Trials: 8}},
			{Week: 2, Rate: benchmark.Rate{Hits: 3, Trials: 10}},
		},
	}
}

func TestPlanNextFocus(t *testing.T) {
	m := competency.Default()
	card := dana(t) // new-opportunities ×1.50 is the first priority
	april := month(2025, time.April)
	const priority = "first training priority: raising new-opportunities to its benchmark multiplies revenue by ×1.50"
	open := campaign()
	reached, err := open.Record(3, benchmark.Rate{Hits: 10, Trials: 20}) // 15/38 to date
	if err != nil {
		t.Fatal(err)
	}
	closed := open
	closed.Closed = date(2025, time.March, 20)
	later := open
	later.Start = date(2025, time.April, 2)
	unstarted := open
	unstarted.Start = time.Time{} // recorded before campaigns had a start: open
	tests := []struct {
		name       string
		p          Plan
		o          *FocusOptions
		competency string
		behavior   string
		reason     string
	}{
		{"no options", nil, nil, "new-opportunities", "Find the internal business challenge",
			priority + "; routines of new-opportunities in turn: 1 of 6, practised least (in 0 earlier focuses)"},
		{"zero options", nil, &FocusOptions{}, "new-opportunities", "Find the internal business challenge",
			priority + "; routines of new-opportunities in turn: 1 of 6, practised least (in 0 earlier focuses)"},
		{"second routine", Plan{fc("dana", "new-opportunities", "Find the internal business challenge", month(2025, time.March))}, nil,
			"new-opportunities", "Start with the executive who owns the challenge",
			priority + "; routines of new-opportunities in turn: 2 of 6, practised least (in 0 earlier focuses)"},
		{"campaign open", nil, &FocusOptions{Campaign: &open}, "close", "Present to the buying group",
			"campaign on close open since 2025-03-01, benchmark not reached yet; routines of close in turn: 1 of 4, practised least (in 0 earlier focuses)"},
		{"campaign without a start", nil, &FocusOptions{Campaign: &unstarted}, "close", "Present to the buying group",
			"campaign on close open, benchmark not reached yet; routines of close in turn: 1 of 4, practised least (in 0 earlier focuses)"},
		{"campaign reached", nil, &FocusOptions{Campaign: &reached}, "new-opportunities", "Find the internal business challenge",
			"campaign on close reached its benchmark; " + priority + "; routines of new-opportunities in turn: 1 of 6, practised least (in 0 earlier focuses)"},
		{"campaign closed", nil, &FocusOptions{Campaign: &closed}, "new-opportunities", "Find the internal business challenge",
			"campaign on close closed 2025-03-20; " + priority + "; routines of new-opportunities in turn: 1 of 6, practised least (in 0 earlier focuses)"},
		{"campaign not started", nil, &FocusOptions{Campaign: &later}, "new-opportunities", "Find the internal business challenge",
			"campaign on close starts 2025-04-02, after the window; " + priority + "; routines of new-opportunities in turn: 1 of 6, practised least (in 0 earlier focuses)"},
		// Counts per scenario: 3/20 = 15% meets 15%, 1/20 = 5% is a
		// third of it, 4/40 = 10% two thirds: the gatekeeper is weakest.
		{"scenarios", nil, &FocusOptions{Scenarios: map[string]benchmark.Rate{
			"No business reason to call":       {Hits: 3, Trials: 20},
			"A gatekeeper screens the call":    {Hits: 1, Trials: 20},
			"Calling below the decision level": {Hits: 4, Trials: 40},
			`"We're happy with what we have"`:  {}, // not measured
		}}, "new-opportunities", "Enlist the gatekeeper",
			priority + "; weakest scenario: A gatekeeper screens the call (1/20 against 15%)"},
		// The scenario wins over the rotation, however often it was the focus.
		{"scenarios over the rotation", Plan{fc("dana", "new-opportunities", "Enlist the gatekeeper", month(2025, time.March))},
			&FocusOptions{Scenarios: map[string]benchmark.Rate{"A gatekeeper screens the call": {Hits: 1, Trials: 20}}},
			"new-opportunities", "Enlist the gatekeeper",
			priority + "; weakest scenario: A gatekeeper screens the call (1/20 against 15%)"},
		// Counts, but none measured: the rotation.
		{"scenarios unmeasured", nil, &FocusOptions{Scenarios: map[string]benchmark.Rate{"A gatekeeper screens the call": {}}},
			"new-opportunities", "Find the internal business challenge",
			priority + "; routines of new-opportunities in turn: 1 of 6, practised least (in 0 earlier focuses)"},
		// A campaign and counts of its competency's scenarios, against the
		// campaign's benchmark of 30%.
		{"campaign and scenarios", nil, &FocusOptions{Campaign: &open, Scenarios: map[string]benchmark.Rate{
			"The price objection":         {Hits: 2, Trials: 10},
			"A competitor is in the deal": {Hits: 1, Trials: 10},
		}}, "close", "Compete on their criteria",
			"campaign on close open since 2025-03-01, benchmark not reached yet; weakest scenario: A competitor is in the deal (1/10 against 30%)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := tt.p.Next(m, card, april, tt.o)
			if err != nil {
				t.Fatal(err)
			}
			want := Focus{Rep: "dana", Competency: tt.competency, Behavior: tt.behavior, Window: april, Reason: tt.reason}
			if diff := cmp.Diff(want, f); diff != "" {
				t.Errorf("Next (-want +got):\n%s", diff)
			}
		})
	}
}

// When every measured competency is at or above its benchmark, the focus
// stays on the first of them in funnel order, as Prioritize orders them,
// and the reason says so; with nothing measured, the prior decides.
func TestPlanNextAtBenchmark(t *testing.T) {
	m := competency.Default()
	jan := month(2025, time.January)
	all := scorecard(t, "dana", benchmark.Rate{Hits: 20, Trials: 100}, benchmark.Rate{Hits: 30, Trials: 45}, benchmark.Rate{Hits: 12, Trials: 32})
	f, err := Plan{}.Next(m, all, jan, nil)
	if err != nil {
		t.Fatal(err)
	}
	if f.Competency != "new-opportunities" || !strings.HasPrefix(f.Reason, "every measured competency is at or above its benchmark: new-opportunities is the first of them in funnel order") {
		t.Errorf("Next at benchmark = %+v, want new-opportunities, saying every competency is at benchmark", f)
	}
	// Only close measured, at its benchmark; the others ungraded.
	some := scorecard(t, "dana", benchmark.Rate{}, benchmark.Rate{}, benchmark.Rate{Hits: 12, Trials: 32})
	if f, err = (Plan{}).Next(m, some, jan, nil); err != nil {
		t.Fatal(err)
	}
	if f.Competency != "close" || !strings.HasPrefix(f.Reason, "every measured competency is at or above its benchmark: close") {
		t.Errorf("Next with close alone measured, at benchmark = %+v, want close", f)
	}
	none := scorecard(t, "dana")
	if f, err = (Plan{}).Next(m, none, jan, nil); err != nil {
		t.Fatal(err)
	}
	if f.Competency != "new-opportunities" || !strings.HasPrefix(f.Reason, "no competency measured yet: new-opportunities") {
		t.Errorf("Next with nothing measured = %+v, want new-opportunities by the prior", f)
	}
}

func TestPlanNextOptionErrors(t *testing.T) {
	m := competency.Default()
	card := dana(t)
	april := month(2025, time.April)
	other := campaign()
	other.Rep = "ben"
	invalid := campaign()
	invalid.Baseline = benchmark.Rate{}
	unknown := campaign()
	unknown.Competency = "referrals"
	valid := campaign()
	tests := []struct {
		name string
		o    *FocusOptions
		err  error
	}{
		{"campaign for another rep", &FocusOptions{Campaign: &other}, ErrOtherRep},
		{"invalid campaign", &FocusOptions{Campaign: &invalid}, competency.ErrNoTrials},
		{"campaign not in the model", &FocusOptions{Campaign: &unknown}, ErrUnknownCompetency},
		{"invalid options", &FocusOptions{Campaign: &valid, Options: &competency.Options{Alpha: 2}}, competency.ErrOutOfRange},
		{"unknown scenario", &FocusOptions{Scenarios: map[string]benchmark.Rate{"Small talk": {Hits: 1, Trials: 2}}}, competency.ErrUnknownScenario},
		{"invalid scenario rate", &FocusOptions{Scenarios: map[string]benchmark.Rate{"A gatekeeper screens the call": {Hits: 3, Trials: 2}}}, competency.ErrInvalidRate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Plan{}.Next(m, card, april, tt.o)
			var ie *InputError
			if !errors.Is(err, tt.err) || !errors.As(err, &ie) || ie.Func != "Plan.Next" || f != (Focus{}) {
				t.Errorf("Next = %v, %v, want the zero Focus and an *InputError from Plan.Next wrapping %v", f, err, tt.err)
			}
		})
	}
}

// Whatever the plan, the options and the window, Next's focus is a valid
// focus for the scorecard's rep, on a competency of the model, with one of
// its routines and a reason; or, exactly when the rep already has a focus
// overlapping the window, an *OverlapError.
func TestPlanNextProperty(t *testing.T) {
	m := competency.Default()
	rapid.Check(t, func(t *rapid.T) {
		rate := rapid.Custom(func(t *rapid.T) benchmark.Rate {
			n := rapid.Int64Range(0, 60).Draw(t, "trials")
			return benchmark.Rate{Hits: rapid.Int64Range(0, n).Draw(t, "hits"), Trials: n}
		})
		card, err := competency.NewScorecard(m, "dana", map[string]benchmark.Rate{
			"new-opportunities": rate.Draw(t, "no"), "gateway": rate.Draw(t, "gw"), "close": rate.Draw(t, "cl"),
		}, map[string]benchmark.Benchmark{"new-opportunities": {Target: 0.15}, "gateway": {Target: 0.6}, "close": {Target: 0.3}}, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		var p Plan
		for i := range rapid.IntRange(0, 8).Draw(t, "focuses") {
			c := m.Competencies[rapid.IntRange(0, len(m.Competencies)-1).Draw(t, "competency")]
			routines := slices.Collect(c.Routines())
			r := routines[rapid.IntRange(0, len(routines)-1).Draw(t, "routine")]
			p = append(p, fc(rapid.SampledFrom([]string{"dana", "ben"}).Draw(t, "rep"), c.ID, r.Name, month(2025, time.Month(1+i))))
		}
		o := &FocusOptions{}
		if rapid.Bool().Draw(t, "campaign") {
			c := campaign()
			c.Start = date(2025, time.Month(rapid.IntRange(1, 12).Draw(t, "start")), 1)
			o.Campaign = &c
		}
		if rapid.Bool().Draw(t, "scenarios") {
			o.Scenarios = map[string]benchmark.Rate{}
			for _, name := range []string{"No business reason to call", "A gatekeeper screens the call", "The price objection", "A competitor is in the deal"} {
				if rapid.Bool().Draw(t, name) {
					o.Scenarios[name] = rate.Draw(t, "rate "+name)
				}
			}
		}
		w := month(2025, time.Month(rapid.IntRange(1, 12).Draw(t, "month")))
		f, err := p.Next(m, card, w, o)
		if errors.Is(err, competency.ErrUnknownScenario) {
			return // counts of another competency's scenarios than the focus's: refused by Weakest
		}
		if overlaps := p.overlapping("dana", w) >= 0; overlaps != errors.Is(err, ErrOverlap) {
			t.Fatalf("Next = %v, %v; the rep has a focus overlapping %v: %v", f, err, w, overlaps)
		}
		if errors.Is(err, ErrOverlap) {
			return
		}
		if err != nil {
			t.Fatalf("Next error = %v", err)
		}
		c, ok := m.Lookup(f.Competency)
		if !ok || f.Rep != "dana" || f.Window != w || f.Reason == "" {
			t.Fatalf("Next = %+v: want dana's focus in %v on a competency of the model, with a reason", f, w)
		}
		if !slices.ContainsFunc(slices.Collect(c.Routines()), func(r competency.Routine) bool { return r.Name == f.Behavior }) {
			t.Fatalf("Next = %+v: behavior is not a routine of %s", f, f.Competency)
		}
		if o.Campaign != nil && o.Campaign.Open(w.Start) && f.Competency != "close" {
			t.Fatalf("Next = %+v while the campaign on close is open and not reached", f)
		}
		if _, err := p.Add(f); err != nil {
			t.Fatalf("Add(Next) error = %v", err)
		}
	})
}

// FuzzPlanNext: for any counts on the scorecard, the campaign and the
// scenarios, no panic, and either an error or a focus on a routine of the
// model with a reason.
func FuzzPlanNext(f *testing.F) {
	// Seed corpus: the scorecard's counts on new-opportunities (hits,
	// trials), the campaign's latest week, and two scenarios' counts.
	f.Add(int64(9), int64(90), int64(3), int64(10), int64(1), int64(20), int64(3), int64(20))  // dana, campaign not reached
	f.Add(int64(20), int64(100), int64(30), int64(30), int64(0), int64(0), int64(0), int64(0)) // at benchmark, campaign reached
	f.Add(int64(0), int64(0), int64(-1), int64(5), int64(5), int64(4), int64(1), int64(1))     // invalid rates
	m := competency.Default()
	targets := map[string]benchmark.Benchmark{"new-opportunities": {Target: 0.15}, "gateway": {Target: 0.6}, "close": {Target: 0.3}}
	f.Fuzz(func(t *testing.T, h, n, ch, cn, s1h, s1n, s2h, s2n int64) {
		card, err := competency.NewScorecard(m, "dana", map[string]benchmark.Rate{"new-opportunities": {Hits: h, Trials: n}}, targets, nil, nil)
		if err != nil {
			return // not a scorecard: NewScorecard's to refuse
		}
		c := campaign()
		c.Checkpoints = append(c.Checkpoints, competency.Checkpoint{Week: 3, Rate: benchmark.Rate{Hits: ch, Trials: cn}})
		o := &FocusOptions{Campaign: &c}
		f, err := Plan{}.Next(m, card, month(2025, time.April), o)
		if err == nil {
			// Counts for two scenarios of the competency drawn, the
			// behavior's to come from them.
			comp, _ := m.Lookup(f.Competency)
			var names []string
			for _, sc := range comp.Scenarios() {
				names = append(names, sc.Name)
			}
			o.Scenarios = map[string]benchmark.Rate{names[0]: {Hits: s1h, Trials: s1n}, names[1]: {Hits: s2h, Trials: s2n}}
			f, err = Plan{}.Next(m, card, month(2025, time.April), o)
		}
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) || f != (Focus{}) {
				t.Fatalf("Next = %v, %v, want the zero Focus and an *InputError", f, err)
			}
			return
		}
		comp, ok := m.Lookup(f.Competency)
		if !ok || f.Reason == "" || !slices.ContainsFunc(slices.Collect(comp.Routines()), func(r competency.Routine) bool { return r.Name == f.Behavior }) {
			t.Fatalf("Next = %+v, want a routine of a competency of the model, with a reason", f)
		}
	})
}
