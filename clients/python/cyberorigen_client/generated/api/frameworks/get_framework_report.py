from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.framework_report import FrameworkReport
from typing import cast



def _get_kwargs(
    framework_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/frameworks/{framework_id}/report".format(framework_id=quote(str(framework_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | FrameworkReport:
    if response.status_code == 200:
        response_200 = FrameworkReport.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | FrameworkReport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    framework_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Error | FrameworkReport]:
    """ The organization's report: each assessed requirement's status with its reason chain,
    and readiness, technical posture and automation coverage as three separate numbers.

    Args:
        framework_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FrameworkReport]
     """


    kwargs = _get_kwargs(
        framework_id=framework_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    framework_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Error | FrameworkReport | None:
    """ The organization's report: each assessed requirement's status with its reason chain,
    and readiness, technical posture and automation coverage as three separate numbers.

    Args:
        framework_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FrameworkReport
     """


    return sync_detailed(
        framework_id=framework_id,
client=client,

    ).parsed

async def asyncio_detailed(
    framework_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Error | FrameworkReport]:
    """ The organization's report: each assessed requirement's status with its reason chain,
    and readiness, technical posture and automation coverage as three separate numbers.

    Args:
        framework_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FrameworkReport]
     """


    kwargs = _get_kwargs(
        framework_id=framework_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    framework_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Error | FrameworkReport | None:
    """ The organization's report: each assessed requirement's status with its reason chain,
    and readiness, technical posture and automation coverage as three separate numbers.

    Args:
        framework_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FrameworkReport
     """


    return (await asyncio_detailed(
        framework_id=framework_id,
client=client,

    )).parsed
