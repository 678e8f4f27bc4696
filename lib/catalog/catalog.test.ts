import { getTableConfig } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { schemaTables, sqlColumnName } from "@/db/schema-tables";
import { printJobs, users } from "@/db/schema";
import { categories } from "./categories";
import { CATEGORY_IDS } from "./ids";
import { catalogTable, desc } from "./table";
import { erasureRules, noPersonalData, systemTables, type ErasureRule } from "./erasure";
import { cookieVendors } from "./vendors";

const tables = schemaTables();

const referencesUsers = (t: (typeof tables)[number]) =>
  t.foreignKeys.filter((fk) => getTableConfig(fk.reference().foreignTable).name === "users");

describe("data catalog", () => {
  it("finds the schema's tables", () => {
    expect(tables.length).toBeGreaterThanOrEqual(20);
  });

  it.each(tables.map((t) => [t.name, t] as const))(
    "%s belongs to exactly one category, or is a declared system table",
    (name) => {
      const owners = categories.filter((c) => c.tables.some((t) => t.name === name));
      const places = owners.length + (name in systemTables ? 1 : 0);
      expect(places, `${name}: in ${owners.map((c) => c.id).join(", ") || "no category"}`).toBe(1);
    },
  );

  it("describes only tables and columns that exist", () => {
    const byName = new Map(
      tables.map((t) => [t.name, new Set(t.columns.map((c) => sqlColumnName(c.name)))]),
    );
    for (const category of categories) {
      for (const doc of category.tables) {
        const columns = byName.get(doc.name);
        expect(columns, `${category.id}: unknown table ${doc.name}`).toBeDefined();
        for (const field of doc.fields) {
          expect(columns!.has(field.name), `${doc.name}.${field.name}`).toBe(true);
        }
      }
    }
  });

  it("has unique category ids and a purpose, source and recipient for each", () => {
    expect(new Set(categories.map((c) => c.id)).size).toBe(categories.length);
    for (const c of categories) {
      expect(c.purpose.length, c.id).toBeGreaterThan(20);
      expect(c.source.length, c.id).toBeGreaterThan(3);
      expect(c.recipients.length, c.id).toBeGreaterThan(0);
    }
  });
});

describe("catalog tables", () => {
  it("list the categories in the order of CATEGORY_IDS, the one list of ids", () => {
    expect(categories.map((c) => c.id)).toEqual([...CATEGORY_IDS]);
  });

  it("derive export columns, types, nullability and SQL names from the drizzle table", () => {
    const t = catalogTable(printJobs, {
      description: "Each print",
      fields: { nozzleTempC: "Nozzle" },
      columns: ["id", "createdAt", "nozzleTempC", "infillPercent", "metadata", "status"],
      time: printJobs.createdAt,
    });
    expect(t.name).toBe("print_jobs");
    expect(t.fields).toEqual([{ name: "nozzle_temp_c", description: "Nozzle" }]);
    expect(t.owner).toBe(printJobs.userId);
    expect(t.export).toEqual({
      table: "print_jobs",
      from: "print_jobs t",
      owner: "t.user_id",
      time: "t.created_at",
      order: "t.created_at desc, t.id desc",
      columns: [
        { name: "id", type: "uuid", nullable: false, expr: "t.id" },
        { name: "created_at", type: "time", nullable: false, expr: "t.created_at" },
        { name: "nozzle_temp_c", type: "number", nullable: true, expr: "t.nozzle_temp_c" },
        { name: "infill_percent", type: "int", nullable: true, expr: "t.infill_percent" },
        { name: "metadata", type: "json", nullable: true, expr: "t.metadata" },
        { name: "status", type: "text", nullable: false, expr: "t.status" },
      ],
    });
  });

  it("resolves owner, order and joined columns to their aliases", () => {
    const t = catalogTable(users, {
      description: "Your account",
      fields: {},
      columns: ["email", ["job", printJobs.name]],
      owner: users.id,
      joins: { j: [printJobs.userId, users.id] },
      order: [desc(printJobs.createdAt), users.id],
    });
    expect(t.export).toMatchObject({
      from: "users t join print_jobs j on j.user_id = t.id",
      owner: "t.id",
      order: "j.created_at desc, t.id",
      columns: [
        { name: "email", type: "text", nullable: false, expr: "t.email" },
        { name: "job", type: "text", nullable: false, expr: "j.name" },
      ],
    });
    expect(() =>
      catalogTable(users, {
        description: "x",
        fields: {},
        columns: [["job", printJobs.name]],
        owner: users.id,
      }),
    ).toThrow("catalog: users does not join print_jobs");
    expect(() => catalogTable(users, { description: "x", fields: {}, columns: [] })).toThrow(
      "catalog: users has no column userId",
    );
  });
});

describe("erasure rules", () => {
  const withUserRefs = tables.filter((t) => referencesUsers(t).length > 0 || t.name === "users");

  it.each(withUserRefs.map((t) => [t.name, t] as const))(
    "%s, which references users, has an erasure rule that its foreign keys carry out",
    (name, table) => {
      const rule = (erasureRules as Record<string, ErasureRule | undefined>)[name];
      expect(rule, `${name} has no erasure rule in lib/catalog/erasure.ts`).toBeDefined();
      if (name === "users" || !rule) return;
      const actions = referencesUsers(table).map((fk) => fk.onDelete);
      if (rule.action === "delete") expect(actions).toContain("cascade");
      if (rule.action === "anonymise") expect(actions.every((a) => a === "set null")).toBe(true);
    },
  );

  it("names only tables that exist", () => {
    const names = new Set(tables.map((t) => t.name));
    for (const name of [...Object.keys(erasureRules), ...Object.keys(systemTables)]) {
      expect(names.has(name), name).toBe(true);
    }
  });
});

describe("erasure rules mean what the erasure job does", () => {
  const rules = erasureRules as Record<string, ErasureRule>;

  it("give each table its action: delete, or anonymise where the law needs a record", () => {
    expect(Object.fromEntries(Object.entries(rules).map(([t, r]) => [t, r.action]))).toEqual({
      users: "delete",
      sessions: "delete",
      login_events: "delete",
      verification_tokens: "delete",
      access_tokens: "delete",
      ingest_refusals: "delete",
      ingest_idempotency: "delete",
      ingest_rate_windows: "delete",
      print_groups: "delete",
      printers: "delete",
      printer_status_events: "delete",
      print_jobs: "delete",
      print_job_materials: "delete",
      print_job_temperature_samples: "delete",
      cura_config_versions: "delete",
      diagnostics: "delete",
      marketing_preferences: "delete",
      email_engagement_events: "delete",
      consent_events: "delete",
      support_access_grants: "delete",
      staff_access_events: "delete",
      third_party_disclosures: "delete",
      email_outbox: "delete",
      export_history: "delete",
      processing_choices: "delete",
      auto_delete_choices: "delete",
      privacy_requests: "anonymise",
      privacy_request_events: "anonymise",
      pending_privacy_requests: "delete",
      audit_log: "anonymise",
    });
  });

  it.each(Object.entries(erasureRules))(
    "%s: the rule is one allowed kind, said in words",
    (name, rule) => {
      expect(["delete", "anonymise", "keep"]).toContain(rule.action);
      if (rule.action !== "keep") expect(rule.how.length, `${name}.how`).toBeGreaterThan(10);
      if (rule.action !== "delete") expect(rule.basis.length, `${name}.basis`).toBeGreaterThan(20);
      // A deleted row needs no legal basis to stay; only kept or anonymised rows do.
      if (rule.action === "delete") expect("basis" in rule, `${name}.basis`).toBe(false);
    },
  );

  it("deletes sessions, sign-ins, tokens and consents by cascade from the account", () => {
    for (const name of ["sessions", "login_events", "access_tokens", "verification_tokens"]) {
      expect(rules[name], name).toEqual({ action: "delete", how: "Cascade from users." });
    }
    expect(rules.users).toEqual({
      action: "delete",
      how: "The account row is deleted; the rows below follow it.",
    });
    expect(rules.consent_events!.action).toBe("delete");
    expect((rules.consent_events as { how: string }).how).toMatch(/^Cascade from users/);
    expect((rules.staff_access_events as { how: string }).how).toMatch(/agent_id is set null/);
  });

  it("pseudonymises the audit log: personal fields cleared, the hash chain kept", () => {
    const rule = rules.audit_log as Extract<ErasureRule, { action: "anonymise" }>;
    expect(rule.action).toBe("anonymise");
    for (const field of ["actor_id", "subject_id", "ip", "details"])
      expect(rule.how, field).toContain(field);
    expect(rule.how).toMatch(/hash chain/);
    expect(rule.basis).toMatch(/GDPR art\. 5\(2\)/);
  });

  it("keeps privacy requests as anonymised proof of the deadline", () => {
    for (const name of ["privacy_requests", "privacy_request_events"]) {
      const rule = rules[name] as Extract<ErasureRule, { action: "anonymise" }>;
      expect(rule.how, name).toMatch(/set null/);
      expect(rule.basis, name).toBe(
        "Proof that the request was handled within the deadline (GDPR art. 5(2), 12).",
      );
    }
    expect(rules.privacy_requests!.action === "anonymise" && rules.privacy_requests!.how).toMatch(
      /requester_email, details and extension_reason are cleared/,
    );
    expect(
      rules.privacy_request_events!.action === "anonymise" && rules.privacy_request_events!.how,
    ).toMatch(/notes of the erased holder's requests cleared/);
  });

  it("covers every table holding a person's id, with or without a foreign key", () => {
    const personColumns = ["user_id", "actor_id", "subject_id", "agent_id", "impersonator_id"];
    const holders = tables.filter((t) =>
      t.columns.some((c) => personColumns.includes(sqlColumnName(c.name))),
    );
    expect(holders.map((t) => t.name)).toContain("audit_log");
    for (const t of holders) expect(Object.keys(rules), t.name).toContain(t.name);
  });

  it("names the tables without personal data, and why", () => {
    expect(Object.keys(noPersonalData).sort()).toEqual([
      "auth_throttle",
      "erasure_progress",
      "materials",
    ]);
    expect(Object.keys(systemTables).sort()).toEqual([
      "audit_log",
      "auth_throttle",
      "erasure_progress",
      "ingest_idempotency",
      "ingest_rate_windows",
      "materials",
      "pending_privacy_requests",
    ]);
    for (const [name, why] of Object.entries(systemTables))
      expect(why!.length, name).toBeGreaterThan(30);
    expect(systemTables.audit_log).toMatch(/cleared on erasure/);
  });
});

describe("cookie vendors", () => {
  // Every vendor the 2019 privacy statement names must stay listed, retired or not.
  const named = [
    "Google Tag Manager",
    "MyFonts Counter",
    "Google Analytics",
    "Google Optimize",
    "Hotjar",
    "DoubleClick",
    "Facebook Custom Audience",
    "Facebook Pixel",
    "Google Ads Conversion",
    "Google Ads User Lists",
    "Google Dynamic Remarketing",
    "Eloqua",
    "LinkedIn Ads",
    "LinkedIn Marketing Solutions",
    "Microsoft Bing Universal Event Tracking",
    "Outbrain Amplify",
    "Outbrain Pixel",
    "Twitter Advertising",
    "Twitter Conversion Tracking",
  ];

  it.each(named)("lists %s", (name) => {
    const words = name.toLowerCase().split(" ");
    const found = cookieVendors.filter((v) => words.every((w) => v.name.toLowerCase().includes(w)));
    expect(found).toHaveLength(1);
  });

  it("gives every active vendor hosts and a script on one of them", () => {
    for (const v of cookieVendors) {
      expect(v.hosts.length, v.id).toBeGreaterThan(0);
      if (v.retired) {
        expect(v.scriptUrl, v.id).toBeUndefined();
        continue;
      }
      const host = new URL(v.scriptUrl!).hostname;
      expect(v.hosts.includes(host) || host === "www.googletagmanager.com", v.id).toBe(true);
    }
    expect(new Set(cookieVendors.map((v) => v.id)).size).toBe(cookieVendors.length);
  });
});
