package review

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/netra-id/netra"
)

// workbenchRules is a small pack: one ASN rule and one rule about non-ASN
// officials, matching the fixture records' hits.
func workbenchRules() Option {
	return WithRules([]RuleInfo{
		{ID: "asn-dukung-paslon", Title: "ASN mendukung pasangan calon", Category: "asn_partisan", Flag: true},
		{ID: "asn-hadir-kampanye", Title: "ASN hadir di acara kampanye", Category: "asn_partisan", Flag: true},
		{ID: "kades-dukung-calon", Title: "Kepala desa mendukung calon", Category: "kepala_desa", Flag: false},
	})
}

func rowIDs(b *browser) []string {
	b.t.Helper()
	return run(b, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#queue tr.row")].map(r => r.dataset.id)`))
}

// At 400 px the queue and the item page fit the screen: no sideways
// scrolling, the results use the width, long words wrap.
func TestBrowserPhoneLayout(t *testing.T) {
	long := fixtureRecords(t)[0]
	long.Item.Title = "Tautan " + strings.Repeat("panjangsekali", 12)
	long.Item.Text = "Camat mengunggah https://contoh.example/" + strings.Repeat("jalur/", 30) + " lalu mendukung paslon."
	long.Item.URL = "https://contoh.example/panjang"
	long.Item.ID = netra.ItemID(long.Item.URL, long.Item.Source, long.Item.Text)
	long.Verdict.ID = long.Item.ID
	long.Verdict.Hits = []netra.Hit{evidence(t, long.Item.Text, "asn-dukung-paslon", "asn_partisan", long.Item.Text, "mendukung")}
	// Its score parts too, the word model's with a long word.
	long.Verdict.ScoreParts = scoredRecord(t).Verdict.ScoreParts
	long.Verdict.ScoreParts[3].Words = append(long.Verdict.ScoreParts[3].Words, netra.ScoreWord{Gram: strings.Repeat("panjangsekali", 8), Contribution: 0.2})
	f := newFixture(t, withRecords(long), withOptions(workbenchRules()))
	b := newBrowser(t)
	b.do(chromedp.EmulateViewport(400, 860))
	b.login(f.ts.URL, "rina", reviewerPW)
	if n := len(rowIDs(b)); n != 3 {
		t.Fatalf("queue shows %d rows, want 3", n)
	}
	fits := func(page string) {
		t.Helper()
		m := run(b, chromedp.Evaluate[map[string]float64](`({
			inner: window.innerWidth,
			scroll: document.documentElement.scrollWidth,
			widest: Math.max(...[...document.querySelectorAll("body *")].map(e => e.getBoundingClientRect().right)),
			main: document.querySelector(".results, .col-main").getBoundingClientRect().width
		})`))
		if m["inner"] != 400 {
			t.Fatalf("%s: viewport is %v px wide, want 400", page, m["inner"])
		}
		if m["scroll"] > m["inner"] || m["widest"] > m["inner"]+0.5 {
			t.Errorf("%s: content is %v px wide (widest element ends at %v) on a %v px screen", page, m["scroll"], m["widest"], m["inner"])
		}
		if m["main"] < 360 {
			t.Errorf("%s: the main column is %v px wide, want the screen's width (one column)", page, m["main"])
		}
	}
	fits("queue")
	// Results come before the filters on a phone.
	if above := run(b, chromedp.Evaluate[bool](`document.querySelector(".results").getBoundingClientRect().top < document.querySelector(".filters").getBoundingClientRect().top`)); !above {
		t.Errorf("queue: the filters come before the results on a phone")
	}
	b.screenshot("phone-queue.png")
	b.navigate("/items/"+long.Item.ID, chromedp.Navigate(f.ts.URL+"/items/"+long.Item.ID))
	fits("item")
	if !run(b, chromedp.Evaluate[bool](`document.querySelectorAll("#score-words .chip").length === 4`)) {
		t.Error("item: no word chips on a phone")
	}
	b.screenshot("phone-item.png")
}

// Acting on "select all" asks first, there is no default action, and the
// queue then reports each item.
func TestBrowserBulkAllAsksFirst(t *testing.T) {
	f := newFixture(t, withOptions(workbenchRules()))
	b := newBrowser(t)
	base := f.ts.URL
	b.login(base, "rina", reviewerPW)
	b.navigate("sort=score", chromedp.Navigate(base+"/?sort=score"))
	rows := rowIDs(b)
	if len(rows) != 2 {
		t.Fatalf("flagged queue: %v", rows)
	}
	unchanged := func(when string) {
		t.Helper()
		for _, id := range rows {
			if rec, _ := f.store.Get(t.Context(), id); rec.Review.Status != "" && rec.Review.Status != netra.StatusNew {
				t.Errorf("%s: %s is already %s", when, id, rec.Review.Status)
			}
		}
	}
	if a := run(b, chromedp.Evaluate[string](`document.getElementById("bulk-action").value`)); a != "" {
		t.Errorf("the bulk action defaults to %q, want none", a)
	}
	// Without an action the form does not go anywhere.
	b.do(chromedp.Click(chromedp.ID("select-all")), chromedp.Click(chromedp.ID("bulk-submit")))
	if loc := run(b, chromedp.Location()); strings.Contains(loc, "/bulk") {
		t.Errorf("submitted without an action: at %s", loc)
	}
	unchanged("no action chosen")

	// With one, "all" shows what would happen and waits for a yes.
	b.do(chromedp.SetValue(chromedp.ID("bulk-action"), "confirmed"))
	b.navigate("/bulk", chromedp.Click(chromedp.ID("bulk-submit")))
	if txt := run(b, chromedp.Text(chromedp.ID("bulk-confirm-text"))); !strings.Contains(txt, "(2 item)") || !strings.Contains(txt, "konfirmasi") {
		t.Errorf("confirmation says %q", txt)
	}
	unchanged("asked, not answered")
	b.navigate("sort=score", chromedp.Click(chromedp.ID("bulk-confirm-no")))
	unchanged("cancelled")

	b.do(chromedp.Click(chromedp.ID("select-all")), chromedp.SetValue(chromedp.ID("bulk-action"), "confirmed"))
	b.navigate("/bulk", chromedp.Click(chromedp.ID("bulk-submit")))
	b.navigate("bulk=", chromedp.Click(chromedp.ID("bulk-confirm-yes")))
	for _, id := range rows {
		if rec, _ := f.store.Get(t.Context(), id); rec.Review.Status != netra.StatusConfirmed {
			t.Errorf("after yes: %s is %q", id, rec.Review.Status)
		}
	}
	report := run(b, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#bulk-report li")].map(l => l.className + " " + l.dataset.id)`))
	if len(report) != 2 || report[0] != "ok "+rows[0] || report[1] != "ok "+rows[1] {
		t.Errorf("bulk report lines %q, want ok for %v", report, rows)
	}
	if head := run(b, chromedp.Text(chromedp.CSS("#bulk-report b"))); head != "Tindakan massal: 2 berhasil, 0 gagal." {
		t.Errorf("bulk report says %q", head)
	}

	// One row by keyboard is not "all": it acts at once and reports.
	b.do(chromedp.KeyEvent("j"))
	b.navigate("bulk=", chromedp.KeyEvent("e"))
	if rec, _ := f.store.Get(t.Context(), rows[0]); rec.Review.Status != netra.StatusEscalated {
		t.Errorf("j e: %s is %q", rows[0], rec.Review.Status)
	}
	if n := run(b, chromedp.Evaluate[int](`document.querySelectorAll("#bulk-report li.ok").length`)); n != 1 {
		t.Errorf("j e reported %d items, want 1", n)
	}
	if len(b.dialogs) != 0 {
		t.Errorf("dialogs opened: %v", b.dialogs)
	}
}

// A decision on an item opens the next item of the queue it came from.
func TestBrowserNextItemOpens(t *testing.T) {
	f := newFixture(t, withOptions(workbenchRules()))
	b := newBrowser(t)
	b.login(f.ts.URL, "rina", reviewerPW)
	b.navigate("sort=score", chromedp.Navigate(f.ts.URL+"/?sort=score&status=new"))
	rows := rowIDs(b)
	if len(rows) != 2 {
		t.Fatalf("queue: %v", rows)
	}
	b.navigate("/items/"+rows[0], chromedp.Click(chromedp.CSS(`a.item-link`)))
	b.navigate("/items/"+rows[1], chromedp.KeyEvent("c"))
	if flash := run(b, chromedp.Text(chromedp.ID("flash"))); !strings.Contains(flash, "berikutnya") {
		t.Errorf("flash on the next item: %q", flash)
	}
	if rec, _ := f.store.Get(t.Context(), rows[0]); rec.Review.Status != netra.StatusConfirmed {
		t.Errorf("first item is %q, want confirmed", rec.Review.Status)
	}
	// The last item of the queue stays open after its decision.
	b.navigate("flash=saved", chromedp.KeyEvent("e"))
	if loc := run(b, chromedp.Location()); !strings.Contains(loc, "/items/"+rows[1]) {
		t.Errorf("after the last item: at %s", loc)
	}
}

// The non-ASN tab, the labelled dropdowns and an unknown filter value.
func TestBrowserFiltersTabsAndUnknownValues(t *testing.T) {
	f := newFixture(t, withOptions(workbenchRules()))
	b := newBrowser(t)
	base := f.ts.URL
	b.login(base, "rina", reviewerPW)
	b.navigate("category=kepala_desa", chromedp.Click(chromedp.ID("tab_non_asn")))
	if rows := rowIDs(b); len(rows) != 1 || rows[0] != f.id(1) {
		t.Errorf("Pejabat non-ASN tab: rows %v, want the kepala desa item", rows)
	}
	if tab := run(b, chromedp.Text(chromedp.CSS("#tabs a.active"))); tab != "Pejabat non-ASN" {
		t.Errorf("active tab %q", tab)
	}
	// Dropdowns name categories and rules in Indonesian, with counts.
	opts := run(b, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#f-rule option")].map(o => o.value + "=" + o.textContent)`))
	want := "asn-dukung-paslon=ASN mendukung pasangan calon"
	if !slicesContainsPrefix(opts, want) {
		t.Errorf("rule options %q lack %q", opts, want)
	}
	body := run(b, chromedp.Text(chromedp.CSS("main")))
	for _, id := range []string{"kepala_desa", "asn_partisan", "kades-dukung-calon"} {
		if strings.Contains(body, id) {
			t.Errorf("the Indonesian page shows the id %q", id)
		}
	}
	b.navigate("/", chromedp.Navigate(base+"/?flagged=all"))
	b.do(chromedp.SetValue(chromedp.ID("f-category"), "asn_partisan"))
	b.navigate("category=asn_partisan", chromedp.Click(chromedp.ID("apply-filters")))
	if rows := rowIDs(b); len(rows) != 2 {
		t.Errorf("category from the dropdown: rows %v, want 2", rows)
	}
	// A typed value that names nothing says so and offers what exists.
	b.navigate("asn_kampanye", chromedp.Navigate(base+"/?category=asn_kampanye"))
	msg := run(b, chromedp.Text(chromedp.ID("unknown-filter")))
	if !strings.Contains(msg, `Kategori "asn_kampanye" tidak dikenal`) || !strings.Contains(msg, "Kepala desa mendukung calon") {
		t.Errorf("unknown category message: %q", msg)
	}
	b.navigate("category=kepala_desa", chromedp.Click(chromedp.CSS(`#unknown-filter a[data-value="kepala_desa"]`)))
	if n := run(b, chromedp.Evaluate[int](`document.querySelectorAll("#unknown-filter").length`)); n != 0 {
		t.Errorf("the message stays after choosing a known value")
	}
}

func slicesContainsPrefix(list []string, prefix string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

// The Indonesian pages name things; no snake_case id reaches the reader
// (ids stay in URLs and data attributes).
func TestBrowserNoSnakeCaseIDs(t *testing.T) {
	imp := fixtureRecords(t)[1]
	imp.Item.Kind, imp.Item.URL = "import", ""
	imp.Item.Text = "Perangkat desa di Sidoarjo memasang spanduk dukungan untuk calon bupati."
	imp.Item.Meta = map[string]string{"input_id": "42", "origin_id": "x9"}
	imp.Item.ID = netra.ItemID("", imp.Item.Source, imp.Item.Text)
	imp.Verdict.ID = imp.Item.ID
	imp.Verdict.Hits = []netra.Hit{evidence(t, imp.Item.Text, "kades-dukung-calon", "kepala_desa", imp.Item.Text, "dukungan")}
	f := newFixture(t, withRecords(imp), withOptions(workbenchRules()))
	b := newBrowser(t)
	b.login(f.ts.URL, "rina", reviewerPW)
	for _, path := range []string{"/?flagged=all", "/?flagged=all&category=kepala_desa", "/items/" + imp.Item.ID, "/items/" + f.id(0)} {
		b.navigate(path, chromedp.Navigate(f.ts.URL+path))
		ids := run(b, chromedp.Evaluate[[]string](`document.body.innerText.match(/\b[a-z0-9]+_[a-z0-9_]+\b/g) || []`))
		if len(ids) > 0 {
			t.Errorf("%s shows snake_case ids %q", path, ids)
		}
	}
	if role := run(b, chromedp.Text(chromedp.CSS("header .who"))); !strings.Contains(role, "(peninjau)") {
		t.Errorf("header shows the role as %q", role)
	}
}
