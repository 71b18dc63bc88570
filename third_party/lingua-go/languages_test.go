package lingua

import "testing"

// The three languages whose models are kept load all five n-gram models,
// and a detector built from them tells them apart; a language whose models
// were left out has none.
func TestKeptModels(t *testing.T) {
	for _, l := range []Language{Indonesian, Malay, English} {
		for n := 1; n <= 5; n++ {
			if loadProtobufData(l, n) == nil {
				t.Errorf("%v: no %d-gram model", l, n)
			}
		}
	}
	if loadProtobufData(German, 3) != nil {
		t.Error("German trigram model present; SOURCE.md says only id, ms and en are kept")
	}
	d := NewLanguageDetectorBuilder().FromLanguages(Indonesian, Malay, English).Build()
	cases := map[string]Language{
		"Pemerintah daerah mengumumkan hasil seleksi calon pegawai negeri sipil pada hari Senin.": Indonesian,
		"The regional government announced the results of the civil servant selection on Monday.": English,
	}
	for text, want := range cases {
		if got, ok := d.DetectLanguageOf(text); !ok || got != want {
			t.Errorf("DetectLanguageOf(%q) = %v, %v; want %v", text, got, ok, want)
		}
	}
}
