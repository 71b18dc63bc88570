package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// blockTags break a line of text; every other element is inline and
// joins its neighbours as written.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true, "br": true, "dd": true,
	"details": true, "div": true, "dl": true, "dt": true, "figcaption": true, "figure": true, "footer": true,
	"form": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "header": true,
	"hr": true, "li": true, "main": true, "nav": true, "ol": true, "p": true, "pre": true, "section": true,
	"summary": true, "table": true, "td": true, "th": true, "tr": true, "ul": true, "caption": true,
	"head": true, "list": true, "item": true, "quote": true, "lb": true, "row": true, "cell": true,
}

var headingTags = map[string]bool{"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "head": true}

// nodeText is the text of an extracted content tree: blocks (paragraphs,
// headings, list items, table cells) separated by one space as before,
// white space collapsed, and nothing added where an inline element (b,
// em, a, span) ends. go-trafilatura's own text puts a space at every element
// boundary, which splits "<em>By A. Humes</em>: The" into "Humes : The"
// and "<a>Guatemala</a>, la" into "Guatemala , la".
func nodeText(root *html.Node) string { return joinBlocks(nodeBlocks(root)) }

// block is one line of nodeText: a paragraph, heading, list item or cell.
type block struct {
	text    string
	heading bool // the line is (inside) a heading element
}

func joinBlocks(bs []block) string {
	var sb strings.Builder
	for i, b := range bs {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(b.text)
	}
	return sb.String()
}

// nodeBlocks is nodeText's blocks, one each.
func nodeBlocks(root *html.Node) []block {
	var lines []block
	var cur strings.Builder
	headings := 0
	flush := func() {
		if line := strings.Join(strings.Fields(cur.String()), " "); line != "" {
			lines = append(lines, block{text: line, heading: headings > 0})
		}
		cur.Reset()
	}
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 512 {
			return
		}
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template":
				return
			}
		}
		isBlock := n.Type == html.ElementNode && blockTags[n.Data]
		heading := n.Type == html.ElementNode && headingTags[n.Data]
		if isBlock {
			flush()
		}
		if heading {
			headings++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
		if isBlock {
			flush()
		}
		if heading {
			headings--
		}
	}
	walk(root, 0)
	flush()
	return lines
}
