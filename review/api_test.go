package review

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

func (f *fixture) do(method, path, user, pw string, body any) (int, []byte, http.Header) {
	f.t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			f.t.Fatal(err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, f.ts.URL+path, rd)
	if err != nil {
		f.t.Fatal(err)
	}
	if user != "" {
		req.SetBasicAuth(user, pw)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b, resp.Header
}

func decode[T any](t *testing.T, b []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("decode %s: %v", b, err)
	}
	return v
}

type fakeSources struct {
	mu      sync.Mutex
	list    []SourceStatus
	started []string
}

func (s *fakeSources) Sources() []SourceStatus {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]SourceStatus(nil), s.list...)
}

func (s *fakeSources) RunNow(name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, x := range s.list {
		if x.Name == name {
			if x.Running {
				return fmt.Errorf("%s: %w", name, ErrSourceRunning)
			}
			s.list[i].Running = true
			s.started = append(s.started, name)
			return nil
		}
	}
	return fmt.Errorf("%s: %w", name, ErrUnknownSource)
}

func TestAPIAnonymousGets401(t *testing.T) {
	f := newFixture(t, withOptions(WithLoginLimit(1000, time.Minute)))
	id := f.id(0)
	for _, c := range []struct{ method, path string }{
		{"GET", "/api/v1/items"},
		{"GET", "/api/v1/items/" + id},
		{"POST", "/api/v1/items/" + id + "/review"},
		{"GET", "/api/v1/items/" + id + "/audit"},
		{"POST", "/api/v1/review"},
		{"GET", "/api/v1/export?format=csv"},
		{"GET", "/api/v1/sources"},
		{"POST", "/api/v1/sources/x/run"},
		{"GET", "/api/v1/stats"},
		{"GET", "/api/v1/me"},
		{"POST", "/api/v1/openapi.json"},
		{"GET", "/api/v1/nope"},
		{"GET", "/api/"},
	} {
		code, body, h := f.do(c.method, c.path, "", "", nil)
		if code != http.StatusUnauthorized {
			t.Errorf("%s %s anonymous: %d %s, want 401", c.method, c.path, code, body)
		}
		if !strings.Contains(h.Get("WWW-Authenticate"), "Basic") {
			t.Errorf("%s %s: no WWW-Authenticate", c.method, c.path)
		}
		// Wrong password is 401 too.
		if code, _, _ := f.do(c.method, c.path, "budi", "wrong-password", nil); code != http.StatusUnauthorized {
			t.Errorf("%s %s wrong password: %d, want 401", c.method, c.path, code)
		}
	}
}

func TestAPIRoles(t *testing.T) {
	src := &fakeSources{list: []SourceStatus{{Name: "kompas-pemilu", Schedule: "@every 1h"}}}
	f := newFixture(t, withOptions(WithSources(src)))
	id := f.id(0)
	review := map[string]any{"status": "confirmed", "version": 1}
	bulk := map[string]any{"ids": []string{id}, "status": "escalated"}
	for _, c := range []struct {
		user, pw     string
		method, path string
		body         any
		want         int
	}{
		{"budi", viewerPW, "GET", "/api/v1/items", nil, 200},
		{"budi", viewerPW, "GET", "/api/v1/items/" + id, nil, 200},
		{"budi", viewerPW, "GET", "/api/v1/items/" + id + "/audit", nil, 200},
		{"budi", viewerPW, "GET", "/api/v1/export?format=jsonl", nil, 200},
		{"budi", viewerPW, "GET", "/api/v1/sources", nil, 200},
		{"budi", viewerPW, "GET", "/api/v1/openapi.json", nil, 200},
		{"budi", viewerPW, "POST", "/api/v1/items/" + id + "/review", review, 403},
		{"budi", viewerPW, "POST", "/api/v1/review", bulk, 403},
		{"budi", viewerPW, "POST", "/api/v1/sources/kompas-pemilu/run", nil, 403},
		{"rina", reviewerPW, "POST", "/api/v1/sources/kompas-pemilu/run", nil, 403},
		{"admin", adminPW, "POST", "/api/v1/sources/nope/run", nil, 404},
		{"admin", adminPW, "POST", "/api/v1/sources/kompas-pemilu/run", nil, 202},
		{"admin", adminPW, "POST", "/api/v1/sources/kompas-pemilu/run", nil, 409},
	} {
		code, body, _ := f.do(c.method, c.path, c.user, c.pw, c.body)
		if code != c.want {
			t.Errorf("%s %s %s: %d %s, want %d", c.user, c.method, c.path, code, body, c.want)
		}
	}
	if len(src.started) != 1 || src.started[0] != "kompas-pemilu" {
		t.Errorf("started %v, want one run of kompas-pemilu", src.started)
	}
	// The viewer's refused review changed nothing.
	rec, err := f.store.Get(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Review.Status == netra.StatusConfirmed {
		t.Error("a viewer's review was applied")
	}
	code, body, _ := f.do("GET", "/api/v1/me", "rina", reviewerPW, nil)
	me := decode[map[string]any](t, body)
	if code != 200 || me["user"] != "rina" || me["role"] != "reviewer" || me["can_review"] != true || me["is_admin"] != false {
		t.Errorf("me: %d %v", code, me)
	}
	code, body, _ = f.do("GET", "/api/v1/sources", "budi", viewerPW, nil)
	srcs := decode[map[string][]SourceStatus](t, body)
	if code != 200 || len(srcs["sources"]) != 1 || srcs["sources"][0].Name != "kompas-pemilu" {
		t.Errorf("sources: %d %s", code, body)
	}
}

func TestAPISearch(t *testing.T) {
	f := newFixture(t)
	get := func(q string) index.Result {
		t.Helper()
		code, body, _ := f.do("GET", "/api/v1/items?"+q, "budi", viewerPW, nil)
		if code != 200 {
			t.Fatalf("GET items?%s: %d %s", q, code, body)
		}
		return decode[index.Result](t, body)
	}
	ids := func(r index.Result) []string {
		var out []string
		for _, m := range r.Matches {
			out = append(out, m.Record.Item.ID)
		}
		return out
	}
	if r := get(""); r.Total != len(f.recs) {
		t.Errorf("all: total %d, want %d", r.Total, len(f.recs))
	}
	if r := get("flagged=true&sort=score"); r.Total != 2 || ids(r)[0] != f.id(0) {
		t.Errorf("flagged by score: %v", ids(r))
	}
	if r := get("q=camat"); r.Total != 1 || ids(r)[0] != f.id(0) {
		t.Errorf("q=camat: %v", ids(r))
	}
	if r := get("region=Jawa+Timur&source=detik"); r.Total != 1 || ids(r)[0] != f.id(1) {
		t.Errorf("region+source: %v", ids(r))
	}
	if r := get("category=kepala_desa,asn_partisan"); r.Total != 3 {
		t.Errorf("category OR: total %d, want 3", r.Total)
	}
	if r := get("rule=asn-hadir-kampanye"); r.Total != 1 || ids(r)[0] != f.id(3) {
		t.Errorf("rule: %v", ids(r))
	}
	if r := get("min_score=0.6&max_score=0.8"); r.Total != 1 || ids(r)[0] != f.id(3) {
		t.Errorf("score range: %v", ids(r))
	}
	// Items 1 and 2 were published on 2024-01-11; until is inclusive for a bare date.
	// "-time" is newest first, "time" oldest first (item 2 is the newer).
	if r := get("since=2024-01-11&until=2024-01-11&sort=-time"); r.Total != 2 || ids(r)[0] != f.id(2) || ids(r)[1] != f.id(1) {
		t.Errorf("date range, newest first: %v", ids(r))
	}
	if r := get("since=2024-01-11&until=2024-01-11&sort=time"); r.Total != 2 || ids(r)[0] != f.id(1) || ids(r)[1] != f.id(2) {
		t.Errorf("date range, oldest first: %v", ids(r))
	}
	if r := get("status=new&facets=status,source"); r.Total != len(f.recs) || len(r.Facets["source"]) == 0 {
		t.Errorf("facets: total %d facets %v", r.Total, r.Facets)
	}
	r := get("limit=2&sort=time")
	if len(r.Matches) != 2 || r.NextCursor == "" {
		t.Fatalf("page 1: %d matches, cursor %q", len(r.Matches), r.NextCursor)
	}
	r2 := get("limit=2&sort=time&cursor=" + r.NextCursor)
	if len(r2.Matches) != 2 || ids(r2)[0] == ids(r)[0] {
		t.Errorf("page 2: %v after %v", ids(r2), ids(r))
	}
	for _, bad := range []string{"status=maybe", "min_score=high", "since=yesterday", "limit=0", "limit=5000", "sort=random", "facets=color", "flagged=perhaps"} {
		code, body, _ := f.do("GET", "/api/v1/items?"+bad, "budi", viewerPW, nil)
		e := decode[map[string]any](t, body)
		field := strings.SplitN(bad, "=", 2)[0]
		if code != 400 || e["field"] != field {
			t.Errorf("%s: %d %s, want 400 naming %s", bad, code, body, field)
		}
	}
}

func TestAPIGetAndAudit(t *testing.T) {
	f := newFixture(t)
	code, body, _ := f.do("GET", "/api/v1/items/"+f.id(0), "budi", viewerPW, nil)
	rec := decode[netra.Record](t, body)
	if code != 200 || rec.Item.Text != f.recs[0].Item.Text || len(rec.Verdict.Hits) != 1 || rec.Verdict.Hits[0].Start != f.recs[0].Verdict.Hits[0].Start {
		t.Errorf("get: %d %+v", code, rec)
	}
	if code, _, _ := f.do("GET", "/api/v1/items/doesnotexist", "budi", viewerPW, nil); code != 404 {
		t.Errorf("missing item: %d", code)
	}
	if code, _, _ := f.do("GET", "/api/v1/items/doesnotexist/audit", "budi", viewerPW, nil); code != 404 {
		t.Errorf("missing audit: %d", code)
	}
	code, body, _ = f.do("GET", "/api/v1/items/"+f.id(0)+"/audit", "budi", viewerPW, nil)
	a := decode[struct{ Entries []netra.AuditEntry }](t, body)
	if code != 200 || len(a.Entries) != 0 {
		t.Errorf("fresh audit: %d %s", code, body)
	}
}

func TestAPIReview(t *testing.T) {
	f := newFixture(t)
	id := f.id(0)
	path := "/api/v1/items/" + id + "/review"
	rec0, _ := f.store.Get(t.Context(), id)
	v := rec0.Version

	code, body, _ := f.do("POST", path, "rina", reviewerPW, map[string]any{"status": "confirmed", "note": "camat terbukti hadir", "version": v})
	if code != 200 {
		t.Fatalf("confirm: %d %s", code, body)
	}
	rec := decode[netra.Record](t, body)
	if rec.Review.Status != netra.StatusConfirmed || rec.Review.Reviewer != "rina" || rec.Version <= v {
		t.Errorf("after confirm: %+v v%d", rec.Review, rec.Version)
	}
	// A change based on the old version conflicts.
	code, body, _ = f.do("POST", path, "admin", adminPW, map[string]any{"status": "dismissed", "note": "salah", "version": v})
	e := decode[map[string]any](t, body)
	if code != 409 || e["current_version"] != float64(rec.Version) {
		t.Errorf("stale: %d %s", code, body)
	}
	code, body, _ = f.do("POST", path, "admin", adminPW, map[string]any{"assignee": "rina", "version": rec.Version})
	if code != 200 {
		t.Fatalf("assign: %d %s", code, body)
	}
	rec = decode[netra.Record](t, body)
	for _, c := range []struct {
		body  map[string]any
		field string
	}{
		{map[string]any{"status": "dismissed", "version": rec.Version}, "note"},
		{map[string]any{"status": "dismissed", "note": "  ", "version": rec.Version}, "note"},
		{map[string]any{"status": "bogus", "version": rec.Version}, "status"},
		{map[string]any{"status": "confirmed"}, "version"},
		{map[string]any{"version": rec.Version}, "status"},
		{map[string]any{"assignee": "nobody", "version": rec.Version}, "assignee"},
		{map[string]any{"note": strings.Repeat("x", 5000), "version": rec.Version}, "note"},
		{map[string]any{"status": "confirmed", "version": rec.Version, "extra": 1}, "body"},
	} {
		code, body, _ := f.do("POST", path, "rina", reviewerPW, c.body)
		e := decode[map[string]any](t, body)
		if code != 400 || e["field"] != c.field {
			t.Errorf("%v: %d %s, want 400 naming %s", c.body, code, body, c.field)
		}
	}
	if code, _, _ := f.do("POST", "/api/v1/items/nope/review", "rina", reviewerPW, map[string]any{"status": "confirmed", "version": 1}); code != 404 {
		t.Errorf("review of missing item: %d", code)
	}
	code, body, _ = f.do("GET", "/api/v1/items/"+id+"/audit", "budi", viewerPW, nil)
	a := decode[struct{ Entries []netra.AuditEntry }](t, body)
	if code != 200 || len(a.Entries) != 2 {
		t.Fatalf("audit: %d %s", code, body)
	}
	if a.Entries[0].Who != "rina" || a.Entries[0].To != netra.StatusConfirmed || a.Entries[0].Note != "camat terbukti hadir" || a.Entries[1].Who != "admin" || a.Entries[1].Assignee != "rina" {
		t.Errorf("audit entries: %+v", a.Entries)
	}
	// The review counter moved.
	_, m, _ := f.do("GET", "/metrics", "", "", nil)
	if !strings.Contains(string(m), `netra_review_actions_total{action="confirmed"} 1`) || !strings.Contains(string(m), "netra_review_conflicts_total 1") {
		t.Errorf("metrics lack review counters:\n%s", grep(string(m), "netra_review"))
	}
}

func grep(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func TestAPIBulkReview(t *testing.T) {
	f := newFixture(t)
	code, body, _ := f.do("POST", "/api/v1/review", "rina", reviewerPW, map[string]any{"ids": []string{f.id(0), f.id(3), "missing"}, "status": "escalated"})
	if code != 200 {
		t.Fatalf("bulk: %d %s", code, body)
	}
	res := decode[struct{ Results []bulkResult }](t, body)
	if len(res.Results) != 3 || !res.Results[0].OK || !res.Results[1].OK || res.Results[2].OK || res.Results[2].Error == "" {
		t.Errorf("bulk results: %+v", res.Results)
	}
	for _, i := range []int{0, 3} {
		rec, _ := f.store.Get(t.Context(), f.id(i))
		if rec.Review.Status != netra.StatusEscalated || rec.Review.Reviewer != "rina" {
			t.Errorf("record %d after bulk: %+v", i, rec.Review)
		}
	}
	if code, _, _ := f.do("POST", "/api/v1/review", "rina", reviewerPW, map[string]any{"ids": []string{}, "status": "escalated"}); code != 400 {
		t.Errorf("empty bulk: %d", code)
	}
	if code, _, _ := f.do("POST", "/api/v1/review", "rina", reviewerPW, map[string]any{"ids": []string{f.id(0)}, "status": "dismissed"}); code != 400 {
		t.Errorf("bulk dismiss without reason: %d", code)
	}
}

func TestAPIExport(t *testing.T) {
	hostile := netra.Item{Source: "evil", Text: "=HYPERLINK(\"http://evil.example\",\"klik\") camat dukung paslon", Title: "+cmd"}
	hostile.ID = netra.ItemID("", hostile.Source, hostile.Text)
	f := newFixture(t, withRecords(netra.Record{Item: hostile, Verdict: netra.Verdict{ID: hostile.ID, Flagged: true, Score: 0.5}}),
		withOptions(WithExportLimit(1000)))
	code, body, h := f.do("GET", "/api/v1/export?format=csv&flagged=true", "budi", viewerPW, nil)
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/csv") || !strings.Contains(h.Get("Content-Disposition"), "attachment") {
		t.Fatalf("csv: %d %v", code, h)
	}
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+3 || strings.Join(rows[0], ",") != strings.Join(csvHeader, ",") {
		t.Fatalf("csv rows: %d, header %v", len(rows), rows[0])
	}
	found := false
	for _, r := range rows[1:] {
		if r[0] == hostile.ID {
			found = true
			if !strings.HasPrefix(r[16], "'=") || !strings.HasPrefix(r[5], "'+") {
				t.Errorf("formula not defused: text %q title %q", r[16], r[5])
			}
		}
		if r[0] == f.id(0) && !strings.Contains(r[15], "mendukung paslon") {
			t.Errorf("evidence column: %q", r[15])
		}
	}
	if !found {
		t.Error("hostile record missing from export")
	}
	code, body, h = f.do("GET", "/api/v1/export?format=jsonl&source=kompas", "budi", viewerPW, nil)
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "application/x-ndjson") {
		t.Fatalf("jsonl: %d %v", code, h)
	}
	lines := strings.Split(strings.TrimSpace(string(body)), "\n")
	if len(lines) != 2 {
		t.Fatalf("jsonl lines: %d", len(lines))
	}
	for _, l := range lines {
		if r := decode[netra.Record](t, []byte(l)); r.Item.Source != "kompas" {
			t.Errorf("jsonl record from %s", r.Item.Source)
		}
	}
	if code, _, _ := f.do("GET", "/api/v1/export?format=xml", "budi", viewerPW, nil); code != 400 {
		t.Errorf("bad format: %d", code)
	}
}

func TestAPIExportPagesThroughEverything(t *testing.T) {
	var extra []netra.Record
	for i := range 450 {
		it := netra.Item{Source: "bulk", Text: fmt.Sprintf("teks nomor %d tentang camat", i), Published: time.Date(2024, 2, 1, 0, i, 0, 0, time.UTC)}
		it.ID = netra.ItemID("", it.Source, it.Text)
		extra = append(extra, netra.Record{Item: it, Verdict: netra.Verdict{ID: it.ID}})
	}
	f := newFixture(t, withRecords(extra...), withOptions(WithExportLimit(400)))
	_, body, _ := f.do("GET", "/api/v1/export?format=jsonl&source=bulk", "budi", viewerPW, nil)
	if n := strings.Count(string(body), "\n"); n != 400 {
		t.Errorf("export with limit 400: %d lines", n)
	}
	f2 := newFixture(t, withRecords(extra...))
	_, body, _ = f2.do("GET", "/api/v1/export?format=jsonl&source=bulk", "budi", viewerPW, nil)
	seen := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(string(body)), "\n") {
		seen[decode[netra.Record](t, []byte(l)).Item.ID] = true
	}
	if len(seen) != 450 {
		t.Errorf("export over pages: %d distinct records, want 450", len(seen))
	}
}

func TestAPISessionNeedsCSRFHeader(t *testing.T) {
	f := newFixture(t)
	c, csrf := f.login("rina", reviewerPW)
	post := func(tok string) int {
		req, _ := http.NewRequest("POST", f.ts.URL+"/api/v1/items/"+f.id(0)+"/review", strings.NewReader(`{"status":"confirmed","version":1}`))
		if tok != "" {
			req.Header.Set(csrfHeader, tok)
		}
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := post(""); code != 403 {
		t.Errorf("session POST without CSRF header: %d, want 403", code)
	}
	if code := post("wrong"); code != 403 {
		t.Errorf("session POST with wrong CSRF header: %d, want 403", code)
	}
	if code := post(csrf); code != 200 {
		t.Errorf("session POST with CSRF header: %d, want 200", code)
	}
	resp, err := c.Get(f.ts.URL + "/api/v1/me")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("session GET: %d", resp.StatusCode)
	}
}

func TestAPILoginRateLimit(t *testing.T) {
	f := newFixture(t, withOptions(WithLoginLimit(3, time.Hour)))
	setClock(f, newClock())
	for i := range 3 {
		if code, _, _ := f.do("GET", "/api/v1/me", "rina", "wrong", nil); code != 401 {
			t.Fatalf("failure %d: %d", i, code)
		}
	}
	code, _, h := f.do("GET", "/api/v1/me", "rina", reviewerPW, nil)
	if code != 429 || h.Get("Retry-After") == "" {
		t.Errorf("after 3 failures even the right password: %d (Retry-After %q), want 429", code, h.Get("Retry-After"))
	}
}

func TestHealthzMetricsOpenAPI(t *testing.T) {
	f := newFixture(t)
	code, body, h := f.do("GET", "/healthz", "", "", nil)
	if code != 200 || !strings.Contains(string(body), `"ok"`) {
		t.Errorf("healthz: %d %s", code, body)
	}
	if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP %q", csp)
	}
	f.do("GET", "/api/v1/items", "budi", viewerPW, nil)
	code, body, _ = f.do("GET", "/metrics", "", "", nil)
	if code != 200 || !strings.Contains(string(body), `netra_http_requests_total{code="200",method="GET",route="GET /api/v1/items"} 1`) {
		t.Errorf("metrics: %d\n%s", code, grep(string(body), "netra_http_requests_total"))
	}
	for _, name := range []string{"netra_classified_items_total", "netra_indexed_records_total", "netra_http_request_duration_seconds", "netra_review_age_seconds"} {
		if !strings.Contains(string(body), name) {
			t.Errorf("metrics lack %s", name)
		}
	}
	// The API description is public: clients read it before they have an
	// account.
	code, body, _ = f.do("GET", "/api/v1/openapi.json", "", "", nil)
	doc := decode[map[string]any](t, body)
	paths, _ := doc["paths"].(map[string]any)
	if code != 200 || doc["openapi"] == nil || paths["/items/{id}/review"] == nil || paths["/export"] == nil {
		t.Errorf("openapi: %d paths %v", code, paths)
	}
}

var _ = errors.New

func TestAPIBasicAuthCacheForgetsOldPassword(t *testing.T) {
	f := newFixture(t)
	if code, _, _ := f.do("GET", "/api/v1/me", "rina", reviewerPW, nil); code != 200 {
		t.Fatalf("first: %d", code)
	}
	if code, _, _ := f.do("GET", "/api/v1/me", "rina", reviewerPW, nil); code != 200 {
		t.Fatalf("cached: %d", code)
	}
	time.Sleep(20 * time.Millisecond) // a distinct file mtime for the reload
	if err := f.accts.SetPassword("rina", "a-new-password-1"); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := f.do("GET", "/api/v1/me", "rina", reviewerPW, nil); code != 401 {
		t.Errorf("old password after a change: %d, want 401", code)
	}
	if code, _, _ := f.do("GET", "/api/v1/me", "rina", "a-new-password-1", nil); code != 200 {
		t.Errorf("new password: %d", code)
	}
}

// TestDismissReasonAPI: a dismissal may name one of the fixed reasons,
// which then starts the note; an unknown reason, or a reason with another
// status, is a 400 naming the field.
func TestDismissReasonAPI(t *testing.T) {
	f := newFixture(t)
	rec, err := f.store.Get(t.Context(), f.recs[0].Item.ID)
	if err != nil {
		t.Fatal(err)
	}
	path := "/api/v1/items/" + rec.Item.ID + "/review"
	code, body, _ := f.do("POST", path, "rina", reviewerPW, map[string]any{"status": "dismissed", "reason": "bogus", "version": rec.Version})
	if code != 400 || !strings.Contains(string(body), "reason") {
		t.Fatalf("unknown reason: %d %s", code, body)
	}
	code, body, _ = f.do("POST", path, "rina", reviewerPW, map[string]any{"status": "confirmed", "reason": "norm", "version": rec.Version})
	if code != 400 || !strings.Contains(string(body), "reason") {
		t.Fatalf("reason with a confirmation: %d %s", code, body)
	}
	code, body, _ = f.do("POST", path, "rina", reviewerPW, map[string]any{"status": "dismissed", "reason": "not_asn", "note": "kepala desa", "version": rec.Version})
	if code != 200 {
		t.Fatalf("dismiss with a reason: %d %s", code, body)
	}
	got, err := f.store.Get(t.Context(), rec.Item.ID)
	if err != nil || got.Review.Note != "not_asn: kepala desa" || netra.DismissReasonOf(got.Review.Note) != "not_asn" {
		t.Fatalf("stored note %q, %v", got.Review.Note, err)
	}
}
