package cyberorigen

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"time"
)

// Page is one page of a list: the contract's {"items", "total", "page", "per_page", "pages"}.
type Page[T any] struct {
	Items   []T   `json:"items"`
	Total   int64 `json:"total"`
	Page    int64 `json:"page"`
	PerPage int64 `json:"per_page"`
	Pages   int64 `json:"pages"`
}

// EachPage calls fn with every item of the list at path (e.g. "/api/v1/findings"), page by
// page (100 items a page), with the filters in query; it stops at the first error fn returns.
func EachPage[T any](ctx context.Context, c *Client, path string, query url.Values, fn func(T) error) error {
	values := url.Values{}
	for key, list := range query {
		values[key] = append([]string(nil), list...)
	}
	if values.Get("per_page") == "" {
		values.Set("per_page", "100")
	}
	for page := int64(1); ; page++ {
		values.Set("page", strconv.FormatInt(page, 10))
		var answer Page[T]
		if err := c.Do(ctx, "GET", path, values, nil, &answer); err != nil {
			return err
		}
		for _, item := range answer.Items {
			if err := fn(item); err != nil {
				return err
			}
		}
		if page >= answer.Pages || len(answer.Items) == 0 {
			return nil
		}
	}
}

// All returns every item of the list at path (see EachPage).
func All[T any](ctx context.Context, c *Client, path string, query url.Values) ([]T, error) {
	var items []T
	err := EachPage(ctx, c, path, query, func(item T) error {
		items = append(items, item)
		return nil
	})
	return items, err
}

// AllFindings returns every finding matching query (filters of GET /api/v1/findings such as
// "severity", "status", "scan_id", "target").
func (c *Client) AllFindings(ctx context.Context, query url.Values) ([]Finding, error) {
	return All[Finding](ctx, c, "/api/v1/findings", query)
}

// ScanFinished reports whether a scan status is final.
func ScanFinished(status string) bool {
	return status == "completed" || status == "failed" || status == "cancelled"
}

// WaitOptions tune WaitForScan.
type WaitOptions struct {
	// Interval between two reads of the scan (2 s when zero).
	Interval time.Duration
	// Progress, when set, is called with each read of the scan.
	Progress func(scan *ScanDetail)
}

// WaitForScan reads the scan until it is completed, failed or cancelled (or ctx is done:
// give it a deadline), and returns its last state. A failed or cancelled scan is returned
// without an error: look at its Status.
func (c *Client) WaitForScan(ctx context.Context, scanID string, options *WaitOptions) (*ScanDetail, error) {
	interval := 2 * time.Second
	var progress func(*ScanDetail)
	if options != nil {
		if options.Interval > 0 {
			interval = options.Interval
		}
		progress = options.Progress
	}
	for {
		scan := new(ScanDetail)
		if err := c.Do(ctx, "GET", "/api/v1/scans/"+url.PathEscape(scanID), nil, nil, scan); err != nil {
			return nil, err
		}
		if progress != nil {
			progress(scan)
		}
		if ScanFinished(scan.Status) {
			return scan, nil
		}
		timer := time.NewTimer(interval)
		select {
		case <-ctx.Done():
			timer.Stop()
			return scan, fmt.Errorf("cyberorigen: waiting for scan %s (%s): %w", scanID, scan.Status, ctx.Err())
		case <-timer.C:
		}
	}
}

// String returns a pointer to v (for the optional fields of request bodies and parameters).
func String(v string) *string { return &v }

// Int returns a pointer to v.
func Int(v int64) *int64 { return &v }

// Bool returns a pointer to v.
func Bool(v bool) *bool { return &v }

// Float returns a pointer to v.
func Float(v float64) *float64 { return &v }
