package elastic

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"github.com/netra-id/netra"
)

// KV keeps small JSON values by key in indices of the cluster, one per
// collection: PREFIX-searches for saved searches, PREFIX-alerts-NAME for
// the rest of the alert state. Several processes sharing the cluster
// share it, and PutNew (op_type create) lets exactly one of them claim a
// key. Writes refresh at once, so scans (the review UI's lists) see them;
// collections only ever read by key skip that, since a get by ID is
// real-time anyway.
type KV struct {
	s        *Store
	mu       sync.Mutex
	created  map[string]bool
	keysOnly map[string]bool
}

// KV returns the store's key-value collections; keysOnly names the
// collections that are never scanned (written without a refresh).
func (s *Store) KV(keysOnly ...string) *KV {
	k := &KV{s: s, created: map[string]bool{}, keysOnly: map[string]bool{}}
	for _, c := range keysOnly {
		k.keysOnly[c] = true
	}
	return k
}

// kvMapping keeps the value out of the index: only the key is searched
// (for prefix scans).
const kvMapping = `{"settings":{"number_of_shards":1,"auto_expand_replicas":"0-1"},
 "mappings":{"dynamic":false,"properties":{"k":{"type":"keyword"},"v":{"type":"object","enabled":false}}}}`

// IndexName is the index of a collection.
func (k *KV) IndexName(coll string) string {
	if coll == "searches" {
		return k.s.cfg.IndexPrefix + "-searches"
	}
	return k.s.cfg.IndexPrefix + "-alerts-" + coll
}

// ensure creates the collection's index once.
func (k *KV) ensure(ctx context.Context, coll string) (string, error) {
	name := k.IndexName(coll)
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.created[coll] {
		return name, nil
	}
	if err := k.s.connect(ctx); err != nil {
		return "", err
	}
	_, err := k.s.do(ctx, http.MethodPut, "/"+name, strings.NewReader(kvMapping), nil)
	var ee *esError
	if err != nil && !(errors.As(err, &ee) && ee.Type == "resource_already_exists_exception") {
		return "", fmt.Errorf("elasticsearch at %s: create index %s: %w", k.s.url, name, err)
	}
	k.created[coll] = true
	return name, nil
}

type kvDoc struct {
	K string          `json:"k"`
	V json.RawMessage `json:"v"`
}

func (k *KV) write(ctx context.Context, coll, key string, val []byte, create bool) (bool, error) {
	name, err := k.ensure(ctx, coll)
	if err != nil {
		return false, err
	}
	if !json.Valid(val) || len(val) == 0 || val[0] != '{' {
		// "enabled": false still wants an object.
		w, _ := json.Marshal(map[string]json.RawMessage{"raw": kvJSON(val)})
		val = w
	}
	body, err := jsonBody(kvDoc{K: key, V: val})
	if err != nil {
		return false, err
	}
	path := "/" + name + "/_doc/" + url.PathEscape(key) + "?refresh=" + strconv.FormatBool(!k.keysOnly[coll])
	if create {
		path += "&op_type=create"
	}
	_, err = k.s.do(ctx, http.MethodPut, path, body, nil)
	var ee *esError
	if create && errors.As(err, &ee) && ee.Status == http.StatusConflict {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("%s %s: %w", name, key, err)
	}
	return true, nil
}

// kvJSON wraps a non-object value (or non-JSON bytes) as a JSON value.
func kvJSON(val []byte) json.RawMessage {
	if json.Valid(val) && len(val) > 0 {
		return val
	}
	b, _ := json.Marshal(string(val))
	return b
}

// unwrap undoes write's wrapping of non-object values.
func unwrap(v json.RawMessage) []byte {
	var w map[string]json.RawMessage
	if json.Unmarshal(v, &w) == nil && len(w) == 1 {
		if raw, ok := w["raw"]; ok {
			return raw
		}
	}
	return v
}

// Put stores val under key.
func (k *KV) Put(ctx context.Context, coll, key string, val []byte) error {
	_, err := k.write(ctx, coll, key, val, false)
	return err
}

// PutNew stores val under key only when key is absent and reports whether
// it did.
func (k *KV) PutNew(ctx context.Context, coll, key string, val []byte) (bool, error) {
	return k.write(ctx, coll, key, val, true)
}

// Get returns the value under key, or an error matching netra.ErrNotFound.
func (k *KV) Get(ctx context.Context, coll, key string) ([]byte, error) {
	name, err := k.ensure(ctx, coll)
	if err != nil {
		return nil, err
	}
	var res struct {
		Source kvDoc `json:"_source"`
	}
	_, err = k.s.do(ctx, http.MethodGet, "/"+name+"/_doc/"+url.PathEscape(key), nil, &res)
	var ee *esError
	if errors.As(err, &ee) && ee.Status == http.StatusNotFound {
		return nil, fmt.Errorf("%s %q: %w", coll, key, netra.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", name, key, err)
	}
	return unwrap(res.Source.V), nil
}

// Delete removes key; a missing key is not an error.
func (k *KV) Delete(ctx context.Context, coll, key string) error {
	name, err := k.ensure(ctx, coll)
	if err != nil {
		return err
	}
	_, err = k.s.do(ctx, http.MethodDelete, "/"+name+"/_doc/"+url.PathEscape(key)+"?refresh=true", nil, nil)
	var ee *esError
	if errors.As(err, &ee) && ee.Status == http.StatusNotFound {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s %s: %w", name, key, err)
	}
	return nil
}

// kvPage is how many keys one scan request reads.
const kvPage = 1000

// Scan calls fn for every key starting with prefix, in key order.
func (k *KV) Scan(ctx context.Context, coll, prefix string, fn func(key string, val []byte) error) error {
	name, err := k.ensure(ctx, coll)
	if err != nil {
		return err
	}
	var after []any
	for {
		q := map[string]any{"match_all": map[string]any{}}
		if prefix != "" {
			q = map[string]any{"prefix": map[string]any{"k": map[string]any{"value": prefix}}}
		}
		req := map[string]any{"query": q, "size": kvPage, "sort": []any{map[string]any{"k": "asc"}}}
		if after != nil {
			req["search_after"] = after
		}
		body, err := jsonBody(req)
		if err != nil {
			return err
		}
		var res hitsOf[kvDoc]
		if _, err := k.s.do(ctx, http.MethodPost, "/"+name+"/_search", body, &res); err != nil {
			return fmt.Errorf("scan %s: %w", name, err)
		}
		for _, h := range res.Hits.Hits {
			if err := fn(h.Source.K, unwrap(h.Source.V)); err != nil {
				return err
			}
		}
		if len(res.Hits.Hits) < kvPage {
			return nil
		}
		after = res.Hits.Hits[len(res.Hits.Hits)-1].Sort
	}
}
