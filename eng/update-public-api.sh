#!/usr/bin/env bash
# Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to
# a package's PublicAPI.Unshipped.txt, and drops the ones reported as removed (RS0017).
# Usage: eng/update-public-api.sh [package]   (Anima.Core by default; Anima.Orleans for the companion)
# Review the diff: a new line there is a new public API.
set -euo pipefail
cd "$(dirname "$0")/.."
package=${1:-Anima.Core}
api=src/$package/PublicAPI.Unshipped.txt
log=$(mktemp)
dotnet build "src/$package/$package.csproj" --no-incremental -p:TreatWarningsAsErrors=false 2>&1 > "$log" || true
grep -oP "RS0016: Symbol '\K.*?(?=' is not part of the declared public API)" "$log" | sort -u > "$log.add" || true
grep -oP "RS0017: Symbol '\K.*?(?=' is part of the declared API, but)" "$log" | sort -u > "$log.remove" || true
{ echo '#nullable enable'; { grep -v '^#nullable' "$api" | grep -vxFf "$log.remove" || true; cat "$log.add"; } | sort -u; } > "$log.new"
mv "$log.new" "$api"
echo "added $(wc -l < "$log.add"), removed $(wc -l < "$log.remove")"
rm -f "$log" "$log.add" "$log.remove"
