// Business dates (deadlines, periods, "as of") are calendar dates in Asia/Ho_Chi_Minh, while instants are
// stored in UTC. This is the one conversion: server and web both use it, so "today" never differs by module.

const VIETNAM_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date ('YYYY-MM-DD') in Vietnam at `instant`. */
export function vietnamDate(instant: Date): string {
  return VIETNAM_DATE.format(instant);
}

/** 'YYYY-MM-DD' → 'DD/MM/YYYY', the way Vietnamese documents write dates. */
export function vietnameseDateText(isoDate: string): string {
  return isoDate.slice(0, 10).split('-').reverse().join('/');
}

const VIETNAM_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as Vietnamese documents write it, in Vietnam time: 'DD/MM/YYYY HH:mm'. */
export function vietnameseDateTimeText(instant: Date): string {
  return `${vietnameseDateText(vietnamDate(instant))} ${VIETNAM_TIME.format(instant)}`;
}
