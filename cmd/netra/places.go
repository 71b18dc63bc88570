package main

import (
	"fmt"
	"maps"
	"strings"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/places"
)

// placesEnricher returns the pipeline's Enrich step: for an item with
// evidence (any hit), the provinces and kabupaten/kota its text is about
// go into Meta ("places": "33.74 Kota Semarang; 33 Jawa Tengah"), and when
// the source named no region, the province mentioned most becomes the
// item's region, so the region filter and the dashboard see it. Items
// without evidence are left alone: matching places costs more than
// classifying.
func placesEnricher() (func(*netra.Item, netra.Verdict), error) {
	m, err := places.New()
	if err != nil {
		return nil, err
	}
	return func(it *netra.Item, v netra.Verdict) {
		if len(v.Hits) == 0 {
			return
		}
		found := m.Find(it.Title, it.Text, it.Region)
		if len(found) == 0 {
			return
		}
		var names []string
		best, bestN := "", -1
		for _, p := range found {
			if p.Confidence < places.ConfidencePrior {
				continue // a guess between a kabupaten and a kota of one name
			}
			names = append(names, p.Code+" "+p.Name)
			if p.Level == places.LevelProvinsi {
				// Mentions of the province itself and of its regencies.
				n := p.Mentions
				for _, q := range found {
					if q.Level != places.LevelProvinsi && q.ProvinceCode == p.Code {
						n += q.Mentions
					}
				}
				if n > bestN {
					best, bestN = p.Name, n
				}
			}
		}
		if len(names) == 0 {
			return
		}
		meta := maps.Clone(it.Meta)
		if meta == nil {
			meta = map[string]string{}
		}
		meta["places"] = strings.Join(names, "; ")
		it.Meta = meta
		if it.Region == "" && best != "" {
			it.Region = best
		}
	}, nil
}

// placeCodes turns --place values into Kemendagri codes: a code as it is,
// an official name ("Jawa Tengah", "Kota Semarang", any case), or a
// province's alias or slug ("Jateng", "jawa-tengah").
func placeCodes(vals []string) ([]string, error) {
	m, err := places.New()
	if err != nil {
		return nil, err
	}
	byName := map[string]string{}
	known := map[string]bool{}
	for _, u := range m.Units() {
		byName[strings.ToLower(u.Name)] = u.Code
		known[u.Code] = true
	}
	var out []string
	for _, v := range vals {
		v = strings.TrimSpace(v)
		switch {
		case known[v]:
			out = append(out, v)
		case byName[strings.ToLower(v)] != "":
			out = append(out, byName[strings.ToLower(v)])
		case m.Province(v) != "":
			out = append(out, m.Province(v))
		default:
			return nil, fmt.Errorf(`--place %q: not a Kemendagri code or name (e.g. 33, "Jawa Tengah", 33.74, "Kota Semarang")`, v)
		}
	}
	return out, nil
}
