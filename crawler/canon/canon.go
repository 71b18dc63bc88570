// Package canon turns the many spellings of one article URL into one, so
// that dedup and item IDs do not depend on tracking parameters, fragments,
// AMP variants or letter case in the host.
package canon

import (
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"
)

// isTrackingParam reports whether a (lower-case) query parameter is one
// that never changes the content.
func isTrackingParam(k string) bool {
	switch k {
	case "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid",
		"yclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl",
		"ref_src", "ref_url", "spm", "cmpid", "__twitter_impression",
		"amp", "outputtype", "amp_js_v", "usqp":
		return true
	}
	return false
}

// URL canonicalises raw: lower-case scheme and host, no default port, no
// fragment, no utm_* or other tracking parameters, remaining parameters
// sorted, dot segments resolved, a trailing /amp (AMP variant) removed.
func URL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("canonicalise %q: %w", raw, err)
	}
	if !u.IsAbs() || u.Host == "" {
		return "", fmt.Errorf("canonicalise %q: not an absolute URL", raw)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if h, p, ok := strings.Cut(u.Host, ":"); ok && !strings.Contains(p, ":") {
		if (u.Scheme == "http" && p == "80") || (u.Scheme == "https" && p == "443") || p == "" {
			u.Host = h
		}
	}
	u.Host = strings.TrimSuffix(u.Host, ".")
	if u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return "", fmt.Errorf("canonicalise %q: not an http(s) URL with a host", raw)
	}
	u.Fragment, u.RawFragment = "", ""
	u.User = nil
	if u.Path == "" {
		u.Path = "/"
	} else {
		trailing := strings.HasSuffix(u.Path, "/")
		clean := path.Clean(u.Path)
		for _, amp := range []string{"/amp", "/amp.html"} {
			if strings.HasSuffix(clean, amp) && len(clean) > len(amp) {
				clean = strings.TrimSuffix(clean, amp)
				trailing = false
			}
		}
		if trailing && clean != "/" {
			clean += "/"
		}
		u.Path = clean
	}
	u.RawPath = ""
	if u.RawQuery != "" {
		q := u.Query()
		for k, vs := range q {
			lk := strings.ToLower(k)
			if strings.HasPrefix(lk, "utm_") || isTrackingParam(lk) {
				delete(q, k)
				continue
			}
			slices.Sort(vs)
		}
		// Encode sorts the keys; the values were sorted above.
		u.RawQuery = q.Encode()
	}
	u.ForceQuery = false
	return u.String(), nil
}

// Resolve makes href absolute against base and canonicalises it; links
// that are not http(s) (mailto:, javascript:, tel:) give an error.
func Resolve(base *url.URL, href string) (string, error) {
	href = strings.TrimSpace(href)
	if href == "" {
		return "", fmt.Errorf("empty link")
	}
	ref, err := url.Parse(href)
	if err != nil {
		return "", fmt.Errorf("bad link %q: %w", href, err)
	}
	abs := ref
	if base != nil {
		abs = base.ResolveReference(ref)
	}
	if abs.Scheme != "http" && abs.Scheme != "https" {
		return "", fmt.Errorf("link %q is not http(s)", href)
	}
	return URL(abs.String())
}
