package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// DefaultShutdownTimeout bounds how long `crawl` and `score` keep storing
// what they hold after a first Ctrl-C or SIGTERM.
const DefaultShutdownTimeout = 30 * time.Second

// hardKey marks, in a command's context, the context that ends only when
// the user insists (a second Ctrl-C).
type hardKey struct{}

// signalContext returns the context commands run in: it is cancelled by
// the first SIGINT or SIGTERM (stop reading and fetching), while the
// context drainContext derives from it lives on until a second signal
// (stop at once). release stops listening for signals.
func signalContext(stderr io.Writer) (ctx context.Context, release func()) {
	hard, hardCancel := context.WithCancel(context.Background())
	stop, stopCancel := context.WithCancel(hard)
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-sigs:
		case <-done:
			return
		}
		fmt.Fprintln(stderr, "netra: stopping: storing what was already read (press Ctrl-C again to stop at once)")
		stopCancel()
		select {
		case <-sigs:
		case <-done:
			return
		}
		fmt.Fprintln(stderr, "netra: stopping at once; what was reported stored stays stored")
		hardCancel()
	}()
	return context.WithValue(stop, hardKey{}, context.Context(hard)), func() {
		signal.Stop(sigs)
		close(done)
		stopCancel()
		hardCancel()
	}
}

// drainContext returns the context to finish work in after ctx (the stop
// context) ends: classifying and storing what a pipeline already holds. It
// ends timeout after ctx does, at a second signal (see signalContext), or
// when cancel is called. A context without a hard context (tests) drains
// for timeout too.
func drainContext(ctx context.Context, timeout time.Duration) (context.Context, context.CancelFunc) {
	base, ok := ctx.Value(hardKey{}).(context.Context)
	if !ok {
		base = context.WithoutCancel(ctx)
	}
	dctx, cancel := context.WithCancel(base)
	timer := time.AfterFunc(time.Hour, cancel)
	timer.Stop()
	stopAfter := context.AfterFunc(ctx, func() { timer.Reset(timeout) })
	return dctx, func() {
		stopAfter()
		timer.Stop()
		cancel()
	}
}
