/**
 * The topics of needs and concerns (labels: concerns.topics.<key>), along
 * what the report's meetings named (5.1–5.4): rooms, funding and its rules,
 * applying, volunteers' load, networking, public relations, discrimination,
 * participation in politics, referral knowledge, other.
 */
export const concernTopics = ['rooms', 'funding_rules', 'application', 'volunteering', 'networking', 'public_relations', 'discrimination', 'participation', 'referral', 'other'] as const;
export type ConcernTopic = (typeof concernTopics)[number];
export const isConcernTopic = (value: unknown): value is ConcernTopic => typeof value === 'string' && (concernTopics as readonly string[]).includes(value);
