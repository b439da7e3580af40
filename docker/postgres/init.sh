#!/bin/sh
# Run by the postgres image on first start (docker-entrypoint-initdb.d): the least-privilege setup, with the two
# roles' passwords passed as session settings from the environment rather than written into any file.
set -eu
PGOPTIONS="-c agentstore.app_password=${AGENTSTORE_APP_PASSWORD} -c agentstore.migrator_password=${AGENTSTORE_MIGRATOR_PASSWORD}" \
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    --file "${AGENTSTORE_SETUP_SQL:-/agentstore/least-privilege.sql}"
