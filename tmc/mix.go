package tmc

import (
	"cmp"
	"slices"
	"strconv"
	"time"
)

// HelpHours are 1:1 hours by the kind of help they were, as [Classify]
// reads each session's topics.
type HelpHours struct {
	// Training is the hours of the sessions that were training.
	Training float64 `json:"training"`
	// Mentoring is the hours of the sessions that were mentoring.
	Mentoring float64 `json:"mentoring"`
	// Coaching is the hours of the sessions that were coaching.
	Coaching float64 `json:"coaching"`
	// Management is the hours of the sessions that were management
	// (results, targets, KPIs).
	Management float64 `json:"management"`
}

// A RepMix is the 1:1 time one rep received in a window: hours by kind of
// help, and the number of sessions.
type RepMix struct {
	// Rep is the rep's ID.
	Rep string `json:"rep"`
	// Hours are the rep's 1:1 hours by the kind of help they were.
	Hours HelpHours `json:"hours"`
	// Sessions is the number of the rep's 1:1 sessions.
	Sessions int `json:"sessions"`
}

// A GiverMix is the 1:1 time one giver gave in one role in a window: hours
// by kind of help, the number of sessions, and two flags, each explained
// in Note:
//
//   - ManagementOnly: a Manager whose 1:1s were all management sessions
//     (results, targets, KPIs): "the managers pass the pressure along to
//     the salespeople without the coaching, ideas and resources to achieve
//     it" ("Sales Management vs Sales Mentorship");
//   - MentorOverreach: a peer Mentor who gave training or coaching: "The
//     role of a Mentor is not to train or coach a sales rep" ("Three Key
//     Areas That Every Sales Organization Must Get Right").
//
// By is "" for sessions whose giver was not recorded; Note says so.
type GiverMix struct {
	// By is who gave the sessions; "" when not recorded.
	By string `json:"by"`
	// Role is the part the giver played: Manager, Mentor or Trainer;
	// UnknownRole when not recorded.
	Role Role `json:"role"`
	// Hours are the giver's 1:1 hours by the kind of help they were.
	Hours HelpHours `json:"hours"`
	// Sessions is the number of the giver's 1:1 sessions.
	Sessions int `json:"sessions"`
	// ManagementOnly reports whether the giver is a Manager whose 1:1s
	// were all management sessions.
	ManagementOnly bool `json:"management_only"`
	// MentorOverreach reports whether the giver is a peer Mentor who gave
	// training or coaching.
	MentorOverreach bool `json:"mentor_overreach"`
	// Note explains the flag set, or says that the giver was not recorded
	// when By is ""; "" otherwise.
	Note string `json:"note"`
}

// A Mix is a team's 1:1 time in a window, per rep and per giver, from
// [SessionMix].
type Mix struct {
	// Reps are the time each rep received, sorted by rep; never nil.
	Reps []RepMix `json:"reps"`
	// Givers are the time each giver gave in each role, sorted by giver
	// and then role; never nil.
	Givers []GiverMix `json:"givers"`
}

// The notes SessionMix writes.
const (
	noteManagementOnly  = `every 1:1 was a management session (results, targets, KPIs): "the managers pass the pressure along to the salespeople without the coaching, ideas and resources to achieve it" ("Sales Management vs Sales Mentorship"); coach and mentor too`
	noteMentorOverreach = `a peer mentor who trained or coached: "The role of a Mentor is not to train or coach a sales rep ... The role of a mentor is to share their knowledge" ("Three Key Areas That Every Sales Organization Must Get Right"); leave training to trainers and coaching to the manager`
	noteUnknownGiver    = "who gave these sessions is not recorded, so they cannot be read by role"
)

// minutes are a mix's counts before they become hours: integer minutes, so
// the sums do not depend on the order of the sessions.
type minutes struct {
	byKind   [Management + 1]int // by Help
	sessions [Management + 1]int
}

func (m *minutes) add(kind Help, min int) {
	m.byKind[kind] += min
	m.sessions[kind]++
}

func (m minutes) hours() HelpHours {
	h := func(k Help) float64 { return float64(m.byKind[k]) / 60 }
	return HelpHours{Training: h(Training), Mentoring: h(Mentoring), Coaching: h(Coaching), Management: h(Management)}
}

func (m minutes) count() int {
	n := 0
	for _, c := range m.sessions {
		n += c
	}
	return n
}

// SessionMix reports who gave which kind of help to whom in the window
// [from, to): per rep, the hours received by kind of help ([Classify] of
// each session's topics); per giver and role, the hours given, with a
// manager whose 1:1s were all management, and a peer mentor who trained or
// coached, flagged and explained (see [GiverMix]). Reps are sorted by
// name, givers by name and then role; a giver who served in two roles has
// a GiverMix for each. Sessions outside the window are skipped, so a
// team's whole log can be passed; a window with no sessions gives an empty
// Mix (empty, non-nil slices).
//
// SessionMix returns an [*InputError] wrapping [ErrEmpty] for a zero from
// or to, [ErrTimeOrder] when to is before from, or the error of
// [Session.Validate] for the first invalid session, whenever it is: a log
// with bad entries is reported, not partly read. It does not modify
// sessions.
func SessionMix(sessions []Session, from, to time.Time) (Mix, error) {
	const fn = "SessionMix"
	switch {
	case from.IsZero():
		return Mix{}, inputErr(fn, "from: zero time", ErrEmpty)
	case to.IsZero():
		return Mix{}, inputErr(fn, "to: zero time", ErrEmpty)
	case to.Before(from):
		return Mix{}, inputErr(fn, "to "+to.Format(time.RFC3339)+" before from "+from.Format(time.RFC3339), ErrTimeOrder)
	}
	type giver struct {
		by   string
		role Role
	}
	reps := map[string]*minutes{}
	givers := map[giver]*minutes{}
	for i, s := range sessions {
		if err := s.Validate(); err != nil {
			return Mix{}, rewrap(fn, "sessions["+strconv.Itoa(i)+"]: ", err)
		}
		if s.At.Before(from) || !s.At.Before(to) {
			continue
		}
		kind, _ := Classify(s.Topics) // valid: checked above
		if reps[s.Rep] == nil {
			reps[s.Rep] = &minutes{}
		}
		reps[s.Rep].add(kind, s.Minutes)
		g := giver{s.By, s.Role}
		if givers[g] == nil {
			givers[g] = &minutes{}
		}
		givers[g].add(kind, s.Minutes)
	}
	mix := Mix{Reps: make([]RepMix, 0, len(reps)), Givers: make([]GiverMix, 0, len(givers))}
	for rep, m := range reps {
		mix.Reps = append(mix.Reps, RepMix{Rep: rep, Hours: m.hours(), Sessions: m.count()})
	}
	for g, m := range givers {
		gm := GiverMix{By: g.by, Role: g.role, Hours: m.hours(), Sessions: m.count()}
		switch {
		case g.by == "":
			gm.Note = noteUnknownGiver
		case g.role == Manager && m.sessions[Management] == gm.Sessions:
			gm.ManagementOnly, gm.Note = true, noteManagementOnly
		case g.role == Mentor && m.sessions[Training]+m.sessions[Coaching] > 0:
			gm.MentorOverreach, gm.Note = true, noteMentorOverreach
		}
		mix.Givers = append(mix.Givers, gm)
	}
	slices.SortFunc(mix.Reps, func(a, b RepMix) int { return cmp.Compare(a.Rep, b.Rep) })
	slices.SortFunc(mix.Givers, func(a, b GiverMix) int {
		return cmp.Or(cmp.Compare(a.By, b.By), cmp.Compare(a.Role, b.Role))
	})
	return mix, nil
}
