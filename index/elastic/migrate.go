package elastic

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// MigrateResult says what Migrate did.
type MigrateResult struct {
	From, To string // index names (From: the generations, comma-separated)
	Copied   int    // records written into To
}

// Migrate copies every record into a new index created from the current
// mapping (PREFIX-items-00000N+1) and moves the alias to it in one atomic
// step, so searches and writes never stop. Records changed in the old index
// while copying are copied again after the switch; each copy carries the
// record version as an external version, so an older copy never overwrites
// a newer one. The old index is kept (delete it when satisfied). The
// integ-test distribution has no _reindex API, so the copy runs here, page
// by page, which also works on full clusters.
func (s *Store) Migrate(ctx context.Context) (MigrateResult, error) {
	l, err := s.layout(ctx)
	if err != nil {
		return MigrateResult{}, err
	}
	gens := append(append([]string{}, l.old...), l.write)
	from := strings.Join(gens, ",")
	to, err := nextIndexName(l.write, s.itemsAlias)
	if err != nil {
		return MigrateResult{}, err
	}
	// setup wrote the current template at Open (callers open with
	// WithTemplates), so the new index gets the current mapping.
	if _, err := s.do(ctx, http.MethodPut, "/"+to, strings.NewReader(`{}`), nil); err != nil {
		return MigrateResult{}, fmt.Errorf("migrate: create %s: %w", to, err)
	}
	res := MigrateResult{From: from, To: to}
	n, err := s.copyIndex(ctx, from, to)
	if err != nil {
		return res, err
	}
	res.Copied = n
	// Every generation leaves both aliases and the new index joins them
	// in one step, so each record is counted once throughout.
	var acts []any
	for _, g := range gens {
		acts = append(acts, map[string]any{"remove": map[string]any{"index": g, "alias": s.itemsAlias}})
		if s.readAlias != s.itemsAlias {
			acts = append(acts, map[string]any{"remove": map[string]any{"index": g, "alias": s.readAlias, "must_exist": false}})
		}
	}
	acts = append(acts, map[string]any{"add": map[string]any{"index": to, "alias": s.itemsAlias, "is_write_index": true}})
	if s.readAlias != s.itemsAlias {
		acts = append(acts, map[string]any{"add": map[string]any{"index": to, "alias": s.readAlias}})
	}
	actions, err := jsonBody(map[string]any{"actions": acts})
	if err != nil {
		return res, err
	}
	if _, err := s.do(ctx, http.MethodPost, "/_aliases", actions, nil); err != nil {
		return res, fmt.Errorf("migrate: move alias %s to %s: %w", s.itemsAlias, to, err)
	}
	n, err = s.copyIndex(ctx, from, to)
	if err != nil {
		return res, fmt.Errorf("migrate: catch-up copy after the switch: %w", err)
	}
	res.Copied += n
	_, err = s.do(ctx, http.MethodPost, "/"+to+"/_refresh", nil, nil)
	return res, err
}

func nextIndexName(cur, alias string) (string, error) {
	suffix, ok := strings.CutPrefix(cur, alias+"-")
	n, err := strconv.Atoi(suffix)
	if !ok || err != nil {
		return "", fmt.Errorf("migrate: alias %s points to %s, not %s-NNNNNN", alias, cur, alias)
	}
	return fmt.Sprintf("%s-%06d", alias, n+1), nil
}

// copyIndex copies every document of from into to with external versions
// and returns how many were written (older or equal copies are skipped).
func (s *Store) copyIndex(ctx context.Context, from, to string) (int, error) {
	if _, err := s.do(ctx, http.MethodPost, "/"+from+"/_refresh", nil, nil); err != nil {
		return 0, fmt.Errorf("migrate: refresh %s: %w", from, err)
	}
	copied := 0
	var after []json.RawMessage
	for {
		req := map[string]any{"size": 1000, "sort": []any{map[string]any{"id": "asc"}}, "query": map[string]any{"match_all": map[string]any{}}}
		if after != nil {
			req["search_after"] = after
		}
		b, err := jsonBody(req)
		if err != nil {
			return copied, err
		}
		var res searchResponse
		if _, err := s.do(ctx, http.MethodPost, "/"+from+"/_search", b, &res); err != nil {
			return copied, fmt.Errorf("migrate: read %s: %w", from, err)
		}
		if len(res.Hits.Hits) == 0 {
			return copied, nil
		}
		var body []byte
		for _, h := range res.Hits.Hits {
			var d document
			if err := json.Unmarshal(h.Source, &d); err != nil {
				return copied, fmt.Errorf("migrate: record %s: %w", h.ID, err)
			}
			// _source lacks the derived fields' latest form (terms is
			// not kept in it): rebuild the document from the record.
			nd := newDocument(d.record(), s.opt.analyze)
			nd.LastAudit = d.LastAudit
			src, err := json.Marshal(nd)
			if err != nil {
				return copied, fmt.Errorf("migrate: record %s: %w", h.ID, err)
			}
			meta, _ := json.Marshal(map[string]any{"index": map[string]any{
				"_index": to, "_id": h.ID, "version": max(d.Version, 1), "version_type": "external",
			}})
			body = append(append(append(append(body, meta...), '\n'), src...), '\n')
		}
		var br bulkResponse
		if _, err := s.do(ctx, http.MethodPost, "/_bulk", bytes.NewReader(body), &br); err != nil {
			return copied, fmt.Errorf("migrate: write %s: %w", to, err)
		}
		for _, it := range br.Items {
			for _, r := range it {
				switch {
				case r.Status == http.StatusConflict:
				case r.Error != nil:
					return copied, fmt.Errorf("migrate: write %s: %s: %s", to, r.Error.Type, r.Error.Reason)
				case r.Result == "created" || r.Result == "updated":
					copied++
				}
			}
		}
		after = res.Hits.Hits[len(res.Hits.Hits)-1].Sort
	}
}
