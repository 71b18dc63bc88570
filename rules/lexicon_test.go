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
