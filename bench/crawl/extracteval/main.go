// Command extracteval measures the crawler's main-text extraction on
// trafilatura's evaluation set (evaldata.json + html/*.html.gz), scored the
// way trafilatura's own evaluation scores it: per page, every expected
// "with" snippet found in the extracted text is a true positive (missing:
// false negative), every "without" snippet found is a false positive
// (absent: true negative); an empty extraction counts all "with" as false
// negatives and all "without" as true negatives. Precision, recall and F1
// are computed over the summed counts.
//
//	go run ./bench/crawl/extracteval -data /path/to/trafilatura-eval
package main

import (
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"github.com/netra-id/netra/crawler/extract"
	"github.com/netra-id/netra/crawler/fetch"
)

type entry struct {
	File    string   `json:"file"`
	With    []string `json:"with"`
	Without []string `json:"without"`
}

type counts struct{ tp, fn, fp, tn int }

func (c *counts) add(o counts) { c.tp += o.tp; c.fn += o.fn; c.fp += o.fp; c.tn += o.tn }

func score(e entry, text string) counts {
	var c counts
	if text == "" {
		c.fn, c.tn = len(e.With), len(e.Without)
		return c
	}
	for _, s := range e.With {
		if strings.Contains(text, s) {
			c.tp++
		} else {
			c.fn++
		}
	}
	for _, s := range e.Without {
		if strings.Contains(text, s) {
			c.fp++
		} else {
			c.tn++
		}
	}
	return c
}

func main() {
	data := flag.String("data", os.Getenv("NETRA_TRAFILATURA_EVAL"), "trafilatura-eval directory with evaldata.json and html/ ($NETRA_TRAFILATURA_EVAL)")
	fallback := flag.Bool("fallback", true, "also run the fallback extractors (the crawler's default)")
	workers := flag.Int("workers", runtime.NumCPU(), "parallel extractions")
	asJSON := flag.Bool("json", false, "print the result as JSON")
	focus := flag.String("focus", "", "extraction focus: balanced (default), recall or precision")
	perPage := flag.String("per-page", "", "also write one JSON line per page (url, counts, missed snippets, date found) to this file, to diff two runs page by page")
	flag.Parse()
	if *data == "" {
		fmt.Fprintln(os.Stderr, "extracteval: pass -data DIR (trafilatura-eval: evaldata.json + html/*.html.gz)")
		os.Exit(2)
	}
	raw, err := os.ReadFile(filepath.Join(*data, "evaldata.json"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "extracteval:", err)
		os.Exit(1)
	}
	var set map[string]entry
	if err := json.Unmarshal(raw, &set); err != nil {
		fmt.Fprintln(os.Stderr, "extracteval: evaldata.json:", err)
		os.Exit(1)
	}
	opt := extract.Options{Fallback: *fallback}
	switch *focus {
	case "", "balanced":
	case "recall":
		opt.Focus = trafilatura.FavorRecall
	case "precision":
		opt.Focus = trafilatura.FavorPrecision
	default:
		fmt.Fprintln(os.Stderr, "extracteval: -focus is balanced, recall or precision")
		os.Exit(2)
	}
	urls := make([]string, 0, len(set))
	for u := range set {
		urls = append(urls, u)
	}
	sort.Strings(urls)

	start := time.Now()
	var mu sync.Mutex
	var total counts
	var missing, empty int
	var bytesIn int64
	var pages []pageResult
	jobs := make(chan string)
	var wg sync.WaitGroup
	for w := 0; w < *workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u := range jobs {
				e := set[u]
				page, err := readGz(filepath.Join(*data, "html", e.File+".gz"))
				if err != nil {
					mu.Lock()
					missing++
					total.add(score(e, ""))
					mu.Unlock()
					continue
				}
				body, _ := fetch.Decode(page, "text/html")
				text, published := "", ""
				a, err := extract.Page(body, u, opt)
				if err == nil {
					text = a.Text
				}
				if a != nil && !a.Published.IsZero() {
					published = a.Published.Format(time.RFC3339)
				}
				c := score(e, text)
				mu.Lock()
				if *perPage != "" {
					pages = append(pages, newPageResult(u, e, text, c, published))
				}
				total.add(c)
				bytesIn += int64(len(page))
				if text == "" {
					empty++
				}
				mu.Unlock()
			}
		}()
	}
	for _, u := range urls {
		jobs <- u
	}
	close(jobs)
	wg.Wait()
	elapsed := time.Since(start)
	if *perPage != "" {
		if err := writePages(*perPage, pages); err != nil {
			fmt.Fprintln(os.Stderr, "extracteval:", err)
			os.Exit(1)
		}
	}

	tp, fn, fp, tn := float64(total.tp), float64(total.fn), float64(total.fp), float64(total.tn)
	res := map[string]any{
		"documents": len(urls), "missing_files": missing, "empty_extractions": empty,
		"true_positives": total.tp, "false_negatives": total.fn, "false_positives": total.fp, "true_negatives": total.tn,
		"precision": tp / (tp + fp), "recall": tp / (tp + fn), "accuracy": (tp + tn) / (tp + tn + fp + fn),
		"f1": 2 * tp / (2*tp + fp + fn), "fallback": *fallback, "seconds": elapsed.Seconds(),
		"docs_per_second": float64(len(urls)) / elapsed.Seconds(), "mb_per_second": float64(bytesIn) / 1e6 / elapsed.Seconds(),
	}
	if *asJSON {
		json.NewEncoder(os.Stdout).Encode(res)
		return
	}
	fmt.Printf("documents %d (missing %d, empty %d), fallback=%v\n", len(urls), missing, empty, *fallback)
	fmt.Printf("precision %.3f  recall %.3f  accuracy %.3f  F1 %.3f\n", res["precision"], res["recall"], res["accuracy"], res["f1"])
	fmt.Printf("%.1fs, %.1f docs/s, %.1f MB/s of HTML with %d workers\n", elapsed.Seconds(), res["docs_per_second"], res["mb_per_second"], *workers)
}

func readGz(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(io.LimitReader(zr, 64<<20))
}

// pageResult is one page's score, for diffing two runs page by page.
type pageResult struct {
	URL       string   `json:"url"`
	TP        int      `json:"tp"`
	FN        int      `json:"fn"`
	FP        int      `json:"fp"`
	Missed    []string `json:"missed,omitempty"`
	Extra     []string `json:"extra,omitempty"`
	TextBytes int      `json:"text_bytes"`
	Published string   `json:"published,omitempty"`
}

func newPageResult(u string, e entry, text string, c counts, published string) pageResult {
	r := pageResult{URL: u, TP: c.tp, FN: c.fn, FP: c.fp, TextBytes: len(text), Published: published}
	for _, s := range e.With {
		if text == "" || !strings.Contains(text, s) {
			r.Missed = append(r.Missed, s)
		}
	}
	for _, s := range e.Without {
		if text != "" && strings.Contains(text, s) {
			r.Extra = append(r.Extra, s)
		}
	}
	return r
}

func writePages(path string, pages []pageResult) error {
	sort.Slice(pages, func(i, j int) bool { return pages[i].URL < pages[j].URL })
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("per-page file: %w", err)
	}
	enc := json.NewEncoder(f)
	for _, p := range pages {
		if err := enc.Encode(p); err != nil {
			f.Close()
			return fmt.Errorf("per-page file: %w", err)
		}
	}
	return f.Close()
}
