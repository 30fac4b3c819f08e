// Times @auth/core's encode()/decode() (@auth/core/jwt, the pinned version in test-fixtures/authjs) on the same
// Catalyst customer session as the JMH benchmark: single thread, one operation in flight (sequential await),
// warm-up then a timed window per case. Prints key=value lines.
// Usage: node authjs-codec.mjs [warmupSeconds] [measureSeconds]
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = process.env.AUTHJS_FIXTURES ?? path.resolve(here, "../../test-fixtures/authjs");
const { encode, decode } = await import(pathToFileURL(path.join(fixtures, "node_modules/@auth/core/jwt.js")).href);

const warmupSeconds = Number(process.argv[2] ?? 2);
const measureSeconds = Number(process.argv[3] ?? 5);

// Must match dev.storefrontsession.benchmarks.CatalystSessions.
const secret = "bench-secret-9f8e7d6c5b4a39281706f5e4d3c2b1a0";
const salt = "__Secure-authjs.session-token";
const claims = {
  name: "Janine Shopper-Smithson",
  email: "jane.shopper-smithson@example-store.com",
  sub: "100042",
  user: {
    customerAccessToken: "6f1c2e9a4b7d8e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f",
    cartId: "a1b2c3d4-e5f6-4711-8899-aabbccddeeff",
    firstName: "Janine",
    lastName: "Shopper-Smithson",
  },
};

const token = await encode({ token: claims, secret, salt });
const decoded = await decode({ token, secret, salt });
if (!decoded || decoded.email !== claims.email) throw new Error("benchmark token does not decode");

async function rate(operation) {
  const warmupEnd = performance.now() + warmupSeconds * 1000;
  while (performance.now() < warmupEnd) await operation();
  let ops = 0;
  const start = performance.now();
  const end = start + measureSeconds * 1000;
  let now = start;
  while (now < end) {
    for (let i = 0; i < 50; i++) await operation();
    ops += 50;
    now = performance.now();
  }
  return ops / ((now - start) / 1000);
}

const encodeRate = await rate(() => encode({ token: claims, secret, salt }));
const decodeRate = await rate(() => decode({ token, secret, salt }));
console.log(`codec.encode.authjs_ops_per_s=${Math.round(encodeRate)}`);
console.log(`codec.decode.authjs_ops_per_s=${Math.round(decodeRate)}`);
console.log(`codec.claims_json_bytes=${Buffer.byteLength(JSON.stringify(decoded))}`);
console.log(`codec.token_chars=${token.length}`);
console.log(`codec.node_version=${process.version}`);
