package cyberorigen

// Tests that need no appliance: signatures against values the appliance's own signer
// (cyberorigen.plugin_api.signing) gives, and the wait a 429's headers ask for.

import (
	"net/http"
	"strconv"
	"testing"
	"time"
)

func TestSignWebhookMatchesTheAppliance(t *testing.T) {
	cases := []struct {
		secret, id string
		stamp      int64
		body, want string
	}{
		{"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
			`{"test": 2432232314}`, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="},
		{"plain-secret-0123456789", "evt_1", 1700000000, `{}`,
			"v1,6h77Qeh+mvnoprqdmDtSp580QYj85cYlisovp736SUw="},
	}
	for _, c := range cases {
		got, err := SignWebhook(c.secret, c.id, c.stamp, []byte(c.body))
		if err != nil || got != c.want {
			t.Errorf("SignWebhook(%q) = %q, %v; want %q", c.secret, got, err, c.want)
		}
		header := http.Header{}
		header.Set("webhook-id", c.id)
		header.Set("webhook-timestamp", strconv.FormatInt(c.stamp, 10))
		// during a rotation: the old secret's signature first, ours second
		header.Set("webhook-signature", "v1,b2xkIHNlY3JldA== "+c.want)
		if err := verifyWebhookAt(c.secret, header, []byte(c.body), 0, time.Unix(c.stamp+60, 0)); err != nil {
			t.Errorf("verify %q: %v", c.secret, err)
		}
	}
	if _, err := WebhookSecretKey("whsec_not base64!"); err == nil {
		t.Error("a whsec_ secret that is not base64 gave a key")
	}
}

func TestRetryWait(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	header := func(pairs ...string) http.Header {
		h := http.Header{}
		for i := 0; i < len(pairs); i += 2 {
			h.Set(pairs[i], pairs[i+1])
		}
		return h
	}
	cases := []struct {
		header http.Header
		want   time.Duration
	}{
		{header("Retry-After", "42", "X-RateLimit-Reset", "1800000900"), 42 * time.Second},
		{header("Retry-After", now.Add(90*time.Second).UTC().Format(http.TimeFormat)), 90 * time.Second},
		{header("X-RateLimit-Reset", "1800000007"), 7 * time.Second},
		{header(), time.Second},
		{header("Retry-After", "0"), time.Second},
	}
	for _, c := range cases {
		if got := retryWait(c.header, now); got != c.want {
			t.Errorf("retryWait(%v) = %s, want %s", c.header, got, c.want)
		}
	}
}
