package elastic

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// get reads one document with its concurrency token.
func (s *Store) get(ctx context.Context, id string) (current, error) {
	if id == "" {
		return current{}, fmt.Errorf("record %q: %w", id, netra.ErrNotFound)
	}
	// With several generations behind the alias a plain GET cannot
	// say which to read: fetch finds the one holding the record.
	m, err := s.fetch(ctx, []string{id})
	if err != nil {
		return current{}, fmt.Errorf("get record %s: %w", id, err)
	}
	c, ok := m[id]
	if !ok {
		return current{}, fmt.Errorf("record %s: %w", id, netra.ErrNotFound)
	}
	return c, nil
}

// Get returns one record.
func (s *Store) Get(ctx context.Context, id string) (netra.Record, error) {
	c, err := s.get(ctx, id)
	if err != nil {
		return netra.Record{}, err
	}
	return c.doc.record(), nil
}

// Review applies a review change. The write is conditional on the
// document's sequence number and primary term, so two reviewers changing
// the same record at once cannot both win: the second gets a
// *netra.ConflictError, as does an update based on an old version.
func (s *Store) Review(ctx context.Context, id string, u index.ReviewUpdate) (netra.Record, error) {
	if u.Who == "" {
		return netra.Record{}, errors.New("review: who made the change is required")
	}
	if u.Status != nil && !u.Status.Valid() {
		return netra.Record{}, fmt.Errorf("review: unknown status %q", *u.Status)
	}
	c, err := s.get(ctx, id)
	if err != nil {
		return netra.Record{}, err
	}
	if c.doc.Version != u.BaseVersion {
		return netra.Record{}, &netra.ConflictError{ID: id, Based: u.BaseVersion, Current: c.doc.Version}
	}
	// The previous change's entry first, in case its own write was lost:
	// the trail must not miss a step.
	if err := s.writeAudit(ctx, c.doc.LastAudit, false); err != nil {
		return netra.Record{}, fmt.Errorf("review %s: repair the audit entry of version %d: %w", id, c.doc.LastAudit.Version, err)
	}
	d := c.doc
	from := d.Review.Status
	if u.Status != nil {
		d.Review.Status = *u.Status
	}
	if u.Note != nil {
		d.Review.Note = *u.Note
	}
	if u.Assignee != nil {
		d.Review.Assignee = *u.Assignee
	}
	d.Review.Reviewer = u.Who
	d.Review.UpdatedAt = time.Now().UTC()
	d.Version++
	// The entry records what this change said, not the whole review.
	entry := netra.AuditEntry{
		ItemID: id, Who: u.Who, When: d.Review.UpdatedAt, From: from, To: d.Review.Status, Version: d.Version,
	}
	if u.Note != nil {
		entry.Note = *u.Note
	}
	if u.Assignee != nil {
		entry.Assignee = *u.Assignee
	}
	// _source does not keep the analysed terms: rebuild the document so
	// the rewrite keeps the record findable by its text. It carries its
	// audit entry, so the change and its entry are written together.
	nd := newDocument(d.record(), s.opt.analyze)
	nd.LastAudit = &entry
	body, err := jsonBody(nd)
	if err != nil {
		return netra.Record{}, err
	}
	path := fmt.Sprintf("/%s/_doc/%s?if_seq_no=%d&if_primary_term=%d&refresh=wait_for",
		c.index, url.PathEscape(id), c.seqNo, c.term)
	_, err = s.do(ctx, http.MethodPut, path, body, nil)
	var ee *esError
	if errors.As(err, &ee) && ee.Status == http.StatusConflict {
		now, gerr := s.get(ctx, id)
		if gerr != nil {
			return netra.Record{}, gerr
		}
		return netra.Record{}, &netra.ConflictError{ID: id, Based: u.BaseVersion, Current: now.doc.Version}
	}
	if err != nil {
		return netra.Record{}, fmt.Errorf("review %s: %w", id, err)
	}
	if err := s.writeAudit(ctx, &entry, true); err != nil {
		// The change is stored with its entry; Audit and the next
		// Review write the entry to the trail.
		return netra.Record{}, fmt.Errorf("review %s: stored, but the audit trail is behind until the next read (%w)", id, err)
	}
	return d.record(), nil
}

// writeAudit writes one audit entry (nil: nothing to do). Its ID is item
// and version, so writing it again (a retry, a repair) cannot add the same
// change twice. refresh makes it searchable before returning, for a
// reviewer reading the trail of their own change.
func (s *Store) writeAudit(ctx context.Context, e *netra.AuditEntry, refresh bool) error {
	if e == nil {
		return nil
	}
	body, err := jsonBody(e)
	if err != nil {
		return err
	}
	path := "/" + s.auditAlias + "/_doc/" + url.PathEscape(fmt.Sprintf("%s@%d", e.ItemID, e.Version))
	if refresh {
		path += "?refresh=wait_for"
	}
	if _, err := s.do(ctx, http.MethodPut, path, body, nil); err != nil {
		return fmt.Errorf("write audit entry %s@%d: %w", e.ItemID, e.Version, err)
	}
	return nil
}

// maxAudit caps the audit entries returned for one item.
const maxAudit = 10000

// Audit returns the audit trail of one item, oldest first.
func (s *Store) Audit(ctx context.Context, id string) ([]netra.AuditEntry, error) {
	q := map[string]any{
		"size":  maxAudit,
		"query": map[string]any{"term": map[string]any{"item_id": id}},
		"sort":  []any{map[string]any{"version": "asc"}, map[string]any{"when": "asc"}},
	}
	body, err := jsonBody(q)
	if err != nil {
		return nil, err
	}
	var res hitsOf[netra.AuditEntry]
	if _, err := s.do(ctx, http.MethodPost, "/"+s.auditAlias+"/_search", body, &res); err != nil {
		return nil, fmt.Errorf("audit %s: %w", id, err)
	}
	out := make([]netra.AuditEntry, 0, len(res.Hits.Hits))
	for _, h := range res.Hits.Hits {
		out = append(out, h.Source)
	}
	c, err := s.get(ctx, id)
	if err != nil {
		return nil, err
	}
	// The latest change's entry travels with the record: if writing it to
	// the trail was lost, write it now and show it.
	if last := c.doc.LastAudit; last != nil && (len(out) == 0 || out[len(out)-1].Version < last.Version) {
		// Best effort: a reader may not write, and the entry is shown
		// either way; the next Review writes it too.
		_ = s.writeAudit(ctx, last, false)
		out = append(out, *last)
	}
	return out, nil
}

// Stats counts records, flagged records and records per review status.
func (s *Store) Stats(ctx context.Context) (index.Stats, error) {
	if s.down.Load() && !s.reachable(ctx) {
		// Health checks ask this; answer at once during an outage.
		return index.Stats{}, fmt.Errorf("stats: elasticsearch at %s is unreachable", s.url)
	}
	q := `{"size":0,"track_total_hits":true,
		"aggs":{"flagged":{"filter":{"term":{"verdict.flagged":true}}},
		        "status":{"terms":{"field":"review.status","size":20}}}}`
	var res struct {
		Hits struct {
			Total struct {
				Value int `json:"value"`
			} `json:"total"`
		} `json:"hits"`
		Aggregations struct {
			Flagged struct {
				DocCount int `json:"doc_count"`
			} `json:"flagged"`
			Status struct {
				Buckets []struct {
					Key      string `json:"key"`
					DocCount int    `json:"doc_count"`
				} `json:"buckets"`
			} `json:"status"`
		} `json:"aggregations"`
	}
	if _, err := s.do(ctx, http.MethodPost, "/"+s.readAlias+"/_search", strings.NewReader(q), &res); err != nil {
		return index.Stats{}, fmt.Errorf("stats: %w", err)
	}
	st := index.Stats{
		Records:  res.Hits.Total.Value,
		Flagged:  res.Aggregations.Flagged.DocCount,
		ByStatus: map[netra.Status]int{},
		Backend:  Backend,
		Extra:    map[string]string{"url": s.url, "version": s.version, "alias": s.itemsAlias, "read_alias": s.readAlias},
	}
	for _, b := range res.Aggregations.Status.Buckets {
		st.ByStatus[netra.Status(b.Key)] = b.DocCount
	}
	if idx, err := s.aliasIndex(ctx, s.itemsAlias); err == nil {
		st.Extra["index"] = idx
		if v, err := s.mappingVersionOf(ctx, idx); err == nil {
			st.Extra["mapping_version"] = fmt.Sprint(v)
		}
	}
	if n, err := s.Spooled(); err == nil && s.cfg.SpoolDir != "" {
		st.Extra["spooled"] = fmt.Sprint(n)
	}
	return st, nil
}

// aliasIndex returns the index an alias points to (its write index).
func (s *Store) aliasIndex(ctx context.Context, alias string) (string, error) {
	var res map[string]struct {
		Aliases map[string]struct {
			IsWriteIndex *bool `json:"is_write_index"`
		} `json:"aliases"`
	}
	if _, err := s.do(ctx, http.MethodGet, "/_alias/"+alias, nil, &res); err != nil {
		return "", fmt.Errorf("alias %s: %w", alias, err)
	}
	var any string
	for name, a := range res {
		if w := a.Aliases[alias].IsWriteIndex; w != nil && *w {
			return name, nil
		}
		any = name
	}
	if any == "" {
		return "", fmt.Errorf("alias %s points to no index", alias)
	}
	return any, nil
}

// IndexMappingVersion is the mapping version of the index the items alias
// points to; when it is below MappingVersion, `netra index migrate` moves
// the records to the current mapping.
func (s *Store) IndexMappingVersion(ctx context.Context) (int, error) {
	idx, err := s.aliasIndex(ctx, s.itemsAlias)
	if err != nil {
		return 0, err
	}
	return s.mappingVersionOf(ctx, idx)
}

// mappingVersionOf is the mapping version of the index idx.
func (s *Store) mappingVersionOf(ctx context.Context, idx string) (int, error) {
	var res map[string]struct {
		Mappings struct {
			Meta struct {
				Version int `json:"netra_mapping_version"`
			} `json:"_meta"`
		} `json:"mappings"`
	}
	if _, err := s.do(ctx, http.MethodGet, "/"+idx+"/_mapping", nil, &res); err != nil {
		return 0, fmt.Errorf("mapping of %s: %w", idx, err)
	}
	return res[idx].Mappings.Meta.Version, nil
}
