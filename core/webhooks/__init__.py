"""Webhooks: subscriptions, the events they receive, and their delivery from the outbox
(fan-out, signed attempts with retries, the delivery log)."""
