package tmc

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"
)

func TestSessionMix(t *testing.T) {
	at := func(d int) time.Time { return time.Date(2025, time.March, d, 9, 0, 0, 0, time.UTC) }
	kpis := []Topic{ResultsReview, KPIAssignment}
	coach := []Topic{Observation, ForwardPlan}
	sessions := []Session{
		// Max only reviews numbers with Dana and Eli.
		{Rep: "dana", At: at(3), Minutes: 30, Topics: kpis, By: "max", Role: Manager},
		{Rep: "eli", At: at(4), Minutes: 45, Topics: kpis, By: "max", Role: Manager},
		// Kim coaches and manages.
		{Rep: "fay", At: at(5), Minutes: 60, Topics: coach, By: "kim", Role: Manager},
		{Rep: "fay", At: at(6), Minutes: 30, Topics: []Topic{TargetSetting}, By: "kim", Role: Manager},
		// Ana mentors Dana, and once coaches her.
		{Rep: "dana", At: at(7), Minutes: 60, Topics: []Topic{PeerInsight}, By: "ana", Role: Mentor},
		{Rep: "dana", At: at(8), Minutes: 90, Topics: coach, By: "ana", Role: Mentor},
		// Cy mentors Eli and stays a mentor.
		{Rep: "eli", At: at(9), Minutes: 60, Topics: []Topic{PeerInsight}, By: "cy", Role: Mentor},
		// The trainer trains; someone unrecorded coaches.
		{Rep: "eli", At: at(10), Minutes: 120, Topics: []Topic{KnowledgeTransfer}, By: "tess", Role: Trainer},
		{Rep: "fay", At: at(11), Minutes: 30, Topics: coach},
		// Lee reviews Gus's results in a coaching session: coaching, so
		// Lee does not only manage.
		{Rep: "gus", At: at(12), Minutes: 60, Topics: []Topic{ResultsReview, Observation, ForwardPlan}, By: "lee", Role: Manager},
		// Outside the window: Max's one coaching session, in April.
		{Rep: "dana", At: time.Date(2025, time.April, 1, 9, 0, 0, 0, time.UTC), Minutes: 60, Topics: coach, By: "max", Role: Manager},
	}
	got, err := SessionMix(sessions, at(1), time.Date(2025, time.April, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	want := Mix{
		Reps: []RepMix{
			{Rep: "dana", Hours: HelpHours{Mentoring: 1, Coaching: 1.5, Management: 0.5}, Sessions: 3},
			{Rep: "eli", Hours: HelpHours{Training: 2, Mentoring: 1, Management: 0.75}, Sessions: 3},
			{Rep: "fay", Hours: HelpHours{Coaching: 1.5, Management: 0.5}, Sessions: 3},
			{Rep: "gus", Hours: HelpHours{Coaching: 1}, Sessions: 1},
		},
		Givers: []GiverMix{
			{By: "", Role: UnknownRole, Hours: HelpHours{Coaching: 0.5}, Sessions: 1, Note: noteUnknownGiver},
			{By: "ana", Role: Mentor, Hours: HelpHours{Mentoring: 1, Coaching: 1.5}, Sessions: 2, MentorOverreach: true, Note: noteMentorOverreach},
			{By: "cy", Role: Mentor, Hours: HelpHours{Mentoring: 1}, Sessions: 1},
			{By: "kim", Role: Manager, Hours: HelpHours{Coaching: 1, Management: 0.5}, Sessions: 2},
			{By: "lee", Role: Manager, Hours: HelpHours{Coaching: 1}, Sessions: 1},
			{By: "max", Role: Manager, Hours: HelpHours{Management: 1.25}, Sessions: 2, ManagementOnly: true, Note: noteManagementOnly},
			{By: "tess", Role: Trainer, Hours: HelpHours{Training: 2}, Sessions: 1},
		},
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
		t.Errorf("SessionMix() mismatch (-want +got):\n%s", diff)
	}
	for _, q := range []string{"pass the pressure along", "Sales Management vs Sales Mentorship"} {
		if !strings.Contains(noteManagementOnly, q) {
			t.Errorf("management-only note lacks %q", q)
		}
	}
	if !strings.Contains(noteMentorOverreach, "not to train or coach") {
		t.Errorf("mentor note lacks the article's words")
	}

	// A mentor who trains is flagged too; a manager in another role is
	// another GiverMix.
	more := []Session{
		{Rep: "gus", At: at(2), Minutes: 30, Topics: []Topic{KnowledgeTransfer}, By: "cy", Role: Mentor},
		{Rep: "gus", At: at(2), Minutes: 30, Topics: []Topic{KnowledgeTransfer}, By: "kim", Role: Trainer},
	}
	got, err = SessionMix(append(sessions, more...), at(1), at(31))
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range got.Givers {
		if g.By == "cy" && !g.MentorOverreach {
			t.Errorf("a mentor who trains is not flagged: %+v", g)
		}
		if g.By == "kim" && g.Role == Trainer && (g.Sessions != 1 || g.ManagementOnly) {
			t.Errorf("kim as a trainer = %+v", g)
		}
	}

	empty, err := SessionMix(nil, at(1), at(1))
	if err != nil || empty.Reps == nil || empty.Givers == nil || len(empty.Reps)+len(empty.Givers) != 0 {
		t.Errorf("SessionMix(nil) = %+v, %v, want an empty mix with non-nil slices", empty, err)
	}
	if data, _ := json.Marshal(empty); string(data) != `{"reps":[],"givers":[]}` {
		t.Errorf("Marshal(empty mix) = %s", data)
	}
}

func TestSessionMixErrors(t *testing.T) {
	at := time.Date(2025, time.March, 3, 9, 0, 0, 0, time.UTC)
	good := Session{Rep: "dana", At: at, Minutes: 30, Topics: []Topic{Practice}, By: "max", Role: Manager}
	tests := []struct {
		name     string
		sessions []Session
		from, to time.Time
		want     error
	}{
		{"zero from", nil, time.Time{}, at, ErrEmpty},
		{"zero to", nil, at, time.Time{}, ErrEmpty},
		{"backwards", nil, at, at.Add(-time.Hour), ErrTimeOrder},
		{"unknown role", []Session{good, {Rep: "dana", At: at, Topics: []Topic{Practice}, Role: 7}}, at, at.Add(time.Hour), ErrInvalidEnum},
		{"bad session outside the window", []Session{good, {Rep: "dana", At: at.AddDate(1, 0, 0), Minutes: -5, Topics: []Topic{Practice}}}, at, at.Add(time.Hour), ErrNegative},
		{"no rep", []Session{{At: at, Topics: []Topic{Practice}}}, at, at.Add(time.Hour), ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SessionMix(tt.sessions, tt.from, tt.to)
			if !errors.Is(err, tt.want) {
				t.Fatalf("SessionMix() = %+v, %v, want %v", got, err, tt.want)
			}
			var ie *InputError
			if !errors.As(err, &ie) || ie.Func != "SessionMix" {
				t.Errorf("SessionMix() error %v (%T), want a *InputError from SessionMix", err, err)
			}
		})
	}
}

// genSession draws a valid session of a small team.
func genSession(t *rapid.T) Session {
	topics := rapid.SliceOfN(rapid.Custom(func(t *rapid.T) Topic {
		return Topic(rapid.IntRange(1, 9).Draw(t, "topic"))
	}), 1, 4).Draw(t, "topics")
	return Session{
		Rep:     rapid.SampledFrom([]string{"dana", "eli", "fay"}).Draw(t, "rep"),
		At:      t0.Add(time.Duration(rapid.IntRange(0, 90*24).Draw(t, "hour")) * time.Hour),
		Minutes: rapid.IntRange(1, 180).Draw(t, "minutes"), // at least a minute, so hours show every session
		Topics:  topics,
		By:      rapid.SampledFrom([]string{"", "max", "ana"}).Draw(t, "by"),
		Role:    Role(rapid.IntRange(0, 3).Draw(t, "role")),
	}
}

// The hours per rep and per giver are two views of the same sessions:
// they add up to the same total; the order of the sessions does not
// matter; and each flag holds exactly when its definition does.
func TestSessionMixProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		sessions := rapid.SliceOfN(rapid.Custom(genSession), 0, 30).Draw(t, "sessions")
		from, to := t0.AddDate(0, 0, 10), t0.AddDate(0, 0, 70)
		mix, err := SessionMix(sessions, from, to)
		if err != nil {
			t.Fatal(err)
		}
		total := func(h HelpHours) float64 { return h.Training + h.Mentoring + h.Coaching + h.Management }
		var byRep, byGiver float64
		var nRep, nGiver int
		for _, r := range mix.Reps {
			byRep += total(r.Hours)
			nRep += r.Sessions
		}
		for _, g := range mix.Givers {
			byGiver += total(g.Hours)
			nGiver += g.Sessions
			developed := g.Hours.Training+g.Hours.Mentoring+g.Hours.Coaching > 0
			if g.ManagementOnly && (g.By == "" || g.Role != Manager || developed) ||
				!g.ManagementOnly && g.By != "" && g.Role == Manager && g.Hours.Management > 0 && !developed {
				t.Fatalf("ManagementOnly wrong for %+v", g)
			}
			if g.MentorOverreach && (g.Role != Mentor || g.By == "") {
				t.Fatalf("MentorOverreach on %+v", g)
			}
			if (g.Note == "") == (g.ManagementOnly || g.MentorOverreach || g.By == "") {
				t.Fatalf("note %q on %+v", g.Note, g)
			}
		}
		inWindow := 0
		for _, s := range sessions {
			if !s.At.Before(from) && s.At.Before(to) {
				inWindow++
			}
		}
		if nRep != inWindow || nGiver != inWindow || byRep-byGiver > 1e-9 || byGiver-byRep > 1e-9 {
			t.Fatalf("reps %d sessions %.3f h, givers %d sessions %.3f h, %d in the window", nRep, byRep, nGiver, byGiver, inWindow)
		}
		rev := make([]Session, len(sessions))
		for i, s := range sessions {
			rev[len(sessions)-1-i] = s
		}
		again, err := SessionMix(rev, from, to)
		if err != nil || !cmp.Equal(mix, again) {
			t.Fatalf("SessionMix depends on the order of sessions: %v", cmp.Diff(mix, again))
		}
	})
}

// FuzzSessionMix decodes a session log from JSON: no panic, and an
// *InputError or a mix whose sessions add up and that marshals.
func FuzzSessionMix(f *testing.F) {
	// Seed corpus: a manager who only manages, a mentor who coaches, a
	// giver without a role, and bad values.
	for _, s := range []string{
		`[{"rep":"dana","at":"2025-03-03T09:00:00Z","minutes":30,"topics":["results-review"],"by":"max","role":"manager"}]`,
		`[{"rep":"dana","at":"2025-03-03T09:00:00Z","minutes":90,"topics":["observation","forward-plan"],"by":"ana","role":"Mentor"}]`,
		`[{"rep":"dana","at":"2025-03-03T09:00:00Z","minutes":60,"topics":["knowledge-transfer"]}]`,
		`[{"rep":"dana","at":"2025-03-03T09:00:00Z","minutes":-1,"topics":["practice"],"role":"coach"}]`,
		`[]`, `null`,
	} {
		f.Add([]byte(s))
	}
	from := time.Date(2025, time.March, 1, 0, 0, 0, 0, time.UTC)
	to := from.AddDate(0, 1, 0)
	f.Fuzz(func(t *testing.T, data []byte) {
		var sessions []Session
		if json.Unmarshal(data, &sessions) != nil {
			return
		}
		mix, err := SessionMix(sessions, from, to)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("SessionMix error %v (%T), want an *InputError", err, err)
			}
			return
		}
		n := 0
		for _, r := range mix.Reps {
			n += r.Sessions
		}
		for _, g := range mix.Givers {
			n -= g.Sessions
		}
		if n != 0 {
			t.Fatalf("SessionMix(%s): rep and giver sessions differ by %d", data, n)
		}
		if _, err := json.Marshal(mix); err != nil {
			t.Fatalf("Marshal: %v", err)
		}
	})
}
