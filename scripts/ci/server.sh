#!/usr/bin/env bash
# What the @oauth-ro/server tests need from the system: openssl (test certificate for the TLS front
# the Auth0 client libraries talk through) and curl (the zero-config banner's curl lines are run as
# printed). Idempotent: does nothing when both are there.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

need=()
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v curl >/dev/null 2>&1 || need+=(curl ca-certificates)

if [ "${#need[@]}" -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
echo "server: $(openssl version | cut -d' ' -f1-2), $(curl --version | head -1 | cut -d' ' -f1-2)"
