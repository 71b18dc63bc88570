package review

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/rules"
)

// hostileGram is a word model's gram that is markup: grams come from
// crawled text, so every place that shows them must escape them.
const hostileGram = `<script>alert(1)</script>`

// scoredRecord is rolesRecord as a calibrated pack scores it: bias, rule
// parts and the word model's part with the words that moved it, one of
// them hostile. The sum of the parts is 3.531, σ of which is 0.97.
func scoredRecord(t testing.TB) netra.Record {
	t.Helper()
	rec := rolesRecord(t)
	rec.Verdict.Score = 0.97
	rec.Verdict.ScoreParts = []netra.ScorePart{
		{Feature: "bias", Value: 1, Contribution: -1.989},
		{Feature: "evidence", Value: 3.397, Contribution: -2.241},
		{Feature: "rules", Value: 1, Contribution: 3.931},
		{Feature: "text_model", Value: 2.472, Contribution: 3.83, Words: []netra.ScoreWord{
			{Gram: "camat", Contribution: 4.127}, {Gram: hostileGram, Contribution: 0.851}, {Gram: "dan", Contribution: -0.523}}},
	}
	return rec
}

// overruledScoredRecord is scoredRecord flagged by the word model alone:
// its one hit was cancelled by a cue and overruled, and the word model's
// part is cancelled_model.
func overruledScoredRecord(t testing.TB) netra.Record {
	t.Helper()
	rec := scoredRecord(t)
	rec.Item.Text += " Bawaslu menyebut ASN dilarang berpihak."
	rec.Item.ID = netra.ItemID("", rec.Item.Source, rec.Item.Text)
	rec.Verdict.ID = rec.Item.ID
	rec.Verdict.Hits[0].Mode, rec.Verdict.Hits[0].CancelledAs, rec.Verdict.Hits[0].Cue = netra.ModeOverruled, "rule", "dilarang"
	parts := append([]netra.ScorePart(nil), rec.Verdict.ScoreParts...)
	parts[3].Feature = "cancelled_model"
	rec.Verdict.ScoreParts = parts
	return rec
}

func TestSignedAndPlainNumber(t *testing.T) {
	for _, tc := range []struct {
		in            float64
		signed, plain string
	}{
		{3.934, "+3.93", "3.93"},
		{-2.24, "−2.24", "−2.24"},
		{0, "0.00", "0"},
		{-0.004, "0.00", "0"},
		{4, "+4.00", "4"},
		{2.5, "+2.50", "2.5"},
	} {
		if got := signed(tc.in); got != tc.signed {
			t.Errorf("signed(%v) = %q, want %q", tc.in, got, tc.signed)
		}
		if got := plainNumber(tc.in); got != tc.plain {
			t.Errorf("plainNumber(%v) = %q, want %q", tc.in, got, tc.plain)
		}
	}
}

func TestExplainScore(t *testing.T) {
	if w := explainScore(netra.Verdict{Score: 0.9}); w != nil {
		t.Errorf("a verdict without score parts explains as %+v, want nothing (the section hides)", w)
	}
	w := explainScore(scoredRecord(t).Verdict)
	if w == nil {
		t.Fatal("no explanation of a verdict with score parts")
	}
	type row struct {
		feature     string
		sign        string
		bar         int
		bias, model bool
		words       int
	}
	want := []row{
		{"bias", "neg", 5, true, false, 0},
		{"evidence", "neg", 6, false, false, 0},
		{"rules", "pos", 10, false, false, 0},
		{"text_model", "pos", 10, false, true, 3},
	}
	var got []row
	for _, p := range w.Parts {
		got = append(got, row{p.Feature, p.Sign, p.Bar, p.Bias, p.Model, len(p.Words)})
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parts\n got %+v\nwant %+v", got, want)
	}
	if signed(w.Sum) != "+3.53" {
		t.Errorf("sum %v, want 3.531", w.Sum)
	}
	if ws := w.Parts[3].Words; ws[0].Sign != "pos" || ws[1].Gram != hostileGram || ws[2].Sign != "neg" {
		t.Errorf("words %+v", ws)
	}
}

// Every feature a calibration may weigh, and the bias, has a name for
// reviewers in both languages: the page never shows a feature's id.
func TestScoreFeatureNames(t *testing.T) {
	features := []string{"bias"}
	for f := range rules.CalibrationFeatures {
		features = append(features, f)
	}
	for _, f := range features {
		m, ok := messages["feature_"+f]
		if !ok || m[0] == "" || m[1] == "" || m[0] == m[1] {
			t.Errorf("feature %s has no name in both languages: %q", f, m)
		}
	}
}

// TestUIItemScoreParts: the item page says what the score rests on, part
// by part in order with signed contributions, and under the word model's
// part its words as chips marked by direction, the hostile one escaped; a
// flag on the word model alone says so; a verdict without score parts
// shows no section.
func TestUIItemScoreParts(t *testing.T) {
	scored, overruled := scoredRecord(t), overruledScoredRecord(t)
	f := newFixture(t, withRecords(scored, overruled))
	c, _ := f.login("budi", viewerPW)
	for _, tc := range []struct {
		name, lang, id string
		heading        string
		labels         []string
		modelOnly      bool
	}{
		{"report", "id", scored.Item.ID, "Mengapa skor ini",
			[]string{"Titik awal (bias kalibrasi)", "Bobot aturan ASN yang terpicu", "Jumlah aturan ASN yang terpicu", "Model kata: bacaan atas seluruh artikel"}, false},
		{"report in English", "en", scored.Item.ID, "Why this score",
			[]string{"Starting point (calibration bias)", "Weight of the ASN rules that fired", "Number of ASN rules that fired", "Word model: its reading of the whole article"}, false},
		{"word model alone", "id", overruled.Item.ID, "Mengapa skor ini",
			[]string{"Titik awal (bias kalibrasi)", "Bobot aturan ASN yang terpicu", "Jumlah aturan ASN yang terpicu", "Model kata atas artikel yang kalimatnya dibatalkan aturan"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, body := f.page(c, "/items/"+tc.id+"?lang="+tc.lang)
			start := strings.Index(body, `<section class="why-score" id="why-score"`)
			if code != 200 || start < 0 {
				t.Fatalf("item page %d has no score section", code)
			}
			sec := body[start : start+strings.Index(body[start:], "</section>")]
			if !strings.Contains(sec, ">"+tc.heading+"</h2>") {
				t.Errorf("section has no heading %q", tc.heading)
			}
			at := 0
			for i, l := range tc.labels {
				j := strings.Index(sec[at:], l)
				if j < 0 {
					t.Errorf("label %d %q missing or out of order", i, l)
					continue
				}
				at += j
			}
			for _, num := range []string{`<td class="sp-num neg">−1.99</td>`, `<td class="sp-num neg">−2.24</td>`, `<td class="sp-num pos">&#43;3.93</td>`, `<td class="sp-num pos">&#43;3.83</td>`, `id="score-sum">&#43;3.53</td>`, `class="sp-fill pos w10"`, `class="sp-fill neg w6"`} {
				if !strings.Contains(sec, num) {
					t.Errorf("section lacks %s", num)
				}
			}
			if n, m := strings.Count(sec, `<li class="chip pos"`), strings.Count(sec, `<li class="chip neg"`); n != 2 || m != 1 {
				t.Errorf("%d positive and %d negative word chips, want 2 and 1", n, m)
			}
			if !strings.Contains(sec, `<span class="gram">camat</span> <span class="chip-num">&#43;4.13</span>`) || !strings.Contains(sec, `<span class="gram">dan</span> <span class="chip-num">−0.52</span>`) {
				t.Error("word chips do not show the words with their signed contributions")
			}
			if strings.Contains(body, hostileGram) || !strings.Contains(sec, `<span class="gram">&lt;script&gt;alert(1)&lt;/script&gt;</span>`) {
				t.Error("a word model's gram is not escaped")
			}
			if got := strings.Contains(sec, `id="why-model-only"`); got != tc.modelOnly {
				t.Errorf("says the flag rests on the word model alone: %v, want %v", got, tc.modelOnly)
			}
		})
	}
	if _, body := f.page(c, "/items/"+f.id(0)); strings.Contains(body, `id="why-score"`) {
		t.Error("a verdict without score parts shows a score section")
	}
}

// The evidence bundle's page says what the score rests on in words, the
// hostile gram escaped (html/template writes + as &#43;), and record.json
// and the JSON API carry the score parts with their words as stored.
func TestEvidenceAndAPIScoreParts(t *testing.T) {
	rec := scoredRecord(t)
	f := newFixture(t, withRecords(rec))
	files := bundleFiles(t, f, rec.Item.ID)
	page := string(files["evidence.html"])
	for _, want := range []string{
		"<h2>Mengapa skor ini</h2>",
		"<li>Titik awal (bias kalibrasi): −1.99</li>",
		"<li>Bobot aturan ASN yang terpicu (nilai 3.4): −2.24</li>",
		"<li>Jumlah aturan ASN yang terpicu (nilai 1): &#43;3.93</li>",
		"<li>Model kata: bacaan atas seluruh artikel (nilai 2.47): &#43;3.83<br>Kata yang paling menggeser model kata",
		"▲ camat &#43;4.13, ▲ &lt;script&gt;alert(1)&lt;/script&gt; &#43;0.85, ▼ dan −0.52</li>",
		"<p>Jumlah &#43;3.53 → Skor 0.97</p>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("evidence.html lacks %q", want)
		}
	}
	if strings.Contains(page, hostileGram) {
		t.Error("evidence.html shows a gram unescaped")
	}
	var stored netra.Record
	if err := json.Unmarshal(files["record.json"], &stored); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(stored.Verdict.ScoreParts, rec.Verdict.ScoreParts) {
		t.Errorf("record.json score parts %+v", stored.Verdict.ScoreParts)
	}

	code, body, _ := f.do("GET", "/api/v1/items/"+rec.Item.ID, "budi", viewerPW, nil)
	got := decode[netra.Record](t, body)
	if code != 200 || !reflect.DeepEqual(got.Verdict.ScoreParts, rec.Verdict.ScoreParts) {
		t.Errorf("API: %d, score parts %+v", code, got.Verdict.ScoreParts)
	}
	if !strings.Contains(string(body), `"score_parts":[`) || !strings.Contains(string(body), `"words":[{"gram":"camat","contribution":4.127}`) {
		t.Errorf("API names the score parts otherwise than the verdict contract: %s", body)
	}
	if _, doc, _ := f.do("GET", "/api/v1/openapi.json", "", "", nil); !strings.Contains(string(doc), `"score_parts"`) {
		t.Error("the OpenAPI description does not describe score_parts")
	}
}
