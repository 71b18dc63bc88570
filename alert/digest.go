package alert

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// period is how often a digest goes out.
func period(digest string) time.Duration {
	if digest == DigestWeekly {
		return 7 * 24 * time.Hour
	}
	return 24 * time.Hour
}

func subKey(s Search, sub Subscription) string { return s.ID + "/" + sub.ID }

// addToDigest queues refs for sub's next digest. The first entry starts
// the subscription's period.
func (r *Repo) addToDigest(ctx context.Context, s Search, sub Subscription, refs []ItemRef) error {
	now := r.now().UTC()
	b, _ := json.Marshal(now)
	if _, err := r.kv.PutNew(ctx, collSent, subKey(s, sub), b); err != nil {
		return fmt.Errorf("digest of %s: %w", subKey(s, sub), err)
	}
	for _, ref := range refs {
		if err := r.put(ctx, collDigest, subKey(s, sub)+"/"+ref.ID, ref); err != nil {
			return fmt.Errorf("digest of %s: %w", subKey(s, sub), err)
		}
	}
	return nil
}

// SendDigests sends every digest whose period has passed since the last
// one and returns how many went out. App digests become one notification,
// e-mail digests one mail; a failed mail keeps its items for the next try.
func (e *Engine) SendDigests(ctx context.Context) (int, error) {
	searches, err := e.repo.Searches(ctx)
	if err != nil {
		return 0, err
	}
	sent := 0
	var errs []string
	for _, s := range searches {
		for _, sub := range s.Subscriptions {
			if sub.Digest == "" {
				continue
			}
			ok, err := e.sendDigest(ctx, s, sub)
			if err != nil {
				errs = append(errs, err.Error())
			}
			if ok {
				sent++
			}
		}
	}
	if len(errs) > 0 {
		return sent, fmt.Errorf("digests: %s", strings.Join(errs, "; "))
	}
	return sent, nil
}

func (e *Engine) sendDigest(ctx context.Context, s Search, sub Subscription) (bool, error) {
	key := subKey(s, sub)
	now := e.now().UTC()
	var last time.Time
	if err := e.repo.get(ctx, collSent, key, &last); err != nil {
		if isNotFound(err) {
			return false, nil // nothing queued yet
		}
		return false, err
	}
	if now.Sub(last) < period(sub.Digest) {
		return false, nil
	}
	refs, keys, err := scan[ItemRef](ctx, e.repo.kv, collDigest, key+"/")
	if err != nil {
		return false, err
	}
	if len(refs) > 0 {
		a := Alert{Search: SearchRef{ID: s.ID, Name: s.Name, Revision: s.Revision}, Subscription: sub.ID,
			User: sub.User, Digest: sub.Digest, Items: refs, Created: now}
		switch sub.Channel {
		case ChannelApp:
			if err := e.repo.AddNotification(ctx, a.notification()); err != nil {
				return false, err
			}
		case ChannelEmail:
			if e.sender == nil || e.sender.Mailer == nil {
				return false, fmt.Errorf("digest %s: no mail server configured", key)
			}
			subj, body := renderMail(a)
			if err := e.sender.Mailer.Send(ctx, sub.Target, subj, body); err != nil {
				return false, fmt.Errorf("digest %s: %w", key, err)
			}
		default:
			return false, fmt.Errorf("digest %s: channel %s has no digest", key, sub.Channel)
		}
		for _, k := range keys {
			if err := e.repo.kv.Delete(ctx, collDigest, k); err != nil {
				return true, err
			}
		}
	}
	if err := e.repo.put(ctx, collSent, key, now); err != nil {
		return len(refs) > 0, err
	}
	return len(refs) > 0, nil
}
