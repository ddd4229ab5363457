// The self-service module's face: routes (/api/m), its (empty) staff permissions, and the SMS senders
// the assembly and tests choose from.
export { SELFSERVICE_PERMISSIONS } from './permissions.ts';
export { PERSON_COOKIE, selfserviceRoutes, selfserviceRoutesWith } from './routes.ts';
export { demoSink, gatewaySender, senderFor, type SmsSender, unconfiguredSender } from './sms.ts';
