// Package regulation is the table of the regulations the rule packs cite:
// each statute's title, a short gist in Indonesian of the articles cited
// (written for Netra, not the official wording: the official text is behind
// the link), and a link to the government's own publication. Indonesian
// statutes are not protected by copyright (UU 28/2014 Pasal 42).
//
// A rule's regulation field is free text such as "PP 94/2021 Pasal 5 huruf
// n angka 4; SKB 2022 Lampiran II"; Cite splits it into citations and finds
// each statute and article in the table.
package regulation

import (
	"fmt"
	"regexp"
	"strings"
)

// Regulation is one statute or decision.
type Regulation struct {
	// Key is how rules cite it: "UU 7/2017", "PP 94/2021", "SKB 2022".
	Key   string `json:"key"`
	Title string `json:"title"`
	// Gist says in a sentence or two what the statute is about for
	// ASN neutrality.
	Gist string `json:"gist"`
	// URL is the official publication (JDIH).
	URL      string    `json:"url"`
	Articles []Article `json:"articles,omitempty"`
}

// Article is one article (or annex) of a regulation.
type Article struct {
	// Ref is "Pasal 280" or "Lampiran II".
	Ref  string `json:"ref"`
	Gist string `json:"gist"`
}

// Citation is one part of a rule's regulation field, resolved.
type Citation struct {
	// Text is the part as the rule wrote it, e.g. "UU 7/2017 Pasal 280
	// ayat (3) dan Pasal 494".
	Text       string      `json:"text"`
	Regulation *Regulation `json:"regulation"`
	// Articles are the cited articles, in the order cited.
	Articles []Article `json:"articles,omitempty"`
}

// Table returns the regulations, a fresh copy per call.
func Table() []Regulation {
	return []Regulation{
		{
			Key:   "UU 5/2014",
			Title: "UU Nomor 5 Tahun 2014 (Aparatur Sipil Negara)",
			Gist:  "Undang-undang ASN yang lama, dicabut dan diganti oleh UU 20/2023. Menjadikan netralitas salah satu asas penyelenggaraan kebijakan dan manajemen ASN.",
			URL:   "https://peraturan.go.id/id/uu-no-5-tahun-2014",
			Articles: []Article{
				{Ref: "Pasal 9", Gist: "Ayat (2): pegawai ASN harus bebas dari pengaruh dan intervensi semua golongan dan partai politik."},
			},
		},
		{
			Key:   "UU 20/2023",
			Title: "UU Nomor 20 Tahun 2023 (Aparatur Sipil Negara)",
			Gist:  "Undang-undang ASN yang berlaku sekarang, pengganti UU 5/2014. Netralitas tetap menjadi salah satu asas penyelenggaraan kebijakan dan manajemen ASN.",
			URL:   "https://peraturan.go.id/id/uu-no-20-tahun-2023",
		},
		{
			Key:   "PP 94/2021",
			Title: "PP Nomor 94 Tahun 2021 (Disiplin PNS)",
			Gist:  "Kewajiban dan larangan bagi PNS serta hukuman disiplin bila dilanggar; menggantikan PP 53/2010.",
			URL:   "https://peraturan.go.id/id/pp-no-94-tahun-2021",
			Articles: []Article{
				{Ref: "Pasal 5", Gist: "Larangan bagi PNS. Huruf n: PNS tidak boleh mendukung calon presiden dan wakilnya, calon kepala daerah dan wakilnya, atau calon anggota DPR, DPD dan DPRD, " +
					"yaitu (1) ikut kampanye; (2) berkampanye dengan atribut partai atau atribut PNS; (3) berkampanye sambil mengerahkan PNS lain; " +
					"(4) berkampanye dengan fasilitas negara; (5) mengambil keputusan atau langkah yang berpihak pada satu pasangan calon, sebelum, selama atau sesudah kampanye; " +
					"(6) menggelar kegiatan yang memihak pasangan calon, misalnya menggelar pertemuan, mengajak, mengimbau, berseru, atau membagi barang kepada rekan PNS, keluarga dan warga; " +
					"(7) memberi surat dukungan dengan salinan KTP."},
			},
		},
		{
			Key:   "PP 42/2004",
			Title: "PP Nomor 42 Tahun 2004 (Jiwa Korps dan Kode Etik PNS)",
			Gist:  "Kode etik PNS: etika dalam bernegara, berorganisasi, bermasyarakat, terhadap diri sendiri dan sesama PNS. Pelanggaran kode etik dikenai sanksi moral.",
			URL:   "https://peraturan.go.id/id/pp-no-42-tahun-2004",
		},
		{
			Key:   "UU 7/2017",
			Title: "UU Nomor 7 Tahun 2017 (Pemilu)",
			Gist:  "Penyelenggaraan pemilu presiden, DPR, DPD, dan DPRD, termasuk larangan dalam kampanye dan ketentuan pidananya.",
			URL:   "https://peraturan.go.id/id/uu-no-7-tahun-2017",
			Articles: []Article{
				{Ref: "Pasal 182", Gist: "Persyaratan perseorangan calon anggota DPD, antara lain mengundurkan diri sebagai aparatur sipil negara."},
				{Ref: "Pasal 240", Gist: "Ayat (1): persyaratan bakal calon anggota DPR dan DPRD, antara lain mengundurkan diri sebagai aparatur sipil negara dengan surat pengunduran diri yang tidak dapat ditarik kembali."},
				{Ref: "Pasal 280", Gist: "Larangan dalam kampanye. Ayat (1): pelaksana, peserta, dan tim kampanye dilarang antara lain menggunakan fasilitas pemerintah, tempat ibadah, dan tempat pendidikan (huruf h) serta menjanjikan atau memberikan uang atau materi lainnya kepada peserta kampanye (huruf j). " +
					"Ayat (2): pelaksana dan/atau tim kampanye dilarang mengikutsertakan antara lain aparatur sipil negara, anggota TNI dan Polri, kepala desa, perangkat desa, dan anggota badan permusyawaratan desa. " +
					"Ayat (3): mereka yang disebut pada ayat (2) dilarang ikut serta sebagai pelaksana dan tim kampanye."},
				{Ref: "Pasal 282", Gist: "Selama kampanye, pejabat negara, pejabat struktural dan fungsional, serta kepala desa tidak boleh mengambil keputusan atau langkah yang berpihak pada satu peserta pemilu."},
				{Ref: "Pasal 283", Gist: "Pejabat negara, pejabat struktural dan fungsional, serta ASN lain tidak boleh menggelar kegiatan yang memihak peserta pemilu sebelum, selama atau sesudah kampanye, misalnya menggelar pertemuan, mengajak, mengimbau, berseru, atau membagi barang."},
				{Ref: "Pasal 494", Gist: "Pidana bagi aparatur sipil negara, anggota TNI dan Polri, kepala desa, perangkat desa, dan/atau anggota badan permusyawaratan desa yang melanggar Pasal 280 ayat (3): kurungan hingga setahun serta denda sampai Rp12.000.000."},
			},
		},
		{
			Key:   "UU 10/2016",
			Title: "UU Nomor 10 Tahun 2016 (perubahan kedua UU 1/2015, Pilkada)",
			Gist:  "Undang-undang pilkada (UU 1/2015 sebagaimana diubah terakhir dengan UU 10/2016): syarat calon, kampanye, larangan bagi pejabat dan ASN, serta ketentuan pidananya.",
			URL:   "https://peraturan.go.id/id/uu-no-10-tahun-2016",
			Articles: []Article{
				{Ref: "Pasal 7", Gist: "Ayat (2): persyaratan calon kepala daerah, antara lain menyatakan secara tertulis pengunduran diri sebagai anggota TNI, Polri, dan PNS sejak ditetapkan sebagai pasangan calon."},
				{Ref: "Pasal 70", Gist: "Ayat (1): dalam kampanye, pasangan calon dilarang melibatkan pejabat BUMN/BUMD; aparatur sipil negara, anggota Polri, dan anggota TNI; serta kepala desa atau lurah dan perangkat desa atau kelurahan."},
				{Ref: "Pasal 71", Gist: "Ayat (1): pejabat negara, pejabat daerah, pejabat ASN, anggota TNI/Polri, dan kepala desa atau lurah tidak boleh mengambil keputusan atau langkah yang berpihak pada satu pasangan calon."},
				{Ref: "Pasal 188", Gist: "Pidana bagi pejabat negara, pejabat aparatur sipil negara, dan kepala desa atau lurah yang dengan sengaja melanggar Pasal 71: penjara paling singkat 1 bulan atau paling lama 6 bulan dan/atau denda Rp600.000 sampai Rp6.000.000 (pasal UU 1/2015)."},
			},
		},
		{
			Key:   "UU 6/2014",
			Title: "UU Nomor 6 Tahun 2014 (Desa)",
			Gist:  "Pemerintahan desa, termasuk hak, kewajiban, dan larangan bagi kepala desa dan perangkat desa.",
			URL:   "https://peraturan.go.id/id/uu-no-6-tahun-2014",
			Articles: []Article{
				{Ref: "Pasal 29", Gist: "Larangan bagi kepala desa, antara lain menjadi pengurus partai politik serta ikut serta dan/atau terlibat dalam kampanye pemilihan umum dan/atau pemilihan kepala daerah."},
			},
		},
		{
			Key: "SKB 2022",
			Title: "SKB MenPAN-RB, Mendagri, Kepala BKN, Ketua KASN dan Ketua Bawaslu 2022 " +
				"(netralitas pegawai ASN pada pemilu dan pilkada)",
			Gist: "Pedoman bersama untuk membina dan mengawasi netralitas pegawai ASN pada pemilu dan pilkada, dengan bentuk-bentuk pelanggaran dan sanksinya.",
			URL:  "https://jdih.bawaslu.go.id/",
			Articles: []Article{
				{Ref: "Lampiran II", Gist: "Rincian bentuk pelanggaran netralitas pegawai ASN beserta dasar hukum dan sanksinya, antara lain memasang spanduk atau baliho bakal calon, " +
					"berkampanye atau menyosialisasikan bakal calon di media sosial (mengunggah, mengomentari, membagikan, menyukai), menghadiri deklarasi atau kampanye calon dan memberi dukungan secara aktif, " +
					"serta ikut sebagai pelaksana atau peserta kampanye."},
			},
		},
	}
}

// lawRe reads the statute a citation starts with: "UU 7/2017",
// "PP 94/2021", "SKB 2022".
var lawRe = regexp.MustCompile(`^(UU|PP|SKB)\s+((?:\d+/)?\d{4})\b`)

// articleRe reads "Pasal 280", "Pasal 280 dan 494", "Pasal 5, 6" and
// "Lampiran II".
var articleRe = regexp.MustCompile(`\b(?:Pasal\s+(\d+)((?:\s*(?:,|dan)\s*\d+\b)*)|Lampiran\s+([IVXL]+)\b)`)

var moreRe = regexp.MustCompile(`\d+`)

// Cite resolves a rule's regulation field: one citation per
// semicolon-separated part, each naming a statute of the table and
// optionally articles of it. An unknown statute or article is an error
// naming it; the citations resolved so far are still returned.
func Cite(field string) ([]Citation, error) {
	table := Table()
	byKey := map[string]*Regulation{}
	for i := range table {
		byKey[table[i].Key] = &table[i]
	}
	var out []Citation
	var errs []string
	for _, part := range strings.Split(field, ";") {
		part = strings.Join(strings.Fields(part), " ")
		if part == "" {
			continue
		}
		m := lawRe.FindStringSubmatch(part)
		if m == nil {
			errs = append(errs, fmt.Sprintf("%q names no statute (want e.g. \"UU 7/2017\", \"PP 94/2021\", \"SKB 2022\")", part))
			continue
		}
		reg := byKey[m[1]+" "+m[2]]
		if reg == nil {
			errs = append(errs, fmt.Sprintf("%q: unknown regulation %s %s", part, m[1], m[2]))
			continue
		}
		c := Citation{Text: part, Regulation: reg}
		var refs []string
		for _, am := range articleRe.FindAllStringSubmatch(part[len(m[0]):], -1) {
			if am[3] != "" {
				refs = append(refs, "Lampiran "+am[3])
				continue
			}
			refs = append(refs, "Pasal "+am[1])
			for _, n := range moreRe.FindAllString(am[2], -1) {
				refs = append(refs, "Pasal "+n)
			}
		}
		for _, ref := range refs {
			a, ok := reg.article(ref)
			if !ok {
				errs = append(errs, fmt.Sprintf("%q: %s has no %s in the regulation table", part, reg.Key, ref))
				continue
			}
			c.Articles = append(c.Articles, a)
		}
		out = append(out, c)
	}
	if len(errs) > 0 {
		return out, fmt.Errorf("regulation %q: %s", field, strings.Join(errs, "; "))
	}
	return out, nil
}

// Anchor is the regulation's key as an HTML id: "UU 7/2017" gives
// "reg-uu-7-2017".
func (r Regulation) Anchor() string {
	return "reg-" + strings.ToLower(strings.NewReplacer(" ", "-", "/", "-").Replace(r.Key))
}

func (r *Regulation) article(ref string) (Article, bool) {
	for _, a := range r.Articles {
		if a.Ref == ref {
			return a, true
		}
	}
	return Article{}, false
}
