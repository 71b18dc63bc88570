package review

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/netra-id/netra"
)

// screenshotDir is where the browser tests leave their screenshots
// (gitignored; README "Review app" points here).
const screenshotDir = "testdata/screenshots"

// chromiumPath finds Debian's chromium: $NETRA_CHROMIUM (set by
// scripts/test.sh), else chromium on PATH. Without it the browser tests
// skip, except in CI, where they must run.
func chromiumPath(t *testing.T) string {
	t.Helper()
	p := os.Getenv("NETRA_CHROMIUM")
	if p == "" {
		p, _ = exec.LookPath("chromium")
	}
	if p == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("chromium not found: CI must run the browser tests (scripts/test.sh installs it and sets NETRA_CHROMIUM)")
		}
		t.Skip("chromium not found; set NETRA_CHROMIUM or run scripts/test.sh")
	}
	return p
}

// browser watches one tab: JavaScript dialogs and every request it makes.
type browser struct {
	t   *testing.T
	ctx context.Context

	mu       sync.Mutex
	dialogs  []string
	requests []string
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.WindowSize(1366, 900),
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
	)
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(acancel)
	b := &browser{t: t}
	bctx, bcancel := chromedp.NewContext(actx, chromedp.WithErrorf(func(string, ...any) {}))
	t.Cleanup(bcancel)
	b.ctx = bctx
	opened := make(chan struct{}, 8)
	if err := chromedp.Listen(bctx, func(ev any) {
		switch e := ev.(type) {
		case *page.EventJavascriptDialogOpening:
			b.mu.Lock()
			b.dialogs = append(b.dialogs, string(e.Type)+": "+e.Message)
			b.mu.Unlock()
			select {
			case opened <- struct{}{}:
			default:
			}
		case *network.EventRequestWillBeSent:
			b.mu.Lock()
			b.requests = append(b.requests, e.Request.URL)
			b.mu.Unlock()
		}
	}); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	// A dialog would block the page; dismiss it (and fail the test later).
	go func() {
		for {
			select {
			case <-bctx.Done():
				return
			case <-opened:
				_, _ = chromedp.Call(bctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
			}
		}
	}()
	if _, err := chromedp.Call(bctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	return b
}

func (b *browser) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatal(err)
	}
}

func run[T any](b *browser, a chromedp.Action[T]) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, a)
	if err != nil {
		b.t.Fatal(err)
	}
	return v
}

// navigate runs act (a click, a submit) and waits until the tab has loaded
// a new page whose URL contains want.
func (b *browser) navigate(want string, act chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	marker := fmt.Sprintf("m%d", time.Now().UnixNano())
	b.do(chromedp.Evaluate[chromedp.Void](`window.__netraOld = "` + marker + `"`))
	b.do(act)
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		loc, err := chromedp.Run(b.ctx, chromedp.Location())
		if err == nil && strings.Contains(loc, want) {
			state, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`window.__netraOld === "`+marker+`" ? "old" : document.readyState`))
			if err == nil && state == "complete" {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	loc, _ := chromedp.Run(b.ctx, chromedp.Location())
	b.t.Fatalf("no page load to %q (at %s)", want, loc)
}

func (b *browser) screenshot(name string) {
	b.t.Helper()
	png := run(b, chromedp.FullScreenshot(100))
	if err := os.MkdirAll(screenshotDir, 0o755); err != nil {
		b.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(screenshotDir, name), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

func (b *browser) login(base, user, pw string) {
	b.t.Helper()
	b.do(chromedp.Navigate(base+"/login"), chromedp.WaitVisible(chromedp.ID("user")))
	b.do(chromedp.SendKeys(chromedp.ID("user"), user), chromedp.SendKeys(chromedp.ID("password"), pw))
	b.navigate(base+"/", chromedp.Click(chromedp.ID("login-submit")))
	if who := run(b, chromedp.Text(chromedp.ID("who"))); who != user {
		b.t.Fatalf("logged in as %q, want %q", who, user)
	}
}

// fetchStatus posts from inside the page, as a script an attacker or a
// curious viewer could run, and returns the HTTP status.
func (b *browser) fetchStatus(js string) int {
	b.t.Helper()
	return run(b, chromedp.Evaluate[int](js, chromedp.EvalAwaitPromise))
}

func TestBrowserReviewFlow(t *testing.T) {
	f := newFixture(t)
	b := newBrowser(t)
	base := f.ts.URL
	target := f.recs[0] // the camat item
	ev := target.Verdict.Hits[0]

	b.login(base, "rina", reviewerPW)
	if n := run(b, chromedp.Evaluate[int](`document.querySelectorAll("#queue tr.row").length`)); n != 2 {
		t.Errorf("queue shows %d flagged items, want 2", n)
	}
	b.screenshot("queue.png")

	// Keyboard: j moves the cursor, / focuses search.
	b.do(chromedp.KeyEvent("j"))
	if cur := run(b, chromedp.Evaluate[int](`document.querySelectorAll("#queue tr.current").length`)); cur != 1 {
		t.Errorf("j selected %d rows", cur)
	}
	b.do(chromedp.KeyEvent("/"))
	if id := run(b, chromedp.Evaluate[string](`document.activeElement.id`)); id != "q" {
		t.Errorf("/ focused %q, want the search box", id)
	}

	// Search.
	b.do(chromedp.Evaluate[chromedp.Void](`document.getElementById("q").value = ""`), chromedp.SendKeys(chromedp.ID("q"), "camat"))
	b.navigate("q=camat", chromedp.Submit(chromedp.ID("q")))
	rows := run(b, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#queue tr.row")].map(r => r.dataset.id)`))
	if len(rows) != 1 || rows[0] != target.Item.ID {
		t.Fatalf("search camat: rows %v", rows)
	}
	// Filter by a facet: show all items from source detik.
	b.navigate("/", chromedp.Click(chromedp.CSS("a.reset")))
	b.do(chromedp.SetValue(chromedp.ID("f-flagged"), "all"), chromedp.SetValue(chromedp.ID("f-source"), "detik"))
	b.navigate("source=detik", chromedp.Click(chromedp.ID("apply-filters")))
	rows = run(b, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#queue tr.row")].map(r => r.dataset.id)`))
	if len(rows) != 1 || rows[0] != f.id(1) {
		t.Fatalf("filter source=detik: rows %v", rows)
	}
	b.navigate("flagged=true", chromedp.Navigate(base+"/?flagged=true"))
	b.navigate("source=kompas", chromedp.Click(chromedp.CSS(`#facet-source a[data-value="kompas"]`)))
	rows = run(b, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#queue tr.row")].map(r => r.dataset.id)`))
	if len(rows) != 1 || rows[0] != target.Item.ID {
		t.Fatalf("facet source=kompas: rows %v", rows)
	}

	// Open the item and see the evidence highlighted at its offsets.
	b.navigate("/items/"+target.Item.ID, chromedp.Click(chromedp.CSS(`a.item-link`)))
	marked := run(b, chromedp.Evaluate[string](`[...document.querySelectorAll("#text mark.hit")].map(m => m.textContent).join("")`))
	if marked != target.Item.Text[ev.Start:ev.End] {
		t.Errorf("highlighted %q, want %q", marked, target.Item.Text[ev.Start:ev.End])
	}
	terms := run(b, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#text mark.term")].map(m => m.textContent)`))
	if strings.Join(terms, ",") != "camat,mendukung,paslon" {
		t.Errorf("term marks %v", terms)
	}
	if bg := run(b, chromedp.Evaluate[string](`getComputedStyle(document.querySelector("#text mark.hit")).backgroundColor`)); bg == "rgba(0, 0, 0, 0)" || bg == "" {
		t.Errorf("evidence mark has no background (%q): stylesheet not applied", bg)
	}
	if reg := run(b, chromedp.Text(chromedp.CSS(`.regulation`))); reg != ev.Regulation {
		t.Errorf("regulation %q", reg)
	}
	b.screenshot("item.png")

	// A POST without the CSRF token is rejected, even from the page itself.
	code := b.fetchStatus(`fetch(location.pathname + "/review", {method: "POST", body: new URLSearchParams({status: "confirmed", version: "1"})}).then(r => r.status)`)
	if code != 403 {
		t.Errorf("POST without CSRF token: %d, want 403", code)
	}
	if st := run(b, chromedp.Evaluate[string](`document.getElementById("status").dataset.status`)); st != "new" {
		t.Fatalf("status before confirm: %q", st)
	}

	// Confirm with the keyboard shortcut c.
	b.navigate("flash=saved", chromedp.KeyEvent("c"))
	if st := run(b, chromedp.Evaluate[string](`document.getElementById("status").dataset.status`)); st != "confirmed" {
		t.Errorf("status after confirm: %q", st)
	}
	audit := run(b, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#audit tr.audit-row")].map(r => r.querySelector(".audit-who").textContent + " " + r.querySelector(".audit-change").textContent)`))
	if len(audit) != 1 || audit[0] != "rina baru → dikonfirmasi" {
		t.Errorf("audit trail %q", audit)
	}
	if rec, err := f.store.Get(t.Context(), target.Item.ID); err != nil || rec.Review.Status != netra.StatusConfirmed || rec.Review.Reviewer != "rina" {
		t.Errorf("store after confirm: %+v %v", rec.Review, err)
	}

	// Dismiss needs a reason from the fixed list; the note adds details.
	b.do(chromedp.SetValue(chromedp.ID("dismiss-reason"), "not_election"), chromedp.SendKeys(chromedp.ID("dismiss-note"), "foto lama, bukan kampanye"))
	b.navigate("flash=saved", chromedp.Click(chromedp.ID("btn-dismiss")))
	if note := run(b, chromedp.Text(chromedp.CSS(`.audit-note`))); note != "not_election: foto lama, bukan kampanye" {
		t.Errorf("newest audit note %q", note)
	}

	// Export CSV of the current search, fetched with the page's session.
	b.navigate("/", chromedp.Navigate(base+"/?flagged=all&q=camat"))
	body := run(b, chromedp.Evaluate[string](`fetch(document.getElementById("export-csv").href).then(r => r.text())`, chromedp.EvalAwaitPromise))
	recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil || len(recs) != 2 || recs[1][0] != target.Item.ID || recs[1][11] != "dismissed" {
		t.Errorf("CSV export: %v %q", err, recs)
	}

	// Queue shortcuts act on the current row: j then e escalates the newest
	// flagged item (item 0, published after item 3).
	b.navigate("/", chromedp.Navigate(base+"/?flagged=true&sort=-time"))
	first := run(b, chromedp.Evaluate[string](`document.querySelector("#queue tr.row").dataset.id`))
	b.do(chromedp.KeyEvent("j"))
	b.navigate("/", chromedp.KeyEvent("e"))
	if rec, _ := f.store.Get(t.Context(), first); rec.Review.Status != netra.StatusEscalated || rec.Review.Reviewer != "rina" {
		t.Errorf("j e on the queue: %s is %+v", first, rec.Review)
	}

	// Bulk: select everything on the flagged queue and escalate; acting on
	// all asks first (TestBrowserBulkAllAsksFirst checks that in detail).
	b.navigate("/", chromedp.Navigate(base+"/"))
	b.do(chromedp.Click(chromedp.ID("select-all")), chromedp.SetValue(chromedp.ID("bulk-action"), "escalated"))
	b.navigate("/bulk", chromedp.Click(chromedp.ID("bulk-submit")))
	b.navigate("bulk=", chromedp.Click(chromedp.ID("bulk-confirm-yes")))
	for _, i := range []int{0, 3} {
		if rec, _ := f.store.Get(t.Context(), f.id(i)); rec.Review.Status != netra.StatusEscalated {
			t.Errorf("bulk escalate: record %d is %s", i, rec.Review.Status)
		}
	}
	if len(b.dialogs) != 0 {
		t.Errorf("dialogs opened: %v", b.dialogs)
	}
}

func TestBrowserViewerCannotConfirm(t *testing.T) {
	f := newFixture(t)
	b := newBrowser(t)
	id := f.id(0)
	b.login(f.ts.URL, "budi", viewerPW)
	b.navigate("/items/"+id, chromedp.Navigate(f.ts.URL+"/items/"+id))
	if n := run(b, chromedp.Evaluate[int](`document.querySelectorAll("#btn-confirm, #f-dismiss, #bulk").length`)); n != 0 {
		t.Errorf("viewer sees %d review controls", n)
	}
	// The server refuses even a well-formed request with the viewer's own token.
	code := b.fetchStatus(`fetch(location.pathname + "/review", {method: "POST", body: new URLSearchParams({status: "confirmed", version: "1", csrf: document.querySelector("meta[name=csrf-token]").content})}).then(r => r.status)`)
	if code != 403 {
		t.Errorf("viewer confirm: %d, want 403", code)
	}
	code = b.fetchStatus(`fetch("/api/v1/items/` + id + `/review", {method: "POST", headers: {"X-CSRF-Token": document.querySelector("meta[name=csrf-token]").content}, body: JSON.stringify({status: "confirmed", version: 1})}).then(r => r.status)`)
	if code != 403 {
		t.Errorf("viewer confirm through the API: %d, want 403", code)
	}
	if rec, _ := f.store.Get(t.Context(), id); rec.Review.Status != netra.StatusNew || rec.Review.Reviewer != "" {
		t.Errorf("record changed by a viewer: %+v", rec.Review)
	}
}

func TestBrowserHostileTextIsInert(t *testing.T) {
	h := hostileRecord()
	// Add an image pointing elsewhere: if markup got through, the browser
	// would request it.
	h.Item.Text += ` <img src="http://127.0.0.1:9/track.png"> <iframe src="http://127.0.0.1:9/frame"></iframe>`
	h.Item.ID = netra.ItemID("", h.Item.Source, h.Item.Text)
	h.Verdict.ID = h.Item.ID
	f := newFixture(t, withRecords(h))
	b := newBrowser(t)
	b.login(f.ts.URL, "rina", reviewerPW)
	b.navigate("q=script", chromedp.Navigate(f.ts.URL+"/?q=script&flagged=all"))
	b.navigate("/items/"+h.Item.ID, chromedp.Navigate(f.ts.URL+"/items/"+h.Item.ID))
	// Give any injected script or image a moment to fire.
	b.do(chromedp.Sleep(500 * time.Millisecond))
	dom := run(b, chromedp.Evaluate[map[string]int](`({
		scripts: document.querySelectorAll("script").length,
		imgs: document.querySelectorAll("img, svg, iframe").length,
		jsLinks: [...document.querySelectorAll("a")].filter(a => !/^https?:/.test(a.href)).length,
		handlers: [...document.querySelectorAll("*")].filter(e => [...e.attributes].some(a => a.name.startsWith("on"))).length
	})`))
	if dom["scripts"] != 1 || dom["imgs"] != 0 || dom["jsLinks"] != 0 || dom["handlers"] != 0 {
		t.Errorf("hostile markup reached the DOM: %v", dom)
	}
	text := run(b, chromedp.Text(chromedp.ID("text")))
	if !strings.Contains(text, `<script>alert("xss")</script>`) || !strings.Contains(text, `<a href="javascript:alert(2)">`) {
		t.Errorf("hostile text not shown as text: %q", text)
	}
	if unsafe := run(b, chromedp.Evaluate[int](`document.querySelectorAll("#source-link, a[href^='javascript']").length`)); unsafe != 0 {
		t.Error("javascript: URL rendered as a link")
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.dialogs) != 0 {
		t.Errorf("dialogs opened: %v", b.dialogs)
	}
	for _, r := range b.requests {
		// data: URLs are chromium's own icons (the date inputs); they reach no network.
		if !strings.HasPrefix(r, f.ts.URL+"/") && !strings.HasPrefix(r, "data:") {
			t.Errorf("request to an unexpected URL: %s", r)
		}
	}
	b.screenshot("hostile.png")
}
