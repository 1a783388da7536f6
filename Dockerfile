# coveragebot: the Discord bot (and command line) in a small, non-root image.
#
#   docker build -t coveragebot .
#   docker run -d --name coveragebot -e COVERAGEBOT_DISCORD_TOKEN=... -v coveragebot-data:/data coveragebot
#
# See docs/discord.md.

# Build a static binary: pure Go, no cgo. The time zone database is compiled
# in (timetzdata) so summary.timezone works whatever the runtime image holds.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -tags timetzdata -ldflags="-s -w" -o /out/coveragebot ./cmd/coveragebot \
    && mkdir -p /out/data

# Run on distroless "static": CA certificates, /etc/passwd with the nonroot
# user (65532), no shell, no package manager.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/coveragebot /usr/local/bin/coveragebot
COPY --from=build --chown=65532:65532 /out/data /data
# The index (and anything else coveragebot keeps) lives in the /data volume.
ENV COVERAGEBOT_INDEX=/data/index \
    XDG_DATA_HOME=/data \
    XDG_STATE_HOME=/data/state \
    XDG_CACHE_HOME=/data/cache
VOLUME ["/data"]
WORKDIR /data
USER 65532:65532
# Only used when the HTTP interactions endpoint is on (--http :8080).
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/coveragebot"]
CMD ["serve"]
