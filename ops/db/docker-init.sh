#!/bin/bash
# Runs ops/db/init.sql inside the official postgres image at first start (from /docker-entrypoint-initdb.d/).
# The image would run a mounted .sql file without our psql variables, hence this wrapper.
# The entrypoint may source this file instead of executing it: no `exit`, no `set -u`.
set -eo pipefail
psql -X -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
  -v dbname="${ESR_DB_NAME:-esregions}" \
  -v owner_password="${ESR_OWNER_PASSWORD:-esregions_owner_dev}" \
  -v app_password="${ESR_APP_PASSWORD:-esregions_app_dev}" \
  -f /init/init.sql
