import { z } from 'zod';
import './common';
import { lazySchema } from './lazy';

/**
 * A team template's cover for audit reports (issue 15): a few paragraphs of
 * plain text and a small logo. The logo is pack data, so it is checked like any
 * other untrusted input: only a base64 data: address of a PNG, JPEG or WebP
 * image (never SVG, which can carry script), whose first bytes really are that
 * kind of image, under LOGO_MAX_CHARS. The report shows it as an <img>, with a
 * content security policy that lets images come only from data: addresses.
 */
export const LOGO_MAX_CHARS = 64 * 1024;
export const COVER_MAX_CHARS = 4_000;

const LOGO_ADDRESS = /^data:image\/(png|jpeg|webp);base64,([A-Za-z0-9+/]+={0,2})$/;

function startsAs(kind: string, bytes: string): boolean {
  const code = (i: number) => bytes.charCodeAt(i);
  if (kind === 'png') return code(0) === 0x89 && bytes.slice(1, 4) === 'PNG';
  if (kind === 'jpeg') return code(0) === 0xff && code(1) === 0xd8 && code(2) === 0xff;
  return bytes.slice(0, 4) === 'RIFF' && bytes.slice(8, 12) === 'WEBP';
}

/** Null when the address is an acceptable logo, else the plain reason. */
export function logoProblem(address: string): string | null {
  if (address.length > LOGO_MAX_CHARS) return `The logo is too large: keep it under ${Math.floor((LOGO_MAX_CHARS * 3) / 4 / 1024)} KB.`;
  const match = LOGO_ADDRESS.exec(address);
  if (!match || match[2]!.length % 4 !== 0) return 'The logo must be a PNG, JPEG or WebP image written as a data:image/…;base64,… address.';
  let head: string;
  try {
    head = atob(match[2]!.slice(0, 16));
  } catch {
    return 'The logo’s base64 text is damaged.';
  }
  return startsAs(match[1]!, head) ? null : `The logo says it is a ${match[1]!.toUpperCase()} image but its contents are not.`;
}

export const reportBranding = lazySchema(() => z.strictObject({
  /** Plain text shown on the report's cover; blank lines start new paragraphs. Never rendered as HTML. */
  cover: z.string().max(COVER_MAX_CHARS).optional(),
  /** data:image/png|jpeg|webp;base64,… */
  logo: z
    .string()
    .max(LOGO_MAX_CHARS + 100)
    .superRefine((value, ctx) => {
      const problem = logoProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  /** The logo's text alternative ("Northwind Support"). */
  logoAlt: z.string().trim().max(200).optional(),
}));
export type ReportBranding = z.infer<typeof reportBranding>;
