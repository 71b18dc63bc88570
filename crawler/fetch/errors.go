package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
)

// Reasons a fetch fails; RunStats counts failures by these.
const (
	ReasonRobots      = "robots"             // robots.txt disallows the URL
	ReasonBlocked     = "blocked_address"    // private, loopback, link-local or metadata address
	ReasonTooLarge    = "too_large"          // body (after decompression) over the limit
	ReasonRedirects   = "too_many_redirects" // redirect chain over the limit
	ReasonTimeout     = "timeout"            // request (including a slow-drip body) took too long
	ReasonRateLimited = "rate_limited"       // 429/503 still there after retries, or Retry-After too long
	ReasonNetwork     = "network"            // connection refused, reset, DNS failure
	ReasonCanceled    = "canceled"           // the run was stopped
	ReasonScheme      = "bad_scheme"         // not http or https
	ReasonBadBody     = "bad_body"           // corrupt compression or unreadable body
	ReasonParse       = "parse"              // the page, feed or JSON could not be understood
	ReasonEmpty       = "empty"              // no main text could be extracted
)

// Error is a failed fetch with the reason the crawler records.
type Error struct {
	Reason string
	URL    string
	Status int // HTTP status when the failure is one
	Err    error
}

// Error describes the failure with its reason first, as RunStats counts it.
func (e *Error) Error() string {
	msg := e.Reason
	if e.Status != 0 {
		msg = fmt.Sprintf("%s (HTTP %d)", msg, e.Status)
	}
	if e.URL != "" {
		msg += " " + e.URL
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// HTTPReason is the reason for an unwanted HTTP status, e.g. "http_404".
func HTTPReason(status int) string { return fmt.Sprintf("http_%d", status) }

// ReasonOf maps any error from this package (or the net/http stack under
// it) to a reason string.
func ReasonOf(err error) string {
	if err == nil {
		return ""
	}
	var fe *Error
	if errors.As(err, &fe) {
		return fe.Reason
	}
	var pe *PausedError
	if errors.As(err, &pe) {
		return ReasonRateLimited
	}
	if errors.Is(err, context.Canceled) {
		return ReasonCanceled
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return ReasonTimeout
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return ReasonTimeout
	}
	return ReasonNetwork
}

// transient reports whether retrying err might help.
func transient(err error) bool {
	switch ReasonOf(err) {
	case ReasonNetwork, ReasonTimeout:
		return true
	}
	return false
}
