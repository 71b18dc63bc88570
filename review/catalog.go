package review

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// RuleInfo is what the review app knows about one rule of the rule pack:
// enough to label rules and categories in Indonesian and to tell known
// filter values from typing mistakes.
type RuleInfo struct {
	ID       string
	Title    string // Indonesian, from the pack
	Category string
	Flag     bool // false for rules about officials who are not ASN
}

// WithRules tells the app the rules of the pack the classifier uses.
func WithRules(rs []RuleInfo) Option {
	return func(s *Server) { s.catalog = newCatalog(rs) }
}

// wordModelTitle names netra.WordModelRule for people, in Indonesian as the
// pack's rule titles are: what the word model did that no rule did.
const wordModelTitle = "Model kata: membaca artikel sebagai laporan meski aturan membatalkan atau tidak cocok"

// WordModelInfo is netra.WordModelRule as a rule: the rule-health row and
// the rule filter's label of the flags that rest on the word model (every
// hit overruled), so reviewers' decisions on them are weighed apart from
// the rules that had set their sentences aside. Give it with the pack's
// rules when the pack's calibration weighs cancelled_model or near_model,
// the features that raise such flags.
func WordModelInfo() RuleInfo {
	return RuleInfo{ID: netra.WordModelRule, Title: wordModelTitle, Flag: true}
}

// categoryNames are the labels of the built-in pack's categories:
// [Indonesian, English]. A category a pack adds without a label here is
// shown by the title of its first rule.
var categoryNames = map[string][2]string{
	"asn_campaign":     {"ASN berkampanye / berpolitik praktis", "ASN campaigning"},
	"asn_support":      {"ASN menyatakan dukungan", "ASN declaring support"},
	"asn_social_media": {"ASN di media sosial", "ASN on social media"},
	"asn_gesture":      {"Pose / simbol dukungan", "Support gesture or symbol"},
	"asn_event":        {"ASN di acara kampanye", "ASN at a campaign event"},
	"asn_attribute":    {"Atribut kampanye", "Campaign attributes"},
	"asn_facility":     {"Fasilitas negara", "State facilities"},
	"asn_gift":         {"Pemberian bantuan / barang", "Gifts or aid"},
	"asn_party":        {"Partai / pencalonan", "Party or candidacy"},
	"asn_violation":    {"Dugaan pelanggaran dilaporkan", "Reported violation"},
	"asn_mobilisation": {"ASN ditekan / dimobilisasi", "ASN pressured or mobilised"},
	"official_non_asn": {"Pejabat non-ASN", "Non-ASN officials"},
}

// defaultNonASN is the category of non-ASN officials when no pack is known.
const defaultNonASN = "official_non_asn"

// catalog is the rule pack as the UI needs it.
type catalog struct {
	rules      map[string]RuleInfo
	ruleIDs    []string
	categories []string          // in pack order
	catTitle   map[string]string // first rule title per category
	nonASN     []string          // categories whose rules never flag
	places     placeNames        // names of place codes
}

func newCatalog(rs []RuleInfo) *catalog {
	c := &catalog{rules: map[string]RuleInfo{}, catTitle: map[string]string{}}
	flags := map[string]bool{}
	for _, r := range rs {
		if _, dup := c.rules[r.ID]; dup || r.ID == "" {
			continue
		}
		c.rules[r.ID] = r
		c.ruleIDs = append(c.ruleIDs, r.ID)
		if _, seen := c.catTitle[r.Category]; !seen && r.Category != "" {
			c.catTitle[r.Category] = r.Title
			c.categories = append(c.categories, r.Category)
		}
		flags[r.Category] = flags[r.Category] || r.Flag
	}
	for _, cat := range c.categories {
		if !flags[cat] {
			c.nonASN = append(c.nonASN, cat)
		}
	}
	return c
}

// categoryLabel names a category for people: the built-in label, else the
// title of the pack's first rule in it, else the id with spaces for
// underscores (a category of an older pack that only stored records have).
func (c *catalog) categoryLabel(lang, id string) string {
	if l, ok := categoryNames[id]; ok {
		if lang == langEN {
			return l[1]
		}
		return l[0]
	}
	if t := c.catTitle[id]; t != "" {
		return t
	}
	return humanID(id)
}

// humanID shows an id the app has no name for as words, not snake_case.
func humanID(id string) string { return strings.NewReplacer("_", " ", "-", " ").Replace(id) }

// ruleLabel names a rule by its title, else its id as words. The word
// model has its title even when the pack in use does not weigh it: records
// an earlier pack flagged still carry its ID.
func (c *catalog) ruleLabel(id string) string {
	if r, ok := c.rules[id]; ok && r.Title != "" {
		return r.Title
	}
	if id == netra.WordModelRule {
		return wordModelTitle
	}
	return humanID(id)
}

// list returns the pack's rules in pack order.
func (c *catalog) list() []RuleInfo {
	out := make([]RuleInfo, 0, len(c.ruleIDs))
	for _, id := range c.ruleIDs {
		out = append(out, c.rules[id])
	}
	return out
}

// nonASNCategories are the categories of the "Pejabat non-ASN" tab.
func (c *catalog) nonASNCategories() []string {
	if len(c.nonASN) == 0 {
		return []string{defaultNonASN}
	}
	return c.nonASN
}

// filterFacets are the list filters whose values must be known: each is a
// facet, and the queue offers its values in a dropdown.
func filterFacets() []string {
	return []string{index.FacetCategory, index.FacetRule, index.FacetSource, index.FacetRegion, index.FacetPlace}
}

// vocabTTL is how long the store's known filter values are reused.
const vocabTTL = 10 * time.Second

// vocabulary caches the values of the filter facets over the whole store.
type vocabulary struct {
	mu         sync.Mutex
	at         time.Time
	values     map[string][]string
	refreshing bool // a background refresh is running
}

// known returns the values each filter facet may take: the pack's
// categories and rules, the configured sources and their regions, and the
// values the store holds (the most frequent ones; rarer values are checked
// one by one in checkFilters).
//
// Stale values are answered at once while one refresh runs in the
// background: counting the whole store's facets takes a pass over every
// record, which a reviewer's request should not wait for.
func (s *Server) known(ctx context.Context) (map[string][]string, error) {
	s.vocab.mu.Lock()
	if s.vocab.values != nil {
		v := s.vocab.values
		if time.Since(s.vocab.at) >= vocabTTL && !s.vocab.refreshing {
			s.vocab.refreshing = true
			go func() {
				rctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				defer cancel()
				if _, err := s.loadKnown(rctx); err != nil {
					s.log.Error("filter values", "err", err)
				}
				s.vocab.mu.Lock()
				s.vocab.refreshing = false
				s.vocab.mu.Unlock()
			}()
		}
		s.vocab.mu.Unlock()
		return v, nil
	}
	s.vocab.mu.Unlock()
	return s.loadKnown(ctx)
}

// loadKnown computes what known returns and keeps it.
func (s *Server) loadKnown(ctx context.Context) (map[string][]string, error) {
	res, err := s.store.Search(ctx, index.Query{Limit: 1, Facets: filterFacets()})
	if err != nil {
		return nil, err
	}
	out := map[string][]string{
		index.FacetCategory: slices.Clone(s.catalog.categories),
		index.FacetRule:     slices.Clone(s.catalog.ruleIDs),
		index.FacetPlace:    slices.Clone(s.catalog.places.provinces),
	}
	if s.sources != nil {
		for _, src := range s.sources.Sources() {
			out[index.FacetSource] = append(out[index.FacetSource], src.Name)
			if src.Region != "" {
				out[index.FacetRegion] = append(out[index.FacetRegion], src.Region)
			}
		}
	}
	for _, f := range filterFacets() {
		for _, fc := range res.Facets[f] {
			out[f] = append(out[f], fc.Value)
		}
		slices.Sort(out[f])
		out[f] = slices.Compact(out[f])
	}
	s.vocab.mu.Lock()
	s.vocab.values, s.vocab.at = out, time.Now()
	s.vocab.mu.Unlock()
	return out, nil
}

// UnknownValueError is a filter value that names nothing the app knows;
// Allowed lists the values it does know.
type UnknownValueError struct {
	Field   string
	Value   string
	Allowed []string
}

// Error names the field, the value and what is allowed.
func (e *UnknownValueError) Error() string {
	return fmt.Sprintf("%s: unknown value %q (allowed: %s)", e.Field, e.Value, strings.Join(e.Allowed, ", "))
}

// checkFilters rejects category, rule, source and region values that match
// no rule of the pack, no configured source and no stored record: a typo
// must not look like "0 results".
func (s *Server) checkFilters(ctx context.Context, q index.Query) error {
	given := map[string][]string{
		index.FacetCategory: q.Categories, index.FacetRule: q.Rules,
		index.FacetSource: q.Sources, index.FacetRegion: q.Regions,
		index.FacetPlace: q.Places,
	}
	var known map[string][]string
	for _, f := range filterFacets() {
		for _, v := range given[f] {
			if known == nil {
				var err error
				if known, err = s.known(ctx); err != nil {
					return err
				}
			}
			if _, ok := slices.BinarySearch(known[f], v); ok {
				continue
			}
			if f == index.FacetPlace {
				if s.catalog.places.known(v) {
					continue // a regency with no records yet is still a place
				}
				return &UnknownValueError{Field: f, Value: v, Allowed: known[f]}
			}
			n, err := s.countWith(ctx, f, v)
			if err != nil {
				return err
			}
			if n == 0 {
				return &UnknownValueError{Field: f, Value: v, Allowed: known[f]}
			}
		}
	}
	return nil
}

// countWith counts the stored records whose facet f has value v.
func (s *Server) countWith(ctx context.Context, f, v string) (int, error) {
	q := index.Query{Limit: 1}
	switch f {
	case index.FacetCategory:
		q.Categories = []string{v}
	case index.FacetRule:
		q.Rules = []string{v}
	case index.FacetSource:
		q.Sources = []string{v}
	case index.FacetRegion:
		q.Regions = []string{v}
	case index.FacetPlace:
		q.Places = []string{v}
	}
	res, err := s.store.Search(ctx, q)
	return res.Total, err
}

// option is one choice of a filter dropdown.
type option struct {
	Value    string
	Count    int // -1 when not counted
	Selected bool
}

// filterOptions builds a dropdown's choices: every known value with how
// many records the current search would have with it (from the facet of a
// search without this filter), most first.
func filterOptions(known []string, counts []index.FacetCount, selected []string) []option {
	byValue := map[string]int{}
	for _, fc := range counts {
		byValue[fc.Value] = fc.Count
	}
	vals := slices.Clone(known)
	for _, fc := range counts {
		vals = append(vals, fc.Value)
	}
	vals = append(vals, selected...)
	slices.Sort(vals)
	vals = slices.Compact(vals)
	out := make([]option, 0, len(vals))
	for _, v := range vals {
		n, ok := byValue[v]
		if !ok {
			n = -1
		}
		out = append(out, option{Value: v, Count: n, Selected: slices.Contains(selected, v)})
	}
	slices.SortStableFunc(out, func(a, b option) int { return cmp.Compare(b.Count, a.Count) })
	return out
}

// label names a facet value for people: categories and rules by their
// Indonesian names, statuses translated, sources and regions as they are.
func (c *catalog) label(lang, facet, v string) string {
	switch facet {
	case index.FacetCategory:
		return c.categoryLabel(lang, v)
	case index.FacetRule:
		return c.ruleLabel(v)
	case index.FacetStatus:
		return tr(lang, "status_"+v)
	case index.FacetPlace:
		return c.places.label(v)
	}
	return v
}
