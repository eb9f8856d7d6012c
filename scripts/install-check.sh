#!/usr/bin/env bash
# `npm run install-check`: proves that a merchant can install the plugin.
#
# Builds and packs the plugin, installs the tarball into a throwaway Medusa
# store in a temp folder, registers it under `plugins`, runs the store's
# `medusa db:migrate`, builds the store (admin included), boots it and checks
# the plugin's store and admin routes and its admin extension for real.
# Everything it starts or creates (server, embedded PostgreSQL, database,
# temp folders) is removed again, on failure and on Ctrl-C too.
#
# The steps live in scripts/install-check.js (HTTP, PostgreSQL and process
# groups are simpler to handle from Node); its cleanup runs from `finally`
# and from SIGINT/SIGTERM/SIGHUP handlers, the equivalent of a shell trap.
#
# Environment:
#   DATABASE_URL / DB_HOST...   PostgreSQL server to create the throwaway
#                               database on (else localhost:5432 as postgres,
#                               else an embedded PostgreSQL); see
#                               scripts/lib/database.js
#   INSTALL_CHECK_PORT          store port (default 9100; a free one if busy)
#   INSTALL_CHECK_PG_PORT       embedded PostgreSQL port (default 54331)
#   KEEP_INSTALL_CHECK=1        keep the temp store and its logs
set -euo pipefail

cd "$(dirname "$0")/.."
exec node scripts/install-check.js "$@"
