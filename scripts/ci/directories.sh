#!/usr/bin/env bash
# Installs the real directories the @oauth-ro/ldap tests start themselves: OpenLDAP slapd (+ ldap-utils)
# and a Samba AD domain controller (+ the provisioning data and Python ldb bindings the test launcher
# uses). Idempotent: does nothing when everything is already there.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

need=()
[ -x /usr/sbin/slapd ] || need+=(slapd)
command -v ldapmodify >/dev/null 2>&1 || need+=(ldap-utils)
command -v samba-tool >/dev/null 2>&1 || need+=(samba)
[ -x /usr/sbin/samba ] || need+=(samba-ad-dc)
[ -d /usr/share/samba/setup/ad-schema ] || need+=(samba-ad-provision)
/usr/bin/python3 -c 'import ldb' >/dev/null 2>&1 || need+=(python3-ldb)
command -v openssl >/dev/null 2>&1 || need+=(openssl)

if [ "${#need[@]}" -gt 0 ]; then
  # Debian's slapd asks debconf questions; preseed them so the install never prompts or sets up a server.
  echo "slapd slapd/no_configuration boolean true" | debconf-set-selections 2>/dev/null || true
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  # Packages may start system daemons on install; the tests run their own instances on their own
  # addresses and ports, and nothing must hold 389 on every address.
  for svc in slapd samba-ad-dc smbd nmbd winbind; do
    if command -v service >/dev/null 2>&1; then service "$svc" stop >/dev/null 2>&1 || true; fi
  done
fi
echo "directories: slapd $(/usr/sbin/slapd -VV 2>&1 | grep -o '[0-9]\+\.[0-9]\+\.[0-9]\+' | head -1), $(/usr/sbin/samba --version)"
