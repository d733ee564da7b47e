/**
 * IANA time zones, as the runtime knows them. UTC is offered first: it is the default, and some
 * runtimes leave it out of `supportedValuesOf`.
 */
let zones: readonly string[] | undefined;

export function timeZones(): readonly string[] {
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
  return zones;
}

export function isTimeZone(value: string): boolean {
  return timeZones().includes(value);
}
