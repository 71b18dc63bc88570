package alert

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// Engine matches stored batches against the saved searches and hands each
// new match to its subscriptions' channels. It is safe for concurrent use.
type Engine struct {
	repo   *Repo
	store  Searcher
	sender *Sender
	log    *slog.Logger
	now    func() time.Time

	kick chan struct{}
	wg   sync.WaitGroup
	stop context.CancelFunc
	mu   sync.Mutex // guards stop
}

// EngineOption configures an Engine.
type EngineOption func(*Engine)

// WithLogger sets where delivery problems are logged.
func WithLogger(l *slog.Logger) EngineOption { return func(e *Engine) { e.log = l } }

// WithClock replaces time.Now (tests of digests and backoff).
func WithClock(now func() time.Time) EngineOption {
	return func(e *Engine) { e.now = now; e.repo.now = now }
}

// NewEngine returns an Engine matching against store, keeping state in
// repo, delivering with sender (nil sends nothing but in-app
// notifications: webhooks and mails then wait in the outbox).
func NewEngine(repo *Repo, store Searcher, sender *Sender, opts ...EngineOption) *Engine {
	e := &Engine{repo: repo, store: store, sender: sender, log: slog.New(slog.DiscardHandler), now: time.Now,
		kick: make(chan struct{}, 1)}
	for _, o := range opts {
		o(e)
	}
	return e
}

// Repo is the engine's state.
func (e *Engine) Repo() *Repo { return e.repo }

// Stored is the pipeline hook: it matches the batch recs, which the store
// has acknowledged, against every saved search and records and delivers
// what is new. Errors are the caller's to log; the records stay stored.
func (e *Engine) Stored(ctx context.Context, recs []netra.Record) error {
	if len(recs) == 0 {
		return nil
	}
	searches, err := e.repo.Searches(ctx)
	if err != nil {
		return err
	}
	searches = slices.DeleteFunc(searches, func(s Search) bool { return len(s.Subscriptions) == 0 })
	if len(searches) == 0 {
		return nil
	}
	byID := make(map[string]netra.Record, len(recs))
	var ids []string
	for _, r := range recs {
		if _, dup := byID[r.Item.ID]; !dup {
			ids = append(ids, r.Item.ID)
		}
		byID[r.Item.ID] = r
	}
	if _, ok := e.store.(BatchMatcher); !ok {
		// A BatchMatcher makes the batch visible itself.
		if err := index.Refresh(ctx, e.store); err != nil {
			return fmt.Errorf("alerts: refresh before matching: %w", err)
		}
	}
	for start := 0; start < len(ids); start += index.MaxFilterValues {
		part := ids[start:min(start+index.MaxFilterValues, len(ids))]
		qs := make([]index.Query, len(searches))
		for i, s := range searches {
			qs[i] = s.Filter.Query(part)
		}
		hits, err := MatchBatch(ctx, e.store, qs)
		if err != nil {
			return fmt.Errorf("alerts: match %d records against %d searches: %w", len(part), len(qs), err)
		}
		for i, s := range searches {
			if len(hits[i]) == 0 {
				continue
			}
			refs := make([]ItemRef, 0, len(hits[i]))
			for _, id := range hits[i] {
				if r, ok := byID[id]; ok {
					refs = append(refs, Ref(r))
				}
			}
			if err := e.alert(ctx, s, refs); err != nil {
				return err
			}
		}
	}
	return nil
}

// alert hands refs, which match s, to every subscription of s that has
// not had them yet.
func (e *Engine) alert(ctx context.Context, s Search, refs []ItemRef) error {
	queued := false
	for _, sub := range s.Subscriptions {
		var fresh []ItemRef
		for _, ref := range refs {
			ok, err := e.repo.claim(ctx, s, sub, ref.ID)
			if err != nil {
				return err
			}
			if ok {
				fresh = append(fresh, ref)
			}
		}
		if len(fresh) == 0 {
			continue
		}
		if sub.Digest != "" {
			if err := e.repo.addToDigest(ctx, s, sub, fresh); err != nil {
				return err
			}
			continue
		}
		a := Alert{Search: SearchRef{ID: s.ID, Name: s.Name, Revision: s.Revision}, Subscription: sub.ID,
			User: sub.User, Items: fresh, Created: e.now().UTC()}
		if sub.Channel == ChannelApp {
			if err := e.repo.AddNotification(ctx, a.notification()); err != nil {
				return err
			}
			continue
		}
		if err := e.repo.enqueue(ctx, sub, a); err != nil {
			return err
		}
		queued = true
	}
	if queued {
		e.Kick()
	}
	return nil
}

// Kick wakes the delivery loop.
func (e *Engine) Kick() {
	select {
	case e.kick <- struct{}{}:
	default:
	}
}

// Start runs the delivery loop until Close: it sends what waits in the
// outbox (also what an earlier process left there), retrying with
// backoff, and checks digests every digestEvery (0: never; a short-lived
// command leaves digests to `netra serve`).
func (e *Engine) Start(ctx context.Context, digestEvery time.Duration) {
	ctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	e.mu.Lock()
	e.stop = cancel
	e.mu.Unlock()
	e.wg.Add(1)
	go func() {
		defer e.wg.Done()
		var digest <-chan time.Time
		if digestEvery > 0 {
			t := time.NewTicker(digestEvery)
			defer t.Stop()
			digest = t.C
		}
		retry := time.NewTimer(0)
		defer retry.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-e.kick:
			case <-retry.C:
			case <-digest:
				if _, err := e.SendDigests(ctx); err != nil {
					e.log.Warn("alert digests", "err", err)
				}
			}
			next, err := e.DeliverDue(ctx)
			if err != nil && ctx.Err() == nil {
				e.log.Warn("alert deliveries", "err", err)
				next = e.now().Add(5 * time.Second)
			}
			retry.Stop()
			if !next.IsZero() {
				retry.Reset(max(next.Sub(e.now()), time.Millisecond))
			}
		}
	}()
}

// Close waits until the outbox is empty (what could be sent was sent, what
// gave up is a dead letter) or ctx ends, then stops the loop. What still
// waits stays in the outbox for the next process.
func (e *Engine) Close(ctx context.Context) error {
	var err error
	for {
		out, lerr := e.repo.Deliveries(ctx, false)
		if lerr != nil || len(out) == 0 || e.sender == nil {
			err = lerr
			break
		}
		e.Kick()
		select {
		case <-ctx.Done():
			err = fmt.Errorf("alerts: %d deliveries still wait in the outbox: %w", len(out), ctx.Err())
		case <-time.After(20 * time.Millisecond):
			continue
		}
		break
	}
	e.mu.Lock()
	if e.stop != nil {
		e.stop()
	}
	e.mu.Unlock()
	e.wg.Wait()
	return err
}
