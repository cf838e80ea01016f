# syntax=docker/dockerfile:1
# One Dockerfile for every image, built from the repo root (the workspaces share one lockfile):
#   docker build --build-arg UNIT=payment -t checkout-payment .      (any of the six services)
#   docker build --build-arg UNIT=migrate -t checkout-migrate .      (the migrations Job)
#   docker build --build-arg UNIT=storefront -t checkout-storefront . (the buyer's pages)
#   docker build --target dev --build-arg UNIT=payment ...           (Tilt's live-update image)
ARG NODE_IMAGE=docker.io/library/node:26.12.1-trixie-slim

# Only the package manifests, so the dependency layer is reused until they change.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /repo
COPY . .
RUN mkdir /manifests && cp package.json package-lock.json /manifests/ \
 && for dir in packages/* services/* apps/*; do mkdir -p "/manifests/$dir" && cp "$dir/package.json" "/manifests/$dir/"; done

FROM ${NODE_IMAGE} AS dependencies
WORKDIR /repo
COPY --from=manifests /manifests ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund --ignore-scripts

# The unit's code bundled, with only the runtime packages it requires (scripts/image/build-unit.sh).
FROM dependencies AS build
COPY . .
ARG UNIT
RUN test -n "$UNIT" && bash scripts/image/build-unit.sh "$UNIT" /out

# Development: the sources run by tsx, restarted on change; Tilt syncs files into /repo.
FROM dependencies AS dev
COPY --chown=node:node . .
ARG UNIT
ENV UNIT=${UNIT} NODE_ENV=development
# Vite keeps its cache under an app's node_modules when Tilt's storefront builds its pages in the pod.
RUN for app in apps/*/; do mkdir -p "$app/node_modules" && chown node:node "$app/node_modules"; done
USER node
CMD ["sh", "-c", "exec node_modules/.bin/tsx watch --clear-screen=false services/$UNIT/src/main.ts"]

# Production (the default target): bundle, runtime packages and spec (or, for the storefront, its
# built pages); non-root, nothing to write.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production OPENAPI_SPEC=/app/openapi.yaml STOREFRONT_DIST=/app/dist
WORKDIR /app
COPY --from=build /out ./
USER 1000:1000
EXPOSE 3000
CMD ["node", "--enable-source-maps", "main.js"]
