package alert

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

// SignatureHeader carries the HMAC-SHA256 of a webhook body, keyed with the
// subscription's secret, as "sha256=HEX".
const SignatureHeader = "X-Netra-Signature"

// DeliveryHeader carries the delivery ID, the same on every retry.
const DeliveryHeader = "X-Netra-Delivery"

// Sender delivers alerts to webhooks and mailboxes.
type Sender struct {
	// Client posts webhooks; nil means a client with a 10 s timeout.
	Client *http.Client
	// Mailer sends e-mail; nil makes e-mail deliveries fail (and wait
	// as dead letters for a configured mailer).
	Mailer *Mailer
	// Attempts before a delivery becomes a dead letter; default 6.
	Attempts int
	// Backoff is the wait after the first failure, doubling after each
	// further one up to MaxBackoff; defaults 2 s and 10 min.
	Backoff, MaxBackoff time.Duration
}

func (s *Sender) attempts() int {
	if s.Attempts <= 0 {
		return 6
	}
	return s.Attempts
}

func (s *Sender) backoff(failures int) time.Duration {
	b, m := s.Backoff, s.MaxBackoff
	if b <= 0 {
		b = 2 * time.Second
	}
	if m <= 0 {
		m = 10 * time.Minute
	}
	d := b << min(failures-1, 30)
	if d <= 0 || d > m {
		d = m
	}
	return d
}

// Send makes one attempt at d.
func (s *Sender) Send(ctx context.Context, d Delivery) error {
	switch d.Channel {
	case ChannelWebhook:
		return s.post(ctx, d)
	case ChannelEmail:
		if s.Mailer == nil {
			return fmt.Errorf("no mail server configured")
		}
		subj, body := renderMail(d.Alert)
		return s.Mailer.Send(ctx, d.Target, subj, body)
	}
	return fmt.Errorf("channel %q cannot be delivered", d.Channel)
}

// Sign returns the signature header value of body under secret.
func Sign(secret string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// Verify reports whether sig is body's signature under secret, in constant
// time: what a receiver does.
func Verify(secret string, body []byte, sig string) bool {
	return hmac.Equal([]byte(Sign(secret, body)), []byte(sig))
}

func (s *Sender) post(ctx context.Context, d Delivery) error {
	body, err := json.Marshal(d.Alert)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, d.Target, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("webhook %s: %w", d.Target, err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "netra-alerts")
	req.Header.Set(SignatureHeader, Sign(d.Secret, body))
	req.Header.Set(DeliveryHeader, d.ID)
	c := s.Client
	if c == nil {
		c = &http.Client{Timeout: 10 * time.Second}
	}
	res, err := c.Do(req)
	if err != nil {
		return fmt.Errorf("webhook %s: %w", d.Target, err)
	}
	defer res.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
	if res.StatusCode < 200 || res.StatusCode > 299 {
		return fmt.Errorf("webhook %s: status %d", d.Target, res.StatusCode)
	}
	return nil
}
