package classifier

import (
	"math"
	"slices"
	"sort"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/textmodel"
)

// featureOrder is the order ScoreParts list features in.
var featureOrder = []string{"evidence", "rules", "sentences", "allegation", "title_hit", "title_norm", "suppressed", "non_asn", "totals", "no_hit", "text_model", "cancelled_model", "near_model"}

// Features returns the calibration features of a verdict (see
// rules.CalibrationFeatures), for fitting a calibration on labelled data;
// nil when the text does not pass the first stage (its score is always 0).
func (c *Classifier) Features(it netra.Item) map[string]float64 {
	x, _ := c.FeaturesRead(it)
	return x
}

// FeaturesRead is Features that also returns the text the word model read
// for its feature (textmodel.Document of the item), "" when it read
// nothing: what a word model fitted out of fold must score in its place.
func (c *Classifier) FeaturesRead(it netra.Item) (map[string]float64, string) {
	v, sig, ok := c.classify(it, true)
	if !ok {
		return nil, ""
	}
	best, _, asn := c.ruleWeights(v.Hits)
	return c.features(&v, best, asn, sig), sig.doc
}

// features computes the calibration features of a scored verdict; best
// holds each fired rule's weight and asnScore 1 − Π(1 − w) over ASN rules.
func (c *Classifier) features(v *netra.Verdict, best map[string]float64, asnScore float64, sig docSignals) map[string]float64 {
	f := map[string]float64{}
	sents := map[[2]int]bool{}
	for id := range best {
		if c.flagging[id] {
			f["rules"]++
		} else {
			f["non_asn"] = 1
		}
	}
	for _, h := range v.Hits {
		if !c.flagging[h.Rule] {
			continue
		}
		key := [2]int{h.Start, h.End}
		if h.Field == "title" {
			f["title_hit"] = 1
			key = [2]int{-h.Start - 1, -h.End - 1}
		}
		sents[key] = true
		if h.Mode == "allegation" {
			f["allegation"] = 1
		}
	}
	f["sentences"] = math.Min(float64(len(sents)), 5)
	if asnScore > 0 {
		p := math.Min(asnScore, 0.999)
		f["evidence"] = math.Log(p / (1 - p))
	}
	f["suppressed"] = math.Min(float64(len(v.Suppressed)), 10)
	for _, h := range v.Suppressed {
		if h.Mode == "totals" {
			f["totals"] = 1
		}
	}
	if sig.titleNorm {
		f["title_norm"] = 1
	}
	if f["rules"] == 0 {
		f["no_hit"] = 1
	}
	if sig.model != "" {
		f[sig.model] = sig.textModel
	}
	return f
}

// docSignals are the calibration features read from the whole document
// rather than from its hits.
type docSignals struct {
	titleNorm bool
	// textModel is the word model's logit; 0 when not computed.
	textModel float64
	// doc is what the word model read (textmodel.Document), "" when it
	// read nothing; the words that moved it are explained from it.
	doc string
	// model is the feature that weighs textModel, "" when the word model
	// did not read the text: text_model for an article with an ASN hit,
	// cancelled_model for one whose every ASN hit a discourse cue
	// cancelled, and near_model for one that names an election, with no
	// ASN hit at all, on which an ASN rule came near with its actor found;
	// the calibration alone may find either of the last two a report. A cancelled match in the
	// headline alone does not count: a headline that states a rule frames
	// the article, and a flag needs a sentence of the text to show the
	// reviewer.
	model string
	// near holds, for near_model, the near misses that are the flag's
	// evidence (nearEvidence).
	near []netra.Hit
}

// signals computes the document features the calibration weighs, or every
// one of them with all (for fitting). Each costs a pass over the text, so
// only what the model uses is computed. The word model reads the articles
// (ArticleLike) on which an ASN rule fired, those whose every ASN match in
// the text a cue cancelled, and those on which an ASN rule came near with
// a civil servant found (README, "Score").
func (c *Classifier) signals(title, text string, doc *docContext, hits, sup []netra.Hit, near *nearMisses, all bool) docSignals {
	var s docSignals
	cal := c.pack.Calibration
	if cal == nil && !all {
		return s
	}
	uses := func(f string) bool { return all || cal.Weights[f] != 0 }
	if uses("title_norm") {
		s.titleNorm = c.titleStatesNorm(title)
	}
	if c.pack.TextModel == nil || !ArticleLike(title, text) {
		return s
	}
	switch {
	case c.asnHit(hits, false):
		s.model = "text_model"
	case c.asnHit(sup, true):
		s.model = "cancelled_model"
	case near != nil && !c.asnHit(sup, false):
		// A headline that states a norm or whose ASN match a cue
		// cancelled ("Camat atau Lurah yang Bermain Politik, Saya
		// Copot") frames what follows as its lesson. The cheapest
		// condition is checked first: most articles have no near miss
		// with a civil servant.
		if ev := c.nearEvidence(near); len(ev) > 0 && !c.titleStatesNorm(title) && c.namesElection(title, text, doc) {
			s.model, s.near = "near_model", ev
		}
	}
	if s.model == "" || !uses(s.model) {
		s.model = ""
		return s
	}
	s.doc = textmodel.Document(title, text)
	s.textModel = c.pack.TextModel.Logit(s.doc)
	return s
}

// minArticleBytes is the shortest text without a title the word model
// reads: longer than any tweet (280 characters) with room to spare.
const minArticleBytes = 500

// ArticleLike reports whether the word model reads an item: news (it has a
// title) or a text long enough to be an article, such as a page excerpt
// without its headline. Posts are too short for it: a few words decide
// their logit, and on the real posts of the tuning data it cost cases.
func ArticleLike(title, text string) bool {
	return title != "" || len(text) >= minArticleBytes
}

// overrule makes the ASN matches a discourse cue cancelled the evidence of
// a verdict the calibration flagged on the word model's reading of the
// whole article (cancelled_model): a reviewer sees, highlighted, the
// sentences the flag rests on, with the mode the cue gave them in
// CancelledAs. The score is not changed.
func (c *Classifier) overrule(v *netra.Verdict) {
	kept := v.Suppressed[:0:0]
	for _, h := range v.Suppressed {
		if !c.flagging[h.Rule] {
			kept = append(kept, h)
			continue
		}
		h.CancelledAs, h.Mode = h.Mode, netra.ModeOverruled
		v.Hits = append(v.Hits, h)
	}
	v.Suppressed = kept
	if len(v.Suppressed) == 0 {
		v.Suppressed = nil
	}
	v.Categories = categories(v.Categories, v.Hits)
}

// categories returns the distinct categories of hits, sorted, in dst's
// storage (an empty list, never nil, when dst is not nil).
func categories(dst []string, hits []netra.Hit) []string {
	dst = dst[:0]
	for _, h := range hits {
		if !slices.Contains(dst, h.Category) {
			dst = append(dst, h.Category)
		}
	}
	sort.Strings(dst)
	return dst
}

// maxScoreWords is how many of the words that moved the word model a
// flagged verdict's score part lists.
const maxScoreWords = 8

// modelWords lists, under the score part of the word model's feature, the
// words that moved its reading of the article most, in the score's
// log-odds (times the feature's calibration weight). Only flagged verdicts
// get them: explaining costs a second pass over the text, and a reviewer
// reads only flags. The text is what the model read (title, newline, text).
func (c *Classifier) modelWords(v *netra.Verdict, feature, text string) {
	cal, m := c.pack.Calibration, c.pack.TextModel
	if cal == nil || m == nil {
		return
	}
	for i := range v.ScoreParts {
		p := &v.ScoreParts[i]
		if p.Feature != feature {
			continue
		}
		_, parts := m.Explain(text, maxScoreWords)
		w := cal.Weights[feature]
		p.Words = make([]netra.ScoreWord, 0, len(parts))
		for _, g := range parts {
			p.Words = append(p.Words, netra.ScoreWord{Gram: g.Gram, Contribution: round3(w * g.Contribution)})
		}
		return
	}
}
