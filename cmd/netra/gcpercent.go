package main

import (
	"os"
	"runtime/debug"
)

// crawlGCPercent is the garbage collector's target for `netra crawl` when
// GOGC is not set. A crawl allocates a parsed DOM and its copies per page
// and keeps little: at Go's default (100) collection took about 13 % of
// the CPU. Measured with bench/crawl/store.sh (1,000 real-page copies,
// load 3.5-4): 14.6-14.8 ms of CPU per page and 103-113 MB peak RSS at
// 100; 13.6-14.0 ms and 144-155 MB at 200; 11.3-12.6 ms but 233-240 MB at
// 400, over the 200 MB budget.
const crawlGCPercent = 200

// tuneCrawlGC applies crawlGCPercent unless the user set GOGC.
func tuneCrawlGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(crawlGCPercent)
	}
}
