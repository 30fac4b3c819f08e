// Runs a batch of operations against the real @auth/core (pinned in package.json) for the Java interop tests.
// stdin: a JSON array of requests; stdout: a JSON array of results {ok, value} | {ok:false, error, message}.
// Requests may pin the clock with "now" (epoch seconds); tokens are made and read at that instant.
import { encode, decode } from "@auth/core/jwt";
// The chunker is not in @auth/core's package exports: reach it by file path.
import { SessionStore } from "./node_modules/@auth/core/lib/utils/cookie.js";
// Auth.js's Set-Cookie serializer (vendored "cookie" package), also reached by file path.
import { serialize } from "./node_modules/@auth/core/lib/vendored/cookie.js";
import { EncryptJWT, SignJWT, calculateJwkThumbprint, base64url } from "jose";
import hkdf from "@panva/hkdf";

const RealDate = globalThis.Date;

function pinClock(now) {
  if (now === undefined || now === null) {
    globalThis.Date = RealDate;
    return;
  }
  const fixedMs = now * 1000;
  globalThis.Date = class extends RealDate {
    constructor(...args) {
      super(...(args.length ? args : [fixedMs]));
    }
    static now() {
      return fixedMs;
    }
  };
}

async function derivedKey(enc, secret, salt) {
  const length = enc === "A256CBC-HS512" ? 64 : enc === "A128CBC-HS256" ? 32 : 32;
  return await hkdf("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, length);
}

const silentLogger = { debug() {}, error() {}, warn() {} };

async function run(req) {
  pinClock(req.now);
  switch (req.op) {
    case "encode":
      return await encode({ token: req.claims, secret: req.secret, salt: req.salt, maxAge: req.maxAge });
    case "decode":
      return await decode({ token: req.token, secret: req.secret, salt: req.salt });
    case "decodeJson":
      // The claims as JSON.stringify writes them: as text, so that any nesting depth survives the batch's answer.
      return JSON.stringify(await decode({ token: req.token, secret: req.secret, salt: req.salt }));
    case "jose": {
      // A token Auth.js's encode() never makes (other enc, no kid, extra header members), with Auth.js's key.
      const key = await derivedKey(req.enc, req.secret, req.salt);
      const header = { alg: "dir", enc: req.enc, ...(req.header ?? {}) };
      if (req.kid === true) {
        header.kid = await calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, `sha${key.byteLength << 3}`);
      }
      let jwt = new EncryptJWT(req.claims).setProtectedHeader(header).setIssuedAt();
      if (req.maxAge !== undefined) jwt = jwt.setExpirationTime(Math.floor(Date.now() / 1000) + req.maxAge);
      return await jwt.setJti(crypto.randomUUID()).encrypt(key);
    }
    case "jws": {
      const key = await derivedKey("A256GCM", req.secret, req.salt);
      return await new SignJWT(req.claims).setProtectedHeader({ alg: "HS256" }).setIssuedAt().sign(key);
    }
    case "chunk": {
      const store = new SessionStore({ name: req.name, options: req.options ?? {} }, req.cookies ?? {}, silentLogger);
      return store.chunk(req.value, {}).map((c) => ({ name: c.name, value: c.value, maxAge: c.options.maxAge ?? null }));
    }
    case "serialize": {
      // options as Auth.js's cookie options; expires as epoch seconds
      const options = { ...(req.options ?? {}) };
      if (options.expires !== undefined && options.expires !== null) options.expires = new RealDate(options.expires * 1000);
      return serialize(req.name, req.value, options);
    }
    case "read": {
      const store = new SessionStore({ name: req.name, options: {} }, req.cookies ?? {}, silentLogger);
      return store.value;
    }
    default:
      throw new Error(`unknown op ${req.op}`);
  }
}

let input = "";
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const req of JSON.parse(input)) {
  try {
    const value = await run(req);
    results.push({ ok: true, value: value === undefined ? null : value });
  } catch (e) {
    results.push({ ok: false, error: e?.name ?? "Error", code: e?.code ?? null, message: String(e?.message ?? e) });
  }
}
pinClock(undefined);
process.stdout.write(JSON.stringify(results));
