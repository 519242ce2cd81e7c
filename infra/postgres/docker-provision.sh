#!/usr/bin/env bash
# docker-compose runs this once, when the Postgres volume is new: the same provision.sql as the tests and the
# local stack, given each role's password from <ROLE>_PASSWORD (default: the role's name).
set -euo pipefail
args=()
for role in book_catalog_owner book_catalog_app book_inventory_owner book_inventory_app \
            reading_list_owner reading_list_app audit_owner audit_app; do
  variable="${role^^}_PASSWORD"
  args+=(-v "${role}_password=${!variable:-$role}")
done
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres "${args[@]}" -f "${PROVISION_SQL:-/provision/provision.sql}"
