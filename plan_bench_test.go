package salesdev

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/competency"
	"github.com/salesdev/salesdev/tmc"
)

// benchTeam is a synthetic team shaped like the example report's at scale:
// n reps, 100 per manager, starts spread over the two years before AsOf,
// about five trials per rep on each competency of the ready model, a third
// of the reps with a quota and a desire answer, and two team KPIs with a
// value for most reps. The draws are seeded, so every run plans the same
// team.
func benchTeam(n int) Team {
	rng := rand.New(rand.NewPCG(1, 2))
	asOf := day0(2025, 12, 31)
	deal := Metric{Metric: benchmark.Metric{Name: "average won deal", Unit: "currency"}, Values: make(map[string]float64, n)}
	days := Metric{Metric: benchmark.Metric{Name: "days to close a won deal", Unit: "days", Direction: benchmark.LowerIsBetter}, Values: make(map[string]float64, n)}
	team := Team{AsOf: asOf, Reps: make([]Rep, n)}
	for i := range n {
		id := "rep-" + strconv.Itoa(i)
		// About five trials per step, each step drawn on its own: the
		// hits at one step are not the trials of the next.
		opps := int64(3 + rng.IntN(5))
		meets := rng.Int64N(opps + 1)
		gates := int64(3 + rng.IntN(5))
		passed := rng.Int64N(gates + 1)
		closes := int64(3 + rng.IntN(5))
		won := rng.Int64N(closes + 1)
		r := Rep{
			Rep:     id,
			Manager: "mgr-" + strconv.Itoa(i%(n/100+1)),
			Started: asOf.AddDate(0, 0, -rng.IntN(2*365)),
			Rates: map[string]benchmark.Rate{
				competency.NewOpportunitiesID: {Hits: meets, Trials: opps},
				competency.GatewayID:          {Hits: passed, Trials: gates},
				competency.CloseID:            {Hits: won, Trials: closes},
			},
		}
		if i%3 == 0 {
			r.Results = &Results{Sold: float64(rng.IntN(400_000)), MonthlyQuota: 50_000}
			r.Desire = []float64{1 + 4*rng.Float64()}
		}
		team.Reps[i] = r
		if won > 0 {
			deal.Values[id] = 1000 + 9000*rng.Float64()
			days.Values[id] = 5 + 85*rng.Float64()
		}
	}
	team.Metrics = []Metric{deal, days}
	return team
}

// reportTeam is a synthetic team shaped like the one the example report
// (examples/teamreport) plans from a CRM export: n reps, 8 per manager; an
// eighth of them without deals, so without rates or a first day seen; the
// others first seen 200 days to two and a half years before AsOf, with
// no start date, about five trials on closing and one to three on new
// opportunities that never miss (so closing is the one competency
// measured), and the two KPIs; no quota, desire answer, session, focus,
// campaign or history. The draws are seeded, so every run plans the same
// team.
func reportTeam(n int) Team {
	rng := rand.New(rand.NewPCG(3, 4))
	asOf := day0(2025, 12, 31)
	deal := Metric{Metric: benchmark.Metric{Name: "average won deal", Unit: "currency"}, Values: make(map[string]float64, n)}
	days := Metric{Metric: benchmark.Metric{Name: "days to close a won deal", Unit: "days", Direction: benchmark.LowerIsBetter}, Values: make(map[string]float64, n)}
	team := Team{AsOf: asOf, Reps: make([]Rep, n)}
	for i := range n {
		id := "Rep " + strconv.Itoa(i)
		r := Rep{Rep: id, Manager: "Manager " + strconv.Itoa(i/8), Rates: map[string]benchmark.Rate{}}
		if i%8 != 7 {
			opps := int64(1 + rng.IntN(3))
			closes := int64(3 + rng.IntN(5))
			won := rng.Int64N(closes + 1)
			r.Rates[competency.NewOpportunitiesID] = benchmark.Rate{Hits: opps, Trials: opps}
			r.Rates[competency.CloseID] = benchmark.Rate{Hits: won, Trials: closes}
			r.FirstSeen = asOf.AddDate(0, 0, -200-rng.IntN(2*365))
			if won > 0 {
				deal.Values[id] = 1000 + 9000*rng.Float64()
			}
			days.Values[id] = 5 + 85*rng.Float64()
		}
		team.Reps[i] = r
	}
	team.Metrics = []Metric{deal, days}
	return team
}

// BenchmarkNewPlan measures a plan of 1,000 and of 40,000 reps, the two
// rosters of the example report's scale target, and reports the cost per
// rep: for benchTeam's team, and for reportTeam's, shaped like the
// report's own.
func BenchmarkNewPlan(b *testing.B) {
	for _, shape := range []struct {
		name string
		team func(n int) Team
		cfg  *Config
	}{
		{"", benchTeam, &Config{CoachingHours: 10, SalesCycleDays: 45}},
		{"report/", reportTeam, &Config{Complexity: tmc.Moderate, CoachingHours: 5 * competency.CoachingCadence, SalesCycleDays: 60}},
	} {
		for _, n := range []int{1_000, 40_000} {
			team := shape.team(n)
			b.Run(fmt.Sprintf("%sreps=%d", shape.name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					p, err := NewPlan(team, shape.cfg)
					if err != nil {
						b.Fatal(err)
					}
					if len(p.Reps) != n {
						b.Fatalf("%d rep plans for %d reps", len(p.Reps), n)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/rep")
			})
		}
	}
}
