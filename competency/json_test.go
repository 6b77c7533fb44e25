package competency

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"
)

func TestParse(t *testing.T) {
	const routine = `{"name": "r", "steps": ["x"]}`
	const scenario = `{"name": "s", "routines": [` + routine + `]}`
	const element = `{"name": "e", "scenarios": [` + scenario + `]}`
	comp := func(id, from, to string) string {
		return fmt.Sprintf(`{"id": %q, "name": "n", "from": %q, "to": %q, "elements": [%s]}`, id, from, to, element)
	}
	valid := `{"competencies": [` + comp("a", "x", "y") + `, ` + comp("b", "y", "z") + `]}`
	tests := []struct {
		name     string
		in       string
		wantPath string // of the first problem
		wantErr  error
		wantMsg  string // substring of the message, when it matters
		anyPath  bool   // the path depends on where the input was cut
	}{
		{name: "valid", in: valid},
		{name: "valid, with whitespace", in: "\n\t" + valid + "\n\n"},
		{name: "empty input", in: "", wantPath: "", wantErr: ErrSyntax, wantMsg: "unexpected end of JSON"},
		{name: "not JSON", in: "competencies:", wantPath: "", wantErr: ErrSyntax, wantMsg: "malformed JSON"},
		{name: "top level array", in: "[]", wantPath: "", wantErr: ErrSyntax, wantMsg: "want an object, got an array"},
		{name: "top level null", in: "null", wantPath: "", wantErr: ErrSyntax, wantMsg: "want an object, got null"},
		{name: "no competencies", in: `{}`, wantPath: "competencies", wantErr: ErrEmpty},
		{name: "null competencies", in: `{"competencies": null}`, wantPath: "competencies", wantErr: ErrEmpty},
		{name: "unknown top-level field", in: `{"competencies": [], "schema": 1}`, wantPath: "", wantErr: ErrSyntax, wantMsg: `unknown field "schema" (fields are version, competencies)`},
		{name: "version 1", in: `{"version": 1, ` + valid[1:]},
		{name: "version 1 after the competencies", in: valid[:len(valid)-1] + `, "version": 1}`},
		{name: "version 1.0 is 1", in: `{"version": 1.0, ` + valid[1:]},
		{name: "unknown version", in: `{"version": 2, ` + valid[1:], wantPath: "version", wantErr: ErrInvalidEnum, wantMsg: "unknown version 2 (this package reads version 1)"},
		{name: "version 0", in: `{"version": 0, ` + valid[1:], wantPath: "version", wantErr: ErrInvalidEnum, wantMsg: "unknown version 0"},
		// A later version's document may have any shape: the version,
		// written first, is refused before the rest is read.
		{name: "unknown version, other shape", in: `{"version": 2, "competencies": {"new": true}}`, wantPath: "version", wantErr: ErrInvalidEnum},
		{name: "version a string", in: `{"version": "1", ` + valid[1:], wantPath: "version", wantErr: ErrSyntax, wantMsg: "want a number, got a string"},
		{name: "version null", in: `{"version": null, ` + valid[1:], wantPath: "version", wantErr: ErrSyntax, wantMsg: "want a number, got null"},
		{name: "version twice", in: `{"version": 1, "version": 1, ` + valid[1:], wantPath: "", wantErr: ErrSyntax, wantMsg: `field "version" given twice`},
		{name: "field name case matters", in: `{"Competencies": []}`, wantPath: "", wantErr: ErrSyntax, wantMsg: `unknown field "Competencies"`},
		{name: "competencies not an array", in: `{"competencies": {}}`, wantPath: "competencies", wantErr: ErrSyntax, wantMsg: "want an array, got an object"},
		{name: "competency not an object", in: `{"competencies": ["a"]}`, wantPath: "competencies[0]", wantErr: ErrSyntax, wantMsg: "want an object, got a string"},
		{name: "id a number", in: `{"competencies": [{"id": 7}]}`, wantPath: "competencies[0].id", wantErr: ErrSyntax, wantMsg: "want a string, got a number"},
		{name: "name null", in: `{"competencies": [{"name": null}]}`, wantPath: "competencies[0].name", wantErr: ErrSyntax, wantMsg: "got null"},
		{name: "field twice", in: `{"competencies": [{"id": "a", "id": "b"}]}`, wantPath: "competencies[0]", wantErr: ErrSyntax, wantMsg: `field "id" given twice`},
		{name: "unknown nested field",
			in:       `{"competencies": [` + comp("a", "x", "y") + `, {"id": "b", "elements": [{"name": "e", "scenario": []}]}]}`,
			wantPath: "competencies[1].elements[0]", wantErr: ErrSyntax, wantMsg: `unknown field "scenario" (fields are name, scenarios)`},
		{name: "step not a string",
			in:       `{"competencies": [{"elements": [{"scenarios": [{"routines": [{"steps": ["a", true]}]}]}]}]}`,
			wantPath: "competencies[0].elements[0].scenarios[0].routines[0].steps[1]", wantErr: ErrSyntax, wantMsg: "got a boolean"},
		{name: "trailing comma", in: `{"competencies": [{"id": "a",}]}`, wantPath: "competencies[0]", wantErr: ErrSyntax, wantMsg: "malformed JSON"},
		{name: "truncated", in: valid[:len(valid)/2], wantErr: ErrSyntax, wantMsg: "unexpected end of JSON", anyPath: true},
		{name: "second document", in: valid + ` {}`, wantPath: "", wantErr: ErrSyntax, wantMsg: "unexpected data after the model: an object"},
		{name: "trailing garbage", in: valid + ` x`, wantPath: "", wantErr: ErrSyntax, wantMsg: "malformed JSON"},
		{name: "scenario with no routines",
			in: strings.Replace(valid, `"routines": [`+routine+`]`, `"routines": []`, 1),
			// The first scenario of the first competency.
			wantPath: "competencies[0].elements[0].scenarios[0]", wantErr: ErrEmpty, wantMsg: "no routines"},
		{name: "scenario target", in: strings.Replace(valid, `{"name": "s", "routines"`, `{"name": "s", "target": 0.25, "routines"`, 1)},
		{name: "scenario target zero is none", in: strings.Replace(valid, `{"name": "s", "routines"`, `{"name": "s", "target": 0, "routines"`, 1)},
		{name: "scenario target a string", in: strings.Replace(valid, `{"name": "s", "routines"`, `{"name": "s", "target": "25%", "routines"`, 1),
			wantPath: "competencies[0].elements[0].scenarios[0].target", wantErr: ErrSyntax, wantMsg: "want a number, got a string"},
		{name: "scenario target beyond float64", in: strings.Replace(valid, `{"name": "s", "routines"`, `{"name": "s", "target": 1e400, "routines"`, 1),
			wantPath: "competencies[0].elements[0].scenarios[0].target", wantErr: ErrOutOfRange, wantMsg: "1e400 out of range"},
		{name: "scenario target above 1", in: strings.Replace(valid, `{"name": "s", "routines"`, `{"name": "s", "target": 25, "routines"`, 1),
			wantPath: "competencies[0].elements[0].scenarios[0].target", wantErr: ErrOutOfRange, wantMsg: "target 25 outside"},
		{name: "scenario target negative", in: strings.Replace(valid, `{"name": "s", "routines"`, `{"name": "s", "target": -0.1, "routines"`, 1),
			wantPath: "competencies[0].elements[0].scenarios[0].target", wantErr: ErrOutOfRange},
		{name: "routines null", in: strings.Replace(valid, `"routines": [`+routine+`]`, `"routines": null`, 1),
			wantPath: "competencies[0].elements[0].scenarios[0]", wantErr: ErrEmpty, wantMsg: "no routines"},
		{name: "stages out of order", in: `{"competencies": [` + comp("a", "x", "y") + `, ` + comp("b", "x", "z") + `]}`,
			wantPath: "competencies[1]", wantErr: ErrFunnelOrder},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Parse([]byte(tt.in))
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Parse(%q) error = %v, want %v", tt.in, err, tt.wantErr)
			}
			if err == nil {
				if m.Validate() != nil || len(m.Competencies) != 2 {
					t.Errorf("Parse(%q) = %+v, want the two-competency model", tt.in, m)
				}
				return
			}
			if len(m.Competencies) != 0 {
				t.Errorf("Parse(%q) returned a model with an error: %+v", tt.in, m)
			}
			var me *ModelError
			if !errors.As(err, &me) {
				t.Fatalf("Parse(%q) error %v (%T) holds no *ModelError", tt.in, err, err)
			}
			if me.Path != tt.wantPath && !tt.anyPath {
				t.Errorf("Parse(%q) error path = %q, want %q (error %v)", tt.in, me.Path, tt.wantPath, err)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("Parse(%q) error = %q, want it to contain %q", tt.in, err, tt.wantMsg)
			}
			if !strings.HasPrefix(err.Error(), "competency: ") {
				t.Errorf("Parse(%q) error = %q, want the package prefix", tt.in, err)
			}
		})
	}
}

func TestMarshalDefault(t *testing.T) {
	b, err := Marshal(Default())
	if err != nil {
		t.Fatalf("Marshal(Default()) error = %v", err)
	}
	if !strings.Contains(string(b), `"All the King's Men: not every decision maker identified"`) {
		t.Errorf("Marshal(Default()) does not keep the apostrophe readable:\n%s", b)
	}
	got, err := Parse(b)
	if err != nil {
		t.Fatalf("Parse(Marshal(Default())) error = %v", err)
	}
	if diff := cmp.Diff(Default(), got); diff != "" {
		t.Errorf("Parse(Marshal(Default())) mismatch (-want +got):\n%s", diff)
	}
}

func TestMarshalInvalid(t *testing.T) {
	m := Default()
	m.Competencies[0].Elements = nil
	if b, err := Marshal(m); !errors.Is(err, ErrEmpty) || b != nil {
		t.Errorf("Marshal(model with no elements) = %q, %v, want nil, ErrEmpty", b, err)
	}
}

// genName generates a non-blank name of printable text, including
// characters JSON must escape.
func genName() *rapid.Generator[string] {
	return rapid.OneOf(
		rapid.StringMatching(`[a-z][a-z0-9 -]{0,12}`),
		rapid.StringMatching(`[A-Za-z"\\<>&'é✓\t]{1,8}`),
	).Filter(func(s string) bool { return !blank(s) })
}

// genModel generates a valid model.
func genModel() *rapid.Generator[Model] {
	return rapid.Custom(func(t *rapid.T) Model {
		ids := rapid.SliceOfNDistinct(genName(), 1, 4, rapid.ID[string]).Draw(t, "ids")
		stages := rapid.SliceOfNDistinct(genName(), 2*len(ids), 2*len(ids), rapid.ID[string]).Draw(t, "stages")
		var m Model
		next := 0
		for i, id := range ids {
			c := Competency{ID: id, Name: genName().Draw(t, "name")}
			// Either continue from the previous To, or start a new stage.
			if i > 0 && rapid.Bool().Draw(t, "chain") {
				c.From = m.Competencies[i-1].To
			} else {
				c.From = stages[next]
				next++
			}
			c.To = stages[next]
			next++
			for _, en := range rapid.SliceOfNDistinct(genName(), 1, 3, rapid.ID[string]).Draw(t, "elements") {
				e := Element{Name: en}
				for _, sn := range rapid.SliceOfNDistinct(genName(), 1, 3, rapid.ID[string]).Draw(t, "scenarios") {
					s := Scenario{Name: sn}
					if rapid.Bool().Draw(t, "has target") {
						s.Target = rapid.Float64Range(MinTarget, 1).Draw(t, "target")
					}
					for _, rn := range rapid.SliceOfNDistinct(genName(), 1, 2, rapid.ID[string]).Draw(t, "routines") {
						s.Routines = append(s.Routines, Routine{Name: rn, Steps: rapid.SliceOfN(genName(), 1, 3).Draw(t, "steps")})
					}
					e.Scenarios = append(e.Scenarios, s)
				}
				c.Elements = append(c.Elements, e)
			}
			m.Competencies = append(m.Competencies, c)
		}
		return m
	})
}

func TestJSONRoundTripProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := genModel().Draw(t, "model")
		if err := m.Validate(); err != nil {
			t.Fatalf("generated model is invalid: %v", err)
		}
		b, err := Marshal(m)
		if err != nil {
			t.Fatalf("Marshal(%+v) error = %v", m, err)
		}
		got, err := Parse(b)
		if err != nil {
			t.Fatalf("Parse(Marshal(m)) error = %v\n%s", err, b)
		}
		if diff := cmp.Diff(m, got); diff != "" {
			t.Fatalf("Parse(Marshal(m)) mismatch (-want +got):\n%s", diff)
		}
	})
}

// FuzzParse checks that Parse never panics, that it returns either a valid
// model or an error, and that what it accepts round-trips through Marshal.
func FuzzParse(f *testing.F) {
	// Seed corpus: the default model, a minimal valid model, and the shapes
	// of the mistakes a person writing JSON by hand makes.
	b, err := Marshal(Default())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(`{"competencies":[{"id":"a","name":"n","from":"x","to":"y","elements":[{"name":"e","scenarios":[{"name":"s","routines":[{"name":"r","steps":["go"]}]}]}]}]}`))
	f.Add([]byte(`{"competencies":[{"id":"a","id":"a"}]}`))            // repeated field
	f.Add([]byte(`{"competencies":[{"ID":"a"}]}`))                     // wrong case
	f.Add([]byte(`{"competencies":[{"elements":[{"scenarios":1}]}]}`)) // wrong shape
	f.Add([]byte(`{"competencies":null} trailing`))                    // trailing data
	f.Add([]byte(`{"competencies":[{"id":"a",}]}`))                    // trailing comma
	f.Add([]byte(`{"competencies":[{"id":"\ud800"}]}`))                // lone surrogate
	f.Add([]byte(`{"competencies":[{"id":"a","name":"n","from":"x","to":"y","elements":[{"name":"e","scenarios":[{"name":"s","target":0.3,"routines":[{"name":"r","steps":["go"]}]}]}]}]}`))
	f.Add([]byte(`{"competencies":[{"elements":[{"scenarios":[{"target":1e999}]}]}]}`)) // a target beyond float64
	f.Add([]byte(`{"version":1,"competencies":null}`))                                  // the version written first
	f.Add([]byte(`{"version":2,"competencies":{}}`))                                    // a later version
	f.Add([]byte(`{"version":"1"}`))                                                    // a version of the wrong type
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Parse(data)
		if err != nil {
			if len(m.Competencies) != 0 {
				t.Fatalf("Parse(%q) = %+v with error %v, want the zero Model", data, m, err)
			}
			if !strings.HasPrefix(err.Error(), "competency: ") {
				t.Fatalf("Parse(%q) error %q lacks the package prefix", data, err)
			}
			return
		}
		if err := m.Validate(); err != nil {
			t.Fatalf("Parse(%q) returned an invalid model: %v", data, err)
		}
		out, err := Marshal(m)
		if err != nil {
			t.Fatalf("Marshal(Parse(%q)) error = %v", data, err)
		}
		back, err := Parse(out)
		if err != nil {
			t.Fatalf("Parse(Marshal(Parse(%q))) error = %v", data, err)
		}
		if diff := cmp.Diff(m, back, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("round trip of %q mismatch (-want +got):\n%s", data, diff)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	data, err := Marshal(Default())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}
