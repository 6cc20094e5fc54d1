/** The GraphQL name of the roles (imported for its effect by the types that use Role). */
import { registerEnumType } from 'type-graphql';
import { Role } from './role.js';

registerEnumType(Role, {
  name: 'Role',
  description:
    'Who may call an operation. Staff roles belong to accounts; KIOSK and DISPLAY to devices; PORTAL to API keys.',
});
