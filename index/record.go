package index

import (
	"sort"
	"time"

	"github.com/netra-id/netra"
)

// ItemTime is the time a record sorts and filters by (Query.Since/Until,
// SortTimeDesc): when the item was published, else when it was fetched,
// else when it was indexed.
func ItemTime(r netra.Record) time.Time {
	switch {
	case !r.Item.Published.IsZero():
		return r.Item.Published
	case !r.Item.Fetched.IsZero():
		return r.Item.Fetched
	}
	return r.Indexed
}

// RecordRules returns the distinct rule IDs of a record's hits, sorted: the
// values of the "rule" filter and facet.
func RecordRules(r netra.Record) []string {
	seen := map[string]bool{}
	var out []string
	for _, h := range r.Verdict.Hits {
		if h.Rule != "" && !seen[h.Rule] {
			seen[h.Rule] = true
			out = append(out, h.Rule)
		}
	}
	sort.Strings(out)
	return out
}
