package classifier

import (
	"math"
	"strings"
	"testing"

	"github.com/netra-id/netra"
)

// TestModelWords checks that a flag the word model took part in lists the
// words that moved it, in the score's log-odds, under that model's score
// part, and that an unflagged verdict does not pay for them.
func TestModelWords(t *testing.T) {
	c := mustDefault(t)
	cal, m := c.pack.Calibration, c.pack.TextModel
	if cal == nil || m == nil {
		t.Fatal("the built-in pack has no calibration or word model")
	}
	title := "Camat Sukajadi Hadiri Deklarasi Paslon Bupati Sukamaju"
	text := "Camat Sukajadi, Budi Santoso, terlihat hadir dalam deklarasi pasangan calon bupati Sukamaju nomor urut 2 di lapangan kecamatan, Minggu. Ia berdiri di panggung saat calon berorasi dan mengacungkan dua jari. Bawaslu Kabupaten Sukamaju memanggil camat itu untuk klarifikasi."
	v := c.Classify(netra.Item{Title: title, Text: text})
	if !v.Flagged {
		t.Fatalf("report not flagged: %+v", v)
	}
	var part *netra.ScorePart
	for i := range v.ScoreParts {
		if v.ScoreParts[i].Feature == "text_model" {
			part = &v.ScoreParts[i]
		} else if len(v.ScoreParts[i].Words) > 0 {
			t.Errorf("part %s lists words", v.ScoreParts[i].Feature)
		}
	}
	if part == nil || len(part.Words) == 0 || len(part.Words) > maxScoreWords {
		t.Fatalf("text_model part with 1–%d words wanted, got %+v", maxScoreWords, part)
	}
	_, want := m.Explain(title+"\n"+text, maxScoreWords)
	w := cal.Weights["text_model"]
	lower := strings.ToLower(title + " " + text)
	for i, g := range part.Words {
		if g.Gram != want[i].Gram || math.Abs(g.Contribution-w*want[i].Contribution) > 0.001 {
			t.Errorf("word %d: %+v, want %q %.3f", i, g, want[i].Gram, w*want[i].Contribution)
		}
		if !strings.Contains(lower, strings.Fields(g.Gram)[0]) {
			t.Errorf("word %q is not in the text", g.Gram)
		}
		if i > 0 && math.Abs(g.Contribution) > math.Abs(part.Words[i-1].Contribution)+0.001 {
			t.Errorf("words not largest first: %+v", part.Words)
		}
	}
	// Not flagged: no words.
	n := c.Classify(netra.Item{Title: "Cuaca Cerah di Sukamaju", Text: strings.Repeat("Cuaca di kota itu cerah sepanjang hari. ", 20) + "Camat Sukajadi menghadiri rapat kerja."})
	for _, p := range n.ScoreParts {
		if len(p.Words) > 0 {
			t.Errorf("unflagged verdict lists words under %s", p.Feature)
		}
	}
}
