// Package dateparser is Netra's small stand-in for
// github.com/markusmobius/go-dateparser, wired in with a replace directive
// in Netra's go.mod.
//
// Why: go-trafilatura imports go-htmldate, which imports go-dateparser,
// whose package initialisation compiles the regular expressions and
// builds the tables of about 200 locales: about 80 MB of memory and
// 0.1-0.2 s at the start of every netra command, including the ones that
// never parse a date (search, --help). Go runs the init of every linked
// package, so the only way out is not to link it.
//
// go-htmldate uses go-dateparser for one thing: its "extensive search",
// the last resort after the meta tags, JSON-LD, URL and its own date
// patterns found nothing, on short text segments such as "Jumat, 4
// Desember 2026 10.15 WIB" or "December 4, 2026". This package parses
// those: absolute dates with a day, a month name (English, Indonesian,
// Malay, German, French, Spanish, Italian, Portuguese, Dutch) or a number,
// and a year, with an optional time and time zone (WIB, WITA, WIT, UTC,
// GMT, +07:00). Relative dates ("2 jam lalu") are not parsed, as
// go-htmldate does not ask for them. Like the original with
// StrictParsing, a string is refused when it has a word that is not part
// of a date, so running text does not become a date by accident.
//
// It keeps the part of the original API that go-htmldate compiles
// against: Parser, ParserType, Configuration and date.Date.
package dateparser

import (
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/markusmobius/go-dateparser/date"
)

// ParserType names a parsing strategy. Only CustomFormat and AbsoluteTime
// are implemented; the others are accepted and ignored.
type ParserType uint8

// Parser types, as in the original.
const (
	Timestamp ParserType = iota
	NegativeTimestamp
	RelativeTime
	CustomFormat
	AbsoluteTime
	NoSpacesTime
)

// PreferredDateSource says which way to fill a missing year.
type PreferredDateSource uint8

// Preferred date sources, as in the original.
const (
	CurrentPeriod PreferredDateSource = iota
	Past
	Future
)

// DateOrder returns the order of numeric day, month and year ("DMY") for
// a locale.
type DateOrder func(locale string) string

// Fixed date orders, as in the original.
var (
	YMD DateOrder = func(string) string { return "YMD" }
	DMY DateOrder = func(string) string { return "DMY" }
	MDY DateOrder = func(string) string { return "MDY" }
)

// Configuration is the subset of the original configuration this parser
// honours.
type Configuration struct {
	// DateOrder decides numeric dates like 04/05/2026 whose order the
	// numbers do not settle (default: month first, as the original does
	// for a string without words).
	DateOrder DateOrder
	// CurrentTime fills a missing year when StrictParsing is off
	// (default: now).
	CurrentTime time.Time
	// DefaultTimezone applies when the string names none (default: UTC).
	DefaultTimezone *time.Location
	// PreferredDateSource: with Past, a date without a year that would be
	// in the future gets last year.
	PreferredDateSource PreferredDateSource
	// StrictParsing refuses a date without day, month and year.
	StrictParsing bool
}

// Parser parses date strings.
type Parser struct {
	// ParserTypes is kept for compatibility; absolute and numeric dates
	// are always tried.
	ParserTypes []ParserType
}

// ErrNoDate means the string is not a date this parser understands.
var ErrNoDate = errors.New("dateparser: no date found")

// Parse parses s. Extra format arguments are ignored.
func (p *Parser) Parse(cfg *Configuration, s string, _ ...string) (date.Date, error) {
	if cfg == nil {
		cfg = &Configuration{}
	}
	if len(s) > 200 {
		return date.Date{}, ErrNoDate
	}
	t, period, ok := parse(cfg, tokenize(s))
	if !ok {
		return date.Date{}, ErrNoDate
	}
	return date.Date{Period: period, Time: t}, nil
}

type tokKind uint8

const (
	tNum tokKind = iota
	tWord
	tSep
)

type token struct {
	kind tokKind
	s    string
	used bool
}

// tokenize splits s into digit runs, letter runs (lower-cased, inner
// apostrophes dropped: "jum'at") and single separator characters.
func tokenize(s string) []token {
	var out []token
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case r >= '0' && r <= '9':
			j := i
			for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
				j++
			}
			out = append(out, token{kind: tNum, s: string(rs[i:j])})
			i = j
		case unicode.IsLetter(r):
			var b strings.Builder
			j := i
			for j < len(rs) && (unicode.IsLetter(rs[j]) || (rs[j] == '\'' || rs[j] == '’') && j+1 < len(rs) && unicode.IsLetter(rs[j+1])) {
				if unicode.IsLetter(rs[j]) {
					b.WriteRune(unicode.ToLower(rs[j]))
				}
				j++
			}
			out = append(out, token{kind: tWord, s: b.String()})
			i = j
		case unicode.IsSpace(r):
			i++
		default:
			out = append(out, token{kind: tSep, s: string(r)})
			i++
		}
	}
	return out
}

func parse(cfg *Configuration, toks []token) (time.Time, date.Period, bool) {
	if len(toks) == 0 || len(toks) > 40 {
		return time.Time{}, date.None, false
	}
	loc := cfg.DefaultTimezone
	if loc == nil {
		loc = time.UTC
	}
	hour, minute, sec, hasTime := timeOfDay(toks)
	if z, ok := zone(toks, hasTime); ok {
		loc = z
	}
	if hasTime && !meridiem(toks, &hour) {
		return time.Time{}, date.None, false
	}
	// Every word must belong to a date.
	month := 0
	for i := range toks {
		t := &toks[i]
		if t.kind != tWord || t.used {
			continue
		}
		if m, ok := months[t.s]; ok {
			if month != 0 && month != m {
				return time.Time{}, date.None, false
			}
			month, t.used = m, true
			continue
		}
		if fillers[t.s] {
			t.used = true
			continue
		}
		if ordinal[t.s] && i > 0 && toks[i-1].kind == tNum {
			t.used = true
			continue
		}
		return time.Time{}, date.None, false
	}
	var nums []string
	for _, t := range toks {
		if t.kind == tNum && !t.used {
			nums = append(nums, t.s)
		}
	}
	y, m, d := -1, month, -1
	missingYear := false
	switch {
	case month != 0 && len(nums) == 2:
		a, b := nums[0], nums[1]
		switch {
		case len(a) == 4 && len(b) <= 2: // 2026 Desember 4 / 2026-Dec-04
			y, d = atoi(a), atoi(b)
		case len(a) <= 2:
			d, y = atoi(a), year(b)
		}
	case month != 0 && len(nums) == 1 && !cfg.StrictParsing:
		if len(nums[0]) <= 2 {
			d, missingYear = atoi(nums[0]), true
		} else if len(nums[0]) == 4 {
			y, d = atoi(nums[0]), 1
		}
	case month == 0 && len(nums) == 3:
		y, m, d = numeric(cfg, nums)
	}
	if m <= 0 || d <= 0 {
		return time.Time{}, date.None, false
	}
	if missingYear {
		now := cfg.CurrentTime
		if now.IsZero() {
			now = time.Now()
		}
		y = now.Year()
		if cfg.PreferredDateSource == Past && time.Date(y, time.Month(m), d, 0, 0, 0, 0, loc).After(now) {
			y--
		}
	}
	if y < 1 || y > 9999 || m > 12 || d > 31 || hour > 23 || minute > 59 || sec > 60 {
		return time.Time{}, date.None, false
	}
	t := time.Date(y, time.Month(m), d, hour, minute, sec, 0, loc)
	if t.Day() != d || int(t.Month()) != m { // 31 April
		return time.Time{}, date.None, false
	}
	period := date.Day
	if hasTime {
		period = date.Minute
	}
	return t, period, true
}

// numeric orders three bare numbers: year first when it has four digits,
// otherwise by which number cannot be a month, otherwise cfg.DateOrder.
func numeric(cfg *Configuration, nums []string) (y, m, d int) {
	a, b, c := atoi(nums[0]), atoi(nums[1]), atoi(nums[2])
	switch {
	case len(nums[0]) == 4:
		return a, b, c
	case len(nums[2]) != 4 && len(nums[2]) != 2:
		return -1, 0, 0
	case a > 12:
		return year(nums[2]), b, a
	case b > 12:
		return year(nums[2]), a, b
	}
	order := "MDY"
	if cfg.DateOrder != nil {
		order = cfg.DateOrder("")
	}
	if strings.HasPrefix(order, "D") {
		return year(nums[2]), b, a
	}
	return year(nums[2]), a, b
}

// timeOfDay finds h:mm[:ss] (or h.mm next to a time word or zone, the
// Indonesian way: "10.15 WIB"), marks its tokens used and returns it.
func timeOfDay(toks []token) (h, m, s int, ok bool) {
	for i := 0; i+2 < len(toks); i++ {
		a, sep, b := toks[i], toks[i+1], toks[i+2]
		if a.kind != tNum || sep.kind != tSep || b.kind != tNum || len(a.s) > 2 || len(b.s) != 2 {
			continue
		}
		if sep.s != ":" {
			if sep.s != "." || !nearTimeWord(toks, i) {
				continue
			}
		}
		h, m = atoi(a.s), atoi(b.s)
		toks[i].used, toks[i+1].used, toks[i+2].used = true, true, true
		if i+4 < len(toks) && toks[i+3].kind == tSep && toks[i+3].s == sep.s && toks[i+4].kind == tNum && len(toks[i+4].s) == 2 {
			s = atoi(toks[i+4].s)
			toks[i+3].used, toks[i+4].used = true, true
			if i+6 < len(toks) && toks[i+5].s == "." && toks[i+6].kind == tNum { // fraction
				toks[i+5].used, toks[i+6].used = true, true
			}
		}
		return h, m, s, true
	}
	return 0, 0, 0, false
}

func nearTimeWord(toks []token, i int) bool {
	if i > 0 && toks[i-1].kind == tWord && (toks[i-1].s == "pukul" || toks[i-1].s == "jam" || toks[i-1].s == "um" || toks[i-1].s == "at") {
		return true
	}
	if i+3 < len(toks) && toks[i+3].kind == tWord {
		_, isZone := zones[toks[i+3].s]
		return isZone || toks[i+3].s == "uhr" || toks[i+3].s == "h"
	}
	return false
}

// zone finds a named zone (WIB) or, after a time, a numeric offset
// (+07:00, +0700) and marks its tokens used.
func zone(toks []token, hasTime bool) (*time.Location, bool) {
	for i := range toks {
		t := toks[i]
		if t.kind == tWord && !t.used {
			if off, ok := zones[t.s]; ok {
				toks[i].used = true
				if i+2 < len(toks) && (t.s == "gmt" || t.s == "utc") && (toks[i+1].s == "+" || toks[i+1].s == "-") && toks[i+2].kind == tNum {
					if o, ok := offset(toks, i+1); ok {
						return time.FixedZone("", o), true
					}
				}
				return time.FixedZone(strings.ToUpper(t.s), off), true
			}
		}
		if hasTime && t.kind == tSep && (t.s == "+" || t.s == "-") && !t.used && i > 0 && toks[i-1].used && i+1 < len(toks) && toks[i+1].kind == tNum {
			if o, ok := offset(toks, i); ok {
				return time.FixedZone("", o), true
			}
		}
	}
	return nil, false
}

// offset reads +hh[:mm] or +hhmm at toks[i] and marks it used.
func offset(toks []token, i int) (int, bool) {
	sign := 1
	if toks[i].s == "-" {
		sign = -1
	}
	n := toks[i+1].s
	h, m := 0, 0
	switch {
	case len(n) == 4:
		h, m = atoi(n[:2]), atoi(n[2:])
		toks[i].used, toks[i+1].used = true, true
	case len(n) <= 2:
		h = atoi(n)
		toks[i].used, toks[i+1].used = true, true
		if i+3 < len(toks) && toks[i+2].s == ":" && toks[i+3].kind == tNum && len(toks[i+3].s) == 2 {
			m = atoi(toks[i+3].s)
			toks[i+2].used, toks[i+3].used = true, true
		}
	default:
		return 0, false
	}
	if h > 14 || m > 59 {
		return 0, false
	}
	return sign * (h*3600 + m*60), true
}

// meridiem applies am/pm to hour; false for "13:00 pm".
func meridiem(toks []token, hour *int) bool {
	for i := range toks {
		t := &toks[i]
		if t.kind != tWord || t.used || (t.s != "am" && t.s != "pm") || i == 0 || toks[i-1].kind != tNum || !toks[i-1].used {
			continue // German "am 4. Mai" is not a meridiem
		}
		t.used = true
		if *hour < 1 || *hour > 12 {
			return false
		}
		if t.s == "pm" && *hour != 12 {
			*hour += 12
		}
		if t.s == "am" && *hour == 12 {
			*hour = 0
		}
	}
	return true
}

func atoi(s string) int {
	if len(s) > 4 {
		return -1
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// year reads a four-digit year, or a two-digit one the way Go's time
// package does (69-99: 1900s, 00-68: 2000s).
func year(s string) int {
	switch len(s) {
	case 4:
		return atoi(s)
	case 2:
		n := atoi(s)
		if n >= 69 {
			return 1900 + n
		}
		return 2000 + n
	}
	return -1
}
