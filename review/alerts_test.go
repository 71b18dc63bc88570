package review

import (
	"context"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/alert"
)

// alertFixture is the review fixture with saved searches on, and an engine
// over the same store and state, standing in for the pipeline hook.
func alertFixture(t *testing.T) (*fixture, *alert.Engine) {
	t.Helper()
	kv, err := alert.OpenBolt(filepath.Join(t.TempDir(), alert.BoltFile))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { kv.Close() })
	repo := alert.NewRepo(kv)
	f := newFixture(t, withOptions(WithAlerts(repo)))
	return f, alert.NewEngine(repo, f.store, nil)
}

// arrive stores a new record and runs the alert hook, as the pipeline does
// after a crawl stored a batch.
func arrive(t *testing.T, f *fixture, e *alert.Engine, region, text string) netra.Record {
	t.Helper()
	it := netra.Item{Source: "detik", Kind: "news", URL: "https://news.example.id/" + netra.ItemID("", "x", text),
		Title: "Baru: " + text[:20], Text: text, Region: region, Published: time.Date(2024, 1, 12, 8, 0, 0, 0, time.UTC)}
	it.ID = netra.ItemID(it.URL, it.Source, text)
	rec := netra.Record{Item: it, Verdict: netra.Verdict{ID: it.ID, Flagged: true, Score: 0.8, Categories: []string{"asn_partisan"},
		Hits: []netra.Hit{evidence(t, text, "asn-hadir-kampanye", "asn_partisan", text)}, RulesVersion: "test"}}
	if err := f.store.Upsert(context.Background(), []netra.Record{rec}); err != nil {
		t.Fatal(err)
	}
	if err := e.Stored(context.Background(), []netra.Record{rec}); err != nil {
		t.Fatal(err)
	}
	return rec
}

func TestAlertsAPI(t *testing.T) {
	f, e := alertFixture(t)
	body := map[string]any{"name": "kampanye Jawa Tengah", "shared": true,
		"filter":        map[string]any{"q": "kampanye", "regions": []string{"Jawa Tengah"}},
		"subscriptions": []map[string]any{{"channel": "app"}}}
	if code, _, _ := f.do("POST", "/api/v1/searches", "", "", body); code != http.StatusUnauthorized {
		t.Errorf("anonymous POST: %d, want 401", code)
	}
	code, b, _ := f.do("POST", "/api/v1/searches", "budi", viewerPW, body)
	if code != http.StatusCreated {
		t.Fatalf("POST /api/v1/searches: %d %s", code, b)
	}
	se := decode[alert.Search](t, b)
	if se.Owner != "budi" || se.Revision != 1 || len(se.Subscriptions) != 1 || se.Subscriptions[0].User != "budi" {
		t.Fatalf("saved %+v", se)
	}
	// Bad filters and webhooks from non-admins are refused.
	if code, b, _ := f.do("POST", "/api/v1/searches", "budi", viewerPW, map[string]any{"name": "x", "filter": map[string]any{"q": "\"open"}}); code != http.StatusBadRequest {
		t.Errorf("unclosed quote: %d %s, want 400", code, b)
	}
	hook := map[string]any{"channel": "webhook", "target": "http://127.0.0.1:9/hook"}
	if code, _, _ := f.do("POST", "/api/v1/searches/"+se.ID+"/subscriptions", "budi", viewerPW, hook); code != http.StatusBadRequest {
		t.Errorf("viewer adds a webhook: %d, want 400", code)
	}
	code, b, _ = f.do("POST", "/api/v1/searches/"+se.ID+"/subscriptions", "rina", reviewerPW, map[string]any{"channel": "app"})
	if code != http.StatusOK {
		t.Fatalf("rina subscribes to the shared search: %d %s", code, b)
	}
	code, b, _ = f.do("POST", "/api/v1/searches/"+se.ID+"/subscriptions", "admin", adminPW, hook)
	if code != http.StatusOK {
		t.Fatalf("admin adds a webhook: %d %s", code, b)
	}
	// Others see the subscription but not its secret or URL.
	code, b, _ = f.do("GET", "/api/v1/searches", "budi", viewerPW, nil)
	list := decode[struct{ Searches []alert.Search }](t, b)
	if code != 200 || len(list.Searches) != 1 || len(list.Searches[0].Subscriptions) != 3 {
		t.Fatalf("GET /api/v1/searches: %d %s", code, b)
	}
	for _, sub := range list.Searches[0].Subscriptions {
		if sub.Channel == alert.ChannelWebhook && (sub.Secret != "" || sub.Target != "") {
			t.Errorf("budi sees the admin's webhook secret or URL: %+v", sub)
		}
	}
	if code, _, _ := f.do("DELETE", "/api/v1/searches/"+se.ID, "rina", reviewerPW, nil); code != http.StatusForbidden {
		t.Errorf("rina deletes budi's search: %d, want 403", code)
	}

	rec := arrive(t, f, e, "Jawa Tengah", "Camat di Semarang hadir dalam kampanye akbar calon gubernur.")
	arrive(t, f, e, "Jawa Barat", "Camat di Bandung hadir dalam kampanye akbar calon gubernur.")
	for _, u := range []struct{ user, pw string }{{"budi", viewerPW}, {"rina", reviewerPW}} {
		code, b, _ = f.do("GET", "/api/v1/notifications", u.user, u.pw, nil)
		n := decode[struct {
			Unread        int
			Notifications []alert.Notification
		}](t, b)
		if code != 200 || n.Unread != 1 || len(n.Notifications) != 1 || len(n.Notifications[0].Items) != 1 || n.Notifications[0].Items[0].ID != rec.Item.ID {
			t.Fatalf("%s's notifications: %d %s; want one naming %s", u.user, code, b, rec.Item.ID)
		}
	}
	if code, _, _ := f.do("GET", "/api/v1/notifications", "admin", adminPW, nil); code != 200 {
		t.Errorf("admin notifications: %d", code)
	}
	if code, b, _ := f.do("POST", "/api/v1/notifications/read", "budi", viewerPW, map[string]any{"ids": []string{}}); code != http.StatusNoContent {
		t.Fatalf("mark read: %d %s", code, b)
	}
	_, b, _ = f.do("GET", "/api/v1/notifications", "budi", viewerPW, nil)
	if n := decode[struct{ Unread int }](t, b); n.Unread != 0 {
		t.Errorf("after marking read, %d unread", n.Unread)
	}
	// A change applies to later records only, and names the new revision.
	body["filter"] = map[string]any{"q": "kampanye", "regions": []string{"Jawa Barat"}}
	code, b, _ = f.do("PUT", "/api/v1/searches/"+se.ID, "budi", viewerPW, body)
	if se2 := decode[alert.Search](t, b); code != 200 || se2.Revision != 4 || len(se2.Subscriptions) != 3 {
		t.Fatalf("PUT: %d %s (want revision 4: created, two subscriptions, this change; subscriptions kept)", code, b)
	}
	rec3 := arrive(t, f, e, "Jawa Barat", "Lurah di Bogor ikut kampanye calon wali kota.")
	_, b, _ = f.do("GET", "/api/v1/notifications", "budi", viewerPW, nil)
	n := decode[struct {
		Unread        int
		Notifications []alert.Notification
	}](t, b)
	if n.Unread != 1 || n.Notifications[0].Items[0].ID != rec3.Item.ID || n.Notifications[0].Revision != 4 {
		t.Errorf("after the change: %s", b)
	}
	if code, _, _ := f.do("GET", "/api/v1/alerts/dead", "budi", viewerPW, nil); code != http.StatusForbidden {
		t.Errorf("viewer reads dead letters: %d, want 403", code)
	}
	if code, b, _ := f.do("GET", "/api/v1/alerts/dead", "admin", adminPW, nil); code != 200 || !strings.Contains(string(b), `"dead":[]`) {
		t.Errorf("admin dead letters: %d %s", code, b)
	}
	if code, _, _ := f.do("DELETE", "/api/v1/searches/"+se.ID, "budi", viewerPW, nil); code != http.StatusNoContent {
		t.Errorf("owner deletes: %d", code)
	}
	_, b, _ = f.do("GET", "/api/v1/searches", "budi", viewerPW, nil)
	if l := decode[struct{ Searches []alert.Search }](t, b); len(l.Searches) != 0 {
		t.Errorf("after delete: %s", b)
	}
}

func TestAlertsOffAnswers404(t *testing.T) {
	f := newFixture(t)
	if code, _, _ := f.do("GET", "/api/v1/searches", "budi", viewerPW, nil); code != http.StatusNotFound {
		t.Errorf("GET /api/v1/searches without alerts: %d, want 404", code)
	}
}

func TestBrowserSaveSearchAndSeeNotification(t *testing.T) {
	f, e := alertFixture(t)
	b := newBrowser(t)
	b.login(f.ts.URL, "rina", reviewerPW)
	if vis := run(b, chromedp.Evaluate[bool](`!document.getElementById("alert-badge").hidden`)); vis {
		t.Fatal("badge shown before any alert")
	}
	// The queue offers to save what it shows.
	b.navigate("q=kampanye", chromedp.Navigate(f.ts.URL+"/?q=kampanye&flagged=all"))
	b.navigate("/alerts", chromedp.Click(chromedp.ID("save-search-link")))
	if q := run(b, chromedp.Value(chromedp.ID("ss-q"))); q != "kampanye" {
		t.Fatalf("form q = %q after the queue's link, want kampanye", q)
	}
	b.navigate("/alerts", chromedp.Navigate(f.ts.URL+"/alerts?q=kampanye&region=Jawa+Tengah"))
	if q := run(b, chromedp.Value(chromedp.ID("ss-q"))); q != "kampanye" {
		t.Fatalf("form q = %q, want kampanye from the URL", q)
	}
	b.do(chromedp.SendKeys(chromedp.ID("ss-name"), "Kampanye Jateng"), chromedp.Click(chromedp.ID("ss-shared")))
	b.navigate("/alerts", chromedp.Click(chromedp.ID("ss-save")))
	rows := run(b, chromedp.Evaluate[[]string](`[...document.querySelectorAll("tr.saved-search")].map(r => r.innerText)`))
	if len(rows) != 1 || !strings.Contains(rows[0], "Kampanye Jateng") || !strings.Contains(rows[0], "region: Jawa Tengah") || !strings.Contains(rows[0], "rina (app)") {
		t.Fatalf("saved searches shown: %q", rows)
	}
	ss, err := e.Repo().Searches(context.Background())
	if err != nil || len(ss) != 1 || ss[0].Owner != "rina" || !ss[0].Shared || ss[0].Filter.Q != "kampanye" || !slices.Equal(ss[0].Filter.Regions, []string{"Jawa Tengah"}) ||
		ss[0].Filter.Flagged == nil || !*ss[0].Filter.Flagged {
		t.Fatalf("stored searches %+v, %v", ss, err)
	}

	rec := arrive(t, f, e, "Jawa Tengah", "Camat di Semarang hadir dalam kampanye akbar calon gubernur.")
	arrive(t, f, e, "Jawa Barat", "Camat di Bandung hadir dalam kampanye akbar calon gubernur.")
	b.navigate("/", chromedp.Navigate(f.ts.URL+"/"))
	b.do(chromedp.WaitVisible(chromedp.ID("alert-badge")))
	if badge := run(b, chromedp.Text(chromedp.ID("alert-badge"))); badge != "1" {
		t.Fatalf("badge %q, want 1", badge)
	}
	b.navigate("/alerts", chromedp.Click(chromedp.ID("nav-alerts")))
	items := run(b, chromedp.Evaluate[[]string](`[...document.querySelectorAll("li.note-item")].map(li => li.dataset.id)`))
	if !slices.Equal(items, []string{rec.Item.ID}) {
		t.Fatalf("notification items %v, want [%s]", items, rec.Item.ID)
	}
	b.screenshot("alerts.png")
	b.navigate("/alerts", chromedp.Click(chromedp.ID("mark-read")))
	if n := run(b, chromedp.Text(chromedp.ID("unread-count"))); n != "0" {
		t.Errorf("unread after marking read: %q", n)
	}
	b.navigate("/items/"+rec.Item.ID, chromedp.Click(chromedp.CSS(`li.note-item a`)))
}
