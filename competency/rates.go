package competency

import (
	"fmt"
	"strconv"

	"github.com/salesdev/salesdev/benchmark"
)

// Rates measures every competency of m on a funnel: the rate of competency
// c is the count at stage c.To out of the count at stage c.From. Feed the
// result to [NewScorecard]. Stage names must match exactly.
//
// Rates returns [Model.Validate]'s error for an invalid model,
// [benchmark.Funnel.Validate]'s for an invalid funnel (a count that grows
// down the funnel, among others), and an [*InputError] wrapping
// [ErrUnknownStage] for a competency stage the funnel does not have, or
// [ErrFunnelOrder] for a competency whose To stage comes before its From
// stage in the funnel. Stages between From and To are skipped: the
// competency is measured across them. It
// does not modify f.
func (m Model) Rates(f benchmark.Funnel) (map[string]benchmark.Rate, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	if err := f.Validate(); err != nil {
		return nil, err
	}
	at := make(map[string]int, len(f))
	for i, s := range f {
		at[s.Name] = i
	}
	rates := make(map[string]benchmark.Rate, len(m.Competencies))
	for i, c := range m.Competencies {
		from, ok := at[c.From]
		if !ok {
			return nil, inputErr("Model.Rates", fmt.Sprintf("competencies[%d].from = %s", i, strconv.Quote(c.From)), ErrUnknownStage)
		}
		to, ok := at[c.To]
		if !ok {
			return nil, inputErr("Model.Rates", fmt.Sprintf("competencies[%d].to = %s", i, strconv.Quote(c.To)), ErrUnknownStage)
		}
		if to < from {
			return nil, inputErr("Model.Rates", fmt.Sprintf("competencies[%d] %s → %s", i, strconv.Quote(c.From), strconv.Quote(c.To)), fmt.Errorf("%w: the funnel has them the other way round", ErrFunnelOrder))
		}
		rates[c.ID] = benchmark.Rate{Hits: f[to].Count, Trials: f[from].Count}
	}
	return rates, nil
}
