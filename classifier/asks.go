package classifier

import (
	"strings"

	"github.com/netra-id/netra/rules"
)

// asksVote reports whether cancel cue o belongs to a civil servant's own
// request that others vote for, or against, a side named outright: "Guru
// yang diketahui berinisial NK ini kemudian meminta siswanya tidak memilih
// Jokowi". The request is the act of steering votes, not an appeal to
// stay neutral. Cue o is either the verb of asking or the "tidak"/"jangan"
// right before the vote that such a verb governs. The asker must stand
// before the verb, in the same clause, and be named by role rather than as
// the class ("Bawaslu meminta ASN tidak memilih …" asks the class, and
// the class comes after the verb).
func (cr *compiledRule) asksVote(o, a occurrence, occ []occurrence, ts []Token) bool {
	if o.carried || a.carried || a.i < o.j || a.i >= len(ts) || !votes(ts[a.i].Norm) {
		return false
	}
	q := -1
	switch {
	case asking(ts[o.i].Norm):
		q = o.i
	case o.j == a.i && (negationWord(ts[o.i].Norm) || ts[o.i].Norm == "jangan"):
		for k := o.i - 1; k >= 0 && k >= o.i-steerReach; k-- {
			if asking(ts[k].Norm) {
				q = k
				break
			}
		}
	}
	if q < 0 || a.i-q > appealReach {
		return false
	}
	for k := q + 1; k < a.i-1; k++ {
		if negationWord(ts[k].Norm) || ts[k].Norm == "jangan" || clauseWord(ts[k].Norm) {
			// Only a "tidak" right before the vote belongs to the
			// request; one further back negates the asking.
			return false
		}
	}
	if !numberAfter(ts, a.j) && !cr.upperSideAt(a.j, occ, ts) {
		return false
	}
	for _, x := range occ {
		if x.carried || x.j > q || q-x.j > askerReach || !cr.roleIs(x, rules.RoleActor) || classToken(ts[x.i].Norm) {
			continue
		}
		if !contrastBetween(ts, x.j, q) {
			return true
		}
	}
	return false
}

// askerReach is how many words may stand between the civil servant and
// the verb of asking ("Guru yang diketahui berinisial NK ini kemudian
// meminta").
const askerReach = 8

// asking reports the active verbs of asking, urging or ordering someone.
func asking(w string) bool {
	switch w {
	case "meminta", "minta", "mengajak", "ajak", "menyuruh", "suruh", "memerintahkan", "perintahkan",
		"menginstruksikan", "mengarahkan", "mengimbau", "menghimbau", "menganjurkan", "berpesan":
		return true
	}
	return false
}

// upperSideAt reports whether a side named by a capitalised word (a
// candidate's or party's name) starts at token k or the one after it.
func (cr *compiledRule) upperSideAt(k int, occ []occurrence, ts []Token) bool {
	for _, x := range occ {
		if !x.carried && (x.i == k || x.i == k+1) && x.i < len(ts) && ts[x.i].Upper && cr.roleIs(x, rules.RoleTarget) {
			return true
		}
	}
	return false
}

// contrastBetween reports whether a word between tokens i and j opens a new
// clause whose subject may differ ("sedangkan", "tetapi", "lalu Bawaslu").
func contrastBetween(ts []Token, i, j int) bool {
	for k := i; k < j && k < len(ts); k++ {
		switch ts[k].Norm {
		case "sedangkan", "tetapi", "tapi", "namun", "sementara", "bahwa", "agar", "supaya", "karena":
			return true
		}
	}
	return false
}

// addressedTeam reports whether act a is a campaign team that is asked or
// reminded of something ("meminta para kandidat dan tim sukses pasangan
// calon untuk memahami tugas Kesbangpol"): the team is whom the official
// addresses, not one he belongs to.
func addressedTeam(a occurrence, ts []Token) bool {
	if a.carried || a.i >= len(ts) {
		return false
	}
	switch ts[a.i].Norm {
	case "tim", "timses", "relawan":
	default:
		return false
	}
	for k := a.i - 1; k >= 0 && k >= a.i-addressReach; k-- {
		w := ts[k].Norm
		if reminding(w) {
			return true
		}
		switch w {
		case "para", "kandidat", "dan", "seluruh", "semua", "calon", "peserta", "pemilu", "partai", "politik", "kepada", "pasangan", "serta":
			continue
		}
		return false
	}
	return false
}

// addressReach is how many words may stand between a verb of asking and
// the team it asks ("meminta para kandidat dan tim sukses").
const addressReach = 5

// reminding reports the verbs of asking, urging, reminding or rebuking
// someone that leave them on their own side. Gathering, inviting, leading
// or ordering a team ("mengumpulkan", "mengundang", "mengarahkan tim
// sukses") is working with it, so those verbs are left out.
func reminding(w string) bool {
	switch w {
	case "meminta", "minta", "mengimbau", "menghimbau", "imbau", "mengingatkan", "ingatkan", "menegur", "tegur":
		return true
	}
	return false
}

// callsOff reports whether negation o, after call or order a and with no
// side named outright after it (a ballot number, a candidate's or
// national figure's name, a party), makes the order one to keep out:
// "menginstruksikan para kepala dinas agar tidak terlibat kampanye calon
// bupati" is the norm passed on, not pressure. An order not to vote for a
// number or a name still steers the vote (steersAway).
func (cr *compiledRule) callsOff(o, a occurrence, occ []occurrence, ts []Token) bool {
	if o.carried || a.carried || o.i < a.j || o.i-a.j > callOffReach || litotes(o, ts) {
		return false
	}
	switch ts[a.i].Stem {
	case "suruh", "minta", "ajak", "perintah", "instruksi", "arah", "imbau", "himbau", "tugas", "wajib":
	default:
		return false
	}
	switch ts[o.i].Norm {
	case "tidak", "tak", "jangan":
		// not "bukan", which denies a name ("sekolah bukan posko
		// kampanye"), not what was ordered
	default:
		return false
	}
	return !cr.sideOutrightFrom(o.j, occ, ts)
}

// sideOutrightFrom reports whether a side is named outright at or after
// token from: a ballot number, or a party, presidential figure or listed
// candidate. Generic words ("calon", "paslon") name no side in particular.
func (cr *compiledRule) sideOutrightFrom(from int, occ []occurrence, ts []Token) bool {
	for k := from; k < len(ts); k++ {
		if strings.HasPrefix(ts[k].Norm, "nourut") {
			return true
		}
	}
	for _, p := range occ {
		if !p.carried && p.i >= from && p.group >= 0 && (p.group == cr.figure || p.group == cr.candidates || p.group == cr.party) {
			return true
		}
	}
	return false
}

// callOffReach is how many words may stand between an order and the
// negation of what it orders ("menginstruksikan seluruh ASN di lingkungan
// Pemkab untuk tidak …").
const callOffReach = 8
