// Property-based robustness (the project's rule: bad input always gets a clear, protocol-correct error, never a crash
// or a hang, and never loses or corrupts state). Every operation of the document gets requests with valid-looking and
// invalid path parameters, random query strings, media types and bodies (valid bodies mutated at any depth, arbitrary
// JSON, schema-shaped objects with wrong types, huge strings, deep nesting, invalid UTF-8, truncated JSON, gzip),
// against a fresh emulator holding a small seeded topology. Properties, per request:
// (1) an answer within REQUEST_TIMEOUT_MS; (2) no uncaught exception, and /_emulator/health and the API root still
// answer; (3) an error is MidoNet-shaped (empty, or Error-v1 JSON `{message, code[, violations]}` with code = status);
// (4) a refused write (4xx/5xx) leaves the store as it was; (5) a 5xx only where MidoNet answers one (the document's
// descriptions and responses) and never from an exception the emulator did not mean.
// Deterministic: a fixed seed; a failure prints the seed and the path to replay it (ROBUSTNESS_SEED, ROBUSTNESS_PATH;
// ROBUSTNESS_RUNS for longer explorations).
import fc from "fast-check";
import { describe, it } from "vitest";
import { TestEmulator } from "./helpers.js";
import {
  type Answer,
  answerText,
  describeRequest,
  documented5xx,
  dumpStore,
  errorShapeProblems,
  type GeneratedRequest,
  HOSTS,
  OPERATIONS,
  requestArbitrary,
  seedTopology,
  send,
} from "./robustness-support.js";

const SEED = Number(process.env.ROBUSTNESS_SEED ?? 20_260_611);
/** Each run sends one request per operation of the document (216) to a fresh emulator. */
const NUM_RUNS = Number(process.env.ROBUSTNESS_RUNS ?? 6);
const REQUEST_TIMEOUT_MS = 5_000;
const MUTATING = new Set(["POST", "PUT", "DELETE", "PATCH"]);
const ROOT = "/midonet-api";

const byId = new Map(OPERATIONS.map((op) => [op.operationId, op]));
const isDelete = (req: GeneratedRequest) => byId.get(req.operationId)?.method === "DELETE";

/** One request per operation in a generated order, the deletes last so that most requests find the topology. */
const runArbitrary = fc
  .tuple(
    fc.tuple(...OPERATIONS.map((op) => requestArbitrary(op, ROOT))),
    fc.shuffledSubarray(
      OPERATIONS.map((_, i) => i),
      { minLength: OPERATIONS.length, maxLength: OPERATIONS.length },
    ),
  )
  .map(([requests, order]) => {
    const ordered = order.map((i) => requests[i]!);
    return [...ordered.filter((req) => !isDelete(req)), ...ordered.filter(isDelete)];
  });

function failure(step: number, req: GeneratedRequest, answer: Answer | undefined, problem: string): Error {
  const got = answer ? `${answer.status} ${JSON.stringify(answer.headers)} ${answerText(answer).slice(0, 300)}` : "-";
  return new Error(`request #${step} (${req.operationId}): ${problem}\n  sent: ${describeRequest(req)}\n  got: ${got}`);
}

function firstDifference(before: string, after: string): string {
  const a = before.split("\n");
  const b = after.split("\n");
  const i = a.findIndex((line, n) => line !== b[n]);
  const at = i < 0 ? a.length : i;
  return `  before: ${a[at]?.slice(0, 400)}\n  after:  ${b[at]?.slice(0, 400)}`;
}

async function alive(emu: TestEmulator): Promise<boolean> {
  const [health, root] = await Promise.all([emu.raw("GET", "/_emulator/health"), emu.raw("GET", `${ROOT}/`)]);
  return health.status === 200 && root.status === 200;
}

async function check(requests: GeneratedRequest[]): Promise<void> {
  // Exceptions that escape the request pipeline, and 500s that are not a deliberate HttpError (the dispatcher logs
  // those), are bugs whatever the answer was.
  const escaped: string[] = [];
  const onEscape = (error: unknown) => escaped.push(String((error as Error)?.stack ?? error));
  const internal: string[] = [];
  const emu = await TestEmulator.start({
    hosts: HOSTS,
    logger: (line) => {
      if (line.startsWith("internal error")) {
        internal.push(line);
      }
    },
  });
  process.on("uncaughtException", onEscape);
  process.on("unhandledRejection", onEscape);
  try {
    await seedTopology(emu);
    for (const [step, req] of requests.entries()) {
      const apiPath = req.path.slice(ROOT.length).split("?")[0]!;
      const before = MUTATING.has(req.method) ? await dumpStore(emu, apiPath) : undefined;
      let answer: Answer;
      try {
        answer = await send(emu.origin, req, REQUEST_TIMEOUT_MS);
      } catch (error) {
        throw failure(step, req, undefined, `no answer: ${(error as Error).message}`);
      }
      if (escaped.length > 0) {
        throw failure(step, req, answer, `uncaught exception: ${escaped.join("\n")}`);
      }
      if (!(await alive(emu))) {
        throw failure(step, req, answer, "the emulator stopped answering /_emulator/health or the API root");
      }
      const problems = errorShapeProblems(answer, req.method);
      if (problems.length > 0) {
        throw failure(step, req, answer, `malformed error answer: ${problems.join("; ")}`);
      }
      if (internal.length > 0) {
        throw failure(step, req, answer, `unexpected exception: ${internal.join("\n")}`);
      }
      if (answer.status >= 500 && !documented5xx(byId.get(req.operationId), answer.status)) {
        throw failure(step, req, answer, `a ${answer.status} where MidoNet answers none`);
      }
      if (before !== undefined && answer.status >= 400) {
        const after = await dumpStore(emu, apiPath);
        if (after !== before) {
          throw failure(step, req, answer, `a refused request changed the store:\n${firstDifference(before, after)}`);
        }
      }
    }
  } finally {
    process.off("uncaughtException", onEscape);
    process.off("unhandledRejection", onEscape);
    await emu.close();
  }
}

describe("robustness (property-based, every operation of the document)", () => {
  it(`${OPERATIONS.length} operations × ${NUM_RUNS} runs: answered in time, alive, MidoNet-shaped errors, refused writes change nothing`, async () => {
    const details = await fc.check(fc.asyncProperty(runArbitrary, check), {
      seed: SEED,
      path: process.env.ROBUSTNESS_PATH,
      numRuns: NUM_RUNS,
      // A run is 216 requests against a fresh server: the failing request is reported as is, not shrunk.
      endOnFailure: true,
    });
    if (details.failed) {
      const cause =
        details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      throw new Error(
        `robustness property failed (replay: ROBUSTNESS_SEED=${details.seed} ROBUSTNESS_PATH=${details.counterexamplePath}):\n${cause}`,
      );
    }
  }, 120_000);
});
