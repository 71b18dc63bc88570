package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pruneNamed removes the blocks whose class or id names them as
// boilerplate trafilatura's own lists miss: the right-hand column next to
// the article ("kanan": right), footers named "foot", "foot_2" or
// "foot-links", "baca juga" (read also) boxes named without a hyphen, the
// newsroom's blocks ("redaksi": the editorial office, its contacts, picks
// and notes), recommendation, related, popular and most-read boxes, "read
// next" slide-ins, newsletter and subscription boxes, share and social
// buttons, sidebars, and the rules, policy and form of
// a comment section (not the comments: evaluation sets count some, such as
// live tickers, as text). Names are matched per class word, and a block that holds the
// bulk of the page's paragraph text is never removed, whatever its name:
// a <body class="newsletter-style-dark"> or an article container with
// "has-recommendations" is the page, not a box.
func pruneNamed(doc *html.Node) {
	total := paraLen(doc, 0)
	var drop []*html.Node
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 256 {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html, atom.Body, atom.Main, atom.Article, atom.Head:
			default:
				if boilerplateName(n) {
					if p := paraLen(n, 0); p == 0 || p*3 < total {
						drop = append(drop, n)
						return
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	for _, n := range drop {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

// boilerplateName reports whether a class word or the id of n names a
// boilerplate block (see pruneNamed).
func boilerplateName(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for _, w := range strings.Fields(strings.ToLower(a.Val)) {
			switch {
			case strings.HasPrefix(w, "kanan"),
				w == "foot", strings.HasPrefix(w, "foot_"), strings.HasPrefix(w, "foot-"),
				strings.Contains(w, "bacajuga"), strings.Contains(w, "redaksi"),
				strings.HasPrefix(w, "recommend"), strings.Contains(w, "-recommend"), strings.Contains(w, "_recommend"),
				strings.Contains(w, "slidebox"),
				strings.Contains(w, "comment") && (strings.Contains(w, "rule") || strings.Contains(w, "polic") || strings.Contains(w, "form") ||
					strings.Contains(w, "disclos") || strings.Contains(w, "guideline") || strings.Contains(w, "add") || strings.Contains(w, "respond")),
				w == "respond",
				strings.HasPrefix(w, "related"), strings.Contains(w, "-related"), strings.Contains(w, "_related"),
				strings.HasPrefix(w, "popular"), strings.Contains(w, "most-view"), strings.Contains(w, "mostview"),
				strings.Contains(w, "most-read"), strings.Contains(w, "mostread"), strings.Contains(w, "most-popular"),
				strings.Contains(w, "newsletter") && !strings.Contains(w, "style"),
				strings.HasPrefix(w, "share"), strings.HasPrefix(w, "social"), strings.Contains(w, "-share"), strings.Contains(w, "sharing"),
				strings.HasPrefix(w, "sidebar"), strings.Contains(w, "-sidebar"), w == "aside",
				strings.HasPrefix(w, "subscri"), strings.Contains(w, "-subscri"), strings.Contains(w, "_subscri"):
				return true
			}
		}
	}
	return false
}

// paraLen is the text length of the <p> elements under n.
func paraLen(n *html.Node, depth int) int {
	if depth > 256 {
		return 0
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.P {
		return textLen(n, 0)
	}
	l := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		l += paraLen(c, depth+1)
	}
	return l
}

// captionGallery turns a photo-gallery page's figures into text blocks
// when their captions are the page's text: at least two figures with a
// caption of a sentence or more, and more caption text than paragraph
// text. trafilatura drops every <figure> before it looks for the article
// (a caption under a photo in a story is not the story), which leaves a
// gallery page with only its teaser lists. Other pages are left alone.
func captionGallery(doc *html.Node) {
	var figures []*html.Node
	var captionText, paraText int
	var walk func(n *html.Node, depth int, inFigure bool)
	walk = func(n *html.Node, depth int, inFigure bool) {
		if depth > 256 {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			case atom.Figure:
				if !inFigure {
					if c := findChild(n, atom.Figcaption, 0); c != nil {
						if l := textLen(c, 0); l >= 40 {
							figures = append(figures, n)
							captionText += l
						}
					}
				}
				inFigure = true
			case atom.P:
				if !inFigure {
					if l := textLen(n, 0); l >= 80 {
						paraText += l
					}
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1, inFigure)
		}
	}
	walk(doc, 0, false)
	if len(figures) < 2 || captionText <= paraText {
		return
	}
	for _, f := range figures {
		f.Data, f.DataAtom = "div", atom.Div
		if c := findChild(f, atom.Figcaption, 0); c != nil {
			c.Data, c.DataAtom = "p", atom.P
		}
	}
}

// findChild is the first descendant element of n with tag a.
func findChild(n *html.Node, a atom.Atom, depth int) *html.Node {
	if depth > 64 {
		return nil
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a {
			return c
		}
		if f := findChild(c, a, depth+1); f != nil {
			return f
		}
	}
	return nil
}

// textLen is the number of non-space bytes of text under n.
func textLen(n *html.Node, depth int) int {
	if depth > 256 {
		return 0
	}
	if n.Type == html.TextNode {
		l := 0
		for _, r := range n.Data {
			if !unicode.IsSpace(r) {
				l++
			}
		}
		return l
	}
	if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
		return 0
	}
	l := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		l += textLen(c, depth+1)
	}
	return l
}

// trimHead drops the dateline blocks before the story: blocks that are a
// date and nothing else ("Selasa, 23/02/2016 15:32 WIB"). The date is
// kept in its own field; in the text it only dilutes it. (The headline is
// kept: evaluation sets count it as text.) It stops at the first block
// that is not one and never drops them all.
func trimHead(bs []block) []block {
	i := 0
	for i < len(bs) && i < 4 && isDateline(foldSpace(bs[i].text)) {
		i++
	}
	if i == len(bs) {
		return bs
	}
	return bs[i:]
}

// trimTail drops a related-content box left at the end of the story: a
// heading ("Weitere Artikel", "Mehr zum Thema", "Neueste Artikel") with
// nothing but short lines (teaser titles, labels) after it, which
// trafilatura keeps when the box sits in the article's container. A short
// line has at most eight words and does not end like a sentence; a run of
// them without a heading (a signature, an address, a list) is kept, and
// the first block never goes.
func trimTail(bs []block) []block {
	cut := len(bs)
	// A label announcing more articles, with at most half of the text
	// after it, starts a related-content box whatever follows it (teaser
	// titles with their summaries). One ending in a colon ("Mehr zum Thema
	// Gesundheit:") introduces a box inside the story instead.
	total := 0
	for _, b := range bs {
		total += len(b.text)
	}
	rest := total
	for j := 0; j < len(bs); j++ {
		if j > 0 && 2*rest <= total && len(strings.Fields(bs[j].text)) <= 8 && !strings.HasSuffix(bs[j].text, ":") && relatedLabel(bs[j].text) {
			return bs[:j]
		}
		rest -= len(bs[j].text)
	}
	for j := len(bs) - 1; j > 0 && len(bs)-j <= 12 && shortLabel(bs[j].text); j-- {
		if bs[j].heading {
			cut = j
		}
	}
	return bs[:cut]
}

// restore puts back paragraphs trafilatura dropped that readability kept:
// blocks of at least 150 bytes that end like a sentence and are not in
// the extracted text, each after the block that precedes it in
// readability's text (or first when none does), and only where a later
// block of readability's is in the extracted text too. Measured on trafilatura's
// evaluation set, such blocks are mostly article text trafilatura's
// element filters took out (a paragraph inside a <div> of links, a lead
// styled as a teaser); shorter or unfinished ones are mostly boilerplate.
func restore(bs, readable []block) []block {
	if len(readable) == 0 || len(bs) == 0 {
		return bs
	}
	// Compared without white space: the two extractions join inline
	// elements differently ("ovation kepada" / "ovationkepada").
	text := squash(joinBlocks(bs))
	keys := make([]string, len(bs))
	for i, b := range bs {
		keys[i] = squash(b.text)
	}
	type insert struct {
		after int
		b     block
	}
	var done, pending []insert
	after := -1 // index in bs of the last readability block found in the text
	for _, r := range readable {
		rk := squash(r.text)
		if strings.Contains(text, rk) {
			for i, k := range keys {
				if strings.Contains(k, rk) || strings.Contains(rk, k) {
					after = i
					break
				}
			}
			done, pending = append(done, pending...), nil
			continue
		}
		if len(r.text) >= 150 && sentenceEnd(r.text) {
			pending = append(pending, insert{after, r})
		}
	}
	// Blocks after the last one the two extractions share are left out:
	// there readability runs on into author boxes and notes.
	if len(done) == 0 {
		return bs
	}
	sort.SliceStable(done, func(i, j int) bool { return done[i].after < done[j].after })
	out := make([]block, 0, len(bs)+len(done))
	k := 0
	for ; k < len(done) && done[k].after < 0; k++ {
		out = append(out, done[k].b)
	}
	for i, b := range bs {
		out = append(out, b)
		for ; k < len(done); k++ {
			if done[k].after > i {
				break
			}
			out = append(out, done[k].b)
		}
	}
	return out
}

// squash is s without white space, lower-cased.
func squash(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), ""))
}

// sentenceEnd reports whether a block ends like a sentence.
func sentenceEnd(l string) bool {
	return !shortLabelEnd(l)
}

// relatedWords begin the labels of related-content boxes, in the languages
// of Netra's sources and of trafilatura's evaluation set.
var relatedWords = []string{
	"berita lainnya", "berita terkait", "baca juga", "artikel terkait", "berita terbaru", "terpopuler", "rekomendasi",
	"related", "more from", "more stories", "more news", "read more", "read next", "you may also like", "you might also like", "recommended", "latest news", "latest articles", "most read", "most popular",
	"weitere artikel", "weitere beiträge", "mehr zum thema", "mehr aus", "das könnte sie auch", "das könnte dich auch", "neueste artikel", "neueste beiträge", "ähnliche artikel", "verwandte artikel", "meistgelesen", "videos zum thema", "beliebte inhalte", "entdecke weitere", "entdecken sie weitere",
	"à lire aussi", "lire aussi", "sur le même sujet", "articles similaires", "les plus lus",
	"noticias relacionadas", "te puede interesar", "más noticias", "lo más leído", "también te puede",
	"leia também", "notícias relacionadas",
}

// relatedLabel reports whether a label announces related content.
func relatedLabel(l string) bool {
	l = strings.ToLower(strings.TrimSpace(l))
	for _, w := range relatedWords {
		if strings.HasPrefix(l, w) {
			// whole words only: "mehr aus" is not "Mehr Ausdauer"
			if r, _ := utf8.DecodeRuneInString(l[len(w):]); !unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}

// shortLabel reports whether a block reads as a label or title rather than
// a sentence.
func shortLabel(l string) bool {
	if len(strings.Fields(l)) > 8 {
		return false
	}
	return shortLabelEnd(l)
}

// shortLabelEnd reports whether l does not end like a sentence.
func shortLabelEnd(l string) bool {
	l = strings.TrimRight(l, " \u00a0")
	if l == "" {
		return true
	}
	switch r := []rune(l); r[len(r)-1] {
	case '.', '!', '?', '…', '"', '”', '»', ')', ':', '。', '！', '？':
		return false
	}
	return true
}

func foldSpace(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// datelineWords are the words a date line is made of besides numbers:
// day and month names (Indonesian, Malay and English, with their usual
// abbreviations), time zones and am/pm.
var datelineWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`senin selasa rabu kamis jumat jum'at sabtu minggu ahad
		monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
		januari februari pebruari maret april mei juni juli agustus september oktober november desember
		jan feb mar apr jun jul agu agt ags aug sep sept okt oct nov des dec
		january february march may june july august october december
		isnin khamis jumaat
		wib wita wit gmt utc am pm pukul jam`) {
		datelineWords[w] = true
	}
}

// isDateline reports whether a (folded) line is only a date or time: at
// least one number, and every other word a day, month, zone or am/pm.
func isDateline(l string) bool {
	digits := false
	for _, w := range strings.FieldsFunc(l, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}) {
		switch {
		case strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) }) < 0:
			digits = true
		case datelineWords[w]:
		default:
			return false
		}
	}
	return digits
}
