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
//
// A list may also be spelt out in sentences ("Ada beberapa hal yang tidak
// boleh dilakukan ASN. Pertama, …. Kedua, …"): a sentence whose next one
// opens with "Pertama," introduces it as a colon would.
func (c *Classifier) leadInCue(text string, s span, next string) (occurrence, bool) {
	if !strings.HasSuffix(strings.TrimSpace(text[s.start:s.end]), ":") && ordinalOpener(next) != 1 {
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
	if strings.HasSuffix(s, ";") || ordinalOpener(s) > 0 {
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

// ordinalOpener returns the place of sentence s in a list spelt out in
// sentences when it opens with an ordinal and a comma ("Kedua, ASN …"),
// else 0; "terakhir" closes a list of any length.
func ordinalOpener(s string) int {
	w, _, ok := strings.Cut(strings.TrimSpace(s), ",")
	if !ok || len(w) > len("kesembilan") {
		return 0
	}
	switch strings.ToLower(w) {
	case "pertama":
		return 1
	case "kedua":
		return 2
	case "ketiga":
		return 3
	case "keempat":
		return 4
	case "kelima":
		return 5
	case "keenam", "ketujuh", "kedelapan", "kesembilan", "kesepuluh":
		return 6
	case "terakhir":
		return 99
	}
	return 0
}
