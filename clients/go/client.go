// Package cyberorigen is a client for the CyberOrigen appliance's REST API.
//
// The typed layer (zz_generated.go: a struct per schema, a method per operation) is generated
// by clients/go/generate.py from the appliance's /openapi.json; this file and the other
// hand-written ones add what a generator does badly: logging in, retrying after a 429, paging,
// waiting for a scan, and verifying webhook signatures. Standard library only.
package cyberorigen

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Client talks to one appliance. Make it with NewClient; it is safe for concurrent use.
type Client struct {
	// BaseURL is the appliance's address, e.g. "http://127.0.0.1:8000" (no trailing /api/v1).
	BaseURL string
	// HTTPClient sends the requests (http.DefaultClient when nil).
	HTTPClient *http.Client
	// Retry says how 429 answers are retried.
	Retry RetryPolicy
	// UserAgent is sent with every request.
	UserAgent string

	mu    sync.RWMutex
	token string
}

// Option configures a Client in NewClient.
type Option func(*Client)

// WithAPIKey authenticates every request with an API key (co_…) or an access token.
func WithAPIKey(key string) Option { return func(c *Client) { c.SetToken(key) } }

// WithHTTPClient sends the requests with hc.
func WithHTTPClient(hc *http.Client) Option { return func(c *Client) { c.HTTPClient = hc } }

// WithRetry replaces the default retry policy.
func WithRetry(policy RetryPolicy) Option { return func(c *Client) { c.Retry = policy } }

// NewClient returns a client of the appliance at baseURL.
func NewClient(baseURL string, options ...Option) *Client {
	c := &Client{
		BaseURL:   strings.TrimRight(baseURL, "/"),
		Retry:     DefaultRetryPolicy(),
		UserAgent: "cyberorigen-go/" + APIVersion,
	}
	for _, option := range options {
		option(c)
	}
	return c
}

// SetToken sets the bearer credential (an access token or an API key) of later requests.
func (c *Client) SetToken(token string) {
	c.mu.Lock()
	c.token = token
	c.mu.Unlock()
}

// Token is the bearer credential in use ("" when none).
func (c *Client) Token() string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.token
}

// Login exchanges an e-mail and password for an access token (the OAuth2 password flow at
// POST /api/v1/auth/token), and uses it for later requests.
func (c *Client) Login(ctx context.Context, email, password string) (*Token, error) {
	form := url.Values{}
	form.Set("grant_type", "password")
	form.Set("username", email)
	form.Set("password", password)
	out := new(Token)
	if err := c.do(ctx, request{method: "POST", path: "/api/v1/auth/token", form: form}, out); err != nil {
		return nil, err
	}
	c.SetToken(out.AccessToken)
	return out, nil
}

// APIError is an error answer of the appliance: its status and the contract's envelope
// {"detail", "error_code", "field"}.
type APIError struct {
	StatusCode int
	Detail     string              `json:"detail"`
	ErrorCode  string              `json:"error_code"`
	Field      *string             `json:"field"`
	Errors     map[string][]string `json:"errors,omitempty"`
	RequestID  string              `json:"request_id,omitempty"`
	// RetryAfter is how long a 429 asked to wait (zero otherwise).
	RetryAfter time.Duration
	// Header holds the answer's headers (X-RateLimit-*, Retry-After, ...).
	Header http.Header
}

func (e *APIError) Error() string {
	text := fmt.Sprintf("cyberorigen: HTTP %d %s: %s", e.StatusCode, e.ErrorCode, e.Detail)
	if e.Field != nil {
		text += fmt.Sprintf(" (field %s)", *e.Field)
	}
	return text
}

// AsAPIError returns the *APIError in err's chain, or nil.
func AsAPIError(err error) *APIError {
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		return apiErr
	}
	return nil
}

// MultipartFile is a file of a MultipartForm.
type MultipartFile struct {
	Field    string
	FileName string
	Content  []byte
}

// MultipartForm is a multipart/form-data body: text fields and files.
type MultipartForm struct {
	Fields map[string]string
	Files  []MultipartFile
}

func (f *MultipartForm) encode() ([]byte, string, error) {
	var buf bytes.Buffer
	writer := multipart.NewWriter(&buf)
	for name, value := range f.Fields {
		if err := writer.WriteField(name, value); err != nil {
			return nil, "", err
		}
	}
	for _, file := range f.Files {
		part, err := writer.CreateFormFile(file.Field, file.FileName)
		if err != nil {
			return nil, "", err
		}
		if _, err := part.Write(file.Content); err != nil {
			return nil, "", err
		}
	}
	if err := writer.Close(); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), writer.FormDataContentType(), nil
}

// request is one API call, built by the generated methods.
type request struct {
	method    string
	path      string
	query     url.Values
	json      interface{}
	form      url.Values
	multipart *MultipartForm
}

// Do sends a request to path (e.g. "/api/v1/scans") and decodes a JSON answer into out
// (a *[]byte receives the raw body; nil discards it). For operations the generated methods
// do not cover in the way you need.
func (c *Client) Do(ctx context.Context, method, path string, query url.Values, body, out interface{}) error {
	return c.do(ctx, request{method: method, path: path, query: query, json: body}, out)
}

func (c *Client) do(ctx context.Context, req request, out interface{}) error {
	var payload []byte
	contentType := ""
	switch {
	case req.json != nil:
		encoded, err := json.Marshal(req.json)
		if err != nil {
			return err
		}
		payload, contentType = encoded, "application/json"
	case req.form != nil:
		payload, contentType = []byte(req.form.Encode()), "application/x-www-form-urlencoded"
	case req.multipart != nil:
		encoded, kind, err := req.multipart.encode()
		if err != nil {
			return err
		}
		payload, contentType = encoded, kind
	}
	address := c.BaseURL + req.path
	if len(req.query) > 0 {
		address += "?" + req.query.Encode()
	}
	for attempt := 0; ; attempt++ {
		httpReq, err := http.NewRequestWithContext(ctx, req.method, address, bytes.NewReader(payload))
		if err != nil {
			return err
		}
		if contentType != "" {
			httpReq.Header.Set("Content-Type", contentType)
		}
		httpReq.Header.Set("Accept", "application/json, */*")
		if c.UserAgent != "" {
			httpReq.Header.Set("User-Agent", c.UserAgent)
		}
		if token := c.Token(); token != "" {
			httpReq.Header.Set("Authorization", "Bearer "+token)
		}
		hc := c.HTTPClient
		if hc == nil {
			hc = http.DefaultClient
		}
		resp, err := hc.Do(httpReq)
		if err != nil {
			return err
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return err
		}
		if resp.StatusCode == http.StatusTooManyRequests && attempt < c.Retry.MaxRetries {
			wait := retryWait(resp.Header, time.Now())
			if c.Retry.MaxWait > 0 && wait > c.Retry.MaxWait {
				return apiError(resp, body)
			}
			if err := c.Retry.sleep(ctx, wait); err != nil {
				return err
			}
			continue
		}
		if resp.StatusCode >= 400 {
			return apiError(resp, body)
		}
		switch target := out.(type) {
		case nil:
			return nil
		case *[]byte:
			*target = body
			return nil
		default:
			if len(body) == 0 {
				return nil
			}
			if err := json.Unmarshal(body, out); err != nil {
				return fmt.Errorf("cyberorigen: decoding the answer of %s %s: %w", req.method, req.path, err)
			}
			return nil
		}
	}
}

func apiError(resp *http.Response, body []byte) error {
	apiErr := &APIError{StatusCode: resp.StatusCode, Header: resp.Header}
	if json.Unmarshal(body, apiErr) != nil || apiErr.ErrorCode == "" {
		apiErr.Detail = strings.TrimSpace(string(body))
		apiErr.ErrorCode = strings.ToUpper(strings.ReplaceAll(http.StatusText(resp.StatusCode), " ", "_"))
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		apiErr.RetryAfter = retryWait(resp.Header, time.Now())
	}
	return apiErr
}

// RetryPolicy says how a 429 (Too Many Requests) is retried: after the wait its Retry-After
// header asks for (seconds or an HTTP date), or else until its X-RateLimit-Reset (Unix time).
type RetryPolicy struct {
	// MaxRetries is how many times one call is retried (0: never).
	MaxRetries int
	// MaxWait: a 429 asking for a longer wait is returned as an *APIError at once (0: no cap).
	MaxWait time.Duration
	// Sleep waits d, or until ctx is done (time-based when nil). Tests and callers that want
	// to see each wait can replace it.
	Sleep func(ctx context.Context, d time.Duration) error
}

// DefaultRetryPolicy retries a 429 up to 3 times, waiting at most 2 minutes each time.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{MaxRetries: 3, MaxWait: 2 * time.Minute}
}

func (p RetryPolicy) sleep(ctx context.Context, d time.Duration) error {
	if p.Sleep != nil {
		return p.Sleep(ctx, d)
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}

// retryWait is how long a 429's headers ask to wait (at least a second).
func retryWait(header http.Header, now time.Time) time.Duration {
	wait := time.Duration(0)
	if value := strings.TrimSpace(header.Get("Retry-After")); value != "" {
		if seconds, err := strconv.ParseFloat(value, 64); err == nil {
			wait = time.Duration(seconds * float64(time.Second))
		} else if at, err := http.ParseTime(value); err == nil {
			wait = at.Sub(now)
		}
	} else if value := strings.TrimSpace(header.Get("X-RateLimit-Reset")); value != "" {
		if unix, err := strconv.ParseInt(value, 10, 64); err == nil {
			wait = time.Unix(unix, 0).Sub(now)
		}
	}
	if wait < time.Second {
		wait = time.Second
	}
	return wait
}
