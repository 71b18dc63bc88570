package crawler

import (
	"strings"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/crawler/meta"
)

// completeMeta cleans an extracted article's author and adds what the
// page's byline and text say: the author from "Penulis:"/"Pewarta:"/
// "Reporter:" when the extractor found only a publisher or template
// string, the editor, and the detected language (which wins over the
// page's declared one: templates declare lang="en" on Indonesian pages).
// What was replaced is kept in Meta.
func (c *Crawler) completeMeta(it *netra.Item, page []byte) {
	raw := it.Author
	author := meta.CleanAuthor(raw)
	bl := meta.ReadByline(page)
	if author == "" && len(bl.Authors) > 0 {
		author = strings.Join(bl.Authors, ", ")
	}
	set := func(k, v string) {
		if v == "" {
			return
		}
		if it.Meta == nil {
			it.Meta = map[string]string{}
		}
		it.Meta[k] = v
	}
	if author != raw {
		set("author_raw", raw)
	}
	it.Author = author
	set("editor", bl.Editor)
	c.detectLanguage(it)
}

// detectLanguage sets an item's language from its text (articles and
// posts alike), keeping a different declared language in Meta; texts too
// short or unclear keep what they had.
func (c *Crawler) detectLanguage(it *netra.Item) {
	lang := c.lang.Detect(it.Text)
	if lang == "" {
		return
	}
	if it.Meta == nil {
		it.Meta = map[string]string{}
	}
	it.Meta["language_detected"] = lang
	if it.Language != "" && it.Language != lang {
		it.Meta["language_declared"] = it.Language
	}
	it.Language = lang
}
