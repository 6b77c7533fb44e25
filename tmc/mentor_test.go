package tmc

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/competency"
	"pgregory.net/rapid"
)

const opp = "new-opportunities"

// peer builds a Peer with a hand-set score: the grade and shrunk rate are
// given, not computed, so the tests do not depend on competency's grading.
func peer(name, manager string, g competency.Grade, shrunk float64, mentees int) Peer {
	return Peer{Rep: name, Manager: manager, Mentees: mentees,
		Score: competency.Score{Competency: opp, Rate: benchmark.Rate{Hits: 10, Trials: 50}, Shrunk: shrunk, Target: 0.15, Grade: g}}
}

func names(ps []Peer) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Rep)
	}
	return out
}

func TestMentors(t *testing.T) {
	team := []Peer{
		peer("Ana", "Max", competency.GradeA, 0.21, 0),
		peer("Ben", "Max", competency.GradeB, 0.14, 0),
		peer("Cy", "Kim", competency.GradeA, 0.25, 2),
		peer("Dee", "Kim", competency.GradeA, 0.21, 1),
		peer("Max", "Vera", competency.GradeA, 0.30, 0),
		peer("Dana", "Max", competency.GradeA, 0.40, 0),
		peer("Eve", "Kim", competency.Ungraded, 0.50, 0),
		peer("Fox", "Kim", competency.GradeC, 0.05, 0),
	}
	dana := Rep{Rep: "Dana", Manager: "Max"}
	tests := []struct {
		name string
		rep  Rep
		max  int
		want []string
	}{
		// Cy is full at 2; Max is Dana's manager; Dana is Dana; Ben, Eve
		// and Fox are not A. Ana and Dee tie on 0.21: by name.
		{"cap 2", dana, 2, []string{"Ana", "Dee"}},
		{"cap 3 lets Cy in", dana, 3, []string{"Cy", "Ana", "Dee"}},
		{"cap 1 leaves Ana", dana, 1, []string{"Ana"}},
		{"another manager's rep may have Max", Rep{Rep: "Gus", Manager: "Kim"}, 2, []string{"Dana", "Max", "Ana", "Dee"}},
		{"unknown manager", Rep{Rep: "Gus"}, 2, []string{"Dana", "Max", "Ana", "Dee"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Mentors(opp, tt.rep, team, tt.max)
			if err != nil {
				t.Fatalf("Mentors(%+v, %d) error %v", tt.rep, tt.max, err)
			}
			if diff := cmp.Diff(tt.want, names(got)); diff != "" {
				t.Errorf("Mentors(%+v, %d) mismatch (-want +got):\n%s", tt.rep, tt.max, diff)
			}
		})
	}
}

func TestMentorsNone(t *testing.T) {
	team := []Peer{
		peer("Ben", "Max", competency.GradeB, 0.14, 0),
		peer("Cy", "Kim", competency.GradeA, 0.25, 2),
		peer("Max", "Vera", competency.GradeA, 0.30, 0),
		peer("Dana", "Max", competency.GradeA, 0.40, 0),
	}
	_, err := Mentors(opp, Rep{Rep: "Dana", Manager: "Max"}, team, 2)
	var ne *NoMentorError
	if !errors.Is(err, ErrNoMentor) || !errors.As(err, &ne) {
		t.Fatalf("Mentors(no one qualifies) = %v, want a *NoMentorError", err)
	}
	if ne.Competency != opp || !slices.Equal(ne.Reps, []string{"Dana"}) {
		t.Errorf("NoMentorError = %+v, want competency %q and rep Dana", ne, opp)
	}
	const want = `tmc: competency "new-opportunities": no mentor available for "Dana"`
	if err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
}

func TestMentorsBadInput(t *testing.T) {
	a := peer("Ana", "Max", competency.GradeA, 0.21, 0)
	edit := func(f func(*Peer)) []Peer { p := a; f(&p); return []Peer{p} }
	dana := Rep{Rep: "Dana", Manager: "Max"}
	tests := []struct {
		name  string
		id    string
		rep   Rep
		peers []Peer
		max   int
		want  error
	}{
		{"empty team", opp, dana, nil, 2, ErrEmpty},
		{"no competency", "", dana, []Peer{a}, 2, ErrEmpty},
		{"no rep name", opp, Rep{Manager: "Max"}, []Peer{a}, 2, ErrEmpty},
		{"zero cap", opp, dana, []Peer{a}, 0, ErrOutOfRange},
		{"negative cap", opp, dana, []Peer{a}, -1, ErrOutOfRange},
		{"duplicate peer", opp, dana, []Peer{a, a}, 2, ErrDuplicate},
		{"unnamed peer", opp, dana, edit(func(p *Peer) { p.Rep = "" }), 2, ErrEmpty},
		{"negative mentees", opp, dana, edit(func(p *Peer) { p.Mentees = -1 }), 2, ErrNegative},
		{"another competency", opp, dana, edit(func(p *Peer) { p.Score.Competency = "close" }), 2, ErrWrongCompetency},
		{"unknown grade", opp, dana, edit(func(p *Peer) { p.Score.Grade = 7 }), 2, ErrInvalidEnum},
		{"NaN shrunk rate", opp, dana, edit(func(p *Peer) { p.Score.Shrunk = math.NaN() }), 2, ErrNotFinite},
		{"infinite shrunk rate", opp, dana, edit(func(p *Peer) { p.Score.Shrunk = math.Inf(1) }), 2, ErrNotFinite},
		{"shrunk rate above 1", opp, dana, edit(func(p *Peer) { p.Score.Shrunk = 1.5 }), 2, ErrOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Mentors(tt.id, tt.rep, tt.peers, tt.max)
			if !errors.Is(err, tt.want) || got != nil {
				t.Errorf("Mentors = %v, %v, want nil, %v", names(got), err, tt.want)
			}
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Errorf("Mentors error type %T, want *InputError", err)
			}
			if _, err := AssignMentors(tt.id, []Rep{{Rep: "Dana", Manager: "Max"}}, tt.peers, tt.max); tt.rep.Rep != "" && !errors.Is(err, tt.want) {
				t.Errorf("AssignMentors error = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestAssignMentors(t *testing.T) {
	team := []Peer{
		peer("Ana", "Max", competency.GradeA, 0.21, 0),
		peer("Cy", "Kim", competency.GradeA, 0.25, 1),
		peer("Max", "Vera", competency.GradeA, 0.30, 0),
		peer("Ben", "Max", competency.GradeB, 0.14, 0),
	}
	reps := []Rep{
		{Rep: "Dana", Manager: "Max"}, // Cy (Max is her manager)
		{Rep: "Eli", Manager: "Kim"},  // Max
		{Rep: "Fay", Manager: "Max"},  // Cy is full at 2, Max is her manager: Ana
		{Rep: "Gus", Manager: "Kim"},  // Max
		{Rep: "Hal", Manager: "Kim"},  // Ana
		{Rep: "Ivy", Manager: "Kim"},  // all full
		{Rep: "Max", Manager: "Vera"}, // Max cannot mentor himself; the others are full
	}
	pairs, err := AssignMentors(opp, reps, team, 2)
	want := []Pair{{"Dana", "Cy"}, {"Eli", "Max"}, {"Fay", "Ana"}, {"Gus", "Max"}, {"Hal", "Ana"}}
	if diff := cmp.Diff(want, pairs); diff != "" {
		t.Errorf("AssignMentors mismatch (-want +got):\n%s", diff)
	}
	var ne *NoMentorError
	if !errors.As(err, &ne) || !slices.Equal(ne.Reps, []string{"Ivy", "Max"}) {
		t.Errorf("AssignMentors error = %v, want no mentor for Ivy and Max", err)
	}
	if _, err := AssignMentors(opp, []Rep{{Rep: "A"}, {Rep: "A"}}, team, 2); !errors.Is(err, ErrDuplicate) {
		t.Errorf("AssignMentors(duplicate reps) = %v, want ErrDuplicate", err)
	}
	if _, err := AssignMentors(opp, nil, team, 2); !errors.Is(err, ErrEmpty) {
		t.Errorf("AssignMentors(no reps) = %v, want ErrEmpty", err)
	}
	if _, err := json.Marshal(pairs); err != nil {
		t.Errorf("Marshal(pairs) = %v", err)
	}
}

func genTeam(t *rapid.T) ([]Peer, []Rep, int) {
	pool := []string{"Ana", "Ben", "Cy", "Dee", "Eli", "Fay", "Gus", "Hal"}
	n := rapid.IntRange(1, len(pool)).Draw(t, "peers")
	var peers []Peer
	for _, name := range pool[:n] {
		peers = append(peers, peer(name, rapid.SampledFrom(pool).Draw(t, "manager"),
			competency.Grade(rapid.IntRange(0, 3).Draw(t, "grade")),
			float64(rapid.IntRange(0, 20).Draw(t, "shrunk"))/20, rapid.IntRange(0, 3).Draw(t, "mentees")))
	}
	var reps []Rep
	for i, name := range rapid.SliceOfNDistinct(rapid.SampledFrom(append(pool, "Zed", "Yan")), 1, 6, rapid.ID).Draw(t, "reps") {
		reps = append(reps, Rep{Rep: name, Manager: rapid.SampledFrom(pool).Draw(t, "repManager"+string(rune('0'+i)))})
	}
	return peers, reps, rapid.IntRange(1, 3).Draw(t, "max")
}

func TestMentorProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		peers, reps, maxMentees := genTeam(t)
		r := reps[0]
		ms, err := Mentors(opp, r, peers, maxMentees)
		if err != nil && !errors.Is(err, ErrNoMentor) {
			t.Fatalf("Mentors: %v", err)
		}
		for i, m := range ms {
			if m.Rep == r.Rep || m.Rep == r.Manager || m.Score.Grade != competency.GradeA || m.Mentees >= maxMentees {
				t.Fatalf("Mentors(%+v) returned %+v", r, m)
			}
			if i > 0 && (ms[i-1].Score.Shrunk < m.Score.Shrunk || ms[i-1].Score.Shrunk == m.Score.Shrunk && ms[i-1].Rep > m.Rep) {
				t.Fatalf("Mentors out of order: %v before %v", ms[i-1], m)
			}
		}
		// Every qualifying peer is listed.
		want := 0
		for _, p := range peers {
			if p.Score.Grade == competency.GradeA && p.Rep != r.Rep && p.Rep != r.Manager && p.Mentees < maxMentees {
				want++
			}
		}
		if len(ms) != want {
			t.Fatalf("Mentors returned %d, want %d qualifying peers", len(ms), want)
		}

		pairs, err := AssignMentors(opp, reps, peers, maxMentees)
		if err != nil && !errors.Is(err, ErrNoMentor) {
			t.Fatalf("AssignMentors: %v", err)
		}
		load := map[string]int{}
		byName := map[string]Peer{}
		for _, p := range peers {
			load[p.Rep] = p.Mentees
			byName[p.Rep] = p
		}
		manager := map[string]string{}
		for _, r := range reps {
			manager[r.Rep] = r.Manager
		}
		for _, p := range pairs {
			m := byName[p.Mentor]
			if p.Mentor == p.Rep || p.Mentor == manager[p.Rep] || m.Score.Grade != competency.GradeA {
				t.Fatalf("AssignMentors paired %+v", p)
			}
			load[p.Mentor]++
			if load[p.Mentor] > maxMentees {
				t.Fatalf("AssignMentors gave %s more than %d mentees", p.Mentor, maxMentees)
			}
		}
		var ne *NoMentorError
		unmatched := 0
		if errors.As(err, &ne) {
			unmatched = len(ne.Reps)
		}
		if len(pairs)+unmatched != len(reps) {
			t.Fatalf("AssignMentors: %d pairs + %d unmatched, want %d reps", len(pairs), unmatched, len(reps))
		}
	})
}

// FuzzMentors decodes an arbitrary team from JSON and matches mentors: no
// panic, and either an error or mentors that qualify.
func FuzzMentors(f *testing.F) {
	// Seed corpus: a small team, a team with a NaN-free but out-of-range
	// rate, unknown grade text, and a duplicate name.
	for _, s := range []string{
		`[{"name":"Ana","manager":"Max","score":{"competency":"new-opportunities","shrunk":0.21,"grade":"A"},"mentees":0},{"name":"Max","score":{"competency":"new-opportunities","shrunk":0.3,"grade":"a"}}]`,
		`[{"name":"Ana","score":{"competency":"new-opportunities","shrunk":7,"grade":"A"}}]`,
		`[{"name":"Ana","score":{"competency":"new-opportunities","shrunk":0.2,"grade":"A+"}}]`,
		`[{"name":"Ana","score":{"competency":"new-opportunities","grade":"A"}},{"name":"Ana","score":{"competency":"new-opportunities","grade":"A"}}]`,
		`[]`,
	} {
		f.Add([]byte(s), "Dana", "Max", 2)
	}
	f.Fuzz(func(t *testing.T, data []byte, rep, manager string, maxMentees int) {
		var peers []Peer
		if err := json.Unmarshal(data, &peers); err != nil {
			return
		}
		r := Rep{Rep: rep, Manager: manager}
		ms, err := Mentors(opp, r, peers, maxMentees)
		if err != nil {
			if ms != nil {
				t.Fatalf("Mentors returned %v with error %v", ms, err)
			}
			return
		}
		for _, m := range ms {
			if m.Rep == r.Rep || m.Rep == r.Manager || m.Score.Grade != competency.GradeA || m.Mentees >= maxMentees {
				t.Fatalf("Mentors(%+v) returned %+v", r, m)
			}
		}
	})
}
