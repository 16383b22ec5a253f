/**
 * What other modules may use of the mail module: queue a mail (in the
 * caller's transaction), check an address the one way Mosaik does, show a
 * mail without its secret links, and ask which mails to an address failed.
 */
export { enqueueMail, failedDeliveriesFor, type OutgoingMail } from './outbox.js';
export { addressMessage, addressProblem, emailAddress, isDeliverableAddress, maximumAddressLength, type AddressProblem, type FieldName } from './address.js';
export { redactSecretLinks, removedSecret } from './secret-links.js';
