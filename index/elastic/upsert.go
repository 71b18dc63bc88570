package elastic

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"sync"
	"time"

	"github.com/elastic/go-elasticsearch/v8/esutil"
	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// chunkSize is how many records one round of Upsert reads and writes.
const chunkSize = 1000

// Upsert stores records, keeping the review state and audit trail of those
// that exist. Writes are retried with backoff on 429, 5xx and transport
// errors; what still fails is spooled (when a spool directory is set) and
// reported as *index.SpooledError. Stored records are durable when Upsert
// returns and visible to Search after the next refresh (within a second,
// or at once after Refresh): bulk loads do not pay for a refresh per batch.
func (s *Store) Upsert(ctx context.Context, recs []netra.Record) error {
	if len(recs) == 0 {
		return nil
	}
	for i, r := range recs {
		if err := checkID(r.Item.ID); err != nil {
			return fmt.Errorf("upsert: record %d: %w", i, err)
		}
	}
	var failed, rejected []netra.Record
	var err error
	if s.down.Load() && !s.reachable(ctx) {
		// The cluster was unreachable a moment ago and still is: keep
		// the records at once instead of waiting out every retry again.
		failed = dedupe(recs)
		err = fmt.Errorf("upsert: elasticsearch at %s is still unreachable", s.url)
	} else if cerr := s.connect(ctx); cerr != nil {
		if !isOutage(cerr) {
			return cerr
		}
		s.down.Store(true)
		failed, err = dedupe(recs), cerr
	} else {
		failed, rejected, err = s.upsert(ctx, recs)
	}
	if err == nil {
		return nil
	}
	if len(failed) == 0 || s.cfg.SpoolDir == "" {
		return err
	}
	path, serr := s.spool(failed)
	if serr != nil {
		return fmt.Errorf("upsert: %w; and spooling %d records failed: %w", err, len(failed), serr)
	}
	if len(rejected) > 0 {
		// Not all kept: the caller must hear of the refused ones.
		return fmt.Errorf("%w; %d records spooled to %s", err, len(failed), path)
	}
	stored := len(dedupe(recs)) - len(failed)
	return &index.SpooledError{Count: len(failed), Stored: stored, Path: path, Err: err}
}

// upsert writes recs with retries. It returns the records that could not be
// acknowledged because of outages (those may be spooled) and the records
// the cluster refused for their content, with an error describing both.
func (s *Store) upsert(ctx context.Context, recs []netra.Record) (failed, rejected []netra.Record, err error) {
	var lastErr error
	var why []string
	recs = dedupe(recs) // across chunks too: the later record of an ID wins
	for start := 0; start < len(recs); start += chunkSize {
		pending := recs[start:min(start+chunkSize, len(recs))]
		backoff := s.opt.backoff
		for attempt := 1; len(pending) > 0; attempt++ {
			res := s.writeChunk(ctx, pending)
			rejected, why = append(rejected, res.rejected...), append(why, res.why...)
			pending = res.retry
			if len(pending) == 0 {
				break
			}
			lastErr = res.retryErr
			// A cluster that does not answer at all will not answer
			// the next attempt either: keep the records for later at
			// once instead of waiting out every retry.
			gone := isOutage(lastErr) && !isStatus(lastErr) && !s.reachable(ctx)
			if attempt >= s.opt.attempts || ctx.Err() != nil || gone {
				failed = append(failed, pending...)
				break
			}
			select {
			case <-ctx.Done():
			case <-time.After(backoff):
			}
			backoff *= 2
		}
		if len(failed) > 0 && lastErr != nil && isOutage(lastErr) {
			// The cluster is gone: do not wait out the retries for every
			// remaining chunk, keep them for later straight away.
			for rest := start + chunkSize; rest < len(recs); rest += chunkSize {
				failed = append(failed, recs[rest:min(rest+chunkSize, len(recs))]...)
			}
			break
		}
	}
	if len(failed) > 0 && isOutage(lastErr) {
		s.down.Store(true)
	}
	switch {
	case len(failed) == len(recs):
		err = fmt.Errorf("upsert: no record acknowledged by elasticsearch at %s after %d attempts: %w", s.url, s.opt.attempts, lastErr)
	case len(failed) > 0:
		err = fmt.Errorf("upsert: %d of %d records not acknowledged by elasticsearch at %s after %d attempts: %w",
			len(failed), len(recs), s.url, s.opt.attempts, lastErr)
	}
	if rerr := rejectErr(why); rerr != nil {
		err = errors.Join(err, fmt.Errorf("upsert: %w", rerr))
	}
	return failed, rejected, err
}

// probeEvery is how often, at most, reachable asks an unreachable cluster
// again; in between, records go to the spool without waiting.
const probeEvery = time.Second

// reachable makes one quick check, without retries, whether the cluster
// answers (an error status below 500 counts as an answer). While the
// cluster is known to be down it asks at most once per probeEvery.
func (s *Store) reachable(ctx context.Context) bool {
	now := time.Now().UnixNano()
	if s.down.Load() && now-s.lastProbe.Load() < int64(probeEvery) {
		return false
	}
	s.lastProbe.Store(now)
	client := s.probe
	if client == nil {
		client = s.es
	}
	ctx, cancel := context.WithTimeout(ctx, 500*time.Millisecond)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "/_cluster/health", nil)
	if err != nil {
		return false
	}
	res, err := client.Perform(req)
	if err != nil {
		return false
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, maxErrorBody))
	res.Body.Close()
	if res.StatusCode >= 500 {
		return false
	}
	s.down.Store(false)
	return true
}

// maxIDBytes is the longest document ID Elasticsearch accepts.
const maxIDBytes = 512

// checkID rejects IDs Elasticsearch would refuse: one such record would
// fail its whole bulk request.
func checkID(id string) error {
	switch {
	case id == "":
		return errors.New("no item id")
	case len(id) > maxIDBytes:
		return fmt.Errorf("item id is %d bytes, longer than the %d Elasticsearch allows", len(id), maxIDBytes)
	}
	return nil
}

// flushStatus matches the error esutil reports when a whole bulk request
// was answered with an error status.
var flushStatus = regexp.MustCompile(`^flush: \[(\d{3}) `)

// requestRejected reports whether err is a whole bulk request refused for
// its content (4xx other than 429): retrying cannot help.
func requestRejected(err error) bool {
	m := flushStatus.FindStringSubmatch(err.Error())
	if m == nil {
		return false
	}
	code, _ := strconv.Atoi(m[1])
	return code >= 400 && code < 500 && code != http.StatusTooManyRequests
}

// isStatus reports whether err is an error answer of the cluster (which
// did answer), rather than a failure to reach it.
func isStatus(err error) bool {
	var ee *esError
	return errors.As(err, &ee)
}

// isOutage reports whether err means the cluster could not be reached.
func isOutage(err error) bool {
	var ee *esError
	if !errors.As(err, &ee) && tlsHint(err) != "" {
		return false // a TLS setting to fix, not a cluster that is down
	}
	return !errors.As(err, &ee) || ee.Status >= 500
}

// dedupe keeps the last record of each ID, in first-seen order.
func dedupe(recs []netra.Record) []netra.Record {
	pos := make(map[string]int, len(recs))
	out := make([]netra.Record, 0, len(recs))
	for _, r := range recs {
		if i, ok := pos[r.Item.ID]; ok {
			out[i] = r
			continue
		}
		pos[r.Item.ID] = len(out)
		out = append(out, r)
	}
	return out
}

// current is what the cluster holds for one ID.
type current struct {
	doc         document
	index       string // the generation that holds it
	seqNo, term int64
}

// fetch reads the stored documents of ids (realtime), each from the
// generation that holds it (see locate). A generation deleted meanwhile
// (prune in another process) between locating and reading makes it locate
// again, once.
func (s *Store) fetch(ctx context.Context, ids []string) (map[string]current, error) {
	m, err := s.fetchOnce(ctx, ids)
	var ee *esError
	if errors.As(err, &ee) && ee.Type == "index_not_found_exception" {
		m, err = s.fetchOnce(ctx, ids)
	}
	if err != nil {
		return nil, fmt.Errorf("read %d records: %w", len(ids), err)
	}
	return m, nil
}

func (s *Store) fetchOnce(ctx context.Context, ids []string) (map[string]current, error) {
	where, err := s.locate(ctx, ids)
	if err != nil {
		return nil, err
	}
	docs := make([]map[string]string, len(ids))
	for i, id := range ids {
		docs[i] = map[string]string{"_index": where[id], "_id": id}
	}
	body, err := jsonBody(map[string]any{"docs": docs})
	if err != nil {
		return nil, err
	}
	var res struct {
		Docs []struct {
			Index       string          `json:"_index"`
			ID          string          `json:"_id"`
			Found       bool            `json:"found"`
			SeqNo       int64           `json:"_seq_no"`
			PrimaryTerm int64           `json:"_primary_term"`
			Source      json.RawMessage `json:"_source"`
			Error       json.RawMessage `json:"error"`
		} `json:"docs"`
	}
	if _, err := s.do(ctx, http.MethodPost, "/_mget", body, &res); err != nil {
		return nil, err
	}
	out := make(map[string]current, len(res.Docs))
	for _, d := range res.Docs {
		if len(d.Error) > 0 {
			var e struct {
				Type   string `json:"type"`
				Reason string `json:"reason"`
			}
			_ = json.Unmarshal(d.Error, &e)
			// A missing generation is what fetch retries; anything else
			// counts as a passing fault (retried, then spooled).
			st := http.StatusServiceUnavailable
			if e.Type == "index_not_found_exception" {
				st = http.StatusNotFound
			}
			return nil, &esError{Status: st, Type: e.Type, Reason: fmt.Sprintf("record %s: %s", d.ID, e.Reason)}
		}
		if !d.Found {
			continue
		}
		var doc document
		if err := json.Unmarshal(d.Source, &doc); err != nil {
			return nil, fmt.Errorf("decode record %s: %w", d.ID, err)
		}
		out[d.ID] = current{doc: doc, index: d.Index, seqNo: d.SeqNo, term: d.PrimaryTerm}
	}
	return out, nil
}

// chunkResult is what one attempt at a chunk left undone.
type chunkResult struct {
	retry    []netra.Record // worth retrying: outage, overload, a concurrent change
	retryErr error
	rejected []netra.Record // refused for their content: retrying cannot help
	why      []string       // one reason per rejected record
}

// rejectErr describes the rejected records (nil when there are none).
func rejectErr(why []string) error {
	if len(why) == 0 {
		return nil
	}
	n := len(why)
	if n > 5 {
		why = append(why[:5:5], fmt.Sprintf("and %d more", n-5))
	}
	return fmt.Errorf("elasticsearch rejected %d records: %v", n, why)
}

// writeChunk makes one attempt at storing recs and returns what it could
// not store, split into records worth retrying and records refused for
// their content (the others of the chunk are stored all the same).
func (s *Store) writeChunk(ctx context.Context, recs []netra.Record) chunkResult {
	ids := make([]string, len(recs))
	for i, r := range recs {
		ids[i] = r.Item.ID
	}
	cur, err := s.fetch(ctx, ids)
	var ee *esError
	if errors.As(err, &ee) && ee.Status >= 400 && ee.Status < 500 && ee.Status != http.StatusTooManyRequests && ee.Status != http.StatusConflict {
		// Refused (a missing privilege, say): retrying or spooling
		// cannot help, the caller must hear why.
		res := chunkResult{rejected: recs}
		for _, r := range recs {
			res.why = append(res.why, fmt.Sprintf("%s: %v", r.Item.ID, err))
		}
		return res
	}
	if err != nil {
		return chunkResult{retry: recs, retryErr: err}
	}
	var (
		mu       sync.Mutex
		retry    []netra.Record
		retryErr error
		rejected = map[string]string{}
	)
	bi, err := esutil.NewBulkIndexer(esutil.BulkIndexerConfig{
		Client:     s.es,
		Index:      s.itemsAlias,
		NumWorkers: s.opt.workers,
		FlushBytes: s.opt.flushBytes,
		// Flushing happens on Close; no timer needed.
		FlushInterval: time.Hour,
	})
	if err != nil {
		return chunkResult{retry: recs, retryErr: err}
	}
	now := time.Now().UTC()
	for _, r := range recs {
		r := r
		item := esutil.BulkIndexerItem{DocumentID: r.Item.ID}
		if c, ok := cur[r.Item.ID]; ok {
			if same, err := index.SameContent(c.doc.record(), r); err == nil && same {
				continue // unchanged: nothing to write, version stays
			}
			r.Review = c.doc.Review
			r.Version = c.doc.Version + 1
			item.Action = "index"
			item.Index = c.index // its generation, not the write index
			item.IfSeqNo, item.IfPrimaryTerm = &c.seqNo, &c.term
		} else {
			if !r.Review.Status.Valid() {
				r.Review = netra.Review{Status: netra.StatusNew}
			}
			r.Version = 1
			item.Action = "create"
		}
		r.Indexed = now
		doc := newDocument(r, s.opt.analyze)
		if c, ok := cur[r.Item.ID]; ok {
			doc.LastAudit = c.doc.LastAudit // a re-classification keeps it
		}
		b, err := json.Marshal(doc)
		if err != nil {
			rejected[r.Item.ID] = fmt.Sprintf("%s: encode: %v", r.Item.ID, err)
			continue
		}
		item.Body = bytes.NewReader(b)
		orig := r
		item.OnFailure = func(_ context.Context, _ esutil.BulkIndexerItem, res esutil.BulkIndexerResponseItem, err error) {
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err != nil && requestRejected(err):
				rejected[orig.Item.ID] = fmt.Sprintf("%s: %v", orig.Item.ID, err)
			case err != nil:
				retry, retryErr = append(retry, orig), err
			case res.Status == http.StatusConflict || res.Status == http.StatusTooManyRequests || res.Status >= 500:
				retry = append(retry, orig)
				retryErr = &esError{Status: res.Status, Type: res.Error.Type, Reason: res.Error.Reason}
			default:
				rejected[orig.Item.ID] = fmt.Sprintf("%s: %s: %s", orig.Item.ID, res.Error.Type, res.Error.Reason)
			}
		}
		if err := bi.Add(ctx, item); err != nil {
			mu.Lock()
			retry, retryErr = append(retry, orig), err
			mu.Unlock()
		}
	}
	if err := bi.Close(context.WithoutCancel(ctx)); err != nil {
		mu.Lock()
		if retryErr == nil {
			retryErr = err
		}
		mu.Unlock()
	}
	// Records that were kept back have the stored review and version
	// folded in; hand back the originals so a retry re-reads.
	res := chunkResult{retry: restoreOriginals(retry, recs), retryErr: retryErr}
	for _, r := range recs {
		if why, ok := rejected[r.Item.ID]; ok {
			res.rejected = append(res.rejected, r)
			res.why = append(res.why, why)
		}
	}
	return res
}

// restoreOriginals maps retried records back to the caller's versions.
func restoreOriginals(retry, recs []netra.Record) []netra.Record {
	if len(retry) == 0 {
		return nil
	}
	want := make(map[string]bool, len(retry))
	for _, r := range retry {
		want[r.Item.ID] = true
	}
	out := make([]netra.Record, 0, len(retry))
	for _, r := range recs {
		if want[r.Item.ID] {
			out = append(out, r)
		}
	}
	return out
}

// Refresh makes every record written so far visible to Search. Bulk loads
// call it once at the end (pipeline.Run does), not after every batch.
func (s *Store) Refresh(ctx context.Context) error {
	if _, err := s.do(ctx, http.MethodPost, "/"+s.readAlias+"/_refresh", nil, nil); err != nil {
		return fmt.Errorf("refresh %s: %w", s.itemsAlias, err)
	}
	return nil
}
