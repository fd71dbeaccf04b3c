#!/bin/sh
# Entrypoint of the dev Postgres image, compatible with the official image where blueprints rely on
# it: PGDATA, initdb on first start, POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB, scripts in
# /docker-entrypoint-initdb.d, listening on all addresses. Password auth (scram-sha-256) when a
# password is set, trust otherwise: this is a development image.
set -eu

: "${PGDATA:=/var/lib/postgresql/data}"
: "${POSTGRES_USER:=postgres}"
: "${POSTGRES_DB:=$POSTGRES_USER}"
export PGDATA

# `docker run image -c shared_buffers=256MB` passes server options only.
case "${1:-postgres}" in
  -*) set -- postgres "$@" ;;
esac
if [ "$#" -eq 0 ]; then set -- postgres; fi

if [ "$1" != postgres ]; then
  exec "$@"
fi

# As root: own the data and socket directories, then run again as the postgres user.
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  chmod 2775 /var/run/postgresql
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

mkdir -p "$PGDATA"
chmod 700 "$PGDATA" 2>/dev/null || true

sql_literal() {
  printf "'%s'" "$(printf '%s' "$1" | sed "s/'/''/g")"
}
sql_identifier() {
  printf '"%s"' "$(printf '%s' "$1" | sed 's/"/""/g')"
}

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -n "${POSTGRES_PASSWORD:-}" ]; then
    auth="${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}"
  else
    auth="${POSTGRES_HOST_AUTH_METHOD:-trust}"
    echo "entrypoint: POSTGRES_PASSWORD is not set: every connection is trusted (dev image)" >&2
  fi
  pwfile=""
  if [ -n "${POSTGRES_PASSWORD:-}" ]; then
    pwfile="$(mktemp)"
    printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
  fi
  # shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS is a list of words, as in the official image.
  initdb --username="$POSTGRES_USER" ${pwfile:+--pwfile="$pwfile"} --auth-local=trust --auth-host="$auth" \
    --encoding=UTF8 --locale=C.UTF-8 ${POSTGRES_INITDB_ARGS:-} >&2
  if [ -n "$pwfile" ]; then rm -f "$pwfile"; fi
  printf 'host all all all %s\n' "$auth" >> "$PGDATA/pg_hba.conf"

  # A socket-only server for the first-start setup, so nobody connects before it is done.
  pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p ${PGPORT:-5432}" -w start >&2
  export PGUSER="$POSTGRES_USER" PGDATABASE=postgres
  if [ "$POSTGRES_DB" != postgres ]; then
    exists="$(psql -Atq -c "SELECT 1 FROM pg_database WHERE datname = $(sql_literal "$POSTGRES_DB")")"
    if [ -z "$exists" ]; then psql -q -c "CREATE DATABASE $(sql_identifier "$POSTGRES_DB")"; fi
  fi
  for script in /docker-entrypoint-initdb.d/*; do
    [ -e "$script" ] || continue
    case "$script" in
      *.sh) echo "entrypoint: running $script" >&2; . "$script" ;;
      *.sql) echo "entrypoint: running $script" >&2; psql -v ON_ERROR_STOP=1 -q -d "$POSTGRES_DB" -f "$script" ;;
      *.sql.gz) echo "entrypoint: running $script" >&2; gzip -dc "$script" | psql -v ON_ERROR_STOP=1 -q -d "$POSTGRES_DB" ;;
      *) echo "entrypoint: ignoring $script" >&2 ;;
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop >&2
  unset PGUSER PGDATABASE
  echo "entrypoint: database initialised in $PGDATA" >&2
fi

shift
exec postgres -c listen_addresses='*' "$@"
