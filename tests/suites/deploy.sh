#!/bin/sh
# deploy.sh - deploy/ ships Prometheus rules and a Grafana dashboard that
# use only metrics `leakhound watch --listen` exports (TAP).
set -u
n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }

rules=deploy/prometheus/leakhound-rules.yml
dash=deploy/grafana/leakhound-dashboard.json
exported=$(grep -o '"leakhound_[a-z_]*"' src/report/prom.c | tr -d '"' | sort -u)

if node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$dash" 2>/dev/null; then
	ok "dashboard is valid JSON"
else
	notok "dashboard is valid JSON"
fi
grep -q '^groups:' "$rules" && [ "$(grep -c '^      - alert: ' "$rules")" -ge 3 ] &&
	[ "$(grep -c '^        expr: ' "$rules")" -eq "$(grep -c '^      - alert: ' "$rules")" ] &&
	ok "rules: every alert has an expr" || notok "rules: every alert has an expr"
grep -q '	' "$rules" && notok "rules: no tabs (YAML)" || ok "rules: no tabs (YAML)"
for f in "$rules" "$dash"; do
	missing=""
	for m in $(grep -o 'leakhound_[a-z_]*' "$f" | sort -u); do
		echo "$exported" | grep -qx "$m" || missing="$missing $m"
	done
	[ -z "$missing" ] && ok "$f uses only exported metrics" ||
		notok "$f uses only exported metrics (unknown:$missing)"
done
echo "1..$n"
[ "$fails" -eq 0 ]
