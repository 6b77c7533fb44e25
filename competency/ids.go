package competency

// The IDs of the ready model's competencies ([Default]), in funnel order.
// Rates, targets and priors are keyed by these IDs.
const (
	// NewOpportunitiesID is "creating new opportunities": conversation →
	// appointment, which "The Difference Between Sales Leaders and Sales
	// Managers" gives as its example of the most important competency
	// ("the most important critical competency, such as creating new
	// opportunities").
	NewOpportunitiesID = "new-opportunities"
	// GatewayID is advancing the first appointment: appointment → gateway
	// (a demonstration, site visit, survey or proposal).
	GatewayID = "gateway"
	// CloseID is gaining the new customer: gateway → close.
	CloseID = "close"
)

// CoachingCadence is the coaching a rep should get, in hours per month:
// the one figure for it in the whole library, used by package grid to flag
// a manager's allocation and by package tmc to judge whether a coaching
// cycle was solid. It is an outside figure, not the articles': in a Sales
// Executive Council study, reps who received three or more hours of
// coaching a month reached 107% of quota, against 88% for reps who
// received less. Callers who hold another standard pass their own where
// the functions take one.
const CoachingCadence = 3.0
