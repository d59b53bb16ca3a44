/**
 * The requester's part of the wire request: a person or a company, with
 * the mailing address both have. Split from request-schema.ts, which
 * re-exports it as part of the contract's one entry point.
 */
import * as v from 'valibot';
import {
  type IsoDate,
  checkANumber,
  checkCitizenship,
  checkCountry,
  checkEmail,
  checkForeignPostalCode,
  checkLanguageTag,
  checkPhone,
  checkUscisAccountNumber,
  checkUsState,
  checkZip,
} from './fields';
import { LIMITS } from './request-vocabulary';
import { optionMessage, variantMessage, strict, field, optionalField, requiredText, optionalText, pastDate, uniqueList } from './schema-blocks';

const addressCommon = {
  inCareOf: optionalText(LIMITS.inCareOf),
  line1: requiredText(LIMITS.addressLine),
  line2: optionalText(LIMITS.addressLine2),
  city: requiredText(LIMITS.city),
};

const UsAddressSchema = strict({
  kind: v.literal('us', optionMessage),
  ...addressCommon,
  state: field(checkUsState),
  zip: field(checkZip),
});

/** Territories with USPS state codes take a U.S. address, not a foreign one. */
const US_DOMESTIC_COUNTRIES = new Set(['US', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM']);

const ForeignAddressSchema = strict({
  kind: v.literal('foreign', optionMessage),
  ...addressCommon,
  province: optionalText(LIMITS.province),
  postalCode: optionalField(checkForeignPostalCode),
  country: field((input) => {
    const result = checkCountry(input);
    return result.ok && US_DOMESTIC_COUNTRIES.has(result.value) ? { ok: false, code: 'country.not_foreign' } : result;
  }),
});

const AddressSchema = v.variant('kind', [UsAddressSchema, ForeignAddressSchema], variantMessage);

/**
 * The requester: the person the request is about (the applicant or
 * petitioner, never the helper), or a company or organization that
 * petitioned (an employer's Form I-129). `kind` may be left out for a
 * person, as every request before companies did.
 */
function makeIndividualSchema(today: IsoDate) {
  return strict({
    kind: v.optional(v.literal('person', optionMessage)),
    familyName: requiredText(LIMITS.name),
    // Optional: people with one name write it as the family name.
    givenName: optionalText(LIMITS.name),
    middleName: optionalText(LIMITS.name),
    otherNames: v.optional(uniqueList(requiredText(LIMITS.otherName), LIMITS.otherNames), []),
    dateOfBirth: pastDate(today),
    countryOfBirth: field(checkCountry),
    citizenship: field(checkCitizenship),
    // Not everyone has an A-number or a USCIS online account.
    aNumber: optionalField(checkANumber),
    uscisAccountNumber: optionalField(checkUscisAccountNumber),
    address: AddressSchema,
    phone: optionalField(checkPhone),
    email: optionalField(checkEmail),
    preferredLanguage: optionalField(checkLanguageTag),
  });
}

/** A business has no birth, citizenship or A-number: a key for them is refused (unknown_field). */
const CompanySchema = strict({
  kind: v.literal('company', optionMessage),
  businessName: requiredText(LIMITS.organization),
  contactName: requiredText(LIMITS.submitterName),
  contactTitle: optionalText(LIMITS.contactTitle),
  uscisAccountNumber: optionalField(checkUscisAccountNumber),
  address: AddressSchema,
  phone: optionalField(checkPhone),
  email: optionalField(checkEmail),
  preferredLanguage: optionalField(checkLanguageTag),
});

export function makePersonSchema(today: IsoDate) {
  return v.variant('kind', [makeIndividualSchema(today), CompanySchema], variantMessage);
}

export type CompanyRequester = v.InferOutput<typeof CompanySchema>;
