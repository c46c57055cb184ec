# syntax=docker/dockerfile:1
# warwire worker / webhook forwarder image.
#   docker build -t warwire:local .
#   docker run --rm -e WARWIRE_BROKER=kafka://kafka:9092 warwire:local            # worker
#   docker run --rm warwire:local forward --url https://example.org/alerts        # forwarder

ARG PYTHON_IMAGE=python:3.11-slim

FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1
WORKDIR /src
RUN python -m venv /opt/warwire
# Dependencies first, from the lock file only, so this layer survives source changes.
COPY deploy/requirements.lock deploy/requirements.lock
RUN /opt/warwire/bin/pip install --no-cache-dir -r deploy/requirements.lock
COPY pyproject.toml README.md ./
COPY warwire ./warwire
COPY streams ./streams
COPY schemas ./schemas
# The constraint makes pip fail rather than silently pick a version outside the lock.
RUN /opt/warwire/bin/pip install --no-cache-dir --constraint deploy/requirements.lock . \
    && /opt/warwire/bin/pip check

FROM ${PYTHON_IMAGE} AS runtime
LABEL org.opencontainers.image.title="warwire" \
      org.opencontainers.image.description="Kafka stream processor for Russia-Ukraine war news"
ENV PATH=/opt/warwire/bin:${PATH} \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    WARWIRE_DATA_DIR=/var/lib/warwire/data \
    WARWIRE_METRICS_PORT=9464
RUN groupadd --system --gid 10001 warwire \
    && useradd --system --uid 10001 --gid warwire --home-dir /var/lib/warwire \
       --create-home --shell /usr/sbin/nologin warwire \
    && install -d -o warwire -g warwire /var/lib/warwire/data
COPY --from=build /opt/warwire /opt/warwire
WORKDIR /var/lib/warwire
USER warwire:warwire
EXPOSE 9464
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/metrics' % os.environ.get('WARWIRE_METRICS_PORT', '9464'), timeout=4).read()"]
ENTRYPOINT ["warwire"]
CMD ["run"]
