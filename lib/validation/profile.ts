import { z } from "zod";
import { countryCodes } from "./countries";

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters`)
    .transform((v) => (v === "" ? null : v));

/** Profile fields a user may correct (right to rectification). Same schema in form and action. */
export const profileSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter your name")
    .max(100, "Your name can be at most 100 characters"),
  company: optionalText(100, "Company"),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine(
      (v) => v === "" || (countryCodes as readonly string[]).includes(v),
      "Choose a country from the list",
    )
    .transform((v) => (v === "" ? null : v)),
  phone: z
    .string()
    .trim()
    .refine(
      (v) => v === "" || (/^\+?[0-9 ().-]{6,24}$/.test(v) && /^(\D*\d){6,15}\D*$/.test(v)),
      "Enter a phone number of 6 to 15 digits, like +31 30 123 4567",
    )
    .transform((v) => (v === "" ? null : v)),
  language: z.enum(["en", "nl"], "Choose English or Dutch"),
});

export type ProfileInput = z.input<typeof profileSchema>;
export type ProfileValues = z.output<typeof profileSchema>;
