package classifier

import (
	"math"
	"strings"
	"testing"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/rules"
)

// packWithModel is the built-in pack; the test skips when it has no word
// model.
func packWithModel(t *testing.T) *rules.Pack {
	t.Helper()
	p, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	if p.TextModel == nil {
		t.Skip("pack has no word model")
	}
	return p
}

// weighing returns a classifier of pack p with threshold 0.5 and a
// calibration that weighs rules 1 and the word-model feature by w, with
// the bias given to each call: a bias just under or over what the word
// model adds puts an item on either side of the threshold.
func weighing(t *testing.T, p *rules.Pack, feature string, w float64) func(bias float64, it netra.Item) netra.Verdict {
	return func(bias float64, it netra.Item) netra.Verdict {
		t.Helper()
		q := *p
		q.Threshold = 0.5
		q.Calibration = &rules.Calibration{Bias: bias, Weights: map[string]float64{"rules": 1, feature: w}}
		c, err := New(&q)
		if err != nil {
			t.Fatal(err)
		}
		return c.Classify(it)
	}
}

// TestCancelledModelFeature checks the word model's second reading: an
// article whose every ASN hit a discourse cue cancelled gets the feature
// cancelled_model (the model's logit), and the calibration alone decides
// whether it is flagged; flagged, its cancelled matches become its
// evidence. A post, a text with no ASN hit at all, an article whose only
// cancelled match is in its headline, and an article with an ASN hit
// (text_model) never get it.
func TestCancelledModelFeature(t *testing.T) {
	p := packWithModel(t)
	m := p.TextModel
	pad := strings.Repeat(" Sosialisasi itu dihadiri para kepala sekolah dan pegawai kecamatan dari seluruh wilayah kabupaten.", 5)
	title := "Bawaslu Ingatkan ASN Jaga Netralitas"
	text := "Bawaslu mengingatkan bahwa ASN dilarang ikut kampanye pasangan calon bupati." + pad
	doc := title + "\n" + text
	z := m.Logit(doc)
	const w = 2.0
	classify := weighing(t, p, "cancelled_model", w)
	part := func(v netra.Verdict, name string) (netra.ScorePart, bool) {
		for _, sp := range v.ScoreParts {
			if sp.Feature == name {
				return sp, true
			}
		}
		return netra.ScorePart{}, false
	}
	// A bias that puts the calibrated score just over the threshold, then
	// just under it.
	under := classify(-w*z-0.1, netra.Item{Title: title, Text: text})
	if len(under.Hits) != 0 || len(under.Suppressed) == 0 {
		t.Fatalf("test article: want every ASN hit cancelled, got hits %+v, cancelled %d", under.Hits, len(under.Suppressed))
	}
	if under.Flagged || under.Score >= 0.5 {
		t.Errorf("score %.3f under the threshold, flagged %v: want unflagged", under.Score, under.Flagged)
	}
	over := classify(-w*z+0.1, netra.Item{Title: title, Text: text})
	sp, ok := part(over, "cancelled_model")
	if !ok || math.Abs(sp.Value-z) > 0.001 {
		t.Fatalf("cancelled_model part %+v (present %v), want value %.3f", sp, ok, z)
	}
	if !over.Flagged || over.Score < 0.5 {
		t.Errorf("score %.3f over the threshold, flagged %v: want flagged", over.Score, over.Flagged)
	}
	// The features a calibration is fitted on do not depend on the
	// calibration in use: flagged or not, the article has no ASN hit.
	q := *p
	q.Calibration = &rules.Calibration{Bias: -w*z + 0.1, Weights: map[string]float64{"rules": 1, "cancelled_model": w}}
	cq, err := New(&q)
	if err != nil {
		t.Fatal(err)
	}
	if x := cq.Features(netra.Item{Title: title, Text: text}); x["rules"] != 0 || math.Abs(x["cancelled_model"]-z) > 1e-9 {
		t.Errorf("features of the flagged article: rules %v, cancelled_model %v; want 0 and %.3f", x["rules"], x["cancelled_model"], z)
	}
	// Flagged, the cancelled matches are its evidence, marked as such.
	if len(over.Hits) != len(under.Suppressed) || len(over.Suppressed) != 0 || len(over.Categories) == 0 {
		t.Fatalf("flagged: %d hits, %d still cancelled, categories %v; want the %d cancelled matches as hits", len(over.Hits), len(over.Suppressed), over.Categories, len(under.Suppressed))
	}
	for i, h := range over.Hits {
		if h.Mode != netra.ModeOverruled || h.CancelledAs != under.Suppressed[i].Mode || h.Sentence != under.Suppressed[i].Sentence {
			t.Errorf("hit %d: mode %q, cancelled as %q; want %q, cancelled as %q", i, h.Mode, h.CancelledAs, netra.ModeOverruled, under.Suppressed[i].Mode)
		}
	}
	post := "Bawaslu mengingatkan bahwa ASN dilarang ikut kampanye pasangan calon bupati."
	if v := classify(5, netra.Item{Text: post}); v.Flagged || len(v.Suppressed) == 0 {
		t.Errorf("a post with every hit cancelled (%d cancelled) is flagged %v (%+v): the word model does not read posts", len(v.Suppressed), v.Flagged, v.ScoreParts)
	}
	if v := classify(5, netra.Item{Title: "Harga Cabai Naik", Text: "Camat Sukamaju meninjau pasar. Pasangan calon bupati belum berkampanye di sana." + pad}); v.Flagged || len(v.Hits)+len(v.Suppressed) != 0 {
		t.Errorf("an article with no ASN hit, cancelled or not (%d hits, %d cancelled), is flagged %v (%+v)", len(v.Hits), len(v.Suppressed), v.Flagged, v.ScoreParts)
	}
	headline := classify(5, netra.Item{Title: "Bawaslu Imbau Kepsek Tidak Arahkan Guru Pilih Paslon Nomor 2", Text: strings.TrimSpace(pad)})
	if _, ok := part(headline, "cancelled_model"); ok || headline.Flagged || len(headline.Suppressed) == 0 {
		t.Errorf("an article whose only cancelled match is in its headline (%d cancelled): flagged %v, parts %+v; want no cancelled_model", len(headline.Suppressed), headline.Flagged, headline.ScoreParts)
	}
	hit := classify(-1, netra.Item{Title: "Camat Sukamaju Diperiksa Bawaslu", Text: "Seorang camat di Kabupaten Sukamaju diduga berkampanye untuk pasangan calon bupati." + pad})
	if _, ok := part(hit, "cancelled_model"); ok || len(hit.Hits) == 0 {
		t.Errorf("an article with an ASN hit has a cancelled_model part or no hit: %+v", hit.ScoreParts)
	}
}
