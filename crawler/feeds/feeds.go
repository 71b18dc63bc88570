// Package feeds reads the link lists sites publish for machines: RSS 2.0,
// RSS 1.0 (RDF), Atom, JSON Feed, XML sitemaps (including Google News
// sitemaps) and sitemap indexes. It is lenient about real-world markup
// (HTML entities, unclosed tags, CDATA, wrong encoding declarations) and
// bounded in what it keeps.
package feeds

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// The kinds of document Parse recognises.
const (
	RSS          = "rss"
	Atom         = "atom"
	JSONFeed     = "jsonfeed"
	URLSet       = "urlset"       // a sitemap listing pages
	SitemapIndex = "sitemapindex" // a sitemap listing sitemaps
)

// MaxEntries caps the entries kept from one document (the sitemap
// protocol's own limit is 50,000).
const MaxEntries = 50000

// Doc is a parsed feed or sitemap.
type Doc struct {
	Kind    string
	Title   string
	Entries []Entry
}

// Entry is one link with whatever the document says about it.
type Entry struct {
	URL       string
	Title     string
	Summary   string
	Author    string
	Published time.Time // publication date (feed item, news sitemap)
	Modified  time.Time // lastmod / updated
}

// Date is the best date known for the entry.
func (e Entry) Date() time.Time {
	if !e.Published.IsZero() {
		return e.Published
	}
	return e.Modified
}

// ErrUnknown is returned for documents that are neither a feed nor a sitemap.
var ErrUnknown = errors.New("not a feed or sitemap")

// Parse recognises and parses body, which must be UTF-8 (a leftover XML
// encoding declaration is ignored).
func Parse(body []byte) (*Doc, error) {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	if len(trimmed) > 0 && trimmed[0] == '{' {
		return parseJSONFeed(trimmed)
	}
	return parseXML(trimmed)
}

// Gunzip inflates a gzip-compressed sitemap, failing when the result would
// exceed limit bytes (gzip bombs).
func Gunzip(body []byte, limit int64) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	defer zr.Close()
	out, err := io.ReadAll(io.LimitReader(zr, limit+1))
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	if int64(len(out)) > limit {
		return nil, fmt.Errorf("gunzip: more than %d bytes", limit)
	}
	return out, nil
}

// IsGzip reports whether body starts with the gzip magic number.
func IsGzip(body []byte) bool { return len(body) > 2 && body[0] == 0x1f && body[1] == 0x8b }

func parseXML(body []byte) (*Doc, error) {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }

	doc := &Doc{}
	var item string // local name of the element that holds one entry
	var cur *Entry
	var path []string // local names from the root
	var text strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if doc.Kind != "" {
				// Keep what was read before the damage.
				break
			}
			return nil, fmt.Errorf("parse feed: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if len(path) == 0 {
				switch name {
				case "rss", "rdf":
					doc.Kind, item = RSS, "item"
				case "feed":
					doc.Kind, item = Atom, "entry"
				case "urlset":
					doc.Kind, item = URLSet, "url"
				case "sitemapindex":
					doc.Kind, item = SitemapIndex, "sitemap"
				default:
					return nil, fmt.Errorf("%w: root element <%s>", ErrUnknown, t.Name.Local)
				}
			}
			path = append(path, name)
			text.Reset()
			if name == item && cur == nil {
				cur = &Entry{}
			}
			if cur != nil && name == "link" && doc.Kind == Atom {
				var href, rel string
				for _, a := range t.Attr {
					switch strings.ToLower(a.Name.Local) {
					case "href":
						href = a.Value
					case "rel":
						rel = a.Value
					}
				}
				if href != "" && (rel == "" || rel == "alternate" || cur.URL == "") {
					cur.URL = strings.TrimSpace(href)
				}
			}
		case xml.CharData:
			if text.Len() < 1<<16 {
				text.Write(t)
			}
		case xml.EndElement:
			if len(path) == 0 {
				continue
			}
			name := path[len(path)-1]
			path = path[:len(path)-1]
			val := strings.TrimSpace(text.String())
			text.Reset()
			if cur == nil {
				if name == "title" && doc.Title == "" && len(path) <= 2 {
					doc.Title = val
				}
				continue
			}
			if name == item {
				if cur.URL != "" && len(doc.Entries) < MaxEntries {
					doc.Entries = append(doc.Entries, *cur)
				}
				cur = nil
				continue
			}
			setField(doc.Kind, cur, name, t.Name.Space, val)
		}
	}
	if doc.Kind == "" {
		return nil, ErrUnknown
	}
	return doc, nil
}

// setField stores one child element's text in the entry. The namespace
// tells a news sitemap's <news:title> from an RSS <title>; both are useful.
func setField(kind string, e *Entry, name, space, val string) {
	if val == "" {
		return
	}
	switch name {
	case "loc":
		if e.URL == "" {
			e.URL = val
		}
	case "link":
		if kind != Atom && e.URL == "" {
			e.URL = val
		}
	case "guid":
		if e.URL == "" && (strings.HasPrefix(val, "http://") || strings.HasPrefix(val, "https://")) {
			e.URL = val
		}
	case "title":
		if e.Title == "" || strings.Contains(space, "news") {
			e.Title = val
		}
	case "description", "summary":
		if e.Summary == "" {
			e.Summary = val
		}
	case "encoded", "content":
		if e.Summary == "" {
			e.Summary = val
		}
	case "creator", "name", "author":
		if e.Author == "" {
			e.Author = val
		}
	case "pubdate", "published", "issued", "publication_date":
		if t, ok := ParseDate(val); ok {
			e.Published = t
		}
	case "date":
		if t, ok := ParseDate(val); ok && e.Published.IsZero() {
			e.Published = t
		}
	case "updated", "lastmod", "modified":
		if t, ok := ParseDate(val); ok {
			e.Modified = t
		}
	}
}

var dateLayouts = []string{
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 02 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04:05",
	"2 Jan 2006 15:04:05 -0700",
	"02 Jan 2006 15:04:05 -0700",
	time.RFC850,
	time.ANSIC,
}

// ParseDate reads the date formats feeds and sitemaps use in practice.
// Times without a zone are taken as UTC.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	s = strings.Replace(s, " WIB", " +0700", 1)
	s = strings.Replace(s, " WITA", " +0800", 1)
	s = strings.Replace(s, " WIT", " +0900", 1)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

type jsonFeed struct {
	Version string `json:"version"`
	Title   string `json:"title"`
	Items   []struct {
		URL           string `json:"url"`
		ExternalURL   string `json:"external_url"`
		Title         string `json:"title"`
		Summary       string `json:"summary"`
		ContentText   string `json:"content_text"`
		DatePublished string `json:"date_published"`
		DateModified  string `json:"date_modified"`
		Author        struct {
			Name string `json:"name"`
		} `json:"author"`
		Authors []struct {
			Name string `json:"name"`
		} `json:"authors"`
	} `json:"items"`
}

func parseJSONFeed(body []byte) (*Doc, error) {
	var f jsonFeed
	if err := json.Unmarshal(body, &f); err != nil {
		return nil, fmt.Errorf("parse JSON feed: %w", err)
	}
	if !strings.Contains(f.Version, "jsonfeed.org") {
		return nil, fmt.Errorf("%w: JSON without a jsonfeed.org version", ErrUnknown)
	}
	doc := &Doc{Kind: JSONFeed, Title: f.Title}
	for _, it := range f.Items {
		e := Entry{URL: it.URL, Title: it.Title, Summary: it.Summary, Author: it.Author.Name}
		if e.URL == "" {
			e.URL = it.ExternalURL
		}
		if e.Summary == "" {
			e.Summary = it.ContentText
		}
		if e.Author == "" && len(it.Authors) > 0 {
			e.Author = it.Authors[0].Name
		}
		e.Published, _ = ParseDate(it.DatePublished)
		e.Modified, _ = ParseDate(it.DateModified)
		if e.URL != "" && len(doc.Entries) < MaxEntries {
			doc.Entries = append(doc.Entries, e)
		}
	}
	return doc, nil
}
