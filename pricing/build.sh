#!/usr/bin/env bash
# Builds the price snapshot, pricing/catalog.tsv, from the inputs in pricing/sources:
#   cited.tsv         prices cited one by one from public sources (each row names its source)
#   fargate-spot.tsv  Fargate Spot rates (made by sources/extract.py)
#   database-savings-plans.tsv  Database Savings Plans rates (made by sources/extract.py)
#   rds-support.tsv   RDS end of standard and Extended Support dates (made by sources/extract.py)
#   pages/*.json      AWS pricing-page files (made by sources/extract.py)
# with `stackplan pricing import`, so the snapshot goes through the code users run. Where two
# inputs price the same thing, the newer stated date wins and the other is kept as superseded.
#
# Usage: pricing/build.sh STACKPLAN            rewrite pricing/catalog.tsv
#        pricing/build.sh STACKPLAN --check    fail when pricing/catalog.tsv differs
set -euo pipefail
export LC_ALL=C
here=$(cd "$(dirname "$0")" && pwd)
stackplan=$1
mode=${2:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# An empty catalog to start from (a catalog directory without one starts from the snapshot).
printf '# stackplan price catalog v1\n[end]\t0 rows\n' >"$tmp/catalog.tsv"
"$stackplan" pricing import --catalog "$tmp" "$here/sources/cited.tsv" \
  "$here/sources/fargate-spot.tsv" \
  "$here/sources/database-savings-plans.tsv" "$here/sources/rds-support.tsv" \
  "$here"/sources/pages/*.json >"$tmp/import.log"
if [ "$mode" = "--check" ]; then
  if ! cmp -s "$tmp/catalog.tsv" "$here/catalog.tsv"; then
    diff -u "$here/catalog.tsv" "$tmp/catalog.tsv" | head -n 40 >&2 || true
    echo "pricing/catalog.tsv is not what pricing/build.sh builds from pricing/sources;" \
      "run: pricing/build.sh build/stackplan" >&2
    exit 1
  fi
  echo "pricing/catalog.tsv: built from pricing/sources ($(grep -c . "$here/catalog.tsv") lines)"
else
  cp "$tmp/catalog.tsv" "$here/catalog.tsv"
  cat "$tmp/import.log"
fi
