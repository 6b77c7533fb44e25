package crm

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/salesdev/salesdev/examples/teamreport/internal/csvin"
)

// ReadStages reads a stage mapping file:
//
//	stage,outcome
//	Closed: abandoned,lost
//	Cerrada ganada,won
//	Test pipeline,ignore
//
// outcome is open, won, lost or ignore. Labels are matched by
// [csvin.Key] (case, spaces and punctuation do not matter); a label
// listed twice is an error. The result is for [Options.Stages]; the
// file may also give each stage's order and step ([ReadMapping]).
func ReadStages(r io.Reader, name string) (map[string]Outcome, error) {
	m, err := ReadMapping(r, name)
	return m.Outcomes, err
}

// ReadUsers reads a users file that maps owner IDs to names, such as a
// Salesforce User export (Id, Name, IsActive) or HubSpot's owners
// (id, name or First Name and Last Name, active). An optional active
// column marks deactivated users.
func ReadUsers(r io.Reader, name string) (map[string]User, error) {
	rd, err := csvin.NewReader(r, name, nil)
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	iid, err := rd.MustColumn("Id", "User ID", "Owner ID", "OwnerId", "hubspot_owner_id")
	if err != nil {
		return nil, err
	}
	iname, err := rd.Column("Name", "Full Name", "Owner Name")
	if err != nil {
		return nil, err
	}
	ifirst, err1 := rd.Column("First Name", "FirstName")
	ilast, err2 := rd.Column("Last Name", "LastName")
	iact, err3 := rd.Column("IsActive", "Active")
	for _, e := range []error{err1, err2, err3} {
		if e != nil {
			return nil, e
		}
	}
	if iname < 0 && ilast < 0 {
		_, err := rd.MustColumn("Name")
		return nil, err
	}
	out := map[string]User{}
	err = forEach(rd, &Options{}, func() error {
		id := rd.Field(iid)
		if id == "" {
			return rd.Fail(iid, csvin.ErrMissingValue)
		}
		n := rd.Field(iname)
		if iname < 0 {
			n = strings.TrimSpace(rd.Field(ifirst) + " " + rd.Field(ilast))
		}
		if n == "" {
			return rd.Fail(max(iname, ilast), csvin.ErrMissingValue)
		}
		u := User{Name: csvin.Clean(n), Active: true}
		if a := rd.Field(iact); a != "" {
			v, err := csvin.ParseBool(a)
			if err != nil {
				return rd.Fail(iact, err)
			}
			u.Active = v
		}
		if _, dup := out[id]; dup {
			return rd.Fail(iid, fmt.Errorf("user %q listed twice", csvin.Clean(id)))
		}
		out[strings.Clone(id)] = u
		return nil
	})
	return out, err
}

// ReadRates reads a rates file, currency,rate: one unit of currency is
// rate units of the report's currency (the report's own currency has
// rate 1). Rates must be above 0 and at most 10⁹ (this report's bound: a
// larger rate is a typing error); a decimal comma is read as a point.
func ReadRates(r io.Reader, name string) (map[string]float64, error) {
	rd, err := csvin.NewReader(r, name, nil)
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	ic, err := rd.MustColumn("currency", "CurrencyIsoCode", "IsoCode", "code")
	if err != nil {
		return nil, err
	}
	ir, err := rd.MustColumn("rate", "per_unit")
	if err != nil {
		return nil, err
	}
	out := map[string]float64{}
	err = forEach(rd, &Options{}, func() error {
		c := strings.ToUpper(rd.Field(ic))
		if c == "" {
			return rd.Fail(ic, csvin.ErrMissingValue)
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(rd.Field(ir), ",", "."), 64)
		if err != nil || !(v > 0) || v > 1e9 {
			return rd.Fail(ir, fmt.Errorf("rate %q: want a number > 0", csvin.Clean(rd.Field(ir))))
		}
		if _, dup := out[c]; dup {
			return rd.Fail(ic, fmt.Errorf("currency %q listed twice", csvin.Clean(c)))
		}
		out[strings.Clone(csvin.Clean(c))] = v
		return nil
	})
	return out, err
}
