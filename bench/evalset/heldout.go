package main

import (
	"path/filepath"
	"regexp"
	"strings"
)

// The sample drew no held-out post by id, but retweets and copies of a
// held-out post, and news that a measuring set quotes, carry its text
// under another id. heldOutText finds them by shared word runs.

// shingleWords is the length of the word runs compared.
const shingleWords = 5

// minShared is how many runs a record must share with a text of a
// measuring set before it counts as a copy of it; news share stock
// phrases ("Badan Pengawas Pemilihan Umum (Bawaslu) Kabupaten …"). A
// held-out post is short, and one shared run is a template campaign's
// copy of it (minSharedPost).
const (
	minShared     = 2
	minSharedPost = 1
)

var (
	mentionURL = regexp.MustCompile(`(?i)@\w+|https?://\S+`)
	nonAlnum   = regexp.MustCompile(`[^\p{L}\p{N}]+`)
)

// shingles returns the word runs of text, normalised (lower case, URLs,
// @mentions and punctuation dropped) with and without mentions kept.
func shingles(text string) map[string]bool {
	out := map[string]bool{}
	for _, t := range []string{text, mentionURL.ReplaceAllString(text, " ")} {
		w := strings.Fields(nonAlnum.ReplaceAllString(strings.ToLower(t), " "))
		for i := 0; i+shingleWords <= len(w); i++ {
			out[strings.Join(w[i:i+shingleWords], " ")] = true
		}
	}
	return out
}

// minJaccard is the share of words a record may have in common with a
// held-out post before it counts as a variant of it (a template campaign
// with a random suffix); shorter texts must be identical (minWords).
const (
	minJaccard = 0.5
	minWords   = 6
)

// heldOut indexes the texts a tuning or test file must not contain.
type heldOut struct {
	owner map[string][]string // shingle → held-out ids
	posts []wordSet           // the held-out posts' words
}

type wordSet struct {
	id    string
	words map[string]bool
}

// words returns the distinct words of text without URLs and @mentions.
func words(text string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(nonAlnum.ReplaceAllString(strings.ToLower(mentionURL.ReplaceAllString(text, " ")), " ")) {
		out[w] = true
	}
	return out
}

// variant reports whether two word sets are the same text or a close
// variant of it.
func variant(a, b map[string]bool) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	common := 0
	for w := range a {
		if b[w] {
			common++
		}
	}
	j := float64(common) / float64(len(a)+len(b)-common)
	return j == 1 || (j >= minJaccard && min(len(a), len(b)) >= minWords)
}

// readHeldOut loads the held-out posts (holdout.txt ids, texts from
// bench/posts.jsonl) and the measuring set eval/dev2.jsonl from dir.
func readHeldOut(dir string) (*heldOut, error) {
	hold, err := readHoldout(filepath.Join(dir, "eval", "holdout.txt"))
	if err != nil {
		return nil, err
	}
	h := &heldOut{owner: map[string][]string{}}
	add := func(id, text string) {
		for s := range shingles(text) {
			h.owner[s] = append(h.owner[s], id)
		}
	}
	err = readJSONL(filepath.Join(dir, "bench", "posts.jsonl"), func(r record, _ int) error {
		if hold["post "+r.ID] {
			add(r.ID, r.Text)
			h.posts = append(h.posts, wordSet{r.ID, words(r.Text)})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readJSONL(filepath.Join(dir, "eval", "dev2.jsonl"), func(r record, _ int) error {
		add("dev2 "+r.ID, r.Title+" "+r.Text)
		return nil
	})
	return h, err
}

// copyOf names the held-out text r copies — a word run in common with a
// held-out post or minShared with a dev2 text, or a variant of a held-out
// post — or "".
func (h *heldOut) copyOf(r record) string {
	w := words(r.Title + " " + r.Text)
	for _, p := range h.posts {
		if variant(w, p.words) {
			return p.id
		}
	}
	n := map[string]int{}
	for s := range shingles(r.Title + " " + r.Text) {
		for _, id := range h.owner[s] {
			need := minSharedPost
			if strings.HasPrefix(id, "dev2 ") {
				need = minShared
			}
			if n[id]++; n[id] >= need {
				return id
			}
		}
	}
	return ""
}
