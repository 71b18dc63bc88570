package elastic

import (
	"strings"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// MappingVersion is the version of the items mapping below. Raise it (and
// the _meta in itemsMapping; a test checks they agree) when the mapping
// changes; `netra index migrate` then copies the records into a new index
// with the new mapping and moves the alias, without downtime.
const MappingVersion = 3

// document is what one record looks like in Elasticsearch. Field names are
// those of the Go types' JSON (item.*, verdict.*, review.*) so a Kibana data
// view and plain Query DSL see the same names as the CLI and the API, plus a
// few fields derived for search and sorting (time, rules, terms).
type document struct {
	ID      string        `json:"id"`
	Item    netra.Item    `json:"item"`
	Verdict netra.Verdict `json:"verdict"`
	Review  netra.Review  `json:"review"`
	Version int64         `json:"version"`
	Indexed time.Time     `json:"indexed"`
	// Time is index.ItemTime: published, else fetched, else indexed.
	Time time.Time `json:"time"`
	// Dated is index.Dated: time sorts put records with a publication
	// date first.
	Dated bool `json:"dated"`
	// Rules are the distinct rule IDs of the hits (the "rule" facet).
	Rules []string `json:"rules"`
	// Story is index.RecordStory: the queue collapses on it.
	Story string `json:"story"`
	// Places are index.RecordPlaces: place codes, a regency's province
	// included (the "place" filter and facet).
	Places []string `json:"places"`
	// Terms is title and text through Netra's analyser (normalised and
	// stemmed), space-separated, indexed with the standard analyser: the
	// field Netra's free-text search runs on.
	Terms string `json:"terms"`
	// Exact is title and text as lower-cased words (index.Words), not
	// normalised or stemmed, space-separated, indexed with the whitespace
	// analyser: exact-word search ("camat", =camat) runs on it.
	Exact string `json:"exact"`
	// LastAudit is the audit entry of the latest review change, written
	// in the same conditional write as the change itself. The audit index
	// gets it right after; should that write be lost (a crash, an
	// outage), Audit and the next Review write it from here, so the record
	// and its trail cannot diverge. Kept in _source, not indexed.
	LastAudit *netra.AuditEntry `json:"last_audit,omitempty"`
}

func (d document) record() netra.Record {
	return netra.Record{Item: d.Item, Verdict: d.Verdict, Review: d.Review, Version: d.Version, Indexed: d.Indexed}
}

// newDocument builds the stored form of r.
func newDocument(r netra.Record, analyze index.Analyzer) document {
	rules := index.RecordRules(r)
	if rules == nil {
		rules = []string{}
	}
	places := index.RecordPlaces(r)
	if places == nil {
		places = []string{}
	}
	var terms, exact []string
	if r.Item.Title != "" {
		terms = append(terms, analyze(r.Item.Title)...)
		exact = append(exact, index.Words(r.Item.Title)...)
	}
	terms = append(terms, analyze(r.Item.Text)...)
	exact = append(exact, index.Words(r.Item.Text)...)
	// Elasticsearch refuses zone offsets beyond ±18:00, which date
	// guessing on scraped pages can produce: store instants in UTC.
	it := r.Item
	it.Published, it.Fetched = it.Published.UTC(), it.Fetched.UTC()
	return document{
		ID:      r.Item.ID,
		Item:    it,
		Verdict: r.Verdict,
		Review:  r.Review,
		Version: r.Version,
		Indexed: r.Indexed,
		Time:    index.ItemTime(r).UTC(),
		Dated:   index.Dated(r),
		Rules:   rules,
		Story:   index.RecordStory(r),
		Places:  places,
		Terms:   strings.Join(terms, " "),
		Exact:   strings.Join(exact, " "),
	}
}

// itemsMapping is the mapping of the items indices. Keyword fields are what
// filters, facets (terms aggregations) and Kibana visualisations use; text
// fields use the standard analyser (the integ-test distribution has no
// language analysers); "terms" holds Netra's own analysis of the text and
// "exact" its plain lower-cased words (the whitespace analyser keeps each
// word whole, as the embedded store's tokenizer does). Both are
// indexed but left out of _source: it is derived, as long as the text, and
// recomputed when `netra index migrate` copies the records. Keyword values
// longer than 1,024 bytes (hostile or broken input) are kept in _source but
// not indexed, instead of failing the record.
const itemsMapping = `{
  "dynamic": false,
  "_meta": {"netra_mapping_version": 3},
  "_source": {"excludes": ["terms", "exact"]},
  "properties": {
    "id":      {"type": "keyword", "ignore_above": 1024},
    "version": {"type": "long"},
    "indexed": {"type": "date"},
    "time":    {"type": "date"},
    "dated":   {"type": "boolean"},
    "rules":   {"type": "keyword", "ignore_above": 1024},
    "story":   {"type": "keyword", "ignore_above": 1024},
    "places":  {"type": "keyword", "ignore_above": 1024},
    "terms":   {"type": "text", "analyzer": "standard"},
    "exact":   {"type": "text", "analyzer": "whitespace"},
    "item": {"properties": {
      "id":        {"type": "keyword", "ignore_above": 1024},
      "source":    {"type": "keyword", "ignore_above": 1024},
      "kind":      {"type": "keyword", "ignore_above": 1024},
      "url":       {"type": "keyword", "ignore_above": 2048},
      "title":     {"type": "text", "analyzer": "standard"},
      "text":      {"type": "text", "analyzer": "standard"},
      "author":    {"type": "keyword", "ignore_above": 1024},
      "region":    {"type": "keyword", "ignore_above": 1024},
      "language":  {"type": "keyword", "ignore_above": 1024},
      "published": {"type": "date"},
      "fetched":   {"type": "date"},
      "meta":      {"type": "flattened"}
    }},
    "verdict": {"properties": {
      "id":            {"type": "keyword", "ignore_above": 1024},
      "flagged":       {"type": "boolean"},
      "score":         {"type": "double"},
      "categories":    {"type": "keyword", "ignore_above": 1024},
      "rules_version": {"type": "keyword", "ignore_above": 1024},
      "hits": {"properties": {
        "rule":       {"type": "keyword", "ignore_above": 1024},
        "category":   {"type": "keyword", "ignore_above": 1024},
        "sentence":   {"type": "text", "analyzer": "standard"},
        "start":      {"type": "integer"},
        "end":        {"type": "integer"},
        "terms":      {"type": "keyword", "ignore_above": 1024},
        "title":      {"type": "text"},
        "regulation": {"type": "keyword", "ignore_above": 1024},
        "weight":     {"type": "double"},
        "spans":      {"type": "object", "enabled": false}
      }}
    }},
    "review": {"properties": {
      "status":     {"type": "keyword", "ignore_above": 1024},
      "note":       {"type": "text"},
      "assignee":   {"type": "keyword", "ignore_above": 1024},
      "reviewer":   {"type": "keyword", "ignore_above": 1024},
      "updated_at": {"type": "date"}
    }}
  }
}`

// auditMapping is the mapping of the audit trail index.
const auditMapping = `{
  "dynamic": false,
  "properties": {
    "item_id":  {"type": "keyword"},
    "who":      {"type": "keyword"},
    "when":     {"type": "date"},
    "from":     {"type": "keyword"},
    "to":       {"type": "keyword"},
    "note":     {"type": "text"},
    "assignee": {"type": "keyword"},
    "version":  {"type": "long"}
  }
}`
