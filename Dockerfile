# The CI image, built by the release (.goreleaser.yaml, dockers_v2) from the static binary
# it has just built for each platform; not meant for `docker build` from the source tree.
# Alpine rather than scratch: GitLab CI runs a job's script with sh, and `profiler diff`
# needs git.
FROM alpine:3.22
ARG TARGETPLATFORM
RUN apk add --no-cache git \
 && git config --system --add safe.directory '*'
# safe.directory: CI mounts the checkout owned by another user than the job's; git would
# refuse to read it ("dubious ownership").
COPY $TARGETPLATFORM/profiler /usr/local/bin/profiler
WORKDIR /work
ENTRYPOINT ["/usr/local/bin/profiler"]
CMD ["--help"]
