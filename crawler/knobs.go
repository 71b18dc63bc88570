package crawler

import (
	"net/url"
	"time"
)

// retriesFor is the source's retries knob, else the crawler's.
func (c *Crawler) retriesFor(src Source) int {
	if src.Retries != nil {
		return *src.Retries
	}
	return c.cfg.retries
}

// applyHostKnobs sets the per-host concurrency and delay a source asks
// for on the hosts it names. A delay lower than the crawler's default is
// allowed (the sources file refuses 0 unless the source is private or
// says polite: false); robots.txt Crawl-delay still raises it later, and
// 429/503 still slow the host down. With politeness off for the whole
// crawler (benchmarks), delays stay off whatever the source says.
func (c *Crawler) applyHostKnobs(src Source) {
	delay := time.Duration(-1) // keep
	switch {
	case !c.cfg.polite:
		// already 0 for every host
	case src.DelaySet:
		delay = src.Delay
	case src.Impolite():
		delay = 0
	}
	if delay < 0 && src.HostParallel == 0 {
		return
	}
	for _, h := range sourceHosts(src) {
		c.hosts.SetHostLimits(h, src.HostParallel, delay, src.Impolite())
	}
}

// sourceHosts lists the hosts a source's URLs and instance name.
func sourceHosts(src Source) []string {
	var out []string
	seen := map[string]bool{}
	for _, u := range append(append([]string(nil), src.URLs...), src.Instance) {
		if pu, err := url.Parse(u); err == nil && pu.Host != "" && !seen[pu.Host] {
			seen[pu.Host] = true
			out = append(out, pu.Host)
		}
	}
	return out
}
