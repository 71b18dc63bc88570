package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestNodeText(t *testing.T) {
	cases := []struct{ in, want string }{
		{`<p><em>By Aaron Humes</em>: The Americas</p><p>Second  paragraph.</p>`, "By Aaron Humes: The Americas Second paragraph."},
		{`<p>Ministerio Público de <a href="/g">Guatemala</a>, la devolución</p>`, "Ministerio Público de Guatemala, la devolución"},
		{`<p>Bupati<br>Kabupaten</p><ul><li>satu</li><li>dua</li></ul>`, "Bupati Kabupaten satu dua"},
		{`<div>teks<script>var x = 1;</script> <b>tebal</b></div>`, "teks tebal"},
	}
	for _, c := range cases {
		doc, err := html.Parse(strings.NewReader(c.in))
		if err != nil {
			t.Fatal(err)
		}
		if got := nodeText(doc); got != c.want {
			t.Errorf("%s: got %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzNodeText(f *testing.F) {
	f.Add(`<p><em>a</em>: b</p>`)
	f.Add(`<table><tr><td>x<td>y</table>`)
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := html.Parse(strings.NewReader(s))
		if err != nil {
			return
		}
		got := nodeText(doc)
		if strings.Contains(got, "  ") || strings.TrimSpace(got) != got {
			t.Fatalf("%q: white space not collapsed: %q", s, got)
		}
	})
}
