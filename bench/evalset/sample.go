package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// record is one line of the bench corpora and of the sampled corpus.
type record struct {
	ID        string `json:"id"`
	Source    string `json:"source"`
	Licence   string `json:"licence"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Text      string `json:"text"`
	CreatedAt string `json:"created_at,omitempty"`
	Kind      string `json:"kind,omitempty"`    // post or news
	Stratum   string `json:"stratum,omitempty"` // which sampling stratum chose it
	Split     string `json:"split,omitempty"`   // tune or test
	Group     string `json:"group,omitempty"`   // the split unit: source and day, or site
}

// The sampling strata use two broad word lists written before any labelling
// and independent of the rule pack: any word naming a public-sector role
// (ASN or not, so that confusers are sampled too) and any election word.
var (
	roleRE = regexp.MustCompile(`(?i)\b(asn|pns|pppk|aparatur|abdi negara|camat|lurah|guru|kepala sekolah|kepsek|dosen|kepala dinas|kadis|sekda|sekcam|penjabat|pj|satpol|pejabat|pegawai|birokrat|bidan|perawat|penyuluh|honorer|kades|kepala desa|perangkat desa)`)
	// strongRoleRE names ASN, or a role only ASN hold, unambiguously; its
	// stratum takes every remaining match, so the corpus holds every
	// licensed text that could be a case at all.
	strongRoleRE     = regexp.MustCompile(`(?i)\b(asn|pns|pppk|aparatur sipil|abdi negara|netralitas|pegawai negeri|camat|lurah|kepala dinas|sekda|kepala sekolah|guru honorer|guru pns|penjabat|pj gubernur|pj bupati)\b`)
	strongElectionRE = regexp.MustCompile(`(?i)(pemilu|pilpres|pileg|pilkada|kampanye|capres|cawapres|caleg|paslon|pasangan calon|timses|tim sukses|nomor urut|netral|bawaslu|panwas|coblos|deklarasi|prabowo|jokowi|ganjar|anies|gibran)`)
	candidateRE      = regexp.MustCompile(`(?i)\b(prabowo|gibran|anies|ganjar|mahfud|imin|amin|jokowi|paslon|capres|pilpres|pemilu|pilkada|coblos|menangkan|menangin|pilih|memilih|dukung|mendukung|dukungan|timses|relawan|caleg|0?1|0?2|0?3)\b`)
	newsCandidateRE  = regexp.MustCompile(`(?i)\b(prabowo|sandiaga|sandi|jokowi|ma'?ruf amin|tkn|bpn)\b`)
	electionRE       = regexp.MustCompile(`(?i)(pemilu|pilpres|pileg|pilkada|pilgub|pilbup|pilwalkot|kampanye|capres|cawapres|caleg|paslon|pasangan calon|timses|tim sukses|tim pemenangan|nomor urut|no urut|netral|bawaslu|panwas|coblos|deklarasi|relawan)`)
)

// testSites are the news sites whose articles form the test split: a news
// site never seen while tuning is the closest stand-in for next week's news.
var testSites = map[string]bool{"tempo.co": true, "tribunnews.com": true, "posmetro-medan.com": true, "kapanlagi.com": true}

func runSample(args []string) error {
	fs := flag.NewFlagSet("sample", flag.ContinueOnError)
	data := fs.String("data", "../shared/data", "the shared data directory (bench/, eval/holdout.txt)")
	out := fs.String("out", "testdata/eval/corpus.jsonl", "where to write the sampled corpus")
	seed := fs.Uint64("seed", 20261204, "random seed")
	if err := fs.Parse(args); err != nil {
		return err
	}
	hold, err := readHoldout(filepath.Join(*data, "eval", "holdout.txt"))
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(*seed, *seed^0x9e3779b97f4a7c15))
	posts, err := readLicensed(filepath.Join(*data, "bench", "posts.jsonl"), hold, "MIT", "Apache-2.0")
	if err != nil {
		return err
	}
	news, err := readLicensed(filepath.Join(*data, "bench", "news.jsonl"), hold, "CC BY 4.0")
	if err != nil {
		return err
	}
	var picked []record
	picked = append(picked, stratify(rng, posts, "post", []quota{{"role+election", 300}, {"role", 150}, {"election", 150}, {"random", 100}})...)
	picked = append(picked, stratify(rng, news, "news", []quota{{"role+election", 170}, {"election", 40}, {"random", 40}})...)
	// The first draw held only 20 cases in 950 texts; the supplement takes
	// every remaining text with an unambiguous ASN word and an election
	// word (no randomness, so the draw above is unchanged).
	picked = append(picked, supplement(picked, posts, "post", "asn-strong", strongPair)...)
	picked = append(picked, supplement(picked, news, "news", "asn-strong", strongPair)...)
	// The second supplement (session 11) takes every remaining post with any
	// role word and a candidate's name, a ballot number or a word of voting
	// or support: the election words above leave out the posts that name
	// only who is backed, where a kind of ASN can still be accused.
	picked = append(picked, supplement(picked, posts, "post", "role+candidate", rolePair)...)
	// The third (session 12) takes the remaining news: every one with a role
	// word and an election word that the first draw's quota left, and every
	// one with an unambiguous ASN word and a 2019 candidate's name.
	picked = append(picked, supplement(picked, news, "news", "role+election", newsPair)...)
	for i := range picked {
		assignSplit(&picked[i])
	}
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		return err
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range picked {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "evalset: %d posts and news sampled into %s\n", len(picked), *out)
	return f.Close()
}

type quota struct {
	stratum string
	n       int
}

// stratify draws each quota from the records of its stratum that were not
// drawn yet; near-identical texts (retweets) are drawn once.
func stratify(rng *rand.Rand, recs []record, kind string, quotas []quota) []record {
	seen := map[string]bool{}
	used := map[string]bool{}
	var out []record
	short := 0
	for qi, q := range quotas {
		if qi == len(quotas)-1 {
			q.n += short // a stratum that ran dry hands its share to the random one
		}
		var pool []int
		for i, r := range recs {
			if used[r.ID] || !inStratum(r, q.stratum) {
				continue
			}
			pool = append(pool, i)
		}
		rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
		got := 0
		for _, i := range pool {
			if got == q.n {
				break
			}
			r := recs[i]
			key := dedupKey(r.Title + " " + r.Text)
			if seen[key] {
				continue
			}
			seen[key], used[r.ID] = true, true
			r.Kind, r.Stratum = kind, q.stratum
			out = append(out, r)
			got++
		}
		short += q.n - got
	}
	return out
}

// strongPair is true of a text with an unambiguous ASN word and an
// election word.
func strongPair(t string) bool { return strongRoleRE.MatchString(t) && strongElectionRE.MatchString(t) }

// rolePair is true of a text with any role word and a candidate or voting
// word.
func rolePair(t string) bool { return roleRE.MatchString(t) && candidateRE.MatchString(t) }

// newsPair is true of a news text with any role word and an election word,
// or an unambiguous ASN word and the name of a 2019 candidate or campaign.
func newsPair(t string) bool {
	return roleRE.MatchString(t) && electionRE.MatchString(t) ||
		strongRoleRE.MatchString(t) && newsCandidateRE.MatchString(t)
}

// supplement takes, in corpus order, every record of recs not drawn yet
// (nor a copy of one drawn) whose text the pair predicate accepts.
func supplement(have []record, recs []record, kind, stratum string, pair func(string) bool) []record {
	seen := map[string]bool{}
	for _, r := range have {
		seen[r.ID] = true
		seen[dedupKey(r.Title+" "+r.Text)] = true
	}
	var out []record
	for _, r := range recs {
		t := r.Title + " " + r.Text
		key := dedupKey(t)
		if seen[r.ID] || seen[key] || !pair(t) {
			continue
		}
		seen[key] = true
		r.Kind, r.Stratum = kind, stratum
		out = append(out, r)
	}
	return out
}

func inStratum(r record, stratum string) bool {
	t := r.Title + " " + r.Text
	role, election := roleRE.MatchString(t), electionRE.MatchString(t)
	switch stratum {
	case "role+election":
		return role && election
	case "role":
		return role && !election
	case "election":
		return election && !role
	}
	return true
}

var nonWord = regexp.MustCompile(`(?i)(@\w+|https?://\S+|\[url\]|rt\b|[^a-z0-9]+)`)

func dedupKey(s string) string {
	s = nonWord.ReplaceAllString(strings.ToLower(s), " ")
	f := strings.Fields(s)
	if len(f) > 30 {
		f = f[:30]
	}
	return strings.Join(f, " ")
}

// assignSplit puts a record in tune or test by its group: news by site,
// tweets by source and day (one incident's posts cluster in a few days),
// IndoNLU by its own file (train → tune, valid/test → test).
func assignSplit(r *record) {
	switch {
	case r.Kind == "news":
		site := r.Source[strings.LastIndexByte(r.Source, '/')+1:]
		r.Group = "news:" + strings.ToLower(site)
		if testSites[strings.ToLower(site)] {
			r.Split = "test"
		} else {
			r.Split = "tune"
		}
	case strings.HasPrefix(r.ID, "indonlu:"):
		parts := strings.Split(r.ID, ":")
		r.Group = "indonlu:" + parts[1]
		r.Split = "test"
		if parts[1] == "emot_train" {
			r.Split = "tune"
		}
	default:
		day := r.CreatedAt
		if len(day) >= 10 {
			day = day[4:10] + day[len(day)-5:]
		}
		r.Group = r.Source + ":" + day
		h := fnv.New32a()
		h.Write([]byte(r.Group))
		r.Split = "tune"
		if h.Sum32()%5 < 2 {
			r.Split = "test"
		}
	}
}

func readHoldout(path string) (map[string]bool, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read holdout list: %w", err)
	}
	hold := map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		kind, val, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok || strings.HasPrefix(kind, "#") {
			continue
		}
		hold[kind+" "+strings.TrimSpace(val)] = true
	}
	return hold, nil
}

// readLicensed keeps the records whose licence allows copying and that the
// holdout list does not reserve (by post id, page URL or whole repository).
func readLicensed(path string, hold map[string]bool, licences ...string) ([]record, error) {
	var out []record
	err := readJSONL(path, func(r record, _ int) error {
		if !slices.Contains(licences, r.Licence) || hold["post "+r.ID] || (r.URL != "" && hold["url "+r.URL]) || strings.TrimSpace(r.Text) == "" {
			return nil
		}
		out = append(out, r)
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, err
}
