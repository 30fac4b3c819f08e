#!/usr/bin/env bash
# bin/bench peers: the signed-in GET /api/auth/session of this storefront (production settings) against what a user
# would pick instead, one after another on this machine, with the same load generator and the same warm-up rule:
#   storefront      this project's storefront jar, STOREFRONT_ENV=production, against a separate sandbox process
#   nextjs          Next.js 15 + next-auth v5 (JWT sessions, Catalyst's claim layout), `next start`
#   spring-redis    Spring Boot 4 + Spring Security + Spring Session in Redis (Debian's redis-server)
#   spring-memory   the same app with Spring Session in a map in its own process
#   spring-none     the same app with no session at all (the framework's floor)
# Each server is warmed with 5 s wrk rounds until it is steady: the last three rounds within 5 % of each other and
# none of them more than 5 % below the best round so far (at most 36 rounds; PEERS_MAX_WARMUP_ROUNDS lowers the cap
# for a quick trial). Two rounds in a row are not enough: a JVM whose compiler threads share 2 cores with the load
# climbs in plateaus (storefront: 5,100, 5,340, 5,500 ... then 18,000 req/s once C2 has compiled the request path).
# Then measured once: wrk -t2 -c32 -d${PEERS_SECONDS:-20}s. Server CPU per request is read from /proc for the
# server's process tree (and redis-server for spring-redis) over the measured window. Prints key=value lines.
# Options: --seconds N (measured window), --only NAME[,NAME] (a subset), --keep-logs. PEERS_STOREFRONT_ARGS: more
# arguments for the storefront (e.g. "--management.observations.enable.http.server.requests=false"), for experiments.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
out="$root/benchmarks/target/bench/peers"
mkdir -p "$out"

seconds="${PEERS_SECONDS:-20}"
only="storefront,nextjs,spring-redis,spring-memory,spring-none"
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    *) echo "peers: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ "$seconds" =~ ^[0-9]+$ ]] && [ "$seconds" -ge 1 ] || { echo "peers: --seconds must be a positive number" >&2; exit 2; }

secret="bench-peers-secret-4d1e9b7a2c6f8e0d3b5a7c9e1f2d4b6a"
java_opts="${PEERS_JAVA_OPTS:--Xms512m -Xmx512m}"
ports=(4100 4200 4300 4400 4500)
sandbox_port=4600
redis_port=6390
pids=()

cleanup() {
  for pid in "${pids[@]}"; do
    kill_tree "$pid"
  done
}
trap cleanup EXIT

kill_tree() {
  local pid="$1" child
  for child in $(pgrep -P "$pid" 2>/dev/null || true); do
    kill_tree "$child"
  done
  kill "$pid" 2>/dev/null || true
}

need() {
  command -v "$1" >/dev/null 2>&1 && return
  echo "peers: installing $2 (Debian package)" >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q "$2" >&2; else sudo apt-get install -y -q "$2" >&2; fi
}

# Clock ticks of user+system CPU of a process and all its descendants.
tree_ticks() {
  local pid="$1" total=0 child
  if [ -r "/proc/$pid/stat" ]; then
    total=$(awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$pid/stat")
  fi
  for child in $(pgrep -P "$pid" 2>/dev/null || true); do
    total=$((total + $(tree_ticks "$child")))
  done
  echo "$total"
}

wait_http() {
  local url="$1" limit="$2" i
  for ((i = 0; i < limit * 10; i++)); do
    if curl -s -o /dev/null -m 2 "$url"; then return 0; fi
    sleep 0.1
  done
  echo "peers: $url did not answer within ${limit}s" >&2
  return 1
}

# wrk's requests/s of one run.
wrk_rps() {
  local url="$1" cookie="$2" secs="$3"
  wrk -t2 -c32 -d"${secs}s" -H "Cookie: $cookie" "$url" 2>&1 | tee -a "$out/wrk.log" \
    | awk '/^Requests\/sec:/ {printf "%.0f", $2}'
}

# True when the rounds given (req/s, oldest first) are steady: at least three, the last three within 5 % of each
# other, and none of those more than 5 % below the best round so far.
steady() {
  [ $# -ge 3 ] || return 1
  awk -v all="$*" 'BEGIN {
    n = split(all, r, " "); best = 0
    for (i = 1; i <= n; i++) if (r[i] + 0 > best) best = r[i] + 0
    lo = r[n] + 0; hi = lo
    for (i = n - 2; i <= n; i++) { if (r[i] + 0 < lo) lo = r[i] + 0; if (r[i] + 0 > hi) hi = r[i] + 0 }
    exit !(lo > 0 && hi <= lo * 1.05 && lo >= best * 0.95)
  }'
}

# Runs the warm-up rule, then the measured window; prints "<rps> <cpu_us_per_request> <seconds_to_steady>".
measure() {
  local name="$1" url="$2" cookie="$3" started="$4" cpu_pids="$5" rps round steady_at rounds=""
  for ((round = 1; round <= ${PEERS_MAX_WARMUP_ROUNDS:-36}; round++)); do
    rps=$(wrk_rps "$url" "$cookie" 5)
    [ -n "$rps" ] || { echo "peers: wrk gave no result for $name" >&2; return 1; }
    rounds="$rounds $rps"
    if steady $rounds; then
      break
    fi
  done
  echo "peers: $name warm-up rounds (req/s):$rounds" >&2
  steady_at=$(( $(date +%s%N) / 1000000 - started ))
  local ticks_before=0 ticks_after=0 pid hz
  hz=$(getconf CLK_TCK)
  for pid in $cpu_pids; do ticks_before=$((ticks_before + $(tree_ticks "$pid"))); done
  local requests
  requests=$(wrk -t2 -c32 -d"${seconds}s" -H "Cookie: $cookie" "$url" 2>&1 | tee "$out/$name.wrk.txt" \
    | awk '/requests in/ {print $1}')
  for pid in $cpu_pids; do ticks_after=$((ticks_after + $(tree_ticks "$pid"))); done
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$out/$name.wrk.txt")
  local non2xx
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$out/$name.wrk.txt")
  if [ -n "$non2xx" ]; then
    echo "peers: $name answered $non2xx non-2xx responses; its figure is not comparable" >&2
    return 1
  fi
  local cpu_us
  cpu_us=$(awk -v t=$((ticks_after - ticks_before)) -v hz="$hz" -v n="$requests" 'BEGIN {printf "%.1f", t * 1e6 / hz / n}')
  echo "$rps $cpu_us $(awk -v ms="$steady_at" 'BEGIN {printf "%.1f", ms / 1000}')"
}

report() {
  local name="$1" result="$2"
  read -r rps cpu steady <<<"$result"
  echo "peers.$name.requests_per_s=$rps"
  echo "peers.$name.server_cpu_us_per_request=$cpu"
  echo "peers.$name.seconds_to_steady=$steady"
  eval "rps_${name//-/_}=$rps"
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

need wrk wrk
need curl curl
: >"$out/wrk.log"

build_storefront() {
  local jar="$root/storefront/target/storefront-0.1.0-SNAPSHOT.jar"
  local sandbox="$root/bigcommerce-sandbox/target/bigcommerce-sandbox-0.1.0-SNAPSHOT-exec.jar"
  if [ ! -f "$jar" ] || [ ! -f "$sandbox" ] || [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
    echo "peers: building the storefront and sandbox jars" >&2
    ./mvnw -q -B -o -pl storefront,bigcommerce-sandbox,session-cli -am package -DskipTests >&2 \
      || ./mvnw -q -B -pl storefront,bigcommerce-sandbox,session-cli -am package -DskipTests >&2
  fi
}

# A real customer access token from the sandbox (the storefront checks it against the store now and then), put in a
# Catalyst-shaped session cookie minted by session-core: the same cookie serves the storefront and next-auth.
signed_in_cookie() {
  local token="$1" login cat expires
  login=$(curl -s -m 10 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"query":"mutation { login(email: \"shopper@example.com\", password: \"Shopper-Pass-1\") { customerAccessToken { value expiresAt } customer { entityId firstName lastName email } } }"}' \
    "http://127.0.0.1:$sandbox_port/graphql")
  cat=$(sed -n 's/.*"value":"\([^"]*\)".*/\1/p' <<<"$login")
  expires=$(sed -n 's/.*"expiresAt":"\([^"]*\)".*/\1/p' <<<"$login")
  [ -n "$cat" ] || { echo "peers: sandbox login failed: $login" >&2; return 1; }
  # auth_time and cat_checked_at as a fresh sign-in writes them: wrk sends this one cookie on every request and never
  # stores a re-issued one, so a cookie without a check time would be revalidated with the store on every request
  local now
  now=$(date +%s)
  printf '{"name":"Sam Shopper","email":"shopper@example.com","sub":"1","auth_time":%s,"cat_checked_at":%s,"user":{"firstName":"Sam","lastName":"Shopper","customerAccessToken":{"value":"%s","expiresAt":"%s"},"cartId":null}}' "$now" "$now" "$cat" "$expires" \
    | java -jar "$root/session-cli/target/session-tool.jar" encode --secret "$secret" --cookie-name authjs.session-token
}

has() { [[ ",$only," == *",$1,"* ]]; }

if has storefront || has nextjs; then
  build_storefront
  sandbox_token="peers-storefront-token-0123456789abcdef"
  SANDBOX_STOREFRONT_TOKEN="$sandbox_token" java $java_opts -jar \
    "$root/bigcommerce-sandbox/target/bigcommerce-sandbox-0.1.0-SNAPSHOT-exec.jar" --port "$sandbox_port" \
    --data "$out/sandbox-data" >"$out/sandbox.log" 2>&1 &
  pids+=($!)
  sandbox_pid=$!
  wait_http "http://127.0.0.1:$sandbox_port/graphql" 120
  cookie="authjs.session-token=$(signed_in_cookie "$sandbox_token" | tr -d '\n')"
fi

if has storefront; then
  echo "peers: storefront (production settings)" >&2
  started=$(now_ms)
  STOREFRONT_ENV=production AUTH_SECRET="$secret" BIGCOMMERCE_GRAPHQL_ENDPOINT="http://127.0.0.1:$sandbox_port/graphql" \
    BIGCOMMERCE_STORE_HASH=sandbox1 BIGCOMMERCE_STOREFRONT_TOKEN="$sandbox_token" \
    java $java_opts -jar "$root/storefront/target/storefront-0.1.0-SNAPSHOT.jar" --server.port="${ports[0]}" \
    ${PEERS_STOREFRONT_ARGS:-} \
    >"$out/storefront.log" 2>&1 &
  pid=$!; pids+=($pid)
  wait_http "http://127.0.0.1:${ports[0]}/api/auth/session" 120
  body=$(curl -s -H "Cookie: $cookie" "http://127.0.0.1:${ports[0]}/api/auth/session")
  [[ "$body" == *'"Sam"'* || "$body" == *'Sam Shopper'* ]] || { echo "peers: storefront did not see the shopper: $body" >&2; exit 1; }
  report storefront "$(measure storefront "http://127.0.0.1:${ports[0]}/api/auth/session" "$cookie" "$started" "$pid $sandbox_pid")"
  kill_tree "$pid"
fi

if has nextjs; then
  echo "peers: Next.js + next-auth" >&2
  app="$root/benchmarks/peers/nextjs"
  command -v node >/dev/null 2>&1 || { echo "peers: node is required (bin/install-test-deps)" >&2; exit 1; }
  if [ ! -d "$app/node_modules/next" ]; then
    (cd "$app" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
  if [ ! -f "$app/.next/BUILD_ID" ]; then
    (cd "$app" && NEXT_TELEMETRY_DISABLED=1 npx next build >"$out/nextjs-build.log" 2>&1)
  fi
  started=$(now_ms)
  (cd "$app" && NEXT_TELEMETRY_DISABLED=1 NODE_ENV=production AUTH_SECRET="$secret" \
    exec npx next start -p "${ports[1]}" >"$out/nextjs.log" 2>&1) &
  pid=$!; pids+=($pid)
  wait_http "http://127.0.0.1:${ports[1]}/api/auth/session" 120
  body=$(curl -s -H "Cookie: $cookie" "http://127.0.0.1:${ports[1]}/api/auth/session")
  [[ "$body" == *'"Sam"'* ]] || { echo "peers: next-auth did not see the shopper: $body" >&2; exit 1; }
  report nextjs "$(measure nextjs "http://127.0.0.1:${ports[1]}/api/auth/session" "$cookie" "$started" "$pid")"
  kill_tree "$pid"
fi

if has spring-redis || has spring-memory || has spring-none; then
  peer="$root/benchmarks/peers/spring-session"
  if [ ! -f "$peer/target/spring-session-peer.jar" ] || [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
    ./mvnw -q -B -o -f "$peer/pom.xml" package -DskipTests >&2 || ./mvnw -q -B -f "$peer/pom.xml" package -DskipTests >&2
  fi
fi

spring_peer() {
  local name="$1" profile="$2" port="$3" extra_pids="$4" started pid cj body cookie_value
  echo "peers: Spring Boot + Spring Security, sessions: $profile" >&2
  started=$(now_ms)
  PORT="$port" REDIS_PORT="$redis_port" java $java_opts -jar "$root/benchmarks/peers/spring-session/target/spring-session-peer.jar" \
    --spring.profiles.active="$profile" >"$out/$name.log" 2>&1 &
  pid=$!; pids+=($pid)
  wait_http "http://127.0.0.1:$port/api/auth/session" 120
  cookie_value=""
  if [ "$profile" != none ]; then
    cookie_value=$(curl -s -D - -o /dev/null -X POST "http://127.0.0.1:$port/bench/signin" \
      | sed -n 's/^[Ss]et-[Cc]ookie: \(SESSION=[^;]*\).*/\1/p' | tr -d '\r')
    [ -n "$cookie_value" ] || { echo "peers: $name gave no session cookie" >&2; exit 1; }
  fi
  body=$(curl -s -H "Cookie: $cookie_value" "http://127.0.0.1:$port/api/auth/session")
  [[ "$body" == *'"Janine"'* ]] || { echo "peers: $name did not see the shopper: $body" >&2; exit 1; }
  report "$name" "$(measure "$name" "http://127.0.0.1:$port/api/auth/session" "$cookie_value" "$started" "$pid $extra_pids")"
  kill_tree "$pid"
}

if has spring-redis; then
  need redis-server redis-server
  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no >"$out/redis.log" 2>&1 &
  redis_pid=$!; pids+=($redis_pid)
  for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  spring_peer spring-redis redis "${ports[2]}" "$redis_pid"
fi
has spring-memory && spring_peer spring-memory memory "${ports[3]}" ""
has spring-none && spring_peer spring-none none "${ports[4]}" ""

ratio() {
  local a="${!1:-}" b="${!2:-}"
  [ -n "$a" ] && [ -n "$b" ] && [ "$b" -gt 0 ] && awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", a / b}'
}
for peer in nextjs spring_redis spring_memory spring_none; do
  r=$(ratio rps_storefront "rps_$peer" || true)
  [ -n "$r" ] && echo "peers.ratio.storefront_vs_${peer//_/-}=$r"
done
echo "peers.machine=$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), node $(node --version 2>/dev/null || echo none)"
echo "peers.load=wrk -t2 -c32 -d${seconds}s, signed-in GET /api/auth/session, one shopper's cookie"
