/**
 * The words of the pinboard (report 6.3 and the annex's wishes): what a post
 * is about, the topics of know-how, why a post is reported. Stored as these
 * tokens; pages show them through pinboard.kinds.<token> and so on.
 */

export const postKinds = ['room_offered', 'room_wanted', 'knowhow_offered', 'knowhow_wanted', 'partner_sought', 'fair_exhibitor'] as const;
export type PostKind = (typeof postKinds)[number];
export const roomKinds: readonly PostKind[] = ['room_offered', 'room_wanted'];

/** Topics of know-how and partnerships (report 6.3: websites, bookkeeping, translation, music at a festival, …). */
export const topics = [
  'website', 'bookkeeping', 'translation', 'music', 'funding', 'events', 'youth', 'women', 'education', 'culture', 'sport', 'social_media', 'law', 'rooms',
] as const;
export type Topic = (typeof topics)[number];

export const postStates = ['pending', 'published', 'rejected', 'withdrawn', 'expired', 'hidden'] as const;
export type PostState = (typeof postStates)[number];

export const reportReasons = ['spam', 'offensive', 'wrong', 'personal', 'other'] as const;
export type ReportReason = (typeof reportReasons)[number];

/** Open reports that hide a post until staff decide (Decidim's rule, wave2.md). */
export const hideAfterReports = 3;
