package netra

import (
	"errors"
	"fmt"
)

// ErrNotFound is returned when a record or item does not exist.
var ErrNotFound = errors.New("not found")

// ErrConflict is matched (with errors.Is) by every *ConflictError.
var ErrConflict = errors.New("version conflict")

// ConflictError reports that a review update was based on a version of the
// record that is no longer current: someone else changed it first.
type ConflictError struct {
	ID      string
	Based   int64 // the version the update was based on
	Current int64 // the version in the store now
}

// Error says which record changed and from which version to which.
func (e *ConflictError) Error() string {
	return fmt.Sprintf("record %s changed meanwhile: update based on version %d, current is %d", e.ID, e.Based, e.Current)
}

// Is makes errors.Is(err, ErrConflict) true.
func (e *ConflictError) Is(target error) bool { return target == ErrConflict }

// Hint is an error that carries advice for the person who ran the command.
type Hint struct {
	Err  error
	Hint string
}

// Error is the wrapped error's message; the hint is printed separately.
func (e *Hint) Error() string { return e.Err.Error() }

// Unwrap returns the underlying error.
func (e *Hint) Unwrap() error { return e.Err }

// WithHint wraps err with a hint for the user; nil stays nil.
func WithHint(err error, hint string) error {
	if err == nil {
		return nil
	}
	return &Hint{Err: err, Hint: hint}
}
