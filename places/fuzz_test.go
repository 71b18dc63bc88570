package places

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Bupati Malang dan Wali Kota Batu bertemu Gubernur Jatim di Surabaya.",
		"Kab. Bogor, Kota Bekasi (Jabar); warga Tangsel & NTB.",
		"Pak Agam (Pati) 31 Pati TNI di Jalan Bandung, Danau Toba.",
		"kota", "Kab.", "Kota Administrasi", "Bau-Bau-", "(Karo)", "[Metro]",
		"İstanbul Kabupaten\u00a0Bogor \xff\xfe Jawa\tTimur",
		strings.Repeat("Kota ", 50),
	} {
		f.Add("", s, "")
		f.Add(s, s, "jawa-barat")
	}
	m, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, title, text, prior string) {
		ps := m.Find(title, text, prior)
		seen := map[string]bool{}
		for _, p := range ps {
			field := text
			if p.Field == fieldTitle {
				field = title
			} else if p.Field != fieldText {
				t.Fatalf("field %q", p.Field)
			}
			if p.Start < 0 || p.End > len(field) || p.Start >= p.End {
				t.Fatalf("offsets %d:%d outside %d bytes: %+v", p.Start, p.End, len(field), p)
			}
			if utf8.ValidString(field) && (!utf8.ValidString(field[p.Start:p.End]) || !utf8.RuneStart(field[p.Start])) {
				t.Fatalf("offsets %d:%d split a character: %+v", p.Start, p.End, p)
			}
			if seen[p.Code] {
				t.Fatalf("code %s reported twice", p.Code)
			}
			seen[p.Code] = true
			if !p.Implied && p.Mentions < 1 || p.Confidence <= 0 || p.Confidence > 1 {
				t.Fatalf("bad counts: %+v", p)
			}
			if p.Level != LevelProvinsi && !strings.HasPrefix(p.Code, p.ProvinceCode+".") {
				t.Fatalf("province %s of %s", p.ProvinceCode, p.Code)
			}
		}
		_ = m.Province(prior)
	})
}
