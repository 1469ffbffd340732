from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.delivery_page import DeliveryPage
from ...models.error import Error
from ...models.list_webhook_deliveries_status import ListWebhookDeliveriesStatus
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    webhook_id: str,
    *,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    status: ListWebhookDeliveriesStatus | Unset = UNSET,
    event_type: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["page"] = page

    params["per_page"] = per_page

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["event_type"] = event_type


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/webhooks/{webhook_id}/deliveries".format(webhook_id=quote(str(webhook_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DeliveryPage | Error:
    if response.status_code == 200:
        response_200 = DeliveryPage.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DeliveryPage | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    webhook_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    status: ListWebhookDeliveriesStatus | Unset = UNSET,
    event_type: str | Unset = UNSET,

) -> Response[DeliveryPage | Error]:
    """ The delivery log, newest first: event, attempts, last status code, response excerpt,
    latency, next retry.

    Args:
        webhook_id (str):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.
        status (ListWebhookDeliveriesStatus | Unset):
        event_type (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryPage | Error]
     """


    kwargs = _get_kwargs(
        webhook_id=webhook_id,
page=page,
per_page=per_page,
status=status,
event_type=event_type,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    webhook_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    status: ListWebhookDeliveriesStatus | Unset = UNSET,
    event_type: str | Unset = UNSET,

) -> DeliveryPage | Error | None:
    """ The delivery log, newest first: event, attempts, last status code, response excerpt,
    latency, next retry.

    Args:
        webhook_id (str):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.
        status (ListWebhookDeliveriesStatus | Unset):
        event_type (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryPage | Error
     """


    return sync_detailed(
        webhook_id=webhook_id,
client=client,
page=page,
per_page=per_page,
status=status,
event_type=event_type,

    ).parsed

async def asyncio_detailed(
    webhook_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    status: ListWebhookDeliveriesStatus | Unset = UNSET,
    event_type: str | Unset = UNSET,

) -> Response[DeliveryPage | Error]:
    """ The delivery log, newest first: event, attempts, last status code, response excerpt,
    latency, next retry.

    Args:
        webhook_id (str):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.
        status (ListWebhookDeliveriesStatus | Unset):
        event_type (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryPage | Error]
     """


    kwargs = _get_kwargs(
        webhook_id=webhook_id,
page=page,
per_page=per_page,
status=status,
event_type=event_type,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    webhook_id: str,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    status: ListWebhookDeliveriesStatus | Unset = UNSET,
    event_type: str | Unset = UNSET,

) -> DeliveryPage | Error | None:
    """ The delivery log, newest first: event, attempts, last status code, response excerpt,
    latency, next retry.

    Args:
        webhook_id (str):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.
        status (ListWebhookDeliveriesStatus | Unset):
        event_type (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryPage | Error
     """


    return (await asyncio_detailed(
        webhook_id=webhook_id,
client=client,
page=page,
per_page=per_page,
status=status,
event_type=event_type,

    )).parsed
