// Command site serves the cluster benchmark's local news site
// (internal/clustersite): SOURCES sources of PER article pages each, built
// from the real saved pages in crawler/extract/testdata/anpandu. GET
// /_stats answers "fetched N twice M": article pages answered at least
// once, and answered more than once.
//
//	go run ./bench/cluster/site -sources 6 -per 200 -addr 127.0.0.1:8941
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"

	"github.com/netra-id/netra/internal/clustersite"
)

func main() {
	dir := flag.String("pages", "crawler/extract/testdata/anpandu", "folder of saved pages (one sub-folder per site)")
	sources := flag.Int("sources", 6, "sources")
	per := flag.Int("per", 200, "article pages per source")
	addr := flag.String("addr", "127.0.0.1:8941", "listen address")
	yaml := flag.String("sources-file", "", "write the sources file here")
	schedule := flag.String("schedule", "", "cron schedule for every source in the sources file (then also allow_private and polite: false, for `netra serve`)")
	flag.Parse()
	site, err := clustersite.New(*dir, *sources, *per)
	if err != nil {
		log.Fatal(err)
	}
	site.SetBase("http://" + *addr)
	if *yaml != "" {
		if err := os.WriteFile(*yaml, []byte(site.SourcesYAML(*schedule)), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/_stats", func(w http.ResponseWriter, r *http.Request) {
		fetched, twice := 0, 0
		for _, h := range site.Hits() {
			fetched++
			if len(h) > 1 {
				twice++
			}
		}
		fmt.Fprintf(w, "fetched %d twice %d\n", fetched, twice)
	})
	mux.HandleFunc("/_reset", func(w http.ResponseWriter, r *http.Request) { site.Reset() })
	mux.Handle("/", site)
	log.Fatal(http.ListenAndServe(*addr, mux))
}
