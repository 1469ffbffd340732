from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.evidence_page import EvidencePage
from ...models.list_evidence_kind import ListEvidenceKind
from ...models.list_evidence_review_status import ListEvidenceReviewStatus
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    control_id: str,
    *,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    kind: ListEvidenceKind | Unset = UNSET,
    review_status: ListEvidenceReviewStatus | Unset = UNSET,
    include_deleted: bool | Unset = False,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["page"] = page

    params["per_page"] = per_page

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_review_status: str | Unset = UNSET
    if not isinstance(review_status, Unset):
        json_review_status = review_status.value

    params["review_status"] = json_review_status

    params["include_deleted"] = include_deleted


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/controls/{control_id}/evidence".format(control_id=quote(str(control_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | EvidencePage:
    if response.status_code == 200:
        response_200 = EvidencePage.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | EvidencePage]:
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
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    kind: ListEvidenceKind | Unset = UNSET,
    review_status: ListEvidenceReviewStatus | Unset = UNSET,
    include_deleted: bool | Unset = False,

) -> Response[Error | EvidencePage]:
    """ The control's evidence, newest first (deleted items with include_deleted), each with
    its review status and history; `review_status=submitted` lists what awaits review.

    Args:
        control_id (str):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.
        kind (ListEvidenceKind | Unset):
        review_status (ListEvidenceReviewStatus | Unset):
        include_deleted (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | EvidencePage]
     """


    kwargs = _get_kwargs(
        control_id=control_id,
page=page,
per_page=per_page,
kind=kind,
review_status=review_status,
include_deleted=include_deleted,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    control_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    kind: ListEvidenceKind | Unset = UNSET,
    review_status: ListEvidenceReviewStatus | Unset = UNSET,
    include_deleted: bool | Unset = False,

) -> Error | EvidencePage | None:
    """ The control's evidence, newest first (deleted items with include_deleted), each with
    its review status and history; `review_status=submitted` lists what awaits review.

    Args:
        control_id (str):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.
        kind (ListEvidenceKind | Unset):
        review_status (ListEvidenceReviewStatus | Unset):
        include_deleted (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | EvidencePage
     """


    return sync_detailed(
        control_id=control_id,
client=client,
page=page,
per_page=per_page,
kind=kind,
review_status=review_status,
include_deleted=include_deleted,

    ).parsed

async def asyncio_detailed(
    control_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    kind: ListEvidenceKind | Unset = UNSET,
    review_status: ListEvidenceReviewStatus | Unset = UNSET,
    include_deleted: bool | Unset = False,

) -> Response[Error | EvidencePage]:
    """ The control's evidence, newest first (deleted items with include_deleted), each with
    its review status and history; `review_status=submitted` lists what awaits review.

    Args:
        control_id (str):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.
        kind (ListEvidenceKind | Unset):
        review_status (ListEvidenceReviewStatus | Unset):
        include_deleted (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | EvidencePage]
     """


    kwargs = _get_kwargs(
        control_id=control_id,
page=page,
per_page=per_page,
kind=kind,
review_status=review_status,
include_deleted=include_deleted,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    control_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    kind: ListEvidenceKind | Unset = UNSET,
    review_status: ListEvidenceReviewStatus | Unset = UNSET,
    include_deleted: bool | Unset = False,

) -> Error | EvidencePage | None:
    """ The control's evidence, newest first (deleted items with include_deleted), each with
    its review status and history; `review_status=submitted` lists what awaits review.

    Args:
        control_id (str):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.
        kind (ListEvidenceKind | Unset):
        review_status (ListEvidenceReviewStatus | Unset):
        include_deleted (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | EvidencePage
     """


    return (await asyncio_detailed(
        control_id=control_id,
client=client,
page=page,
per_page=per_page,
kind=kind,
review_status=review_status,
include_deleted=include_deleted,

    )).parsed
