package competency

// A Competency is an essential, controllable, measurable, trainable part of
// the selling process. It is measured by a conversion ratio: of the items
// that reached funnel stage From, the share that reached stage To
// (conversations that became appointments).
//
// A competency is peeled into Elements; each element is broken into single
// Scenarios, and each scenario has the Routines a rep is trained to run.
type Competency struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	From     string    `json:"from"`
	To       string    `json:"to"`
	Elements []Element `json:"elements"`
}

// An Element is one part of a competency, such as "opening the call" within
// creating new opportunities.
type Element struct {
	Name      string     `json:"name"`
	Scenarios []Scenario `json:"scenarios"`
}

// A Scenario is one situation a rep meets inside an element, such as "All
// the King's Men": not every decision maker has been identified. There is a
// finite number of them in any selling process.
type Scenario struct {
	Name     string    `json:"name"`
	Routines []Routine `json:"routines"`
}

// A Routine is what a rep is trained to do in a scenario: named steps.
type Routine struct {
	Name  string   `json:"name"`
	Steps []string `json:"steps"`
}

// A Model is a team's competencies in funnel order.
type Model struct {
	Competencies []Competency `json:"competencies"`
}
