#!/bin/sh
# The accessibility tests inject axe-core (from npm) into pages; install it once.
set -e
cd "$(dirname "$0")/.."
if [ -f node_modules/axe-core/axe.min.js ]; then
    exit 0
fi
echo "installing axe-core for the accessibility tests"
npm install --no-audit --no-fund --silent
