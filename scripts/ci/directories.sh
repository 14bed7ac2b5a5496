#!/usr/bin/env bash
# Installs the real directories the @oauth-ro/ldap tests start themselves: OpenLDAP slapd (+ ldap-utils)
# and a Samba AD domain controller. Idempotent: does nothing when everything is already there.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

need=()
command -v slapd >/dev/null 2>&1 || [ -x /usr/sbin/slapd ] || need+=(slapd)
command -v ldapadd >/dev/null 2>&1 || need+=(ldap-utils)
command -v samba-tool >/dev/null 2>&1 || need+=(samba samba-ad-dc)
[ -x /usr/sbin/samba ] || need+=(samba-ad-dc)
[ -d /usr/share/samba/setup/ad-schema ] || need+=(samba-ad-provision)
command -v openssl >/dev/null 2>&1 || need+=(openssl)

if [ "${#need[@]}" -gt 0 ]; then
  # Debian's slapd asks debconf questions; preseed them so the install never prompts.
  echo "slapd slapd/no_configuration boolean true" | debconf-set-selections 2>/dev/null || true
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# The packages start system daemons on install; the tests run their own instances on high ports.
for svc in slapd samba-ad-dc smbd nmbd winbind; do
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$svc" 2>/dev/null; then
    systemctl stop "$svc" >/dev/null 2>&1 || true
  fi
  if command -v service >/dev/null 2>&1; then service "$svc" stop >/dev/null 2>&1 || true; fi
done
echo "directories: slapd $(/usr/sbin/slapd -VV 2>&1 | head -1 | grep -o '[0-9]\+\.[0-9.]\+' | head -1), samba $(samba --version 2>/dev/null || /usr/sbin/samba --version)"
