import { z } from "zod";

// Zod 4 probes whether it may compile parsers with `new Function` the first time it parses an
// object. Our Content-Security-Policy forbids eval, so in the browser the probe is a CSP
// violation: Chrome logs it as an issue and Lighthouse's best-practices score drops to 96
// ("inspector-issues"). Jitless parsing skips the probe; our forms parse small objects, where
// compiling buys nothing. Imported for its effect by components/ui/read-only.tsx, which the root
// layout loads on every page before any form can parse.
z.config({ jitless: true });
