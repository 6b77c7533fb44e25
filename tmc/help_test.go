package tmc

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

func TestPrescribe(t *testing.T) {
	all := Signals{KnowsWhat: true, KnowsHow: true, MeetsStandard: true}
	with := func(s Signals, b Barrier) Signals { s.Barrier = b; return s }
	tests := []struct {
		name string
		s    Signals
		want Prescription
	}{
		{"new rep knows nothing", Signals{}, Prescription{Training, reasonNoWhat}},
		{"knows how but not what", Signals{KnowsHow: true, MeetsStandard: true}, Prescription{Training, reasonNoWhat}},
		{"knows what, not how", Signals{KnowsWhat: true}, Prescription{Mentoring, reasonNoHow}},
		{"knows what, not how, meets standard", Signals{KnowsWhat: true, MeetsStandard: true}, Prescription{Mentoring, reasonNoHow}},
		{"knows both, below standard", Signals{KnowsWhat: true, KnowsHow: true}, Prescription{Coaching, reasonBlockage}},
		{"knows both, meets standard", all, Prescription{Coaching, reasonGrow}},
		{"incorrect thinking at standard", with(all, IncorrectThinking), Prescription{Coaching, reasonThinking}},
		{"incorrect thinking below standard", Signals{KnowsWhat: true, KnowsHow: true, Barrier: IncorrectThinking}, Prescription{Coaching, reasonThinking}},
		// Precedence: each rule beats the ones after it.
		{"misaligned consequences beats everything", with(all, MisalignedConsequences), Prescription{Management, reasonIncentives}},
		{"constraints beat not knowing what", with(Signals{}, Constraints), Prescription{Management, reasonConstraints}},
		{"dont-know beats knowing both (re-training)", with(all, DontKnow), Prescription{Training, reasonDontKnow}},
		{"not knowing what beats incorrect thinking", with(Signals{}, IncorrectThinking), Prescription{Training, reasonNoWhat}},
		{"not knowing how beats incorrect thinking", with(Signals{KnowsWhat: true}, IncorrectThinking), Prescription{Mentoring, reasonNoHow}},
		{"unknown barrier read as none", with(all, Barrier(42)), Prescription{Coaching, reasonGrow}},
		{"negative barrier read as none", with(Signals{KnowsWhat: true}, Barrier(-1)), Prescription{Mentoring, reasonNoHow}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Prescribe(tt.s); got != tt.want {
				t.Errorf("Prescribe(%+v) = %+v, want %+v", tt.s, got, tt.want)
			}
		})
	}
}

// TestMisdirected walks the table of help given against help needed: the
// article's three misdirections, the rest of the table, and the right help.
func TestMisdirected(t *testing.T) {
	needsCoaching := Signals{KnowsWhat: true, KnowsHow: true}
	needsRetraining := Signals{KnowsWhat: true, KnowsHow: true, MeetsStandard: true, Barrier: DontKnow}
	needsTraining := Signals{}
	needsMentoring := Signals{KnowsWhat: true}
	needsManagement := Signals{KnowsWhat: true, KnowsHow: true, Barrier: Constraints}
	tests := []struct {
		name   string
		given  Help
		s      Signals
		needed Help
		want   bool
	}{
		// The article's three.
		{"training when coaching is needed", Training, needsCoaching, Coaching, true},
		{"coaching when re-training is needed", Coaching, needsRetraining, Training, true},
		{"coaching when training is needed (does not know what)", Coaching, needsTraining, Training, true},
		{"mentoring when coaching is needed", Mentoring, needsCoaching, Coaching, true},
		{"mentoring when training is needed", Mentoring, needsTraining, Training, true},
		{"mentoring when management is needed", Mentoring, needsManagement, Management, true},
		// The rest of the table.
		{"training when management is needed", Training, needsManagement, Management, true},
		{"coaching when management is needed", Coaching, needsManagement, Management, true},
		{"management when training is needed", Management, needsTraining, Training, true},
		{"management when mentoring is needed", Management, needsMentoring, Mentoring, true},
		{"management when coaching is needed", Management, needsCoaching, Coaching, true},
		{"training when mentoring is needed", Training, needsMentoring, Mentoring, true},
		{"coaching when mentoring is needed", Coaching, needsMentoring, Mentoring, true},
		{"no help", NoHelp, needsCoaching, Coaching, true},
		{"unknown help", Help(17), needsCoaching, Coaching, true},
		// Right help.
		{"training when training is needed", Training, needsTraining, Training, false},
		{"re-training when re-training is needed", Training, needsRetraining, Training, false},
		{"mentoring when mentoring is needed", Mentoring, needsMentoring, Mentoring, false},
		{"coaching an A player", Coaching, Signals{KnowsWhat: true, KnowsHow: true, MeetsStandard: true}, Coaching, false},
		{"management when management is needed", Management, needsManagement, Management, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Prescribe(tt.s).Help; got != tt.needed {
				t.Errorf("Prescribe(%+v).Help = %v, want %v", tt.s, got, tt.needed)
			}
			if got := Misdirected(tt.given, tt.s); got != tt.want {
				t.Errorf("Misdirected(%v, %+v) = %v, want %v", tt.given, tt.s, got, tt.want)
			}
		})
	}
}

func genSignals(t *rapid.T) Signals {
	return Signals{
		KnowsWhat:     rapid.Bool().Draw(t, "knowsWhat"),
		KnowsHow:      rapid.Bool().Draw(t, "knowsHow"),
		MeetsStandard: rapid.Bool().Draw(t, "meetsStandard"),
		Barrier:       Barrier(rapid.IntRange(-1, 6).Draw(t, "barrier")),
	}
}

func TestPrescribeProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := genSignals(t)
		p := Prescribe(s)
		if p.Help < Training || p.Help > Management {
			t.Fatalf("Prescribe(%+v).Help = %v, want one of the four kinds", s, p.Help)
		}
		if p.Reason == "" {
			t.Fatalf("Prescribe(%+v).Reason is empty", s)
		}
		if s.Barrier.management() && p.Help != Management {
			t.Fatalf("Prescribe(%+v) = %v, want management for a management barrier", s, p.Help)
		}
		if !s.Barrier.management() && p.Help == Management {
			t.Fatalf("Prescribe(%+v) = management without a management barrier", s)
		}
		if Misdirected(p.Help, s) {
			t.Fatalf("Misdirected(Prescribe(%+v).Help) = true", s)
		}
		given := Help(rapid.IntRange(-1, 6).Draw(t, "given"))
		if Misdirected(given, s) != (given != p.Help) {
			t.Fatalf("Misdirected(%v, %+v) = %v, with %v needed", given, s, Misdirected(given, s), p.Help)
		}
	})
}

func TestSignalsValidate(t *testing.T) {
	if err := (Signals{Barrier: Constraints}).Validate(); err != nil {
		t.Errorf("Validate(constraints) = %v, want nil", err)
	}
	if err := (Signals{Barrier: 9}).Validate(); !errors.Is(err, ErrInvalidEnum) {
		t.Errorf("Validate(barrier 9) = %v, want ErrInvalidEnum", err)
	}
}

// textEnum is the method set every enum of this package has.
type textEnum interface {
	~int
	String() string
	valid() bool
	MarshalText() ([]byte, error)
}

// checkEnum checks String, Valid and the text round trip of an enum with n
// declared values 0..n-1.
func checkEnum[E textEnum, P interface {
	*E
	UnmarshalText([]byte) error
}](t *testing.T, typ string, n int) {
	t.Helper()
	seen := map[string]bool{}
	for i := range n {
		v := E(i)
		if !v.valid() {
			t.Errorf("%s(%d).valid() = false, want true", typ, i)
		}
		text, err := v.MarshalText()
		if err != nil {
			t.Fatalf("%s(%d).MarshalText() error %v", typ, i, err)
		}
		if string(text) != v.String() {
			t.Errorf("%s(%d).MarshalText() = %q, want String() %q", typ, i, text, v.String())
		}
		if seen[strings.ToLower(string(text))] {
			t.Errorf("%s(%d) text %q used twice", typ, i, text)
		}
		seen[strings.ToLower(string(text))] = true
		for _, in := range [][]byte{text, bytes.ToUpper(text)} {
			var got E
			if err := P(&got).UnmarshalText(in); err != nil || got != v {
				t.Errorf("%s.UnmarshalText(%q) = %v, %v, want %v", typ, in, got, err, v)
			}
		}
	}
	for _, bad := range []int{-1, n, n + 100} {
		v := E(bad)
		if v.valid() {
			t.Errorf("%s(%d).valid() = true, want false", typ, bad)
		}
		want := "%!" + typ + "(" + strconv.Itoa(bad) + ")"
		if got := v.String(); got != want {
			t.Errorf("%s(%d).String() = %q, want %q", typ, bad, got, want)
		}
		if _, err := v.MarshalText(); !errors.Is(err, ErrInvalidEnum) {
			t.Errorf("%s(%d).MarshalText() error = %v, want ErrInvalidEnum", typ, bad, err)
		}
	}
	for _, in := range []string{"", "bogus", " " + E(0).String(), E(n-1).String() + "x"} {
		got := E(n - 1)
		err := P(&got).UnmarshalText([]byte(in))
		if !errors.Is(err, ErrInvalidEnum) {
			t.Errorf("%s.UnmarshalText(%q) error = %v, want ErrInvalidEnum", typ, in, err)
		}
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Errorf("%s.UnmarshalText(%q) error type %T, want *InputError", typ, in, err)
		}
		if got != E(n-1) {
			t.Errorf("%s.UnmarshalText(%q) changed the value to %v", typ, in, got)
		}
	}
}

func TestEnums(t *testing.T) {
	t.Run("Help", func(t *testing.T) { checkEnum[Help](t, "Help", 5) })
	t.Run("Barrier", func(t *testing.T) { checkEnum[Barrier](t, "Barrier", 5) })
	t.Run("Complexity", func(t *testing.T) { checkEnum[Complexity](t, "Complexity", 4) })
	t.Run("Stage", func(t *testing.T) { checkEnum[Stage](t, "Stage", 6) })
	t.Run("EventKind", func(t *testing.T) { checkEnum[EventKind](t, "EventKind", 14) })
	t.Run("Topic", func(t *testing.T) { checkEnum[Topic](t, "Topic", 10) })
	t.Run("Role", func(t *testing.T) { checkEnum[Role](t, "Role", 4) })
}

// The contract names keep their spelling in text, for CRM payloads.
func TestEnumText(t *testing.T) {
	tests := []struct {
		name string
		v    interface{ String() string }
		want string
	}{
		{"training", Training, "training"},
		{"mentoring", Mentoring, "mentoring"},
		{"coaching", Coaching, "coaching"},
		{"management", Management, "management"},
		{"no help", NoHelp, "none"},
		{"no barrier", NoBarrier, "none"},
		{"dont know", DontKnow, "dont-know"},
		{"incorrect thinking", IncorrectThinking, "incorrect-thinking"},
		{"misaligned consequences", MisalignedConsequences, "misaligned-consequences"},
		{"constraints", Constraints, "constraints"},
		{"review", InReview, "review"},
		{"kpi assignment", KPIAssignment, "kpi-assignment"},
		// Appended, never renumbered: the values stored before keep theirs.
		{"departed keeps its place", EventKind(12), "departed"},
		{"cycle started appended", EventKind(13), "cycle-started"},
		{"peer mentor", Mentor, "mentor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.v.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
		})
	}
}

// FuzzUnmarshalText feeds arbitrary text to every enum's UnmarshalText: no
// panic, and either an ErrInvalidEnum error with the value unchanged, or a
// valid value whose text is the input up to case.
func FuzzUnmarshalText(f *testing.F) {
	// Seed corpus: each enum's names in odd case, near misses, and bytes
	// that are not UTF-8.
	for _, s := range []string{
		"training", "MENTORING", "Coaching", "management", "none",
		"dont-know", "Incorrect-Thinking", "misaligned-consequences", "constraints",
		"transactional", "Complex", "unknown",
		"review", "exited", "unstarted",
		"review-started", "knowledge-gap-found", "departed",
		"kpi-assignment", "forward-plan", "cycle-started", "Mentor", "trainer",
		"", " training", "coaching\x00", "\xff\xfe", "%!Help(9)", "dont_know",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		fuzzEnum[Help](t, text)
		fuzzEnum[Barrier](t, text)
		fuzzEnum[Complexity](t, text)
		fuzzEnum[Stage](t, text)
		fuzzEnum[EventKind](t, text)
		fuzzEnum[Topic](t, text)
		fuzzEnum[Role](t, text)
	})
}

func fuzzEnum[E textEnum, P interface {
	*E
	UnmarshalText([]byte) error
}](t *testing.T, text []byte) {
	v := E(-7)
	err := P(&v).UnmarshalText(text)
	if err != nil {
		if !errors.Is(err, ErrInvalidEnum) {
			t.Fatalf("UnmarshalText(%q) error = %v, want ErrInvalidEnum", text, err)
		}
		if v != E(-7) {
			t.Fatalf("UnmarshalText(%q) failed but changed the value to %v", text, v)
		}
		return
	}
	if !v.valid() {
		t.Fatalf("UnmarshalText(%q) = %v, not a declared value", text, v)
	}
	out, err := v.MarshalText()
	if err != nil || !strings.EqualFold(string(out), string(text)) {
		t.Fatalf("UnmarshalText(%q) = %v, which marshals to %q, %v", text, v, out, err)
	}
}

// valid reports whether h is one of the declared values, NoHelp included.
// Only the tests need it: the package checks a Help through its text.
func (h Help) valid() bool { return h >= NoHelp && h <= Management }

// valid reports whether t is one of the declared values, NoTopic included.
// Only the tests need it: Classify checks topics as it reads them.
func (t Topic) valid() bool { return t >= NoTopic && t <= ForwardPlan }

// management reports whether b is the organisation's to fix rather than
// the rep's: incentives or environment.
func (b Barrier) management() bool { return b == MisalignedConsequences || b == Constraints }
