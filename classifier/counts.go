package classifier

import "github.com/netra-id/netra/rules"

// Counts an overseer reports. A totals cue ("menemukan", "mencatat")
// usually marks news of totals (GUIDE: aggregate), but a count of one
// event, of people counted on one hand, or of one act for a side named
// outright is that act's case.

// countedEvent reports whether cue o is an overseer's count ("mencatat",
// "tercatat") in a sentence that dates what was counted to a day ("mencatat
// sedikitnya 40 guru PNS ikut apel akbar relawan paslon …, Sabtu"): the
// count of one event is that event's case (GUIDE), not totals.
func countedEvent(o occurrence, ts []Token) bool {
	if o.carried {
		return false
	}
	switch ts[o.i].Norm {
	case "mencatat", "tercatat":
	default:
		return false
	}
	for _, t := range ts {
		switch t.Norm {
		case "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "ahad":
			return true
		}
	}
	return false
}

// findingOfFew reports whether totals cue o, a word of finding or
// recording ("temuan", "menemukan", "mencatat": the totals words of the
// stems "temu" and "catat") said of one or two civil servants ("Bawaslu
// meneruskan temuan dugaan ketidaknetralan dua aparatur sipil negara",
// "Bawaslu mencatat seorang guru PNS …"): one finding about people counted
// on one hand is a case, not totals.
func (cr *compiledRule) findingOfFew(o occurrence, occ []occurrence, ts []Token) bool {
	for _, x := range occ {
		if x.carried || x.i <= o.j || x.i-o.j > findingReach || !cr.roleIs(x, rules.RoleActor) {
			continue
		}
		switch ts[x.i-1].Norm {
		case "satu", "seorang", "dua", "1", "2", "kedua":
			return true
		}
	}
	return false
}

// findingReach is how many words may stand between "temuan" and the
// people it is about ("temuan dugaan pelanggaran netralitas oleh dua …").
const findingReach = 6

// countedForSide reports whether a count (countedCase) stands in a
// sentence that names a side outright, a party, a presidential figure, a
// listed candidate or a ballot number ("Bawaslu Kabupaten Sukamaju
// mencatat 40 guru PNS menyukai unggahan caleg Partai Golkar"), over no
// more than one place. The count is of one act for one side, which GUIDE
// counts as a case, not as totals.
func (cr *compiledRule) countedForSide(occ []occurrence, ts []Token) bool {
	return !manyPlaces(ts) && cr.sideOutrightFrom(0, occ, ts)
}

// countedCase reports whether totals cue o, a single word of finding or
// recording, counts a case rather than totals: a finding of people counted
// on one hand, or of one act for a side named outright.
func (cr *compiledRule) countedCase(o occurrence, occ []occurrence, ts []Token) bool {
	if o.carried || o.j != o.i+1 || !findingStem(ts[o.i].Stem) {
		return false
	}
	return cr.findingOfFew(o, occ, ts) || cr.countedForSide(occ, ts)
}

// manyPlaces reports whether tokens ts count over several places
// ("di berbagai daerah", "di 20 kabupaten", "se-Indonesia"): such a count
// is totals, whatever side it names.
func manyPlaces(ts []Token) bool {
	for k, t := range ts {
		switch t.Norm {
		case "berbagai", "sejumlah", "seluruh", "beberapa", "banyak", "se":
			// not "nasional" or "indonesia" alone, which stand in
			// party names ("Partai Amanat Nasional")
			if k+1 < len(ts) && (placeWord(ts[k+1].Norm) || ts[k+1].Norm == "indonesia") {
				return true
			}
		case "se-indonesia":
			return true
		}
		if isDigits(t.Norm) && k+1 < len(ts) && placeWord(ts[k+1].Norm) {
			return true
		}
	}
	return false
}

// placeWord reports whether w names a kind of region.
func placeWord(w string) bool {
	switch w {
	case "daerah", "wilayah", "provinsi", "kabupaten", "kota", "kabupaten/kota", "kecamatan":
		return true
	}
	return false
}

// findingStem reports whether stem w is one of the totals cue's words of
// finding or recording.
func findingStem(w string) bool {
	return w == "temu" || w == "catat"
}
