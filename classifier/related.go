package classifier

import "strings"

// Scraped news pages carry links to other articles inside the text ("Baca
// juga: Camat di Kabupaten X Diperiksa Bawaslu"). Such a headline is not
// what the article reports, and in a socialisation article it would make
// a case out of someone else's story, so it is blanked before analysis.

// relatedMarkers open a link to another article or a page's tag list,
// lower case.
var relatedMarkers = [...]string{"baca juga", "simak juga", "lihat juga", "tonton juga", "baca selengkapnya", "artikel terkait", "berita terkait", "simak video", "baca:", "tag:", "tags:", "topik:"}

// maxRelatedLine caps how far a related-article line is blanked when no
// line break ends it.
const maxRelatedLine = 240

// blankRelated returns text with every related-article line replaced by
// spaces, byte for byte, so offsets into it stay those of text. Text
// without one comes back as it is, without a copy.
func blankRelated(text string) string {
	var b []byte
	for _, m := range relatedMarkers {
		from := 0
		for {
			i := indexFold(text[from:], m)
			if i < 0 {
				break
			}
			start := from + i
			end := relatedEnd(text, start+len(m))
			if start == 0 || !isAlnumByte(text[start-1]) {
				if b == nil {
					b = []byte(text)
				}
				for k := start; k < end; k++ {
					b[k] = ' '
				}
			}
			from = end
		}
	}
	if b == nil {
		return text
	}
	return string(b)
}

// relatedEnd is where the related-article line that goes on at i ends: the
// next line break, or when none comes within maxRelatedLine bytes, the
// first sentence end after the headline, else the cap.
func relatedEnd(text string, i int) int {
	limit := min(len(text), i+maxRelatedLine)
	if nl := strings.IndexByte(text[i:limit], '\n'); nl >= 0 {
		return i + nl
	}
	for k := i; k < limit; k++ {
		if c := text[k]; (c == '.' || c == '!' || c == '?') && (k+1 == len(text) || text[k+1] == ' ') {
			return k + 1
		}
	}
	return limit
}

// indexFold is strings.Index for an ASCII lower-case needle, ignoring the
// case of ASCII letters in s.
func indexFold(s, needle string) int {
	n := len(needle)
	for i := 0; i+n <= len(s); i++ {
		if lowerASCII(s[i]) != needle[0] {
			continue
		}
		k := 1
		for k < n && lowerASCII(s[i+k]) == needle[k] {
			k++
		}
		if k == n {
			return i
		}
	}
	return -1
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
