package classifier

import "strings"

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
	// listCue: a norm or example cue of the headline (carried, when there
	// is one), for a list whose lead-in names none of its own;
	// listCueDone once it is known.
	listCue     occurrence
	listCueDone bool
	// kel: the item speaks of a kelurahan or a lurah's office, so its
	// "pak lurah" is a lurah, not the president's nickname; kelDone once
	// known.
	kel, kelDone bool
	// side: the side the headline names, with the headline's tokens;
	// sideOK when it names one and states no norm; sideDone once known.
	side             occurrence
	sideTokens       []Token
	sideOK, sideDone bool
}

// kelurahan reports whether the item speaks of a kelurahan ("kelurahan",
// "kantor lurah"), worked out on first use.
func (d *docContext) kelurahan() bool {
	if !d.kelDone {
		low := d.lower()
		d.kelDone = true
		for _, s := range low {
			if strings.Contains(s, "kelurahan") || strings.Contains(s, "kantor lurah") || strings.Contains(s, "lurah itu asn") || strings.Contains(s, "lurah itu pns") {
				d.kel = true
			}
		}
	}
	return d.kel
}

// headlineCue returns listCue, worked out on first use.
func (d *docContext) headlineCue(c *Classifier) occurrence {
	if !d.listCueDone {
		d.listCue, d.listCueDone = c.titleListCue(d.title), true
	}
	return d.listCue
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
