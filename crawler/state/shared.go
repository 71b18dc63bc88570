package state

import (
	"errors"
	"sort"
	"time"
)

// Shared is the crawl state of one worker among several: its own local
// store (the Bolt file in its data directory) plus a state every worker
// shares (the cluster's, index/elastic.CrawlState). Reads take the union:
// a URL done in either is done, a URL pending in either is pending. Writes
// go to the local store first, then to the shared one.
//
// A failed write to the shared state does not fail the crawl: the local
// state has it, the record is stored (or spooled, in an outage), and the
// worst case is that another worker taking over the source fetches that
// page once more. OnError hears about such failures.
type Shared struct {
	Local, Remote Store
	// OnError, when set, is told of shared-state writes that failed.
	OnError func(error)
}

var (
	_ Store = (*Shared)(nil)
	_ Meta  = (*Shared)(nil)
)

func (s *Shared) remoteFailed(err error) {
	if err != nil && s.OnError != nil {
		s.OnError(err)
	}
}

// Done implements Store.
func (s *Shared) Done(url string) bool { return s.Local.Done(url) || s.Remote.Done(url) }

// DoneMany answers Done for many URLs, asking the shared state once for
// those the local one does not know (see crawler's doneBatch).
func (s *Shared) DoneMany(urls []string) map[string]bool {
	out := make(map[string]bool, len(urls))
	var ask []string
	for _, u := range urls {
		if s.Local.Done(u) {
			out[u] = true
		} else {
			ask = append(ask, u)
		}
	}
	if len(ask) == 0 {
		return out
	}
	if b, ok := s.Remote.(interface {
		DoneMany([]string) map[string]bool
	}); ok {
		for u, d := range b.DoneMany(ask) {
			if d {
				out[u] = true
			}
		}
		return out
	}
	for _, u := range ask {
		if s.Remote.Done(u) {
			out[u] = true
		}
	}
	return out
}

// Finish implements Store.
func (s *Shared) Finish(source, url, hash string) error {
	return s.FinishAll([]Entry{{Source: source, URL: url, Hash: hash}})
}

// FinishAll implements Store.
func (s *Shared) FinishAll(entries []Entry) error {
	if err := s.Local.FinishAll(entries); err != nil {
		return err
	}
	s.remoteFailed(s.Remote.FinishAll(entries))
	return nil
}

// HashSeen implements Store.
func (s *Shared) HashSeen(hash string) bool { return s.Local.HashSeen(hash) || s.Remote.HashSeen(hash) }

// AddPending implements Store.
func (s *Shared) AddPending(source string, urls []string) error {
	if err := s.Local.AddPending(source, urls); err != nil {
		return err
	}
	s.remoteFailed(s.Remote.AddPending(source, urls))
	return nil
}

// Pending implements Store: both lists, merged. When the shared state
// cannot be read, the local list alone, so a worker can still resume its
// own interrupted runs in an outage.
func (s *Shared) Pending(source string) ([]string, error) {
	local, err := s.Local.Pending(source)
	if err != nil {
		return nil, err
	}
	remote, rerr := s.Remote.Pending(source)
	s.remoteFailed(rerr)
	seen := make(map[string]bool, len(local)+len(remote))
	var out []string
	for _, u := range append(local, remote...) {
		if !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	sort.Strings(out)
	return out, nil
}

// PauseHost implements Store.
func (s *Shared) PauseHost(host string, until time.Time) error {
	if err := s.Local.PauseHost(host, until); err != nil {
		return err
	}
	s.remoteFailed(s.Remote.PauseHost(host, until))
	return nil
}

// Paused implements Store: the later end of each host's pause.
func (s *Shared) Paused(now time.Time) (map[string]time.Time, error) {
	out, err := s.Local.Paused(now)
	if err != nil {
		return nil, err
	}
	remote, rerr := s.Remote.Paused(now)
	s.remoteFailed(rerr)
	for h, until := range remote {
		if until.After(out[h]) {
			out[h] = until
		}
	}
	return out, nil
}

// Close implements Store: it closes both.
func (s *Shared) Close() error { return errors.Join(s.Local.Close(), s.Remote.Close()) }

// Validator implements Meta: the shared state's (any worker may have
// fetched the document last), else the local one's.
func (s *Shared) Validator(url string) (Validator, bool) {
	if m, ok := s.Remote.(Meta); ok {
		if v, ok := m.Validator(url); ok {
			return v, true
		}
	}
	if m, ok := s.Local.(Meta); ok {
		return m.Validator(url)
	}
	return Validator{}, false
}

// SetValidator implements Meta.
func (s *Shared) SetValidator(url string, v Validator) error {
	if m, ok := s.Local.(Meta); ok {
		if err := m.SetValidator(url, v); err != nil {
			return err
		}
	}
	if m, ok := s.Remote.(Meta); ok {
		s.remoteFailed(m.SetValidator(url, v))
	}
	return nil
}

// Poll implements Meta: the later of the two (the most recent check by
// any worker).
func (s *Shared) Poll(source string) (Poll, bool) {
	var lp, rp Poll
	var lok, rok bool
	if m, ok := s.Local.(Meta); ok {
		lp, lok = m.Poll(source)
	}
	if m, ok := s.Remote.(Meta); ok {
		rp, rok = m.Poll(source)
	}
	switch {
	case rok && (!lok || rp.Last.After(lp.Last)):
		return rp, true
	case lok:
		return lp, true
	}
	return Poll{}, false
}

// SetPoll implements Meta.
func (s *Shared) SetPoll(source string, p Poll) error {
	if m, ok := s.Local.(Meta); ok {
		if err := m.SetPoll(source, p); err != nil {
			return err
		}
	}
	if m, ok := s.Remote.(Meta); ok {
		s.remoteFailed(m.SetPoll(source, p))
	}
	return nil
}
