// Command evalset builds and checks Netra's own labelled evaluation corpus
// (testdata/eval): it samples licensed texts from the bench corpora without
// looking at the rules, splits them into tune and test groups by source and
// day before any rule is changed, and measures agreement between two
// independent annotations.
//
//	go run ./bench/evalset sample -data ../shared/data -out testdata/eval/corpus.jsonl
//	go run ./bench/evalset agree testdata/eval/labels-a.jsonl testdata/eval/labels-b.jsonl
//	go run ./bench/evalset build -corpus … -a … -b … -adjudicated … -out-dir testdata/eval
//	go run ./bench/evalset calibrate testdata/eval/tune-*.jsonl DEV.jsonl DEV3.jsonl
//	go run ./bench/evalset textmodel -out rules/packs/id/textmodel.tsv classifier/testdata/challenge.jsonl
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: evalset sample|agree|build|calibrate|textmodel|features [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "sample":
		err = runSample(os.Args[2:])
	case "agree":
		err = runAgree(os.Args[2:])
	case "build":
		err = runBuild(os.Args[2:])
	case "calibrate":
		err = runCalibrate(os.Args[2:])
	case "textmodel":
		err = runTextModel(os.Args[2:])
	case "features":
		err = runFeatures(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q (want sample, agree, build, calibrate, textmodel or features)", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "evalset:", err)
		os.Exit(1)
	}
}
