from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.export_findings_format import ExportFindingsFormat
from ...models.export_findings_response_type_0 import ExportFindingsResponseType0
from ...models.export_findings_response_type_1_item import ExportFindingsResponseType1Item
from ...models.export_findings_severity import ExportFindingsSeverity
from ...models.export_findings_status import ExportFindingsStatus
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    severity: ExportFindingsSeverity | Unset = UNSET,
    check_id: str | Unset = UNSET,
    status: ExportFindingsStatus | Unset = UNSET,
    target: str | Unset = UNSET,
    format_: ExportFindingsFormat,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_severity: str | Unset = UNSET
    if not isinstance(severity, Unset):
        json_severity = severity.value

    params["severity"] = json_severity

    params["check_id"] = check_id

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["target"] = target

    json_format_ = format_.value
    params["format"] = json_format_


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/findings/export",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | ExportFindingsResponseType0 | list[ExportFindingsResponseType1Item]:
    if response.status_code == 200:
        def _parse_response_200(data: object) -> ExportFindingsResponseType0 | list[ExportFindingsResponseType1Item]:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_export_findings_response_type_0 = ExportFindingsResponseType0.from_dict(data)



                return componentsschemas_export_findings_response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            componentsschemas_export_findings_response_type_1 = []
            _componentsschemas_export_findings_response_type_1 = data
            for componentsschemas_export_findings_response_type_1_item_data in (_componentsschemas_export_findings_response_type_1):
                componentsschemas_export_findings_response_type_1_item = ExportFindingsResponseType1Item.from_dict(componentsschemas_export_findings_response_type_1_item_data)



                componentsschemas_export_findings_response_type_1.append(componentsschemas_export_findings_response_type_1_item)

            return componentsschemas_export_findings_response_type_1

        response_200 = _parse_response_200(response.json())

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | ExportFindingsResponseType0 | list[ExportFindingsResponseType1Item]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    severity: ExportFindingsSeverity | Unset = UNSET,
    check_id: str | Unset = UNSET,
    status: ExportFindingsStatus | Unset = UNSET,
    target: str | Unset = UNSET,
    format_: ExportFindingsFormat,

) -> Response[Error | ExportFindingsResponseType0 | list[ExportFindingsResponseType1Item]]:
    """ Download the findings the list's filters select, as one file.

     `format=sarif` (SARIF 2.1.0), `ocsf` (OCSF 1.5.0 Detection Findings, a JSON array),
    `csv` or `jsonl` (JSON Lines); `severity`, `check_id`, `status` and `target` filter as
    they filter `GET /api/v1/findings`. Only the caller's organization's findings. The file
    is streamed, so an export of any size starts at once and takes little memory on the
    appliance. See docs/exports.md.

    Args:
        severity (ExportFindingsSeverity | Unset):
        check_id (str | Unset):
        status (ExportFindingsStatus | Unset):
        target (str | Unset):
        format_ (ExportFindingsFormat):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ExportFindingsResponseType0 | list[ExportFindingsResponseType1Item]]
     """


    kwargs = _get_kwargs(
        severity=severity,
check_id=check_id,
status=status,
target=target,
format_=format_,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    severity: ExportFindingsSeverity | Unset = UNSET,
    check_id: str | Unset = UNSET,
    status: ExportFindingsStatus | Unset = UNSET,
    target: str | Unset = UNSET,
    format_: ExportFindingsFormat,

) -> Error | ExportFindingsResponseType0 | list[ExportFindingsResponseType1Item] | None:
    """ Download the findings the list's filters select, as one file.

     `format=sarif` (SARIF 2.1.0), `ocsf` (OCSF 1.5.0 Detection Findings, a JSON array),
    `csv` or `jsonl` (JSON Lines); `severity`, `check_id`, `status` and `target` filter as
    they filter `GET /api/v1/findings`. Only the caller's organization's findings. The file
    is streamed, so an export of any size starts at once and takes little memory on the
    appliance. See docs/exports.md.

    Args:
        severity (ExportFindingsSeverity | Unset):
        check_id (str | Unset):
        status (ExportFindingsStatus | Unset):
        target (str | Unset):
        format_ (ExportFindingsFormat):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ExportFindingsResponseType0 | list[ExportFindingsResponseType1Item]
     """


    return sync_detailed(
        client=client,
severity=severity,
check_id=check_id,
status=status,
target=target,
format_=format_,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    severity: ExportFindingsSeverity | Unset = UNSET,
    check_id: str | Unset = UNSET,
    status: ExportFindingsStatus | Unset = UNSET,
    target: str | Unset = UNSET,
    format_: ExportFindingsFormat,

) -> Response[Error | ExportFindingsResponseType0 | list[ExportFindingsResponseType1Item]]:
    """ Download the findings the list's filters select, as one file.

     `format=sarif` (SARIF 2.1.0), `ocsf` (OCSF 1.5.0 Detection Findings, a JSON array),
    `csv` or `jsonl` (JSON Lines); `severity`, `check_id`, `status` and `target` filter as
    they filter `GET /api/v1/findings`. Only the caller's organization's findings. The file
    is streamed, so an export of any size starts at once and takes little memory on the
    appliance. See docs/exports.md.

    Args:
        severity (ExportFindingsSeverity | Unset):
        check_id (str | Unset):
        status (ExportFindingsStatus | Unset):
        target (str | Unset):
        format_ (ExportFindingsFormat):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ExportFindingsResponseType0 | list[ExportFindingsResponseType1Item]]
     """


    kwargs = _get_kwargs(
        severity=severity,
check_id=check_id,
status=status,
target=target,
format_=format_,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    severity: ExportFindingsSeverity | Unset = UNSET,
    check_id: str | Unset = UNSET,
    status: ExportFindingsStatus | Unset = UNSET,
    target: str | Unset = UNSET,
    format_: ExportFindingsFormat,

) -> Error | ExportFindingsResponseType0 | list[ExportFindingsResponseType1Item] | None:
    """ Download the findings the list's filters select, as one file.

     `format=sarif` (SARIF 2.1.0), `ocsf` (OCSF 1.5.0 Detection Findings, a JSON array),
    `csv` or `jsonl` (JSON Lines); `severity`, `check_id`, `status` and `target` filter as
    they filter `GET /api/v1/findings`. Only the caller's organization's findings. The file
    is streamed, so an export of any size starts at once and takes little memory on the
    appliance. See docs/exports.md.

    Args:
        severity (ExportFindingsSeverity | Unset):
        check_id (str | Unset):
        status (ExportFindingsStatus | Unset):
        target (str | Unset):
        format_ (ExportFindingsFormat):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ExportFindingsResponseType0 | list[ExportFindingsResponseType1Item]
     """


    return (await asyncio_detailed(
        client=client,
severity=severity,
check_id=check_id,
status=status,
target=target,
format_=format_,

    )).parsed
