# shellcheck shell=bash
# Sourced by the provisioning scripts that cache under .tools/.
# `reuse_or_lock <target> <marker>`: when <marker> exists, prints <target> and exits; otherwise
# takes a lock beside <target> and returns, so callers in parallel (jest's test files) wait for
# one download or build instead of racing.
reuse_or_lock() {
  local target="$1" marker="$2"
  mkdir -p "$(dirname "$target")"
  exec 9>"$target.lock"
  flock 9
  if [[ -e "$marker" ]]; then
    echo "$target"
    exit 0
  fi
}
