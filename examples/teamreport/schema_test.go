package main

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"maps"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/salesdev/salesdev"
	"github.com/salesdev/salesdev/internal/golden"
)

// The report's JSON Schema, report.schema.json, is made from the Go types
// of the report by reflection, each field described by its doc comment,
// read from the source of its package with go/parser and go/doc. go test
// -update rewrites it; this test fails while the checked-in file differs.
func TestJSONSchemaFile(t *testing.T) {
	got, err := reportSchema()
	if err != nil {
		t.Fatal(err)
	}
	if golden.Update() {
		if err := os.WriteFile(schemaFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs from the schema the report's types make (-file +made); if the change is intended, run go test -update:\n%s", schemaFile, diff)
	}
}

// schemaFile is the checked-in JSON Schema of the report's JSON.
const schemaFile = "report.schema.json"

// modulePath is the module whose packages the report's types come from;
// its root is two directories up from this one.
const modulePath = "github.com/salesdev/salesdev"

// reportSchema returns the JSON Schema (draft 2020-12) of [Report] as the
// checked-in file holds it.
func reportSchema() ([]byte, error) {
	g := &schemaGen{docs: map[string]map[string]typeDocs{}}
	root, err := g.schema(reflect.TypeFor[Report]())
	if err != nil {
		return nil, err
	}
	if err := g.complete(); err != nil {
		return nil, err
	}
	td, err := g.typeDocs(reflect.TypeFor[Report]())
	if err != nil {
		return nil, err
	}
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = "https://github.com/salesdev/salesdev/examples/teamreport/report.schema.json"
	root["title"] = fmt.Sprintf("teamreport -json, schema version %d", SchemaVersion)
	root["description"] = td.doc
	// The version is a constant of this schema.
	root["properties"].(map[string]any)["schema_version"].(map[string]any)["const"] = SchemaVersion
	b, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// typeDocs are the doc comments of a struct type: the type's and each
// field's.
type typeDocs struct {
	doc    string
	fields map[string]string
}

// schemaGen makes schemas from Go types, with the doc comments of each
// package read once.
type schemaGen struct {
	// docs holds each package's struct types' docs, by package path and
	// type name.
	docs map[string]map[string]typeDocs
	// undocumented lists the fields met without a doc comment, which
	// the type's doc does not name either.
	undocumented []string
}

// pkgDir returns the source directory of the package at path: the
// module's packages are under the module's root.
func pkgDir(path string) (string, error) {
	switch {
	case path == modulePath:
		return filepath.Join("..", ".."), nil
	case strings.HasPrefix(path, modulePath+"/"):
		return filepath.Join("..", "..", filepath.FromSlash(strings.TrimPrefix(path, modulePath+"/"))), nil
	}
	return "", fmt.Errorf("package %s is outside the module: no source to read its docs from", path)
}

// typeDocs returns the docs of the struct type t, parsing its package's
// source (without tests) the first time.
func (g *schemaGen) typeDocs(t reflect.Type) (typeDocs, error) {
	path := t.PkgPath()
	if _, ok := g.docs[path]; !ok {
		dir, err := pkgDir(path)
		if err != nil {
			return typeDocs{}, err
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			return typeDocs{}, err
		}
		fset := token.NewFileSet()
		var files []*ast.File
		for _, e := range entries {
			if name := e.Name(); strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") {
				f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ParseComments)
				if err != nil {
					return typeDocs{}, err
				}
				files = append(files, f)
			}
		}
		p, err := doc.NewFromFiles(fset, files, path)
		if err != nil {
			return typeDocs{}, err
		}
		types := map[string]typeDocs{}
		for _, dt := range p.Types {
			for _, spec := range dt.Decl.Specs {
				ts, ok := spec.(*ast.TypeSpec)
				if !ok {
					continue
				}
				st, ok := ts.Type.(*ast.StructType)
				if !ok {
					continue
				}
				types[ts.Name.Name] = typeDocs{doc: clean(dt.Doc), fields: fieldDocs(fset, st)}
			}
		}
		g.docs[path] = types
	}
	td, ok := g.docs[path][t.Name()]
	if !ok {
		return typeDocs{}, fmt.Errorf("%v: no struct type of that name in the source of %s", t, path)
	}
	return td, nil
}

// fieldDocs returns the doc comment of each named field of st: its own
// (above it, or at the end of its line), or else, for a field written in
// a group under one comment (no blank line between them, as gofmt aligns
// them), the group's comment when it names the field, as in
//
//	// Won and Lost count the closed deals.
//	Won  int64
//	Lost int64
//
// A field with neither has no entry.
func fieldDocs(fset *token.FileSet, st *ast.StructType) map[string]string {
	out := map[string]string{}
	var group string
	prevEnd := -1
	for _, f := range st.Fields.List {
		line := fset.Position(f.Pos()).Line
		if f.Doc != nil {
			line = fset.Position(f.Doc.Pos()).Line
		}
		if line != prevEnd+1 {
			group = ""
		}
		prevEnd = fset.Position(f.End()).Line
		own := ""
		switch {
		case f.Doc != nil:
			own = f.Doc.Text()
		case f.Comment != nil:
			own = f.Comment.Text()
		}
		if f.Doc != nil {
			group = f.Doc.Text()
		}
		for _, n := range f.Names {
			switch {
			case own != "":
				out[n.Name] = clean(own)
			case group != "" && strings.Contains(group, n.Name):
				out[n.Name] = clean(group)
			}
		}
	}
	return out
}

// naming returns the sentences of a type's doc that name the field, as
// in the doc of a type whose fields are described together ("Hits of
// Trials …"); "" when none does.
func naming(doc, field string) string {
	word := regexp.MustCompile(`(^|[^\w.])` + regexp.QuoteMeta(field) + `($|[^\w(])`)
	var out []string
	for _, para := range strings.Split(doc, "\n\n") {
		for _, sentence := range sentences(para) {
			if word.MatchString(sentence) {
				out = append(out, sentence)
			}
		}
	}
	return strings.Join(out, " ")
}

// sentences splits a paragraph after each word that ends a sentence (with
// ".", "!" or "?", perhaps in quotes or brackets) when the next word
// starts one (with a capital letter, a digit, a quote or a bracket).
func sentences(para string) []string {
	words := strings.Fields(para)
	var out []string
	start := 0
	for i, w := range words {
		end := strings.TrimRight(w, `")]'”’`)
		if i+1 < len(words) && strings.ContainsAny(end[max(0, len(end)-1):], ".!?") {
			next := []rune(words[i+1])[0]
			if unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune(`"([“‘`, next) {
				out = append(out, strings.Join(words[start:i+1], " "))
				start = i + 1
			}
		}
	}
	if start < len(words) {
		out = append(out, strings.Join(words[start:], " "))
	}
	return out
}

// clean joins a comment's lines into one paragraph per blank line, but
// for list items ("- …"), which start a line of their own.
func clean(s string) string {
	var paras []string
	for p := range strings.SplitSeq(strings.TrimSpace(s), "\n\n") {
		var lines []string
		for l := range strings.SplitSeq(p, "\n") {
			l = strings.Join(strings.Fields(l), " ")
			switch {
			case l == "":
			case len(lines) == 0 || strings.HasPrefix(l, "- "):
				lines = append(lines, l)
			default:
				lines[len(lines)-1] += " " + l
			}
		}
		paras = append(paras, strings.Join(lines, "\n"))
	}
	return strings.Join(paras, "\n\n")
}

var (
	timeType      = reflect.TypeFor[time.Time]()
	jsonMarshaler = reflect.TypeFor[json.Marshaler]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
	reportType    = reflect.TypeFor[Report]()
	repPlanType   = reflect.TypeFor[salesdev.RepPlan]()
)

// repPlanWhy describes the "why" that salesdev.RepPlan's MarshalJSON
// writes: the words of its Why method's doc.
const repPlanWhy = "One paragraph, for the manager, of what the rep needs and why: the help and its reason, the basis of the signals, the focus and why it was chosen, the grade on it and whether the evidence separates the rep from the standard, the competencies clearly below it, and the mentor (salesdev.RepPlan.Why)."

// schema returns the schema of values of type t. A list is an array,
// never null: the report writes its own empty lists as [], and so does
// the plan, whose doc promises it; TestJSONValidates holds both to it.
func (g *schemaGen) schema(t reflect.Type) (map[string]any, error) {
	switch {
	case t == timeType:
		return map[string]any{"type": "string", "format": "date-time"}, nil
	case t == repPlanType:
		// RepPlan writes its fields and, after them, its Why paragraph.
		s, err := g.object(t)
		if err != nil {
			return nil, err
		}
		s["properties"].(map[string]any)["why"] = map[string]any{"type": "string", "description": repPlanWhy}
		s["required"] = append(s["required"].([]string), "why")
		return s, nil
	case t.Implements(jsonMarshaler) || reflect.PointerTo(t).Implements(jsonMarshaler):
		return nil, fmt.Errorf("%v writes its own JSON (MarshalJSON): the generator cannot describe it", t)
	case t.Kind() != reflect.Pointer && (t.Implements(textMarshaler) || reflect.PointerTo(t).Implements(textMarshaler)):
		s := map[string]any{"type": "string"}
		if names := enumNames(t); names != nil {
			s["enum"] = names
		}
		return s, nil
	}
	switch t.Kind() {
	case reflect.Pointer:
		s, err := g.schema(t.Elem())
		if err != nil {
			return nil, err
		}
		return nullable(s), nil
	case reflect.Bool:
		return map[string]any{"type": "boolean"}, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}, nil
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}, nil
	case reflect.String:
		return map[string]any{"type": "string"}, nil
	case reflect.Slice, reflect.Array:
		items, err := g.schema(t.Elem())
		if err != nil {
			return nil, err
		}
		return map[string]any{"type": "array", "items": items}, nil
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			return nil, fmt.Errorf("%v: a map's keys must be strings", t)
		}
		items, err := g.schema(t.Elem())
		if err != nil {
			return nil, err
		}
		return map[string]any{"type": "object", "additionalProperties": items}, nil
	case reflect.Struct:
		return g.object(t)
	}
	return nil, fmt.Errorf("%v: no JSON Schema for kind %v", t, t.Kind())
}

// object returns the schema of the struct type t: every exported field a
// property described by its doc comment, required unless its tag omits
// it when empty, and no other property.
func (g *schemaGen) object(t reflect.Type) (map[string]any, error) {
	td, err := g.typeDocs(t)
	if err != nil {
		return nil, err
	}
	props := map[string]any{}
	required := []string{}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		if f.Anonymous {
			return nil, fmt.Errorf("%v.%s: embedded fields are not described; name the field", t, f.Name)
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		desc := td.fields[f.Name]
		if desc == "" {
			desc = naming(td.doc, f.Name)
		}
		if desc == "" {
			g.undocumented = append(g.undocumented, fmt.Sprintf("%v.%s", t, f.Name))
		}
		s, err := g.schema(f.Type)
		if err != nil {
			return nil, fmt.Errorf("%v.%s: %w", t, f.Name, err)
		}
		s["description"] = desc
		props[name] = s
		omit := slices.ContainsFunc(strings.Split(opts, ","), func(o string) bool { return o == "omitempty" || o == "omitzero" })
		if !omit {
			required = append(required, name)
		}
	}
	return map[string]any{"type": "object", "properties": props, "required": required, "additionalProperties": false}, nil
}

// complete returns an error naming the fields met without a doc comment.
func (g *schemaGen) complete() error {
	if len(g.undocumented) == 0 {
		return nil
	}
	return fmt.Errorf("fields without a doc comment, which their type's doc does not name either (every field of the report's JSON is documented): %s",
		strings.Join(slices.Compact(slices.Sorted(slices.Values(g.undocumented))), ", "))
}

// nullable returns s, which also admits null.
func nullable(s map[string]any) map[string]any {
	s["type"] = []any{s["type"], "null"}
	if e, ok := s["enum"].([]any); ok {
		s["enum"] = append(e, nil)
	}
	return s
}

// enumNames returns the names an integer enum type's MarshalText writes,
// the values it refuses left out; nil for other types.
func enumNames(t reflect.Type) []any {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
	default:
		return nil
	}
	var names []any
	for i := range 256 {
		v := reflect.New(t)
		if v.Elem().CanInt() {
			v.Elem().SetInt(int64(i))
		} else {
			v.Elem().SetUint(uint64(i))
		}
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err == nil {
			names = append(names, string(b))
		}
	}
	return names
}

// validate checks the decoded JSON value v against schema s, the keywords
// the generator writes: type (a name or a list of names), const, enum,
// format date-time, properties, required, additionalProperties (false or
// a schema) and items. It returns a line per violation, at its path.
func validate(s map[string]any, v any, path string) []string {
	var errs []string
	fail := func(format string, args ...any) {
		errs = append(errs, path+": "+fmt.Sprintf(format, args...))
	}
	if typ, ok := s["type"]; ok {
		var types []string
		switch typ := typ.(type) {
		case string:
			types = []string{typ}
		case []any:
			for _, x := range typ {
				types = append(types, x.(string))
			}
		}
		if !slices.ContainsFunc(types, func(name string) bool { return isType(v, name) }) {
			fail("%s is not of type %s", short(v), strings.Join(types, " or "))
			return errs
		}
	}
	if c, ok := s["const"]; ok && v != c {
		fail("%s, want %v", short(v), c)
	}
	if e, ok := s["enum"].([]any); ok && !slices.Contains(e, v) {
		fail("%s is none of %v", short(v), e)
	}
	if s["format"] == "date-time" {
		if str, ok := v.(string); ok {
			if _, err := time.Parse(time.RFC3339, str); err != nil {
				fail("%q is not an RFC 3339 date-time", str)
			}
		}
	}
	switch v := v.(type) {
	case map[string]any:
		props, _ := s["properties"].(map[string]any)
		if req, ok := s["required"].([]any); ok {
			for _, r := range req {
				if _, ok := v[r.(string)]; !ok {
					fail("required property %q is missing", r)
				}
			}
		}
		for _, k := range slices.Sorted(maps.Keys(v)) {
			if ps, ok := props[k]; ok {
				errs = append(errs, validate(ps.(map[string]any), v[k], path+"."+k)...)
				continue
			}
			switch ap := s["additionalProperties"].(type) {
			case bool:
				if !ap {
					fail("property %q is not in the schema", k)
				}
			case map[string]any:
				errs = append(errs, validate(ap, v[k], path+"."+k)...)
			}
		}
	case []any:
		if items, ok := s["items"].(map[string]any); ok {
			for i, x := range v {
				errs = append(errs, validate(items, x, fmt.Sprintf("%s[%d]", path, i))...)
			}
		}
	}
	return errs
}

// isType reports whether the decoded JSON value v is of the JSON Schema
// type name.
func isType(v any, name string) bool {
	switch v := v.(type) {
	case nil:
		return name == "null"
	case bool:
		return name == "boolean"
	case string:
		return name == "string"
	case float64:
		return name == "number" || name == "integer" && v == math.Trunc(v) && !math.IsInf(v, 0)
	case []any:
		return name == "array"
	case map[string]any:
		return name == "object"
	}
	return false
}

// short is v for an error message, cut to 60 bytes.
func short(v any) string {
	b, _ := json.Marshal(v)
	if len(b) > 60 {
		return string(b[:57]) + "…"
	}
	return string(b)
}

// loadSchema reads the checked-in schema.
func loadSchema(t *testing.T) map[string]any {
	t.Helper()
	b, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

// decodeReport returns r's JSON, decoded.
func decodeReport(t *testing.T, r *Report) any {
	t.Helper()
	var b bytes.Buffer
	if err := writeJSON(&b, r); err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// The golden report.json, and the JSON of reports on fixtures with every
// optional input, validate against the checked-in schema.
func TestJSONValidates(t *testing.T) {
	s := loadSchema(t)
	b, err := os.ReadFile(filepath.Join("testdata", "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	var golden any
	if err := json.Unmarshal(b, &golden); err != nil {
		t.Fatal(err)
	}
	docs := map[string]any{"testdata/report.json": golden}
	for name, r := range optionalReports(t) {
		docs[name] = decodeReport(t, r)
	}
	for name, doc := range docs {
		if errs := validate(s, doc, "$"); len(errs) > 0 {
			t.Errorf("%s does not validate against %s:\n%s", name, schemaFile, strings.Join(errs, "\n"))
		}
	}
}

// optionalReports returns reports on fixtures that, between them, give
// every optional input: a stage mapping, a stage history, users, rates,
// a roster, quotas, desire, activities, an as-of day, and deals in
// several currencies with deactivated owners.
func optionalReports(t *testing.T) map[string]*Report {
	t.Helper()
	files := fixtureFiles(t)
	files["roster.csv"] = "sales_agent,manager,regional_office\nAnn Lee,Mia Park,West\nBob Diaz,Mia Park,West\nCara Wu,Ole Berg,East\nDan Moss,Ole Berg,East\n"
	files["quotas.csv"] = "rep,monthly_quota\nAnn Lee,1000\nBob Diaz,800\nCara Wu,900\n"
	files["desire.csv"] = "rep,desire\nAnn Lee,4\nBob Diaz,2\nCara Wu,5\n"
	asOf := time.Date(2023, 6, 30, 0, 0, 0, 0, time.UTC)
	out := map[string]*Report{}
	for name, cfg := range map[string]config{
		"salesforce, every input": {pipeline: "salesforce_opportunities.csv", history: "salesforce_opportunity_history.csv",
			stages: "stages.csv", rates: "rates.csv", roster: "roster.csv", quotas: "quotas.csv", desire: "desire.csv",
			activities: "salesforce_tasks.csv,salesforce_events.csv", report: reportOptions{asOf: asOf}},
		"salesforce, currencies and deactivated owners": {pipeline: "salesforce_data_export.csv", users: "salesforce_users.csv"},
		"hubspot, date entered":                         {pipeline: "hubspot_date_entered.csv", activities: "hubspot_calls.csv,hubspot_meetings.csv"},
	} {
		ds := dataset(t, files, cfg)
		opt := defaults(cfg).report
		opt.asOf = cfg.report.asOf
		r, err := buildReport(ds, opt)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = r
	}
	// The fixtures reach the report's optional parts.
	if r := out["salesforce, currencies and deactivated owners"]; len(r.Currencies) == 0 || len(r.Deactivated) == 0 {
		t.Errorf("no currencies (%d) or deactivated owners (%d) to validate", len(r.Currencies), len(r.Deactivated))
	}
	r := out["salesforce, every input"]
	placed := slices.ContainsFunc(r.Plan.Reps, func(p salesdev.RepPlan) bool { return p.Measures != nil })
	if r.Funnel.Deals.History == 0 || len(r.Funnel.Activities) == 0 || !placed {
		t.Errorf("every input: history %d, activities %d, placed %v", r.Funnel.Deals.History, len(r.Funnel.Activities), placed)
	}
	return out
}

// The generator refuses a field without a doc comment, and the validator
// catches what the schema rules out.
func TestJSONSchemaChecks(t *testing.T) {
	const src = `package main

type undocumented struct {
	// Documented has a doc comment.
	Documented int
	// Won and Lost count deals.
	Won  int
	Lost int
	Trailing int // Trailing has a comment at the end of its line.

	Bare int
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "src.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	st := f.Decls[0].(*ast.GenDecl).Specs[0].(*ast.TypeSpec).Type.(*ast.StructType)
	fields := fieldDocs(fset, st)
	want := map[string]string{"Documented": "Documented has a doc comment.", "Won": "Won and Lost count deals.",
		"Lost": "Won and Lost count deals.", "Trailing": "Trailing has a comment at the end of its line."}
	if !maps.Equal(fields, want) {
		t.Errorf("fieldDocs = %q, want %q", fields, want)
	}
	type undocumented struct {
		Documented, Won, Lost, Trailing, Bare int
	}
	g := &schemaGen{docs: map[string]map[string]typeDocs{reportType.PkgPath(): {"undocumented": {fields: fields}}}}
	if _, err := g.schema(reflect.TypeFor[undocumented]()); err != nil {
		t.Fatal(err)
	}
	if err := g.complete(); err == nil || !strings.Contains(err.Error(), "main.undocumented.Bare") || strings.Contains(err.Error(), "Lost") {
		t.Errorf("the generator described a field without a doc comment: %v", err)
	}
	s := loadSchema(t)
	r := defaultReport(t)
	for _, tt := range []struct {
		name   string
		change func(doc map[string]any)
	}{
		{"missing field", func(d map[string]any) { delete(d, "deals") }},
		{"unknown field", func(d map[string]any) { d["extra"] = 1 }},
		{"wrong type", func(d map[string]any) { d["deals"] = "many" }},
		{"fraction for an integer", func(d map[string]any) { d["deals"] = 1.5 }},
		{"null list", func(d map[string]any) { d["notes"] = nil }},
		{"date, not a time", func(d map[string]any) { d["as_of"] = "2025-12-31" }},
		{"other version", func(d map[string]any) { d["schema_version"] = 2.0 }},
		{"unknown enum name", func(d map[string]any) {
			d["plan"].(map[string]any)["ramp"].(map[string]any)["complexity"] = "simple"
		}},
		{"nested unknown field", func(d map[string]any) {
			d["reps"].([]any)[0].(map[string]any)["nickname"] = "Al"
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := decodeReport(t, r).(map[string]any)
			if errs := validate(s, doc, "$"); len(errs) > 0 {
				t.Fatalf("the unchanged report fails: %v", errs)
			}
			tt.change(doc)
			if errs := validate(s, doc, "$"); len(errs) == 0 {
				t.Error("the changed report validates")
			}
		})
	}
}
