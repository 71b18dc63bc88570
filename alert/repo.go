package alert

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/netra-id/netra"
)

// Repo keeps saved searches and notifications in a KV.
type Repo struct {
	kv  KV
	now func() time.Time
}

// NewRepo returns a Repo over kv.
func NewRepo(kv KV) *Repo { return &Repo{kv: kv, now: time.Now} }

// KV is the storage under r.
func (r *Repo) KV() KV { return r.kv }

func (r *Repo) put(ctx context.Context, coll, key string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s %s: %w", coll, key, err)
	}
	return r.kv.Put(ctx, coll, key, b)
}

func (r *Repo) get(ctx context.Context, coll, key string, v any) error {
	b, err := r.kv.Get(ctx, coll, key)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("decode %s %s: %w", coll, key, err)
	}
	return nil
}

// scan decodes every value under prefix into a T.
func scan[T any](ctx context.Context, kv KV, coll, prefix string) ([]T, []string, error) {
	var out []T
	var keys []string
	err := kv.Scan(ctx, coll, prefix, func(key string, val []byte) error {
		var v T
		if err := json.Unmarshal(val, &v); err != nil {
			return fmt.Errorf("decode %s %s: %w", coll, key, err)
		}
		out = append(out, v)
		keys = append(keys, key)
		return nil
	})
	return out, keys, err
}

// SaveSearch creates s (ID empty) or replaces the saved search with s's ID,
// keeping its creation time and owner and raising its revision.
func (r *Repo) SaveSearch(ctx context.Context, s Search) (Search, error) {
	now := r.now().UTC()
	if s.ID == "" {
		s.ID = newID(8)
		s.Created = now
		s.Revision = 1
	} else {
		old, err := r.Search(ctx, s.ID)
		if err != nil {
			return Search{}, err
		}
		s.Created, s.Owner, s.Revision = old.Created, old.Owner, old.Revision+1
	}
	s.Updated = now
	if err := s.Validate(); err != nil {
		return Search{}, err
	}
	if err := r.put(ctx, collSearches, s.ID, s); err != nil {
		return Search{}, fmt.Errorf("save search %s: %w", s.ID, err)
	}
	return s, nil
}

// Search returns one saved search, or an error matching netra.ErrNotFound.
func (r *Repo) Search(ctx context.Context, id string) (Search, error) {
	var s Search
	if err := r.get(ctx, collSearches, id, &s); err != nil {
		return Search{}, fmt.Errorf("saved search %s: %w", id, err)
	}
	return s, nil
}

// Searches returns every saved search, by ID.
func (r *Repo) Searches(ctx context.Context) ([]Search, error) {
	out, _, err := scan[Search](ctx, r.kv, collSearches, "")
	if err != nil {
		return nil, fmt.Errorf("list saved searches: %w", err)
	}
	return out, nil
}

// DeleteSearch removes a saved search; its past alerts stay.
func (r *Repo) DeleteSearch(ctx context.Context, id string) error {
	if _, err := r.Search(ctx, id); err != nil {
		return err
	}
	return r.kv.Delete(ctx, collSearches, id)
}

// Subscribe adds sub to a saved search (replacing the user's subscription
// with the same ID) and returns the search.
func (r *Repo) Subscribe(ctx context.Context, searchID string, sub Subscription) (Search, error) {
	s, err := r.Search(ctx, searchID)
	if err != nil {
		return Search{}, err
	}
	s.Subscriptions = slices.DeleteFunc(s.Subscriptions, func(x Subscription) bool { return sub.ID != "" && x.ID == sub.ID })
	s.Subscriptions = append(s.Subscriptions, sub)
	return r.SaveSearch(ctx, s)
}

// Unsubscribe removes the subscription subID of user from a saved search.
func (r *Repo) Unsubscribe(ctx context.Context, searchID, subID, user string) (Search, error) {
	s, err := r.Search(ctx, searchID)
	if err != nil {
		return Search{}, err
	}
	n := len(s.Subscriptions)
	s.Subscriptions = slices.DeleteFunc(s.Subscriptions, func(x Subscription) bool { return x.ID == subID && x.User == user })
	if len(s.Subscriptions) == n {
		return Search{}, fmt.Errorf("subscription %s of %s: %w", subID, user, netra.ErrNotFound)
	}
	return r.SaveSearch(ctx, s)
}

// ItemRef is what an alert says about one matching record.
type ItemRef struct {
	ID         string   `json:"id"`
	Title      string   `json:"title,omitempty"`
	URL        string   `json:"url,omitempty"`
	Source     string   `json:"source,omitempty"`
	Region     string   `json:"region,omitempty"`
	Score      float64  `json:"score"`
	Flagged    bool     `json:"flagged"`
	Categories []string `json:"categories,omitempty"`
}

// Ref summarises a record for an alert.
func Ref(rec netra.Record) ItemRef {
	return ItemRef{ID: rec.Item.ID, Title: rec.Item.Title, URL: rec.Item.URL, Source: rec.Item.Source,
		Region: rec.Item.Region, Score: rec.Verdict.Score, Flagged: rec.Verdict.Flagged, Categories: rec.Verdict.Categories}
}

// Notification is one in-app alert for one user.
type Notification struct {
	ID       string    `json:"id"`
	User     string    `json:"user"`
	SearchID string    `json:"search_id"`
	Search   string    `json:"search"` // its name when the alert was raised
	Revision int64     `json:"revision"`
	Digest   string    `json:"digest,omitempty"`
	Items    []ItemRef `json:"items"`
	Created  time.Time `json:"created"`
	Read     bool      `json:"read"`
}

// noteKey sorts a user's notifications by time.
func noteKey(n Notification) string {
	return n.User + "/" + n.Created.UTC().Format("20060102T150405.000000000") + "/" + n.ID
}

// AddNotification stores n (filling ID and Created when empty).
func (r *Repo) AddNotification(ctx context.Context, n Notification) error {
	if n.ID == "" {
		n.ID = newID(8)
	}
	if n.Created.IsZero() {
		n.Created = r.now().UTC()
	}
	return r.put(ctx, collNotes, noteKey(n), n)
}

// Notifications returns user's notifications, newest first, at most limit
// (0: all), and how many are unread in all.
func (r *Repo) Notifications(ctx context.Context, user string, limit int) ([]Notification, int, error) {
	all, _, err := scan[Notification](ctx, r.kv, collNotes, user+"/")
	if err != nil {
		return nil, 0, fmt.Errorf("notifications of %s: %w", user, err)
	}
	unread := 0
	for _, n := range all {
		if !n.Read {
			unread++
		}
	}
	slices.Reverse(all)
	if limit > 0 && len(all) > limit {
		all = all[:limit]
	}
	return all, unread, nil
}

// MarkRead marks user's notifications read: those in ids, or all when ids
// is empty.
func (r *Repo) MarkRead(ctx context.Context, user string, ids []string) error {
	all, keys, err := scan[Notification](ctx, r.kv, collNotes, user+"/")
	if err != nil {
		return err
	}
	for i, n := range all {
		if n.Read || (len(ids) > 0 && !slices.Contains(ids, n.ID)) {
			continue
		}
		n.Read = true
		if err := r.put(ctx, collNotes, keys[i], n); err != nil {
			return err
		}
	}
	return nil
}

// Deliveries returns the deliveries waiting to be sent (outbox) or given
// up (dead letters), oldest first.
func (r *Repo) Deliveries(ctx context.Context, dead bool) ([]Delivery, error) {
	coll := collOutbox
	if dead {
		coll = collDead
	}
	out, _, err := scan[Delivery](ctx, r.kv, coll, "")
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", coll, err)
	}
	slices.SortFunc(out, func(a, b Delivery) int { return a.Created.Compare(b.Created) })
	return out, nil
}

// Requeue moves a dead letter back to the outbox for another round of
// attempts.
func (r *Repo) Requeue(ctx context.Context, id string) error {
	var d Delivery
	if err := r.get(ctx, collDead, id, &d); err != nil {
		return fmt.Errorf("dead letter %s: %w", id, err)
	}
	d.Attempts, d.Next = 0, time.Time{}
	if err := r.put(ctx, collOutbox, d.ID, d); err != nil {
		return err
	}
	return r.kv.Delete(ctx, collDead, id)
}

// claim records that item was alerted to subscription sub of search s and
// reports whether it was new: the alert-once rule.
func (r *Repo) claim(ctx context.Context, s Search, sub Subscription, item string) (bool, error) {
	b, _ := json.Marshal(map[string]any{"at": r.now().UTC(), "revision": s.Revision})
	ok, err := r.kv.PutNew(ctx, collAlerted, s.ID+"/"+sub.ID+"/"+item, b)
	if err != nil {
		return false, fmt.Errorf("claim alert %s/%s/%s: %w", s.ID, sub.ID, item, err)
	}
	return ok, nil
}

// isNotFound reports a missing key.
func isNotFound(err error) bool { return errors.Is(err, netra.ErrNotFound) }
