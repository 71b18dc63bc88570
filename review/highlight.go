package review

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// Segment is a run of an item's text with one kind of highlighting. Templates
// print Text through html/template's escaping and wrap it in <mark> when Hit
// or Term is set, so crawled text never becomes markup: highlighting is built
// by escaping the pieces between hit offsets, never by inserting tags into
// the text.
type Segment struct {
	Text string
	Hit  bool // inside an evidence sentence
	Term bool // inside a matched term (actor, act, target, ...)
	// Role is the term's role when it is one of RoleActor, RoleAct or
	// RoleTarget (the first such span covering it), else "": the item page
	// marks who, what and for whom in distinct styles.
	Role  string
	Rules []string // the rules whose evidence covers this segment
	First int      // 1-based number of the first hit starting here, 0 if none
}

// maxRanges caps the highlighting work on a record with absurd evidence.
const maxRanges = 2000

type hlRange struct {
	start, end int
	term       bool
	role       string
	rule       string
	hit        int // 1-based hit number for evidence ranges
}

// fixRange clamps [start, end) into text and widens it to rune boundaries;
// ok is false when nothing is left. Offsets come from stored records and may
// be stale or hostile.
func fixRange(text string, start, end int) (int, int, bool) {
	if start < 0 {
		start = 0
	}
	if end > len(text) {
		end = len(text)
	}
	if start >= end {
		return 0, 0, false
	}
	for start > 0 && !utf8.RuneStart(text[start]) {
		start--
	}
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	return start, end, true
}

// FieldTitle is netra.Hit.Field for evidence found in the item's title.
const FieldTitle = "title"

// hitField is the field a hit's offsets point into: "title" or "" (the text).
func hitField(h netra.Hit) string {
	if h.Field == FieldTitle {
		return FieldTitle
	}
	return ""
}

// Segments splits text at the evidence offsets of those hits whose Field is
// field ("" for the item's text, "title" for its title), and of their term
// spans. Invalid offsets are clamped or skipped; overlapping hits are fine.
func Segments(text string, hits []netra.Hit, field string) []Segment {
	var rs []hlRange
	for i, h := range hits {
		if len(rs) >= maxRanges {
			break
		}
		if hitField(h) != field {
			continue
		}
		if s, e, ok := fixRange(text, h.Start, h.End); ok {
			rs = append(rs, hlRange{start: s, end: e, rule: h.Rule, hit: i + 1})
		}
		for _, sp := range h.Spans {
			if len(rs) >= maxRanges {
				break
			}
			if s, e, ok := fixRange(text, sp.Start, sp.End); ok {
				rs = append(rs, hlRange{start: s, end: e, term: true, role: markRole(sp.Role), rule: h.Rule})
			}
		}
	}
	if len(rs) == 0 {
		if text == "" {
			return nil
		}
		return []Segment{{Text: text}}
	}
	cuts := []int{0, len(text)}
	for _, r := range rs {
		cuts = append(cuts, r.start, r.end)
	}
	sort.Ints(cuts)
	var out []Segment
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		if a == b {
			continue
		}
		seg := Segment{Text: text[a:b]}
		for _, r := range rs {
			if r.start <= a && b <= r.end {
				if r.term {
					seg.Term = true
					if seg.Role == "" {
						seg.Role = r.role
					}
				} else {
					seg.Hit = true
					if r.start == a && seg.First == 0 {
						seg.First = r.hit
					}
				}
				if !slices.Contains(seg.Rules, r.rule) {
					seg.Rules = append(seg.Rules, r.rule)
				}
			}
		}
		// Merge with the previous segment when nothing changes at the cut.
		if n := len(out); n > 0 && seg.First == 0 && out[n-1].Hit == seg.Hit && out[n-1].Term == seg.Term && out[n-1].Role == seg.Role && slices.Equal(out[n-1].Rules, seg.Rules) {
			out[n-1].Text += seg.Text
			continue
		}
		out = append(out, seg)
	}
	return out
}

// Roles of evidence terms that the item page marks apart (the classifier's
// rules.RoleActor, RoleAct and RoleTarget).
const (
	RoleActor  = "actor"
	RoleAct    = "act"
	RoleTarget = "target"
)

// markRole keeps the roles the page styles apart; others (gesture, cue, an
// older record's "term") are plain terms.
func markRole(r string) string {
	switch r {
	case RoleActor, RoleAct, RoleTarget:
		return r
	}
	return ""
}

// hitRules lists the distinct rules of hits in the order they first
// appear, the order the queue and the CSV export show them in (unlike
// index.RecordRules, which sorts them, drops empty ones and files an
// overruled hit under netra.WordModelRule). An overruled hit keeps its own
// rule here: the row names the rule whose sentence the flag rests on, and
// its badge says the rules had cancelled it.
func hitRules(hits []netra.Hit) []string {
	var out []string
	for _, h := range hits {
		if !slices.Contains(out, h.Rule) {
			out = append(out, h.Rule)
		}
	}
	return out
}

// SnippetSegments splits a search snippet at the store's highlight markers
// (index.HighlightPre/Post). Stray or unbalanced markers are dropped.
func SnippetSegments(s string) []Segment {
	var out []Segment
	in := false
	for s != "" {
		i := strings.IndexAny(s, index.HighlightPre+index.HighlightPost)
		if i < 0 {
			out = append(out, Segment{Text: s, Term: in})
			break
		}
		if i > 0 {
			out = append(out, Segment{Text: s[:i], Term: in})
		}
		in = s[i] == index.HighlightPre[0]
		s = s[i+1:]
	}
	return out
}
