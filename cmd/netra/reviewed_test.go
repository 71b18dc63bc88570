package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// TestEvalReviewed reviews stored records as reviewers would, then checks
// that eval --reviewed turns the decisions into labels (dismissal reasons
// included), and that export labels followed by eval gives the same
// figures.
func TestEvalReviewed(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	fixture := filepath.Join("testdata", "classifier", "labelled.jsonl")
	if _, err := runCLI(t, "--data", data, "score", "--index", "--progress", "never", "-o", filepath.Join(t.TempDir(), "v.jsonl"), fixture); err != nil {
		t.Fatal(err)
	}
	// The decision for each fixture text, by its opening words.
	decisions := []struct {
		prefix string
		status netra.Status
		note   string
	}{
		{"Seorang camat di Kabupaten Sukamaju", netra.StatusConfirmed, ""},
		{"Kepala sekolah itu mengunggah", netra.StatusConfirmed, "foto caleg di status WA"},
		{"Bawaslu mengimbau ASN", netra.StatusDismissed, "norm: an appeal"},
		{"Kepala desa itu mengarahkan", netra.StatusDismissed, "not_asn: kepala desa"},
		{"Harga cabai", netra.StatusDismissed, "duplicate"},
	}
	g := &globals{dataDir: data}
	st, err := openStore(t.Context(), g, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := st.Search(t.Context(), index.Query{Limit: 100})
	if err != nil {
		st.Close()
		t.Fatal(err)
	}
	reviewed := 0
	for _, m := range res.Matches {
		for _, d := range decisions {
			if !strings.HasPrefix(m.Record.Item.Text, d.prefix) {
				continue
			}
			status, note := d.status, d.note
			if _, err := st.Review(t.Context(), m.Record.Item.ID, index.ReviewUpdate{Status: &status, Note: &note, Who: "siti", BaseVersion: m.Record.Version}); err != nil {
				st.Close()
				t.Fatal(err)
			}
			reviewed++
		}
	}
	st.Close()
	if reviewed != len(decisions) {
		t.Fatalf("reviewed %d records, want %d (fixture texts changed?)", reviewed, len(decisions))
	}

	type report struct {
		Items, TP, FP, FN, TN int
		ByLabel               map[string]labelCount `json:"by_label"`
	}
	parse := func(out string) report {
		t.Helper()
		var r report
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("eval JSON: %v\n%s", err, out)
		}
		return r
	}
	out, err := runCLI(t, "--data", data, "eval", "--reviewed", "--json")
	if err != nil {
		t.Fatal(err)
	}
	got := parse(out)
	// The duplicate says nothing about its text and is left out.
	if got.Items != 4 || got.TP != 2 || got.FP != 0 || got.FN != 0 || got.TN != 2 {
		t.Errorf("eval --reviewed = %+v, want 4 items, tp 2, tn 2", got)
	}
	if got.ByLabel["neutrality"].Items != 1 || got.ByLabel["official_non_asn"].Items != 1 || got.ByLabel["partisan"].Items != 2 {
		t.Errorf("labels from decisions: %+v", got.ByLabel)
	}

	labels := filepath.Join(t.TempDir(), "labels.jsonl")
	if _, err := runCLI(t, "--data", data, "export", "labels", "-o", labels); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(labels)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var l reviewedLabel
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			t.Fatalf("export line %q: %v", line, err)
		}
		if l.Text == "" || l.Label == "" || l.Reviewer != "siti" || l.RulesVersion == "" {
			t.Errorf("exported label lacks fields: %s", line)
		}
		if l.Label == "official_non_asn" && l.Reason != "not_asn" {
			t.Errorf("dismiss reason not kept: %s", line)
		}
	}
	out, err = runCLI(t, "eval", "--json", labels)
	if err != nil {
		t.Fatal(err)
	}
	if again := parse(out); again.TP != got.TP || again.FP != got.FP || again.FN != got.FN || again.TN != got.TN || again.Items != got.Items {
		t.Errorf("eval on the export = %+v, eval --reviewed = %+v", again, got)
	}

	// Rule health from the same decisions: asn-campaign fired on the
	// confirmed camat text; the appeal was dismissed as a norm but no rule
	// fired on it.
	out, err = runCLI(t, "--data", data, "rules", "report", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var health struct {
		Rules []struct {
			Rule             string
			Fired, Confirmed int
			Dismissed        int
			DismissedBy      map[string]int `json:"dismissed_by"`
		}
	}
	if err := json.Unmarshal([]byte(out), &health); err != nil {
		t.Fatalf("rules report JSON: %v\n%s", err, out)
	}
	confirmedSomewhere, wordModel := false, false
	for _, h := range health.Rules {
		if h.Rule == "asn-campaign" && (h.Fired < 1 || h.Confirmed < 1) {
			t.Errorf("asn-campaign health: %+v", h)
		}
		confirmedSomewhere = confirmedSomewhere || h.Confirmed > 0
		wordModel = wordModel || h.Rule == netra.WordModelRule
	}
	if !confirmedSomewhere {
		t.Errorf("no rule has a confirmation: %s", out)
	}
	// The built-in pack weighs cancelled_model: the word model has a row.
	if !wordModel {
		t.Errorf("no %s row in the report: %s", netra.WordModelRule, out)
	}

	// A pack that flags nothing more shows no change against the stored
	// verdicts.
	out, err = runCLI(t, "--data", data, "eval", "--reviewed")
	if err != nil || !strings.Contains(out, "0 newly flagged, 0 no longer flagged") {
		t.Errorf("changes against stored verdicts: %v\n%s", err, out)
	}
}
