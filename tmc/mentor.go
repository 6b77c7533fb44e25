package tmc

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/salesdev/salesdev/competency"
)

// A Rep is a rep looking for a mentor, with their manager. Manager may be
// empty when it is not known.
type Rep struct {
	// Rep is the rep's ID.
	Rep string `json:"rep"`
	// Manager is the rep's manager; "" when not known.
	Manager string `json:"manager"`
}

// A Peer is a possible mentor: a rep with their manager, their
// [competency.Score] on the competency being matched, and how many mentees
// they already have.
type Peer struct {
	// Rep is the peer's ID.
	Rep string `json:"rep"`
	// Manager is the peer's manager.
	Manager string `json:"manager"`
	// Score is the peer's score on the competency being matched.
	Score competency.Score `json:"score"`
	// Mentees is how many mentees the peer already has.
	Mentees int `json:"mentees"`
}

// A Pair is a rep and the mentor [AssignMentors] gave them.
type Pair struct {
	// Rep is the mentee's ID.
	Rep string `json:"rep"`
	// Mentor is the ID of the peer given to them as mentor.
	Mentor string `json:"mentor"`
}

// checkPeers validates the common arguments of Mentors and AssignMentors.
func checkPeers(fn, id string, peers []Peer, maxMentees int) error {
	if id == "" {
		return inputErr(fn, "competency", ErrEmpty)
	}
	if maxMentees < 1 {
		return inputErr(fn, "maxMentees = "+strconv.Itoa(maxMentees)+" < 1", ErrOutOfRange)
	}
	if len(peers) == 0 {
		return inputErr(fn, "peers", ErrEmpty)
	}
	seen := make(map[string]bool, len(peers))
	for i, p := range peers {
		// The peer's index is formatted only for an error: a large
		// team may pass thousands of peers.
		arg := func(field string) string { return "peers[" + strconv.Itoa(i) + "]." + field }
		sh := p.Score.Shrunk
		switch {
		case p.Rep == "":
			return inputErr(fn, arg("rep"), ErrEmpty)
		case seen[p.Rep]:
			return inputErr(fn, arg("rep = "+quote(p.Rep)), ErrDuplicate)
		case p.Mentees < 0:
			return inputErr(fn, arg("mentees = "+strconv.Itoa(p.Mentees)), ErrNegative)
		case p.Score.Competency != id:
			return inputErr(fn, arg("score.competency = "+quote(p.Score.Competency)+", want "+quote(id)), ErrWrongCompetency)
		case !p.Score.Grade.Valid():
			return inputErr(fn, arg("score.grade = "+p.Score.Grade.String()), ErrInvalidEnum)
		case math.IsNaN(sh) || math.IsInf(sh, 0):
			return inputErr(fn, arg("score.shrunk"), ErrNotFinite)
		case sh < 0 || sh > 1:
			return inputErr(fn, arg("score.shrunk = "+strconv.FormatFloat(sh, 'g', -1, 64)), ErrOutOfRange)
		}
		seen[p.Rep] = true
	}
	return nil
}

// qualified returns the places in peers of the peers graded A, best
// first: by shrunk rate, highest first, ties by name so the order never
// depends on the input's.
func qualified(peers []Peer) []int {
	// Sort the A players' sort keys, not the peers themselves nor their
	// places alone: a Peer is large, and a team's plan may pass
	// thousands, so the keys sit together and the peers stay where they
	// are.
	type key struct {
		shrunk float64
		rep    string
		at     int
	}
	keys := make([]key, 0, len(peers))
	for i, p := range peers {
		if p.Score.Grade == competency.GradeA {
			keys = append(keys, key{p.Score.Shrunk, p.Rep, i})
		}
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(b.shrunk, a.shrunk), strings.Compare(a.rep, b.rep))
	})
	at := make([]int, len(keys))
	for k, key := range keys {
		at[k] = key.at
	}
	return at
}

// eligible reports whether p may mentor r: a peer, neither r nor r's
// manager. A mentor is a peer because a peer can articulate the gaps the
// manager cannot.
func eligible(p Peer, r Rep) bool {
	return p.Rep != r.Rep && p.Rep != r.Manager // peer names are never empty
}

// Mentors returns the peers who may mentor rep on competency id, best
// first. A peer qualifies when they are graded A on the competency, are
// neither the rep nor the rep's manager, and have fewer than maxMentees
// mentees already. They are ranked by shrunk rate ([competency.Score].Shrunk,
// the rate read in the light of the team, so a lucky 2 of 2 does not
// outrank a steady 60 of 100), highest first, ties by name.
//
// When no peer qualifies, Mentors returns a [*NoMentorError] wrapping
// [ErrNoMentor]. Bad input is an [*InputError]: [ErrEmpty] for an empty
// competency, rep name, peer name or no peers; [ErrOutOfRange] for
// maxMentees < 1 or a shrunk rate outside [0, 1]; [ErrDuplicate] for a peer
// name used twice; [ErrNegative] for negative mentees; [ErrWrongCompetency]
// for a score on another competency; [ErrInvalidEnum] for an unknown grade;
// [ErrNotFinite] for a NaN or infinite shrunk rate. Mentors does not modify
// peers.
func Mentors(id string, rep Rep, peers []Peer, maxMentees int) ([]Peer, error) {
	const fn = "Mentors"
	if rep.Rep == "" {
		return nil, inputErr(fn, "rep.rep", ErrEmpty)
	}
	if err := checkPeers(fn, id, peers, maxMentees); err != nil {
		return nil, err
	}
	var out []Peer
	for _, i := range qualified(peers) {
		if p := peers[i]; eligible(p, rep) && p.Mentees < maxMentees {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil, &NoMentorError{Competency: id, Reps: []string{rep.Rep}}
	}
	return out, nil
}

// AssignMentors gives each of reps a mentor on competency id, in the order
// of reps (put the most urgent first): each rep gets the best peer
// [Mentors] would rank first, counting the mentees already assigned in this
// call, so no mentor ends up with more than maxMentees.
//
// The pairs come back in the order of reps. When some reps cannot be
// matched, AssignMentors returns the pairs it made together with a
// [*NoMentorError] naming the others. Bad input is an [*InputError], as
// for Mentors, plus [ErrEmpty] for no reps and [ErrDuplicate] for a rep
// named twice; then no pairs are returned. AssignMentors does not modify
// reps or peers.
func AssignMentors(id string, reps []Rep, peers []Peer, maxMentees int) ([]Pair, error) {
	const fn = "AssignMentors"
	if len(reps) == 0 {
		return nil, inputErr(fn, "reps", ErrEmpty)
	}
	seen := make(map[string]bool, len(reps))
	for i, r := range reps {
		if r.Rep == "" {
			return nil, inputErr(fn, "reps["+strconv.Itoa(i)+"].rep", ErrEmpty)
		}
		if seen[r.Rep] {
			return nil, inputErr(fn, "reps["+strconv.Itoa(i)+"].rep = "+quote(r.Rep), ErrDuplicate)
		}
		seen[r.Rep] = true
	}
	if err := checkPeers(fn, id, peers, maxMentees); err != nil {
		return nil, err
	}
	mentors := qualified(peers) // places in peers, best first
	load := make([]int, len(mentors))
	for i, at := range mentors {
		load[i] = peers[at].Mentees
	}
	var pairs []Pair
	var unmatched []string
	first := 0 // mentors before first are full: a full mentor stays full
	for _, r := range reps {
		for first < len(mentors) && load[first] >= maxMentees {
			first++
		}
		found := false
		for i := first; i < len(mentors); i++ {
			// Full mentors at the front are skipped once for all
			// reps; a mentor is ineligible only as r or r's manager,
			// so the scan usually stops within a few mentors.
			m := &peers[mentors[i]]
			if load[i] < maxMentees && eligible(*m, r) {
				load[i]++
				pairs = append(pairs, Pair{Rep: r.Rep, Mentor: m.Rep})
				found = true
				break
			}
		}
		if !found {
			unmatched = append(unmatched, r.Rep)
		}
	}
	if len(unmatched) > 0 {
		return pairs, &NoMentorError{Competency: id, Reps: unmatched}
	}
	return pairs, nil
}
