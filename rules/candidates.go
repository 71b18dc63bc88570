package rules

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// columnField maps the header names a candidate CSV may use to the
// Candidate field they fill. Both Netra's own columns and those of the
// official KPU candidate lists (lembaga, nama_dapil, nama_partai,
// nomor_urut, nama) are understood, so a list can be dropped in unchanged.
func columnField(header string) (string, bool) {
	switch header {
	case "name", "nama", "nama_calon":
		return "name", true
	case "number", "nomor_urut", "no_urut", "nomor":
		return "number", true
	case "party", "partai", "nama_partai":
		return "party", true
	case "election", "lembaga", "pemilihan", "pemilu":
		return "election", true
	case "region", "dapil", "nama_dapil", "wilayah", "daerah":
		return "region", true
	}
	return "", false
}

// ReadCandidatesFile reads a candidate CSV (or .csv.gz) from disk.
func ReadCandidatesFile(name string) ([]Candidate, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("candidates: %w", err)
	}
	defer f.Close()
	return ReadCandidates(f, name)
}

// ReadCandidates reads candidates from CSV with a header row. A "name" (or
// "nama") column is required; number, party, election and region are
// optional. A file name ending in .gz is gunzipped. Errors name file:line.
func ReadCandidates(r io.Reader, file string) ([]Candidate, error) {
	r, closeFn, err := maybeGunzip(r, file)
	if err != nil {
		return nil, &Error{File: file, Msg: err.Error()}
	}
	defer closeFn()
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &Error{File: file, Line: 1, Msg: "empty file (expected a header row with a name column)"}
		}
		return nil, csvError(err, file)
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if f, ok := columnField(h); ok {
			if _, dup := col[f]; !dup {
				col[f] = i
			}
		}
	}
	nameCol, ok := col["name"]
	if !ok {
		return nil, &Error{File: file, Line: 1, Msg: "no name column in header (expected name or nama)"}
	}
	get := func(rec []string, f string) string {
		if i, ok := col[f]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	var out []Candidate
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvError(err, file)
		}
		name := strings.TrimSpace(rec[nameCol])
		if name == "" {
			line, _ := cr.FieldPos(nameCol)
			return nil, &Error{File: file, Line: line, Msg: "empty name"}
		}
		out = append(out, Candidate{
			Name:     name,
			Number:   get(rec, "number"),
			Party:    get(rec, "party"),
			Election: get(rec, "election"),
			Region:   get(rec, "region"),
		})
	}
	return out, nil
}

func csvError(err error, file string) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{File: file, Line: pe.Line, Msg: pe.Err.Error()}
	}
	return &Error{File: file, Msg: err.Error()}
}
