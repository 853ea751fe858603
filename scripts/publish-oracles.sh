#!/usr/bin/env bash
# Installs the readers the publishing tests check privlint's output with (tests/publish/), from
# Debian, pinned, only when missing (idempotent: a second run installs nothing):
#   - kramdown (Jekyll's Markdown), `ruby-kramdown` 2.4.0-2, for test_markdown.py;
#   - LibreOffice Calc without a GUI, `libreoffice-calc-nogui` 7.4.7, for test_csv_libreoffice.py.
#     Debian replaces a LibreOffice build by the next security update (…+deb12uN), so the pin
#     is the upstream version 7.4.7: the newest Debian build of it is installed.
# The MDX compiler (npm) is installed by test_markdown.py from tests/publish/mdx/package-lock.json,
# Python-Markdown by scripts/setup.sh from tests/requirements.txt. Run by scripts/test.sh as root.
set -euo pipefail

KRAMDOWN_VERSION=2.4.0-2
LIBREOFFICE_UPSTREAM=7.4.7

installed() { dpkg-query -W -f='${Status} ${Version}\n' "$1" 2>/dev/null | awk '$3 == "installed" {print $4}'; }

wanted=()
if [ "$(installed ruby-kramdown)" != "$KRAMDOWN_VERSION" ]; then
    wanted+=("ruby-kramdown=$KRAMDOWN_VERSION")
fi
case "$(installed libreoffice-calc-nogui)" in
    *:"$LIBREOFFICE_UPSTREAM"-*) ;;
    *) wanted+=(libreoffice-calc-nogui) ;;
esac
if [ ${#wanted[@]} -eq 0 ]; then
    echo "publish-oracles: kramdown $KRAMDOWN_VERSION and LibreOffice $LIBREOFFICE_UPSTREAM already installed"
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "publish-oracles: ${wanted[*]} missing; run as root or: apt-get install ${wanted[*]}" >&2
    exit 1
fi
apt-get update -qq
for i in "${!wanted[@]}"; do
    if [ "${wanted[$i]}" = libreoffice-calc-nogui ]; then
        version=$(apt-cache madison libreoffice-calc-nogui | awk -v v=":$LIBREOFFICE_UPSTREAM-" 'index($3, v) {print $3; exit}')
        if [ -z "$version" ]; then
            echo "publish-oracles: no Debian build of LibreOffice $LIBREOFFICE_UPSTREAM" >&2
            exit 1
        fi
        wanted[$i]="libreoffice-calc-nogui=$version"
    fi
done
echo "publish-oracles: apt-get install ${wanted[*]}"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${wanted[@]}" >/dev/null
