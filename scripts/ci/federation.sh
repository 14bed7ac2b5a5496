#!/usr/bin/env bash
# What the @oauth-ro/waad and @oauth-ro/adfs tests need from the system: openssl, with which the fake
# ADFS makes its RSA token-signing certificates at test time. Idempotent: does nothing when present.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

if ! command -v openssl >/dev/null 2>&1; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends openssl >/dev/null
fi
echo "federation: $(openssl version | cut -d' ' -f1-2)"
