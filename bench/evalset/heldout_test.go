package main

import "testing"

// TestCopyOf checks the held-out filter: one 5-word run in common with a
// held-out post makes a copy (a template campaign's variant), while a
// dev2 text needs two, since news share stock phrases.
func TestCopyOf(t *testing.T) {
	h := &heldOut{owner: map[string][]string{}}
	add := func(id, text string) {
		for s := range shingles(text) {
			h.owner[s] = append(h.owner[s], id)
		}
	}
	add("post1", "warga sukamaju yakin paslon biru paling peduli nelayan pesisir selatan")
	add("dev2 n1", "Badan Pengawas Pemilihan Umum Kabupaten Sukamaju memanggil seorang camat pekan lalu")
	for _, tc := range []struct {
		text, want string
	}{
		{"kami di kampung yakin paslon biru paling peduli petani", "post1"},
		{"Badan Pengawas Pemilihan Umum Kabupaten Sukajadi menggelar rapat", ""},
		{"Hari ini Badan Pengawas Pemilihan Umum Kabupaten Sukamaju memanggil seorang camat lagi", "dev2 n1"},
		{"paslon biru menang di pesisir", ""},
	} {
		if got := h.copyOf(record{Text: tc.text}); got != tc.want {
			t.Errorf("copyOf(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
