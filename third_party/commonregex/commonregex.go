// Package commonregex stands in for github.com/mingrammer/commonregex
// (MIT licence, see LICENSE) in Netra's build. jdkato/prose imports the
// upstream package for two of its expressions, but upstream compiles all
// 29 of its expressions at package initialisation: 0.9 MB and about 4 ms
// in every netra command, although Netra never runs prose's tagger that
// uses them. This copy keeps the two expressions prose refers to, with
// upstream's patterns, and compiles each on first use.
package commonregex

import (
	"regexp"
	"sync"
)

// Patterns copied from upstream.
const (
	LinkPattern  = `(?:(?:https?:\/\/)?(?:[a-z0-9.\-]+|www|[a-z0-9.\-])[.](?:[^\s()<>]+|\((?:[^\s()<>]+|(?:\([^\s()<>]+\)))*\))+(?:\((?:[^\s()<>]+|(?:\([^\s()<>]+\)))*\)|[^\s!()\[\]{};:\'".,<>?]))`
	EmailPattern = `(?i)([A-Za-z0-9!#$%&'*+\/=?^_{|.}~-]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)`
)

// Lazy is a regular expression compiled the first time it is used.
type Lazy struct {
	pattern string
	once    sync.Once
	re      *regexp.Regexp
}

// Regexp returns the compiled expression.
func (l *Lazy) Regexp() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.pattern) })
	return l.re
}

// MatchString reports whether s contains a match.
func (l *Lazy) MatchString(s string) bool { return l.Regexp().MatchString(s) }

// FindAllString returns up to n matches in s (all when n < 0).
func (l *Lazy) FindAllString(s string, n int) []string { return l.Regexp().FindAllString(s, n) }

// The expressions jdkato/prose uses.
var (
	LinkRegex  = &Lazy{pattern: LinkPattern}
	EmailRegex = &Lazy{pattern: EmailPattern}
)

// Links returns the links found in text.
func Links(text string) []string { return LinkRegex.FindAllString(text, -1) }

// Emails returns the email addresses found in text.
func Emails(text string) []string { return EmailRegex.FindAllString(text, -1) }
