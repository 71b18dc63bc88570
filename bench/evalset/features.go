package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/classifier"
)

// featureRow is one labelled record's calibration features, as written by
// the features command.
type featureRow struct {
	File     string             `json:"file"`
	Line     int                `json:"line"`
	Label    string             `json:"label"`
	Features map[string]float64 `json:"features"`
}

// runFeatures writes the calibration features of every labelled record of
// the inputs as JSONL (file, line, label, features; features null when the
// record does not pass the first stage), so a calibration can be studied
// or fitted outside Go.
func runFeatures(args []string) error {
	fs := flag.NewFlagSet("features", flag.ContinueOnError)
	rulesDir := fs.String("rules", "", "rule pack directory (default: the built-in pack)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	c, err := loadClassifier(*rulesDir)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(os.Stdout)
	for _, file := range fs.Args() {
		err := readJSONL(file, func(r evalRecord, line int) error {
			x := c.Features(netra.Item{Title: r.Title, Text: r.Text})
			return enc.Encode(featureRow{File: file, Line: line, Label: r.Label, Features: x})
		})
		if err != nil {
			return fmt.Errorf("features: %w", err)
		}
	}
	return nil
}

// writeExamples writes the fitted examples as JSONL rows of featureRow
// (label partisan or other, as fitted).
func writeExamples(name string, data []example, fold []int, files []string) error {
	f, err := os.Create(name)
	if err != nil {
		return fmt.Errorf("calibrate: %w", err)
	}
	enc := json.NewEncoder(f)
	for i, e := range data {
		label := "other"
		if e.y == 1 {
			label = "partisan"
		}
		if err := enc.Encode(featureRow{File: files[fold[i]], Line: e.line, Label: label, Features: e.x}); err != nil {
			f.Close()
			return fmt.Errorf("calibrate: %s: %w", name, err)
		}
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("calibrate: %s: %w", name, err)
	}
	return nil
}

// loadClassifier loads the pack in dir, or the built-in pack for "".
func loadClassifier(dir string) (*classifier.Classifier, error) {
	if dir != "" {
		return classifier.Load(dir)
	}
	return classifier.Default()
}
