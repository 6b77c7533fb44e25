package competency

import (
	"errors"
	"fmt"
	"iter"
	"math"
	"strings"
)

// A Competency is an essential, controllable, measurable, trainable part of
// the selling process (a definition from outside material on core
// competencies; see the package References). It is measured by a
// conversion ratio: of the items
// that reached funnel stage From, the share that reached stage To
// (conversations that became appointments).
//
// A competency is peeled into Elements; each element is broken into single
// Scenarios, and each scenario has the Routines a rep is trained to run.
type Competency struct {
	// ID identifies the competency, unique within its model: the key of
	// the rates, targets and priors maps ("new-opportunities").
	ID string `json:"id"`
	// Name is the competency's name for people.
	Name string `json:"name"`
	// From is the funnel stage the competency's conversion ratio counts
	// from.
	From string `json:"from"`
	// To is the funnel stage the competency's conversion ratio counts to.
	To string `json:"to"`
	// Elements are the parts the competency is peeled into; a valid
	// competency has at least one.
	Elements []Element `json:"elements"`
}

// An Element is one part of a competency, such as "opening the call" within
// creating new opportunities.
type Element struct {
	// Name is the element's name for people.
	Name string `json:"name"`
	// Scenarios are the situations a rep meets inside the element; a
	// valid element has at least one.
	Scenarios []Scenario `json:"scenarios"`
}

// A Scenario is one situation a rep meets inside an element, such as "All
// the King's Men": not every decision maker has been identified (an
// example from outside material on core competencies, not from the
// article). "Sales leaders understand there are a finite number of
// scenarios in any selling process. If you identify, train to and measure
// each one of them, you are on your way to excellence" ("The Difference
// Between Sales Leaders and Sales Managers").
//
// Target, when set, is the scenario's own benchmark on its raw conversion
// rate, in [MinTarget, 1]; zero means the competency's benchmark applies.
// [Competency.Weakest] measures scenarios against it.
type Scenario struct {
	// Name is the scenario's name for people.
	Name string `json:"name"`
	// Target is the scenario's own benchmark on its raw conversion rate,
	// in [MinTarget, 1]; zero means the competency's benchmark applies.
	Target float64 `json:"target,omitempty"`
	// Routines are what a rep is trained to run in the scenario.
	Routines []Routine `json:"routines"`
}

// A Routine is what a rep is trained to do in a scenario: named steps.
type Routine struct {
	// Name is the routine's name for people.
	Name string `json:"name"`
	// Steps are the routine's steps, in order.
	Steps []string `json:"steps"`
}

// A Model is a team's competencies in funnel order. [Default] is a ready
// one; [Parse] loads a team's own from JSON and [Marshal] saves it;
// [Model.Validate] checks one built in code. A Model holds slices: copy it
// deeply before modifying one that others share.
type Model struct {
	// Competencies are the team's competencies in funnel order.
	Competencies []Competency `json:"competencies"`
}

// Lookup returns the competency with the given ID, and whether there is
// one.
func (m Model) Lookup(id string) (Competency, bool) {
	for _, c := range m.Competencies {
		if c.ID == id {
			return c, true
		}
	}
	return Competency{}, false
}

// Scenarios returns every scenario of the model with its competency, in
// funnel order and then in the order of the elements: the finite list of
// situations a team trains for.
func (m Model) Scenarios() iter.Seq2[Competency, Scenario] {
	return func(yield func(Competency, Scenario) bool) {
		for _, c := range m.Competencies {
			for _, e := range c.Elements {
				for _, s := range e.Scenarios {
					if !yield(c, s) {
						return
					}
				}
			}
		}
	}
}

// Stages returns the funnel the model's competencies measure, top first:
// each competency's From and To stage, with a stage shared by consecutive
// competencies listed once. The default model's stages are conversation,
// appointment, gateway and close. For an invalid model (see
// [Model.Validate]) Stages lists the stages of the competencies that fit
// the funnel and leaves the others out.
func (m Model) Stages() []string {
	stages, _ := m.funnel()
	return stages
}

// funnel builds the stage list and reports, per competency index, why it
// does not fit the funnel.
func (m Model) funnel() ([]string, map[int]*ModelError) {
	var stages []string
	pos := make(map[string]int)
	var bad map[int]*ModelError
	fail := func(i int, problem string) {
		if bad == nil {
			bad = make(map[int]*ModelError)
		}
		bad[i] = &ModelError{Path: fmt.Sprintf("competencies[%d]", i), Problem: problem, Err: ErrFunnelOrder}
	}
	for i, c := range m.Competencies {
		if blank(c.From) || blank(c.To) {
			continue // reported as empty by Validate
		}
		if c.From == c.To {
			fail(i, fmt.Sprintf("from and to are the same stage %q", c.From))
			continue
		}
		if _, ok := pos[c.To]; ok {
			fail(i, fmt.Sprintf("to stage %q is already higher in the funnel", c.To))
			continue
		}
		if n := len(stages); n == 0 || stages[n-1] != c.From {
			if _, ok := pos[c.From]; ok {
				fail(i, fmt.Sprintf("from stage %q is higher in the funnel than the stage before it, %q", c.From, stages[n-1]))
				continue
			}
			pos[c.From] = len(stages)
			stages = append(stages, c.From)
		}
		pos[c.To] = len(stages)
		stages = append(stages, c.To)
	}
	return stages, bad
}

// Validate reports every problem in m, not just the first: a model with no
// competencies; an empty or duplicate competency ID; an empty name or
// stage; competencies whose stages do not form one funnel, top to bottom
// in the order given (each From above its To, each competency below the one
// before it); a competency with no element, an element with no scenario, a
// scenario with no routine, a routine with no step; an empty or duplicate
// name among an element's scenarios (and likewise for elements and
// routines); a scenario target that is not zero and not in
// [MinTarget, 1]. Names and IDs made only of spaces count as empty.
//
// Validate returns nil for a valid model. Otherwise each problem is a
// [*ModelError] naming its path, such as
// "competencies[1].elements[0].scenarios[2]: no routines". A single
// problem comes back as that *ModelError itself; several come joined with
// [errors.Join], in the order of the model. Use [errors.Is] with
// [ErrEmpty], [ErrDuplicate], [ErrFunnelOrder], [ErrOutOfRange] or
// [ErrNotFinite] to branch, and
// [errors.As] to reach the (first) *ModelError whichever form it takes.
func (m Model) Validate() error {
	var errs []error
	add := func(path, problem string, err error) {
		errs = append(errs, &ModelError{Path: path, Problem: problem, Err: err})
	}
	if len(m.Competencies) == 0 {
		add("competencies", "no competencies", ErrEmpty)
		return joinProblems(errs)
	}
	_, order := m.funnel()
	ids := make(map[string]int, len(m.Competencies))
	for i, c := range m.Competencies {
		p := fmt.Sprintf("competencies[%d]", i)
		if blank(c.ID) {
			add(p+".id", "no id", ErrEmpty)
		} else if j, ok := ids[c.ID]; ok {
			add(p+".id", fmt.Sprintf("duplicate id %q (also competencies[%d])", c.ID, j), ErrDuplicate)
		} else {
			ids[c.ID] = i
		}
		if blank(c.Name) {
			add(p+".name", "no name", ErrEmpty)
		}
		if blank(c.From) {
			add(p+".from", "no from stage", ErrEmpty)
		}
		if blank(c.To) {
			add(p+".to", "no to stage", ErrEmpty)
		}
		if e := order[i]; e != nil {
			errs = append(errs, e)
		}
		if len(c.Elements) == 0 {
			add(p, "no elements", ErrEmpty)
		}
		names := make(map[string]int)
		for j, e := range c.Elements {
			ep := fmt.Sprintf("%s.elements[%d]", p, j)
			checkName(add, names, ep, "elements", p, j, e.Name)
			if len(e.Scenarios) == 0 {
				add(ep, "no scenarios", ErrEmpty)
			}
			snames := make(map[string]int)
			for k, s := range e.Scenarios {
				sp := fmt.Sprintf("%s.scenarios[%d]", ep, k)
				checkName(add, snames, sp, "scenarios", ep, k, s.Name)
				switch t := s.Target; {
				case math.IsNaN(t) || math.IsInf(t, 0):
					add(sp+".target", fmt.Sprintf("target %v", t), ErrNotFinite)
				case t != 0 && (t < MinTarget || t > 1):
					add(sp+".target", fmt.Sprintf("target %v outside [1e-9, 1]", t), ErrOutOfRange)
				}
				if len(s.Routines) == 0 {
					add(sp, "no routines", ErrEmpty)
				}
				rnames := make(map[string]int)
				for l, r := range s.Routines {
					rp := fmt.Sprintf("%s.routines[%d]", sp, l)
					checkName(add, rnames, rp, "routines", sp, l, r.Name)
					if len(r.Steps) == 0 {
						add(rp, "no steps", ErrEmpty)
					}
					for n, step := range r.Steps {
						if blank(step) {
							add(fmt.Sprintf("%s.steps[%d]", rp, n), "empty step", ErrEmpty)
						}
					}
				}
			}
		}
	}
	return joinProblems(errs)
}

// joinProblems returns nil for no problems, the problem itself for one,
// and several joined with errors.Join, so that the common single problem
// is a bare *ModelError.
func joinProblems(errs []error) error {
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	return errors.Join(errs...)
}

// checkName reports an empty name at path, or one already used by an
// earlier sibling in the list called list under parent.
func checkName(add func(path, problem string, err error), seen map[string]int, path, list, parent string, i int, name string) {
	if blank(name) {
		add(path+".name", "no name", ErrEmpty)
		return
	}
	if j, ok := seen[name]; ok {
		add(path+".name", fmt.Sprintf("duplicate name %q (also %s.%s[%d])", name, parent, list, j), ErrDuplicate)
		return
	}
	seen[name] = i
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// Routines returns the routines of all the competency's scenarios, element
// by element and scenario by scenario: everything a rep trains to on it.
func (c Competency) Routines() iter.Seq[Routine] {
	return func(yield func(Routine) bool) {
		for _, e := range c.Elements {
			for _, s := range e.Scenarios {
				for _, r := range s.Routines {
					if !yield(r) {
						return
					}
				}
			}
		}
	}
}

// Scenarios returns the competency's scenarios with the element each
// belongs to, in order.
func (c Competency) Scenarios() iter.Seq2[Element, Scenario] {
	return func(yield func(Element, Scenario) bool) {
		for _, e := range c.Elements {
			for _, s := range e.Scenarios {
				if !yield(e, s) {
					return
				}
			}
		}
	}
}
