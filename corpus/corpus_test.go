package corpus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/netra-id/netra"
)

const dataDir = "../testdata/corpus"

// readAll reads inputs, collecting items and bad records.
func readAll(t *testing.T, inputs []string, opts ...Option) ([]netra.Item, []*RecordError) {
	t.Helper()
	var items []netra.Item
	var bad []*RecordError
	opts = append(opts, OnBadRecord(func(e *RecordError) error { bad = append(bad, e); return nil }))
	err := Read(context.Background(), inputs, func(it netra.Item) error {
		items = append(items, it)
		return nil
	}, opts...)
	if err != nil {
		t.Fatalf("Read(%v): %v", inputs, err)
	}
	return items, bad
}

// checkIdentity checks what every item must carry.
func checkIdentity(t *testing.T, it netra.Item) {
	t.Helper()
	if it.ID != netra.ItemID(it.URL, it.Source, it.Text) {
		t.Errorf("%s: id %s is not ItemID(url, source, text)", it.Meta[MetaPos], it.ID)
	}
	if it.Kind != Kind || it.Source == "" || strings.TrimSpace(it.Text) == "" {
		t.Errorf("%s: kind %q source %q text %q", it.Meta[MetaPos], it.Kind, it.Source, it.Text)
	}
}

func TestJSONLRealSamples(t *testing.T) {
	for _, name := range []string{"posts-sample.jsonl", "news-sample.jsonl"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dataDir, name)
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
			items, bad := readAll(t, []string{path})
			if len(bad) > 0 {
				t.Fatalf("bad records in a clean file: %v", bad)
			}
			if len(items) != len(lines) {
				t.Fatalf("%d items from %d lines", len(items), len(lines))
			}
			for i, it := range items {
				var want map[string]any
				if err := json.Unmarshal([]byte(lines[i]), &want); err != nil {
					t.Fatal(err)
				}
				checkIdentity(t, it)
				if it.Text != want["text"] || it.Meta[MetaInputID] != want["id"] || it.Source != want["source"] {
					t.Errorf("line %d: got text/id/source %q/%q/%q", i+1, it.Text, it.Meta[MetaInputID], it.Source)
				}
				if u, _ := want["url"].(string); it.URL != u {
					t.Errorf("line %d: url %q, want %q", i+1, it.URL, u)
				}
				if ti, _ := want["title"].(string); it.Title != ti {
					t.Errorf("line %d: title %q, want %q", i+1, it.Title, ti)
				}
				if ca, ok := want["created_at"].(string); ok {
					wt, _ := time.Parse(time.RubyDate, ca)
					if !it.Published.Equal(wt) {
						t.Errorf("line %d: published %v, want %v", i+1, it.Published, wt)
					}
				}
				if pos := path + ":" + strconv.Itoa(i+1); it.Meta[MetaPos] != pos {
					t.Errorf("pos %q, want %q", it.Meta[MetaPos], pos)
				}
			}
		})
	}
}

// pythonLike reads the tweet-harvest sample the way its readers did
// (Python's csv module, non-strict): a stray quote inside a quoted field
// ends the quoting. The expected texts below were taken from the raw
// export by hand.
func TestTweetHarvestCSV(t *testing.T) {
	path := filepath.Join(dataDir, "Prabowo-Gibran_01122023-sample.csv")
	items, bad := readAll(t, []string{path})
	if len(bad) > 0 {
		t.Fatalf("bad records: %v", bad)
	}
	if len(items) != 15 {
		t.Fatalf("%d items, want the 15 rows", len(items))
	}
	first := items[0]
	checkIdentity(t, first)
	if first.Meta[MetaInputID] != "1730738486834307384" || first.URL != "https://twitter.com/i/status/1730738486834307384" ||
		first.Text != "@user @user bisa bisanya dibilang paham konstitusi 😂. yg pilih Prabowo-Gibran brarti ga paham konstitusi." ||
		!first.Published.Equal(time.Date(2023, 12, 1, 23, 59, 45, 0, time.UTC)) || first.Meta[MetaPos] != path+":2" {
		t.Errorf("first row read as %+v", first)
	}
	byID := map[string]netra.Item{}
	for _, it := range items {
		checkIdentity(t, it)
		byID[it.Meta[MetaInputID]] = it
	}
	stray := byID["1730728557612286299"]
	if !strings.Contains(stray.Text, `harus "ngemong" mereka berdua.`) || !strings.HasSuffix(stray.Text, "Hebatnya negeriku.") ||
		stray.URL != "https://twitter.com/i/status/1730728557612286299" || stray.Meta[MetaPos] != path+":14" {
		t.Errorf("row with undoubled quotes read as %q (url %q, pos %s)", stray.Text, stray.URL, stray.Meta[MetaPos])
	}
	end := byID["1730668400509325396"]
	if !strings.HasSuffix(end.Text, `respon baliknya "tdk perlu ditanggapi"`) || end.Meta[MetaPos] != path+":15" {
		t.Errorf("row ending in a stray quote read as %q at %s", end.Text, end.Meta[MetaPos])
	}
}

func TestCommaCSVWithBOM(t *testing.T) {
	path := filepath.Join(dataDir, "positif_1_14_des-sample.csv")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	items, bad := readAll(t, []string{path})
	if len(bad) > 0 || len(items) != len(rows)-1 {
		t.Fatalf("%d items, %v bad, from %d rows", len(items), bad, len(rows)-1)
	}
	for i, it := range items {
		checkIdentity(t, it)
		if it.Text != strings.TrimSpace(rows[i+1][3]) || it.Meta[MetaInputID] != rows[i+1][4] || it.URL != rows[i+1][12] {
			t.Errorf("row %d read as %+v", i+1, it)
		}
	}
}

func TestYouTubeShapeCSV(t *testing.T) {
	path := filepath.Join(dataDir, "youtube-shape.csv")
	items, bad := readAll(t, []string{path})
	if len(bad) > 0 || len(items) != 5 {
		t.Fatalf("%d items, bad %v", len(items), bad)
	}
	if got := items[2].Text; got != `Pak camat kemarin ajak warga pilih nomor 1, katanya "demi desa". Itu kan ASN?` {
		t.Errorf("doubled quotes: %q", got)
	}
	if items[3].Text != "komentar\ndua baris" || items[3].Meta[MetaPos] != path+":5" || items[4].Meta[MetaPos] != path+":7" {
		t.Errorf("multi-line field: %q at %s, next at %s", items[3].Text, items[3].Meta[MetaPos], items[4].Meta[MetaPos])
	}
	if !items[0].Published.Equal(time.Date(2024, 1, 7, 15, 2, 11, 0, time.UTC)) {
		t.Errorf("published_at read as %v", items[0].Published)
	}
}

func TestFalseNewsShapeTSV(t *testing.T) {
	path := filepath.Join(dataDir, "falsenews-shape.tsv")
	items, bad := readAll(t, []string{path})
	if len(bad) > 0 || len(items) != 3 {
		t.Fatalf("%d items, bad %v", len(items), bad)
	}
	if items[1].Text != `"Bupati bilang PNS wajib pilih petahana, benarkah? cek faktanya` {
		t.Errorf("a leading quote is text in TSV, got %q", items[1].Text)
	}
	if !items[0].Published.Equal(time.Date(2019, 3, 2, 8, 15, 0, 0, time.UTC)) || items[2].Meta[MetaPos] != path+":4" {
		t.Errorf("date %v pos %s", items[0].Published, items[2].Meta[MetaPos])
	}
	// The real file is named .txt: --format tsv reads it the same way.
	dir := t.TempDir()
	txt := filepath.Join(dir, "indonesian_falsenews_testdata.txt")
	copyFile(t, path, txt)
	again, _ := readAll(t, []string{txt}, WithFormat(FormatTSV))
	if len(again) != 3 || again[1].Text != items[1].Text {
		t.Errorf("with --format tsv: %d items", len(again))
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestTextDirectoryRecursiveWithGzip(t *testing.T) {
	var notices []string
	items, bad := readAll(t, []string{filepath.Join(dataDir, "texts")}, OnNotice(func(s string) { notices = append(notices, s) }))
	if len(bad) > 0 {
		t.Fatal(bad)
	}
	var got []string
	for _, it := range items {
		checkIdentity(t, it)
		got = append(got, filepath.ToSlash(it.Meta[MetaPos])+" "+it.Source)
	}
	want := []string{
		"../testdata/corpus/texts/berita-1.txt:1 berita-1.txt",
		"../testdata/corpus/texts/daerah/berita-2.txt:1 berita-2.txt",
		"../testdata/corpus/texts/daerah/berita-3.txt.gz:1 berita-3.txt",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("items:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(items[0].Text, "Bawaslu setempat") || !strings.HasPrefix(items[2].Text, "Camat Sukamaju membantah") {
		t.Errorf("texts: %q / %q", items[0].Text, items[2].Text)
	}
	if len(notices) != 1 || !strings.Contains(notices[0], "README.md") {
		t.Errorf("notices %q, want one about README.md", notices)
	}
}

func TestTextPerLine(t *testing.T) {
	path := filepath.Join(dataDir, "per-line.txt")
	items, bad := readAll(t, []string{path}, WithPerLine(true))
	if len(bad) > 0 || len(items) != 3 {
		t.Fatalf("%d items, bad %v", len(items), bad)
	}
	if items[1].Meta[MetaPos] != path+":3" || items[2].Text != "Kepala sekolah negeri ajak orang tua murid pilih caleg partai tertentu" {
		t.Errorf("per-line items: %+v", items)
	}
}

func TestStdinAndGzipStream(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(dataDir, "posts-sample.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(raw)
	zw.Close()
	want, _ := readAll(t, []string{filepath.Join(dataDir, "posts-sample.jsonl")})
	for name, in := range map[string][]byte{"plain": raw, "gzip": gz.Bytes()} {
		items, bad := readAll(t, []string{"-"}, WithStdin(bytes.NewReader(in)))
		if len(bad) > 0 || len(items) != len(want) {
			t.Fatalf("%s: %d items, bad %v", name, len(items), bad)
		}
		for i := range items {
			// Same ids as from the file: the source comes from the records.
			if items[i].ID != want[i].ID || items[i].Meta[MetaPos] != "stdin:"+strconv.Itoa(i+1) {
				t.Errorf("%s item %d: id %s pos %s", name, i, items[i].ID, items[i].Meta[MetaPos])
			}
		}
	}
}

func TestBadRecordsAreReportedAndSkipped(t *testing.T) {
	dir := t.TempDir()
	jsonl := filepath.Join(dir, "posts.jsonl")
	long := `{"text":"` + strings.Repeat("a", 300) + `"}`
	os.WriteFile(jsonl, []byte(strings.Join([]string{
		`{"id":1,"text":"ASN itu mendukung paslon"}`,
		`{"id":2,"text":"kurang kurung"`,
		"{\"id\":3,\"text\":\"bad \xff byte\"}",
		`{"id":4,"title":"tanpa teks"}`,
		long,
		`["not","an","object"]`,
		`{"id":7,"text":"baris terakhir yang baik"}`,
	}, "\n")), 0o644)
	csvPath := filepath.Join(dir, "rows.csv")
	os.WriteFile(csvPath, []byte("text;id\nsatu;1\ndua;2;extra\n\"tiga\";3\n"), 0o644)

	items, bad := readAll(t, []string{jsonl, csvPath}, WithMaxRecord(200))
	var ids []string
	for _, it := range items {
		ids = append(ids, it.Meta[MetaInputID])
	}
	if strings.Join(ids, ",") != "1,7,1,3" {
		t.Errorf("kept ids %v, want 1,7 from the JSONL and 1,3 from the CSV", ids)
	}
	want := []struct {
		pos, reason string
	}{
		{jsonl + ":2", "malformed JSON"},
		{jsonl + ":3", "invalid UTF-8 at byte 20"},
		{jsonl + ":4", "no text"},
		{jsonl + ":5", "line longer than 200 bytes"},
		{jsonl + ":6", "not a JSON object"},
		{csvPath + ":3", "row has 3 fields, the header has 2"},
	}
	if len(bad) != len(want) {
		t.Fatalf("bad records %v, want %d", bad, len(want))
	}
	for i, w := range want {
		if bad[i].Pos.String() != w.pos || !strings.Contains(bad[i].Reason, w.reason) {
			t.Errorf("bad record %d: %v, want %s: ...%s...", i, bad[i], w.pos, w.reason)
		}
	}

	// Strict: the default handler stops at the first bad record, after the
	// good one before it.
	var got []netra.Item
	err := Read(context.Background(), []string{jsonl}, func(it netra.Item) error { got = append(got, it); return nil })
	var re *RecordError
	if !errors.As(err, &re) || re.Pos.Line != 2 || len(got) != 1 {
		t.Errorf("strict read: err %v, %d items before it", err, len(got))
	}
}

func TestRunawayQuoteIsBounded(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "runaway.csv")
	var b strings.Builder
	b.WriteString("text,id\nbaik,1\n\"tanpa penutup,2\n")
	for i := range 200 {
		b.WriteString("baris " + strconv.Itoa(i) + ",x\n")
	}
	os.WriteFile(path, []byte(b.String()), 0o644)
	items, bad := readAll(t, []string{path}, WithMaxRecord(512))
	if len(items) != 1 || len(bad) != 1 || bad[0].Pos.Line != 3 || !strings.Contains(bad[0].Reason, "rest of the file skipped") {
		t.Errorf("items %d, bad %v", len(items), bad)
	}
}

func TestUnreadableInputNamesTheFile(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "hilang.jsonl")
	err := Read(context.Background(), []string{missing}, func(netra.Item) error { return nil })
	if err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("error %v does not name %s", err, missing)
	}
	unknown := filepath.Join(t.TempDir(), "data.xlsx")
	os.WriteFile(unknown, []byte("x"), 0o644)
	err = Read(context.Background(), []string{unknown}, func(netra.Item) error { return nil })
	var h *netra.Hint
	if err == nil || !strings.Contains(err.Error(), unknown) || !errors.As(err, &h) {
		t.Errorf("error %v: want one naming the file, with a hint", err)
	}
	gz := filepath.Join(t.TempDir(), "broken.jsonl.gz")
	os.WriteFile(gz, []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 1, 2, 3}, 0o644)
	err = Read(context.Background(), []string{gz}, func(netra.Item) error { return nil })
	if err == nil || !strings.Contains(err.Error(), gz) {
		t.Errorf("corrupt gzip: error %v does not name the file", err)
	}
}

func TestFieldMappingDottedPaths(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "api.jsonl")
	os.WriteFile(path, []byte(`{"data":{"id":"x1","body":{"teks":"Kades mengajak warga memilih"},"meta":[1,{"a":null}]},"Link":"https://contoh.id/a","waktu":"2024-02-01"}`+"\n"), 0o644)
	items, bad := readAll(t, []string{path}, WithFields(Fields{Text: "data.body.teks", ID: "data.id", Time: "waktu"}), WithSource("api"))
	if len(bad) > 0 || len(items) != 1 {
		t.Fatalf("items %v bad %v", items, bad)
	}
	it := items[0]
	if it.Text != "Kades mengajak warga memilih" || it.Meta[MetaInputID] != "x1" || it.URL != "https://contoh.id/a" ||
		it.Source != "api" || !it.Published.Equal(time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("read %+v", it)
	}
	if err := Read(context.Background(), nil, nil, WithFields(Fields{Text: "a..b"})); err == nil {
		t.Error("an empty path segment was accepted")
	}
}

func TestIDsAreStableAcrossRuns(t *testing.T) {
	in := []string{dataDir}
	a, _ := readAll(t, in, WithPerLine(true))
	b, _ := readAll(t, in, WithPerLine(true))
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("%d vs %d items", len(a), len(b))
	}
	for i := range a {
		if a[i].ID != b[i].ID || a[i].Meta[MetaPos] != b[i].Meta[MetaPos] {
			t.Fatalf("item %d differs between runs", i)
		}
	}
}

func TestDetectDelimiter(t *testing.T) {
	for header, want := range map[string]byte{
		"created_at;id_str;full_text":   ';',
		"comment_text,like_count":       ',',
		"index\ttopic\ttweets":          '\t',
		`"a;b",c,d`:                     ',',
		"text|id|url":                   '|',
		"text":                          ',',
		"judul_berita,portal;url,tgl,x": ',',
	} {
		if got := detectDelimiter([]byte(header)); got != want {
			t.Errorf("%q: got %q, want %q", header, got, want)
		}
	}
}

func TestLineReaderLongLines(t *testing.T) {
	long := strings.Repeat("x", 3<<20)
	src := "a\n" + long + "\nb\r\n" + long[:100] + "\nlast"
	lr := newLineReader(bufio.NewReaderSize(strings.NewReader(src), 4096), 1<<20)
	var got []string
	for {
		line, err := lr.next()
		if err != nil && !errors.Is(err, errTooLong) {
			break
		}
		if errors.Is(err, errTooLong) {
			got = append(got, "TOO LONG@"+strconv.Itoa(lr.line))
			continue
		}
		got = append(got, string(line[:min(len(line), 5)])+"@"+strconv.Itoa(lr.line))
	}
	if want := "a@1,TOO LONG@2,b@3,xxxxx@4,last@5"; strings.Join(got, ",") != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

func TestUTF16FileIsNamedAsSuch(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ekspor.csv")
	// "text\n" in UTF-16LE with a byte-order mark, as spreadsheets save it.
	os.WriteFile(path, []byte{0xff, 0xfe, 't', 0, 'e', 0, 'x', 0, 't', 0, '\n', 0}, 0o644)
	items, bad := readAll(t, []string{path})
	if len(items) != 0 || len(bad) != 1 || !strings.Contains(bad[0].Reason, "UTF-16") || bad[0].Pos.Line != 1 {
		t.Errorf("items %v, bad %v", items, bad)
	}
}

func TestStdinThatIsNotJSONLinesNeedsAFormat(t *testing.T) {
	err := Read(context.Background(), []string{"-"}, func(netra.Item) error { return nil },
		WithStdin(strings.NewReader("text;id\nhalo;1\n")))
	var h *netra.Hint
	if err == nil || !errors.As(err, &h) || !strings.Contains(h.Hint, "--format") {
		t.Fatalf("error %v, want one with a --format hint", err)
	}
	items, bad := readAll(t, []string{"-"}, WithStdin(strings.NewReader("text;id\nhalo;1\n")), WithFormat(FormatCSV))
	if len(items) != 1 || len(bad) != 0 || items[0].Text != "halo" {
		t.Errorf("with --format csv: %v %v", items, bad)
	}
}

// TotalSize counts what Read will read: known formats only, hidden entries
// skipped, and -1 once standard input is among the inputs.
func TestTotalSizeCountsWhatReadReads(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "Camat hadir di acara kampanye.")                     // 30 bytes
	write("sub/b.jsonl", `{"text":"Lurah memasang baliho calon."}`+"\n") // 40 bytes
	write("notes.md", "tidak dibaca")
	write(".hidden/c.txt", "tidak dibaca")
	write("sub/.d.txt", "tidak dibaca")
	if got := TotalSize([]string{dir}, FormatAuto); got != 70 {
		t.Errorf("TotalSize(dir) = %d, want 70", got)
	}
	if got := TotalSize([]string{dir, filepath.Join(dir, "missing.txt")}, FormatAuto); got != 70 {
		t.Errorf("TotalSize with a missing input = %d, want 70 (Read reports it)", got)
	}
	if got := TotalSize([]string{dir, "-"}, FormatAuto); got != -1 {
		t.Errorf("TotalSize with stdin = %d, want -1", got)
	}
}
