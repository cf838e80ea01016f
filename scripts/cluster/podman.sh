# shellcheck shell=bash
# Sourced by the cluster scripts: Debian's podman, buildah and mmdebstrap (installed if missing),
# with this repo's containers.conf.
if ! command -v podman >/dev/null || ! command -v mmdebstrap >/dev/null; then
  echo "installing podman and mmdebstrap from Debian" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman buildah mmdebstrap uidmap >/dev/null
fi
CONTAINERS_CONF="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/containers.conf"
export CONTAINERS_CONF
