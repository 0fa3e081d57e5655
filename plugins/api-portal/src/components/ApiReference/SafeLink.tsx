/*
 * Links whose address comes from an API definition. A definition is text
 * anyone who can register an API wrote, so only absolute http(s) addresses
 * (and mailto: where an email is meant) become links; anything else —
 * `javascript:`, `data:`, relative or scheme-relative addresses — is shown as
 * plain text.
 */
import { ReactNode } from 'react';
import Link from '@material-ui/core/Link';

const WEB_PROTOCOLS = ['http:', 'https:'];

/** What an address may be to become a link. */
export type LinkKind = 'web' | 'web-or-mailto';

/**
 * The address to link to, normalised by the URL parser (the same one the
 * browser uses), or undefined when it may not be a link.
 */
export function safeHref(
  url: string | undefined,
  kind: LinkKind = 'web',
): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    // Absolute addresses only: no base, so relative ones throw
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  const allowed =
    WEB_PROTOCOLS.includes(parsed.protocol) ||
    (kind === 'web-or-mailto' && parsed.protocol === 'mailto:');
  return allowed ? parsed.href : undefined;
}

const EMAIL = /^[^\s@:/<>()]+@[^\s@:/<>()]+$/;

/** A mailto: address for an email from a definition, when it is one. */
export function mailtoHref(email: string | undefined): string | undefined {
  const trimmed = email?.trim();
  return trimmed && EMAIL.test(trimmed)
    ? safeHref(`mailto:${trimmed}`, 'web-or-mailto')
    : undefined;
}

/** Markdown links: http(s) and mailto: stay links, others become text. */
export function markdownLinkUri(href: string): string {
  return safeHref(href, 'web-or-mailto') ?? '';
}

/**
 * A link to an address from a definition, opened in a new window; plain text
 * when the address may not be a link.
 */
export function SafeLink(props: {
  href: string | undefined;
  kind?: LinkKind;
  children: ReactNode;
}) {
  const href = safeHref(props.href, props.kind);
  if (!href) return <span>{props.children}</span>;
  return (
    <Link href={href} target="_blank" rel="noopener noreferrer">
      {props.children}
    </Link>
  );
}
