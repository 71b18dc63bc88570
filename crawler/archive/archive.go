// Package archive freezes a fetched page for the record: it sanitises the
// HTML (crawled pages are hostile: no script, style, frame, form, embedded
// object, event handler or javascript: link survives), caps its size, and
// keeps it gzip-compressed with its SHA-256 and fetch time as a
// netra.PageCopy.
package archive

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"sync"
	"time"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html/charset"

	"github.com/netra-id/netra"
)

// MaxBytes caps the sanitised HTML kept per page; a longer page keeps its
// beginning and is marked Truncated.
const MaxBytes = 1 << 20

// maxInput bounds the page read: the crawler caps bodies already; this
// keeps a direct caller from sanitising more than a page.
const maxInput = 8 << 20

// header opens every frozen copy. The Content-Security-Policy forbids
// script, frames, plugins and any request out of the file (a tracking pixel
// would tell the page's owner the case file was opened), should anything the
// sanitiser let through try; it is part of the hashed copy.
const header = `<!doctype html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'">
<meta name="referrer" content="no-referrer">
</head><body>
`

const footer = "\n</body></html>\n"

// policy is what a frozen copy keeps: text structure and links, no images
// (they would load from the site), no styles, no script of any kind. Built
// once: a built policy is safe for concurrent use (bluemonday runs its own
// tests that way).
var policy = sync.OnceValue(newPolicy)

func newPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements("article", "section", "header", "footer", "main", "nav", "aside", "div", "span", "p", "br", "hr",
		"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "q", "cite",
		"em", "strong", "b", "i", "u", "s", "small", "sub", "sup", "mark", "abbr", "pre", "code",
		"figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "address")
	p.AllowAttrs("datetime").OnElements("time")
	p.AllowElements("time")
	p.AllowAttrs("title").Globally()
	p.AllowStandardURLs() // http, https, mailto only; no javascript:, data:
	// A relative link would point into the case file's folder once saved.
	p.AllowRelativeURLs(false)
	p.AllowAttrs("href").OnElements("a")
	p.RequireNoFollowOnLinks(true)
	p.RequireNoReferrerOnLinks(true)
	p.AddTargetBlankToFullyQualifiedLinks(true)
	return p
}

// Freeze returns the sanitised copy of page (as fetched, in any charset its
// meta tags or bytes declare), fetched at fetched. It never fails: a page
// with nothing left after sanitising gives an empty body.
func Freeze(page []byte, fetched time.Time) *netra.PageCopy {
	if len(page) > maxInput {
		page = page[:maxInput]
	}
	page = toUTF8(page)
	p := policy()
	clean := p.SanitizeBytes(page)
	truncated := false
	room := MaxBytes - len(header) - len(footer)
	for len(clean) > room && room > 16 {
		// A cut can split a character or leave a tag or attribute open:
		// sanitising the shortened copy makes it whole and safe again
		// (and may lengthen it by an escape, hence the loop).
		clean = p.SanitizeBytes(bytes.ToValidUTF8(clean[:room-16], nil))
		room -= 16
		truncated = true
	}
	var doc bytes.Buffer
	doc.Grow(len(header) + len(clean) + len(footer))
	doc.WriteString(header)
	doc.Write(clean)
	doc.WriteString(footer)
	sum := sha256.Sum256(doc.Bytes())
	var gz bytes.Buffer
	zw := gzipWriters.Get().(*gzip.Writer)
	zw.Reset(&gz)
	zw.Write(doc.Bytes()) // a bytes.Buffer does not fail
	zw.Close()
	gzipWriters.Put(zw)
	return &netra.PageCopy{Fetched: fetched.UTC(), SHA256: hex.EncodeToString(sum[:]), Size: doc.Len(), Truncated: truncated, HTMLGzip: gz.Bytes()}
}

// gzipWriters reuses compressors: a new gzip.Writer allocates about 700 KB
// of state, as much garbage per page as the rest of Freeze together.
var gzipWriters = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(nil, gzip.DefaultCompression) // the level is valid
	return zw
}}

// Check reports whether html is a copy Freeze could have made: the header
// with its Content-Security-Policy, a body the sanitiser leaves as it is,
// the footer. Records can be imported, so a stored copy is checked before it
// is handed out as a page to open.
func Check(html []byte) error {
	body, ok := bytes.CutPrefix(html, []byte(header))
	if ok {
		body, ok = bytes.CutSuffix(body, []byte(footer))
	}
	if !ok {
		return errors.New("page copy: not a copy made by Netra (header or footer differ)")
	}
	if !bytes.Equal(policy().SanitizeBytes(body), body) {
		return errors.New("page copy: holds markup the sanitiser removes")
	}
	return nil
}

// toUTF8 decodes page from the charset its meta tags or bytes declare.
func toUTF8(page []byte) []byte {
	enc, name, _ := charset.DetermineEncoding(page, "")
	if name == "utf-8" || enc == nil {
		return page
	}
	out, err := enc.NewDecoder().Bytes(page)
	if err != nil {
		return page
	}
	return out
}
