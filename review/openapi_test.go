package review

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/netra-id/netra"
)

// TestOpenAPIDescribesVerdict checks that the API description names every
// JSON field of the verdict and its hits, so a field added to the root
// types (add, never rename) is not left out of what clients read.
func TestOpenAPIDescribesVerdict(t *testing.T) {
	b, err := webFS.ReadFile("web/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	for name, typ := range map[string]reflect.Type{"Verdict": reflect.TypeOf(netra.Verdict{}), "Hit": reflect.TypeOf(netra.Hit{})} {
		props := doc.Components.Schemas[name].Properties
		for i := 0; i < typ.NumField(); i++ {
			tag := strings.Split(typ.Field(i).Tag.Get("json"), ",")[0]
			if tag == "" || tag == "-" {
				continue
			}
			if _, ok := props[tag]; !ok {
				t.Errorf("schema %s lacks %q (netra.%s.%s)", name, tag, name, typ.Field(i).Name)
			}
		}
	}
}
