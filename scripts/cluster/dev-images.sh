#!/usr/bin/env bash
# The dev profile's infrastructure images for the cluster, made here: PostgreSQL and RabbitMQ
# from Debian's packages (dev-images/), and the SMTP sink, Mailpit, built from its module at the
# version the chart pins (its web pages' script bundle, made by its npm build, is not in the
# module: the sink's API and SMTP work, its web UI shows no messages). Idempotent. Prints the
# chart's --set arguments that name them, one per line.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$here/podman.sh"
debian_image=$(bash "$here/base-image.sh" --debian)
# Tagged with the Debian suite: under a :latest tag the kubelet would try to pull them.
suite=$(sed -n 's/.*:\(.*\)-minbase$/\1/p' <<<"$debian_image")
for name in postgresql rabbitmq; do
  image="localhost/checkout-dev-$name:$suite"
  if ! podman image exists "$image"; then
    echo "building $image from Debian's packages" >&2
    podman build --quiet --build-arg "DEBIAN_IMAGE=$debian_image" -t "$image" \
      "$here/dev-images/$name" >/dev/null
  fi
  echo "dev.images.$name=$image"
done
mailpit=$(sed -n 's/^    smtpSink: //p' "$root/charts/course-checkout/values.yaml")
version=${mailpit##*:}
bash "$here/go-image.sh" "$mailpit" \
  "$(bash "$here/module-dir.sh" "github.com/axllent/mailpit@$version")" . \
  -ldflags "-s -w -X github.com/axllent/mailpit/config.Version=$version"
echo "dev.images.smtpSink=$mailpit"
