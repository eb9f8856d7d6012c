/** Placeholder: replaced by the e-mail infrastructure. */
export default class CrmMailerService {}
