package classifier

import (
	"strings"

	"github.com/netra-id/netra/rules"
)

// A civil servant is often introduced once by name and title ("Bawaslu
// memanggil Rahmat Hasan, Kepala Bidang di Dinas PUPR.") and named only by
// the name afterwards ("Rahmat diduga hadir dalam pertemuan tim
// pemenangan …"). namedActor finds such a name in an earlier sentence and
// lets a later sentence that uses it borrow the title's actor group.

// maxNameCarry is how many sentences back a name may have been introduced.
const maxNameCarry = 4

// maxNameWords bounds a name: longer runs of capitalised words are
// organisations or places, not people.
const maxNameWords = 3

// namedActor returns, for the first word of sentence tokens ts that names
// a person introduced with an actor title in one of the sentences in back
// (newest first, at most maxNameCarry sentences before sentence at), an
// actor occurrence at that word.
func (c *Classifier) namedActor(text string, back []actorSentence, at int, ts []Token) (occurrence, bool) {
	if len(ts) == 0 {
		return occurrence{}, false
	}
	for j := len(back) - 1; j >= 0 && at-back[j].at <= maxNameCarry; j-- {
		if !back[j].read && !namesFrom(text[ts[0].Start:ts[len(ts)-1].End], text[back[j].start:back[j].end]) {
			continue
		}
		if !back[j].read {
			back[j].names, back[j].read = c.introduced(text, back[j].span), true
		}
		names := back[j].names
		if len(names) == 0 {
			continue
		}
		for k, t := range ts {
			// "kata Agus" quotes a speaker; what follows is not his act.
			if !t.Upper || k > 0 && attributes(ts[k-1].Norm) {
				continue
			}
			if g, ok := names[t.Norm]; ok {
				return occurrence{group: g, i: k, j: k + 1}, true
			}
		}
	}
	return occurrence{}, false
}

// introduced returns the words of the names that sentence s sets beside an
// actor title, each with the title's group: "Rahmat Hasan, Kepala Bidang",
// "Sulaiman, seorang pegawai kelurahan", "Kepala Puskesmas Waioti, dr.
// Maria".
func (c *Classifier) introduced(text string, s span) map[string]int32 {
	ts := c.norm.tokensIn(text, s.start, s.end)
	var names map[string]int32
	add := func(run []Token, g int32) {
		for _, t := range run {
			if len(t.Norm) < 3 && !isInitials(text[t.Start:t.End]) {
				continue
			}
			if names == nil {
				names = map[string]int32{}
			}
			names[t.Norm] = g
		}
	}
	occ := c.dict.find(ts, nil)
	for _, o := range occ {
		if c.dict.groups[o.group].role != rules.RoleActor {
			continue
		}
		add(c.nameAfter(text, ts, o, occ), o.group)
		add(c.nameBefore(text, ts, o, occ), o.group)
	}
	return names
}

// initialsReach is how many words of an office and a place may stand
// between a title and "berinisial".
const initialsReach = 7

// nameAfter reads "TITLE [Place], [dr.] Name Name", "TITLE [di Office
// Place] berinisial AB" and "TITLE [di Office Place] bernama Name".
func (c *Classifier) nameAfter(text string, ts []Token, o occurrence, occ []occurrence) []Token {
	k := o.j
	for n := 0; k < len(ts) && n < maxNameWords && ts[k].Upper && !clauseBreak(text, ts, k-1, k); n++ {
		k++
	}
	// "kepala seksi di Dinas Sosial Sukamaju berinisial AS": an office
	// and a place may stand between the title and the initials.
	b := k
	for n := 0; b < len(ts) && n < initialsReach && (ts[b].Upper || ts[b].Norm == "di" || ts[b].Norm == "pada") && !clauseBreak(text, ts, b-1, b); n++ {
		b++
	}
	if b < len(ts) && (ts[b].Norm == "berinisial" || ts[b].Norm == "inisial") {
		k = b
	}
	if b+1 < len(ts) && ts[b].Norm == "bernama" {
		// "PPPK di Dinas Sosial bernama Rudi Hartono"
		e := b + 1
		for e < len(ts) && e-b <= maxNameWords && ts[e].Upper && !clauseBreak(text, ts, e-1, e) {
			e++
		}
		return c.nameRun(ts, b+1, e, occ)
	}
	if k == o.j && b > k && b < len(ts) && clauseBreak(text, ts, b-1, b) {
		// "PPPK di Dinas Sosial, Rudi, …": the name after the office
		k = b
	}
	if k < len(ts) && (ts[k].Norm == "berinisial" || ts[k].Norm == "inisial") {
		if k+1 < len(ts) && isInitials(text[ts[k+1].Start:ts[k+1].End]) {
			return ts[k+1 : k+2]
		}
		return nil
	}
	if k >= len(ts) || !clauseBreak(text, ts, k-1, k) {
		return nil
	}
	for k < len(ts) && isHonorific(ts[k].Norm) {
		k++
	}
	start := k
	for k < len(ts) && k-start < maxNameWords+1 && ts[k].Upper && (k == start || !clauseBreak(text, ts, k-1, k)) {
		k++
	}
	return c.nameRun(ts, start, k, occ)
}

// nameBefore reads "Name Name, [seorang] TITLE" and "AB yang merupakan
// TITLE".
func (c *Classifier) nameBefore(text string, ts []Token, o occurrence, occ []occurrence) []Token {
	k := o.i - 1
	if k >= 1 && ts[k].Norm == "merupakan" && ts[k-1].Norm == "yang" {
		if k >= 2 && isInitials(text[ts[k-2].Start:ts[k-2].End]) {
			return ts[k-2 : k-1]
		}
		return nil
	}
	if k >= 0 && (ts[k].Norm == "seorang" || ts[k].Norm == "sebagai") {
		k--
	}
	if k < 0 || !clauseBreak(text, ts, k, k+1) {
		return nil
	}
	end := k + 1
	for k >= 0 && end-k <= maxNameWords+1 && ts[k].Upper && (k == end-1 || !clauseBreak(text, ts, k, k+1)) {
		k--
	}
	if k >= 0 && notBeforeName(ts[k].Norm) {
		return nil
	}
	return c.nameRun(ts, k+1, end, occ)
}

// nameRun checks that tokens [i, j) look like a person's name: one to
// maxNameWords capitalised words, none of them a term of the rules (a
// title, a party, a place word) or a word of an organisation.
func (c *Classifier) nameRun(ts []Token, i, j int, occ []occurrence) []Token {
	if j-i < 1 || j-i > maxNameWords {
		return nil
	}
	for _, o := range occ {
		if o.i < j && o.j > i {
			return nil
		}
	}
	for _, t := range ts[i:j] {
		if !t.Upper || !isWordish(t.Norm) || notName(t.Norm) {
			return nil
		}
	}
	return ts[i:j]
}

// notBeforeName reports words that make the capitalised words after them a
// place or an organisation ("di Kabupaten Alor, seorang guru …").
func notBeforeName(w string) bool {
	switch w {
	case "di", "ke", "dari", "pada", "dalam", "untuk", "oleh", "kepada", "bersama", "dengan":
		return true
	}
	return false
}

// notName reports capitalised words that belong to places, offices and
// sentence openers rather than to people's names.
func notName(w string) bool {
	switch w {
	case "kabupaten", "kab", "kota", "provinsi", "kecamatan", "kelurahan", "desa", "dusun",
		"dinas", "badan", "kantor", "partai", "bawaslu", "kpu", "kasn", "bkn", "pemkab", "pemkot",
		"pemprov", "inspektorat", "sekolah", "puskesmas", "rumah", "sakit", "universitas",
		"menurut", "namun", "selain", "sementara", "sebelumnya", "kemudian", "saat", "ketika",
		"dalam", "pada", "di", "itu", "ini", "yang", "dan", "atau", "tim", "pasangan", "calon",
		"berdasarkan", "terkait", "sedangkan", "adapun", "bahkan":
		return true
	}
	return false
}

// mayName is a cheap check on the raw sentence s before it is tokenised:
// may it name someone one of the sentences in back introduced (namesFrom)?
func mayName(text string, s span, back []actorSentence, at int) bool {
	for k := len(back) - 1; k >= 0 && at-back[k].at <= maxNameCarry; k-- {
		if namesFrom(text[s.start:s.end], text[back[k].start:back[k].end]) {
			return true
		}
	}
	return false
}

// namesFrom reports whether a capitalised word of sent (three letters or
// more, or initials) stands in sentence b where a name is introduced: the
// cheap check before b is tokenised to read the names it introduces.
func namesFrom(sent, b string) bool {
	for i := 0; i < len(sent); {
		for i < len(sent) && !isAlnumByte(sent[i]) {
			i++
		}
		j := i
		for j < len(sent) && isAlnumByte(sent[j]) {
			j++
		}
		w := sent[i:j]
		if (j-i >= 3 || isInitials(w)) && j > i && w[0] >= 'A' && w[0] <= 'Z' && !notName(strings.ToLower(w)) && nearIntroduction(b, w) {
			return true
		}
		i = j
	}
	return false
}

// nearIntroduction reports whether word w stands in sentence b where a
// name is introduced: in a run of capitalised words that a comma closes
// ("Rahmat Hasan, Kepala …") or opens (", dr. Maria,"), or next to
// "berinisial", "bernama" / "yang merupakan".
func nearIntroduction(b, w string) bool {
	for off := 0; ; {
		i := strings.Index(b[off:], w)
		if i < 0 {
			return false
		}
		i += off
		off = i + len(w)
		if i > 0 && isAlnumByte(b[i-1]) || off < len(b) && isAlnumByte(b[off]) {
			continue // part of a longer word
		}
		if closedByComma(b[off:]) || openedByComma(b[:i]) ||
			strings.HasSuffix(strings.TrimRight(b[:i], " "), "inisial") || strings.HasSuffix(strings.TrimRight(b[:i], " "), "bernama") ||
			strings.HasPrefix(strings.TrimLeft(b[off:], " "), "yang merupakan") {
			return true
		}
	}
}

// closedByComma reports whether rest, the text after a name word, reaches
// a comma across at most two more capitalised words.
func closedByComma(rest string) bool {
	for n := 0; ; n++ {
		rest = strings.TrimLeft(rest, " ")
		if strings.HasPrefix(rest, ",") {
			return true
		}
		if n == 2 || rest == "" || rest[0] < 'A' || rest[0] > 'Z' {
			return false
		}
		k := 0
		for k < len(rest) && (isAlnumByte(rest[k]) || rest[k] == '.') {
			k++
		}
		rest = rest[k:]
	}
}

// openedByComma reports whether before, the text before a name word,
// ends with a comma across at most two more capitalised words or titles
// ("…, dr. Maria", "…, Budi Santoso").
func openedByComma(before string) bool {
	for n := 0; ; n++ {
		before = strings.TrimRight(before, " ")
		if strings.HasSuffix(before, ",") {
			return true
		}
		k := len(before)
		for k > 0 && (isAlnumByte(before[k-1]) || before[k-1] == '.') {
			k--
		}
		if n == 2 || k == len(before) || !(before[k] >= 'A' && before[k] <= 'Z' || isHonorific(strings.ToLower(strings.TrimSuffix(before[k:], ".")))) {
			return false
		}
		before = before[:k]
	}
}

// isInitials reports a word written as a person's initials, as news
// names suspects ("AT", "MN", "SRW"): two to four capital letters.
func isInitials(w string) bool {
	if len(w) < 2 || len(w) > 4 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}
