package cyberorigen

// These tests run against a live appliance (tests/test_clients_go.py starts one and sets the
// environment below); without CYBERORIGEN_GO_TEST_URL they are skipped.
//
//	CYBERORIGEN_GO_TEST_URL               the appliance, e.g. http://127.0.0.1:8000
//	CYBERORIGEN_GO_TEST_EMAIL/_PASSWORD   an admin whose organization may scan 127.0.0.1
//	CYBERORIGEN_GO_TEST_LIMITED_EMAIL/_PASSWORD
//	                                      an admin of another organization, for the 429 test
//	CYBERORIGEN_GO_TEST_RESET_URL         POST there empties the rate-limit counters

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

func env(t *testing.T, name string) string {
	t.Helper()
	value := os.Getenv(name)
	if value == "" {
		t.Skipf("%s is not set: these tests need a live appliance (tests/test_clients_go.py)", name)
	}
	return value
}

func loggedIn(t *testing.T, ctx context.Context, prefix string) *Client {
	t.Helper()
	client := NewClient(env(t, "CYBERORIGEN_GO_TEST_URL"))
	token, err := client.Login(ctx, env(t, prefix+"EMAIL"), env(t, prefix+"PASSWORD"))
	if err != nil {
		t.Fatalf("login: %v", err)
	}
	if token.AccessToken == "" || token.ExpiresIn <= 0 {
		t.Fatalf("login gave %+v", token)
	}
	return client
}

func TestLoginAndAPIKey(t *testing.T) {
	ctx := context.Background()
	client := loggedIn(t, ctx, "CYBERORIGEN_GO_TEST_")
	me, err := client.GetMe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if me.Email != os.Getenv("CYBERORIGEN_GO_TEST_EMAIL") {
		t.Fatalf("GET /auth/me is %q", me.Email)
	}
	created, err := client.CreateAPIKey(ctx, &APIKeyCreate{Name: "go client test"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(created.Key, "co_") {
		t.Fatalf("API key %q", created.Key)
	}
	byKey := NewClient(client.BaseURL, WithAPIKey(created.Key))
	if _, err := byKey.ListScans(ctx, nil); err != nil {
		t.Fatalf("a call with the API key: %v", err)
	}
}

func TestUnauthorized(t *testing.T) {
	ctx := context.Background()
	client := NewClient(env(t, "CYBERORIGEN_GO_TEST_URL"), WithAPIKey("co_not-a-key"))
	_, err := client.ListScans(ctx, nil)
	apiErr := AsAPIError(err)
	if apiErr == nil || apiErr.StatusCode != 401 || apiErr.ErrorCode == "" || apiErr.Detail == "" {
		t.Fatalf("want a 401 APIError, got %v", err)
	}
	_, err = NewClient(client.BaseURL).Login(ctx, env(t, "CYBERORIGEN_GO_TEST_EMAIL"), "wrong password")
	if apiErr := AsAPIError(err); apiErr == nil || apiErr.StatusCode != 401 {
		t.Fatalf("a wrong password: want a 401, got %v", err)
	}
}

func TestValidationErrorNamesTheField(t *testing.T) {
	ctx := context.Background()
	client := loggedIn(t, ctx, "CYBERORIGEN_GO_TEST_")
	zero := int64(0)
	_, err := client.UpdateCurrentOrganization(ctx, &OrganizationUpdate{HourlyLimit: &zero})
	apiErr := AsAPIError(err)
	if apiErr == nil || apiErr.StatusCode != 422 {
		t.Fatalf("want a 422, got %v", err)
	}
	if apiErr.Field == nil || *apiErr.Field != "hourly_limit" {
		t.Fatalf("want field hourly_limit, got %+v", apiErr)
	}
}

func TestScanWaitAndPageThroughFindings(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	client := loggedIn(t, ctx, "CYBERORIGEN_GO_TEST_")
	// a misconfigured web server of our own: no security headers, a server banner
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Server", "Apache/2.2.3 (Unix)")
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><form method=post action=/login><input type=password name=p></form></body></html>")
	}))
	defer site.Close()

	if _, err := client.CreateScopeEntry(ctx, &ScopeEntryCreate{Value: "127.0.0.1"}); err != nil {
		if apiErr := AsAPIError(err); apiErr == nil || apiErr.StatusCode != 409 {
			t.Fatalf("adding 127.0.0.1 to the scope: %v", err)
		}
	}
	// the lab's "full" profile (ports, http, tls, ssh), kept to the one port of our server
	port := site.Listener.Addr().(*net.TCPAddr).Port
	options := &ScanOptions{
		Ports: &PortsScannerOptions{Ports: json.RawMessage(fmt.Sprintf("[%d]", port)), UseNmap: ptr(false)},
		HTTP:  &HTTPScannerOptions{ProbeExposedFiles: ptr(false), CrawlMaxPages: ptr(int64(3))},
	}
	scan, err := client.CreateScan(ctx, &ScanCreate{Target: site.URL, ScanType: ptr("full"), Options: options})
	if err != nil {
		t.Fatalf("creating the scan: %v", err)
	}
	if scan.ID == "" || scan.Status != "queued" && scan.Status != "running" {
		t.Fatalf("a new scan: %+v", scan)
	}
	var seen []int64
	done, err := client.WaitForScan(ctx, scan.ID, &WaitOptions{
		Interval: 300 * time.Millisecond,
		Progress: func(s *ScanDetail) { seen = append(seen, s.Progress) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if done.Status != "completed" {
		t.Fatalf("the scan ended %s: %v", done.Status, done.Error)
	}
	if len(seen) == 0 || seen[len(seen)-1] != 100 {
		t.Fatalf("progress reported: %v", seen)
	}
	if done.VulnerabilitiesFound < 2 {
		t.Fatalf("the scan found %d findings, want at least 2 to page through", done.VulnerabilitiesFound)
	}

	// one finding a page: every page is read, each finding once
	path := "/api/v1/scans/" + scan.ID + "/findings"
	ids := map[string]bool{}
	err = EachPage(ctx, client, path, url.Values{"per_page": {"1"}}, func(f Finding) error {
		if ids[f.ID] {
			return fmt.Errorf("finding %s twice", f.ID)
		}
		ids[f.ID] = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	first, err := client.ListScanFindings(ctx, scan.ID, &ListScanFindingsParams{PerPage: ptr(int64(1))})
	if err != nil {
		t.Fatal(err)
	}
	if int64(len(ids)) != first.Total || first.Pages != first.Total {
		t.Fatalf("paged %d findings, the list says %d in %d pages", len(ids), first.Total, first.Pages)
	}
	all, err := client.AllFindings(ctx, url.Values{"target": {site.URL}})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < len(ids) {
		t.Fatalf("GET /findings?target= gave %d, the scan %d", len(all), len(ids))
	}
}

func TestRateLimitedCallIsRetriedAfterRetryAfter(t *testing.T) {
	ctx := context.Background()
	resetURL := env(t, "CYBERORIGEN_GO_TEST_RESET_URL")
	admin := loggedIn(t, ctx, "CYBERORIGEN_GO_TEST_LIMITED_")
	limit := int64(3)
	if _, err := admin.UpdateCurrentOrganization(ctx, &OrganizationUpdate{HourlyLimit: &limit}); err != nil {
		t.Fatal(err)
	}
	// without retries, the limit shows as a 429 APIError with its wait
	noRetry := NewClient(admin.BaseURL, WithAPIKey(admin.Token()), WithRetry(RetryPolicy{}))
	var refused *APIError
	for i := 0; i < 10 && refused == nil; i++ {
		_, err := noRetry.ListScans(ctx, nil)
		if err != nil {
			refused = AsAPIError(err)
			if refused == nil {
				t.Fatal(err)
			}
		}
	}
	if refused == nil || refused.StatusCode != 429 || refused.ErrorCode != "RATE_LIMITED" {
		t.Fatalf("want a 429 RATE_LIMITED, got %+v", refused)
	}
	retryAfter, err := strconv.Atoi(refused.Header.Get("Retry-After"))
	if err != nil || retryAfter <= 0 || refused.RetryAfter != time.Duration(retryAfter)*time.Second {
		t.Fatalf("Retry-After %q, RetryAfter %s", refused.Header.Get("Retry-After"), refused.RetryAfter)
	}

	// with retries: the client waits what Retry-After says (the hook stands in for the clock:
	// instead of an hour, the test empties the counters) and then succeeds
	var waits []time.Duration
	retrying := NewClient(admin.BaseURL, WithAPIKey(admin.Token()), WithRetry(RetryPolicy{
		MaxRetries: 2,
		Sleep: func(ctx context.Context, d time.Duration) error {
			waits = append(waits, d)
			resp, err := http.Post(resetURL, "text/plain", nil)
			if err != nil {
				return err
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				return fmt.Errorf("reset: HTTP %d", resp.StatusCode)
			}
			return nil
		},
	}))
	page, err := retrying.ListScans(ctx, nil)
	if err != nil {
		t.Fatalf("the retried call: %v", err)
	}
	if page == nil || len(waits) != 1 {
		t.Fatalf("waits %v", waits)
	}
	if diff := waits[0] - refused.RetryAfter; diff > 3*time.Second || diff < -3*time.Second {
		t.Fatalf("waited %s, Retry-After said %s", waits[0], refused.RetryAfter)
	}
}

func TestWebhookDeliveryVerifies(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	client := loggedIn(t, ctx, "CYBERORIGEN_GO_TEST_")
	type delivery struct {
		header http.Header
		body   []byte
	}
	received := make(chan delivery, 10)
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		received <- delivery{r.Header.Clone(), body}
		w.WriteHeader(http.StatusNoContent)
	}))
	defer receiver.Close()

	hookURL := receiver.URL + "/hook"
	hook, err := client.CreateWebhook(ctx, &WebhookCreate{URL: &hookURL, Events: []string{"scan.completed"}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(hook.Secret, "whsec_") {
		t.Fatalf("the generated secret %q", hook.Secret)
	}
	if _, err := client.TestWebhook(ctx, hook.ID); err != nil {
		t.Fatal(err)
	}
	var got delivery
	select {
	case got = <-received:
	case <-ctx.Done():
		t.Fatal("no delivery reached the receiver")
	}
	if err := VerifyWebhook(hook.Secret, got.header, got.body, 0); err != nil {
		t.Fatalf("the appliance's delivery does not verify: %v (headers %v)", err, got.header)
	}
	if !strings.Contains(string(got.body), `"ping"`) {
		t.Fatalf("body %s", got.body)
	}
	tampered := append([]byte(nil), got.body...)
	tampered[len(tampered)-2] ^= 1
	if err := VerifyWebhook(hook.Secret, got.header, tampered, 0); err != ErrInvalidSignature {
		t.Fatalf("a changed body: want ErrInvalidSignature, got %v", err)
	}
	if err := VerifyWebhook("whsec_"+"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", got.header, got.body, 0); err != ErrInvalidSignature {
		t.Fatalf("another secret: want ErrInvalidSignature, got %v", err)
	}
	stamp, _ := strconv.ParseInt(got.header.Get("webhook-timestamp"), 10, 64)
	late := time.Unix(stamp, 0).Add(10 * time.Minute)
	if err := verifyWebhookAt(hook.Secret, got.header, got.body, 0, late); err == nil {
		t.Fatal("a delivery ten minutes old verified")
	}
}

func TestImportControlsAndFrameworkReport(t *testing.T) {
	ctx := context.Background()
	client := loggedIn(t, ctx, "CYBERORIGEN_GO_TEST_")
	sarif, err := os.ReadFile("../../tests/data/imports/semgrep.sarif")
	if err != nil {
		t.Fatal(err)
	}
	imported, err := client.CreateImport(ctx, &MultipartForm{
		Fields: map[string]string{"frameworks": "soc2"},
		Files:  []MultipartFile{{Field: "file", FileName: "semgrep.sarif", Content: sarif}},
	})
	if err != nil {
		t.Fatalf("importing a SARIF file: %v", err)
	}
	if imported.Findings == 0 || imported.Scan == nil || imported.Scan.Status != "completed" {
		t.Fatalf("the import: %+v", imported)
	}
	controls, err := client.ListControls(ctx, &ListControlsParams{PerPage: Int(5)})
	if err != nil || controls.Total == 0 || len(controls.Items) == 0 {
		t.Fatalf("controls: %+v, %v", controls, err)
	}
	frameworks, err := client.ListFrameworks(ctx)
	if err != nil || len(frameworks.Items) == 0 {
		t.Fatalf("frameworks: %+v, %v", frameworks, err)
	}
	id := frameworks.Items[0].ID
	report, err := client.GetFrameworkReport(ctx, id)
	if err != nil || report.Framework == nil || report.Framework.ID != id || len(report.Requirements) == 0 {
		t.Fatalf("the report of %s: %+v, %v", id, report, err)
	}
	csv, err := client.GetFrameworkReportCSV(ctx, id)
	if err != nil || len(csv) == 0 {
		t.Fatalf("the CSV report of %s: %d bytes, %v", id, len(csv), err)
	}
}

func ptr[T any](v T) *T { return &v }
