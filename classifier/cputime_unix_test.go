//go:build unix

package classifier

import (
	"syscall"
	"time"
)

// processCPU returns the user+system CPU time the process has used, so
// benchmarks on a shared machine can report throughput per CPU second,
// which other processes' load does not distort the way wall time is.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
