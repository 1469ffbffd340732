"""The catalogue of checks of the network-services scanner, and what it knows about services.

Ids, titles and default severities follow ``reference/checks_mappings.csv`` (its ``ports.*``
rows), which also maps each check to controls and framework requirements.

A service is named by what was *observed* first (nmap's probed service, the banner or the
answer to a probe) and by the port number only when nothing better is known: a Redis answering
on 16379 is still a database, and an SSH server on port 23 is not Telnet.

Fingerprints: every check uses the core's default recipe (SHA-256 of check id, target host and
location). The location is ``host:port/tcp`` (``host:port/udp`` for SNMP), so a finding keeps
its identity as long as the same service stays on the same port, whatever its banner says.
"""

from __future__ import annotations

from cyberorigen.plugin_api import Check, Severity

_CIS = "https://www.cisecurity.org/controls/v8"
_NIST_SC7 = "https://csrc.nist.gov/projects/cprt/catalog#/cprt/framework/version/SP_800_53_5_1_1/home?element=SC-7"  # noqa: E501
_PORT_LOCATION = "check id, target host, location ('host:port/tcp' of the service)"

TELNET_OPEN = Check(
    id="ports.telnet_open",
    title="Telnet (23/tcp) reachable",
    severity=Severity.HIGH,
    description=(
        "Fires for every open TCP port that speaks Telnet: the banner opens with Telnet "
        "option negotiation (IAC bytes), nmap names the service telnet, or, with nothing "
        "better known, the port is 23."
    ),
    remediation=(
        "Turn the Telnet service off and administer the device over SSH instead. Telnet "
        "sends user names, passwords and the whole session in clear text, so anyone on the "
        "path can read or hijack it. If an old device can only do Telnet, reach it through "
        "a VPN or a jump host and never expose the port directly."
    ),
    references=(
        "https://www.rfc-editor.org/rfc/rfc854",
        "https://cwe.mitre.org/data/definitions/319.html",
        _CIS,
    ),
    fingerprint=_PORT_LOCATION,
    controls=(
        "ctrl_network_boundary_protection",
        "ctrl_encryption_in_transit",
    ),
)

FTP_CLEARTEXT_OPEN = Check(
    id="ports.ftp_cleartext_open",
    title="FTP without TLS (21/tcp) reachable",
    severity=Severity.MEDIUM,
    description=(
        "For every open port that greets with an FTP '220' banner, sends 'AUTH TLS' (before "
        "any login) and reads the reply. Fires when the server does not accept it with 234, "
        "i.e. logins there can only travel in clear text. Silent when TLS is offered, even "
        "though clients may still choose not to use it."
    ),
    remediation=(
        "Replace FTP with SFTP (over SSH) or HTTPS-based transfer. If FTP must stay, enable "
        "explicit TLS (AUTH TLS, 'FTPS') and require it for the control and data channels, "
        "so that passwords and files are never sent in clear text."
    ),
    references=(
        "https://www.rfc-editor.org/rfc/rfc4217",
        "https://cwe.mitre.org/data/definitions/319.html",
    ),
    fingerprint=_PORT_LOCATION,
    controls=(
        "ctrl_network_boundary_protection",
        "ctrl_encryption_in_transit",
    ),
)

RDP_EXPOSED = Check(
    id="ports.rdp_exposed",
    title="RDP (3389) exposed to internet",
    severity=Severity.HIGH,
    description=(
        "Fires for every open port where nmap identifies Remote Desktop (ms-wbt-server), or "
        "port 3389 is open and nothing else was identified there."
    ),
    remediation=(
        "Do not publish Remote Desktop directly. Put it behind a VPN or a Remote Desktop "
        "Gateway with multi-factor authentication, restrict the source addresses in the "
        "firewall, require Network Level Authentication and keep the hosts patched: "
        "exposed RDP is a favourite target of password guessing and wormable exploits."
    ),
    references=(
        "https://www.cisa.gov/news-events/news/understanding-remote-desktop-protocol-risks",
        _CIS,
    ),
    fingerprint=_PORT_LOCATION,
    controls=(
        "ctrl_network_boundary_protection",
        "ctrl_authentication",
    ),
)

SMB_EXPOSED = Check(
    id="ports.smb_exposed",
    title="SMB/NetBIOS (445/139) exposed to internet",
    severity=Severity.HIGH,
    description=(
        "Fires for every open port where nmap identifies SMB or NetBIOS session service "
        "(microsoft-ds, netbios-ssn), or port 445 or 139 is open and nothing else was "
        "identified there."
    ),
    remediation=(
        "Block TCP 445 and 139 (and UDP 137-138) at the network edge; file sharing belongs "
        "on internal networks or behind a VPN. Disable SMBv1 everywhere, and require SMB "
        "signing. Exposed SMB has been the entry point of several self-spreading worms."
    ),
    references=(
        "https://learn.microsoft.com/en-us/windows-server/storage/file-server/"
        "troubleshoot/detect-enable-and-disable-smbv1-v2-v3",
        _CIS,
    ),
    fingerprint=_PORT_LOCATION,
    controls=("ctrl_network_boundary_protection",),
)

DATABASE_EXPOSED = Check(
    id="ports.database_exposed",
    title="Database port exposed (3306,5432,1433,1521,27017,6379,9200,5984,11211...)",
    severity=Severity.HIGH,
    description=(
        "Fires for every open port where a database or data store answers: identified by "
        "nmap, by its banner or by a probe (a MySQL handshake, a Redis reply to PING, an "
        "Elasticsearch or CouchDB welcome document, MongoDB's answer to HTTP), or, with "
        "nothing better known, by its well-known port (MySQL 3306, PostgreSQL 5432, "
        "MSSQL 1433, Oracle 1521, MongoDB 27017, Redis 6379, Elasticsearch 9200, "
        "CouchDB 5984, Memcached 11211, Cassandra 9042...). Reported as critical when the "
        "probe shows that it answers without any authentication."
    ),
    remediation=(
        "Bind the database to a private interface or localhost, and allow only the "
        "application servers that need it through the firewall. Require authentication "
        "(and TLS) on every database, including caches and search engines that ship "
        "without it, and reach administration interfaces through a VPN or SSH tunnel."
    ),
    references=(
        "https://cheatsheetseries.owasp.org/cheatsheets/Database_Security_Cheat_Sheet.html",
        "https://redis.io/docs/latest/operate/oss_and_stack/management/security/",
        _CIS,
    ),
    fingerprint=_PORT_LOCATION,
    controls=("ctrl_network_boundary_protection",),
)

UNAUTHENTICATED_MGMT_API = Check(
    id="ports.unauthenticated_mgmt_api",
    title="Unauthenticated management API (Docker 2375, kubelet 10250, etcd 2379...)",
    severity=Severity.CRITICAL,
    description=(
        "On every open port that speaks HTTP or TLS (and always on 2375, 2379, 6443, 10250 "
        "and 10255, trying TLS and plain HTTP), asks 'GET /version' as the Docker Engine API, "
        "etcd and the Kubernetes API server answer it, and 'GET /pods' as a kubelet would, "
        "without any credentials. Fires when Docker answers 200 with its version JSON "
        "(ApiVersion) or the kubelet answers 200 with a PodList. Where /version names etcd "
        "(etcdserver), also asks 'GET /v2/keys' and 'POST /v3/kv/range' for the single "
        'key NUL (body {"key": "AA=="}, which reads no data): fires when either '
        "answers 200. Where /version names Kubernetes (gitVersion), also asks 'GET /api' "
        "and 'GET /api/v1/namespaces': fires when either answers 200 with its document "
        "(APIVersions, NamespaceList), as critical when the namespaces are listed and as "
        "high when only discovery (/api) is open to anonymous users. A public /version "
        "alone (the Kubernetes default) is not reported. Silent when they answer 401/403 or "
        "anything else. Whoever can use these APIs can run containers on the host or read "
        "the cluster's secrets, which amounts to root on it."
    ),
    remediation=(
        "Never publish the Docker daemon on TCP without TLS client authentication (use the "
        "Unix socket, or port 2376 with --tlsverify). For kubelets, set "
        "--anonymous-auth=false and --authorization-mode=Webhook, and firewall 10250 and "
        "10255 so that only the control plane reaches them. Run etcd with "
        "--client-cert-auth and --trusted-ca-file (or at least 'etcdctl auth enable') and "
        "let only the API servers reach 2379. On the Kubernetes API server, set "
        "--anonymous-auth=false or remove every (Cluster)RoleBinding that grants "
        "system:anonymous or system:unauthenticated more than the default public-info "
        "role."
    ),
    references=(
        "https://docs.docker.com/engine/security/protect-access/",
        "https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/",
        "https://etcd.io/docs/v3.5/op-guide/security/",
        "https://kubernetes.io/docs/reference/access-authn-authz/authentication/"
        "#anonymous-requests",
    ),
    fingerprint=_PORT_LOCATION,
    controls=(
        "ctrl_network_boundary_protection",
        "ctrl_authentication",
    ),
)

FTP_ANONYMOUS_LOGIN = Check(
    id="ports.ftp_anonymous_login",
    title="FTP accepts anonymous login",
    severity=Severity.HIGH,
    description=(
        "For every open port that greets with an FTP '220' banner, logs in over the plain "
        "control channel as 'USER anonymous' and, when asked for a password (331), "
        "'PASS anonymous@', then logs out with QUIT; no other command is sent. Fires when "
        "the server accepts the login (230). Silent when it refuses it (530 and the like), "
        "including servers that allow anonymous users only after AUTH TLS."
    ),
    remediation=(
        "Disable anonymous access (vsftpd: anonymous_enable=NO; ProFTPD: remove the "
        "<Anonymous> section; pure-ftpd: -E) unless the server deliberately publishes "
        "public files. If it does, keep the anonymous area read-only, outside of any other "
        "data, without upload rights, and on a host of its own."
    ),
    references=(
        "https://www.rfc-editor.org/rfc/rfc1635",
        "https://cwe.mitre.org/data/definitions/284.html",
    ),
    fingerprint=_PORT_LOCATION,
    controls=(
        "ctrl_authentication",
        "ctrl_network_boundary_protection",
    ),
)

POP3_CLEARTEXT_AUTH = Check(
    id="ports.pop3_cleartext_auth",
    title="POP3 offers authentication without TLS",
    severity=Severity.MEDIUM,
    description=(
        "For every open port where a POP3 server greets ('+OK') in plain text, asks CAPA "
        "before any STLS or login, then says QUIT. Fires when that answer offers a login: "
        "the USER capability, or a SASL line naming at least one mechanism; STLS being "
        "offered as well does not help, since clients may log in without it. Silent when "
        "USER and SASL mechanisms appear only after STLS (the pre-TLS answer lists neither), "
        "and never reported for implicit-TLS ports (995, or any port that completed a TLS "
        "handshake)."
    ),
    remediation=(
        "Refuse logins before TLS: in Dovecot set disable_plaintext_auth=yes (2.3) or "
        "auth_allow_cleartext=no (2.4), and ssl=required; in other servers disable USER/PASS "
        "and SASL on the plain port until STLS has been done. Better still, offer POP3 only "
        "over implicit TLS on 995 and close 110."
    ),
    references=(
        "https://www.rfc-editor.org/rfc/rfc2595",
        "https://www.rfc-editor.org/rfc/rfc8314",
        "https://cwe.mitre.org/data/definitions/319.html",
    ),
    fingerprint=_PORT_LOCATION,
    controls=(
        "ctrl_network_boundary_protection",
        "ctrl_encryption_in_transit",
    ),
)

IMAP_CLEARTEXT_AUTH = Check(
    id="ports.imap_cleartext_auth",
    title="IMAP offers authentication without TLS",
    severity=Severity.MEDIUM,
    description=(
        "For every open port where an IMAP server greets ('* OK') in plain text, asks "
        "CAPABILITY before any STARTTLS or login, then says LOGOUT. Fires when the answer "
        "does not advertise LOGINDISABLED: an IMAP server then accepts the LOGIN command "
        "(RFC 3501, 9051), and the evidence lists the AUTH= mechanisms it offers too. "
        "STARTTLS being offered as well does not help, since clients may log in without "
        "it. Silent when LOGINDISABLED is advertised (logins only after STARTTLS), and "
        "never reported for implicit-TLS ports (993, or any port that completed a TLS "
        "handshake)."
    ),
    remediation=(
        "Refuse logins before TLS: in Dovecot set disable_plaintext_auth=yes (2.3) or "
        "auth_allow_cleartext=no (2.4), and ssl=required, so that the plain port "
        "advertises LOGINDISABLED until STARTTLS. Better still, offer IMAP only over "
        "implicit TLS on 993 and close 143."
    ),
    references=(
        "https://www.rfc-editor.org/rfc/rfc9051#section-6.2.3",
        "https://www.rfc-editor.org/rfc/rfc8314",
        "https://cwe.mitre.org/data/definitions/319.html",
    ),
    fingerprint=_PORT_LOCATION,
    controls=(
        "ctrl_network_boundary_protection",
        "ctrl_encryption_in_transit",
    ),
)

SMTP_OPEN_RELAY = Check(
    id="ports.smtp_open_relay",
    title="SMTP server relays mail for anyone (open relay)",
    severity=Severity.CRITICAL,
    description=(
        "For every open port where an SMTP server greets ('220') in plain text, whatever "
        "the port (25, 587, 2525...): EHLO (HELO if refused), 'MAIL FROM:<probe@"
        "example.org>', 'RCPT TO:<probe@example.net>' (two domains the target is not; "
        "example.com replaces one the target belongs to), then RSET and QUIT. DATA is "
        "never sent, so no message is ever sent. Fires when the server accepts the foreign "
        "recipient (250 or 251) without any authentication. Silent when it refuses it "
        "(550, 554, 530 'authentication required'...). The answer is the one given to the "
        "scanner's address: an MTA that trusts the scanner's network (Postfix mynetworks) "
        "relays for it too, so scan from where the untrusted senders are."
    ),
    remediation=(
        "Relay only for authenticated users (SMTP AUTH over TLS on 587) and for the "
        "domains the server is the destination of. In Postfix keep "
        "smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, "
        "reject_unauth_destination with mynetworks limited to the hosts that really send "
        "through it; in Exim and Sendmail restrict relay_from_hosts / the relay access "
        "map likewise. Open relays are abused for spam and phishing in the organisation's "
        "name and end on block lists."
    ),
    references=(
        "https://www.rfc-editor.org/rfc/rfc5321#section-3.6",
        "https://www.rfc-editor.org/rfc/rfc2505",
        "https://cwe.mitre.org/data/definitions/284.html",
    ),
    fingerprint=_PORT_LOCATION,
    controls=(
        "ctrl_authentication",
        "ctrl_email_authentication",
    ),
)

SNMP_DEFAULT_COMMUNITY = Check(
    id="ports.snmp_default_community",
    title="SNMP v1/v2c with default community reachable",
    severity=Severity.HIGH,
    description=(
        "Sends an SNMPv2c GetRequest for sysDescr (1.3.6.1.2.1.1.1.0) with each community "
        "of the snmp_communities option (default 'public') to UDP 161 (snmp_ports option). "
        "Fires when the agent answers with a GetResponse. Silent when it does not answer, "
        "which is also what an agent does for a wrong community."
    ),
    remediation=(
        "Switch to SNMPv3 with authentication and privacy (authPriv), or at least replace "
        "the default community strings with long random ones, make them read-only and "
        "restrict which addresses may query the agent. Block UDP 161 at the edge: anyone "
        "who knows the community can read the device's configuration, and with a write "
        "community change it."
    ),
    references=(
        "https://www.rfc-editor.org/rfc/rfc3416",
        "https://www.cisa.gov/news-events/alerts/2017/06/05/reducing-risk-snmp-abuse",
    ),
    fingerprint="check id, target host, location ('host:port/udp' of the SNMP agent)",
    controls=(
        "ctrl_network_boundary_protection",
        "ctrl_authentication",
    ),
)

UNEXPECTED_OPEN = Check(
    id="ports.unexpected_open",
    title="Open port not in approved service baseline",
    severity=Severity.MEDIUM,
    description=(
        "Only when the allowlist option is set: fires for every open TCP port that is not "
        "in it. With the default empty allowlist there is no baseline to compare with and "
        "nothing is reported."
    ),
    remediation=(
        "Decide whether the service should be reachable. If it should, add its port to the "
        "approved baseline (the allowlist option) with a business reason; if not, stop the "
        "service or close the port in the firewall."
    ),
    references=(_CIS, _NIST_SC7),
    fingerprint=_PORT_LOCATION,
    controls=("ctrl_network_boundary_protection",),
)

CHECKS: tuple[Check, ...] = (
    TELNET_OPEN,
    FTP_CLEARTEXT_OPEN,
    FTP_ANONYMOUS_LOGIN,
    POP3_CLEARTEXT_AUTH,
    IMAP_CLEARTEXT_AUTH,
    SMTP_OPEN_RELAY,
    RDP_EXPOSED,
    SMB_EXPOSED,
    DATABASE_EXPOSED,
    UNAUTHENTICATED_MGMT_API,
    SNMP_DEFAULT_COMMUNITY,
    UNEXPECTED_OPEN,
)

# --- services -----------------------------------------------------------------------------

#: The service usually found on a TCP port: used only when nothing was observed there.
PORT_SERVICES: dict[int, str] = {
    21: "ftp",
    22: "ssh",
    23: "telnet",
    25: "smtp",
    80: "http",
    110: "pop3",
    139: "netbios-ssn",
    143: "imap",
    443: "https",
    445: "smb",
    1433: "mssql",
    1521: "oracle",
    2375: "docker",
    2379: "etcd",
    3306: "mysql",
    3389: "rdp",
    5432: "postgresql",
    5984: "couchdb",
    6379: "redis",
    7474: "neo4j",
    8086: "influxdb",
    8529: "arangodb",
    9042: "cassandra",
    9200: "elasticsearch",
    9300: "elasticsearch",
    10250: "kubelet",
    10255: "kubelet",
    11211: "memcached",
    26257: "cockroachdb",
    27017: "mongodb",
    27018: "mongodb",
    28015: "rethinkdb",
    50000: "db2",
}

#: Databases and data stores: an exposed one fires ports.database_exposed.
DATABASE_SERVICES = frozenset(
    {
        "arangodb",
        "cassandra",
        "cockroachdb",
        "couchdb",
        "db2",
        "elasticsearch",
        "influxdb",
        "memcached",
        "mongodb",
        "mssql",
        "mysql",
        "neo4j",
        "oracle",
        "postgresql",
        "redis",
        "rethinkdb",
    }
)
SMB_SERVICES = frozenset({"smb", "netbios-ssn"})

#: nmap's service names (nmap-services) to ours, where they differ.
NMAP_SERVICE_NAMES: dict[str, str] = {
    "ms-wbt-server": "rdp",
    "microsoft-ds": "smb",
    "ms-sql-s": "mssql",
    "oracle-tns": "oracle",
    "oracle": "oracle",
    "mongod": "mongodb",
    "mongodb": "mongodb",
    "memcache": "memcached",
    "postgres": "postgresql",
    "ibm-db2": "db2",
    "wap-wsp": "",  # nmap's table name for 9200; says nothing about what answers there
    "etcd-client": "etcd",
    "submission": "smtp",
    "pop3s": "",  # implicit TLS: the tls probe tells what it is
    "imaps": "",
}

#: Words in nmap's product name that identify a service whatever nmap called it.
PRODUCT_SERVICES: tuple[tuple[str, str], ...] = (
    ("elasticsearch", "elasticsearch"),
    ("opensearch", "elasticsearch"),
    ("couchdb", "couchdb"),
    ("redis", "redis"),
    ("mongodb", "mongodb"),
    ("mysql", "mysql"),
    ("mariadb", "mysql"),
    ("postgresql", "postgresql"),
    ("memcached", "memcached"),
    ("docker", "docker"),
    ("kubelet", "kubelet"),
    ("kubernetes", "kubelet"),
    ("influxdb", "influxdb"),
    ("neo4j", "neo4j"),
)

#: Ports where the HTTP management-API probes are always tried (Docker, etcd, the Kubernetes
#: API server, kubelets), over TLS and plain HTTP.
MGMT_API_PORTS = frozenset({2375, 2379, 6443, 10250, 10255})
#: Ports of mail protocols over implicit TLS (RFC 8314): POP3S, IMAPS.
IMPLICIT_TLS_MAIL_PORTS = frozenset({993, 995})
#: Ports where the minimal HEAD request is sent straight away during banner grabbing.
HTTP_PORTS = frozenset(
    {80, 81, 591, 2375, 3000, 5000, 5601, 5984, 8000, 8008, 8080, 8081, 8086, 8088, 8888}
    | {9000, 9090, 9200, 10255}
)


def service_for_port(port: int, overrides: dict[int, str] | None = None) -> str | None:
    """The service expected on ``port`` when nothing was observed there: ``overrides`` (the
    ``service_ports`` option) first, then the well-known port table."""
    if overrides and port in overrides:
        return overrides[port]
    return PORT_SERVICES.get(port)


def normalise_nmap_service(name: str, product: str = "") -> str | None:
    """Our name for what nmap reported (its service name and product)."""
    lowered = product.lower()
    for word, service in PRODUCT_SERVICES:
        if word in lowered:
            return service
    name = name.lower().strip()
    if not name or name == "unknown" or name.endswith("?"):
        return None
    mapped = NMAP_SERVICE_NAMES.get(name, name)
    return mapped or None
