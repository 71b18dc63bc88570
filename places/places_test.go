package places

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

func newMatcher(t testing.TB, opts ...Option) *Matcher {
	t.Helper()
	m, err := New(opts...)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return m
}

// codes returns the sorted codes found, with "~" before guessed ones
// (confidence below ConfidenceBare) so tests see lower confidence.
func codes(ps []Place) []string {
	var out []string
	for _, p := range ps {
		c := p.Code
		if p.Confidence < ConfidencePrior {
			c = "~" + c
		}
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

func TestFind(t *testing.T) {
	m := newMatcher(t)
	tests := []struct {
		name, title, text, prior string
		want                     []string
	}{
		// prefixes settle kabupaten vs kota
		{"kabupaten prefix", "", "Camat di Kabupaten Bogor mengumpulkan kepala desa.", "", []string{"32", "32.01"}},
		{"kab. abbreviation", "", "Seorang guru di Kab. Malang ikut kampanye.", "", []string{"35", "35.07"}},
		{"kab without dot", "", "ASN Kab Bekasi diperiksa Bawaslu.", "", []string{"32", "32.16"}},
		{"pemkab", "", "Pemkab Kediri menegur lurah itu.", "", []string{"35", "35.06"}},
		{"bupati", "", "Bupati Magelang membantah mengarahkan ASN.", "", []string{"33", "33.08"}},
		{"kota prefix", "", "Warga Kota Bogor melapor ke Bawaslu.", "", []string{"32", "32.71"}},
		{"pemkot", "", "Pemkot Blitar memanggil kepala dinas.", "", []string{"35", "35.72"}},
		{"wali kota", "", "Wali Kota Madiun hadir di acara itu.", "", []string{"35", "35.77"}},
		{"walikota one word", "", "Walikota Tegal meminta ASN netral.", "", []string{"33", "33.76"}},
		{"kota administrasi", "", "Kota Administrasi Jakarta Selatan menggelar apel.", "", []string{"31", "31.74"}},
		{"lower-case prefix", "", "pegawai pemkab sukabumi ikut deklarasi", "", []string{"32", "32.02"}},
		{"pilwalkot", "", "Gibran maju di Pilwalkot Solo.", "", []string{"33", "33.72"}},
		// provinces and their abbreviations
		{"provinsi", "", "Pemerintah Provinsi Jawa Tengah mengimbau ASN.", "", []string{"33"}},
		{"gubernur", "", "Gubernur Jatim menanggapi laporan itu.", "", []string{"35"}},
		{"pemprov dki", "", "Pemprov DKI memeriksa lurah.", "", []string{"31"}},
		{"abbreviations", "", "Relawan dari Jabar, Jateng, Kaltim, Sulsel, Sumut, NTB dan NTT.", "", []string{"12", "32", "33", "52", "53", "64", "73"}},
		{"diy", "", "Baliho dipasang di DIY.", "", []string{"34"}},
		{"province named like its capital", "", "Kepala dinas di Jambi diperiksa.", "", []string{"15"}},
		{"kota of the same name as a province", "", "Wali Kota Jambi membantah.", "", []string{"15", "15.71"}},
		// aliases of regencies
		{"tangsel", "", "Camat di Tangsel dilaporkan.", "", []string{"36", "36.74"}},
		{"solo", "", "Baliho itu muncul di Solo kemarin.", "", []string{"33", "33.72"}},
		{"joined spelling", "", "Guru di Pangkalpinang dan Baubau ikut.", "", []string{"19", "19.71", "74", "74.72"}},
		{"hyphenated spelling", "", "Pegawai di Bau-Bau dan Pare-Pare ikut.", "", []string{"73", "73.72", "74", "74.72"}},
		{"longest name wins", "", "ASN Kabupaten Bandung Barat dan Tangerang Selatan.", "", []string{"32", "32.17", "36", "36.74"}},
		// bare names
		{"unique bare name", "", "Seorang lurah di Sidoarjo mengajak warga.", "", []string{"35", "35.15"}},
		{"bare lower case", "", "kades di sidoarjo dukung paslon", "", []string{"35", "35.15"}},
		{"ordinary word batu", "", "Massa melempar batu ke arah polisi.", "", nil},
		{"ordinary word capitalised at sentence start", "", "Batu itu dilempar. Malang nasibnya.", "", nil},
		{"stoplisted name mid-sentence", "", "Wisatawan datang ke Batu setiap libur.", "", []string{"35", "35.79"}},
		{"stoplisted name with prefix", "", "batu akik dijual di kota batu", "", []string{"35", "35.79"}},
		{"person's name", "", "Wali kota Bogor saat itu, Bima Arya, hadir.", "", []string{"32", "32.71"}},
		{"honorific", "", "Kata Pak Agam kepada wartawan.", "", nil},
		{"surname after given name", "", "Camat Pulau Hiri Rustam Malang berbicara.", "", nil},
		{"abbreviation in parentheses", "", "Mutasi perwira tinggi (Pati) TNI.", "", nil},
		{"count of people", "", "Mutasi 31 Pati TNI diumumkan.", "", nil},
		{"street", "", "Kantornya di Jalan Bandung nomor 3.", "", nil},
		{"media name", "", "Dikutip dari Tribun Medan hari ini.", "", nil},
		{"lake not the regency", "", "Wisata ke Danau Toba ramai.", "", nil},
		{"idiom", "", "Indonesia dari Sabang sampai Merauke.", "", nil},
		{"papua nugini", "", "Dubes untuk Papua Nugini bertemu menteri.", "", nil},
		{"police unit", "", "Polda Metro Jaya memeriksa saksi.", "", nil},
		{"short abbreviation needs capitals", "", "jawaban tts hari ini", "", nil},
		{"title case headline", "Malang Nian Nasib Honorer Itu", "Honorer itu dipecat.", "", nil},
		{"word boundaries", "", "Bogoran dan Jatimulyo bukan tempat yang dicari.", "", nil},
		// kabupaten and kota of one name, no prefix
		{"ambiguous bare name is the kabupaten, guessed", "", "Seorang ASN di Bekasi ikut kampanye.", "", []string{"~32", "~32.16"}},
		{"settled by a prefixed mention elsewhere", "", "Bawaslu Kota Malang menerima laporan. ASN di Malang itu dipanggil.", "", []string{"35", "35.73"}},
		{"settled by cue words", "", "Pemkot memanggil ASN di Kediri itu.", "", []string{"35", "35.71"}},
		{"settled by bupati cue", "", "Bupati memanggil ASN di Blitar.", "", []string{"35", "35.05"}},
		// same name in two provinces
		{"banjar, prior kalsel", "", "Pegawai di Banjar itu diperiksa.", "kalimantan-selatan", []string{"63", "63.03"}},
		{"banjar, prior jabar", "", "Pegawai di Banjar itu diperiksa.", "jawa-barat", []string{"32", "32.79"}},
		{"banjar, context beats prior", "", "Dinas di Kota Banjar memanggil camat. Pegawai di Banjar itu diperiksa.", "kalimantan-selatan", []string{"32", "32.79"}},
		{"banjar, other places settle the province", "", "Di Banjarmasin dan Banjar ASN ditegur.", "", []string{"63", "63.03", "63.71"}},
		{"prior alias", "", "Pegawai di Banjar itu diperiksa.", "Kalsel", []string{"63", "63.03"}},
		// a regency implies its province
		{"implied province", "", "Kepala desa di Sleman berkampanye.", "", []string{"34", "34.04"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := codes(m.Find(tc.title, tc.text, tc.prior))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Find(%q, %q, %q) = %v, want %v", tc.title, tc.text, tc.prior, got, tc.want)
			}
		})
	}
}

func TestFindFields(t *testing.T) {
	m := newMatcher(t)
	title := "Camat di Kabupaten Garut Dilaporkan"
	text := "Bawaslu Garut menerima laporan. Bupati Garut dan Gubernur Jawa Barat diam."
	ps := m.Find(title, text, "")
	if len(ps) != 2 {
		t.Fatalf("got %+v, want Jawa Barat and Kabupaten Garut", ps)
	}
	byCode := map[string]Place{}
	for _, p := range ps {
		byCode[p.Code] = p
	}
	g := byCode["32.05"]
	if g.Field != "title" || title[g.Start:g.End] != "Garut" || g.Mentions != 3 || g.Level != LevelKabupaten || g.ProvinceCode != "32" {
		t.Errorf("Garut = %+v", g)
	}
	j := byCode["32"]
	if j.Implied || j.Field != "text" || text[j.Start:j.End] != "Jawa Barat" || j.Mentions != 1 || j.Name != "Jawa Barat" {
		t.Errorf("Jawa Barat = %+v", j)
	}
	if ps[0].Code != "32.05" {
		t.Errorf("order: %v, want the title's mention first", codes(ps))
	}
}

func TestImpliedProvince(t *testing.T) {
	m := newMatcher(t)
	text := "Lurah di Kota Yogyakarta ikut kampanye."
	ps := m.Find("", text, "")
	if len(ps) != 2 || !ps[0].Implied || ps[0].Code != "34" || ps[0].Mentions != 0 || text[ps[0].Start:ps[0].End] != "Yogyakarta" {
		t.Fatalf("got %+v", ps)
	}
}

func TestProvincesOnly(t *testing.T) {
	m := newMatcher(t, WithProvincesOnly(true))
	got := codes(m.Find("", "Camat di Kabupaten Bogor dan Kota Surabaya.", ""))
	if want := []string{"32", "35"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestCapitalisedBareNames(t *testing.T) {
	m := newMatcher(t, WithCapitalisedBareNames(true))
	if got := m.Find("", "kades di sidoarjo dukung paslon", ""); got != nil {
		t.Errorf("lower-case bare name found: %+v", got)
	}
	if got := codes(m.Find("", "kades di kabupaten sidoarjo", "")); len(got) != 2 {
		t.Errorf("a prefixed lower-case name must still count: %v", got)
	}
}

func TestProvince(t *testing.T) {
	m := newMatcher(t)
	for prior, want := range map[string]string{
		"jawa-tengah": "33", "Jawa Tengah": "33", "jateng": "33", "33": "33", "kota-bandung": "32",
		"32.73": "32", "dki-jakarta": "31", "daerah-istimewa-yogyakarta": "34", "": "", "atlantis": "",
	} {
		if got := m.Province(prior); got != want {
			t.Errorf("Province(%q) = %q, want %q", prior, got, want)
		}
	}
}

func TestNewErrors(t *testing.T) {
	for name, opts := range map[string][]Option{
		"unknown alias code": {WithAliases(strings.NewReader("99.99|Atlantis\n"))},
		"empty gazetteer":    {WithGazetteer(strings.NewReader("kode,nama,level\n"))},
		"regency first":      {WithGazetteer(strings.NewReader("11.01,Kabupaten Aceh Selatan,2\n"))},
	} {
		if _, err := New(opts...); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestGazetteer(t *testing.T) {
	m := newMatcher(t)
	var prov, kab, kota int
	for _, u := range m.units {
		switch u.level {
		case LevelProvinsi:
			prov++
		case LevelKabupaten:
			kab++
		case LevelKota:
			kota++
		}
	}
	if prov != 38 || kab+kota != 514 {
		t.Errorf("got %d provinces, %d kabupaten + %d kota; want 38 and 514", prov, kab, kota)
	}
	if n := m.units[m.byCode["31.72"]].name; n != "Kota Administrasi Jakarta Utara" {
		t.Errorf("name not trimmed: %q", n)
	}
}

// TestEveryUnitFindable checks that every unit is found by its official
// name, so no alias or stoplist line hides one.
func TestEveryUnitFindable(t *testing.T) {
	m := newMatcher(t)
	for _, u := range m.units {
		text := "Laporan dari " + u.name + " masuk."
		if u.level == LevelProvinsi {
			text = "Laporan dari Provinsi " + u.name + " masuk."
		}
		found := false
		for _, p := range m.Find("", text, "") {
			if p.Code == u.code {
				found = true
			}
		}
		if !found {
			t.Errorf("%s %s not found in %q", u.code, u.name, text)
		}
	}
}

func TestLabelsFile(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "labels.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	m := newMatcher(t)
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		n++
		if strings.Contains(line, `"text"`) || strings.Contains(line, `"title"`) {
			t.Fatalf("labels.jsonl line %d carries text; keep ids and codes only", n)
		}
		for _, c := range strings.FieldsFunc(line, func(r rune) bool { return r == '"' || r == '|' }) {
			if len(c) >= 2 && c[0] >= '1' && c[0] <= '9' && strings.Trim(c, "0123456789.") == "" {
				if _, ok := m.byCode[c]; !ok {
					t.Errorf("labels.jsonl line %d: unknown code %s", n, c)
				}
			}
		}
	}
	if n < 200 {
		t.Errorf("%d labelled items, want at least 200", n)
	}
}

func TestConcurrentFind(t *testing.T) {
	m := newMatcher(t)
	done := make(chan []string)
	for i := 0; i < 8; i++ {
		go func() {
			var got []string
			for j := 0; j < 50; j++ {
				got = codes(m.Find("Bupati Malang", "Warga Kota Bogor dan Sleman.", "jawa-timur"))
			}
			done <- got
		}()
	}
	want := []string{"32", "32.71", "34", "34.04", "35", "35.07"}
	for i := 0; i < 8; i++ {
		if got := <-done; !reflect.DeepEqual(got, want) {
			t.Errorf("got %v, want %v", got, want)
		}
	}
}

func TestUnits(t *testing.T) {
	m := newMatcher(t)
	us := m.Units()
	byCode := map[string]Unit{}
	provinces := 0
	for _, u := range us {
		byCode[u.Code] = u
		if u.Level == LevelProvinsi {
			provinces++
			if u.ProvinceCode != u.Code {
				t.Errorf("province %s has province code %s", u.Code, u.ProvinceCode)
			}
		}
	}
	if provinces != 38 {
		t.Errorf("%d provinces, want 38", provinces)
	}
	if u := byCode["33.74"]; u.Name != "Kota Semarang" || u.Level != LevelKota || u.ProvinceCode != "33" {
		t.Errorf("33.74 = %+v", u)
	}
	us[0].Name = "changed"
	if m.Units()[0].Name == "changed" {
		t.Error("Units shares its slice with the matcher")
	}
}
