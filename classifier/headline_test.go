package classifier

import (
	"strings"
	"testing"

	"github.com/netra-id/netra"
)

// TestTitleSide checks that an article's sentence telling what someone in
// particular did takes its side from a headline that tells of a civil
// servant's act, and from no other headline.
func TestTitleSide(t *testing.T) {
	c := mustDefault(t)
	filler := strings.Repeat("Pertemuan itu berlangsung sekitar dua jam di ruang perpustakaan sekolah pada sore hari. ", 8)
	body := filler + "Kepala sekolah tersebut kemudian mengarahkan guru-guru untuk mengamankan suara di lingkungan masing-masing. " + filler
	cases := []struct {
		title string
		want  bool
	}{
		{"Kepsek SMP Negeri di Sukamaju Diduga Arahkan Guru Pilih Paslon Nomor 2", true},
		{"Rapat di SMP Negeri Sukamaju Berbuntut Laporan", false},
		{"KPK Panggil Politisi PAN soal Dana Perimbangan", false},
		{"Bawaslu Imbau Kepsek Tidak Arahkan Guru Pilih Paslon Nomor 2", false},
	}
	for _, tc := range cases {
		v := c.Classify(netra.Item{Title: tc.title, Text: body})
		if v.Flagged != tc.want {
			t.Errorf("title %q: flagged %v, want %v (hits %+v)", tc.title, v.Flagged, tc.want, v.Hits)
		}
		for _, h := range v.Hits {
			for _, sp := range h.Spans {
				if sp.End > len(body) {
					t.Errorf("title %q: span %+v outside the text", tc.title, sp)
				}
			}
		}
	}
}

// TestHeadlineFrames checks the headlines that say what the whole article
// is: a demonstration or role-play makes every case it tells acted, a
// reader's question in a Q&A column asks about the act, and a list of an
// overseer's "modus" lists kinds of violation. The same body under a
// headline that frames nothing still reports the case.
func TestHeadlineFrames(t *testing.T) {
	c := mustDefault(t)
	acted := article("Dalam peragaan itu, seorang kepala sekolah mengumpulkan guru di ruang rapat. Lalu di ujung rapat, beliau membagikan kalender bergambar seorang caleg dan meminta guru membantu caleg itu.")
	list := article("Kedelapan hal yang dipantau itu:\n1. Pengerahan bawahan dan guru untuk menghadiri acara calon dengan dalih kegiatan sosial.\n2. Pemakaian kendaraan dinas untuk rapat tim pemenangan.")
	cases := []struct {
		title, text string
		want        bool
	}{
		{"Bawaslu Sukamaju Peragakan Cara Kepala Sekolah Bisa Terjerat Pelanggaran Netralitas", acted, false},
		{"Main Peran 'Pak Sabar', Pejabat Pemkot Belajar Menolak Permintaan Tim Relawan", acted, false},
		{"Kepala Sekolah di Sukamaju Bagikan Kalender Caleg ke Guru", acted, true},
		{"Tanya Jawab Pemilu: Lihat Pegawai Kelurahan Foto Dua Jari dengan Caleg, Boleh Dilaporkan?", article("Pertanyaan pembaca kami jawab di bawah ini."), false},
		{"Ini Delapan Modus Pelanggaran Netralitas ASN yang Dipantau Bawaslu", list, false},
		{"Latsar CPNS Pakai Studi Kasus Rekaan: Atasan Minta Pegawai Pasang Spanduk Calon", acted, false},
		{"Tanya Pakar: Kakak Jadi Caleg dan Minta Dibantu Bagi Kalender, PNS Harus Bagaimana?", article("Pertanyaan pembaca kami jawab di bawah ini."), false},
		{"Beredar Surat 'Wajib Hadir' ASN di Acara Paslon, Pemkab Sukamaju: Itu Palsu", article("Surat itu tidak pernah dikeluarkan."), false},
		{"Bawaslu Temukan Delapan Pelanggaran Netralitas ASN di Sukamaju", list, true},
		{"Mobil Pelat Merah Angkut Bendera Paslon, Kabid di Dinas PUPR Sukamaju Diperiksa", article("Pemeriksaan berlangsung tertutup."), true},
		{"Nama Lurah dan Kades Muncul di SK Tim Pemenangan, Bawaslu Kabupaten Sukamaju Ingatkan Aturan", article("Pemeriksaan berlangsung tertutup."), true},
	}
	// A frame cancels the article's hits, so what is checked is whether an
	// ASN hit survives, not the flag: the flag also weighs the word model's
	// reading of the whole body, and these bodies are filler (weather) that
	// reads like no report at all (since pack 2026.12.17 the last case's
	// score falls under the threshold for that reason alone).
	for _, tc := range cases {
		v := c.Classify(netra.Item{Title: tc.title, Text: tc.text})
		if got := c.asnHit(v.Hits, false); got != tc.want {
			t.Errorf("title %q: an ASN hit counts: %v, want %v (hits %+v, suppressed %+v)", tc.title, got, tc.want, v.Hits, v.Suppressed)
		}
	}
}

// TestLeadSide checks that a headline telling a civil servant's act with
// no side takes the side its article's lead names outright, and not one
// that a person of the lead's own sentence acts for, one the lead states
// a norm about, or one named past the lead.
func TestLeadSide(t *testing.T) {
	c := mustDefault(t)
	title := "Warga Pergoki Sekcam Sukamaju Kumpulkan Fotokopi KTP di Warung Kopi"
	filler := "Warung itu berada di pinggir jalan desa dan ramai pada sore hari. "
	cases := []struct {
		name, text string
		want       bool
	}{
		{"lead names the side", "Kejadian itu dilaporkan warga pada Selasa. Menurut warga, salinan KTP itu dikumpulkan untuk mendukung caleg DPRD nomor urut 3. " + filler, true},
		{"the side is another person's", "Kejadian itu dilaporkan warga pada Selasa. Bupati Sukamaju berkampanye untuk caleg DPRD nomor urut 3 di kota. " + filler, false},
		{"the lead states a norm", "Kejadian itu dilaporkan warga pada Selasa. ASN dilarang mendukung caleg nomor urut 3 atau calon lain. " + filler, false},
		{"side past the lead", "Kejadian itu dilaporkan warga pada Selasa. " + strings.Repeat(filler, 4) + "Menurut warga, salinan KTP itu untuk caleg DPRD nomor urut 3.", false},
	}
	// What is checked is the flag the rules give: the word model may
	// still flag an article whose lead states the norm, reading the whole
	// article as a report (cancelled_model; since pack 2026.12.20 the norm
	// case scores just over the threshold that way), and such a flag says
	// so (Verdict.Overruled) and takes no side into the headline's hit.
	for _, tc := range cases {
		v := c.Classify(netra.Item{Title: title, Text: tc.text})
		if got := v.Flagged && !v.Overruled(); got != tc.want {
			t.Errorf("%s: flagged by the rules %v, want %v (hits %+v)", tc.name, got, tc.want, v.Hits)
		}
		for _, h := range v.Hits {
			if h.Field != "title" {
				continue
			}
			if len(h.Terms) != len(h.Spans)+1 || !strings.Contains(tc.text, h.Terms[len(h.Terms)-1]) {
				t.Errorf("%s: hit %s should list the lead's side after its spans: terms %q, spans %+v", tc.name, h.Rule, h.Terms, h.Spans)
			}
			for _, sp := range h.Spans {
				if sp.End > len(title) {
					t.Errorf("%s: span %+v outside the headline", tc.name, sp)
				}
			}
		}
	}
}
