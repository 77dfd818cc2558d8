#!/usr/bin/env bash
# The test command: installs the missing Debian packages, starts a throwaway PostgreSQL on loopback,
# runs unit tests, the functional suite on SQLite and on PostgreSQL, and the browser tests on SQLite and on
# PostgreSQL (INSPECTREADY_E2E_PROVIDER), then prints
# "N passed, N failed" as its last line. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/test-output"
rm -rf "$OUT"; mkdir -p "$OUT"

need=()
for pkg in postgresql chromium chromium-driver libreoffice-writer-nogui fonts-noto-cjk poppler-utils; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || { echo "apt-get install failed"; echo "0 passed, 1 failed"; exit 1; }
fi

PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGDATA=$(mktemp -d /tmp/inspectready-pg.XXXXXX)
PGPORT=${INSPECTREADY_TEST_PGPORT:-55432}
cleanup() {
  su postgres -c "$PGBIN/pg_ctl -D $PGDATA stop -m fast" >/dev/null 2>&1 || true
  rm -rf "$PGDATA"
  dotnet build-server shutdown >/dev/null 2>&1 || true
}
trap cleanup EXIT
chown postgres:postgres "$PGDATA"; chmod 700 "$PGDATA"
su postgres -c "$PGBIN/initdb -D $PGDATA -U postgres -A trust -E UTF8 --locale=C.UTF-8" >"$OUT/pg-init.log" 2>&1 \
  || { cat "$OUT/pg-init.log"; echo "0 passed, 1 failed"; exit 1; }
su postgres -c "$PGBIN/pg_ctl -D $PGDATA -l $PGDATA/server.log -w -t 60 -o '-c listen_addresses=127.0.0.1 -p $PGPORT -k /tmp' start" >/dev/null \
  || { cat "$PGDATA/server.log"; echo "0 passed, 1 failed"; exit 1; }
export INSPECTREADY_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres"
# The restore drill runs pg_dump/pg_restore (the postgresql package brings its client programs); the backup command
# looks in the same newest /usr/lib/postgresql/*/bin, so the client is never older than this server.
export Backup__PgBinDirectory="$PGBIN"
"$PGBIN/pg_dump" --version >/dev/null && "$PGBIN/pg_restore" --version >/dev/null \
  || { echo "pg_dump/pg_restore missing in $PGBIN"; echo "0 passed, 1 failed"; exit 1; }

dotnet build InspectReady.sln -c Release -nologo -v q 2>&1 | tee "$OUT/build.log" | grep -E "error|Warn|Error" || true
if ! grep -q " 0 Error(s)" "$OUT/build.log"; then echo "0 passed, 1 failed"; exit 1; fi

status=0
run() {  # name, project, filter
  local log="$OUT/$1.log"
  echo "== $1"
  dotnet test "$2" -c Release --no-build --nologo ${3:+--filter "$3"} >"$log" 2>&1 || status=1
  grep -E "^\s+Failed [A-Za-z]|^(Passed|Failed)!" "$log" | tail -40
}
run unit tests/InspectReady.UnitTests/InspectReady.UnitTests.csproj
run functional-sqlite tests/InspectReady.FunctionalTests/InspectReady.FunctionalTests.csproj "FullyQualifiedName~OnSqlite"
run functional-postgres tests/InspectReady.FunctionalTests/InspectReady.FunctionalTests.csproj "FullyQualifiedName~OnPostgres"
run browser-sqlite tests/InspectReady.E2ETests/InspectReady.E2ETests.csproj
export INSPECTREADY_E2E_PROVIDER=Postgres
run browser-postgres tests/InspectReady.E2ETests/InspectReady.E2ETests.csproj
unset INSPECTREADY_E2E_PROVIDER

passed=0; failed=0; skipped=0
for log in "$OUT"/unit.log "$OUT"/functional-*.log "$OUT"/browser-*.log; do
  line=$(grep -E "(Passed|Failed)!\s+-\s+Failed:" "$log" | tail -1)
  if [ -z "$line" ]; then echo "no test summary in $(basename "$log")"; failed=$((failed+1)); status=1; continue; fi
  f=$(sed -E 's/.*Failed:\s+([0-9]+).*/\1/' <<<"$line"); p=$(sed -E 's/.*Passed:\s+([0-9]+).*/\1/' <<<"$line"); s=$(sed -E 's/.*Skipped:\s+([0-9]+).*/\1/' <<<"$line")
  passed=$((passed+p)); failed=$((failed+f)); skipped=$((skipped+s))
done
[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
