package rules

import (
	"reflect"
	"testing"
)

// TestDefaultLexiconIsPackLexicon checks that the lexicon read on its own is
// the one the whole built-in pack carries, so an analyser built from it
// normalises like the classifier.
func TestDefaultLexiconIsPackLexicon(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	if len(lex) == 0 {
		t.Fatal("built-in lexicon is empty")
	}
	if !reflect.DeepEqual(lex, p.Lexicon) {
		t.Errorf("DefaultLexicon has %d entries, Default().Lexicon %d, and they differ", len(lex), len(p.Lexicon))
	}
}

// TestDefaultGazetteersArePackGazetteers checks that the gazetteers read on
// their own are those of the whole built-in pack (candidates from CSV
// aside, which Default adds afterwards).
func TestDefaultGazetteersArePackGazetteers(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	gs, err := DefaultGazetteers()
	if err != nil {
		t.Fatal(err)
	}
	if len(gs) < 5 {
		t.Fatalf("only %d gazetteers read", len(gs))
	}
	for name, want := range p.Gazetteers {
		got, ok := gs[name]
		if !ok {
			if name == CandidatesGazetteer && len(want.Terms) == 0 {
				continue // made by AddCandidates from candidates/*.csv
			}
			t.Errorf("gazetteer %q missing", name)
			continue
		}
		w := *want
		w.Candidates = nil
		if !reflect.DeepEqual(*got, w) {
			t.Errorf("gazetteer %q differs:\n%+v\n%+v", name, *got, w)
		}
	}
	for name := range gs {
		if p.Gazetteers[name] == nil {
			t.Errorf("gazetteer %q is not in the pack", name)
		}
	}
}
