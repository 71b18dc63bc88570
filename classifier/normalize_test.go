package classifier

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/netra-id/netra"
)

func norms(ts []Token) string {
	var b []string
	for _, t := range ts {
		b = append(b, t.Norm)
	}
	return strings.Join(b, " ")
}

func TestNormalize(t *testing.T) {
	c := mustDefault(t)
	cases := []struct{ in, want string }{
		{"Pilihhh paslon no. urut 2 yaaa", "pilih paslon nourut2 ya"},
		{"nomor urut dua", "nourut2"},
		{"jangan lupa nomor dua ya", "jangan lupa nourut2 ya"},
		{"nomor rua", "nourut2"},
		{"ada arahan dr tim paket 3", "ada arahan dr tim paket nourut3"},
		{"ingat nomor tiga di bilik suara", "ingat nourut3 di bilik suara"},
		{"lupa nomor rumahnya", "lupa nomor rumahnya"},
		{"camat2 dukung 02, terang2an", "camat camat dukung nourut2 terang2an"},
		{"bagi2 sembako", "bagi bagi sembako"},
		{"k2 jari2 nourut2", "k2 jari2 nourut2"},
		{"Paslon 02 gak bakal kalah", "paslon nourut2 tidak bakal kalah"},
		{"nomer 1 dgn bgt", "nourut1 dengan banget"},
		{`dukung "01"`, "dukung nourut1"},
		// minutes of a clock time
		{"10.05 WIB beredar kabar", "10 05 wib beredar kabar"},
		// Regional number words after "nomor" are ballots; "nomor satu"
		// with no verb of voting is the idiom for the best.
		{"ampun kesupen nomer telu nggih", "ampun kesupen nourut3 nggih"},
		{"kito pilih nan nomor ciek", "kito pilih nan nourut1"},
		{"dia nomor satu di kelasnya", "dia nomor satu di kelasnya"},
		// A verb of voting or the voting day a few words before.
		{"yang harus dipilih tanggal 27, nomor dua nah", "yang harus dipilih tanggal 27 nourut2 nah"},
		{"tgl 14 jangan lupa nomor tiga", "tanggal 14 jangan lupa nourut3"},
		{"juara kelas nomor dua tahun ini", "juara kelas nomor dua tahun ini"},
		// an order of appearance in a contest, not a ballot
		{"Tim paduan suara tampil di nomor urut dua", "tim paduan suara tampil di nomor urut dua"},
		{"giliran nomor urut 3 maju ke panggung", "giliran nomor urut 3 maju ke panggung"},
		{"coblos nomor urut 2 saat giliran tampil", "coblos nourut2 saat giliran tampil"},
		{"yang sudah terbukti, yang nomornya dua", "yang sudah terbukti yang nourut2"},
		// colloquial "-in" for "-kan", only where the pack knows the verb
		{"bagiin masker, menangin paslon", "bagikan masker menangkan paslon"},
		{"kemarin mungkin dingin", "kemarin mungkin dingin"},
		// a bare number word after a relative marker or "ingat"
		{"sing TELU, ingat settong, pilih mi yang rua", "yang nourut3 ingat nourut1 pilih mi yang nourut2"},
		{"yang dua orang itu datang", "yang dua orang itu datang"},
		// a passive "-kan" verb split after its prefix is one word; a
		// place after "di" is not
		{"kasus itu sudah di laporkan ke Bawaslu", "kasus itu sudah dilaporkan ke bawaslu"},
		{"Di sampaikan oleh camat", "disampaikan oleh camat"},
		{"rapat di pekan depan di pendidikan di pojokan", "rapat di pekan depan di pendidikan di pojokan"},
		{"di  laporkan", "di laporkan"},
		{"di\nlaporkan", "di laporkan"},
		// regional "if", "not" and "forget"
		{"upami teu hadir, ojo lali", "kalau tidak hadir jangan lupa"},
		{"#NetralitasASN #2019GantiPresiden", "netralitas asn 2019 ganti presiden"},
		{"foto ☝️ dan ✌🏽 lalu 🤟", "foto jari1 dan jari2 lalu jari3"},
		{"salam dua jari", "jari2"},
		{"cek https://contoh.id/x @akun_ku yg ini", "cek yang ini"},
		{"Cek HTTPS://Contoh.id/X Www.Contoh.id Http://a.id yg ini", "cek yang ini"},
		{"ＡＳＮ ｆｕｌｌｗｉｄｔｈ", "asn fullwidth"},
		{"Sdh milih tdk?", "sudah memilih tidak"},
	}
	for _, tc := range cases {
		if got := norms(c.Tokens(tc.in)); got != tc.want {
			t.Errorf("normalise %q = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNormalizeOffsets(t *testing.T) {
	c := mustDefault(t)
	text := "Kata “ASN” itu dukungannya, #NetralitasASN dan pilihhh no. urut 2 ✌️."
	for _, tk := range c.Tokens(text) {
		src := text[tk.Start:tk.End]
		if tk.Norm == "nourut2" {
			if src != "no. urut 2" {
				t.Errorf("ballot number covers %q", src)
			}
			continue
		}
		if tk.Norm == "jari2" {
			if !strings.HasPrefix(src, "✌") {
				t.Errorf("gesture covers %q", src)
			}
			continue
		}
		if squeeze(strings.ToLower(src)) != tk.Norm {
			t.Errorf("token %q has offsets of %q", tk.Norm, src)
		}
	}
}

// TestStemmedMatching checks that one rule term reaches the inflected
// forms through the stemmer.
func TestStemmedMatching(t *testing.T) {
	c := mustDefault(t)
	for _, form := range []string{"mendukung", "didukung", "dukungannya", "mendukungnya"} {
		text := "Seorang camat terang-terangan " + form + " paslon nomor urut 1."
		if !c.RuleFires("asn-support", text) {
			t.Errorf("asn-support did not fire on %q", text)
		}
	}
	for _, form := range []string{"berkampanye", "mengkampanyekan", "kampanyenya"} {
		text := "Kepala sekolah itu " + form + " untuk calon bupati."
		if !c.RuleFires("asn-campaign", text) {
			t.Errorf("asn-campaign did not fire on %q", text)
		}
	}
}

func TestTitleEvidence(t *testing.T) {
	c := mustDefault(t)
	it := netra.Item{Title: "Camat di Sukamaju kampanyekan paslon bupati", Text: "Bawaslu menerima laporan warga pada Senin."}
	v := c.Classify(it)
	if !v.Flagged || len(v.Hits) == 0 || v.Hits[0].Field != "title" {
		t.Fatalf("want a flag from title evidence, got %+v", v)
	}
	h := v.Hits[0]
	if it.Title[h.Start:h.End] != h.Sentence {
		t.Fatalf("title offsets wrong: %+v", h)
	}
}

func TestSentences(t *testing.T) {
	text := "Camat H. Ahmad hadir. Ia berkata: \"Saya netral!\" Lalu pulang.\nBaris baru no. 2 tetap satu\n12. Memasang stiker. Tahun 2024. Lalu selesai. Kasi berinisial AS. Warga melapor. Dipimpin Kabid Logistik, Syarifuddin,S.Sos. Ia menyerahkan bantuan. Oleh Drs. Ahmad, S.Pd. dan Ir. Budi. Sekda H. Muh. Alimuddin hadir. Kata Dg. Ngai lagi. Tiga orang berinisial RM, AP dan RH. Ketiganya ditahan. Hadir pula Bpk. AS dan istri."
	var got []string
	for _, s := range sentences(text) {
		got = append(got, text[s.start:s.end])
	}
	want := []string{"Camat H. Ahmad hadir.", "Ia berkata: \"Saya netral!\"", "Lalu pulang.", "Baris baru no. 2 tetap satu", "12. Memasang stiker.", "Tahun 2024.", "Lalu selesai.", "Kasi berinisial AS.", "Warga melapor.", "Dipimpin Kabid Logistik, Syarifuddin,S.Sos.", "Ia menyerahkan bantuan.", "Oleh Drs. Ahmad, S.Pd. dan Ir. Budi.", "Sekda H. Muh. Alimuddin hadir.", "Kata Dg. Ngai lagi.", "Tiga orang berinisial RM, AP dan RH.", "Ketiganya ditahan.", "Hadir pula Bpk. AS dan istri."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sentences:\n got %q\nwant %q", got, want)
	}
}

func TestFirstStageRejects(t *testing.T) {
	c := mustDefault(t)
	if c.Candidate("", "Harga cabai naik di pasar induk menjelang akhir tahun.") {
		t.Error("unrelated text passed the first stage")
	}
	if c.Candidate("", "Warga pASN-nya itu") {
		t.Error("short keyword inside a longer word passed")
	}
	if !c.Candidate("", "Para PNS   ikut\n KAMPANYE") {
		t.Error("ASN + kampanye did not pass the first stage")
	}
	// A stem phrase keyword that lost its first letter ("idak netral")
	// still has its colloquial spellings.
	for _, w := range []string{"gak", "nggak", "enggak", "ga"} {
		if !c.Candidate("", "Pj wali kota kita "+w+" netral") {
			t.Errorf("%q netral did not pass the first stage", w)
		}
	}
	// Keywords spelt in mathematical bold or italic letters or in
	// full-width forms, as posts write them for emphasis.
	for _, s := range []string{"𝗖𝗮𝗺𝗮𝘁 Sukajadi ikut 𝗸𝗮𝗺𝗽𝗮𝗻𝘆𝗲", "Ｃａｍａｔ Sukajadi ikut ｋａｍｐａｎｙｅ", "𝘊𝘢𝘮𝘢𝘵 Sukajadi ikut 𝘬𝘢𝘮𝘱𝘢𝘯𝘺𝘦"} {
		if !c.Candidate("", s) {
			t.Errorf("%q did not pass the first stage", s)
		}
	}
	if len(c.Keywords()) == 0 {
		t.Error("no keywords")
	}
	// `netra rules keywords` prints them as they come.
	if !slices.IsSorted(c.Keywords()) {
		t.Error("Keywords is not sorted")
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		"Pilihhh paslon no. urut 2 yaaa #NetralitasASN ✌️",
		"Seorang camat kedapatan berkampanye untuk pasangan calon bupati.",
		"“ASN” ‘dukung’ &rsquo; nomor urut",
		"\xff\xfe invalid utf8 ASN kampanye",
		"#", "@", "no.", "salam dua", "01 02 03",
		"kasusnya sudah di laporkan ke Bawaslu", "di  duga", "Di\nlaporkan",
	} {
		f.Add(s)
	}
	c := mustDefault(f)
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, tk := range c.Tokens(text) {
			if tk.Start < 0 || tk.End > len(text) || tk.Start > tk.End {
				t.Fatalf("token %+v out of range for %d bytes", tk, len(text))
			}
			if tk.Start < prev {
				t.Fatalf("tokens out of order at %+v", tk)
			}
			prev = tk.Start
		}
		v := c.Classify(netra.Item{Title: text, Text: text})
		for _, h := range v.Hits {
			if h.Start < 0 || h.End > len(text) || text[h.Start:h.End] != h.Sentence {
				t.Fatalf("hit offsets wrong: %+v", h)
			}
		}
		if v.Score < 0 || v.Score > 1 {
			t.Fatalf("score %v", v.Score)
		}
		_ = utf8.ValidString(text)
	})
}

func TestSqueezeKeepsAcronyms(t *testing.T) {
	for in, want := range map[string]string{"pppk": "pppk", "pilihhh": "pilih", "yaaa": "ya", "saat": "saat", "mantaaap": "mantap"} {
		if got := squeeze(in); got != want {
			t.Errorf("squeeze(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAnalyzeAgreesForQueryWords(t *testing.T) {
	c := mustDefault(t)
	idx := c.Analyze("ASN itu mendukung paslon 02, dukungannya viral di #KampanyeDamai")
	q := c.Analyze("dukung")
	if len(q) != 1 {
		t.Fatalf("query analysed to %v", q)
	}
	n := 0
	for _, w := range idx {
		if w == q[0] {
			n++
		}
	}
	if n != 2 {
		t.Fatalf("stem %q found %d times in %v, want 2 (mendukung, dukungannya)", q[0], n, idx)
	}
	for _, w := range append([]string{"nourut2"}, c.Analyze("kampanye damai")...) {
		if !strings.Contains(strings.Join(idx, " "), w) {
			t.Errorf("%q missing from %v", w, idx)
		}
	}
}

func TestLongSentenceIsCut(t *testing.T) {
	// A camat, not "asn": in a long text civil servants as a class
	// describe no case (genericActor), and this test is about cutting.
	text := strings.Repeat("camat kampanye paslon ", 2000)
	prev := 0
	for _, s := range sentences(text) {
		if s.end-s.start > maxSentence || s.start < prev {
			t.Fatalf("span %+v", s)
		}
		prev = s.end
	}
	c := mustDefault(t)
	if v := c.Classify(netra.Item{Text: text}); !v.Flagged {
		t.Fatalf("not flagged: %+v", v.Categories)
	}
}

// TestDash checks that a word joined to the one before by a dash is
// marked, and one after a space is not.
func TestDash(t *testing.T) {
	c := mustDefault(t)
	text := "kampanye Hendra-Yusuf dan Jawa Tengah, bagi-bagi"
	ts := c.norm.tokensIn(text, 0, len(text))
	got := map[string]bool{}
	for _, tk := range ts {
		got[tk.Norm] = tk.Dash
	}
	if !got["yusuf"] || got["hendra"] || got["tengah"] {
		t.Errorf("dash marks = %v, want only yusuf", got)
	}
}

// TestCaps checks that only a word of two letters or more, all capitals,
// is marked as an acronym.
func TestCaps(t *testing.T) {
	c := mustDefault(t)
	text := "Pasangan AMAN dan Pak Budi, FW, A, dan ASN2024."
	want := map[string]bool{"pasangan": false, "aman": true, "dan": false, "pak": false, "budi": false, "fw": true, "a": false, "asn2024": true}
	for _, tok := range c.norm.tokens(text) {
		if w, ok := want[tok.Norm]; ok && tok.Caps != w {
			t.Errorf("%q: Caps %v, want %v", text[tok.Start:tok.End], tok.Caps, w)
		}
	}
}
