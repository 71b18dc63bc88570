package fetch

import (
	"net/netip"
	"testing"
	"time"
	"unicode/utf8"
)

func TestHostsAdaptive(t *testing.T) {
	h := NewHosts(2, 100*time.Millisecond, true)
	const host = "berita.contoh.id"
	if d := h.Delay(host); d != 100*time.Millisecond {
		t.Fatalf("base delay %v", d)
	}
	// Rising latency slows down.
	h.Observe(host, 2*time.Second, 200, 0)
	d1 := h.Delay(host)
	if d1 <= 100*time.Millisecond {
		t.Errorf("slow responses did not slow down: %v", d1)
	}
	// Errors never speed up, however fast they come back.
	for i := 0; i < 5; i++ {
		h.Observe(host, time.Millisecond, 500, 0)
		h.Observe(host, time.Millisecond, 0, 0)
	}
	if d := h.Delay(host); d < d1 {
		t.Errorf("errors sped the crawler up: %v -> %v", d1, d)
	}
	// 429 with Retry-After: a pause that long, then a modest pace again
	// rather than one request per Retry-After.
	before := time.Now()
	h.Observe(host, time.Millisecond, 429, 5*time.Second)
	if p := h.PausedUntil(host); p.Before(before.Add(5 * time.Second)) {
		t.Errorf("Retry-After 5s paused the host until %v, want at least 5s from %v", p, before)
	}
	if d := h.Delay(host); d >= 5*time.Second || d < d1 {
		t.Errorf("after Retry-After 5s the delay is %v, want slower than %v but not the pause itself", d, d1)
	}
	// Success recovers, slowly, and never below the minimum.
	h.SetMinDelay(host, 300*time.Millisecond)
	for i := 0; i < 200; i++ {
		h.Observe(host, time.Millisecond, 200, 0)
	}
	if d := h.Delay(host); d != 300*time.Millisecond {
		t.Errorf("after recovery delay %v, want the Crawl-delay floor 300ms", d)
	}
	// Without adaptation nothing moves.
	f := NewHosts(2, 0, false)
	f.Observe(host, time.Second, 429, time.Minute)
	if d := f.Delay(host); d != 0 {
		t.Errorf("non-adaptive host delay %v", d)
	}
}

func TestBlocked(t *testing.T) {
	for _, s := range []string{"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00:ec2::254", "::ffff:127.0.0.1", "224.0.0.1"} {
		if !Blocked(netip.MustParseAddr(s)) {
			t.Errorf("%s not blocked", s)
		}
	}
	for _, s := range []string{"8.8.8.8", "103.10.20.30", "2001:4860:4860::8888"} {
		if Blocked(netip.MustParseAddr(s)) {
			t.Errorf("%s blocked", s)
		}
	}
	g := Guard{Allowed: map[string]bool{"127.0.0.1:8080": true}}
	if g.Control("tcp4", "127.0.0.1:8080", nil) != nil {
		t.Error("allowed address refused")
	}
	if g.Control("tcp4", "127.0.0.1:8081", nil) == nil || g.Control("tcp4", "169.254.169.254:80", nil) == nil {
		t.Error("private address dialled")
	}
	if (Guard{AllowPrivate: true}).Control("tcp4", "10.0.0.1:80", nil) != nil {
		t.Error("allow_private ignored")
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2024, 2, 14, 7, 0, 0, 0, time.UTC)
	if d := parseRetryAfter("120", now); d != 2*time.Minute {
		t.Errorf("seconds: %v", d)
	}
	if d := parseRetryAfter("Wed, 14 Feb 2024 07:01:30 GMT", now); d != 90*time.Second {
		t.Errorf("date: %v", d)
	}
	if d := parseRetryAfter("besok", now); d != 0 {
		t.Errorf("junk: %v", d)
	}
}

func TestDecode(t *testing.T) {
	cases := []struct {
		body, ct, want, charset string
	}{
		{"caf\xe9 \x93kutip\x94", "text/html; charset=utf-8", "café “kutip”", "windows-1252"},
		{"café “kutip”", "text/html; charset=iso-8859-1", "café “kutip”", "utf-8"},
		{"caf\xe9", "text/html; charset=iso-8859-1", "café", "windows-1252"},
		{`<?xml version="1.0" encoding="ISO-8859-1"?><rss>caf` + "\xe9</rss>", "application/xml", `<?xml version="1.0" encoding="ISO-8859-1"?><rss>café</rss>`, "windows-1252"},
		{"\xef\xbb\xbfhalo", "text/plain", "halo", "utf-8"},
	}
	for _, c := range cases {
		got, cs := Decode([]byte(c.body), c.ct)
		if string(got) != c.want || cs != c.charset {
			t.Errorf("Decode(%q, %q) = %q (%s), want %q (%s)", c.body, c.ct, got, cs, c.want, c.charset)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("caf\xe9"), "text/html; charset=utf-8")
	f.Add([]byte(`<meta charset="koi8-r">\xc1`), "text/html")
	f.Fuzz(func(t *testing.T, b []byte, ct string) {
		out, _ := Decode(b, ct)
		if !utf8.Valid(out) {
			t.Fatalf("Decode produced invalid UTF-8 from %q", b)
		}
	})
}
