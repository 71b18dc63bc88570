package elastic

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Kibana saved objects for Netra's records: a data view on the read alias
// (each record counted once, whatever the number of generations), a saved
// search of the review queue and a dashboard of flagged items over time,
// by category, by region and by status. They are written in the NDJSON
// form Kibana's saved objects import reads (Stack Management → Saved
// objects → Import, or POST /api/saved_objects/_import). Visualisations
// use the aggregation-based editor's form, which Kibana 8 imports and
// migrates; Netra cannot test against a running Kibana, so a test checks
// the structure: every line an object, every reference resolved, every
// field in the items mapping.

// kibanaObject is one saved object.
type kibanaObject struct {
	Type       string         `json:"type"`
	ID         string         `json:"id"`
	Attributes map[string]any `json:"attributes"`
	References []kibanaRef    `json:"references"`
}

type kibanaRef struct {
	Name string `json:"name"`
	Type string `json:"type"`
	ID   string `json:"id"`
}

// mustJSON encodes the JSON-in-a-string attributes Kibana keeps.
func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("kibana: %v", err)) // only literal values here
	}
	return string(b)
}

// searchSource is a searchSourceJSON pointing at the data view reference.
func searchSource(query string) string {
	return mustJSON(map[string]any{
		"query":        map[string]any{"query": query, "language": "kuery"},
		"filter":       []any{},
		"indexRefName": "kibanaSavedObjectMeta.searchSourceJSON.index",
	})
}

// KibanaObjects returns the saved objects for the store with index prefix
// prefix, read through readAlias, as NDJSON.
func KibanaObjects(prefix, readAlias string) ([]byte, error) {
	dv := prefix + "-records-view"
	dvRef := []kibanaRef{{Name: "kibanaSavedObjectMeta.searchSourceJSON.index", Type: "index-pattern", ID: dv}}
	formats := map[string]any{
		"item.url":       map[string]any{"id": "url", "params": map[string]any{"type": "a", "urlTemplate": "{{value}}", "labelTemplate": "{{value}}"}},
		"verdict.score":  map[string]any{"id": "percent", "params": map[string]any{"pattern": "0%"}},
		"time":           map[string]any{"id": "date", "params": map[string]any{"pattern": "YYYY-MM-DD HH:mm"}},
		"item.published": map[string]any{"id": "date", "params": map[string]any{"pattern": "YYYY-MM-DD HH:mm"}},
	}
	objs := []kibanaObject{{
		Type: "index-pattern", ID: dv,
		Attributes: map[string]any{
			"title":          readAlias,
			"name":           "Netra records (" + prefix + ")",
			"timeFieldName":  "time",
			"fieldFormatMap": mustJSON(formats),
		},
		References: []kibanaRef{},
	}, {
		Type: "search", ID: prefix + "-review-queue",
		Attributes: map[string]any{
			"title":       "Netra review queue (" + prefix + ")",
			"description": "Flagged records waiting for a reviewer, newest first",
			"columns":     []string{"item.title", "verdict.categories", "item.region", "item.source", "verdict.score", "review.status", "review.assignee"},
			"sort":        [][]string{{"time", "desc"}},
			"kibanaSavedObjectMeta": map[string]any{
				"searchSourceJSON": searchSource(`verdict.flagged : true and review.status : "new"`),
			},
		},
		References: dvRef,
	}}
	type vis struct {
		id, title, kind string
		params          map[string]any
		aggs            []any
	}
	count := map[string]any{"id": "1", "enabled": true, "type": "count", "schema": "metric", "params": map[string]any{}}
	terms := func(field string, size int) map[string]any {
		return map[string]any{"id": "2", "enabled": true, "type": "terms", "schema": "segment",
			"params": map[string]any{"field": field, "size": size, "order": "desc", "orderBy": "1", "otherBucket": true, "missingBucket": false}}
	}
	visuals := []vis{
		{prefix + "-flagged-over-time", "Flagged items over time", "histogram",
			map[string]any{"type": "histogram", "addLegend": false, "addTooltip": true},
			[]any{count, map[string]any{"id": "2", "enabled": true, "type": "date_histogram", "schema": "segment",
				"params": map[string]any{"field": "time", "interval": "auto", "min_doc_count": 1, "extended_bounds": map[string]any{}}}}},
		{prefix + "-flagged-by-category", "Flagged items by category", "pie",
			map[string]any{"type": "pie", "addLegend": true, "addTooltip": true, "isDonut": true}, []any{count, terms("verdict.categories", 20)}},
		{prefix + "-flagged-by-region", "Flagged items by region", "table",
			map[string]any{"perPage": 20, "showTotal": true, "totalFunc": "sum"}, []any{count, func() map[string]any {
				t := terms("item.region", 50)
				t["schema"] = "bucket"
				return t
			}()}},
		{prefix + "-flagged-by-status", "Flagged items by review status", "pie",
			map[string]any{"type": "pie", "addLegend": true, "addTooltip": true, "isDonut": false}, []any{count, terms("review.status", 10)}},
	}
	var panels []any
	var panelRefs []kibanaRef
	for i, v := range visuals {
		objs = append(objs, kibanaObject{
			Type: "visualization", ID: v.id,
			Attributes: map[string]any{
				"title":       v.title + " (" + prefix + ")",
				"description": "",
				"uiStateJSON": "{}",
				"version":     1,
				"visState":    mustJSON(map[string]any{"title": v.title, "type": v.kind, "params": v.params, "aggs": v.aggs}),
				"kibanaSavedObjectMeta": map[string]any{
					"searchSourceJSON": searchSource("verdict.flagged : true"),
				},
			},
			References: dvRef,
		})
		ref := fmt.Sprintf("panel_%d", i)
		panels = append(panels, map[string]any{
			"panelIndex":       fmt.Sprint(i + 1),
			"gridData":         map[string]any{"x": (i % 2) * 24, "y": (i / 2) * 15, "w": 24, "h": 15, "i": fmt.Sprint(i + 1)},
			"type":             "visualization",
			"panelRefName":     ref,
			"embeddableConfig": map[string]any{},
		})
		panelRefs = append(panelRefs, kibanaRef{Name: ref, Type: "visualization", ID: v.id})
	}
	objs = append(objs, kibanaObject{
		Type: "dashboard", ID: prefix + "-dashboard",
		Attributes: map[string]any{
			"title":       "Netra: flagged items (" + prefix + ")",
			"description": "Flagged items over time, by category, by region and by review status",
			"panelsJSON":  mustJSON(panels),
			"optionsJSON": mustJSON(map[string]any{"useMargins": true, "hidePanelTitles": false}),
			"timeRestore": false,
			"version":     1,
			"kibanaSavedObjectMeta": map[string]any{
				"searchSourceJSON": mustJSON(map[string]any{"query": map[string]any{"query": "", "language": "kuery"}, "filter": []any{}}),
			},
		},
		References: panelRefs,
	})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for _, o := range objs {
		if err := enc.Encode(o); err != nil {
			return nil, fmt.Errorf("kibana: %w", err)
		}
	}
	return buf.Bytes(), nil
}

// ItemsMappingFields lists the fields of the items mapping with their
// types ("item.region": "keyword"), for checks of what refers to them.
func ItemsMappingFields() (map[string]string, error) {
	var m struct {
		Properties map[string]any `json:"properties"`
	}
	if err := json.Unmarshal([]byte(itemsMapping), &m); err != nil {
		return nil, err
	}
	out := map[string]string{}
	var walk func(prefix string, props map[string]any)
	walk = func(prefix string, props map[string]any) {
		for k, v := range props {
			f, _ := v.(map[string]any)
			if sub, ok := f["properties"].(map[string]any); ok {
				walk(prefix+k+".", sub)
				continue
			}
			t, _ := f["type"].(string)
			out[prefix+k] = t
		}
	}
	walk("", m.Properties)
	return out, nil
}

// KibanaObjects returns the saved objects for this store (see the
// package-level KibanaObjects).
func (s *Store) KibanaObjects() ([]byte, error) {
	return KibanaObjects(s.cfg.IndexPrefix, s.readAlias)
}
