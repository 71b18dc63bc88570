package netra

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"time"
)

// PageCopy is a frozen copy of the page an item was read from, kept with
// the record so a deleted or edited page still leaves evidence. The HTML is
// sanitised when it is frozen (no script, style, frame, form, event handler
// or javascript: link; see crawler/archive) and stored gzip-compressed, so a
// search that reads records does not decode a megabyte per row.
type PageCopy struct {
	// Fetched is when the page was fetched.
	Fetched time.Time `json:"fetched"`
	// SHA256 is the hex SHA-256 of the sanitised HTML (what HTML returns),
	// so a copy exported later can be checked against the record.
	SHA256 string `json:"sha256"`
	// Size is the sanitised HTML's length in bytes.
	Size int `json:"size"`
	// Truncated is set when the sanitised page was longer than the cap and
	// only its beginning was kept.
	Truncated bool `json:"truncated,omitempty"`
	// HTMLGzip is the sanitised HTML, gzip-compressed.
	HTMLGzip []byte `json:"html_gzip"`
}

// maxPageCopyBytes bounds what HTML decompresses, whatever a stored record
// claims (records can be imported).
const maxPageCopyBytes = 4 << 20

// HTML returns the sanitised HTML and checks it against SHA256.
func (p *PageCopy) HTML() ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(p.HTMLGzip))
	if err != nil {
		return nil, fmt.Errorf("page copy: %w", err)
	}
	b, err := io.ReadAll(io.LimitReader(zr, maxPageCopyBytes+1))
	if err != nil {
		return nil, fmt.Errorf("page copy: %w", err)
	}
	if len(b) > maxPageCopyBytes {
		return nil, fmt.Errorf("page copy: longer than %d bytes", maxPageCopyBytes)
	}
	h := sha256.Sum256(b)
	if got := hex.EncodeToString(h[:]); got != p.SHA256 {
		return nil, fmt.Errorf("page copy: SHA-256 is %s, the record says %s", got, p.SHA256)
	}
	return b, nil
}
