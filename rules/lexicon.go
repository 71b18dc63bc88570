package rules

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
)

// DefaultLexicon reads only the colloquial lexicon (lexicon.txt) of the
// built-in pack: all a text analyser takes from a pack up front. Default
// parses and checks every gazetteer and rule as well, which costs a
// read-only command such as `netra search` more start-up memory than the
// rest of its work. The map is the one Default puts in Pack.Lexicon.
func DefaultLexicon() (map[string][]string, error) {
	lex := map[string][]string{}
	data, err := readFile(packsFS, path.Join(DefaultDir, "lexicon.txt"))
	if errors.Is(err, fs.ErrNotExist) {
		return lex, nil // optional, as in Load
	}
	if err != nil {
		return nil, fmt.Errorf("lexicon.txt: %w", err)
	}
	if errs := parseLexicon(data, "lexicon.txt", lex); len(errs) > 0 {
		return nil, errs
	}
	return lex, nil
}
