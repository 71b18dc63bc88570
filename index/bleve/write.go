package bleve

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	blevesearch "github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	bolt "go.etcd.io/bbolt"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// Limits on what one record or review may carry.
const (
	maxIDBytes       = 512
	maxNoteBytes     = 16 << 10
	maxAssigneeBytes = 256
)

// analyseAll runs the analyser over recs on all CPUs: it dominates the cost
// of an upsert, and it does not depend on anything the write lock guards.
func (s *Store) analyseAll(recs []netra.Record) []analysed {
	out := make([]analysed, len(recs))
	workers := min(runtime.GOMAXPROCS(0), len(recs))
	if workers <= 1 {
		for i, r := range recs {
			out[i] = analyse(s.analyze, r.Item, s.opt.maxIndexBytes)
		}
		return out
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(recs); i += workers {
				out[i] = analyse(s.analyze, recs[i].Item, s.opt.maxIndexBytes)
			}
		}()
	}
	wg.Wait()
	return out
}

// Upsert stores records. A record whose ID exists keeps its review state,
// audit trail and (when item and verdict are unchanged) its version; a
// changed one gets version+1. Records are durable in netra.db and visible to
// Search when Upsert returns.
func (s *Store) Upsert(ctx context.Context, recs []netra.Record) error {
	if len(recs) == 0 {
		return nil
	}
	// Later duplicates of an ID win, in one write.
	pos := make(map[string]int, len(recs))
	batch := make([]netra.Record, 0, len(recs))
	for i, r := range recs {
		id := r.Item.ID
		if id == "" {
			return fmt.Errorf("upsert: record %d has no item ID", i)
		}
		if strings.IndexByte(id, 0) >= 0 {
			return fmt.Errorf("upsert: record %d: item ID contains a NUL byte", i)
		}
		if len(id) > maxIDBytes {
			return fmt.Errorf("upsert: record %d: item ID is %d bytes, the limit is %d", i, len(id), maxIDBytes)
		}
		if j, ok := pos[id]; ok {
			batch[j] = r
			continue
		}
		pos[id] = len(batch)
		batch = append(batch, r)
	}
	pre := s.analyseAll(batch)

	s.cmu.RLock()
	defer s.cmu.RUnlock()
	if err := s.checkOpen(ctx); err != nil {
		return err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()

	now := time.Now().UTC()
	var changed []int
	prevs := make([]*netra.Record, len(batch)) // what the search index has now
	err := s.db.Update(func(tx *bolt.Tx) error {
		if err := s.clearSettledTx(tx); err != nil {
			return err
		}
		rb, pb := tx.Bucket(bucketRecords), tx.Bucket(bucketPending)
		for i := range batch {
			r := &batch[i]
			key := []byte(r.Item.ID)
			if old := rb.Get(key); old != nil {
				var prev netra.Record
				if err := json.Unmarshal(old, &prev); err != nil {
					return fmt.Errorf("record %s: %w", r.Item.ID, err)
				}
				same, err := index.SameContent(prev, *r)
				if err != nil {
					return err
				}
				if same {
					*r = prev
					continue
				}
				prevs[i] = &prev
				r.Review = prev.Review
				r.Version = prev.Version + 1
			} else {
				if !r.Review.Status.Valid() {
					r.Review.Status = netra.StatusNew
				}
				r.Version = 1
			}
			r.Indexed = now
			v, err := json.Marshal(r)
			if err != nil {
				return fmt.Errorf("record %s: %w", r.Item.ID, err)
			}
			if err := rb.Put(key, v); err != nil {
				return err
			}
			if err := pb.Put(key, nil); err != nil {
				return err
			}
			changed = append(changed, i)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("upsert %d records into %s: %w", len(batch), s.dir, err)
	}
	if len(changed) == 0 {
		return nil
	}
	b := s.idx.NewBatch()
	for _, i := range changed {
		if err := b.Index(batch[i].Item.ID, searchDoc(batch[i], pre[i])); err != nil {
			return fmt.Errorf("upsert: index %s: %w", batch[i].Item.ID, err)
		}
	}
	changes := make([]change, len(changed))
	for k, i := range changed {
		changes[k] = change{id: batch[i].Item.ID, old: prevs[i], new: &batch[i]}
	}
	if err := s.apply(ctx, b, changes, false); err != nil {
		// netra.db has the records and the journal; the next Open indexes them.
		return fmt.Errorf("upsert: search index of %s: %w", s.dir, err)
	}
	return nil
}

// Review applies one review change if u.BaseVersion is still the record's
// version, and appends it to the audit trail in the same transaction.
func (s *Store) Review(ctx context.Context, id string, u index.ReviewUpdate) (netra.Record, error) {
	if u.Who == "" {
		return netra.Record{}, fmt.Errorf("review %s: who made the change is required", id)
	}
	if u.Status != nil && !u.Status.Valid() {
		return netra.Record{}, fmt.Errorf("review %s: unknown status %q (want new, confirmed, dismissed or escalated)", id, *u.Status)
	}
	if u.Note != nil && len(*u.Note) > maxNoteBytes {
		return netra.Record{}, fmt.Errorf("review %s: note is %d bytes, the limit is %d", id, len(*u.Note), maxNoteBytes)
	}
	if u.Assignee != nil && len(*u.Assignee) > maxAssigneeBytes {
		return netra.Record{}, fmt.Errorf("review %s: assignee is %d bytes, the limit is %d", id, len(*u.Assignee), maxAssigneeBytes)
	}

	s.cmu.RLock()
	defer s.cmu.RUnlock()
	if err := s.checkOpen(ctx); err != nil {
		return netra.Record{}, err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()

	var r, prev netra.Record
	err := s.db.Update(func(tx *bolt.Tx) error {
		if err := s.clearSettledTx(tx); err != nil {
			return err
		}
		rb := tx.Bucket(bucketRecords)
		key := []byte(id)
		v := rb.Get(key)
		if v == nil {
			return fmt.Errorf("record %s: %w", id, netra.ErrNotFound)
		}
		if err := json.Unmarshal(v, &r); err != nil {
			return fmt.Errorf("record %s: %w", id, err)
		}
		prev = r
		if r.Version != u.BaseVersion {
			return &netra.ConflictError{ID: id, Based: u.BaseVersion, Current: r.Version}
		}
		now := time.Now().UTC()
		e := netra.AuditEntry{ItemID: id, Who: u.Who, When: now, From: index.RecordStatus(r)}
		r.Review.Status = index.RecordStatus(r)
		if u.Status != nil {
			r.Review.Status = *u.Status
		}
		if u.Note != nil {
			r.Review.Note = *u.Note
			e.Note = *u.Note
		}
		if u.Assignee != nil {
			r.Review.Assignee = *u.Assignee
			e.Assignee = *u.Assignee
		}
		r.Review.Reviewer = u.Who
		r.Review.UpdatedAt = now
		r.Version++
		e.To, e.Version = r.Review.Status, r.Version
		nv, err := json.Marshal(r)
		if err != nil {
			return err
		}
		ev, err := json.Marshal(e)
		if err != nil {
			return err
		}
		if err := rb.Put(key, nv); err != nil {
			return err
		}
		if err := tx.Bucket(bucketAudit).Put(auditKey(id, r.Version), ev); err != nil {
			return err
		}
		return tx.Bucket(bucketPending).Put(key, nil)
	})
	if err != nil {
		var ce *netra.ConflictError
		if errors.As(err, &ce) || errors.Is(err, netra.ErrNotFound) {
			return netra.Record{}, err
		}
		return netra.Record{}, fmt.Errorf("review %s: %w", id, err)
	}
	a := analyse(s.analyze, r.Item, s.opt.maxIndexBytes)
	b := s.idx.NewBatch()
	if err := b.Index(id, searchDoc(r, a)); err != nil {
		return netra.Record{}, fmt.Errorf("review %s: search index: %w", id, err)
	}
	if err := s.apply(ctx, b, []change{{id: id, old: &prev, new: &r}}, true); err != nil {
		return netra.Record{}, fmt.Errorf("review %s: search index: %w", id, err)
	}
	return r, nil
}

// DeleteByQuery removes every record matching q (Limit and Cursor do not
// apply), with its audit trail.
func (s *Store) DeleteByQuery(ctx context.Context, q index.Query) (int, error) {
	s.cmu.RLock()
	defer s.cmu.RUnlock()
	if err := s.checkOpen(ctx); err != nil {
		return 0, err
	}
	bq, _, err := s.buildQuery(q)
	if err != nil {
		return 0, fmt.Errorf("delete: %w", err)
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()

	// Collect IDs first, in _id order with search_after; the write lock
	// keeps the set stable meanwhile.
	var ids []string
	var after []string
	for {
		req := blevesearch.NewSearchRequestOptions(bq, 1000, 0, false)
		req.SortBy([]string{"_id"})
		req.Score = "none"
		if after != nil {
			req.SearchAfter = after
		}
		res, err := s.idx.SearchInContext(ctx, req)
		if err != nil {
			return 0, fmt.Errorf("delete: %w", err)
		}
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		if len(res.Hits) < 1000 {
			break
		}
		after = lastSort(res.Hits)
	}
	if len(ids) == 0 {
		return 0, nil
	}
	n := 0
	// The removed records' old versions let the search cache take them out
	// of its counts; a larger removal ends the cache instead.
	changes := make([]change, len(ids))
	err = s.db.Update(func(tx *bolt.Tx) error {
		if err := s.clearSettledTx(tx); err != nil {
			return err
		}
		rb, ab, pb := tx.Bucket(bucketRecords), tx.Bucket(bucketAudit), tx.Bucket(bucketPending)
		for i, id := range ids {
			key := []byte(id)
			changes[i].id = id
			if v := rb.Get(key); v != nil {
				n++
				if len(ids) <= maxMaintainedRecords {
					var old netra.Record
					if json.Unmarshal(v, &old) == nil {
						changes[i].old = &old
					} else {
						changes[i].unknown = true
					}
				}
			} else {
				changes[i].unknown = true // in the search index alone
			}
			if err := rb.Delete(key); err != nil {
				return err
			}
			prefix := auditPrefix(id)
			c := ab.Cursor()
			for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Seek(prefix) {
				if err := ab.Delete(k); err != nil {
					return err
				}
			}
			if err := pb.Put(key, nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("delete %d records from %s: %w", len(ids), s.dir, err)
	}
	b := s.idx.NewBatch()
	for _, id := range ids {
		b.Delete(id)
	}
	if err := s.apply(ctx, b, changes, false); err != nil {
		return n, fmt.Errorf("delete: search index of %s: %w", s.dir, err)
	}
	return n, nil
}

func lastSort(hits search.DocumentMatchCollection) []string {
	return hits[len(hits)-1].Sort
}
