package classifier

// Coded sides. Pressure on civil servants is often put without naming
// the side, in words everyone present understands: the one who built or
// gave something ("pilih yang sudah bangun rumah sakit ini", "ingat siapa
// yang bantu traktor kita"), the outcome wanted at the polls ("jangan
// sampai TPS sekolah kalah", "ampun ngantos suwara TPS kalah") or the
// loss a threat is made on ("kalau TPS dekat sekolah kalah, …"), a pointer
// after campaign material or support ("konten 'yang itu'", "untuk bapak
// kita"), a wink ("Paham kan maksudnya") or a colour ("yang merah"). Such words
// are a side as much as a name is; codedSides finds them by their shape,
// not by listing sentences.

// codedSides appends, as a side, the coded sides in ts.
func (c *Classifier) codedSides(occ []occurrence, ts []Token) []occurrence {
	if c.targetGroup < 0 {
		return occ
	}
	for k := 0; k < len(ts); k++ {
		if c.pairSide(ts, k) || c.acronymPair(ts, k) {
			occ = append(occ, occurrence{group: c.targetGroup, i: k, j: k + 2})
			k++
			continue
		}
		for _, shape := range codedShapes {
			if e, ok := shape(ts, k); ok {
				occ = append(occ, occurrence{group: c.targetGroup, i: k, j: e})
				k = e - 1
				break
			}
		}
	}
	return occ
}

// pairSide reports whether tokens k and k+1 are a pair of candidates by
// their names joined with a dash ("kampanye Hendra-Yusuf", "relawan
// 'Sahabat Agus-Rini'"): two capitalised words the pack does not know, one
// mark apart, after a word of campaigning, support or a side's people.
func (c *Classifier) pairSide(ts []Token, k int) bool {
	if k == 0 || k+1 >= len(ts) || !ts[k+1].Dash || !ts[k].Upper || !ts[k+1].Upper || c.norm.vocab[ts[k].Norm] || c.norm.vocab[ts[k+1].Norm] {
		return false
	}
	if !isWordish(ts[k].Norm) || !isWordish(ts[k+1].Norm) || titleCase(ts) {
		// In a headline in title case every word has a capital.
		return false
	}
	for m := k - 1; m >= 0 && m >= k-2; m-- {
		switch ts[m].Norm {
		case "kampanye", "relawan", "sahabat", "paslon", "pasangan", "tim", "dukung", "mendukung", "pilih", "memilih",
			"coblos", "menangkan", "pendukung", "simpatisan", "posko", "deklarasi", "jargon", "untuk", "buat",
			// the pair's material ("panggungnya penuh spanduk Mandala–Yusuf")
			"spanduk", "baliho", "poster", "stiker", "kaos", "kaus", "banner", "flyer", "gambar", "foto":
			return true
		}
	}
	return false
}

// acronymPair reports whether tokens k and k+1 are a pair of candidates
// by their acronym ("mendukung pasangan FW", "paslon AMAN"): "pasangan"
// or "paslon" and a word in capitals the pack does not know. A couple is
// not written so, and the pack knows the acronyms of offices and bodies.
func (c *Classifier) acronymPair(ts []Token, k int) bool {
	if k+1 >= len(ts) || ts[k].Norm != "pasangan" && ts[k].Norm != "paslon" {
		return false
	}
	n := ts[k+1]
	return n.Caps && len(n.Norm) <= 8 && isWordish(n.Norm) && !c.norm.vocab[n.Norm] && !titleCase(ts)
}

// codedShapes are the shapes of a coded side, tried in order at each
// token; each reports where the side's words end.
var codedShapes = [...]func(ts []Token, k int) (int, bool){benefactor, outcomeWanted, lossCondition, pointedSide, wink, colourSide, kinSide, lookSide}

// benefactor reports whether "yang" at k opens a clause naming someone by
// what they built or gave ("yang sudah bangun jalan", "yang bantu traktor
// kita", "yang naikin tunjangan kalian", "yang ngelantik dia"); e is the
// end of the verb.
func benefactor(ts []Token, k int) (int, bool) {
	if ts[k].Norm != "yang" {
		return 0, false
	}
	j := k + 1
	for j < len(ts) && j <= k+2 {
		switch ts[j].Norm {
		case "sudah", "udah", "sdh", "telah", "dulu", "pernah", "selama", "ini", "kemarin":
			j++
			continue
		}
		break
	}
	if j >= len(ts) {
		return 0, false
	}
	switch ts[j].Norm {
	case "bangun", "membangun", "bantu", "membantu", "bawa", "membawa", "kasih", "ngasih", "memberi",
		"naikin", "menaikkan", "lantik", "melantik", "ngelantik", "angkat", "mengangkat", "perbaiki",
		"memperbaiki", "aspal", "mengaspal", "renovasi", "merenovasi", "bayar", "membayar", "bikin":
		return j + 1, true
	}
	return 0, false
}

// outcomeWanted reports whether a word of not letting happen at k
// ("jangan", "jgn", "tidak boleh", "aja", "ampun") is followed, at most
// outcomeReach words on, by losing at the polls ("jangan sampai TPS
// sekolah kalah", "ampun ngantos suwara TPS kalah"); e is the end of the
// outcome word. Nobody wishes that no side lose: the loss not to be let
// happen is one side's.
func outcomeWanted(ts []Token, k int) (int, bool) {
	switch ts[k].Norm {
	case "jangan", "jgn", "ampun", "aja", "ojo", "ulah":
	case "tidak", "gak", "ga", "nggak":
		if k+1 >= len(ts) || ts[k+1].Norm != "boleh" {
			return 0, false
		}
	default:
		return 0, false
	}
	for j := k + 1; j < len(ts) && j <= k+outcomeReach; j++ {
		switch ts[j].Norm {
		case "kalah", "kalahkan":
			// Only the polls' outcome: "jangan sampai tim voli kalah"
			// is about a match.
			for m := max(k-2, 0); m < j; m++ {
				if pollWord(ts[m].Norm) {
					return j + 1, true
				}
			}
			return 0, false
		}
	}
	return 0, false
}

// lossCondition reports whether a condition at k is a loss at the polls
// ("kalau TPS dekat sekolah kalah, siap-siap mutasi ke pulau"): what it
// threatens is pressure for the side that must not lose, and the
// condition is that side, not a hypothesis; e is the end of "kalah".
func lossCondition(ts []Token, k int) (int, bool) {
	switch ts[k].Norm {
	case "kalau", "jika", "bila", "apabila", "kalo", "klo":
	default:
		return 0, false
	}
	poll := false
	for j := k + 1; j < len(ts) && j <= k+outcomeReach; j++ {
		switch w := ts[j].Norm; {
		case pollWord(w):
			poll = true
		case w == "kalah":
			return j + 1, poll
		}
	}
	return 0, false
}

// pollWord reports words of the polls' count.
func pollWord(w string) bool {
	switch w {
	case "tps", "suara", "suwara", "sora", "pemilu", "pilkada", "pilpres", "pileg", "pilbup", "pilwalkot", "pilgub", "dapil", "coblosan":
		return true
	}
	return false
}

// outcomeReach is how many words after the word of not letting happen the
// outcome may stand ("jangan sampai ada TPS sekolah yang kalah").
const outcomeReach = 7

// pointedSide reports whether the words at k point at a side everyone
// knows without naming it — "yang itu", "bapak kita", "ibu kita", the
// incumbent by office ("bapak bupati") — right after campaign material,
// an event, a word of support, "untuk", or thanks ("kalender bergambar
// 'yang itu'", "share konten 'bapak kita'", "dukungan … bulat untuk
// bapak kita", "spanduk 'terima kasih bapak bupati'"); e is where the
// words end.
func pointedSide(ts []Token, k int) (int, bool) {
	if k == 0 || k+1 >= len(ts) {
		return 0, false
	}
	w, n := ts[k].Norm, ts[k+1].Norm
	title := w == "bapak" || w == "pak" || w == "ibu" || w == "bu"
	if !(w == "yang" && n == "itu" || title && (n == "kita" || n == "bupati" || n == "gubernur" || n == "walikota")) {
		return 0, false
	}
	switch ts[k-1].Norm {
	case "kasih":
		// "spanduk 'terima kasih bapak bupati'" during the campaign
		return k + 2, title && n != "kita"
	case "konten", "kalender", "kaos", "kaus", "stiker", "baliho", "spanduk", "foto", "gambar", "bergambar", "video",
		"acara", "acaranya", "postingan", "dukung", "mendukung", "dukungan", "menangkan", "memenangkan", "pilih",
		"coblos", "untuk", "buat", "utk", "tim", "timnya", "relawan", "posko":
		return k + 2, true
	}
	return 0, false
}

// wink reports whether the words at k tell the reader that everyone
// knows whom the act served ("Paham kan maksudnya", "semua juga tahu Abah
// itu siapa", "kalian tau lah nomor berapa"): a side named by not naming
// it. e is where the words end.
func wink(ts []Token, k int) (int, bool) {
	switch ts[k].Norm {
	case "tahu", "tau", "paham", "ngerti", "mengerti":
	default:
		return 0, false
	}
	for j := k + 1; j < len(ts) && j <= k+4; j++ {
		switch ts[j].Norm {
		case "maksudnya", "maksud", "arahnya", "siapa", "berapa":
			return j + 1, true
		}
	}
	if k > 0 {
		switch ts[k-1].Norm {
		case "semua", "kalian", "pasti", "sudah", "udah":
			if k+1 == len(ts) || ts[k+1].Norm == "lah" || ts[k+1].Norm == "la" || ts[k+1].Norm == "kan" {
				return k + 1, true
			}
		}
	}
	return 0, false
}

// colourSide reports whether the words at k name a side by its colour
// ("pilihan kita satu ya, yang merah", "pakaian bebas rapi nuansa
// kuning", "ikut konvoi pake kaos biru"); e is where they end.
func colourSide(ts []Token, k int) (int, bool) {
	if k+1 >= len(ts) {
		return 0, false
	}
	garment := false
	switch ts[k].Norm {
	case "yang", "yg", "nuansa", "serba",
		// a side's nickname by colour: "kampanye si biru", "kubu merah"
		"si", "kubu":
	case "kaos", "kaus", "baju", "rompi", "jaket", "kemeja", "topi", "seragam":
		garment = true
	default:
		return 0, false
	}
	if !sideColour(ts[k+1].Norm) && !(garment && garmentColour(ts[k+1].Norm)) {
		return 0, false
	}
	if garment && k+2 < len(ts) && sideColour(ts[k+2].Norm) {
		// "baju merah putih" is the flag's colours, no side's
		return 0, false
	}
	if ts[k].Norm == "yang" || ts[k].Norm == "yg" {
		// "yang merah" alone, not "yang merah putih" or "yang biru
		// lautnya"
		if k+2 < len(ts) && !particle(ts[k+2].Norm) {
			return 0, false
		}
	}
	return k + 2, true
}

// sideColour reports the colours sides are known by.
func sideColour(w string) bool {
	switch w {
	case "merah", "kuning", "biru", "hijau", "putih", "oranye", "orange", "ungu":
		return true
	}
	return false
}

// garmentColour reports colour words that are a side's only after a
// garment: Javanese "abang" (red; in Indonesian an elder brother) and
// "ijo" (green), as in "coblos sing klambi abang".
func garmentColour(w string) bool {
	return w == "abang" || w == "ijo"
}

// particle reports words that close a phrase without adding to it.
func particle(w string) bool {
	switch w {
	case "ya", "yah", "lah", "kan", "dong", "deh", "sih", "nah", "itu", "tuh":
		return true
	}
	return false
}

// kinSide reports whether the words at k name a candidate as a relative of
// the one in office, right after a verb of winning, voting or support
// ("buat menangin adik bupati", "dukung istri petahana"); e is where the
// words end. Not "istri bupati" alone: the regent's wife chairs the PKK.
func kinSide(ts []Token, k int) (int, bool) {
	if k == 0 || k+1 >= len(ts) {
		return 0, false
	}
	switch ts[k-1].Norm {
	case "menangin", "menangkan", "memenangkan", "pilih", "memilih", "coblos", "mencoblos", "nyoblos", "dukung", "mendukung":
	default:
		return 0, false
	}
	switch ts[k].Norm {
	case "adik", "kakak", "istri", "suami", "anak", "menantu", "ipar", "keponakan", "ponakan":
	default:
		return 0, false
	}
	switch ts[k+1].Norm {
	case "bupati", "gubernur", "walikota", "wali", "presiden", "petahana", "wabup", "wagub":
		return k + 2, true
	}
	return 0, false
}

// lookSide reports whether "yang" at k, right after a verb of voting,
// names a side by its looks ("pokoknya coblos yang berkacamata", "pilih
// yang gemoy"): a virtue ("pilih yang jujur") is an appeal any side may
// make; a look belongs to one candidate. e is the end of the look.
func lookSide(ts []Token, k int) (int, bool) {
	if k == 0 || k+1 >= len(ts) || ts[k].Norm != "yang" || !votes(ts[k-1].Norm) {
		return 0, false
	}
	switch ts[k+1].Norm {
	case "berkacamata", "berkumis", "berjenggot", "berjanggut", "berpeci", "berkopiah", "berjilbab", "berkerudung",
		"gemoy", "gemoi", "ganteng", "cantik", "gondrong", "botak", "gendut", "kurus", "brewok", "berewok":
		return k + 2, true
	}
	return 0, false
}
