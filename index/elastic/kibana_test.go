package elastic

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestKibanaObjects checks the saved objects' structure as Kibana's import
// reads it: one object per line with type, id and attributes; unique ids;
// every reference names an object of the file with its type; the JSON kept
// in strings parses; the data view is on the read alias with a date time
// field; every field the search, the formats and the visualisations use is
// in the items mapping, and aggregated fields are keyword, date or boolean.
func TestKibanaObjects(t *testing.T) {
	b, err := KibanaObjects("netra", "netra-records")
	if err != nil {
		t.Fatal(err)
	}
	fields, err := ItemsMappingFields()
	if err != nil {
		t.Fatal(err)
	}
	type object struct {
		Type       string                     `json:"type"`
		ID         string                     `json:"id"`
		Attributes map[string]json.RawMessage `json:"attributes"`
		References []struct{ Name, Type, ID string }
	}
	var objs []object
	byID := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		var o object
		dec := json.NewDecoder(strings.NewReader(sc.Text()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&o); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		if o.Type == "" || o.ID == "" || o.Attributes == nil {
			t.Fatalf("line %d: type, id and attributes are required: %s", n, sc.Text())
		}
		if _, dup := byID[o.ID]; dup {
			t.Fatalf("line %d: id %s twice", n, o.ID)
		}
		byID[o.ID] = o.Type
		objs = append(objs, o)
	}
	count := map[string]int{}
	str := func(o object, k string) string {
		var s string
		if err := json.Unmarshal(o.Attributes[k], &s); err != nil {
			t.Fatalf("%s %s: attribute %s is not a string: %v", o.Type, o.ID, k, err)
		}
		return s
	}
	embedded := func(o object, s string, v any) {
		if err := json.Unmarshal([]byte(s), v); err != nil {
			t.Fatalf("%s %s: embedded JSON %q: %v", o.Type, o.ID, s, err)
		}
	}
	checkField := func(o object, f string, aggregatable bool) {
		typ, ok := fields[f]
		if !ok {
			t.Errorf("%s %s uses field %q, not in the items mapping", o.Type, o.ID, f)
			return
		}
		if aggregatable && typ != "keyword" && typ != "date" && typ != "boolean" {
			t.Errorf("%s %s aggregates %q of type %s", o.Type, o.ID, f, typ)
		}
	}
	searchSourceRef := func(o object) {
		var meta struct {
			SearchSourceJSON string `json:"searchSourceJSON"`
		}
		if err := json.Unmarshal(o.Attributes["kibanaSavedObjectMeta"], &meta); err != nil {
			t.Fatalf("%s %s: kibanaSavedObjectMeta: %v", o.Type, o.ID, err)
		}
		var ss struct {
			IndexRefName string `json:"indexRefName"`
		}
		embedded(o, meta.SearchSourceJSON, &ss)
		if o.Type == "dashboard" {
			return
		}
		found := false
		for _, r := range o.References {
			found = found || r.Name == ss.IndexRefName && r.Type == "index-pattern"
		}
		if ss.IndexRefName == "" || !found {
			t.Errorf("%s %s: its search source names reference %q, which it lacks", o.Type, o.ID, ss.IndexRefName)
		}
	}
	for _, o := range objs {
		count[o.Type]++
		for _, r := range o.References {
			if byID[r.ID] != r.Type {
				t.Errorf("%s %s refers to %s %s, which the file does not hold", o.Type, o.ID, r.Type, r.ID)
			}
		}
		switch o.Type {
		case "index-pattern":
			if got := str(o, "title"); got != "netra-records" {
				t.Errorf("the data view is on %q, want the read alias netra-records", got)
			}
			tf := str(o, "timeFieldName")
			if fields[tf] != "date" {
				t.Errorf("time field %q is %q in the mapping, want date", tf, fields[tf])
			}
			var formats map[string]struct {
				ID string `json:"id"`
			}
			embedded(o, str(o, "fieldFormatMap"), &formats)
			if len(formats) == 0 {
				t.Error("the data view has no field formats")
			}
			for f, ff := range formats {
				checkField(o, f, false)
				if ff.ID == "" {
					t.Errorf("field format of %s has no id", f)
				}
			}
		case "search":
			var cols []string
			if err := json.Unmarshal(o.Attributes["columns"], &cols); err != nil || len(cols) == 0 {
				t.Errorf("saved search without columns: %v", err)
			}
			for _, c := range cols {
				checkField(o, c, false)
			}
			searchSourceRef(o)
		case "visualization":
			var vs struct {
				Type string `json:"type"`
				Aggs []struct {
					Type   string `json:"type"`
					Params struct {
						Field string `json:"field"`
					} `json:"params"`
				} `json:"aggs"`
			}
			embedded(o, str(o, "visState"), &vs)
			if vs.Type == "" || len(vs.Aggs) < 2 {
				t.Errorf("visualization %s: type %q, %d aggregations", o.ID, vs.Type, len(vs.Aggs))
			}
			for _, a := range vs.Aggs {
				if a.Params.Field != "" {
					checkField(o, a.Params.Field, true)
				}
			}
			searchSourceRef(o)
		case "dashboard":
			var panels []struct {
				PanelRefName string `json:"panelRefName"`
				GridData     struct {
					W, H int
				} `json:"gridData"`
			}
			embedded(o, str(o, "panelsJSON"), &panels)
			if len(panels) != 4 {
				t.Errorf("dashboard has %d panels, want 4 (over time, category, region, status)", len(panels))
			}
			for _, p := range panels {
				ok := false
				for _, r := range o.References {
					ok = ok || r.Name == p.PanelRefName && r.Type == "visualization"
				}
				if !ok || p.GridData.W == 0 || p.GridData.H == 0 {
					t.Errorf("dashboard panel %q: reference found %v, size %dx%d", p.PanelRefName, ok, p.GridData.W, p.GridData.H)
				}
			}
			var opts map[string]any
			embedded(o, str(o, "optionsJSON"), &opts)
			searchSourceRef(o)
		default:
			t.Errorf("unexpected object type %q", o.Type)
		}
	}
	if count["index-pattern"] != 1 || count["search"] != 1 || count["dashboard"] != 1 || count["visualization"] != 4 {
		t.Errorf("objects by type: %v", count)
	}
	// The four views the dashboard promises.
	for _, f := range []string{"time", "verdict.categories", "item.region", "review.status"} {
		if !bytes.Contains(b, []byte(`\"field\":\"`+f+`\"`)) {
			t.Errorf("no visualisation aggregates %s", f)
		}
	}
}
