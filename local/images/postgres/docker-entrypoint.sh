#!/bin/sh
# Entrypoint of the dev Postgres image, compatible with the official image where blueprints rely on
# it: PGDATA, a new cluster on first start, POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB, scripts
# in /docker-entrypoint-initdb.d, listening on all addresses. Password auth (scram-sha-256) when a
# password is set, trust otherwise: this is a development image.
#
# The new cluster is a copy of one the image build made (PREPARED_PGDATA) when that is what initdb
# would make here: superuser postgres, no POSTGRES_INITDB_ARGS but --no-sync, no TZ. That saves
# initdb (~0.9 s); otherwise initdb runs as in the official image.
set -eu

: "${PGDATA:=/var/lib/postgresql/data}"
: "${POSTGRES_USER:=postgres}"
: "${POSTGRES_DB:=$POSTGRES_USER}"
: "${PREPARED_PGDATA=/usr/local/share/postgresql/prepared-data}"
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

# The prepared cluster is what initdb would make here only for these settings; a directory that is
# not empty gets initdb's own refusal.
prepared_cluster_fits() {
  [ -n "$PREPARED_PGDATA" ] && [ -s "$PREPARED_PGDATA/PG_VERSION" ] || return 1
  # The bootstrap superuser cannot be renamed without a second superuser: initdb names it instead.
  [ "$POSTGRES_USER" = postgres ] || return 1
  case "${POSTGRES_INITDB_ARGS:-}" in '' | --no-sync) ;; *) return 1 ;; esac
  [ -z "${TZ:-}" ] || return 1
  [ -z "$(ls -A "$PGDATA")" ]
}

# A socket-only server for the first-start setup, so nobody connects before it is done; started
# when the setup first needs SQL. Without fsync: a crash during setup leaves a cluster as unusable
# as initdb --no-sync would, and its shutdown checkpoint then takes milliseconds, not seconds.
setup_server=""
setup_server_up() {
  if [ -n "$setup_server" ]; then return; fi
  pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p ${PGPORT:-5432} -c fsync=off" -w start >&2
  setup_server=up
}

copying_mark=.microstax-copying-prepared
if [ -e "$PGDATA/$copying_mark" ]; then
  echo "entrypoint: a copy of the prepared cluster was cut short: copying again" >&2
  find "$PGDATA" -mindepth 1 -delete
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -n "${POSTGRES_PASSWORD:-}" ]; then
    auth="${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}"
  else
    auth="${POSTGRES_HOST_AUTH_METHOD:-trust}"
    echo "entrypoint: POSTGRES_PASSWORD is not set: every connection is trusted (dev image)" >&2
  fi
  export PGUSER="$POSTGRES_USER" PGDATABASE=postgres
  if prepared_cluster_fits; then
    # umask 077: the copy is the server's alone, as initdb's files are (the image's are readable by
    # any user, for images run as another uid). The mark goes once the init scripts ran: a copy cut
    # short keeps it and is made again (PG_VERSION last, so the server never starts on half a copy).
    touch "$PGDATA/$copying_mark"
    for entry in "$PREPARED_PGDATA"/*; do
      if [ "$entry" != "$PREPARED_PGDATA/PG_VERSION" ]; then (umask 077 && cp -R "$entry" "$PGDATA/"); fi
    done
    # initdb's pg_hba.conf for --auth-local=trust --auth-host="$auth".
    {
      printf 'local all all trust\n'
      printf 'host all all %s %s\n' 127.0.0.1/32 "$auth" ::1/128 "$auth"
      printf 'local replication all trust\n'
      printf 'host replication all %s %s\n' 127.0.0.1/32 "$auth" ::1/128 "$auth"
    } > "$PGDATA/pg_hba.conf"
    (umask 077 && cp "$PREPARED_PGDATA/PG_VERSION" "$PGDATA/")
    if [ -n "${POSTGRES_PASSWORD:-}" ]; then
      setup_server_up
      # On stdin, never in a process's arguments, and never logged with a failing statement.
      printf 'SET log_min_error_statement = panic;\nALTER ROLE postgres PASSWORD %s;\n' \
        "$(sql_literal "$POSTGRES_PASSWORD")" | psql -v ON_ERROR_STOP=1 -q
    fi
    echo "entrypoint: prepared cluster copied from $PREPARED_PGDATA" >&2
  else
    pwfile=""
    if [ -n "${POSTGRES_PASSWORD:-}" ]; then
      pwfile="$(mktemp)"
      printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
    fi
    # shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS is a list of words, as in the official image.
    initdb --username="$POSTGRES_USER" ${pwfile:+--pwfile="$pwfile"} --auth-local=trust --auth-host="$auth" \
      --encoding=UTF8 --locale=C.UTF-8 ${POSTGRES_INITDB_ARGS:-} >&2
    if [ -n "$pwfile" ]; then rm -f "$pwfile"; fi
  fi
  printf 'host all all all %s\n' "$auth" >> "$PGDATA/pg_hba.conf"

  if [ "$POSTGRES_DB" != postgres ]; then
    setup_server_up
    exists="$(psql -Atq -c "SELECT 1 FROM pg_database WHERE datname = $(sql_literal "$POSTGRES_DB")")"
    if [ -z "$exists" ]; then psql -q -c "CREATE DATABASE $(sql_identifier "$POSTGRES_DB")"; fi
  fi
  for script in /docker-entrypoint-initdb.d/*; do
    [ -e "$script" ] || continue
    case "$script" in
      *.sh | *.sql | *.sql.gz)
        # Any of them may use psql (a .sh script too): the server is up for each.
        setup_server_up
        echo "entrypoint: running $script" >&2 ;;
    esac
    case "$script" in
      *.sh) . "$script" ;;
      *.sql) psql -v ON_ERROR_STOP=1 -q -d "$POSTGRES_DB" -f "$script" ;;
      *.sql.gz) gzip -dc "$script" | psql -v ON_ERROR_STOP=1 -q -d "$POSTGRES_DB" ;;
      *) echo "entrypoint: ignoring $script" >&2 ;;
    esac
  done
  if [ -n "$setup_server" ]; then pg_ctl -D "$PGDATA" -m fast -w stop >&2; fi
  # Only now: a first start cut short before its database and init scripts were done starts over.
  rm -f "$PGDATA/$copying_mark"
  unset PGUSER PGDATABASE
  echo "entrypoint: database initialised in $PGDATA" >&2
fi

shift
exec postgres -c listen_addresses='*' "$@"
