package grid

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// Every result marshals to JSON with lower_snake_case keys and text enums,
// and reads back to an equal value.
func TestJSONRoundTrip(t *testing.T) {
	a, err := Assess(team(), &Cutoffs{Desire: 0.6})
	if err != nil {
		t.Fatal(err)
	}
	al, err := Allocate(20, a, nil)
	if err != nil {
		t.Fatal(err)
	}
	moves, err := Movements(Assessment{}, a)
	if err != nil {
		t.Fatal(err)
	}
	plan := Plan{{"ana", "gateway", "Earn the proposal", Window{date(2025, time.May, 1), date(2025, time.June, 1)}, "weakest scenario: The prospect asks for a proposal before discovery (2/10 against 60%)"}}
	check := func(name string, in, out any, want string) {
		t.Helper()
		b, err := json.Marshal(in)
		if err != nil {
			t.Fatalf("json.Marshal(%s) error = %v", name, err)
		}
		if want != "" && string(b) != want {
			t.Errorf("json.Marshal(%s) = %s, want %s", name, b, want)
		}
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("json.Unmarshal(%s) error = %v", name, err)
		}
	}
	var a2 Assessment
	check("Assessment", a, &a2, "")
	if diff := cmp.Diff(a, a2); diff != "" {
		t.Errorf("Assessment round trip (-want +got):\n%s", diff)
	}
	var al2 Allocation
	check("Allocation", al, &al2, "")
	if diff := cmp.Diff(al, al2); diff != "" {
		t.Errorf("Allocation round trip (-want +got):\n%s", diff)
	}
	var moves2 []Move
	check("[]Move", moves[:1], &moves2, `[{"rep":"cai","from":"unplaced","to":"striver"}]`)
	var plan2 Plan
	check("Plan", plan, &plan2, `[{"rep":"ana","competency":"gateway","behavior":"Earn the proposal","window":{"start":"2025-05-01T00:00:00Z","end":"2025-06-01T00:00:00Z"},"reason":"weakest scenario: The prospect asks for a proposal before discovery (2/10 against 60%)"}]`)
	if diff := cmp.Diff(plan, plan2); diff != "" {
		t.Errorf("Plan round trip (-want +got):\n%s", diff)
	}
	var s2 Strategy
	check("Strategy", Striver.Strategy(), &s2, "")
	if diff := cmp.Diff(Striver.Strategy(), s2); diff != "" {
		t.Errorf("Strategy round trip (-want +got):\n%s", diff)
	}
	var c Cutoffs
	check("Cutoffs", a.Cutoffs, &c, `{"desire":0.6,"productivity":1}`)
	var m Measures
	check("Measures", Measures{0.5, 1.25, 0.75}, &m, `{"desire":0.5,"productivity":1.25,"competency":0.75}`)
	var sh Share
	check("Share", al.Shares[0], &sh, "")
	if sh != al.Shares[0] {
		t.Errorf("Share round trip = %+v, want %+v", sh, al.Shares[0])
	}
}
