import "server-only";
import { getCategory, type CategoryId } from "@/lib/catalog";
import { getRequestMeta } from "@/lib/auth/request";
import { requireRecentAuth, requireWritable, type SessionContext } from "@/lib/dal/session";
import { env } from "@/lib/env";
import {
  totalRows,
  writeCsvFile,
  writeJsonDocument,
  writeZipDocument,
  type ExportCounts,
  type ExportPlan,
} from "@/lib/export/document";
import { writeHtmlDocument } from "@/lib/export/html";
import { exportFileName } from "@/lib/export/http";
import { buildManifest, type ExportFormat } from "@/lib/export/manifest";
import { ExportAborted, ExportSink } from "@/lib/export/sink";
import { exportTables } from "@/lib/export/tables";
import { log } from "@/lib/log";
import { isShuttingDown, shutdownSignal } from "@/lib/server/lifecycle";
import { beginExport, finishExport } from "./history";
import { EXPORT_BUSY_RETRY_SECONDS, releaseExportSlot, takeExportSlot } from "./slots";
import { withExportSnapshot } from "./snapshot";

export { listMyExportHistory, countMyExportRows } from "./overview";

export type ExportRequest = {
  format: ExportFormat;
  categories: CategoryId[];
  /** Inclusive days, YYYY-MM-DD (validated by lib/validation/export). */
  from: string | null;
  to: string | null;
  /** For format "csv": the one table to send. */
  table?: string;
};

export type OpenedExport =
  | {
      ok: true;
      id: string;
      body: ReadableStream<Uint8Array>;
      fileName: string;
      contentType: string;
    }
  | { ok: false; status: 409 | 429 | 400 | 503; retryAfterSeconds?: number; message: string };

const startOfDay = (day: string | null) => (day ? new Date(`${day}T00:00:00.000Z`) : null);
const dayAfter = (day: string | null) =>
  day ? new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000) : null;

/**
 * Starts the signed-in user's portability export and returns its body, which streams from one
 * read-only snapshot while the client reads. Refuses read-only (impersonated) sessions and
 * asks for the password again when it was not entered recently. Limits: one running export
 * per user and EXPORT_DAILY_LIMIT a day (in the database, across instances), and
 * EXPORT_MAX_CONCURRENT per instance. The history row and audit events are written in their
 * own READ COMMITTED transactions before and after the snapshot.
 */
export async function openMyExport(
  request: ExportRequest,
  signal?: AbortSignal,
): Promise<OpenedExport> {
  await requireWritable("export.request");
  const session = await requireRecentAuth(env.EXPORT_REAUTH_MINUTES);
  const { ip } = await getRequestMeta();
  const category = request.categories[0];
  const table =
    request.format === "csv" && category
      ? exportTables[category].find(
          (t) => t.table === (request.table ?? exportTables[category][0]!.table),
        )
      : undefined;
  if (request.format === "csv" && !table) {
    return { ok: false, status: 400, message: "That category has no such table." };
  }
  if (isShuttingDown()) {
    return {
      ok: false,
      status: 503,
      retryAfterSeconds: 1,
      message: "This server is restarting. Please try again in a moment.",
    };
  }
  if (!takeExportSlot()) {
    return {
      ok: false,
      status: 429,
      retryAfterSeconds: EXPORT_BUSY_RETRY_SECONDS,
      message: "We are preparing many exports right now. Please try again in a few seconds.",
    };
  }
  let started: Awaited<ReturnType<typeof beginExport>>;
  try {
    started = await beginExport(session, {
      format: request.format,
      categories: request.categories,
      rangeFrom: startOfDay(request.from),
      rangeTo: startOfDay(request.to),
      ip,
    });
  } catch (error) {
    releaseExportSlot();
    throw error;
  }
  if (!("id" in started)) {
    releaseExportSlot();
    const wait = Math.max(1, Math.ceil((started.retryAt.getTime() - Date.now()) / 1000));
    return {
      ok: false,
      status: started.reason === "running" ? 409 : 429,
      retryAfterSeconds: wait,
      message: started.message,
    };
  }

  const sink = new ExportSink();
  signal?.addEventListener("abort", () => sink.abort(), { once: true });
  // On SIGTERM an export may finish within server.ts's drain window; past it, it is aborted.
  const onShutdown = () => sink.abort();
  shutdownSignal().addEventListener("abort", onShutdown, { once: true });
  sink.signal.addEventListener("abort", () =>
    shutdownSignal().removeEventListener("abort", onShutdown),
  );
  const id = started.id;
  void produce(session, id, ip, request, table?.table, sink).finally(() => {
    shutdownSignal().removeEventListener("abort", onShutdown);
    releaseExportSlot();
  });

  const now = new Date();
  const [fileName, contentType] =
    request.format === "csv"
      ? [
          `${category}-${table!.table}-${now.toISOString().slice(0, 10)}.csv`,
          "text/csv; charset=utf-8; header=present",
        ]
      : [
          exportFileName(request.format, now),
          request.format === "json" ? "application/json; charset=utf-8" : "application/zip",
        ];
  return { ok: true, id, body: sink.stream, fileName, contentType };
}

async function produce(
  session: SessionContext,
  id: string,
  ip: string | null,
  request: ExportRequest,
  table: string | undefined,
  sink: ExportSink,
): Promise<void> {
  const scope = {
    userId: session.user.id,
    from: startOfDay(request.from),
    to: dayAfter(request.to),
  };
  try {
    const counts = await withExportSnapshot(sink.signal, async (reader): Promise<ExportCounts> => {
      const manifest = buildManifest({
        exportId: id,
        generatedAt: reader.takenAt,
        format: request.format,
        appUrl: env.APP_URL,
        subject: { id: session.user.id, email: session.user.email, name: session.user.name },
        categories: request.categories,
        range: { from: request.from, to: request.to },
      });
      const plan: ExportPlan = {
        categories: request.categories,
        scope,
        manifest,
        locale: session.user.language,
      };
      if (request.format === "json") return writeJsonDocument(reader, plan, sink.write);
      if (request.format === "zip") return writeZipDocument(reader, plan, sink.write, sink.signal);
      if (request.format === "html")
        return writeHtmlDocument(reader, plan, sink.write, sink.signal);
      const category = request.categories[0]!;
      const t = exportTables[category].find((x) => x.table === table)!;
      return {
        [category]: { [t.table]: await writeCsvFile(reader, category, t, scope, sink.write) },
      };
    });
    const sent = await sink.close();
    await finishExport(session, id, ip, { status: "completed", rows: totalRows(counts), ...sent });
  } catch (error) {
    const aborted = error instanceof ExportAborted || sink.signal.aborted;
    sink.fail(error);
    if (!aborted) log.error("export failed", { id, error: (error as Error).message });
    await finishExport(session, id, ip, {
      status: "failed",
      rows: null,
      bytes: sink.bytes,
      sha256: null,
      error: shutdownSignal().aborted
        ? "The server restarted before the download finished."
        : aborted
          ? "The download was cancelled before it finished."
          : "The export stopped because of an error on our side.",
    }).catch((e: unknown) =>
      log.error("export history not recorded", { id, error: (e as Error).message }),
    );
  }
}

/** Category title for messages. */
export const categoryTitle = (id: CategoryId) => getCategory(id)?.title ?? id;
