/** The FAQ's topics (labels: faq.topics.<key>), along the questions the report names (5.4). */
export const faqTopics = ['application', 'costs', 'duration', 'staff', 'proof'] as const;
export type FaqTopic = (typeof faqTopics)[number];
export const isFaqTopic = (value: unknown): value is FaqTopic => faqTopics.includes(value as FaqTopic);
