package story

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
)

func TestNormalise(t *testing.T) {
	tests := []struct{ in, want string }{
		{"RT @budi_s: Camat Ikut Kampanye!!", "camat ikut kampanye"},
		{"Ketua RT 05 hadir", "ketua rt 05 hadir"},
		{"lihat https://t.co/AbC12 dan www.contoh.id/x ya", "lihat dan ya"},
		{"Salam  dua\tjari ✌️✌️ #PemiluDamai", "salam dua jari pemiludamai"},
		{"Gaji &amp; tunjangan ASN", "gaji tunjangan asn"},
		{"USER USER kok gitu URL", "kok gitu"},
		{"pic.twitter.com/xyz Foto bupati", "foto bupati"},
		{"", ""},
		{"   ", ""},
		{"Kepala Dinas (Kadis) P&K: \"Saya netral\".", "kepala dinas kadis p k saya netral"},
		{"ÇAMAT Élan", "çamat élan"},
		{`mantap \xf0\x9f\x98\x82'\n\nsetuju \xzz`, "mantap setuju xzz"},
	}
	for _, tt := range tests {
		if got := Normalise(tt.in); got != tt.want {
			t.Errorf("Normalise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Hand-written texts (not from any corpus) for the grouping tests.
const (
	tweet = "Camat Sukamaju terlihat hadir dalam deklarasi dukungan untuk pasangan calon bupati nomor urut 2 di lapangan desa pada Minggu pagi, sambil mengajak warga memilih paslon tersebut."

	article = "Badan Pengawas Pemilu Kabupaten Cianjur memanggil seorang kepala sekolah dasar negeri yang diduga mengarahkan guru honorer untuk mendukung salah satu calon anggota DPRD. " +
		"Ketua Bawaslu setempat mengatakan pemanggilan dilakukan setelah lembaganya menerima laporan warga disertai rekaman suara rapat guru. " +
		"Dalam rekaman itu kepala sekolah meminta para guru memasang stiker calon di rumah masing-masing dan melaporkan jumlah keluarga yang akan memilih. " +
		"Bawaslu akan meneruskan hasil klarifikasi kepada Badan Kepegawaian Negara bila ditemukan pelanggaran netralitas aparatur sipil negara."

	footer = " Baca juga berita terkait lainnya di kanal politik kami dan ikuti kami di media sosial untuk kabar terbaru pemilu."
)

func TestGroupTable(t *testing.T) {
	syndicated := strings.NewReplacer(
		"Badan Pengawas Pemilu", "CIANJUR, KOMPAS - Badan Pengawas Pemilu",
		"seorang kepala sekolah", "kepala sekolah",
		"mengatakan", "menuturkan",
		"masing-masing", "mereka",
	).Replace(article)
	tests := []struct {
		name   string
		a, b   string
		titleA string
		titleB string
		same   bool
	}{
		{name: "retweet", a: tweet, b: "RT @warga_sukamaju: " + tweet, same: true},
		{name: "retweet with added text", a: tweet, b: "Ini jelas melanggar netralitas ASN, mohon Bawaslu bertindak! RT @warga_sukamaju: " + tweet, same: true},
		{name: "quote post", a: tweet, b: "Tolong diusut pak. " + tweet + " https://t.co/Qx81ab", same: true},
		{name: "re-post with another URL", a: tweet + " https://contoh.id/a/1", b: tweet + " https://lain.co.id/b/2?utm_source=wa", same: true},
		{name: "syndicated article with small edits", a: article, b: syndicated, titleA: "Kepala SD Diduga Arahkan Guru Dukung Caleg", titleB: "Bawaslu Panggil Kepala SD yang Diduga Arahkan Guru", same: true},
		{name: "same footer, different stories",
			a:    "Pemerintah kota Medan menetapkan jadwal kampanye terbuka di tujuh lapangan mulai pekan depan dan meminta tim pemenangan melapor kepada polisi sebelum memasang panggung. Wali kota juga melarang arak-arakan kendaraan melewati jalan protokol pada jam sibuk. Dinas perhubungan menyiapkan rekayasa lalu lintas dan kantong parkir di sekitar setiap lapangan yang dipakai. Pedagang kaki lima diminta tidak berjualan di badan jalan selama kampanye berlangsung, sementara petugas kebersihan ditambah untuk mengangkut sampah setelah acara selesai." + footer,
			b:    "Seorang lurah di Garut kedapatan memasang baliho calon legislatif di halaman kantor kelurahan, lalu mencopotnya setelah ditegur panitia pengawas kecamatan setempat. Panwascam mencatat kejadian itu dan meneruskannya ke Bawaslu kabupaten untuk dikaji. Camat berjanji mengumpulkan para lurah agar tidak ada lagi atribut kampanye di kantor pemerintahan. Warga yang melapor mengaku sempat ragu karena takut urusan surat-menyurat di kelurahan dipersulit setelah laporan itu tersebar di grup percakapan warga." + footer,
			same: false},
		{name: "same hashtags, different stories",
			a:    "Bupati meresmikan jembatan gantung baru di desa terpencil yang selama ini hanya bisa dicapai dengan perahu kecil. #PemiluDamai #ASNNetral",
			b:    "Ratusan guru honorer berunjuk rasa di depan kantor DPRD menuntut kejelasan status pengangkatan sebagai PPPK tahun ini. #PemiluDamai #ASNNetral",
			same: false},
		{name: "same topic, written apart",
			a:    "Camat Sukamaju membantah menghadiri deklarasi dukungan pasangan calon bupati dan menyebut foto yang beredar diambil saat acara adat.",
			b:    tweet,
			same: false},
		{name: "empty texts", a: "", b: "", same: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := New()
			sa, sb := g.Signature(tt.titleA, tt.a), g.Signature(tt.titleB, tt.b)
			t.Logf("similarity %.3f", Similar(sa, sb))
			ida := g.Add("a", sa)
			idb := g.Add("b", sb)
			if got := ida == idb; got != tt.same {
				t.Errorf("grouped together = %v, want %v (similarity %.3f, threshold %.3f)", got, tt.same, Similar(sa, sb), g.Threshold())
			}
			if ida != "a" {
				t.Errorf("first item's story = %q, want its own id", ida)
			}
		})
	}
}

func TestSimilar(t *testing.T) {
	g := New()
	s := g.Signature("", tweet)
	if got := Similar(s, s); got != 1 {
		t.Errorf("Similar(s, s) = %v, want 1", got)
	}
	e := g.Signature("", "  @someone https://t.co/x ")
	if !e.Empty() || Similar(e, e) != 0 || Similar(e, s) != 0 {
		t.Errorf("empty signature: Empty %v, Similar(e,e) %v, Similar(e,s) %v", e.Empty(), Similar(e, e), Similar(e, s))
	}
	if (Sig{}).Empty() != true || Similar(Sig{}, s) != 0 {
		t.Error("the zero Sig must count as empty")
	}
	if g.Signature("Judul", "isi berita") == g.Signature("", "isi berita") {
		t.Error("the title must change the signature")
	}
	short := g.Signature("", "pilih dua")
	if short.Empty() || Similar(short, g.Signature("", "PILIH dua!!")) != 1 {
		t.Error("a text shorter than a shingle must still get a signature")
	}
}

func TestSigEncoding(t *testing.T) {
	s := New().Signature("", tweet)
	b, err := json.Marshal(map[string]Sig{"sig": s})
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]Sig
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back["sig"] != s {
		t.Error("JSON round trip changed the signature")
	}
	var x Sig
	if err := x.UnmarshalBinary([]byte{1, 2, 3}); err == nil {
		t.Error("short binary signature accepted")
	}
	if err := x.UnmarshalText([]byte("!!")); err == nil {
		t.Error("bad text signature accepted")
	}
}

func TestSplit(t *testing.T) {
	g := New()
	s := g.Signature("", tweet)
	for _, id := range []string{"a", "b", "c"} {
		if got := g.Add(id, s); got != "a" {
			t.Fatalf("Add(%s) = %q, want a", id, got)
		}
	}
	if got := g.Add("b", Sig{}); got != "a" {
		t.Errorf("adding b again = %q, want its story a", got)
	}
	rest, err := g.Split("b")
	if err != nil || rest != "a" {
		t.Fatalf("Split(b) = %q, %v; want a", rest, err)
	}
	if st, _ := g.StoryOf("b"); st != "b" {
		t.Errorf("b after split is in %q", st)
	}
	if m := g.Members("a"); fmt.Sprint(m) != "[a c]" {
		t.Errorf("members of a = %v", m)
	}
	rest, err = g.Split("a")
	if err != nil || rest != "c" {
		t.Fatalf("Split(a) = %q, %v; want c", rest, err)
	}
	if m := g.Members("c"); fmt.Sprint(m) != "[c]" {
		t.Errorf("members of c = %v", m)
	}
	if g.Members("a") == nil || g.Stories() != 3 || g.Len() != 3 {
		t.Errorf("after splits: members(a) %v, %d stories, %d items", g.Members("a"), g.Stories(), g.Len())
	}
	if rest, err := g.Split("a"); err != nil || rest != "a" {
		t.Errorf("splitting a lone item = %q, %v", rest, err)
	}
	if _, err := g.Split("nope"); !errors.Is(err, ErrUnknown) {
		t.Errorf("Split(unknown) error = %v, want ErrUnknown", err)
	}
	if _, ok := g.StoryOf("nope"); ok {
		t.Error("StoryOf(unknown) found something")
	}
	// A later copy joins a story through its most similar member.
	if got := g.Add("d", s); got != "a" && got != "b" && got != "c" {
		t.Errorf("new copy went to %q", got)
	}
}

func TestOptions(t *testing.T) {
	g := New(WithShingle(0), WithThreshold(0.9), WithRows(100), WithProbe(0))
	if g.shingle != 1 || g.threshold != 0.9 || g.rows != SigSize || g.probe != 1 || g.bands != 1 {
		t.Errorf("options not clamped: %+v", g)
	}
	g2 := New(WithShingle(1))
	if Similar(g2.Signature("", "satu dua tiga"), g2.Signature("", "tiga dua satu")) != 1 {
		t.Error("with 1-word shingles the order of words must not matter")
	}
}

func TestConcurrent(t *testing.T) {
	g := New()
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				s := g.Signature("", fmt.Sprintf("%s tambahan %d", tweet, i%3))
				g.Add(fmt.Sprintf("%d-%d", w, i), s)
				g.StoryOf(fmt.Sprintf("%d-%d", w, i/2))
				if i%50 == 0 {
					g.Split(fmt.Sprintf("%d-%d", w, i))
				}
			}
		}()
	}
	wg.Wait()
	if g.Len() != 800 {
		t.Errorf("%d items, want 800", g.Len())
	}
}

func FuzzSignature(f *testing.F) {
	for _, s := range []string{tweet, article, "RT @x: RT", "&amp;&lt;", "https://", "@", "\xff\xfe", "Ketua RT\n@x", "rt rt rt"} {
		f.Add("judul", s)
	}
	g := New()
	f.Fuzz(func(t *testing.T, title, text string) {
		n := Normalise(text)
		if strings.Contains(n, "  ") || strings.TrimSpace(n) != n {
			t.Errorf("Normalise(%q) = %q: spaces not collapsed", text, n)
		}
		for _, c := range []byte(n) {
			if 'A' <= c && c <= 'Z' {
				t.Fatalf("Normalise(%q) = %q: upper case left", text, n)
			}
		}
		s := g.Signature(title, text)
		if s != g.Signature(title, text) {
			t.Error("signature not deterministic")
		}
		if !s.Empty() && Similar(s, s) != 1 {
			t.Error("a signature must be fully similar to itself")
		}
		if Normalise(title+" "+text) == "" && !s.Empty() {
			t.Errorf("text without words %q got a signature", text)
		}
	})
}

func TestRestore(t *testing.T) {
	g := New()
	sig := g.Signature("", tweet)
	// As stored by an earlier process: "b" was split off into its own story.
	g.Restore("a", "a", sig)
	g.Restore("b", "b", sig)
	g.Restore("a", "other", sig) // again: no change
	if s, _ := g.StoryOf("a"); s != "a" {
		t.Errorf("a restored into %q", s)
	}
	if s, _ := g.StoryOf("b"); s != "b" {
		t.Errorf("b restored into %q, want its own story as stored", s)
	}
	// A new copy joins a restored story instead of starting one.
	if s := g.Add("c", g.Signature("", "RT @x: "+tweet)); s != "a" && s != "b" {
		t.Errorf("a copy of a restored item started story %q", s)
	}
	if s := g.Add("d", g.Signature("", article)); s != "d" {
		t.Errorf("an unrelated item joined %q", s)
	}
	if g.Len() != 4 {
		t.Errorf("Len = %d, want 4", g.Len())
	}
}

func TestSetStory(t *testing.T) {
	g := New()
	sig := g.Signature("", tweet)
	g.Add("a", sig)
	g.Add("b", sig)
	g.Add("c", sig)
	if err := g.SetStory("a", "a~split"); err != nil {
		t.Fatal(err)
	}
	if got := g.Members("a"); fmt.Sprint(got) != "[b c]" {
		t.Errorf("members of a after moving a out = %v", got)
	}
	if got := g.Members("a~split"); fmt.Sprint(got) != "[a]" {
		t.Errorf("members of a~split = %v", got)
	}
	if err := g.SetStory("zz", "x"); !errors.Is(err, ErrUnknown) {
		t.Errorf("SetStory of an unknown id: %v", err)
	}
	if s := g.Add("a", sig); s != "a~split" {
		t.Errorf("adding a again gives %q, want its story a~split", s)
	}
}
