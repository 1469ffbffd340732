from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.evidence import Evidence
from ...models.evidence_review import EvidenceReview
from typing import cast



def _get_kwargs(
    control_id: str,
    evidence_id: str,
    *,
    body: EvidenceReview,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/controls/{control_id}/evidence/{evidence_id}/review".format(control_id=quote(str(control_id), safe=""),evidence_id=quote(str(evidence_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())



        return response_409

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
    body: EvidenceReview,

) -> Response[Error | Evidence]:
    """ Accept or reject a file, link or note (auditor or above; four eyes: not the one who
    added it). `{"decision": "accept"}` makes it count toward the control;
    `{"decision": "reject", "comment": "why"}` keeps it from counting. A later decision
    may change it; each is kept in `review_history` and sent as an `evidence.reviewed`
    event, and the control is re-assessed at once.

    Args:
        control_id (str):
        evidence_id (str):
        body (EvidenceReview):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Evidence]
     """


    kwargs = _get_kwargs(
        control_id=control_id,
evidence_id=evidence_id,
body=body,

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
    body: EvidenceReview,

) -> Error | Evidence | None:
    """ Accept or reject a file, link or note (auditor or above; four eyes: not the one who
    added it). `{"decision": "accept"}` makes it count toward the control;
    `{"decision": "reject", "comment": "why"}` keeps it from counting. A later decision
    may change it; each is kept in `review_history` and sent as an `evidence.reviewed`
    event, and the control is re-assessed at once.

    Args:
        control_id (str):
        evidence_id (str):
        body (EvidenceReview):

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
body=body,

    ).parsed

async def asyncio_detailed(
    control_id: str,
    evidence_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: EvidenceReview,

) -> Response[Error | Evidence]:
    """ Accept or reject a file, link or note (auditor or above; four eyes: not the one who
    added it). `{"decision": "accept"}` makes it count toward the control;
    `{"decision": "reject", "comment": "why"}` keeps it from counting. A later decision
    may change it; each is kept in `review_history` and sent as an `evidence.reviewed`
    event, and the control is re-assessed at once.

    Args:
        control_id (str):
        evidence_id (str):
        body (EvidenceReview):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Evidence]
     """


    kwargs = _get_kwargs(
        control_id=control_id,
evidence_id=evidence_id,
body=body,

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
    body: EvidenceReview,

) -> Error | Evidence | None:
    """ Accept or reject a file, link or note (auditor or above; four eyes: not the one who
    added it). `{"decision": "accept"}` makes it count toward the control;
    `{"decision": "reject", "comment": "why"}` keeps it from counting. A later decision
    may change it; each is kept in `review_history` and sent as an `evidence.reviewed`
    event, and the control is re-assessed at once.

    Args:
        control_id (str):
        evidence_id (str):
        body (EvidenceReview):

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
body=body,

    )).parsed
