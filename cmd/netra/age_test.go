package main

import (
	"testing"
	"time"
)

func TestParseAge(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"2y": 2 * 365 * 24 * time.Hour, "30d": 30 * 24 * time.Hour, "1w": 7 * 24 * time.Hour,
		"12h": 12 * time.Hour, "1h30m": 90 * time.Minute, "0d": 0,
	} {
		got, err := parseAge(in)
		if err != nil || got != want {
			t.Errorf("parseAge(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "d", "-1d", "2 y", "1.5y", "30x", "-5s", "99999999999999999y"} {
		if d, err := parseAge(in); err == nil {
			t.Errorf("parseAge(%q) = %v, want an error", in, d)
		}
	}
}

func FuzzParseAge(f *testing.F) {
	for _, s := range []string{"2y", "30d", "12h", "1h30m", "", "-1d", "9y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseAge(s)
		if err == nil && d < 0 {
			t.Errorf("parseAge(%q) = %v, negative", s, d)
		}
	})
}
