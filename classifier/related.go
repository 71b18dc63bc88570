package classifier

import "strings"

// Scraped news pages carry links to other articles inside the text ("Baca
// juga: Camat di Kabupaten X Diperiksa Bawaslu") and tag lists ("Tags:
// ASN, kampanye"). Such a line is not what the article reports, and in a
// socialisation article another story's headline would make a case out of
// someone else's story, so a sentence that opens with one is skipped.
// Pages put these on lines of their own, and a line break ends a
// sentence, so looking at the start of each sentence is enough, and costs
// nothing for text that never reaches the sentence stage.

// relatedMarkers open a link to another article or a page's tag list,
// lower case.
var relatedMarkers = [...]string{"baca juga", "simak juga", "lihat juga", "tonton juga", "baca selengkapnya", "artikel terkait", "berita terkait", "simak video", "baca:", "tag:", "tags:", "topik:"}

// relatedLine reports whether sentence s opens with a related-article or
// tag marker (after spaces and bullets), in any case.
func relatedLine(s string) bool {
	s = strings.TrimLeft(s, " \t\r\n*•-–")
	for _, m := range relatedMarkers {
		if len(s) >= len(m) && strings.EqualFold(s[:len(m)], m) && (len(s) == len(m) || !isAlnumByte(s[len(m)])) {
			return true
		}
	}
	return false
}
