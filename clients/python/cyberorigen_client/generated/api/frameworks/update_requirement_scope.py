from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.report_requirement import ReportRequirement
from ...models.requirement_scope import RequirementScope
from typing import cast



def _get_kwargs(
    framework_id: str,
    requirement_id: str,
    *,
    body: RequirementScope,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/frameworks/{framework_id}/requirements/{requirement_id}".format(framework_id=quote(str(framework_id), safe=""),requirement_id=quote(str(requirement_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | ReportRequirement:
    if response.status_code == 200:
        response_200 = ReportRequirement.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | ReportRequirement]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    framework_id: str,
    requirement_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RequirementScope,

) -> Response[Error | ReportRequirement]:
    """ Declare a requirement out of the organization's scope (`applicable: false` with a
    reason: it is then `not_applicable` in reports and scan summaries) or back in. Auditor
    or admin.

    Args:
        framework_id (str):
        requirement_id (str):
        body (RequirementScope):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ReportRequirement]
     """


    kwargs = _get_kwargs(
        framework_id=framework_id,
requirement_id=requirement_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    framework_id: str,
    requirement_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RequirementScope,

) -> Error | ReportRequirement | None:
    """ Declare a requirement out of the organization's scope (`applicable: false` with a
    reason: it is then `not_applicable` in reports and scan summaries) or back in. Auditor
    or admin.

    Args:
        framework_id (str):
        requirement_id (str):
        body (RequirementScope):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ReportRequirement
     """


    return sync_detailed(
        framework_id=framework_id,
requirement_id=requirement_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    framework_id: str,
    requirement_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RequirementScope,

) -> Response[Error | ReportRequirement]:
    """ Declare a requirement out of the organization's scope (`applicable: false` with a
    reason: it is then `not_applicable` in reports and scan summaries) or back in. Auditor
    or admin.

    Args:
        framework_id (str):
        requirement_id (str):
        body (RequirementScope):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ReportRequirement]
     """


    kwargs = _get_kwargs(
        framework_id=framework_id,
requirement_id=requirement_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    framework_id: str,
    requirement_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RequirementScope,

) -> Error | ReportRequirement | None:
    """ Declare a requirement out of the organization's scope (`applicable: false` with a
    reason: it is then `not_applicable` in reports and scan summaries) or back in. Auditor
    or admin.

    Args:
        framework_id (str):
        requirement_id (str):
        body (RequirementScope):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ReportRequirement
     """


    return (await asyncio_detailed(
        framework_id=framework_id,
requirement_id=requirement_id,
client=client,
body=body,

    )).parsed
