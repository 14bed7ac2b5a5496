#!/usr/bin/env bash
# What @oauth-ro/store-sqlite needs from the system. better-sqlite3 has no reachable prebuilt binary
# here (prebuild-install downloads from GitHub), so `pnpm install` compiles it with node-gyp: that
# takes python3, make, a C++ compiler and Node's headers (npm_config_nodedir=/usr). Run this BEFORE
# `pnpm install`. Idempotent: does nothing when everything is there.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

need=()
command -v python3 >/dev/null 2>&1 || need+=(python3)
command -v make >/dev/null 2>&1 || need+=(make)
command -v g++ >/dev/null 2>&1 || need+=(g++)

if [ "${#need[@]}" -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
if [ ! -f "${npm_config_nodedir:-/usr}/include/node/node_api.h" ]; then
  echo "store-sqlite: Node headers missing under ${npm_config_nodedir:-/usr}/include/node (needed to compile better-sqlite3)" >&2
  exit 1
fi
echo "store-sqlite: $(python3 --version), $(g++ --version | head -1), node headers $(node -v)"
