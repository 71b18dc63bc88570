package classifier

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
)

// analyzerTexts reads the title and text of every line of the JSONL files
// matching the patterns: the challenge set written for this project, the
// real news and posts of the evaluation files and the corpus samples.
func analyzerTexts(t *testing.T, patterns ...string) []string {
	t.Helper()
	var out []string
	for _, pat := range patterns {
		files, err := filepath.Glob(pat)
		if err != nil || len(files) == 0 {
			t.Fatalf("no files match %s (%v)", pat, err)
		}
		for _, name := range files {
			f, err := os.Open(name)
			if err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(f)
			sc.Buffer(make([]byte, 1<<20), 16<<20)
			for line := 1; sc.Scan(); line++ {
				var doc struct{ Title, Text string }
				if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
					f.Close()
					t.Fatalf("%s:%d: %v", name, line, err)
				}
				for _, s := range []string{doc.Title, doc.Text} {
					if s != "" {
						out = append(out, s)
					}
				}
			}
			err = sc.Err()
			f.Close()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
	}
	return out
}

// analyzerEdgeTexts exercise what the analysis takes from the pack: slang
// and emoji from the lexicon, and one-part hashtags split into gazetteer
// words, which the Analyzer loads only when it meets one.
var analyzerEdgeTexts = []string{
	// The bleve store's fingerprint probe (index/bleve analyzerProbe).
	"Camat gak netral, dgn bangga mendukung paslon no. urut 02 & pilihhh dia! " +
		"#NetralitasASN Kepala Desa didukung warga; dukungannya salam dua jari ✌️ di kecamatan. " +
		"PNS dilarang berkampanye, tdk boleh memberikan dukungan kepada peserta pemilu.",
	"#netralasn #asnnetral #pilkadadamai #kampanyepaslon #PNS #2024 #dukungcamat",
	"kades2 yg dkung paslon 01 ✌ 👍🏽 ☝️ camat-camat berkampanyelah di-share",
	"PILIHHH NOMOR URUT 3!!! #pilihno3 @bawaslu_RI https://t.co/x www.contoh.id",
	"", " ", "#", "##", "#a", "#ASN", "#asn", "#AsnNetral2024", "\xff\xfe #netral\xffasn",
}

// TestAnalyzerMatchesClassifier checks that DefaultAnalyzer gives exactly
// the terms of the full classifier's Analyze, text for text, over every
// text of the challenge set, the evaluation files and the corpus samples:
// a store indexed through one is searched through the other, and its
// analyser fingerprint must not change (that would re-index every store).
func TestAnalyzerMatchesClassifier(t *testing.T) {
	texts := analyzerTexts(t, "testdata/challenge.jsonl", "../testdata/eval/*.jsonl", "../testdata/corpus/*.jsonl")
	if len(texts) < 2000 {
		t.Fatalf("only %d texts read; the test data is missing", len(texts))
	}
	texts = append(texts, analyzerEdgeTexts...)
	c := mustDefault(t)
	a, err := DefaultAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	terms := 0
	for i, text := range texts {
		want, got := c.Analyze(text), a.Analyze(text)
		if !slices.Equal(got, want) {
			t.Fatalf("text %d (%.80q):\nanalyzer   %q\nclassifier %q", i, text, got, want)
		}
		terms += len(got)
	}
	t.Logf("%d texts, %d terms alike", len(texts), terms)
}

// TestAnalyzerSplitsHashtags checks that an Analyzer used before anything
// loaded its gazetteer words still splits a one-part hashtag with them,
// and that the words come from the pack rather than a fixed list.
func TestAnalyzerSplitsHashtags(t *testing.T) {
	a, err := DefaultAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Analyze("#netralasn"); len(got) < 2 {
		t.Errorf("#netralasn = %q, want it split into gazetteer words", got)
	}
	c := mustDefault(t)
	if len(c.norm.vocab) == 0 {
		t.Fatal("the built-in pack gives no hashtag words")
	}
	for w := range c.norm.vocab {
		if !a.norm.known()[w] {
			t.Fatalf("hashtag word %q of the classifier is not known to the analyzer", w)
		}
	}
	if len(a.norm.known()) != len(c.norm.vocab) {
		t.Errorf("analyzer knows %d hashtag words, classifier %d", len(a.norm.known()), len(c.norm.vocab))
	}
}

// TestAnalyzerConcurrent: a store analyses from several goroutines at
// once, so the first one-part hashtags may arrive together; each must see
// the whole set of words (run with -race to check the loading too).
func TestAnalyzerConcurrent(t *testing.T) {
	c := mustDefault(t)
	a, err := DefaultAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"#netralasn kampanye", "#asnnetral", "#pilkadadamai dukung", "Camat mendukung paslon #kampanyepaslon"}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(texts))
	for range 8 {
		for _, text := range texts {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if got, want := a.Analyze(text), c.Analyze(text); !slices.Equal(got, want) {
					errs <- fmt.Sprintf("%q: analyzer %q, classifier %q", text, got, want)
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// FuzzAnalyzer checks that DefaultAnalyzer and the classifier's Analyze
// agree on any input, including invalid UTF-8 and odd hashtags.
func FuzzAnalyzer(f *testing.F) {
	for _, s := range analyzerEdgeTexts {
		f.Add(s)
	}
	c := mustDefault(f)
	a, err := DefaultAnalyzer()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if want, got := c.Analyze(text), a.Analyze(text); !slices.Equal(got, want) {
			t.Fatalf("%q:\nanalyzer   %q\nclassifier %q", text, got, want)
		}
	})
}

// BenchmarkDefaultAnalyzer measures what building the analyser costs
// (allocations per op), against BenchmarkDefaultClassifier.
func BenchmarkDefaultAnalyzer(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DefaultAnalyzer(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDefaultClassifier measures building the whole classifier.
func BenchmarkDefaultClassifier(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnalyzerFirstHashtag measures an analyser that meets a one-part
// hashtag at once, so it reads the pack's gazetteers for their words.
func BenchmarkAnalyzerFirstHashtag(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		a, err := DefaultAnalyzer()
		if err != nil {
			b.Fatal(err)
		}
		a.Analyze("#netralasn")
	}
}
