// The rating module's face: routes and permissions (好差评).
export { RATING_PERMISSIONS } from './permissions.ts';
export { ratingRoutes } from './routes.ts';
export { invite, type RatingContext, rateAtTablet, rateOnline, recordCallbackRating } from './service.ts';
export { rateBody } from './contract.ts';
export { matterRated } from './repo.ts';
