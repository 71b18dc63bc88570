package classifier

import (
	"testing"
)

// electionEdgeTexts spell election words the ways the normaliser reads
// them: inflected stems, canonical ballot numbers in digits and in
// standard and regional number words, hashtags, slang and compatibility
// letters.
var electionEdgeTexts = []string{
	"Warga memilih di TPS.", "Ia terpilih lagi.", "paslon 02 menang", "Coblos nomer telu!", "pilihlah nomor dua",
	"#pilkadadamai hari ini", "𝗣𝗶𝗹𝗸𝗮𝗱𝗮 serentak", "ｐｅｍｉｌｕ 2024", "tim sukses datang", "Bawaslu memanggil camat.",
	"nomor urut lima", "Ada 5.000 paket, 5 kardus.", "Rapat dinas biasa.", "", "01", "pkb motor naik",
}

// namesElectionWhole is namesElection as first written: the title and the
// text tokenised whole, every dictionary match looked at. The scan and the
// sentence split must not change its answer.
func namesElectionWhole(c *Classifier, title, text string) bool {
	for _, s := range []string{title, text} {
		if c.electionIn(c.dict.find(c.norm.tokensIn(s, 0, len(s)), nil)) {
			return true
		}
	}
	return false
}

// TestNamesElectionScan checks that reading only the sentences in which
// electionScan finds a keyword answers as reading the whole item does,
// over every text of the challenge set, the evaluation files, the corpus
// samples and the retold sets, and the edge texts; and that the scan does
// turn items away, or it would cost without saving anything.
func TestNamesElectionScan(t *testing.T) {
	texts := analyzerTexts(t, "testdata/challenge.jsonl", "../testdata/eval/*.jsonl", "../testdata/corpus/*.jsonl", "testdata/retold/*.jsonl")
	texts = append(texts, electionEdgeTexts...)
	c := mustDefault(t)
	if c.electionScan == nil {
		t.Fatal("the built-in pack has no election scan")
	}
	named := 0
	for i, text := range texts {
		want := namesElectionWhole(c, "", text)
		if got := c.namesElection("", text, nil); got != want {
			t.Fatalf("text %d (%.120q): namesElection %v, whole text %v", i, text, got, want)
		}
		if want {
			named++
		}
	}
	if named == 0 || named == len(texts) {
		t.Fatalf("%d of %d texts name an election: the test data cannot tell", named, len(texts))
	}
	for _, s := range []string{"Warga memilih di TPS.", "Coblos nomer telu!", "𝗣𝗶𝗹𝗸𝗮𝗱𝗮 serentak"} {
		if !c.namesElection("", s, nil) {
			t.Errorf("%q names no election", s)
		}
	}
	if c.namesElection("", "Rapat dinas biasa.", nil) {
		t.Error(`"Rapat dinas biasa." names an election`)
	}
	t.Logf("%d of %d texts name an election", named, len(texts))
}

// FuzzNamesElection checks the scan against reading the whole item on
// any title and text.
func FuzzNamesElection(f *testing.F) {
	for _, s := range electionEdgeTexts {
		f.Add(s, "")
		f.Add("", s)
	}
	c := mustDefault(f)
	f.Fuzz(func(t *testing.T, title, text string) {
		if got, want := c.namesElection(title, text, nil), namesElectionWhole(c, title, text); got != want {
			t.Fatalf("namesElection(%q, %q) = %v, whole item %v", title, text, got, want)
		}
	})
}
