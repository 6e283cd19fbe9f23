import { z } from 'zod';
import { ROLES } from './types.ts';

export const MeSchema = z
  .object({
    username: z.string(),
    fullName: z.string(),
    role: z.enum(ROLES),
    unit: z.object({ code: z.string(), name: z.string(), level: z.enum(['province', 'commune']) }).nullable(),
  })
  .meta({ id: 'Me' });

export const StaffMemberSchema = z
  .object({
    username: z.string(),
    fullName: z.string(),
    roles: z.array(z.enum(ROLES)),
  })
  .meta({ id: 'StaffMember' });
