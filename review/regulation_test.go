package review

import (
	"html"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/netra-id/netra"
)

// regulationRecord is rolesRecord citing two statutes and one regulation
// the table does not know.
func regulationRecord(t testing.TB) netra.Record {
	rec := rolesRecord(t)
	rec.Verdict.Hits[0].Regulation = "PP 94/2021 Pasal 5 huruf n angka 6; UU 7/2017 Pasal 280 ayat (3) dan Pasal 494; Perbawaslu 6/2018"
	return rec
}

// TestRegulationTexts: the item page links each cited regulation from the
// hit and has its gist ready to open; the evidence bundle's page carries the
// same texts, linked from the hit.
func TestRegulationTexts(t *testing.T) {
	rec := regulationRecord(t)
	f := newFixture(t, withRecords(rec), withOptions(workbenchRules()))
	c, _ := f.login("budi", viewerPW)
	code, page := f.page(c, "/items/"+rec.Item.ID)
	if code != 200 {
		t.Fatalf("item page: %d", code)
	}
	for _, want := range []string{
		`data-reg="PP 94/2021"`, `href="https://peraturan.go.id/id/pp-no-94-tahun-2021"`, "Pasal 5.", "ikut kampanye",
		`data-reg="UU 7/2017"`, `href="https://peraturan.go.id/id/uu-no-7-tahun-2017"`, "Pasal 280.", "Pasal 494.", "Rp12.000.000",
		"Perbawaslu 6/2018", // the field as written, though the table does not know it
	} {
		if !strings.Contains(html.UnescapeString(page), want) {
			t.Errorf("item page lacks %q", want)
		}
	}
	if strings.Contains(page, `data-reg="Perbawaslu`) {
		t.Error("an unknown regulation got a text of its own")
	}
	files := bundleFiles(t, f, rec.Item.ID)
	ev := html.UnescapeString(string(files["evidence.html"]))
	for _, want := range []string{`href="#reg-pp-94-2021"`, `id="reg-pp-94-2021"`, `id="reg-uu-7-2017"`, "https://peraturan.go.id/id/uu-no-7-tahun-2017", "Pasal 494.", "ikut kampanye"} {
		if !strings.Contains(ev, want) {
			t.Errorf("evidence.html lacks %q", want)
		}
	}
}

// TestBrowserRegulationOnDemand: the regulation's text is folded until the
// reviewer opens it from the hit.
func TestBrowserRegulationOnDemand(t *testing.T) {
	rec := regulationRecord(t)
	f := newFixture(t, withRecords(rec), withOptions(workbenchRules()))
	b := newBrowser(t)
	b.login(f.ts.URL, "rina", reviewerPW)
	b.navigate("/items/", chromedp.Navigate(f.ts.URL+"/items/"+rec.Item.ID))
	visible := `(() => { const p = document.querySelector('.reg-text[data-reg="UU 7/2017"] .reg-article'); return p !== null && p.checkVisibility() })()`
	if run(b, chromedp.Evaluate[bool](visible)) {
		t.Fatal("the regulation's text shows before it is asked for")
	}
	b.do(chromedp.Click(chromedp.CSS(`.reg-text[data-reg="UU 7/2017"] summary`)))
	if !run(b, chromedp.Evaluate[bool](visible)) {
		t.Fatal("opening the regulation from the hit shows no text")
	}
	b.screenshot("item-regulation.png")
}
