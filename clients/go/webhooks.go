package cyberorigen

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// ErrInvalidSignature is returned by VerifyWebhook when no signature matches.
var ErrInvalidSignature = errors.New("cyberorigen: no webhook signature matches")

// DefaultWebhookTolerance is how far a delivery's webhook-timestamp may be from now.
const DefaultWebhookTolerance = 5 * time.Minute

// WebhookSecretKey is the HMAC key of a webhook secret: the base64-decoded rest of a
// "whsec_" secret, or else the secret's UTF-8 bytes.
func WebhookSecretKey(secret string) ([]byte, error) {
	if rest := strings.TrimPrefix(secret, "whsec_"); rest != secret {
		key, err := base64.StdEncoding.DecodeString(rest)
		if err != nil {
			return nil, fmt.Errorf("cyberorigen: a whsec_ secret must be base64 after the prefix: %w", err)
		}
		return key, nil
	}
	return []byte(secret), nil
}

// SignWebhook is the "v1,<base64 HMAC-SHA256>" signature of a delivery (Standard Webhooks:
// the HMAC of "{id}.{timestamp}.{body}").
func SignWebhook(secret, messageID string, timestamp int64, body []byte) (string, error) {
	key, err := WebhookSecretKey(secret)
	if err != nil {
		return "", err
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(messageID + "." + strconv.FormatInt(timestamp, 10) + "."))
	mac.Write(body)
	return "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil)), nil
}

// VerifyWebhook checks a delivery the appliance sent: header holds its webhook-id,
// webhook-timestamp and webhook-signature (one or more "v1,..." separated by spaces, as while
// a secret rotates; one match is enough), body the raw request body. A timestamp further
// than tolerance from now is refused (replays); tolerance 0 means DefaultWebhookTolerance.
func VerifyWebhook(secret string, header http.Header, body []byte, tolerance time.Duration) error {
	return verifyWebhookAt(secret, header, body, tolerance, time.Now())
}

func verifyWebhookAt(secret string, header http.Header, body []byte, tolerance time.Duration, now time.Time) error {
	if tolerance <= 0 {
		tolerance = DefaultWebhookTolerance
	}
	messageID := header.Get("webhook-id")
	stamp := header.Get("webhook-timestamp")
	signatures := header.Get("webhook-signature")
	if messageID == "" || stamp == "" || signatures == "" {
		return errors.New("cyberorigen: webhook-id, webhook-timestamp and webhook-signature are required")
	}
	timestamp, err := strconv.ParseInt(stamp, 10, 64)
	if err != nil {
		return fmt.Errorf("cyberorigen: webhook-timestamp is not a Unix time: %q", stamp)
	}
	if math.Abs(float64(now.Unix()-timestamp)) > tolerance.Seconds() {
		return fmt.Errorf("cyberorigen: webhook-timestamp %d is more than %s from now", timestamp, tolerance)
	}
	expected, err := SignWebhook(secret, messageID, timestamp, body)
	if err != nil {
		return err
	}
	for _, candidate := range strings.Fields(signatures) {
		if hmac.Equal([]byte(candidate), []byte(expected)) {
			return nil
		}
	}
	return ErrInvalidSignature
}
