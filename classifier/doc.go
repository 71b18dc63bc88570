package classifier

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// docContext is what the whole item (title and text) says that a
// sentence's words may refer back to. What needs a look through the whole
// item is worked out on first use: most items never need it.
type docContext struct {
	title, text string
	// low holds the title and text in lower case, once made.
	low []string
	// event: the item names an official event a bare "deklarasi" may
	// refer to (see resolveEventRefs); eventDone once it is known.
	event, eventDone bool
	// heads: titles the item introduced as someone who is not ASN ("guru"
	// of "guru honorer"), see resolveHeadRefs; headsDone once known.
	heads     map[string]bool
	headsDone bool
	// stated: staff words the item states to be civil servants ("dosen
	// merupakan ASN"), see statedStaff; statedDone once known.
	stated     map[string]bool
	statedDone bool
	// listCue: a norm or example cue of the headline (carried, when there
	// is one), for a list whose lead-in names none of its own;
	// listCueDone once it is known.
	listCue     occurrence
	listCueDone bool
	// acted: the hypothesis a headline framing the article as acted
	// gives every sentence (carried, when there is one); actedDone once
	// known.
	acted     occurrence
	actedDone bool
	// kel: the item speaks of a kelurahan or a lurah's office, so its
	// "pak lurah" is a lurah, not the president's nickname; kelDone once
	// known.
	kel, kelDone bool
	// election: a sentence the analysis tokenised names an election
	// (sawElection); false says nothing about the others.
	election bool
	// side: the side the headline names, with the headline's tokens;
	// sideOK when it names one and states no norm; sideDone once known.
	side             occurrence
	sideTokens       []Token
	sideOK, sideDone bool
	// cand: the words of the names the text gives its candidates (see
	// candidateNames); candDone once known.
	cand     map[string]bool
	candDone bool
	// sents: the text's sentences, once the body has been split.
	sents []span
	// titleOcc: the headline's terms (titleOccurrences); titleOccDone
	// once found.
	titleOcc     []occurrence
	titleOccDone bool
}

// kelurahan reports whether the item speaks of a kelurahan ("kelurahan",
// "Kel. Jatimulya", "kantor lurah"), says its lurah is a civil servant, or
// names a lurah by the place ("Lurah Cempaka Baru iki lho"), worked out on
// first use.
func (d *docContext) kelurahan() bool {
	if !d.kelDone {
		low := d.lower()
		d.kelDone = true
		for _, s := range low {
			for _, w := range kelurahanWords {
				if strings.Contains(s, w) {
					d.kel = true
				}
			}
		}
		// Not the headline: in title case every word has a capital ("Pak
		// Lurah Ikut Kampanye …").
		d.kel = d.kel || namesLurahPlace(d.text)
	}
	return d.kel
}

// kelurahanWords are the lower-case words that make an item's "pak lurah"
// a lurah.
var kelurahanWords = [...]string{"kelurahan", "kel. ", "kantor lurah", "lurah itu asn", "lurah itu pns", "lurahnya pns",
	"lurahnya asn", "lurah kan pns", "lurah kan asn", "lurahnya kan pns", "lurahnya kan asn"}

// namesLurahPlace reports whether text names a lurah by a place: "Lurah"
// and a capitalised word that is not "Desa" (a village head in Java).
func namesLurahPlace(text string) bool {
	for rest := text; ; {
		k := strings.Index(rest, "Lurah ")
		if k < 0 {
			return false
		}
		rest = rest[k+len("Lurah "):]
		r, _ := utf8.DecodeRuneInString(rest)
		if unicode.IsUpper(r) && !strings.HasPrefix(rest, "Desa") {
			return true
		}
	}
}

// headlineCue returns listCue, worked out on first use.
func (d *docContext) headlineCue(c *Classifier) occurrence {
	if !d.listCueDone {
		d.listCue, d.listCueDone = c.titleListCue(d.title), true
	}
	return d.listCue
}

// actedCue returns the hypothesis every sentence of an article carries
// when its headline frames it as a demonstration or role-play (see
// SimulationGazetteer): carried, when there is one.
func (d *docContext) actedCue(c *Classifier) occurrence {
	if !d.actedDone {
		d.actedDone = true
		if c.simulation >= 0 && c.hypothetical >= 0 && d.title != "" {
			ts := c.norm.tokensIn(d.title, 0, len(d.title))
			for _, o := range c.dict.find(ts, nil) {
				if o.group == c.simulation {
					d.acted = carriedFrom(o, ts)
					d.acted.group = c.hypothetical
					break
				}
			}
		}
	}
	return d.acted
}

// context starts the docContext of an item's title and text.
func (c *Classifier) context(title, text string) *docContext {
	return &docContext{title: title, text: text}
}

// lower returns the item's title and text in lower case, made once.
func (d *docContext) lower() []string {
	if d.low == nil {
		d.low = []string{strings.ToLower(d.title), strings.ToLower(d.text)}
	}
	return d.low
}

// eventNamed reports whether the item names an official event.
func (d *docContext) eventNamed(c *Classifier) bool {
	if !d.eventDone {
		d.event, d.eventDone = c.refs.named(d.lower()), true
	}
	return d.event
}

// headSet returns the titles the item introduced as not ASN.
func (d *docContext) headSet(c *Classifier) map[string]bool {
	if !d.headsDone {
		d.heads, d.headsDone = c.heads.introduced(d.lower()), true
	}
	return d.heads
}

// statedSet returns the staff words the item states to be civil servants.
func (d *docContext) statedSet(c *Classifier) map[string]bool {
	if !d.statedDone {
		d.stated, d.statedDone = statedStaff(d.lower(), c.staffWords), true
	}
	return d.stated
}

// titleListCue returns the first cue of the headline that states a norm
// or lists examples ("Inilah 10 Bentuk Pelanggaran Netralitas ASN"), as a
// carried occurrence; the zero occurrence when there is none.
func (c *Classifier) titleListCue(title string) occurrence {
	if title == "" {
		return occurrence{}
	}
	o, _ := c.cancelCueIn(title, span{0, len(title)}, func(g int32) bool { return c.titleNorm[g] || c.modes[g] == "example" })
	return o
}
