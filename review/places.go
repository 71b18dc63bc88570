package review

import (
	"fmt"

	"github.com/netra-id/netra/places"
)

// placeNames names the Kemendagri codes of the "place" filter and facet.
type placeNames struct {
	names     map[string]string // code → official name
	provinces []string          // province codes, in gazetteer order
}

// newPlaceNames reads the gazetteer the places package embeds.
func newPlaceNames() (placeNames, error) {
	m, err := places.New()
	if err != nil {
		return placeNames{}, fmt.Errorf("review: places: %w", err)
	}
	pn := placeNames{names: map[string]string{}}
	for _, u := range m.Units() {
		pn.names[u.Code] = u.Name
		if u.Level == places.LevelProvinsi {
			pn.provinces = append(pn.provinces, u.Code)
		}
	}
	return pn, nil
}

// label is "Jawa Tengah" for "33", the code itself for an unknown one.
func (pn placeNames) label(code string) string {
	if n, ok := pn.names[code]; ok {
		return n
	}
	return code
}

// known reports whether code is a province or kabupaten/kota code.
func (pn placeNames) known(code string) bool {
	_, ok := pn.names[code]
	return ok
}
