package classifier

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/rules"
)

// TestNearModelFeature checks the word model's third reading (near_model,
// 2026.12.23): an article no ASN rule matched, on which one came near with
// a civil servant found, gets the model's logit as near_model, and the
// calibration alone decides whether it is flagged; flagged, the near
// misses are its evidence, as overruled hits whose cancelled_as is "near"
// and whose cue says what was missing. An article whose near miss found
// no civil servant, news that names no election, and a post never get it.
func TestNearModelFeature(t *testing.T) {
	p := packWithModel(t)
	m := p.TextModel
	pad := strings.Repeat(" Acara itu berlangsung di balai desa dan dihadiri ratusan warga dari berbagai dusun di kabupaten tersebut.", 8)
	title := "Kampanye di Sukamaju"
	lead := "Camat Sukamaju terlihat hadir di lokasi, lalu sekitar pukul sepuluh pagi puluhan orang dari berbagai desa mulai berkampanye untuk pasangan calon bupati."
	text := lead + pad
	z := m.Logit(title + "\n" + text)
	const w = 2.0
	classify := weighing(t, p, "near_model", w)
	under := classify(-w*z-0.1, netra.Item{Title: title, Text: text})
	if under.Flagged || len(under.Hits) != 0 || len(under.Suppressed) != 0 {
		t.Fatalf("test article: want no ASN hit, cancelled or not, and no flag; got flagged %v, %d hits, %d cancelled", under.Flagged, len(under.Hits), len(under.Suppressed))
	}
	over := classify(-w*z+0.1, netra.Item{Title: title, Text: text})
	i := slices.IndexFunc(over.ScoreParts, func(sp netra.ScorePart) bool { return sp.Feature == "near_model" })
	if i < 0 || math.Abs(over.ScoreParts[i].Value-z) > 0.001 {
		t.Fatalf("score parts %+v: want near_model with value %.3f", over.ScoreParts, z)
	}
	if !over.Flagged || len(over.Hits) == 0 || len(over.Categories) == 0 {
		t.Fatalf("over the threshold: flagged %v, %d hits, categories %v; want flagged on the near misses", over.Flagged, len(over.Hits), over.Categories)
	}
	for _, h := range over.Hits {
		actor := slices.ContainsFunc(h.Spans, func(s netra.Span) bool { return s.Role == rules.RoleActor && text[s.Start:s.End] == "Camat" })
		if h.Mode != netra.ModeOverruled || h.CancelledAs != NearMode || h.Cue == "" || h.Sentence != lead || !actor {
			t.Errorf("evidence %+v: want the lead sentence, mode %q, cancelled as %q, a cue saying what was missing, the camat as actor", h, netra.ModeOverruled, NearMode)
		}
	}
	if !over.Overruled() {
		t.Errorf("a flag on near misses alone is not reported as resting on the word model (Overruled)")
	}
	noActor := "Sekitar pukul sepuluh pagi puluhan orang dari berbagai desa mulai berkampanye untuk pasangan calon bupati di lapangan kota." + pad
	if v := classify(5, netra.Item{Title: title, Text: noActor}); v.Flagged || len(v.Hits) != 0 {
		t.Errorf("an article whose near misses found no civil servant is flagged %v with %d hits (%+v)", v.Flagged, len(v.Hits), v.ScoreParts)
	}
	// News that names no election (no side, no pemilu, no Bawaslu) is no
	// election case, whatever the word model reads into its civil
	// servants; the same news a week before a pilkada may be.
	meeting := "Pj Wali Kota Sukamaju mengumpulkan camat dan lurah di aula kantor wali kota untuk rapat koordinasi." + pad
	if v := classify(5, netra.Item{Title: "Rapat di Sukamaju", Text: meeting}); v.Flagged || slices.ContainsFunc(v.ScoreParts, func(sp netra.ScorePart) bool { return sp.Feature == "near_model" }) {
		t.Errorf("news naming no election has a near_model part or a flag (%+v)", v.ScoreParts)
	}
	if v := classify(5, netra.Item{Title: "Rapat di Sukamaju Sepekan Sebelum Pilkada", Text: meeting}); !v.Flagged {
		t.Errorf("the same news a week before a pilkada is not read (%+v)", v.ScoreParts)
	}
	if v := classify(5, netra.Item{Text: lead}); slices.ContainsFunc(v.ScoreParts, func(sp netra.ScorePart) bool { return sp.Feature == "near_model" }) {
		t.Errorf("a post has a near_model part (%+v): the word model does not read posts", v.ScoreParts)
	}
}
