package elastic

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"
)

// An index that lives for years is a chain of generations
// (PREFIX-items-000001, -000002, …). The write alias PREFIX-items points to
// all of them with is_write_index on the newest, where new records go; the
// rollover API starts a new generation when the newest is old or big
// enough. The read alias PREFIX-records points to every generation too
// (rollover adds it to each new one) and is what searches, statistics and a
// Kibana data view use: each record lives in exactly one generation, so it
// is counted once. Retention deletes whole old generations.

// layout is the generations of the items alias.
type layout struct {
	write string   // the write index
	old   []string // the others, oldest first
}

// layout returns the generations of the write alias.
func (s *Store) layout(ctx context.Context) (layout, error) {
	// Read every time, not cached: another process may have rolled
	// over, migrated or pruned a moment ago, and a review written to a
	// generation that left the alias would be lost. It is one small
	// cluster-state read.
	var res map[string]struct {
		Aliases map[string]struct {
			IsWriteIndex *bool `json:"is_write_index"`
		} `json:"aliases"`
	}
	if _, err := s.do(ctx, http.MethodGet, "/_alias/"+s.itemsAlias, nil, &res); err != nil {
		return layout{}, fmt.Errorf("alias %s: %w", s.itemsAlias, err)
	}
	l := layout{}
	for name, a := range res {
		if w := a.Aliases[s.itemsAlias].IsWriteIndex; w != nil && *w {
			l.write = name
			continue
		}
		l.old = append(l.old, name)
	}
	sort.Strings(l.old)
	if l.write == "" && len(l.old) == 1 {
		// An alias on one index without the flag writes to it.
		l.write, l.old = l.old[0], nil
	}
	if l.write == "" {
		return layout{}, fmt.Errorf("alias %s has no write index (it points to %s)", s.itemsAlias, strings.Join(l.old, ", "))
	}
	return l, nil
}

// locate returns the concrete index of each id: the old generation that
// holds it, else the write index (where a new record goes). Old
// generations take no new records, and Rollover refreshes the generation
// it retires, so a search finds what they hold; the write index is read in
// real time by the caller.
func (s *Store) locate(ctx context.Context, ids []string) (map[string]string, error) {
	l, err := s.layout(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(ids))
	for _, id := range ids {
		out[id] = l.write
	}
	if len(l.old) == 0 {
		return out, nil
	}
	body, err := jsonBody(map[string]any{
		"size": len(ids), "_source": false,
		"query": map[string]any{"ids": map[string]any{"values": ids}},
	})
	if err != nil {
		return nil, err
	}
	var res hitsOf[struct{}]
	path := "/" + strings.Join(l.old, ",") + "/_search?ignore_unavailable=true"
	if _, err := s.do(ctx, http.MethodPost, path, body, &res); err != nil {
		return nil, fmt.Errorf("locate %d records in %s: %w", len(ids), strings.Join(l.old, ","), err)
	}
	for _, h := range res.Hits.Hits {
		out[h.ID] = h.Index
	}
	return out, nil
}

// ReadAlias is the alias over every generation that searches and a Kibana
// data view use.
func (s *Store) ReadAlias() string { return s.readAlias }

// ensureReadAlias puts the read alias on every generation of the write
// alias when it is missing (a store made before generations existed). A
// user who may not manage aliases reads through the write alias instead,
// which spans the generations too.
func (s *Store) ensureReadAlias(ctx context.Context) error {
	ok, err := s.aliasExists(ctx, s.readAlias)
	if err != nil || ok {
		return err
	}
	actions := fmt.Sprintf(`{"actions":[{"add":{"index":%q,"alias":%q}}]}`, s.itemsAlias+"-*", s.readAlias)
	_, err = s.do(ctx, http.MethodPost, "/_aliases", strings.NewReader(actions), nil)
	var ee *esError
	if errors.As(err, &ee) && ee.Status == http.StatusForbidden {
		s.readAlias = s.itemsAlias
		return nil
	}
	if err != nil {
		return fmt.Errorf("elasticsearch at %s: add read alias %s: %w", s.url, s.readAlias, err)
	}
	return nil
}

// RolloverConditions say when the write index is retired; a zero field is
// no condition. With none, Rollover starts a new generation at once.
type RolloverConditions struct {
	MaxAge  time.Duration // since the write index was created
	MaxDocs int64
}

// RolloverResult says what Rollover did.
type RolloverResult struct {
	OldIndex, NewIndex string
	RolledOver         bool
	// Conditions maps each condition (as Elasticsearch names it) to
	// whether it was met.
	Conditions map[string]bool
}

// Rollover asks the core rollover API to start a new generation when a
// condition holds. The new generation gets the current template (shards,
// replicas, mapping) and joins the read alias. The retired one is refreshed so its
// records are found by locate at once.
func (s *Store) Rollover(ctx context.Context, c RolloverConditions) (RolloverResult, error) {
	if err := s.connect(ctx); err != nil {
		return RolloverResult{}, err
	}
	conds := map[string]any{}
	if c.MaxAge > 0 {
		conds["max_age"] = fmt.Sprintf("%ds", int64(c.MaxAge/time.Second))
	}
	if c.MaxDocs > 0 {
		conds["max_docs"] = c.MaxDocs
	}
	body := map[string]any{}
	if len(conds) > 0 {
		body["conditions"] = conds
	}
	if s.readAlias != s.itemsAlias {
		// The new generation joins the read alias as it is made.
		body["aliases"] = map[string]any{s.readAlias: map[string]any{}}
	}
	b, err := jsonBody(body)
	if err != nil {
		return RolloverResult{}, err
	}
	// max_docs counts what a refresh made visible.
	if err := s.Refresh(ctx); err != nil {
		return RolloverResult{}, err
	}
	var res struct {
		OldIndex   string          `json:"old_index"`
		NewIndex   string          `json:"new_index"`
		RolledOver bool            `json:"rolled_over"`
		Conditions map[string]bool `json:"conditions"`
	}
	if _, err := s.do(ctx, http.MethodPost, "/"+s.itemsAlias+"/_rollover", b, &res); err != nil {
		return RolloverResult{}, fmt.Errorf("rollover %s: %w", s.itemsAlias, err)
	}
	out := RolloverResult{OldIndex: res.OldIndex, NewIndex: res.NewIndex, RolledOver: res.RolledOver, Conditions: res.Conditions}
	if res.RolledOver {
		// Writes that were under way when the alias moved are in the old
		// generation: make them searchable so locate finds them.
		if _, err := s.do(ctx, http.MethodPost, "/"+url.PathEscape(res.OldIndex)+"/_refresh", nil, nil); err != nil {
			return out, fmt.Errorf("rollover: refresh %s: %w", res.OldIndex, err)
		}
	}
	return out, nil
}

// Generation is one index of the items alias.
type Generation struct {
	Index   string    `json:"index"`
	Created time.Time `json:"created"`
	// Retired is when the next generation was created, i.e. when this one
	// stopped taking new records; zero for the write index.
	Retired time.Time `json:"retired,omitempty"`
	Records int       `json:"records"`
	Write   bool      `json:"write"`
}

// Generations lists the generations, oldest first.
func (s *Store) Generations(ctx context.Context) ([]Generation, error) {
	l, err := s.layout(ctx)
	if err != nil {
		return nil, err
	}
	names := append(append([]string{}, l.old...), l.write)
	var settings map[string]struct {
		Settings struct {
			Index struct {
				CreationDate string `json:"creation_date"`
			} `json:"index"`
		} `json:"settings"`
	}
	path := "/" + strings.Join(names, ",") + "/_settings/index.creation_date"
	if _, err := s.do(ctx, http.MethodGet, path, nil, &settings); err != nil {
		return nil, fmt.Errorf("generations: %w", err)
	}
	var counts []struct {
		Index string `json:"index"`
		Count string `json:"docs.count"`
	}
	if _, err := s.do(ctx, http.MethodGet, "/_cat/indices/"+strings.Join(names, ",")+"?format=json&h=index,docs.count", nil, &counts); err != nil {
		return nil, fmt.Errorf("generations: %w", err)
	}
	count := map[string]int{}
	for _, c := range counts {
		var n int
		fmt.Sscan(c.Count, &n)
		count[c.Index] = n
	}
	out := make([]Generation, 0, len(names))
	for _, n := range names {
		var ms int64
		fmt.Sscan(settings[n].Settings.Index.CreationDate, &ms)
		out = append(out, Generation{Index: n, Created: time.UnixMilli(ms).UTC(), Records: count[n], Write: n == l.write})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Write != out[j].Write {
			return !out[i].Write
		}
		return out[i].Created.Before(out[j].Created) || out[i].Created.Equal(out[j].Created) && out[i].Index < out[j].Index
	})
	for i := 0; i+1 < len(out); i++ {
		out[i].Retired = out[i+1].Created
	}
	return out, nil
}

// PruneCandidates are the generations retired before cutoff: every record
// in them was first stored before then. The write index never is one.
func PruneCandidates(gens []Generation, cutoff time.Time) []Generation {
	var out []Generation
	for _, g := range gens {
		if !g.Write && !g.Retired.IsZero() && g.Retired.Before(cutoff) {
			out = append(out, g)
		}
	}
	return out
}

// DeleteGenerations deletes the given old generations (never the write
// index) with their records. Their audit entries stay in the audit index.
func (s *Store) DeleteGenerations(ctx context.Context, gens []Generation) error {
	l, err := s.layout(ctx)
	if err != nil {
		return err
	}
	for _, g := range gens {
		if g.Index == l.write || g.Write {
			return fmt.Errorf("prune: %s is the write index and cannot be deleted", g.Index)
		}
		if !strings.HasPrefix(g.Index, s.itemsAlias+"-") {
			return fmt.Errorf("prune: %s is not a generation of %s", g.Index, s.itemsAlias)
		}
	}
	for _, g := range gens {
		if _, err := s.do(ctx, http.MethodDelete, "/"+url.PathEscape(g.Index), nil, nil); err != nil {
			return fmt.Errorf("prune: delete %s: %w", g.Index, err)
		}
	}
	return nil
}

// templateBody is the index template of alias.
func (s *Store) templateBody(alias, mapping string) string {
	settings := `{"number_of_shards":1,"auto_expand_replicas":"0-1"}`
	if s.opt.shards > 0 || s.opt.replicas >= 0 {
		shards := max(s.opt.shards, 1)
		if s.opt.replicas >= 0 {
			settings = fmt.Sprintf(`{"number_of_shards":%d,"number_of_replicas":%d}`, shards, s.opt.replicas)
		} else {
			settings = fmt.Sprintf(`{"number_of_shards":%d,"auto_expand_replicas":"0-1"}`, shards)
		}
	}
	// The read alias is not in the template: an index made by migrate
	// must join it only when the alias moves, or searches would count
	// its records twice while it fills. Rollover adds it explicitly.
	return fmt.Sprintf(`{"index_patterns":[%q],"priority":200,"_meta":{"netra_mapping_version":%d},
		"template":{"settings":%s,"mappings":%s}}`,
		alias+"-*", MappingVersion, settings, mapping)
}

// installTemplate writes Netra's template for alias unless an operator's
// template is there. A template of the same mapping version is left as it
// is (an operator may have tuned it) and what differs from Netra's is
// noted; explicit shards or replicas (index init --shards/--replicas), or
// an older mapping version, replace it, noting what is replaced. A newer
// mapping version (written by a newer Netra) is never touched.
func (s *Store) installTemplate(ctx context.Context, alias, mapping string) error {
	ours := s.templateBody(alias, mapping)
	var cur struct {
		IndexTemplates []struct {
			IndexTemplate struct {
				Meta struct {
					Version int `json:"netra_mapping_version"`
				} `json:"_meta"`
			} `json:"index_template"`
		} `json:"index_templates"`
	}
	_, err := s.do(ctx, http.MethodGet, "/_index_template/"+alias, nil, &cur)
	var ee *esError
	missing := errors.As(err, &ee) && ee.Status == http.StatusNotFound
	if err != nil && !missing {
		return fmt.Errorf("elasticsearch at %s: read index template %s: %w", s.url, alias, err)
	}
	if !missing && len(cur.IndexTemplates) == 1 {
		v := cur.IndexTemplates[0].IndexTemplate.Meta.Version
		diff, derr := s.templateDiff(ctx, alias, ours)
		if derr != nil {
			return derr
		}
		explicit := s.opt.shards > 0 || s.opt.replicas >= 0
		switch {
		case v > MappingVersion:
			s.note(fmt.Sprintf("index template %s has mapping version %d, newer than this netra's %d: left alone", alias, v, MappingVersion))
			return nil
		case v == MappingVersion && !explicit:
			if len(diff) > 0 {
				s.note(fmt.Sprintf("index template %s (mapping version %d) differs from Netra's and is kept as it is: %s",
					alias, v, strings.Join(diff, "; ")))
			}
			return nil
		case len(diff) == 0:
			return nil
		default:
			s.note(fmt.Sprintf("index template %s: replaced (mapping version %d → %d): %s", alias, v, MappingVersion, strings.Join(diff, "; ")))
		}
	}
	if _, err := s.do(ctx, http.MethodPut, "/_index_template/"+alias, strings.NewReader(ours), nil); err != nil {
		return fmt.Errorf("elasticsearch at %s: create index template %s: %w", s.url, alias, err)
	}
	return nil
}

// note keeps a message for TemplateNotes.
func (s *Store) note(msg string) {
	s.notesMu.Lock()
	defer s.notesMu.Unlock()
	s.notes = append(s.notes, msg)
}

// TemplateNotes are what Open found in the templates: an operator's change
// kept, a template replaced. `netra index init` prints them.
func (s *Store) TemplateNotes() []string {
	s.notesMu.Lock()
	defer s.notesMu.Unlock()
	return append([]string(nil), s.notes...)
}

// templateDiff compares the stored template of name with body, both
// resolved by the simulate API so they are in the same normal form, and
// lists the differing settings, mappings and aliases as "path: stored
// (Netra: ours)".
func (s *Store) templateDiff(ctx context.Context, name, body string) ([]string, error) {
	var stored, ours struct {
		Template map[string]any `json:"template"`
	}
	if _, err := s.do(ctx, http.MethodPost, "/_index_template/_simulate/"+name, nil, &stored); err != nil {
		return nil, fmt.Errorf("elasticsearch at %s: simulate index template %s: %w", s.url, name, err)
	}
	// Simulating our body under another name would overlap the stored
	// template with the same pattern and priority; give it a pattern of
	// its own.
	var tb map[string]any
	if err := json.Unmarshal([]byte(body), &tb); err != nil {
		return nil, err
	}
	tb["index_patterns"] = []string{"netra-simulate-" + name + "-*"}
	b, err := jsonBody(tb)
	if err != nil {
		return nil, err
	}
	if _, err := s.do(ctx, http.MethodPost, "/_index_template/_simulate", b, &ours); err != nil {
		return nil, fmt.Errorf("elasticsearch at %s: simulate Netra's index template: %w", s.url, err)
	}
	a, o := map[string]string{}, map[string]string{}
	flatten("", stored.Template, a)
	flatten("", ours.Template, o)
	var out []string
	for k, v := range a {
		if ov, ok := o[k]; !ok {
			out = append(out, fmt.Sprintf("%s: %s (Netra: absent)", k, v))
		} else if ov != v {
			out = append(out, fmt.Sprintf("%s: %s (Netra: %s)", k, v, ov))
		}
	}
	for k, v := range o {
		if _, ok := a[k]; !ok {
			out = append(out, fmt.Sprintf("%s: absent (Netra: %s)", k, v))
		}
	}
	sort.Strings(out)
	return out, nil
}

// flatten turns nested JSON objects into dotted paths and JSON values.
func flatten(prefix string, v any, out map[string]string) {
	if m, ok := v.(map[string]any); ok && len(m) > 0 {
		for k, x := range m {
			p := k
			if prefix != "" {
				p = prefix + "." + k
			}
			flatten(p, x, out)
		}
		return
	}
	b, _ := json.Marshal(v)
	out[prefix] = string(b)
}
