#!/usr/bin/env bash
# npm test: every test, from a fresh checkout. Installs Debian's chromium for the e2e when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# A CJK font too, or the screenshots show boxes for every Chinese character.
if ! command -v chromium >/dev/null 2>&1 || ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  echo "== installing chromium and a Chinese font (Debian) for the end-to-end tests"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
fi

echo "== type check"
npx tsc -p .

echo "== architecture rules (dependency-cruiser)"
npm run -s depcruise

echo "== builds: cloud functions, weapp (with its size budget), h5"
npm run -s build:cloud
npm run -s build:weapp
npm run -s build:h5

echo "== tests: core, contract, server, app, weapp (miniprogram-simulate), e2e (chromium)"
npx jest --ci --maxWorkers=2 --passWithNoTests --selectProjects node app weapp "$@"
# The browser tests alone, one at a time: beside the CPU-heavy race suites, a page's first load
# could outlast its wait on this 2-core machine.
npx jest --ci --runInBand --passWithNoTests --selectProjects e2e "$@"
