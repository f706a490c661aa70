# syntax=docker/dockerfile:1
#
# LearningHub container image: build with the .NET 10 SDK; the app is self-contained (it carries its .NET
# runtime), so it runs on the runtime-deps image, which has only what .NET itself needs from the system.
#
#   docker build -t learninghub .
#   docker run -p 8080:8080 -e LearningHub__PublicBaseUrl=http://localhost:8080 -v learninghub-data:/data learninghub
#   then open http://localhost:8080/norfolk
#
# Configuration is by environment variable ("__" stands for ":" in ASP.NET Core configuration keys):
#   LearningHub__DataPath=/data   set below. The data folder holds the SQLite database (the embedded
#                                 default), the data-protection keys that sign cookies and tokens, and
#                                 the mail pickup folder: keep it on a volume.
#   Database__Provider=Postgres   use PostgreSQL instead of SQLite (production, more than one node), with
#   ConnectionStrings__LearningHub="Host=db;Port=5432;Database=learninghub;Username=learninghub;Password=..."
#                                 Migrations run and missing boards' recipes are applied on start either way.
#   LearningHub__SeedDemoUsers=true  creates demo accounts: demos only, never in production.
#   LearningHub__PublicBaseUrl=https://learning.example.org  required (the site will not start without
#                                 it): the address links in mail are made from, and the host name the site
#                                 answers to (with localhost, for the health check below; AllowedHosts
#                                 overrides the list).
#   ASPNETCORE_ENVIRONMENT        unset means Production (exception page off, HSTS on).
#
# Node.js: themes/LearningHub.Theme.Base runs `npm ci` and `npm run build` (sass compiling
# govuk-frontend) from an MSBuild target during `dotnet publish`, so the build stage needs node and npm.
# They are NOT installed with apt-get: since .NET 10 the `sdk:10.0` tag is Ubuntu 24.04 (Microsoft
# ships no Debian images for .NET 10), whose `nodejs` package is 18.19, and sass 1.108 (pinned in
# package-lock.json) needs Node >= 20.19 (it require()s the ESM-only chokidar 5; on Node 18 it stops
# with ERR_REQUIRE_ESM). So node and npm are copied from the official Node.js image instead.

# --- Node.js for the front-end build only (nothing of it reaches the runtime image) ---------------
FROM node:24-bookworm-slim AS node

# --- build -----------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build

# The official Node.js binaries need only glibc and libstdc++, which the SDK image has.
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
    && node --version && npm --version

WORKDIR /src
# .dockerignore keeps bin/, obj/, node_modules/ and the generated wwwroot/lib out, so npm ci and the
# sass build run here from package-lock.json, never from files built on the host.
COPY . .

# The cache mounts keep NuGet and npm downloads between builds (BuildKit); they are not in the image.
# The Server publish profile (src/LearningHub.Web/Properties/PublishProfiles/Server.pubxml) makes the app
# self-contained, with the app, its packages and the .NET runtime precompiled together into one ReadyToRun
# composite: on a 2-core machine cold start (empty database to the first page) is 2.8 s instead of 3.3 s
# for framework-dependent ReadyToRun (bench/README.md, "Session 16"), and pages cost the same CPU once warm.
# -a $TARGETARCH (amd64 or arm64, set by BuildKit) publishes for linux-<arch>, and only this platform's
# native SQLite and libvips are copied beside the app, where .NET looks first. The app starts from its own
# launcher (/app/LearningHub.Web): the runtime image below has no dotnet. The web project copies
# recipes/*.recipe.json into the output (recipes/ beside the app), where first start looks for them.
ARG TARGETARCH
RUN --mount=type=cache,id=learninghub-nuget,target=/root/.nuget/packages \
    --mount=type=cache,id=learninghub-npm,target=/root/.npm \
    dotnet publish src/LearningHub.Web/LearningHub.Web.csproj -c Release -p:PublishProfile=Server -o /app --nologo \
        -a "$TARGETARCH"

# --- runtime ---------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0 AS runtime

# curl is only for the HEALTHCHECK below (the runtime-deps image has neither curl nor wget).
# No libvips package: the media module's libvips comes with the app (NuGet NetVips.Native.linux-x64,
# published into /app as libvips.so.42 with its dependencies built in). It needs glibc 2.28 or later and
# libstdc++ (GLIBCXX_3.4.22), both already in the runtime-deps:10.0 base (Ubuntu 24.04: glibc 2.39,
# libstdc++6, which .NET itself needs). That package is x64 only: an arm64 image (TARGETARCH=arm64) has no libvips,
# so it runs with image uploads refused and /health "Degraded" until a linux-arm64 native package is added.
# Certificate PDFs need a Chromium (Cases:ChromiumPath, default /usr/bin/chromium). Ubuntu's `chromium`
# package is only a stub for the snap, which does not run in a container, so the image has none and the
# certificate page offers printing instead; to have PDFs, add a Chromium build from another source (or
# base the runtime on a Debian image and install `chromium fonts-liberation`) and set Cases__ChromiumPath.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY --from=build /app .

# The data folder belongs to the image's non-root user "app" (APP_UID, 1654, defined by the base
# image). A new named volume mounted on /data takes this ownership; a bind-mounted host folder must be
# writable by UID 1654.
RUN mkdir -p /data && chown "$APP_UID:$APP_UID" /data

# MALLOC_ARENA_MAX=2: glibc gives each thread that allocates (libvips' workers, the two encoder threads)
# an arena of its own, and memory freed there stays resident. Held to two, an upload's peak RSS was
# about 20% lower at the same CPU time (bench/README.md, Image renditions).
ENV ASPNETCORE_HTTP_PORTS=8080 \
    LearningHub__DataPath=/data \
    MALLOC_ARENA_MAX=2
VOLUME /data
EXPOSE 8080

USER $APP_UID

# /health is liveness: it touches neither the database nor the network (only the images check, which
# is Degraded without libvips and still 200), so a slow database never gets the container restarted.
# Readiness (database, migrations, mail, libvips) is /health/ready, for a load balancer.
# start-period leaves room for the first start, which migrates and applies the board recipes.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS -o /dev/null http://localhost:8080/health || exit 1

ENTRYPOINT ["/app/LearningHub.Web"]
