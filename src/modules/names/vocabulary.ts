/**
 * spec/exchange.md (docs/exchange.md): the tokens of the organisation
 * enumerations, written exactly like this. Organisations' forms and filters
 * and the import's checks share them; they live in this leaf module because
 * the import's worker thread needs them without loading the application.
 */
export const legalForms = ['initiative', 'ev_in_gruendung', 'ev', 'ev_gemeinnuetzig', 'ggmbh', 'other'] as const;
export const orientations = ['community', 'cross_community', 'mixed'] as const;
export const fieldsOfActivity = ['education', 'counselling', 'culture', 'women', 'youth', 'sport', 'health', 'refugees', 'other'] as const;
