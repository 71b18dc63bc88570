package alert

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"math"
	"net/mail"
	"net/url"
	"strings"
	"time"

	"github.com/netra-id/netra/index"
)

// Filter is the part of a reviewer's search a saved search keeps: the
// free text and the filters that describe which records are of interest
// (not paging, sorting or review state, which change as people work).
type Filter struct {
	Q          string   `json:"q,omitempty"`
	Categories []string `json:"categories,omitempty"`
	Rules      []string `json:"rules,omitempty"`
	Regions    []string `json:"regions,omitempty"`
	Sources    []string `json:"sources,omitempty"`
	MinScore   *float64 `json:"min_score,omitempty"`
	MaxScore   *float64 `json:"max_score,omitempty"`
	Flagged    *bool    `json:"flagged,omitempty"`
}

// Summary describes f in one line, for lists.
func (f Filter) Summary() string {
	var parts []string
	if f.Q != "" {
		parts = append(parts, "q: "+f.Q)
	}
	for _, l := range []struct {
		name string
		vals []string
	}{{"category", f.Categories}, {"rule", f.Rules}, {"region", f.Regions}, {"source", f.Sources}} {
		if len(l.vals) > 0 {
			parts = append(parts, l.name+": "+strings.Join(l.vals, ", "))
		}
	}
	if f.MinScore != nil {
		parts = append(parts, fmt.Sprintf("score >= %.2f", *f.MinScore))
	}
	if f.MaxScore != nil {
		parts = append(parts, fmt.Sprintf("score <= %.2f", *f.MaxScore))
	}
	if f.Flagged != nil {
		parts = append(parts, fmt.Sprintf("flagged: %v", *f.Flagged))
	}
	if len(parts) == 0 {
		return "all records"
	}
	return strings.Join(parts, " · ")
}

// Query is the store query of f restricted to ids.
func (f Filter) Query(ids []string) index.Query {
	return index.Query{
		Text: f.Q, Categories: f.Categories, Rules: f.Rules, Regions: f.Regions, Sources: f.Sources,
		MinScore: f.MinScore, MaxScore: f.MaxScore, Flagged: f.Flagged,
		IDs: ids, Limit: max(len(ids), 1), Sort: index.SortTimeAsc,
	}
}

// Channel is how a subscription is told.
type Channel string

// Channels.
const (
	ChannelApp     Channel = "app"     // a notification in the review UI
	ChannelWebhook Channel = "webhook" // a signed JSON POST
	ChannelEmail   Channel = "email"   // an e-mail over SMTP
)

// Digest periods. An empty Digest delivers at once.
const (
	DigestDaily  = "daily"
	DigestWeekly = "weekly"
)

// Subscription is one user's wish to hear of a saved search's new matches.
type Subscription struct {
	ID      string  `json:"id"`
	User    string  `json:"user"`
	Channel Channel `json:"channel"`
	// Target is the webhook URL or the e-mail address.
	Target string `json:"target,omitempty"`
	// Secret signs webhook bodies (HMAC-SHA256); generated when empty.
	Secret string `json:"secret,omitempty"`
	// Digest collects matches and sends them daily or weekly (e-mail
	// and app); empty sends each batch's matches at once.
	Digest string `json:"digest,omitempty"`
}

// Search is a saved search.
type Search struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Owner  string `json:"owner"`
	Shared bool   `json:"shared"` // visible to (and subscribable by) the whole team
	Filter Filter `json:"filter"`
	// Revision rises with every change, so an alert names the version of
	// the search that raised it.
	Revision      int64          `json:"revision"`
	Subscriptions []Subscription `json:"subscriptions,omitempty"`
	Created       time.Time      `json:"created"`
	Updated       time.Time      `json:"updated"`
}

// VisibleTo reports whether user may see (and subscribe to) s.
func (s Search) VisibleTo(user string) bool { return s.Shared || s.Owner == user }

// Limits on what one saved search may hold.
const (
	maxNameBytes     = 200
	maxSubscriptions = 100
)

// InvalidError is a saved search that cannot be saved as it is.
type InvalidError struct{ Err error }

func (e *InvalidError) Error() string { return e.Err.Error() }

// Unwrap returns the reason.
func (e *InvalidError) Unwrap() error { return e.Err }

// Validate checks s before it is saved (and fills in subscription IDs and
// webhook secrets); the *InvalidError names the field.
func (s *Search) Validate() error {
	if err := s.validate(); err != nil {
		return &InvalidError{err}
	}
	return nil
}

func (s *Search) validate() error {
	s.Name = strings.TrimSpace(s.Name)
	if s.Name == "" {
		return fmt.Errorf("saved search: name: required")
	}
	if len(s.Name) > maxNameBytes {
		return fmt.Errorf("saved search: name: %d bytes, the limit is %d", len(s.Name), maxNameBytes)
	}
	if s.Owner == "" {
		return fmt.Errorf("saved search: owner: required")
	}
	for _, v := range []*float64{s.Filter.MinScore, s.Filter.MaxScore} {
		if v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0)) {
			return fmt.Errorf("saved search: score bound: not a number")
		}
	}
	if err := s.Filter.Query(nil).Check(); err != nil {
		return fmt.Errorf("saved search: filter: %w", err)
	}
	if _, err := index.ParseText(s.Filter.Q, nil); err != nil {
		return fmt.Errorf("saved search: q: %w", err)
	}
	if len(s.Subscriptions) > maxSubscriptions {
		return fmt.Errorf("saved search: %d subscriptions, the limit is %d", len(s.Subscriptions), maxSubscriptions)
	}
	seen := map[string]bool{}
	for i := range s.Subscriptions {
		sub := &s.Subscriptions[i]
		if err := sub.validate(); err != nil {
			return fmt.Errorf("saved search: subscriptions[%d]: %w", i, err)
		}
		if seen[sub.ID] {
			return fmt.Errorf("saved search: subscriptions[%d]: id %q used twice", i, sub.ID)
		}
		seen[sub.ID] = true
	}
	return nil
}

func (sub *Subscription) validate() error {
	if sub.User == "" {
		return fmt.Errorf("user: required")
	}
	switch sub.Digest {
	case "", DigestDaily, DigestWeekly:
	default:
		return fmt.Errorf("digest: %q (want daily, weekly or empty)", sub.Digest)
	}
	switch sub.Channel {
	case ChannelApp:
		sub.Target = ""
	case ChannelWebhook:
		u, err := url.Parse(sub.Target)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("target: %q is not an http(s) URL", sub.Target)
		}
		if sub.Digest != "" {
			return fmt.Errorf("digest: webhooks are sent at once")
		}
		if sub.Secret == "" {
			sub.Secret = newID(16)
		}
	case ChannelEmail:
		a, err := mail.ParseAddress(sub.Target)
		if err != nil {
			return fmt.Errorf("target: %q is not an e-mail address", sub.Target)
		}
		sub.Target = a.Address
	default:
		return fmt.Errorf("channel: %q (want app, webhook or email)", sub.Channel)
	}
	if sub.ID == "" {
		sub.ID = newID(6)
	}
	if strings.ContainsAny(sub.ID, "/\x00") {
		return fmt.Errorf("id: %q must not contain '/'", sub.ID)
	}
	return nil
}

// newID is n random bytes in hex.
func newID(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	return hex.EncodeToString(b)
}
