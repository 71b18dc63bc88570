package classifier

import (
	"fmt"
	"slices"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/rules"
)

// NearMiss is a rule that found its anchor and part of what it needs in a
// sentence but did not match it: what a rule writer reads to see why a
// text went unflagged (`netra classify --explain`).
type NearMiss struct {
	Rule     string `json:"rule"`
	Sentence string `json:"sentence"`
	Field    string `json:"field,omitempty"`
	// Found lists the roles found, as "role: words".
	Found []string `json:"found"`
	// Why says what was missing or in the way.
	Why string `json:"why"`
	// Lacks names the kind of Why, for counting: "no <role>" (no word of
	// that role in the sentence), "<role> too far" (beyond the window),
	// "order" (every role there, but someone else nearer, out of order, or
	// the actor only speaks) or "whole post".
	Lacks string `json:"lacks"`
}

// maxNearMisses caps the near misses an explanation lists.
const maxNearMisses = 8

// nearMisses collects near misses while a text is analysed; nil (the
// normal case) collects nothing, so Classify pays nothing for it.
type nearMisses struct {
	list []NearMiss
	// seen counts the near misses recorded, for the cap; list holds them
	// unless withHits.
	seen int
	// withHits keeps, instead of the list, as hits, the near misses that
	// found the rule's actor (nearEvidence).
	withHits bool
	hits     []netra.Hit
}

// Explain classifies it like Classify and also returns the near misses:
// the rules that were close to matching a sentence, with what stopped
// them. It costs a second look at every rule, so it is for explanations.
func (c *Classifier) Explain(it netra.Item) (netra.Verdict, []NearMiss) {
	return c.Classify(it), c.NearMisses(it)
}

// NearMisses returns Explain's near misses without classifying it, for a
// caller that already holds the verdict (eval, on every missed case).
func (c *Classifier) NearMisses(it netra.Item) []NearMiss {
	title, text, ok := c.prepare(it)
	if !ok {
		return nil
	}
	nm := &nearMisses{}
	doc := c.context(title, text)
	c.analyzeWith(text, "", doc, nil, nil, nm)
	if title != "" && !titleRepeated(title, text) {
		c.analyzeWith(title, "title", doc, nil, nil, nm)
	}
	return nm.list
}

// add records why rule cr did not match sentence s, when its anchor and
// at least one other role are there (a rule with nothing but its anchor
// is not near).
func (nm *nearMisses) add(cr *compiledRule, text, field string, s span, ts []Token, occ []occurrence) {
	if nm == nil || nm.seen >= maxNearMisses {
		return
	}
	for _, a := range occ {
		if !cr.roles[0].groups[a.group] {
			continue
		}
		chosen := []occurrence{a}
		roles := []string{cr.roles[0].role}
		// What stopped the rule, formatted only when it is shown: the
		// first role with no word at all (missing), else the first
		// beyond the window (far, at farDist).
		missing, far, farDist := "", "", 0
		for _, rq := range cr.roles[1:] {
			best, bestDist := -1, 1<<30
			for k, o := range occ {
				if rq.groups[o.group] && !(o.i == a.i && o.j == a.j) && distance(a, o) < bestDist {
					best, bestDist = k, distance(a, o)
				}
			}
			switch {
			case best < 0:
				if missing == "" && far == "" {
					missing = rq.role
				}
			case cr.rule.Window > 0 && bestDist > cr.rule.Window:
				chosen, roles = append(chosen, occ[best]), append(roles, rq.role)
				if missing == "" && far == "" {
					far, farDist = rq.role, bestDist
				}
			default:
				chosen, roles = append(chosen, occ[best]), append(roles, rq.role)
			}
		}
		if len(chosen) < 2 {
			continue
		}
		// reason says what stopped the rule (why) and its kind (lacks,
		// see NearMiss.Lacks).
		reason := func() (why, lacks string) {
			switch {
			case missing != "":
				return fmt.Sprintf("no %s word the rule takes in the sentence", missing), "no " + missing
			case far != "":
				return fmt.Sprintf("the %s is %d words from the %s (window %d)", far, farDist, cr.roles[0].role, cr.rule.Window), far + " too far"
			}
			return "every role is there, but a person who is not ASN stands nearer the act, the roles are out of order, or the actor only speaks", "order"
		}
		nm.seen++
		switch {
		case !nm.withHits:
			n := NearMiss{Rule: cr.rule.ID, Sentence: text[s.start:s.end], Field: field}
			n.Why, n.Lacks = reason()
			for k, o := range chosen {
				n.Found = append(n.Found, fmt.Sprintf("%s: %q", roles[k], occText(text, ts, o)))
			}
			nm.list = append(nm.list, n)
		case slices.Contains(roles, rules.RoleActor):
			h := cr.hitOf(text, s, ts, chosen, roles)
			why, _ := reason()
			h.Field, h.Mode, h.CancelledAs, h.Cue = field, netra.ModeOverruled, NearMode, why
			nm.hits = append(nm.hits, h)
		}
		return
	}
}

// occText is the text of occurrence o.
func occText(text string, ts []Token, o occurrence) string {
	st, en := occBytes(ts, o)
	return text[st:en]
}

// occBytes is where occurrence o stands in the text: its tokens, or for
// an actor carried from an earlier sentence, the bytes it had there.
func occBytes(ts []Token, o occurrence) (int, int) {
	if o.carried {
		return o.start, o.end
	}
	return ts[o.i].Start, ts[o.j-1].End
}

// wholePostRule names the near misses of a short post read whole.
const wholePostRule = "whole-post"

// wholePost records why a short post was not read whole, or why a rule
// that fired on it did not count (see evalWholePost). It may go one over
// maxNearMisses: it is the last word on the post.
func (nm *nearMisses) wholePost(text, why string, found ...string) {
	if nm == nil || nm.seen > maxNearMisses {
		return
	}
	nm.seen++
	if !nm.withHits {
		nm.list = append(nm.list, NearMiss{Rule: wholePostRule, Sentence: text, Why: why, Lacks: "whole post", Found: found})
	}
}

// NearMode is the CancelledAs of an overruled hit (netra.ModeOverruled)
// made from a near miss: a rule came near the sentence with a civil
// servant and the act found, the word model read the whole article as a
// report, and the calibration flagged it (feature near_model).
const NearMode = "near"

// nearEvidence returns, of the near misses collected while the text was
// analysed, those on which a flagging ASN rule came near with its actor
// among the roles found, as hits of mode overruled (CancelledAs NearMode,
// Cue saying what was missing): what a flag on the word model's reading
// (near_model) shows the reviewer. Only the text is read, not the title: a
// flag needs a sentence of the article. Like an explanation, it stops
// after maxNearMisses near misses.
func (c *Classifier) nearEvidence(nm *nearMisses) []netra.Hit {
	if nm == nil {
		return nil
	}
	var out []netra.Hit
	for _, h := range nm.hits {
		if c.flagging[h.Rule] {
			out = append(out, h)
		}
	}
	return out
}

// readsNear reports whether the calibration weighs near_model, or every
// feature is wanted (all, for fitting).
func (c *Classifier) readsNear(all bool) bool {
	cal := c.pack.Calibration
	return all || cal != nil && cal.Weights["near_model"] != 0
}
