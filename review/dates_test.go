package review

import (
	"bytes"
	"encoding/csv"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/netra-id/netra"
)

// undated is a record imported without a publication date: it has only the
// time it was fetched (imported).
func undated(t *testing.T) netra.Record {
	r := fixtureRecords(t)[0]
	r.Item.Published = time.Time{}
	r.Item.Fetched = time.Date(2026, 11, 30, 2, 0, 0, 0, time.UTC)
	r.Item.Text = "Camat lama di Lumajang pernah mendukung paslon pada 2019, kata warga."
	r.Item.Title = "Berita lama tanpa tanggal"
	r.Item.URL = "https://regional.example.id/lama"
	r.Item.ID = netra.ItemID(r.Item.URL, r.Item.Source, r.Item.Text)
	r.Verdict.ID = r.Item.ID
	r.Verdict.Hits = []netra.Hit{evidence(t, r.Item.Text, "asn-dukung-paslon", "asn_partisan", r.Item.Text, "mendukung")}
	return r
}

// An item without a publication date never shows its fetch time as
// published: not in the queue, on its page or in the CSV.
func TestUnknownPublicationDate(t *testing.T) {
	u := undated(t)
	f := newFixture(t, withRecords(u))
	c, _ := f.login("budi", viewerPW)
	_, body := f.page(c, "/?q=lama")
	// The fetch time may only appear in the tooltip that says it is one.
	shown := strings.Replace(body, `title="Diambil 2026-11-30 09:00 WIB"`, "", 1)
	if !strings.Contains(body, `<span class="no-date"`) || !strings.Contains(body, "tanpa tanggal terbit") || strings.Contains(shown, "2026-11-30") {
		t.Errorf("queue row of an undated item:\n%s", grep(body, "no-date"))
	}
	_, body = f.page(c, "/items/"+u.Item.ID)
	if !strings.Contains(body, `<dd id="published"><span class="no-date">tidak diketahui</span></dd>`) {
		t.Errorf("item page of an undated item:\n%s", grep(body, "published"))
	}
	code, csvBody, _ := f.do("GET", "/api/v1/export?format=csv&flagged=all", "budi", viewerPW, nil)
	rows, err := csv.NewReader(bytes.NewReader(csvBody)).ReadAll()
	if code != 200 || err != nil {
		t.Fatalf("export: %d %v", code, err)
	}
	pub, fetched := slices.Index(rows[0], "published"), slices.Index(rows[0], "fetched")
	if pub < 0 || fetched != len(rows[0])-1 {
		t.Fatalf("CSV header %v: want published, and fetched as the last column", rows[0])
	}
	for _, r := range rows[1:] {
		switch r[0] {
		case u.Item.ID:
			if r[pub] != "" || r[fetched] != "2026-11-30T02:00:00Z" {
				t.Errorf("undated item in the CSV: published %q fetched %q, want empty and 2026-11-30T02:00:00Z", r[pub], r[fetched])
			}
		case f.id(0):
			if r[pub] != "2024-01-10T18:00:00Z" {
				t.Errorf("dated item in the CSV: published %q", r[pub])
			}
		}
	}
}

// Times show in the reader's zone, WIB unless they chose another; the
// stored time does not change.
func TestTimeZonePerUser(t *testing.T) {
	f := newFixture(t)
	c, csrf := f.login("rina", reviewerPW)
	item := "/items/" + f.id(0) // published 2024-01-10 18:00 UTC
	_, body := f.page(c, item)
	if !strings.Contains(body, "2024-01-11 01:00 WIB") || strings.Contains(body, " UTC<") {
		t.Errorf("default zone:\n%s", grep(body, "<dd"))
	}
	if code, _, _ := f.post(c, "/settings", url.Values{"zone": {"Asia/Tokyo"}, "csrf": {csrf}}); code != 400 {
		t.Errorf("zone outside Indonesia: %d, want 400", code)
	}
	if code, _, _ := f.post(c, "/settings", url.Values{"zone": {"WIT"}}); code != 403 {
		t.Errorf("settings without CSRF: %d, want 403", code)
	}
	if code, loc, _ := f.post(c, "/settings", url.Values{"zone": {"WIT"}, "csrf": {csrf}}); code != 303 || loc != "/settings?flash=saved" {
		t.Fatalf("save zone: %d %s", code, loc)
	}
	_, body = f.page(c, item)
	if !strings.Contains(body, "2024-01-11 03:00 WIT") || !strings.Contains(body, `id="zone" title="Pengaturan: zona waktu">WIT</a>`) {
		t.Errorf("after choosing WIT:\n%s", grep(body, "WI"))
	}
	// Another user still reads WIB.
	vc, _ := f.login("budi", viewerPW)
	if _, body := f.page(vc, item); !strings.Contains(body, "2024-01-11 01:00 WIB") {
		t.Errorf("budi's zone changed with rina's")
	}
	if rec, _ := f.store.Get(t.Context(), f.id(0)); !rec.Item.Published.Equal(f.recs[0].Item.Published) {
		t.Errorf("stored time changed: %v", rec.Item.Published)
	}
	if u, _ := f.accts.Get("rina"); u.Zone != "WIT" {
		t.Errorf("rina's zone is %q in users.json", u.Zone)
	}
}
