package review

import (
	"reflect"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// In a real browser the item page's "why this score" is visible, lists the
// score parts in order with a bar for each, and shows the word model's
// words as chips whose direction is a glyph and a border as well as a
// colour; the hostile gram is text, and no snake_case id shows.
func TestBrowserItemScoreParts(t *testing.T) {
	rec := scoredRecord(t)
	f := newFixture(t, withRecords(rec))
	b := newBrowser(t)
	b.login(f.ts.URL, "budi", viewerPW)
	b.navigate("/items/", chromedp.Navigate(f.ts.URL+"/items/"+rec.Item.ID))
	shown := run(b, chromedp.Evaluate[bool](`(() => {
		const s = document.getElementById("why-score");
		if (!s) return false;
		s.scrollIntoView();
		const r = s.getBoundingClientRect();
		return r.width > 0 && r.height > 0 && getComputedStyle(s).visibility === "visible";
	})()`))
	if !shown {
		t.Fatal("the score section is not visible")
	}
	rows := run(b, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#score-parts tr.score-part")].map(r => r.dataset.feature + " " + r.querySelector(".sp-num").textContent)`))
	if want := []string{"bias −1.99", "evidence −2.24", "rules +3.93", "text_model +3.83"}; !reflect.DeepEqual(rows, want) {
		t.Errorf("score parts %q, want %q", rows, want)
	}
	// The bars are drawn: the largest fills its half, a negative one
	// grows left of the centre.
	bars := run(b, chromedp.Evaluate[map[string]float64](`(() => {
		const half = document.querySelector('#score-parts tr[data-feature="rules"] .sp-half:last-child').getBoundingClientRect().width;
		const w = f => document.querySelector('#score-parts tr[data-feature="' + f + '"] .sp-fill').getBoundingClientRect();
		return {half, rules: w("rules").width, evidence: w("evidence").width, evidenceRight: w("evidence").right,
			centre: document.querySelector('#score-parts tr[data-feature="evidence"] .sp-half:last-child').getBoundingClientRect().left};
	})()`))
	if bars["half"] < 20 || bars["rules"] < bars["half"]-1 || bars["evidence"] < bars["half"]*0.5 || bars["evidence"] > bars["half"]*0.7 || bars["evidenceRight"] > bars["centre"]+1 {
		t.Errorf("bars are not drawn to scale: %v", bars)
	}

	chips := run(b, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#score-words .chip")].map(c =>
		[c.dataset.sign, c.querySelector(".chip-dir").textContent, c.querySelector(".gram").textContent, c.querySelector(".chip-num").textContent].join(" "))`))
	if want := []string{"pos ▲ camat +4.13", "pos ▲ " + hostileGram + " +0.85", "neg ▼ dan −0.52"}; !reflect.DeepEqual(chips, want) {
		t.Errorf("word chips %q, want %q", chips, want)
	}
	styles := run(b, chromedp.Evaluate[[]string](`["pos", "neg"].map(s => { const c = getComputedStyle(document.querySelector("#score-words .chip." + s)); return c.borderTopStyle + " " + c.backgroundColor })`))
	if len(styles) != 2 || strings.Fields(styles[0])[0] == strings.Fields(styles[1])[0] || styles[0] == styles[1] {
		t.Errorf("positive and negative chips differ by colour alone or not at all: %q", styles)
	}
	if n := run(b, chromedp.Evaluate[int](`document.querySelectorAll("#why-score script, #why-score *[onload], #why-score *[onerror]").length`)); n != 0 {
		t.Errorf("markup from a gram reached the DOM: %d elements", n)
	}
	if ids := run(b, chromedp.Evaluate[[]string](`document.getElementById("why-score").innerText.match(/\b[a-z0-9]+_[a-z0-9_]+\b/g) || []`)); len(ids) > 0 {
		t.Errorf("the score section shows snake_case ids %q", ids)
	}
	b.screenshot("item-why-score.png")
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.dialogs) != 0 {
		t.Errorf("dialogs opened: %v", b.dialogs)
	}
}
