// Package rules defines Netra's rule-pack format: YAML rules that say which
// actor, partisan act and target must co-occur, what cancels them, and which
// regulation they relate to; gazetteers (ASN roles, parties, gestures,
// candidates from CSV); and the colloquial lexicon. It loads and validates
// packs with file:line errors so analysts can edit them without touching Go.
// The default Indonesian pack is embedded from rules/packs/.
package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/netra-id/netra/textmodel"
)

// Role names used in a rule's `require` block and in gazetteers.
const (
	RoleActor  = "actor"
	RoleAct    = "act"
	RoleTarget = "target"
	RoleCancel = "cancel"
	RoleCue    = "cue"
)

// Match modes of a gazetteer: stem compares stems of normalised words (so
// "dukung" reaches "mendukung" and "dukungannya"); exact compares normalised
// words only (so "camat" does not reach "kecamatan").
const (
	ModeStem  = "stem"
	ModeExact = "exact"
)

// Pack is a loaded, validated rule pack.
type Pack struct {
	Name        string
	Version     string
	Description string
	// Threshold is the score from which a verdict is flagged.
	Threshold float64
	// Calibration turns a verdict's evidence into the probability that a
	// reviewer confirms it; nil keeps the uncalibrated 1 − Π(1 − weight).
	Calibration *Calibration
	// TextModel is the word model behind the calibration feature
	// "text_model" (textmodel.tsv); nil when the pack has none.
	TextModel *textmodel.Model
	// Lexicon maps colloquial spellings to standard words (one or more).
	Lexicon map[string][]string
	// Gazetteers by name.
	Gazetteers map[string]*Gazetteer
	// Rules in file order.
	Rules []*Rule
	// Files lists the files the pack was read from, for reports.
	Files []string
}

// Gazetteer is a named list of terms: ASN roles, parties, gestures,
// candidates, cancel cues. Terms are phrases of one or more words.
type Gazetteer struct {
	Name        string   `yaml:"name"`
	Description string   `yaml:"description"`
	Role        string   `yaml:"role"`
	Mode        string   `yaml:"mode"`
	Terms       []string `yaml:"terms"`
	// Keywords marks this gazetteer's terms as first-stage keywords of its
	// role: a text is a candidate only when it has a keyword of every
	// first-stage role (actor and act). The cue gazetteers "staff" and
	// "office" are first-stage keywords too: both together stand in for an
	// actor keyword.
	Keywords bool `yaml:"keywords"`
	// Discourse names what a sentence does when a cancel term of this
	// gazetteer cancels a rule in it (one of DiscourseModes): explanations
	// and the verdict's suppressed hits carry it so a rule writer sees why.
	Discourse string `yaml:"discourse"`

	// Candidates loaded from CSV files (for target gazetteers).
	Candidates []Candidate `yaml:"-"`
	File       string      `yaml:"-"`
	Line       int         `yaml:"-"`
}

// DiscourseModes are what a candidate sentence can do instead of reporting
// conduct; a cancel gazetteer names one of them. "report" and "allegation"
// are the modes of sentences that fire.
var DiscourseModes = []string{
	"rule", "permission", "appeal", "hypothetical", "denial", "totals",
	"question", "dismissal", "duty", "example", "negated", "not_asn",
	"official_event", "enforcement", "purpose", "procedure",
}

// Calibration is a logistic model over a verdict's features: the score is
// σ(Bias + Σ Weights[f]·x_f). Features are named in CalibrationFeatures;
// the model is fitted on labelled data (bench/evalset calibrate) and kept
// in pack.yaml so a rule writer can read and re-fit it.
type Calibration struct {
	Bias    float64            `yaml:"bias"`
	Weights map[string]float64 `yaml:"weights"`
	// Fitted says on what and how the weights were fitted, for the record.
	Fitted string `yaml:"fitted"`
}

// ModelFeatures are the calibration features that hold the word model's
// logit of an article (text_model when an ASN rule fired on it,
// cancelled_model when a discourse cue cancelled its every ASN match,
// near_model when no ASN rule matched but one came near).
var ModelFeatures = []string{"text_model", "cancelled_model", "near_model"}

// IsModelFeature reports whether feature holds the word model's logit.
func IsModelFeature(feature string) bool { return slices.Contains(ModelFeatures, feature) }

// CalibrationFeatures are the verdict features a calibration may weigh.
var CalibrationFeatures = map[string]string{
	"evidence":        "logit of the rule-weight score 1 − Π(1 − w) over the ASN rules that fired (0 when none fired)",
	"rules":           "number of distinct ASN rules that fired",
	"sentences":       "number of distinct sentences with an ASN hit, capped at 5",
	"allegation":      "1 when an ASN hit's sentence carries an incident cue (diduga, dilaporkan, kedapatan …)",
	"title_hit":       "1 when an ASN rule fired on the title",
	"title_norm":      "1 when the title states a norm: a rule, permission, appeal, hypothesis or denial",
	"suppressed":      "number of candidate sentences a discourse cue cancelled, capped at 10",
	"non_asn":         "1 when a non-ASN official's rule fired",
	"totals":          "1 when a sentence with an ASN actor reports totals or is cancelled as totals",
	"no_hit":          "1 when the text passed the first stage but no ASN rule fired",
	"text_model":      "the word model's logit (textmodel.tsv) of a news item, one with a title, on which an ASN rule fired; 0 for posts and texts without an ASN hit",
	"cancelled_model": "the word model's logit of an article (as for text_model) with no ASN hit whose ASN matches in the text a discourse cue cancelled; 0 otherwise",
	"near_model":      "the word model's logit of an article (as for text_model) that names an election, has no ASN hit, fired or cancelled (in the headline either), and no headline stating a norm, on which an ASN rule came near with its actor found; 0 otherwise",
}

// Candidate is one person on a ballot.
type Candidate struct {
	Name     string
	Number   string
	Party    string
	Election string
	Region   string
}

// Rule is one pattern of partisan activity.
type Rule struct {
	ID          string  `yaml:"id"`
	Title       string  `yaml:"title"`
	Description string  `yaml:"description"`
	Status      string  `yaml:"status"`
	Category    string  `yaml:"category"`
	Regulation  string  `yaml:"regulation"`
	Weight      float64 `yaml:"weight"`
	// Flag says whether a hit counts as a possible ASN partisan act. Rules
	// about non-ASN officials set it false.
	Flag bool `yaml:"flag"`
	// Window is the largest distance, in tokens, between the first and the
	// last required term; 0 means anywhere in the sentence.
	Window int `yaml:"window"`
	// Require maps a role (actor, act, target, cue) to terms; every role
	// listed must match. Terms are words or phrases, "@name" for a
	// gazetteer, "=word" for an exact (unstemmed) word, "re:EXPR" for a
	// regular expression matched against one normalised token.
	Require map[string][]string `yaml:"require"`
	// Order lists required roles that must stand in this order in the
	// sentence ("act, actor" for "Bawaslu memeriksa camat": the civil
	// servant is examined, not examining).
	Order []string `yaml:"order"`
	// Cancel lists terms that cancel the rule when found in the same
	// sentence before the act or within CancelAfter tokens after it.
	Cancel []string `yaml:"cancel"`
	// Negate lists terms that cancel the rule when they stand within three
	// tokens before the act ("tidak mendukung").
	Negate []string `yaml:"negate"`
	// Exclude lists terms that cancel the rule anywhere in the sentence.
	Exclude        []string `yaml:"exclude"`
	FalsePositives []string `yaml:"falsepositives"`
	Match          []string `yaml:"match"`
	NoMatch        []string `yaml:"no_match"`

	File string `yaml:"-"`
	Line int    `yaml:"-"`
}

// Where names the file and line a rule came from.
func (r *Rule) Where() string { return fmt.Sprintf("%s:%d", r.File, r.Line) }

// Error is a problem in a pack file, with the place it was found.
type Error struct {
	File string
	Line int
	Msg  string
}

// Error formats the problem as "file:line: message", the form editors
// and terminals turn into a link to the place.
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Errors is every problem found while loading a pack.
type Errors []*Error

// Error lists every problem, one per line.
func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap exposes the individual errors to errors.Is/As.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}
