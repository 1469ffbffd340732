export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the appliance and its database and Redis answer (no credentials needed). */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys (yours; an admin sees the organization's). */
        get: operations["listApiKeys"];
        put?: never;
        /** Create an API key; the key is in this response only. */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{key_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key_id: string;
            };
            cookie?: never;
        };
        /** One API key (never the key itself). */
        get: operations["getApiKey"];
        put?: never;
        post?: never;
        /** Revoke an API key at once. */
        delete: operations["deleteApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Hosts the organization's scans found answering, most recently seen first
         *     (filters: address, name, protocol or port of one of their services).
         */
        get: operations["listAssets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assets/{asset_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                asset_id: string;
            };
            cookie?: never;
        };
        /**
         * One host with its services: port, transport, protocol, product, version, TLS
         *     certificate summary, first and last seen.
         */
        get: operations["getAsset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's audit records, newest first, filtered by `action` (or a family
         *     such as `scan`), `actor` (id or e-mail), `object_id`, `since` and `until`.
         */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-events/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The same records as the list, as one CSV file, newest first. The download is itself
         *     recorded (`audit.exported`).
         */
        get: operations["exportAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the current credential belongs to. */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your own password, giving the current one. Every access token issued before
         *     (this one too) stops working: log in again. Your API keys keep working.
         * @description Wrong current passwords count against `auth.account_failure_limit` for your user, as
         *     failed logins do for an e-mail address.
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke the access token of this request; it is refused from now on, by every process. */
        post: operations["revokeToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange an e-mail and password for a bearer access token.
         * @description Unknown e-mail and wrong password get the same answer, in the same time.
         */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/controls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List controls with their status, the frameworks they map to and their evidence count.
         * @description Statuses are re-assessed as they are read, so evidence that has grown old shows at once.
         */
        get: operations["listControls"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/controls/{control_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                control_id: string;
            };
            cookie?: never;
        };
        /**
         * One control: why it has its status (findings, checks, evidence), the requirements
         *     it maps to, the checks that test it, and its status history.
         */
        get: operations["getControl"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Set applicability (not applicable needs a reason), the owner, or an override of the
         *     status (with a reason; kept in the history). Auditor or admin.
         */
        patch: operations["updateControl"];
        trace?: never;
    };
    "/api/v1/controls/{control_id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                control_id: string;
            };
            cookie?: never;
        };
        /**
         * The control's evidence, newest first (deleted items with include_deleted), each with
         *     its review status and history; `review_status=submitted` lists what awaits review.
         */
        get: operations["listEvidence"];
        put?: never;
        /**
         * Add evidence: a file (multipart/form-data, part `file`; stored by its SHA-256,
         *     size limited by `evidence.max_upload_bytes`), or a link or a note (JSON).
         * @description It is `submitted`: it counts toward the control once a user with the auditor role
         *     or above, other than the one who added it, accepts it (`…/review`).
         */
        post: operations["createEvidence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/controls/{control_id}/evidence/{evidence_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                control_id: string;
                evidence_id: string;
            };
            cookie?: never;
        };
        /** One evidence item, with its review status and history. */
        get: operations["getEvidence"];
        put?: never;
        post?: never;
        /**
         * Delete evidence (auditor or admin). The deletion is recorded: who, when and the
         *     `reason`; the item stays listed with `include_deleted`.
         */
        delete: operations["deleteEvidence"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/controls/{control_id}/evidence/{evidence_id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                control_id: string;
                evidence_id: string;
            };
            cookie?: never;
        };
        /**
         * Download an evidence file. It is always sent as `application/octet-stream` with
         *     `Content-Disposition: attachment` and a sandboxing CSP: never shown inline.
         */
        get: operations["downloadEvidence"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/controls/{control_id}/evidence/{evidence_id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                control_id: string;
                evidence_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept or reject a file, link or note (auditor or above; four eyes: not the one who
         *     added it). `{"decision": "accept"}` makes it count toward the control;
         *     `{"decision": "reject", "comment": "why"}` keeps it from counting. A later decision
         *     may change it; each is kept in `review_history` and sent as an `evidence.reviewed`
         *     event, and the control is re-assessed at once.
         */
        post: operations["reviewEvidence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's exports, newest first. */
        get: operations["listExports"];
        put?: never;
        /**
         * Ask for an export; it is made in the background (follow it with
         *     `GET /api/v1/exports/{id}`: progress, then a download link).
         */
        post: operations["createExport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/{export_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                export_id: string;
            };
            cookie?: never;
        };
        /**
         * An export: its status and progress, and once done its file's size, SHA-256 and a
         *     fresh download link.
         */
        get: operations["getExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/{export_id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                export_id: string;
            };
            cookie?: never;
        };
        /**
         * Download an export's file with the signed `token` of its `download_url` (no
         *     Authorization header needed: the link itself is the permission, for
         *     `exports.link_seconds`).
         */
        get: operations["downloadExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Findings of every target, most recently seen first. */
        get: operations["listFindings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/findings/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the findings the list's filters select, as one file.
         * @description `format=sarif` (SARIF 2.1.0), `ocsf` (OCSF 1.5.0 Detection Findings, a JSON array),
         *     `csv` or `jsonl` (JSON Lines); `severity`, `check_id`, `status` and `target` filter as
         *     they filter `GET /api/v1/findings`. Only the caller's organization's findings. The file
         *     is streamed, so an export of any size starts at once and takes little memory on the
         *     appliance. See docs/exports.md.
         */
        get: operations["exportFindings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/findings/{finding_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                finding_id: string;
            };
            cookie?: never;
        };
        /** One finding, with its evidence. */
        get: operations["getFinding"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Set the status: open, fixed, accepted_risk (reason, optional expiry) or
         *     false_positive (reason). A fixed finding that a later scan sees again is reopened.
         */
        patch: operations["updateFinding"];
        trace?: never;
    };
    "/api/v1/frameworks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every installed framework: id, version, title, aliases and counts. */
        get: operations["listFrameworks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/{framework_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                framework_id: string;
            };
            cookie?: never;
        };
        /** One framework (by id or alias). */
        get: operations["getFramework"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/{framework_id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                framework_id: string;
            };
            cookie?: never;
        };
        /**
         * The organization's report: each assessed requirement's status with its reason chain,
         *     and readiness, technical posture and automation coverage as three separate numbers.
         */
        get: operations["getFrameworkReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/{framework_id}/report.csv": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                framework_id: string;
            };
            cookie?: never;
        };
        /** The same report as CSV, one row per assessed requirement. */
        get: operations["getFrameworkReportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/{framework_id}/report.html": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                framework_id: string;
            };
            cookie?: never;
        };
        /**
         * The organization's report on a framework (id or alias) as a printable HTML page: the
         *     three figures explained, charts, each failing requirement with its reason, controls, open
         *     findings and evidence, the requirements that do not apply and why, and every requirement's
         *     status. The JSON of the same report is `GET …/report`.
         */
        get: operations["getFrameworkReportHtml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/{framework_id}/report.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                framework_id: string;
            };
            cookie?: never;
        };
        /** The same framework report as PDF (A4, numbered pages). */
        get: operations["getFrameworkReportPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/{framework_id}/requirements/{requirement_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                framework_id: string;
                requirement_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Declare a requirement out of the organization's scope (`applicable: false` with a
         *     reason: it is then `not_applicable` in reports and scan summaries) or back in. Auditor
         *     or admin.
         */
        patch: operations["updateRequirementScope"];
        trace?: never;
    };
    "/api/v1/frameworks/{framework_id}/statement-of-applicability.html": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                framework_id: string;
            };
            cookie?: never;
        };
        /**
         * The ISO 27001 Statement of Applicability as a printable page: every Annex A control,
         *     applicable or not with the recorded justification, its implementation status and its
         *     accepted, current evidence. ISO 27001 only: another framework answers 404.
         */
        get: operations["getStatementOfApplicabilityHtml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/{framework_id}/statement-of-applicability.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                framework_id: string;
            };
            cookie?: never;
        };
        /** The ISO 27001 Statement of Applicability as PDF (A4 landscape). ISO 27001 only. */
        get: operations["getStatementOfApplicabilityPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/{framework_id}/statement-of-applicability.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                framework_id: string;
            };
            cookie?: never;
        };
        /**
         * The ISO 27001 Statement of Applicability as XLSX: a header row, one row per Annex A
         *     control, frozen panes, and an About sheet. ISO 27001 only.
         */
        get: operations["getStatementOfApplicabilityXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a result file (multipart/form-data, part `file`): its findings become those of
         *     a completed scan of type `import`, fingerprinted, linked to assets, mapped to controls
         *     and announced like a scanner's. Importing the same file again, or a newer run of the same
         *     tool, updates those findings (and resolves the ones it no longer reports) instead of
         *     adding new ones. Nothing is stored from a file that is not valid.
         */
        post: operations["createImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/formats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The formats this appliance imports (its importer plugins). */
        get: operations["listImportFormats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your organization, its plan and the rate limits in force. */
        get: operations["getCurrentOrganization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the name, plan or custom limits (null restores the plan's limit). */
        patch: operations["updateCurrentOrganization"];
        trace?: never;
    };
    "/api/v1/plugins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every plugin found, with its status (loaded, blocked, incompatible, failed). */
        get: operations["listPlugins"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/executive.html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An executive summary across frameworks (all installed, or those of `frameworks`):
         *     each framework's headline figures, findings by severity over time and the top risks.
         */
        get: operations["getExecutiveSummaryHtml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/executive.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same executive summary as PDF. */
        get: operations["getExecutiveSummaryPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List scans, newest first. */
        get: operations["listScans"];
        put?: never;
        /**
         * Ask for a scan of a target inside the organization's scope; it starts `queued`
         *     and runs on a worker.
         */
        post: operations["createScan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scans/{scan_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                scan_id: string;
            };
            cookie?: never;
        };
        /** One scan, with each scanner's status and error. */
        get: operations["getScan"];
        put?: never;
        post?: never;
        /** Delete a finished scan (its findings stay with the target). */
        delete: operations["deleteScan"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scans/{scan_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                scan_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a scan: a queued one at once, a running one at its next step. */
        post: operations["cancelScan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scans/{scan_id}/checks": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                scan_id: string;
            };
            cookie?: never;
        };
        /**
         * How each check ended on each thing the scan examined: passed, failed or
         *     inconclusive, with why; in the order the scanners ran.
         */
        get: operations["listScanChecks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scans/{scan_id}/findings": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                scan_id: string;
            };
            cookie?: never;
        };
        /** What this scan observed. */
        get: operations["listScanFindings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scans/{scan_id}/rescan": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                scan_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Scan the same target again with the same type, frameworks and options (checked again:
         *     a scanner or an option may have changed since).
         */
        post: operations["rescanScan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's scheduled scans. */
        get: operations["listSchedules"];
        put?: never;
        /** Scan a target on a cron expression or an interval. */
        post: operations["createSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules/{schedule_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                schedule_id: string;
            };
            cookie?: never;
        };
        /** One scheduled scan, with its next run. */
        get: operations["getSchedule"];
        put?: never;
        post?: never;
        /** Delete a schedule: it starts no more scans. */
        delete: operations["deleteSchedule"];
        options?: never;
        head?: never;
        /** Pause or resume it, or change when it runs (to change what it scans, replace it). */
        patch: operations["updateSchedule"];
        trace?: never;
    };
    "/api/v1/scope": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the organization may scan. */
        get: operations["listScopeEntries"];
        put?: never;
        /**
         * Allow scans of a domain and its subdomains, an address, or a network, within the
         *     operator's policy: no public suffix, no network wider than allowed, nothing in a
         *     network no organization may scan (422 on `value`).
         */
        post: operations["createScopeEntry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scope/{entry_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entry_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take an entry out of the organization's scope. */
        delete: operations["deleteScopeEntry"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the organization's users. */
        get: operations["listUsers"];
        put?: never;
        /** Add a user to the organization. */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        /** One user of the organization. */
        get: operations["getUser"];
        put?: never;
        post?: never;
        /** Delete a user (not the organization's last active admin). */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        /** Change a user's role, password or active flag (the last admin stays). */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhook subscriptions (secrets are never shown). */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Subscribe to events: a URL (transport `http`, signed; or `slack`), or another
         *     transport with its `config` (`email` recipients, `syslog` host). The secret is
         *     write-only; when omitted, one is generated and returned this once.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{webhook_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        /** One webhook. */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /** Delete the webhook and its delivery log. */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /**
         * Change url, events, active (re-activating clears the failure count), filters,
         *     transport or config.
         */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/api/v1/webhooks/{webhook_id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        /**
         * The delivery log, newest first: event, attempts, last status code, response excerpt,
         *     latency, next retry.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
                delivery_id: string;
            };
            cookie?: never;
        };
        /** One delivery with every attempt. */
        get: operations["getWebhookDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
                delivery_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the same event again (same `webhook-id`), as a new delivery in the log. */
        post: operations["redeliverWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{webhook_id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the signing secret. For `overlap_seconds` (default: the setting
         *     `webhooks.rotation_overlap`) deliveries carry two signatures, the new and the old.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{webhook_id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a `ping` event now; follow it in the delivery log. */
        post: operations["testWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ApiKey: {
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            created_at?: string;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            expires_at?: string | null;
            /** @example key_4f1c2a9b7e3d5a10 */
            id?: string;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            last_used_at?: string | null;
            name?: string;
            owner?: string;
            /** @description The first characters, to recognise a key. */
            prefix?: string;
            role?: string;
        };
        ApiKeyCreate: {
            /**
             * Format: date-time
             * @description Optional expiry (UTC).
             * @example 2025-12-21T10:00:00Z
             */
            expires_at?: string | null;
            name: string;
            /**
             * @description At most the role of the credential calling (a key's own role); defaults to it.
             * @enum {string}
             */
            role?: "viewer" | "auditor" | "analyst" | "admin";
        };
        ApiKeyCreated: {
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            created_at?: string;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            expires_at?: string | null;
            /** @example key_4f1c2a9b7e3d5a10 */
            id?: string;
            /** @description The key itself. Shown once: store it now, it cannot be read again. */
            key?: string;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            last_used_at?: string | null;
            name?: string;
            owner?: string;
            /** @description The first characters, to recognise a key. */
            prefix?: string;
            role?: string;
        };
        ApiKeyPage: {
            items: components["schemas"]["ApiKey"][];
            page: number;
            pages: number;
            per_page: number;
            total: number;
        };
        Asset: {
            /** @example 10.0.0.12 */
            address?: string;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            first_seen?: string;
            /** @example ast_3c1d9e0f7a2b4c5d */
            id?: string;
            /** @description The last scan that saw it. */
            readonly last_scan_id?: string;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            last_seen?: string;
            /**
             * @example [
             *       "db1.example.com"
             *     ]
             */
            names?: string[];
        };
        AssetDetail: {
            /** @example 10.0.0.12 */
            address?: string;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            first_seen?: string;
            /** @example ast_3c1d9e0f7a2b4c5d */
            id?: string;
            /** @description The last scan that saw it. */
            readonly last_scan_id?: string;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            last_seen?: string;
            /**
             * @example [
             *       "db1.example.com"
             *     ]
             */
            names?: string[];
            services?: components["schemas"]["Service"][];
        };
        AssetPage: {
            items: components["schemas"]["Asset"][];
            page: number;
            pages: number;
            per_page: number;
            total: number;
        };
        AuditActor: {
            /** @example usr_3f9a1c0d2b4e6f80 */
            id?: string | null;
            /** @description The e-mail address at the time (the OS user for the CLI). */
            label?: string | null;
            /** @enum {string} */
            type?: "user" | "api_key" | "cli" | "system" | "anonymous";
        };
        AuditEvent: {
            /** @example scan.created */
            action?: string;
            actor?: components["schemas"]["AuditActor"];
            /** @description The fields that changed, as they are now. */
            after?: {
                [key: string]: unknown;
            } | null;
            /** @description The fields that changed, as they were. */
            before?: {
                [key: string]: unknown;
            } | null;
            /** @description SHA-256 (hex) of the record's canonical JSON, previous_hash included: see docs/audit.md. */
            hash?: string;
            /** @example aud_0c5e2b9a4f1d3e77 */
            id?: string;
            /** @example scan_1f0c9a2b */
            object_id?: string | null;
            /** @example scan */
            object_type?: string | null;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            occurred_at?: string;
            /** @description The hash of the record before it in the chain. */
            previous_hash?: string;
            /** @example 5f0c2a9e81d34b6a */
            request_id?: string | null;
            /** @description Position in the organization's chain: 1, 2, 3… without gaps. */
            sequence?: number;
            /** @example 203.0.113.7 */
            source_address?: string | null;
        };
        AuditEventPage: {
            items: components["schemas"]["AuditEvent"][];
            page: number;
            pages: number;
            per_page: number;
            total: number;
        };
        Automation: {
            automated?: number;
            requirements?: number;
            /** @description 0 to 1; null when 0/0. */
            value?: number | null;
        };
        BasisFinding: {
            check_id?: string;
            /** @example fnd_9c2e */
            id?: string;
            severity?: string;
            target?: string;
            title?: string;
        };
        CheckOutcome: {
            /** @example http.hsts_missing */
            check_id?: string;
            /** @example stopped after its 60 s timeout */
            detail?: string | null;
            /** @description The run's findings of this check, informational included. */
            findings?: number;
            /**
             * @description passed: observed, and no finding of this check at low or above; failed: such a finding; inconclusive: not observed (see reason). Only passed and failed are observations; compliance credits nothing else.
             * @enum {string}
             */
            outcome?: "passed" | "failed" | "inconclusive";
            /**
             * @description Why an inconclusive check was not observed: unreachable (the run observed nothing), timed_out, not_applicable, not_examined (the scanner said why in detail), cancelled, error, not_run. null when observed.
             * @enum {string|null}
             */
            reason?: "unreachable" | "not_examined" | "cancelled" | "error" | "not_applicable" | "not_run" | "timed_out" | null;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            recorded_at?: string;
            /** @example http */
            scanner?: string;
            /** @example https */
            service?: string | null;
            /**
             * @description What the run examined: a host, URL or host:port of the scan's target, or a service discovery found there.
             * @example 10.0.0.12:8443
             */
            readonly target?: string;
        };
        CheckOutcomePage: {
            items: components["schemas"]["CheckOutcome"][];
            page: number;
            pages: number;
            per_page: number;
            total: number;
        };
        Control: {
            /** @description Accepted evidence items (not deleted): those that count toward the status. Files, links and notes awaiting review are not counted. */
            evidence_count?: number;
            /**
             * @description Display names of the frameworks it maps to.
             * @example [
             *       "SOC 2",
             *       "ISO 27001"
             *     ]
             */
            frameworks?: string[];
            /** @example ctrl_access_control_policy */
            id?: string;
            /** @example Access Control Policy */
            name?: string;
            /** @enum {string} */
            status?: "implemented" | "partially_implemented" | "not_implemented" | "not_applicable" | "not_assessed";
        };
        ControlDetail: {
            applicability_reason?: string | null;
            applicable?: boolean;
            basis?: components["schemas"]["StatusBasis"];
            checks?: components["schemas"]["LinkedCheck"][];
            description?: string;
            /** @description Files, links and notes awaiting review: they count once a user with the auditor role or above, other than the one who added them, accepts them. */
            evidence_awaiting_review?: number;
            /** @description Accepted evidence items (not deleted): those that count toward the status. Files, links and notes awaiting review are not counted. */
            evidence_count?: number;
            evidence_guidance?: string;
            /**
             * @description Display names of the frameworks it maps to.
             * @example [
             *       "SOC 2",
             *       "ISO 27001"
             *     ]
             */
            frameworks?: string[];
            freshness_days?: number;
            history?: components["schemas"]["History"][];
            /** @example ctrl_access_control_policy */
            id?: string;
            /** @example Access Control Policy */
            name?: string;
            override?: (Record<string, never> | null) | components["schemas"]["Override"];
            /** @description The owner's e-mail. */
            owner?: string | null;
            owner_id?: string | null;
            /** @description Why it has its status, in words. */
            reason?: string;
            requirements?: components["schemas"]["MappedRequirement"][];
            severity_threshold?: string;
            /** @enum {string} */
            status?: "implemented" | "partially_implemented" | "not_implemented" | "not_applicable" | "not_assessed";
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            status_since?: string;
        };
        ControlPage: {
            items: components["schemas"]["Control"][];
            page: number;
            pages: number;
            per_page: number;
            total: number;
        };
        ControlUpdate: {
            applicability_reason?: string | null;
            applicable?: boolean;
            /** @description Set a status by hand with a reason; null removes it. */
            override?: components["schemas"]["Override"] | (Record<string, never> | null);
            /** @description A user id, or null. */
            owner_id?: string | null;
        };
        CreateEvidenceRequest: {
            description?: string;
            /** Format: date-time */
            effective_from?: string;
            /** Format: date-time */
            effective_until?: string;
            /** Format: binary */
            file: string;
            title?: string;
        };
        CreateImportRequest: {
            /** @example ast_abc123 */
            asset?: string;
            /** Format: binary */
            file: string;
            /** @example sarif */
            format?: string;
            /** @example soc2,pci-dss */
            frameworks?: string;
            /** @example https://github.com/acme/app */
            target?: string;
        };
        Delivery: {
            attempts?: number;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            created_at?: string;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            delivered_at?: string | null;
            /** @description Also the webhook-id header, the same on every attempt. */
            readonly event_id?: string;
            event_type?: string;
            /** @example dlv_3c2b1a */
            id?: string;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            last_attempt_at?: string | null;
            last_error?: string | null;
            last_status_code?: number | null;
            latency_ms?: number | null;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            next_attempt_at?: string | null;
            readonly redelivery_of?: string | null;
            /** @description First 1 KB. */
            response_excerpt?: string | null;
            /** @enum {string} */
            status?: "pending" | "delivered" | "failed";
            readonly webhook_id?: string;
        };
        DeliveryAttempt: {
            /** Format: date-time */
            at?: string;
            attempt?: number;
            error?: string | null;
            latency_ms?: number;
            status_code?: number | null;
        };
        DeliveryDetail: {
            attempts?: number;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            created_at?: string;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            delivered_at?: string | null;
            /** @description Also the webhook-id header, the same on every attempt. */
            readonly event_id?: string;
            event_type?: string;
            history?: components["schemas"]["DeliveryAttempt"][];
            /** @example dlv_3c2b1a */
            id?: string;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            last_attempt_at?: string | null;
            last_error?: string | null;
            last_status_code?: number | null;
            latency_ms?: number | null;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            next_attempt_at?: string | null;
            readonly redelivery_of?: string | null;
            /** @description First 1 KB. */
            response_excerpt?: string | null;
            /** @enum {string} */
            status?: "pending" | "delivered" | "failed";
            readonly webhook_id?: string;
        };
        DeliveryPage: {
            items: components["schemas"]["Delivery"][];
            page: number;
            pages: number;
            per_page: number;
            total: number;
        };
        /** @description Options of the dns scanner (DNS and e-mail security). */
        DnsScannerOptions: {
            /**
             * @description DNS port of the resolver and of the name servers (53).
             * @default 53
             */
            port?: number;
            /**
             * @description IP address of the resolver or authoritative server to ask: in the organization's scope, or allowed by the operator (scope.allowed_resolvers). Default: the system's resolvers.
             * @default null
             */
            resolver?: string | null;
            /**
             * @description Port on which MX hosts are asked for STARTTLS (25).
             * @default 25
             */
            smtp_port?: number;
            /** @description Names under the domain also examined for dangling CNAMEs (default ['www']). */
            subdomains?: string[];
            /**
             * @description Seconds allowed per DNS question or SMTP exchange (5).
             * @default 5
             */
            timeout?: number;
        };
        Error: {
            /** @description What went wrong, for a human. */
            detail: string;
            /** @description Stable UPPER_SNAKE code, listed in the README. */
            error_code: string;
            /** @description 422 only: every offending field with its messages. */
            errors?: {
                [key: string]: string[];
            };
            /** @description The offending field (dotted path), or null. */
            field: string | null;
            /** @description 500 only: quote it when reporting. */
            request_id?: string;
        };
        Evidence: {
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            collected_at?: string;
            readonly collected_by?: string | null;
            control_id?: string;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            created_at?: string;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            deleted_at?: string | null;
            readonly deleted_by?: string | null;
            deletion_reason?: string | null;
            description?: string;
            details?: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            effective_from?: string;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            effective_until?: string | null;
            filename?: string | null;
            /** @example evd_4f1a */
            id?: string;
            /** @enum {string} */
            kind?: "file" | "link" | "note" | "scan";
            note?: string | null;
            review_comment?: string | null;
            /** @description Every decision on it, oldest first. */
            review_history?: components["schemas"]["EvidenceDecision"][];
            /**
             * @description Only accepted evidence counts toward the control. A file, link or note is submitted until a user with the auditor role or above, other than the one who added it, accepts or rejects it; a scan's results are accepted as attached.
             * @enum {string}
             */
            review_status?: "submitted" | "accepted" | "rejected";
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            reviewed_at?: string | null;
            /** @description The last reviewer's e-mail. */
            readonly reviewed_by?: string | null;
            readonly scan_id?: string | null;
            sha256?: string | null;
            size?: number | null;
            title?: string;
            url?: string | null;
        };
        EvidenceDecision: {
            comment?: string;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            decided_at?: string;
            /** @enum {string} */
            decision?: "accept" | "reject";
            /** @enum {string} */
            previous_status?: "submitted" | "accepted" | "rejected";
            /** @description The reviewer's e-mail as it was then (null: accepted before evidence review existed). */
            reviewer?: string | null;
            /** @description The reviewer had added the evidence (evidence.self_review). */
            self_review?: boolean;
            /**
             * @description After the decision.
             * @enum {string}
             */
            readonly status?: "submitted" | "accepted" | "rejected";
        };
        EvidencePage: {
            items: components["schemas"]["Evidence"][];
            page: number;
            pages: number;
            per_page: number;
            total: number;
        };
        EvidenceRecord: {
            description?: string;
            /**
             * Format: date-time
             * @description Defaults to now.
             * @example 2025-12-21T10:00:00Z
             */
            effective_from?: string;
            /**
             * Format: date-time
             * @description When it stops counting; default: the control's freshness.
             * @example 2025-12-21T10:00:00Z
             */
            effective_until?: string | null;
            /** @enum {string} */
            kind: "link" | "note";
            note?: string;
            title?: string;
            /** Format: url */
            url?: string;
        };
        EvidenceReview: {
            /**
             * @description Why: required to reject, optional to accept.
             * @default
             */
            comment?: string;
            /** @enum {string} */
            decision: "accept" | "reject";
        };
        Export: {
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            created_at?: string;
            /** @description Once done: a link that downloads the file without a token, for exports.link_seconds (ask the export again for a fresh one). */
            download_url?: string | null;
            /** @description Why it failed. */
            error?: string | null;
            /**
             * Format: date-time
             * @description When the file is deleted.
             * @example 2025-12-21T10:00:00Z
             */
            expires_at?: string | null;
            filename?: string | null;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            finished_at?: string | null;
            /** @example exp_9a1b2c3d4e5f6a7b */
            id?: string;
            /** @example evidence_bundle */
            kind?: string;
            media_type?: string | null;
            params?: {
                [key: string]: unknown;
            };
            /** @description 0-100 */
            progress?: number;
            sha256?: string | null;
            size?: number | null;
            /** @enum {string} */
            status?: "queued" | "running" | "done" | "failed" | "expired";
            /** @description What it is doing now. */
            step?: string | null;
        };
        ExportCreate: {
            /**
             * @description What to export: evidence_bundle, framework_report, executive_summary, statement_of_applicability.
             * @example evidence_bundle
             * @enum {string}
             */
            kind: "evidence_bundle" | "framework_report" | "executive_summary" | "statement_of_applicability";
            /**
             * @description The kind's parameters: evidence_bundle takes framework, controls and include; framework_report framework and format (pdf, html); executive_summary frameworks and format; statement_of_applicability format (pdf, xlsx, html).
             * @example {
             *       "framework": "soc2"
             *     }
             */
            params?: {
                [key: string]: unknown;
            };
        };
        ExportFindingsResponse: Record<string, never> | Record<string, never>[];
        ExportPage: {
            items: components["schemas"]["Export"][];
            page: number;
            pages: number;
            per_page: number;
            total: number;
        };
        Filters: {
            /** @description Events naming frameworks are sent only for these (id/alias). */
            frameworks?: string[];
            /**
             * @description Events with a severity below it are not sent.
             * @enum {string|null}
             */
            min_severity?: "info" | "low" | "medium" | "high" | "critical" | null;
            /** @description Events about a target are sent only for these (and subdomains). */
            targets?: string[];
        };
        Finding: {
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            accepted_until?: string | null;
            /** @description The host it is about (GET /assets/{id}). */
            readonly asset_id?: string;
            /** @example http.hsts_missing */
            check_id?: string;
            cvss_vector?: string | null;
            evidence?: {
                [key: string]: unknown;
            };
            fingerprint?: string;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            first_seen?: string;
            /** @example fnd_2b7c9d1e0f3a4b5c */
            id?: string;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            last_seen?: string;
            location?: string;
            references?: string[];
            remediation?: string;
            scanner?: string;
            /** @description The service on that host, when known. */
            readonly service_id?: string;
            /** @enum {string} */
            severity?: "critical" | "high" | "medium" | "low" | "info";
            /** @enum {string} */
            status?: "open" | "fixed" | "accepted_risk" | "false_positive";
            status_reason?: string | null;
            target?: string;
            title?: string;
        };
        FindingPage: {
            items: components["schemas"]["Finding"][];
            page: number;
            pages: number;
            per_page: number;
            total: number;
        };
        FindingStatusUpdate: {
            /**
             * Format: date-time
             * @description When an accepted risk must be looked at again.
             * @example 2025-12-21T10:00:00Z
             */
            accepted_until?: string | null;
            /** @description Required for accepted_risk and false_positive. */
            reason?: string;
            /** @enum {string} */
            status: "open" | "fixed" | "accepted_risk" | "false_positive";
        };
        Framework: {
            /**
             * @example [
             *       "soc2"
             *     ]
             */
            aliases?: string[];
            counts?: components["schemas"]["FrameworkCounts"];
            /** @example SOC 2 */
            display_name?: string;
            /** @example soc2-2017 */
            id?: string;
            licence_note?: string;
            publisher?: string;
            title?: string;
            /** @example 2017 */
            version?: string;
        };
        FrameworkCounts: {
            by_level?: {
                [key: string]: number;
            };
            /** @description Controls mapped to the framework. */
            controls?: number;
            /** @description Assessed requirements at least one control maps to. */
            mapped_requirements?: number;
            /** @description Assessed requirements. */
            requirements?: number;
        };
        FrameworkList: {
            items?: components["schemas"]["Framework"][];
            total?: number;
        };
        FrameworkReport: {
            framework?: components["schemas"]["Framework"];
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            generated_at?: string;
            requirements?: components["schemas"]["ReportRequirement"][];
            summary?: components["schemas"]["ReportSummary"];
        };
        Health: {
            /** @description Only when degraded: the state of each dependency. */
            checks?: {
                [key: string]: string;
            };
            /**
             * @example healthy
             * @enum {string}
             */
            status: "healthy" | "degraded";
            /** @example 2025-12-21T12:00:00Z */
            timestamp: string;
            /** @example 0.1.0 */
            version: string;
        };
        History: {
            /** @description scan, evidence, review (of evidence), override, edit or assessment (time passing). */
            cause?: string;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            changed_at?: string;
            changed_by?: string | null;
            from_status?: string | null;
            reason?: string;
            to_status?: string;
        };
        /** @description Options of the http scanner (HTTP security headers). */
        HttpScannerOptions: {
            /**
             * @description How many links away from the paths examined the scanner follows same-origin <a href> links, 0-3 (default 1; 0 crawls nothing). Crawled pages get the directory-listing check and, with probe_exposed_files, their directories are probed too. Never leaves the origin.
             * @default 1
             */
            crawl_depth?: number;
            /**
             * @description The most pages the crawl fetches, 1-200 (default 20). The crawl also stops when the scanner's deadline is near.
             * @default 20
             */
            crawl_max_pages?: number;
            /**
             * @description Port where plaintext HTTP is tried, for the redirect check and as the fallback when there is no HTTPS. Default: port (or the URL's port) when the target's scheme is http, else 80.
             * @default null
             */
            http_port?: number | null;
            /**
             * @description Port where HTTPS is tried. Default: port (or the URL's port) when the target's scheme is https, else 443.
             * @default null
             */
            https_port?: number | null;
            /**
             * @description Paths to examine, each fetched over HTTPS and HTTP. Default: the URL's path (and query) for a URL target, else ['/'].
             * @default null
             */
            paths?: string[] | null;
            /**
             * @description Port of the target's own scheme (HTTPS for hostname and IP targets, the URL's scheme for URL targets). Default: the URL's port, else 443 for https and 80 for http. https_port and http_port take precedence over it.
             * @default null
             */
            port?: number | null;
            /**
             * @description Run the exposed-file checks (default false): request 9 well-known file paths (.git/HEAD, .env, backup.zip, db.sql...) and one random missing path to compare with, at the site's root and in up to 4 directories of the pages examined. Off by default because such requests look like an attack in the target's logs; when off, those checks are reported as not examined.
             * @default false
             */
            probe_exposed_files?: boolean;
            /**
             * @description Seconds allowed per request, 1-120 (default 10); never beyond the scanner's own deadline.
             * @default 10
             */
            timeout?: number;
            /**
             * @description PEM text of extra CA certificates to trust for HTTPS, on top of the system's (for internal CAs and self-signed certificates).
             * @default null
             */
            trust_store?: string | null;
            /**
             * @description Verify the HTTPS certificate and host name (default false: a site is examined whatever its certificate, whose problems the tls scanner reports). When true, a certificate that does not verify stops the scan with an error.
             * @default false
             */
            verify_tls?: boolean;
        };
        Import: {
            /** @description Findings read from the file. */
            findings?: number;
            /** @example sarif */
            format?: string;
            /** @description Items of the file that repeat a finding already read from it (same fingerprint: the same rule in the same file twice): counted once. */
            merged?: number;
            /** @description Of them, new for their target or seen again after a fix. */
            new?: number;
            /** @description Open findings of the same format on the same targets that the file no longer reports: now fixed. */
            resolved?: number;
            scan?: components["schemas"]["ScanDetail"];
            /** @description Services listed (nmap). */
            services?: number;
            /**
             * @example [
             *       "https://github.com/acme/app"
             *     ]
             */
            targets?: string[];
            /** @example SARIF 2.1.0 */
            title?: string;
        };
        Importer: {
            /**
             * @example [
             *       "sarif.result"
             *     ]
             */
            checks?: string[];
            /**
             * @example [
             *       ".sarif"
             *     ]
             */
            extensions?: string[];
            /** @description What identifies one of its findings from import to import. */
            fingerprint?: string;
            /** @example sarif */
            name?: string;
            /** @description Whether its files say what they are about (else: target). */
            names_targets?: boolean;
            /** @example SARIF 2.1.0 */
            title?: string;
            version?: string;
        };
        ImporterList: components["schemas"]["Importer"][];
        LinkedCheck: {
            /** @example tls.cert.expired */
            id?: string;
            severity?: string;
            title?: string;
        };
        MappedRequirement: {
            /** @enum {string} */
            coverage?: "full" | "partial";
            /** @example soc2-2017 */
            framework?: string;
            /** @example SOC 2 */
            framework_name?: string;
            /** @enum {string} */
            relationship?: "equal" | "subset" | "intersect";
            /** @example CC6.7 */
            requirement?: string;
            title?: string;
        };
        Me: {
            /** @enum {string} */
            authenticated_by?: "token" | "api_key";
            email?: string;
            id?: string;
            organization?: components["schemas"]["MeOrganization"];
            role?: string;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            token_expires_at?: string | null;
        };
        MeOrganization: {
            id?: string;
            name?: string;
            plan?: string;
        };
        Organization: {
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            created_at?: string;
            /** @description Custom daily limit; null: the plan's. */
            daily_limit?: number | null;
            /** @description Custom hourly limit; null: the plan's. */
            hourly_limit?: number | null;
            id?: string;
            name?: string;
            /** @enum {string} */
            plan?: "startup" | "professional" | "enterprise";
            /** @description What applies now. */
            rate_limits?: components["schemas"]["RateLimits"];
        };
        OrganizationUpdate: {
            daily_limit?: number | null;
            hourly_limit?: number | null;
            name?: string;
            /** @enum {string} */
            plan?: "startup" | "professional" | "enterprise";
        };
        Override: {
            reason: string;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            readonly set_at?: string | null;
            readonly set_by?: string | null;
            /** @enum {string} */
            status: "implemented" | "partially_implemented" | "not_implemented" | "not_applicable" | "not_assessed";
        };
        PaginationMetadata: {
            /** @description First available page number. */
            first_page?: number;
            /** @description Last available page number. */
            last_page?: number;
            /** @description Next page number. */
            next_page?: number;
            /** @description Current page number. */
            page?: number;
            /** @description Previous page number. */
            previous_page?: number;
            /** @description Total number of items. */
            total?: number;
            /** @description Total number of pages. */
            total_pages?: number;
        };
        PasswordChange: {
            current_password: string;
            /** @description The password to log in with from now on. */
            new_password: string;
        };
        Plugin: {
            /** @description Declared PLUGIN_API range. */
            api?: string | null;
            controls?: string[];
            /** @example cyberorigen */
            distribution?: string | null;
            frameworks?: string[];
            hooks?: string[];
            /** @example http */
            name?: string;
            /** @description What its environment lacks. */
            problems?: string[];
            reason?: string | null;
            scanners?: string[];
            /** @enum {string} */
            status?: "loaded" | "blocked" | "incompatible" | "failed";
            transports?: string[];
            /** @example 0.1.0 */
            version?: string | null;
        };
        PluginList: {
            items?: components["schemas"]["Plugin"][];
            total?: number;
        };
        /** @description Options of the ports scanner (Network services). */
        PortsScannerOptions: {
            /** @description The approved baseline: TCP ports expected to be open. When set, every other open port fires ports.unexpected_open. Default: empty, meaning no baseline, and unexpected ports are not reported. */
            allowlist?: string | (number | string)[];
            /**
             * @description Connect scan only: seconds to wait for a service to speak first (and again for its answer to a HEAD request), default 1.
             * @default 1
             */
            banner_timeout?: number;
            /**
             * @description Connections in flight at once, 1-2000 (default 200).
             * @default 200
             */
            concurrency?: number;
            /**
             * @description With nmap: identify products and versions of the open ports with -sV (default true); false keeps nmap's connect scan only and the appliance's own probes.
             * @default true
             */
            nmap_versions?: boolean;
            /**
             * @description TCP ports to scan: '22,80,443,8000-8100' or a list of ports and ranges, each 1-65535, at most 65,536 in all. Default: the first `top` ports of the built-in list of 1,000 common service ports.
             * @default null
             */
            ports?: ((string | null) | ((number | string)[] | null)) | null;
            /** @description Services known to run on non-standard ports, e.g. {"2323": "telnet", "13389": "rdp"}. Used like the well-known port table, i.e. only when neither nmap nor the banner names the service (tests use it to stand for well-known ports that cannot be bound). */
            service_ports?: {
                [key: string]: "telnet" | "ftp" | "rdp" | "smb" | "netbios-ssn" | "mysql" | "postgresql" | "mssql" | "oracle" | "mongodb" | "redis" | "elasticsearch" | "couchdb" | "memcached" | "cassandra" | "influxdb" | "neo4j" | "db2" | "docker" | "kubelet" | "http" | "https" | "ssh" | "smtp" | "pop3" | "imap" | "etcd";
            };
            /** @description Community strings tried over SNMPv2c (default ['public']). */
            snmp_communities?: string[];
            /** @description UDP ports where SNMP is asked for sysDescr (default [161]; an empty list skips SNMP). */
            snmp_ports?: string | (number | string)[];
            /**
             * @description Seconds per connection attempt and probe (default 2).
             * @default 2
             */
            timeout?: number;
            /**
             * @description Without `ports`: how many of the built-in list's ports to scan, most common first (the quick profile uses 100).
             * @default 1000
             */
            top?: number;
            /**
             * @description Use nmap when it is installed (default true): its connect scan (-sT) finds the open ports, then its version detection (-sV) runs on those only, bounded by version_timeout; false always uses the built-in connect scan.
             * @default true
             */
            use_nmap?: boolean;
            /**
             * @description With nmap: -sV's --version-intensity, 0 (fewest probes) to 9 (all), default 7 (nmap's).
             * @default 7
             */
            version_intensity?: number;
            /**
             * @description With nmap: seconds -sV may spend on one host's open ports (probed at once, so it bounds each port), default 30. When it runs out, the ports found stay, identified by the appliance's own probes.
             * @default 30
             */
            version_timeout?: number;
        };
        Posture: {
            /** @description (check, target) pairs run by scans still current. */
            pairs_evaluated?: number;
            passed_weight?: number;
            total_weight?: number;
            /** @description 0 to 1; null when 0/0. */
            value?: number | null;
        };
        RateLimits: {
            /** @description null: unlimited */
            daily?: number | null;
            /** @description null: unlimited */
            hourly?: number | null;
        };
        Readiness: {
            applicable?: number;
            compliant?: number;
            /** @description 0 to 1; null when 0/0. */
            value?: number | null;
        };
        ReportControl: {
            coverage?: string;
            id?: string;
            name?: string;
            reason?: string;
            relationship?: string;
            status?: string;
        };
        ReportRequirement: {
            /** @description Facts of the catalogue, e.g. PCI DSS applicability. */
            attributes?: {
                [key: string]: unknown;
            };
            automated_checks?: string[];
            controls?: components["schemas"]["ReportControl"][];
            findings?: string[];
            /** @example CC6.7 */
            id?: string;
            /** @description False once the organization declared it out of scope. */
            in_scope?: boolean;
            level?: string;
            parent?: string | null;
            /** @description The reason chain, in words. */
            reason?: string;
            /** @enum {string} */
            status?: "compliant" | "partially_compliant" | "non_compliant" | "not_applicable" | "not_assessed";
            title?: string;
        };
        ReportSummary: {
            /** @description Requirements with at least one automated check. */
            automation_coverage?: components["schemas"]["Automation"];
            compliant?: number;
            non_compliant?: number;
            not_applicable?: number;
            not_assessed?: number;
            partially_compliant?: number;
            /** @description Compliant / applicable requirements. */
            readiness?: components["schemas"]["Readiness"];
            requirements?: number;
            /** @description Severity-weighted pass rate of automated checks. */
            technical_posture?: components["schemas"]["Posture"];
        };
        RequirementScope: {
            applicable: boolean;
            /** @description Required when applicable is false. */
            reason?: string;
        };
        RotateSecret: {
            /** @description How long the old secret also signs (default: setting). */
            overlap_seconds?: number;
            /** @description The new secret; omit it to have one generated. */
            secret?: string;
        };
        Rotated: {
            id?: string;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            rotation_overlap_until?: string | null;
            /** @description Only when generated: shown once. */
            secret?: string;
        };
        Scan: {
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            created_at?: string;
            /** @example http: GET / */
            current_step?: string | null;
            /** @description Why it failed, or which scanners had errors. */
            error?: string | null;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            finished_at?: string | null;
            /**
             * @example [
             *       "soc2",
             *       "pci-dss"
             *     ]
             */
            frameworks?: string[];
            /** @example scan_abc123 */
            id?: string;
            /** @description 0-100 */
            progress?: number;
            /** @example full */
            scan_type?: string;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            started_at?: string | null;
            /** @enum {string} */
            status?: "queued" | "running" | "completed" | "failed" | "cancelled";
            /** @example example.com */
            target?: string;
            vulnerabilities_found?: number;
        };
        ScanCreate: {
            /** @description Compliance frameworks to assess, e.g. soc2, pci-dss. */
            frameworks?: string[];
            /** @description Options per scanner, e.g. {"http": {"paths": ["/", "/login"]}} */
            options?: components["schemas"]["ScanOptions"];
            /**
             * @description A scan profile: quick, full, web, tls, network, dns.
             * @default quick
             */
            scan_type?: string;
            /**
             * @description What to scan: a hostname, an IPv4/IPv6 address, an http(s) URL, host:port, a CIDR network (10.0.0.0/24) or a range (10.0.0.10-10.0.0.40), or a list of these separated by commas. Every address must be in the organization's scope (a network or range only when the scope covers all of it); one scan covers at most scope.max_scan_addresses addresses (4,096 by default).
             * @example example.com
             */
            target: string;
        };
        ScanDetail: {
            /**
             * @description Per framework the scan named (by framework id): requirements its checks touched, passed and failed, with the findings behind each failure; the framework's checks the scan examined, and those it could not (no run of their scanner completed: they credit nothing). Null until the scan completes, or when it named no framework.
             * @example {
             *       "soc2-2017": {
             *         "checks_examined": 14,
             *         "checks_inconclusive": 3,
             *         "failed": 1,
             *         "failed_requirements": [
             *           {
             *             "findings": [
             *               "fnd_9c2e"
             *             ],
             *             "id": "CC6.7"
             *           }
             *         ],
             *         "framework": "SOC 2",
             *         "passed": 5,
             *         "requested_as": "soc2",
             *         "requirements_touched": 6,
             *         "version": "2017"
             *       }
             *     }
             */
            compliance?: {
                [key: string]: unknown;
            } | null;
            /**
             * @description How much was examined: hosts (units of the target), services discovery found, service runs that completed, runs that were inconclusive (failed, timed out, skipped or cancelled: they credit no check), and the outcomes of every check on every run (GET /api/v1/scans/{id}/checks lists them with why).
             * @example {
             *       "checks_failed": 12,
             *       "checks_inconclusive": 31,
             *       "checks_passed": 140,
             *       "runs_inconclusive": 1,
             *       "services_examined": 8,
             *       "services_found": 9,
             *       "targets": 14
             *     }
             */
            coverage?: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            created_at?: string;
            /** @example http: GET / */
            current_step?: string | null;
            /** @description Why it failed, or which scanners had errors. */
            error?: string | null;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            finished_at?: string | null;
            /**
             * @example [
             *       "soc2",
             *       "pci-dss"
             *     ]
             */
            frameworks?: string[];
            /** @example scan_abc123 */
            id?: string;
            options?: components["schemas"]["ScanOptions"];
            /** @description A scan of more hosts than scans.hosts_per_job is shared by the workers in parts (batches of hosts, one job each): which ran each. Empty for a scan run by one job. */
            parts?: components["schemas"]["ScanPart"][];
            /** @description 0-100 */
            progress?: number;
            /** @example full */
            scan_type?: string;
            /** @description Each scanner run: one per host (or URL, or host:port) of the target, and for the service scanners one per service discovery found there. */
            scanners?: components["schemas"]["ScannerRun"][];
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            started_at?: string | null;
            /** @enum {string} */
            status?: "queued" | "running" | "completed" | "failed" | "cancelled";
            /** @example example.com */
            target?: string;
            vulnerabilities_found?: number;
        };
        /** @description Options per scanner, by the scanner's name; each scanner's own schema fills in its defaults, and a scan's profile may give some of them. */
        ScanOptions: {
            dns?: components["schemas"]["DnsScannerOptions"];
            http?: components["schemas"]["HttpScannerOptions"];
            ports?: components["schemas"]["PortsScannerOptions"];
            smtp?: components["schemas"]["DnsScannerOptions"];
            ssh?: components["schemas"]["SshScannerOptions"];
            tls?: components["schemas"]["TlsScannerOptions"];
            vulns?: components["schemas"]["VulnsScannerOptions"];
        };
        ScanPage: {
            items: components["schemas"]["Scan"][];
            page: number;
            pages: number;
            per_page: number;
            total: number;
        };
        ScanPart: {
            /** @description How often a job started it (a worker that died: again). */
            attempts?: number;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            finished_at?: string | null;
            /**
             * @description How many hosts it has.
             * @example 16
             */
            readonly hosts?: number;
            /** @example 0 */
            index?: number;
            /** @example 100 */
            progress?: number;
            /** @enum {string} */
            status?: "queued" | "running" | "done";
            /**
             * @description The host:pid that ran it last.
             * @example scanner-2:4711
             */
            worker?: string | null;
        };
        ScannerRun: {
            error?: string | null;
            findings_count?: number;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            finished_at?: string | null;
            /**
             * @description Its checks it did not examine on this target, with why (they do not apply): they count neither as passed nor as failed.
             * @example {
             *       "dns.spf_missing": "example.com is not a mail domain"
             *     }
             */
            not_examined?: {
                [key: string]: string;
            };
            /**
             * @description What the scanner saw of the target, as it reported it (the first 20). A scanner that ends with no finding and nothing observed is failed (observed nothing): its checks count neither as passed nor as failed.
             * @example [
             *       "GET https://example.com/ answered 200"
             *     ]
             */
            observed?: string[];
            /** @example http */
            scanner?: string;
            /**
             * @description The protocol of the discovered service it examined, or null when it examined the target itself.
             * @example https
             */
            service?: string | null;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            started_at?: string | null;
            /** @enum {string} */
            status?: "pending" | "running" | "completed" | "failed" | "timed_out" | "skipped" | "not_applicable" | "cancelled";
            /**
             * @description What this run examined: a host, URL or host:port of the scan's target, or a service discovery found there.
             * @example 10.0.0.12:8443
             */
            readonly target?: string;
        };
        Schedule: {
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            created_at?: string;
            /** @description Cron expression, UTC (e.g. '0 3 * * 1' for Mondays 03:00). */
            cron?: string | null;
            enabled?: boolean;
            frameworks?: string[];
            /** @example sch_0a1b2c3d4e5f6a7b */
            id?: string;
            /** @description Or: every this many seconds (at least 300). */
            interval_seconds?: number | null;
            /** @description Why the last run did not start a scan. */
            last_error?: string | null;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            last_run_at?: string | null;
            readonly last_scan_id?: string | null;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            next_run_at?: string | null;
            options?: components["schemas"]["ScanOptions"];
            scan_type?: string;
            target?: string;
        };
        ScheduleCreate: {
            /** @description Cron expression, UTC (e.g. '0 3 * * 1' for Mondays 03:00). */
            cron?: string;
            /** @default true */
            enabled?: boolean;
            /** @description Compliance frameworks to assess, e.g. soc2, pci-dss. */
            frameworks?: string[];
            /** @description Or: every this many seconds (at least 300). */
            interval_seconds?: number;
            /** @description Options per scanner, e.g. {"http": {"paths": ["/", "/login"]}} */
            options?: components["schemas"]["ScanOptions"];
            /**
             * @description A scan profile: quick, full, web, tls, network, dns.
             * @default quick
             */
            scan_type?: string;
            /**
             * @description What to scan: a hostname, an IPv4/IPv6 address, an http(s) URL, host:port, a CIDR network (10.0.0.0/24) or a range (10.0.0.10-10.0.0.40), or a list of these separated by commas. Every address must be in the organization's scope (a network or range only when the scope covers all of it); one scan covers at most scope.max_scan_addresses addresses (4,096 by default).
             * @example example.com
             */
            target: string;
        };
        SchedulePage: {
            items: components["schemas"]["Schedule"][];
            page: number;
            pages: number;
            per_page: number;
            total: number;
        };
        ScheduleUpdate: {
            /** @description Cron expression, UTC (e.g. '0 3 * * 1' for Mondays 03:00). */
            cron?: string | null;
            enabled?: boolean;
            /** @description Or: every this many seconds (at least 300). */
            interval_seconds?: number | null;
        };
        ScopeEntry: {
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            created_at?: string;
            /** @example scope_5d1f0a7b2c3e4f60 */
            id?: string;
            /** @enum {string} */
            kind?: "domain" | "ip" | "network";
            /** @example example.com */
            value?: string;
        };
        ScopeEntryCreate: {
            /** @description A domain (covers its subdomains), an IP address or a CIDR network. */
            value: string;
        };
        ScopeEntryPage: {
            items: components["schemas"]["ScopeEntry"][];
            page: number;
            pages: number;
            per_page: number;
            total: number;
        };
        Service: {
            /** @description What it sent first (the first bytes). */
            banner?: string;
            /** @description For TLS: subject, issuer, not_after and names of its certificate (the tls scanner judges it). */
            certificate?: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            first_seen?: string;
            /** @example svc_8e7d6c5b4a3f2e1d */
            id?: string;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            last_seen?: string;
            /** @example 8443 */
            port?: number;
            /** @example nginx */
            product?: string;
            /**
             * @description What speaks there (http, https, ssh, smtp, ftp, redis, tls for TLS around something unidentified...), empty when it could not be told.
             * @example https
             */
            protocol?: string;
            /** @description The port completed a TLS handshake. */
            tls?: boolean;
            /** @example tcp */
            transport?: string;
            /** @example 1.24.0 */
            version?: string;
        };
        /** @description Options of the ssh scanner (SSH server configuration). */
        SshScannerOptions: {
            /**
             * @description TCP port of the SSH service (default 22), for a target that names none: a host:port target or a discovered service is scanned on its own port.
             * @default null
             */
            port?: number | null;
            /**
             * @description Seconds allowed for each of the scanner's two connections, 1-120 (default 10); never beyond the scanner's own deadline.
             * @default 10
             */
            timeout?: number;
            /**
             * @description User named in the 'none' authentication request whose refusal lists the accepted methods (default 'cyberorigen-scan', a user that should not exist). No password or key is ever sent.
             * @default cyberorigen-scan
             */
            username?: string;
        };
        StatusBasis: {
            checks?: string[];
            evidence?: string[];
            findings?: components["schemas"]["BasisFinding"][];
            /** @description Which parts (checks, documents) have current evidence. */
            parts?: {
                [key: string]: boolean;
            };
        };
        /** @description Options of the tls scanner (TLS configuration and certificates (sslyze)). */
        TlsScannerOptions: {
            /**
             * @description TCP ports where TLS is scanned, each separately. Default: the URL's port for a URL target that names one, else [443].
             * @default null
             */
            ports?: number[] | null;
            /**
             * @description Server name sent in the TLS SNI extension and matched against the certificate. Default: the target host when it is a host name (for IP targets the address itself is sent and matched).
             * @default null
             */
            sni?: string | null;
            /**
             * @description Seconds allowed for scanning each port, 1-600 (default 30); never beyond the scanner's own deadline. Each connection attempt gives up after at most 5 seconds.
             * @default 30
             */
            timeout?: number;
            /**
             * @description PEM text of extra CA certificates to trust, on top of the Mozilla root store (for internal CAs and known self-signed certificates).
             * @default null
             */
            trust_store?: string | null;
        };
        Token: {
            access_token: string;
            /** @example 3600 */
            expires_in: number;
            /** @example bearer */
            token_type: string;
        };
        TokenRequest: {
            /** @enum {string} */
            grant_type?: "password";
            password: string;
            /** @description The user's e-mail address. */
            username: string;
        };
        User: {
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            created_at?: string;
            email?: string;
            id?: string;
            is_active?: boolean;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            last_login_at?: string | null;
            /** @enum {string} */
            role?: "viewer" | "auditor" | "analyst" | "admin";
        };
        UserCreate: {
            /** Format: email */
            email: string;
            /** @description 12+ chars */
            password: string;
            /**
             * @default viewer
             * @enum {string}
             */
            role?: "viewer" | "auditor" | "analyst" | "admin";
        };
        UserPage: {
            items: components["schemas"]["User"][];
            page: number;
            pages: number;
            per_page: number;
            total: number;
        };
        UserUpdate: {
            is_active?: boolean;
            password?: string;
            /** @enum {string} */
            role?: "viewer" | "auditor" | "analyst" | "admin";
        };
        /** @description Options of the vulns scanner (Known vulnerabilities by product version). */
        VulnsScannerOptions: {
            /**
             * @description Absolute path, on the appliance, of the vulnerability feed (a JSON file of advisories, format 1: see the vulns plugin's README), in one of the operator's feed folders (environment CYBERORIGEN_VULNS_FEED_DIRS; default /var/lib/cyberorigen/feeds and /etc/cyberorigen/feeds). It must exist and parse when the scan is created, on the API's machine, and again when the scan runs, on the worker's. Default: the small example feed bundled with the appliance.
             * @default null
             */
            feed?: string | null;
        };
        Webhook: {
            active?: boolean;
            /** @description The transport's settings. */
            config?: {
                [key: string]: unknown;
            };
            consecutive_failures?: number;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            created_at?: string;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            disabled_at?: string | null;
            disabled_reason?: string | null;
            /**
             * @example [
             *       "scan.completed"
             *     ]
             */
            events?: string[];
            filters?: components["schemas"]["Filters"];
            /** @example wh_9a8b7c6d5e4f3a2b */
            id?: string;
            /**
             * Format: date-time
             * @description After a rotation: until when the old secret also signs.
             * @example 2025-12-21T10:00:00Z
             */
            rotation_overlap_until?: string | null;
            /** @example http */
            transport?: string;
            /**
             * @description Write-only where it is the credential (slack: only the origin is shown); a password in it is masked.
             * @example https://your-server.com/webhook
             */
            readonly url?: string | null;
        };
        WebhookCreate: {
            /** @description The transport's settings. */
            config?: {
                [key: string]: unknown;
            };
            /** @description Any of: scan.started, scan.completed, scan.failed, vulnerability.found, scan.findings, finding.status_changed, control.status_changed, asset.discovered, service.discovered, evidence.reviewed, evidence.expiring, webhook.disabled, * */
            events: string[];
            filters?: components["schemas"]["Filters"];
            /** @description Signing secret (write-only): any string, or whsec_ and base64. Omit it to have one generated and shown once. */
            secret?: string;
            /**
             * @description http, slack, email, syslog, ...
             * @default http
             */
            transport?: string;
            /** @description Where to send (http and slack transports). */
            url?: string;
        };
        WebhookCreated: {
            active?: boolean;
            /** @description The transport's settings. */
            config?: {
                [key: string]: unknown;
            };
            consecutive_failures?: number;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            created_at?: string;
            /**
             * Format: date-time
             * @example 2025-12-21T10:00:00Z
             */
            disabled_at?: string | null;
            disabled_reason?: string | null;
            /**
             * @example [
             *       "scan.completed"
             *     ]
             */
            events?: string[];
            filters?: components["schemas"]["Filters"];
            /** @example wh_9a8b7c6d5e4f3a2b */
            id?: string;
            /**
             * Format: date-time
             * @description After a rotation: until when the old secret also signs.
             * @example 2025-12-21T10:00:00Z
             */
            rotation_overlap_until?: string | null;
            /** @description Only when the appliance generated the secret (none was sent): shown once, store it now. */
            secret?: string;
            /** @example http */
            transport?: string;
            /**
             * @description Write-only where it is the credential (slack: only the origin is shown); a password in it is masked.
             * @example https://your-server.com/webhook
             */
            readonly url?: string | null;
        };
        /** @description Webhook event asset.discovered: a scan found a host of the organization answering for the first time */
        WebhookEventAssetDiscovered: {
            /** Format: date-time */
            created_at?: string;
            data?: components["schemas"]["_AssetData"];
            /** @example evt_5d41402abc4b2a76 */
            id?: string;
            /** @enum {string} */
            type?: "asset.discovered";
        };
        /** @description Webhook event control.status_changed: a control's status changed, with the reason */
        WebhookEventControlStatusChanged: {
            /** Format: date-time */
            created_at?: string;
            data?: components["schemas"]["_ControlStatusData"];
            /** @example evt_5d41402abc4b2a76 */
            id?: string;
            /** @enum {string} */
            type?: "control.status_changed";
        };
        /** @description Webhook event evidence.expiring: evidence stops counting within 14 days */
        WebhookEventEvidenceExpiring: {
            /** Format: date-time */
            created_at?: string;
            data?: components["schemas"]["_EvidenceExpiringData"];
            /** @example evt_5d41402abc4b2a76 */
            id?: string;
            /** @enum {string} */
            type?: "evidence.expiring";
        };
        /** @description Webhook event evidence.reviewed: a reviewer (auditor or above, not the uploader) accepted or rejected a file, link or note; only accepted evidence counts toward its control */
        WebhookEventEvidenceReviewed: {
            /** Format: date-time */
            created_at?: string;
            data?: components["schemas"]["_EvidenceReviewedData"];
            /** @example evt_5d41402abc4b2a76 */
            id?: string;
            /** @enum {string} */
            type?: "evidence.reviewed";
        };
        /** @description Webhook event finding.status_changed: a person changed a finding's status, or a scan no longer sees it (`fixed`) */
        WebhookEventFindingStatusChanged: {
            /** Format: date-time */
            created_at?: string;
            data?: components["schemas"]["_FindingStatusData"];
            /** @example evt_5d41402abc4b2a76 */
            id?: string;
            /** @enum {string} */
            type?: "finding.status_changed";
        };
        /** @description Webhook event ping: `POST /webhooks/{id}/test` only */
        WebhookEventPing: {
            /** Format: date-time */
            created_at?: string;
            data?: components["schemas"]["_PingData"];
            /** @example evt_5d41402abc4b2a76 */
            id?: string;
            /** @enum {string} */
            type?: "ping";
        };
        /** @description Webhook event scan.completed: a scan ended with a scanner that observed the target; its results are stored (the compliance summary is on `GET /api/v1/scans/{id}`) */
        WebhookEventScanCompleted: {
            /** Format: date-time */
            created_at?: string;
            data?: components["schemas"]["_ScanData"];
            /** @example evt_5d41402abc4b2a76 */
            id?: string;
            /** @enum {string} */
            type?: "scan.completed";
        };
        /** @description Webhook event scan.failed: no scanner observed the target (each failed, timed out, observed nothing, was not applicable or not installed; `error` says what each said), or the worker was lost twice */
        WebhookEventScanFailed: {
            /** Format: date-time */
            created_at?: string;
            data?: components["schemas"]["_ScanData"];
            /** @example evt_5d41402abc4b2a76 */
            id?: string;
            /** @enum {string} */
            type?: "scan.failed";
        };
        /** @description Webhook event scan.findings: a scan ended (completed, failed or cancelled) having announced findings: `vulnerability.found` batched per scan, one event listing every finding the scan found new or back */
        WebhookEventScanFindings: {
            /** Format: date-time */
            created_at?: string;
            data?: components["schemas"]["_ScanFindingsData"];
            /** @example evt_5d41402abc4b2a76 */
            id?: string;
            /** @enum {string} */
            type?: "scan.findings";
        };
        /** @description Webhook event scan.started: a scan began running on a worker */
        WebhookEventScanStarted: {
            /** Format: date-time */
            created_at?: string;
            data?: components["schemas"]["_ScanData"];
            /** @example evt_5d41402abc4b2a76 */
            id?: string;
            /** @enum {string} */
            type?: "scan.started";
        };
        /** @description Webhook event service.discovered: a scan found a service (an open port and what speaks there) on a host for the first time */
        WebhookEventServiceDiscovered: {
            /** Format: date-time */
            created_at?: string;
            data?: components["schemas"]["_ServiceData"];
            /** @example evt_5d41402abc4b2a76 */
            id?: string;
            /** @enum {string} */
            type?: "service.discovered";
        };
        /** @description Webhook event vulnerability.found: a finding is new for its target, or back after being fixed */
        WebhookEventVulnerabilityFound: {
            /** Format: date-time */
            created_at?: string;
            data?: components["schemas"]["_VulnerabilityData"];
            /** @example evt_5d41402abc4b2a76 */
            id?: string;
            /** @enum {string} */
            type?: "vulnerability.found";
        };
        /** @description Webhook event webhook.disabled: a webhook was disabled (410, or repeated failures) */
        WebhookEventWebhookDisabled: {
            /** Format: date-time */
            created_at?: string;
            data?: components["schemas"]["_WebhookDisabledData"];
            /** @example evt_5d41402abc4b2a76 */
            id?: string;
            /** @enum {string} */
            type?: "webhook.disabled";
        };
        WebhookPage: {
            items: components["schemas"]["Webhook"][];
            page: number;
            pages: number;
            per_page: number;
            total: number;
        };
        WebhookUpdate: {
            active?: boolean;
            config?: {
                [key: string]: unknown;
            };
            events?: string[];
            filters?: (Record<string, never> | null) | components["schemas"]["Filters"];
            transport?: string;
            url?: string | null;
        };
        _AssetData: {
            /** @example 10.0.0.12 */
            address?: string;
            /** @example ast_3c1d9e0f7a2b4c5d */
            asset_id?: string;
            /**
             * @example [
             *       "db1.example.com"
             *     ]
             */
            names?: string[];
            /** @example scan_1f0c9a2b */
            scan_id?: string;
        };
        _ControlStatusData: {
            /** @description scan, evidence, review, override, edit, assessment */
            cause?: string;
            /** @example ctrl_encryption_in_transit */
            control_id?: string;
            findings?: string[];
            /**
             * @example [
             *       "PCI DSS",
             *       "SOC 2"
             *     ]
             */
            frameworks?: string[];
            /** @example Encryption in Transit */
            name?: string;
            previous_status?: string;
            reason?: string;
            status?: string;
        };
        _EvidenceExpiringData: {
            control_id?: string;
            control_name?: string;
            /** @example evd_4f1a */
            evidence_id?: string;
            /** Format: date-time */
            expires_at?: string;
            title?: string;
        };
        _EvidenceReviewedData: {
            comment?: string;
            /** @example ctrl_access_control_policy */
            control_id?: string;
            /** @example Access Control Policy */
            control_name?: string;
            /** @enum {string} */
            decision?: "accept" | "reject";
            /** @example evd_4f1a */
            evidence_id?: string;
            /**
             * @example [
             *       "ISO 27001",
             *       "SOC 2"
             *     ]
             */
            frameworks?: string[];
            /** @enum {string} */
            kind?: "file" | "link" | "note";
            /** @enum {string} */
            previous_status?: "submitted" | "accepted" | "rejected";
            /** Format: date-time */
            reviewed_at?: string;
            /** @description The reviewer's e-mail. */
            reviewer?: string;
            /** @description The reviewer is the uploader (setting evidence.self_review). */
            self_review?: boolean;
            /**
             * @description After the decision.
             * @enum {string}
             */
            status?: "submitted" | "accepted" | "rejected";
            /** @example Access policy v3 */
            title?: string;
            /** @description The uploader's e-mail (null: user deleted). */
            uploaded_by?: string | null;
        };
        _FindingStatusData: {
            /** @description A user's e-mail or a scan id. */
            changed_by?: string;
            check_id?: string;
            finding_id?: string;
            /** @description The old status. */
            from?: string;
            reason?: string | null;
            severity?: string;
            target?: string;
            /** @description The new status. */
            to?: string;
        };
        _PingData: {
            message?: string;
            webhook_id?: string;
        };
        _ScanData: {
            error?: string | null;
            /**
             * @example [
             *       "soc2",
             *       "pci-dss"
             *     ]
             */
            frameworks?: string[];
            /** @example scan_1f0c9a2b */
            scan_id?: string;
            /** @example full */
            scan_type?: string;
            /** @example completed */
            status?: string;
            /** @example example.com */
            target?: string;
            vulnerabilities_found?: number;
        };
        _ScanFindingsData: {
            /** @description How many findings the scan announced. */
            count?: number;
            /** @description Each as its vulnerability.found event would say it. */
            findings?: components["schemas"]["_VulnerabilityData"][];
            /** @example scan_1f0c9a2b */
            scan_id?: string;
            /**
             * @description The highest severity among the findings (what min_severity filters look at).
             * @enum {string}
             */
            severity?: "critical" | "high" | "medium" | "low" | "info";
            /** @example completed */
            status?: string;
            /** @example 10.0.0.0/28 */
            target?: string;
            /** @description True when findings lists only the first 500 (by severity). */
            truncated?: boolean;
        };
        _ServiceData: {
            /** @example 10.0.0.12:8443 */
            address?: string;
            /** @example ast_3c1d9e0f7a2b4c5d */
            asset_id?: string;
            /** @example 8443 */
            port?: number;
            /** @example https */
            protocol?: string;
            /** @example scan_1f0c9a2b */
            scan_id?: string;
            /** @example svc_8e7d6c5b4a3f2e1d */
            service_id?: string;
            /** @example tcp */
            transport?: string;
        };
        _VulnerabilityData: {
            /** @example tls.cert.expired */
            check_id?: string;
            /** @example fnd_9c2e */
            finding_id?: string;
            location?: string;
            scan_id?: string;
            /** @enum {string} */
            severity?: "critical" | "high" | "medium" | "low" | "info";
            target?: string;
            title?: string;
        };
        _WebhookDisabledData: {
            reason?: string;
            url?: string | null;
            /** @example wh_9a8b7c6d5e4f3a2b */
            webhook_id?: string;
        };
    };
    responses: {
        /** @description Default error response */
        DEFAULT_ERROR: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Forbidden */
        FORBIDDEN: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Internal Server Error */
        INTERNAL_SERVER_ERROR: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Not Found */
        NOT_FOUND: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Too Many Requests */
        TOO_MANY_REQUESTS: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Unauthorized */
        UNAUTHORIZED: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Unprocessable Entity */
        UNPROCESSABLE_ENTITY: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every dependency answers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description A dependency is unreachable. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                /** @description 1-based page. */
                page?: number;
                /** @description Items per page, 1 to 100. */
                per_page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyPage"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyCreated"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    deleteApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listAssets: {
        parameters: {
            query?: {
                /** @description 1-based page. */
                page?: number;
                /** @description Items per page, 1 to 100. */
                per_page?: number;
                address?: string;
                /** @description One of its names. */
                name?: string;
                /** @description It has a service of it. */
                protocol?: string;
                /** @description It has a service on it. */
                port?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetPage"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                asset_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetDetail"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                /** @description An action (`scan.created`) or a family of actions (`scan`); see docs/audit.md for the list. */
                action?: "auth.login" | "auth.login_failed" | "user.created" | "user.updated" | "user.deleted" | "api_key.created" | "api_key.revoked" | "organization.created" | "organization.updated" | "scope.added" | "scope.removed" | "scan.created" | "scan.cancelled" | "scan.deleted" | "webhook.created" | "webhook.updated" | "webhook.deleted" | "webhook.secret_rotated" | "control.overridden" | "control.updated" | "evidence.added" | "evidence.reviewed" | "evidence.deleted" | "import.created" | "export.created" | "export.downloaded" | "findings.exported" | "report.downloaded" | "audit.exported" | "audit.purged" | "api_key" | "audit" | "auth" | "control" | "evidence" | "export" | "findings" | "import" | "organization" | "report" | "scan" | "scope" | "user" | "webhook";
                /** @description Who acted: a user's or API key's id, or an e-mail address. */
                actor?: string;
                /** @description What was acted on: its id (`scan_…`, `usr_…`, a control id). */
                object_id?: string;
                /** @description At or after (UTC). For example `2025-12-21T10:00:00Z`. */
                since?: string;
                /** @description Before (UTC). For example `2025-12-21T10:00:00Z`. */
                until?: string;
                /** @description 1-based page. */
                page?: number;
                /** @description Items per page, 1 to 100. */
                per_page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPage"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    exportAuditEvents: {
        parameters: {
            query?: {
                /** @description An action (`scan.created`) or a family of actions (`scan`); see docs/audit.md for the list. */
                action?: "auth.login" | "auth.login_failed" | "user.created" | "user.updated" | "user.deleted" | "api_key.created" | "api_key.revoked" | "organization.created" | "organization.updated" | "scope.added" | "scope.removed" | "scan.created" | "scan.cancelled" | "scan.deleted" | "webhook.created" | "webhook.updated" | "webhook.deleted" | "webhook.secret_rotated" | "control.overridden" | "control.updated" | "evidence.added" | "evidence.reviewed" | "evidence.deleted" | "import.created" | "export.created" | "export.downloaded" | "findings.exported" | "report.downloaded" | "audit.exported" | "audit.purged" | "api_key" | "audit" | "auth" | "control" | "evidence" | "export" | "findings" | "import" | "organization" | "report" | "scan" | "scope" | "user" | "webhook";
                /** @description Who acted: a user's or API key's id, or an e-mail address. */
                actor?: string;
                /** @description What was acted on: its id (`scan_…`, `usr_…`, a control id). */
                object_id?: string;
                /** @description At or after (UTC). For example `2025-12-21T10:00:00Z`. */
                since?: string;
                /** @description Before (UTC). For example `2025-12-21T10:00:00Z`. */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The records the filters select as CSV (an attachment), streamed. */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChange"];
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Token"];
                };
            };
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listControls: {
        parameters: {
            query?: {
                /** @description 1-based page. */
                page?: number;
                /** @description Items per page, 1 to 100. */
                per_page?: number;
                /** @description Only controls mapped to this framework (id or alias). */
                framework?: string;
                status?: "implemented" | "partially_implemented" | "not_implemented" | "not_applicable" | "not_assessed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlPage"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getControl: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                control_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlDetail"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    updateControl: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                control_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ControlUpdate"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlDetail"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listEvidence: {
        parameters: {
            query?: {
                /** @description 1-based page. */
                page?: number;
                /** @description Items per page, 1 to 100. */
                per_page?: number;
                kind?: "file" | "link" | "note" | "scan";
                /** @description Only evidence in this review status (submitted: to review). */
                review_status?: "submitted" | "accepted" | "rejected";
                /** @description Also list deleted evidence (audit trail). */
                include_deleted?: boolean;
            };
            header?: never;
            path: {
                control_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidencePage"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    createEvidence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                control_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EvidenceRecord"];
                "multipart/form-data": components["schemas"]["CreateEvidenceRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Evidence"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            /** @description The file is over the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The evidence is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getEvidence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                control_id: string;
                evidence_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Evidence"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    deleteEvidence: {
        parameters: {
            query?: {
                reason?: string;
            };
            header?: never;
            path: {
                control_id: string;
                evidence_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    downloadEvidence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                control_id: string;
                evidence_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, always as an attachment. */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    reviewEvidence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                control_id: string;
                evidence_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EvidenceReview"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Evidence"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            /** @description Below the auditor role, or the reviewer added the evidence (allowed only with the setting evidence.self_review). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            404: components["responses"]["NOT_FOUND"];
            /** @description The evidence already has this decision, or is a scan's results (accepted as attached, never reviewed). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A rejection without a comment. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listExports: {
        parameters: {
            query?: {
                /** @description 1-based page. */
                page?: number;
                /** @description Items per page, 1 to 100. */
                per_page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportPage"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    createExport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExportCreate"];
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Export"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                export_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Export"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    downloadExport: {
        parameters: {
            query: {
                /** @description The signed token of the export's download_url. */
                token: string;
            };
            header?: never;
            path: {
                export_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, as an attachment. */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listFindings: {
        parameters: {
            query?: {
                /** @description 1-based page. */
                page?: number;
                /** @description Items per page, 1 to 100. */
                per_page?: number;
                severity?: "critical" | "high" | "medium" | "low" | "info";
                check_id?: string;
                status?: "open" | "fixed" | "accepted_risk" | "false_positive";
                target?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FindingPage"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    exportFindings: {
        parameters: {
            query: {
                severity?: "critical" | "high" | "medium" | "low" | "info";
                check_id?: string;
                status?: "open" | "fixed" | "accepted_risk" | "false_positive";
                target?: string;
                /** @description The file to make. `sarif`: SARIF 2.1.0: one run, the checks as rules, each finding a result with its level, security-severity and fingerprint (GitHub code scanning, IDE viewers). `ocsf`: OCSF 1.5.0 Detection Finding events (class_uid 2004), as one JSON array. `csv`: CSV with a header row; cells that a spreadsheet would run as formulas are prefixed with an apostrophe. `jsonl`: JSON Lines: one finding per line, as GET /api/v1/findings/{id} shows it. */
                format: "sarif" | "ocsf" | "csv" | "jsonl";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The findings as a file (an attachment), streamed: `sarif` as application/sarif+json, `ocsf` as application/json, `csv` as text/csv, `jsonl` as application/x-ndjson. */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportFindingsResponse"];
                    "application/sarif+json": components["schemas"]["ExportFindingsResponse"];
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getFinding: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                finding_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Finding"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    updateFinding: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                finding_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FindingStatusUpdate"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Finding"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listFrameworks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FrameworkList"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getFramework: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                framework_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Framework"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getFrameworkReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                framework_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FrameworkReport"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getFrameworkReportCsv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                framework_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report's requirements as CSV. */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getFrameworkReportHtml: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                framework_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The framework report as a printable page. */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getFrameworkReportPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                framework_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The framework report as an A4 PDF (attachment). */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            /** @description PDF rendering is not installed on this appliance (WeasyPrint and Pango): the detail says what to install; the HTML works meanwhile. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    updateRequirementScope: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                framework_id: string;
                requirement_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequirementScope"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportRequirement"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getStatementOfApplicabilityHtml: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                framework_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Statement of Applicability as a page. */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getStatementOfApplicabilityPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                framework_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Statement of Applicability as PDF (A4 landscape). */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            /** @description PDF rendering is not installed on this appliance (WeasyPrint and Pango): the detail says what to install; the HTML works meanwhile. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getStatementOfApplicabilityXlsx: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                framework_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Statement of Applicability as a workbook. */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    createImport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["CreateImportRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Import"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            /** @description The file is over the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The file or a field is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listImportFormats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImporterList"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getCurrentOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organization"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    updateCurrentOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrganizationUpdate"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organization"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listPlugins: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginList"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getExecutiveSummaryHtml: {
        parameters: {
            query?: {
                /** @description Comma-separated framework ids or aliases; every installed framework when left out. For example `soc2,pci-dss`. */
                frameworks?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The executive summary as a printable page. */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getExecutiveSummaryPdf: {
        parameters: {
            query?: {
                /** @description Comma-separated framework ids or aliases; every installed framework when left out. For example `soc2,pci-dss`. */
                frameworks?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The executive summary as an A4 PDF (attachment). */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            /** @description PDF rendering is not installed on this appliance (WeasyPrint and Pango): the detail says what to install; the HTML works meanwhile. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listScans: {
        parameters: {
            query?: {
                /** @description 1-based page. */
                page?: number;
                /** @description Items per page, 1 to 100. */
                per_page?: number;
                status?: "queued" | "running" | "completed" | "failed" | "cancelled";
                /** @description Created at or after (UTC). For example `2025-12-21T10:00:00Z`. */
                created_after?: string;
                /** @description Created before (UTC). For example `2025-12-21T10:00:00Z`. */
                created_before?: string;
                /** @description Newest first (default) or oldest first. */
                sort?: "-created_at" | "created_at";
                /** @description As sent when the scan was created. */
                target?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScanPage"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    createScan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScanCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScanDetail"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getScan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                scan_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScanDetail"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    deleteScan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                scan_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    cancelScan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                scan_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScanDetail"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listScanChecks: {
        parameters: {
            query?: {
                /** @description 1-based page. */
                page?: number;
                /** @description Items per page, 1 to 100. */
                per_page?: number;
                outcome?: "passed" | "failed" | "inconclusive";
                reason?: "unreachable" | "not_examined" | "cancelled" | "error" | "not_applicable" | "not_run" | "timed_out";
                check_id?: string;
                scanner?: string;
            };
            header?: never;
            path: {
                scan_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckOutcomePage"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listScanFindings: {
        parameters: {
            query?: {
                /** @description 1-based page. */
                page?: number;
                /** @description Items per page, 1 to 100. */
                per_page?: number;
                severity?: "critical" | "high" | "medium" | "low" | "info";
                check_id?: string;
                status?: "open" | "fixed" | "accepted_risk" | "false_positive";
                target?: string;
            };
            header?: never;
            path: {
                scan_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FindingPage"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    rescanScan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                scan_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScanDetail"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listSchedules: {
        parameters: {
            query?: {
                /** @description 1-based page. */
                page?: number;
                /** @description Items per page, 1 to 100. */
                per_page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SchedulePage"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    createSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScheduleCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Schedule"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                schedule_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Schedule"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    deleteSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                schedule_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    updateSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                schedule_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScheduleUpdate"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Schedule"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listScopeEntries: {
        parameters: {
            query?: {
                /** @description 1-based page. */
                page?: number;
                /** @description Items per page, 1 to 100. */
                per_page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScopeEntryPage"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    createScopeEntry: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScopeEntryCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScopeEntry"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    deleteScopeEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entry_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description 1-based page. */
                page?: number;
                /** @description Items per page, 1 to 100. */
                per_page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserUpdate"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                /** @description 1-based page. */
                page?: number;
                /** @description Items per page, 1 to 100. */
                per_page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookPage"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookCreated"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookUpdate"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description 1-based page. */
                page?: number;
                /** @description Items per page, 1 to 100. */
                per_page?: number;
                status?: "pending" | "delivered" | "failed";
                event_type?: string;
            };
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryPage"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    getWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryDetail"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    redeliverWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Delivery"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RotateSecret"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rotated"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            422: components["responses"]["UNPROCESSABLE_ENTITY"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
    testWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    /** @description Requests allowed in the current window. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current window. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Unix time at which the window resets. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Delivery"];
                };
            };
            401: components["responses"]["UNAUTHORIZED"];
            403: components["responses"]["FORBIDDEN"];
            404: components["responses"]["NOT_FOUND"];
            429: components["responses"]["TOO_MANY_REQUESTS"];
            500: components["responses"]["INTERNAL_SERVER_ERROR"];
            default: components["responses"]["DEFAULT_ERROR"];
        };
    };
}
