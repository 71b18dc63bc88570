package classifier

import "testing"

// TestNamedSides checks that a candidate the article introduces by name
// ("Hendro Susilo, calon wali kota …") is a side wherever the name stands
// alone, and that someone else with another name is not.
func TestNamedSides(t *testing.T) {
	c := mustDefault(t)
	intro := "Hendro Susilo, calon wali kota nomor urut 2, berkampanye di pasar pagi itu. "
	checkFlags(t, c, []flagCase{
		{article(intro + "Sorenya, Kepala Dinas Koperasi Sukamaju, Budi Santoso, membagikan kalender bergambar Hendro kepada para pedagang."), true},
		{article(intro + "Sorenya, Kepala Dinas Koperasi Sukamaju, Budi Santoso, menghadiri pertemuan tertutup dengan Hendro di sebuah rumah makan."), true},
		// Another name: no side.
		{article(intro + "Sorenya, Kepala Dinas Koperasi Sukamaju, Budi Santoso, menghadiri pertemuan tertutup dengan Rudi di sebuah rumah makan."), false},
		// The name after the office and its number.
		{"Calon bupati Sukamaju nomor urut 1, Ahmad Yani, menggelar deklarasi. " + article("Kepala sekolah SMP Negeri 2 Sukamaju mengunggah foto bersama Yani di akun Facebook pribadinya."), true},
	})
}

// TestCandidateNames checks which names an item's text gives its
// candidates.
func TestCandidateNames(t *testing.T) {
	c := mustDefault(t)
	for _, tc := range []struct {
		text string
		want []string
		not  []string
	}{
		{"Hendro Susilo, calon wali kota nomor urut 2, hadir.", []string{"hendro", "susilo"}, nil},
		{"Calon bupati Sukamaju nomor urut 1, Ahmad Yani, menggelar deklarasi.", []string{"ahmad", "yani"}, []string{"sukamaju"}},
		{"Ia maju sebagai caleg. Budi Santoso, kepala dinas, hadir.", nil, []string{"budi", "santoso"}},
		{"Ada 300 calon jemaah haji, kata Ahmad Yani.", nil, []string{"ahmad", "yani"}},
		// The name a candidate is known by.
		{"Rahmat Siregar, calon wali kota yang dikenal dengan panggilan Bang Ucok, berkampanye.", []string{"rahmat", "siregar", "ucok"}, []string{"bang"}},
	} {
		doc := &docContext{text: tc.text}
		names := doc.candidateNames(c)
		for _, w := range tc.want {
			if !names[w] {
				t.Errorf("%q: %q not learnt as a candidate's name (got %v)", tc.text, w, names)
			}
		}
		for _, w := range tc.not {
			if names[w] {
				t.Errorf("%q: %q learnt as a candidate's name", tc.text, w)
			}
		}
	}
}
