package classifier

import "strings"

// defaultStem is the stemmer used unless WithStemmer says otherwise.
// Temporary light affix stripper until classifier/stem lands.
func defaultStem(w string) string {
	if len(w) <= 4 {
		return w
	}
	for _, suf := range []string{"lah", "kah", "pun", "nya", "ku", "mu"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	for _, pre := range []string{"meng", "meny", "mem", "men", "me", "di", "ber", "ter", "peng", "pem", "pen", "pe", "ke", "se"} {
		if strings.HasPrefix(w, pre) && len(w)-len(pre) >= 4 {
			w = w[len(pre):]
			break
		}
	}
	for _, suf := range []string{"kan", "an", "i"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	return w
}
