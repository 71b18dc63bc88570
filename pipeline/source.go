package pipeline

import (
	"context"
	"errors"

	"github.com/netra-id/netra"
	"golang.org/x/sync/errgroup"
)

// Producer sends items into a pipeline through send, which blocks while the
// pipeline is busy (back-pressure) and fails once the pipeline has stopped,
// so a producer never blocks forever. A crawler run, a corpus reader and the
// demo import are producers.
type Producer func(ctx context.Context, send func(netra.Item) error) error

// sendBuffer is how many items may wait between a producer and the
// classifier workers: enough to keep the workers busy while a producer
// blocks on I/O, small enough to keep memory flat.
const sendBuffer = 1024

// RunFrom runs produce and the pipeline side by side and returns when both
// are done: the pipeline's stats, and the first error of either side (the
// other side is then cancelled). It is Run for callers that do not want to
// manage the channel and goroutines themselves.
func RunFrom(ctx context.Context, c Classifier, produce Producer, opt Options, emit func(netra.Record) error) (Stats, error) {
	// The errgroup's context is cancelled at the first error and when Wait
	// returns, which is all the cancelling either side needs.
	in := make(chan netra.Item, sendBuffer)
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		defer close(in)
		return produce(gctx, func(it netra.Item) error {
			select {
			case in <- it:
				return nil
			case <-gctx.Done():
				return gctx.Err()
			}
		})
	})
	var st Stats
	g.Go(func() error {
		var err error
		st, err = Run(gctx, c, in, opt, emit)
		return err
	})
	err := g.Wait()
	return st, err
}

// Until makes produce stop when stop is done as well as when the pipeline
// ends, and counts that stop as the end of the input rather than an error.
// The pipeline then classifies and stores what it already holds: a
// graceful stop (Ctrl-C, SIGTERM) cancels stop, and only the context
// given to RunFrom cuts the pipeline itself short.
func Until(stop context.Context, produce Producer) Producer {
	return func(ctx context.Context, send func(netra.Item) error) error {
		pctx, cancel := context.WithCancel(ctx)
		defer cancel()
		defer context.AfterFunc(stop, cancel)()
		err := produce(pctx, func(it netra.Item) error {
			if err := stop.Err(); err != nil {
				return err
			}
			return send(it)
		})
		if err != nil && stop.Err() != nil && ctx.Err() == nil && errors.Is(err, context.Canceled) {
			return nil
		}
		return err
	}
}
