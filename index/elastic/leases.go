package elastic

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/netra-id/netra/lease"
)

// Leases keeps crawl leases in PREFIX-leases, one document per source:
// created with op_type=create, replaced and deleted conditionally on
// if_seq_no/if_primary_term, so of two workers one wins. It implements
// lease.Store.
type Leases struct {
	s     *Store
	index string

	mu    sync.Mutex
	ready bool
}

var _ lease.Store = (*Leases)(nil)

// Leases returns the lease store of this cluster; the index is created on
// first use.
func (s *Store) Leases() *Leases {
	return &Leases{s: s, index: s.cfg.IndexPrefix + "-leases"}
}

const leasesMapping = `{"settings":{"number_of_shards":1,"auto_expand_replicas":"0-1"},
 "mappings":{"dynamic":false,"properties":{"holder":{"type":"keyword"},"expires":{"type":"date"},"taken":{"type":"date"}}}}`

func (l *Leases) ensure(ctx context.Context) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.ready {
		return nil
	}
	if ok, err := l.s.aliasOrIndexExists(ctx, l.index); err != nil {
		return err
	} else if !ok {
		_, err := l.s.do(ctx, http.MethodPut, "/"+l.index, strings.NewReader(leasesMapping), nil)
		var ee *esError
		if err != nil && !(errors.As(err, &ee) && ee.Type == "resource_already_exists_exception") {
			return fmt.Errorf("elasticsearch at %s: create index %s: %w", l.s.url, l.index, err)
		}
	}
	l.ready = true
	return nil
}

type writeAnswer struct {
	SeqNo int64 `json:"_seq_no"`
	Term  int64 `json:"_primary_term"`
}

func (l *Leases) path(key string) string { return "/" + l.index + "/_doc/" + url.PathEscape(key) }

// leaseErr maps a conflict and a missing document to the lease errors.
func leaseErr(err error) error {
	var ee *esError
	switch {
	case errors.As(err, &ee) && ee.Status == http.StatusConflict:
		return fmt.Errorf("%w (%v)", lease.ErrConflict, err)
	case errors.As(err, &ee) && ee.Status == http.StatusNotFound:
		return lease.ErrNotFound
	}
	return err
}

// Create writes the lease document of key unless there is one.
func (l *Leases) Create(ctx context.Context, key string, d lease.Doc) (lease.Token, error) {
	if err := l.ensure(ctx); err != nil {
		return lease.Token{}, err
	}
	body, err := jsonBody(d)
	if err != nil {
		return lease.Token{}, err
	}
	var res writeAnswer
	_, err = l.s.do(ctx, http.MethodPut, l.path(key)+"?op_type=create&refresh=false", body, &res)
	if err := leaseErr(err); errors.Is(err, lease.ErrConflict) {
		return lease.Token{}, lease.ErrExists
	} else if err != nil {
		return lease.Token{}, err
	}
	return lease.Token{SeqNo: res.SeqNo, Term: res.Term}, nil
}

// Get reads the lease document of key (in real time) with its token.
func (l *Leases) Get(ctx context.Context, key string) (lease.Doc, lease.Token, error) {
	if err := l.ensure(ctx); err != nil {
		return lease.Doc{}, lease.Token{}, err
	}
	var res struct {
		Found  bool      `json:"found"`
		SeqNo  int64     `json:"_seq_no"`
		Term   int64     `json:"_primary_term"`
		Source lease.Doc `json:"_source"`
	}
	_, err := l.s.do(ctx, http.MethodGet, l.path(key), nil, &res)
	if err := leaseErr(err); err != nil {
		return lease.Doc{}, lease.Token{}, err
	}
	if !res.Found {
		return lease.Doc{}, lease.Token{}, lease.ErrNotFound
	}
	return res.Source, lease.Token{SeqNo: res.SeqNo, Term: res.Term}, nil
}

// Replace overwrites the lease document of key if it is still at old.
func (l *Leases) Replace(ctx context.Context, key string, old lease.Token, d lease.Doc) (lease.Token, error) {
	body, err := jsonBody(d)
	if err != nil {
		return lease.Token{}, err
	}
	var res writeAnswer
	_, err = l.s.do(ctx, http.MethodPut, fmt.Sprintf("%s?if_seq_no=%d&if_primary_term=%d", l.path(key), old.SeqNo, old.Term), body, &res)
	if err := leaseErr(err); err != nil {
		return lease.Token{}, err
	}
	return lease.Token{SeqNo: res.SeqNo, Term: res.Term}, nil
}

// Delete removes the lease document of key if it is still at old.
func (l *Leases) Delete(ctx context.Context, key string, old lease.Token) error {
	_, err := l.s.do(ctx, http.MethodDelete, fmt.Sprintf("%s?if_seq_no=%d&if_primary_term=%d", l.path(key), old.SeqNo, old.Term), nil, nil)
	return leaseErr(err)
}
