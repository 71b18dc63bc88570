package classifier

import "testing"

// TestAsksVote covers a civil servant's own request to vote for or against
// a side named outright (session 23, pw-tune): the request is the act, not
// an appeal to stay neutral. The same request made of the class by an
// overseer, a "tidak" that negates the asking, and an unnamed side stay
// unflagged.
func TestAsksVote(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		{"Guru honorer itu? Bukan. Guru SMP negeri yang berinisial RS itu kemudian meminta murid-muridnya tidak memilih Prabowo pada pilpres nanti.", true},
		{"Kepala puskesmas yang baru dilantik itu mengajak para bidan memilih Anies Baswedan.", true},
		{"Bawaslu meminta ASN tidak memilih Prabowo di depan umum dan menjaga netralitas.", false},
		{"Kepala puskesmas itu tidak meminta para bidan memilih Anies Baswedan.", false},
		{"Guru itu kemudian meminta murid-muridnya tidak memilih pemimpin yang korup.", false},
	})
}

// TestStatusBeforePost covers a civil servant's status written before his
// village post ("bertugas sebagai ASN sekretaris desa"), carried to the
// next sentence, and a full title of an assistant to the regional
// secretary (session 23).
func TestStatusBeforePost(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		{"Rahmat bertugas sebagai ASN sekretaris Desa Sukamaju. Ia mengunggah status di Facebook yang ditengarai mendukung salah satu paslon capres.", true},
		{"Rahmat bertugas sebagai sekretaris Desa Sukamaju. Ia mengunggah status di Facebook yang ditengarai mendukung salah satu paslon capres.", false},
		{"Panwascam memergoki Asisten Sekretariat Daerah Bidang Pemerintahan Kabupaten Sukamaju memperkenalkan salah satu calon bupati dalam sebuah acara.", true},
	})
}
