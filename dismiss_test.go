package netra

import "testing"

func TestDismissReasonOf(t *testing.T) {
	for note, want := range map[string]string{
		"not_asn: kepala desa": "not_asn",
		"Norm, an appeal":      "norm",
		"duplicate":            "duplicate",
		"bukan kasus":          "",
		"":                     "",
	} {
		if got := DismissReasonOf(note); got != want {
			t.Errorf("DismissReasonOf(%q) = %q, want %q", note, got, want)
		}
	}
	if n := DismissNote("other", "  foto lama "); n != "other: foto lama" || DismissReasonOf(n) != "other" {
		t.Errorf("DismissNote = %q", n)
	}
	if n := DismissNote("duplicate", ""); n != "duplicate" {
		t.Errorf("DismissNote without text = %q", n)
	}
}
