package review

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
)

// TestDashboardMatchesQueue checks that every number of the dashboard is
// the count of the queue it links to: the total, each breakdown value and
// each week, for the fixture's items.
func TestDashboardMatchesQueue(t *testing.T) {
	f := newFixture(t)
	itemsTotal := func(v url.Values) int {
		t.Helper()
		code, body, _ := f.do("GET", "/api/v1/items?"+v.Encode(), "budi", viewerPW, nil)
		if code != 200 {
			t.Fatalf("items %s: %d %s", v.Encode(), code, body)
		}
		var res struct{ Total int }
		if err := json.Unmarshal(body, &res); err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	filter := url.Values{"flagged": {"all"}, "since": {"2024-01-01"}, "until": {"2024-02-01"}}
	code, body, _ := f.do("GET", "/api/v1/dashboard?"+filter.Encode(), "budi", viewerPW, nil)
	if code != 200 {
		t.Fatalf("dashboard: %d %s", code, body)
	}
	var d Dashboard
	if err := json.Unmarshal(body, &d); err != nil {
		t.Fatal(err)
	}
	// flagged=all means every item: the API's own default is the same.
	all := url.Values{"since": {"2024-01-01"}, "until": {"2024-02-01"}}
	if d.Total != 4 || d.Total != itemsTotal(all) {
		t.Errorf("total %d, queue %d", d.Total, itemsTotal(all))
	}
	weeks := 0
	for _, w := range d.Weeks {
		weeks += w.Count
		lv, err := url.ParseQuery(strings.TrimPrefix(w.Link, "/?"))
		if err != nil {
			t.Fatal(err)
		}
		lv.Del("flagged")
		if n := itemsTotal(lv); n != w.Count {
			t.Errorf("week %s: %d, its queue %d", w.From.Format("2006-01-02"), w.Count, n)
		}
	}
	if weeks != d.Total {
		t.Errorf("weeks sum to %d, total %d", weeks, d.Total)
	}
	for facet, bars := range d.By {
		if len(bars) == 0 {
			t.Errorf("no %s breakdown", facet)
		}
		for _, b := range bars {
			lv, err := url.ParseQuery(strings.TrimPrefix(b.Link, "/?"))
			if err != nil {
				t.Fatal(err)
			}
			lv.Del("flagged")
			if n := itemsTotal(lv); n != b.Count {
				t.Errorf("%s %s: %d, its queue %d", facet, b.Value, b.Count, n)
			}
		}
	}
	// Only flagged items by default, like the queue.
	_, body, _ = f.do("GET", "/api/v1/dashboard?since=2024-01-01&until=2024-02-01", "budi", viewerPW, nil)
	var flagged Dashboard
	if err := json.Unmarshal(body, &flagged); err != nil || flagged.Total != 2 {
		t.Errorf("flagged dashboard total %d (%v), want 2", flagged.Total, err)
	}
	if code, _, _ := f.do("GET", "/api/v1/dashboard?category=nope", "budi", viewerPW, nil); code != 400 {
		t.Errorf("unknown category: %d, want 400", code)
	}
	c, _ := f.login("budi", viewerPW)
	code, page := f.page(c, "/dashboard?flagged=all&since=2024-01-01&until=2024-02-01")
	if code != 200 || !strings.Contains(page, `id="dash-weeks"`) || !strings.Contains(page, `id="dash-total">4<`) || !strings.Contains(page, "Jawa Timur") {
		t.Errorf("dashboard page: %d\n%s", code, page)
	}
}

// TestDashboardDefaultPeriod: without a period the weeks end at the newest
// matching item, so an archive does not show as empty weeks.
func TestDashboardDefaultPeriod(t *testing.T) {
	f := newFixture(t)
	d := allDashboard(t, f)
	sum := 0
	for _, w := range d.Weeks {
		sum += w.Count
	}
	if len(d.Weeks) != defaultWeeks || sum != d.Total || d.Total != 4 {
		t.Errorf("%d weeks holding %d of %d items (fixture items are from January 2024)", len(d.Weeks), sum, d.Total)
	}
}

// allDashboard is the dashboard API's answer over every item (flagged or
// not), as a viewer sees it.
func allDashboard(t *testing.T, f *fixture) Dashboard {
	t.Helper()
	code, body, _ := f.do("GET", "/api/v1/dashboard?flagged=all", "budi", viewerPW, nil)
	if code != 200 {
		t.Fatalf("dashboard: %d %s", code, body)
	}
	var d Dashboard
	if err := json.Unmarshal(body, &d); err != nil {
		t.Fatal(err)
	}
	return d
}
