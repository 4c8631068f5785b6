#!/usr/bin/env bash
# Scanners from Debian's packages against Portal on loopback (never another host), each bounded in time:
#  - wapiti against the public pages (Why page, feedback form, ticket status, opt-out, login) and the Decision API;
#  - sqlmap against the triage board's search (its HTTP form: the board's CSV export takes the same filter, signed in),
#    the audit export's query parameters (signed in), Rank's JSON body and the reward path (subscription key).
# Portal runs in Production mode over HTTPS (a self-signed certificate for 127.0.0.1: forms need HTTPS there) with a
# fresh data folder and generous rate limits, so the scanners test the code rather than the limiter.
# Prints findings by severity and ends with "scanner findings: high H, medium M, low L, info I"; exits 1 on a high.
# usage: bench/security-scan.sh [--port 5401] [--wapiti-seconds 120] [--sqlmap-seconds 150] [--out DIR]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PORT=5401 WAPITI_SECONDS=120 SQLMAP_SECONDS=150 OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --port) PORT="$2"; shift 2 ;; --wapiti-seconds) WAPITI_SECONDS="$2"; shift 2 ;;
    --sqlmap-seconds) SQLMAP_SECONDS="$2"; shift 2 ;; --out) OUT="$2"; shift 2 ;;
    *) log "unknown option $1"; exit 2 ;;
  esac
done

if ! command -v wapiti >/dev/null || ! command -v sqlmap >/dev/null; then
  apt-get update -qq && APT_UPDATED=1
  apt-cache policy wapiti sqlmap | grep -E '^[a-z]|Candidate' >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wapiti sqlmap >/dev/null
fi
ensure_apt jq jq
build_release

WORK="$(mktemp -d /tmp/portal-security-scan.XXXXXX)"
OUT="${OUT:-$WORK/reports}"; mkdir -p "$OUT"
export HTTPS_PORT=$((PORT + 1)) Portal__RateLimits__LoginPostsPerMinute=100000 \
  Portal__RateLimits__FeedbackPostsPerMinute=100000 Portal__RateLimits__FeedbackPostsPerMinuteGlobal=100000
BASE="https://127.0.0.1:$HTTPS_PORT"
loopback_certificate "$WORK"
trap 'stop_server KILL; log "work folder: $WORK"' EXIT
start_server "$PORT" "$WORK/data"
ADMIN_EMAIL=admin@localhost
KEY_HEADER="Ocp-Apim-Subscription-Key: $BENCH_KEY"
RANK_BODY='{"eventId":"scan-1","contextFeatures":[{"user":{"tier":"gold","visits":3}}],"actions":[{"id":"a1","features":[{"item":{"c":"x"}}]},{"id":"a2","features":[{"item":{"c":"y"}}]}]}'

# Real URLs: a Rank gives a Why link, a feedback post a ticket status link.
why=$(curl -sk -H "$KEY_HEADER" -H 'Content-Type: application/json' -d "$RANK_BODY" "$BASE/personalizer/v1.0/rank" | jq -r .whyUrl)
[ "$why" != null ] || { log "Rank gave no whyUrl"; exit 1; }
decision_link=${why##*/}
jar="$WORK/visitor.cookies"
token=$(curl -sk -c "$jar" "$BASE/feedback" | sed -n 's/.*name="__RequestVerificationToken" value="\([^"]*\)".*/\1/p' | head -1)
status=$(curl -sk -b "$jar" -F _handler=feedback -F Input.Category=Irrelevant -F "Input.Message=security scan seed" \
  -F Input.ContactEmail= -F Input.Website= -F "__RequestVerificationToken=$token" "$BASE/feedback" \
  | sed -n 's:.*data-testid="status-link">\([^<]*\)<.*:\1:p' | head -1)
[ -n "$status" ] || { log "the feedback post gave no status link"; exit 1; }
# Signed in as the administrator through the login form (antiforgery token included), for the board and audit export.
admin="$WORK/admin.cookies"
token=$(curl -sk -c "$admin" "$BASE/Account/Login" | sed -n 's/.*name="__RequestVerificationToken" value="\([^"]*\)".*/\1/p' | head -1)
curl -sk -b "$admin" -c "$admin" -o /dev/null --data-urlencode "__RequestVerificationToken=$token" --data-urlencode _handler=login \
  --data-urlencode "Input.Email=$ADMIN_EMAIL" --data-urlencode "Input.Password=$BENCH_ADMIN_PASSWORD" "$BASE/Account/Login"
[ "$(curl -sk -b "$admin" -o /dev/null -w '%{http_code}' "$BASE/tickets/export.csv?q=seed")" = 200 ] \
  || { log "the administrator's login did not give access to the board export"; exit 1; }
cookie=$(awk -F'\t' '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$admin")

echo "Portal security scan on $BASE (loopback, Production mode); $(wapiti --version 2>/dev/null | tail -1), sqlmap $(sqlmap --version 2>/dev/null | grep -oE '^[0-9][^ ]*' | head -1)"
echo "targets: ${why#"$BASE"}, /feedback, ${status#"$BASE"}, /privacy/opt-out?d=…, /Account/Login, /personalizer/v1.0/{rank,events/…/reward,configurations/service,logs/properties}"

# wapiti <name> <seconds> <wapiti arguments…>: one bounded run, JSON report in $OUT/wapiti-<name>.json. No -x exclusions:
# Debian's wapiti 3.0.4 on Python 3.11 crashes on any (its pattern ends in "(?ms)"); the scan is not signed in, so it
# cannot log anyone out, and Identity's logout is a POST with an antiforgery token anyway. Modules: wapiti's defaults but
# ssrf (it asks an Internet host, wapiti3.ovh, for callbacks), wapp and nikto (they download their databases),
# buster and brute_login_form (guessing paths and passwords; the latter locks accounts).
WAPITI_MODULES=backup,blindsql,cookieflags,crlf,csp,csrf,exec,file,htaccess,http_headers,methods,permanentxss,redirect,shellshock,sql,xss,xxe
wapiti_run() {
  local name="$1" seconds="$2"; shift 2
  log "wapiti $name (crawl at most ${seconds} s, each module at most 15 s)…"
  timeout $((seconds + 600)) wapiti --flush-session --verify-ssl 0 -m "$WAPITI_MODULES" --max-scan-time "$seconds" --max-attack-time 15 \
    -d 3 --max-links-per-page 40 --no-bugreport -v 0 \
    -f json -o "$OUT/wapiti-$name.json" "$@" >"$WORK/wapiti-$name.log" 2>&1 || log "wapiti $name ended with $? (see $WORK/wapiti-$name.log)"
}
wapiti_run public "$WAPITI_SECONDS" -u "$BASE/" --scope domain -s "$why" -s "$BASE/feedback?d=$decision_link" -s "$status" \
  -s "$BASE/privacy/opt-out?d=$decision_link" -s "$BASE/Account/Login"
wapiti_run api "$WAPITI_SECONDS" -u "$BASE/personalizer/" --scope folder -H "$KEY_HEADER" \
  -s "$BASE/personalizer/v1.0/configurations/service" -s "$BASE/personalizer/v1.0/logs/properties" \
  -s "$BASE/personalizer/v1.0/configurations/policy"

# sqlmap <name> <sqlmap arguments…>: one bounded run (SQLite, level 1, risk 1: every technique on the named parameters,
# no header or cookie injection), the gist of its log in $OUT/sqlmap-<name>.txt.
sqlmap_run() {
  local name="$1"; shift
  log "sqlmap $name (at most ${SQLMAP_SECONDS} s)…"
  timeout "$SQLMAP_SECONDS" sqlmap --batch --flush-session --dbms=SQLite --level=1 --risk=1 --threads=2 --timeout=10 --retries=1 \
    --output-dir="$WORK/sqlmap" --disable-coloring "$@" >"$WORK/sqlmap-$name.log" 2>&1 || true
  local shown="sqlmap $*"; shown=${shown//"$cookie"/<signed-in cookie>}; shown=${shown//"$BENCH_KEY"/<key>}
  { echo "$shown"
    grep -E 'injectable|vulnerable|identified the following|HTTP error codes|^[0-9]{3} \(|CRITICAL|ERROR' "$WORK/sqlmap-$name.log" \
      | grep -v "testing '" | sed 's/^\[[0-9:]*\] //' | head -40
    grep -q "all tested parameters do not appear to be injectable" "$WORK/sqlmap-$name.log" \
      || echo "(run ended by its ${SQLMAP_SECONDS} s bound before sqlmap's verdict on every parameter)"; } >"$OUT/sqlmap-$name.txt" || true
}
sqlmap_run board-search -u "$BASE/tickets/export.csv?q=seed&loop=demo&assignee=someone&segment=s1&sort=Created" \
  -p q,loop,assignee,segment --cookie "$cookie"
sqlmap_run audit-query -u "$BASE/audit/export.csv?loopId=demo&actor=admin&action=loop.created&targetType=loop&targetId=demo" \
  -p loopId,actor,action,targetType,targetId --cookie "$cookie"
sqlmap_run rank-body -u "$BASE/personalizer/v1.0/rank" -H "$KEY_HEADER" -H "Content-Type: application/json" \
  --data '{"contextFeatures":[{"user":{"tier":"gold*","visits":3}}],"actions":[{"id":"a1*","features":[{"item":{"c":"x*"}}]},{"id":"a2","features":[{"item":{"c":"y"}}]}],"excludedActions":["a9*"]}'
sqlmap_run reward-path -u "$BASE/personalizer/v1.0/events/scan-1*/reward" -H "$KEY_HEADER" -H "Content-Type: application/json" \
  --data '{"value":0.5}'

# Findings by severity. wapiti levels: 4 critical and 3 high count as high, 2 medium, 1 low, 0 and the
# "infos"/"additionals" sections info; anomalies (500 answers, timeouts) count as medium. sqlmap: an injectable
# parameter is high.
{
  for f in "$OUT"/wapiti-*.json; do
    [ -s "$f" ] || continue
    jq -r --arg scan "$(basename "$f" .json)" '
      def level: if . >= 3 then "high" elif . == 2 then "medium" elif . == 1 then "low" else "info" end;
      ((.vulnerabilities // {}) | to_entries[] | .key as $k | .value[] | "\(.level | level)\t\($scan)\t\($k)\t\(.method) \(.path) \(.parameter // "")\t\(.info)"),
      ((.anomalies // {}) | to_entries[] | .key as $k | .value[] | "medium\t\($scan)\t\($k)\t\(.method) \(.path) \(.parameter // "")\t\(.info)"),
      ((.additionals // {}) | to_entries[] | .key as $k | .value[] | "\(.level // 0 | level)\t\($scan)\t\($k)\t\(.method) \(.path)\t\(.info)")' "$f"
  done
  for f in "$OUT"/sqlmap-*.txt; do
    grep -E "is vulnerable|appears to be .*injectable|identified the following injection" "$f" | sed "s/^/high\t$(basename "$f" .txt)\tSQL injection\t\t/" || true
  done
} | sort -u >"$OUT/findings.tsv"
for level in high medium low info; do
  n=$(grep -c "^$level	" "$OUT/findings.tsv" || true)
  echo "$level: $n"
  { grep "^$level	" "$OUT/findings.tsv" || true; } | cut -f2-4 | sort | uniq -c | sed 's/^/  /' | head -20
done
echo "sqlmap verdicts:"
for f in "$OUT"/sqlmap-*.txt; do
  printf '  %s: %s\n' "$(basename "$f" .txt)" "$({ grep -hoE "all tested parameters do not appear to be injectable|.*is vulnerable.*|\(run ended.*\)" "$f" || true; } | tail -1)"
done
high=$(grep -c "^high	" "$OUT/findings.tsv" || true); medium=$(grep -c "^medium	" "$OUT/findings.tsv" || true)
low=$(grep -c "^low	" "$OUT/findings.tsv" || true); info=$(grep -c "^info	" "$OUT/findings.tsv" || true)
echo "reports: $OUT"
echo "scanner findings: high $high, medium $medium, low $low, info $info"
[ "$high" = 0 ]
