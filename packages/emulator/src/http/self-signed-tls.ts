/**
 * A throw-away certificate authority and a server certificate signed by it, for serving the emulator over HTTPS in
 * tests (clients then trust `ca`, as they would a private CA in production). Node cannot issue X.509 certificates,
 * so this runs the `openssl` command.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface SelfSignedTls {
  /** The CA certificate (PEM) that clients must trust. */
  ca: string;
  /** The server's private key (PEM). */
  key: string;
  /** The server's certificate (PEM), valid for `localhost`, 127.0.0.1 and ::1. */
  cert: string;
}

export function selfSignedTls(days = 2): SelfSignedTls {
  const dir = mkdtempSync(join(tmpdir(), "midonet-emulator-tls-"));
  const run = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  try {
    run(
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      "ca-key.pem",
      "-out",
      "ca.pem",
      "-days",
      String(days),
      "-subj",
      "/CN=midonet-emulator test CA",
    );
    run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "server.csr", "-subj", "/CN=localhost");
    writeFileSync(join(dir, "san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1\n");
    run(
      "x509",
      "-req",
      "-in",
      "server.csr",
      "-CA",
      "ca.pem",
      "-CAkey",
      "ca-key.pem",
      "-CAcreateserial",
      "-out",
      "cert.pem",
      "-days",
      String(days),
      "-extfile",
      "san.ext",
    );
    const read = (name: string) => readFileSync(join(dir, name), "utf8");
    return { ca: read("ca.pem"), key: read("key.pem"), cert: read("cert.pem") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
