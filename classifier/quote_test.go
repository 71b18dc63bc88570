package classifier

import "testing"

// TestQuotationNotDistance checks that the words of a quotation between
// the one who speaks and what they do next do not count against the
// rule's window, while as many plain words do.
func TestQuotationNotDistance(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		{`Pj Bupati pas nyerahin bantuan alsintan bilang "terima kasih kepada kelompok tani yang sudah hadir dari pagi sampai siang di balai desa ini ya bapak ibu" sambil ngacungin tiga jari.`, true},
		{`Pj Bupati pas nyerahin bantuan alsintan bilang terima kasih kepada kelompok tani yang sudah hadir dari pagi sampai siang di balai desa ini ya bapak ibu sambil ngacungin tiga jari.`, false},
	})
}
