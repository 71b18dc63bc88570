package index

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
)

// Cursor is what an opaque Query.Cursor / Result.NextCursor carries: the sort
// it belongs to and the sort key of the last record returned, in whatever
// form the backend needs to continue after it (search_after values). Keying
// on the last record, not on an offset, is what keeps pages from repeating or
// skipping records when new ones are stored between pages.
type Cursor struct {
	Backend string          `json:"b"`
	Sort    Sort            `json:"s"`
	After   json.RawMessage `json:"a"`
}

// ErrBadCursor is matched by errors from DecodeCursor and by backends that
// get a cursor made for another sort or backend.
var ErrBadCursor = errors.New("invalid cursor")

// maxCursorBytes keeps a hostile cursor from costing more than a real one.
const maxCursorBytes = 8192

// EncodeCursor turns c into the opaque string handed to clients.
func EncodeCursor(c Cursor) (string, error) {
	b, err := json.Marshal(c)
	if err != nil {
		return "", fmt.Errorf("encode cursor: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// DecodeCursor reverses EncodeCursor and checks that the cursor was made by
// backend for the sort s.
func DecodeCursor(s, backend string, sort Sort) (Cursor, error) {
	if len(s) > maxCursorBytes {
		return Cursor{}, fmt.Errorf("%w: %d bytes", ErrBadCursor, len(s))
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return Cursor{}, fmt.Errorf("%w: %v", ErrBadCursor, err)
	}
	var c Cursor
	if err := json.Unmarshal(b, &c); err != nil {
		return Cursor{}, fmt.Errorf("%w: %v", ErrBadCursor, err)
	}
	if c.Backend != backend {
		return Cursor{}, fmt.Errorf("%w: made by the %q store, this is %q", ErrBadCursor, c.Backend, backend)
	}
	if c.Sort != sort {
		return Cursor{}, fmt.Errorf("%w: made for sort %q, the query sorts by %q", ErrBadCursor, c.Sort, sort)
	}
	return c, nil
}

// EffectiveSort resolves the zero Sort as documented on Query.
func (q Query) EffectiveSort() Sort {
	if q.Sort != "" {
		return q.Sort
	}
	if q.Text != "" {
		return SortRelevance
	}
	return SortTimeDesc
}

// EffectiveLimit resolves the zero and oversized Limit.
func (q Query) EffectiveLimit() int {
	switch {
	case q.Limit <= 0:
		return DefaultLimit
	case q.Limit > MaxLimit:
		return MaxLimit
	}
	return q.Limit
}
