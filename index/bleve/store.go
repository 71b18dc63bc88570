// Package bleve is Netra's embedded store: records, review state and audit
// trail in a bbolt file (netra.db, the source of truth, written
// transactionally and fsynced before a call returns), with a bleve index
// beside it (search/) for text search, filters, facets and sorting. The
// search index is derived data: writes to it are journalled in netra.db and
// replayed on open after a crash, and a missing search/ directory is rebuilt
// from netra.db.
//
// One process opens a store directory at a time (a file lock enforces it);
// within that process the Store is safe for concurrent use.
package bleve

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	blevesearch "github.com/blevesearch/bleve/v2"
	bolt "go.etcd.io/bbolt"
	"golang.org/x/sync/singleflight"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

var _ index.Store = (*Store)(nil)

// File and bucket names inside a store directory.
const (
	dbFile    = "netra.db"
	searchDir = "search"
	format    = "netra-store/1"
)

var (
	bucketMeta    = []byte("meta")
	bucketRecords = []byte("records")
	bucketAudit   = []byte("audit")
	bucketPending = []byte("pending") // IDs whose search document may lag netra.db
	keyFormat     = []byte("format")
	keyMapping    = []byte("mapping")
	keyRebuild    = []byte("rebuilding") // set while search/ is being rebuilt
	keyAnalyzer   = []byte("analyzer")   // fingerprint of the analyser search/ was built with
)

// analyzerProbe exercises what an Indonesian analyser normalises: slang,
// elongation, affixes, hashtags, ballot numbers, gestures, case.
const analyzerProbe = "Camat gak netral, dgn bangga mendukung paslon no. urut 02 & pilihhh dia! " +
	"#NetralitasASN Kepala Desa didukung warga; dukungannya salam dua jari ✌️ di kecamatan. " +
	"PNS dilarang berkampanye, tdk boleh memberikan dukungan kepada peserta pemilu. Camat2 bagi2 sembako."

// fingerprint identifies an analyser by what it makes of analyzerProbe, so
// a store notices when it is opened with different analysis (another rule
// pack's lexicon, a new stemmer) and re-indexes instead of missing words.
func fingerprint(a index.Analyzer) string {
	h := sha256.New()
	for _, t := range a(analyzerProbe) {
		h.Write([]byte(t))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// bleveConfig is the scorch runtime configuration. unsafe_batch makes a
// batch return when it is searchable rather than when it is on disk; see
// Store.smu for why that is safe here.
func bleveConfig(extra map[string]any) map[string]interface{} {
	c := map[string]interface{}{"unsafe_batch": true}
	for k, v := range extra {
		c[k] = v
	}
	return c
}

// Store is the embedded index.Store.
type Store struct {
	dir     string
	db      *bolt.DB
	idx     blevesearch.Index
	analyze index.Analyzer
	opt     options

	// wmu serialises writers so netra.db and the search index change in the
	// same order; readers do not take it.
	wmu sync.Mutex

	// Search-index batches return once visible, without waiting for bleve
	// to persist them: netra.db already holds the records and a pending
	// mark per ID, and the marks are removed only when bleve reports the
	// batch persisted (settled, cleared in the next write transaction), so
	// a crash in between is repaired by replayPending on the next open.
	smu      sync.Mutex
	settled  []string
	inflight sync.WaitGroup // batches not yet persisted

	// cmu guards closed; every call holds it for reading.
	cmu    sync.RWMutex
	closed bool

	// cache remembers the search index's answers until the next write;
	// flight lets concurrent identical searches share one pass.
	cache  searchCache
	flight singleflight.Group
}

type options struct {
	analyze       index.Analyzer
	lockTimeout   time.Duration
	maxIndexBytes int
	siblings      []string
	scorch        map[string]any // extra index settings; tests slow the persister with it
	noCache       bool
	progress      func(done, total int)
}

// Option configures Open.
type Option func(*options)

// WithAnalyzer sets the analyser applied to record text at index time and
// to query words at search time (normally the classifier's Analyze, so that
// "mendukung" finds "dukungan"). The default lower-cases and splits words.
// Opening a store with an analyser that analyses differently from the one
// it was built with re-indexes it (a minute per ~100,000 records).
func WithAnalyzer(a index.Analyzer) Option {
	return func(o *options) {
		if a != nil {
			o.analyze = a
		}
	}
}

// WithLockTimeout sets how long Open waits for another process to release
// the store before failing (default 200ms).
func WithLockTimeout(d time.Duration) Option { return func(o *options) { o.lockTimeout = d } }

// WithSiblings names (as filepath.Match patterns) entries that other parts of Netra keep in the same
// data directory (account file, crawl state, spool). They do not make a
// directory without a store count as foreign, so a store can be created in
// a data directory where, say, `netra users add` ran first.
func WithSiblings(names ...string) Option {
	return func(o *options) {
		o.siblings = append(o.siblings, names...)
	}
}

// WithRebuildProgress sets a function Open calls while it rebuilds the
// search index from netra.db (a new mapping version or analyser, or a
// missing search directory), after every chunk of records: a rebuild of a
// large store takes minutes, and a user should see it move.
func WithRebuildProgress(f func(done, total int)) Option {
	return func(o *options) { o.progress = f }
}

// WithSearchCache turns the search cache (see Store.Search) on or off; it
// is on by default. Benchmarks of the search index itself turn it off.
func WithSearchCache(on bool) Option { return func(o *options) { o.noCache = !on } }

// WithMaxIndexBytes caps how much of an item's text is indexed for search
// (default 1 MiB); the whole text is still stored.
func WithMaxIndexBytes(n int) Option {
	return func(o *options) {
		if n > 0 {
			o.maxIndexBytes = n
		}
	}
}

// Open opens the store in dir, creating it when dir does not exist or is
// empty. A directory holding anything else, or a damaged netra.db, gives an
// error and is left untouched.
func Open(dir string, opts ...Option) (*Store, error) {
	o := options{analyze: index.Words, lockTimeout: 200 * time.Millisecond, maxIndexBytes: 1 << 20}
	for _, fn := range opts {
		fn(&o)
	}
	if dir == "" {
		return nil, errors.New("open store: empty directory name")
	}
	fresh, err := checkDir(dir, o.siblings)
	if err != nil {
		return nil, err
	}
	db, err := openDB(dir, fresh, o.lockTimeout)
	if err != nil {
		return nil, err
	}
	s := &Store{dir: dir, db: db, analyze: o.analyze, opt: o}
	s.cache.off = o.noCache
	if err := s.openSearch(); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.replayPending(); err != nil {
		s.idx.Close()
		db.Close()
		return nil, err
	}
	return s, nil
}

// checkDir decides whether dir is a new store (missing or empty) or an
// existing one, and refuses anything else before a byte is written.
func checkDir(dir string, siblings []string) (fresh bool, err error) {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return false, fmt.Errorf("create store %s: %w", dir, err)
		}
		return true, nil
	case err != nil:
		return false, fmt.Errorf("open store %s: %w", dir, err)
	case !fi.IsDir():
		return false, netra.WithHint(fmt.Errorf("open store %s: not a directory", dir),
			"--data must name a directory for the embedded store")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false, fmt.Errorf("open store %s: %w", dir, err)
	}
	if len(entries) == 0 {
		return true, nil
	}
	for _, e := range entries {
		if e.Name() == dbFile {
			if err := checkDBFile(filepath.Join(dir, dbFile)); err != nil {
				return false, err
			}
			return false, nil
		}
	}
	foreign := false
	for _, e := range entries {
		if !isSibling(e.Name(), siblings) {
			foreign = true
			break
		}
	}
	if !foreign {
		return true, nil
	}
	var names []string
	for i, e := range entries {
		if i == 3 {
			names = append(names, "…")
			break
		}
		names = append(names, e.Name())
	}
	return false, netra.WithHint(
		fmt.Errorf("open store %s: not a netra store (no %s; it holds %s)", dir, dbFile, strings.Join(names, ", ")),
		"point --data at an empty or new directory, or at a directory netra created")
}

// isSibling reports whether name matches one of the sibling patterns.
func isSibling(name string, patterns []string) bool {
	for _, p := range patterns {
		if ok, _ := filepath.Match(p, name); ok {
			return true
		}
	}
	return false
}

// damaged builds the error for a netra.db that cannot be read.
func damaged(path string, why string) error {
	return netra.WithHint(fmt.Errorf("open store: %s is damaged or not a netra database: %s", path, why),
		"restore it from a backup, or move the directory away to start an empty store; netra did not change it")
}

// checkDBFile looks at the bbolt meta pages before bbolt maps the file, so a
// truncated or foreign file is reported instead of crashing the process.
func checkDBFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open store: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("open store: %w", err)
	}
	size := fi.Size()
	var hdr [64]byte
	if size < int64(len(hdr)) {
		return damaged(path, fmt.Sprintf("only %d bytes", size))
	}
	if _, err := f.ReadAt(hdr[:], 0); err != nil {
		return fmt.Errorf("open store: read %s: %w", path, err)
	}
	// Page header (16 bytes), then meta: magic, version, page size.
	const boltMagic = 0xED0CDAED
	le := binary.LittleEndian
	if le.Uint32(hdr[16:]) != boltMagic {
		return damaged(path, "no database header")
	}
	pageSize := int64(le.Uint32(hdr[24:]))
	if pageSize < 512 || pageSize > 1<<16 {
		return damaged(path, fmt.Sprintf("page size %d", pageSize))
	}
	// The high-water page id (meta offset 40, after magic, version, page
	// size, flags, root bucket and freelist) tells how long the file must be.
	pgid := int64(le.Uint64(hdr[16+40:]))
	if size < 4*pageSize || size%pageSize != 0 || pgid*pageSize > size {
		return damaged(path, fmt.Sprintf("truncated (%d bytes, page size %d, %d pages in use)", size, pageSize, pgid))
	}
	return nil
}

// openDB opens netra.db, turning a held lock and unreadable content into
// clear errors, and initialises the buckets of a fresh store.
func openDB(dir string, fresh bool, lockTimeout time.Duration) (db *bolt.DB, err error) {
	path := filepath.Join(dir, dbFile)
	defer guard(path, &err)
	bo := &bolt.Options{
		Timeout:        lockTimeout,
		NoFreelistSync: true,
		FreelistType:   bolt.FreelistMapType,
		OpenFile: func(name string, flag int, mode os.FileMode) (*os.File, error) {
			if !fresh {
				flag &^= os.O_CREATE // never create a file in an existing store
			}
			return os.OpenFile(name, flag, mode)
		},
	}
	db, err = bolt.Open(path, 0o600, bo)
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, netra.WithHint(fmt.Errorf("open store %s: in use by another process (lock on %s)", dir, path),
			"stop the other netra process using this directory, or use another --data directory")
	}
	if err != nil {
		return nil, damaged(path, err.Error())
	}
	if fresh {
		err = db.Update(func(tx *bolt.Tx) error {
			for _, b := range [][]byte{bucketMeta, bucketRecords, bucketAudit, bucketPending} {
				if _, err := tx.CreateBucketIfNotExists(b); err != nil {
					return err
				}
			}
			m := tx.Bucket(bucketMeta)
			if err := m.Put(keyFormat, []byte(format)); err != nil {
				return err
			}
			return m.Put(keyMapping, []byte(mappingVersion))
		})
		if err != nil {
			db.Close()
			return nil, fmt.Errorf("create store %s: %w", path, err)
		}
		return db, nil
	}
	err = db.View(func(tx *bolt.Tx) error {
		m := tx.Bucket(bucketMeta)
		if m == nil || string(m.Get(keyFormat)) != format {
			return damaged(path, "no netra format marker")
		}
		for _, b := range [][]byte{bucketRecords, bucketAudit, bucketPending} {
			if tx.Bucket(b) == nil {
				return damaged(path, "bucket "+string(b)+" missing")
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// guard turns a panic inside bbolt or bleve (they trust their files) into
// an error naming the file.
func guard(path string, err *error) {
	if r := recover(); r != nil {
		*err = damaged(path, fmt.Sprint(r))
	}
}

// openSearch opens the search index, or builds it from netra.db when it is
// missing or an earlier rebuild did not finish.
func (s *Store) openSearch() (err error) {
	path := filepath.Join(s.dir, searchDir)
	defer func() {
		if r := recover(); r != nil {
			err = netra.WithHint(fmt.Errorf("open search index %s: %v", path, r),
				"remove that directory; it is rebuilt from "+dbFile+" on the next open")
		}
	}()
	var built, analyzer string
	var unfinished bool
	if err := s.db.View(func(tx *bolt.Tx) error {
		m := tx.Bucket(bucketMeta)
		built = string(m.Get(keyMapping))
		analyzer = string(m.Get(keyAnalyzer))
		unfinished = m.Get(keyRebuild) != nil
		return nil
	}); err != nil {
		return err
	}
	fp := fingerprint(s.analyze)
	_, statErr := os.Stat(path)
	if statErr == nil && (unfinished || (analyzer != "" && analyzer != fp) || (built != "" && built != mappingVersion)) {
		// Our own index, half-built by an interrupted rebuild, built with
		// other analysis or by an older netra with other fields: build it
		// again from netra.db.
		if err := os.RemoveAll(path); err != nil {
			return fmt.Errorf("remove outdated search index %s: %w", path, err)
		}
		statErr = os.ErrNotExist
	}
	if statErr == nil {
		if built != mappingVersion {
			return netra.WithHint(fmt.Errorf("search index %s was built by another netra version (mapping %q, want %q)", path, built, mappingVersion),
				"remove that directory; it is rebuilt from "+dbFile+" on the next open")
		}
		idx, err := blevesearch.OpenUsing(path, bleveConfig(s.opt.scorch))
		if err != nil {
			return netra.WithHint(fmt.Errorf("open search index %s: %w", path, err),
				"remove that directory; it is rebuilt from "+dbFile+" on the next open")
		}
		s.idx = idx
		if analyzer == "" {
			return s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keyAnalyzer, []byte(fp)) })
		}
		return nil
	}
	m, err := newMapping()
	if err != nil {
		return fmt.Errorf("search mapping: %w", err)
	}
	if err := s.db.Update(func(tx *bolt.Tx) error {
		mb := tx.Bucket(bucketMeta)
		if err := mb.Put(keyMapping, []byte(mappingVersion)); err != nil {
			return err
		}
		if err := mb.Put(keyAnalyzer, []byte(fp)); err != nil {
			return err
		}
		return mb.Put(keyRebuild, []byte("1"))
	}); err != nil {
		return fmt.Errorf("store %s: %w", s.dir, err)
	}
	idx, err := blevesearch.NewUsing(path, m, "scorch", "scorch", bleveConfig(s.opt.scorch))
	if err != nil {
		return fmt.Errorf("create search index %s: %w", path, err)
	}
	s.idx = idx
	if err := s.rebuild(); err != nil {
		idx.Close()
		return err
	}
	if err := s.persistSearch(); err != nil {
		idx.Close()
		return fmt.Errorf("create search index %s: %w", path, err)
	}
	return s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Delete(keyRebuild) })
}

// persistSearch waits until everything introduced into the search index so
// far, including the mapping bleve stores when it creates an index, is on
// disk. Without it a store closed at once (as `netra users add` does on a
// new data directory) can lose the race with bleve's persister and leave a
// search index no later Open can read.
func (s *Store) persistSearch() error {
	b := s.idx.NewBatch()
	b.SetInternal([]byte("netra_created"), []byte(mappingVersion))
	return s.batchPersisted(b)
}

// batchPersisted runs b and waits until bleve reports it persisted.
func (s *Store) batchPersisted(b *blevesearch.Batch) error {
	defer s.cache.clear() // see apply
	persisted := make(chan error, 1)
	b.SetPersistedCallback(func(err error) { persisted <- err })
	if err := s.idx.Batch(b); err != nil {
		return err
	}
	return <-persisted
}

// rebuild indexes every record of netra.db (a new or removed search index).
func (s *Store) rebuild() error {
	const chunk = 1000
	var after []byte
	total, done := 0, 0
	if s.opt.progress != nil {
		if err := s.db.View(func(tx *bolt.Tx) error {
			total = tx.Bucket(bucketRecords).Stats().KeyN
			return nil
		}); err != nil {
			return fmt.Errorf("rebuild search index of %s: %w", s.dir, err)
		}
	}
	for {
		var recs []netra.Record
		err := s.db.View(func(tx *bolt.Tx) error {
			c := tx.Bucket(bucketRecords).Cursor()
			k, v := c.First()
			if after != nil {
				k, v = c.Seek(after)
				if k != nil && string(k) == string(after) {
					k, v = c.Next()
				}
			}
			for ; k != nil && len(recs) < chunk; k, v = c.Next() {
				var r netra.Record
				if err := json.Unmarshal(v, &r); err != nil {
					return fmt.Errorf("record %q: %w", k, err)
				}
				recs = append(recs, r)
				after = append(after[:0], k...)
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("rebuild search index of %s: %w", s.dir, err)
		}
		if len(recs) == 0 {
			return nil
		}
		if err := s.indexRecords(recs, nil); err != nil {
			return fmt.Errorf("rebuild search index of %s: %w", s.dir, err)
		}
		if done += len(recs); s.opt.progress != nil {
			s.opt.progress(done, total)
		}
	}
}

// replayPending re-indexes records whose search document may not have
// reached the search index before the last process ended.
func (s *Store) replayPending() error {
	var ids, gone []string
	var recs []netra.Record
	err := s.db.View(func(tx *bolt.Tx) error {
		rb := tx.Bucket(bucketRecords)
		return tx.Bucket(bucketPending).ForEach(func(k, _ []byte) error {
			ids = append(ids, string(k))
			v := rb.Get(k)
			if v == nil {
				gone = append(gone, string(k)) // deleted since it was journalled
				return nil
			}
			var r netra.Record
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("record %q: %w", k, err)
			}
			recs = append(recs, r)
			return nil
		})
	})
	if err != nil {
		return fmt.Errorf("replay journal of %s: %w", s.dir, err)
	}
	if len(ids) == 0 {
		return nil
	}
	if err := s.indexRecords(recs, gone); err != nil {
		return fmt.Errorf("replay journal of %s: %w", s.dir, err)
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		p := tx.Bucket(bucketPending)
		for _, id := range ids {
			if err := p.Delete([]byte(id)); err != nil {
				return err
			}
		}
		return nil
	})
}

// indexRecords writes search documents for recs and removes those of
// deleted IDs, in one bleve batch, and waits until it is persisted (used
// when opening, where nothing else journals the work).
func (s *Store) indexRecords(recs []netra.Record, deleted []string) error {
	pre := s.analyseAll(recs)
	b := s.idx.NewBatch()
	for i, r := range recs {
		if err := b.Index(r.Item.ID, searchDoc(r, pre[i])); err != nil {
			return fmt.Errorf("index %s: %w", r.Item.ID, err)
		}
	}
	for _, id := range deleted {
		b.Delete(id)
	}
	return s.batchPersisted(b)
}

// apply runs a search-index batch for the changed records without waiting
// for it to be persisted; when bleve reports it persisted, their pending
// marks become removable. The search cache is brought up to date with the
// write (see searchCache) before apply returns.
//
// reviewOnly says the batch changes only what a review changes (status,
// assignee, reviewer), which fewer cached answers depend on.
func (s *Store) apply(ctx context.Context, b *blevesearch.Batch, changes []change, reviewOnly bool) error {
	// Matching the cached queries must not stop halfway because the
	// caller gave up: the write goes through regardless.
	ctx = context.WithoutCancel(ctx)
	m := s.cache.begin(changes, reviewOnly)
	applied := false
	defer func() { s.cache.finish(m, applied) }()
	s.match(ctx, m, true)
	ids := make([]string, len(changes))
	for i, ch := range changes {
		ids[i] = ch.id
	}
	s.inflight.Add(1)
	done := sync.OnceFunc(s.inflight.Done)
	b.SetPersistedCallback(func(err error) {
		defer done()
		if err == nil {
			s.smu.Lock()
			s.settled = append(s.settled, ids...)
			s.smu.Unlock()
		}
	})
	if err := s.idx.Batch(b); err != nil {
		done() // the callback may never come
		return err
	}
	applied = true
	s.match(ctx, m, false)
	return nil
}

// open returns an error once the store is closed; callers hold cmu.RLock.
func (s *Store) checkOpen(ctx context.Context) error {
	if s.closed {
		return errors.New("store is closed")
	}
	return ctx.Err()
}

// closeWait bounds how long Close waits for bleve to persist the last
// batches; whatever is not persisted by then is replayed on the next open.
const closeWait = 30 * time.Second

// Close flushes and releases the store. It is safe to call twice.
func (s *Store) Close() error {
	s.cmu.Lock()
	defer s.cmu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	s.wmu.Lock()
	defer s.wmu.Unlock()
	persisted := make(chan struct{})
	go func() { s.inflight.Wait(); close(persisted) }()
	select {
	case <-persisted:
	case <-time.After(closeWait):
	}
	err := s.idx.Close()
	if err == nil {
		err = s.db.Update(func(tx *bolt.Tx) error { return s.clearSettledTx(tx) })
	}
	if cerr := s.db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("close store %s: %w", s.dir, err)
	}
	return nil
}

// clearSettledTx removes the pending marks of IDs whose search documents
// are persisted; called inside the next write transaction.
func (s *Store) clearSettledTx(tx *bolt.Tx) error {
	s.smu.Lock()
	ids := s.settled
	s.settled = nil
	s.smu.Unlock()
	p := tx.Bucket(bucketPending)
	for _, id := range ids {
		if err := p.Delete([]byte(id)); err != nil {
			return err
		}
	}
	return nil
}

// Get returns one record.
func (s *Store) Get(ctx context.Context, id string) (netra.Record, error) {
	s.cmu.RLock()
	defer s.cmu.RUnlock()
	if err := s.checkOpen(ctx); err != nil {
		return netra.Record{}, err
	}
	var r netra.Record
	found := false
	err := s.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketRecords).Get([]byte(id))
		if v == nil {
			return nil
		}
		found = true
		return json.Unmarshal(v, &r)
	})
	if err != nil {
		return netra.Record{}, fmt.Errorf("get %s: %w", id, err)
	}
	if !found {
		return netra.Record{}, fmt.Errorf("record %s: %w", id, netra.ErrNotFound)
	}
	return r, nil
}

// Audit returns the review history of one item, oldest first. An item that
// exists but was never reviewed has an empty history.
func (s *Store) Audit(ctx context.Context, id string) ([]netra.AuditEntry, error) {
	s.cmu.RLock()
	defer s.cmu.RUnlock()
	if err := s.checkOpen(ctx); err != nil {
		return nil, err
	}
	out := []netra.AuditEntry{}
	exists := false
	err := s.db.View(func(tx *bolt.Tx) error {
		exists = tx.Bucket(bucketRecords).Get([]byte(id)) != nil
		prefix := auditPrefix(id)
		c := tx.Bucket(bucketAudit).Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			var e netra.AuditEntry
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("audit entry %q: %w", k, err)
			}
			out = append(out, e)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("audit %s: %w", id, err)
	}
	if !exists && len(out) == 0 {
		return nil, fmt.Errorf("record %s: %w", id, netra.ErrNotFound)
	}
	return out, nil
}

// auditPrefix is the key prefix of an item's audit entries; the suffix is
// the big-endian record version, so keys sort oldest first.
func auditPrefix(id string) []byte { return append([]byte(id), 0) }

func auditKey(id string, version int64) []byte {
	return binary.BigEndian.AppendUint64(auditPrefix(id), uint64(version))
}

// Stats counts records, flagged records and records per review status.
func (s *Store) Stats(ctx context.Context) (index.Stats, error) {
	s.cmu.RLock()
	defer s.cmu.RUnlock()
	if err := s.checkOpen(ctx); err != nil {
		return index.Stats{}, err
	}
	st := index.Stats{Backend: "bleve", ByStatus: map[netra.Status]int{}, Extra: map[string]string{"dir": s.dir}}
	req := blevesearch.NewSearchRequestOptions(blevesearch.NewMatchAllQuery(), 0, 0, false)
	req.AddFacet(fieldStatus, blevesearch.NewFacetRequest(fieldStatus, 10))
	res, err := s.idx.SearchInContext(ctx, req)
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	st.Records = int(res.Total)
	if f := res.Facets[fieldStatus]; f != nil && f.Terms != nil {
		for _, t := range f.Terms.Terms() {
			st.ByStatus[netra.Status(t.Term)] = t.Count
		}
	}
	fq := blevesearch.NewBoolFieldQuery(true)
	fq.SetField(fieldFlagged)
	res, err = s.idx.SearchInContext(ctx, blevesearch.NewSearchRequestOptions(fq, 0, 0, false))
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	st.Flagged = int(res.Total)
	if fi, err := os.Stat(filepath.Join(s.dir, dbFile)); err == nil {
		st.Extra["db_bytes"] = fmt.Sprint(fi.Size())
	}
	return st, nil
}
