"""The catalogue of checks of the HTTP security-headers scanner.

Ids, titles and default severities follow ``reference/checks_mappings.csv`` (its ``http.*``
rows), which also maps each check to controls and framework requirements. The exposed-file
checks (``http.git_exposed``, ``http.env_exposed``, ``http.backup_exposed``) and the method
checks (``http.trace_enabled``, ``http.put_delete_allowed``) are not in that catalogue.

Not implemented here: ``http.outdated_software`` (a disclosed version that is end-of-life or
has known CVEs). Deciding that needs a vulnerability database this scanner does not have; it
only reports that a version is disclosed (``http.server_banner_version``).

Fingerprints: every check uses the core's default recipe (SHA-256 of check id, target host
and location). Each check's ``fingerprint`` text says what its location is made of, so a
finding keeps its identity from one scan to the next as long as what it is about stays put.
"""

from __future__ import annotations

from cyberorigen.plugin_api import Check, Severity

#: Below this HSTS max-age (180 days, in seconds) ``http.hsts_short_max_age`` fires.
HSTS_MIN_MAX_AGE = 15_552_000
#: Directories below the root, of the pages examined, where the exposed-file checks probe.
MAX_PROBED_SUBDIRECTORIES = 4

_MDN = "https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/"
_OWASP = "https://cheatsheetseries.owasp.org/cheatsheets/"

_PAGE = "check id, target host, location (the URL of the page whose response was examined)"
_COOKIE = (
    "check id, target host, location (the origin and the cookie's path followed by "
    "'cookie' and its name, e.g. 'https://host:443/ cookie session')"
)

NO_HTTPS = Check(
    id="http.no_https",
    title="Service (or login form) reachable only over plaintext HTTP",
    severity=Severity.HIGH,
    description=(
        "Tries HTTPS and plaintext HTTP on the target. Fires when HTTP answers but no TLS "
        "connection can be made on the HTTPS port (refused, timed out, or the port does not "
        "speak TLS)."
    ),
    remediation=(
        "Serve the site over HTTPS with a certificate from a trusted CA (ACME/Let's Encrypt "
        "works for public names), then redirect every plaintext request to it. Until then "
        "anything typed into the site, passwords and session cookies included, crosses the "
        "network readable and alterable by anyone on the path."
    ),
    references=(
        f"{_OWASP}Transport_Layer_Security_Cheat_Sheet.html",
        "https://cwe.mitre.org/data/definitions/319.html",
    ),
    fingerprint="check id, target host, location (the plaintext URL that answered)",
    controls=(
        "ctrl_encryption_in_transit",
        "ctrl_authentication",
    ),
)

NO_HTTPS_REDIRECT = Check(
    id="http.no_https_redirect",
    title="HTTP does not redirect to HTTPS",
    severity=Severity.MEDIUM,
    description=(
        "Requests each path over plaintext HTTP without following redirects automatically; "
        "same-origin hops are followed by hand. Fires when the chain does not end in a "
        "3xx redirect whose Location is an https:// URL. Silent when nothing listens on the "
        "HTTP port, and when the target has no HTTPS at all (http.no_https covers that)."
    ),
    remediation=(
        "Answer every plaintext request with a permanent redirect (301 or 308) to the same "
        "path on https://, and send no content over HTTP. Pair it with HSTS so browsers stop "
        "making the plaintext request in the first place."
    ),
    references=(
        f"{_OWASP}HTTP_Strict_Transport_Security_Cheat_Sheet.html",
        f"{_OWASP}Transport_Layer_Security_Cheat_Sheet.html",
    ),
    fingerprint="check id, target host, location (the plaintext URL requested)",
    controls=(
        "ctrl_encryption_in_transit",
        "ctrl_secure_web_configuration",
    ),
)

HSTS_MISSING = Check(
    id="http.hsts_missing",
    title="Strict-Transport-Security header missing",
    severity=Severity.LOW,
    description=(
        "Looks for Strict-Transport-Security on HTTPS responses. Fires when it is absent or "
        "has no valid max-age directive (browsers ignore such a header). Not checked over "
        "plaintext HTTP, where browsers ignore the header anyway."
    ),
    remediation=(
        "Send 'Strict-Transport-Security: max-age=31536000; includeSubDomains' on every HTTPS "
        "response once the whole site (and, with includeSubDomains, every subdomain) works "
        "over HTTPS. Browsers then refuse to reach the site over plaintext, which defeats "
        "SSL-stripping attacks on the first request of each visit."
    ),
    references=(
        f"{_MDN}Strict-Transport-Security",
        "https://www.rfc-editor.org/rfc/rfc6797",
        f"{_OWASP}HTTP_Strict_Transport_Security_Cheat_Sheet.html",
    ),
    fingerprint=_PAGE,
    controls=(
        "ctrl_encryption_in_transit",
        "ctrl_secure_web_configuration",
    ),
)

HSTS_SHORT_MAX_AGE = Check(
    id="http.hsts_short_max_age",
    title="HSTS max-age < 6 months",
    severity=Severity.LOW,
    description=(
        f"Reads the max-age of Strict-Transport-Security on HTTPS responses. Fires when it "
        f"is below {HSTS_MIN_MAX_AGE} seconds (180 days), including max-age=0, which "
        f"switches HSTS off."
    ),
    remediation=(
        "Raise max-age to at least 15552000 (180 days); a year (31536000) is the usual "
        "value and the minimum for the browsers' HSTS preload lists. A short max-age lets "
        "the protection lapse between visits of an infrequent user."
    ),
    references=(
        f"{_MDN}Strict-Transport-Security",
        "https://www.rfc-editor.org/rfc/rfc6797#section-6.1.1",
        "https://hstspreload.org/",
    ),
    fingerprint=_PAGE,
    controls=("ctrl_secure_web_configuration",),
)

CSP_MISSING = Check(
    id="http.csp_missing",
    title="Content-Security-Policy missing",
    severity=Severity.MEDIUM,
    description=(
        "Looks for a Content-Security-Policy response header, or a <meta http-equiv> "
        "equivalent in the page, on HTML responses that are not redirects. A "
        "Content-Security-Policy-Report-Only header does not count: it enforces nothing."
    ),
    remediation=(
        "Send an enforcing Content-Security-Policy that lists where scripts, styles, frames "
        "and other resources may come from, starting from \"default-src 'self'\" and adding "
        "only what the page needs. Trial it with the Report-Only header first, then enforce "
        "it. A policy limits the damage of an injection flaw to what the policy allows."
    ),
    references=(
        f"{_MDN}Content-Security-Policy",
        f"{_OWASP}Content_Security_Policy_Cheat_Sheet.html",
        "https://www.w3.org/TR/CSP3/",
    ),
    fingerprint=_PAGE,
    controls=("ctrl_secure_web_configuration",),
)

CSP_UNSAFE = Check(
    id="http.csp_unsafe",
    title="CSP allows unsafe-inline/unsafe-eval/wildcards in script-src",
    severity=Severity.MEDIUM,
    description=(
        "Reads the directive that governs scripts in each enforced policy (script-src, else "
        "default-src). Fires when every policy allows one of: 'unsafe-inline' (not "
        "neutralised by a nonce or hash), 'unsafe-eval', a wildcard source (*), a bare "
        "scheme (http:, https:, data:, blob:), or no script restriction at all."
    ),
    remediation=(
        "Restrict scripts to the sources the page really uses. Replace inline scripts and "
        "event-handler attributes with external files, or allow them one by one with a nonce "
        "or hash (optionally with 'strict-dynamic'); remove 'unsafe-eval' by removing "
        "eval()-style code; list hosts instead of '*' or a bare scheme."
    ),
    references=(
        f"{_MDN}Content-Security-Policy/script-src",
        f"{_OWASP}Content_Security_Policy_Cheat_Sheet.html",
        "https://csp-evaluator.withgoogle.com/",
    ),
    fingerprint=_PAGE,
    controls=("ctrl_secure_web_configuration",),
)

CLICKJACKING_UNPROTECTED = Check(
    id="http.clickjacking_unprotected",
    title="No X-Frame-Options nor CSP frame-ancestors",
    severity=Severity.MEDIUM,
    description=(
        "On HTML responses that are not redirects, looks for X-Frame-Options DENY or "
        "SAMEORIGIN, or a frame-ancestors directive (not '*') in a Content-Security-Policy "
        "header (browsers ignore frame-ancestors in <meta>). Fires when neither is there."
    ),
    remediation=(
        "Send \"Content-Security-Policy: frame-ancestors 'none'\" (or 'self', or the exact "
        "origins that may embed the page), and X-Frame-Options: DENY or SAMEORIGIN for older "
        "browsers. Without it another site can load the page in an invisible frame and "
        "trick users into clicking its buttons."
    ),
    references=(
        f"{_OWASP}Clickjacking_Defense_Cheat_Sheet.html",
        f"{_MDN}Content-Security-Policy/frame-ancestors",
        f"{_MDN}X-Frame-Options",
    ),
    fingerprint=_PAGE,
    controls=("ctrl_secure_web_configuration",),
)

XCTO_MISSING = Check(
    id="http.xcto_missing",
    title="X-Content-Type-Options: nosniff missing",
    severity=Severity.LOW,
    description=(
        "Looks for 'X-Content-Type-Options: nosniff' on each final response (after "
        "same-origin redirects). Fires when it is absent or has another value."
    ),
    remediation=(
        "Send 'X-Content-Type-Options: nosniff' on every response and give every response a "
        "correct Content-Type. Browsers then stop guessing types, so an uploaded file or a "
        "JSON answer cannot be run as a script or rendered as HTML."
    ),
    references=(
        f"{_MDN}X-Content-Type-Options",
        "https://fetch.spec.whatwg.org/#x-content-type-options-header",
    ),
    fingerprint=_PAGE,
    controls=("ctrl_secure_web_configuration",),
)

REFERRER_POLICY_UNSAFE = Check(
    id="http.referrer_policy_unsafe",
    title="Referrer-Policy missing or unsafe (unsafe-url/origin)",
    severity=Severity.INFO,
    description=(
        "Works out the page's referrer policy from the Referrer-Policy header and any "
        "<meta name=referrer> on HTML responses that are not redirects. Fires when none is "
        "set, or when it is unsafe-url, origin, origin-when-cross-origin or "
        "no-referrer-when-downgrade (they send the full URL to other sites, or the origin "
        "over plaintext)."
    ),
    remediation=(
        "Send 'Referrer-Policy: strict-origin-when-cross-origin' (or no-referrer, same-origin, "
        "strict-origin). Links and resource loads then stop leaking paths and query "
        "strings, which often hold tokens or personal data, to other sites."
    ),
    references=(
        f"{_MDN}Referrer-Policy",
        "https://www.w3.org/TR/referrer-policy/",
    ),
    fingerprint=_PAGE,
    controls=("ctrl_secure_web_configuration",),
)

COOKIE_MISSING_SECURE = Check(
    id="http.cookie_missing_secure",
    title="Cookie set without Secure flag",
    severity=Severity.MEDIUM,
    description=(
        "Reads every Set-Cookie line of the HTTPS responses (cookies being deleted are "
        "skipped). Fires for each cookie without the Secure attribute. Cookies set over "
        "plaintext HTTP are not judged by this check."
    ),
    remediation=(
        "Add the Secure attribute to every cookie set by an HTTPS site (and prefer the "
        "__Host- name prefix for session cookies). Without it the browser also sends the "
        "cookie over any plaintext request to the host, where it can be read off the network."
    ),
    references=(
        f"{_MDN}Set-Cookie",
        "https://www.rfc-editor.org/rfc/rfc6265#section-4.1.2.5",
        "https://cwe.mitre.org/data/definitions/614.html",
    ),
    fingerprint=_COOKIE,
    controls=(
        "ctrl_secure_web_configuration",
        "ctrl_encryption_in_transit",
    ),
)

COOKIE_MISSING_HTTPONLY = Check(
    id="http.cookie_missing_httponly",
    title="Session cookie without HttpOnly",
    severity=Severity.LOW,
    description=(
        "Reads every Set-Cookie line. Fires for cookies whose name looks like a session or "
        "authentication cookie (sess, sid, auth, token, jwt, login, remember, sso...; "
        "anti-CSRF cookies excepted, scripts must read those) when HttpOnly is missing."
    ),
    remediation=(
        "Add the HttpOnly attribute to session and authentication cookies so that page "
        "scripts cannot read them. A cross-site-scripting flaw then cannot simply copy the "
        "session token to an attacker."
    ),
    references=(
        f"{_MDN}Set-Cookie",
        f"{_OWASP}Session_Management_Cheat_Sheet.html",
        "https://cwe.mitre.org/data/definitions/1004.html",
    ),
    fingerprint=_COOKIE,
    controls=(
        "ctrl_secure_web_configuration",
        "ctrl_authentication",
    ),
)

COOKIE_MISSING_SAMESITE = Check(
    id="http.cookie_missing_samesite",
    title="Cookie without SameSite",
    severity=Severity.LOW,
    description=(
        "Reads every Set-Cookie line. Fires for each cookie without a SameSite attribute "
        "(or with a value other than Strict, Lax or None)."
    ),
    remediation=(
        "Set SameSite=Lax (or Strict for cookies only ever needed on same-site navigation) "
        "on every cookie; use SameSite=None; Secure only for cookies that must travel in "
        "cross-site requests. Stating it explicitly protects against cross-site request "
        "forgery whatever default a browser applies."
    ),
    references=(
        f"{_MDN}Set-Cookie#samesitesamesite-value",
        "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis",
        "https://cwe.mitre.org/data/definitions/1275.html",
    ),
    fingerprint=_COOKIE,
    controls=("ctrl_secure_web_configuration",),
)

SERVER_BANNER_VERSION = Check(
    id="http.server_banner_version",
    title="Server/X-Powered-By header discloses product version",
    severity=Severity.LOW,
    description=(
        "Reads Server, X-Powered-By, X-AspNet-Version and X-AspNetMvc-Version on every "
        "response. Fires once per header value that contains a dotted version number "
        "(nginx/1.18.0, PHP/8.1.2)."
    ),
    remediation=(
        "Configure the server and frameworks to announce no version: nginx "
        "'server_tokens off', Apache 'ServerTokens Prod' and 'ServerSignature Off', PHP "
        "'expose_php = Off', Express 'app.disable(\"x-powered-by\")', or strip the headers at "
        "the reverse proxy. Versions let attackers pick exploits without probing."
    ),
    references=(
        f"{_OWASP}HTTP_Headers_Cheat_Sheet.html",
        "https://owasp.org/www-project-web-security-testing-guide/latest/"
        "4-Web_Application_Security_Testing/01-Information_Gathering/02-Fingerprint_Web_Server",
        "https://cwe.mitre.org/data/definitions/497.html",
    ),
    fingerprint=(
        "check id, target host, location (the origin followed by the header name, e.g. "
        "'https://host:443 header Server')"
    ),
    controls=("ctrl_secure_web_configuration",),
)

MIXED_CONTENT = Check(
    id="http.mixed_content",
    title="HTTPS page loads active content over HTTP",
    severity=Severity.MEDIUM,
    description=(
        "Parses HTML pages served over HTTPS for scripts, stylesheets, frames, objects and "
        "embeds whose URL (after <base>) is http://. Silent when the page's CSP has "
        "upgrade-insecure-requests. Plain links and images are not counted."
    ),
    remediation=(
        "Load every script, stylesheet and frame over https:// (or with a relative URL), "
        "moving or proxying resources that are not available over HTTPS; "
        '"Content-Security-Policy: upgrade-insecure-requests" is a stopgap. Browsers block '
        "such loads, breaking the page, or run code an attacker on the network can replace."
    ),
    references=(
        "https://developer.mozilla.org/en-US/docs/Web/Security/Mixed_content",
        "https://www.w3.org/TR/mixed-content/",
    ),
    fingerprint=_PAGE,
    controls=(
        "ctrl_encryption_in_transit",
        "ctrl_secure_web_configuration",
    ),
)

CORS_PERMISSIVE = Check(
    id="http.cors_permissive",
    title="CORS allows any origin (esp. with credentials)",
    severity=Severity.HIGH,
    description=(
        "Sends every request with 'Origin: https://evil.example'. Fires when the response's "
        "Access-Control-Allow-Origin echoes that origin, or is '*' together with "
        "Access-Control-Allow-Credentials: true."
    ),
    remediation=(
        "Allow cross-origin reads only for an explicit list of trusted origins, compared "
        "exactly, and never echo the request's Origin back unchecked. Send "
        "Access-Control-Allow-Credentials only to those origins. Otherwise any web site a "
        "logged-in user visits can read the user's data from this one."
    ),
    references=(
        "https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS",
        "https://owasp.org/www-project-web-security-testing-guide/latest/"
        "4-Web_Application_Security_Testing/11-Client-side_Testing/"
        "07-Testing_Cross_Origin_Resource_Sharing",
        "https://cwe.mitre.org/data/definitions/942.html",
    ),
    fingerprint=_PAGE,
    controls=(
        "ctrl_authentication",
        "ctrl_secure_web_configuration",
    ),
)

SRI_MISSING_EXTERNAL_SCRIPTS = Check(
    id="http.sri_missing_external_scripts",
    title="External scripts without Subresource Integrity",
    severity=Severity.LOW,
    description=(
        "Parses HTML pages for <script src> whose URL is on another origin than the page. "
        "Fires when one of them has no integrity attribute; the evidence lists them."
    ),
    remediation=(
        'Add integrity="sha384-..." and crossorigin="anonymous" to scripts loaded from '
        "CDNs and other third parties, pinning the exact file reviewed, or host the files "
        "yourself. A compromised CDN then cannot run its code in your pages."
    ),
    references=(
        "https://developer.mozilla.org/en-US/docs/Web/Security/Subresource_Integrity",
        "https://www.w3.org/TR/SRI/",
    ),
    fingerprint=_PAGE,
    controls=("ctrl_secure_web_configuration",),
)

DIRECTORY_LISTING = Check(
    id="http.directory_listing",
    title="Directory listing enabled",
    severity=Severity.MEDIUM,
    description=(
        "Reads the body of each HTML page scanned, the pages the crawl reaches included "
        "(crawl_depth). Fires when it is a server-generated index of files: a title or "
        "heading 'Index of /...' (Apache, nginx, lighttpd), 'Directory listing for /...' "
        "(Python http.server) or IIS's '[To Parent Directory]'."
    ),
    remediation=(
        "Turn automatic indexes off (Apache 'Options -Indexes', nginx 'autoindex off', IIS "
        "directory browsing disabled) and serve an index page or a 403/404 for directories. "
        "Listings reveal backups, configuration files and other content never meant to be "
        "linked."
    ),
    references=(
        "https://cwe.mitre.org/data/definitions/548.html",
        "https://httpd.apache.org/docs/2.4/mod/mod_autoindex.html",
        "https://nginx.org/en/docs/http/ngx_http_autoindex_module.html",
    ),
    fingerprint=_PAGE,
    controls=(
        "ctrl_authentication",
        "ctrl_secure_web_configuration",
    ),
)

SECURITY_TXT_MISSING = Check(
    id="http.security_txt_missing",
    title="No /.well-known/security.txt (RFC 9116)",
    severity=Severity.INFO,
    description=(
        "Requests /.well-known/security.txt over HTTPS (over HTTP when the target has no "
        "HTTPS), following same-origin redirects. Fires unless the answer is 200 with at "
        "least one Contact: field."
    ),
    remediation=(
        "Publish /.well-known/security.txt over HTTPS with at least a Contact: line (an "
        "e-mail or URL for reporting vulnerabilities) and an Expires: line, as RFC 9116 "
        "describes, so that people who find a flaw know where to report it."
    ),
    references=(
        "https://www.rfc-editor.org/rfc/rfc9116",
        "https://securitytxt.org/",
    ),
    fingerprint="check id, target host, location (the security.txt URL requested)",
    controls=("ctrl_vulnerability_management",),
)

_WSTG_CONFIG = (
    "https://owasp.org/www-project-web-security-testing-guide/latest/"
    "4-Web_Application_Security_Testing/02-Configuration_and_Deployment_Management_Testing/"
)
_PROBED = (
    "Only with the probe_exposed_files option (off by default). Requested at the site's root "
    f"and in up to {MAX_PROBED_SUBDIRECTORIES} more directories of the pages examined (crawled "
    "pages included), without following redirects. Never fires when the server's answer "
    "for a random missing file matches too (a catch-all server); a catch-all HTML page "
    "matches none of the signatures."
)

GIT_EXPOSED = Check(
    id="http.git_exposed",
    title="Git repository (.git/) downloadable from the site",
    severity=Severity.HIGH,
    description=(
        "Requests .git/HEAD, and .git/config when HEAD proves nothing. Fires when HEAD answers "
        "200 with a Git HEAD file ('ref: refs/...' or a commit id) or the config answers 200 "
        "with a [core] section. " + _PROBED
    ),
    remediation=(
        "Remove the .git directory from the document root (deploy a build or a 'git archive' "
        "export, not a checkout), and deny every path under /.git at the server (nginx "
        "'location ~ /\\.git { deny all; }', Apache 'RedirectMatch 404 /\\.git'). Otherwise "
        "anyone can download the source and its whole history, with every secret ever committed."
    ),
    references=(
        "https://cwe.mitre.org/data/definitions/527.html",
        f"{_WSTG_CONFIG}04-Review_Old_Backup_and_Unreferenced_Files_for_Sensitive_Information",
    ),
    fingerprint=(
        "check id, target host, location (the URL of the .git/ directory, e.g. "
        "'https://host/.git/')"
    ),
    controls=(
        "ctrl_secure_web_configuration",
        "ctrl_authentication",
    ),
)

ENV_EXPOSED = Check(
    id="http.env_exposed",
    title="Environment file (.env) downloadable from the site",
    severity=Severity.HIGH,
    description=(
        "Requests .env. Fires when it answers 200 with KEY=VALUE lines (at least half of its "
        "lines that are not blank or comments); critical when a variable whose name holds "
        "PASS, SECRET, KEY, TOKEN, CREDENTIAL, PRIVATE or AUTH has a value. The evidence names "
        "the variables with their values masked. " + _PROBED
    ),
    remediation=(
        "Keep .env files outside the document root and deny dot-files at the server (nginx "
        "'location ~ /\\. { deny all; }'). Then rotate every password, key and token the file "
        "held: assume it has already been copied."
    ),
    references=(
        "https://cwe.mitre.org/data/definitions/538.html",
        f"{_WSTG_CONFIG}04-Review_Old_Backup_and_Unreferenced_Files_for_Sensitive_Information",
    ),
    fingerprint="check id, target host, location (the URL of the .env file)",
    controls=(
        "ctrl_secure_web_configuration",
        "ctrl_authentication",
    ),
)

BACKUP_EXPOSED = Check(
    id="http.backup_exposed",
    title="Backup, archive or dump of the site downloadable",
    severity=Severity.HIGH,
    description=(
        "Requests backup.zip, backup.tar.gz, site.zip, db.sql, index.php.bak and .DS_Store. "
        "Fires for each that answers 200 with the content its name promises: ZIP or gzip "
        "magic bytes, SQL dump text (a mysqldump or pg_dump header, CREATE TABLE, INSERT "
        "INTO...), PHP source starting with <?php, or the .DS_Store magic. " + _PROBED
    ),
    remediation=(
        "Delete backups, dumps and editor copies from the document root and keep them where "
        "the web server cannot reach them; deny archives, *.sql, *.bak and .DS_Store at the "
        "server. A dump gives away the data, a copy of the code its logic and secrets."
    ),
    references=(
        "https://cwe.mitre.org/data/definitions/530.html",
        f"{_WSTG_CONFIG}04-Review_Old_Backup_and_Unreferenced_Files_for_Sensitive_Information",
    ),
    fingerprint="check id, target host, location (the URL of the file)",
    controls=(
        "ctrl_secure_web_configuration",
        "ctrl_authentication",
    ),
)

TRACE_ENABLED = Check(
    id="http.trace_enabled",
    title="TRACE method enabled (requests echoed back)",
    severity=Severity.MEDIUM,
    description=(
        "Sends TRACE / over HTTPS (over HTTP when the target has no HTTPS) with a header "
        "carrying a random value. Fires when the answer is 200 and its body holds that value: "
        "the request, headers included, is echoed back. Silent on 405, 501 or any answer "
        "without the echo."
    ),
    remediation=(
        "Turn TRACE off at the server and at every proxy in front of it (Apache 'TraceEnable "
        "off'; IIS request filtering; nginx and most application servers refuse it already). "
        "An echo of the request lets a script read headers it could not see otherwise, such "
        "as cookies and Authorization (cross-site tracing)."
    ),
    references=(
        f"{_WSTG_CONFIG}06-Test_HTTP_Methods",
        "https://owasp.org/www-community/attacks/Cross_Site_Tracing",
        "https://www.rfc-editor.org/rfc/rfc9110#section-9.3.8",
    ),
    fingerprint="check id, target host, location (the URL TRACE was sent to)",
    controls=("ctrl_secure_web_configuration",),
)

PUT_DELETE_ALLOWED = Check(
    id="http.put_delete_allowed",
    title="OPTIONS offers PUT or DELETE",
    severity=Severity.LOW,
    description=(
        "Sends OPTIONS / over HTTPS (over HTTP when the target has no HTTPS) and reads the "
        "Allow header of the answer. Fires when it lists PUT or DELETE. Nothing is written or "
        "deleted: whether the methods really work is not tried."
    ),
    remediation=(
        "Allow only the methods the site uses (usually GET, HEAD, POST and OPTIONS) at the "
        "server (Apache '<LimitExcept>', nginx 'limit_except', IIS request filtering) and "
        "turn WebDAV off unless it is needed. Where an API needs PUT or DELETE, make sure "
        "every such request is authenticated and authorized."
    ),
    references=(
        f"{_WSTG_CONFIG}06-Test_HTTP_Methods",
        "https://www.rfc-editor.org/rfc/rfc9110#field.allow",
    ),
    fingerprint="check id, target host, location (the URL OPTIONS was sent to)",
    controls=("ctrl_secure_web_configuration",),
)

CHECKS: tuple[Check, ...] = (
    NO_HTTPS,
    NO_HTTPS_REDIRECT,
    HSTS_MISSING,
    HSTS_SHORT_MAX_AGE,
    CSP_MISSING,
    CSP_UNSAFE,
    CLICKJACKING_UNPROTECTED,
    XCTO_MISSING,
    REFERRER_POLICY_UNSAFE,
    COOKIE_MISSING_SECURE,
    COOKIE_MISSING_HTTPONLY,
    COOKIE_MISSING_SAMESITE,
    SERVER_BANNER_VERSION,
    MIXED_CONTENT,
    CORS_PERMISSIVE,
    SRI_MISSING_EXTERNAL_SCRIPTS,
    DIRECTORY_LISTING,
    SECURITY_TXT_MISSING,
    GIT_EXPOSED,
    ENV_EXPOSED,
    BACKUP_EXPOSED,
    TRACE_ENABLED,
    PUT_DELETE_ALLOWED,
)
