#!/usr/bin/env bash
# Start the machine's PostgreSQL cluster and make a throw-away database for the server's tests.
# Prints the URL to export as BAOCAO_TEST_PG_URL; prints nothing if PostgreSQL cannot start.
set -uo pipefail
command -v pg_lsclusters >/dev/null || exit 0
cluster=$(pg_lsclusters -h 2>/dev/null | head -n1)
if [ -z "$cluster" ]; then
    version=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -n1)
    [ -n "$version" ] || exit 0
    pg_createcluster "$version" main >/dev/null 2>&1 || exit 0
    cluster=$(pg_lsclusters -h | head -n1)
fi
read -r version name port _ <<<"$cluster"
pg_ctlcluster "$version" "$name" start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do
    su postgres -c "psql -p $port -Atc 'select 1'" >/dev/null 2>&1 && break
    sleep 0.5
done
su postgres -c "psql -p $port -q" >/dev/null 2>&1 <<SQL || exit 0
DROP DATABASE IF EXISTS baocao_test;
DROP ROLE IF EXISTS baocao_test;
CREATE ROLE baocao_test LOGIN PASSWORD 'baocao_test';
CREATE DATABASE baocao_test OWNER baocao_test;
SQL
echo "postgresql+psycopg://baocao_test:baocao_test@127.0.0.1:$port/baocao_test"
