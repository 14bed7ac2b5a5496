# syntax=docker/dockerfile:1
# The oauth-ro server image. Build from the repository root:
#   docker build -t oauth-ro .
# Run (zero-config is refused with NODE_ENV=production, so give it a configuration file):
#   docker run -p 3000:3000 -v oauth-ro-data:/data -v ./oauth-ro.yaml:/config/oauth-ro.yaml:ro \
#     -e OAUTH_RO_CONFIG=/config/oauth-ro.yaml -e OAUTH_RO_ISSUER=https://auth.example.com/ oauth-ro
# See docs/deployment.md. The test suite runs the same `pnpm deploy` folder with plain node
# (packages/packaging/src/install/deploy-folder.test.ts), since no container engine runs in CI.

ARG NODE_VERSION=20

# ---- build: compilers for better-sqlite3, the workspace, a pnpm deploy of the server -------------
FROM node:${NODE_VERSION}-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
RUN corepack enable
WORKDIR /src
COPY . .
RUN pnpm install --frozen-lockfile
RUN pnpm exec turbo run build --filter=oauth-ro...
# Production dependencies only, workspace packages copied in (no symlink out of /app).
RUN pnpm --filter=oauth-ro deploy --prod /app

# ---- runtime: node and /app only; no compiler, no pnpm, no sources ------------------------------
FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    OAUTH_RO_DATABASE=sqlite:/data/oauth-ro.db
# /app belongs to root and is read-only for the server; /data (SQLite) belongs to the node user.
COPY --from=build /app /app
RUN mkdir -p /data && chown node:node /data
USER node
WORKDIR /data
VOLUME ["/data"]
EXPOSE 3000
# Readiness (stores answer, not shutting down). The probes stay on PORT unless
# OAUTH_RO_MANAGEMENT_PORT moves them; the check follows either.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.OAUTH_RO_MANAGEMENT_PORT||process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM: readiness 503, drain (OAUTH_RO_DRAIN_TIMEOUT_SECONDS), exit 0. Give `docker stop -t`
# at least the drain time plus five seconds.
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "/app/dist/main.js"]
