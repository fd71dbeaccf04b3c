#!/bin/sh
# Entrypoint of the dev Redis image, compatible with the official one where it matters: options
# alone (`--maxmemory 64mb`) go to redis-server, which listens on every address with protected
# mode off (the pod network is the boundary), keeps its data in /data, and runs as the redis user.
set -eu

case "${1:-redis-server}" in
  -*) set -- redis-server "$@" ;;
esac
if [ "$#" -eq 0 ]; then set -- redis-server; fi

if [ "$1" = redis-server ]; then
  shift
  set -- redis-server --bind 0.0.0.0 --protected-mode no --port "${REDIS_PORT:-6379}" --dir /data "$@"
  if [ "$(id -u)" = 0 ]; then
    mkdir -p /data
    chown redis:redis /data
    exec setpriv --reuid=redis --regid=redis --init-groups "$@"
  fi
fi
exec "$@"
