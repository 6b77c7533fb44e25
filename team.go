package salesdev

import (
	"time"

	"github.com/salesdev/salesdev/benchmark"
	"github.com/salesdev/salesdev/competency"
	"github.com/salesdev/salesdev/grid"
	"github.com/salesdev/salesdev/tmc"
)

// A Team is what a CRM knows about a sales team on one day: the input to
// [NewPlan]. Only AsOf and at least one rep are required; every other field
// is optional, and each one left out narrows the plan in a way the plan
// names ([Plan.Missing]).
//
// NewPlan does not modify a Team, and keeps no reference to it.
type Team struct {
	// AsOf is the day the plan is made for: the end of the results window,
	// the day the ramp and the campaigns are read at. The next focus
	// window starts the day after.
	AsOf time.Time `json:"as_of"`
	// Reps is the roster, with each rep's evidence. The plan keeps its
	// order. Every rep needs a unique, non-blank Rep.
	Reps []Rep `json:"reps"`
	// Sessions are the team's 1:1s, each with the rep, who gave it and its
	// role, and what it covered: they give each manager's
	// managing-vs-developing mix and each rep's coaching hours received.
	Sessions []tmc.Session `json:"sessions,omitempty"`
	// Campaigns are the team's training campaigns so far, open or closed
	// (the plan's own state from last time). A rep has at most one open
	// campaign at a time; the focus stays on it until its benchmark is
	// reached or it is closed. Set a campaign's Benchmark.Target on the
	// scale grades are judged on: the competency's target in an earlier
	// plan's Standards. A campaign without a Prior has its progress
	// graded with the team's prior, like the scorecard.
	Campaigns []competency.Campaign `json:"campaigns,omitempty"`
	// Focus holds the focuses of past plans. A rep whose earlier focus
	// still covers the coming window keeps it: one competency and one
	// behavior at one time.
	Focus grid.Plan `json:"focus,omitempty"`
	// Metrics are other per-rep KPIs to benchmark across the team, such as
	// the average won deal or the days to close (lower is better).
	Metrics []Metric `json:"metrics,omitempty"`
	// History holds per-item observations, such as each closed deal's days
	// in the pipeline and whether it was won, to look for Tressel-style
	// rules in: "when we gained at least 200 rushing yards in a game, we
	// won the game 98% of the time" ("The Difference Between Sales Leaders
	// and Sales Managers").
	History []History `json:"history,omitempty"`
}

// A Rep is one member of the roster and what the CRM knows about them.
// Every field but Rep is optional.
type Rep struct {
	// Rep is the rep's ID, as the CRM has it: the same field name as in
	// every package of the library.
	Rep string `json:"rep"`
	// Manager is the ID of the rep's manager: coaching hours are shared
	// out per manager, and a rep's manager never mentors them.
	Manager string `json:"manager,omitempty"`
	// Started is the rep's start date; zero when the CRM does not know it.
	// It places the rep on the ramp (Training, then Mentoring, then
	// Coaching). Like FirstSeen, it is read as a date, in its own
	// location, on the calendar of Team.AsOf.
	Started time.Time `json:"started,omitzero"`
	// FirstSeen is the first day the rep appears in the data, read as a
	// date in its own location. Without Started it stands in for the
	// start date, and the plan says so. A day after Team.AsOf's is
	// refused: the data cannot have seen the rep yet.
	FirstSeen time.Time `json:"first_seen,omitzero"`
	// Rates are the rep's conversions per competency ID of the model.
	// A competency missing here has no evidence for this rep.
	Rates map[string]benchmark.Rate `json:"rates,omitempty"`
	// Scenarios are the rep's conversions per scenario, keyed by
	// competency ID and then scenario name, for the CRMs that can tell
	// them apart. The behavior of the month comes from the weakest
	// measured scenario of the focus competency.
	Scenarios map[string]map[string]benchmark.Rate `json:"scenarios,omitempty"`
	// Results are the rep's sales against quota over the results window;
	// nil when the CRM has no quota for the rep.
	Results *Results `json:"results,omitempty"`
	// Desire holds the rep's answers to the desire survey, on
	// [Config.DesireScale]; empty when the rep has not answered.
	Desire []float64 `json:"desire,omitempty"`
	// Stated are the signals the manager states about the rep; they win
	// over what the plan infers from the data.
	Stated *tmc.Signals `json:"stated,omitempty"`
	// Barrier is a barrier to change the manager has identified; it wins
	// over inference too.
	Barrier tmc.Barrier `json:"barrier,omitempty"`
	// Events are the rep's recorded journey events, such as a knowledge
	// gap a coaching session revealed (tmc.KnowledgeGapFound) and the end
	// of the re-training that followed (tmc.TrainingCompleted): re-training
	// stays the help the rep needs until its end is recorded.
	Events []tmc.Event `json:"events,omitempty"`
}

// Results are a rep's sales over the results window against a quota. The
// results window is the [Config.Months] calendar months (6 by default,
// [grid.DefaultMonths], from ASLAN Training's published grid material)
// that end with the day [Team.AsOf]: [ResultsWindow] says which they are
// before the plan is made, to sum Sold over, and [Plan.Window] after.
type Results struct {
	// Sold is the amount sold (won) in the results window, in the
	// quota's currency.
	Sold float64 `json:"sold"`
	// MonthlyQuota is the rep's quota per month; the window's quota is
	// this times the window's months, prorated for a rep who joined
	// during the window.
	MonthlyQuota float64 `json:"monthly_quota"`
}

// A Metric is one KPI's value per rep, to benchmark across the team: the
// target is the team's quantile in the metric's good direction.
type Metric struct {
	// Metric is the KPI the values are of.
	Metric benchmark.Metric `json:"metric"`
	// Values holds each rep's value, keyed by rep ID. Reps without a
	// value are left out, never counted as zero.
	Values map[string]float64 `json:"values"`
}

// A History is a team's record of one measure per item and whether the
// item was won, such as each closed deal's days in the pipeline, to look
// for a threshold that predicts winning ([benchmark.Discover]).
//
// A stream too long to keep whole gives a [benchmark.Binned] histogram
// instead of the observations: its memory is bounded by its bins, and
// shards of it merge exactly. Give one or the other; with Binned, Metric is
// the histogram's.
type History struct {
	// Metric is the measure the history is of; with Binned, the
	// histogram's metric is used instead.
	Metric benchmark.Metric `json:"metric"`
	// Observations are the items, each with its value of the measure and
	// whether it was won; empty with Binned.
	Observations []benchmark.Observation `json:"observations,omitempty"`
	// Binned is the items as a histogram, for a stream too long to keep
	// whole; nil with Observations.
	Binned *benchmark.Binned `json:"binned,omitempty"`
}

// Config tunes the plan. A nil *Config, or a zero field, means the
// default.
type Config struct {
	// Model is the competency model; nil means [competency.Default].
	Model *competency.Model `json:"model,omitempty"`
	// Ramp is the T.M.C. ramp for a new rep; nil means
	// [tmc.Plan](Complexity, SalesCycleDays, nil).
	Ramp *tmc.Ramp `json:"ramp,omitempty"`
	// Complexity is the complexity of what the team sells, which sets the
	// ramp ("Three Key Areas That Every Sales Organization Must Get
	// Right"); zero means [tmc.Moderate], a library default.
	Complexity tmc.Complexity `json:"complexity,omitempty"`
	// SalesCycleDays is the team's typical days from first conversation to
	// close, for the ramp; 0 means unknown.
	SalesCycleDays int `json:"sales_cycle_days,omitempty"`
	// Months is the length of the results window that productivity is
	// measured over; 0 means [grid.DefaultMonths].
	Months int `json:"months,omitempty"`
	// Cutoffs are the grid's lines; nil means the defaults.
	Cutoffs *grid.Cutoffs `json:"cutoffs,omitempty"`
	// DesireScale is the scale of the desire survey's answers; the zero
	// Scale means 1 to 5, a library default.
	DesireScale grid.Scale `json:"desire_scale,omitzero"`
	// CoachingHours is each manager's coaching time per month, shared out
	// across the manager's placed reps by quadrant ([grid.Allocate]).
	// 0 means not given: no allocation, and the plan says so.
	CoachingHours float64 `json:"coaching_hours,omitempty"`
	// Standards tunes the team standards: the quantile (which also sets
	// the target of the other KPIs, [Team.Metrics]), the evidence a rep
	// needs to count, and optional outside targets with their source.
	Standards *competency.StandardOptions `json:"standards,omitempty"`
	// Grading tunes grading: the B band and the confidence level.
	Grading *competency.Options `json:"grading,omitempty"`
	// MaxMentees caps the mentees per mentor; 0 means
	// DefaultMaxMentees.
	MaxMentees int `json:"max_mentees,omitempty"`
}

// DefaultMaxMentees is the number of mentees a peer mentor takes at most
// when [Config.MaxMentees] is zero: a library default, so that mentoring
// does not eat an A player's own selling time.
const DefaultMaxMentees = 2

// The survey scale used for a zero Config.DesireScale: a five-point
// Likert scale, a library default.
const (
	defaultDesireMin = 1
	defaultDesireMax = 5
)
