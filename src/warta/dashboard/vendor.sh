#!/usr/bin/env bash
# Re-vendor the dashboard's JavaScript from npm into static/vendor/ (run by `make vendor-dashboard`).
# Versions come from package.json beside this script; only the minified files and licences are kept.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
vendor="$here/static/vendor"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
version() { node -e "console.log(require('$here/package.json').dependencies['$1'])"; }
fetch() {  # fetch NAME: unpack the npm tarball of NAME@version into $tmp/NAME
  (cd "$tmp" && npm pack --silent "$1@$(version "$1")" >/dev/null)
  mkdir -p "$tmp/$1" && tar xzf "$tmp/$1"-*.tgz -C "$tmp/$1" --strip-components=1
}
fetch echarts
fetch swagger-ui-dist
rm -rf "$vendor/echarts" "$vendor/swagger-ui"
mkdir -p "$vendor/echarts" "$vendor/swagger-ui"
cp "$tmp/echarts/dist/echarts.esm.min.js" "$tmp/echarts/LICENSE" "$tmp/echarts/NOTICE" "$vendor/echarts/"
cp "$tmp/swagger-ui-dist/"{swagger-ui-bundle.js,swagger-ui.css,LICENSE,NOTICE,swagger-ui-bundle.js.LICENSE.txt} "$vendor/swagger-ui/"
# The bundle ends with a sourceMappingURL to a .map file we do not ship; drop it so browsers do not ask.
sed -i '/^\/\/# sourceMappingURL=/d' "$vendor/swagger-ui/swagger-ui-bundle.js" "$vendor/echarts/echarts.esm.min.js"
sed -i 's#/\*\# sourceMappingURL=[^*]*\*/##' "$vendor/swagger-ui/swagger-ui.css"
echo "vendored: echarts $(version echarts), swagger-ui-dist $(version swagger-ui-dist) -> $vendor"
