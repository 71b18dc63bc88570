package index

import (
	"context"
	"fmt"
	"time"
)

// SpooledError reports that some records of an Upsert could not be stored
// (the backend stayed unreachable through its retries) and were kept in a
// local spool file instead. Nothing is lost: the next run of the store (or
// `netra index replay`) delivers them first. Commands report it and exit
// non-zero so schedulers notice.
type SpooledError struct {
	Count int // records spooled by this call
	// Stored is how many records of the same call were acknowledged
	// before the outage: an Upsert can be cut off part-way, so its
	// records are split between the store and the spool.
	Stored int
	Path   string // the spool file
	Err    error  // why they could not be stored
}

// Error says where the records went and how they will be delivered, so an
// operator reading only the log knows nothing was lost.
func (e *SpooledError) Error() string {
	return fmt.Sprintf("%d records could not be stored and were spooled to %s (delivered on the next run or by `netra index replay`): %v", e.Count, e.Path, e.Err)
}

// Unwrap returns why the records could not be stored.
func (e *SpooledError) Unwrap() error { return e.Err }

// SpoolStatus describes a store's outage spool, for /healthz and /metrics.
type SpoolStatus struct {
	Path   string    `json:"path"`
	Bytes  int64     `json:"bytes"`           // size of the spool file; 0 when nothing waits
	Oldest time.Time `json:"oldest,omitzero"` // when the oldest waiting record was spooled
}

// Spooler is a store that keeps records in a local spool while its backend
// is unreachable (the Elasticsearch store).
type Spooler interface {
	// SpoolStatus reports what waits in the spool.
	SpoolStatus() (SpoolStatus, error)
	// ReplayLoop delivers the spool in the background whenever the
	// backend answers, with backoff, until ctx ends.
	ReplayLoop(ctx context.Context, report func(delivered int, err error))
	// ReplayIfUp delivers the spool now if there is one and the backend
	// answers; it returns how many records it delivered.
	ReplayIfUp(ctx context.Context) (int, error)
}
