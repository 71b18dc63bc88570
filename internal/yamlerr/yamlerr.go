// Package yamlerr turns yaml.v3 errors into (line, message) pairs, so every
// YAML file Netra reads (rule packs, sources files) reports problems as
// file:line with the line a user should look at.
package yamlerr

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Problem is one error found in a YAML file. Line is 0 when yaml.v3 did
// not give one.
type Problem struct {
	Line int
	Msg  string
}

var lineRE = regexp.MustCompile(`line (\d+)`)

// Problems splits err (from yaml.Unmarshal, a Decoder or Node.Decode) into
// its problems: one per field for type errors, one for a syntax error.
func Problems(err error) []Problem {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		out := make([]Problem, 0, len(te.Errors))
		for _, m := range te.Errors {
			out = append(out, parse(m))
		}
		return out
	}
	return []Problem{parse(err.Error())}
}

// Error reports err, a YAML error of the file called name, as one
// "name:line: message" error per problem (joined), the form editors and
// terminals jump to. Callers that keep problems as data use Problems.
func Error(name string, err error) error {
	var errs []error
	for _, p := range Problems(err) {
		if p.Line > 0 {
			errs = append(errs, fmt.Errorf("%s:%d: %s", name, p.Line, p.Msg))
		} else {
			errs = append(errs, fmt.Errorf("%s: %s", name, p.Msg))
		}
	}
	return errors.Join(errs...)
}

func parse(msg string) Problem {
	msg = strings.TrimPrefix(msg, "yaml: ")
	p := Problem{Msg: msg}
	m := lineRE.FindStringSubmatchIndex(msg)
	if m == nil {
		return p
	}
	p.Line, _ = strconv.Atoi(msg[m[2]:m[3]])
	if rest := strings.TrimLeft(msg[m[1]:], ": "); rest != "" {
		p.Msg = rest
	}
	if isParserProblem(p.Msg) {
		p.Line++
	}
	return p
}

// isParserProblem reports whether msg is one of yaml.v3's parser (not
// scanner) errors. yaml.v3 reports those with a zero-based line, the one
// before the list or mapping that is left open or badly indented; scanner
// errors already carry the right line.
func isParserProblem(msg string) bool {
	switch msg {
	case "did not find expected ',' or ']'",
		"did not find expected ',' or '}'",
		"did not find expected '-' indicator",
		"did not find expected <document start>",
		"did not find expected key",
		"did not find expected node content",
		"found undefined tag handle":
		return true
	}
	return false
}
