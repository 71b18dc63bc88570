package classifier

import (
	"strings"
)

// Who it was, said after the act. A report often shows someone acting
// before it says who he is: "Di baris ketiga duduk seorang pria berkemeja
// seragam partai, memegang map peserta. Pria itu adalah Ramlan Lamusu,
// Sekretaris Kecamatan Tolango Raya." The later sentence takes up a word
// of the earlier one with "itu" or "tersebut" and says, with a verb of
// identity, what that person is; the act is then the civil servant's.

// identityVerbs say what someone taken up is.
var identityVerbs = map[string]bool{"adalah": true, "ternyata": true, "merupakan": true, "yakni": true, "ialah": true,
	"diketahui": true, "dikenali": true, "dipastikan": true, "teridentifikasi": true, "belakangan": true}

// identityReach is how many words after the verb of identity the civil
// servant may stand (a name before the title: "adalah Ramlan Lamusu,
// Sekretaris Kecamatan").
const identityReach = 6

// mayBeIdentified is the cheap check, before any tokenising, that the
// sentence after sentence at opens by taking up one of its words with
// "itu" or "tersebut" and a verb of identity ("Pria itu adalah …"), or by
// saying what one of its people is ("Satu di antaranya …").
func mayBeIdentified(text string, sents []span, at int) bool {
	if at+1 >= len(sents) {
		return false
	}
	next := sents[at+1]
	if amongThem(text[next.start:min(next.end, next.start+40)]) > 0 {
		return true
	}
	head, ok := takenUp(text[next.start:min(next.end, next.start+120)])
	if !ok {
		return false
	}
	return containsWord(strings.ToLower(text[sents[at].start:sents[at].end]), head)
}

// takenUp returns the word a sentence opens by taking up ("Pria itu
// adalah …", "Pengemudinya tersebut ternyata …"), lower case, when a verb
// of identity follows within three words. It reads only the opening
// words and allocates only for the word it returns.
func takenUp(s string) (string, bool) {
	var words [7]string
	n := 0
	for i := 0; i < len(s) && n < len(words); {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' {
			j++
		}
		if j > i {
			words[n] = strings.Trim(s[i:j], "\"'“”‘’,.;:")
			n++
		}
		i = j
	}
	for p := 1; p <= 2 && p < n; p++ {
		if !strings.EqualFold(words[p], "itu") && !strings.EqualFold(words[p], "tersebut") {
			continue
		}
		for v := p + 1; v < n && v <= p+3; v++ {
			if identityVerbs[strings.ToLower(words[v])] {
				return strings.ToLower(words[p-1]), words[p-1] != ""
			}
		}
		return "", false
	}
	return "", false
}

// amongOpenings open a sentence that says what one or some of the people
// just told of are ("Dua orang menyukai unggahan calon bupati. Satu di
// antaranya PNS Pemkab …").
var amongOpenings = [...]string{"satu di antaranya", "satu diantaranya", "salah satunya", "salah satu di antaranya",
	"salah seorang di antaranya", "seorang di antaranya", "dua di antaranya", "satu dari mereka", "salah satu dari mereka",
	"seorang dari mereka", "salah seorang dari mereka", "yang satu", "yang seorang"}

// amongThem returns how many words the opening of s (lower-cased) that
// amongOpenings holds takes, or 0.
func amongThem(s string) int {
	for _, p := range amongOpenings {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) && !isAlnumByte(s[len(p)]) {
			return strings.Count(p, " ") + 1
		}
	}
	return 0
}

// containsWord reports whether lower-case s holds w as a whole word.
func containsWord(s, w string) bool {
	if w == "" {
		return false
	}
	for off := 0; ; {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return false
		}
		i += off
		end := i + len(w)
		if (i == 0 || !isAlnumByte(s[i-1])) && (end == len(s) || !isAlnumByte(s[end])) {
			return true
		}
		off = end
	}
}

// identifiedNext returns, carried, the civil servant the sentence after
// sentence at says the person taken up is (mayBeIdentified).
func (c *Classifier) identifiedNext(text string, sents []span, at int, doc *docContext) (occurrence, bool) {
	if c.heads.asn < 0 || !mayBeIdentified(text, sents, at) {
		return occurrence{}, false
	}
	ts, occ := c.backSentence(text, sents[at+1], doc)
	v := -1
	if n := amongThem(text[sents[at+1].start:min(sents[at+1].end, sents[at+1].start+40)]); n > 0 {
		// "Satu di antaranya PNS Pemkab …": the words of the phrase
		// stand for the verb of identity.
		v = n - 1
	}
	for k := 1; v < 0 && k < len(ts) && k <= 5; k++ {
		if identityVerbs[ts[k].Norm] {
			v = k
			break
		}
	}
	if v < 0 {
		return occurrence{}, false
	}
	for _, o := range occ {
		if !o.carried && o.group == c.heads.asn && o.i > v && o.i-v <= identityReach {
			return carriedFrom(o, ts), true
		}
	}
	return occurrence{}, false
}
