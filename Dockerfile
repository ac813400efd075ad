# syntax=docker/dockerfile:1
# EsRegions — multi-stage image: build with the .NET 10 SDK (+ Node/npm for the front-end packages),
# run on the ASP.NET Core 10 runtime as the image's non-root `app` user.
#
#   docker build -t esregions/app:local .
#   docker compose -f ops/compose.yml up      # app + postgres + maildev, migrations as a separate step

# ---------------------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src

# Restore first, from the project files only, so that the package layer is cached until they change.
# (The bracket globs copy global.json / nuget.config only when they exist.)
COPY Directory.*.props EsRegions.sln global.jso[n] nuget.confi[g] NuGet.Confi[g] ./
COPY src/EsRegions.Web/EsRegions.Web.csproj src/EsRegions.Web/
RUN dotnet restore src/EsRegions.Web/EsRegions.Web.csproj -r linux-x64

# Then the sources, the front-end packages (package.json / package-lock.json of the web project) and the publish.
COPY src/ src/
RUN cd src/EsRegions.Web && npm ci --no-audit --no-fund
# ReadyToRun: the assemblies are compiled ahead of time, which shortens a pod's start (docs/performance.md, start-up).
RUN dotnet publish src/EsRegions.Web/EsRegions.Web.csproj -c Release -r linux-x64 --self-contained false \
      -p:PublishReadyToRun=true -p:UseAppHost=false -o /app --no-restore

# ---------------------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# Tenant registry and per-tenant settings/data, read at start (validated; a bad file stops the app).
COPY tenants/ /app/tenants/

ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS=http://+:8080 \
    Tenancy__Directory=/app/tenants

# The base image's non-root user (APP_UID is defined by the image, 1654).
USER $APP_UID
EXPOSE 8080

# No HEALTHCHECK: the aspnet image has neither curl nor wget, and adding them only for this would grow the image.
# Orchestrators probe GET /health/live (liveness) and GET /health/ready (readiness) over HTTP instead
# docker compose relies on service ordering (ops/compose.yml).
ENTRYPOINT ["dotnet", "EsRegions.Web.dll"]
