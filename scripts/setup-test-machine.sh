#!/usr/bin/env bash
# Installs what the test suite needs and Node cannot bring: Debian's Chromium for the browser
# tests, CJK and Latin fonts for screenshots and charts, R (haven, foreign, readxl, jsonlite,
# survey) and LibreOffice as the independent readers and oracles the export, report and
# statistics tests compare with. Shared by `npm test` (its pretest step) and .ci/run.
#
# Quiet and quick when everything is there. Otherwise it says what it installs and why, then
# runs apt-get (as root), or stops with the command to run where it cannot (not root, no apt).
#
#   scripts/setup-test-machine.sh            install what is missing
#   scripts/setup-test-machine.sh --dry-run  only say what would be installed (exit 1 if anything)
#   SKIP_TEST_SETUP=1 npm test               skip this step (a machine set up some other way)
set -euo pipefail

dry_run=0
for arg in "$@"; do
  case "$arg" in
    --dry-run | -n) dry_run=1 ;;
    -h | --help)
      sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "setup-test-machine: unknown option '$arg' (try --help)" >&2
      exit 2
      ;;
  esac
done
if [ "${SKIP_TEST_SETUP:-}" = 1 ]; then exit 0; fi

packages=()
reasons=()
need() { # need <why> <package>...
  reasons+=("$1")
  shift
  packages+=("$@")
}

# Each probe looks for the thing itself, not for a package name: a machine may have it from elsewhere.
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 ||
  need "the browser tests drive Debian's Chromium (no test downloads a browser)" chromium
if ! command -v fc-list >/dev/null 2>&1; then
  need "screenshots and rendered charts must show Chinese glyphs (fontconfig finds Noto CJK for Chromium and the charts)" fontconfig fonts-noto-cjk
elif [[ "$(fc-list 2>/dev/null)" != *"Noto Sans CJK"* ]]; then # not `| grep -q`: under pipefail, fc-list's SIGPIPE would read as "missing"
  need "screenshots and rendered charts must show Chinese glyphs" fonts-noto-cjk
fi
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] ||
  need "the chart tests compare with a font that lacks CJK (DejaVu Sans)" fonts-dejavu-core
r_packages=(haven foreign readxl jsonlite survey)
if ! command -v Rscript >/dev/null 2>&1; then
  need "R reads the .sav/CSV/XLSX exports back and is the statistics oracle" r-base-core r-cran-haven r-cran-foreign r-cran-readxl r-cran-jsonlite r-cran-survey
else
  # One R start-up for all of them (each costs about a second).
  list=$(printf "'%s'," "${r_packages[@]}")
  missing_r=$(Rscript -e "p <- c(${list%,}); cat(p[!vapply(p, requireNamespace, logical(1), quietly = TRUE)])" 2>/dev/null || echo "${r_packages[*]}")
  if [ -n "$missing_r" ]; then
    read -r -a missing_list <<<"$missing_r"
    need "R lacks ${missing_r} for the read-back and oracle tests" "${missing_list[@]/#/r-cran-}"
  fi
fi
command -v soffice >/dev/null 2>&1 ||
  need "LibreOffice opens the report and table workbooks as an independent check" libreoffice-calc-nogui

[ "${#packages[@]}" = 0 ] && exit 0

echo "setup-test-machine: the tests need Debian packages that are missing:" >&2
for r in "${reasons[@]}"; do echo "  - $r" >&2; done
command_line="apt-get install -y --no-install-recommends ${packages[*]}"
if [ "$dry_run" = 1 ]; then
  echo "would run: $command_line" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-test-machine: no apt-get here (not Debian or Ubuntu). Install the equivalents of: ${packages[*]}" >&2
  echo "(or set SKIP_TEST_SETUP=1 once they are there by other means)." >&2
  exit 1
fi
if [ "$(id -u)" != 0 ]; then
  echo "setup-test-machine: installing needs root. Run once: sudo $command_line" >&2
  echo "then npm test again." >&2
  exit 1
fi
echo "setup-test-machine: running $command_line" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive $command_line -qq >/dev/null
echo "setup-test-machine: installed ${packages[*]}" >&2
