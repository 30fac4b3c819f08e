// Encodes or decodes one Auth.js session token with the real @auth/core, for session-spring's interop tests.
// usage: node authjs-interop.mjs <path of test-fixtures/authjs/node_modules>
// stdin: {"op":"encode","claims":{...},"secret":"…","salt":"<cookie name>","maxAge":seconds}
//      | {"op":"decode","token":"…","secret":"…","salt":"<cookie name>"}
// stdout: {"ok":true,"value":<token string | claims object | null>} or {"ok":false,"error":"<name>","message":"…"}
import path from "node:path";
import { pathToFileURL } from "node:url";

const modules = process.argv[2];
const { encode, decode } = await import(pathToFileURL(path.join(modules, "@auth", "core", "jwt.js")).href);

let input = "";
for await (const chunk of process.stdin) input += chunk;
const req = JSON.parse(input);
try {
  const value = req.op === "encode"
    ? await encode({ token: req.claims, secret: req.secret, salt: req.salt, maxAge: req.maxAge })
    : await decode({ token: req.token, secret: req.secret, salt: req.salt });
  process.stdout.write(JSON.stringify({ ok: true, value: value ?? null }));
} catch (e) {
  process.stdout.write(JSON.stringify({ ok: false, error: e?.name ?? "Error", message: String(e?.message ?? e) }));
}
