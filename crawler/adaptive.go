package crawler

import (
	"context"
	"time"

	"github.com/netra-id/netra/crawler/state"
)

// Adaptive polling. A source with min_interval is woken every
// min_interval (its tick, see TickSpec) but only crawled when due: the
// crawler keeps, per source, a smoothed rate of new entries per hour and
// waits about as long as one new entry takes to appear, never less than
// min_interval and never more than the gap of the source's schedule. A
// feed that changes every five minutes is then read every few minutes,
// one that changes twice a day once per schedule gap.

// rateWeight is how much one check moves the smoothed rate: half, so a
// source that wakes up is caught within a couple of checks and one quiet
// check does not drop the rate to nothing.
const rateWeight = 0.5

// TickSpec is how often a scheduler should wake for the source: every
// min_interval for an adaptive source (the crawler then decides with Due),
// else its schedule; "" for a manual source.
func (s Source) TickSpec() string {
	if s.MinInterval > 0 && s.ScheduleSpec() != "" {
		return "@every " + s.MinInterval.String()
	}
	return s.ScheduleSpec()
}

// Due reports whether an adaptive source should be crawled at the
// crawler's clock, and when it next will be. Sources without min_interval,
// and sources never checked, are always due.
func (c *Crawler) Due(src Source) (bool, time.Time, error) {
	now := c.cfg.now()
	if src.MinInterval <= 0 {
		return true, now, nil
	}
	st, err := c.store()
	if err != nil {
		return false, time.Time{}, err
	}
	m, ok := st.(state.Meta)
	if !ok {
		return true, now, nil
	}
	p, ok := m.Poll(src.Name)
	if !ok || p.Interval <= 0 {
		return true, now, nil
	}
	next := p.Last.Add(p.Interval)
	// Ticks come every min_interval and may fire a little early; a check
	// within a twentieth of the floor of its time counts as due.
	return !now.Before(next.Add(-src.MinInterval / 20)), next, nil
}

// PollState is what the crawler learned about a source's pace (zero when
// nothing yet).
func (c *Crawler) PollState(name string) state.Poll {
	st, err := c.store()
	if err != nil {
		return state.Poll{}
	}
	if m, ok := st.(state.Meta); ok {
		p, _ := m.Poll(name)
		return p
	}
	return state.Poll{}
}

// nextInterval folds one check (fresh new entries since the previous
// check at prev.Last) into the poll state.
func nextInterval(prev state.Poll, now time.Time, fresh int, floor, ceiling time.Duration) state.Poll {
	p := state.Poll{Last: now, Rate: prev.Rate, Checks: prev.Checks + 1}
	if prev.Checks > 0 {
		if hours := now.Sub(prev.Last).Hours(); hours > 0 {
			obs := float64(fresh) / hours
			p.Rate = rateWeight*obs + (1-rateWeight)*prev.Rate
		}
	}
	if ceiling < floor {
		ceiling = floor
	}
	switch {
	case p.Checks == 1:
		// The first check finds the backlog, which says nothing of the pace.
		p.Interval = floor
	case p.Rate <= 0:
		p.Interval = ceiling
	default:
		p.Interval = time.Duration(float64(time.Hour) / p.Rate)
	}
	p.Interval = min(max(p.Interval, floor), ceiling)
	return p
}

// settle ends a run that was not cut short: the documents' validators are
// kept for the next conditional GET, and an adaptive source's pace is
// updated with the number of new entries found.
func (r *run) settle(ctx context.Context) error {
	var stopped string
	var fresh int
	r.stats.do(func(s *RunStats) { stopped, fresh = s.Stopped, -s.Resumed })
	r.mu.Lock()
	fresh += r.taken // resumed URLs were new in an earlier check
	r.mu.Unlock()
	if ctx.Err() != nil || stopped != "" {
		return nil
	}
	if err := r.cond.commit(); err != nil {
		return err
	}
	if r.src.MinInterval <= 0 || r.cond.meta == nil {
		return nil
	}
	now := r.c.cfg.now()
	prev, _ := r.cond.meta.Poll(r.src.Name)
	ceiling := r.src.scheduleGap(now)
	if ceiling <= 0 {
		ceiling = r.src.MinInterval
	}
	return r.cond.meta.SetPoll(r.src.Name, nextInterval(prev, now, fresh, r.src.MinInterval, ceiling))
}
