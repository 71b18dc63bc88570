package classifier

import (
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/rules"
)

func mustDefault(t testing.TB) *Classifier {
	t.Helper()
	c, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return c
}

// flagCase is a text and whether it should be flagged.
type flagCase struct {
	text string
	want bool
}

// article puts text after a neutral paragraph, so that it is read as an
// article longer than a post (sideMaxBytes).
func article(text string) string {
	return strings.Repeat("Cuaca di kota itu cerah sepanjang hari dan jalanan ramai oleh warga yang berbelanja. ", 8) + text
}

// checkFlags classifies every case's text and reports those whose verdict
// is not the one wanted.
func checkFlags(t *testing.T, c *Classifier, cases []flagCase) {
	t.Helper()
	for _, tc := range cases {
		if v := c.Classify(netra.Item{Text: tc.text}); v.Flagged != tc.want {
			t.Errorf("%q: flagged %v, want %v (hits %+v)", tc.text, v.Flagged, tc.want, v.Hits)
		}
	}
}

func TestClassifyFlagsASNCampaign(t *testing.T) {
	c := mustDefault(t)
	text := "Kabar dari desa. Seorang camat di Kabupaten Sukamaju kedapatan berkampanye untuk pasangan calon bupati."
	v := c.Classify(netra.Item{ID: "x1", Text: text})
	if !v.Flagged || v.ID != "x1" || v.RulesVersion == "" {
		t.Fatalf("want flagged verdict with id and version, got %+v", v)
	}
	h := v.Hits[0]
	if got := text[h.Start:h.End]; got != h.Sentence {
		t.Errorf("hit offsets %d:%d give %q, sentence is %q", h.Start, h.End, got, h.Sentence)
	}
	for i, s := range h.Spans {
		if text[s.Start:s.End] != h.Terms[i] {
			t.Errorf("span %d %q != term %q", i, text[s.Start:s.End], h.Terms[i])
		}
	}
}

func TestClassifyCancelsRuleExplanations(t *testing.T) {
	c := mustDefault(t)
	for _, text := range []string{
		"ASN dilarang berkampanye dan wajib menjaga netralitas selama pemilu.",
		"Bawaslu mengimbau ASN netral dan tidak melakukan ajakan memilih paslon tertentu.",
		"Jika ada PNS yang ikut kampanye paslon, segera laporkan.",
		"Kepala dinas itu membantah mendukung calon bupati.",
	} {
		if v := c.Classify(netra.Item{Text: text}); v.Flagged {
			t.Errorf("flagged %q: %+v", text, v.Hits)
		}
	}
}

func TestNonASNOfficialsDoNotFlag(t *testing.T) {
	c := mustDefault(t)
	v := c.Classify(netra.Item{Text: "Kepala desa itu mengarahkan warganya memilih caleg dari partai tertentu."})
	if v.Flagged {
		t.Fatalf("non-ASN official flagged: %+v", v)
	}
	if len(v.Categories) != 1 || v.Categories[0] != "official_non_asn" {
		t.Fatalf("want category official_non_asn, got %v", v.Categories)
	}
}

func TestClassifyConcurrent(t *testing.T) {
	c := mustDefault(t)
	text := "Dalam foto itu para ASN berpose ✌️ usai apel pagi."
	want := c.Classify(netra.Item{Text: text})
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				if got := c.Classify(netra.Item{Text: text}); got.Flagged != want.Flagged || len(got.Hits) != len(want.Hits) {
					t.Errorf("concurrent verdict differs")
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestDefaultPackExamples(t *testing.T) {
	c := mustDefault(t)
	res := c.CheckExamples()
	if res.Rules == 0 || res.Examples < 6*res.Rules {
		t.Fatalf("too few examples: %+v", res)
	}
	for _, f := range res.Failures {
		kind := "no_match example hit"
		if f.WantMatch {
			kind = "match example missed"
		}
		t.Errorf("%s: rule %s: %s: %q", f.Where, f.Rule, kind, f.Example)
	}
}

func TestCandidateNamesAreTargets(t *testing.T) {
	csv := "lembaga,nama_dapil,nama_partai,nomor_urut,nama\n" +
		"DPRD KABUPATEN/KOTA,SUKAMAJU 1,Partai Contoh,3,\"H. BUDI SANTOSO WIRYO, S.E.\"\n" +
		"DPRD KABUPATEN/KOTA,SUKAMAJU 1,Partai Contoh,4,ADI\n"
	cands, err := rules.ReadCandidates(strings.NewReader(csv), "inline.csv")
	if err != nil {
		t.Fatal(err)
	}
	p, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Seorang guru PNS mengunggah foto Budi Santoso Wiryo di akun Facebook miliknya."
	without, err := New(p)
	if err != nil {
		t.Fatal(err)
	}
	if without.Classify(netra.Item{Text: text}).Flagged {
		t.Fatal("flagged without knowing the candidate")
	}
	p.AddCandidates(rules.CandidatesGazetteer, cands)
	with, err := New(p)
	if err != nil {
		t.Fatal(err)
	}
	v := with.Classify(netra.Item{Text: text})
	if !v.Flagged {
		t.Fatalf("candidate name not used as a target: %+v", v)
	}
	if got := v.Hits[0].Terms[len(v.Hits[0].Terms)-1]; got != "Budi Santoso Wiryo" {
		t.Errorf("target term = %q", got)
	}
}

func TestAnaphorCarriesActor(t *testing.T) {
	c := mustDefault(t)
	text := "Panwaslu memeriksa dua camat di Sukamaju. Foto itu diambil di rumah warga. Keduanya mengacungkan dua jari di depan baliho paslon."
	// The first sentence is a case report of its own (asn-case); what is
	// checked here is the gesture sentence, which has no actor but the
	// anaphor.
	gesture := func(text string, v netra.Verdict) *netra.Hit {
		for i, h := range v.Hits {
			if strings.Contains(h.Sentence, "dua jari") {
				return &v.Hits[i]
			}
		}
		return nil
	}
	v := c.Classify(netra.Item{Text: text})
	h := gesture(text, v)
	if !v.Flagged || h == nil {
		t.Fatalf("anaphor did not carry the actor: %+v", v)
	}
	var actor netra.Span
	for _, s := range h.Spans {
		if s.Role == "actor" {
			actor = s
		}
	}
	if text[actor.Start:actor.End] != "camat" {
		t.Fatalf("carried actor span %q", text[actor.Start:actor.End])
	}
	// Without an anaphor, or too far back, nothing is carried: "ia" reaches
	// two sentences back, a numbered group ("keduanya") four, since a
	// report may give the evidence between the people and what they did.
	for _, text := range []string{
		"Panwaslu memeriksa dua camat di Sukamaju. Warga mengacungkan dua jari di depan baliho paslon.",
		"Panwaslu memeriksa seorang camat. Hujan turun. Angin kencang. Ia mengacungkan dua jari di depan baliho paslon.",
		"Panwaslu memeriksa dua camat. Hujan turun. Angin kencang. Jalan licin. Banyak pohon tumbang. Keduanya mengacungkan dua jari di depan baliho paslon.",
	} {
		if h := gesture(text, c.Classify(netra.Item{Text: text})); h != nil {
			t.Errorf("actor carried into %q: %+v", text, *h)
		}
	}
}

// TestAnaphorPastLookalikeActor checks that a sentence whose only "actor"
// is a keyword inside a longer word ("camat" in "kecamatan") still takes
// the actor an anaphor refers to, and is not itself taken as the actor.
func TestAnaphorPastLookalikeActor(t *testing.T) {
	c := mustDefault(t)
	for _, text := range []string{
		"Warga melaporkan seorang camat ke Bawaslu. Ia diduga mengajak staf di kantor kecamatan memilih paslon nomor urut 1.",
		"Warga melaporkan seorang camat ke Bawaslu. Rapat digelar di aula kecamatan. Ia mengajak peserta memilih paslon nomor urut 1.",
	} {
		v := c.Classify(netra.Item{Text: text})
		if !v.Flagged {
			t.Errorf("not flagged: %q", text)
			continue
		}
		for _, s := range v.Hits[0].Spans {
			if s.Role == "actor" && text[s.Start:s.End] != "camat" {
				t.Errorf("%q: actor span %q", text, text[s.Start:s.End])
			}
		}
	}
	// A lookalike alone is no actor.
	text := "Rapat digelar di aula kecamatan. Ia mengajak peserta memilih paslon nomor urut 1."
	if v := c.Classify(netra.Item{Text: text}); v.Flagged {
		t.Errorf("flagged without an actor: %+v", v.Hits)
	}
}

func TestHitsAreCapped(t *testing.T) {
	c := mustDefault(t)
	text := strings.Repeat("Seorang camat kedapatan berkampanye untuk pasangan calon bupati. ", 200)
	v := c.Classify(netra.Item{Text: text})
	per := map[string]int{}
	for _, h := range v.Hits {
		per[h.Rule]++
	}
	if len(v.Hits) > maxHits || len(v.Hits) == 0 {
		t.Fatalf("%d hits", len(v.Hits))
	}
	for r, n := range per {
		if n > maxHitsPerRule {
			t.Errorf("rule %s: %d hits", r, n)
		}
	}
}

func TestCandidateNameMustEndThere(t *testing.T) {
	cands, err := rules.ReadCandidates(strings.NewReader("nama\nIRVAN SAPUTRA\n"), "inline.csv")
	if err != nil {
		t.Fatal(err)
	}
	p, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	p.AddCandidates(rules.CandidatesGazetteer, cands)
	c, err := New(p)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Classify(netra.Item{Text: "Guru PNS itu mengunggah foto Irvan Saputra di Facebook."}).Flagged {
		t.Error("name not matched")
	}
	if c.Classify(netra.Item{Text: "Guru PNS itu mengunggah foto Irvan Saputra Wijaya di Facebook."}).Flagged {
		t.Error("prefix of a longer name matched")
	}
}

// Verdict JSON always carries lists, never null: consumers iterate
// "hits" and "categories" without a null check, whichever stage rejected
// the text (first stage, or a candidate whose cues cancelled every rule).
func TestVerdictListsNeverNull(t *testing.T) {
	c := mustDefault(t)
	for _, text := range []string{
		"",
		"Harga cabai naik menjelang akhir tahun.",
		"Bawaslu mengimbau ASN tidak boleh mendukung paslon manapun.",
	} {
		b, err := json.Marshal(c.Classify(netra.Item{ID: "n", Text: text}))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "null") {
			t.Errorf("verdict of %q has a null list: %s", text, b)
		}
	}
}

// A negation reaches through a chain of acts in one clause, but not past a
// gap into a later, separate act.
func TestNegationReachesThroughActChain(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Camat itu tidak pernah mengarahkan warga untuk memilih paslon nomor urut 2.", false},
		{"Kepala sekolah itu menolak permintaan tim kampanye caleg untuk membagikan kalender di sekolah.", false},
		{"Kepala dinas itu mengarahkan pegawainya memilih paslon nomor urut 2.", true},
		{"Lurah yang tidak ragu lagi dan sudah lama menjabat itu mengarahkan warga memilih paslon nomor urut 2.", true},
	})
}

// TestSpellings checks the colloquial spellings of a keyword phrase: every
// combination of its words' lexicon forms up to a cap, one-word spellings
// first, the phrase itself left out.
func TestSpellings(t *testing.T) {
	slang := map[string][]string{"kepala": {"kpl", "kpla"}, "sekolah": {"skolah"}}
	got := spellings([]string{"kepala", "sekolah"}, slang)
	slices.Sort(got)
	want := []string{"kepala skolah", "kpl sekolah", "kpl skolah", "kpla sekolah", "kpla skolah"}
	if !slices.Equal(got, want) {
		t.Errorf("spellings = %q, want %q", got, want)
	}
	// More forms than the cap allows: every single-word spelling is kept,
	// so a form added for one word never pushes out another's.
	many := map[string][]string{"kepala": {"kapala", "kapalo", "kep", "kpl", "kpla", "kpl2", "kepla", "kpala"}, "sekolah": {"sakola", "sakolah", "sekola", "sikola", "skolah", "sklh", "skul", "sklah"}}
	got = spellings([]string{"kepala", "sekolah"}, many)
	if len(got) > maxSpellings {
		t.Errorf("%d spellings, cap %d", len(got), maxSpellings)
	}
	for _, w := range []string{"kpl sekolah", "kepala sklh", "kapalo sekolah", "kepala sikola"} {
		if !slices.Contains(got, w) {
			t.Errorf("spelling %q lost under the cap: %q", w, got)
		}
	}
	if got := spellings([]string{"tim", "sukses"}, slang); len(got) != 0 {
		t.Errorf("a phrase without colloquial forms has spellings %q", got)
	}
}

// TestPossessiveTitles: a title of several words whose last word carries
// a possessive is the title ("kepala dinasnya", "wali kelasku"); a word
// that only starts like it is not.
func TestPossessiveTitles(t *testing.T) {
	c := mustDefault(t)
	tests := []struct {
		text    string
		flagged bool
	}{
		{"Sodara cerita, kepala dinasnya ngajak semua pegawai mencoblos paslon nomor 3.", true},
		{"Anakku cerita, wali kelasnya bilang ke murid pilih paslon nomor 2 ya.", true},
		{"Sodara cerita, kepala dinasti politik itu ngajak warga mencoblos paslon nomor 3.", false},
	}
	for _, tt := range tests {
		if v := c.Classify(netra.Item{Text: tt.text}); v.Flagged != tt.flagged {
			t.Errorf("%q: flagged %v, want %v (hits %+v)", tt.text, v.Flagged, tt.flagged, v.Hits)
		}
	}
}
