""" Contains all the data models used in inputs/outputs """

from .api_key import ApiKey
from .api_key_create import ApiKeyCreate
from .api_key_create_role import ApiKeyCreateRole
from .api_key_created import ApiKeyCreated
from .api_key_page import ApiKeyPage
from .asset import Asset
from .asset_data import AssetData
from .asset_detail import AssetDetail
from .asset_page import AssetPage
from .audit_actor import AuditActor
from .audit_actor_type import AuditActorType
from .audit_event import AuditEvent
from .audit_event_after_type_0 import AuditEventAfterType0
from .audit_event_before_type_0 import AuditEventBeforeType0
from .audit_event_page import AuditEventPage
from .automation import Automation
from .basis_finding import BasisFinding
from .check_outcome import CheckOutcome
from .check_outcome_outcome import CheckOutcomeOutcome
from .check_outcome_page import CheckOutcomePage
from .check_outcome_reason import CheckOutcomeReason
from .control import Control
from .control_detail import ControlDetail
from .control_detail_override_type_0_type_0 import ControlDetailOverrideType0Type0
from .control_detail_status import ControlDetailStatus
from .control_page import ControlPage
from .control_status import ControlStatus
from .control_status_data import ControlStatusData
from .control_update import ControlUpdate
from .control_update_override_type_1_type_0 import ControlUpdateOverrideType1Type0
from .create_evidence_request import CreateEvidenceRequest
from .create_import_request import CreateImportRequest
from .delivery import Delivery
from .delivery_attempt import DeliveryAttempt
from .delivery_detail import DeliveryDetail
from .delivery_detail_status import DeliveryDetailStatus
from .delivery_page import DeliveryPage
from .delivery_status import DeliveryStatus
from .dns_scanner_options import DnsScannerOptions
from .error import Error
from .error_errors import ErrorErrors
from .evidence import Evidence
from .evidence_decision import EvidenceDecision
from .evidence_decision_decision import EvidenceDecisionDecision
from .evidence_decision_previous_status import EvidenceDecisionPreviousStatus
from .evidence_decision_status import EvidenceDecisionStatus
from .evidence_details import EvidenceDetails
from .evidence_expiring_data import EvidenceExpiringData
from .evidence_kind import EvidenceKind
from .evidence_page import EvidencePage
from .evidence_record import EvidenceRecord
from .evidence_record_kind import EvidenceRecordKind
from .evidence_review import EvidenceReview
from .evidence_review_decision import EvidenceReviewDecision
from .evidence_review_status import EvidenceReviewStatus
from .evidence_reviewed_data import EvidenceReviewedData
from .evidence_reviewed_data_decision import EvidenceReviewedDataDecision
from .evidence_reviewed_data_kind import EvidenceReviewedDataKind
from .evidence_reviewed_data_previous_status import EvidenceReviewedDataPreviousStatus
from .evidence_reviewed_data_status import EvidenceReviewedDataStatus
from .export import Export
from .export_audit_events_action import ExportAuditEventsAction
from .export_create import ExportCreate
from .export_create_kind import ExportCreateKind
from .export_create_params import ExportCreateParams
from .export_findings_format import ExportFindingsFormat
from .export_findings_response_type_0 import ExportFindingsResponseType0
from .export_findings_response_type_1_item import ExportFindingsResponseType1Item
from .export_findings_severity import ExportFindingsSeverity
from .export_findings_status import ExportFindingsStatus
from .export_page import ExportPage
from .export_params import ExportParams
from .export_status import ExportStatus
from .filters import Filters
from .filters_min_severity_type_1 import FiltersMinSeverityType1
from .filters_min_severity_type_2_type_1 import FiltersMinSeverityType2Type1
from .filters_min_severity_type_3_type_1 import FiltersMinSeverityType3Type1
from .finding import Finding
from .finding_evidence import FindingEvidence
from .finding_page import FindingPage
from .finding_severity import FindingSeverity
from .finding_status import FindingStatus
from .finding_status_data import FindingStatusData
from .finding_status_update import FindingStatusUpdate
from .finding_status_update_status import FindingStatusUpdateStatus
from .framework import Framework
from .framework_counts import FrameworkCounts
from .framework_counts_by_level import FrameworkCountsByLevel
from .framework_list import FrameworkList
from .framework_report import FrameworkReport
from .health import Health
from .health_checks import HealthChecks
from .health_status import HealthStatus
from .history import History
from .http_scanner_options import HttpScannerOptions
from .import_ import Import
from .importer import Importer
from .linked_check import LinkedCheck
from .list_audit_events_action import ListAuditEventsAction
from .list_controls_status import ListControlsStatus
from .list_evidence_kind import ListEvidenceKind
from .list_evidence_review_status import ListEvidenceReviewStatus
from .list_findings_severity import ListFindingsSeverity
from .list_findings_status import ListFindingsStatus
from .list_scan_checks_outcome import ListScanChecksOutcome
from .list_scan_checks_reason import ListScanChecksReason
from .list_scan_findings_severity import ListScanFindingsSeverity
from .list_scan_findings_status import ListScanFindingsStatus
from .list_scans_sort import ListScansSort
from .list_scans_status import ListScansStatus
from .list_webhook_deliveries_status import ListWebhookDeliveriesStatus
from .mapped_requirement import MappedRequirement
from .mapped_requirement_coverage import MappedRequirementCoverage
from .mapped_requirement_relationship import MappedRequirementRelationship
from .me import Me
from .me_authenticated_by import MeAuthenticatedBy
from .me_organization import MeOrganization
from .organization import Organization
from .organization_plan import OrganizationPlan
from .organization_update import OrganizationUpdate
from .organization_update_plan import OrganizationUpdatePlan
from .override import Override
from .override_status import OverrideStatus
from .pagination_metadata import PaginationMetadata
from .password_change import PasswordChange
from .ping_data import PingData
from .plugin import Plugin
from .plugin_list import PluginList
from .plugin_status import PluginStatus
from .ports_scanner_options import PortsScannerOptions
from .ports_scanner_options_service_ports import PortsScannerOptionsServicePorts
from .ports_scanner_options_service_ports_additional_property import PortsScannerOptionsServicePortsAdditionalProperty
from .posture import Posture
from .rate_limits import RateLimits
from .readiness import Readiness
from .report_control import ReportControl
from .report_requirement import ReportRequirement
from .report_requirement_attributes import ReportRequirementAttributes
from .report_requirement_status import ReportRequirementStatus
from .report_summary import ReportSummary
from .requirement_scope import RequirementScope
from .rotate_secret import RotateSecret
from .rotated import Rotated
from .scan import Scan
from .scan_create import ScanCreate
from .scan_data import ScanData
from .scan_detail import ScanDetail
from .scan_detail_compliance_type_0 import ScanDetailComplianceType0
from .scan_detail_coverage import ScanDetailCoverage
from .scan_detail_status import ScanDetailStatus
from .scan_findings_data import ScanFindingsData
from .scan_findings_data_severity import ScanFindingsDataSeverity
from .scan_options import ScanOptions
from .scan_page import ScanPage
from .scan_part import ScanPart
from .scan_part_status import ScanPartStatus
from .scan_status import ScanStatus
from .scanner_run import ScannerRun
from .scanner_run_not_examined import ScannerRunNotExamined
from .scanner_run_status import ScannerRunStatus
from .schedule import Schedule
from .schedule_create import ScheduleCreate
from .schedule_page import SchedulePage
from .schedule_update import ScheduleUpdate
from .scope_entry import ScopeEntry
from .scope_entry_create import ScopeEntryCreate
from .scope_entry_kind import ScopeEntryKind
from .scope_entry_page import ScopeEntryPage
from .service import Service
from .service_certificate import ServiceCertificate
from .service_data import ServiceData
from .ssh_scanner_options import SshScannerOptions
from .status_basis import StatusBasis
from .status_basis_parts import StatusBasisParts
from .tls_scanner_options import TlsScannerOptions
from .token import Token
from .token_request import TokenRequest
from .token_request_grant_type import TokenRequestGrantType
from .user import User
from .user_create import UserCreate
from .user_create_role import UserCreateRole
from .user_page import UserPage
from .user_role import UserRole
from .user_update import UserUpdate
from .user_update_role import UserUpdateRole
from .vulnerability_data import VulnerabilityData
from .vulnerability_data_severity import VulnerabilityDataSeverity
from .vulns_scanner_options import VulnsScannerOptions
from .webhook import Webhook
from .webhook_config import WebhookConfig
from .webhook_create import WebhookCreate
from .webhook_create_config import WebhookCreateConfig
from .webhook_created import WebhookCreated
from .webhook_created_config import WebhookCreatedConfig
from .webhook_disabled_data import WebhookDisabledData
from .webhook_event_asset_discovered import WebhookEventAssetDiscovered
from .webhook_event_asset_discovered_type import WebhookEventAssetDiscoveredType
from .webhook_event_control_status_changed import WebhookEventControlStatusChanged
from .webhook_event_control_status_changed_type import WebhookEventControlStatusChangedType
from .webhook_event_evidence_expiring import WebhookEventEvidenceExpiring
from .webhook_event_evidence_expiring_type import WebhookEventEvidenceExpiringType
from .webhook_event_evidence_reviewed import WebhookEventEvidenceReviewed
from .webhook_event_evidence_reviewed_type import WebhookEventEvidenceReviewedType
from .webhook_event_finding_status_changed import WebhookEventFindingStatusChanged
from .webhook_event_finding_status_changed_type import WebhookEventFindingStatusChangedType
from .webhook_event_ping import WebhookEventPing
from .webhook_event_ping_type import WebhookEventPingType
from .webhook_event_scan_completed import WebhookEventScanCompleted
from .webhook_event_scan_completed_type import WebhookEventScanCompletedType
from .webhook_event_scan_failed import WebhookEventScanFailed
from .webhook_event_scan_failed_type import WebhookEventScanFailedType
from .webhook_event_scan_findings import WebhookEventScanFindings
from .webhook_event_scan_findings_type import WebhookEventScanFindingsType
from .webhook_event_scan_started import WebhookEventScanStarted
from .webhook_event_scan_started_type import WebhookEventScanStartedType
from .webhook_event_service_discovered import WebhookEventServiceDiscovered
from .webhook_event_service_discovered_type import WebhookEventServiceDiscoveredType
from .webhook_event_vulnerability_found import WebhookEventVulnerabilityFound
from .webhook_event_vulnerability_found_type import WebhookEventVulnerabilityFoundType
from .webhook_event_webhook_disabled import WebhookEventWebhookDisabled
from .webhook_event_webhook_disabled_type import WebhookEventWebhookDisabledType
from .webhook_page import WebhookPage
from .webhook_update import WebhookUpdate
from .webhook_update_config import WebhookUpdateConfig
from .webhook_update_filters_type_0_type_0 import WebhookUpdateFiltersType0Type0

__all__ = (
    "ApiKey",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyCreateRole",
    "ApiKeyPage",
    "Asset",
    "AssetData",
    "AssetDetail",
    "AssetPage",
    "AuditActor",
    "AuditActorType",
    "AuditEvent",
    "AuditEventAfterType0",
    "AuditEventBeforeType0",
    "AuditEventPage",
    "Automation",
    "BasisFinding",
    "CheckOutcome",
    "CheckOutcomeOutcome",
    "CheckOutcomePage",
    "CheckOutcomeReason",
    "Control",
    "ControlDetail",
    "ControlDetailOverrideType0Type0",
    "ControlDetailStatus",
    "ControlPage",
    "ControlStatus",
    "ControlStatusData",
    "ControlUpdate",
    "ControlUpdateOverrideType1Type0",
    "CreateEvidenceRequest",
    "CreateImportRequest",
    "Delivery",
    "DeliveryAttempt",
    "DeliveryDetail",
    "DeliveryDetailStatus",
    "DeliveryPage",
    "DeliveryStatus",
    "DnsScannerOptions",
    "Error",
    "ErrorErrors",
    "Evidence",
    "EvidenceDecision",
    "EvidenceDecisionDecision",
    "EvidenceDecisionPreviousStatus",
    "EvidenceDecisionStatus",
    "EvidenceDetails",
    "EvidenceExpiringData",
    "EvidenceKind",
    "EvidencePage",
    "EvidenceRecord",
    "EvidenceRecordKind",
    "EvidenceReview",
    "EvidenceReviewDecision",
    "EvidenceReviewedData",
    "EvidenceReviewedDataDecision",
    "EvidenceReviewedDataKind",
    "EvidenceReviewedDataPreviousStatus",
    "EvidenceReviewedDataStatus",
    "EvidenceReviewStatus",
    "Export",
    "ExportAuditEventsAction",
    "ExportCreate",
    "ExportCreateKind",
    "ExportCreateParams",
    "ExportFindingsFormat",
    "ExportFindingsResponseType0",
    "ExportFindingsResponseType1Item",
    "ExportFindingsSeverity",
    "ExportFindingsStatus",
    "ExportPage",
    "ExportParams",
    "ExportStatus",
    "Filters",
    "FiltersMinSeverityType1",
    "FiltersMinSeverityType2Type1",
    "FiltersMinSeverityType3Type1",
    "Finding",
    "FindingEvidence",
    "FindingPage",
    "FindingSeverity",
    "FindingStatus",
    "FindingStatusData",
    "FindingStatusUpdate",
    "FindingStatusUpdateStatus",
    "Framework",
    "FrameworkCounts",
    "FrameworkCountsByLevel",
    "FrameworkList",
    "FrameworkReport",
    "Health",
    "HealthChecks",
    "HealthStatus",
    "History",
    "HttpScannerOptions",
    "Import",
    "Importer",
    "LinkedCheck",
    "ListAuditEventsAction",
    "ListControlsStatus",
    "ListEvidenceKind",
    "ListEvidenceReviewStatus",
    "ListFindingsSeverity",
    "ListFindingsStatus",
    "ListScanChecksOutcome",
    "ListScanChecksReason",
    "ListScanFindingsSeverity",
    "ListScanFindingsStatus",
    "ListScansSort",
    "ListScansStatus",
    "ListWebhookDeliveriesStatus",
    "MappedRequirement",
    "MappedRequirementCoverage",
    "MappedRequirementRelationship",
    "Me",
    "MeAuthenticatedBy",
    "MeOrganization",
    "Organization",
    "OrganizationPlan",
    "OrganizationUpdate",
    "OrganizationUpdatePlan",
    "Override",
    "OverrideStatus",
    "PaginationMetadata",
    "PasswordChange",
    "PingData",
    "Plugin",
    "PluginList",
    "PluginStatus",
    "PortsScannerOptions",
    "PortsScannerOptionsServicePorts",
    "PortsScannerOptionsServicePortsAdditionalProperty",
    "Posture",
    "RateLimits",
    "Readiness",
    "ReportControl",
    "ReportRequirement",
    "ReportRequirementAttributes",
    "ReportRequirementStatus",
    "ReportSummary",
    "RequirementScope",
    "Rotated",
    "RotateSecret",
    "Scan",
    "ScanCreate",
    "ScanData",
    "ScanDetail",
    "ScanDetailComplianceType0",
    "ScanDetailCoverage",
    "ScanDetailStatus",
    "ScanFindingsData",
    "ScanFindingsDataSeverity",
    "ScannerRun",
    "ScannerRunNotExamined",
    "ScannerRunStatus",
    "ScanOptions",
    "ScanPage",
    "ScanPart",
    "ScanPartStatus",
    "ScanStatus",
    "Schedule",
    "ScheduleCreate",
    "SchedulePage",
    "ScheduleUpdate",
    "ScopeEntry",
    "ScopeEntryCreate",
    "ScopeEntryKind",
    "ScopeEntryPage",
    "Service",
    "ServiceCertificate",
    "ServiceData",
    "SshScannerOptions",
    "StatusBasis",
    "StatusBasisParts",
    "TlsScannerOptions",
    "Token",
    "TokenRequest",
    "TokenRequestGrantType",
    "User",
    "UserCreate",
    "UserCreateRole",
    "UserPage",
    "UserRole",
    "UserUpdate",
    "UserUpdateRole",
    "VulnerabilityData",
    "VulnerabilityDataSeverity",
    "VulnsScannerOptions",
    "Webhook",
    "WebhookConfig",
    "WebhookCreate",
    "WebhookCreateConfig",
    "WebhookCreated",
    "WebhookCreatedConfig",
    "WebhookDisabledData",
    "WebhookEventAssetDiscovered",
    "WebhookEventAssetDiscoveredType",
    "WebhookEventControlStatusChanged",
    "WebhookEventControlStatusChangedType",
    "WebhookEventEvidenceExpiring",
    "WebhookEventEvidenceExpiringType",
    "WebhookEventEvidenceReviewed",
    "WebhookEventEvidenceReviewedType",
    "WebhookEventFindingStatusChanged",
    "WebhookEventFindingStatusChangedType",
    "WebhookEventPing",
    "WebhookEventPingType",
    "WebhookEventScanCompleted",
    "WebhookEventScanCompletedType",
    "WebhookEventScanFailed",
    "WebhookEventScanFailedType",
    "WebhookEventScanFindings",
    "WebhookEventScanFindingsType",
    "WebhookEventScanStarted",
    "WebhookEventScanStartedType",
    "WebhookEventServiceDiscovered",
    "WebhookEventServiceDiscoveredType",
    "WebhookEventVulnerabilityFound",
    "WebhookEventVulnerabilityFoundType",
    "WebhookEventWebhookDisabled",
    "WebhookEventWebhookDisabledType",
    "WebhookPage",
    "WebhookUpdate",
    "WebhookUpdateConfig",
    "WebhookUpdateFiltersType0Type0",
)
