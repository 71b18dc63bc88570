package classifier

import "testing"

// TestIdentifiedAfter checks that a person shown acting and named in the
// next sentence as a civil servant ("Pria itu adalah …") is the act's
// actor, and that a next sentence about someone else, or with no verb of
// identity, names no one.
func TestIdentifiedAfter(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{article("Di baris ketiga duduk seorang pria berkemeja seragam partai, memegang map peserta. Pria itu adalah Ramlan, Sekretaris Kecamatan Sukamaju."), true},
		{article("Di baris ketiga duduk seorang pria berkemeja seragam partai, memegang map peserta. Wanita itu adalah Rina, Sekretaris Kecamatan Sukamaju."), false},
		{article("Di baris ketiga duduk seorang pria berkemeja seragam partai, memegang map peserta. Pria itu duduk di samping Sekretaris Kecamatan Sukamaju."), false},
	})
}

// TestTakenUp checks the cheap reading of a sentence that takes up a word.
func TestTakenUp(t *testing.T) {
	for _, tc := range []struct {
		s, want string
		ok      bool
	}{
		{"Pria itu adalah Ramlan, Sekretaris Kecamatan.", "pria", true},
		{"Pengemudinya tersebut ternyata camat.", "pengemudinya", true},
		{"Pria itu duduk di samping camat.", "", false},
		{"Itu adalah camat.", "", false},
	} {
		got, ok := takenUp(tc.s)
		if got != tc.want || ok != tc.ok {
			t.Errorf("takenUp(%q) = %q, %v; want %q, %v", tc.s, got, ok, tc.want, tc.ok)
		}
	}
}

// TestAmongThem checks that a sentence saying what one of the people just
// told of is ("Satu di antaranya PNS …") makes their act a civil
// servant's, and that one saying it of someone outside them does not.
func TestAmongThem(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{article("Panwaslu telah memanggil dua orang yang menyukai unggahan pada laman Facebook milik salah satu pasangan calon bupati. Satu di antaranya PNS Pemkab Sukamaju, sedangkan yang lain bekerja di sebuah BUMD."), true},
		{article("Panwaslu telah memanggil dua orang yang menyukai unggahan pada laman Facebook milik salah satu pasangan calon bupati. Keduanya bekerja di sebuah BUMD, bukan di Pemkab Sukamaju."), false},
		{article("Dalam video itu dua wajah yang saya kenal tampak memegang poster pasangan calon bupati. Yang satu Kepala Dinas Dukcapil kabupaten kami, yang lain Sekretaris Camat Sukamaju."), true},
	})
	for s, want := range map[string]int{"Satu di antaranya PNS": 3, "Salah satunya guru": 2, "Satu dianta": 0, "Satu di antaranyalah": 0} {
		if got := amongThem(s); got != want {
			t.Errorf("amongThem(%q) = %d, want %d", s, got, want)
		}
	}
}
