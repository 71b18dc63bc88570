package review

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/netra-id/netra"
)

// rolesRecord is a post whose evidence names who (actor), what (act) and
// for whom (target), as the classifier's spans do.
func rolesRecord(t testing.TB) netra.Record {
	t.Helper()
	text := "Kemarin seorang camat di Kabupaten Lumajang mengajak warga memilih paslon nomor urut 2 di balai desa."
	sentence := text[len("Kemarin "):]
	h := evidence(t, text, "asn-dukung-paslon", "asn_partisan", sentence)
	for _, sp := range []struct{ word, role string }{{"camat", "actor"}, {"mengajak warga memilih", "act"}, {"paslon nomor urut 2", "target"}} {
		i := strings.Index(text, sp.word)
		h.Spans = append(h.Spans, netra.Span{Start: i, End: i + len(sp.word), Role: sp.role})
		h.Terms = append(h.Terms, sp.word)
	}
	it := netra.Item{Source: "tweets", Kind: "post", Text: text, Published: time.Date(2024, 1, 11, 3, 0, 0, 0, time.UTC), Fetched: time.Date(2024, 1, 12, 3, 0, 0, 0, time.UTC)}
	it.ID = netra.ItemID("", it.Source, it.Text)
	return netra.Record{Item: it, Verdict: netra.Verdict{ID: it.ID, Flagged: true, Score: 0.9, Categories: []string{"asn_partisan"}, Hits: []netra.Hit{h}, RulesVersion: "test"}}
}

// The item page marks actor, act and target apart; the evidence bundle
// downloaded from it holds the files its manifest lists, each with the
// SHA-256 the manifest gives, and the stored text's hash.
func TestBrowserEvidenceRolesAndBundle(t *testing.T) {
	rec := rolesRecord(t)
	f := newFixture(t, withRecords(rec), withOptions(workbenchRules()))
	b := newBrowser(t)
	b.login(f.ts.URL, "rina", reviewerPW)
	b.navigate("/items/", chromedp.Navigate(f.ts.URL+"/items/"+rec.Item.ID))
	marks := run(b, chromedp.Evaluate[map[string]string](`Object.fromEntries([...document.querySelectorAll("#text mark[data-role]")].map(m => [m.dataset.role, m.textContent]))`))
	want := map[string]string{"actor": "camat", "act": "mengajak warga memilih", "target": "paslon nomor urut 2"}
	for role, w := range want {
		if marks[role] != w {
			t.Errorf("%s marked %q, want %q (all: %v)", role, marks[role], w, marks)
		}
	}
	// Distinct styles: three different backgrounds and underline styles.
	styles := run(b, chromedp.Evaluate[[]string](`["actor","act","target"].map(r => { const s = getComputedStyle(document.querySelector("#text mark.role-" + r)); return s.backgroundColor + " " + s.borderBottomStyle })`))
	if len(styles) != 3 || styles[0] == styles[1] || styles[1] == styles[2] || styles[0] == styles[2] {
		t.Errorf("role styles are not distinct: %v", styles)
	}
	b.screenshot("item-roles.png")

	dir := t.TempDir()
	yes := true
	if _, err := chromedp.CallBrowser(b.ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir, EventsEnabled: &yes}); err != nil {
		t.Fatal(err)
	}
	b.do(chromedp.Click(chromedp.ID("evidence-bundle")))
	var zipPath string
	for deadline := time.Now().Add(30 * time.Second); zipPath == "" && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			if strings.HasSuffix(e.Name(), ".zip") {
				zipPath = filepath.Join(dir, e.Name())
			}
		}
	}
	if zipPath == "" {
		t.Fatal("no evidence bundle downloaded")
	}
	data, err := os.ReadFile(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	files := zipFiles(t, "downloaded bundle "+zipPath, data)
	var m EvidenceManifest
	if err := json.Unmarshal(files["manifest.json"], &m); err != nil {
		t.Fatalf("manifest.json: %v", err)
	}
	if len(m.Files) < 4 {
		t.Errorf("manifest lists %d files: %v", len(m.Files), m.Files)
	}
	for name, sum := range m.Files {
		body, ok := files[name]
		if !ok {
			t.Errorf("manifest lists %s, the bundle lacks it", name)
			continue
		}
		h := sha256.Sum256(body)
		if hex.EncodeToString(h[:]) != sum {
			t.Errorf("%s: SHA-256 %x, manifest says %s", name, h, sum)
		}
	}
	th := sha256.Sum256([]byte(rec.Item.Text))
	if m.TextSHA256 != hex.EncodeToString(th[:]) || string(files["text.txt"]) != rec.Item.Text {
		t.Errorf("text hash %s, want the stored text's %x", m.TextSHA256, th)
	}
	if page := string(files["evidence.html"]); !strings.Contains(page, `<mark class="term actor">camat</mark>`) || !strings.Contains(page, `<mark class="term target">paslon nomor urut 2</mark>`) {
		t.Errorf("evidence.html does not mark the roles")
	}
}
