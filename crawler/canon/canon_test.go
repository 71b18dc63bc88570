package canon

import (
	"net/url"
	"testing"
)

func TestURL(t *testing.T) {
	cases := []struct{ in, want string }{
		{"HTTPS://WWW.Kompas.com:443/read/2024/01/02/berita?utm_source=fb&utm_medium=x#komentar", "https://www.kompas.com/read/2024/01/02/berita"},
		{"https://news.detik.com/berita/d-1/x?fbclid=abc&b=2&a=1", "https://news.detik.com/berita/d-1/x?a=1&b=2"},
		{"https://contoh.id/a/../b/./c?gclid=1", "https://contoh.id/b/c"},
		{"https://contoh.id/berita/pilkada/amp", "https://contoh.id/berita/pilkada"},
		{"https://contoh.id/berita/pilkada?amp=1&page=2", "https://contoh.id/berita/pilkada?page=2"},
		{"http://contoh.id:80", "http://contoh.id/"},
		{"http://contoh.id:8080/x/", "http://contoh.id:8080/x/"},
		{"https://contoh.id/cari?q=asn+netral", "https://contoh.id/cari?q=asn+netral"},
	}
	for _, c := range cases {
		got, err := URL(c.in)
		if err != nil {
			t.Errorf("URL(%q): %v", c.in, err)
			continue
		}
		if got != c.want {
			t.Errorf("URL(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if _, err := URL("/relative"); err == nil {
		t.Error("relative URL accepted")
	}
}

func TestResolve(t *testing.T) {
	base, _ := url.Parse("https://contoh.id/daerah/index.html")
	got, err := Resolve(base, "../berita/1.html?utm_campaign=x#top")
	if err != nil || got != "https://contoh.id/berita/1.html" {
		t.Errorf("Resolve = %q, %v", got, err)
	}
	for _, bad := range []string{"mailto:a@b.id", "javascript:void(0)", ""} {
		if _, err := Resolve(base, bad); err == nil {
			t.Errorf("Resolve(%q) accepted", bad)
		}
	}
}

func FuzzURL(f *testing.F) {
	f.Add("https://contoh.id/a?utm_source=x&b=1#f")
	f.Add("http://[::1]:80/amp")
	f.Fuzz(func(t *testing.T, s string) {
		once, err := URL(s)
		if err != nil {
			return
		}
		twice, err := URL(once)
		if err != nil {
			t.Fatalf("canonical %q of %q does not parse: %v", once, s, err)
		}
		if once != twice {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, once, twice)
		}
	})
}
