package review

import (
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/places"
)

// withPlaces gives each record the places the real matcher finds in it, in
// the Meta form the pipeline's Enrich step writes.
func withPlaces(t testing.TB, recs []netra.Record) []netra.Record {
	t.Helper()
	m, err := places.New()
	if err != nil {
		t.Fatal(err)
	}
	for i := range recs {
		var parts []string
		for _, p := range m.Find(recs[i].Item.Title, recs[i].Item.Text, "") {
			parts = append(parts, p.Code+" "+p.Name)
		}
		meta := map[string]string{}
		for k, v := range recs[i].Item.Meta {
			meta[k] = v
		}
		meta[index.MetaPlaces] = strings.Join(parts, "; ")
		recs[i].Item.Meta = meta
	}
	return recs
}

// The province filter finds the province's kabupaten/kota too, offers
// provinces by name with counts, and the place facet links work.
func TestBrowserProvinceFilter(t *testing.T) {
	extra := fixtureRecords(t)[:1] // a copy in another regency of the same province
	extra[0].Item.Text = strings.ReplaceAll(extra[0].Item.Text, "Kabupaten Lumajang", "Kota Malang")
	extra[0].Item.Title = "Camat di Malang ajak warga dukung paslon"
	extra[0].Item.URL += "-malang"
	extra[0].Item.ID = netra.ItemID(extra[0].Item.URL, extra[0].Item.Source, extra[0].Item.Text)
	extra[0].Verdict.ID = extra[0].Item.ID
	extra[0].Verdict.Hits[0] = evidence(t, extra[0].Item.Text, "asn-dukung-paslon", "asn_partisan",
		"Seorang camat di Kota Malang kedapatan mengajak warga mendukung paslon nomor urut 2 saat acara kampanye.", "camat")
	f := newFixture(t, withOptions(workbenchRules()), withRecords(extra...))
	// Places as the Enrich step gives them, for every record.
	recs := withPlaces(t, append(fixtureRecords(t), extra...))
	if err := f.store.Upsert(t.Context(), recs); err != nil {
		t.Fatal(err)
	}
	// The Kota Malang record names only the city: the filter must find it
	// by the code, not by a province entry the matcher adds.
	for i := range recs {
		if recs[i].Item.ID == extra[0].Item.ID {
			recs[i].Item.Meta[index.MetaPlaces] = "35.73 Kota Malang"
		}
	}
	if err := f.store.Upsert(t.Context(), recs); err != nil {
		t.Fatal(err)
	}
	var east []string // flagged records about Jawa Timur (35) or one of its regencies
	for _, r := range recs {
		if r.Verdict.Flagged && slices.Contains(index.RecordPlaces(r), "35") {
			east = append(east, r.Item.ID)
		}
	}
	if len(east) != 2 {
		t.Fatalf("fixture: %d flagged records in Jawa Timur, want 2 (Lumajang and Kota Malang)", len(east))
	}

	b := newBrowser(t)
	b.login(f.ts.URL, "rina", reviewerPW)
	opt := run(b, chromedp.Evaluate[string](`(() => { const o = document.querySelector('#f-place option[value="35"]'); return o ? o.textContent : "" })()`))
	if opt != "Jawa Timur (2)" {
		t.Errorf("place dropdown offers %q for 35, want \"Jawa Timur (2)\"", opt)
	}
	b.do(chromedp.SetValue(chromedp.ID("f-place"), "35"))
	b.navigate("place=35", chromedp.Click(chromedp.ID("apply-filters")))
	got := rowIDs(b)
	slices.Sort(got)
	slices.Sort(east)
	if !slices.Equal(got, east) {
		t.Errorf("province 35 shows %v, want %v (its regencies included)", got, east)
	}
	if total := run(b, chromedp.Text(chromedp.CSS(`#total b`))); total != "2" {
		t.Errorf("total %q, want 2", total)
	}
	// The facet names the regencies; one of them narrows to its record.
	link := run(b, chromedp.Evaluate[string](`(() => { const a = document.querySelector('#facet-place a[data-value="35.73"]'); return a ? a.textContent : "" })()`))
	if link != "Kota Malang" {
		t.Fatalf("place facet link for 35.73 reads %q, want Kota Malang", link)
	}
	b.navigate("35.73", chromedp.Click(chromedp.CSS(`#facet-place a[data-value="35.73"]`)))
	if got := rowIDs(b); len(got) != 1 || got[0] != extra[0].Item.ID {
		t.Errorf("Kota Malang shows %v, want only %s", got, extra[0].Item.ID)
	}
	// An unknown code is a 400 that lists the provinces.
	b.navigate("place=99", chromedp.Navigate(f.ts.URL+"/?place=99"))
	if txt := run(b, chromedp.Text(chromedp.ID("unknown-filter"))); !strings.Contains(txt, "99") || !strings.Contains(txt, "Jawa Timur") {
		t.Errorf("unknown place says %q", txt)
	}
}

// GET /api/v1/items?place= filters by code (a province with its regencies)
// and facets=place counts; an unknown code is a 400 naming the provinces.
func TestAPIPlaceFilter(t *testing.T) {
	f := newFixture(t, withOptions(workbenchRules()))
	recs := withPlaces(t, fixtureRecords(t))
	recs[0].Item.Meta[index.MetaPlaces] = "35.08 Kabupaten Lumajang" // the province only by its code
	if err := f.store.Upsert(t.Context(), recs); err != nil {
		t.Fatal(err)
	}
	code, body, _ := f.do("GET", "/api/v1/items?flagged=all&place=35&facets=place", "budi", viewerPW, nil)
	if code != 200 {
		t.Fatalf("place=35: %d %s", code, body)
	}
	res := decode[index.Result](t, body)
	var ids []string
	for _, m := range res.Matches {
		ids = append(ids, m.Record.Item.ID)
	}
	slices.Sort(ids)
	want := []string{f.id(0), f.id(1)} // Lumajang, Gresik
	slices.Sort(want)
	if !slices.Equal(ids, want) {
		t.Errorf("place=35: %v, want %v", ids, want)
	}
	counts := map[string]int{}
	for _, fc := range res.Facets[index.FacetPlace] {
		counts[fc.Value] = fc.Count
	}
	if counts["35"] != 2 || counts["35.08"] != 1 {
		t.Errorf("place facet %v", counts)
	}
	if code, body, _ := f.do("GET", "/api/v1/items?place=99", "budi", viewerPW, nil); code != 400 || !strings.Contains(string(body), `"35"`) {
		t.Errorf("place=99: %d %s", code, body)
	}
}
