package classifier

import "strings"

// Candidates by name. A report names a candidate in full once ("Hendro
// Susilo, calon wali kota nomor urut 2") and by the name elsewhere ("ada
// titip salam saking Pak Hendro"); a civil servant's act towards "Pak
// Hendro" serves a side as much as one towards "calon wali kota" does.
// candidateNames learns, once per item, the names its text sets beside a
// candidate named outright (namedCandidate), and namedSides adds each
// capitalised use of one as a side.

// candidateTriggers are the words whose sentences may name a candidate,
// lower case and capitalised (a sentence may open with one).
var candidateTriggers = [...]string{"calon ", "paslon", "caleg", "capres", "cawapres", "cagub", "cabup", "cawalkot", "pasangan ", "nomor urut",
	"Calon ", "Paslon", "Caleg", "Capres", "Cawapres", "Cagub", "Cabup", "Cawalkot", "Pasangan ", "Nomor urut"}

// introTriggers are the words around which a sentence may introduce a
// candidate by name ("Hendro Susilo, calon …", "… sebagai calon …",
// "nomor urut 1, Ahmad Yani", "Calon bupati Sukamaju, Ahmad Yani"); only
// sentences that hold one are read for names.
var introTriggers = [...]string{", calon ", ", caleg", ", paslon", ", capres", ", cawapres", ", cagub", ", cabup", ", cawalkot",
	"sebagai calon ", "sebagai caleg", "nomor urut", "Calon ", "Paslon ", "Caleg "}

// candidateNames returns the words of the names the item's text gives its
// candidates, worked out on first use.
func (d *docContext) candidateNames(c *Classifier) map[string]bool {
	if d.candDone {
		return d.cand
	}
	d.candDone = true
	// Only the triggers the text holds at all are looked for sentence by
	// sentence: most items hold none or one.
	var found []string
	for _, t := range introTriggers {
		if strings.Contains(d.text, t) {
			found = append(found, t)
		}
	}
	if len(found) == 0 {
		return nil
	}
	sents := d.sents
	if sents == nil {
		sents = sentences(d.text)
	}
	for _, s := range sents {
		if !hasAny(d.text[s.start:s.end], found) {
			continue
		}
		ts := c.norm.tokensIn(d.text, s.start, s.end)
		occ := c.dict.find(ts, nil)
		for _, o := range occ {
			if !c.sides[o.group] || !namedCandidate(o, ts) {
				continue
			}
			for _, run := range [3][]Token{c.candidateBefore(d.text, ts, o, occ), c.candidateAfter(d.text, ts, o, occ), c.nickname(ts, o.j, occ)} {
				for _, t := range run {
					if len(t.Norm) < 3 {
						continue
					}
					if d.cand == nil {
						d.cand = map[string]bool{}
					}
					d.cand[t.Norm] = true
				}
			}
		}
	}
	return d.cand
}

// hasAny reports whether s contains any of words.
func hasAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// candidateBefore reads "Name Name, calon …" and "Name sebagai calon …".
func (c *Classifier) candidateBefore(text string, ts []Token, o occurrence, occ []occurrence) []Token {
	k := o.i - 1
	if k >= 0 && ts[k].Norm == "sebagai" {
		k--
	} else if k < 0 || !clauseBreak(text, ts, k, k+1) {
		return nil
	}
	end := k + 1
	for k >= 0 && end-k <= maxNameWords && ts[k].Upper && (k == end-1 || !clauseBreak(text, ts, k, k+1)) {
		k--
	}
	return c.nameRun(ts, k+1, end, occ)
}

// candidateAfter reads "calon bupati Sukamaju nomor urut 1, Name Name":
// the name follows the comma that ends the office, its place and number.
func (c *Classifier) candidateAfter(text string, ts []Token, o occurrence, occ []occurrence) []Token {
	k := o.j
	for n := 0; k < len(ts) && n < 6 && !clauseBreak(text, ts, k-1, k); n++ {
		k++
	}
	if k >= len(ts) || !clauseBreak(text, ts, k-1, k) {
		return nil
	}
	for k < len(ts) && isHonorific(ts[k].Norm) {
		k++
	}
	start := k
	for k < len(ts) && k-start < maxNameWords && ts[k].Upper && (k == start || !clauseBreak(text, ts, k-1, k)) {
		k++
	}
	if k < len(ts) && ts[k].Upper {
		return nil
	}
	return c.nameRun(ts, start, k, occ)
}

// nickname reads the name a candidate is known by, after the candidate
// at token k ("calon wali kota yang akrab disapa Daeng Rolla", "… yang
// dikenal dengan panggilan Bang Ucok"): the words after a word of
// calling, past a word of address.
func (c *Classifier) nickname(ts []Token, k int, occ []occurrence) []Token {
	for end := k + nicknameReach; k < len(ts) && k < end; k++ {
		switch ts[k].Norm {
		case "disapa", "dipanggil", "panggilan", "sapaan", "julukan", "dijuluki":
		default:
			continue
		}
		start := k + 1
		for start < len(ts) && addressTerm(ts[start].Norm) {
			start++
		}
		e := start
		for e < len(ts) && e-start < maxNameWords && ts[e].Upper {
			e++
		}
		return c.nameRun(ts, start, e, occ)
	}
	return nil
}

// nicknameReach is how far after a candidate the word of calling may
// stand ("… calon wali kota Tebing Raya yang dikenal dengan panggilan").
const nicknameReach = 10

// namedSides adds, as a side, each capitalised word of ts that is a name
// the item gave one of its candidates.
func (c *Classifier) namedSides(occ []occurrence, ts []Token, doc *docContext) []occurrence {
	if c.targetGroup < 0 || doc == nil || len(doc.text) <= sideMaxBytes {
		// A short post's sides are anywhere in it already (side.go).
		return occ
	}
	names := doc.candidateNames(c)
	if len(names) == 0 {
		return occ
	}
	n := len(occ)
	for k, t := range ts {
		if !t.Upper || !names[t.Norm] || covered(occ[:n], k) {
			continue
		}
		occ = append(occ, occurrence{group: c.targetGroup, i: k, j: k + 1})
	}
	return occ
}

// covered reports whether token k lies inside one of occ.
func covered(occ []occurrence, k int) bool {
	for _, o := range occ {
		if !o.carried && o.i <= k && k < o.j {
			return true
		}
	}
	return false
}

// firmSide reports whether side o (in tokens ts) is a candidate named
// outright (namedCandidate) or by a name the item gave a candidate.
func (c *Classifier) firmSide(o occurrence, ts []Token, doc *docContext) bool {
	if namedCandidate(o, ts) || namedPair(o, ts) {
		return true
	}
	return !o.carried && o.j == o.i+1 && o.i < len(ts) && ts[o.i].Upper && doc != nil && doc.candidateNames(c)[ts[o.i].Norm]
}

// namedPair reports whether side o is a pair of candidates by their names
// joined with a dash (pairSide: "kampanye pasangan Fransiskus Lado–Hamzah
// Nur"): named outright.
func namedPair(o occurrence, ts []Token) bool {
	return !o.carried && o.j == o.i+2 && o.j <= len(ts) && ts[o.i+1].Dash && ts[o.i].Upper && ts[o.i+1].Upper
}

// mayNameCandidate is the cheap check, before sentence s is tokenised,
// that it may name a candidate: a word that introduces one, or a name the
// item gave one.
func (d *docContext) mayNameCandidate(c *Classifier, s string) bool {
	if hasAny(s, candidateTriggers[:]) {
		return true
	}
	for name := range d.candidateNames(c) {
		// Names are learnt in lower case and used capitalised.
		if len(name) > 0 && strings.Contains(s, strings.ToUpper(name[:1])+name[1:]) {
			return true
		}
	}
	return false
}

// votedNames adds, as a side, a name no gazetteer knows right after a verb
// of casting or winning a vote or after "suara buat": "harus pilih Ompu
// Maruli", "coblos Bang Ucok", "Ayo menangkan Bapak Rudy", "target suara
// buat Bang Ardi", or a gift said to come from someone addressed by name
// ("titipan Bang Jonny"). Not "mendukung": it takes programmes and teams
// as well.
func (c *Classifier) votedNames(occ []occurrence, ts []Token) []occurrence {
	if c.targetGroup < 0 {
		return occ
	}
	title := -1 // whether ts is a title-case headline, worked out on need
	for k := 1; k+1 < len(ts); k++ {
		switch ts[k].Norm {
		case "pilih", "pilihlah", "memilih", "milih", "coblos", "mencoblos", "nyoblos", "contreng", "menangkan", "menangin", "memenangkan":
		case "buat", "untuk", "utk":
			// "target suara buat Bang Ardi", "cari suara untuk …",
			// "Deklarasi Guru Pontianak untuk Bang Jali"
			if ts[k-1].Norm != "suara" && !(addressTerm(ts[k+1].Norm) && supportBefore(ts, k)) {
				continue
			}
		case "titipan", "titipannya",
			// "grup WA relawan Bunda Ratih", "posko Bang Oji": a side's
			// people or place, by the name of address
			"relawan", "timses", "posko", "simpatisan", "pendukung",
			// "masang baliho Pak Haji Darman": a side's material by the
			// name of address
			"baliho", "spanduk", "poster", "stiker", "kalender", "kaos", "kaus":
			// "bantuan itu titipan Bang Jonny": a gift in a candidate's name
			if !addressTerm(ts[k+1].Norm) {
				continue
			}
		default:
			continue
		}
		n, end := ts[k+1], k+2
		if addressTerm(n.Norm) && k+2 < len(ts) && ts[k+2].Upper {
			// "coblos Bang Ucok": the name is after the word of address,
			// and past a title ("Pak Haji Darman").
			m := k + 2
			for m+1 < len(ts) && isHonorific(ts[m].Norm) && ts[m+1].Upper {
				m++
			}
			n, end = ts[m], m+1
		}
		if !n.Upper || c.norm.vocab[n.Norm] || len(n.Norm) < 3 {
			continue
		}
		if title < 0 {
			title = 0
			if titleCase(ts) {
				title = 1
			}
		}
		if title == 1 {
			continue
		}
		occ = append(occ, occurrence{group: c.targetGroup, i: k + 1, j: end})
	}
	return occ
}

// supportBefore reports whether a word of support or a declaration
// stands in the few tokens before k ("Deklarasi Guru Pontianak untuk …").
func supportBefore(ts []Token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		switch ts[j].Norm {
		case "deklarasi", "dukungan", "dukung", "mendukung", "relawan", "menangkan", "memenangkan":
			return true
		}
	}
	return false
}

// addressTerm reports words of address put before a person's name ("Bang
// Ucok", "Pak Darto", "Uda Fer"); isHonorific holds the titles a ballot
// prints.
func addressTerm(w string) bool {
	switch w {
	case "bang", "abang", "pak", "bapak", "bu", "ibu", "uda", "uni", "kak", "kakak", "mas", "mbak", "om", "tante", "daeng", "ompu", "amang", "engku", "teungku", "tuan",
		"bunda", "abah", "umi", "buya", "opung", "aba":
		return true
	}
	return false
}
