package rules

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// columnAliases maps the header names a candidate CSV may use to the
// Candidate field they fill. Both Netra's own columns and those of the
// official KPU candidate lists (lembaga, nama_dapil, nama_partai,
// nomor_urut, nama) are understood, so a list can be dropped in unchanged.
var columnAliases = map[string]string{
	"name": "name", "nama": "name", "nama_calon": "name",
	"number": "number", "nomor_urut": "number", "no_urut": "number", "nomor": "number",
	"party": "party", "partai": "party", "nama_partai": "party",
	"election": "election", "lembaga": "election", "pemilihan": "election", "pemilu": "election",
	"region": "region", "dapil": "region", "nama_dapil": "region", "wilayah": "region", "daerah": "region",
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
		if f, ok := columnAliases[h]; ok {
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
