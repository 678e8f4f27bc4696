# syntax=docker/dockerfile:1
# Privacy Center: one image for every instance (see "Deploy with Docker Compose" in README.md).
# Stages: deps (all packages) -> build (next build, then dev packages pruned) -> runtime.
# Not built on the development machine (it has a Docker client but no daemon); the Dockerfile
# is linted and compose.yaml validated by deploy/deploy.test.ts.

FROM node:20.20.2-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:20.20.2-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# The runtime keeps the sources: `npm start` runs server.ts through tsx, and the admin scripts
# (npm run admin:create, audit:verify, db:migrate) run from them too.
RUN npx next build && npm prune --omit=dev --no-audit --no-fund

FROM node:20.20.2-bookworm-slim AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOST=0.0.0.0 \
    PGLITE_DATA_DIR=/data/pglite
WORKDIR /app
# The image's unprivileged "node" user (uid 1000) runs the app; it owns only /data.
RUN mkdir -p /data && chown node:node /data
COPY --from=build /app ./
USER node
VOLUME ["/data"]
EXPOSE 3000
# Liveness only (the process answers); load balancers should use /api/health/ready.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself (not npm) is the process that receives SIGTERM, so the graceful shutdown runs;
# this is what `npm start` does (tsx server.ts), without npm in between.
CMD ["node", "--import", "tsx", "server.ts"]
