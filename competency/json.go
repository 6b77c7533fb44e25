package competency

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// modelVersion is the version of the JSON form of a [Model] that [Marshal]
// writes and [Parse] reads. It changes only when a field is renamed or
// removed or changes meaning; added fields keep it. When it changes, Parse
// goes on reading the versions before it.
const modelVersion = 1

// Parse reads a model from JSON, the form [Marshal] writes and a CRM admin
// can write by hand:
//
//	{
//	  "version": 1,
//	  "competencies": [
//	    {
//	      "id": "new-opportunities",
//	      "name": "Creating new opportunities",
//	      "from": "conversation",
//	      "to": "appointment",
//	      "elements": [
//	        {
//	          "name": "Opening the conversation",
//	          "scenarios": [
//	            {
//	              "name": "A gatekeeper screens the call",
//	              "target": 0.25,
//	              "routines": [
//	                {"name": "Enlist the gatekeeper", "steps": ["Give your name and reason in one sentence"]}
//	              ]
//	            }
//	          ]
//	        }
//	      ]
//	    }
//	  ]
//	}
//
// "version" is the version of the form, 1 today. A document without one,
// as an admin may well write it, is read as version 1; a version Parse
// does not know is an error rather than a guess, so a model saved by a
// later release of this package is refused, not misread. [Marshal] writes
// the version first, so Parse meets it before anything it might not
// understand.
//
// Parse is strict, so that a typing mistake is reported rather than
// silently dropped: field names must match exactly (including case), an
// unknown field or a field given twice is an error, every value must have
// the right shape (an array of objects for "competencies", a string for
// "name", a number for a scenario's optional "target"), and nothing may
// follow the model. A list may be null, which reads as empty. The model
// read must then pass [Model.Validate].
//
// A shape problem is a [*ModelError] wrapping [ErrSyntax] (or
// [ErrOutOfRange] for a number beyond float64, such as 1e400, and
// [ErrInvalidEnum] for an unknown version) whose path points
// at the offending value, such as
// `competency: competencies[0].elements[1]: unknown field "scenario"
// (fields are name, scenarios)`;
// validation problems are reported as by [Model.Validate], all of them:
// one as a bare *ModelError, several joined with [errors.Join]. Use
// [errors.As] to reach the (first) *ModelError. On error Parse returns
// the zero Model.
func Parse(data []byte) (Model, error) {
	d := decoder{dec: json.NewDecoder(bytes.NewReader(data))}
	d.dec.UseNumber()
	var m Model
	err := d.object("", func(key, path string) (bool, error) {
		switch key {
		case "version":
			return true, d.version(path)
		case "competencies":
			return true, d.array(path, func(path string) error {
				var c Competency
				err := d.competency(path, &c)
				m.Competencies = append(m.Competencies, c)
				return err
			})
		}
		return false, nil
	}, "version", "competencies")
	if err != nil {
		return Model{}, err
	}
	if t, err := d.dec.Token(); err != io.EOF {
		if err != nil {
			return Model{}, d.syntax("", err)
		}
		return Model{}, &ModelError{Problem: "unexpected data after the model: " + describe(t), Err: ErrSyntax}
	}
	if err := m.Validate(); err != nil {
		return Model{}, err
	}
	return m, nil
}

// Marshal writes m as indented JSON that [Parse] reads back to an equal
// model, starting with its "version" (1; see Parse). It returns
// [Model.Validate]'s error for an invalid model, so a saved model always
// loads. (encoding/json's Marshal writes a Model without the version,
// which Parse reads as version 1.) Strings that are not valid UTF-8 are written
// with U+FFFD in place of each invalid byte, as [encoding/json] does.
func Marshal(m Model) ([]byte, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // "&" and "<" stay readable for the admin who edits the file
	enc.SetIndent("", "  ")
	doc := struct {
		Version      int          `json:"version"`
		Competencies []Competency `json:"competencies"`
	}{modelVersion, m.Competencies}
	if err := enc.Encode(doc); err != nil {
		// Unreachable: a Model holds only strings and slices.
		return nil, fmt.Errorf("competency: marshal: %w", err)
	}
	return b.Bytes(), nil
}

// A decoder walks a JSON document token by token, so that every problem
// can name the path where it occurs.
type decoder struct {
	dec *json.Decoder
}

func (d *decoder) competency(path string, c *Competency) error {
	return d.object(path, func(key, path string) (bool, error) {
		switch key {
		case "id":
			return true, d.str(path, &c.ID)
		case "name":
			return true, d.str(path, &c.Name)
		case "from":
			return true, d.str(path, &c.From)
		case "to":
			return true, d.str(path, &c.To)
		case "elements":
			return true, d.array(path, func(path string) error {
				var e Element
				err := d.element(path, &e)
				c.Elements = append(c.Elements, e)
				return err
			})
		}
		return false, nil
	}, "id", "name", "from", "to", "elements")
}

func (d *decoder) element(path string, e *Element) error {
	return d.object(path, func(key, path string) (bool, error) {
		switch key {
		case "name":
			return true, d.str(path, &e.Name)
		case "scenarios":
			return true, d.array(path, func(path string) error {
				var s Scenario
				err := d.scenario(path, &s)
				e.Scenarios = append(e.Scenarios, s)
				return err
			})
		}
		return false, nil
	}, "name", "scenarios")
}

func (d *decoder) scenario(path string, s *Scenario) error {
	return d.object(path, func(key, path string) (bool, error) {
		switch key {
		case "name":
			return true, d.str(path, &s.Name)
		case "target":
			return true, d.number(path, &s.Target)
		case "routines":
			return true, d.array(path, func(path string) error {
				var r Routine
				err := d.routine(path, &r)
				s.Routines = append(s.Routines, r)
				return err
			})
		}
		return false, nil
	}, "name", "target", "routines")
}

func (d *decoder) routine(path string, r *Routine) error {
	return d.object(path, func(key, path string) (bool, error) {
		switch key {
		case "name":
			return true, d.str(path, &r.Name)
		case "steps":
			return true, d.array(path, func(path string) error {
				var s string
				err := d.str(path, &s)
				r.Steps = append(r.Steps, s)
				return err
			})
		}
		return false, nil
	}, "name", "steps")
}

// version reads the model's version at path and refuses one this package
// does not read. Any number that equals a known version is that version,
// so an admin's 1.0 reads as 1.
func (d *decoder) version(path string) error {
	var v float64
	if err := d.number(path, &v); err != nil {
		return err
	}
	if v != modelVersion {
		return &ModelError{Path: path, Problem: fmt.Sprintf("unknown version %v (this package reads version %d)", v, modelVersion), Err: ErrInvalidEnum}
	}
	return nil
}

// object reads a JSON object at path, calling field for each key with the
// key's path; field reports whether it knows the key, after reading its
// value. known lists the keys for the error message.
func (d *decoder) object(path string, field func(key, path string) (bool, error), known ...string) error {
	t, err := d.dec.Token()
	if err != nil {
		return d.syntax(path, err)
	}
	if t != json.Delim('{') {
		return d.shape(path, "an object", t)
	}
	seen := make(map[string]bool, len(known))
	for d.dec.More() {
		t, err := d.dec.Token()
		if err != nil {
			return d.syntax(path, err)
		}
		key, ok := t.(string)
		if !ok { // unreachable: the decoder refuses anything else in key position
			return d.shape(path, "a field name", t)
		}
		if seen[key] {
			return &ModelError{Path: path, Problem: fmt.Sprintf("field %q given twice", key), Err: ErrSyntax}
		}
		seen[key] = true
		handled, err := field(key, join(path, key))
		if err != nil {
			return err
		}
		if !handled {
			return &ModelError{Path: path, Problem: fmt.Sprintf("unknown field %q (fields are %s)", key, strings.Join(known, ", ")), Err: ErrSyntax}
		}
	}
	if _, err := d.dec.Token(); err != nil { // the closing '}'
		return d.syntax(path, err)
	}
	return nil
}

// array reads a JSON array (or null) at path, calling elem for each item
// with the item's path.
func (d *decoder) array(path string, elem func(path string) error) error {
	t, err := d.dec.Token()
	if err != nil {
		return d.syntax(path, err)
	}
	if t == nil {
		return nil
	}
	if t != json.Delim('[') {
		return d.shape(path, "an array", t)
	}
	for i := 0; d.dec.More(); i++ {
		if err := elem(path + "[" + strconv.Itoa(i) + "]"); err != nil {
			return err
		}
	}
	if _, err := d.dec.Token(); err != nil { // the closing ']'
		return d.syntax(path, err)
	}
	return nil
}

// str reads a JSON string at path into s.
func (d *decoder) str(path string, s *string) error {
	t, err := d.dec.Token()
	if err != nil {
		return d.syntax(path, err)
	}
	v, ok := t.(string)
	if !ok {
		return d.shape(path, "a string", t)
	}
	*s = v
	return nil
}

// number reads a JSON number at path into f. A number too large for a
// float64 is out of range rather than malformed.
func (d *decoder) number(path string, f *float64) error {
	t, err := d.dec.Token()
	if err != nil {
		return d.syntax(path, err)
	}
	n, ok := t.(json.Number)
	if !ok {
		return d.shape(path, "a number", t)
	}
	v, err := strconv.ParseFloat(string(n), 64)
	if err != nil {
		return &ModelError{Path: path, Problem: "number " + string(n) + " out of range", Err: ErrOutOfRange}
	}
	*f = v
	return nil
}

// shape reports a value of the wrong kind.
func (d *decoder) shape(path, want string, got json.Token) error {
	return &ModelError{Path: path, Problem: "want " + want + ", got " + describe(got), Err: ErrSyntax}
}

// syntax reports malformed JSON or a document that ends too early.
func (d *decoder) syntax(path string, err error) error {
	var se *json.SyntaxError
	switch {
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return &ModelError{Path: path, Problem: "unexpected end of JSON", Err: ErrSyntax}
	case errors.As(err, &se):
		return &ModelError{Path: path, Problem: fmt.Sprintf("malformed JSON near byte %d: %s", se.Offset, strings.TrimPrefix(se.Error(), "json: ")), Err: ErrSyntax}
	}
	return &ModelError{Path: path, Problem: "malformed JSON: " + strings.TrimPrefix(err.Error(), "json: "), Err: ErrSyntax}
}

// describe names the kind of a JSON token for an error message.
func describe(t json.Token) string {
	switch v := t.(type) {
	case json.Delim:
		switch v {
		case '{':
			return "an object"
		case '[':
			return "an array"
		}
		return strconv.Quote(v.String())
	case string:
		return "a string"
	case json.Number, float64:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", t)
}

// join appends a field to a path: "competencies[0]" + "id".
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
