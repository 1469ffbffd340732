from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.control_detail import ControlDetail
from ...models.control_update import ControlUpdate
from ...models.error import Error
from typing import cast



def _get_kwargs(
    control_id: str,
    *,
    body: ControlUpdate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/controls/{control_id}".format(control_id=quote(str(control_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ControlDetail | Error:
    if response.status_code == 200:
        response_200 = ControlDetail.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ControlDetail | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    control_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ControlUpdate,

) -> Response[ControlDetail | Error]:
    """ Set applicability (not applicable needs a reason), the owner, or an override of the
    status (with a reason; kept in the history). Auditor or admin.

    Args:
        control_id (str):
        body (ControlUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ControlDetail | Error]
     """


    kwargs = _get_kwargs(
        control_id=control_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    control_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ControlUpdate,

) -> ControlDetail | Error | None:
    """ Set applicability (not applicable needs a reason), the owner, or an override of the
    status (with a reason; kept in the history). Auditor or admin.

    Args:
        control_id (str):
        body (ControlUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ControlDetail | Error
     """


    return sync_detailed(
        control_id=control_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    control_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ControlUpdate,

) -> Response[ControlDetail | Error]:
    """ Set applicability (not applicable needs a reason), the owner, or an override of the
    status (with a reason; kept in the history). Auditor or admin.

    Args:
        control_id (str):
        body (ControlUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ControlDetail | Error]
     """


    kwargs = _get_kwargs(
        control_id=control_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    control_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ControlUpdate,

) -> ControlDetail | Error | None:
    """ Set applicability (not applicable needs a reason), the owner, or an override of the
    status (with a reason; kept in the history). Auditor or admin.

    Args:
        control_id (str):
        body (ControlUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ControlDetail | Error
     """


    return (await asyncio_detailed(
        control_id=control_id,
client=client,
body=body,

    )).parsed
