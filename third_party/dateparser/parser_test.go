package dateparser

import (
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	wib := time.FixedZone("WIB", 7*3600)
	strict := &Configuration{PreferredDateSource: Past, StrictParsing: true}
	cases := []struct {
		in   string
		want time.Time // zero: refused
	}{
		{"Jumat, 4 Desember 2026 10.15 WIB", time.Date(2026, 12, 4, 10, 15, 0, 0, wib)},
		{"Jum'at, 04 Des 2026 | 10:15 WIB", time.Date(2026, 12, 4, 10, 15, 0, 0, wib)},
		{"Senin, 12 Agustus 2024 pukul 07.30", time.Date(2024, 8, 12, 7, 30, 0, 0, time.UTC)},
		{"Kamis, 5 Mei 2016 21:04", time.Date(2016, 5, 5, 21, 4, 0, 0, time.UTC)},
		{"December 4, 2026", time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)},
		{"Dec 4th, 2026 at 3:05 pm", time.Date(2026, 12, 4, 15, 5, 0, 0, time.UTC)},
		{"4. Dezember 2026", time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)},
		{"am 4. Mai 2020 um 14:00 Uhr", time.Date(2020, 5, 4, 14, 0, 0, 0, time.UTC)},
		{"4 de diciembre de 2026", time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)},
		{"2026 Desember 4", time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)},
		{"4 Dec 26", time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)},
		{"25/12/2020", time.Date(2020, 12, 25, 0, 0, 0, 0, time.UTC)},
		{"2020-12-25 08:00:00 +07:00", time.Date(2020, 12, 25, 8, 0, 0, 0, time.FixedZone("", 7*3600))},
		{"04 Dec 2026 10:15 GMT+7", time.Date(2026, 12, 4, 10, 15, 0, 0, time.FixedZone("", 7*3600))},
		// refused: not a date, incomplete (strict), impossible, words that are not part of a date
		{"Desember 2026", time.Time{}},
		{"4 Desember", time.Time{}},
		{"31 April 2026", time.Time{}},
		{"Baca juga 4 Desember 2026", time.Time{}},
		{"Halaman 2 dari 10", time.Time{}},
		{"13:00 pm, 4 Dec 2026", time.Time{}},
		{"Januari Februari 2026 4", time.Time{}},
		{"", time.Time{}},
	}
	var p Parser
	for _, c := range cases {
		got, err := p.Parse(strict, c.in)
		if c.want.IsZero() {
			if err == nil {
				t.Errorf("%q: got %v, want refused", c.in, got.Time)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if !got.Time.Equal(c.want) {
			t.Errorf("%q: got %v, want %v", c.in, got.Time, c.want)
		}
		if _, off := got.Time.Zone(); func() int { _, o := c.want.Zone(); return o }() != off {
			t.Errorf("%q: zone offset %d, want %v", c.in, off, c.want.Location())
		}
	}
}

func TestParseNotStrict(t *testing.T) {
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	cfg := &Configuration{PreferredDateSource: Past, CurrentTime: now}
	var p Parser
	got, err := p.Parse(cfg, "4 Desember")
	if err != nil || !got.Time.Equal(time.Date(2025, 12, 4, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("4 Desember with Past in March 2026: %v %v, want 2025-12-04", got.Time, err)
	}
	got, err = p.Parse(&Configuration{DateOrder: DMY}, "04/05/2026")
	if err != nil || got.Time.Month() != time.May {
		t.Fatalf("04/05/2026 with DMY: %v %v, want 4 May", got.Time, err)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"Jumat, 4 Desember 2026 10.15 WIB", "Dec 4th, 2026 at 3:05 pm", "2020-12-25 08:00:00 +07:00", "25/12/2020", "am 4. Mai 2020 um 14:00 Uhr"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var p Parser
		d, err := p.Parse(&Configuration{StrictParsing: true}, s)
		if err == nil && (d.IsZero() || d.Time.Year() < 1 || d.Time.Year() > 9999) {
			t.Fatalf("%q: accepted %v", s, d.Time)
		}
	})
}
