import { describe, expect, it } from "vitest";
import { MAX_BATCH_BYTES } from "../api/v1/body";
import { allowedWhileDraining, apiBodyRefusal } from "./api-gate";

describe("apiBodyRefusal", () => {
  it("asks an API write without a length for one, before anything is read", () => {
    expect(apiBodyRefusal("POST", "/api/v1/print-jobs/batch", undefined)?.status).toBe(411);
    expect(apiBodyRefusal("PUT", "/api/v1/printers/S5", "12abc")?.status).toBe(411);
    expect(apiBodyRefusal("PATCH", "/api/v1/print-jobs/x", "-1")?.status).toBe(411);
  });

  it("refuses a declared length over the largest batch, and lets the largest through", () => {
    const over = String(MAX_BATCH_BYTES + 1);
    expect(apiBodyRefusal("POST", "/api/v1/diagnostics/batch", over)).toMatchObject({
      status: 413,
    });
    expect(apiBodyRefusal("POST", "/api/v1/diagnostics/batch", String(MAX_BATCH_BYTES))).toBe(null);
    expect(apiBodyRefusal("POST", "/api/v1/token", "0")).toBe(null);
  });

  it("leaves reads and other paths alone", () => {
    expect(apiBodyRefusal("GET", "/api/v1/printers", undefined)).toBe(null);
    expect(apiBodyRefusal("POST", "/api/export", undefined)).toBe(null);
    expect(apiBodyRefusal("POST", "/api/v1", undefined)).toBe(null);
  });
});

describe("allowedWhileDraining", () => {
  it("serves exactly the health endpoints, with or without a query", () => {
    expect(allowedWhileDraining("/api/health")).toBe(true);
    expect(allowedWhileDraining("/api/health/ready?x=1")).toBe(true);
    expect(allowedWhileDraining("/api/health/live")).toBe(true);
  });

  it("serves nothing that only starts like them", () => {
    expect(allowedWhileDraining("/api/healthz")).toBe(false);
    expect(allowedWhileDraining("/api/health/../v1/printers")).toBe(false);
    expect(allowedWhileDraining("/api/health/live/x")).toBe(false);
    expect(allowedWhileDraining(undefined)).toBe(false);
  });
});
