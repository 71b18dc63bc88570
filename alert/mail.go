package alert

import (
	"context"
	"crypto/tls"
	"fmt"
	"mime"
	"net"
	"net/smtp"
	"strings"
	"time"
)

// Mailer sends e-mail through an SMTP server, always upgrading the
// connection with STARTTLS first: alerts name people and places.
type Mailer struct {
	Addr     string // host:port of the SMTP server (submission, usually 587)
	From     string // sender address
	Username string // for AUTH PLAIN, after STARTTLS; empty sends without
	Password string
	// TLS configures STARTTLS; nil verifies the server's certificate
	// against the system roots for the host of Addr.
	TLS *tls.Config
}

// Send sends one plain-text message to one address.
func (m *Mailer) Send(ctx context.Context, to, subject, body string) error {
	host, _, err := net.SplitHostPort(m.Addr)
	if err != nil {
		return fmt.Errorf("smtp %s: %w", m.Addr, err)
	}
	d := net.Dialer{Timeout: 10 * time.Second}
	conn, err := d.DialContext(ctx, "tcp", m.Addr)
	if err != nil {
		return fmt.Errorf("smtp %s: %w", m.Addr, err)
	}
	deadline := time.Now().Add(time.Minute)
	if dl, ok := ctx.Deadline(); ok && dl.Before(deadline) {
		deadline = dl
	}
	_ = conn.SetDeadline(deadline)
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		conn.Close()
		return fmt.Errorf("smtp %s: %w", m.Addr, err)
	}
	defer c.Close()
	if ok, _ := c.Extension("STARTTLS"); !ok {
		return fmt.Errorf("smtp %s: the server does not offer STARTTLS; refusing to send in clear", m.Addr)
	}
	cfg := m.TLS
	if cfg == nil {
		cfg = &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
	}
	if err := c.StartTLS(cfg); err != nil {
		return fmt.Errorf("smtp %s: starttls: %w", m.Addr, err)
	}
	if m.Username != "" {
		if err := c.Auth(smtp.PlainAuth("", m.Username, m.Password, host)); err != nil {
			return fmt.Errorf("smtp %s: auth: %w", m.Addr, err)
		}
	}
	if err := c.Mail(m.From); err != nil {
		return fmt.Errorf("smtp %s: mail from: %w", m.Addr, err)
	}
	if err := c.Rcpt(to); err != nil {
		return fmt.Errorf("smtp %s: rcpt to %s: %w", m.Addr, to, err)
	}
	w, err := c.Data()
	if err != nil {
		return fmt.Errorf("smtp %s: data: %w", m.Addr, err)
	}
	msg := "From: " + m.From + "\r\nTo: " + to + "\r\nSubject: " + mime.QEncoding.Encode("utf-8", subject) +
		"\r\nDate: " + time.Now().UTC().Format(time.RFC1123Z) +
		"\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
		crlf(body)
	if _, err := w.Write([]byte(msg)); err != nil {
		return fmt.Errorf("smtp %s: write message: %w", m.Addr, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("smtp %s: end message: %w", m.Addr, err)
	}
	return c.Quit()
}

// crlf makes line ends CRLF, as SMTP wants.
func crlf(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", "\r\n")
}

// oneLine keeps header-bound text on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// renderMail is the subject and body of an alert mail.
func renderMail(a Alert) (string, string) {
	kind := "New matches"
	switch a.Digest {
	case DigestDaily:
		kind = "Daily digest"
	case DigestWeekly:
		kind = "Weekly digest"
	}
	subject := fmt.Sprintf("[Netra] %s: %d for %q", kind, len(a.Items), oneLine(a.Search.Name))
	var b strings.Builder
	fmt.Fprintf(&b, "%s for the saved search %q (revision %d).\n\n", kind, oneLine(a.Search.Name), a.Search.Revision)
	for _, it := range a.Items {
		title := oneLine(it.Title)
		if title == "" {
			title = it.ID
		}
		fmt.Fprintf(&b, "- %s\n  id: %s  score: %.2f  flagged: %v", title, it.ID, it.Score, it.Flagged)
		if it.Region != "" {
			fmt.Fprintf(&b, "  region: %s", oneLine(it.Region))
		}
		if len(it.Categories) > 0 {
			fmt.Fprintf(&b, "  categories: %s", strings.Join(it.Categories, ", "))
		}
		b.WriteString("\n")
		if it.URL != "" {
			fmt.Fprintf(&b, "  %s\n", oneLine(it.URL))
		}
	}
	return subject, b.String()
}
