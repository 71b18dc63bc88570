package classifier

import (
	"strings"

	"github.com/netra-id/netra/rules"
)

// OfficialEventGazetteer names the cancel gazetteer of official election
// events a civil servant may attend or lead (a neutrality declaration, a
// peaceful-campaign declaration, a pledge).
const OfficialEventGazetteer = "official_event"

// SupportGazetteer names the act gazetteer of support and calls to vote.
const SupportGazetteer = "act_support"

// EventReferenceGazetteer names the gazetteer of bare words ("deklarasi",
// "ikrar", "apel") that, in a text whose title or body names an official
// event of the same kind ("Deklarasi Netralitas ASN"), refer back to it:
// "Deklarasi diikuti ratusan ASN" reports the neutrality declaration,
// not a declaration of support.
const EventReferenceGazetteer = "event_reference"

// eventRefs is what the classifier knows about references to official
// events: the gazetteer groups, and the official event names that start
// with a reference word (lower case), to find in a text.
type eventRefs struct {
	event, ref int32
	// support is the group of the pack's "act_support" gazetteer, or -1.
	support int32
	names   []string
}

// newEventRefs reads the two gazetteers of p; without either, nothing is
// ever read as a reference.
func newEventRefs(p *rules.Pack, byName map[string]int32) eventRefs {
	er := eventRefs{event: -1, ref: -1, support: -1}
	if g, ok := byName["@"+SupportGazetteer]; ok {
		er.support = g
	}
	ev, okE := byName["@"+OfficialEventGazetteer]
	ref, okR := byName["@"+EventReferenceGazetteer]
	if !okE || !okR || p.Gazetteers[EventReferenceGazetteer] == nil || p.Gazetteers[OfficialEventGazetteer] == nil {
		return er
	}
	er.event, er.ref = ev, ref
	words := map[string]bool{}
	for _, t := range p.Gazetteers[EventReferenceGazetteer].Terms {
		words[plainTerm(t)] = true
	}
	for _, t := range p.Gazetteers[OfficialEventGazetteer].Terms {
		t = plainTerm(t)
		if f := strings.Fields(t); len(f) > 1 && words[f[0]] {
			er.names = append(er.names, t)
		}
	}
	return er
}

// named reports whether the item, title and text in lower case, names an
// official event a bare reference word may refer to.
func (er eventRefs) named(low []string) bool {
	if er.ref < 0 || len(er.names) == 0 {
		return false
	}
	for _, s := range low {
		for _, n := range er.names {
			if strings.Contains(s, n) {
				return true
			}
		}
	}
	return false
}

// resolve turns, in a text that names an official event, every bare
// reference word that no side or act follows ("deklarasi itu", not
// "deklarasi dukungan", "deklarasi relawan paslon") into that event: the
// acts and targets read in the word are dropped and an occurrence of the
// official event takes their place.
func (c *Classifier) resolveEventRefs(occ []occurrence) []occurrence {
	er := c.refs
	var refs []occurrence
	for _, o := range occ {
		if o.group == er.ref && !c.sideFollows(o, occ) {
			refs = append(refs, o)
		}
	}
	if len(refs) == 0 {
		return occ
	}
	out := occ[:0]
	for _, o := range occ {
		role := c.dict.groups[o.group].role
		if (role == rules.RoleAct || role == rules.RoleTarget) && overlapsAny(o, refs) {
			continue
		}
		if o.group != er.ref {
			out = append(out, o)
		}
	}
	for _, r := range refs {
		out = append(out, occurrence{group: er.event, i: r.i, j: r.j})
	}
	return out
}

// sideFollows reports whether a side (a target) or a word of support
// ("dukungan", "relawan", "pemenangan") starts within two tokens after
// reference word o. A verb after it ("Deklarasi diikuti …") says what the
// event was, so it does not count.
func (c *Classifier) sideFollows(o occurrence, occ []occurrence) bool {
	for _, p := range occ {
		if p.i < o.j || p.i > o.j+1 {
			continue
		}
		if c.dict.groups[p.group].role == rules.RoleTarget || p.group == c.refs.support {
			return true
		}
	}
	return false
}

// overlapsAny reports whether o shares a token with one of rs.
func overlapsAny(o occurrence, rs []occurrence) bool {
	for _, r := range rs {
		if o.i < r.j && r.i < o.j {
			return true
		}
	}
	return false
}

// A person introduced as not ASN ("seorang guru honorer", "guru SMA
// swasta") is often named again by the bare title and a demonstrative
// ("Guru tersebut berorasi …"), which alone would read as a civil
// servant. headRefs remembers which titles the item introduced that way.

// headRefs is what the classifier knows about such titles: the group of
// the pack's other-actor gazetteer, and for each phrase of it or of the
// non-ASN officials' gazetteer that starts with a one-word ASN title, that
// phrase (lower case) by title.
type headRefs struct {
	other, asn int32
	phrases    map[string][]string
}

// newHeadRefs reads the other-actor gazetteer of p against the one-word
// terms of the ASN gazetteer.
func newHeadRefs(p *rules.Pack, byName map[string]int32) headRefs {
	hr := headRefs{other: -1, asn: -1}
	if g, ok := byName["@"+ASNGazetteer]; ok {
		hr.asn = g
	}
	g, ok := byName["@"+OtherActorGazetteer]
	other, asn := p.Gazetteers[OtherActorGazetteer], p.Gazetteers[ASNGazetteer]
	if !ok || other == nil || asn == nil {
		return hr
	}
	hr.other = g
	titles := oneWordTerms(asn.Terms)
	hr.phrases = map[string][]string{}
	terms := other.Terms
	if nonASN := p.Gazetteers[NonASNGazetteer]; nonASN != nil {
		// "Lurah Desa Tampingan" is a village head: "lurah ini" after
		// it is he, not a kelurahan's civil servant.
		terms = append(terms[:len(terms):len(terms)], nonASN.Terms...)
	}
	for _, t := range terms {
		t = plainTerm(t)
		if f := strings.Fields(t); len(f) > 1 && titles[f[0]] {
			hr.phrases[f[0]] = append(hr.phrases[f[0]], t)
		}
	}
	return hr
}

// introduced returns the titles the item (title and text in lower case)
// introduces as someone who is not ASN, or nil.
func (hr headRefs) introduced(low []string) map[string]bool {
	var out map[string]bool
	for head, ps := range hr.phrases {
		for _, p := range ps {
			if strings.Contains(low[0], p) || strings.Contains(low[1], p) {
				if out == nil {
					out = map[string]bool{}
				}
				out[head] = true
				break
			}
		}
	}
	return out
}

// resolveHeadRefs turns a bare title followed by "tersebut", "itu",
// "ini", "berinisial" or "bernama" into the person the item introduced as
// not ASN with that title ("guru tersebut", "guru berinisial AR" after
// "guru honorer"). Only a sentence with such a
// title makes it look through the item (docContext.headSet).
func (c *Classifier) resolveHeadRefs(occ []occurrence, ts []Token, doc *docContext) {
	for k, o := range occ {
		if c.namedLurah(o, ts) || c.pakLurah(o, ts) && doc.kelurahan() {
			occ[k].group = c.heads.asn
			continue
		}
		if o.carried || o.j != o.i+1 || o.j >= len(ts) || c.dict.groups[o.group].role != rules.RoleActor {
			continue
		}
		switch ts[o.j].Norm {
		case "tersebut", "itu", "ini", "berinisial", "bernama":
			if doc.headSet(c)[ts[o.i].Norm] {
				occ[k].group = c.heads.other
			}
		}
	}
}

// plainTerm is a gazetteer term as plain lower-case words: without the
// exact-match mark "=".
func plainTerm(t string) string {
	return strings.ToLower(strings.TrimPrefix(t, "="))
}

// pakLurah reports whether o is "pak lurah" (or "bu lurah"), the other-
// actor term that is also the president's nickname.
func (c *Classifier) pakLurah(o occurrence, ts []Token) bool {
	if c.heads.asn < 0 || o.group != c.heads.other || o.carried || o.j-o.i != 2 || ts[o.i+1].Norm != "lurah" {
		return false
	}
	switch ts[o.i].Norm {
	case "pak", "bu", "bapak", "ibu":
		return true
	}
	return false
}

// namedLurah reports whether o is "Pak Lurah" (an other-actor term: the
// president's nickname) followed by a capitalised word no gazetteer
// knows, right after it or after "di"/"dari", outside a title-case
// headline: "pak lurah Maccini" and "pak lurah di Padang Utara" are the
// lurah of a place, a civil servant.
func (c *Classifier) namedLurah(o occurrence, ts []Token) bool {
	if c.heads.asn < 0 || o.group != c.heads.other || o.carried || o.j-o.i != 2 || o.j >= len(ts) || ts[o.i+1].Norm != "lurah" {
		return false
	}
	at := o.j
	if n := ts[at].Norm; (n == "di" || n == "dari") && at+1 < len(ts) {
		// "pak lurah di Padang Utara"
		at++
	}
	if next := ts[at]; !next.Upper || c.norm.vocab[next.Norm] || titleCase(ts) {
		return false
	}
	switch ts[o.i].Norm {
	case "pak", "bu", "bapak", "ibu":
		return true
	}
	return false
}
