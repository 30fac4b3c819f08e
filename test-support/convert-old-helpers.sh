#!/usr/bin/env bash
# Converts tests written against the old per-module helpers to test-support's (issue #13). Run from the repository
# root after merging; idempotent. Then compile: a miss is a compile error, never a silent change.
set -euo pipefail

# add_import CLASS FILE...: imports dev.storefrontsession.testing.CLASS where the file uses CLASS without it
add_import() {
  local cls=$1; shift
  for f in "$@"; do
    if grep -qw "$cls" "$f" && ! grep -q "^import dev\.storefrontsession\.testing\.$cls;" "$f"; then
      sed -i "0,/^package .*;\$/s//&\n\nimport dev.storefrontsession.testing.$cls;/" "$f"
    fi
  done
}
java_files() { grep -rlw --include='*.java' "$@" 2>/dev/null || true; }

# storefront tests: the storefront's own ShopperClient (same package, no import before)
files=$(java_files ShopperClient storefront/src/test)
if [ -n "$files" ]; then
  sed -i -E 's/\bShopperClient\.Page\b/ShopperClient.Response/g; s/new ShopperClient\(/ShopperClient.behindProxy(/g' $files
  perl -pi -e 's/\b(\w+)\.cookies\b(?=\.(?:get|put|putAll|remove|containsKey|keySet|entrySet|values|isEmpty|clear|size|forEach)\(|[),;\s])/$1.cookies()/g' $files   # the cookies field is the cookies() method
  add_import ShopperClient $files
fi

# session-spring tests: Browser
files=$(java_files Browser session-spring/src/test)
if [ -n "$files" ]; then
  sed -i -E 's/^import dev\.storefrontsession\.spring\.testing\.Browser;/import dev.storefrontsession.testing.ShopperClient;/; s/\.postForm\(/.post(/g' $files
  perl -pi -e 's/\bBrowser\b(?!-)/ShopperClient/g' $files
  add_import ShopperClient $files
fi

# system-tests: Shopper and FaultProxy (FaultProxy's modes need hand edits: see test-support/README.md)
files=$(java_files Shopper system-tests/src/test)
if [ -n "$files" ]; then
  sed -i -E 's/\bShopper\.Page\b/ShopperClient.Response/g; s/\bShopper\.enc\(/ShopperClient.encode(/g; s/\.headers\.put\(/.headers().put(/g' $files
  perl -pi -e 's/\bShopper\b(?!-)/ShopperClient/g' $files   # not in "Shopper-Pass-1"
  perl -pi -e 's/\b(\w+)\.cookies\b(?=\.(?:get|put|putAll|remove|containsKey|keySet|entrySet|values|isEmpty|clear|size|forEach)\(|[),;\s])/$1.cookies()/g' $files
  add_import ShopperClient $files
fi

# clocks
files=$(java_files MutableClock bigcommerce-sandbox/src/test session-spring/src/test)
if [ -n "$files" ]; then
  sed -i -E 's/^import dev\.storefrontsession\.(sandbox|spring\.testapp)\.MutableClock;/import dev.storefrontsession.testing.MutableClock;/' $files
  add_import MutableClock $files
fi
files=$(java_files ManualClock bigcommerce-client/src/test)
if [ -n "$files" ]; then
  sed -i -E 's/^import dev\.storefrontsession\.client\.ManualClock;/import dev.storefrontsession.testing.MutableClock;/; s/\bManualClock\.now\(\)/MutableClock.startingNow()/g; s/\bManualClock\b/MutableClock/g' $files
  add_import MutableClock $files
fi

# the client's FaultyProxy: same API, another package
files=$(java_files FaultyProxy bigcommerce-client/src/test)
if [ -n "$files" ]; then
  sed -i -E 's/^import dev\.storefrontsession\.client\.FaultyProxy;/import dev.storefrontsession.testing.FaultyProxy;/' $files
  add_import FaultyProxy $files
fi

# the storefront's embedded sandbox moved to storefront.embedded
files=$(java_files EmbeddedSandbox storefront/src benchmarks/src system-tests/src)
if [ -n "$files" ]; then
  sed -i -E 's/\bdev\.storefrontsession\.storefront\.EmbeddedSandbox\b/dev.storefrontsession.storefront.embedded.EmbeddedSandbox/g' $files
  for f in $files; do
    [ "$(basename "$f")" = package-info.java ] && continue
    if grep -q '^package dev\.storefrontsession\.storefront;' "$f" && ! grep -q 'import dev\.storefrontsession\.storefront\.embedded\.EmbeddedSandbox;' "$f"; then
      sed -i '0,/^package .*;$/s//&\n\nimport dev.storefrontsession.storefront.embedded.EmbeddedSandbox;/' "$f"
    fi
  done
fi
files=$(java_files SandboxResetLinks storefront/src)
if [ -n "$files" ]; then
  sed -i -E 's/\bdev\.storefrontsession\.storefront\.internal\.SandboxResetLinks\b/dev.storefrontsession.storefront.embedded.SandboxResetLinks/g' $files
fi

# The renames can also hit string literals (a figure named "attacks.cookies.…" became "attacks.cookies().…"):
# list every literal that now holds a new name, for a look by eye.
grep -rnE --include='*.java' '"[^"]*(ShopperClient|MutableClock|\.cookies\(\))[^"]*"' storefront/src/test \
  session-spring/src/test system-tests/src/test bigcommerce-client/src/test bigcommerce-sandbox/src/test || true
