"""The readable reports: a framework report and the executive summary as HTML and PDF, the ISO
27001 Statement of Applicability as HTML, PDF and XLSX.

Real pieces: the app and its database, findings stored by the findings service for a scan of
the organization (one titled like an attack on the page), scan results attached by the
evidence service, evidence uploaded and reviewed through the API, a requirement declared out
of scope through the API. The PDFs are opened with pypdf (pages counted, text extracted) and,
where poppler's pdftoppm is installed, a page is rendered to PNG.
"""

from __future__ import annotations

import base64
import configparser
import hashlib
import io
import re
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from cyberorigen.appliance import appliance_of
from cyberorigen.compliance.evidence import attach_scan_results
from cyberorigen.db import database
from cyberorigen.db.models import Finding, Organization, Scan, utcnow
from cyberorigen.plugin_api.interfaces import Finding as Found
from cyberorigen.plugin_api.interfaces import Severity, Target
from cyberorigen.services.control_marks import mark_controls_due
from cyberorigen.services.findings import store_finding

REPO_ROOT = Path(__file__).resolve().parent.parent
HOSTILE = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
PLAINTEXT_TITLE = "Site served over plaintext HTTP"
POLICY = "ctrl_access_control_policy"
REMOTE = "Fully remote company: no premises to monitor"
FORMULA = '=HYPERLINK("http://evil.example/","click")'
ANNEX_A_2022 = 93


def _org(account) -> Organization:
    database.connect(reuse_if_open=True)
    return Organization.get(Organization.public_id == account.org_id)


def record_scan(app, account, target: str, found: list[tuple[str, str, str]], weeks_ago=0):
    """A completed scan of ``target`` by the organization of ``account`` that ran the http
    checks and found ``found`` ((check, title, severity) each), first seen ``weeks_ago``."""
    org = _org(account)
    now = utcnow()
    scan = Scan.create(
        organization=org,
        target=target,
        scan_type="web",
        status="completed",
        started_at=now,
        finished_at=now,
    )
    ids = []
    for check, title, severity in found:
        store_finding(
            scan,
            "http",
            Target.parse(target),
            Found(check, title, Severity(severity), f"{target}/{check}"),
        )
        ids.append(check)
    if weeks_ago:
        Finding.update(first_seen=now - timedelta(weeks=weeks_ago)).where(
            (Finding.organization == org) & (Finding.target == target)
        ).execute()
    ran = ("http.no_https", "http.no_https_redirect", "http.hsts_missing")
    catalogue = appliance_of(app).catalogue
    attach_scan_results(scan, catalogue, {check: ("http", []) for check in ran}, ids)
    mark_controls_due(org.id)
    return scan


def upload(client, account, title: str, control=POLICY, content=b"%PDF-1.7 policy"):
    response = client.post(
        f"/api/v1/controls/{control}/evidence",
        data={"file": (io.BytesIO(content), "policy.pdf"), "title": title},
        headers=account.headers,
        content_type="multipart/form-data",
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def accept(client, reviewer, evidence_id: str, control=POLICY):
    response = client.post(
        f"/api/v1/controls/{control}/evidence/{evidence_id}/review",
        json={"decision": "accept", "comment": "Checked against the signed original."},
        headers=reviewer.headers,
    )
    assert response.status_code == 200, response.get_json()


def out_of_scope(client, account, requirement: str, reason: str, framework="iso27001"):
    response = client.patch(
        f"/api/v1/frameworks/{framework}/requirements/{requirement}",
        json={"applicable": False, "reason": reason},
        headers=account.headers,
    )
    assert response.status_code == 200, response.get_json()


@pytest.fixture
def acme(app, client, make_account):
    """An organization with findings (one hostile title) over several weeks, accepted and
    unreviewed evidence, two ISO 27001 controls out of scope; and another organization with
    a finding of its own."""
    admin = make_account(role="admin")
    auditor = make_account(role="auditor")
    reviewer = make_account(role="auditor")
    viewer = make_account(role="viewer")
    record_scan(
        app,
        admin,
        "http://example.com",
        [
            ("http.no_https", PLAINTEXT_TITLE, "high"),
            ("http.no_https_redirect", HOSTILE, "medium"),
        ],
        weeks_ago=5,
    )
    record_scan(app, admin, "https://www.example.org", [("http.hsts_missing", "No HSTS", "low")])
    accepted = upload(client, auditor, "Access policy v3 <b>signed</b>")
    accept(client, reviewer, accepted["id"])
    upload(client, auditor, "Unreviewed draft policy")
    out_of_scope(client, auditor, "A.7.4", REMOTE)
    out_of_scope(client, auditor, "A.7.1", FORMULA)
    other = make_account(role="admin", org="Initech")
    record_scan(
        app, other, "http://shop.example.com", [("http.no_https", "Initech private", "high")]
    )
    return {"admin": admin, "auditor": auditor, "viewer": viewer, "other": other}


def pdf_text(body: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(body))
    return reader, "\n".join(page.extract_text() or "" for page in reader.pages)


def flat(text: str) -> str:
    """Text with every run of whitespace (line breaks of a PDF) as one space."""
    return re.sub(r"\s+", " ", text)


def failing_requirement(client, account, framework: str) -> dict:
    report = client.get(f"/api/v1/frameworks/{framework}/report", headers=account.headers)
    failing = [
        item for item in report.get_json()["requirements"] if item["status"] == "non_compliant"
    ]
    assert failing, "the fixture makes a requirement non-compliant"
    return failing[0]


# --- the framework report ----------------------------------------------------------------------


def test_the_framework_report_page_has_its_sections_and_escapes_what_hosts_wrote(client, acme):
    viewer = acme["viewer"]
    failing = failing_requirement(client, viewer, "soc2")

    response = client.get("/api/v1/frameworks/soc2/report.html", headers=viewer.headers)

    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert response.headers["Content-Disposition"].startswith(
        'inline; filename="acme-soc2-2017-report-'
    )
    html = response.get_data(as_text=True)
    for heading in (
        "Summary",
        "Charts",
        "Requirement status per section",
        "Status of the mapped controls",
        "Findings by severity over time",
        "Failing requirements",
        "Not applicable requirements",
        "Appendix: every requirement",
    ):
        assert f">{heading}</h" in html, heading
    for figure in ("Readiness", "Technical posture", "Automation coverage"):
        assert figure in html
    assert "compliant requirements divided by the applicable ones" in html
    assert html.count("<svg") == 3
    assert f'<span class="rid">{failing["id"]}</span>' in html
    assert PLAINTEXT_TITLE in html and acme["viewer"].email in html
    # what a scanned host or an uploader wrote is text, never markup
    assert HOSTILE not in html and ESCAPED in html
    assert "<b>signed</b>" not in html and "&lt;b&gt;signed&lt;/b&gt;" in html
    assert "<script" not in html.lower()
    assert not re.search(r"<[^>]+\son[a-z]+=", html)  # no event handler attribute
    assert " style=" not in html
    assert "Initech private" not in html


def test_the_page_allows_no_script_and_only_its_own_stylesheet(client, acme):
    response = client.get("/api/v1/frameworks/soc2/report.html", headers=acme["viewer"].headers)

    policy = response.headers["Content-Security-Policy"]
    directives = dict(item.strip().partition(" ")[::2] for item in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert "script-src" not in directives and "sandbox" in policy
    css = re.search(r"<style>(.*?)</style>", response.get_data(as_text=True), re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    assert directives["style-src"] == f"'sha256-{digest}'"
    assert "url(" not in css and "@import" not in css
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response.headers["Cache-Control"]


def test_the_framework_report_pdf_opens_with_its_pages_and_text(client, acme, tmp_path):
    viewer = acme["viewer"]
    failing = failing_requirement(client, viewer, "soc2")

    response = client.get("/api/v1/frameworks/soc2/report.pdf", headers=viewer.headers)

    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    disposition = response.headers["Content-Disposition"]
    assert re.fullmatch(
        r'attachment; filename="acme-soc2-2017-report-\d{4}-\d\d-\d\d\.pdf"', disposition
    )
    reader, text = pdf_text(response.data)
    assert len(reader.pages) > 1
    text = flat(text)
    assert "SOC 2 compliance report" in text and "Acme" in text
    assert failing["id"] in text and PLAINTEXT_TITLE in text
    assert HOSTILE in text  # printed as the text it is
    assert "Page 2 of" in text  # the page numbers of the @page rules
    assert "Initech private" not in text
    assert reader.metadata.title.startswith("SOC 2 compliance report")
    render_first_page(response.data, tmp_path)


def render_first_page(body: bytes, folder: Path) -> None:
    """Page 1 as PNG with poppler's pdftoppm, when installed: it must draw a real page."""
    if shutil.which("pdftoppm") is None:
        return
    source = folder / "report.pdf"
    source.write_bytes(body)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(source), str(folder / "page")],
        check=True,
        timeout=60,
    )
    (png,) = folder.glob("page*.png")
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert abs(height / width - 297 / 210) < 0.02  # A4 portrait


def test_a_requirement_out_of_scope_is_listed_with_its_justification(client, acme):
    response = client.get("/api/v1/frameworks/iso27001/report.html", headers=acme["viewer"].headers)

    html = response.get_data(as_text=True)
    section = html.split('id="not-applicable"', 1)[1].split("</section>", 1)[0]
    assert "A.7.4" in section and REMOTE in section and acme["auditor"].email in section


def test_unknown_framework_and_credentials(client, acme, make_account):
    viewer = acme["viewer"]

    missing = client.get("/api/v1/frameworks/sox/report.pdf", headers=viewer.headers)
    anonymous = client.get("/api/v1/frameworks/soc2/report.html")

    assert missing.status_code == 404 and missing.get_json()["error_code"] == "NOT_FOUND"
    assert anonymous.status_code == 401
    assert anonymous.get_json()["error_code"] == "NOT_AUTHENTICATED"


def test_each_organization_sees_only_its_own(client, acme):
    other = acme["other"]

    page = client.get("/api/v1/frameworks/soc2/report.html", headers=other.headers)
    summary = client.get("/api/v1/reports/executive.html", headers=other.headers)

    for response in (page, summary):
        html = response.get_data(as_text=True)
        assert response.status_code == 200
        assert "Initech private" in html
        assert PLAINTEXT_TITLE not in html and ESCAPED not in html and "Acme" not in html
    assert page.headers["Content-Disposition"].startswith('inline; filename="initech-soc2-2017-')


# --- the executive summary ---------------------------------------------------------------------


def test_the_executive_summary_covers_the_frameworks_asked_for(client, acme):
    viewer = acme["viewer"]

    page = client.get(
        "/api/v1/reports/executive.html?frameworks=soc2,pci-dss", headers=viewer.headers
    )
    document = client.get(
        "/api/v1/reports/executive.pdf?frameworks=soc2,pci-dss", headers=viewer.headers
    )

    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert ">SOC 2</h2>" in html and ">PCI DSS</h2>" in html and ">HIPAA</h2>" not in html
    assert ">Top risks</h2>" in html and PLAINTEXT_TITLE in html and ESCAPED in html
    assert HOSTILE not in html
    risks = html.split('id="risks"', 1)[1].split("</section>", 1)[0]
    assert (
        risks.index(PLAINTEXT_TITLE) < risks.index(ESCAPED) < risks.index("No HSTS")
    )  # worst first
    assert document.status_code == 200 and document.mimetype == "application/pdf"
    assert re.fullmatch(
        r'attachment; filename="acme-executive-summary-\d{4}-\d\d-\d\d\.pdf"',
        document.headers["Content-Disposition"],
    )
    reader, text = pdf_text(document.data)
    assert len(reader.pages) >= 3  # the overview, then a page per framework
    text = flat(text)
    assert "Executive security and compliance summary" in text
    assert "Top risks" in text and "PCI DSS" in text and PLAINTEXT_TITLE in text


def test_the_executive_summary_defaults_to_every_framework_and_refuses_unknown_ones(client, acme):
    viewer = acme["viewer"]

    everything = client.get("/api/v1/reports/executive.html", headers=viewer.headers)
    unknown = client.get(
        "/api/v1/reports/executive.pdf?frameworks=soc2,sox", headers=viewer.headers
    )

    html = everything.get_data(as_text=True)
    for name in ("SOC 2", "PCI DSS", "ISO 27001", "NIST CSF", "HIPAA"):
        assert f">{name}</h2>" in html
    assert unknown.status_code == 422
    body = unknown.get_json()
    assert body["field"] == "frameworks" and "'sox'" in body["detail"]


# --- the Statement of Applicability ------------------------------------------------------------


def test_the_soa_workbook_has_a_row_per_annex_a_control(app, client, acme):
    viewer, auditor = acme["viewer"], acme["auditor"]
    catalogue = appliance_of(app).catalogue
    annex = [
        item.id
        for item in catalogue.frameworks["iso27001-2022"].requirements()
        if item.level == "control"
    ]
    policy_requirements = {
        link.requirement.id
        for link in catalogue.links_by_control[POLICY]
        if link.framework.id == "iso27001-2022"
    }

    response = client.get(
        "/api/v1/frameworks/iso27001/statement-of-applicability.xlsx", headers=viewer.headers
    )

    assert response.status_code == 200
    assert response.mimetype == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert re.fullmatch(
        r'attachment; filename="acme-iso27001-2022-statement-of-applicability-'
        r'\d{4}-\d\d-\d\d\.xlsx"',
        response.headers["Content-Disposition"],
    )
    workbook = openpyxl.load_workbook(io.BytesIO(response.data))
    sheet = workbook["Statement of Applicability"]
    header = [cell.value for cell in sheet[1]]
    assert header[:8] == [
        "Control",
        "Title",
        "Theme",
        "Applicable",
        "Justification",
        "Decided by",
        "Decided at (UTC)",
        "Implementation status",
    ]
    assert "Evidence titles" in header
    rows = [
        dict(zip(header, (cell.value for cell in row), strict=True))
        for row in sheet.iter_rows(min_row=2)
    ]
    assert len(rows) == len(annex) == ANNEX_A_2022
    assert [row["Control"] for row in rows] == annex
    assert sheet.freeze_panes == "B2"
    assert sheet.column_dimensions["E"].width > 30
    by_id = {row["Control"]: row for row in rows}
    remote = by_id["A.7.4"]
    assert (remote["Applicable"], remote["Justification"]) == ("No", REMOTE)
    assert (
        remote["Decided by"] == auditor.email
        and remote["Implementation status"] == "Not applicable"
    )
    applicable = by_id["A.5.1"]
    assert applicable["Applicable"] == "Yes" and applicable["Justification"] is None
    # a justification a user typed stays text: no formula in the workbook
    formula_cell = sheet.cell(
        row=annex.index("A.7.1") + 2, column=header.index("Justification") + 1
    )
    assert formula_cell.value == FORMULA and formula_cell.data_type == "s"
    # accepted evidence counts; evidence awaiting review does not
    with_policy = [by_id[item] for item in sorted(policy_requirements)]
    assert with_policy and all(
        "Access policy v3" in (row["Evidence titles"] or "") for row in with_policy
    )
    assert not any("Unreviewed draft" in (row["Evidence titles"] or "") for row in rows)
    assert workbook["About"]["B1"].value == "Acme"


def test_the_soa_pdf_has_the_same_table(client, acme):
    response = client.get(
        "/api/v1/frameworks/iso27001-2022/statement-of-applicability.pdf",
        headers=acme["viewer"].headers,
    )

    assert response.status_code == 200 and response.mimetype == "application/pdf"
    reader, text = pdf_text(response.data)
    assert len(reader.pages) >= 2
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert width > height  # A4 landscape
    text = flat(text)
    assert "Statement of Applicability" in text and "A.8.34" in text
    assert "A.7.4" in text and REMOTE in text and "Access policy v3" in text


def test_the_soa_is_for_iso_27001_only(client, acme):
    viewer = acme["viewer"]

    soc2 = client.get(
        "/api/v1/frameworks/soc2/statement-of-applicability.xlsx", headers=viewer.headers
    )
    unknown = client.get(
        "/api/v1/frameworks/sox/statement-of-applicability.pdf", headers=viewer.headers
    )

    assert soc2.status_code == 404
    body = soc2.get_json()
    assert body["error_code"] == "NOT_FOUND" and body["field"] is None
    assert "only for ISO/IEC 27001" in body["detail"] and "soc2-2017" in body["detail"]
    assert unknown.status_code == 404 and unknown.get_json()["detail"] == "framework not found"


# --- without the PDF renderer ------------------------------------------------------------------


def test_without_pango_the_pdf_says_what_to_install_and_the_html_still_works(
    client, acme, monkeypatch, tmp_path
):
    """An appliance whose WeasyPrint cannot load Pango (cffi raises OSError on import)."""
    fake = tmp_path / "fake"
    fake.mkdir()
    (fake / "weasyprint.py").write_text(
        "raise OSError(\"cannot load library 'libpango-1.0-0': not found\")\n"
    )
    monkeypatch.syspath_prepend(str(fake))
    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
    viewer = acme["viewer"]

    pdf = client.get("/api/v1/frameworks/soc2/report.pdf", headers=viewer.headers)
    soa = client.get(
        "/api/v1/frameworks/iso27001/statement-of-applicability.pdf", headers=viewer.headers
    )
    html = client.get("/api/v1/frameworks/soc2/report.html", headers=viewer.headers)
    xlsx = client.get(
        "/api/v1/frameworks/iso27001/statement-of-applicability.xlsx", headers=viewer.headers
    )

    for response in (pdf, soa):
        assert response.status_code == 503
        body = response.get_json()
        assert set(body) >= {"detail", "error_code", "field"}
        assert body["error_code"] == "PDF_UNAVAILABLE"
        assert "libpango-1.0-0" in body["detail"] and "apt-get install" in body["detail"]
    assert html.status_code == 200 and xlsx.status_code == 200


# --- documented and packaged -------------------------------------------------------------------


def test_the_report_endpoints_are_in_the_openapi_document(client):
    spec = client.get("/openapi.json").get_json()

    paths = spec["paths"]
    pdf = paths["/api/v1/frameworks/{framework_id}/report.pdf"]["get"]
    assert "application/pdf" in pdf["responses"]["200"]["content"]
    assert "503" in pdf["responses"]
    assert (
        "text/html"
        in paths["/api/v1/frameworks/{framework_id}/report.html"]["get"]["responses"]["200"][
            "content"
        ]
    )
    executive = paths["/api/v1/reports/executive.pdf"]["get"]
    assert any(item["name"] == "frameworks" for item in executive["parameters"])
    xlsx = paths["/api/v1/frameworks/{framework_id}/statement-of-applicability.xlsx"]["get"]
    assert any("spreadsheetml" in kind for kind in xlsx["responses"]["200"]["content"])
    assert {"reports"} <= {tag["name"] for tag in spec["tags"]}


def test_the_templates_ship_with_the_package(tmp_path):
    """A non-editable install has the templates: build the package (setuptools' build_py, what
    a wheel holds) from a copy of the sources and look for them."""
    source = tmp_path / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in ("core", "plugins", "config"):
        shutil.copytree(REPO_ROOT / name, source / name, ignore=ignore)
    for name in ("setup.cfg", "pyproject.toml", "README.md"):
        shutil.copy(REPO_ROOT / name, source / name)
    config = configparser.ConfigParser()
    config.read(source / "setup.cfg")
    assert "cyberorigen.reports" in config["options"]["packages"].split()

    subprocess.run(
        [
            sys.executable,
            "-c",
            "from setuptools import setup; setup()",
            "-q",
            "build_py",
            "--build-lib",
            str(tmp_path / "lib"),
        ],
        cwd=source,
        check=True,
        timeout=120,
        capture_output=True,
    )

    built = tmp_path / "lib" / "cyberorigen" / "reports" / "templates"
    shipped = sorted(path.name for path in (REPO_ROOT / "core/reports/templates").iterdir())
    assert {"base.html", "report.css", "statement_of_applicability.html"} <= set(shipped)
    assert sorted(path.name for path in built.iterdir()) == shipped
