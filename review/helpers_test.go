package review

import (
	"context"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/index/bleve"
	"github.com/netra-id/netra/review/users"
	"golang.org/x/crypto/bcrypt"
)

// Test accounts; the passwords only exist in tests.
const (
	adminPW    = "admin-pass-123"
	reviewerPW = "reviewer-pass-123"
	viewerPW   = "viewer-pass-123"
)

// openTestStore opens the store the tests run against.
func openTestStore(t testing.TB) index.Store {
	t.Helper()
	s, err := bleve.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// evidence builds a hit whose offsets point at sentence inside text, the way
// the classifier reports them.
func evidence(t testing.TB, text, rule, category, sentence string, terms ...string) netra.Hit {
	t.Helper()
	i := strings.Index(text, sentence)
	if i < 0 {
		t.Fatalf("evidence %q not in text", sentence)
	}
	h := netra.Hit{Rule: rule, Category: category, Sentence: sentence, Start: i, End: i + len(sentence),
		Title: "ASN mendukung peserta pemilu", Regulation: "PP 94/2021 Pasal 5 huruf n", Weight: 1}
	for _, term := range terms {
		if j := strings.Index(sentence, term); j >= 0 {
			h.Terms = append(h.Terms, term)
			h.Spans = append(h.Spans, netra.Span{Start: i + j, End: i + j + len(term), Role: "term"})
		}
	}
	return h
}

// fixtureRecords are short Indonesian texts in the style of the bundled
// demo data, with hand-placed evidence.
func fixtureRecords(t testing.TB) []netra.Record {
	t.Helper()
	day := time.Date(2024, 1, 10, 8, 0, 0, 0, time.UTC)
	mk := func(src, region, url, title, text string, flagged bool, score float64, age int, hits ...netra.Hit) netra.Record {
		it := netra.Item{Source: src, Kind: "news", URL: url, Title: title, Text: text, Region: region,
			Published: day.Add(time.Duration(age) * time.Hour), Fetched: day.Add(48 * time.Hour), Language: "id"}
		it.ID = netra.ItemID(url, src, text)
		cats := []string{}
		for _, h := range hits {
			if !slices.Contains(cats, h.Category) {
				cats = append(cats, h.Category)
			}
		}
		return netra.Record{Item: it, Verdict: netra.Verdict{ID: it.ID, Flagged: flagged, Score: score, Categories: cats, Hits: hits, RulesVersion: "test"}}
	}
	t1 := "Seorang camat di Kabupaten Lumajang kedapatan mengajak warga mendukung paslon nomor urut 2 saat acara kampanye. Bawaslu akan memeriksa camat tersebut."
	t2 := "Kepala desa di Gresik memasang baliho dukungan untuk calon bupati. Panwaslu menyebut kades dilarang berpolitik praktis."
	t3 := "Harga cabai di pasar induk naik menjelang akhir tahun, kata pedagang."
	t4 := "Sejumlah ASN Pemkab Hulu Sungai Tengah hadir dalam konsolidasi tim kampanye daerah dan berfoto dengan salam dua jari."
	return []netra.Record{
		mk("kompas", "Jawa Timur", "https://regional.example.id/camat-lumajang", "Camat ajak warga dukung paslon", t1, true, 0.91, 10,
			evidence(t, t1, "asn-dukung-paslon", "asn_partisan", "Seorang camat di Kabupaten Lumajang kedapatan mengajak warga mendukung paslon nomor urut 2 saat acara kampanye.", "camat", "mendukung", "paslon")),
		mk("detik", "Jawa Timur", "https://news.example.id/kades-gresik", "Kades pasang baliho", t2, false, 0.55, 20,
			evidence(t, t2, "kades-dukung-calon", "kepala_desa", "Kepala desa di Gresik memasang baliho dukungan untuk calon bupati.", "Kepala desa", "dukungan")),
		mk("kompas", "DKI Jakarta", "https://ekonomi.example.id/cabai", "Harga cabai naik", t3, false, 0, 30),
		mk("tweets", "Kalimantan Selatan", "", "", t4, true, 0.77, 5,
			evidence(t, t4, "asn-hadir-kampanye", "asn_partisan", t4, "ASN", "kampanye", "salam dua jari")),
	}
}

type fixture struct {
	t      testing.TB
	srv    *Server
	ts     *httptest.Server
	store  index.Store
	accts  *users.Store
	recs   []netra.Record
	extras []netra.Record
}

type fixtureOpt func(*fixture, *[]Option)

func withOptions(o ...Option) fixtureOpt {
	return func(f *fixture, opts *[]Option) { *opts = append(*opts, o...) }
}

func withRecords(recs ...netra.Record) fixtureOpt {
	return func(f *fixture, _ *[]Option) { f.extras = append(f.extras, recs...) }
}

func newFixture(t testing.TB, fopts ...fixtureOpt) *fixture {
	t.Helper()
	f := &fixture{t: t}
	var opts []Option
	for _, o := range fopts {
		o(f, &opts)
	}
	accts, err := users.Open(filepath.Join(t.TempDir(), "users.json"), users.WithCost(bcrypt.MinCost))
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []struct {
		name string
		role users.Role
		pw   string
	}{{"admin", users.RoleAdmin, adminPW}, {"rina", users.RoleReviewer, reviewerPW}, {"budi", users.RoleViewer, viewerPW}} {
		if err := accts.Add(u.name, u.role, u.pw); err != nil {
			t.Fatal(err)
		}
	}
	f.accts = accts
	f.store = openTestStore(t)
	f.recs = append(fixtureRecords(t), f.extras...)
	if err := f.store.Upsert(context.Background(), f.recs); err != nil {
		t.Fatal(err)
	}
	f.srv, err = New(f.store, accts, opts...)
	if err != nil {
		t.Fatal(err)
	}
	f.ts = httptest.NewServer(f.srv.Handler())
	t.Cleanup(f.ts.Close)
	return f
}

// client returns an HTTP client with a cookie jar that does not follow
// redirects, so tests see them.
func (f *fixture) client() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func (f *fixture) id(i int) string { return f.recs[i].Item.ID }

// cookieValue is the value of the last cookie called name in cs, "" when
// there is none.
func cookieValue(cs []*http.Cookie, name string) string {
	v := ""
	for _, ck := range cs {
		if ck.Name == name {
			v = ck.Value
		}
	}
	return v
}

// login logs in through the form and returns the client and its CSRF token.
func (f *fixture) login(user, pw string) (*http.Client, string) {
	f.t.Helper()
	c := f.client()
	resp, err := c.Get(f.ts.URL + "/login")
	if err != nil {
		f.t.Fatal(err)
	}
	resp.Body.Close()
	u, _ := url.Parse(f.ts.URL)
	tok := cookieValue(c.Jar.Cookies(u), loginCSRFCookie)
	resp, err = c.PostForm(f.ts.URL+"/login", url.Values{"user": {user}, "password": {pw}, "csrf": {tok}})
	if err != nil {
		f.t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		f.t.Fatalf("login %s: status %d", user, resp.StatusCode)
	}
	for _, ck := range c.Jar.Cookies(u) {
		if ck.Name == sessionCookie {
			ss, ok := f.srv.Sessions().Get(ck.Value)
			if !ok {
				f.t.Fatal("no session after login")
			}
			return c, ss.CSRF
		}
	}
	f.t.Fatal("no session cookie after login")
	return nil, ""
}
