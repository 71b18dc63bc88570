package review

import (
	"net/http"
	"slices"
	"testing"
)

// A filter value that names nothing is a 400 that lists what is allowed,
// not an empty result that looks like "no cases".
func TestAPIUnknownFilterValues(t *testing.T) {
	f := newFixture(t, withOptions(WithRules([]RuleInfo{
		{ID: "asn-campaign", Title: "ASN ikut berkampanye", Category: "asn_campaign", Flag: true},
	})))
	type errBody struct {
		Error   string   `json:"error"`
		Field   string   `json:"field"`
		Value   string   `json:"value"`
		Allowed []string `json:"allowed"`
	}
	for _, c := range []struct {
		query, field, value string
		allowed             []string
	}{
		// The old help text's example: no such category.
		{"category=asn_kampanye", "category", "asn_kampanye", []string{"asn_campaign", "asn_partisan", "kepala_desa"}},
		{"category=kepala_desa,asn_kampanye", "category", "asn_kampanye", nil},
		{"rule=asn-dukung", "rule", "asn-dukung", []string{"asn-campaign", "asn-dukung-paslon", "asn-hadir-kampanye", "kades-dukung-calon"}},
		{"source=antara", "source", "antara", []string{"detik", "kompas", "tweets"}},
		{"region=Bali", "region", "Bali", []string{"DKI Jakarta", "Jawa Timur", "Kalimantan Selatan"}},
		{"region=jawa%20timur", "region", "jawa timur", nil},
	} {
		for _, path := range []string{"/api/v1/items?", "/api/v1/export?format=csv&"} {
			code, body, _ := f.do("GET", path+c.query, "budi", viewerPW, nil)
			if code != http.StatusBadRequest {
				t.Errorf("%s%s: %d %s, want 400", path, c.query, code, body)
				continue
			}
			e := decode[errBody](t, body)
			if e.Field != c.field || e.Value != c.value || e.Error == "" {
				t.Errorf("%s%s: %+v, want field %q value %q", path, c.query, e, c.field, c.value)
			}
			if c.allowed != nil && !slices.Equal(e.Allowed, c.allowed) {
				t.Errorf("%s%s: allowed %q, want %q", path, c.query, e.Allowed, c.allowed)
			}
		}
	}
	// Known values still search: from the store, and from the pack even
	// when no stored record has them yet.
	for query, want := range map[string]int{"category=kepala_desa": 1, "category=asn_campaign": 0, "rule=asn-campaign": 0, "source=tweets&region=Kalimantan%20Selatan": 1} {
		code, body, _ := f.do("GET", "/api/v1/items?flagged=all&"+query, "budi", viewerPW, nil)
		if code != 200 {
			t.Errorf("%s: %d %s, want 200", query, code, body)
			continue
		}
		if r := decode[struct{ Total int }](t, body); r.Total != want {
			t.Errorf("%s: total %d, want %d", query, r.Total, want)
		}
	}
}

func TestCatalogLabels(t *testing.T) {
	c := newCatalog([]RuleInfo{
		{ID: "asn-support", Title: "ASN menyatakan dukungan", Category: "asn_support", Flag: true},
		{ID: "lurah-baru", Title: "Lurah mengajak memilih", Category: "lurah_ajak", Flag: true},
		{ID: "kades-x", Title: "Kepala desa berkampanye", Category: "official_non_asn", Flag: false},
	})
	for _, c2 := range []struct{ lang, facet, id, want string }{
		{langID, "category", "asn_support", "ASN menyatakan dukungan"},
		{langEN, "category", "asn_support", "ASN declaring support"},
		{langID, "category", "lurah_ajak", "Lurah mengajak memilih"}, // a pack's own category: its first rule's title
		{langID, "category", "kategori_lama", "kategori lama"},       // only in stored records
		{langID, "rule", "lurah-baru", "Lurah mengajak memilih"},
		{langID, "rule", "aturan_lama", "aturan lama"},
		{langEN, "rule", "word-model", wordModelTitle}, // the word model's flags, though this pack does not weigh it
		{langID, "status", "escalated", "dieskalasi"},
		{langID, "source", "kompas_tv", "kompas_tv"}, // names of sources are the operator's own
	} {
		if got := c.label(c2.lang, c2.facet, c2.id); got != c2.want {
			t.Errorf("label(%s, %s, %s) = %q, want %q", c2.lang, c2.facet, c2.id, got, c2.want)
		}
	}
	if got := c.nonASNCategories(); len(got) != 1 || got[0] != "official_non_asn" {
		t.Errorf("non-ASN categories %v", got)
	}
}
