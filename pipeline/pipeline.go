// Package pipeline is the one stage that joins a stream of items to the
// classifier and, optionally, to a store. `netra score`, `netra crawl` and the
// scheduler of `netra serve` all go through Run, so concurrency, ordering,
// batching and back-pressure are decided here once.
//
// Items are classified by a bounded pool of workers but handed to the caller
// in input order, so the same input always gives the same output. Memory is
// bounded: at most Options.Window items are in flight at any moment, and a
// slow consumer (emit or the store) stops the reading of further input.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
	"golang.org/x/sync/errgroup"
)

// Classifier gives a verdict for one item. It must be safe for concurrent
// use; *classifier.Classifier satisfies it.
type Classifier interface {
	Classify(netra.Item) netra.Verdict
}

// Sink stores records in batches; index.Store satisfies it. Upsert must be
// idempotent by Item.ID so a re-run after a crash does not duplicate.
type Sink interface {
	Upsert(ctx context.Context, recs []netra.Record) error
}

// Defaults used when an Options field is zero.
const (
	DefaultBatchSize        = 256
	DefaultProgressInterval = 200 * time.Millisecond
	DefaultFlushInterval    = time.Second
	// chunkSize bounds how many ready items travel together between the
	// stages; grouping keeps per-item channel and scheduling costs small
	// when input is fast, and a slow source (a crawler) still sends
	// chunks of one without waiting.
	chunkSize = 64
	// refreshTimeout bounds the one refresh at the end of a load.
	refreshTimeout = 10 * time.Second
)

// Options configure Run. The zero value is usable.
type Options struct {
	// Workers is the number of classifying goroutines; zero or less means
	// runtime.NumCPU().
	Workers int
	// BatchSize is the number of records per Sink.Upsert; zero or less
	// means DefaultBatchSize.
	BatchSize int
	// Sink, when set, receives every kept record in batches, in input
	// order. Upserts run concurrently with classification but at most one
	// batch waits, so a slow store slows the reading of input down rather
	// than piling records up in memory.
	Sink Sink
	// Keep decides which records go to Sink; nil keeps all. Emit sees
	// every record regardless.
	Keep func(*netra.Record) bool
	// FlushInterval bounds how long a record waits in a partial batch
	// when input trickles in (a crawl); zero means
	// DefaultFlushInterval.
	FlushInterval time.Duration
	// Progress, when set, is called from a single goroutine at most every
	// ProgressInterval and once more at the end.
	Progress func(Stats)
	// ProgressInterval defaults to DefaultProgressInterval.
	ProgressInterval time.Duration
	// Window bounds the number of items read but not yet emitted; zero or
	// less means 8 chunks per worker.
	Window int
	// Ack, when set, is told which items are done: their records were
	// acknowledged by the Sink (Upsert returned nil, or kept them in its
	// durable spool: *index.SpooledError), or, for items Keep left out
	// and when there is no Sink, emit saw them. It is called from one
	// goroutine, in input order, never for an item whose record might
	// still be lost. A producer that must not forget an item (a crawler
	// marking its URL done) waits for this instead of for send. An error
	// stops Run.
	Ack func(items []netra.Item) error
	// Enrich, when set, may fill in fields of each item after it is
	// classified and before it is stored (the places a text is about,
	// when the source named none), knowing its verdict so that costly
	// work can be kept to items with evidence. It runs on the classifying
	// goroutines, so it must be safe for concurrent use, and must not
	// keep the item.
	Enrich func(*netra.Item, netra.Verdict)
	// Stored, when set, is called with each batch the Sink stored
	// (Upsert returned nil; not for batches it only spooled), from the
	// storing goroutine, before the batch's items are acknowledged: the
	// hook alerts (alert.Engine.Stored) run, so crawl, score --index and
	// the scheduler of serve alert alike. Its errors are its own to
	// report: a stored batch stays stored.
	Stored func(ctx context.Context, recs []netra.Record)
	// Failed, when set, is told of each item whose classification
	// panicked, from the emitting goroutine, in input order. The item
	// gets no record (it is neither emitted nor stored) but is
	// acknowledged, so a producer does not wait for it; the items around
	// it go on as usual. A non-nil return stops Run with that error.
	// Without Failed, the first such item stops Run: a classifier bug
	// must not pass unnoticed.
	Failed func(it netra.Item, err error) error
}

// Stats count what a Run did.
type Stats struct {
	Items   int64         `json:"items"`   // items classified and emitted
	Flagged int64         `json:"flagged"` // of which flagged
	Bytes   int64         `json:"bytes"`   // bytes of item text classified
	Stored  int64         `json:"stored"`  // records upserted to the Sink
	Batches int64         `json:"batches"` // Sink.Upsert calls
	Spooled int64         `json:"spooled"` // of Stored, records the Sink spooled instead (outage)
	Acked   int64         `json:"acked"`   // items reported to Options.Ack
	Failed  int64         `json:"failed"`  // items whose classification panicked (Options.Failed)
	Elapsed time.Duration `json:"elapsed"` // wall time since Run began, for docs/s and MB/s
}

// batch is what goes to the Sink in one Upsert: the records Keep kept,
// and every item (kept or not) to acknowledge once they are stored.
type batch struct {
	recs  []netra.Record
	items []netra.Item
}

func (b batch) empty() bool { return len(b.recs) == 0 && len(b.items) == 0 }

// chunk is a group of consecutive input items and their verdicts. done has
// capacity one so a worker never blocks signalling it and the chunk can be
// reused.
type chunk struct {
	items    []netra.Item
	verdicts []netra.Verdict
	// failed holds, by index in items, the error of each item whose
	// classification panicked; nil when none did.
	failed map[int]error
	done   chan struct{}
}

func (o Options) withDefaults() Options {
	if o.Workers <= 0 {
		o.Workers = runtime.NumCPU()
	}
	if o.BatchSize <= 0 {
		o.BatchSize = DefaultBatchSize
	}
	if o.FlushInterval <= 0 {
		o.FlushInterval = DefaultFlushInterval
	}
	if o.ProgressInterval <= 0 {
		o.ProgressInterval = DefaultProgressInterval
	}
	if o.Window <= 0 {
		o.Window = 8 * o.Workers * chunkSize
	}
	return o
}

// Run reads items from in until it is closed, classifies them with c, calls
// emit (when not nil) for every record in input order from one goroutine,
// and upserts records to opt.Sink in batches. It returns when in is closed
// and everything read has been emitted and stored, or at the first error
// (from emit, the Sink, a panicking classifier, or ctx).
//
// Run stops receiving from in when it returns; a producer must therefore
// also watch a context the caller cancels after Run returns, or it may block
// forever sending.
func Run(ctx context.Context, c Classifier, in <-chan netra.Item, opt Options, emit func(netra.Record) error) (Stats, error) {
	if c == nil {
		return Stats{}, errors.New("pipeline: nil classifier")
	}
	opt = opt.withDefaults()
	start := time.Now()
	g, gctx := errgroup.WithContext(ctx)

	window := max(opt.Window/chunkSize, 2)
	work := make(chan *chunk, opt.Workers)
	order := make(chan *chunk, window)
	free := make(chan *chunk, window+opt.Workers+2)

	// Dispatcher: groups ready items into chunks and hands each chunk to
	// the emitter (in order) and to a worker (in any order). The bounded
	// order channel is the back-pressure: when emit or the store is slow,
	// the dispatcher stops receiving from in.
	g.Go(func() error {
		defer close(work)
		defer close(order)
		for {
			var it netra.Item
			var ok bool
			select {
			case <-gctx.Done():
				return gctx.Err()
			case it, ok = <-in:
			}
			if !ok {
				return nil
			}
			ch := getChunk(free)
			ch.items = append(ch.items, it)
			closed := false
		fill:
			for len(ch.items) < chunkSize {
				select {
				case it, ok = <-in:
					if !ok {
						closed = true
						break fill
					}
					ch.items = append(ch.items, it)
				default:
					break fill
				}
			}
			select {
			case order <- ch:
			case <-gctx.Done():
				return gctx.Err()
			}
			select {
			case work <- ch:
			case <-gctx.Done():
				return gctx.Err()
			}
			if closed {
				return nil
			}
		}
	})

	for range opt.Workers {
		g.Go(func() error {
			for ch := range work {
				classifyChunk(c, opt.Enrich, ch)
				ch.done <- struct{}{}
			}
			return nil
		})
	}

	var stats Stats
	batches := make(chan batch, 1)
	var stored, nbatches, spooled, acked atomic.Int64
	ack := func(items []netra.Item) error {
		if opt.Ack == nil || len(items) == 0 {
			return nil
		}
		if err := opt.Ack(items); err != nil {
			return fmt.Errorf("acknowledge %d items: %w", len(items), err)
		}
		acked.Add(int64(len(items)))
		return nil
	}
	if opt.Sink != nil {
		g.Go(func() error {
			for b := range batches {
				if len(b.recs) > 0 {
					err := opt.Sink.Upsert(gctx, b.recs)
					var se *index.SpooledError
					switch {
					case err == nil:
						if opt.Stored != nil {
							opt.Stored(gctx, b.recs)
						}
					case errors.As(err, &se):
						// Kept on disk for later: as safe as stored.
						spooled.Add(int64(se.Count))
					default:
						return fmt.Errorf("store %d records: %w", len(b.recs), err)
					}
					stored.Add(int64(len(b.recs)))
					nbatches.Add(1)
				}
				if err := ack(b.items); err != nil {
					return err
				}
			}
			return nil
		})
	}
	// An acknowledgement waits for the batch its item is in; bound how
	// many items wait with a batch when Keep leaves most out.
	maxAckWait := 8 * opt.BatchSize

	// Emitter: waits for each chunk in input order.
	g.Go(func() error {
		defer close(batches)
		var cur batch
		nextProgress := start.Add(opt.ProgressInterval)
		flush := time.NewTimer(opt.FlushInterval)
		flush.Stop()
		defer flush.Stop()
		sendBatch := func() error {
			flush.Stop()
			select {
			case batches <- cur:
				cur = batch{}
				return nil
			case <-gctx.Done():
				return gctx.Err()
			}
		}
		for {
			var ch *chunk
			var ok bool
			select {
			case ch, ok = <-order:
			case <-flush.C:
				if !cur.empty() {
					if err := sendBatch(); err != nil {
						return err
					}
				}
				continue
			case <-gctx.Done():
				return gctx.Err()
			}
			if !ok {
				break
			}
			select {
			case <-ch.done:
			case <-gctx.Done():
				return gctx.Err()
			}
			var failed []netra.Item
			for i := range ch.items {
				if err, bad := ch.failed[i]; bad {
					if opt.Failed == nil {
						return err
					}
					if err := opt.Failed(ch.items[i], err); err != nil {
						return err
					}
					stats.Failed++
					failed = append(failed, ch.items[i])
					continue
				}
				rec := netra.Record{
					Item:    ch.items[i],
					Verdict: ch.verdicts[i],
					Review:  netra.Review{Status: netra.StatusNew},
				}
				stats.Items++
				stats.Bytes += int64(len(rec.Item.Text))
				if rec.Verdict.Flagged {
					stats.Flagged++
				}
				if emit != nil {
					if err := emit(rec); err != nil {
						return err
					}
				}
				if opt.Sink == nil {
					continue
				}
				if cur.empty() {
					flush.Reset(opt.FlushInterval)
				}
				if opt.Keep == nil || opt.Keep(&rec) {
					if cur.recs == nil {
						cur.recs = make([]netra.Record, 0, opt.BatchSize)
					}
					cur.recs = append(cur.recs, rec)
				}
				if opt.Ack != nil {
					cur.items = append(cur.items, rec.Item)
				}
				if len(cur.recs) >= opt.BatchSize || len(cur.items) >= maxAckWait {
					if err := sendBatch(); err != nil {
						return err
					}
				}
			}
			switch {
			case opt.Sink == nil:
				// Nothing to wait for: emit has seen them.
				if err := ack(ch.items); err != nil {
					return err
				}
			case len(failed) > 0 && opt.Ack != nil:
				// No record of theirs can be lost: they have none.
				if cur.empty() {
					flush.Reset(opt.FlushInterval)
				}
				cur.items = append(cur.items, failed...)
			}
			putChunk(free, ch)
			if opt.Progress != nil {
				if now := time.Now(); now.After(nextProgress) {
					nextProgress = now.Add(opt.ProgressInterval)
					s := stats
					s.Stored, s.Batches, s.Spooled, s.Acked = stored.Load(), nbatches.Load(), spooled.Load(), acked.Load()
					s.Elapsed = now.Sub(start)
					opt.Progress(s)
				}
			}
		}
		if !cur.empty() {
			return sendBatch()
		}
		return nil
	})

	err := g.Wait()
	if opt.Sink != nil && stored.Load() > spooled.Load() {
		// One refresh for the whole load, so that what was stored can
		// be searched at once (a no-op for the embedded store). The
		// records are durable already; if the refresh fails they become
		// visible with the store's own next refresh.
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), refreshTimeout)
		_ = index.Refresh(rctx, opt.Sink)
		cancel()
	}
	stats.Stored, stats.Batches, stats.Spooled, stats.Acked = stored.Load(), nbatches.Load(), spooled.Load(), acked.Load()
	stats.Elapsed = time.Since(start)
	if opt.Progress != nil {
		opt.Progress(stats)
	}
	if err != nil {
		// Prefer the caller's reason for stopping over the derived one.
		if ctx.Err() != nil && errors.Is(err, context.Canceled) {
			err = ctx.Err()
		}
		return stats, fmt.Errorf("pipeline: %w", err)
	}
	return stats, nil
}

// classifyChunk classifies every item of ch. A panicking classifier
// becomes an error naming the item, kept in ch.failed, instead of taking
// the whole process down; the chunk's other items are classified as usual.
func classifyChunk(c Classifier, enrich func(*netra.Item, netra.Verdict), ch *chunk) {
	ch.verdicts = ch.verdicts[:0]
	for i := range ch.items {
		v, err := classifyOne(c, enrich, &ch.items[i])
		if err != nil {
			if ch.failed == nil {
				ch.failed = map[int]error{}
			}
			ch.failed[i] = err
		}
		ch.verdicts = append(ch.verdicts, v)
	}
}

// classifyOne classifies (and enriches) one item, turning a panic into an
// error that names it.
func classifyOne(c Classifier, enrich func(*netra.Item, netra.Verdict), it *netra.Item) (v netra.Verdict, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("classify item %s: panic: %v", it.ID, r)
		}
	}()
	v = c.Classify(*it)
	if enrich != nil {
		enrich(it, v)
	}
	return v, nil
}

func getChunk(free chan *chunk) *chunk {
	select {
	case ch := <-free:
		return ch
	default:
		return &chunk{
			items:    make([]netra.Item, 0, chunkSize),
			verdicts: make([]netra.Verdict, 0, chunkSize),
			done:     make(chan struct{}, 1),
		}
	}
}

// putChunk recycles ch, dropping references to texts and verdicts so the
// free list does not keep old documents alive.
func putChunk(free chan *chunk, ch *chunk) {
	clear(ch.items)
	clear(ch.verdicts)
	ch.items, ch.verdicts, ch.failed = ch.items[:0], ch.verdicts[:0], nil
	select {
	case free <- ch:
	default:
	}
}
