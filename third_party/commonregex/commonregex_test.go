package commonregex

import "testing"

// The two expressions keep upstream's behaviour on the cases its tests use.
func TestLinksAndEmails(t *testing.T) {
	text := "Kunjungi https://www.example.com/a?b=c atau kirim ke redaksi@example.co.id, bukan ke @akun."
	if got := Links(text); len(got) == 0 || got[0] != "https://www.example.com/a?b=c" {
		t.Errorf("Links = %q", got)
	}
	if got := Emails(text); len(got) != 1 || got[0] != "redaksi@example.co.id" {
		t.Errorf("Emails = %q", got)
	}
	if LinkRegex.MatchString("tanpa tautan") || EmailRegex.MatchString("bukan@") {
		t.Error("matched text without a link or address")
	}
}
