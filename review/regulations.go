package review

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// Regulation is the text of one regulation article the rules relate to,
// shipped with the app so a reviewer can read it next to the evidence.
type Regulation struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Intro  string `json:"intro"`
	Points []struct {
		N           int    `json:"n"`
		Text        string `json:"text"`
		Elucidation string `json:"elucidation"`
	} `json:"points"`
}

// regulations reads the shipped texts (web/regulations/*.json).
func regulations() ([]Regulation, error) {
	entries, err := webFS.ReadDir("web/regulations")
	if err != nil {
		return nil, fmt.Errorf("regulations: %w", err)
	}
	var out []Regulation
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		b, err := webFS.ReadFile("web/regulations/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("regulations: %w", err)
		}
		var r Regulation
		if err := json.Unmarshal(b, &r); err != nil {
			return nil, fmt.Errorf("regulations: %s: %w", e.Name(), err)
		}
		out = append(out, r)
	}
	return out, nil
}

// regulationAnchor is where a hit's regulation string ("PP 94/2021 Pasal 5
// huruf n angka 1; …") points on the regulations page, or "" when its text
// is not shipped.
func regulationAnchor(reg string) string {
	if strings.Contains(reg, "PP 94/2021") && strings.Contains(reg, "huruf n") {
		return "/regulations#pp94-2021-pasal5n"
	}
	return ""
}

// regulationsPage shows the shipped regulation texts.
func (s *Server) regulationsPage(w http.ResponseWriter, r *http.Request, p principal) {
	regs, err := regulations()
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "regulations", p, map[string]any{"Regs": regs})
}
