"""Background jobs: small importable functions that take ids, and the queues that run them."""
