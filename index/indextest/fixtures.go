package indextest

import (
	"fmt"
	"time"

	"github.com/netra-id/netra"
)

// day returns noon UTC of a day in January 2024, the month before the
// February 2024 election, where the fixtures live.
func day(d int) time.Time { return time.Date(2024, time.January, d, 12, 0, 0, 0, time.UTC) }

// hit builds one evidence hit whose offsets point at phrase inside text, so
// the fixtures carry offsets the way the classifier produces them.
func hit(text, rule, category, phrase string, terms ...string) netra.Hit {
	start := indexOf(text, phrase)
	return netra.Hit{
		Rule: rule, Category: category, Sentence: phrase,
		Start: start, End: start + len(phrase), Terms: terms,
		Weight: 1, Regulation: "PP 94/2021 Pasal 5 huruf n",
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	panic(fmt.Sprintf("indextest fixture: %q not in text", sub))
}

// Fixture texts. Words the tests search for are chosen so that each query
// has a known answer: "dukung" (mendukung, dukungan, dukungannya) occurs in
// r1, r4, r6, r8; "kampanye" in r6 and r7 only; "kampanye akbar" as a phrase
// only in r7 (r6 has both words apart); "jari" only in r3; "beras" only in
// r5; "guru" only in r6.
const (
	text1 = "Seorang camat di Kabupaten Magelang terekam video mendukung pasangan calon nomor urut 2 saat acara warga. " +
		"Bawaslu setempat menyatakan akan memanggil camat tersebut untuk klarifikasi."
	text2 = "Kepala desa di Kabupaten Garut mengajak warga memilih calon bupati tertentu dalam pengajian. " +
		"Panitia pengawas kecamatan sudah mencatat kejadian itu."
	text3 = "Seorang PNS dinas pendidikan mengunggah foto berpose salam dua jari bersama calon presiden di media sosial. " +
		"Unggahan itu ramai dibagikan warganet."
	text4 = "Bawaslu mengingatkan bahwa ASN dilarang memberikan dukungan kepada peserta pemilu, " +
		"termasuk melalui media sosial, sesuai peraturan pemerintah tentang disiplin PNS."
	text5 = "Harga beras medium di pasar tradisional Jakarta naik dua ribu rupiah per kilogram menjelang akhir bulan."
	text6 = "Seorang guru PPPK di Bandung hadir dalam kampanye terbuka seorang calon legislatif dan menyatakan dukungannya di depan peserta. " +
		"Acara berlangsung di halaman Masjid Akbar."
	text7 = "Lurah di Jakarta Timur terlihat hadir dalam kampanye akbar salah satu partai politik di lapangan kota, " +
		"mengenakan kaus bergambar calon."
	text8 = "Sekretaris daerah Kabupaten Jember membantah mendukung calon tertentu dan menyebut foto yang beredar sebagai hasil suntingan."
)

// fixtures returns the eight records most subtests start from. Each call
// returns fresh values so subtests may modify them.
func fixtures() []netra.Record {
	mk := func(id, source, kind, region, title, text string, published time.Time, v netra.Verdict) netra.Record {
		v.ID = id
		v.RulesVersion = "test-1"
		if v.Categories == nil {
			v.Categories = []string{}
		}
		if v.Hits == nil {
			v.Hits = []netra.Hit{}
		}
		return netra.Record{
			Item: netra.Item{
				ID: id, Source: source, Kind: kind, Region: region,
				URL:   "https://" + source + ".example/" + id,
				Title: title, Text: text, Language: "id",
				Published: published, Fetched: published.Add(time.Hour),
				Meta: map[string]string{"fixture": id},
			},
			Verdict: v,
		}
	}
	recs := []netra.Record{
		mk("r1", "detik", "news", "jawa-tengah", "Camat di Magelang terekam mendukung paslon", text1, day(10), netra.Verdict{
			Flagged: true, Score: 0.92, Categories: []string{"asn_dukungan"},
			Hits: []netra.Hit{hit(text1, "asn-mendukung-paslon", "asn_dukungan", "camat di Kabupaten Magelang terekam video mendukung pasangan calon nomor urut 2", "camat", "mendukung", "nomor urut 2")},
		}),
		mk("r2", "kompas", "news", "jawa-barat", "Kades di Garut ajak warga pilih calon bupati", text2, day(12), netra.Verdict{
			Flagged: false, Score: 0.55, Categories: []string{"kades_partisan"},
			Hits: []netra.Hit{hit(text2, "kades-ajak-pilih", "kades_partisan", "Kepala desa di Kabupaten Garut mengajak warga memilih calon bupati", "kepala desa", "mengajak", "memilih")},
		}),
		mk("r3", "twitter", "post", "jawa-timur", "", text3, day(15), netra.Verdict{
			Flagged: true, Score: 0.81, Categories: []string{"asn_gestur"},
			Hits: []netra.Hit{hit(text3, "asn-gestur-jari", "asn_gestur", "PNS dinas pendidikan mengunggah foto berpose salam dua jari bersama calon presiden", "pns", "salam dua jari", "calon presiden")},
		}),
		mk("r4", "detik", "news", "jawa-tengah", "Bawaslu ingatkan netralitas ASN", text4, day(5), netra.Verdict{
			Flagged: false, Score: 0.05,
		}),
		mk("r5", "kompas", "news", "dki-jakarta", "Harga beras naik", text5, day(20), netra.Verdict{
			Flagged: false, Score: 0,
		}),
		mk("r6", "facebook", "post", "jawa-barat", "", text6, day(18), netra.Verdict{
			Flagged: true, Score: 0.74, Categories: []string{"asn_dukungan", "asn_kampanye"},
			Hits: []netra.Hit{
				hit(text6, "asn-ikut-kampanye", "asn_kampanye", "guru PPPK di Bandung hadir dalam kampanye terbuka", "guru pppk", "hadir", "kampanye"),
				hit(text6, "asn-mendukung-paslon", "asn_dukungan", "menyatakan dukungannya di depan peserta", "dukungannya"),
			},
		}),
		mk("r7", "kompas", "news", "dki-jakarta", "Lurah hadiri kampanye akbar", text7, day(8), netra.Verdict{
			Flagged: true, Score: 0.66, Categories: []string{"asn_kampanye"},
			Hits: []netra.Hit{hit(text7, "asn-ikut-kampanye", "asn_kampanye", "Lurah di Jakarta Timur terlihat hadir dalam kampanye akbar", "lurah", "hadir", "kampanye akbar")},
		}),
		mk("r8", "twitter", "post", "jawa-timur", "", text8, time.Time{}, netra.Verdict{
			Flagged: false, Score: 0.1,
		}),
	}
	// r8 has no publication time: it sorts and filters by its fetch time.
	recs[7].Item.Fetched = day(22)
	return recs
}

// pagingRecords returns n small records with times a minute apart starting
// at base and scores from a short list, so score ties are common and a
// backend must break them consistently for cursors to work.
func pagingRecords(prefix string, n int, base time.Time) []netra.Record {
	scores := []float64{0.2, 0.5, 0.5, 0.9}
	out := make([]netra.Record, n)
	for i := range out {
		id := fmt.Sprintf("%s-%03d", prefix, i)
		text := fmt.Sprintf("Laporan warga nomor %d tentang dugaan ASN ikut kampanye di kecamatan %d.", i, i%5)
		out[i] = netra.Record{
			Item: netra.Item{
				ID: id, Source: "laporan", Kind: "import", Region: "jawa-tengah", Text: text,
				Published: base.Add(time.Duration(i) * time.Minute),
			},
			Verdict: netra.Verdict{
				ID: id, Flagged: i%2 == 0, Score: scores[i%len(scores)],
				Categories: []string{"asn_kampanye"}, Hits: []netra.Hit{}, RulesVersion: "test-1",
			},
		}
	}
	return out
}
