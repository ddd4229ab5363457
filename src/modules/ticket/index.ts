// The ticket module's face: routes and permissions (12345 工单).
export { TICKET_PERMISSIONS } from './permissions.ts';
export { ticketRoutes } from './routes.ts';
export { actOn as actOnTicket, registerTicket, type TicketContext } from './service.ts';
