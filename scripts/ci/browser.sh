#!/usr/bin/env bash
# What the @oauth-ro/demo-web end-to-end test needs from the system: Debian's Chromium (driven by
# playwright-core with executablePath /usr/bin/chromium; playwright never downloads a browser) and a
# font, so the page's text renders in the screenshots. Idempotent: does nothing when both are there.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -d /usr/share/fonts/truetype/dejavu ] || need+=(fonts-dejavu-core)

if [ "${#need[@]}" -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
echo "browser: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
