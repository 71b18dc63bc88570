// Package alerttest is the conformance suite of alerts: the same scenarios
// run on every store (the embedded bleve store and a real Elasticsearch),
// with the store's own KV for the alert state, so a saved search means the
// same thing, and alerts once, everywhere.
package alerttest

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/alert"
	"github.com/netra-id/netra/index"
)

// Backend is a fresh, empty store and the KV its alert state lives in.
type Backend struct {
	Store index.Store
	KV    alert.KV
}

// Run runs every scenario; open must return a new, empty backend each
// time, with the store opened with indextest.Analyze.
func Run(t *testing.T, open func(t *testing.T) Backend) {
	t.Run("MatchesOnce", func(t *testing.T) { testMatchesOnce(t, open(t)) })
	t.Run("ChangeAppliesLater", func(t *testing.T) { testChangeAppliesLater(t, open(t)) })
	t.Run("WebhookRetriesSigned", func(t *testing.T) { testWebhook(t, open(t)) })
	t.Run("WebhookDeadLetter", func(t *testing.T) { testDeadLetter(t, open(t)) })
	t.Run("EmailDigest", func(t *testing.T) { testDigest(t, open(t)) })
	t.Run("ManySearches", func(t *testing.T) { testManySearches(t, open(t)) })
}

// Rec builds a record for the scenarios.
func Rec(id, text, region, category, rule string, score float64) netra.Record {
	return netra.Record{
		Item: netra.Item{ID: id, Source: "uji", Kind: "import", Title: "judul " + id, Text: text, Region: region,
			Published: time.Date(2024, 1, 10, 12, 0, 0, 0, time.UTC)},
		Verdict: netra.Verdict{ID: id, Flagged: score >= 0.5, Score: score, Categories: []string{category},
			Hits: []netra.Hit{{Rule: rule, Category: category}}, RulesVersion: "uji-1"},
	}
}

// batch1 and batch2 are two arrivals. Kampanye (the campaign word) occurs
// in a1, a2, b1, b2; a1 and b1 are in Jawa Tengah.
func batch1() []netra.Record {
	return []netra.Record{
		Rec("a1", "Camat ikut kampanye calon bupati di alun-alun", "Jawa Tengah", "asn_kampanye", "R1", 0.9),
		Rec("a2", "Guru PPPK hadir dalam kampanye terbuka", "Jawa Barat", "asn_kampanye", "R1", 0.7),
		Rec("a3", "Harga beras naik menjelang akhir bulan", "Jawa Tengah", "none", "R9", 0.1),
	}
}

func batch2() []netra.Record {
	return []netra.Record{
		Rec("b1", "Lurah terlihat dalam kampanye akbar partai", "Jawa Tengah", "asn_kampanye", "R2", 0.8),
		Rec("b2", "Sekda membantah kampanye untuk calon", "Jawa Barat", "asn_kampanye", "R2", 0.6),
		Rec("b3", "Pasar tradisional ramai pengunjung", "Jawa Barat", "none", "R9", 0.0),
	}
}

// store upserts recs and runs the pipeline hook, as the pipeline does
// after the store acknowledged a batch.
func store(t *testing.T, b Backend, e *alert.Engine, recs []netra.Record) {
	t.Helper()
	if err := b.Store.Upsert(t.Context(), recs); err != nil {
		t.Fatalf("Upsert: %v", err)
	}
	if err := e.Stored(t.Context(), recs); err != nil {
		t.Fatalf("Stored: %v", err)
	}
}

func itemIDs(items []alert.ItemRef) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.ID)
	}
	slices.Sort(out)
	return out
}

// notified is every item ID in user's notifications, sorted, repeats kept.
func notified(t *testing.T, r *alert.Repo, user string) []string {
	t.Helper()
	ns, _, err := r.Notifications(t.Context(), user, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, n := range ns {
		out = append(out, itemIDs(n.Items)...)
	}
	slices.Sort(out)
	return out
}

func save(t *testing.T, r *alert.Repo, s alert.Search) alert.Search {
	t.Helper()
	s, err := r.SaveSearch(t.Context(), s)
	if err != nil {
		t.Fatalf("SaveSearch: %v", err)
	}
	return s
}

func testMatchesOnce(t *testing.T, b Backend) {
	repo := alert.NewRepo(b.KV)
	e := alert.NewEngine(repo, b.Store, nil)
	save(t, repo, alert.Search{Name: "kampanye di Jawa Tengah", Owner: "ani", Shared: true,
		Filter:        alert.Filter{Q: "kampanye", Regions: []string{"Jawa Tengah"}},
		Subscriptions: []alert.Subscription{{User: "ani", Channel: alert.ChannelApp}, {User: "budi", Channel: alert.ChannelApp}}})
	store(t, b, e, batch1())
	if got, want := notified(t, repo, "ani"), []string{"a1"}; !slices.Equal(got, want) {
		t.Fatalf("ani notified of %v after batch 1, want %v", got, want)
	}
	if got, want := notified(t, repo, "budi"), []string{"a1"}; !slices.Equal(got, want) {
		t.Fatalf("budi notified of %v after batch 1, want %v", got, want)
	}
	// Re-stored (a re-crawl), and replayed by a new engine (a new process)
	// over the same state: nothing new.
	store(t, b, e, batch1())
	e2 := alert.NewEngine(alert.NewRepo(b.KV), b.Store, nil)
	store(t, b, e2, batch1())
	// A batch mixing old and new records alerts the new ones only.
	store(t, b, e2, append(batch1()[:1], batch2()...))
	if got, want := notified(t, repo, "ani"), []string{"a1", "b1"}; !slices.Equal(got, want) {
		t.Errorf("ani notified of %v after re-storing and batch 2, want %v (each once)", got, want)
	}
	ns, unread, err := repo.Notifications(t.Context(), "ani", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(ns) != 2 || unread != 2 {
		t.Fatalf("ani has %d notifications, %d unread; want 2 and 2", len(ns), unread)
	}
	if err := repo.MarkRead(t.Context(), "ani", []string{ns[0].ID}); err != nil {
		t.Fatal(err)
	}
	if _, unread, _ = repo.Notifications(t.Context(), "ani", 0); unread != 1 {
		t.Errorf("after marking one read, %d unread, want 1", unread)
	}
}

func testChangeAppliesLater(t *testing.T, b Backend) {
	repo := alert.NewRepo(b.KV)
	e := alert.NewEngine(repo, b.Store, nil)
	s := save(t, repo, alert.Search{Name: "kampanye", Owner: "ani",
		Filter:        alert.Filter{Q: "kampanye", Regions: []string{"Jawa Tengah"}},
		Subscriptions: []alert.Subscription{{User: "ani", Channel: alert.ChannelApp}}})
	store(t, b, e, batch1())
	s.Filter = alert.Filter{Q: "kampanye", Regions: []string{"Jawa Barat"}, MinScore: ptr(0.65)}
	s = save(t, repo, s)
	if s.Revision != 2 {
		t.Errorf("revision after one change = %d, want 2", s.Revision)
	}
	store(t, b, e, batch2())
	// a1 under the first version; under the second only later records:
	// b2 (Jawa Barat) is below 0.65, b1 is in Jawa Tengah, and a2 (Jawa
	// Barat, 0.7) was stored before the change.
	if got, want := notified(t, repo, "ani"), []string{"a1"}; !slices.Equal(got, want) {
		t.Fatalf("notified of %v, want %v", got, want)
	}
	s.Filter.MinScore = ptr(0.5)
	s = save(t, repo, s)
	store(t, b, e, batch2())
	if got, want := notified(t, repo, "ani"), []string{"a1", "b2"}; !slices.Equal(got, want) {
		t.Fatalf("after lowering the score, notified of %v, want %v", got, want)
	}
	ns, _, _ := repo.Notifications(t.Context(), "ani", 1)
	if ns[0].Revision != 3 {
		t.Errorf("newest notification names revision %d, want 3", ns[0].Revision)
	}
}

func ptr[T any](v T) *T { return &v }

// receiver is a webhook endpoint that fails the first fails requests.
type receiver struct {
	mu       sync.Mutex
	fails    int
	requests int
	accepted [][]byte
	sigs     []string
	ids      []string
}

func (rv *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rv.mu.Lock()
	defer rv.mu.Unlock()
	rv.requests++
	rv.ids = append(rv.ids, r.Header.Get(alert.DeliveryHeader))
	if rv.requests <= rv.fails {
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	}
	rv.accepted = append(rv.accepted, body)
	rv.sigs = append(rv.sigs, r.Header.Get(alert.SignatureHeader))
}

func testWebhook(t *testing.T, b Backend) {
	rv := &receiver{fails: 2}
	srv := httptest.NewServer(rv)
	defer srv.Close()
	repo := alert.NewRepo(b.KV)
	e := alert.NewEngine(repo, b.Store, &alert.Sender{Backoff: 10 * time.Millisecond, Attempts: 5})
	e.Start(t.Context(), 0)
	s := save(t, repo, alert.Search{Name: "hook", Owner: "ani", Filter: alert.Filter{Q: "kampanye"},
		Subscriptions: []alert.Subscription{{User: "ani", Channel: alert.ChannelWebhook, Target: srv.URL + "/hook"}}})
	store(t, b, e, batch1())
	store(t, b, e, batch1()) // re-stored: no second alert
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	if err := e.Close(ctx); err != nil {
		t.Fatalf("Close: %v", err)
	}
	rv.mu.Lock()
	defer rv.mu.Unlock()
	if rv.requests != 3 || len(rv.accepted) != 1 {
		t.Fatalf("receiver saw %d requests and accepted %d, want 3 and 1", rv.requests, len(rv.accepted))
	}
	if rv.ids[0] == "" || rv.ids[0] != rv.ids[1] || rv.ids[1] != rv.ids[2] {
		t.Errorf("delivery IDs %v, want one ID repeated on every retry", rv.ids)
	}
	secret := s.Subscriptions[0].Secret
	if secret == "" || !alert.Verify(secret, rv.accepted[0], rv.sigs[0]) {
		t.Errorf("signature %q does not verify with the subscription's secret", rv.sigs[0])
	}
	if alert.Verify(secret+"x", rv.accepted[0], rv.sigs[0]) {
		t.Error("signature verifies under a wrong secret")
	}
	var a alert.Alert
	if err := json.Unmarshal(rv.accepted[0], &a); err != nil {
		t.Fatalf("body is not JSON: %v", err)
	}
	if got, want := itemIDs(a.Items), []string{"a1", "a2"}; !slices.Equal(got, want) {
		t.Errorf("webhook items %v, want %v", got, want)
	}
	if a.Search.ID != s.ID || a.Search.Revision != s.Revision {
		t.Errorf("webhook names search %+v, want %s revision %d", a.Search, s.ID, s.Revision)
	}
	if out, _ := repo.Deliveries(t.Context(), false); len(out) != 0 {
		t.Errorf("%d deliveries left in the outbox", len(out))
	}
}

func testDeadLetter(t *testing.T, b Backend) {
	rv := &receiver{fails: 1 << 30}
	srv := httptest.NewServer(rv)
	defer srv.Close()
	repo := alert.NewRepo(b.KV)
	e := alert.NewEngine(repo, b.Store, &alert.Sender{Backoff: 5 * time.Millisecond, Attempts: 3})
	e.Start(t.Context(), 0)
	save(t, repo, alert.Search{Name: "hook", Owner: "ani", Filter: alert.Filter{Q: "beras"},
		Subscriptions: []alert.Subscription{{User: "ani", Channel: alert.ChannelWebhook, Target: srv.URL}}})
	store(t, b, e, batch1())
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	if err := e.Close(ctx); err != nil {
		t.Fatalf("Close: %v", err)
	}
	dead, err := repo.Deliveries(t.Context(), true)
	if err != nil {
		t.Fatal(err)
	}
	if len(dead) != 1 || dead[0].Attempts != 3 || !strings.Contains(dead[0].LastError, "503") {
		t.Fatalf("dead letters %+v, want one after 3 attempts naming status 503", dead)
	}
	if got := itemIDs(dead[0].Alert.Items); !slices.Equal(got, []string{"a3"}) {
		t.Errorf("dead letter items %v, want [a3]", got)
	}
	if rv.requests != 3 {
		t.Errorf("receiver saw %d requests, want 3", rv.requests)
	}
	// Requeued, it goes out again once the receiver is back.
	rv.mu.Lock()
	rv.fails = 0
	rv.mu.Unlock()
	if err := repo.Requeue(t.Context(), dead[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.DeliverDue(t.Context()); err != nil {
		t.Fatal(err)
	}
	if len(rv.accepted) != 1 {
		t.Errorf("after requeue the receiver accepted %d, want 1", len(rv.accepted))
	}
}

// clock is a settable time for digests.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func testDigest(t *testing.T, b Backend) {
	sink := StartSMTPSink(t)
	clk := &clock{t: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)}
	repo := alert.NewRepo(b.KV)
	mailer := &alert.Mailer{Addr: sink.Addr, From: "netra@example.org", TLS: sink.TLSConfig()}
	e := alert.NewEngine(repo, b.Store, &alert.Sender{Mailer: mailer}, alert.WithClock(clk.now))
	save(t, repo, alert.Search{Name: "kampanye harian", Owner: "ani", Filter: alert.Filter{Q: "kampanye", MinScore: ptr(0.65)},
		Subscriptions: []alert.Subscription{{User: "ani", Channel: alert.ChannelEmail, Target: "ani@example.org", Digest: alert.DigestDaily}}})
	store(t, b, e, batch1())
	clk.add(2 * time.Hour)
	store(t, b, e, batch2())
	store(t, b, e, batch1()) // re-stored: not twice in the digest
	if n, err := e.SendDigests(t.Context()); err != nil || n != 0 {
		t.Fatalf("SendDigests before a day passed: %d sent, %v; want 0", n, err)
	}
	clk.add(23 * time.Hour)
	if n, err := e.SendDigests(t.Context()); err != nil || n != 1 {
		t.Fatalf("SendDigests after a day: %d sent, %v; want 1", n, err)
	}
	mails := sink.Mails()
	if len(mails) != 1 {
		t.Fatalf("sink received %d mails, want 1", len(mails))
	}
	m := mails[0]
	if !m.TLS || m.To != "ani@example.org" || !strings.Contains(m.Data, "Daily digest") {
		t.Errorf("mail TLS=%v to %q, want STARTTLS to ani@example.org with a daily digest:\n%s", m.TLS, m.To, m.Data)
	}
	for _, id := range []string{"a1", "a2", "b1"} {
		if !strings.Contains(m.Data, "id: "+id+" ") {
			t.Errorf("digest lacks %s:\n%s", id, m.Data)
		}
	}
	for _, id := range []string{"a3", "b2", "b3"} {
		if strings.Contains(m.Data, "id: "+id+" ") {
			t.Errorf("digest has %s, which does not match:\n%s", id, m.Data)
		}
	}
	if strings.Count(m.Data, "id: a1 ") != 1 {
		t.Errorf("a1 appears %d times in the digest, want once", strings.Count(m.Data, "id: a1 "))
	}
	if n, _ := e.SendDigests(t.Context()); n != 0 || len(sink.Mails()) != 1 {
		t.Errorf("a second SendDigests the same day sent %d", n)
	}
}

// testManySearches checks that a batch matched against many searches at
// once gives each search its own answer.
func testManySearches(t *testing.T, b Backend) {
	if err := b.Store.Upsert(t.Context(), append(batch1(), batch2()...)); err != nil {
		t.Fatal(err)
	}
	if err := index.Refresh(t.Context(), b.Store); err != nil {
		t.Fatal(err)
	}
	ids := []string{"a1", "a2", "a3", "b1", "b2", "b3"}
	filters := []alert.Filter{
		{Q: "kampanye"},
		{Regions: []string{"Jawa Barat"}},
		{Rules: []string{"R2"}},
		{Categories: []string{"none"}},
		{Q: "kampanye", MinScore: ptr(0.75)},
		{Q: "tidakada"},
		{Q: "\"kampanye akbar\""},
	}
	want := [][]string{
		{"a1", "a2", "b1", "b2"}, {"a2", "b2", "b3"}, {"b1", "b2"}, {"a3", "b3"}, {"a1", "b1"}, nil, {"b1"},
	}
	var qs []index.Query
	for i := 0; i < 300; i++ { // past one _msearch request
		qs = append(qs, filters[i%len(filters)].Query(ids[:5]))
	}
	got, err := alert.MatchBatch(t.Context(), b.Store, qs)
	if err != nil {
		t.Fatal(err)
	}
	for i := range qs {
		w := slices.DeleteFunc(slices.Clone(want[i%len(filters)]), func(id string) bool { return id == "b3" })
		g := slices.Clone(got[i])
		slices.Sort(g)
		if !slices.Equal(g, w) {
			t.Fatalf("query %d (%+v) matched %v, want %v", i, filters[i%len(filters)], g, w)
		}
	}
}
