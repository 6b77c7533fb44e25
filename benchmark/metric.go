package benchmark

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/salesdev/salesdev/internal/enum"
)

// A Direction says which way a metric improves. The zero value is
// [HigherIsBetter], the common case for rates, counts and amounts.
type Direction int

const (
	// HigherIsBetter marks a metric where more is better: close rate,
	// qualified leads, average deal size, number of calls.
	HigherIsBetter Direction = iota
	// LowerIsBetter marks a metric where less is better: days to close,
	// cost per lead.
	LowerIsBetter
)

var directionNames = [...]string{"higher-is-better", "lower-is-better"}

// String returns "higher-is-better" or "lower-is-better". An unknown value
// prints as a diagnostic such as "%!Direction(7)".
func (d Direction) String() string {
	return enum.String("Direction", directionNames[:], d)
}

// Valid reports whether d is one of the declared directions.
func (d Direction) Valid() bool { return d == HigherIsBetter || d == LowerIsBetter }

// MarshalText implements [encoding.TextMarshaler]. It returns an error for
// an unknown value rather than writing text that cannot be read back.
func (d Direction) MarshalText() ([]byte, error) {
	if !d.Valid() {
		return nil, inputErr("Direction.MarshalText", d.String(), ErrInvalidEnum)
	}
	return []byte(d.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts the
// output of [Direction.String] in any case.
func (d *Direction) UnmarshalText(text []byte) error {
	v, ok := enum.Parse[Direction](directionNames[:], text)
	if ok {
		*d = v
		return nil
	}
	return inputErr("Direction.UnmarshalText", strconv.Quote(string(text)), ErrInvalidEnum)
}

// A Metric names a quantity a sales leader runs: a conversion ratio, a
// count, an amount or a duration. Unit is free text used when printing
// ("%", "calls/week", "days", "USD").
type Metric struct {
	// Name is the metric's name, as a sales leader says it: "close rate",
	// "days to close". It must not be blank.
	Name string `json:"name"`
	// Unit is the metric's unit, free text used when printing: "%",
	// "calls/week", "days", "USD". It may be empty.
	Unit string `json:"unit,omitempty"`
	// Direction says whether a higher or a lower value of the metric is
	// better.
	Direction Direction `json:"direction"`
}

// Validate reports whether m has a name and a known direction.
func (m Metric) Validate() error {
	if strings.TrimSpace(m.Name) == "" {
		return inputErr("Metric.Validate", "name", ErrEmpty)
	}
	if !m.Direction.Valid() {
		return inputErr("Metric.Validate", "direction "+m.Direction.String(), ErrInvalidEnum)
	}
	return nil
}

// String returns the metric's name, followed by its unit in brackets when
// it has one: "days to close [days]".
func (m Metric) String() string {
	if m.Unit == "" {
		return m.Name
	}
	return fmt.Sprintf("%s [%s]", m.Name, m.Unit)
}
