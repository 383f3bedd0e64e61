// Subscription-message templates: which of our values fills which keyword of a template (the
// settings' templateFields). What each keyword type accepts, and the check 系统设置 runs before a
// mapping is saved, are in template-keywords.ts: kept out of this module (and of the contract's index)
// so that they load in the admin subpackage, not in the main package.
import * as z from 'zod/mini';

/** What a notice can put into a template. */
export const TEMPLATE_SOURCES = ['title', 'body', 'purpose', 'time', 'recipient'] as const;
export type TemplateSource = (typeof TEMPLATE_SOURCES)[number];

// Functions, not schemas: the settings schema builds them on its own first use (contract/settings).
export const templateFieldSchema = () =>
  z.strictObject({
    /** The keyword's key in the template's details, e.g. `thing1` for {{thing1.DATA}}. */
    key: z.string().check(z.regex(/^[a-z_]{1,24}\d{1,3}$/)),
    source: z.enum(TEMPLATE_SOURCES),
  });
export type TemplateField = z.infer<ReturnType<typeof templateFieldSchema>>;

/** A template has at most five keywords. */
export const templateFieldsSchema = () => z.array(templateFieldSchema()).check(z.minLength(1), z.maxLength(5));
