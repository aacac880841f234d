#!/usr/bin/env bash
# Lints the Opsdesk API description with Redocly's recommended ruleset and Spectral's oas ruleset, and fails on
# any error or warning from either.
#
#   docs/openapi/lint.sh                 lint the saved copy, docs/openapi/opsdesk.json (OpenApiDocumentIntegrationTests
#                                        writes it from the document the application serves)
#   docs/openapi/lint.sh FILE            lint another saved document
#   OPSDESK_API_KEY=opk_... docs/openapi/lint.sh http://localhost:8080/v3/api-docs
#                                        fetch the document from a running application (it is served only to an API
#                                        key or a console session) and lint it; with SAVE=1 it replaces the saved copy
#
# Needs Node.js and npm (npx fetches the pinned linters from the npm registry on first use).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
source=${1:-$here/opsdesk.json}
document=$source
if [[ $source == http://* || $source == https://* ]]; then
    document=$(mktemp --suffix=.json)
    trap 'rm -f "$document"' EXIT
    curl -fsS -H "Authorization: Bearer ${OPSDESK_API_KEY:?set OPSDESK_API_KEY to an API key}" "$source" -o "$document"
    if [[ ${SAVE:-0} == 1 ]]; then
        cp "$document" "$here/opsdesk.json"
    fi
fi

failed=0

echo "== Redocly (recommended) on $source"
report=$(mktemp --suffix=.json)
npx --yes @redocly/cli@2.77.0 lint --config "$here/redocly.yaml" --format json --max-problems 10000 "$document" \
    > "$report" 2> >(grep -v -e '[║╔╚]' >&2) || true
node -e '
    const report = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    for (const p of report.problems) {
        const where = (p.location || []).map(l => l.pointer).join(", ");
        console.log(`${p.severity} ${p.ruleId}: ${p.message} ${where}`);
    }
    const t = report.totals;
    console.log(`${t.errors} errors, ${t.warnings} warnings`);
    process.exit(t.errors + t.warnings === 0 ? 0 : 1);
' "$report" || failed=1
rm -f "$report"

echo "== Spectral (spectral:oas) on $source"
npx --yes @stoplight/spectral-cli@6.16.3 lint --ruleset "$here/.spectral.yaml" --fail-severity warn "$document" \
    || failed=1

exit $failed
