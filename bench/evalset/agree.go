package main

import (
	"flag"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// label is one annotator's (or the adjudicated) decision on one record.
type label struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Hard  bool   `json:"hard"`
	Actor string `json:"actor,omitempty"`
	Act   string `json:"act,omitempty"`
	Why   string `json:"why,omitempty"`
}

var guideLabels = []string{"partisan", "aggregate", "official_non_asn", "neutrality", "unrelated"}

// readLabels reads label files (comma-separated names) into one map,
// refusing unknown labels and ids given twice.
func readLabels(names string) (map[string]label, []string, error) {
	out := map[string]label{}
	var order []string
	for _, name := range strings.Split(names, ",") {
		err := readJSONL(name, func(l label, _ int) error {
			if !slices.Contains(guideLabels, l.Label) {
				return fmt.Errorf("label %q is not one of %s", l.Label, strings.Join(guideLabels, ", "))
			}
			if _, dup := out[l.ID]; dup {
				return fmt.Errorf("id %s labelled twice", l.ID)
			}
			out[l.ID] = l
			order = append(order, l.ID)
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
	}
	return out, order, nil
}

// kappa is Cohen's κ of two labelings over the same ids, after mapping
// each label through fold (identity for the five-way κ, partisan-or-not
// for the binary one).
func kappa(a, b map[string]label, ids []string, fold func(string) string) (k, observed float64) {
	ca, cb := map[string]float64{}, map[string]float64{}
	agree := 0.0
	for _, id := range ids {
		la, lb := fold(a[id].Label), fold(b[id].Label)
		ca[la]++
		cb[lb]++
		if la == lb {
			agree++
		}
	}
	n := float64(len(ids))
	po := agree / n
	pe := 0.0
	for l, x := range ca {
		pe += x / n * cb[l] / n
	}
	if pe == 1 {
		return 1, po
	}
	return (po - pe) / (1 - pe), po
}

func runAgree(args []string) error {
	fs := flag.NewFlagSet("agree", flag.ContinueOnError)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return fmt.Errorf("agree: want two label files (each may be a comma-separated list)")
	}
	a, order, err := readLabels(fs.Arg(0))
	if err != nil {
		return err
	}
	b, _, err := readLabels(fs.Arg(1))
	if err != nil {
		return err
	}
	var ids []string
	for _, id := range order {
		if _, ok := b[id]; ok {
			ids = append(ids, id)
		}
	}
	if len(ids) != len(a) || len(ids) != len(b) {
		return fmt.Errorf("agree: the files label different records (%d and %d, %d in common)", len(a), len(b), len(ids))
	}
	k5, po5 := kappa(a, b, ids, func(s string) string { return s })
	k2, po2 := kappa(a, b, ids, func(s string) string {
		if s == "partisan" {
			return s
		}
		return "other"
	})
	fmt.Printf("records %d\nfive labels: agreement %.4f, Cohen's kappa %.4f\npartisan vs rest: agreement %.4f, Cohen's kappa %.4f\n", len(ids), po5, k5, po2, k2)
	conf := map[[2]string]int{}
	for _, id := range ids {
		conf[[2]string{a[id].Label, b[id].Label}]++
	}
	keys := make([][2]string, 0, len(conf))
	for k := range conf {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]+keys[i][1] < keys[j][0]+keys[j][1] })
	fmt.Println("\nA label → B label: count")
	for _, k := range keys {
		fmt.Printf("  %-17s %-17s %d\n", k[0], k[1], conf[k])
	}
	fmt.Println("\ndisagreements:")
	for _, id := range ids {
		if a[id].Label != b[id].Label {
			fmt.Printf("%s\tA=%s\tB=%s\n", id, a[id].Label, b[id].Label)
		}
	}
	return nil
}
