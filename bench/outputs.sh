#!/usr/bin/env bash
# Write every output of every command for a set of figure files into one folder, so that
# two versions of reconcile can be compared byte for byte: `bench/outputs.sh OUT [FILE...]`,
# then `diff -r OUT_BEFORE OUT_AFTER`. Default files: the bundled file and every case folder.
set -uo pipefail
out=${1:?usage: bench/outputs.sh OUT [FILE...]}
shift
mkdir -p "$out"
if [ $# -eq 0 ]; then
  set -- data/figures.yaml tests/cases/*/* tests/cases/real/excess-deaths-2020
fi
export COLUMNS=100 NO_COLOR=1
run() {  # name, then the command; records stdout, stderr and the exit code
  local name=$1; shift
  "$@" >"$out/$name.out" 2>"$out/$name.err"
  echo $? >"$out/$name.rc"
}
reconcile schema >"$out/schema.json"
for file in "$@"; do
  [ -e "$file" ] || continue
  case $file in *.md) continue ;; esac
  tag=$(echo "$file" | tr '/' '_')
  for f in text parsable json github sarif; do
    run "$tag.validate.$f" reconcile validate -f $f "$file"
    run "$tag.check.$f" reconcile check -f $f "$file"
  done
  for f in table json markdown; do run "$tag.compare.$f" reconcile compare -f $f "$file"; done
  for f in table csv json markdown; do run "$tag.claims.$f" reconcile claims -f $f "$file"; done
  for f in html markdown; do run "$tag.report.$f" reconcile report -f $f "$file"; done
  run "$tag.export" reconcile export "$file"
  for f in text json markdown; do run "$tag.diff.$f" reconcile diff -f $f data/figures.yaml "$file"; done
done
