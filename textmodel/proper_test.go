package textmodel

import (
	"slices"
	"testing"
)

func TestProperNouns(t *testing.T) {
	texts := []string{
		"Camat Wirosari bertemu tim pemenangan di rumah Pak Darsono, kata ASN itu.",
		"Pertemuan itu digelar di Wirosari pada malam hari, bukan di kantor Darsono.",
		"Kepala desa di Wirosari menolak; Darsono lalu pulang.",
		"Para camat hadir. Menurut Bawaslu camat harus netral, dan Camat datang.",
		"warga wirosari kecewa.",
	}
	got := ProperNouns(texts, 2)
	// Wirosari: capital 3 times mid-sentence, lowercase once (3 < 9·1, so
	// it stays in); Darsono: 3 times, never lowercase; Pak: once only;
	// ASN: an acronym; Camat: capital once mid-sentence, lowercase twice.
	want := []string{"darsono"}
	if !slices.Equal(got, want) {
		t.Errorf("ProperNouns = %q, want %q", got, want)
	}
	if got := ProperNouns(texts[:3], 2); !slices.Equal(got, []string{"darsono", "wirosari"}) {
		t.Errorf("without the lowercase use, ProperNouns = %q, want darsono and wirosari", got)
	}
}

func TestMidWords(t *testing.T) {
	var got []string
	midWords("Kata Bupati: camat Joko, Sekda Ani; 3 Desa. Lalu  Budi pergi", func(w string) { got = append(got, w) })
	want := []string{"Bupati", "Joko", "Sekda", "Ani", "Desa", "pergi"} // not after a colon, a full stop or two spaces
	if !slices.Equal(got, want) {
		t.Errorf("midWords = %q, want %q", got, want)
	}
}

func TestFitExcludesWordsFast(t *testing.T) {
	texts := []string{"camat darsono hadir kampanye", "lurah darsono hadir kampanye", "camat dilarang hadir", "lurah dilarang hadir"}
	m, err := Fit(texts, []bool{true, true, false, false}, FitOptions{MinDF: 1, Exclude: []string{"darsono", "zzz"}})
	if err != nil {
		t.Fatal(err)
	}
	for g := range m.Terms {
		if slices.Contains(Words(g), "darsono") {
			t.Errorf("n-gram %q kept an excluded word", g)
		}
	}
	if _, ok := m.Terms["hadir kampanye"]; !ok {
		t.Error(`"hadir kampanye" missing`)
	}
}
