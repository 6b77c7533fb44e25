package tmc

import (
	"cmp"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/competency"
	"github.com/salesdev/salesdev/internal/crmdata"
)

// TestRealDataMentors matches close-rate mentors on the public Maven
// Analytics "CRM + Sales + Opportunities" data: 35 agents under 6 managers,
// 30 of them with closed deals. Reference counts and the median cycle were
// computed once with python3's csv and statistics modules.
func TestRealDataMentors(t *testing.T) {
	teams := crmdata.Table(t, "sales_teams.csv")
	pipeline := crmdata.Table(t, "sales_pipeline.csv")
	manager := map[string]string{}
	for _, r := range teams {
		manager[r["sales_agent"]] = r["manager"]
	}
	rates := map[string]benchmark.Rate{}
	var cycles []int
	for _, r := range pipeline {
		a, rate := r["sales_agent"], rates[r["sales_agent"]]
		switch r["deal_stage"] {
		case "Won":
			rate.Hits++
			rate.Trials++
			engage, err1 := time.Parse(time.DateOnly, r["engage_date"])
			closed, err2 := time.Parse(time.DateOnly, r["close_date"])
			if err1 != nil || err2 != nil {
				t.Fatalf("bad dates in %v", r)
			}
			cycles = append(cycles, int(closed.Sub(engage).Hours()/24))
		case "Lost":
			rate.Trials++
		default:
			continue
		}
		rates[a] = rate
	}
	var total benchmark.Rate
	for _, r := range rates {
		total = total.Add(r)
	}
	if len(manager) != 35 || len(rates) != 30 || total != (benchmark.Rate{Hits: 4238, Trials: 6711}) {
		t.Fatalf("read %d agents, %d with closed deals, %v, want 35, 30, 4238/6711", len(manager), len(rates), total)
	}

	// The team's sales cycle times the ramp: a 57-day median won cycle,
	// sold as a moderate product, ramps in the five-month floor.
	slices.Sort(cycles)
	median := (cycles[len(cycles)/2-1] + cycles[len(cycles)/2]) / 2
	ramp, err := Plan(Moderate, median, nil)
	if err != nil || median != 57 || ramp.RampDays != 150 || ramp.MentoringDays != 60 {
		t.Fatalf("median cycle %d, Plan(moderate) = %+v, %v; want 57 days and a 45 + 60, 150-day ramp", median, ramp, err)
	}

	var all []benchmark.Rate
	var values []float64
	for _, r := range rates {
		all = append(all, r)
		values = append(values, r.Value())
	}
	prior, err := benchmark.FitPrior(all)
	if err != nil {
		t.Fatal(err)
	}
	target, err := benchmark.FromTeam(benchmark.Metric{Name: "close rate"}, values, 0.75)
	if err != nil {
		t.Fatal(err)
	}
	// Grade with the fitted prior, as competency does, and with the zero
	// prior (raw rates). On this data the fitted prior may read every agent
	// as the team (their rates are no further apart than chance), leaving
	// no A player and no mentor; raw rates against the 75th percentile
	// always leave some.
	for _, pr := range []struct {
		name  string
		prior benchmark.Prior
	}{{"fitted prior", prior}, {"raw rates", benchmark.Prior{}}} {
		t.Run(pr.name, func(t *testing.T) {
			matchReal(t, rates, manager, target, pr.prior, pr.name == "raw rates")
		})
	}
}

func matchReal(t *testing.T, rates map[string]benchmark.Rate, manager map[string]string, target benchmark.Benchmark, prior benchmark.Prior, wantA bool) {
	var peers []Peer
	for agent, r := range rates {
		s, err := competency.NewScore("close", r, target, prior, nil)
		if err != nil {
			t.Fatal(err)
		}
		if manager[agent] == "" {
			t.Fatalf("agent %q has no manager in sales_teams.csv", agent)
		}
		peers = append(peers, Peer{Rep: agent, Manager: manager[agent], Score: s})
	}
	byName := map[string]Peer{}
	grades := map[competency.Grade]int{}
	for _, p := range peers {
		byName[p.Rep] = p
		grades[p.Score.Grade]++
	}
	if wantA && grades[competency.GradeA] == 0 {
		t.Fatalf("grades %v: want some A players on raw rates against the 75th percentile", grades)
	}

	// Most urgent first: the lowest shrunk rates.
	var learners []Rep
	slices.SortFunc(peers, func(a, b Peer) int { return cmp.Compare(a.Score.Shrunk, b.Score.Shrunk) })
	for _, p := range peers {
		if p.Score.Grade == competency.GradeA {
			continue
		}
		learners = append(learners, Rep{Rep: p.Rep, Manager: p.Manager})
		ms, err := Mentors("close", Rep{Rep: p.Rep, Manager: p.Manager}, peers, 3)
		if grades[competency.GradeA] == 0 {
			if !errors.Is(err, ErrNoMentor) {
				t.Fatalf("Mentors(%s) = %v, %v with no A players, want ErrNoMentor", p.Rep, ms, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("Mentors(%s) = %v with %d A players", p.Rep, err, grades[competency.GradeA])
		}
		for i, m := range ms {
			if m.Rep == p.Rep || m.Score.Grade != competency.GradeA || (i > 0 && ms[i-1].Score.Shrunk < m.Score.Shrunk) {
				t.Fatalf("Mentors(%s)[%d] = %+v", p.Rep, i, m)
			}
		}
	}
	const maxMentees = 3
	pairs, err := AssignMentors("close", learners, peers, maxMentees)
	if err != nil && !errors.Is(err, ErrNoMentor) {
		t.Fatal(err)
	}
	load := map[string]int{}
	for _, p := range pairs {
		load[p.Mentor]++
		if load[p.Mentor] > maxMentees || byName[p.Mentor].Score.Grade != competency.GradeA || p.Mentor == p.Rep {
			t.Fatalf("AssignMentors pair %+v breaks the rules", p)
		}
	}
	capacity := grades[competency.GradeA] * maxMentees
	if want := min(len(learners), capacity); len(pairs) != want {
		t.Errorf("AssignMentors made %d pairs, want %d (%d learners, room for %d)", len(pairs), want, len(learners), capacity)
	}
	t.Logf("%d agents: grades %v; %d learners, %d paired", len(peers), grades, len(learners), len(pairs))
}
