import { z } from "zod";

// Zod 4 probes whether it may compile parsers with `new Function` when an object schema is
// built. Our Content-Security-Policy forbids eval, so in the browser the probe is a CSP
// violation: Chrome logs it as an issue and Lighthouse's best-practices score drops to 96
// ("inspector-issues"). Jitless parsing skips the probe; our forms parse small objects, where
// compiling buys nothing. Imported for its effect by instrumentation-client.ts, which Next.js
// runs before any other client module (so before any schema is built).
z.config({ jitless: true });
