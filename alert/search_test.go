package alert

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestValidateNamesTheField(t *testing.T) {
	nan := 0.0
	nan /= nan
	for _, c := range []struct {
		s    Search
		want string
	}{
		{Search{Owner: "ani"}, "name: required"},
		{Search{Name: "x"}, "owner: required"},
		{Search{Name: "x", Owner: "ani", Filter: Filter{Q: `"open`}}, "q:"},
		{Search{Name: "x", Owner: "ani", Filter: Filter{MinScore: &nan}}, "score bound"},
		{Search{Name: "x", Owner: "ani", Subscriptions: []Subscription{{Channel: ChannelApp}}}, "subscriptions[0]: user: required"},
		{Search{Name: "x", Owner: "ani", Subscriptions: []Subscription{{User: "ani", Channel: "sms"}}}, `channel: "sms"`},
		{Search{Name: "x", Owner: "ani", Subscriptions: []Subscription{{User: "ani", Channel: ChannelWebhook, Target: "file:///etc/passwd"}}}, "not an http(s) URL"},
		{Search{Name: "x", Owner: "ani", Subscriptions: []Subscription{{User: "ani", Channel: ChannelWebhook, Target: "https://h.example/x", Digest: DigestDaily}}}, "webhooks are sent at once"},
		{Search{Name: "x", Owner: "ani", Subscriptions: []Subscription{{User: "ani", Channel: ChannelEmail, Target: "not an address"}}}, "not an e-mail address"},
		{Search{Name: "x", Owner: "ani", Subscriptions: []Subscription{{User: "ani", Channel: ChannelApp, Digest: "hourly"}}}, `digest: "hourly"`},
		{Search{Name: "x", Owner: "ani", Subscriptions: []Subscription{{ID: "a", User: "ani", Channel: ChannelApp}, {ID: "a", User: "budi", Channel: ChannelApp}}}, "used twice"},
	} {
		err := c.s.Validate()
		var ie *InvalidError
		if err == nil || !errors.As(err, &ie) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Validate(%+v) = %v, want an *InvalidError containing %q", c.s, err, c.want)
		}
	}
	ok := Search{Name: " x ", Owner: "ani", Subscriptions: []Subscription{{User: "ani", Channel: ChannelWebhook, Target: "http://127.0.0.1:9/h"},
		{User: "ani", Channel: ChannelEmail, Target: "Ani <ani@example.org>"}}}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	if ok.Name != "x" || ok.Subscriptions[0].Secret == "" || ok.Subscriptions[0].ID == "" || ok.Subscriptions[1].Target != "ani@example.org" {
		t.Errorf("Validate did not normalise: %+v", ok)
	}
}

func TestBackoffDoublesUpToTheCap(t *testing.T) {
	s := &Sender{Backoff: time.Second, MaxBackoff: 5 * time.Second}
	var got []time.Duration
	for f := 1; f <= 5; f++ {
		got = append(got, s.backoff(f))
	}
	want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 5 * time.Second, 5 * time.Second}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("backoff = %v, want %v", got, want)
		}
	}
	if d := (&Sender{}).backoff(100); d != 10*time.Minute {
		t.Errorf("default cap = %v, want 10m", d)
	}
}

func TestSignVerify(t *testing.T) {
	body := []byte(`{"items":[]}`)
	sig := Sign("k", body)
	// HMAC-SHA256 of body under "k", computed independently:
	// printf '{"items":[]}' | openssl dgst -sha256 -hmac k
	if want := "sha256=783623c05cd3674c1dff1ed4b9db779981e92ff3aed2dd0007c8c693abef036d"; sig != want {
		t.Fatalf("signature %q, want %q", sig, want)
	}
	if !Verify("k", body, sig) || Verify("k", append(body, ' '), sig) || Verify("j", body, sig) {
		t.Error("Verify accepts a changed body or key, or refuses the right one")
	}
}
