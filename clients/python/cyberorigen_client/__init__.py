"""Python SDK for the CyberOrigen appliance's API.

``cyberorigen_client.generated`` is the client ``openapi-python-client`` generates from the
appliance's ``/openapi.json`` (one module per operation, attrs models); this package adds what
a generator does badly: logging in, retrying after a 429, walking every page of a list,
waiting for a scan, and verifying a webhook's signature.
"""

from cyberorigen_client.session import ApiError, CyberOrigen, RateLimitRetry
from cyberorigen_client.webhooks import WebhookVerificationError, verify_webhook

__version__ = "0.1.0"  # the appliance's API version (pyproject.toml; generate.py keeps it)

__all__ = [
    "ApiError",
    "CyberOrigen",
    "RateLimitRetry",
    "WebhookVerificationError",
    "verify_webhook",
]
