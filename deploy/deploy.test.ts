/**
 * The deployment files, checked without a Docker daemon (this machine has none, so the image is
 * never built here): compose.yaml against the Compose Specification's JSON schema, the
 * Dockerfile through dockerfile-utils (the linter of the Docker language server used by the
 * major editors) at its strictest, plus the rules this project's image must keep.
 *
 * deploy/compose-spec.schema.json is a verbatim copy of
 * https://github.com/compose-spec/compose-spec/blob/170098ba07d9f53c383a41bfd4c5166b0a4529a6/schema/compose-spec.json
 * (the official schema, as of 2026-06-23); refresh it from there, unmodified.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import draft7 from "ajv/dist/refs/json-schema-draft-07.json" with { type: "json" };
import { DockerfileParser } from "dockerfile-ast";
import { validate, ValidationSeverity } from "dockerfile-utils";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { MAX_BATCH_BYTES } from "@/lib/api/v1/body";
import { envSchema } from "@/lib/env-schema";

const root = path.resolve(import.meta.dirname, "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

// ---- compose.yaml ---------------------------------------------------------------------------

// The schema names draft-07 by its https address; Ajv knows that meta-schema as http://…#.
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addMetaSchema(
  { ...(draft7 as object), $id: "https://json-schema.org/draft-07/schema" },
  "https://json-schema.org/draft-07/schema",
);
const validateCompose = ajv.compile(JSON.parse(read("deploy/compose-spec.schema.json")) as object);

type Service = {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
};
const loadCompose = (text: string) =>
  parse(text, { merge: true }) as { services: Record<string, Service> };

describe("compose.yaml", () => {
  const compose = loadCompose(read("compose.yaml"));

  it("is valid under the Compose Specification's schema", () => {
    expect(validateCompose(compose), JSON.stringify(validateCompose.errors, null, 2)).toBe(true);
  });

  it("the schema check can fail: a misspelt key and a wrong condition are refused", () => {
    const broken = loadCompose(read("compose.yaml"));
    (broken.services.app1 as Record<string, unknown>).helthcheck = {};
    broken.services.app2!.depends_on!.postgres!.condition = "healthy";
    expect(validateCompose(broken)).toBe(false);
    const messages = JSON.stringify(validateCompose.errors);
    expect(messages).toContain("helthcheck");
    expect(messages).toContain("service_healthy");
  });

  it("runs PostgreSQL, two instances of one image, a reverse proxy and a mail catcher", () => {
    const { postgres, app1, app2, proxy, mailpit } = compose.services;
    expect(postgres?.image).toMatch(/^postgres:16/);
    expect(postgres?.healthcheck?.test.join(" ")).toContain("pg_isready");
    expect(postgres?.volumes?.[0]).toMatch(/^pgdata:/);
    for (const app of [app1, app2]) {
      expect(app?.image).toBe("privacy-center:local");
      expect(app?.depends_on?.postgres?.condition).toBe("service_healthy");
    }
    expect(app1?.volumes).not.toEqual(app2?.volumes); // each its own audit checkpoint file
    expect(proxy?.depends_on?.app1?.condition).toBe("service_healthy");
    expect(proxy?.depends_on?.app2?.condition).toBe("service_healthy");
    expect(mailpit?.image).toMatch(/^axllent\/mailpit:v\d/);
  });

  it("gives the instances the settings production needs, each one the app knows", () => {
    const env = compose.services.app1!.environment!;
    for (const name of ["DATABASE_URL", "AUTH_SECRET", "AUDIT_KEY", "APP_URL", "TRUSTED_PROXIES"]) {
      expect(env[name], name).toBeTruthy();
    }
    const known = Object.keys(envSchema.shape);
    for (const name of Object.keys(env)) expect(known, name).toContain(name);
    // Secrets come from .env, and compose stops when one is missing.
    expect(env.AUTH_SECRET).toMatch(/^\$\{AUTH_SECRET:\?/);
    expect(env.AUDIT_KEY).toMatch(/^\$\{AUDIT_KEY:\?/);
  });

  it("the proxy's address is the one the instances trust, and nginx sends it to both", () => {
    const raw = parse(read("compose.yaml")) as {
      services: { proxy: { networks: { backend: { ipv4_address: string } } } };
    };
    const address = raw.services.proxy.networks.backend.ipv4_address;
    expect(compose.services.app1!.environment!.TRUSTED_PROXIES).toBe(address);
    const nginx = read("deploy/nginx.conf");
    expect(nginx).toMatch(/server app1:3000/);
    expect(nginx).toMatch(/server app2:3000/);
    expect(nginx).toMatch(/X-Forwarded-For \$proxy_add_x_forwarded_for/);
    expect(nginx).toMatch(/X-Request-Id \$request_id/);
  });

  it("nginx takes every body the API takes, so the API answers with its own problem", () => {
    const limit = /client_max_body_size (\d+)m;/.exec(read("deploy/nginx.conf"));
    expect(Number(limit![1]) * 1024 * 1024).toBeGreaterThanOrEqual(MAX_BATCH_BYTES);
  });

  it("only the proxy is published on every interface; the mail catcher on localhost only", () => {
    const raw = parse(read("compose.yaml")) as {
      services: Record<string, { ports?: string[] }>;
    };
    for (const [name, service] of Object.entries(raw.services)) {
      for (const port of service.ports ?? []) {
        if (name !== "proxy") expect(port, `${name}: ${port}`).toMatch(/^127\.0\.0\.1:/);
      }
    }
  });
});

// ---- Dockerfile ------------------------------------------------------------------------------

const strict = {
  deprecatedMaintainer: ValidationSeverity.ERROR,
  directiveCasing: ValidationSeverity.ERROR,
  emptyContinuationLine: ValidationSeverity.ERROR,
  instructionCasing: ValidationSeverity.ERROR,
  instructionCmdMultiple: ValidationSeverity.ERROR,
  instructionEntrypointMultiple: ValidationSeverity.ERROR,
  instructionHealthcheckMultiple: ValidationSeverity.ERROR,
  instructionJSONInSingleQuotes: ValidationSeverity.ERROR,
  instructionWorkdirRelative: ValidationSeverity.ERROR,
};

/** This project's rules for its image; returns what is wrong, empty when nothing is. */
function imageRules(text: string): string[] {
  const problems: string[] = [];
  const file = DockerfileParser.parse(text);
  const froms = file.getFROMs();
  if (froms.length < 2) problems.push("not multi-stage");
  // An LTS line (even major) at an exact version, Debian bookworm slim: rebuilds get the same base.
  for (const from of froms) {
    const image = from.getImage() ?? "";
    if (!/^node:(20|22|24)\.\d+\.\d+-bookworm-slim$/.test(image)) {
      problems.push(`base image not pinned to a Node LTS version: ${image}`);
    }
  }
  const last = froms.at(-1);
  const finalStage = file
    .getInstructions()
    .filter((i) => last && i.getRange().start.line >= last.getRange().start.line);
  const user = finalStage.filter((i) => i.getKeyword() === "USER").at(-1);
  const who = user?.getArguments()[0]?.getValue();
  if (!who || who === "root" || who === "0") problems.push("the final stage runs as root");
  const healthcheck = finalStage.find((i) => i.getKeyword() === "HEALTHCHECK");
  if (!healthcheck?.getTextContent().includes("/api/health/live")) {
    problems.push("no HEALTHCHECK on /api/health/live");
  }
  const cmd = finalStage.find((i) => i.getKeyword() === "CMD");
  if (!cmd?.getTextContent().match(/CMD\s+\[/)) problems.push("CMD not in exec form");
  if (file.getInstructions().some((i) => i.getKeyword() === "ADD")) problems.push("ADD used");
  return problems;
}

describe("Dockerfile", () => {
  const dockerfile = read("Dockerfile");

  it("has no problem dockerfile-utils finds, at its strictest", () => {
    const found = validate(dockerfile, strict).map(
      (d) => `${d.range.start.line + 1}: ${d.message}`,
    );
    expect(found).toEqual([]);
  });

  it("keeps the image's rules: multi-stage, pinned Node LTS, non-root, healthcheck, exec CMD", () => {
    expect(imageRules(dockerfile)).toEqual([]);
  });

  it("the checks can fail: a careless Dockerfile is reported", () => {
    const careless = [
      "from node",
      "MAINTAINER someone",
      "WORKDIR app",
      "ADD https://example.com/x.tgz /x",
      "CMD npm start",
      "CMD npm start",
    ].join("\n");
    expect(validate(careless, strict).length).toBeGreaterThanOrEqual(4);
    expect(imageRules(careless)).toEqual(
      expect.arrayContaining([
        "not multi-stage",
        "base image not pinned to a Node LTS version: node",
        "the final stage runs as root",
        "no HEALTHCHECK on /api/health/live",
        "CMD not in exec form",
        "ADD used",
      ]),
    );
  });

  it(".dockerignore keeps local state and secrets out of the image", () => {
    const ignored = read(".dockerignore").split("\n");
    for (const entry of ["node_modules", ".next", ".data", ".env", ".git"]) {
      expect(ignored).toContain(entry);
    }
  });
});
