/**
 * Zones offered for times written without one. Named zones follow daylight saving; fixed offsets
 * are for hand-overs that state one ("local time, UTC+01:00") or hosts that never switch
 * (src/parsers/common/time.ts reads both).
 */
export const ZONES = ['UTC', 'Europe/Zurich', 'Europe/Amsterdam', 'Europe/London', 'America/Chicago', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo', 'Australia/Sydney', '+01:00', '+02:00', '-05:00', '-06:00', '+08:00', '+09:00'];

/** The demo bundle's site hosts keep CET without writing it (its README.txt says so). */
export const DEMO_ZONE = '+01:00';
