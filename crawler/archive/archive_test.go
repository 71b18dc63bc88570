package archive

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
)

func html(t testing.TB, page []byte) string {
	t.Helper()
	pc := Freeze(page, time.Date(2024, 1, 2, 3, 4, 5, 0, time.FixedZone("WIB", 7*3600)))
	b, err := pc.HTML()
	if err != nil {
		t.Fatal(err)
	}
	if pc.Size != len(b) {
		t.Fatalf("size %d, html %d bytes", pc.Size, len(b))
	}
	if !pc.Fetched.Equal(time.Date(2024, 1, 1, 20, 4, 5, 0, time.UTC)) || pc.Fetched.Location() != time.UTC {
		t.Fatalf("fetched %v", pc.Fetched)
	}
	return string(b)
}

func TestFreezeRemovesEveryScriptVector(t *testing.T) {
	page, err := os.ReadFile("testdata/hostile.html")
	if err != nil {
		t.Fatal(err)
	}
	got := html(t, page)
	if bad := unsafeMarkup([]byte(got[len(header):])); bad != "" {
		t.Errorf("frozen copy keeps %s", bad)
	}
	lower := strings.ToLower(got)
	for _, bad := range []string{"<script", "<style", "<iframe", "<object", "<embed", "<form", "<input", "<svg", "<math", "<img", "<base", "<link",
		"javascript:", "onload", "onerror", "onclick", "onfocus", "ontoggle", "style=", "srcdoc", "pwned"} {
		if strings.Contains(lower, bad) {
			t.Errorf("frozen copy keeps %q:\n%s", bad, got)
		}
	}
	for _, keep := range []string{"Camat hadiri deklarasi paslon", "Seorang camat terlihat hadir", `href="https://example.org/berita"`, "Content-Security-Policy"} {
		if !strings.Contains(got, keep) {
			t.Errorf("frozen copy lost %q:\n%s", keep, got)
		}
	}
}

func TestCheckRefusesForeignCopies(t *testing.T) {
	page, _ := os.ReadFile("testdata/hostile.html")
	if err := Check([]byte(html(t, page))); err != nil {
		t.Fatalf("a frozen copy fails the check: %v", err)
	}
	for name, b := range map[string]string{
		"raw page":         string(page),
		"script in body":   header + `<p>x</p><script>alert(1)</script>` + footer,
		"handler in body":  header + `<p onclick="alert(1)">x</p>` + footer,
		"no policy header": strings.Replace(header, "Content-Security-Policy", "X", 1) + `<p>x</p>` + footer,
		"missing footer":   header + `<p>x</p>`,
	} {
		if err := Check([]byte(b)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestFreezeHashesWhatItKeeps(t *testing.T) {
	pc := Freeze([]byte("<p>Camat <b>hadir</b></p>"), time.Now())
	b, err := pc.HTML()
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	if hex.EncodeToString(sum[:]) != pc.SHA256 {
		t.Fatalf("hash %s, content hashes to %x", pc.SHA256, sum)
	}
	pc.SHA256 = strings.Repeat("0", 64)
	if _, err := pc.HTML(); err == nil {
		t.Fatal("a copy whose hash does not match was accepted")
	}
}

func TestFreezeDecodesDeclaredCharset(t *testing.T) {
	page := []byte("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9 di Kecamatan</p></body></html>")
	if got := html(t, page); !strings.Contains(got, "Café di Kecamatan") {
		t.Fatalf("latin-1 page not decoded: %q", got)
	}
}

func TestFreezeCapsSize(t *testing.T) {
	var page bytes.Buffer
	page.WriteString("<html><body>")
	for page.Len() < 3*MaxBytes {
		page.WriteString(`<p title="é">Warga melaporkan camat yang mengajak pegawai mendukung paslon. </p><a href="https://example.org/`)
	}
	pc := Freeze(page.Bytes(), time.Now())
	got := html(t, page.Bytes())
	if !pc.Truncated || len(got) > MaxBytes || len(got) < MaxBytes/2 || !utf8.ValidString(got) {
		t.Fatalf("truncated %v, %d bytes (cap %d), valid UTF-8 %v", pc.Truncated, len(got), MaxBytes, utf8.ValidString(got))
	}
	if err := Check([]byte(got)); err != nil {
		t.Fatalf("a truncated copy fails the check: %v", err)
	}
	if small := Freeze([]byte("<p>pendek</p>"), time.Now()); small.Truncated {
		t.Fatal("a short page is marked truncated")
	}
}

// FuzzFreeze: whatever the page, the copy decodes, matches its hash, stays
// under the cap and holds no script element or handler.
func FuzzFreeze(f *testing.F) {
	page, _ := os.ReadFile("testdata/hostile.html")
	f.Add(page)
	f.Add([]byte("<p>Camat</p>"))
	f.Add([]byte("<scr<script>ipt>alert(1)</script>"))
	f.Fuzz(func(t *testing.T, page []byte) {
		pc := Freeze(page, time.Time{})
		b, err := pc.HTML()
		if err != nil {
			t.Fatal(err)
		}
		if len(b) > MaxBytes {
			t.Fatalf("%d bytes", len(b))
		}
		if err := Check(b); err != nil {
			t.Fatalf("Freeze(%q) fails its own check: %v\n%s", page, err, b)
		}
		if bad := unsafeMarkup(b[len(header) : len(b)-len(footer)]); bad != "" {
			t.Fatalf("copy of %q keeps %s", page, bad)
		}
	})
}

// unsafeMarkup names the first element or attribute of b that could run
// script or load something, as a browser's tokenizer reads it.
func unsafeMarkup(b []byte) string {
	z := xhtml.NewTokenizer(bytes.NewReader(b))
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return ""
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			tk := z.Token()
			switch tk.Data {
			case "script", "style", "iframe", "frame", "object", "embed", "img", "svg", "math", "form", "input", "base", "link", "meta", "video", "audio", "source":
				return "<" + tk.Data + ">"
			}
			for _, a := range tk.Attr {
				u, err := url.Parse(strings.TrimSpace(a.Val))
				safeURL := err == nil && (u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "mailto")
				if strings.HasPrefix(a.Key, "on") || a.Key == "style" || a.Key == "src" || a.Key == "srcdoc" || (a.Key == "href" && !safeURL) {
					return a.Key + "=" + a.Val
				}
			}
		}
	}
}
