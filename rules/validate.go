package rules

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// MinExamples is how many match and no_match examples every rule needs.
const MinExamples = 3

var idRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_.-]*$`)

func isKnownRole(r string) bool {
	switch r {
	case RoleActor, RoleAct, RoleTarget, RoleCue, RoleCancel:
		return true
	}
	return false
}

// validate checks the cross-references and required fields of a parsed
// pack. refs is false when some gazetteer file did not load: references
// to gazetteers are then not checked, as they would only repeat that error.
func (p *Pack) validate(refs bool) Errors {
	var errs Errors
	for _, g := range p.Gazetteers {
		at := func(msg string, a ...any) {
			errs = append(errs, &Error{File: g.File, Line: g.Line, Msg: fmt.Sprintf("gazetteer %q: ", g.Name) + fmt.Sprintf(msg, a...)})
		}
		if g.Name == "" {
			at("missing field name")
		} else if !idRE.MatchString(g.Name) {
			at("name must be lower-case letters, digits, '_', '-' or '.'")
		}
		if !isKnownRole(g.Role) {
			at("role %q must be one of actor, act, target, cue, cancel", g.Role)
		}
		if g.Mode != ModeStem && g.Mode != ModeExact {
			at("mode %q must be stem or exact", g.Mode)
		}
		if g.Discourse != "" && !slices.Contains(DiscourseModes, g.Discourse) {
			at("discourse %q must be one of %s", g.Discourse, strings.Join(DiscourseModes, ", "))
		}
		if g.Discourse != "" && g.Role != RoleCancel {
			at("discourse is only meaningful on a cancel gazetteer, not role %q", g.Role)
		}
		if len(g.Terms) == 0 && len(g.Candidates) == 0 {
			at("missing field terms")
		}
		for _, t := range g.Terms {
			if strings.HasPrefix(t, "@") {
				at("term %q: gazetteers cannot refer to other gazetteers", t)
			}
			errs = append(errs, checkTerm(t, g.File, g.Line, "gazetteer "+g.Name)...)
		}
	}
	for _, r := range p.Rules {
		at := func(msg string, a ...any) {
			errs = append(errs, &Error{File: r.File, Line: r.Line, Msg: fmt.Sprintf("rule %q: ", r.ID) + fmt.Sprintf(msg, a...)})
		}
		switch {
		case r.ID == "":
			at("missing field id")
		case !idRE.MatchString(r.ID):
			at("id must be lower-case letters, digits, '_', '-' or '.'")
		}
		if r.Title == "" {
			at("missing field title")
		}
		if r.Category == "" {
			at("missing field category")
		} else if !idRE.MatchString(r.Category) {
			at("category %q must be lower-case letters, digits, '_', '-' or '.'", r.Category)
		}
		if r.Regulation == "" {
			at("missing field regulation (e.g. \"PP 94/2021 Pasal 5 huruf n\")")
		}
		for _, role := range r.Order {
			if _, ok := r.Require[role]; !ok {
				at("order names role %q, which require does not list", role)
			}
		}
		if r.Weight <= 0 || r.Weight > 1 {
			at("weight %v must be in (0, 1]", r.Weight)
		}
		if r.Window < 0 {
			at("window %d must not be negative", r.Window)
		}
		if len(r.Require) == 0 {
			at("missing field require (actor, act, target, cue)")
		}
		// Sorted, so the same pack gives its errors in the same order.
		for _, role := range slices.Sorted(maps.Keys(r.Require)) {
			terms := r.Require[role]
			if !isKnownRole(role) || role == RoleCancel {
				at("require: unknown role %q (use actor, act, target, cue)", role)
			}
			if len(terms) == 0 {
				at("require.%s: no terms", role)
			}
			for _, t := range terms {
				errs = append(errs, p.checkRef(t, r, refs, "require."+role)...)
			}
		}
		for _, t := range r.Cancel {
			errs = append(errs, p.checkRef(t, r, refs, "cancel")...)
		}
		for _, t := range r.Negate {
			errs = append(errs, p.checkRef(t, r, refs, "negate")...)
		}
		for _, t := range r.Exclude {
			errs = append(errs, p.checkRef(t, r, refs, "exclude")...)
		}
		if len(r.Match) < MinExamples {
			at("needs at least %d match examples, has %d", MinExamples, len(r.Match))
		}
		if len(r.NoMatch) < MinExamples {
			at("needs at least %d no_match examples, has %d", MinExamples, len(r.NoMatch))
		}
		for _, ex := range append(append([]string(nil), r.Match...), r.NoMatch...) {
			if len(ex) > maxRuleText {
				at("example longer than %d bytes", maxRuleText)
			}
		}
	}
	return errs
}

func (p *Pack) checkRef(t string, r *Rule, refs bool, field string) Errors {
	if name, ok := strings.CutPrefix(t, "@"); ok {
		if _, found := p.Gazetteers[name]; !found && refs {
			return Errors{{File: r.File, Line: r.Line, Msg: fmt.Sprintf("rule %q: %s: unknown gazetteer %q", r.ID, field, name)}}
		}
		return nil
	}
	return checkTerm(t, r.File, r.Line, fmt.Sprintf("rule %q: %s", r.ID, field))
}

// checkTerm validates one term: not empty, and a valid regular expression
// when it starts with "re:".
func checkTerm(t, file string, line int, where string) Errors {
	if strings.TrimSpace(strings.TrimPrefix(t, "=")) == "" {
		return Errors{{File: file, Line: line, Msg: where + ": empty term"}}
	}
	if expr, ok := strings.CutPrefix(t, "re:"); ok {
		if _, err := regexp.Compile(expr); err != nil {
			return Errors{{File: file, Line: line, Msg: fmt.Sprintf("%s: bad regular expression %q: %v", where, expr, err)}}
		}
	}
	return nil
}
