package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/netra-id/netra/index"
)

// copyPost is a hand-written post the classifier flags; its copies below
// are what a re-post, a retweet and a quote look like.
const copyPost = "Camat Sukamaju terlihat hadir dalam deklarasi dukungan untuk pasangan calon bupati nomor urut 2 di lapangan desa pada Minggu pagi, sambil mengajak warga mendukung paslon tersebut."

func writeJSONL(t *testing.T, path string, rows ...map[string]string) {
	t.Helper()
	var b strings.Builder
	for _, r := range rows {
		l, _ := json.Marshal(r)
		b.Write(l)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Stories are given at store time and kept across runs: copies stored by a
// later `netra score --index` join the story of the earlier run's copies;
// `netra search --stories` shows one row for them.
func TestScoreIndexStoriesAcrossRuns(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	first, second := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	writeJSONL(t, first,
		map[string]string{"id": "c1", "source": "tweets", "text": copyPost},
		map[string]string{"id": "c2", "source": "tweets", "text": "RT @warga: " + copyPost},
		map[string]string{"id": "x1", "source": "tweets", "text": "Sekretaris daerah Kabupaten Jember terekam mengajak pegawai mendukung calon bupati nomor urut 1 dalam apel pagi di halaman kantor bupati."},
	)
	writeJSONL(t, second, map[string]string{"id": "c3", "source": "facebook", "text": "Parah, harus dilaporkan! " + copyPost})
	for _, in := range []string{first, second} {
		if _, err := runCLI(t, "--data", data, "score", "--index", "--progress", "never", "-o", filepath.Join(dir, "out.jsonl"), in); err != nil {
			t.Fatalf("score --index %s: %v", in, err)
		}
	}
	all := searchJSON(t, data, "--flagged", "--limit", "100")
	stories := map[string][]string{}
	for _, m := range all.Matches {
		if m.Record.Item.Meta[index.MetaStorySig] == "" {
			t.Errorf("%s stored without a story signature", m.Record.Item.ID)
		}
		s := index.RecordStory(m.Record)
		stories[s] = append(stories[s], m.Record.Item.Source)
	}
	if all.Total != 4 || len(stories) != 2 {
		t.Fatalf("%d flagged records in stories %v, want 4 in 2 (three copies across two runs, one other)", all.Total, stories)
	}
	res := searchJSON(t, data, "--flagged", "--stories")
	var sizes []int
	for _, m := range res.Matches {
		sizes = append(sizes, m.Story.Size)
	}
	slices.Sort(sizes)
	if !slices.Equal(sizes, []int{1, 3}) {
		t.Errorf("--stories sizes %v, want [1 3]", sizes)
	}
	out, err := runCLI(t, "--data", data, "search", "--flagged", "--stories", "--color", "never")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "story of 3 (") || !strings.Contains(out, "facebook") {
		t.Errorf("search --stories output lacks the story line:\n%s", out)
	}
}

// --place takes codes and names; a province includes its regencies.
func TestSearchPlace(t *testing.T) {
	data, _ := scoredIndex(t)
	byText := fixtureIDs(t)
	for _, arg := range []string{"33", "Jawa Tengah", "jateng", "33.08", "kabupaten magelang"} {
		res := searchJSON(t, data, "--place", arg)
		if got := inputIDs(t, res, byText); !slices.Equal(got, []string{"s1"}) {
			t.Errorf("--place %q = %v, want [s1] (Kabupaten Magelang)", arg, got)
		}
	}
	if got := searchJSON(t, data, "--place", "35"); got.Total != 0 {
		t.Errorf("--place 35 found %d records", got.Total)
	}
	if _, err := runCLI(t, "--data", data, "search", "--place", "Atlantis"); err == nil || !strings.Contains(err.Error(), "--place") {
		t.Errorf("--place Atlantis: %v", err)
	}
}
