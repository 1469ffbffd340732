from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.evidence import Evidence
from typing import cast



def _get_kwargs(
    control_id: str,
    evidence_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/controls/{control_id}/evidence/{evidence_id}".format(control_id=quote(str(control_id), safe=""),evidence_id=quote(str(evidence_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Evidence:
    if response.status_code == 200:
        response_200 = Evidence.from_dict(response.json())



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

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())



        return response_500

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Evidence]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    control_id: str,
    evidence_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Error | Evidence]:
    """ One evidence item, with its review status and history.

    Args:
        control_id (str):
        evidence_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Evidence]
     """


    kwargs = _get_kwargs(
        control_id=control_id,
evidence_id=evidence_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    control_id: str,
    evidence_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Error | Evidence | None:
    """ One evidence item, with its review status and history.

    Args:
        control_id (str):
        evidence_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Evidence
     """


    return sync_detailed(
        control_id=control_id,
evidence_id=evidence_id,
client=client,

    ).parsed

async def asyncio_detailed(
    control_id: str,
    evidence_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Error | Evidence]:
    """ One evidence item, with its review status and history.

    Args:
        control_id (str):
        evidence_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Evidence]
     """


    kwargs = _get_kwargs(
        control_id=control_id,
evidence_id=evidence_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    control_id: str,
    evidence_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Error | Evidence | None:
    """ One evidence item, with its review status and history.

    Args:
        control_id (str):
        evidence_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Evidence
     """


    return (await asyncio_detailed(
        control_id=control_id,
evidence_id=evidence_id,
client=client,

    )).parsed
