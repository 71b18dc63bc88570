package classifier

import (
	"strings"
	"testing"
)

// TestWrappedLines checks that a line break inside a sentence of a
// hard-wrapped page (PDF copies, old news sites) does not cut it, while
// headlines, list items, datelines and blank lines still end one.
func TestWrappedLines(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"SUKAMAJU - Video dugaan dukungan lima belas camat\nse Kota Sukamaju kepada pasangan calon nomor urut 1 beredar.",
			[]string{"SUKAMAJU - Video dugaan dukungan lima belas camat\nse Kota Sukamaju kepada pasangan calon nomor urut 1 beredar."}},
		// a short line is a headline or a tag, not a wrapped sentence
		{"ASN Diminta Netral\nsosialisasi digelar di aula kantor bupati.",
			[]string{"ASN Diminta Netral", "sosialisasi digelar di aula kantor bupati."}},
		// a blank line ends the block
		{"Bawaslu Sukamaju memanggil dua kepala sekolah negeri pada pekan ini\n\nkarena foto bersama calon.",
			[]string{"Bawaslu Sukamaju memanggil dua kepala sekolah negeri pada pekan ini", "karena foto bersama calon."}},
		// a line that ends in a colon, comma or full stop keeps its break
		{"Bentuk pelanggaran yang ditemukan Bawaslu di kabupaten itu antara lain:\na. memasang baliho calon",
			[]string{"Bentuk pelanggaran yang ditemukan Bawaslu di kabupaten itu antara lain:", "a. memasang baliho calon"}},
		{"Bawaslu Sukamaju menemukan pelanggaran oleh seorang camat,\ndan melaporkannya ke BKN.",
			[]string{"Bawaslu Sukamaju menemukan pelanggaran oleh seorang camat,", "dan melaporkannya ke BKN."}},
		// a line followed by one in upper case keeps its break
		{"Kepala Dinas Pendidikan Kabupaten Sukamaju hadir di acara itu\nBawaslu kemudian memanggilnya.",
			[]string{"Kepala Dinas Pendidikan Kabupaten Sukamaju hadir di acara itu", "Bawaslu kemudian memanggilnya."}},
	} {
		var got []string
		for _, s := range sentences(tc.text) {
			got = append(got, tc.text[s.start:s.end])
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("sentences(%q):\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}

// TestClassBesideRole checks that civil servants named as a class in a
// sentence do not hide someone named by role in the same sentence (pq
// tuning file): the class alone describes no case, the role is one. The
// one who speaks ("kata …") is no stand-in, nor is the class named again.
func TestClassBesideRole(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		{article("Tentu saja ASN hadir pada acara panen raya yang dihadiri calon petahana dan Kepala Dinas Pertanian Sukamaju."), true},
		{article("Tentu saja ASN hadir pada acara panen raya yang dihadiri calon petahana."), false},
		{article("Tentu saja ASN hadir pada acara panen raya yang dihadiri calon petahana, kata Kepala Dinas Pertanian Sukamaju."), false},
		{article("Tentu saja ASN hadir pada acara panen raya yang dihadiri calon petahana dan para ASN lain."), false},
	})
}
