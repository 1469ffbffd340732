from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    control_id: str,
    evidence_id: str,
    *,
    reason: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["reason"] = reason


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/controls/{control_id}/evidence/{evidence_id}".format(control_id=quote(str(control_id), safe=""),evidence_id=quote(str(evidence_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error]:
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
    reason: str | Unset = UNSET,

) -> Response[Any | Error]:
    """ Delete evidence (auditor or admin). The deletion is recorded: who, when and the
    `reason`; the item stays listed with `include_deleted`.

    Args:
        control_id (str):
        evidence_id (str):
        reason (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
     """


    kwargs = _get_kwargs(
        control_id=control_id,
evidence_id=evidence_id,
reason=reason,

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
    reason: str | Unset = UNSET,

) -> Any | Error | None:
    """ Delete evidence (auditor or admin). The deletion is recorded: who, when and the
    `reason`; the item stays listed with `include_deleted`.

    Args:
        control_id (str):
        evidence_id (str):
        reason (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
     """


    return sync_detailed(
        control_id=control_id,
evidence_id=evidence_id,
client=client,
reason=reason,

    ).parsed

async def asyncio_detailed(
    control_id: str,
    evidence_id: str,
    *,
    client: AuthenticatedClient | Client,
    reason: str | Unset = UNSET,

) -> Response[Any | Error]:
    """ Delete evidence (auditor or admin). The deletion is recorded: who, when and the
    `reason`; the item stays listed with `include_deleted`.

    Args:
        control_id (str):
        evidence_id (str):
        reason (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
     """


    kwargs = _get_kwargs(
        control_id=control_id,
evidence_id=evidence_id,
reason=reason,

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
    reason: str | Unset = UNSET,

) -> Any | Error | None:
    """ Delete evidence (auditor or admin). The deletion is recorded: who, when and the
    `reason`; the item stays listed with `include_deleted`.

    Args:
        control_id (str):
        evidence_id (str):
        reason (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
     """


    return (await asyncio_detailed(
        control_id=control_id,
evidence_id=evidence_id,
client=client,
reason=reason,

    )).parsed
