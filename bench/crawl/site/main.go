// Command site serves a local news site for the crawl benchmark: N article
// pages built from real Indonesian news texts (a JSONL file with title and
// text fields, e.g. the project's bench/news.jsonl), listing pages of 50
// links with a "next" link, a sitemap and a robots.txt. Pages carry the
// usual boilerplate (navigation, related links, footer) so extraction has
// real work to do.
//
//	go run ./bench/crawl/site -news news.jsonl -pages 2000 -addr 127.0.0.1:8931
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"io"
	"io/fs"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

const perListing = 50

type article struct {
	Title string `json:"title"`
	Text  string `json:"text"`
}

func main() {
	news := flag.String("news", os.Getenv("NETRA_BENCH_NEWS"), "JSONL with title and text fields ($NETRA_BENCH_NEWS)")
	pages := flag.Int("pages", 2000, "article pages to serve")
	addr := flag.String("addr", "127.0.0.1:8931", "listen address")
	real := flag.String("html", "", "comma-separated folders of saved real pages (*.html, *.html.gz): article i is real page i mod their number, with news text i added to its first long paragraph so every page is new (instead of the generated template)")
	match := flag.String("html-match", "", "only saved pages whose file name contains this (e.g. singlepage)")
	flag.Parse()
	arts, err := load(*news, *pages)
	if err != nil {
		log.Fatal(err)
	}
	if len(arts) < *pages {
		log.Fatalf("only %d usable articles in %s, want %d", len(arts), *news, *pages)
	}
	rendered := make([][]byte, len(arts))
	if *real != "" {
		saved, err := loadPages(strings.Split(*real, ","), *match)
		if err != nil {
			log.Fatal(err)
		}
		for i, a := range arts {
			rendered[i] = realArticle(saved[i%len(saved)], a)
		}
		log.Printf("%d saved pages, median %d KB as served", len(saved), medianKB(rendered))
	} else {
		for i, a := range arts {
			rendered[i] = renderArticle(i, a, len(arts))
		}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "User-agent: *\nAllow: /\nSitemap: http://%s/sitemap.xml\n", r.Host)
	})
	mux.HandleFunc("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		for i := range arts {
			fmt.Fprintf(w, "<url><loc>http://%s/artikel/%d.html</loc><lastmod>2024-02-%02d</lastmod></url>", r.Host, i, 1+i%28)
		}
		fmt.Fprint(w, "</urlset>")
	})
	mux.HandleFunc("/indeks/", func(w http.ResponseWriter, r *http.Request) {
		n, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/indeks/"))
		if err != nil || n < 0 || n*perListing >= len(arts) {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		var b strings.Builder
		b.WriteString(`<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Indeks Berita</title></head><body>`)
		b.WriteString(nav())
		b.WriteString(`<main><ul class="indeks">`)
		for i := n * perListing; i < (n+1)*perListing && i < len(arts); i++ {
			fmt.Fprintf(&b, `<li><a class="judul" href="/artikel/%d.html">%s</a></li>`, i, html.EscapeString(arts[i].Title))
		}
		b.WriteString(`</ul>`)
		if (n+1)*perListing < len(arts) {
			fmt.Fprintf(&b, `<a class="berikutnya" href="/indeks/%d">Berikutnya</a>`, n+1)
		}
		b.WriteString(`</main></body></html>`)
		w.Write([]byte(b.String()))
	})
	mux.HandleFunc("/artikel/", func(w http.ResponseWriter, r *http.Request) {
		n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/artikel/"), ".html"))
		if err != nil || n < 0 || n >= len(rendered) {
			http.NotFound(w, r)
			return
		}
		if *real != "" {
			w.Header().Set("Content-Type", "text/html") // saved pages carry their own charset
		} else {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
		}
		w.Write(rendered[n])
	})
	log.Printf("serving %d articles, %d listing pages on http://%s/indeks/0", len(arts), (len(arts)+perListing-1)/perListing, *addr)
	log.Fatal(http.ListenAndServe(*addr, mux))
}

func load(path string, n int) ([]article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("news file: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var out []article
	for sc.Scan() && len(out) < n {
		var a article
		if json.Unmarshal(sc.Bytes(), &a) != nil || a.Title == "" || len(a.Text) < 400 {
			continue
		}
		out = append(out, a)
	}
	return out, sc.Err()
}

func nav() string {
	return `<header><nav class="menu"><a href="/indeks/0">Beranda</a> | <a href="/indeks/0">Nasional</a> | <a href="/indeks/0">Daerah</a> | <a href="/indeks/0">Politik</a> | <a href="/indeks/0">Ekonomi</a></nav></header>`
}

func renderArticle(i int, a article, total int) []byte {
	var b strings.Builder
	t := html.EscapeString(a.Title)
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>%s | Berita Lokal</title>`, t)
	fmt.Fprintf(&b, `<meta property="og:title" content="%s"><meta property="article:published_time" content="2024-02-%02dT08:00:00+07:00"><link rel="canonical" href="/artikel/%d.html"></head><body>`, t, 1+i%28, i)
	b.WriteString(nav())
	fmt.Fprintf(&b, `<main><article><h1>%s</h1><div class="tanggal">Kamis, %02d Februari 2024 08:00 WIB</div><div class="isi">`, t, 1+i%28)
	for _, p := range strings.Split(a.Text, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			fmt.Fprintf(&b, "<p>%s</p>", html.EscapeString(p))
		}
	}
	b.WriteString(`</div></article><aside class="terkait"><h3>Berita Terkait</h3><ul>`)
	for k := 1; k <= 5; k++ {
		fmt.Fprintf(&b, `<li><a href="/artikel/%d.html">Baca juga berita nomor %d</a></li>`, (i+k*37)%total, (i+k*37)%total)
	}
	b.WriteString(`</ul></aside></main><footer>Hak cipta © Berita Lokal. Redaksi | Pedoman Media Siber | Kontak</footer></body></html>`)
	return []byte(b.String())
}

// loadPages reads the saved pages under dirs (*.html, *.html.gz), in name
// order so every run serves the same site.
func loadPages(dirs []string, match string) ([][]byte, error) {
	var files []string
	for _, d := range dirs {
		err := filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() && (strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".html.gz")) && strings.Contains(filepath.Base(p), match) {
				files = append(files, p)
			}
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("saved pages: %w", err)
		}
	}
	sort.Strings(files)
	var out [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("saved pages: %w", err)
		}
		if strings.HasSuffix(f, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				return nil, fmt.Errorf("saved pages: %s: %w", f, err)
			}
			if b, err = io.ReadAll(io.LimitReader(zr, 16<<20)); err != nil {
				return nil, fmt.Errorf("saved pages: %s: %w", f, err)
			}
		}
		out = append(out, b)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("saved pages: no *.html or *.html.gz under %v", dirs)
	}
	return out, nil
}

// realArticle adds the news text's first paragraphs to the first
// paragraph of page with more than 200 bytes of text (the article body
// on a news page), so that two copies of one saved page are two articles.
func realArticle(page []byte, a article) []byte {
	text := a.Text
	if len(text) > 600 {
		text = strings.ToValidUTF8(text[:600], "")
	}
	add := []byte(" " + html.EscapeString(strings.ReplaceAll(text, "\n", " ")))
	low := asciiLower(page) // same length as page, unlike bytes.ToLower on invalid UTF-8
	for off := 0; ; {
		i := bytes.Index(low[off:], []byte("<p"))
		if i < 0 {
			break
		}
		start := off + i
		j := bytes.Index(low[start:], []byte("</p>"))
		if j < 0 {
			break
		}
		end := start + j
		if end-start > 200 {
			out := make([]byte, 0, len(page)+len(add))
			out = append(out, page[:end]...)
			out = append(out, add...)
			return append(out, page[end:]...)
		}
		off = end + 4
	}
	// No long paragraph: a paragraph of its own before </body>.
	k := bytes.LastIndex(low, []byte("</body>"))
	if k < 0 {
		k = len(page)
	}
	out := append([]byte(nil), page[:k]...)
	out = append(out, "<p>"...)
	out = append(out, add...)
	out = append(out, "</p>"...)
	return append(out, page[k:]...)
}

func medianKB(pages [][]byte) int {
	n := make([]int, len(pages))
	for i, p := range pages {
		n[i] = len(p)
	}
	sort.Ints(n)
	return n[len(n)/2] / 1024
}

func asciiLower(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}
