package netra

import "strings"

// DismissReasons are the reasons a reviewer picks when dismissing an item,
// so dismissals can be counted and turned into labels. A dismissal's note
// starts with its reason ("not_asn: the actor is a village head").
var DismissReasons = []string{"not_asn", "norm", "not_election", "duplicate", "wrong_place", "other"}

// DismissNote is the review note of a dismissal: the reason, then the
// reviewer's words if any.
func DismissNote(reason, text string) string {
	text = strings.TrimSpace(text)
	if text == "" {
		return reason
	}
	return reason + ": " + text
}

// DismissReasonOf reads the reason a dismissal note starts with (its first
// word, a trailing ':' ',' '.' or ';' dropped, any case); "" when the note
// does not start with one of DismissReasons.
func DismissReasonOf(note string) string {
	f := strings.Fields(strings.ToLower(note))
	if len(f) == 0 {
		return ""
	}
	w := strings.TrimRight(f[0], ":,.;")
	for _, r := range DismissReasons {
		if w == r {
			return r
		}
	}
	return ""
}
