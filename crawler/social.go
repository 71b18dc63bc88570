package crawler

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/netra-id/netra"
	"github.com/netra-id/netra/crawler/canon"
	"github.com/netra-id/netra/crawler/fetch"
	"golang.org/x/net/html"
)

// telegram reads a public channel's preview pages (t.me/s/NAME), newest
// first, and walks backwards with ?before= up to maxPages pages. Posts are
// complete on the preview page, so no per-post fetch is needed.
func (r *run) telegram(ctx context.Context) error {
	start := ""
	if len(r.src.URLs) > 0 {
		start = r.src.URLs[0]
	} else {
		start = "https://t.me/s/" + url.PathEscape(strings.TrimPrefix(r.src.Channel, "@"))
	}
	next := start
	for pages := 0; next != "" && pages < r.maxPages && ctx.Err() == nil && r.countNew() < r.maxItems; pages++ {
		res := r.page(ctx, next, "text/html")
		if res == nil {
			return nil
		}
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(res.Body))
		if err != nil {
			r.stats.fail(fetch.ReasonParse, next)
			return nil
		}
		base, _ := url.Parse(res.URL)
		posts := 0
		allOld := true
		title := telegramChannelTitle(doc)
		doc.Find(".tgme_widget_message[data-post]").Each(func(_ int, s *goquery.Selection) {
			posts++
			it, ok := r.telegramPost(base, s, title)
			if !ok {
				return
			}
			if !r.tooOld(it.Published) {
				allOld = false
			}
			r.post(it)
		})
		if posts == 0 {
			r.stats.fail(fetch.ReasonParse, next)
			return nil
		}
		if allOld && !r.since.IsZero() {
			r.stats.do(func(s *RunStats) { s.Stopped = "since" })
			return nil
		}
		next = ""
		if href, ok := doc.Find(`link[rel="prev"]`).Attr("href"); ok {
			next = resolve(base, href)
		} else if before, ok := doc.Find("[data-before]").Attr("data-before"); ok && before != "" {
			u := *base
			q := u.Query()
			q.Set("before", before)
			u.RawQuery = q.Encode()
			next = u.String()
		}
	}
	return nil
}

func resolve(base *url.URL, href string) string {
	ref, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return ""
	}
	return base.ResolveReference(ref).String()
}

// telegramChannelTitle is the channel's display name on a preview page.
func telegramChannelTitle(doc *goquery.Document) string {
	if t := strings.TrimSpace(doc.Find(".tgme_channel_info_header_title").First().Text()); t != "" {
		return t
	}
	return strings.TrimSpace(doc.Find(`meta[property="og:title"]`).AttrOr("content", ""))
}

// telegramPost reads one post. A channel post names no person: its author
// is the channel (the owner name Telegram shows, else the channel's title,
// else @username), and the channel's username goes into Meta["channel"].
func (r *run) telegramPost(base *url.URL, s *goquery.Selection, channelTitle string) (netra.Item, bool) {
	id, _ := s.Attr("data-post") // "channel/123"
	postURL := "https://t.me/" + strings.TrimPrefix(id, "/")
	if href, ok := s.Find("a.tgme_widget_message_date").Attr("href"); ok {
		postURL = resolve(base, href)
	}
	cu, err := canon.URL(postURL)
	if err != nil {
		return netra.Item{}, false
	}
	textSel := s.Find(".tgme_widget_message_text").First()
	text := nodeText(textSel)
	if strings.TrimSpace(text) == "" {
		return netra.Item{}, false
	}
	it := netra.Item{
		ID: netra.ItemID(cu, "", ""), Source: r.src.Name, Kind: "post", URL: cu,
		Text: text, Region: r.src.Region, Language: r.src.Language,
		Fetched: r.c.cfg.now().UTC(), Meta: map[string]string{"platform": "telegram", "post": id},
	}
	if dt, ok := s.Find("time[datetime]").Attr("datetime"); ok {
		if t, err := time.Parse(time.RFC3339, dt); err == nil {
			it.Published = t
		}
	}
	it.Author = strings.TrimSpace(s.Find(".tgme_widget_message_owner_name").First().Text())
	username, _, _ := strings.Cut(strings.TrimPrefix(id, "/"), "/")
	if username != "" {
		it.Meta["channel"] = username
	}
	switch {
	case it.Author != "":
	case channelTitle != "":
		it.Author = channelTitle
	case username != "":
		it.Author = "@" + username
	}
	if v := strings.TrimSpace(s.Find(".tgme_widget_message_views").First().Text()); v != "" {
		it.Meta["views"] = v
	}
	var links []string
	textSel.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
		if h, ok := a.Attr("href"); ok && (strings.HasPrefix(h, "http://") || strings.HasPrefix(h, "https://")) && len(links) < 20 {
			links = append(links, h)
		}
	})
	if len(links) > 0 {
		it.Meta["links"] = strings.Join(links, " ")
	}
	return it, true
}

// post emits a complete post (telegram, mastodon) unless it was taken
// before or is older than since.
func (r *run) post(it netra.Item) {
	r.mu.Lock()
	dup := r.queued[it.URL]
	r.queued[it.URL] = true
	r.mu.Unlock()
	if dup {
		return
	}
	if r.st.Done(it.URL) {
		r.stats.do(func(s *RunStats) { s.Seen++ })
		return
	}
	if r.tooOld(it.Published) {
		r.stats.do(func(s *RunStats) { s.Filtered++ })
		return
	}
	if r.countNew() >= r.maxItems {
		r.stats.do(func(s *RunStats) { s.Stopped = "max_items" })
		return
	}
	r.c.detectLanguage(&it)
	if err := r.deliver(it); err != nil {
		return
	}
	_ = r.st.Finish(r.src.Name, it.URL, contentHash(it.Text))
}

// nodeText renders the text of a post body: <br> and block ends become
// newlines, everything else is its text.
func nodeText(s *goquery.Selection) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
		case html.ElementNode:
			switch n.Data {
			case "br":
				b.WriteByte('\n')
				return
			case "script", "style":
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && (n.Data == "p" || n.Data == "div" || n.Data == "li") {
			b.WriteByte('\n')
		}
	}
	for _, n := range s.Nodes {
		walk(n)
	}
	lines := strings.Split(b.String(), "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// mastodonStatus is the part of a Mastodon status the crawler uses.
type mastodonStatus struct {
	ID        string    `json:"id"`
	CreatedAt time.Time `json:"created_at"`
	URL       string    `json:"url"`
	URI       string    `json:"uri"`
	Content   string    `json:"content"`
	Spoiler   string    `json:"spoiler_text"`
	Language  string    `json:"language"`
	Reblogs   int       `json:"reblogs_count"`
	Favs      int       `json:"favourites_count"`
	Account   struct {
		Acct        string `json:"acct"`
		DisplayName string `json:"display_name"`
		URL         string `json:"url"`
	} `json:"account"`
	Reblog *mastodonStatus `json:"reblog"`
	Tags   []struct {
		Name string `json:"name"`
	} `json:"tags"`
}

// mastodon reads a tag or account timeline through the public API,
// paging backwards with max_id.
func (r *run) mastodon(ctx context.Context) error {
	inst := strings.TrimRight(r.src.Instance, "/")
	var base string
	if r.src.Tag != "" {
		base = inst + "/api/v1/timelines/tag/" + url.PathEscape(strings.TrimPrefix(r.src.Tag, "#"))
	} else {
		res := r.page(ctx, inst+"/api/v1/accounts/lookup?acct="+url.QueryEscape(strings.TrimPrefix(r.src.Account, "@")), "application/json")
		if res == nil {
			return nil
		}
		var acc struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal(res.Body, &acc); err != nil || acc.ID == "" {
			r.stats.fail(fetch.ReasonParse, res.URL)
			return nil
		}
		base = inst + "/api/v1/accounts/" + url.PathEscape(acc.ID) + "/statuses"
	}
	maxID := ""
	for pages := 0; pages < r.maxPages && ctx.Err() == nil && r.countNew() < r.maxItems; pages++ {
		u := base + "?limit=40"
		if maxID != "" {
			u += "&max_id=" + url.QueryEscape(maxID)
		}
		res := r.page(ctx, u, "application/json")
		if res == nil {
			return nil
		}
		var statuses []mastodonStatus
		if err := json.Unmarshal(res.Body, &statuses); err != nil {
			r.stats.fail(fetch.ReasonParse, u)
			return nil
		}
		if len(statuses) == 0 {
			return nil
		}
		allOld := true
		for _, st := range statuses {
			maxID = st.ID
			it, ok := r.mastodonItem(st)
			if !ok {
				continue
			}
			if r.since.IsZero() || !it.Published.Before(r.since) {
				allOld = false
			}
			r.post(it)
		}
		if allOld && !r.since.IsZero() {
			r.stats.do(func(s *RunStats) { s.Stopped = "since" })
			return nil
		}
	}
	return nil
}

func (r *run) mastodonItem(st mastodonStatus) (netra.Item, bool) {
	meta := map[string]string{"platform": "mastodon", "status_id": st.ID}
	if st.Reblog != nil {
		meta["reblogged_by"] = st.Account.Acct
		st = *st.Reblog
	}
	link := st.URL
	if link == "" {
		link = st.URI
	}
	cu, err := canon.URL(link)
	if err != nil {
		return netra.Item{}, false
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(st.Content))
	if err != nil {
		return netra.Item{}, false
	}
	text := nodeText(doc.Find("body"))
	if st.Spoiler != "" {
		text = st.Spoiler + "\n" + text
	}
	if strings.TrimSpace(text) == "" {
		return netra.Item{}, false
	}
	var tags []string
	for _, t := range st.Tags {
		tags = append(tags, t.Name)
	}
	if len(tags) > 0 {
		meta["tags"] = strings.Join(tags, " ")
	}
	meta["reblogs"] = fmt.Sprint(st.Reblogs)
	meta["favourites"] = fmt.Sprint(st.Favs)
	lang := st.Language
	if lang == "" {
		lang = r.src.Language
	}
	return netra.Item{
		ID: netra.ItemID(cu, "", ""), Source: r.src.Name, Kind: "post", URL: cu, Text: text,
		Author: st.Account.Acct, Region: r.src.Region, Language: lang,
		Published: st.CreatedAt, Fetched: r.c.cfg.now().UTC(), Meta: meta,
	}, true
}
