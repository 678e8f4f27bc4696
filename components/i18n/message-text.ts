import { useTranslations } from "next-intl";

/** Message keys that may travel as data (a zod issue, a server action's refusal) and be shown. */
const KEY = /^(validation|errors)\.[A-Za-z0-9_.]+$/;

/**
 * Shows a message that may be a key: zod schemas and server actions return keys such as
 * "validation.email.invalid" or "errors.readOnly" (they run where the viewer's language is not
 * known, or is known only to the form); anything else is shown as it came. Works in server and
 * client components alike.
 */
export function useMessageText(): (message: string | undefined) => string | undefined {
  const t = useTranslations();
  return (message) => {
    if (!message || !KEY.test(message)) return message;
    const key = message as Parameters<typeof t>[0];
    return t.has(key) ? t(key) : message;
  };
}
