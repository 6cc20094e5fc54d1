/**
 * The api's configuration defaults to NODE_ENV=production (config.ts), but libraries read process.env.NODE_ENV
 * themselves when they load: graphql keeps its slower development checks and express its development error pages
 * unless it is set. Imported first by the entry points, so that an unset NODE_ENV means production everywhere.
 */
if (!process.env.NODE_ENV) process.env.NODE_ENV = 'production';
