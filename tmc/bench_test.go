package tmc

import "testing"

func BenchmarkPrescribe(b *testing.B) {
	b.ReportAllocs()
	signals := []Signals{{}, {KnowsWhat: true}, {KnowsWhat: true, KnowsHow: true}, {KnowsWhat: true, KnowsHow: true, MeetsStandard: true, Barrier: Constraints}}
	var n int
	for b.Loop() {
		for _, s := range signals {
			n += int(Prescribe(s).Help)
		}
	}
	b.ReportMetric(float64(b.N*len(signals))/b.Elapsed().Seconds(), "prescriptions/s")
	_ = n
}

func BenchmarkJourneyApply(b *testing.B) {
	b.ReportAllocs()
	j, err := Start(t0, Ramp{RampDays: 30}, nil)
	if err != nil {
		b.Fatal(err)
	}
	j, _ = j.Apply(ev(TrainingCompleted, 1))
	j, _ = j.Apply(ev(MentoringCompleted, 2))
	e := ev(PeriodMet, 40)
	for b.Loop() {
		if _, err := j.Apply(e); err != nil {
			b.Fatal(err)
		}
	}
}
