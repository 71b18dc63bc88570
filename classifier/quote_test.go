package classifier

import "testing"

// TestQuotationNotDistance checks that the words of a quotation between
// the one who speaks and what they do next do not count against the
// rule's window, while as many plain words do.
func TestQuotationNotDistance(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		{`Pj Bupati pas nyerahin bantuan alsintan bilang "jangan lupa siapa yg bawa bantuan ini ke sini, nanti tanggal 27 ingat baik2 ya bapak ibu semua" sambil ngacungin tiga jari.`, true},
		{`Pj Bupati pas nyerahin bantuan alsintan bilang jangan lupa siapa yg bawa bantuan ini ke sini, nanti tanggal 27 ingat baik2 ya bapak ibu semua sambil ngacungin tiga jari.`, false},
	})
}
