from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.check_outcome_page import CheckOutcomePage
from ...models.error import Error
from ...models.list_scan_checks_outcome import ListScanChecksOutcome
from ...models.list_scan_checks_reason import ListScanChecksReason
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    scan_id: str,
    *,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    outcome: ListScanChecksOutcome | Unset = UNSET,
    reason: ListScanChecksReason | Unset = UNSET,
    check_id: str | Unset = UNSET,
    scanner: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["page"] = page

    params["per_page"] = per_page

    json_outcome: str | Unset = UNSET
    if not isinstance(outcome, Unset):
        json_outcome = outcome.value

    params["outcome"] = json_outcome

    json_reason: str | Unset = UNSET
    if not isinstance(reason, Unset):
        json_reason = reason.value

    params["reason"] = json_reason

    params["check_id"] = check_id

    params["scanner"] = scanner


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/scans/{scan_id}/checks".format(scan_id=quote(str(scan_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CheckOutcomePage | Error:
    if response.status_code == 200:
        response_200 = CheckOutcomePage.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CheckOutcomePage | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    scan_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    outcome: ListScanChecksOutcome | Unset = UNSET,
    reason: ListScanChecksReason | Unset = UNSET,
    check_id: str | Unset = UNSET,
    scanner: str | Unset = UNSET,

) -> Response[CheckOutcomePage | Error]:
    """ How each check ended on each thing the scan examined: passed, failed or
    inconclusive, with why; in the order the scanners ran.

    Args:
        scan_id (str):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.
        outcome (ListScanChecksOutcome | Unset):
        reason (ListScanChecksReason | Unset):
        check_id (str | Unset):
        scanner (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CheckOutcomePage | Error]
     """


    kwargs = _get_kwargs(
        scan_id=scan_id,
page=page,
per_page=per_page,
outcome=outcome,
reason=reason,
check_id=check_id,
scanner=scanner,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    scan_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    outcome: ListScanChecksOutcome | Unset = UNSET,
    reason: ListScanChecksReason | Unset = UNSET,
    check_id: str | Unset = UNSET,
    scanner: str | Unset = UNSET,

) -> CheckOutcomePage | Error | None:
    """ How each check ended on each thing the scan examined: passed, failed or
    inconclusive, with why; in the order the scanners ran.

    Args:
        scan_id (str):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.
        outcome (ListScanChecksOutcome | Unset):
        reason (ListScanChecksReason | Unset):
        check_id (str | Unset):
        scanner (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CheckOutcomePage | Error
     """


    return sync_detailed(
        scan_id=scan_id,
client=client,
page=page,
per_page=per_page,
outcome=outcome,
reason=reason,
check_id=check_id,
scanner=scanner,

    ).parsed

async def asyncio_detailed(
    scan_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    outcome: ListScanChecksOutcome | Unset = UNSET,
    reason: ListScanChecksReason | Unset = UNSET,
    check_id: str | Unset = UNSET,
    scanner: str | Unset = UNSET,

) -> Response[CheckOutcomePage | Error]:
    """ How each check ended on each thing the scan examined: passed, failed or
    inconclusive, with why; in the order the scanners ran.

    Args:
        scan_id (str):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.
        outcome (ListScanChecksOutcome | Unset):
        reason (ListScanChecksReason | Unset):
        check_id (str | Unset):
        scanner (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CheckOutcomePage | Error]
     """


    kwargs = _get_kwargs(
        scan_id=scan_id,
page=page,
per_page=per_page,
outcome=outcome,
reason=reason,
check_id=check_id,
scanner=scanner,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    scan_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    outcome: ListScanChecksOutcome | Unset = UNSET,
    reason: ListScanChecksReason | Unset = UNSET,
    check_id: str | Unset = UNSET,
    scanner: str | Unset = UNSET,

) -> CheckOutcomePage | Error | None:
    """ How each check ended on each thing the scan examined: passed, failed or
    inconclusive, with why; in the order the scanners ran.

    Args:
        scan_id (str):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.
        outcome (ListScanChecksOutcome | Unset):
        reason (ListScanChecksReason | Unset):
        check_id (str | Unset):
        scanner (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CheckOutcomePage | Error
     """


    return (await asyncio_detailed(
        scan_id=scan_id,
client=client,
page=page,
per_page=per_page,
outcome=outcome,
reason=reason,
check_id=check_id,
scanner=scanner,

    )).parsed
