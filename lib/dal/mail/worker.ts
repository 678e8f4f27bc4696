import "server-only";
import { getDb } from "@/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { deliverDueMail, smtpTransport, type DeliverResult, type MailTransport } from "./outbox";
import { errorMessage, redactSecrets } from "@/lib/mail/transport";

const POLL_MS = 2_000;
const BATCH_SIZE = 20;

/**
 * Kept on globalThis: Next.js bundles instrumentation and each route separately, so module state
 * would give every bundle its own worker, and a flush from a server action would not know about
 * the pass the poller is running.
 */
type WorkerState = {
  stop?: () => void;
  warnedNoSmtp?: boolean;
  transport?: MailTransport;
  running?: Promise<DeliverResult | null>;
  queued?: Promise<DeliverResult | null>;
};
const holder = globalThis as { __privacyCenterMail?: WorkerState };
const state = (holder.__privacyCenterMail ??= {});

/**
 * Polls the outbox every 2 s and delivers over SMTP_URL. Without SMTP_URL mail just stays in the
 * outbox (readable on the development mailbox page). Calling it again returns the same stop.
 */
export function startMailWorker(): () => void {
  if (state.stop) return state.stop;
  if (!env.SMTP_URL) {
    if (!state.warnedNoSmtp) {
      state.warnedNoSmtp = true;
      log.info("SMTP_URL is not set: mail stays in the outbox and is not delivered.");
    }
    return () => {};
  }

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = (ms: number) => {
    timer = setTimeout(tick, ms);
    timer.unref(); // a pending poll must not keep the process (or a test run) alive
  };
  const tick = async () => {
    const result = await runPass();
    // A full batch means more is due: go again at once rather than in 2 s.
    const handled = result ? result.sent + result.failed + result.retried : 0;
    if (!stopped) schedule(handled >= BATCH_SIZE ? 0 : POLL_MS);
  };
  schedule(0);

  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    if (state.stop === stop) state.stop = undefined;
  };
  state.stop = stop;
  log.info("Mail worker started: delivering the outbox over SMTP.");
  return stop;
}

/**
 * Runs a delivery pass now, for mail someone is waiting for (a verification link). Never throws;
 * awaiting it costs one SMTP round trip per due mail. Does nothing without SMTP_URL.
 */
export async function flushMailNow(): Promise<void> {
  if (!env.SMTP_URL) return;
  await runPass();
}

/**
 * Passes never overlap within a process. A request arriving during a pass queues one more pass
 * after it (the running one may have claimed its rows before the new mail committed); requests
 * arriving while that one waits share it.
 */
function runPass(): Promise<DeliverResult | null> {
  if (!state.running) {
    state.running = deliverOnce().finally(() => {
      state.running = undefined;
    });
    return state.running;
  }
  state.queued ??= state.running.then(() => {
    state.queued = undefined;
    return runPass();
  });
  return state.queued;
}

async function deliverOnce(): Promise<DeliverResult | null> {
  if (!env.SMTP_URL) return null;
  try {
    state.transport ??= smtpTransport(env.SMTP_URL, env.MAIL_FROM);
    const result = await deliverDueMail(await getDb(), state.transport, { batchSize: BATCH_SIZE });
    if (result.sent + result.failed + result.retried > 0) log.debug("mail delivery pass", result);
    return result;
  } catch (error) {
    // Database trouble, most likely; redact anyway in case a connection URL is in the message.
    log.error("mail delivery pass failed", { error: redactSecrets(errorMessage(error)) });
    return null;
  }
}
