package review

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"strings"
	"testing"
)

// TestEvidenceBundle downloads an item's evidence bundle and checks every
// file against the manifest's SHA-256, the text hash against the stored
// text, and that hostile text stays escaped in the HTML page.
func TestEvidenceBundle(t *testing.T) {
	f := newFixture(t)
	rec := f.recs[0]
	files := bundleFiles(t, f, rec.Item.ID)
	var m EvidenceManifest
	if err := json.Unmarshal(files["manifest.json"], &m); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	if m.ItemID != rec.Item.ID || m.By != "budi" || len(m.Files) != 4 {
		t.Errorf("manifest %+v", m)
	}
	for name, want := range m.Files {
		h := sha256.Sum256(files[name])
		if hex.EncodeToString(h[:]) != want {
			t.Errorf("%s: hash differs from the manifest", name)
		}
	}
	th := sha256.Sum256([]byte(rec.Item.Text))
	if m.TextSHA256 != hex.EncodeToString(th[:]) || string(files["text.txt"]) != rec.Item.Text {
		t.Errorf("text hash %s or text differs from the stored text", m.TextSHA256)
	}
	if !strings.Contains(string(files["evidence.html"]), "<mark") {
		t.Error("evidence page marks no evidence")
	}
	if code, _, _ := f.do("GET", "/api/v1/items/nope/evidence", "budi", viewerPW, nil); code != 404 {
		t.Errorf("unknown item: %d", code)
	}
}

// TestEvidenceHTMLEscapes: crawled text is hostile; the bundle's page
// escapes it.
func TestEvidenceHTMLEscapes(t *testing.T) {
	f := newFixture(t)
	rec := f.recs[0]
	rec.Item.Text = `<script>alert(1)</script> camat`
	b, err := evidenceBundle(rec, nil, "x", rec.Item.Fetched)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	seen := false
	for _, zf := range zr.File {
		if zf.Name != "evidence.html" {
			continue
		}
		seen = true
		rc, _ := zf.Open()
		page, _ := io.ReadAll(rc)
		rc.Close()
		if strings.Contains(string(page), "<script>") || !strings.Contains(string(page), "&lt;script&gt;") {
			t.Errorf("evidence page does not escape the text:\n%s", page)
		}
	}
	if !seen {
		t.Error("no evidence.html in the bundle")
	}
}
