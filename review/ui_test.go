package review

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/netra-id/netra"
)

func (f *fixture) page(c *http.Client, path string) (int, string) {
	f.t.Helper()
	resp, err := c.Get(f.ts.URL + path)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func (f *fixture) post(c *http.Client, path string, form url.Values) (int, string, string) {
	f.t.Helper()
	resp, err := c.PostForm(f.ts.URL+path, form)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Location"), string(b)
}

// hostileRecord is a crawled page that tries every trick on the reviewer's browser.
func hostileRecord() netra.Record {
	text := `Camat <script>alert("xss")</script> mendukung paslon <img src=x onerror=alert(1)> <a href="javascript:alert(2)">klik</a> "quoted" & done`
	it := netra.Item{Source: "evil<b>", URL: "javascript:alert(3)", Title: `<svg onload=alert(4)>judul`, Text: text,
		Author: "<i>penulis</i>", Meta: map[string]string{"<k>": `"><script>alert(5)</script>`}}
	it.ID = netra.ItemID("", it.Source, it.Text)
	i := strings.Index(text, "<script>")
	return netra.Record{Item: it, Verdict: netra.Verdict{ID: it.ID, Flagged: true, Score: 0.99, Categories: []string{"asn_partisan"},
		Hits: []netra.Hit{{Rule: "r<1>", Category: "asn_partisan", Sentence: "<script>alert(\"xss\")</script>", Start: i, End: i + 40,
			Regulation: "<b>PP</b>", Terms: []string{"<img>"}}}}}
}

func TestUILoginRequired(t *testing.T) {
	f := newFixture(t)
	c := f.client()
	for _, p := range []string{"/", "/items/" + f.id(0), "/sources", "/export?format=csv"} {
		resp, err := c.Get(f.ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/login?next=") {
			t.Errorf("GET %s anonymous: %d %s", p, resp.StatusCode, resp.Header.Get("Location"))
		}
	}
	if code, _, _ := f.post(c, "/items/"+f.id(0)+"/review", url.Values{"status": {"confirmed"}, "version": {"1"}}); code != http.StatusUnauthorized {
		t.Errorf("anonymous POST: %d", code)
	}
}

func TestUILogin(t *testing.T) {
	f := newFixture(t)
	c := f.client()
	f.page(c, "/login")
	// No CSRF token: refused before the password is even checked.
	if code, _, _ := f.post(c, "/login", url.Values{"user": {"rina"}, "password": {reviewerPW}}); code != http.StatusForbidden {
		t.Errorf("login without CSRF: %d", code)
	}
	u, _ := url.Parse(f.ts.URL)
	tok := cookieValue(c.Jar.Cookies(u), loginCSRFCookie)
	code, _, body := f.post(c, "/login", url.Values{"user": {"rina"}, "password": {"salah"}, "csrf": {tok}})
	if code != http.StatusUnauthorized || !strings.Contains(body, tr(langID, "err_bad_login")) {
		t.Errorf("wrong password: %d", code)
	}
	resp, err := c.Get(f.ts.URL + "/login")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	for _, ck := range resp.Cookies() {
		if ck.Name == loginCSRFCookie {
			tok = ck.Value
			if !ck.HttpOnly || ck.SameSite != http.SameSiteStrictMode {
				t.Errorf("login CSRF cookie flags: %+v", ck)
			}
		}
	}
	resp, err = c.PostForm(f.ts.URL+"/login", url.Values{"user": {"rina"}, "password": {reviewerPW}, "csrf": {tok}, "next": {"//evil.example/x"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
		t.Errorf("login redirect: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	var sess *http.Cookie
	for _, ck := range resp.Cookies() {
		if ck.Name == sessionCookie {
			sess = ck
		}
	}
	if sess == nil || !sess.HttpOnly || sess.SameSite != http.SameSiteStrictMode || sess.Secure {
		t.Errorf("session cookie: %+v (Secure only when TLS)", sess)
	}
}

func TestUIQueueAndItem(t *testing.T) {
	f := newFixture(t)
	c, _ := f.login("budi", viewerPW)
	code, body := f.page(c, "/")
	if code != 200 || !strings.Contains(body, "Camat ajak warga dukung paslon") || strings.Contains(body, "Harga cabai") {
		t.Errorf("queue (flagged only): %d", code)
	}
	if !strings.Contains(body, `id="facet-source"`) || !strings.Contains(body, "Antrean") {
		t.Error("queue lacks facets or Indonesian labels")
	}
	if strings.Contains(body, `id="bulk"`) {
		t.Error("viewer sees the bulk form")
	}
	_, body = f.page(c, "/?flagged=all&q=cabai&lang=en")
	if !strings.Contains(body, "Harga cabai") || !strings.Contains(body, "Queue") {
		t.Error("search all in English failed")
	}
	_, body = f.page(c, "/") // the language stays chosen by cookie
	if !strings.Contains(body, "Queue") {
		t.Error("language cookie not honoured")
	}
	code, body = f.page(c, "/items/"+f.id(0)+"?lang=id")
	if code != 200 || !strings.Contains(body, `<mark class="hit" title="asn-dukung-paslon" id="hit-1">Seorang `) || !strings.Contains(body, `<mark class="hit term" title="asn-dukung-paslon">camat</mark>`) {
		t.Errorf("item page evidence markup missing: %d", code)
	}
	if !strings.Contains(body, "PP 94/2021 Pasal 5 huruf n") || !strings.Contains(body, `rel="noopener noreferrer"`) || !strings.Contains(body, `id="read-only"`) {
		t.Error("item page lacks regulation, safe link or read-only note")
	}
	if code, _ := f.page(c, "/items/nope"); code != 404 {
		t.Errorf("missing item: %d", code)
	}
}

func TestUIHostileTextIsEscaped(t *testing.T) {
	h := hostileRecord()
	f := newFixture(t, withRecords(h))
	c, _ := f.login("rina", reviewerPW)
	for _, p := range []string{"/items/" + h.Item.ID, "/?q=camat", "/"} {
		_, body := f.page(c, p)
		for _, bad := range []string{"<script>alert", "<img src=x", `href="javascript:`, "<svg", "<i>penulis", "<b>PP", "<k>", "evil<b>"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s renders %q unescaped", p, bad)
			}
		}
	}
	_, body := f.page(c, "/items/"+h.Item.ID)
	if !strings.Contains(body, "&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;") || !strings.Contains(body, `id="source-link-unsafe"`) {
		t.Error("hostile text not shown escaped, or javascript: URL not marked unsafe")
	}
}

// overruledRecord is a flagged record whose one hit, over the whole text,
// the word model overruled: cancelled as cancelledAs by cue, or a near
// miss (cancelledAs "near") with cue saying what was missing.
func overruledRecord(title, text, cue, cancelledAs string, terms ...string) (netra.Item, netra.Record) {
	it := netra.Item{Source: "uji", Title: title, Text: text}
	it.ID = netra.ItemID("", it.Source, it.Text)
	rec := netra.Record{Item: it, Verdict: netra.Verdict{ID: it.ID, Flagged: true, Score: 0.6, Categories: []string{"asn_campaign"},
		Hits: []netra.Hit{{Rule: "asn-campaign", Category: "asn_campaign", Sentence: text, Start: 0, End: len(text),
			Terms: terms, Mode: netra.ModeOverruled, Cue: cue, CancelledAs: cancelledAs}}}}
	return it, rec
}

// TestUIOverruledHit checks that a hit the word model overruled says so on
// the item page: the mode the rules had given it and its cue, escaped.
func TestUIOverruledHit(t *testing.T) {
	text := "Bawaslu menyebut ASN dilarang hadir di kampanye, tetapi camat itu tetap datang."
	it, rec := overruledRecord("Camat Datang ke Kampanye", text, "<b>dilarang</b>", "rule", "kampanye")
	f := newFixture(t, withRecords(rec))
	c, _ := f.login("budi", viewerPW)
	_, body := f.page(c, "/items/"+it.ID+"?lang=id")
	if !strings.Contains(body, "Aturan membatalkan kalimat ini sebagai <code>rule</code> (<code>&lt;b&gt;dilarang&lt;/b&gt;</code>); model kata membaca") {
		t.Errorf("item page does not say the hit was overruled, or shows its cue unescaped")
	}
	_, body = f.page(c, "/items/"+f.id(0)+"?lang=en")
	if strings.Contains(body, "The rules cancelled this sentence") {
		t.Error("a hit that was never cancelled is shown as overruled")
	}
	// The queue marks the row, and only that row.
	_, body = f.page(c, "/?lang=en")
	if n := strings.Count(body, `class="overruled-badge"`); n != 1 || !strings.Contains(body, "rules did not flag, word model did") {
		t.Errorf("queue shows %d overruled badges, want 1 with its label", n)
	}
}

// TestUINearMissHit checks that a flag's evidence from a near miss (a rule
// came near the sentence, the word model flagged the article) says so on
// the item page, with what was missing, escaped, and is not called a
// cancelled sentence.
func TestUINearMissHit(t *testing.T) {
	text := "Camat Sukamaju terlihat hadir di lokasi, lalu puluhan orang mulai berkampanye untuk pasangan calon bupati."
	it, rec := overruledRecord("Kampanye di Sukamaju", text, "the actor is 16 words from the act <window 12>", "near", "berkampanye", "Camat")
	f := newFixture(t, withRecords(rec))
	c, _ := f.login("budi", viewerPW)
	_, body := f.page(c, "/items/"+it.ID+"?lang=en")
	if !strings.Contains(body, "A rule came near this sentence, but something was missing (<code>the actor is 16 words from the act &lt;window 12&gt;</code>); the word model") {
		t.Errorf("item page does not say a rule came near the sentence, or shows what was missing unescaped")
	}
	if strings.Contains(body, "The rules cancelled this sentence") {
		t.Error("a near miss is shown as a cancelled sentence")
	}
}

func TestUIReviewActions(t *testing.T) {
	f := newFixture(t)
	id := f.id(0)
	c, csrf := f.login("rina", reviewerPW)
	path := "/items/" + id + "/review"
	code, _, _ := f.post(c, path, url.Values{"status": {"confirmed"}, "version": {"1"}})
	if code != http.StatusForbidden {
		t.Errorf("form POST without CSRF: %d, want 403", code)
	}
	code, _, _ = f.post(c, path, url.Values{"status": {"confirmed"}, "version": {"1"}, "csrf": {"forged"}})
	if code != http.StatusForbidden {
		t.Errorf("form POST with a forged CSRF token: %d, want 403", code)
	}
	if rec, _ := f.store.Get(t.Context(), id); rec.Review.Status == netra.StatusConfirmed {
		t.Fatal("a POST without CSRF changed the record")
	}
	code, loc, _ := f.post(c, path, url.Values{"status": {"confirmed"}, "version": {"1"}, "csrf": {csrf}})
	if code != http.StatusSeeOther || !strings.Contains(loc, "flash=saved") {
		t.Fatalf("confirm: %d %s", code, loc)
	}
	// The same form again is based on a stale version.
	code, loc, _ = f.post(c, path, url.Values{"status": {"escalated"}, "version": {"1"}, "csrf": {csrf}})
	if code != http.StatusSeeOther || !strings.Contains(loc, "flash=conflict") {
		t.Errorf("stale form: %d %s", code, loc)
	}
	code, _, _ = f.post(c, path, url.Values{"status": {"dismissed"}, "version": {"2"}, "csrf": {csrf}})
	if code != http.StatusBadRequest {
		t.Errorf("dismiss without reason: %d", code)
	}
	_, body := f.page(c, "/items/"+id)
	if !strings.Contains(body, `data-status="confirmed"`) || !strings.Contains(body, `<td class="audit-who">rina</td>`) {
		t.Error("item page does not show the confirmed status and the audit entry")
	}
	// Bulk: dismiss two with a reason (and one that does not exist); the
	// queue then reports each item.
	code, loc, _ = f.post(c, "/bulk", url.Values{"ids": {f.id(1), f.id(3), "tidak-ada"}, "action": {"dismissed"}, "note": {"bukan ASN"}, "csrf": {csrf}, "back": {"/?flagged=all"}})
	if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/?bulk=") || !strings.HasSuffix(loc, "&flagged=all") {
		t.Errorf("bulk: %d %s", code, loc)
	}
	_, body = f.page(c, loc)
	report := grep(body, "data-id=")
	if !strings.Contains(body, "Tindakan massal: 2 berhasil, 1 gagal.") ||
		!strings.Contains(body, `<li class="ok" data-id="`+f.id(1)+`">`) || !strings.Contains(body, `<li class="ok" data-id="`+f.id(3)+`">`) ||
		!strings.Contains(body, `<li class="failed" data-id="tidak-ada">`) || !strings.Contains(body, "Item tidak ditemukan.") {
		t.Errorf("queue after bulk does not report each item:\n%s", report)
	}
	if strings.Contains(body, "?back=%2f%3fbulk") || strings.Contains(body, `name="back" value="/?bulk=`) {
		t.Errorf("links back to the queue carry the one-off bulk report:\n%s", grep(body, "back"))
	}
	for _, i := range []int{1, 3} {
		if rec, _ := f.store.Get(t.Context(), f.id(i)); rec.Review.Status != netra.StatusDismissed || rec.Review.Note != "bukan ASN" {
			t.Errorf("bulk did not dismiss %d: %+v", i, rec.Review)
		}
	}
	// A viewer with a valid session and token is still refused.
	vc, vcsrf := f.login("budi", viewerPW)
	if _, body := f.page(vc, loc); strings.Contains(body, `id="bulk-report"`) {
		t.Error("another user sees rina's bulk report")
	}
	code, _, _ = f.post(vc, path, url.Values{"status": {"escalated"}, "version": {"2"}, "csrf": {vcsrf}})
	if code != http.StatusForbidden {
		t.Errorf("viewer confirm: %d, want 403", code)
	}
	// Logout needs the token too, then the session is gone.
	if code, _, _ := f.post(c, "/logout", url.Values{}); code != http.StatusForbidden {
		t.Errorf("logout without CSRF: %d", code)
	}
	f.post(c, "/logout", url.Values{"csrf": {csrf}})
	if code, _ := f.page(c, "/"); code != http.StatusSeeOther {
		t.Errorf("after logout: %d", code)
	}
}

func TestUISourcesPage(t *testing.T) {
	src := &fakeSources{list: []SourceStatus{{Name: "kompas-pemilu", Schedule: "*/5 * * * *", Items: 12, Flagged: 3, LastError: "<b>timeout</b>"}}}
	f := newFixture(t, withOptions(WithSources(src)))
	vc, _ := f.login("budi", viewerPW)
	_, body := f.page(vc, "/sources")
	if !strings.Contains(body, "kompas-pemilu") || !strings.Contains(body, "12 / 3 / 0") || strings.Contains(body, "<b>timeout") || strings.Contains(body, "run-now") {
		t.Error("viewer's sources page wrong")
	}
	ac, acsrf := f.login("admin", adminPW)
	_, body = f.page(ac, "/sources")
	if !strings.Contains(body, `class="run-now"`) {
		t.Error("admin sees no run-now button")
	}
	code, loc, _ := f.post(ac, "/sources/kompas-pemilu/run", url.Values{"csrf": {acsrf}})
	if code != http.StatusSeeOther || len(src.started) != 1 {
		t.Errorf("run now: %d %s %v", code, loc, src.started)
	}
}

func TestUISecureCookieOverTLS(t *testing.T) {
	f := newFixture(t)
	ts := httptest.NewTLSServer(f.srv.Handler())
	defer ts.Close()
	c := ts.Client()
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := c.Get(ts.URL + "/login")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	tok := cookieValue(resp.Cookies(), loginCSRFCookie)
	req, _ := http.NewRequest("POST", ts.URL+"/login", strings.NewReader(url.Values{"user": {"rina"}, "password": {reviewerPW}, "csrf": {tok}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: loginCSRFCookie, Value: tok})
	resp, err = c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	found := false
	for _, ck := range resp.Cookies() {
		if ck.Name == sessionCookie {
			found = true
			if !ck.Secure || !ck.HttpOnly || ck.SameSite != http.SameSiteStrictMode {
				t.Errorf("session cookie over TLS: %+v", ck)
			}
		}
	}
	if !found || resp.Header.Get("Strict-Transport-Security") == "" {
		t.Errorf("TLS login: cookie %v, HSTS %q", found, resp.Header.Get("Strict-Transport-Security"))
	}
}

func TestUIItemLinkKeepsQueue(t *testing.T) {
	f := newFixture(t)
	c, _ := f.login("budi", viewerPW)
	_, body := f.page(c, "/?q=camat&sort=score")
	if !strings.Contains(body, `href="/items/`+f.id(0)+`?back=%2f%3fq%3dcamat%26sort%3dscore"`) {
		t.Errorf("item link does not carry the queue URL:\n%s", grep(body, "item-link"))
	}
	_, body = f.page(c, "/items/"+f.id(0)+"?back=%2F%3Fq%3Dcamat%26sort%3Dscore")
	if !strings.Contains(body, `id="back"`) || !strings.Contains(body, `href="/?q=camat&amp;sort=score"`) {
		t.Errorf("back link:\n%s", grep(body, `id="back"`))
	}
	_, body = f.page(c, "/items/"+f.id(0)+"?back=https://evil.example/")
	if !strings.Contains(body, `<a href="/" id="back">`) {
		t.Errorf("back link leaves the site:\n%s", grep(body, `id="back"`))
	}
}

func TestUIPasswordChangeEndsSessions(t *testing.T) {
	f := newFixture(t)
	c, _ := f.login("rina", reviewerPW)
	if code, _ := f.page(c, "/"); code != 200 {
		t.Fatalf("queue: %d", code)
	}
	time.Sleep(20 * time.Millisecond)
	if err := f.accts.SetPassword("rina", "another-pass-456"); err != nil {
		t.Fatal(err)
	}
	if code, _ := f.page(c, "/"); code != http.StatusSeeOther {
		t.Errorf("session survived a password change: %d", code)
	}
}

func TestUILoginRateLimit(t *testing.T) {
	f := newFixture(t, withOptions(WithLoginLimit(2, time.Hour)))
	setClock(f, newClock())
	c := f.client()
	try := func(pw string) int {
		resp, err := c.Get(f.ts.URL + "/login")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		tok := cookieValue(resp.Cookies(), loginCSRFCookie)
		code, _, _ := f.post(c, "/login", url.Values{"user": {"rina"}, "password": {pw}, "csrf": {tok}})
		return code
	}
	if a, b := try("salah-1"), try("salah-2"); a != 401 || b != 401 {
		t.Fatalf("failures: %d %d", a, b)
	}
	if code := try(reviewerPW); code != http.StatusTooManyRequests {
		t.Errorf("right password after the limit: %d, want 429", code)
	}
}

func FuzzParseQuery(f *testing.F) {
	f.Add("q=camat&status=new,confirmed&min_score=0.5&since=2024-01-01&sort=score&limit=10&facets=rule")
	f.Add("until=2024-02-30&flagged=maybe&limit=-1")
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		q, err := parseQuery(v)
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field == "" {
				t.Fatalf("error without a field: %v", err)
			}
			return
		}
		if q.Limit < 1 || q.Limit > maxLimit {
			t.Fatalf("limit %d accepted", q.Limit)
		}
		for _, s := range q.Statuses {
			if !s.Valid() {
				t.Fatalf("status %q accepted", s)
			}
		}
	})
}

func TestUIReviewReturnsToItemWithQueue(t *testing.T) {
	f := newFixture(t)
	c, csrf := f.login("rina", reviewerPW)
	code, loc, _ := f.post(c, "/items/"+f.id(0)+"/review", url.Values{"status": {"escalated"}, "version": {"1"}, "csrf": {csrf}, "back": {"/?q=camat"}})
	if code != http.StatusSeeOther || loc != "/items/"+f.id(0)+"?back=%2F%3Fq%3Dcamat&flash=saved" {
		t.Errorf("redirect %d %q", code, loc)
	}
	_, body := f.page(c, loc)
	if !strings.Contains(body, `href="/?q=camat" id="back"`) || !strings.Contains(body, `id="flash"`) {
		t.Errorf("item page after review:\n%s", grep(body, `id="back"`))
	}
}
