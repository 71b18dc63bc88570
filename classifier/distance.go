package classifier

import "strings"

// How far apart the roles of a rule stand: the words between an actor
// and the act, or the act and its side, that do not part them — a
// quotation, an aside, the actor's office name, a place said on the way.

// distance is how many tokens stand between occurrences a and b, 0 when
// they overlap.
func distance(a, b occurrence) int {
	switch {
	case b.j <= a.i:
		return a.i - b.j
	case a.j <= b.i:
		return b.i - a.j
	}
	return 0
}

// quotedDistance returns the distance from actor o to act a, not counting
// the words of quotations between them: what a quote says is one utterance
// of the one who sent or said it, however long ("Bu guru SD anakku ngirim
// pesen neng grup wali murid: "monggo … coblos nomer 3 nggih"", "Pj
// Bupati … bilang "jangan lupa …, nanti tanggal 27 ingat baik2" sambil
// ngacungin tiga jari"). An act inside a quotation that opens after o is
// counted up to the quote's opening.
func quotedDistance(a, o occurrence, text string, ts []Token) int {
	d := distance(a, o)
	if o.carried || a.carried || o.j > a.i || a.i >= len(ts) {
		return d
	}
	open, inside := -1, 0
	for k := o.j; k <= a.i; k++ {
		gap := between(text, ts, k-1, k)
		// Posts quote with single marks ("nanya murid2 'mamak kau pilih
		// siapa?' terus suruh …"); an apostrophe inside a word ("ta'
		// olle") has no space before it.
		if strings.HasSuffix(gap, " '") && open < 0 {
			open = k
		} else if strings.HasPrefix(gap, "'") && open >= 0 && !strings.ContainsAny(gap, "\"“”") {
			inside += k - open
			open = -1
		}
		for _, r := range gap {
			switch r {
			case '“':
				open = k
			case '”':
				if open >= 0 {
					inside += k - open
				}
				open = -1
			case '"':
				if open >= 0 {
					inside += k - open
					open = -1
				} else {
					open = k
				}
			}
		}
	}
	if open >= 0 {
		inside += a.i - open
	}
	inside += asides(text, ts, o.j, a.i)
	if inside > 0 && inside < d {
		d -= inside
	}
	// The office's name and the place are the subject's own words.
	return max(d-officeName(ts, o.j, a.i)-placesSaid(ts, o.j, a.i), 0)
}

// maxAside is the longest name put between commas that asides counts.
const maxAside = 5

// maxApposition is the longest list put between commas after "yakni" or
// "yaitu" ("… ke dua grup WhatsApp, yakni grup alumni … dan grup …, agar
// …") that asides counts: it says what the words before it are.
const maxApposition = 14

// asides counts the tokens in [from, to) that stand aside from the
// sentence: a parenthesis ("Puskesmas Pembantu (Pustu)"), a name put
// between commas after a role ("Kepala Pustu Borong Lamba, H. Syamsuddin,
// kerap memanggil …") and an apposition between commas that opens with
// "yakni" or "yaitu", which hold the one who acts or say what a word is,
// not more words between him and his act.
func asides(text string, ts []Token, from, to int) int {
	n, paren, comma, appos := 0, -1, -1, -1
	for k := from; k < to && k < len(ts); k++ {
		gap := between(text, ts, k-1, k)
		if strings.Contains(gap, ")") && paren >= 0 {
			n += k - paren
			paren = -1
		}
		if strings.Contains(gap, "(") {
			paren = k
		}
		if strings.Contains(gap, ",") {
			if comma >= 0 && k-comma <= maxAside {
				n += k - comma
			}
			comma = k
			if appos >= 0 && k-appos <= maxApposition {
				n += k - appos
			}
			appos = -1
			if w := ts[k].Norm; w == "yakni" || w == "yaitu" || w == "yang" {
				// ", yang merupakan pemilih pemula," says what the
				// word before is, like an apposition.
				appos = k
			}
		}
		if !ts[k].Upper {
			comma = -1
		}
	}
	return n
}

// objectDistance is the distance from act a to side o after it, less
// the words that stand aside (asides) and the places said on the way
// ("mengarahkan siswa di salah satu SMA Negeri di Kabupaten Kubu Raya,
// yang merupakan pemilih pemula, untuk memilih salah satu pasangan
// calon"): where the act happened does not part it from its side.
func objectDistance(a, o occurrence, text string, ts []Token) int {
	d := distance(a, o)
	aside := asides(text, ts, a.j, o.i) + placesSaid(ts, a.j, o.i)
	if aside <= 0 || aside >= d {
		return d
	}
	return d - aside
}

// officeName counts the capitalised words from from on (before to) that
// go on with a role's office ("Kepala Dinas Pemberdayaan Masyarakat dan
// Desa"), "dan" between them included: the one who acts, not words
// between him and his act.
func officeName(ts []Token, from, to int) int {
	k := from
	for n := 0; n < officeNameReach && k < to && (ts[k].Upper || ts[k].Norm == "dan" && n > 0 && k+1 < to && ts[k+1].Upper); n++ {
		k++
	}
	return k - from
}

// placesSaid counts the tokens in [from, to) of places named with "di":
// "di" and the capitalised words after it, through "salah satu".
func placesSaid(ts []Token, from, to int) int {
	n := 0
	for k := from; k < to && k < len(ts); k++ {
		if ts[k].Norm != "di" {
			continue
		}
		m := k + 1
		if m+1 < to && ts[m].Norm == "salah" && ts[m+1].Norm == "satu" {
			m += 2
		}
		e := m
		for e < to && ts[e].Upper {
			e++
		}
		if e > m {
			n += e - k
			k = e - 1
		}
	}
	return n
}
