from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.finding import Finding
from ...models.finding_status_update import FindingStatusUpdate
from typing import cast



def _get_kwargs(
    finding_id: str,
    *,
    body: FindingStatusUpdate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/findings/{finding_id}".format(finding_id=quote(str(finding_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Finding:
    if response.status_code == 200:
        response_200 = Finding.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Finding]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    finding_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: FindingStatusUpdate,

) -> Response[Error | Finding]:
    """ Set the status: open, fixed, accepted_risk (reason, optional expiry) or
    false_positive (reason). A fixed finding that a later scan sees again is reopened.

    Args:
        finding_id (str):
        body (FindingStatusUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Finding]
     """


    kwargs = _get_kwargs(
        finding_id=finding_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    finding_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: FindingStatusUpdate,

) -> Error | Finding | None:
    """ Set the status: open, fixed, accepted_risk (reason, optional expiry) or
    false_positive (reason). A fixed finding that a later scan sees again is reopened.

    Args:
        finding_id (str):
        body (FindingStatusUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Finding
     """


    return sync_detailed(
        finding_id=finding_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    finding_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: FindingStatusUpdate,

) -> Response[Error | Finding]:
    """ Set the status: open, fixed, accepted_risk (reason, optional expiry) or
    false_positive (reason). A fixed finding that a later scan sees again is reopened.

    Args:
        finding_id (str):
        body (FindingStatusUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Finding]
     """


    kwargs = _get_kwargs(
        finding_id=finding_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    finding_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: FindingStatusUpdate,

) -> Error | Finding | None:
    """ Set the status: open, fixed, accepted_risk (reason, optional expiry) or
    false_positive (reason). A fixed finding that a later scan sees again is reopened.

    Args:
        finding_id (str):
        body (FindingStatusUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Finding
     """


    return (await asyncio_detailed(
        finding_id=finding_id,
client=client,
body=body,

    )).parsed
