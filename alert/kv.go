package alert

import (
	"context"
)

// KV is durable storage of JSON values by key in a few named collections.
// Keys are ordered within a collection. Implementations: BoltKV (a file
// beside the embedded store) and the Elasticsearch store's KV (an index
// per collection).
type KV interface {
	// Put stores val under key, replacing what was there.
	Put(ctx context.Context, coll, key string, val []byte) error
	// PutNew stores val under key only when key is absent, atomically,
	// and reports whether it did: the "alert once" claim.
	PutNew(ctx context.Context, coll, key string, val []byte) (bool, error)
	// Get returns the value under key, or an error matching
	// netra.ErrNotFound.
	Get(ctx context.Context, coll, key string) ([]byte, error)
	// Delete removes key; a missing key is not an error.
	Delete(ctx context.Context, coll, key string) error
	// Scan calls fn for every key starting with prefix, in key order.
	Scan(ctx context.Context, coll, prefix string, fn func(key string, val []byte) error) error
}

// Collections the package uses.
const (
	collSearches = "searches" // search ID -> Search
	collAlerted  = "alerted"  // search/sub/item -> time: the alert-once set
	collNotes    = "notes"    // user/time/id -> Notification
	collOutbox   = "outbox"   // delivery ID -> Delivery waiting to be sent
	collDead     = "dead"     // delivery ID -> Delivery that gave up
	collDigest   = "digest"   // search/sub/item -> DigestEntry waiting for the digest
	collSent     = "sent"     // search/sub -> time the last digest went out
)

// Collections lists every collection name, for backends that create their
// storage up front.
func Collections() []string {
	return []string{collSearches, collAlerted, collNotes, collOutbox, collDead, collDigest, collSent}
}

// KeyOnlyCollections are the collections read only by key, never
// scanned: a backend may skip making their writes visible to scans.
func KeyOnlyCollections() []string { return []string{collAlerted, collSent} }
