package classifier

import (
	"strings"

	"github.com/netra-id/netra/rules"
)

// composeStaff appends a civil servant for every staff word followed by a
// government office: "pegawai di salah satu OPD", "Kasi di Kanwil
// Kemenag", "kawan2 Dishub". GUIDE counts a bare "pegawai" in an office
// context as ASN; composing head and office, instead of listing every
// pair, reaches offices and heads no list spelled out together.
func (d *dictionary) composeStaff(ts []Token, out []occurrence, base int) []occurrence {
	if d.staff < 0 || d.office < 0 || d.staffTo < 0 {
		return out
	}
	n := len(out)
	for a := base; a < n; a++ {
		s := out[a]
		if s.group != d.staff || d.actorAt(out[base:n], s) {
			continue
		}
		k := officeStart(ts, s.j)
		for b := base; b < n; b++ {
			if o := out[b]; o.group == d.office && o.i == k && !enterprise(ts, o) {
				out = append(out, occurrence{group: d.staffTo, i: s.i, j: o.j})
				break
			}
		}
	}
	return out
}

// enterprise reports whether office o is the start of a state enterprise's
// name ("Badan Usaha Milik Negara"): its staff are not civil servants.
func enterprise(ts []Token, o occurrence) bool {
	return o.j < len(ts) && ts[o.j].Norm == "usaha"
}

// officeStart returns where an office may start after a staff word at
// token k: past a preposition ("di", "dari", "pada", Javanese "neng")
// and an indefinite ("salah satu", "sebuah"), so "pegawai di salah satu
// dinas" composes.
func officeStart(ts []Token, k int) int {
	if k < len(ts) {
		switch ts[k].Norm {
		case "di", "dari", "pada", "dr", "dri", "neng", "ning":
			k++
		}
	}
	if k+1 < len(ts) && ts[k].Norm == "salah" && ts[k+1].Norm == "satu" {
		return k + 2
	}
	if k < len(ts) && ts[k].Norm == "sebuah" {
		return k + 1
	}
	return k
}

// actorAt reports whether an actor term already covers the staff word s
// ("kepala kantor", "kepala bidang"): the composed span would only move
// where the actor ends.
func (d *dictionary) actorAt(occ []occurrence, s occurrence) bool {
	for _, o := range occ {
		if o.i <= s.i && s.i < o.j && d.groups[o.group].role == rules.RoleActor {
			return true
		}
	}
	return false
}

// countedCases appends a total for a count of three or more cases,
// reports or violations ("17 kasus dugaan pelanggaran netralitas ASN, 12
// di antaranya terbukti"): numbers of cases are totals, whoever the
// sentence's subject is; one or two may still be cases told apart.
func (d *dictionary) countedCases(ts []Token, out []occurrence) []occurrence {
	if d.aggregate < 0 {
		return out
	}
	for k := 0; k+1 < len(ts); k++ {
		switch ts[k+1].Norm {
		case "kasus", "laporan", "perkara", "aduan", "pengaduan", "pelanggaran", "pelanggar", "dugaan":
		default:
			continue
		}
		if manyCount(ts[k].Norm) {
			out = append(out, occurrence{group: d.aggregate, i: k, j: k + 2})
		}
	}
	// Hundreds of civil servants ("464 ASN yang dilaporkan", "2.034 ASN")
	// are a total too; one regency's dozens may still be one case told.
	for k := 0; k+1 < len(ts); k++ {
		if hundreds(ts[k].Norm) && classToken(ts[k+1].Norm) {
			out = append(out, occurrence{group: d.aggregate, i: k, j: k + 2})
		}
	}
	return out
}

// hundreds reports whether w is a number of a hundred or more, written in
// digits with or without thousands dots ("464", "2.034").
func hundreds(w string) bool {
	digits := strings.ReplaceAll(w, ".", "")
	return len(digits) >= 3 && isDigits(digits) && digits[0] != '0'
}

// manyCount reports whether w is a count of three or more: digits, or a
// number word.
func manyCount(w string) bool {
	if isDigits(w) {
		n := 0
		for i := 0; i < len(w) && n < 3; i++ {
			n = n*10 + int(w[i]-'0')
		}
		return n >= 3
	}
	switch w {
	case "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas", "belasan", "seratus":
		return true
	}
	return false
}
