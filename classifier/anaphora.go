package classifier

// Who a sentence with no person of its own is about: an anaphor ("Ia …"),
// a connective ("Lalu …"), the writer ("Gue …") or a name introduced with
// a title earlier carries the actor of an earlier sentence into it.

import (
	"strings"

	"github.com/netra-id/netra/rules"
)

// actorSentence is a sentence with an actor keyword and its index.
type actorSentence struct {
	span
	at int
	// names holds the names the sentence introduces with a title, once
	// read is set (read lazily: most sentences are never looked back to).
	names map[string]int32
	read  bool
	// carried is the actor an anaphor brought into the sentence from an
	// earlier one (hasCarried set): "Ia …" two sentences on refers to it
	// in turn, so a chain of anaphors keeps its person.
	carried    occurrence
	hasCarried bool
	// link marks a sentence with no act that may open with an anaphor
	// ("Ia memberi nasihat."): a later anaphor looks through it.
	link bool
}

// hasActor reports whether an actor term occurs among occ.
func (c *Classifier) hasActor(occ []occurrence) bool {
	for _, o := range occ {
		if c.dict.groups[o.group].role == rules.RoleActor {
			return true
		}
	}
	return false
}

// opensWithPronoun reports whether the sentence's subject is a personal
// pronoun ("Ia diduga mengajak staf kecamatan …"). Other anaphors
// ("Mereka yang dipanggil yakni …", "ketiganya") often introduce the
// people named after them.
func (c *Classifier) opensWithPronoun(text string, occ []occurrence, ts []Token) bool {
	return singularSubject(ts) && c.anaphora >= 0 && opensWithAnaphor(text, occ, ts, c.anaphora, c.dict.groups)
}

// dropObjects removes the actors of a sentence whose subject is an
// anaphor when each of them stands after the first act: they are whom
// the act was done to ("Ia mengajak staf di kantor kecamatan memilih
// …"), and the anaphor's antecedent is the one who did it.
func (c *Classifier) dropObjects(occ []occurrence) []occurrence {
	firstAct := -1
	for _, o := range occ {
		if c.dict.groups[o.group].role == rules.RoleAct && (firstAct < 0 || o.i < firstAct) {
			firstAct = o.i
		}
	}
	if firstAct < 0 {
		return occ
	}
	for _, o := range occ {
		if c.dict.groups[o.group].role == rules.RoleActor && o.i < firstAct {
			return occ
		}
	}
	out := occ[:0]
	for _, o := range occ {
		if c.dict.groups[o.group].role != rules.RoleActor {
			out = append(out, o)
		}
	}
	return out
}

// mayBorrow is the cheap check, before sentence s (number at) is
// tokenised, that borrow may find an actor for it in back.
func (c *Classifier) mayBorrow(text string, s span, back []actorSentence, at int) bool {
	if len(back) == 0 {
		return false
	}
	since := at - back[len(back)-1].at
	if c.anaphora >= 0 && since <= maxCarry && c.mayOpenWithAnaphor(text[s.start:s.end]) {
		return true
	}
	if since <= groupCarry {
		// A numbered group ("Ketiganya …"), a record or a deed
		// ("Rekaman itu …", "Pernyataan tersebut …") opens the sentence.
		first, _ := nextWord(text[s.start:s.end])
		first = strings.ToLower(first)
		if c.anaphora >= 0 && opensGroupWord(first) || since <= maxCarry && (recordWord(first) || deedWord(first)) {
			return true
		}
	}
	if since == 1 && speechOn(text, back[len(back)-1].span, s.start) {
		return true
	}
	return since <= maxNameCarry && mayName(text, s, back, at)
}

// borrow brings an actor from an earlier sentence into one that has none:
// through an anaphor that opens it ("Ia …"), else through the name of a
// person an earlier sentence introduced with a title ("Rahmat …").
func (c *Classifier) borrow(text string, back []actorSentence, at int, ts []Token, occ []occurrence, doc *docContext) []occurrence {
	n := len(occ)
	if occ = c.carry(text, back, at, ts, occ, doc); len(occ) > n {
		return occ
	}
	if o, ok := c.namedActor(text, back, at, ts); ok {
		occ = append(occ, o)
	}
	return occ
}

// carry appends to occ the last actor of the newest sentence in back, at
// most maxCarry sentences before sentence at, that has one, when the
// current sentence opens with an anaphor; otherwise occ comes back
// unchanged. A sentence in back may hold only a lookalike ("kecamatan"),
// so an older one is tried next.
func (c *Classifier) carry(text string, back []actorSentence, at int, ts []Token, occ []occurrence, doc *docContext) []occurrence {
	if c.anaphora < 0 {
		return occ
	}
	if c.opensWithSelf(occ, ts) {
		// "Gue PNS di dinas Pemprov. Gue udah like postingan capres":
		// the writer who said what they are goes on about themselves.
		for j := len(back) - 1; j >= 0 && at-back[j].at <= maxCarry; j-- {
			if back[j].hasCarried || back[j].link {
				continue
			}
			if a, ok := c.selfActor(text, back[j].span, doc); ok {
				return append(occ, a)
			}
		}
		return occ
	}
	goesOn := false
	if k := callForNumber(ts); k >= 0 && len(back) > 0 && back[len(back)-1].at == at-1 {
		goesOn = speechOn(text, back[len(back)-1].span, ts[k].Start)
	}
	if !goesOn && !opensWithAnaphor(text, occ, ts, c.anaphora, c.dict.groups) && !c.opensWithContinuation(occ, ts) && !recordBefore(text, back, ts) {
		return occ
	}
	reach := maxCarry
	if opensWithGroup(ts) {
		reach = groupCarry
	}
	if a, ok := c.antecedent(text, back, at, reach, doc); ok {
		return append(occ, a)
	}
	return occ
}

// opensWithGroup reports whether the sentence opens with a numbered group
// ("Ketiganya diduga membagikan amplop …"): it refers back to people
// listed together, and a report may give the evidence in sentences
// between, so it reaches further back than "ia".
func opensWithGroup(ts []Token) bool {
	return len(ts) > 0 && opensGroupWord(ts[0].Norm)
}

// opensGroupWord reports whether w is a numbered group's word.
func opensGroupWord(w string) bool {
	switch w {
	case "keduanya", "ketiganya", "keempatnya", "kelimanya":
		return true
	}
	return false
}

// antecedent returns the person an anaphor in sentence at refers to: the
// last actor of the newest sentence in back, at most reach sentences
// before, that has one, or the one a sentence there carried in itself.
// A sentence that only passes it on ("Ia memberi nasihat.") is followed
// back in turn.
func (c *Classifier) antecedent(text string, back []actorSentence, at, reach int, doc *docContext) (occurrence, bool) {
	for j := len(back) - 1; j >= 0 && at-back[j].at <= reach; j-- {
		switch {
		case back[j].hasCarried:
			return back[j].carried, true
		case back[j].link:
			if ts, occ := c.backSentence(text, back[j].span, doc); opensWithAnaphor(text, occ, ts, c.anaphora, c.dict.groups) {
				return c.antecedent(text, back[:j], back[j].at, maxCarry, doc)
			}
			continue
		}
		if a, ok := c.lastActor(text, back[j].span, doc); ok {
			return a, true
		}
	}
	return occurrence{}, false
}

// maxCarry is how many sentences back an anaphor may refer; groupCarry
// is that reach for a numbered group ("ketiganya").
const (
	maxCarry   = 2
	groupCarry = 4
)

// mayOpenWithAnaphor is a cheap check on the raw sentence: does one of its
// first three words start an anaphor? Only then is the sentence tokenised.
func (c *Classifier) mayOpenWithAnaphor(sent string) bool {
	if c.mayFrontAnaphor(sent) {
		return true
	}
	for k := 0; k < 3 && sent != ""; k++ {
		var w string
		w, sent = nextWord(sent)
		if w != "" && len(w) <= 16 && c.anaphorWords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// mayFrontAnaphor is the cheap check for an anaphor right after the first
// comma of a sentence that opens with a fronted clause (afterFrontedClause).
func (c *Classifier) mayFrontAnaphor(sent string) bool {
	first, _ := nextWord(sent)
	if first == "" || !fronts(strings.ToLower(first)) {
		return false
	}
	comma := strings.IndexByte(sent, ',')
	if comma < 0 {
		return false
	}
	w, _ := nextWord(sent[comma+1:])
	return w != "" && len(w) <= 16 && c.anaphorWords[strings.ToLower(w)]
}

// nextWord returns the first run of letters and digits in s and what
// follows it.
func nextWord(s string) (word, rest string) {
	i := 0
	for i < len(s) && !isAlnumByte(s[i]) {
		i++
	}
	j := i
	for j < len(s) && isAlnumByte(s[j]) {
		j++
	}
	return s[i:j], s[j:]
}

// opensWithAnaphor reports whether an anaphor stands among the first three
// tokens of the sentence as its subject: "Menurut dia, …" and "kata dia"
// attribute what follows to a speaker, who is not the actor of the
// previous sentence; so does "Dia menjelaskan, …", where the comma opens
// what the speaker reports about others. (Without the comma the content
// often goes on about the actor before: "Dia menjelaskan swafoto bidan dan
// perawat itu terjadi saat …".)
func opensWithAnaphor(text string, occ []occurrence, ts []Token, anaphora int32, groups []group) bool {
	for _, o := range occ {
		if o.group != anaphora || (o.i >= 3 && !afterFrontedClause(text, ts, o.i)) {
			continue
		}
		if o.i > 0 && o.i-1 < len(ts) && attributes(ts[o.i-1].Norm) {
			continue
		}
		if o.j < len(ts) && perceives(ts[o.j].Norm) {
			// "Mereka melihat pemerintah sedang memihak": what they
			// see or think is someone else's doing.
			continue
		}
		if o.j+1 < len(ts) && speaks(ts[o.j].Norm) && (clauseBreak(text, ts, o.j, o.j+1) || startsSide(occ, o.j+1, groups)) {
			// "Dia menjelaskan, …" and "Ia menyebut peserta pemilu …":
			// what follows is what the speaker says about others.
			continue
		}
		return true
	}
	return false
}

// maxFronted is how many tokens a clause put before the subject may have.
const maxFronted = 20

// afterFrontedClause reports whether token k opens the main clause after
// a clause put in front of it: the sentence opens with a word of time,
// place or source and token k follows the first comma ("Saat memberikan
// nasihat perkawinan di Kecamatan X, ia menyelipkan …", "Menurut tiga
// petani yang hadir, ia menyebut …").
func afterFrontedClause(text string, ts []Token, k int) bool {
	if k < 2 || k > maxFronted || !fronts(ts[0].Norm) {
		return false
	}
	for m := 1; m < k; m++ {
		if strings.Contains(between(text, ts, m-1, m), ",") {
			return false
		}
	}
	return strings.Contains(between(text, ts, k-1, k), ",")
}

// fronts reports words that open a clause put before the subject.
func fronts(w string) bool {
	switch w {
	case "menurut", "saat", "ketika", "waktu", "sewaktu", "dalam", "pada", "usai", "seusai", "setelah", "sesudah",
		"sebelum", "sambil", "selama", "sejak", "berdasarkan", "sesuai", "meski", "meskipun", "walau", "walaupun":
		return true
	}
	return false
}

// opensWithContinuation reports whether the sentence opens with a
// connective that goes on with the previous actor ("Lalu …", "Terus …")
// and no person or side stands right after it as a subject of its own
// ("Lalu paslon nomor 2 naik panggung" is the candidate's act).
func (c *Classifier) opensWithContinuation(occ []occurrence, ts []Token) bool {
	o, ok := opening(occ, ts, c.continuation, 3)
	if !ok {
		return false
	}
	for _, p := range occ {
		if p.i >= o.j && p.i <= o.j+1 && c.dict.groups[p.group].role == rules.RoleTarget {
			return false
		}
	}
	return true
}

// onlyTimeBefore reports whether the tokens before k only say when
// ("Bulan lalu disuruh …", "Kemarin sempat diajak …"), so the sentence
// still has no subject of its own.
func onlyTimeBefore(ts []Token, k int) bool {
	for _, t := range ts[:k] {
		switch t.Norm {
		case "kemarin", "kmrn", "semalam", "semalem", "tadi", "pagi", "siang", "sore", "malam", "malem",
			"bulan", "minggu", "pekan", "tahun", "hari", "lalu", "ini", "itu", "kemudian", "dulu",
			"sempat", "pernah", "juga", "bahkan", "malah", "eh", "pas", "waktu", "baru", "sudah", "udah", "udh":
		default:
			return false
		}
	}
	return true
}

// startsSide reports whether a target (a side, a candidate, a party) or
// another person starts at token k.
func startsSide(occ []occurrence, k int, groups []group) bool {
	for _, o := range occ {
		if !o.carried && o.i == k && (groups[o.group].role == rules.RoleTarget || groups[o.group].role == rules.RoleActor) {
			return true
		}
	}
	return false
}

// speaks reports verbs that introduce what a speaker says.
func speaks(w string) bool {
	switch w {
	case "mengatakan", "menjelaskan", "menambahkan", "menuturkan", "mengungkapkan", "menegaskan", "menerangkan", "berkata", "memaparkan", "menyebutkan", "menyampaikan", "mengingatkan", "menyebut", "menilai", "mengklaim":
		return true
	}
	return false
}

// perceives reports verbs of seeing, judging and fearing, whose object is
// a clause about someone else.
func perceives(w string) bool {
	switch w {
	case "melihat", "lihat", "menilai", "merasa", "menganggap", "mengira", "menyangka", "khawatir", "cemas", "curiga", "mencurigai":
		return true
	}
	return false
}

// attributes reports words that make the next pronoun a speaker.
func attributes(w string) bool {
	switch w {
	case "menurut", "kata", "ujar", "ungkap", "jelas", "tutur":
		return true
	}
	return false
}

// opensWithSelf reports whether the sentence opens, after words of time
// only, with a first-person pronoun of the pack's "self" gazetteer.
func (c *Classifier) opensWithSelf(occ []occurrence, ts []Token) bool {
	_, ok := opening(occ, ts, c.self, 2)
	return ok
}

// opening returns the occurrence of group g (g < 0: none) that opens the
// sentence at token maxAt or before, after words of time only.
func opening(occ []occurrence, ts []Token, g int32, maxAt int) (occurrence, bool) {
	if g < 0 {
		return occurrence{}, false
	}
	for _, o := range occ {
		if o.group == g && !o.carried && o.i <= maxAt && onlyTimeBefore(ts, o.i) {
			return o, true
		}
	}
	return occurrence{}, false
}

// selfActor returns, as a carried occurrence, an actor of sentence s that
// the writer says they are: right after a first-person pronoun, perhaps
// with "ini", "seorang" or "sebagai" between ("gue PNS", "saya ini guru").
func (c *Classifier) selfActor(text string, s span, doc *docContext) (occurrence, bool) {
	ts, occ := c.backSentence(text, s, doc)
	for _, o := range occ {
		if c.dict.groups[o.group].role != rules.RoleActor || o.group == c.heads.other {
			continue
		}
		for k := o.i - 1; k >= 0 && k >= o.i-2; k-- {
			if c.isSelf(occ, k) {
				return carriedFrom(o, ts), true
			}
			switch ts[k].Norm {
			case "ini", "seorang", "sebagai", "sbg", "juga", "kan", "adalah":
				continue
			}
			break
		}
	}
	return occurrence{}, false
}

// isSelf reports whether token k is a first-person pronoun.
func (c *Classifier) isSelf(occ []occurrence, k int) bool {
	for _, o := range occ {
		if o.group == c.self && o.i == k {
			return true
		}
	}
	return false
}

// lastActor returns the last actor of sentence s as a carried occurrence.
func (c *Classifier) lastActor(text string, s span, doc *docContext) (occurrence, bool) {
	ts, occ := c.backSentence(text, s, doc)
	last := -1
	for k, o := range occ {
		// "Ia" is a person, never the official car of the sentence
		// before.
		if c.dict.groups[o.group].role == rules.RoleActor && o.group != c.facility && (last < 0 || o.i >= occ[last].i) {
			last = k
		}
	}
	if last < 0 || genericClass(occ[last], ts, false) {
		return occurrence{}, false
	}
	return carriedFrom(occ[last], ts), true
}

// backSentence tokenises an earlier sentence s and finds its occurrences,
// with the item's references applied, for an actor to be carried from it.
func (c *Classifier) backSentence(text string, s span, doc *docContext) ([]Token, []occurrence) {
	ts := c.norm.tokensIn(text, s.start, s.end)
	return ts, c.resolveRefs(c.dict.find(ts, nil), ts, doc)
}

// carriedFrom is occurrence o of an earlier sentence (tokens ts) as carried
// into the current one: its bytes kept, its token positions void.
func carriedFrom(o occurrence, ts []Token) occurrence {
	return occurrence{group: o.group, carried: true, start: ts[o.i].Start, end: ts[o.j-1].End}
}

// A speech a civil servant opens in one sentence ("Bapak kepala sekolah
// bilang, anak-anak dapat bangku baru karena bantuan Pak D.") may go on in
// the next with no quotation mark between ("Jadi tanggal 14 nanti jangan
// lupa, coblos nomor 5."): the call to vote there is the speaker's.

// speechVerbs are verbs of saying with the comma or colon that opens what
// is said.
var speechVerbs = [...]string{"bilang,", "bilang:", "berkata,", "berkata:", "mengatakan,", "berpesan,", "berpesan:", "ngomong,", "ngomong:", "menegaskan,", "bilang gini"}

// speechOn reports whether sentence prev opens a speech (speechVerbs) and
// no quotation mark stands between it and byte upto of a later sentence,
// which then goes on with it.
func speechOn(text string, prev span, upto int) bool {
	p := text[prev.start:prev.end]
	at := -1
	for _, v := range speechVerbs {
		if k := strings.Index(p, v); k >= 0 && (at < 0 || k < at) {
			at = k + len(v)
		}
	}
	if at < 0 || upto > len(text) || prev.start+at > upto {
		return false
	}
	return !strings.ContainsAny(text[prev.start+at:upto], "\"“”")
}

// callForNumber returns where ts calls to vote for a number ("coblos
// nomor 5"), or -1: only such a call is taken as the speech going on.
func callForNumber(ts []Token) int {
	for k := 0; k+1 < len(ts); k++ {
		if callsToVote(ts[k].Norm) && numberAfter(ts, k+1) {
			return k
		}
	}
	return -1
}

// recordBefore reports whether sentence ts opens by judging the deed just
// told of ("Pernyataan tersebut dinilai …"), or with a record the newest
// sentence in back told of and says what it holds ("… menyangkal
// suara dalam rekaman yang beredar adalah suaranya. Rekaman berdurasi
// tiga menit itu berisi arahan kepada para bawahan untuk mendukung …"):
// what a record holds are the words of the one whose record it is.
func recordBefore(text string, back []actorSentence, ts []Token) bool {
	if len(back) == 0 || len(ts) < 3 {
		return false
	}
	if deedWord(ts[0].Norm) && (ts[1].Norm == "itu" || ts[1].Norm == "tersebut") && judged(ts[2].Norm) {
		// "Pernyataan tersebut dinilai sebagai kampanye terselubung
		// bagi pasangan nomor 2": what is judged is the deed just told.
		return true
	}
	if !recordWord(ts[0].Norm) {
		return false
	}
	for k := 1; k < len(ts)-1 && k <= 8; k++ {
		if ts[k].Norm != "itu" && ts[k].Norm != "tersebut" {
			continue
		}
		switch ts[k+1].Norm {
		case "berisi", "isinya", "memuat", "berbunyi", "bertuliskan":
			b := back[len(back)-1].span
			return strings.Contains(strings.ToLower(text[b.start:b.end]), ts[0].Norm)
		}
		return false
	}
	return false
}

// deedWord reports words for what someone said or did.
func deedWord(w string) bool {
	switch w {
	case "pernyataan", "ucapan", "perkataan", "tindakan", "perbuatan", "sikap", "aksi", "ulah":
		return true
	}
	return false
}

// judged reports words that judge what a deed was.
func judged(w string) bool {
	switch w {
	case "dinilai", "dianggap", "merupakan", "termasuk", "tergolong", "dikategorikan", "disebut":
		return true
	}
	return false
}

// recordWord reports words for a record of someone's words.
func recordWord(w string) bool {
	switch w {
	case "rekaman", "video", "audio", "surat", "pesan", "unggahan", "postingan", "edaran", "selebaran":
		return true
	}
	return false
}
