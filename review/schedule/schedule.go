// Package schedule runs each crawl source on its cron schedule inside
// `netra serve`. It never runs two crawls of one source at once (a run that
// comes due while the previous one is still going is skipped and counted),
// lets admins start a run now, and on shutdown cancels running crawls so
// they stop fetching, store what they hold and checkpoint.
//
// It implements review.Sources; what a run does is the Job the command
// wires (crawler → pipeline → store).
package schedule

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/netra-id/netra/review"
	"github.com/netra-id/netra/review/metrics"
	"github.com/robfig/cron/v3"
)

// Result is what one run produced.
type Result struct {
	Items   int // items emitted by the crawl
	Flagged int // of which the classifier flagged
	Errors  int // fetch/extract errors that did not stop the run
}

// Job runs one crawl of the named source. When ctx is cancelled it must
// stop fetching, store (within its own bound) what it already fetched, and
// return, having saved whatever lets the next run resume.
type Job func(ctx context.Context, source string) (Result, error)

// Entry is one scheduled source. An empty Schedule means "run now only".
type Entry struct {
	Name, Kind, Region, Schedule string
	// Location is the clock Schedule is read in; nil means UTC.
	Location *time.Location
	// Due, when set, is asked at every scheduled tick; false skips the
	// tick quietly (an adaptive source that is not due yet). Runs started
	// by hand always run.
	Due func() bool
}

// ErrRunning matches review.ErrSourceRunning; ErrUnknown matches
// review.ErrUnknownSource. A Job returns an error matching ErrElsewhere
// when another process crawls the source (it holds the source's lease, or
// already ran it for this tick): the run is logged, not counted as a run
// or a failure.
var (
	ErrRunning   = review.ErrSourceRunning
	ErrUnknown   = review.ErrUnknownSource
	ErrElsewhere = errors.New("crawled by another process")
)

type triggerKey struct{}

// Trigger is why the run of ctx started: "schedule" or "manual" (a Job
// treats a tick another replica already ran differently from a run asked
// for by hand).
func Trigger(ctx context.Context) string {
	s, _ := ctx.Value(triggerKey{}).(string)
	return s
}

// Parser accepts standard five-field cron specs, an optional leading seconds
// field, and descriptors such as @hourly and @every 10m.
var parser = cron.NewParser(cron.SecondOptional | cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// ParseSchedule checks one cron spec.
func ParseSchedule(spec string) error {
	_, err := parser.Parse(spec)
	return err
}

// state is one source's schedule and what the sources page shows of it;
// st.Running is true while a run is going.
type state struct {
	id     cron.EntryID
	sched  cron.Schedule
	cancel context.CancelFunc
	st     review.SourceStatus
	due    func() bool
}

// The review server takes the scheduler as its Sources; this keeps the two
// in step at compile time rather than in the command that wires them.
var _ review.Sources = (*Scheduler)(nil)

// Scheduler runs the entries. Create with New, then Start and Stop.
type Scheduler struct {
	job     Job
	log     *slog.Logger
	metrics *metrics.Metrics
	now     func() time.Time

	cron   *cron.Cron
	base   context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu      sync.Mutex
	order   []string
	states  map[string]*state
	started bool
	stopped bool
}

// Option configures a Scheduler.
type Option func(*Scheduler)

// WithLogger sets the structured logger.
func WithLogger(l *slog.Logger) Option { return func(s *Scheduler) { s.log = l } }

// WithMetrics records runs, items, errors, skips and durations into m.
func WithMetrics(m *metrics.Metrics) Option { return func(s *Scheduler) { s.metrics = m } }

// New checks every entry's schedule (errors name the source) and prepares
// the scheduler; nothing runs before Start.
func New(entries []Entry, job Job, opts ...Option) (*Scheduler, error) {
	if job == nil {
		return nil, errors.New("schedule: job is required")
	}
	s := &Scheduler{job: job, log: slog.New(slog.DiscardHandler), now: time.Now, states: map[string]*state{}}
	for _, o := range opts {
		o(s)
	}
	s.cron = cron.New(cron.WithParser(parser), cron.WithLocation(time.UTC))
	s.base, s.cancel = context.WithCancel(context.Background())
	for _, e := range entries {
		if e.Name == "" {
			return nil, errors.New("schedule: a source has no name")
		}
		if _, dup := s.states[e.Name]; dup {
			return nil, fmt.Errorf("schedule: source %q appears twice", e.Name)
		}
		st := &state{st: review.SourceStatus{Name: e.Name, Kind: e.Kind, Region: e.Region, Schedule: e.Schedule}, due: e.Due}
		if e.Schedule != "" {
			spec := e.Schedule
			if e.Location != nil && !strings.HasPrefix(spec, "CRON_TZ=") && !strings.HasPrefix(spec, "TZ=") {
				spec = "CRON_TZ=" + e.Location.String() + " " + spec
			}
			sc, err := parser.Parse(spec)
			if err != nil {
				return nil, fmt.Errorf("schedule: source %q: schedule %q: %w", e.Name, e.Schedule, err)
			}
			name := e.Name
			st.sched = sc
			st.id = s.cron.Schedule(sc, cron.FuncJob(func() { _ = s.trigger(name, "schedule") }))
		}
		s.states[e.Name] = st
		s.order = append(s.order, e.Name)
	}
	return s, nil
}

// Start begins running schedules.
func (s *Scheduler) Start() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.started || s.stopped {
		return
	}
	s.started = true
	s.cron.Start()
}

// RunNow starts a run of one source in the background.
func (s *Scheduler) RunNow(name string) error { return s.trigger(name, "manual") }

func (s *Scheduler) trigger(name, why string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, ok := s.states[name]
	if !ok {
		return fmt.Errorf("%q: %w", name, ErrUnknown)
	}
	if s.stopped {
		return fmt.Errorf("%q: scheduler is shutting down", name)
	}
	if why == "schedule" && st.due != nil && !st.st.Running && !st.due() {
		s.log.Debug("crawl not due yet", "source", name)
		return nil
	}
	if st.st.Running {
		st.st.Skipped++
		if s.metrics != nil {
			s.metrics.CrawlSkipped.WithLabelValues(name).Inc()
		}
		s.log.Info("crawl skipped: previous run still going", "source", name, "trigger", why)
		return fmt.Errorf("%q: %w", name, ErrRunning)
	}
	ctx, cancel := context.WithCancel(context.WithValue(s.base, triggerKey{}, why))
	st.st.Running, st.cancel = true, cancel
	st.st.LastStart = s.now().UTC()
	s.wg.Add(1)
	go s.run(ctx, st, why)
	return nil
}

func (s *Scheduler) run(ctx context.Context, st *state, why string) {
	defer s.wg.Done()
	name := st.st.Name
	start := s.now()
	s.log.Info("crawl started", "source", name, "trigger", why)
	res, err := s.safeJob(ctx, name)
	d := s.now().Sub(start)

	s.mu.Lock()
	st.st.Running = false
	st.cancel()
	st.cancel = nil
	if errors.Is(err, ErrElsewhere) {
		s.mu.Unlock()
		s.log.Info("crawl left to another process", "source", name, "trigger", why, "reason", err)
		return
	}
	st.st.LastEnd = s.now().UTC()
	st.st.Runs++
	st.st.Items, st.st.Flagged, st.st.Errors = res.Items, res.Flagged, res.Errors
	result := "ok"
	st.st.LastError = ""
	if err != nil {
		st.st.Failures++
		st.st.LastError = err.Error()
		result = "error"
		if ctx.Err() != nil {
			result = "canceled"
		}
	}
	s.mu.Unlock()

	if s.metrics != nil {
		s.metrics.CrawlRuns.WithLabelValues(name, result).Inc()
		s.metrics.CrawlItems.WithLabelValues(name).Add(float64(res.Items))
		s.metrics.CrawlErrors.WithLabelValues(name).Add(float64(res.Errors))
		s.metrics.CrawlDuration.WithLabelValues(name).Observe(d.Seconds())
	}
	if result == "canceled" {
		s.log.Warn("crawl cancelled", "source", name, "items", res.Items, "flagged", res.Flagged, "errors", res.Errors, "duration", d, "err", err)
		return
	}
	if err != nil {
		s.log.Error("crawl finished", "source", name, "result", result, "items", res.Items, "flagged", res.Flagged, "errors", res.Errors, "duration", d, "err", err)
		return
	}
	s.log.Info("crawl finished", "source", name, "result", result, "items", res.Items, "flagged", res.Flagged, "errors", res.Errors, "duration", d)
}

// safeJob keeps a panicking crawl from taking the server down.
func (s *Scheduler) safeJob(ctx context.Context, name string) (res Result, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("crawl of %q panicked: %v", name, v)
		}
	}()
	return s.job(ctx, name)
}

// Sources reports every source's state, in the order given to New.
func (s *Scheduler) Sources() []review.SourceStatus {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]review.SourceStatus, 0, len(s.order))
	for _, name := range s.order {
		st := s.states[name]
		v := st.st
		if st.sched != nil && !s.stopped {
			if s.started {
				v.NextRun = s.cron.Entry(st.id).Next
			} else {
				v.NextRun = st.sched.Next(s.now()).UTC()
			}
		}
		out = append(out, v)
	}
	return out
}

// Stop stops scheduling and cancels running crawls at once: they stop
// fetching and store what they already fetched (the job decides how long
// that may take; see Job). It waits for them until ctx is done, then up to
// grace more, and returns an error when a crawl did not return by then.
func (s *Scheduler) Stop(ctx context.Context, grace time.Duration) error {
	s.mu.Lock()
	if s.stopped {
		s.mu.Unlock()
		return nil
	}
	s.stopped = true
	s.mu.Unlock()
	<-s.cron.Stop().Done() // our cron funcs only start goroutines, so this is quick
	s.cancel()

	done := make(chan struct{})
	go func() { s.wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
	}
	s.log.Warn("shutdown: crawls still storing what they fetched", "grace", grace)
	t := time.NewTimer(grace)
	defer t.Stop()
	select {
	case <-done:
		return nil
	case <-t.C:
		return errors.New("schedule: crawls still running after cancel; giving up on them")
	}
}
