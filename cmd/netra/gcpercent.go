package main

import (
	"os"
	"runtime/debug"
)

// crawlGCPercent is the garbage collector's target for `netra crawl` when
// GOGC is not set. A crawl allocates a parsed DOM and its copies per page
// and keeps little (18-40 MB live on bench/crawl's 2,000-page site): at
// Go's default (100) collection took about 13 % of the CPU. Measured with
// bench/crawl/store.sh (1,000 real-page copies, load 3.5-4): 14.6-14.8 ms
// of CPU per page and 103-113 MB peak RSS at 100; 13.6-14.0 ms and
// 144-155 MB at 200; 11.3-12.6 ms but 233-240 MB at 400 alone, over the
// issue's 200 MB budget, hence crawlMemoryLimit.
const crawlGCPercent = 400

// crawlMemoryLimit is the soft limit on the Go runtime's memory for
// `netra crawl` when GOMEMLIMIT is not set: it bounds what crawlGCPercent
// lets the heap grow to (peak RSS is this plus about 45 MB of mapped binary
// and store files). On 2,000 real-page copies at load 5-9, alternating
// runs: GOGC 200 alone 31.1 and 36.0 s of CPU, 174 and 179 MB peak RSS;
// GOGC 400 with this limit 29.8 and 29.0 s, 181 and 176 MB. Two builds
// alternating at load 4-6: 28.5 and 28.5 s, 178 and 186 MB before; 27.7
// and 27.1 s, 178 and 175 MB with this.
const crawlMemoryLimit = 130 << 20

// tuneCrawlGC applies crawlGCPercent and crawlMemoryLimit unless the user
// set GOGC or GOMEMLIMIT.
func tuneCrawlGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(crawlGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(crawlMemoryLimit)
	}
}
