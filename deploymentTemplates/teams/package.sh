#!/usr/bin/env bash
# Builds the Teams app package: manifest.json with the placeholders filled in, plus the two icons, zipped flat
# (Teams wants all three files at the root of the zip). Output: deploymentTemplates/teams/build/triagebot-teams.zip
#
#   BOT_ID=<Microsoft App ID of the Azure Bot> \
#   BOT_DOMAIN=<app-service-name>.azurewebsites.net \
#   deploymentTemplates/teams/package.sh
#
# Optional (defaults in brackets):
#   TEAMS_APP_ID      the Teams app's own id, a GUID that must stay the same for every update [BOT_ID]
#   APP_VERSION       semver, raise it for every new upload [1.0.0]
#   DEVELOPER_NAME    shown in the Teams app details, max 32 characters [TriageBot]
#   WEBSITE_URL       https URL of the school or trust [https://BOT_DOMAIN]
#   PRIVACY_URL       https URL of the privacy notice [WEBSITE_URL]
#   TERMS_OF_USE_URL  https URL of the terms of use [WEBSITE_URL]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/build"

fail() { echo "package.sh: $*" >&2; exit 1; }

guid='^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$'
[[ -n "${BOT_ID:-}" ]] || fail "set BOT_ID to the Azure Bot's Microsoft App ID (for UserAssignedMSI: the identity's client id)"
[[ "$BOT_ID" =~ $guid ]] || fail "BOT_ID '$BOT_ID' is not a GUID"
[[ -n "${BOT_DOMAIN:-}" ]] || fail "set BOT_DOMAIN to the host name of the bot, e.g. triagebot-hillside.azurewebsites.net"
[[ "$BOT_DOMAIN" =~ ^[A-Za-z0-9.-]+$ ]] || fail "BOT_DOMAIN '$BOT_DOMAIN' must be a bare host name (no https://, no path)"

TEAMS_APP_ID="${TEAMS_APP_ID:-$BOT_ID}"
APP_VERSION="${APP_VERSION:-1.0.0}"
DEVELOPER_NAME="${DEVELOPER_NAME:-TriageBot}"
WEBSITE_URL="${WEBSITE_URL:-https://$BOT_DOMAIN}"
PRIVACY_URL="${PRIVACY_URL:-$WEBSITE_URL}"
TERMS_OF_USE_URL="${TERMS_OF_USE_URL:-$WEBSITE_URL}"

[[ "$TEAMS_APP_ID" =~ $guid ]] || fail "TEAMS_APP_ID '$TEAMS_APP_ID' is not a GUID"
[[ "$APP_VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "APP_VERSION '$APP_VERSION' must look like 1.2.3"
(( ${#DEVELOPER_NAME} <= 32 )) || fail "DEVELOPER_NAME is longer than 32 characters"
for name in WEBSITE_URL PRIVACY_URL TERMS_OF_USE_URL; do
  [[ "${!name}" =~ ^https://[^[:space:]\"\\]+$ ]] || fail "$name '${!name}' must be an https:// URL"
done
[[ "$DEVELOPER_NAME" != *[\"\\]* ]] || fail "DEVELOPER_NAME must not contain quotes or backslashes"

manifest="$(<"$here/manifest.json")"
# Bash 5.2 treats & in a replacement as the matched text; URLs may contain &, so switch that off.
shopt -u patsub_replacement 2>/dev/null || true
for name in BOT_ID TEAMS_APP_ID APP_VERSION DEVELOPER_NAME WEBSITE_URL PRIVACY_URL TERMS_OF_USE_URL BOT_DOMAIN; do
  manifest="${manifest//"\${{$name}}"/${!name}}"
done
if [[ "$manifest" == *'${{'* ]]; then
  fail "manifest.json still has a placeholder this script does not know: $(grep -o '\${{[A-Z_]*}}' <<<"$manifest" | sort -u | tr '\n' ' ')"
fi

rm -rf "$out"
mkdir -p "$out/package"
printf '%s\n' "$manifest" > "$out/package/manifest.json"
cp "$here/color.png" "$here/outline.png" "$out/package/"

if command -v python3 >/dev/null; then
  python3 -m json.tool "$out/package/manifest.json" >/dev/null || fail "the filled-in manifest is not valid JSON"
fi

zip_path="$out/triagebot-teams.zip"
if command -v zip >/dev/null; then
  (cd "$out/package" && zip -q -X "$zip_path" manifest.json color.png outline.png)
elif command -v python3 >/dev/null; then
  (cd "$out/package" && python3 -m zipfile -c "$zip_path" manifest.json color.png outline.png)
else
  fail "neither zip nor python3 is installed"
fi

echo "Built $zip_path (Teams app id $TEAMS_APP_ID, bot $BOT_ID, version $APP_VERSION)."
echo "Upload it in Teams (Apps > Manage your apps > Upload an app) or in the Teams admin center."
