# The MicroStax image, for those who build with Docker:
#   docker build -t ghcr.io/microstax/microstax:<version> .
# It is the image `microstax stack images --only microstax` builds without Docker (local/images/README.md):
# the same Debian trixie packages, user, entrypoint, env and working directory;
# test/unit/local/images/dockerfile.test.ts keeps the two in line.

# Build stage: the compiled code (npm run build) and the production node_modules.
FROM node:20-trixie-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
# Production dependencies alone, without install scripts and without the other platforms' Temporal core
# bridges (the package ships one per target; this keeps the build platform's).
WORKDIR /prod
RUN cp /src/package.json /src/package-lock.json ./ \
 && npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && target="$(node -p "require('./node_modules/@temporalio/core-bridge/common.js').getPrebuiltTargetName()")" \
 && find node_modules/@temporalio/core-bridge/releases -mindepth 1 -maxdepth 1 ! -name "$target" -exec rm -rf {} + \
 && rm -rf node_modules/.bin

# Runtime: Debian trixie's nodejs (20), pg_dump/pg_restore/psql for snapshots, CA certificates.
FROM debian:trixie-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs postgresql-client ca-certificates \
 && rm -rf /var/lib/apt/lists/*
# HOME: the user has no passwd entry and os.homedir() needs HOME; /tmp is the one writable place when the
# root filesystem is read-only.
ENV LANG=C.UTF-8 NODE_ENV=production HOME=/tmp
WORKDIR /app
COPY --from=build /src/dist /app/dist
COPY --from=build /prod/node_modules /app/node_modules
# Numeric, so a pod with runAsNonRoot can check it.
USER 65532:65532
ENTRYPOINT ["node", "/app/dist/bin/microstax.js"]
CMD ["--help"]
