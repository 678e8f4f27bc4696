import { z } from "zod";
import { countryCodes } from "./countries";

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((v) => (v === "" ? null : v));

/** Profile fields a user may correct (right to rectification). Same schema in form and action. */
export const profileSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "validation.name.required")
    .max(100, "validation.profile.nameTooLong"),
  company: optionalText(100, "validation.profile.companyTooLong"),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine(
      (v) => v === "" || (countryCodes as readonly string[]).includes(v),
      "validation.profile.country",
    )
    .transform((v) => (v === "" ? null : v)),
  phone: z
    .string()
    .trim()
    .refine(
      (v) => v === "" || (/^\+?[0-9 ().-]{6,24}$/.test(v) && /^(\D*\d){6,15}\D*$/.test(v)),
      "validation.profile.phone",
    )
    .transform((v) => (v === "" ? null : v)),
  language: z.enum(["en", "nl"], "validation.profile.language"),
});

export type ProfileInput = z.input<typeof profileSchema>;
export type ProfileValues = z.output<typeof profileSchema>;
