package alert

import (
	"context"
	"fmt"
	"time"
)

// SearchRef names the saved search (and its revision) an alert comes from.
type SearchRef struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Revision int64  `json:"revision"`
}

// Alert is what one subscription is told about one batch (or one digest):
// the JSON body of a webhook and the content of a notification or mail.
type Alert struct {
	Delivery     string    `json:"delivery,omitempty"` // unique per delivery; receivers may use it to drop repeats
	Search       SearchRef `json:"search"`
	Subscription string    `json:"subscription"`
	User         string    `json:"user"`
	Digest       string    `json:"digest,omitempty"`
	Items        []ItemRef `json:"items"`
	Created      time.Time `json:"created"`
}

func (a Alert) notification() Notification {
	return Notification{User: a.User, SearchID: a.Search.ID, Search: a.Search.Name, Revision: a.Search.Revision,
		Digest: a.Digest, Items: a.Items, Created: a.Created}
}

// Delivery is an alert on its way to a webhook or a mailbox: kept in the
// outbox until sent, and in the dead letters when it gave up.
type Delivery struct {
	ID        string    `json:"id"`
	Channel   Channel   `json:"channel"`
	Target    string    `json:"target"`
	Secret    string    `json:"secret,omitempty"`
	Alert     Alert     `json:"alert"`
	Attempts  int       `json:"attempts"`
	LastError string    `json:"last_error,omitempty"`
	Created   time.Time `json:"created"`
	Next      time.Time `json:"next"` // not before
	Failed    time.Time `json:"failed,omitzero"`
}

// enqueue puts a in the outbox for sub's channel.
func (r *Repo) enqueue(ctx context.Context, sub Subscription, a Alert) error {
	now := r.now().UTC()
	d := Delivery{ID: now.Format("20060102T150405.000000000") + "-" + newID(6), Channel: sub.Channel,
		Target: sub.Target, Secret: sub.Secret, Created: now, Next: now}
	a.Delivery = d.ID
	d.Alert = a
	if err := r.put(ctx, collOutbox, d.ID, d); err != nil {
		return fmt.Errorf("queue %s alert: %w", sub.Channel, err)
	}
	return nil
}

// DeliverDue sends every outbox delivery whose time has come and returns
// when the next one is due (zero when none waits).
func (e *Engine) DeliverDue(ctx context.Context) (time.Time, error) {
	if e.sender == nil {
		return time.Time{}, nil
	}
	out, err := e.repo.Deliveries(ctx, false)
	if err != nil {
		return time.Time{}, err
	}
	var next time.Time
	for _, d := range out {
		now := e.now()
		if d.Next.After(now) {
			if next.IsZero() || d.Next.Before(next) {
				next = d.Next
			}
			continue
		}
		err := e.sender.Send(ctx, d)
		if ctx.Err() != nil {
			return time.Time{}, ctx.Err()
		}
		if err == nil {
			if err := e.repo.kv.Delete(ctx, collOutbox, d.ID); err != nil {
				return time.Time{}, err
			}
			continue
		}
		d.Attempts++
		d.LastError = err.Error()
		if d.Attempts >= e.sender.attempts() {
			d.Failed = now.UTC()
			e.log.Warn("alert delivery gave up", "delivery", d.ID, "channel", d.Channel, "target", d.Target, "attempts", d.Attempts, "err", err)
			if err := e.repo.put(ctx, collDead, d.ID, d); err != nil {
				return time.Time{}, err
			}
			if err := e.repo.kv.Delete(ctx, collOutbox, d.ID); err != nil {
				return time.Time{}, err
			}
			continue
		}
		d.Next = now.Add(e.sender.backoff(d.Attempts)).UTC()
		if err := e.repo.put(ctx, collOutbox, d.ID, d); err != nil {
			return time.Time{}, err
		}
		if next.IsZero() || d.Next.Before(next) {
			next = d.Next
		}
	}
	return next, nil
}
