# The gateway as a container image: the self-contained single file (as `dotnet publish -p:PublishProfile=linux-x64`)
# on Debian 13's runtime dependencies (with tzdata: Quartz schedules the sweep in the system's zones). The tag names
# Debian on purpose: .NET 10's plain `runtime-deps:10.0` is Ubuntu 24.04.
#
#   docker build -t integra-gateway .
#   docker run --rm -p 127.0.0.1:5080:5080 -v integra-state:/var/lib/integra-gateway integra-gateway   # the samples
#   docker run --rm -v /etc/integra-gateway:/etc/integra-gateway:ro -v integra-state:/var/lib/integra-gateway \
#     integra-gateway run --config /etc/integra-gateway/appsettings.json
#
# Secrets: mount them as files (Docker/Compose secrets land in /run/secrets/NAME) and give relative names in the
# settings ("PasswordFile": "imap"): with CREDENTIALS_DIRECTORY set, the gateway looks them up there, as under systemd.
FROM mcr.microsoft.com/dotnet/sdk:10.0-trixie AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Integra.Gateway -p:PublishProfile=linux-x64 -p:PublishDir=/app/

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-trixie-slim
COPY --from=build /app/integra-gateway /opt/integra-gateway/integra-gateway
COPY samples/reference /etc/integra-gateway/reference
ENV INTEGRA_Gateway__DataDirectory=/etc/integra-gateway/reference \
    INTEGRA_Gateway__Database=/var/lib/integra-gateway/gateway.db \
    INTEGRA_LocalDrop__Root=/var/lib/integra-gateway/drop \
    INTEGRA_LocalDrop__SeedFrom= \
    INTEGRA_Lifecycle__NpacOutbox=/var/lib/integra-gateway/npac \
    INTEGRA_Portal__Listen=http://0.0.0.0:5080 \
    INTEGRA_Health__Listen=http://0.0.0.0:9180/ \
    INTEGRA_Telemetry__PrometheusListen=http://0.0.0.0:9184/ \
    CREDENTIALS_DIRECTORY=/run/secrets \
    DOTNET_BUNDLE_EXTRACT_BASE_DIR=/var/lib/integra-gateway/.bundle
RUN mkdir -p /var/lib/integra-gateway && chown app:app /var/lib/integra-gateway
USER app
WORKDIR /var/lib/integra-gateway
VOLUME /var/lib/integra-gateway
# The partner portal (Portal:Listen); put TLS in front of it. Probes (Health:Listen) and the Prometheus scrape
# (Telemetry:PrometheusListen) on every address of the container, so that an orchestrator's probe and Prometheus reach them.
EXPOSE 5080 9180 9184
# Liveness: the store answers (/healthz/live; 503 = restart). The image has no curl; bash's /dev/tcp speaks the HTTP/1.0 it needs.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9180 && printf 'GET /healthz/live HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["/opt/integra-gateway/integra-gateway"]
CMD ["run"]
