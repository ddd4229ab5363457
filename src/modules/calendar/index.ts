// The work calendar's face: other modules ask for the working-day calendar here.
export { calendarRoutes } from './routes.ts';
export { ensureLibraryYears, workCalendarFor } from './service.ts';
export { CALENDAR_PERMISSIONS } from './permissions.ts';
