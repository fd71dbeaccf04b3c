#!/bin/sh
# Bootstrap for `npm test` and `npm run demo`, dependency-free (POSIX sh): installs node_modules when
# missing or not matching package.json/package-lock.json (`npm ls` fails), then brings the local stack
# up with its real node (idempotent; builds the pinned binaries and images the first time). Safe to run
# again and again.
set -eu
cd "$(dirname "$0")/../.."

if [ ! -d node_modules ] || ! npm ls --all >/dev/null 2>&1; then
  echo "==> npm ci (node_modules missing or stale)" >&2
  # npm ci refuses a lock file without the other platforms' optional packages (biome, swc), which
  # registries mirroring only Linux packages cannot add; npm install accepts it and keeps the lock.
  if ! npm ci --no-audit --no-fund; then
    echo "==> npm ci refused the lock file; installing with npm install instead" >&2
    npm install --no-audit --no-fund
  fi
fi

# The dashboard's browser tests and bench drive Debian's chromium through playwright-core (which never
# downloads a browser of its own).
if [ ! -x /usr/bin/chromium ]; then
  echo "==> apt-get install chromium (for the dashboard's browser tests)" >&2
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi

# The web dashboard the API serves under /ui/ (npm run demo prints its address).
node_modules/.bin/tsx dashboard/scripts/ensure-built.ts

node bin/microstax.js stack up --real-nodes
