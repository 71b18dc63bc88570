package main

import (
	"math"
	"strings"
	"testing"
)

// TestOutOfFold checks that every article with an ASN hit, or with every
// ASN hit cancelled (cancelled_model), gets the logit, on the text the
// classifier's word model read, of a word model fitted without its own
// fold, and that a post (too short to be read as an
// article) and a text the classifier's word model did not read keep their
// value.
func TestOutOfFold(t *testing.T) {
	long := func(s string) string { return s + strings.Repeat(" Warga menunggu hasil pemeriksaan pekan depan.", 12) }
	recs := []foldRecord{
		{rec: evalRecord{Title: "Camat hadir kampanye", Text: long("Camat Sukamaju hadir di kampanye calon bupati."), Label: "partisan"}, fold: "0/0"},
		{rec: evalRecord{Title: "Imbauan netral", Text: long("ASN dilarang hadir di kampanye calon bupati."), Label: "neutrality"}, fold: "0/0"},
		{rec: evalRecord{Text: long("Lurah Sukamaju hadir di kampanye calon wali kota."), Label: "partisan"}, fold: "1/0"},
		{rec: evalRecord{Text: long("Lurah dilarang hadir di kampanye calon wali kota."), Label: "neutrality"}, fold: "1/0"},
		{rec: evalRecord{Text: "Lurah hadir kampanye.", Label: "partisan"}, fold: "1/0"},
		{rec: evalRecord{Title: "Harga cabai", Text: long("Harga cabai naik di pasar."), Label: "unrelated"}, fold: "1/0"},
		{rec: evalRecord{Title: "Sosialisasi netralitas", Text: long("Camat diingatkan agar tidak hadir di kampanye calon bupati."), Label: "neutrality"}, fold: "0/0"},
	}
	data := make([]example, len(recs))
	for i := range recs {
		recs[i].example = i
		data[i] = example{x: map[string]float64{"rules": 1, "text_model": 7}, read: wordModelText(recs[i].rec)}
	}
	// The classifier may read less than the whole record: the
	// out-of-fold model scores what it read.
	data[3].read = "Lurah dilarang hadir di kampanye calon wali kota."
	data[5].x = map[string]float64{"rules": 0} // the classifier's word model did not read it
	data[6].x = map[string]float64{"rules": 0, "cancelled_model": 7}
	opt := &wordModelFlags{c: 4, minDF: 1, iters: 200}
	if err := outOfFold(recs, data, opt); err != nil {
		t.Fatal(err)
	}
	without := func(fold string) func(string) float64 {
		texts, _ := trainingWithout(recs, fold)
		want := 0
		for _, r := range recs {
			if r.fold != fold {
				want++
			}
		}
		if len(texts) != want {
			t.Fatalf("%d training texts without fold %s, want %d", len(texts), fold, want)
		}
		m, err := opt.fit(trainingWithout(recs, fold))
		if err != nil {
			t.Fatal(err)
		}
		return m.Logit
	}
	for i, fold := range []string{"0/0", "0/0", "1/0", "1/0"} {
		want := without(fold)(data[i].read)
		if got := data[i].x["text_model"]; math.Abs(got-want) > 1e-9 || got == 7 {
			t.Errorf("record %d: text_model %v, want %v (fitted without fold %s)", i, got, want, fold)
		}
	}
	want := without("0/0")(wordModelText(recs[6].rec))
	if got := data[6].x["cancelled_model"]; math.Abs(got-want) > 1e-9 || got == 7 || data[6].x["text_model"] != 0 {
		t.Errorf("article with every hit cancelled: cancelled_model %v, want %v; text_model %v, want none", got, want, data[6].x["text_model"])
	}
	if data[4].x["text_model"] != 7 || modelRead(data[5].x) {
		t.Errorf("a post or a text the word model did not read was given a logit: %v, %v", data[4].x, data[5].x)
	}
}
