//go:build !unix

package elastic

// lockFile is a no-op where flock is not available; the in-process mutex
// still orders writers of one process.
func lockFile(string) (func(), error) { return func() {}, nil }
