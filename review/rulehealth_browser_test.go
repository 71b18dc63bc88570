package review

import (
	"net/url"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
)

// The rule-health page in a real browser: after one confirmation and one
// dismissal, each rule's row shows the API's counts, its fired count links
// to a queue of that many items, and a period after the items empties it.
func TestBrowserRuleHealthPage(t *testing.T) {
	f := ruleHealthFixture(t)
	api, _ := f.ruleHealth(t)

	b := newBrowser(t)
	b.login(f.ts.URL, "budi", viewerPW)
	b.navigate("rules", chromedp.Navigate(f.ts.URL+"/rules"))
	type row struct {
		Rule                              string
		Fired, Confirmed, Dismissed, Open string
		Precision, Reasons, FiredLink     string
	}
	read := func() map[string]row {
		rows := run(b, chromedp.Evaluate[[]row](`[...document.querySelectorAll("tr.rule-row")].map(tr => ({
			rule: tr.dataset.rule,
			fired: tr.querySelector(".fired").textContent.trim(),
			confirmed: tr.querySelector(".confirmed").textContent.trim(),
			dismissed: tr.querySelector(".dismissed").textContent.trim(),
			open: tr.querySelector(".open").textContent.trim(),
			precision: tr.querySelector(".precision").textContent.trim(),
			reasons: tr.querySelector(".reasons").textContent.trim(),
			firedLink: tr.querySelector(".fired a").href,
		}))`))
		m := map[string]row{}
		for _, r := range rows {
			m[r.Rule] = r
		}
		return m
	}
	rows := read()
	b.screenshot("rules-page.png")
	if len(rows) != len(api) {
		t.Fatalf("page shows %d rules, API %d", len(rows), len(api))
	}
	for _, h := range api {
		r, ok := rows[h.Rule]
		if !ok {
			t.Errorf("rule %s missing from the page", h.Rule)
			continue
		}
		for _, c := range []struct {
			what string
			page string
			api  int
		}{{"fired", r.Fired, h.Fired}, {"confirmed", r.Confirmed, h.Confirmed}, {"dismissed", r.Dismissed, h.Dismissed}, {"open", r.Open, h.Open}} {
			if c.page != strconv.Itoa(c.api) {
				t.Errorf("%s %s: page %q, API %d", h.Rule, c.what, c.page, c.api)
			}
		}
	}
	if r := rows["asn-hadir-kampanye"]; r.Precision != "0.00" || r.Reasons != "Norma/imbauan, bukan perbuatan: 1" {
		t.Errorf("asn-hadir-kampanye: precision %q reasons %q", r.Precision, r.Reasons)
	}
	if r := rows["asn-dukung-paslon"]; r.Precision != "1.00" {
		t.Errorf("asn-dukung-paslon: precision %q", r.Precision)
	}

	// The fired count links to the queue of the items the rule fired on.
	u, err := url.Parse(rows["asn-hadir-kampanye"].FiredLink)
	if err != nil {
		t.Fatal(err)
	}
	b.navigate("rule=asn-hadir-kampanye", chromedp.Navigate(f.ts.URL+u.RequestURI()))
	if n := len(rowIDs(b)); strconv.Itoa(n) != rows["asn-hadir-kampanye"].Fired {
		t.Errorf("queue of asn-hadir-kampanye has %d rows, the page says %s", n, rows["asn-hadir-kampanye"].Fired)
	}

	// A period after every item: the form empties the counts.
	b.navigate("rules", chromedp.Navigate(f.ts.URL+"/rules"))
	b.do(chromedp.SetValue(chromedp.CSS(`input[name=since]`), "2099-01-01"))
	b.navigate("since=2099-01-01", chromedp.Submit(chromedp.CSS(`input[name=since]`)))
	for id, r := range read() {
		if r.Fired != "0" {
			t.Errorf("%s fired %s in 2099", id, r.Fired)
		}
	}
}
