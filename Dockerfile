# syntax=docker/dockerfile:1
#
# The Readiness Portal's image: the backend bundle (with the built app it
# serves), production dependencies only, the portal's own data files, run as
# the unprivileged node user. Build from the repository's root:
#
#   docker build -t readiness-portal .
#
# and run with the environment of docs/operations/production.md, e.g.
#
#   docker run --env-file portal.env -p 7007:7007 readiness-portal
#
# docs/operations/image.md says what each stage does and what was checked
# outside a container.

ARG NODE_IMAGE=node:22-bookworm-slim

# 1. Every dependency, the type check and the bundle
FROM ${NODE_IMAGE} AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 g++ make \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY .yarnrc.yml package.json yarn.lock backstage.json tsconfig.json ./
COPY .yarn/releases .yarn/releases
COPY packages packages
COPY plugins plugins
COPY foundation foundation
COPY scripts scripts
RUN yarn install --immutable
RUN yarn tsc && yarn build:backend
# The files the running portal reads beside the bundle: catalog files, the
# definitions they point to, frameworks, checks, facts, drills and TechDocs
RUN mkdir -p /out /files \
  && cp packages/backend/dist/skeleton.tar.gz packages/backend/dist/bundle.tar.gz /out/ \
  && for f in plugins/*-backend/src/schema/openapi.yaml; do cp --parents "$f" /files/; done
COPY app-config.yaml app-config.production.yaml catalog-info.yaml mkdocs.yml redocly.yaml /files/
COPY catalog /files/catalog
COPY services /files/services
COPY compliance /files/compliance
COPY scorecards /files/scorecards
COPY docs /files/docs

# 2. Production dependencies of the bundle's packages, nothing else
FROM ${NODE_IMAGE} AS dependencies
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 g++ make \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY .yarnrc.yml package.json yarn.lock backstage.json ./
COPY .yarn/releases .yarn/releases
COPY --from=build /out/skeleton.tar.gz ./
RUN tar xzf skeleton.tar.gz && rm skeleton.tar.gz \
  && yarn workspaces focus --all --production \
  && yarn cache clean --all

# 3. What runs: Node, Debian's mkdocs for TechDocs, the bundle, the files
FROM ${NODE_IMAGE}
RUN apt-get update \
  && apt-get install -y --no-install-recommends mkdocs mkdocs-material python3-pymdownx tini \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production PORTAL_PORT=7007
WORKDIR /app
COPY --from=dependencies --chown=node:node /app ./
COPY --from=build --chown=node:node /out/bundle.tar.gz ./
RUN tar xzf bundle.tar.gz && rm bundle.tar.gz && chown -R node:node /app
COPY --from=build --chown=node:node /files/ ./
USER node
EXPOSE 7007
# Ready once every plugin has started; a start that fails ends the process
HEALTHCHECK --interval=15s --timeout=3s --start-period=120s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + process.env.PORTAL_PORT + '/.backstage/health/v1/readiness').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
ENTRYPOINT ["tini", "--"]
CMD ["node", "packages/backend", "--config", "app-config.yaml", "--config", "app-config.production.yaml"]
