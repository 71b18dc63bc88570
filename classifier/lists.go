package classifier

import (
	"strings"

	"github.com/netra-id/netra/rules"
)

// Regulations and socialisation articles enumerate what is forbidden:
// "Larangan itu antara lain:" and then one item per line ("2. menjadi
// peserta kampanye dengan menggunakan atribut partai;"). Each item reads
// like a report on its own; the norm stands in the lead-in. leadInCue and
// isListItem let the items inherit the lead-in's discourse.

// leadInCue returns the first norm cue (a rule, permission, appeal,
// hypothesis or denial) of sentence s when s introduces a list (ends with
// a colon), as a carried occurrence that cancels the items after it.
func (c *Classifier) leadInCue(text string, s span) (occurrence, bool) {
	if !strings.HasSuffix(strings.TrimSpace(text[s.start:s.end]), ":") {
		return occurrence{}, false
	}
	ts := c.norm.tokensIn(text, s.start, s.end)
	for _, o := range c.dict.find(ts, nil) {
		if c.titleNorm[o.group] && c.dict.groups[o.group].role == rules.RoleCancel {
			return occurrence{group: o.group, carried: true, start: ts[o.i].Start, end: ts[o.j-1].End}, true
		}
	}
	return occurrence{}, false
}

// isListItem reports whether sentence s looks like an item of an
// enumeration: it opens with a number or letter and a dot or parenthesis,
// or a bullet, or it ends with a semicolon.
func isListItem(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	if strings.HasSuffix(s, ";") {
		return true
	}
	switch {
	case strings.HasPrefix(s, "-"), strings.HasPrefix(s, "•"), strings.HasPrefix(s, "*"), strings.HasPrefix(s, "–"):
		return true
	}
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 && len(s) > 1 && s[0] >= 'a' && s[0] <= 'z' {
		i = 1
	}
	return i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') && (i+1 == len(s) || s[i+1] == ' ')
}
