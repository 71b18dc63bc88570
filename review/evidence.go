package review

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/crawler/archive"
	"github.com/netra-id/netra/rules/regulation"
)

// EvidenceManifest is manifest.json of an evidence bundle: what the bundle
// holds, the SHA-256 of every file, and when and by whom it was made, so a
// case file can show the evidence was not changed afterwards.
type EvidenceManifest struct {
	ItemID    string            `json:"item_id"`
	URL       string            `json:"url,omitempty"`
	Fetched   time.Time         `json:"fetched,omitzero"`
	Published time.Time         `json:"published,omitzero"`
	Exported  time.Time         `json:"exported"`
	By        string            `json:"exported_by"`
	Rules     string            `json:"rules_version"`
	Files     map[string]string `json:"sha256"` // file name → hex SHA-256
	// TextSHA256 is the hash of the item's text as stored: the same text
	// gives the same hash in any later export.
	TextSHA256 string `json:"text_sha256"`
	// PageSHA256 and PageFetched describe page.html, the sanitised copy of
	// the fetched page frozen by the crawler: its hash as recorded then
	// (equal to Files["page.html"]) and when it was fetched.
	PageSHA256  string    `json:"page_sha256,omitempty"`
	PageFetched time.Time `json:"page_fetched,omitzero"`
	// PageTruncated is set when only the page's first megabyte was kept.
	PageTruncated bool `json:"page_truncated,omitempty"`
	// PageError says why a record's frozen copy is not in the bundle (it
	// does not match its recorded hash, or it is not a sanitised copy as
	// the crawler makes them: an imported record's, say).
	PageError string `json:"page_error,omitempty"`
}

// evidenceHTML is the bundle's human-readable page: the text with the
// evidence marked and what the score rests on, escaped like the app's own
// pages (crawled text is hostile), no script and no links out.
var evidenceHTML = template.Must(template.New("evidence").Funcs(templateFuncs()).Funcs(template.FuncMap{
	"t":    func(key string) string { return tr(langID, key) },
	"name": func(group, value string) string { return name(langID, group, value) },
}).Parse(`<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Bukti {{.Rec.Item.ID}}</title>
<style>mark{background:#ffe08a} .actor{background:#cfe8ff;border-bottom:2px solid #0958d9} .act{background:#ffd0d0;border-bottom:2px dashed #d46b08} .target{background:#d7f5d0;border-bottom:2px dotted #531dab} body{font-family:sans-serif;max-width:50em;margin:2em auto}</style></head>
<body><h1>{{.Rec.Item.Title}}</h1>
<p>ID {{.Rec.Item.ID}} · sumber {{.Rec.Item.Source}} · URL {{.Rec.Item.URL}} · diambil {{.Rec.Item.Fetched}} · SHA-256 teks {{.TextHash}}</p>
<h2>Bukti</h2>
{{range .Rec.Verdict.Hits}}<blockquote><p>{{.Sentence}}</p><p>{{.Title}} — {{.Regulation}} ({{.Rule}}, {{.Mode}}{{if .CancelledAs}}{{if eq .CancelledAs "near"}}: aturan hampir cocok ({{.Cue}}){{else}}: aturan membatalkannya sebagai {{.CancelledAs}}{{end}}, model kata membaca artikel sebagai laporan{{end}})</p>{{with index $.HitRegs .Regulation}}<p>Dasar hukum: {{range .}}<a href="#{{.Regulation.Anchor}}">{{.Text}}</a> {{end}}</p>{{end}}</blockquote>{{end}}
{{with .Why}}<h2>{{t "why_score"}}</h2>
<p>{{t "why_score_intro"}}</p>{{if $.Rec.Verdict.Overruled}}
<p>{{t "why_model_only"}}</p>{{end}}
<ul>{{range .Parts}}<li>{{name "feature" .Feature}}{{if not .Bias}} ({{t "why_value"}} {{plainNumber .Value}}){{end}}: {{signed .Contribution}}{{with .Words}}<br>{{t "why_words"}} ({{t "why_word_pos"}}; {{t "why_word_neg"}}): {{range $i, $w := .}}{{if $i}}, {{end}}{{if eq $w.Sign "pos"}}▲{{else if eq $w.Sign "neg"}}▼{{else}}·{{end}} {{$w.Gram}} {{signed $w.Contribution}}{{end}}{{end}}</li>
{{end}}</ul>
<p>{{t "why_total"}} {{signed .Sum}} → {{t "score"}} {{printf "%.2f" $.Rec.Verdict.Score}}</p>{{end}}
{{with .Regs}}<h2>Dasar hukum</h2>
<p>Ringkasan pasal ditulis untuk Netra, bukan bunyi resmi; teks resmi ada pada alamat yang disebut.</p>
{{range .}}<section id="{{.Anchor}}"><h3>{{.Title}}</h3><p>{{.Gist}}</p><p>Teks resmi: <code>{{.URL}}</code></p>{{range .Articles}}<p><b>{{.Ref}}.</b> {{.Gist}}</p>{{end}}</section>
{{end}}{{end}}
<h2>Teks</h2>
<p><mark class="actor">pelaku</mark> <mark class="act">perbuatan</mark> <mark class="target">sasaran</mark></p>
<p>{{range .Segments}}{{if .Term}}<mark class="term{{with .Role}} {{.}}{{end}}">{{.Text}}</mark>{{else if .Hit}}<mark>{{.Text}}</mark>{{else}}{{.Text}}{{end}}{{end}}</p>
<h2>Tinjauan</h2>
<p>{{.Rec.Review.Status}} · {{.Rec.Review.Reviewer}} · {{.Rec.Review.Note}}</p>
</body></html>
`))

// apiEvidence answers GET /api/v1/items/{id}/evidence: a ZIP with the
// record, the text, the audit trail, an HTML page of the evidence, the
// frozen copy of the fetched page when the crawler kept one (page.html) and
// a manifest of SHA-256 hashes.
func (s *Server) apiEvidence(w http.ResponseWriter, r *http.Request, p principal) {
	rec, trail, ok := s.recordAndAudit(w, r, r.PathValue("id"))
	if !ok {
		return
	}
	b, err := evidenceBundle(rec, trail, p.User, time.Now().UTC())
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=\"netra-bukti-%s.zip\"", rec.Item.ID))
	_, _ = w.Write(b)
}

// evidenceBundle builds the ZIP of one record.
func evidenceBundle(rec netra.Record, trail []netra.AuditEntry, by string, now time.Time) ([]byte, error) {
	textHash := sha256.Sum256([]byte(rec.Item.Text))
	files := map[string][]byte{"text.txt": []byte(rec.Item.Text)}
	var err error
	if files["record.json"], err = json.MarshalIndent(rec, "", "  "); err != nil {
		return nil, fmt.Errorf("evidence: %w", err)
	}
	if files["audit.json"], err = json.MarshalIndent(trail, "", "  "); err != nil {
		return nil, fmt.Errorf("evidence: %w", err)
	}
	var page bytes.Buffer
	hitRegs, regs := citedRegulations(rec.Verdict.Hits)
	if err := evidenceHTML.Execute(&page, map[string]any{"Rec": rec, "TextHash": hex.EncodeToString(textHash[:]), "Segments": Segments(rec.Item.Text, rec.Verdict.Hits, ""),
		"HitRegs": hitRegs, "Regs": regs, "Why": explainScore(rec.Verdict)}); err != nil {
		return nil, fmt.Errorf("evidence: %w", err)
	}
	files["evidence.html"] = page.Bytes()
	m := EvidenceManifest{ItemID: rec.Item.ID, URL: rec.Item.URL, Fetched: rec.Item.Fetched, Published: rec.Item.Published, Exported: now, By: by, Rules: rec.Verdict.RulesVersion, Files: map[string]string{}, TextSHA256: hex.EncodeToString(textHash[:])}
	names := []string{"text.txt", "record.json", "audit.json", "evidence.html"}
	if pc := rec.Item.Archive; pc != nil {
		b, err := pc.HTML()
		if err == nil {
			// An imported record's copy was not made by our crawler:
			// hand out only what our sanitiser would have kept.
			err = archive.Check(b)
		}
		if err != nil {
			m.PageError = err.Error()
		} else {
			files["page.html"] = b
			names = append(names, "page.html")
			m.PageSHA256, m.PageFetched, m.PageTruncated = pc.SHA256, pc.Fetched, pc.Truncated
		}
	}
	for _, n := range names {
		h := sha256.Sum256(files[n])
		m.Files[n] = hex.EncodeToString(h[:])
	}
	if files["manifest.json"], err = json.MarshalIndent(m, "", "  "); err != nil {
		return nil, fmt.Errorf("evidence: %w", err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range append(names, "manifest.json") {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: now})
		if err != nil {
			return nil, fmt.Errorf("evidence: %w", err)
		}
		if _, err := f.Write(files[n]); err != nil {
			return nil, fmt.Errorf("evidence: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("evidence: %w", err)
	}
	return buf.Bytes(), nil
}

// citedRegulations resolves the hits' regulation fields: the citations of
// each field, and every cited regulation once, in order of first citation,
// with the articles cited anywhere (for the bundle's "Dasar hukum").
func citedRegulations(hits []netra.Hit) (map[string][]regulation.Citation, []regulation.Regulation) {
	byField := map[string][]regulation.Citation{}
	var regs []regulation.Regulation
	at := map[string]int{}
	for _, h := range hits {
		if _, done := byField[h.Regulation]; done || h.Regulation == "" {
			continue
		}
		cs, _ := regulation.Cite(h.Regulation) // unknown parts stay as the field's text
		byField[h.Regulation] = cs
		for _, c := range cs {
			i, ok := at[c.Regulation.Key]
			if !ok {
				i = len(regs)
				at[c.Regulation.Key] = i
				r := *c.Regulation
				r.Articles = nil
				regs = append(regs, r)
			}
			for _, a := range c.Articles {
				if !slices.Contains(regs[i].Articles, a) {
					regs[i].Articles = append(regs[i].Articles, a)
				}
			}
		}
	}
	return byField, regs
}
