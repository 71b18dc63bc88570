// Package netra holds Netra's domain types: the items it reads, the verdicts
// the classifier gives them, the reviews people add, and the errors shared by
// every part. It does no I/O, so every other package can depend on it.
package netra

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Item is one piece of text Netra looks at: a news article, a post, a
// comment, or a line of an imported corpus.
type Item struct {
	// ID is stable for the same content: derived from the canonical URL for
	// crawled pages, or from the source and text for imports (see ItemID).
	ID        string            `json:"id"`
	Source    string            `json:"source"`
	Kind      string            `json:"kind,omitempty"` // news, post, comment, import
	URL       string            `json:"url,omitempty"`
	Title     string            `json:"title,omitempty"`
	Text      string            `json:"text"`
	Author    string            `json:"author,omitempty"`
	Region    string            `json:"region,omitempty"`
	Language  string            `json:"language,omitempty"`
	Published time.Time         `json:"published,omitzero"`
	Fetched   time.Time         `json:"fetched,omitzero"`
	Meta      map[string]string `json:"meta,omitempty"`
	// Archive is the frozen, sanitised copy of the fetched page (crawled
	// articles only).
	Archive *PageCopy `json:"archive,omitempty"`
}

// Hit is one piece of evidence: a rule that fired on one sentence. Start and
// End are byte offsets into the item's original Text, so any UI can highlight
// the evidence without re-running the classifier.
type Hit struct {
	Rule       string   `json:"rule"`
	Category   string   `json:"category"`
	Sentence   string   `json:"sentence"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Terms      []string `json:"terms"`
	Title      string   `json:"title,omitempty"`
	Regulation string   `json:"regulation,omitempty"`
	Weight     float64  `json:"weight,omitempty"`
	// Spans are the byte ranges of the individual matched terms (actor,
	// act, target) inside Text; optional, for finer highlighting.
	Spans []Span `json:"spans,omitempty"`
	// Field is "title" when the evidence was found in the item's Title
	// rather than its Text; Start and End then point into Title.
	Field string `json:"field,omitempty"`
	// Mode is what the sentence does: "report" or "allegation" for a hit
	// that counts; for a suppressed hit, the discourse that cancelled it
	// ("rule", "permission", "appeal", "hypothetical", "denial", "totals"
	// …), with Cue the words that did; "generic" when the actor is civil
	// servants as a class in an article, with Cue the actor's words.
	Mode string `json:"mode,omitempty"`
	Cue  string `json:"cue,omitempty"`
	// CancelledAs is, for a hit of mode "overruled", the mode its cue had
	// given it: the sentence was cancelled, but the word model read the
	// whole article as a report and the calibration flagged it.
	CancelledAs string `json:"cancelled_as,omitempty"`
}

// ModeOverruled is the mode of a hit a discourse cue cancelled that became
// evidence again because the word model reads the whole article as a
// report and the calibration flagged it.
const ModeOverruled = "overruled"

// WordModelRule is the rule ID the stores file a record under when one of
// its hits is overruled (ModeOverruled), in place of that hit's own rule:
// the rule had set the sentence aside and the word model flagged the
// article anyway, so a reviewer's decision on the flag says how the word
// model fares, not the rule. Rule health counts it as a rule of its own and
// the queue's rule filter lists the word model's flags under it. No rule of
// a pack may take this ID.
const WordModelRule = "word-model"

// Overruled reports whether the verdict's flag rests on the word model
// alone: it is flagged and every hit is a match a cue had cancelled.
func (v Verdict) Overruled() bool {
	if !v.Flagged || len(v.Hits) == 0 {
		return false
	}
	for _, h := range v.Hits {
		if h.Mode != ModeOverruled {
			return false
		}
	}
	return true
}

// ScorePart is one term of a calibrated score: a feature of the verdict,
// its value, and what it added to the log-odds.
type ScorePart struct {
	Feature      string  `json:"feature"`
	Value        float64 `json:"value"`
	Contribution float64 `json:"contribution"`
	// Words are, for the word model's part of a flagged verdict, the words
	// and word pairs that moved its reading of the article most, so a
	// reviewer sees what a flag that no rule alone made rests on.
	Words []ScoreWord `json:"words,omitempty"`
}

// ScoreWord is a word or word pair of the text and what it added to the
// score's log-odds through the word model (its weight in the model times
// the feature's calibration weight): positive reads as a report of a
// case, negative as coverage of the rules or an unrelated story.
type ScoreWord struct {
	Gram         string  `json:"gram"`
	Contribution float64 `json:"contribution"`
}

// Span is a byte range [Start, End) in an item's original text.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Role  string `json:"role,omitempty"` // actor, act, target, gesture, ...
}

// Verdict is the classifier's answer for one item. Field names are a public
// contract (DESIGN.md): add, never rename.
type Verdict struct {
	ID           string   `json:"id"`
	Flagged      bool     `json:"flagged"`
	Score        float64  `json:"score"`
	Categories   []string `json:"categories"`
	Hits         []Hit    `json:"hits"`
	RulesVersion string   `json:"rules_version"`
	// Suppressed are rules that matched a sentence but were cancelled by
	// its discourse (a rule stated, a permission, an appeal, a denial …),
	// capped; they never count towards Flagged. When the calibration flags
	// an article on the word model's reading alone, its cancelled ASN
	// matches move to Hits with mode "overruled".
	Suppressed []Hit `json:"suppressed,omitempty"`
	// ScoreParts explain a calibrated Score: bias plus each feature's
	// contribution to the log-odds.
	ScoreParts []ScorePart `json:"score_parts,omitempty"`
}

// Status is the review state of a record.
type Status string

// The review states. New is where every record starts; the others can move
// back to New (reopen) and to each other.
const (
	StatusNew       Status = "new"
	StatusConfirmed Status = "confirmed"
	StatusDismissed Status = "dismissed"
	StatusEscalated Status = "escalated"
)

// Valid reports whether s is one of the known review states.
func (s Status) Valid() bool {
	switch s {
	case StatusNew, StatusConfirmed, StatusDismissed, StatusEscalated:
		return true
	}
	return false
}

// Review is the human side of a record.
type Review struct {
	Status    Status    `json:"status"`
	Note      string    `json:"note,omitempty"`
	Assignee  string    `json:"assignee,omitempty"`
	Reviewer  string    `json:"reviewer,omitempty"` // who made the last change
	UpdatedAt time.Time `json:"updated_at,omitzero"`
}

// Record is what the index stores: the item, its verdict and its review.
// Version increases with every change so review updates can detect that
// someone else changed the record first.
type Record struct {
	Item    Item      `json:"item"`
	Verdict Verdict   `json:"verdict"`
	Review  Review    `json:"review"`
	Version int64     `json:"version"`
	Indexed time.Time `json:"indexed,omitzero"`
}

// AuditEntry is one review change, kept forever per item.
type AuditEntry struct {
	ItemID   string    `json:"item_id"`
	Who      string    `json:"who"`
	When     time.Time `json:"when"`
	From     Status    `json:"from"`
	To       Status    `json:"to"`
	Note     string    `json:"note,omitempty"`
	Assignee string    `json:"assignee,omitempty"`
	Version  int64     `json:"version"` // the record version this change produced
}

// ItemID derives a stable item ID from a canonical URL, or, when url is
// empty, from the source name and the text. The same input always gives the
// same ID, which is what makes upserts idempotent across re-runs.
func ItemID(canonicalURL, source, text string) string {
	h := sha256.New()
	if canonicalURL != "" {
		h.Write([]byte("url\x00"))
		h.Write([]byte(canonicalURL))
	} else {
		h.Write([]byte("src\x00"))
		h.Write([]byte(source))
		h.Write([]byte{0})
		h.Write([]byte(text))
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}
