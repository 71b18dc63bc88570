package review

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// Every number on the dashboard, for a filter set, is the count the queue
// shows when its link is followed: the total, each week, and each row of
// every breakdown, by reviewer included.
func TestBrowserDashboardEqualsQueue(t *testing.T) {
	f := newFixture(t, withOptions(workbenchRules()), withRecords(storyCopies(t)...))
	// Reviews by two people, so the reviewer breakdown has rows.
	for i, who := range []string{"rina", "admin", "rina"} {
		id := f.recs[len(f.recs)-1-i].Item.ID
		st := []netra.Status{netra.StatusConfirmed, netra.StatusEscalated, netra.StatusConfirmed}[i]
		if _, err := f.store.Review(t.Context(), id, index.ReviewUpdate{Status: &st, Who: who, BaseVersion: f.version(id)}); err != nil {
			t.Fatal(err)
		}
	}
	b := newBrowser(t)
	b.login(f.ts.URL, "budi", viewerPW)
	filter := "/dashboard?flagged=all&since=2024-01-01&until=2024-01-31"
	b.navigate("dashboard", chromedp.Navigate(f.ts.URL+filter))
	type number struct {
		What, Link string
		Count      int
	}
	nums := run(b, chromedp.Evaluate[[]number](`[
		...[...document.querySelectorAll("#dash-total")].map(a => ({what: "total", link: a.href, count: +a.textContent})),
		...[...document.querySelectorAll("#dash-weeks a")].map(a => ({what: "week " + a.querySelector("title").textContent, link: a.href.baseVal || a.getAttribute("href"), count: +a.querySelector("text").textContent})),
		...[...document.querySelectorAll("table.dash tr[data-value]")].map(tr => ({what: tr.closest("table").id + " " + tr.dataset.value, link: tr.querySelector("td.count a").href, count: +tr.querySelector("td.count a").textContent}))
	]`))
	if len(nums) < 10 {
		t.Fatalf("dashboard shows %d numbers: %v", len(nums), nums)
	}
	reviewers := 0
	total := -1
	for _, n := range nums {
		if strings.HasPrefix(n.What, "dash-reviewer ") {
			reviewers++
		}
		if n.What == "total" {
			total = n.Count
		}
	}
	if reviewers != 2 {
		t.Errorf("reviewer breakdown has %d rows, want 2 (rina, admin)", reviewers)
	}
	if total != len(f.recs) {
		t.Errorf("total %d, want %d records", total, len(f.recs))
	}
	for _, n := range nums {
		link := n.Link
		if strings.HasPrefix(link, "/") {
			link = f.ts.URL + link
		}
		b.navigate("/?", chromedp.Navigate(link))
		got := run(b, chromedp.Text(chromedp.CSS(`#total b`)))
		if c, err := strconv.Atoi(got); err != nil || c != n.Count {
			t.Errorf("%s: dashboard says %d, its queue (%s) shows %q", n.What, n.Count, link, got)
		}
	}
}
