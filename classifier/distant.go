package classifier

import (
	"strings"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/rules"
)

// A report often tells who acted and what he did in one sentence and
// whom it served a few sentences on: "LH tampak berdiri di panggung … .
// … Pria yang berpidato itu belakangan dipastikan sebagai calon bupati
// nomor urut 3." In an article, a side from a sentence further than next
// door completes an act only when both ends are firm: the side is a
// candidate named outright (a pair, a candidate for an office, a ballot
// number, a winning team or its post, a name the article gave a
// candidate), not a bare "calon" or a party or a national figure, and the
// act is someone's in particular (a name, initials, an office with its
// place, or someone carried from an earlier sentence), not a class ("dua
// guru", "CPNS").

// The side's sentence must also take up a word of the act's ("… ketika
// seorang pria berpidato. … Pria yang berpidato itu dipastikan sebagai
// calon bupati …"), or the later of the two point back to the earlier
// ("Di sana …", "Daftar itu …"): a sentence that does neither ("Di jalan
// lain terpasang baliho bergambar calon …") has turned to something else.

// distantReach is how many sentences before or after an act an article
// may name its side.
const distantReach = 3

// distantWeight scales, on top of sideWeight, a hit whose side came from
// further than the next sentence.
const distantWeight = 0.85

// namedCandidate reports whether side o (in tokens ts) names a candidate
// outright: a word only candidates bear ("paslon", "caleg", "cabup"), a
// ballot number, a winning team or its post, or "calon"/"pasangan calon"
// followed by the office sought ("calon bupati", "pasangan calon nomor
// urut 2").
func namedCandidate(o occurrence, ts []Token) bool {
	if o.carried {
		return false
	}
	for k := o.i; k < o.j && k < len(ts); k++ {
		w := ts[k].Norm
		switch w {
		case "paslon", "capres", "cawapres", "cagub", "cawagub", "cabup", "cawabup", "cawalkot", "cawawalkot", "caleg", "bacabup", "bacawali", "petahana":
			return true
		case "pemenangan", "sukses":
			if k > 0 && (ts[k-1].Norm == "tim" || ts[k-1].Norm == "posko" || ts[k-1].Norm == "rumah") {
				return true
			}
		}
		if strings.HasPrefix(w, "nourut") {
			return true
		}
	}
	last := o.j - 1
	if last < 0 || last >= len(ts) || ts[last].Norm != "calon" && ts[last].Norm != "kandidat" || o.j >= len(ts) {
		return false
	}
	switch ts[o.j].Norm {
	case "bupati", "gubernur", "wali", "walikota", "presiden", "wakil", "legislatif", "anggota", "kepala", "nomor":
		return true
	}
	return strings.HasPrefix(ts[o.j].Norm, "nourut")
}

// particularActor reports whether the actor of hit h is someone in
// particular: carried from an earlier sentence (by name or anaphor),
// introduced as one ("seorang", "oknum", "sang"), or followed by a name,
// initials or a place ("Camat Sakra", "kepala sekolah berinisial MB",
// "guru itu").
func (c *Classifier) particularActor(h netra.Hit, ts []Token, occ []occurrence) bool {
	for _, sp := range h.Spans {
		if sp.Role != rules.RoleActor {
			continue
		}
		for _, o := range occ {
			if c.dict.groups[o.group].role != rules.RoleActor {
				continue
			}
			if st, en := occBytes(ts, o); st != sp.Start || en != sp.End {
				continue
			}
			return o.carried || marksOne(o, ts, c.norm.vocab)
		}
	}
	return false
}

// oneActs reports whether any civil servant among occ (tokens ts) is
// someone in particular: carried from an earlier sentence or marked as
// one (marksOne). It is the cheap check before distant sentences are read.
func (c *Classifier) oneActs(occ []occurrence, ts []Token) bool {
	for _, o := range occ {
		if c.dict.groups[o.group].role == rules.RoleActor && (o.carried || marksOne(o, ts, c.norm.vocab)) {
			return true
		}
	}
	return false
}

// marksOne reports whether the civil servant at o is marked as one
// person by the words around it: a name or place (particular), a name
// standing for the role, "seorang" or "oknum" before, a demonstrative or
// initials right after.
func marksOne(o occurrence, ts []Token, vocab map[string]bool) bool {
	if classWord(o, ts) {
		// "ASN" names the class, unless initials or a name single one
		// out ("seorang ASN berinisial DH", "PNS bernama Rudi").
		return o.j+1 < len(ts) && (ts[o.j].Norm == "berinisial" || ts[o.j].Norm == "bernama" || ts[o.j].Norm == "inisial")
	}
	if particular(o, ts, vocab) || o.j == o.i+1 && o.i < len(ts) && ts[o.i].Upper && !vocab[ts[o.i].Norm] {
		// A capitalised word in or after the role, or the role
		// borrowed by a name the item gave it ("WS tampak …").
		return true
	}
	if o.i > 0 {
		switch ts[o.i-1].Norm {
		case "seorang", "oknum", "sang", "si":
			return true
		}
	}
	return o.j < len(ts) && pointsToOne(ts[o.j].Norm)
}

// titleStops reports whether the item's headline holds a cue of rule cr
// that states a norm, a permission, an appeal or a hypothesis: an article
// headed so explains the rules, and its acts and candidates sentences
// apart are examples. An overseer looking into a case ("Bawaslu
// Telusuri …") does not stop it.
func (c *Classifier) titleStops(cr *compiledRule, doc *docContext) bool {
	if doc == nil || doc.title == "" {
		return false
	}
	for _, o := range doc.titleOccurrences(c) {
		if !cr.cancel[o.group] && !cr.exclude[o.group] {
			continue
		}
		switch c.modes[o.group] {
		case "rule", "permission", "appeal", "hypothetical":
			return true
		}
	}
	return false
}

// titleOccurrences returns the terms of the item's headline, found on
// first use: every rule that weighs a distant side reads them.
func (d *docContext) titleOccurrences(c *Classifier) []occurrence {
	if !d.titleOccDone {
		d.titleOcc, d.titleOccDone = c.dict.find(c.norm.tokens(d.title), nil), true
	}
	return d.titleOcc
}

// sharesWord reports whether the sentences a and b share a word, by its
// stem ("rumah", "rumahnya"), of five letters or more that is not one of
// the common words every sentence may hold.
func sharesWord(a, b []Token) bool {
	for _, x := range a {
		if len(x.Stem) < 5 || commonWord(x.Stem) || commonWord(x.Norm) {
			continue
		}
		for _, y := range b {
			if y.Stem == x.Stem {
				return true
			}
		}
	}
	return false
}

// refersBack reports whether sentence ts opens by pointing back to the
// place, the event or the thing told before ("Di sana sudah menunggu
// calon bupati …", "Dalam acara itu …", "Daftar itu diserahkan kepada tim
// pasangan calon …", "Di dalam tas yang sama …"): it goes on about the
// same scene.
func refersBack(ts []Token) bool {
	if len(ts) < 2 {
		return false
	}
	if ts[1].Norm == "itu" || ts[1].Norm == "tersebut" {
		// "Daftar itu …", "Mobil tersebut …": the thing just told of
		return true
	}
	for k := 1; k+1 < len(ts) && k <= 4; k++ {
		if ts[k].Norm == "yang" && ts[k+1].Norm == "sama" {
			// "Di dalam tas yang sama …", "Pada acara yang sama …"
			return true
		}
	}
	switch ts[0].Norm {
	case "di", "dalam", "pada", "saat", "ketika":
	default:
		return false
	}
	switch ts[1].Norm {
	case "sana", "situ", "sini":
		return true
	}
	return len(ts) > 2 && (ts[2].Norm == "itu" || ts[2].Norm == "tersebut")
}

// pointsBack reports whether the later of the act's sentence ts and its
// neighbour nts (after reports whether the neighbour is the later one)
// refers back to the earlier (refersBack).
func pointsBack(ts, nts []Token, after bool) bool {
	if after {
		return refersBack(nts)
	}
	return refersBack(ts)
}

// commonWord reports function words and words of any report that say
// nothing of what a sentence is about.
func commonWord(w string) bool {
	switch w {
	case "dengan", "untuk", "dalam", "kepada", "tersebut", "sudah", "telah", "akan", "karena", "tetapi", "namun",
		"bahwa", "setelah", "sebelum", "ketika", "saat", "seorang", "sejumlah", "beberapa", "warga", "masyarakat",
		"kabupaten", "kecamatan", "provinsi", "kota", "desa", "mereka", "menurut", "mengatakan", "katanya", "bersama",
		"sebagai", "adalah", "merupakan", "hingga", "sampai", "masih", "belum", "pihaknya", "tidak", "bukan":
		return true
	}
	return false
}
