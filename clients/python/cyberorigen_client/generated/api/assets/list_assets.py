from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.asset_page import AssetPage
from ...models.error import Error
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    address: str | Unset = UNSET,
    name: str | Unset = UNSET,
    protocol: str | Unset = UNSET,
    port: int | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["page"] = page

    params["per_page"] = per_page

    params["address"] = address

    params["name"] = name

    params["protocol"] = protocol

    params["port"] = port


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/assets",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AssetPage | Error:
    if response.status_code == 200:
        response_200 = AssetPage.from_dict(response.json())



        return response_200

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AssetPage | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    address: str | Unset = UNSET,
    name: str | Unset = UNSET,
    protocol: str | Unset = UNSET,
    port: int | Unset = UNSET,

) -> Response[AssetPage | Error]:
    """ Hosts the organization's scans found answering, most recently seen first
    (filters: address, name, protocol or port of one of their services).

    Args:
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.
        address (str | Unset):
        name (str | Unset):
        protocol (str | Unset):
        port (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetPage | Error]
     """


    kwargs = _get_kwargs(
        page=page,
per_page=per_page,
address=address,
name=name,
protocol=protocol,
port=port,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    address: str | Unset = UNSET,
    name: str | Unset = UNSET,
    protocol: str | Unset = UNSET,
    port: int | Unset = UNSET,

) -> AssetPage | Error | None:
    """ Hosts the organization's scans found answering, most recently seen first
    (filters: address, name, protocol or port of one of their services).

    Args:
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.
        address (str | Unset):
        name (str | Unset):
        protocol (str | Unset):
        port (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetPage | Error
     """


    return sync_detailed(
        client=client,
page=page,
per_page=per_page,
address=address,
name=name,
protocol=protocol,
port=port,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    address: str | Unset = UNSET,
    name: str | Unset = UNSET,
    protocol: str | Unset = UNSET,
    port: int | Unset = UNSET,

) -> Response[AssetPage | Error]:
    """ Hosts the organization's scans found answering, most recently seen first
    (filters: address, name, protocol or port of one of their services).

    Args:
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.
        address (str | Unset):
        name (str | Unset):
        protocol (str | Unset):
        port (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetPage | Error]
     """


    kwargs = _get_kwargs(
        page=page,
per_page=per_page,
address=address,
name=name,
protocol=protocol,
port=port,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    address: str | Unset = UNSET,
    name: str | Unset = UNSET,
    protocol: str | Unset = UNSET,
    port: int | Unset = UNSET,

) -> AssetPage | Error | None:
    """ Hosts the organization's scans found answering, most recently seen first
    (filters: address, name, protocol or port of one of their services).

    Args:
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.
        address (str | Unset):
        name (str | Unset):
        protocol (str | Unset):
        port (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetPage | Error
     """


    return (await asyncio_detailed(
        client=client,
page=page,
per_page=per_page,
address=address,
name=name,
protocol=protocol,
port=port,

    )).parsed
