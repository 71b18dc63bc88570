package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/netra-id/netra/story"
)

func TestPairSplitIsSymmetric(t *testing.T) {
	n := 0
	for i := range 200 {
		p := pair{A: "a" + strings.Repeat("x", i), B: "b"}
		q := pair{A: p.B, B: p.A}
		if p.tune() != q.tune() {
			t.Fatalf("pair %v and its reverse fall in different halves", p)
		}
		if p.tune() {
			n++
		}
	}
	if n < 60 || n > 140 {
		t.Errorf("%d of 200 pairs in the tuning half", n)
	}
}

func TestCounts(t *testing.T) {
	var c counts
	for _, x := range [][2]bool{{true, true}, {true, false}, {false, true}, {false, false}, {true, true}} {
		c.add(x[0], x[1])
	}
	p, r, f := c.prf()
	if c != (counts{2, 1, 1, 1}) || p != 2.0/3 || r != 2.0/3 || f != 2.0/3 {
		t.Errorf("counts %+v: P %v R %v F1 %v", c, p, r, f)
	}
	if p, r, f := (counts{}).prf(); p != 0 || r != 0 || f != 0 {
		t.Error("empty counts must give zeros")
	}
}

func TestBestThreshold(t *testing.T) {
	g := story.New()
	base := "bawaslu memanggil kepala sekolah yang diduga mengarahkan guru honorer mendukung calon anggota dprd"
	sigs := map[string]story.Sig{
		"a": g.Signature("", base),
		"b": g.Signature("", "RT @x: "+base),
		"c": g.Signature("", "harga cabai di pasar induk naik lagi menjelang akhir pekan"),
	}
	var ps []pair
	// Enough copies of the two labelled pairs that both land in the tuning half.
	for i := 0; len(ps) < 40; i++ {
		suffix := strings.Repeat("_", i)
		for _, p := range []pair{{A: "a" + suffix, B: "b", Same: true}, {A: "a" + suffix, B: "c"}} {
			if p.tune() {
				ps = append(ps, p)
				sigs[p.A] = sigs["a"]
			}
		}
	}
	th, c := bestThreshold(ps, sigs)
	if _, _, f := c.prf(); f != 1 || th <= 0 || th > 1 {
		t.Errorf("threshold %v with %v", th, c)
	}
}

func TestReadersAndHoldout(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("posts.jsonl", `{"id":"p1","text":"satu"}`+"\n\n"+`{"id":"p2","text":"dua"}`+"\n")
	write("news.jsonl", `{"id":"n1","url":"https://x.id/a","title":"t","text":"tiga"}`+"\n"+`{"id":"n2","url":"https://x.id/b","text":"empat"}`+"\n")
	hp := write("holdout.txt", "# comment\npost p2\nurl https://x.id/b\nrepo a/b\n")
	h, err := readHoldout(hp)
	if err != nil || h.size() != 2 {
		t.Fatalf("holdout: %v, %d entries", err, h.size())
	}
	var ids []string
	if err := eachDoc(dir, h, func(d doc) error { ids = append(ids, d.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	if strings.Join(ids, ",") != "p1,n1" {
		t.Errorf("documents read: %v", ids)
	}
	pp := write("pairs.jsonl", `{"a":"p1","b":"n1","same":true}`+"\n")
	ps, err := readPairs(pp)
	if err != nil || len(ps) != 1 || !ps[0].Same {
		t.Errorf("pairs: %v %v", ps, err)
	}
	bad := write("bad.jsonl", `{"a":"p1","b":"p1"}`+"\n")
	if _, err := readPairs(bad); err == nil || !strings.Contains(err.Error(), "bad.jsonl:1") {
		t.Errorf("a pair of one id: error %v", err)
	}
}

func TestCommittedPairs(t *testing.T) {
	ps, err := readPairs("../../story/testdata/pairs.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	same, tune := 0, 0
	seen := map[[2]string]bool{}
	for _, p := range ps {
		k := [2]string{min(p.A, p.B), max(p.A, p.B)}
		if seen[k] {
			t.Errorf("pair %v twice", k)
		}
		seen[k] = true
		if p.Same {
			same++
		}
		if p.tune() {
			tune++
		}
	}
	if len(ps) < 300 || same == 0 || same == len(ps) || tune == 0 || tune == len(ps) {
		t.Errorf("%d pairs, %d same, %d in the tuning half", len(ps), same, tune)
	}
}
