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

// DefaultGazetteers reads only the gazetteers (gazetteers/*.yaml) of the
// built-in pack, unchecked against its rules: the words a text analyser
// splits one-part hashtags with. They are the gazetteers Default loads,
// before candidates are added from CSV.
func DefaultGazetteers() (map[string]*Gazetteer, error) {
	gs := map[string]*Gazetteer{}
	if _, errs := readGazetteers(packsFS, path.Join(DefaultDir, "gazetteers"), gs); len(errs) > 0 {
		return nil, errs
	}
	return gs, nil
}

// readGazetteers parses the gazetteer files in dir of fsys into into and
// returns the files read, named as in load errors ("gazetteers/x.yaml").
func readGazetteers(fsys fs.FS, dir string, into map[string]*Gazetteer) ([]string, Errors) {
	var files []string
	var errs Errors
	for _, name := range globSorted(fsys, dir, ".yaml", ".yml") {
		file := path.Join("gazetteers", path.Base(name))
		data, err := readFile(fsys, name)
		if err != nil {
			errs = append(errs, &Error{File: file, Msg: err.Error()})
			continue
		}
		gs, es := parseGazetteers(data, file)
		errs = append(errs, es...)
		for _, g := range gs {
			if old, dup := into[g.Name]; dup {
				errs = append(errs, &Error{File: file, Line: g.Line, Msg: fmt.Sprintf("gazetteer %q already defined %s", g.Name, placeFrom(file, old.File, old.Line))})
				continue
			}
			into[g.Name] = g
		}
		files = append(files, file)
	}
	return files, errs
}
