#!/usr/bin/env bash
# PostgreSQL role and database "cyberorigen". The role's password is generated once
# ($SECRETS_DIR/db_password) and set again on every run, so the two never drift apart.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
require_root

systemctl enable --now postgresql >/dev/null
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p 5432 || die "PostgreSQL does not answer on 127.0.0.1:5432"

password=$(secret db_password)

psql_admin() {
  (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 "$@")
}

if [ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '${DB_USER}'")" != 1 ]; then
  log "creating PostgreSQL role ${DB_USER}"
  psql_admin -c "CREATE ROLE \"${DB_USER}\" LOGIN"
fi
# The password goes through standard input: it never shows in `ps`.
psql_admin <<SQL
ALTER ROLE "${DB_USER}" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${password}';
SQL

if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '${DB_NAME}'")" != 1 ]; then
  log "creating database ${DB_NAME}"
  psql_admin -c "CREATE DATABASE \"${DB_NAME}\" OWNER \"${DB_USER}\" ENCODING 'UTF8' TEMPLATE template0"
fi
psql_admin -d "$DB_NAME" -c "REVOKE ALL ON DATABASE \"${DB_NAME}\" FROM PUBLIC"
log "PostgreSQL database ${DB_NAME} ready (owner ${DB_USER})"
