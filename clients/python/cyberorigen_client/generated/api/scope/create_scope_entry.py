from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.scope_entry import ScopeEntry
from ...models.scope_entry_create import ScopeEntryCreate
from typing import cast



def _get_kwargs(
    *,
    body: ScopeEntryCreate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/scope",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | ScopeEntry:
    if response.status_code == 201:
        response_201 = ScopeEntry.from_dict(response.json())



        return response_201

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())



        return response_500

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | ScopeEntry]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ScopeEntryCreate,

) -> Response[Error | ScopeEntry]:
    """ Allow scans of a domain and its subdomains, an address, or a network, within the
    operator's policy: no public suffix, no network wider than allowed, nothing in a
    network no organization may scan (422 on `value`).

    Args:
        body (ScopeEntryCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ScopeEntry]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ScopeEntryCreate,

) -> Error | ScopeEntry | None:
    """ Allow scans of a domain and its subdomains, an address, or a network, within the
    operator's policy: no public suffix, no network wider than allowed, nothing in a
    network no organization may scan (422 on `value`).

    Args:
        body (ScopeEntryCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ScopeEntry
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ScopeEntryCreate,

) -> Response[Error | ScopeEntry]:
    """ Allow scans of a domain and its subdomains, an address, or a network, within the
    operator's policy: no public suffix, no network wider than allowed, nothing in a
    network no organization may scan (422 on `value`).

    Args:
        body (ScopeEntryCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ScopeEntry]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ScopeEntryCreate,

) -> Error | ScopeEntry | None:
    """ Allow scans of a domain and its subdomains, an address, or a network, within the
    operator's policy: no public suffix, no network wider than allowed, nothing in a
    network no organization may scan (422 on `value`).

    Args:
        body (ScopeEntryCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ScopeEntry
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
