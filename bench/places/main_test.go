package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestScore(t *testing.T) {
	tests := []struct {
		name                string
		expected, predicted []string
		want                counts
		missed, wrong       []string
	}{
		{"exact", []string{"32", "35"}, []string{"35", "32"}, counts{2, 0, 0}, nil, nil},
		{"miss and wrong", []string{"32.01"}, []string{"32.71"}, counts{0, 1, 1}, []string{"32.01"}, []string{"32.71"}},
		{"either counts", []string{"32.01|32.71"}, []string{"32.71"}, counts{1, 0, 0}, nil, nil},
		{"both of an either pair", []string{"32.01|32.71"}, []string{"32.01", "32.71"}, counts{1, 1, 0}, nil, []string{"32.71"}},
		{"nothing expected", nil, []string{"31"}, counts{0, 1, 0}, nil, []string{"31"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, missed, wrong := score(tc.expected, tc.predicted)
			if c != tc.want || !reflect.DeepEqual(missed, tc.missed) || !reflect.DeepEqual(wrong, tc.wrong) {
				t.Errorf("score = %+v %v %v, want %+v %v %v", c, missed, wrong, tc.want, tc.missed, tc.wrong)
			}
		})
	}
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	data := `{"id":"a","title":"Camat Kabupaten Bogor Dilaporkan","text":"Bawaslu Kabupaten Bogor, Jawa Barat, memeriksa."}
{"id":"b","text":"Wali Kota Surabaya membantah."}
{"id":"c","text":"Tidak ada tempat di sini."}
`
	labels := `{"id":"a","provinces":["32"],"regencies":["32.01"]}
{"id":"b","provinces":["35"],"regencies":["35.78"]}
{"id":"c","provinces":[],"regencies":[]}
{"id":"not-in-data","provinces":["11"],"regencies":[]}
`
	dataDir := filepath.Join(dir, "data")
	if err := os.Mkdir(dataDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dataDir, "items.jsonl"), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	lp := filepath.Join(dir, "labels.jsonl")
	if err := os.WriteFile(lp, []byte(labels), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run([]string{"-labels", lp, "-data", dataDir}, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"4 labelled, 3 found", "provinces              1.000     1.000", "kabupaten/kota         1.000     1.000"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if err := run([]string{"-labels", lp}, &out); err == nil {
		t.Error("no error without -data")
	}
}

// TestLabels runs the real labels against the evaluation data when it is
// present next to this worktree (../main/testdata/eval).
func TestLabels(t *testing.T) {
	data := filepath.Join("..", "..", "..", "main", "testdata", "eval")
	if _, err := os.Stat(data); err != nil {
		t.Skip("evaluation data not present:", data)
	}
	var out bytes.Buffer
	if err := run([]string{"-labels", filepath.Join("..", "..", "places", "testdata", "labels.jsonl"), "-data", data}, &out); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + out.String())
}
