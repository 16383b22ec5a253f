import type { ColumnType, Generated } from 'kysely';

/* Row types of 111_newsletter.sql, added to the database's type by declaration merging. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A calendar day, 'YYYY-MM-DD'. */
type Day = string;
type TextList = ColumnType<string[], string[] | undefined, string[]>;

export const newsletterLanguages = ['de', 'en', 'tr', 'ar', 'ru', 'uk'] as const;
export type NewsletterLanguage = (typeof newsletterLanguages)[number];
/** What a subscriber can ask for; a region (district) is chosen apart from these. */
export const newsletterTopics = ['events', 'funding'] as const;
export type NewsletterTopic = (typeof newsletterTopics)[number];
export const consentSources = ['letter', 'form', 'email', 'phone', 'in_person'] as const;
export type PostalConsentSource = (typeof consentSources)[number];

export interface NewsletterSubscriberTable {
  id: Generated<number>;
  email: string;
  language: NewsletterLanguage;
  topics: TextList;
  region: string | null;
  status: Generated<'pending' | 'confirmed' | 'unsubscribed'>;
  unsubscribe_token: string;
  person_id: number | null;
  confirmed_at: Timestamp | null;
  unsubscribed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NewsletterConfirmationTable {
  id: Generated<number>;
  subscriber_id: number;
  token_hash: string;
  language: NewsletterLanguage;
  topics: TextList;
  region: string | null;
  consent_text: string;
  consent_version: string;
  requested_at: Timestamp;
  expires_at: Timestamp;
  confirmed_at: Timestamp | null;
  confirmed_ip: string | null;
}

export interface NewsletterIssueTable {
  id: Generated<number>;
  status: Generated<'draft' | 'sending' | 'sent'>;
  topics: TextList;
  regions: TextList;
  languages: TextList;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  queued_at: Timestamp | null;
  sent_at: Timestamp | null;
}

export interface NewsletterIssueTextTable {
  issue_id: number;
  language: NewsletterLanguage;
  subject: string;
  body: string;
}

export interface NewsletterDeliveryTable {
  issue_id: number;
  subscriber_id: number;
  queued_at: Timestamp;
}

export interface NewsletterSettingTable {
  id: Generated<number>;
  record_confirm_ip: Generated<boolean>;
  mails_per_minute: Generated<number>;
  updated_at: Timestamp;
}

export interface PostalMailConsentTable {
  organisation_id: number;
  addressee: string | null;
  street: string;
  postcode: string;
  city: string;
  source: PostalConsentSource;
  agreed_on: Day;
  withdrawn_on: Day | null;
  recorded_by: number | null;
  updated_at: Timestamp;
}

declare module '../../db/tables.js' {
  interface Database {
    newsletter_subscriber: NewsletterSubscriberTable;
    newsletter_confirmation: NewsletterConfirmationTable;
    newsletter_issue: NewsletterIssueTable;
    newsletter_issue_text: NewsletterIssueTextTable;
    newsletter_delivery: NewsletterDeliveryTable;
    newsletter_setting: NewsletterSettingTable;
    postal_mail_consent: PostalMailConsentTable;
  }
}
