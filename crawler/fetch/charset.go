package fetch

import (
	"bytes"
	"mime"
	"net/http"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
)

// Decode converts a text body to UTF-8 and names the charset it came from.
// Declarations are trusted only when the bytes agree with them: a page
// that claims UTF-8 but is not valid UTF-8 is decoded by its <meta> or as
// windows-1252, and a page that claims a single-byte charset but is valid
// multi-byte UTF-8 is left as UTF-8 (both are common on real sites).
func Decode(body []byte, contentType string) ([]byte, string) {
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	validUTF8 := utf8.Valid(body)
	name := declared(body, contentType)
	if name == "" || name == "utf-8" {
		if validUTF8 {
			return body, "utf-8"
		}
		// Declared (or defaulted) UTF-8 that is not: look at <meta>, then
		// fall back to windows-1252 as browsers do.
		_, name, _ = charset.DetermineEncoding(body, "text/html")
		if name == "utf-8" {
			name = "windows-1252"
		}
	} else if validUTF8 && !isMultiByte(name) && bytes.ContainsFunc(body, func(r rune) bool { return r >= 0x80 }) {
		// Valid multi-byte UTF-8 under a single-byte label: the label is
		// wrong. (The scan for non-ASCII runs only on this path.)
		return body, "utf-8"
	}
	enc, err := htmlindex.Get(name)
	if err != nil || enc == encoding.Nop {
		return bytes.ToValidUTF8(body, []byte("\uFFFD")), "utf-8"
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return bytes.ToValidUTF8(body, []byte("\uFFFD")), "utf-8"
	}
	canon, _ := htmlindex.Name(enc)
	if canon == "" {
		canon = name
	}
	return out, canon
}

func isMultiByte(name string) bool {
	switch name {
	case "utf-8", "utf-16le", "utf-16be", "gbk", "gb18030", "big5", "euc-jp", "iso-2022-jp", "shift_jis", "euc-kr":
		return true
	}
	return false
}

var xmlEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

// declared finds the charset a body claims: the Content-Type parameter,
// the XML declaration, or a <meta> in the first 1024 bytes.
func declared(body []byte, contentType string) string {
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		if cs := params["charset"]; cs != "" {
			if enc, err := htmlindex.Get(cs); err == nil {
				n, _ := htmlindex.Name(enc)
				return n
			}
		}
	}
	head := body
	if len(head) > 1024 {
		head = head[:1024]
	}
	if m := xmlEncoding.FindSubmatch(head); m != nil {
		if enc, err := htmlindex.Get(string(m[1])); err == nil {
			n, _ := htmlindex.Name(enc)
			return n
		}
	}
	if _, name, certain := charset.DetermineEncoding(head, "text/html"); certain {
		return name
	}
	return ""
}

// isText decides whether a body should be charset-decoded.
func isText(contentType string, body []byte) bool {
	mt := mediaType(contentType)
	if mt == "" || mt == "application/octet-stream" {
		mt = mediaType(http.DetectContentType(body))
	}
	switch {
	case strings.HasPrefix(mt, "text/"),
		strings.HasSuffix(mt, "/xml"), strings.HasSuffix(mt, "+xml"),
		strings.HasSuffix(mt, "/json"), strings.HasSuffix(mt, "+json"):
		return true
	}
	return false
}

func mediaType(ct string) string {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return strings.ToLower(strings.TrimSpace(strings.Split(ct, ";")[0]))
	}
	return mt
}

// withUTF8 rewrites a Content-Type to say charset=utf-8, since the body
// now is.
func withUTF8(ct string) string {
	mt := mediaType(ct)
	if mt == "" {
		mt = "text/html"
	}
	return mt + "; charset=utf-8"
}
