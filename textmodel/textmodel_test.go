package textmodel

import (
	"bytes"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Camat hadir di TPS-05!", []string{"camat", "hadir", "di", "tps", "05"}},
		{"  #GantiPresiden  ", []string{"gantipresiden"}},
		{"ASN_Pemkot, kades…", []string{"asn_pemkot", "kades"}},
		{"Kafé", []string{"kafé"}},
		{"", nil},
		{"!!! ...", nil},
	}
	for _, tc := range tests {
		if got := Words(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("Words(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestGrams(t *testing.T) {
	got := Grams([]string{"camat", "hadir", "camat", "hadir"}, 2)
	want := map[string]int{"camat": 2, "hadir": 2, "camat hadir": 2, "hadir camat": 1}
	if len(got) != len(want) {
		t.Fatalf("Grams = %v, want %v", got, want)
	}
	for g, n := range want {
		if got[g] != n {
			t.Errorf("Grams[%q] = %d, want %d", g, got[g], n)
		}
	}
}

func TestLogitByHand(t *testing.T) {
	m := &Model{Bias: -1, MaxN: 2, Terms: map[string]Term{
		"camat":       {IDF: 2, Weight: 1},
		"camat hadir": {IDF: 3, Weight: 2},
		"hadir":       {IDF: 1, Weight: 0},
	}}
	// camat ×2: (1+ln 2)·2; hadir ×1: 1; "camat hadir" ×1: 3; "kampanye" is
	// not in the vocabulary and counts for nothing.
	a, b, c := (1+math.Log(2))*2, 1.0, 3.0
	norm := math.Sqrt(a*a + b*b + c*c)
	want := -1 + (a*1+c*2)/norm
	if got := m.Logit("Camat hadir, camat kampanye"); math.Abs(got-want) > 1e-12 {
		t.Fatalf("Logit = %v, want %v", got, want)
	}
	z, parts := m.Explain("Camat hadir, camat kampanye", 5)
	sum := m.Bias
	for _, p := range parts {
		sum += p.Contribution
	}
	if math.Abs(sum-z) > 1e-12 || math.Abs(z-want) > 1e-12 {
		t.Fatalf("contributions add up to %v, logit %v, want %v", sum, z, want)
	}
	if len(parts) != 2 || parts[0].Gram != "camat hadir" {
		t.Fatalf("Explain parts = %+v, want the pair first and no zero-weight word", parts)
	}
	if got := m.Logit("tidak ada kata yang dikenal"); got != -1 {
		t.Fatalf("Logit of unknown words = %v, want the bias", got)
	}
	var none *Model
	if got := none.Logit("camat"); got != 0 {
		t.Fatalf("nil model Logit = %v, want 0", got)
	}
}

// toy is a small labelled set in the shape of the real one: reports of a
// civil servant's act against texts that explain or warn in the same words.
var toy = []struct {
	text string
	pos  bool
}{
	{"Camat Sukamaju kedapatan hadir di kampanye calon bupati", true},
	{"Guru SD negeri diduga mengajak murid memilih calon nomor dua", true},
	{"Kepala dinas terbukti memasang baliho calon di kantor", true},
	{"Lurah Mekarsari hadir di deklarasi pasangan calon kemarin", true},
	{"Seorang PNS kedapatan membagikan kaos calon legislatif", true},
	{"ASN dilarang hadir di kampanye calon bupati", false},
	{"Bawaslu mengimbau guru tidak mengajak murid memilih calon", false},
	{"Kepala dinas mengingatkan pegawai agar tidak memasang baliho calon", false},
	{"Sosialisasi netralitas: lurah dan camat wajib netral saat deklarasi", false},
	{"PNS yang membagikan kaos calon dapat dikenai sanksi", false},
}

func fitToy(t *testing.T) *Model {
	t.Helper()
	var texts []string
	var pos []bool
	for _, e := range toy {
		texts = append(texts, e.text)
		pos = append(pos, e.pos)
	}
	m, err := Fit(texts, pos, FitOptions{MinDF: 1, C: 10, Iterations: 500})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestFitSeparatesAndIsDeterministic(t *testing.T) {
	m := fitToy(t)
	for _, e := range toy {
		if z := m.Logit(e.text); (z > 0) != e.pos {
			t.Errorf("fitted model gives %q logit %.3f, want the sign of %v", e.text, z, e.pos)
		}
	}
	// Unseen texts: a report and a warning sharing the words.
	report := m.Logit("Sekcam kedapatan hadir di kampanye calon gubernur")
	warning := m.Logit("Sekcam dilarang hadir di kampanye calon gubernur")
	if report <= warning {
		t.Errorf("report %.3f should score above warning %.3f", report, warning)
	}
	var a, b bytes.Buffer
	if err := m.Write(&a); err != nil {
		t.Fatal(err)
	}
	if err := fitToy(t).Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two fits of the same data wrote different models")
	}
}

func TestFitNeedsBothClasses(t *testing.T) {
	if _, err := Fit([]string{"camat hadir", "lurah hadir"}, []bool{true, true}, FitOptions{}); !errors.Is(err, ErrNoData) {
		t.Fatalf("want ErrNoData, got %v", err)
	}
}

func TestWriteRead(t *testing.T) {
	m := fitToy(t)
	var buf bytes.Buffer
	if err := m.Write(&buf, "fitted on the toy set", "second line"); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "# fitted on the toy set\n# second line\nbias\t") {
		t.Fatalf("header not written first: %q", buf.String()[:60])
	}
	back, err := Read(&buf, "toy.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Terms) != len(m.Terms) || back.MaxN != m.MaxN {
		t.Fatalf("read %d terms (max n %d), wrote %d (%d)", len(back.Terms), back.MaxN, len(m.Terms), m.MaxN)
	}
	for _, e := range toy {
		// Weights are written with 4 significant digits.
		if d := math.Abs(back.Logit(e.text) - m.Logit(e.text)); d > 1e-2 {
			t.Errorf("%q: logit moved by %.4f through the file", e.text, d)
		}
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"bias\t-1\n", "m.tsv:1: no n-grams"},
		{"camat\t1\t1\n", "m.tsv:1: no bias line"},
		{"bias\t-1\nbias\t2\n", "m.tsv:2: bias given twice"},
		{"bias\tx\n", `m.tsv:1: bias "x" is not a number`},
		{"bias\t-1\ncamat\t1\n", "m.tsv:2: want n-gram, IDF and weight separated by tabs, got 2 fields"},
		{"bias\t-1\n# c\ncamat  hadir\t1\t1\n", `m.tsv:3: n-gram "camat  hadir" is not lowercase words`},
		{"bias\t-1\ncamat\t0\t1\n", `m.tsv:2: IDF "0" of "camat" must be a number in (0, 1000]`},
		{"bias\t-1\ncamat\t1\tNaN\n", `m.tsv:2: weight "NaN" of "camat" must be a number from -1000 to 1000`},
		{"bias\t-1\ncamat\t1e300\t1\n", `m.tsv:2: IDF "1e300" of "camat" must be a number in (0, 1000]`},
		{"bias\t-1\ncamat\t1\t1\ncamat\t1\t2\n", `m.tsv:3: n-gram "camat" given twice`},
	}
	for _, tc := range tests {
		_, err := Read(strings.NewReader(tc.in), "m.tsv")
		var le *LineError
		if err == nil || !errors.As(err, &le) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Read(%q) = %v, want a line error containing %q", tc.in, err, tc.want)
		}
	}
}

func TestFitExclude(t *testing.T) {
	texts := []string{"camat Sukamaju hadir kampanye", "lurah Sukamaju hadir kampanye", "camat dilarang hadir kampanye", "lurah dilarang hadir kampanye"}
	m, err := Fit(texts, []bool{true, true, false, false}, FitOptions{MinDF: 1, Exclude: []string{"sukamaju", "dilarang hadir"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range []string{"sukamaju", "camat sukamaju", "sukamaju hadir", "dilarang hadir"} {
		if _, ok := m.Terms[g]; ok {
			t.Errorf("excluded phrase left in n-gram %q", g)
		}
	}
	for _, g := range []string{"camat", "dilarang", "hadir kampanye", "camat dilarang"} {
		if _, ok := m.Terms[g]; !ok {
			t.Errorf("n-gram %q missing: only n-grams containing an excluded phrase go", g)
		}
	}
}
