package classifier

import (
	"sort"
	"strings"
)

// Ballot numbers and gestures: the number words, standard and regional,
// and the canonical tokens ("nourutN", "jariN") the normaliser rewrites
// multi-word forms to, so that rules match "nomor urut dua", "paslon 02"
// and "salam dua jari" alike.

// numberWord returns the digits of an Indonesian number word ("dua" → "2").
func numberWord(w string) (string, bool) {
	v, ok := standardNumbers[w]
	return v, ok
}

// standardNumbers maps the Indonesian number words to their digits
// (numberWord); read only.
var standardNumbers = map[string]string{
	"satu": "1", "dua": "2", "tiga": "3", "empat": "4", "lima": "5",
	"enam": "6", "tujuh": "7", "delapan": "8", "sembilan": "9", "sepuluh": "10",
}

// ballotNumber returns the canonical number of a ballot-number word: "2",
// "02", "dua" → "2".
func ballotNumber(w string) (string, bool) {
	if v, ok := numberWord(w); ok {
		return v, true
	}
	if v := regionalNumber(w); v != "" {
		return v, true
	}
	if len(w) == 0 || len(w) > 2 {
		return "", false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return "", false
		}
	}
	w = strings.TrimLeft(w, "0")
	if w == "" {
		return "", false
	}
	return w, true
}

// regionalNumber returns the digit of a number word from one to five in a
// regional language (Javanese, Sundanese, Minang, Bugis, Makassar, Acehnese,
// Batak, Balinese, Madurese, Malay, Banjar) as posts write ballot numbers ("nomer telu",
// "nomor ciek", "nomor lhee"), or "". Unlike "nomor satu", none of them is
// the Indonesian idiom for "the best", so after "nomor" they are ballots.
// Words that are also common Indonesian words ("sa") are left out;
// Makassar "rua" (two) is read only where a ballot number can stand (after
// "nomor" or "yang": "pilih mi yang rua").
func regionalNumber(w string) string { return regionalNumbers[w] }

// regionalNumbers maps the regional number words to their digits
// (regionalNumber); read only.
var regionalNumbers = map[string]string{
	"siji": "1", "hiji": "1", "ciek": "1", "seddi": "1", "sada": "1", "besik": "1", "settong": "1", "asa": "1",
	"loro": "2", "duo": "2", "due": "2", "duwa": "2", "rua": "2", "dhuwa": "2",
	"telu": "3", "tilu": "3", "tigo": "3", "tige": "3", "tellu": "3", "tallu": "3", "lhee": "3", "tolu": "3", "tello": "3",
	"papat": "4", "opat": "4", "ampek": "4", "ampat": "4", "eppa": "4", "peuet": "4", "empa": "4", "appa": "4",
	"limo": "5", "limong": "5", "lema": "5",
}

// numberWords lists the words, standard and regional, that
// canonicalisation reads as ballot number digit, for keywords that must
// find every canonical "nourutN" token in raw text (electionKeywords).
func numberWords(digit string) []string {
	var out []string
	for _, words := range []map[string]string{standardNumbers, regionalNumbers} {
		for w, v := range words {
			if v == digit {
				out = append(out, w)
			}
		}
	}
	sort.Strings(out)
	return out
}

// isBallotHead reports whether w introduces a number ("nomor urut 2").
func isBallotHead(w string) bool {
	switch w {
	case "no", "nomor", "nomer", "nmr", "nomber", "number", "nomornya", "nomernya":
		return true
	}
	return false
}

// votes reports verbs of voting: after one, "nomor satu" is a ballot
// number ("pilih nomor satu"), not the idiom for the best.
func votes(w string) bool {
	switch w {
	case "pilih", "memilih", "milih", "coblos", "mencoblos", "nyoblos", "contreng", "dukung", "mendukung", "menangkan", "menangin", "memenangkan":
		return true
	}
	return false
}

// remembers reports the words of a reminder that, right before "nomor"
// and a number word, make it a ballot number ("jangan lupa nomor dua").
func remembers(w string) bool {
	switch w {
	case "lupa", "ingat", "inget", "ingek", "ingatlah":
		return true
	}
	return false
}

// sidesNumberBefore reports words after which a bare number word names a
// side: relative markers ("yang", Javanese "sing", Sundanese "nu", Minang
// "nan"), "ingat" and the verbs of punching a ballot ("coblos dua").
func sidesNumberBefore(w string) bool {
	switch w {
	case "yang", "sing", "nu", "nan", "ingat", "inget", "ingek":
		return true
	}
	return punches(w)
}

// punches reports the verbs of punching or ticking a ballot: "Ayo Coblos
// Dua" is a ballot punched for a number.
func punches(w string) bool {
	switch w {
	case "coblos", "nyoblos", "mencoblos", "contreng":
		return true
	}
	return false
}

// sideNumberWord reports whether token k is a number word from one to
// five, standard or regional, standing alone: not counting something
// after it ("yang dua orang", "yang tiga tahun lalu"), not part of a
// longer number.
func sideNumberWord(ts []Token, k int) (string, bool) {
	w := ts[k].Norm
	num, ok := numberWord(w)
	if !ok {
		num = regionalNumber(w)
	}
	if num == "" || len(num) != 1 || num[0] < '1' || num[0] > '5' {
		return "", false
	}
	if k+1 < len(ts) {
		switch ts[k+1].Norm {
		case "di":
			// "coblos dua di TPS": where the ballot is punched
			if k == 0 || !punches(ts[k-1].Norm) {
				return "", false
			}
		case "orang", "org", "tahun", "thn", "kali", "hari", "bulan", "minggu", "jam", "menit", "ribu", "juta", "puluh", "belas", "ratus", "persen", "kelas", "anak", "buah", "kursi", "periode", "dari", "terakhir", "pertama":
			return "", false
		}
	}
	return num, true
}

// votedBefore reports whether a verb of voting or the voting day
// ("tanggal 27", "tgl 14") stands in the few tokens before token i, or
// "yang" right before it, so that "nomor dua" after it is a ballot number
// ("siapa yang harus dipilih tanggal 27, nomor dua nah", "yang nomornya
// dua"), or a word of address ("dari bapak nomor dua").
func votedBefore(ts []Token, i int) bool {
	if i > 0 && ts[i-1].Norm == "yang" {
		// "pilih yang nomor tiga", "yang nomornya dua": one of the sides
		return true
	}
	if i > 0 && (ts[i-1].Norm == "bapak" || ts[i-1].Norm == "pak" || ts[i-1].Norm == "ibu" || ts[i-1].Norm == "bu") {
		// "ini dari bapak nomor dua": the candidate by his number
		return true
	}
	for k := i - 1; k >= 0 && k >= i-maxVotedBefore; k-- {
		if votes(ts[k].Norm) || ts[k].Norm == "dipilih" || ts[k].Norm == "dicoblos" {
			return true
		}
		if remembers(ts[k].Norm) && k == i-1 {
			// "jangan lupa nomor dua", "ingat nomor tiga ya"
			return true
		}
		if (ts[k].Norm == "tanggal" || ts[k].Norm == "tgl") && k+1 < i && isDigits(ts[k+1].Norm) {
			return true
		}
	}
	return false
}

// performsAt reports whether "nomor" at token i is an order of appearance
// ("tampil di nomor urut dua" in a choir contest), not a ballot number.
func performsAt(ts []Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		switch ts[k].Norm {
		case "tampil", "giliran":
			return true
		case "di", "pada", "dengan", "dgn":
			continue
		}
		return false
	}
	return false
}

// maxVotedBefore is how far before "nomor" votedBefore looks.
const maxVotedBefore = 6

// isBallotOwner reports whether a number right after w is a ballot number
// ("paslon 02").
func isBallotOwner(w string) bool {
	switch w {
	case "paslon", "capres", "cawapres", "cagub", "cabup", "cawalkot", "calon", "pasangan", "kandidat", "caleg", "partai",
		// "tim paket 3": a pair, as eastern Indonesia calls it
		"paket":
		return true
	}
	return false
}

// canonicalize rewrites multi-word forms to single canonical tokens:
// ballot numbers ("no. urut 2", "nomor urut dua", "paslon 02", "01") become
// "nourutN"; gestures ("salam dua jari", "dua jari", "pose jari") become
// "jariN" or "jari".
func canonicalize(ts []Token) []Token {
	out := ts[:0:0]
	out = make([]Token, 0, len(ts))
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		w := t.Norm
		// nomor [urut] N
		if isBallotHead(w) && performsAt(ts, i) {
			// kept as words, "urut" too, so "urut 2" is not read below
			out = append(out, t)
			if i+1 < len(ts) && ts[i+1].Norm == "urut" {
				out = append(out, ts[i+1])
				i++
			}
			continue
		}
		if isBallotHead(w) {
			j := i + 1
			if j < len(ts) && ts[j].Norm == "urut" {
				j++
			}
			if j < len(ts) {
				if num, ok := ballotNumber(ts[j].Norm); ok && (j > i+1 || isDigits(ts[j].Norm) || votedBefore(ts, i) || regionalNumber(ts[j].Norm) != "") {
					out = append(out, Token{Norm: "nourut" + num, Start: t.Start, End: ts[j].End})
					i = j
					continue
				}
			}
		}
		// "sing TELU", "ingat settong", "yang rua": a relative marker or
		// "ingat" before a bare number word in a post is a side's number
		if i+1 < len(ts) && sidesNumberBefore(w) {
			if num, ok := sideNumberWord(ts, i+1); ok {
				out = append(out, t, Token{Norm: "nourut" + num, Start: ts[i+1].Start, End: ts[i+1].End})
				i++
				continue
			}
		}
		// "urut 2" without the head
		if w == "urut" && i+1 < len(ts) {
			if num, ok := ballotNumber(ts[i+1].Norm); ok {
				out = append(out, Token{Norm: "nourut" + num, Start: t.Start, End: ts[i+1].End})
				i++
				continue
			}
		}
		// paslon 02 → paslon nourut2
		if isBallotOwner(w) && i+1 < len(ts) && isDigits(ts[i+1].Norm) {
			if num, ok := ballotNumber(ts[i+1].Norm); ok {
				out = append(out, t, Token{Norm: "nourut" + num, Start: ts[i+1].Start, End: ts[i+1].End})
				i++
				continue
			}
		}
		// salam N jari, N jari
		if w == "salam" && i+2 < len(ts) && ts[i+2].Norm == "jari" {
			if num, ok := numberWord(ts[i+1].Norm); ok {
				out = append(out, Token{Norm: "jari" + num, Start: t.Start, End: ts[i+2].End})
				i += 2
				continue
			}
		}
		if i+1 < len(ts) && ts[i+1].Norm == "jari" {
			if num, ok := numberWord(w); ok {
				out = append(out, Token{Norm: "jari" + num, Start: t.Start, End: ts[i+1].End})
				i++
				continue
			}
			if w == "pose" || w == "simbol" || w == "salam" || w == "acungkan" || w == "acung" || w == "mengacungkan" {
				out = append(out, t, Token{Norm: "jari", Start: ts[i+1].Start, End: ts[i+1].End})
				i++
				continue
			}
		}
		// a lone zero-padded "01".."05", unless it numbers an address,
		// a school or a time
		if len(w) == 2 && w[0] == '0' && w[1] >= '1' && w[1] <= '5' && (i == 0 || !notBallotBefore(ts[i-1].Norm) && !clockTime(ts[i-1], t)) && (i+1 >= len(ts) || !isDigits(ts[i+1].Norm)) {
			out = append(out, Token{Norm: "nourut" + w[1:], Start: t.Start, End: t.End})
			continue
		}
		out = append(out, t)
	}
	return out
}

// clockTime reports whether t is the minutes of a time written with
// prev ("10.05 WIB", "10:05"): digits and one separator, no space.
func clockTime(prev, t Token) bool {
	return isDigits(prev.Norm) && len(prev.Norm) <= 2 && t.Start == prev.End+1
}

// notBallotBefore reports words after which "01" is not a ballot number
// (addresses, schools, times).
func notBallotBefore(w string) bool {
	switch w {
	case "rt", "rw", "sdn", "sd", "smp", "smpn", "sma", "sman", "smk", "smkn", "blok", "gang", "kav", "lantai", "jam", "pukul", "kelas", "tanggal", "tgl", "no", "nomor":
		return true
	}
	return false
}

func isDigits(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}
