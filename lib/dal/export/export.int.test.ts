import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { createAccount, signInAs, type TestAccount } from "@/db/testing/auth";
import { openMyExport } from "./index";
import { expectOpened, givePrintJobs, readAll, settledHistory, unzip } from "./testing";

// Values that break naive CSV and JSON writers, and one that a spreadsheet would run.
const TRICKY = [
  "bracket, left side",
  'the "final" version',
  "two\nlines\r\nand three",
  "Zoë's überbracket — 東京 🚀",
  '=HYPERLINK("http://evil.example","x")',
  "+SUM(1)",
  "@cmd",
  "-minus",
];

let alice: TestAccount;
let bob: TestAccount;

beforeAll(async () => {
  alice = await createAccount();
  bob = await createAccount();
  await givePrintJobs(alice.id, TRICKY);
  await givePrintJobs(bob.id, ["bob's secret benchy"]);
});

const all = { from: null, to: null };

describe("portability export", () => {
  it("JSON: tricky values round-trip exactly, with ISO UTC times and the subject's rows only", async () => {
    await signInAs(alice);
    const opened = expectOpened(
      await openMyExport({ format: "json", categories: ["profile", "print-jobs"], ...all }),
    );
    const text = (await readAll(opened)).toString("utf8");
    const doc = JSON.parse(text);
    const jobs = doc.categories["print-jobs"].print_jobs as {
      name: string;
      created_at: string;
      nozzle_temp_c: number;
      metadata: { note: string };
    }[];
    expect(jobs.map((j) => j.name).sort()).toEqual([...TRICKY].sort());
    expect(jobs.every((j) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(j.created_at))).toBe(
      true,
    );
    expect(jobs[0]!.nozzle_temp_c).toBe(-12.5);
    expect(jobs.map((j) => j.metadata.note).sort()).toEqual([...TRICKY].sort());
    expect(doc.categories.profile.users).toEqual([
      expect.objectContaining({ id: alice.id, email: alice.email }),
    ]);
    expect(doc.counts["print-jobs"].print_jobs).toBe(TRICKY.length);
    expect(doc.manifest.subject.id).toBe(alice.id);
    expect(text).not.toContain(bob.id);
    expect(text).not.toContain("bob's secret");
    // One record per line: the export page counts progress this way.
    expect(text.split("\n").filter((l) => l.startsWith('{"')).length).toBe(TRICKY.length + 1);

    const history = await settledHistory(opened.id);
    expect(history).toMatchObject({
      status: "completed",
      format: "json",
      rows: TRICKY.length + 1,
      sizeBytes: Buffer.byteLength(text),
    });
    const { createHash } = await import("node:crypto");
    expect(history.sha256).toBe(createHash("sha256").update(text).digest("hex"));
  });

  it("CSV: RFC 4180 with CRLF, formulas escaped, the rest intact", async () => {
    await signInAs(alice);
    const opened = expectOpened(
      await openMyExport({
        format: "csv",
        categories: ["print-jobs"],
        table: "print_jobs",
        ...all,
      }),
    );
    const text = (await readAll(opened)).toString("utf8");
    expect(text.startsWith("id,printer_id,name,status,created_at")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(TRICKY.length);
    const names = rows.map((r) => r.name).sort();
    const expected = TRICKY.map((v) => (/^[=+\-@]/.test(v) ? `'${v}` : v)).sort();
    expect(names).toEqual(expected);
    expect(rows[0]!.nozzle_temp_c).toBe("-12.5"); // numbers are never "escaped"
    expect(rows.every((r) => r.started_at === "")).toBe(true); // null → empty
    expect(text).not.toContain(bob.id);
    await settledHistory(opened.id);
  });

  it("ZIP: one parseable CSV per table, manifest.json with counts, README.txt; Bob sees only his rows", async () => {
    await signInAs(bob);
    const opened = expectOpened(
      await openMyExport({
        format: "zip",
        categories: ["profile", "print-jobs", "disclosures"],
        ...all,
      }),
    );
    const files = await unzip(await readAll(opened));
    expect([...files.keys()]).toEqual([
      "profile/users.csv",
      "profile/verification_tokens.csv",
      "profile/email_outbox.csv",
      "print-jobs/print_jobs.csv",
      "print-jobs/print_job_materials.csv",
      "print-jobs/print_job_temperature_samples.csv",
      "disclosures/third_party_disclosures.csv",
      "manifest.json",
      "README.txt",
    ]);
    const manifest = JSON.parse(files.get("manifest.json")!.toString());
    for (const [name, content] of files) {
      if (!name.endsWith(".csv")) continue;
      const rows = parse(content, { columns: true }) as Record<string, string>[];
      const [category, file] = name.replace(".csv", "").split("/");
      expect(rows.length, name).toBe(manifest.counts[category!][file!]);
    }
    const jobs = parse(files.get("print-jobs/print_jobs.csv")!, { columns: true }) as Record<
      string,
      string
    >[];
    expect(jobs.map((j) => j.name)).toEqual(["bob's secret benchy"]);
    const everything = [...files.values()].map((b) => b.toString()).join("\n");
    expect(everything).not.toContain(alice.id);
    expect(everything).not.toContain("überbracket");
    expect(files.get("README.txt")!.toString()).toContain("print-jobs/print_jobs.csv (1 record)");
    expect(manifest.categories.map((c: { id: string }) => c.id)).toEqual([
      "profile",
      "print-jobs",
      "disclosures",
    ]);
    await settledHistory(opened.id);
  });

  it("limits time-series categories to the date range, inclusive of both days", async () => {
    await signInAs(alice);
    const today = new Date().toISOString().slice(0, 10);
    const inRange = expectOpened(
      await openMyExport({
        format: "json",
        categories: ["print-jobs", "profile"],
        from: today,
        to: today,
      }),
    );
    const docIn = JSON.parse((await readAll(inRange)).toString());
    await settledHistory(inRange.id);
    const outRange = expectOpened(
      await openMyExport({
        format: "json",
        categories: ["print-jobs", "profile"],
        from: "2001-01-01",
        to: "2001-12-31",
      }),
    );
    const docOut = JSON.parse((await readAll(outRange)).toString());
    await settledHistory(outRange.id);
    // Jobs were made minutes ago; profile is not time-series and is always whole.
    expect(docOut.categories["print-jobs"].print_jobs).toEqual([]);
    expect(docOut.categories.profile.users).toHaveLength(1);
    expect(docIn.categories["print-jobs"].print_jobs.length).toBeGreaterThan(0);
  });
});
