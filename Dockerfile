# syntax=docker/dockerfile:1
# Voronka's image: Next.js standalone output run by scripts/serve.mjs (the direct webhook listener
# in front of Next), as a non-root user. Build: `docker build -t voronka .` — it needs only the npm
# registry. Run: compose.yaml, docs/deploy.md. Checked by scripts/dockerfile.test.ts (no hadolint
# in Debian's packages) and, file for file, by e2e/standalone.spec.ts, which runs what the last
# stage copies.

FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:22-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

FROM node:22-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 PGLITE_DATA_DIR=/app/.data/pglite
RUN groupadd --system --gid 1001 voronka && useradd --system --uid 1001 --gid voronka --home-dir /app voronka \
    && mkdir -p /app/.data && chown voronka:voronka /app/.data
# The server and only the modules it traced (migrations and the PDF fonts included: next.config.ts).
COPY --from=build --chown=voronka:voronka /app/.next/standalone ./
COPY --from=build --chown=voronka:voronka /app/.next/static ./.next/static
COPY --from=build --chown=voronka:voronka /app/public ./public
COPY --from=build --chown=voronka:voronka /app/scripts/serve.mjs ./scripts/serve.mjs
USER voronka
EXPOSE 3000
VOLUME ["/app/.data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "scripts/serve.mjs"]
