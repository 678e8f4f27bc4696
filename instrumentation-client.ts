// Runs in the browser before any of the app's modules (Next.js's instrumentation-client).
// Zod decides whether it may compile parsers with `new Function` when a schema is *built*,
// which happens as modules load; our Content-Security-Policy forbids eval, so that probe must
// be switched off before the first schema exists (see components/ui/zod-jitless.ts).
import "./components/ui/zod-jitless";
