package classifier

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/rules"
)

// postWeight scales the weight of a hit whose roles came from different
// sentences of one post (evalWholePost).
const postWeight = 0.7

// evalWholePost reads a short post that no sentence completed as one
// incident told in pieces ("Jam 4 sore semua disuruh kumpul di aula. …
// Taunya pak kadis muter video … Pulangnya dapat kalender bergambar
// paslon."): a rule fires with its roles from any sentence, but only when
// the post names civil servants and nobody else who might have acted (no
// "ada yang …", no "oleh …"; bystanders aside), and no denial, rumour,
// rule statement, sanction, enforcement or finding of no case stands
// anywhere in it. Other cues
// (clauseCancel) stop the reading only in a sentence that holds one of
// the hit's roles (cueInRoleSentence).
func (c *Classifier) evalWholePost(text string, sents []span, doc *docContext, hits []netra.Hit, nm *nearMisses) []netra.Hit {
	ts := c.norm.tokensIn(text, 0, len(text))
	occ := c.resolveRefs(c.dict.find(ts, nil), ts, doc)
	asnAt := func(k int) bool {
		for _, o := range occ {
			if !o.carried && o.i == k && o.group == c.heads.asn {
				return true
			}
		}
		return false
	}
	if namesAgent(ts, asnAt) {
		// "ada yang bagi-bagi stiker …": someone else did it.
		nm.wholePost(text, `someone else is named as the agent ("ada yang …", "oleh …")`)
		return hits
	}
	asn := false
	for _, o := range occ {
		switch role := c.dict.groups[o.group].role; {
		case role == rules.RoleCancel && !c.clauseCancel[o.group] && !askedAndDenied(o, text, ts) && !nothingDone(o, ts) && !scareQuoted(o, text, ts) && !criminalOnly(o, ts) && !chainFrom(o, occ, ts, func(x occurrence) bool { return x.group == c.heads.asn }):
			nm.wholePost(text, fmt.Sprintf("the post is a %s anywhere (cue %q)", c.modes[o.group], occText(text, ts, o)))
			return hits
		case role == rules.RoleActor && o.group == c.heads.asn:
			asn = true
		case role == rules.RoleActor && o.group != c.facility && !bystander(o, ts):
			nm.wholePost(text, fmt.Sprintf("someone who is not a civil servant is named (%q)", occText(text, ts, o)))
			return hits
		}
	}
	if !asn {
		nm.wholePost(text, "no civil servant named by role")
		return hits
	}
	whole, mode := span{0, len(text)}, c.reportMode(occ)
	for _, cr := range c.joined {
		if len(hits) >= maxHits {
			break
		}
		h, st := cr.eval(text, whole, ts, occ, c.modes)
		if st != fired {
			continue
		}
		if why := c.wholePostVeto(text, sents, h, ts, occ); why != "" {
			// Civil servants as a class ("ASN Netral, Pemilu Damai" on a
			// banner) tie no act in one sentence to a side in another.
			nm.wholePost(text, cr.rule.ID+": "+why, hitRoles(h)...)
			continue
		}
		h.Mode, h.Weight = mode, h.Weight*postWeight
		hits = append(hits, h)
	}
	return hits
}

// wholePostVeto says why a rule that fired on a post read whole does not
// count, or "" when it does.
func (c *Classifier) wholePostVeto(text string, sents []span, h netra.Hit, ts []Token, occ []occurrence) string {
	switch {
	case c.classActor(h, ts, occ):
		return "the actor is civil servants as a class"
	case c.ownSubject(text, h, ts, occ):
		return "someone else is the act's subject"
	case c.quotedSource(h, ts, occ):
		return "the actor is only quoted or a figure of speech"
	case c.cueInRoleSentence(text, sents, h, ts, occ):
		return "a cue stands in a sentence that holds the act's roles"
	}
	return ""
}

// framed adds to the occurrences of sentence i (tokens ts) what frames it
// from the sentences around it: the example cue of a sentence right
// before that announces examples (lead, from sentence leadAt), unless the
// example names its civil servant, and the norm of a sentence right after
// that takes it up ("Semua itu dilarang.").
func (c *Classifier) framed(text string, sents []span, i int, ts []Token, occ []occurrence, lead occurrence, leadAt int) []occurrence {
	if len(occ) == 0 {
		return occ
	}
	if leadAt == i-1 && !c.namesSomeone(occ, ts) {
		occ = append(occ, lead)
	}
	if i+1 < len(sents) {
		if cue, ok := c.resumedAsNorm(text[sents[i+1].start:sents[i+1].end]); ok {
			occ = append(occ, cue)
		}
	}
	return occ
}

// namesSomeone reports whether a civil servant among occ (tokens ts) is
// named or given initials ("seorang ASN pemkab bernama Rizal …", "camat
// berinisial AS"): the example announced before is a real case ("Kasus di
// Kabupaten … menjadi contohnya."), not one made up to show the rule.
func (c *Classifier) namesSomeone(occ []occurrence, ts []Token) bool {
	for _, o := range occ {
		if o.carried || o.group != c.heads.asn {
			continue
		}
		for k := o.j; k < len(ts) && k < o.j+3; k++ {
			if n := ts[k].Norm; (n == "bernama" || n == "berinisial") && k+1 < len(ts) && ts[k+1].Upper {
				return true
			}
		}
	}
	return false
}

// ownSubject reports whether the clause of hit h's act names a subject of
// its own before the act: a side ("paslon nomor 2 membagikan …"), the
// writer ("Saya lihat baliho …"), a word for someone else ("PT", "warga",
// "tim") or a name no gazetteer knows ("PT ABC kemudian membagikan …").
func (c *Classifier) ownSubject(text string, h netra.Hit, ts []Token, occ []occurrence) bool {
	act := -1
	for _, sp := range h.Spans {
		if sp.Role != rules.RoleAct {
			continue
		}
		for k, t := range ts {
			if t.Start == sp.Start {
				act = k
				break
			}
		}
	}
	for k := act - 1; k >= 0; k-- {
		if gap := between(text, ts, k, k+1); strings.ContainsAny(gap, ".!?,;:") {
			break
		}
		for _, o := range occ {
			if o.carried || k < o.i || k >= o.j {
				continue
			}
			// A side ("paslon nomor 2 membagikan …"), or a politician
			// ("petahana bagi-bagi sembako"): their own act.
			if c.dict.groups[o.group].role == rules.RoleTarget || c.clauseCancel[o.group] && c.modes[o.group] == "not_asn" {
				return true
			}
		}
		switch ts[k].Norm {
		case "pt", "cv", "perusahaan", "toko", "tim", "relawan", "simpatisan", "pendukung", "kader", "warga", "masyarakat", "seseorang", "orang", "saya", "aku", "gue", "gw", "sy", "ane":
			return true
		case "pemerintah":
			// "Mereka melihat pemerintah sedang memihak": the
			// government as a whole, unless it is part of a civil
			// servant's title ("pegawai pemerintah").
			if !c.inActor(k, occ) {
				return true
			}
		}
		if k > 0 && ts[k].Upper && !c.norm.vocab[ts[k].Norm] && !strings.ContainsAny(between(text, ts, k-1, k), ".!?") && !placeAt(ts, k) && act-k <= nameSubjectReach {
			return true
		}
	}
	return false
}

// classActor reports whether the actor of hit h is only words for civil
// servants as a class ("ASN", "PNS"; see classWord).
func (c *Classifier) classActor(h netra.Hit, ts []Token, occ []occurrence) bool {
	o, ok := c.hitActor(h, ts, occ)
	return ok && classWord(o, ts) && !statusOf(o, ts)
}

// statusOf reports whether class word o is said of someone as their
// status ("Dia kerja di dinas PUPR, udah PNS 11 tahun", "suaminya
// berstatus ASN", "Bu Rina, ASN di Disdukcapil"): the post is about that
// person, not the class.
func statusOf(o occurrence, ts []Token) bool {
	if o.carried || o.i == 0 {
		return false
	}
	if o.i >= 2 && ts[o.i-1].Upper && addressTerm(ts[o.i-2].Norm) {
		// "Namanya Bu Rina, ASN di Disdukcapil Kab. Lembata": said of
		// the one named.
		return true
	}
	k := o.i - 1
	switch ts[k].Norm {
	case "jadi", "jd", "menjadi":
		// "udah jadi PNS", not "nan karajo jadi ASN" (whoever works as
		// one)
		k--
		if k < 0 {
			return false
		}
	}
	switch ts[k].Norm {
	case "udah", "sudah", "sdh", "dah", "adalah", "berstatus", "statusnya", "dia", "beliau", "ia", "itu":
		return true
	}
	return false
}

// clauseCancelGazetteers are the cancel gazetteers whose reach is their
// own clause, not the whole post: a politician ("petahana") is someone
// else only as the act's subject (ownSubject); a negation, "bisa",
// "supaya", "akan", a request, a prohibition, a hypothesis, an
// explanation, an appeal, a permission, a threat, a condition, a total or
// a question speaks of its own sentence ("Tidak wajib, tapi dicatat",
// "yang bisa, ikut ke GOR", "Screenshot ada kalau mau", a closing
// "Netral? 🤡"), and stops the reading only there (cueInRoleSentence).
// Denials, rumours, rule statements, sanctions, enforcement and findings
// of no case speak of the whole post.
var clauseCancelGazetteers = []string{"political_official", "office_sought", "negation", "modal_permission", "purpose", "future", "request", "prohibition", "hypothetical", "aggregate", "explanation", "appeal", "permission", "threat", "condition", "question"}

// quotedSource reports whether the actor of hit h is only the source of
// words the writer quotes ("Kata guruku dulu, tangan kanan memberi …") or
// a figure of speech about a side ("anis guru jokowi"), not someone who
// did anything.
func (c *Classifier) quotedSource(h netra.Hit, ts []Token, occ []occurrence) bool {
	o, ok := c.hitActor(h, ts, occ)
	if !ok || o.carried || o.i == 0 {
		return false
	}
	switch ts[o.i-1].Norm {
	case "kata", "ujar", "menurut", "nasihat", "nasehat":
		return true
	case "pesan":
		// "Pesan pak lurah di grup RT/RW: …" is a message sent, not a
		// saying.
		return !sentMessage(ts, o.j)
	}
	// "anis guru jokowi": a side's name right after the role says whose
	// teacher, not which school's.
	for _, t := range occ {
		if !t.carried && t.i == o.j && c.dict.groups[t.group].role == rules.RoleTarget {
			return true
		}
	}
	return false
}

// cueInRoleSentence reports whether a cue the whole-post reading passed
// over (clauseCancel, other than a politician) stands in a sentence that
// holds one of hit h's roles: "berfoto bersama bukan dengan tanda nomor
// urut. Caleg … tidak ikut acara" negates the act and the side in their
// own sentences.
func (c *Classifier) cueInRoleSentence(text string, sents []span, h netra.Hit, ts []Token, occ []occurrence) bool {
	for _, o := range occ {
		if o.carried || !c.clauseCancel[o.group] || c.pressureCue[o.group] || scareQuoted(o, text, ts) {
			continue
		}
		if c.modes[o.group] == "rule" && quoted(text, ts[o.i].Start) {
			// "jangan lupa dukung caleg kita", "Jgn bilang2" said by
			// the boss: the pressure's own words, not the rule.
			continue
		}
		if c.modes[o.group] == "negated" && o.i > 0 && ts[o.i].Norm == "bukan" && strings.Contains(between(text, ts, o.i-1, o.i), ",") && !negatesSpan(o, h, ts) {
			// ", bukan relawan" corrects who someone is; it does not
			// deny the act.
			continue
		}
		at := ts[o.i].Start
		for _, s := range sents {
			if at < s.start || at >= s.end {
				continue
			}
			for _, sp := range h.Spans {
				if sp.Start >= s.start && sp.Start < s.end {
					return true
				}
			}
		}
	}
	return false
}

// placeAt reports whether the capitalised word at k names a place: a
// preposition or a word for a region stands right before it ("di
// Bajawa", "Kab. Ende"), or it follows one that does ("di Kota
// Sorong").
func placeAt(ts []Token, k int) bool {
	for m := k - 1; m >= 0 && m >= k-2; m-- {
		switch ts[m].Norm {
		case "di", "ke", "dari", "pada", "kab", "kabupaten", "kota", "kec", "kecamatan", "desa", "kel", "kelurahan", "provinsi", "prov":
			return true
		}
		if !ts[m].Upper {
			return false
		}
	}
	return false
}

// nameSubjectReach is how far before an act a name no gazetteer knows is
// taken for its subject ("PT ABC kemudian membagikan …"); further back it
// is more often a meeting's or a place's ("Rapat K3S di Bajawa kemarin
// malah jadi ajang bagi kaos caleg").
const nameSubjectReach = 3

// inActor reports whether token k is inside an actor's words.
func (c *Classifier) inActor(k int, occ []occurrence) bool {
	for _, o := range occ {
		if !o.carried && o.i <= k && k < o.j && c.dict.groups[o.group].role == rules.RoleActor {
			return true
		}
	}
	return false
}

// negatesSpan reports whether negation o stands at most negationReach
// tokens before one of hit h's spans.
func negatesSpan(o occurrence, h netra.Hit, ts []Token) bool {
	for _, sp := range h.Spans {
		for k := o.j; k < len(ts) && k <= o.j+negationReach; k++ {
			if ts[k].Start == sp.Start {
				return true
			}
		}
	}
	return false
}

// pressureCueGazetteers are the clause cues a post read whole passes over
// even in a sentence that holds the act: a politician (ownSubject weighs
// them); a request, a purpose or a future, which in a post is as often
// the pressure itself ("Mohon bpk/ibu kepsek memastikan seluruh dewan
// guru hadir …", "supaya puskesmas menyukseskan …", "Absen akan dicek");
// "dapat", more often "got" than "may"; and counts ("data", "pertemuan"),
// which a post's incident is full of. A prohibition passes only inside a
// quotation (see cueInRoleSentence).
var pressureCueGazetteers = []string{"political_official", "office_sought", "request", "purpose", "future", "modal_permission", "aggregate"}

// quoted reports whether byte at of text stands inside a quotation,
// counted from the start of its line: in double quotes, straight or curly,
// or in single quotes as posts write them ('jangan lupa tgl 14 ya'). A
// single quote between two letters is an apostrophe (Jum'at, Qur'an), not
// a quotation mark.
func quoted(text string, at int) bool {
	start := strings.LastIndexByte(text[:at], '\n') + 1
	open, single := false, false
	prev := rune(-1)
	for i, r := range text[start:at] {
		switch r {
		case '"':
			open = !open
		case '“':
			open = true
		case '”':
			open = false
		case '\'', '‘', '’':
			// The rune after a quote decides whether it opens or
			// closes, so it is read even past at.
			next, _ := utf8.DecodeRuneInString(text[start+i+utf8.RuneLen(r):])
			before, after := isWordRune(prev), isWordRune(next)
			switch {
			case before && after:
				// an apostrophe
			case !before && after && r != '’':
				single = true
			case before && !after && r != '‘':
				single = false
			}
		}
		prev = r
	}
	return open || single
}

// bystander reports whether a person who is not a civil servant in a
// post is only the writer saying who they are ("Aku honorer", "Kami guru
// honorer dikasih tugas …") or named inside a phrase of place or company
// ("di acara HUT PGRI", "bareng perangkat desa"): not someone who may
// have done the act.
func bystander(o occurrence, ts []Token) bool {
	if o.carried {
		return false
	}
	for k := o.i - 1; k >= 0 && k >= o.i-3; k-- {
		switch ts[k].Norm {
		case "aku", "saya", "sy", "gue", "gw", "kami", "ane", "engkok", "ulun", "urang", "awak", "beta", "sa", "tiang":
			return true
		case "di", "ke", "dari", "pada", "bareng", "bersama", "sama", "dengan", "dgn":
			return true
		}
	}
	return false
}

// hitRoles lists hit h's roles as "role: words", as near misses show them.
func hitRoles(h netra.Hit) []string {
	out := make([]string, 0, len(h.Spans))
	for k, sp := range h.Spans {
		if k < len(h.Terms) {
			out = append(out, fmt.Sprintf("%s: %q", sp.Role, h.Terms[k]))
		}
	}
	return out
}

// askedAndDenied reports whether cancel cue o is asked about and answered
// no, or asked with a no ("Cuti? Gak ada tuh", "Cuti? Kayaknya enggak
// deh", "Cuti gak tuh?"): what it names did not happen, so it does not
// stop a post read whole.
func askedAndDenied(o occurrence, text string, ts []Token) bool {
	if o.carried || o.j >= len(ts) {
		return false
	}
	if strings.Contains(between(text, ts, o.j-1, o.j), "?") {
		for k := o.j; k < len(ts) && k < o.j+2; k++ {
			if negationWord(ts[k].Norm) {
				return true
			}
		}
		return false
	}
	if !negationWord(ts[o.j].Norm) {
		return false
	}
	for k := o.j; k < len(ts) && k < o.j+3; k++ {
		if strings.Contains(between(text, ts, k, k+1), "?") || k+1 == len(ts) && strings.Contains(text[ts[k].End:], "?") {
			return true
		}
	}
	return false
}

// nothingDone reports whether a cue of no case ("tidak ada", "belum ada")
// says only that nobody reacted or nothing was done about the act ("Kok
// ga ada yg nanya", "sampai hari ini tidak ada tindak lanjut"): the act
// still happened.
func nothingDone(o occurrence, ts []Token) bool {
	if o.carried || o.j >= len(ts) || ts[o.j-1].Norm != "ada" {
		return false
	}
	switch w := ts[o.j].Norm; {
	case (w == "yang" || w == "yg") && o.j+1 < len(ts) && reactsOnly(ts[o.j+1].Norm):
		return true
	case w == "tindak" || w == "respon" || w == "respons" || w == "tanggapan" || w == "kabar" || w == "kejelasan" || w == "jawaban" || w == "sanksi":
		return true
	}
	return false
}

// sentMessage reports whether a word of a chat group or a channel stands
// within three words from k ("… di grup RT", "… lewat WA").
func sentMessage(ts []Token, k int) bool {
	for j := k; j < len(ts) && j < k+3; j++ {
		switch ts[j].Norm {
		case "grup", "group", "whatsapp", "wa", "lewat", "via", "chat":
			return true
		}
	}
	return false
}
