import { z } from 'zod';
import { IsoDate, TeamId } from './common.js';

export const TeamView = z
  .object({
    id: TeamId,
    name: z.string(),
    memberCount: z.number().int().describe('Users in the team'),
    createdAt: IsoDate,
  })
  .describe('A team');

export const TeamList = z.object({ items: z.array(TeamView) });

export const TeamParams = z.strictObject({ id: TeamId });

export const MemberView = z
  .object({
    name: z.string().describe('The user name (the e-mail address for people who sign in)'),
    role: z.enum(['member', 'team-admin', 'admin']),
    createdAt: IsoDate,
  })
  .describe('A user of a team');

export const MemberList = z.object({ items: z.array(MemberView) });
