package competency

import (
	"encoding/json"
	"errors"
	"testing"

	"pgregory.net/rapid"
)

func TestGradeString(t *testing.T) {
	tests := []struct {
		name string
		g    Grade
		want string
	}{
		{"zero", Ungraded, "ungraded"},
		{"C", GradeC, "C"},
		{"B", GradeB, "B"},
		{"A", GradeA, "A"},
		{"unknown", Grade(9), "%!Grade(9)"},
		{"negative", Grade(-1), "%!Grade(-1)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.g.String(); got != tt.want {
				t.Errorf("Grade(%d).String() = %q, want %q", int(tt.g), got, tt.want)
			}
		})
	}
}

func TestGradeOrder(t *testing.T) {
	if !(Ungraded < GradeC && GradeC < GradeB && GradeB < GradeA) {
		t.Error("grades do not compare Ungraded < C < B < A")
	}
}

func TestGradeText(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Grade
		wantErr bool
	}{
		{"upper", "A", GradeA, false},
		{"lower", "b", GradeB, false},
		{"ungraded any case", "UnGraded", Ungraded, false},
		{"unknown", "D", 0, true},
		{"empty", "", 0, true},
		{"padded", " A", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var g Grade
			err := g.UnmarshalText([]byte(tt.in))
			if (err != nil) != tt.wantErr || (err == nil && g != tt.want) {
				t.Errorf("UnmarshalText(%q) = %v, %v, want %v, error %v", tt.in, g, err, tt.want, tt.wantErr)
			}
			if err != nil && !errors.Is(err, ErrInvalidEnum) {
				t.Errorf("UnmarshalText(%q) error = %v, want ErrInvalidEnum", tt.in, err)
			}
		})
	}
	if b, err := Grade(7).MarshalText(); err == nil || !errors.Is(err, ErrInvalidEnum) {
		t.Errorf("Grade(7).MarshalText() = %q, %v, want ErrInvalidEnum", b, err)
	}
	b, err := json.Marshal(map[string]Grade{"x": GradeB})
	if err != nil || string(b) != `{"x":"B"}` {
		t.Errorf(`json.Marshal({"x": GradeB}) = %s, %v, want {"x":"B"}`, b, err)
	}
}

func TestGradeTextRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := Grade(rapid.IntRange(int(Ungraded), int(GradeA)).Draw(t, "grade"))
		b, err := g.MarshalText()
		if err != nil {
			t.Fatalf("MarshalText(%v) error = %v", g, err)
		}
		var back Grade
		if err := back.UnmarshalText(b); err != nil || back != g {
			t.Fatalf("UnmarshalText(%q) = %v, %v, want %v", b, back, err, g)
		}
	})
}
