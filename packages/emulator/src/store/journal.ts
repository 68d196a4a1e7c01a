/**
 * Persistence for `--state FILE`: a snapshot file plus an append-only journal (`FILE.journal`) of committed
 * transactions, one line each: `<crc32 hex> <json>\n` with `{"seq": n, "changes": [[kind, id, value|null], ...]}`.
 *
 * - A write costs one append and one fdatasync, whatever the size of the store. Commits arriving while a sync is in
 *   flight are grouped into the next one (group commit); each commit's promise settles only once its line is on
 *   disk, and the server answers only then, so nothing acknowledged is lost by a crash or kill -9.
 * - Recovery loads the snapshot, replays the journal lines with a larger `seq`, and stops at the first line that is
 *   incomplete or fails its checksum (a torn tail), truncating it away.
 * - When the journal outgrows the snapshot, compaction writes a new snapshot atomically (temp file, fsync, rename,
 *   fsync of the directory) and then empties the journal. A crash at any point leaves either the old or the new
 *   snapshot, and journal lines already in the snapshot are skipped by their `seq`.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, rmSync, truncateSync } from "node:fs";
import { type FileHandle, open, rename } from "node:fs/promises";
import { dirname } from "node:path";
import { crc32 } from "node:zlib";
import type { Change, Store, StoredObject } from "./store.js";

type Record = [kind: string, id: string, value: StoredObject | null];

interface Snapshot {
  format: "midonet-emulator-snapshot";
  version: 1;
  seq: number;
  objects: Record[];
}

export interface JournalOptions {
  /** Compaction starts only above this journal size (default 4 MiB), so small stores do not compact constantly. */
  compactMinBytes?: number;
}

const checksum = (text: string): string => crc32(text).toString(16).padStart(8, "0");

export class Journal {
  private seq = 0;
  private journalBytes = 0;
  private snapshotBytes = 0;
  private pending: string[] = [];
  private waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  private flushing: Promise<void> | undefined;
  private closed = false;

  private constructor(
    private readonly path: string,
    private readonly store: Store,
    private readonly handle: FileHandle,
    private readonly compactMinBytes: number,
  ) {}

  /** Recovers the store from disk and opens the journal for appending. */
  static async open(path: string, store: Store, options: JournalOptions = {}): Promise<Journal> {
    const { seq, snapshotBytes, journalBytes } = recover(path, store);
    const handle = await open(`${path}.journal`, "a");
    const journal = new Journal(path, store, handle, options.compactMinBytes ?? 4 * 1024 * 1024);
    journal.seq = seq;
    journal.snapshotBytes = snapshotBytes;
    journal.journalBytes = journalBytes;
    return journal;
  }

  /** Queues a committed transaction; the promise settles when it is durable. */
  record(changes: Change[]): Promise<void> {
    if (this.closed) {
      return Promise.reject(new Error("The journal is closed"));
    }
    this.seq += 1;
    const json = JSON.stringify({ seq: this.seq, changes: changes.map((c) => [c.kind, c.id, c.value]) });
    this.pending.push(`${checksum(json)} ${json}\n`);
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.flushing ??= this.flush().finally(() => {
      this.flushing = undefined;
    });
    return done;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.flushing;
    await this.handle.close();
  }

  /** Forces a compaction (tests). */
  async compact(): Promise<void> {
    await this.flushing;
    await this.writeSnapshot();
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const lines = this.pending;
      const waiters = this.waiters;
      this.pending = [];
      this.waiters = [];
      try {
        const buffer = Buffer.from(lines.join(""), "utf8");
        let offset = 0;
        while (offset < buffer.length) {
          const { bytesWritten } = await this.handle.write(buffer, offset, buffer.length - offset);
          offset += bytesWritten;
        }
        await this.handle.datasync();
        this.journalBytes += buffer.length;
        for (const waiter of waiters) {
          waiter.resolve();
        }
      } catch (error) {
        for (const waiter of waiters) {
          waiter.reject(error);
        }
        continue;
      }
      if (this.journalBytes > Math.max(this.snapshotBytes, this.compactMinBytes)) {
        await this.writeSnapshot().catch(() => undefined);
      }
    }
  }

  private async writeSnapshot(): Promise<void> {
    // Serialized synchronously: the snapshot is one consistent state, with every transaction up to `seq`.
    const objects: Record[] = [];
    for (const change of this.store.entries()) {
      objects.push([change.kind, change.id, change.value]);
    }
    const snapshot: Snapshot = { format: "midonet-emulator-snapshot", version: 1, seq: this.seq, objects };
    const text = JSON.stringify(snapshot);
    const temp = `${this.path}.tmp`;
    const file = await open(temp, "w");
    try {
      await file.writeFile(text, "utf8");
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, this.path);
    syncDirectory(dirname(this.path));
    await this.handle.truncate(0);
    await this.handle.datasync();
    this.journalBytes = 0;
    this.snapshotBytes = Buffer.byteLength(text);
  }
}

function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic there.
  }
}

function recover(path: string, store: Store): { seq: number; snapshotBytes: number; journalBytes: number } {
  rmSync(`${path}.tmp`, { force: true });
  let seq = 0;
  let snapshotBytes = 0;
  if (existsSync(path)) {
    const text = readFileSync(path, "utf8");
    snapshotBytes = Buffer.byteLength(text);
    const snapshot = JSON.parse(text) as Snapshot;
    if (snapshot.format !== "midonet-emulator-snapshot") {
      throw new Error(`${path} is not an emulator state file`);
    }
    store.apply(snapshot.objects.map(([kind, id, value]) => ({ kind, id, value: value && Object.freeze(value) })));
    seq = snapshot.seq;
  }
  const journalPath = `${path}.journal`;
  if (!existsSync(journalPath)) {
    return { seq, snapshotBytes, journalBytes: 0 };
  }
  const data = readFileSync(journalPath);
  let offset = 0;
  while (offset < data.length) {
    const end = data.indexOf(10, offset);
    if (end < 0) {
      break;
    }
    const line = data.toString("utf8", offset, end);
    const space = line.indexOf(" ");
    const json = line.slice(space + 1);
    if (space !== 8 || checksum(json) !== line.slice(0, 8)) {
      break;
    }
    let record: { seq: number; changes: Record[] };
    try {
      record = JSON.parse(json);
    } catch {
      break;
    }
    if (record.seq > seq) {
      store.apply(record.changes.map(([kind, id, value]) => ({ kind, id, value: value && Object.freeze(value) })));
      seq = record.seq;
    }
    offset = end + 1;
  }
  if (offset < data.length) {
    // A torn or corrupt tail: never acknowledged, so dropped.
    truncateSync(journalPath, offset);
  }
  return { seq, snapshotBytes, journalBytes: offset };
}

/** Removes a state file and its journal (tests, `--state` resets). */
export function removeState(path: string): void {
  for (const file of [path, `${path}.journal`, `${path}.tmp`]) {
    rmSync(file, { force: true });
  }
}
