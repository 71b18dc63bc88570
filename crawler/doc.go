// Package crawler collects items from the sources a monitoring team lists in
// a sources file: news feeds, sitemaps, listing pages, single articles,
// Telegram channel previews and Mastodon timelines. It is polite by default
// (robots.txt, Crawl-delay, per-host limits, adaptive throttling), treats
// every crawled byte as hostile (private addresses refused at dial time,
// bounded bodies, redirects and time), extracts the main text of articles,
// and remembers what it took so the next run fetches only what is new.
//
// It knows nothing of classification or storage: Run hands each new item to
// an emit function.
package crawler
