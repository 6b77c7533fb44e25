package tmc

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		name    string
		topics  []Topic
		want    Help
		wantErr error
	}{
		// ASLAN's "review and assign KPIs" meeting.
		{"aslan kpi meeting", []Topic{ResultsReview, TargetSetting, KPIAssignment}, Management, nil},
		// Before, any results review made the whole session management.
		{"coaching that reviews the results", []Topic{Observation, Practice, BlockageExploration, ForwardPlan, ResultsReview}, Coaching, nil},
		{"kpi meeting with a forward plan", []Topic{ResultsReview, KPIAssignment, ForwardPlan}, Coaching, nil},
		{"results and peer insight", []Topic{ResultsReview, PeerInsight}, Mentoring, nil},
		{"results, peer insight and practice", []Topic{Practice, ResultsReview, PeerInsight}, Mentoring, nil},
		{"target setting alone", []Topic{TargetSetting}, Management, nil},
		{"knowledge transfer", []Topic{KnowledgeTransfer}, Training, nil},
		{"telling is not coaching", []Topic{Observation, KnowledgeTransfer}, Training, nil},
		{"targets with training", []Topic{KnowledgeTransfer, KPIAssignment}, Training, nil},
		{"management only", []Topic{KPIAssignment, ResultsReview, KPIAssignment}, Management, nil},
		{"bad topic after management", []Topic{ResultsReview, Topic(42)}, NoHelp, ErrInvalidEnum},
		{"peer insight", []Topic{PeerInsight}, Mentoring, nil},
		{"peer insight with practice", []Topic{Practice, PeerInsight}, Mentoring, nil},
		{"training beats mentoring", []Topic{PeerInsight, KnowledgeTransfer}, Training, nil},
		{"observation", []Topic{Observation}, Coaching, nil},
		{"full coaching session", []Topic{Observation, Practice, BlockageExploration, ForwardPlan}, Coaching, nil},
		{"repeated topic", []Topic{ForwardPlan, ForwardPlan}, Coaching, nil},
		{"no topics", nil, NoHelp, ErrEmpty},
		{"no topic", []Topic{Observation, NoTopic}, NoHelp, ErrInvalidEnum},
		{"unknown topic", []Topic{Topic(42)}, NoHelp, ErrInvalidEnum},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Classify(tt.topics)
			if got != tt.want || !errors.Is(err, tt.wantErr) || (err == nil) != (tt.wantErr == nil) {
				t.Errorf("Classify(%v) = %v, %v, want %v, %v", tt.topics, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

// The order of topics never changes the kind of a session; a session is
// management exactly when all its topics are; a management topic added to
// a session with a developmental topic changes nothing; and a
// developmental topic added never makes a session more of a coaching
// session.
func TestClassifyProperties(t *testing.T) {
	rank := map[Help]int{Coaching: 0, Mentoring: 1, Training: 2}
	rapid.Check(t, func(t *rapid.T) {
		topics := rapid.SliceOfN(rapid.Custom(func(t *rapid.T) Topic {
			return Topic(rapid.IntRange(1, 9).Draw(t, "topic"))
		}), 1, 8).Draw(t, "topics")
		h, err := Classify(topics)
		if err != nil {
			t.Fatalf("Classify(%v): %v", topics, err)
		}
		rev := make([]Topic, len(topics))
		for i, tp := range topics {
			rev[len(topics)-1-i] = tp
		}
		if h2, _ := Classify(rev); h2 != h {
			t.Fatalf("Classify(%v) = %v but Classify(%v) = %v", topics, h, rev, h2)
		}
		onlyManagement := true
		for _, tp := range topics {
			onlyManagement = onlyManagement && tp.help() == Management
			if h == Coaching && tp.help() != Coaching && tp.help() != Management {
				t.Fatalf("Classify(%v) = coaching despite %v", topics, tp)
			}
		}
		if (h == Management) != onlyManagement {
			t.Fatalf("Classify(%v) = %v", topics, h)
		}
		extra := Topic(rapid.IntRange(1, 9).Draw(t, "extra"))
		h3, _ := Classify(append(slices.Clone(topics), extra))
		switch {
		case h == Management && h3 != extra.help():
			t.Fatalf("adding %v to management-only %v gave %v, want %v", extra, topics, h3, extra.help())
		case h != Management && extra.help() == Management && h3 != h:
			t.Fatalf("adding %v to %v turned %v into %v", extra, topics, h, h3)
		case h != Management && rank[h3] < rank[h]:
			t.Fatalf("adding %v to %v turned %v into %v", extra, topics, h, h3)
		}
	})
}

func TestSessionValidate(t *testing.T) {
	ok := Session{Rep: "Dana", At: t0, Minutes: 60, Topics: []Topic{Observation}}
	tests := []struct {
		name string
		edit func(*Session)
		want error
	}{
		{"good", func(*Session) {}, nil},
		{"zero minutes", func(s *Session) { s.Minutes = 0 }, nil},
		{"a full day", func(s *Session) { s.Minutes = 1440 }, nil},
		{"negative minutes", func(s *Session) { s.Minutes = -30 }, ErrNegative},
		{"longer than a day", func(s *Session) { s.Minutes = 1441 }, ErrOutOfRange},
		{"no rep", func(s *Session) { s.Rep = "" }, ErrEmpty},
		{"zero time", func(s *Session) { s.At = time.Time{} }, ErrEmpty},
		{"no topics", func(s *Session) { s.Topics = nil }, ErrEmpty},
		{"bad topic", func(s *Session) { s.Topics = []Topic{99} }, ErrInvalidEnum},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ok
			tt.edit(&s)
			if err := s.Validate(); !errors.Is(err, tt.want) || (err == nil) != (tt.want == nil) {
				t.Errorf("Validate(%+v) = %v, want %v", s, err, tt.want)
			}
		})
	}
}

func TestCoachingHours(t *testing.T) {
	at := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 10, 0, 0, 0, time.UTC) }
	coach := []Topic{Observation, ForwardPlan}
	log := []Session{
		{Rep: "Dana", At: at(2024, time.December, 31), Minutes: 600, Topics: coach}, // before the window
		{Rep: "Dana", At: at(2025, time.January, 2), Minutes: 100, Topics: coach},
		{Rep: "Dana", At: at(2025, time.January, 20), Minutes: 80, Topics: coach}, // 180 min: exactly 3 h
		{Rep: "Dana", At: at(2025, time.January, 21), Minutes: 45, Topics: []Topic{PeerInsight}},
		{Rep: "Lee", At: at(2025, time.February, 3), Minutes: 240, Topics: coach},                                       // another rep
		{Rep: "Dana", At: at(2025, time.February, 3), Minutes: 179, Topics: coach},                                      // one minute short
		{Rep: "Dana", At: at(2025, time.February, 4), Minutes: 90, Topics: []Topic{ResultsReview, KPIAssignment}},       // management only
		{Rep: "Dana", At: at(2025, time.March, 1), Minutes: 180, Topics: []Topic{ResultsReview, Practice, ForwardPlan}}, // coaching that reviews results
		{Rep: "Dana", At: at(2025, time.April, 1), Minutes: 30, Topics: coach},                                          // after the window
	}
	got, err := CoachingHours("Dana", log, at(2025, time.January, 15), at(2025, time.March, 1))
	if err != nil {
		t.Fatal(err)
	}
	// Hand-derived from the log above.
	want := []CoachingMonth{
		{Year: 2025, Month: time.January, CoachingHours: 3, CoachingSessions: 2, OtherHours: 0.75, OtherSessions: 1, MeetsCadence: true},
		{Year: 2025, Month: time.February, CoachingHours: 179.0 / 60, CoachingSessions: 1, OtherHours: 1.5, OtherSessions: 1, MeetsCadence: false},
		{Year: 2025, Month: time.March, CoachingHours: 3, CoachingSessions: 1, MeetsCadence: true},
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
		t.Errorf("CoachingHours mismatch (-want +got):\n%s", diff)
	}
	if _, err := json.Marshal(got); err != nil {
		t.Errorf("Marshal(CoachingHours) = %v", err)
	}
}

func TestCoachingHoursErrors(t *testing.T) {
	good := []Session{{Rep: "Dana", At: t0, Minutes: 60, Topics: []Topic{Practice}}}
	tests := []struct {
		name     string
		rep      string
		sessions []Session
		from, to time.Time
		want     error
	}{
		{"no rep", "", good, t0, t0, ErrEmpty},
		{"to before from", "Dana", good, t0, t0.AddDate(0, -1, 0), ErrTimeOrder},
		{"a century and a month", "Dana", good, t0, t0.AddDate(100, 0, 0), ErrOutOfRange},
		{"negative minutes in another rep's session", "Dana", append(good, Session{Rep: "Lee", At: t0, Minutes: -5, Topics: []Topic{Practice}}), t0, t0, ErrNegative},
		{"bad topic", "Dana", []Session{{Rep: "Dana", At: t0, Minutes: 5, Topics: []Topic{NoTopic}}}, t0, t0, ErrInvalidEnum},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CoachingHours(tt.rep, tt.sessions, tt.from, tt.to)
			if !errors.Is(err, tt.want) || got != nil {
				t.Errorf("CoachingHours(%q) = %v, %v, want nil, %v", tt.rep, got, err, tt.want)
			}
		})
	}
	// Same-month range, and no sessions at all: one empty month, not an error.
	got, err := CoachingHours("Dana", nil, t0, t0)
	if err != nil || len(got) != 1 || got[0].MeetsCadence {
		t.Errorf("CoachingHours(no sessions) = %v, %v, want one month below cadence", got, err)
	}
}

// Months are calendar months in each time's own location, also before
// year 1, where integer division would round the wrong way.
func TestCoachingHoursMonths(t *testing.T) {
	tokyo := time.FixedZone("JST", 9*3600)
	// 2025-01-31 20:00 UTC is 2025-02-01 05:00 in Tokyo.
	s := Session{Rep: "Dana", At: time.Date(2025, time.January, 31, 20, 0, 0, 0, time.UTC).In(tokyo), Minutes: 200, Topics: []Topic{Practice}}
	got, err := CoachingHours("Dana", []Session{s}, time.Date(2025, time.January, 1, 0, 0, 0, 0, tokyo), time.Date(2025, time.February, 1, 0, 0, 0, 0, tokyo))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].CoachingSessions != 0 || got[1].CoachingSessions != 1 || !got[1].MeetsCadence {
		t.Errorf("CoachingHours in Tokyo = %+v, want the session in February", got)
	}
	bc := time.Date(-1, time.November, 10, 0, 0, 0, 0, time.UTC)
	got, err = CoachingHours("Dana", []Session{{Rep: "Dana", At: bc, Minutes: 60, Topics: []Topic{Practice}}}, bc, bc.AddDate(0, 3, 0))
	if err != nil {
		t.Fatal(err)
	}
	var months []string
	for _, m := range got {
		months = append(months, time.Date(m.Year, m.Month, 1, 0, 0, 0, 0, time.UTC).Format("2006-01"))
	}
	if diff := cmp.Diff([]string{"-0001-11", "-0001-12", "0000-01", "0000-02"}, months); diff != "" {
		t.Errorf("months before year 1 (-want +got):\n%s", diff)
	}
	if got[0].CoachingSessions != 1 {
		t.Errorf("CoachingHours(-0001-11) sessions = %d, want 1", got[0].CoachingSessions)
	}
}

// FuzzClassify decodes arbitrary session JSON and classifies it: no panic,
// and either an error or a kind that agrees with the topics.
func FuzzClassify(f *testing.F) {
	// Seed corpus: ASLAN's KPI meeting, a coaching session, bad topic text,
	// a negative duration.
	for _, s := range []string{
		`{"rep":"Dana","at":"2025-03-03T09:00:00Z","minutes":60,"topics":["results-review","kpi-assignment"]}`,
		`{"rep":"Dana","at":"2025-03-03T09:00:00Z","minutes":90,"topics":["observation","Blockage-Exploration","forward-plan"]}`,
		`{"rep":"Dana","at":"2025-03-03T09:00:00Z","minutes":30,"topics":["gossip"]}`,
		`{"rep":"Dana","at":"2025-03-03T09:00:00Z","minutes":-30,"topics":["practice"]}`,
		`{"rep":"","topics":[]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var s Session
		if err := json.Unmarshal(data, &s); err != nil {
			return
		}
		h, err := Classify(s.Topics)
		if err != nil {
			if h != NoHelp {
				t.Fatalf("Classify(%v) = %v with error %v", s.Topics, h, err)
			}
			return
		}
		manag := true
		for _, tp := range s.Topics {
			manag = manag && tp.help() == Management
		}
		if manag != (h == Management) {
			t.Fatalf("Classify(%v) = %v", s.Topics, h)
		}
		if err := s.Validate(); err != nil {
			return
		}
		months, err := CoachingHours(s.Rep, []Session{s}, s.At, s.At)
		if err != nil || len(months) != 1 {
			t.Fatalf("CoachingHours(valid session %+v) = %v, %v", s, months, err)
		}
		if got := months[0].CoachingHours + months[0].OtherHours; got*60 < float64(s.Minutes)-1e-9 || got*60 > float64(s.Minutes)+1e-9 {
			t.Fatalf("CoachingHours(%+v) counted %v h, want %d min", s, got, s.Minutes)
		}
	})
}
