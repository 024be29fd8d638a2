// What the public portal may show. Pure: no I/O.

/**
 * The headline KPIs of the home, in display order: the figures a province reads out at its conferences
 * (e-documents, digital signatures at province and commune level, online public services and payments,
 * internet users, e-commerce stalls and products). All are aggregates of agencies and communes, never of a
 * person, so they are safe to publish.
 */
export const PUBLIC_HEADLINE_KPIS = [
  'EDOC_SENT',
  'DIGSIG_RATE_PROVINCE',
  'DIGSIG_RATE_COMMUNE',
  'ONLINE_PS_RATE',
  'ONLINE_PAYMENT_RATE',
  'INTERNET_USERS_RATE',
  'ECOM_STALLS',
  'ECOM_PRODUCTS',
] as const;

/** How many rows of the latest published ranking the home shows. */
export const PUBLIC_RANKING_TOP = 5;

/** Whether a KPI may appear on the public home (only the chosen headline figures do). */
export function isPublicHeadlineKpi(code: string): boolean {
  return (PUBLIC_HEADLINE_KPIS as readonly string[]).includes(code);
}

/**
 * Requests one address may make to the home per minute before it is told to wait. A page load makes one; the
 * bound is generous because mobile carriers put many phones behind one address (CGNAT), and the answer is
 * cached, so it only stops a single client hammering the server.
 */
export const PUBLIC_HOME_RATE = { max: 300, windowSeconds: 60 } as const;
