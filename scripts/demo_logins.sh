#!/usr/bin/env bash
# Adds one demo account per role to the demo database and prints the logins.
# Usage: scripts/demo_logins.sh CXBENCH DB HOST:PORT
set -euo pipefail
cx=$1 db=$2 listen=$3
shopper=$(sqlite3 "$db" "SELECT shopper_id FROM contact WHERE status = 'planned' ORDER BY shopper_id LIMIT 1")
participant=$(sqlite3 "$db" "SELECT id FROM participant ORDER BY position LIMIT 1")
"$cx" user add --db "$db" --email admin@demo.no --name "Admin" --role admin --password demo-admin >/dev/null
"$cx" user add --db "$db" --email leder@demo.no --name "Studieleder" --role manager --password demo-leder >/dev/null
"$cx" user add --db "$db" --email kunde@demo.no --name "Mystery shopper $shopper" --role shopper \
  --shopper "$shopper" --password demo-kunde >/dev/null
"$cx" user add --db "$db" --email deltaker@demo.no --name "Deltaker $participant" --role participant \
  --participant "$participant" --password demo-deltaker >/dev/null
cat <<TEXT

Web app: http://$listen/   (one demo login per role)
  admin        admin@demo.no      demo-admin
  manager      leder@demo.no      demo-leder
  shopper      kunde@demo.no      demo-kunde      (shopper $shopper: 2 open assignments)
  participant  deltaker@demo.no   demo-deltaker   (sees $participant only)
TEXT
