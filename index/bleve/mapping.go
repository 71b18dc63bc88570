package bleve

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode"

	blevesearch "github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/whitespace"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// mappingVersion changes whenever the fields below change, or what a
// record puts into them (facetValues); a store whose search index was built
// with another version must be rebuilt. 8: an overruled hit files its
// record under netra.WordModelRule, not its own rule (index.RecordRules);
// the search cache reads a record's old facet values back with the current
// code, so an index holding the old ones would skew its counts.
const mappingVersion = "8"

// Field names in the search index. Facet fields use the index.Facet* names
// so a facet request maps to a field directly.
const (
	fieldTerms    = "terms" // analyser output of title + text, for words and phrases
	fieldExact    = "exact" // lower-cased unstemmed words of title + text, in order, for exact words and prefix*
	fieldSource   = index.FacetSource
	fieldRegion   = index.FacetRegion
	fieldCategory = index.FacetCategory
	fieldRule     = index.FacetRule
	fieldStatus   = index.FacetStatus
	fieldPlace    = index.FacetPlace // Kemendagri codes, a regency's province included
	fieldStory    = index.FacetStory // index.RecordStory
	fieldKind     = "kind"
	fieldAssignee = "assignee"
	fieldReviewer = index.FacetReviewer
	fieldFlagged  = "flagged"
	fieldScore    = "score"
	fieldTime     = "time"
	// Sort keys: one keyword per record and order, so sorting reads one
	// doc-value term per match instead of a numeric field's sixteen
	// prefix-coded terms per field (see sortKeys).
	fieldKeyNewest = "key_newest" // dated first, then newest first (sorted descending)
	fieldKeyOldest = "key_oldest" // dated first, then oldest first (sorted ascending)
	fieldKeyScore  = "key_score"  // highest score first, then newest (sorted descending)
)

// analyzerSpaces splits the pre-analysed term string on spaces and does
// nothing else: all language work happens in the configured index.Analyzer
// before bleve sees the text, exactly as the Elasticsearch backend does.
const analyzerSpaces = "netra_spaces"

// maxTermBytes drops terms no one searches for (hashes, base64 blobs) that
// would bloat the term dictionary.
const maxTermBytes = 64

func newMapping() (mapping.IndexMapping, error) {
	im := blevesearch.NewIndexMapping()
	if err := im.AddCustomAnalyzer(analyzerSpaces, map[string]interface{}{
		"type":      custom.Name,
		"tokenizer": whitespace.Name,
	}); err != nil {
		return nil, err
	}
	im.DefaultAnalyzer = keyword.Name
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false

	text := func(vectors bool) *mapping.FieldMapping {
		f := mapping.NewTextFieldMapping()
		f.Analyzer = analyzerSpaces
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = vectors // positions, needed by phrase queries
		f.DocValues = false
		return f
	}
	kw := func(facet bool) *mapping.FieldMapping {
		f := mapping.NewKeywordFieldMapping()
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = facet // facets read doc values; plain filters do not
		return f
	}
	doc := mapping.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fieldTerms, text(true))
	doc.AddFieldMappingsAt(fieldExact, text(true))
	for _, name := range []string{fieldSource, fieldRegion, fieldCategory, fieldRule, fieldStatus, fieldPlace, fieldStory, fieldReviewer} {
		doc.AddFieldMappingsAt(name, kw(true))
	}
	for _, name := range []string{fieldKind, fieldAssignee} {
		doc.AddFieldMappingsAt(name, kw(false))
	}
	flagged := mapping.NewBooleanFieldMapping()
	flagged.Store, flagged.IncludeInAll, flagged.DocValues = false, false, false
	doc.AddFieldMappingsAt(fieldFlagged, flagged)
	score := mapping.NewNumericFieldMapping()
	score.Store, score.IncludeInAll, score.DocValues = false, false, false // score ranges read the terms
	doc.AddFieldMappingsAt(fieldScore, score)
	for _, name := range []string{fieldKeyNewest, fieldKeyOldest, fieldKeyScore} {
		doc.AddFieldMappingsAt(name, kw(true))
	}
	// time keeps doc values for the dashboard's week counts.
	tm := mapping.NewDateTimeFieldMapping()
	tm.Store, tm.IncludeInAll, tm.DocValues = false, false, true
	doc.AddFieldMappingsAt(fieldTime, tm)
	// No catch-all "_all" field: every query names its field, and building
	// it costs a pass over every token.
	doc.AddSubDocumentMapping("_all", mapping.NewDocumentDisabledMapping())
	im.DefaultMapping = doc
	return im, nil
}

// analysed is the expensive, review-independent part of a search document,
// computed outside the write lock.
type analysed struct {
	terms string // analyser output, in order (positions matter for phrases)
	exact string // lower-cased words as written, in order (exact words and phrases)
}

func analyse(analyze index.Analyzer, it netra.Item, maxBytes int) analysed {
	text := it.Text
	if len(text) > maxBytes {
		text = text[:maxBytes]
	}
	var tb, eb strings.Builder
	tb.Grow(len(text))
	eb.Grow(len(text))
	for _, src := range []string{it.Title, text} {
		for _, t := range analyze(src) {
			writeTerm(&tb, t)
		}
		// Prefix queries look in both fields, so "menduk*" finds
		// "mendukung" here and "dukung*" finds its stem in terms.
		for _, w := range index.Words(src) {
			writeTerm(&eb, w)
		}
	}
	return analysed{terms: tb.String(), exact: eb.String()}
}

// writeTerm appends one term, with inner spaces turned into underscores so
// the space tokenizer keeps it whole (query terms get the same treatment).
func writeTerm(b *strings.Builder, t string) {
	t = cleanTerm(t)
	if t == "" {
		return
	}
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	b.WriteString(t)
}

func cleanTerm(t string) string {
	if len(t) > maxTermBytes || t == "" {
		return ""
	}
	if strings.IndexFunc(t, unicode.IsSpace) < 0 {
		return t
	}
	return strings.Join(strings.Fields(t), "_")
}

// searchDoc is what bleve indexes for one record.
func searchDoc(r netra.Record, a analysed) map[string]interface{} {
	d := map[string]interface{}{
		fieldTerms:   a.terms,
		fieldExact:   a.exact,
		fieldFlagged: r.Verdict.Flagged,
		fieldScore:   r.Verdict.Score,
		fieldTime:    sortTime(r),
	}
	d[fieldKeyNewest], d[fieldKeyOldest], d[fieldKeyScore] = sortKeys(r)
	if r.Item.Kind != "" {
		d[fieldKind] = r.Item.Kind
	}
	if r.Review.Assignee != "" {
		d[fieldAssignee] = r.Review.Assignee
	}
	// Facet fields hold exactly facetValues, which the search cache uses
	// to keep its counts up to date after a write.
	for _, f := range []string{fieldSource, fieldRegion, fieldReviewer, fieldStatus, fieldStory, fieldCategory, fieldRule, fieldPlace} {
		switch vals := facetValues(r, f); len(vals) {
		case 0:
		case 1:
			d[f] = vals[0]
		default:
			d[f] = vals
		}
	}
	return d
}

// sortTime is index.ItemTime, except that dates outside what the index can
// represent (hostile or broken feeds: year 1 or 9999) fall back to when the
// record was stored.
func sortTime(r netra.Record) time.Time {
	t := index.ItemTime(r).UTC()
	if t.Year() < 1900 || t.Year() > 2200 {
		return r.Indexed.UTC()
	}
	return t
}

// sortKeys are the record's keys for the three time and score orders, as
// fixed-width hex strings that compare as the values do: newest sorts
// descending ("1" for a dated record, then the time), oldest ascending ("0"
// for a dated record, then the time), score descending (the score, then the
// time).
func sortKeys(r netra.Record) (newest, oldest, score string) {
	t := orderedBits(uint64(sortTime(r).UnixNano()) ^ 1<<63) // sortTime is within 1900–2200, inside int64 nanoseconds
	if index.Dated(r) {
		newest, oldest = "1"+t, "0"+t
	} else {
		newest, oldest = "0"+t, "1"+t
	}
	b := math.Float64bits(r.Verdict.Score)
	if b>>63 == 0 {
		b ^= 1 << 63 // positive: above every negative
	} else {
		b = ^b // negative: larger magnitude lower
	}
	return newest, oldest, orderedBits(b) + t
}

// orderedBits is v as 16 hex digits, so string order is numeric order.
func orderedBits(v uint64) string {
	return fmt.Sprintf("%016x", v)
}

func distinct(vals []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range vals {
		if v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}
