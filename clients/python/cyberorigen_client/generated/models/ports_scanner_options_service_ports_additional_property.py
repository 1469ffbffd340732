from enum import StrEnum

class PortsScannerOptionsServicePortsAdditionalProperty(StrEnum):
    CASSANDRA = "cassandra"
    COUCHDB = "couchdb"
    DB2 = "db2"
    DOCKER = "docker"
    ELASTICSEARCH = "elasticsearch"
    ETCD = "etcd"
    FTP = "ftp"
    HTTP = "http"
    HTTPS = "https"
    IMAP = "imap"
    INFLUXDB = "influxdb"
    KUBELET = "kubelet"
    MEMCACHED = "memcached"
    MONGODB = "mongodb"
    MSSQL = "mssql"
    MYSQL = "mysql"
    NEO4J = "neo4j"
    NETBIOS_SSN = "netbios-ssn"
    ORACLE = "oracle"
    POP3 = "pop3"
    POSTGRESQL = "postgresql"
    RDP = "rdp"
    REDIS = "redis"
    SMB = "smb"
    SMTP = "smtp"
    SSH = "ssh"
    TELNET = "telnet"

    def __str__(self) -> str:
        return str(self.value)
